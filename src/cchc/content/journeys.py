"""Journeys (hành trình): `content/hanh-trinh/<name>.md`, a life event's procedures in order: a title, an
introduction (the body), the legal basis, and the steps, each naming the procedures it takes, those that
may stand in for them ("hoặc"), or only saying what to do where no procedure of the portal does it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cchc.content import frontmatter, markdown_limits
from cchc.content.frontmatter import Source
from cchc.content.schema import Field, read_fields
from cchc.model import Journey, JourneyStep
from cchc.problems import Problem
from cchc.text import slugify

FOLDER = "hanh-trinh"
MAX_STEPS = 12  # a life event's procedures; more is a list to split, not a journey to follow

STEP = (
    Field("ten", "tên bước, ví dụ 'Đăng ký khai sinh cho trẻ'", True),
    Field("mo_ta", "việc cần làm ở bước này, thời hạn, nơi làm (Markdown)", limit=4000),
    Field("thu_tuc", "tên tệp (không có .md) của các thủ tục của bước, làm tất cả", shape="list"),
    Field("hoac", "tên tệp của các thủ tục có thể làm thay (hoặc)", shape="list"),
)
SCHEMA = (
    Field("tieu_de", "tên hành trình, ví dụ 'Khi gia đình có trẻ mới sinh'", True),
    Field("can_cu", "căn cứ pháp lý, mỗi văn bản một dòng", True, shape="list"),
    Field(
        "buoc",
        "các bước theo thứ tự, mỗi bước có ten và thu_tuc hoặc mo_ta",
        True,
        shape="records",
        fields=STEP,
    ),
)


def journey_from(source: Source, file: Path, problems: list[Problem]) -> Journey | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    if missing := frontmatter.missing_body(source, "hành trình"):
        problems.append(missing)
    written = source.meta["buoc"].children if "buoc" in source.meta else None
    lines = [item.line for item in written] if isinstance(written, list) else []
    steps = [_step(item, line) for item, line in zip(data.get("buoc") or [], lines, strict=False)]
    for number, step in enumerate(steps, 1):
        if step.text and isinstance(written, list):  # Markdown, bounded as a body is (markdown_limits)
            # A text of several lines was written as a block (`mo_ta: |`), from the line below the field.
            first = written[number - 1].fields()["mo_ta"].line + ("\n" in step.text.strip())
            found = markdown_limits.problems(source.path, step.text, first)
            problems += [dataclasses.replace(p, field=f"buoc[{number}].mo_ta") for p in found]
        if not step.procedures and not step.alternatives and not step.text:
            problems.append(
                Problem(
                    source.path,
                    step.line,
                    f"buoc[{number}]",
                    "bước chưa nói phải làm gì; cần thu_tuc (các thủ tục của bước) hoặc mo_ta",
                )
            )
    if len(steps) > MAX_STEPS:
        problems.append(
            Problem(
                source.path,
                lines[MAX_STEPS],
                "buoc",
                f"hành trình có {len(steps)} bước, quá {MAX_STEPS}; hãy tách thành hai hành trình",
            )
        )
    if len(problems) > before:
        return None
    basis = source.meta["can_cu"].entries()
    return Journey(
        path=source.path,
        slug=slugify(file.stem),
        title=data["tieu_de"],
        intro=source.body.strip(),
        steps=steps,
        legal_basis=data["can_cu"],
        legal_basis_lines=[value.line for value in basis],
        body_line=source.body_line,
        lines=source.lines(),
    )


def _step(data: dict[str, object], line: int) -> JourneyStep:
    procedures, alternatives = data.get("thu_tuc") or [], data.get("hoac") or []
    assert isinstance(procedures, list) and isinstance(alternatives, list)  # the schema's list shape
    return JourneyStep(
        title=str(data.get("ten") or ""),
        text=str(data.get("mo_ta") or ""),
        procedures=[str(slug) for slug in procedures],
        alternatives=[str(slug) for slug in alternatives],
        line=line,
    )
