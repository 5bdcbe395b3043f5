"""A generated page (Markdown, its front matter, and what the theme's template receives), and the escape
that makes an editor's text literal Markdown, which every Markdown template applies (render.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")
# What escape changes: Markdown's and HTML's characters, whitespace other than single inner spaces, and a
# start that would open a block where the value begins a line ("- x", "+ x", "1. x", "===", "---").
_CHANGED = re.compile(r"[\\`*_\[\]{}|#!&<>]|[^\S ]|  |^ | $|^[-+=]|^\d+\.")
_BLOCK_START = re.compile(r"^(?:([-+])|(=)|(\d+)\.)")


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str
    edit_path: str | None = None  # the content file an editor changes, relative to the project
    # Front matter, any data as in MkDocs's page.meta (site.generate reads the poster's fit back from it).
    meta: dict[str, Any] = field(default_factory=dict)
    theme: dict[str, object] = field(default_factory=dict)  # the theme template's context beyond the page

    def front_matter(self) -> dict[str, Any]:
        """What a page's front matter would say; the build hands it to MkDocs as data, not as YAML to
        parse back (ten thousand pages' worth)."""
        meta = {"title": self.title, **self.meta}
        if self.edit_path is None:
            # Listings and reference pages only repeat what the pages they list say: search finds
            # those pages, and its index stays small enough for a phone.
            meta.setdefault("search", False)
        return meta


def escape(text: object) -> str:
    """Editor text as literal Markdown inline text: HTML characters as entities, Markdown's own (links,
    emphasis, attribute lists `{…}`, tables) backslashed, line breaks as spaces, and a list, heading or
    rule marker at its start escaped, so no block can start wherever a template puts it."""
    text = str(text)
    if _CHANGED.search(text) is None:  # most values: a page escapes thousands of them
        return text
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # '=' has no backslash escape in Markdown: its entity keeps '===' from underlining the line above.
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else "&#61;" if m[2] else f"{m[3]}\\.", text)
