"""Element ids that are safe wherever the theme prints them. Material prints a heading's id raw into
the side table of contents and the skip link (`href="#{{ id }}"`), so an id an editor sets with an
attribute list (`## A {: id='x"><meta …>' }`) must never carry quotes or markup. Python-Markdown
extension: ids are made safe after attr_list has set them and before toc reads them, so the page's
HTML and its table of contents agree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from html import unescape
from typing import Protocol

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import escape

from cchc.text import slugify

_SAFE = re.compile(r"[\w.:-]+")  # letters of any script, digits and - _ . : only
_FALLBACK = "muc"
_STASHED = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's placeholder for raw HTML met in an attribute


def safe_id(value: str) -> str:
    """`value` when it is safe to print in any attribute or URL fragment, else its ASCII slug."""
    if _SAFE.fullmatch(value):
        return value
    return slugify(_STASHED.sub(" ", value)) or _FALLBACK


class _SafeIds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if (value := element.get("id")) is not None:
                element.set("id", safe_id(value))


class SafeIdsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it
        # attr_list runs at priority 8 and toc at 5: between them, every id is final and safe.
        md.treeprocessors.register(_SafeIds(md), "cchc_safe_ids", 6)


def makeExtension(**kwargs: object) -> SafeIdsExtension:
    return SafeIdsExtension(**kwargs)


class TocItem(Protocol):
    """An entry of a page's table of contents as the theme reads it (MkDocs' AnchorLink)."""

    id: str
    title: str
    children: Sequence[TocItem]


def safe_toc(items: Sequence[TocItem]) -> None:
    """Every entry's id made safe as the page's headings' are, and its title as escaped text: the theme
    prints both raw. A title is HTML already (entities kept); tags left by a label are taken as text."""
    for item in items:
        item.id = safe_id(item.id)
        item.title = str(escape(unescape(item.title)))
        safe_toc(item.children)
