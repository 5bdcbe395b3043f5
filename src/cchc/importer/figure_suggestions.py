"""Figures found in a body (`content.figure_finder`) as the editor gets them to confirm: JSON, or a
ready `so_lieu:` block (`cchc so-lieu`), commented in an imported file (`cchc nhap`)."""

from __future__ import annotations

import json
import re

from cchc.content.figure_finder import Suggestion, suggest
from cchc.model import Indicator

__all__ = ["as_json", "contexts", "suggest", "yaml_block"]

AROUND = 60  # characters of context either side of a number, for the editor to recognise its place
_DIGITS = re.compile(r"\d[\d.,]*\d|\d")


def _around(sentence: str, start: int, end: int) -> str:
    """The words around sentence[start:end], up to AROUND characters either side, cut between words, with
    "…" where the sentence goes on."""
    left, right = sentence[max(0, start - AROUND) : start], sentence[end : end + AROUND]
    if start > AROUND:
        left = "…" + (left.split(" ", 1)[1] if " " in left else "")
    if end + AROUND < len(sentence):
        right = (right.rsplit(" ", 1)[0] if " " in right else "") + "…"
    return (left + sentence[start:end] + right).strip()


def contexts(suggestions: list[Suggestion]) -> list[str]:
    """Each suggestion's number with the words around it. The finder gives the sentence, not the place:
    a sentence's figures come in order, so each is looked for after the one before."""
    found: list[str] = []
    after: dict[tuple[int, str], int] = {}  # where the next figure of a line's sentence is looked for
    for s in suggestions:
        key = (s.line, s.sentence)
        digits = _DIGITS.search(s.written)
        pattern = rf"(?<![\d/.,]){re.escape(digits.group())}(?!\d)" if digits else re.escape(s.written)
        match = re.compile(pattern).search(s.sentence, after.get(key, 0))
        if match is None:  # not met again (should not happen): the sentence's start
            found.append(_around(s.sentence, 0, 0))
            continue
        after[key] = match.end()
        found.append(_around(s.sentence, match.start(), match.end()))
    return found


def as_json(suggestions: list[Suggestion], catalogue: dict[str, Indicator]) -> list[dict[str, object]]:
    return [
        {
            "dong": s.line,
            "gia_tri": s.written,
            "don_vi": s.unit,
            "chi_tieu": s.indicator,
            "ten_chi_tieu": catalogue[s.indicator].name if s.indicator else None,
            "context": context,
            "cau": s.sentence,
        }
        for s, context in zip(suggestions, contexts(suggestions))
    ]


def yaml_block(suggestions: list[Suggestion], commented: bool = False) -> str:
    """A `so_lieu:` block ready to paste: one entry per indicator (its first figure), each with the line
    and the words around it; figures of no indicator, or of one already given, as comments."""
    lines, taken = ["so_lieu:"], set()
    for s, context in zip(suggestions, contexts(suggestions)):
        quoted = json.dumps(s.written, ensure_ascii=False)
        where = f"dòng {s.line}: {context}"
        if s.indicator and s.indicator not in taken:
            taken.add(s.indicator)
            lines += [f"  - chi_tieu: {s.indicator}", f"    gia_tri: {quoted}  # {where}"]
        else:
            lines.append(f"  # {'?' if not s.indicator else s.indicator}: {quoted} {s.unit} ({where})")
    if commented:  # one '#' before each line: deleting it gives the block back, indentation and all
        lines = [f"#{line}" for line in lines]
    return "\n".join(lines) + "\n"
