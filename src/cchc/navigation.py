"""The site's navigation in one place: sections and listings, never every document, so the nav of a portal
with ten thousand documents stays small. MkDocs takes it as its `nav` (mkdocs.yml writes none); the
generated listings in it are the only generated pages MkDocs counts as in the nav."""

from __future__ import annotations

from cchc import urls
from cchc.labels import label

Entry = tuple[str, "str | tuple[Entry, ...]"]  # a label's name, and a page or a section's entries
MkdocsNav = list[dict[str, "str | MkdocsNav"]]  # [{title: page or [sections…]}]

NAV: tuple[Entry, ...] = (
    ("nav.home", urls.HOME),
    ("nav.procedures", urls.PROCEDURES),
    ("nav.news", urls.NEWS_INDEX),
    ("nav.about", urls.ABOUT),
    ("nav.documents", urls.DOCUMENTS_INDEX),
    ("nav.units", urls.UNITS_INDEX),
    ("nav.consolidation", (("nav.consolidated", urls.CONSOLIDATED), ("nav.figures", urls.FIGURES))),
    ("nav.library", urls.LIBRARY),
    ("nav.gallery", urls.GALLERY),
    ("nav.search", urls.SEARCH_PAGE),
    ("nav.contact", urls.CONTACT),
    (
        "nav.editors",
        (
            ("nav.guide", urls.EDITORS_GUIDE),
            ("nav.checks", urls.CHECKS),
            ("nav.compliance", urls.COMPLIANCE),
            ("nav.open_data", urls.OPEN_DATA_PAGE),
        ),
    ),
)


def _pages(entries: tuple[Entry, ...]) -> list[str]:
    return [p for _, target in entries for p in ([target] if isinstance(target, str) else _pages(target))]


def mkdocs_nav(entries: tuple[Entry, ...] = NAV) -> MkdocsNav:
    """The navigation as mkdocs.yml would write it: [{title: page or [sections…]}]."""
    return [{label(name): t if isinstance(t, str) else mkdocs_nav(t)} for name, t in entries]


# The generated listings the navigation names.
NAV_PAGES = frozenset(_pages(NAV)) & frozenset(urls.LISTINGS)
