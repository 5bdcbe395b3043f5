"""What every page family writes with: a generated page (Markdown and its front matter), the escape that
makes editors' text literal Markdown, links between pages by their source paths (MkDocs resolves and
checks them), and a procedure's entry in a list."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from cchc.model import Procedure
from cchc.urls import relative

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str
    edit_path: str | None = None  # the content file an editor changes, relative to the project
    meta: dict[str, object] = field(default_factory=dict)

    def source(self) -> str:
        """Markdown with front matter, as MkDocs reads it (JSON strings are valid YAML)."""
        meta = {"title": self.title, **self.meta}
        if self.edit_path is None:
            # Listings and reference pages only repeat what the pages they list say: search finds
            # those pages, and its index stays small enough for a phone.
            meta.setdefault("search", False)
        head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
        return f"---\n{head}---\n\n{self.markdown}"


def escape(text: str) -> str:
    """Editor text as literal Markdown inline text: HTML characters as entities, Markdown's own (links,
    emphasis, attribute lists `{…}`, tables) backslashed, line breaks as spaces so no block can start."""
    text = " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def link(text: str, source: str, target: str) -> str:
    return f"[{escape(text)}]({relative(target, source)})"


def procedure_entry(procedure: Procedure, source: str) -> str:
    online = " — *nộp trực tuyến được*" if procedure.online else ""
    return f"- {link(procedure.name, source, procedure.src_uri)}: {escape(procedure.time_limit)}{online}"
