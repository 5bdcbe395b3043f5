"""Hand-written pages: `docs/**/*.md`. Their front matter may set only what a page of words needs, never
what the portal's own pages carry (structured data, cards, templates that expect other data)."""

from __future__ import annotations

from pathlib import Path

from cchc.content import files, frontmatter
from cchc.content.schema import Field, FieldError, read_fields
from cchc.problems import Problem

TEMPLATES = ("search.html",)


def read_template(value: str) -> str:
    if value not in TEMPLATES:
        raise FieldError(
            f"mẫu trang '{value}' không dùng được cho trang viết tay; chỉ có: "
            f"{', '.join(TEMPLATES)}, hoặc bỏ trường này"
        )
    return value


SCHEMA = (
    Field("title", "tiêu đề trang"),
    Field("description", "mô tả ngắn của trang"),
    Field("template", f"mẫu trang: {', '.join(TEMPLATES)}", False, read_template),
    Field("hide", "phần giao diện ẩn đi: navigation, toc", shape="list"),
)


def check_pages(root: Path, problems: list[Problem]) -> None:
    for file in files.walk(root, root / files.DOCS, [], (".md",)):
        shown, text = frontmatter.read(root, file, problems)
        if text is None or not text.startswith("---"):
            continue
        source, found = frontmatter.parse(shown, text)
        problems.extend(found)
        if not found:
            read_fields(source, SCHEMA, source.meta, 1, problems)
