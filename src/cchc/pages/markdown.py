"""A generated page (Markdown, its front matter, and what the theme's template receives), and the escape
that makes an editor's text literal Markdown, which every Markdown template applies (render.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")
# What escape changes: Markdown's and HTML's characters, and whitespace other than single inner spaces.
_CHANGED = re.compile(r"[\\`*_\[\]{}|#!&<>]|[^\S ]|  |^ | $")


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str
    edit_path: str | None = None  # the content file an editor changes, relative to the project
    meta: dict[str, object] = field(default_factory=dict)
    theme: dict[str, object] = field(default_factory=dict)  # the theme template's context beyond the page

    def front_matter(self) -> dict[str, object]:
        """What a page's front matter would say; the build hands it to MkDocs as data, not as YAML to
        parse back (ten thousand pages' worth)."""
        meta = {"title": self.title, **self.meta}
        if self.edit_path is None:
            # Listings and reference pages only repeat what the pages they list say: search finds
            # those pages, and its index stays small enough for a phone.
            meta.setdefault("search", False)
        return meta


def escape(text: str) -> str:
    """Editor text as literal Markdown inline text: HTML characters as entities, Markdown's own (links,
    emphasis, attribute lists `{…}`, tables) backslashed, line breaks as spaces so no block can start."""
    text = str(text)
    if _CHANGED.search(text) is None:  # most values: a page escapes thousands of them
        return text
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
