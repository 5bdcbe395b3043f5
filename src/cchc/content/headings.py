"""Heading levels in a Markdown body. A heading that goes down more than one level from the one before it
("### 2." then "##### a)") leaves a gap that screen readers announce and Lighthouse's accessibility audit
counts against the page (heading-order); the editor is told where, as a warning: the words stay as written."""

from __future__ import annotations

import re

from cchc.problems import Problem, Severity

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def skipped_levels(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """A warning on each heading more than one level below the heading before it, outside code fences."""
    found: list[Problem] = []
    fence = ""
    before = 0
    for number, line in enumerate(body.split("\n"), first_line):
        if opening := _FENCE.match(line):
            mark = opening[1][0] * 3
            fence = "" if fence and mark == fence else fence or mark
            continue
        if fence or (heading := _HEADING.match(line)) is None:
            continue
        level = len(heading[1])
        if before and level > before + 1:
            found.append(
                Problem(
                    path,
                    number,
                    "nội dung",
                    f"tiêu đề cấp {level} ngay sau tiêu đề cấp {before}: hãy dùng cấp {before + 1} "
                    f"({'#' * (before + 1)}) để trình đọc màn hình không báo thiếu một cấp",
                    Severity.WARNING,
                )
            )
        before = level
    return found
