"""Pages of the reference index: one per cited document, the library, the editors' checks,
and the citation graph as open data."""

from __future__ import annotations

from functools import partial

from cchc import urls
from cchc.content.references import GROUPS, OTHER
from cchc.labels import label
from cchc.memo import Memo, use
from cchc.model import Unit
from cchc.pages import render
from cchc.pages.markdown import GeneratedPage, escape
from cchc.refs.annotate import annotate
from cchc.refs.index import CitedDocument, Citing, ReferenceIndex
from cchc.text import SortKey, descending, sort_key
from cchc.urls import CHECKS, LIBRARY, relative, site_path


def linked_body(
    index: ReferenceIndex,
    src_uri: str,
    markdown: str,
    passage: int = 0,
    literal: bool = False,
    memo: Memo | None = None,
) -> str:
    """The page's Markdown with each resolved citation linked to its document's page; `literal` text
    (a front matter value) is escaped around the links. A serve session's `memo` gives back the text
    made from the same text and links."""
    links = []
    for mention in index.by_page.get(src_uri, []):
        if mention.passage != passage:
            continue
        cited = index.documents.get(mention.citation.id or "")
        if cited is not None and cited.src_uri != src_uri:
            links.append((mention.citation.start, mention.citation.end, relative(cited.src_uri, src_uri)))
    make = partial(annotate, markdown, links, literal_piece if literal else str)
    return use(memo, ("linked", markdown, tuple(links), literal), make)


def literal_piece(piece: str) -> str:
    """Text between two links, escaped, keeping the space at either end that `escape` would drop: the words
    around a link once ran into it ("biện pháp thi hành[Luật Hộ tịch]")."""
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() and piece.strip() else ""
    return f"{lead}{escape(piece)}{trail}"


def cited_by(cited: CitedDocument) -> list[tuple[str, str, str]]:
    """(label, site path, snippet) of each citing page, for the document template."""
    return [(m.page.label, site_path(m.page.src_uri), m.snippet) for m in cited.mentions]


def cited_page(cited: CitedDocument, units: dict[str, Unit], memo: Memo | None = None) -> GeneratedPage:
    # What cited.md reads: the document's facts, and each mention's page, unit and snippet.
    issuer = cited.issuer.name if cited.issuer else None
    facts = (cited.kind, cited.symbol, cited.year, cited.date, issuer, cited.title)
    mentions = tuple(
        (m.page.label, m.page.src_uri, unit and units[unit].short_name, m.snippet)
        for m in cited.mentions
        for unit in [getattr(m.page, "unit_id", None)]  # a procedure has units, none of its own
    )
    return render.page(
        "cited.md", cited.src_uri, cited.label, memo=memo, key=(facts, mentions), cited=cited, units=units
    )


def _newest_first(cited: CitedDocument) -> tuple[int, tuple[int, ...], SortKey]:
    return (-(cited.year or 0), descending(cited.date or ""), sort_key(cited.label))


def library_page(index: ReferenceIndex) -> GeneratedPage:
    groups: dict[str, list[CitedDocument]] = {group: [] for group in GROUPS}
    for cited in index.documents.values():
        groups[cited.issuer.group if cited.issuer else OTHER].append(cited)
    ordered = [(group, sorted(documents, key=_newest_first)) for group, documents in groups.items()]
    return render.page(
        "library.md",
        LIBRARY,
        label("title.library"),
        open_data=urls.shown(urls.open_data("")),
        open_data_page=urls.OPEN_DATA_PAGE,
        groups=ordered,
    )


def checks_page(index: ReferenceIndex, by_path: dict[str, Citing]) -> GeneratedPage:
    snippets = {(m.page.path, m.line): m.snippet for m in index.mentions}
    problems = [(p, by_path[p.file], snippets.get((p.file, p.line), "")) for p in index.problems]
    return render.page("checks.md", CHECKS, label("title.checks"), problems=problems)


def all_pages(
    index: ReferenceIndex,
    units: dict[str, Unit],
    by_path: dict[str, Citing],
    memo: Memo | None = None,
) -> list[GeneratedPage]:
    pages = [cited_page(c, units, memo) for _, c in sorted(index.documents.items()) if c.own is None]
    return pages + [library_page(index), checks_page(index, by_path)]
