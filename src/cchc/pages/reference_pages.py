"""Pages of the reference index: one per cited document, the library, the editors' checks,
and the citation graph as open data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from cchc import urls
from cchc.content.references import GROUPS, OTHER
from cchc.dates import shown
from cchc.labels import label
from cchc.memo import Memo, use
from cchc.model import Document, Unit
from cchc.pages import render, structured_data
from cchc.pages.markdown import GeneratedPage, escape
from cchc.refs import pinpoints
from cchc.refs.annotate import annotate
from cchc.refs.citation import unit_names
from cchc.refs.index import CitedDocument, Citing, ReferenceIndex
from cchc.refs.validity import UNKNOWN, Change
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


@dataclass(frozen=True)
class Stated:
    """One relation as a cited document's page shows it: what it says, the other document, when, and
    where it is known from."""

    words: str  # "Được thay thế bởi", "Bãi bỏ (một phần)"
    other: str  # the other document, as pages name it
    other_uri: str | None  # its page on the portal
    since: str | None  # ISO
    source: str  # the table's file, or the stating page's name
    source_uri: str | None


def _stated(index: ReferenceIndex, change: Change, about_it: bool) -> Stated:
    other = change.subject if about_it else change.object
    words = label(f"relation.{change.relation}" + ("_by" if about_it else ""))
    if change.partial and change.relation != "amends":
        words = label("relation.partly", words=words)
    uri = None
    if other is not None:
        page = index.documents.get(other.id or "")
        uri = other.uri or (page.src_uri if page else None)
    return Stated(
        words,
        other.label if other else "",
        uri,
        change.effective.iso() if change.effective else None,
        change.source_label or label("relation.table"),
        change.source_uri,
    )


def status_label(index: ReferenceIndex, doc_id: str | None) -> str | None:
    """'Hết hiệu lực toàn bộ (từ 01/07/2025)', or None when the portal knows nothing of its force."""
    status = index.status.get(doc_id or "")
    if status is None:
        return None
    words = label(f"status.{status.key}")
    return label("status.since", status=words, day=status.since.vietnamese()) if status.since else words


def relations_of(index: ReferenceIndex, doc_id: str) -> list[Stated]:
    """What replaced, amended or repealed the document, then what it did to others, each once."""
    about = [_stated(index, c, True) for c in index.changed.get(doc_id, [])]
    made = [_stated(index, c, False) for c in index.changing.get(doc_id, [])]
    return list(dict.fromkeys(about + made))


@dataclass(frozen=True)
class Force:
    """What a document's own page shows of its force: its status, its relations, and the JSON-LD."""

    status: str | None
    # (words, other document, its site path or None, since as shown or None, source, its site path or None);
    # no source where the document itself says so
    relations: list[tuple[str, str, str | None, str | None, str, str | None]]
    json_ld: dict[str, object]
    units_cited: list[tuple[str, list[tuple[str, str]]]]  # each unit cited by others, with their site paths


def own_force(index: ReferenceIndex, document: Document, site_url: str) -> Force:
    doc_id = index.own_ids.get(document.src_uri)
    cited = index.documents.get(doc_id or "")
    units_cited = (
        [(unit, [(page, site_path(uri)) for page, uri in pages]) for unit, pages in cited_units(cited)]
        if cited is not None
        else []
    )
    relations = [
        (
            item.words,
            item.other,
            site_path(item.other_uri) if item.other_uri else None,
            shown(item.since) if item.since else None,
            "" if item.source_uri == document.src_uri else item.source,
            site_path(item.source_uri) if item.source_uri else None,
        )
        for item in (relations_of(index, doc_id) if doc_id else [])
    ]
    json_ld = structured_data.force_json_ld(index, doc_id, site_url)
    return Force(status_label(index, doc_id), relations, json_ld, units_cited)


def cited_units(cited: CitedDocument) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each article, clause or point cited ("khoản 2 Điều 5"), outer units first in order, with the pages
    that cite it (label, source path), each once."""
    pages: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
    for mention in cited.mentions:
        for pinpoint in mention.citation.pinpoints:
            pages.setdefault(pinpoint.units, {})[mention.page.src_uri] = mention.page.label
    order = sorted(pages, key=pinpoints.order)
    return [(unit_names(units), [(label_, uri) for uri, label_ in pages[units].items()]) for units in order]


def cited_page(
    cited: CitedDocument,
    index: ReferenceIndex,
    units: dict[str, Unit],
    site_url: str,
    memo: Memo | None = None,
) -> GeneratedPage:
    # What cited.md reads: the document's facts, its force, what it stands in, the units cited in it, and
    # each mention's page, unit and snippet.
    issuer = cited.issuer.name if cited.issuer else None
    facts = (cited.kind, cited.symbol, cited.year, cited.date, issuer, cited.title)
    status = index.status[cited.id]
    relations = relations_of(index, cited.id)
    force = (status.key, status.since, tuple(relations), tuple(map(str, status.evidence)))
    units_cited = cited_units(cited)
    mentions = tuple(
        (m.page.label, m.page.src_uri, unit and units[unit].short_name, m.snippet)
        for m in cited.mentions
        for unit in [getattr(m.page, "unit_id", None)]  # a procedure has units, none of its own
    )
    meta = {"jsonld": structured_data.cited_json_ld(cited, index, site_url)}
    return render.page(
        "cited.md",
        cited.src_uri,
        cited.label,
        None,
        meta,
        memo=memo,
        key=(facts, force, repr(units_cited), mentions),
        cited=cited,
        units=units,
        status=status_label(index, cited.id),
        force_known=status.key != UNKNOWN,
        relations=relations,
        pinpoints=units_cited,
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
    site_url: str,
    memo: Memo | None = None,
) -> list[GeneratedPage]:
    pages = [
        cited_page(c, index, units, site_url, memo)
        for _, c in sorted(index.documents.items())
        if c.own is None
    ]
    return pages + [library_page(index), checks_page(index, by_path)]
