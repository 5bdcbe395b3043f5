"""Hand-written pages: `docs/**/*.md`. Their front matter may set only what a page of words needs, never
what the portal's own pages carry (structured data, cards, templates that expect other data)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cchc.content import files, frontmatter
from cchc.content.schema import Field, FieldError, read_fields
from cchc.problems import Problem

TEMPLATES = ("search.html", "home.html")


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


# MkDocs also reads "key: value" lines that open a page as its settings (MultiMarkdown meta-data,
# mkdocs.utils.meta.META_RE): such a page would set what no schema checks (a template, an author).
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*")
FIELDS = frozenset(spec.name for spec in SCHEMA)


def allowed(meta: Mapping[str, Any]) -> dict[str, Any]:
    """What a hand-written page may set, whatever MkDocs read (front matter or MultiMarkdown lines): the
    schema's fields and a template the portal offers."""
    kept = {key: value for key, value in meta.items() if key in FIELDS}
    if kept.get("template") not in (None, *TEMPLATES):
        del kept["template"]
    return kept


def front_matter(text: str) -> str:
    """A page's front matter as written (between the opening and the closing '---'), or ''."""
    if not text.startswith("---"):
        return ""
    end = text.find("\n---", 3)
    return text[3:end] if end >= 0 else text


def check_pages(root: Path, problems: list[Problem]) -> None:
    for file in files.walk(root, root / files.DOCS, [], (".md",)):
        shown, text = frontmatter.read(root, file, problems)
        if text is None:
            continue
        if not text.startswith("---"):
            if match := _MULTIMARKDOWN_META.match(text):
                problems.append(
                    Problem(
                        shown,
                        1,
                        match["key"],
                        f"dòng đầu '{match['key']}: …' được đọc là thông tin trang, không phải chữ; "
                        "hãy ghi thông tin trang giữa hai dòng '---' (title, description, template, hide), "
                        "hoặc thêm một dòng trống ở đầu tệp nếu đó là chữ",
                    )
                )
            continue
        source, found = frontmatter.parse(shown, text)
        problems.extend(found)
        if not found:
            read_fields(source, SCHEMA, source.meta, 1, problems)
