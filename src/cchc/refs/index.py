"""The reference index: who cites what, across every page, and what looks wrong.

Collect first (extract and resolve every page), then check across the corpus
(one document cited with different dates or titles), then render.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from cchc import urls
from cchc.dates import PartialDate, build_day, shown
from cchc.kinds import REPORT
from cchc.memo import Memo, use
from cchc.model import Alias, Document, Journey, Portal, Procedure, Unit
from cchc.problems import Problem, Severity
from cchc.refs import relations, validity
from cchc.refs.citation import Citation, cited_label
from cchc.refs.extract import canonical_symbol, extract, split_symbol
from cchc.refs.relations import Relation
from cchc.refs.resolve import Directory, Issuer, build_directory, identity, resolve
from cchc.refs.validity import Change, Named, Status
from cchc.text import name_key

SNIPPET = 70  # characters of context on each side of a citation

Citing = Document | Procedure | Unit | Journey  # a page whose text may cite: its body, a basis, an answer


@dataclass
class Mention:
    """One citation on one page."""

    page: Citing
    citation: Citation
    line: int  # in the content file
    snippet: str
    passage: int = 0  # which of the page's texts: a procedure cites from each line of its legal basis


@dataclass
class CitedDocument:
    id: str
    kind: str
    number: str | None
    symbol: str | None
    year: int | None
    issuer: Issuer | None
    name: str | None = None  # of a law cited by name
    own: Document | None = None  # when the document itself is in content
    mentions: list[Mention] = field(default_factory=list)
    dates: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)

    @property
    def date(self) -> str | None:
        if self.own is not None and self.own.date and self.own.date.day:
            return self.own.date.iso()
        return self.dates.most_common(1)[0][0] if self.dates else None

    @property
    def title(self) -> str | None:
        if self.own is not None:
            return self.own.title
        return self.titles.most_common(1)[0][0] if self.titles else None

    @property
    def label(self) -> str:
        """How pages name it: 'Nghị định số 118/2025/NĐ-CP', 'Luật Hộ tịch năm 2014', 'TCVN ISO 9001:2015'."""
        return cited_label(self.kind, self.symbol, self.name, self.year)

    @property
    def src_uri(self) -> str:
        return self.own.src_uri if self.own is not None else urls.reference(self.id)


@dataclass
class ReferenceIndex:
    documents: dict[str, CitedDocument] = field(default_factory=dict)
    by_page: dict[str, list[Mention]] = field(default_factory=dict)  # citing src_uri -> mentions
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # what hieu-luc.yml and the documents say of force
    status: dict[str, Status] = field(default_factory=dict)  # of each cited document, by id
    # What replaced, amended, repealed, implemented or guided each document, and what each did, by id.
    changed: dict[str, list[Change]] = field(default_factory=dict)
    changing: dict[str, list[Change]] = field(default_factory=dict)
    # The id each numbered document of the portal's own is cited by, by its src_uri.
    own_ids: dict[str, str] = field(default_factory=dict)

    @property
    def mentions(self) -> list[Mention]:
        return [m for mentions in self.by_page.values() for m in mentions]


def document_identity(document: Document) -> str | None:
    """The id a content document is cited by: its own number, symbol, year and unit."""
    if not document.has_number:
        return None
    symbol = canonical_symbol(document.number_symbol)
    # Read the symbol as the extractor reads a citation of it, so that both get the same id.
    _, _, issuer_code, _ = split_symbol(symbol)
    citation = Citation(
        0,
        0,
        "",
        document.kind.name,
        symbol=symbol,
        year=document.date.year if document.date else document.period.year if document.period else None,
        issuer=document.unit_id,
        issuer_code=issuer_code,
    )
    return identity(citation)


def _passages(portal: Portal) -> Iterator[tuple[Citing, int, str, int, Unit | None]]:
    """(page, passage number, text, its first line, citing unit) of every text that may cite:
    each document's body, each line of each procedure's legal basis, and the bases of the answers
    procedures and units give, and each line of each journey's legal basis (their cited_texts)."""
    for document in portal.documents:
        yield document, 0, document.body, document.body_line, portal.units[document.unit_id]
    for procedure in portal.procedures:
        for number, (text, line) in enumerate(procedure.cited_texts()):
            yield procedure, number, text, line, None
    for unit in portal.units.values():
        for number, (text, line) in enumerate(unit.cited_texts()):
            yield unit, number, text, line, unit
    for journey in portal.journeys:
        for number, (text, line) in enumerate(journey.cited_texts()):
            yield journey, number, text, line, None


def _citations(
    text: str, aliases: tuple[Alias, ...], directory: Directory, unit: Unit | None
) -> list[Citation]:
    return resolve(extract(text, aliases), directory, unit)


def _snippet(text: str, start: int, end: int) -> str:
    before = " ".join(text[max(0, start - SNIPPET) : start].split())
    after = " ".join(text[end : end + SNIPPET].split())
    return f"…{before} {' '.join(text[start:end].split())} {after}…"


def _warn(page: Citing, line: int, message: str) -> Problem:
    return Problem(page.path, line, "trích dẫn", message, Severity.WARNING)


def index_references(
    portal: Portal, memo: Memo | None = None, today: PartialDate | None = None
) -> ReferenceIndex:
    """Every citation of the portal's texts, resolved and indexed, with what is known of each cited text's
    force on `today` (the build's day); `memo` keeps each text's citations from one build to the next (a
    serve session)."""
    directory = build_directory(portal.units, portal.bodies)
    # What a text's citations are read with besides the text: the units, issuers and aliases.
    known = repr((portal.units, portal.bodies, portal.aliases)) if memo is not None else ""
    index = ReferenceIndex()
    own = {}
    for document in portal.documents:
        if (doc_id := document_identity(document)) is not None:
            own[doc_id] = document
            index.own_ids[document.src_uri] = doc_id
    stated: list[tuple[Document, Relation, int]] = []
    for page, passage, text, line, unit in _passages(portal):
        citations = use(
            memo,
            ("citations", text, unit.id if unit else None, known),
            partial(_citations, text, portal.aliases, directory, unit),
        )
        if isinstance(page, Document) and citations:
            found = use(
                memo,
                ("relations", text, unit.id if unit else None, known, page.date),
                partial(relations.find, text, citations, page.date),
            )
            stated += [(page, relation, line) for relation in found]
        if not citations and not isinstance(page, Document):
            # Each line of a legal basis names a document; the scan that indexes it says so.
            index.problems.append(
                Problem(
                    page.path,
                    line,
                    page.cited_field(passage),
                    (
                        f"không đọc được văn bản nào trong '{text}'; "
                        "cần ghi loại, số, ký hiệu và ngày, ví dụ "
                        "'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ'"
                    ),
                )
            )
        position = 0
        mentions = index.by_page.setdefault(page.src_uri, [])
        for citation in citations:
            line += text.count("\n", position, citation.start)
            position = citation.start
            mention = Mention(page, citation, line, _snippet(text, citation.start, citation.end), passage)
            mentions.append(mention)
            _check(index, mention)
            if citation.id is None:
                continue
            cited = index.documents.get(citation.id)
            if cited is None:
                cited = index.documents[citation.id] = CitedDocument(
                    citation.id,
                    citation.kind,
                    citation.number,
                    citation.symbol,
                    citation.year,
                    directory.by_key(citation.issuer) if citation.issuer else None,
                    citation.name,
                    own.get(citation.id),
                )
            cited.mentions.append(mention)
            if citation.date:
                cited.dates[citation.date] += 1
            if citation.title:
                cited.titles[citation.title] += 1
    for cited in index.documents.values():
        _check_consistency(index, cited)
    _assess_force(index, portal, directory, stated, today or _day(build_day()))
    index.problems.sort()
    return index


def _day(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def _named(index: ReferenceIndex, citation: Citation) -> Named:
    cited = index.documents.get(citation.id or "")
    return Named(citation.id, cited.label if cited else citation.label)


def _corpus_changes(
    index: ReferenceIndex, stated: list[tuple[Document, Relation, int]]
) -> tuple[list[Change], set[tuple[str, int]]]:
    """The changes the portal's documents state, and the citations they are about (page, start): a text
    that says it replaces another cites it rightly."""
    changes: list[Change] = []
    about: set[tuple[str, int]] = set()
    lines = {(m.page.src_uri, m.citation.start): m.line for m in index.mentions}
    for document, relation, first_line in stated:
        obj = relation.object_citation
        line = lines.get((document.src_uri, obj.start), first_line)
        this = relation.subject_citation is None
        if this and document.kind == REPORT:
            continue  # a report tells what was done: it replaces, repeals or implements no text
        if obj.id is None or (not this and relation.subject_citation.id is None):  # type: ignore[union-attr]
            index.problems.append(
                _warn(
                    document,
                    line,
                    f"'{' '.join(relation.text.split())}': không xác định được văn bản trong quan hệ này "
                    "(cần số, ký hiệu và cơ quan ban hành); quan hệ không được ghi",
                )
            )
            continue
        subject = (
            Named(index.own_ids.get(document.src_uri), _own_label(document), document.src_uri)
            if this
            else _named(index, relation.subject_citation)  # type: ignore[arg-type]
        )
        effective = relation.effective
        if effective is None and this and document.effective is not None and document.effective.day:
            effective = document.effective
        partial_ = bool(obj.pinpoints) and relation.relation in ("replaces", "repeals", "amends")
        changes.append(
            Change(
                relation.relation,
                subject,
                _named(index, obj),
                effective,
                partial_,
                document.path,
                line,
                document.src_uri,
                document.label,
            )
        )
        if relation.relation in validity.ENDING:
            about.add((document.src_uri, obj.start))
    return changes, about


def _own_label(document: Document) -> str:
    """How relations name one of the portal's documents: by number as cited ("Quyết định số 15/2025/QĐ-UBND"),
    or by its title when it has none."""
    if not document.has_number:
        return document.label
    return cited_label(document.kind.name, canonical_symbol(document.number_symbol), None, None)


def _passage_text(page: Citing, passage: int) -> str:
    if isinstance(page, Document):
        return page.body
    return list(page.cited_texts())[passage][0]


def _assess_force(
    index: ReferenceIndex,
    portal: Portal,
    directory: Directory,
    stated: list[tuple[Document, Relation, int]],
    today: PartialDate,
) -> None:
    """Each cited document's status, and a warning on each citation of a text that had ceased before the
    citing text was written (a note where its sentence speaks of that earlier time)."""
    labels = {doc_id: cited.label for doc_id, cited in index.documents.items()}
    table = validity.table_changes(portal.validity, portal.aliases, directory, labels, index.problems)
    recorded = table.recorded
    corpus, about = _corpus_changes(index, stated)
    index.changes = table.changes + corpus
    index.problems += [validity.cycle_problem(cycle) for cycle in validity.cycles(index.changes)]
    for change in index.changes:
        index.changed.setdefault(change.object.id or "", []).append(change)
        if change.subject is not None and change.subject.id:
            index.changing.setdefault(change.subject.id, []).append(change)
    # A law cited by name only ("Luật Hộ tịch") is the law the table names with its number.
    for alias, numbered in table.same_laws.items():
        if alias in index.documents:
            for by_id in (index.changed, index.changing):
                if numbered in by_id:
                    by_id.setdefault(alias, by_id[numbered])
            if numbered in recorded:
                recorded.setdefault(alias, recorded[numbered])
    for doc_id, cited in index.documents.items():
        status = validity.settle(index.changed.get(doc_id, []), recorded.get(doc_id), today)
        index.status[doc_id] = status
        if status.key != validity.ENDED or status.since is None:
            continue
        for mention in cited.mentions:
            if (mention.page.src_uri, mention.citation.start) in about or (
                status.by is not None
                and mention.page.src_uri in (status.by.source_uri, status.by.subject_uri)
            ):
                continue  # the text that ends it, or one that says so
            if status.since > validity.citing_day(mention.page, today):
                continue
            message = validity.ceased_message(cited.label, status)
            text = _passage_text(mention.page, mention.passage)
            citation = mention.citation
            if validity.historical(text, citation.start, citation.end, status.since):
                index.problems.append(
                    Problem(
                        mention.page.path,
                        mention.line,
                        "trích dẫn",
                        f"{message}; câu này nói về thời gian trước đó nên chỉ ghi chú",
                        Severity.NOTE,
                    )
                )
            else:
                index.problems.append(
                    _warn(mention.page, mention.line, f"{message}; cần trích dẫn văn bản đang có hiệu lực")
                )


def _check(index: ReferenceIndex, mention: Mention) -> None:
    citation, page = mention.citation, mention.page
    for finding in citation.problems:
        quoted = " ".join(citation.text.split())
        index.problems.append(_warn(page, mention.line, f"'{quoted}': {finding.message}"))
    if (
        isinstance(page, Document)
        and citation.date
        and page.date
        and page.date.day
        and citation.date > page.date.iso()
    ):
        index.problems.append(
            _warn(
                page,
                mention.line,
                f"'{' '.join(citation.text.split())}' có ngày "
                f"{shown(citation.date)} sau ngày ban hành của chính văn bản này "
                f"({page.date.vietnamese()}); kiểm tra lại ngày",
            )
        )


def _title_words(title: str) -> frozenset[str]:
    key = _LEADING_VERBS.sub("", name_key(title))
    words = [
        w
        for word in re.findall(r"\w+", key)
        for w in _ABBREVIATIONS.get(word, word).split()
        if w not in _FILLER
    ]
    return frozenset(words[:_LEADING_WORDS])


# Titles are paraphrased from one citing text to another, and where a title ends in
# running text is a guess; titles whose first words share less than half are different.
_LEADING_WORDS = 8
_ABBREVIATIONS = {
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "cntt": "công nghệ thông tin",
    "cđs": "chuyển đổi số",
}
_FILLER = frozenset({"về", "việc", "của", "và", "các", "năm", "giai", "đoạn"})
_LEADING_VERBS = re.compile(r"^(?:(?:về việc|về|ban hành|phê duyệt|quy định)\s+)+")
_MIN_WORDS = 4
_SAME_TITLE = 0.5


# Titles compared for one document: each pair is compared, so a text citing one document under hundreds of
# titles (a pasted list) would cost their square. Real documents are cited under a handful.
_TITLES_COMPARED = 50


def _different_titles(titles: Iterable[str]) -> list[str]:
    """Two of a document's titles that share less than half their leading words, or []. Titles with the
    same words are compared once (the first of them), and only the first `_TITLES_COMPARED` of those."""
    sets: dict[str, frozenset[str]] = {}
    seen: set[frozenset[str]] = set()
    for title in titles:
        words = _title_words(title)
        if len(words) >= _MIN_WORDS and words not in seen and len(sets) < _TITLES_COMPARED:
            sets[title] = words
            seen.add(words)
    for a, b in itertools.combinations(sets, 2):
        if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) < _SAME_TITLE:
            return [a, b]
    return []


def _check_consistency(index: ReferenceIndex, cited: CitedDocument) -> None:
    if len(cited.dates) > 1:
        usual = cited.dates.most_common(1)[0][0]
        for mention in cited.mentions:
            if mention.citation.date and mention.citation.date != usual:
                index.problems.append(
                    _warn(
                        mention.page,
                        mention.line,
                        f"'{cited.label}' được ghi ngày {shown(mention.citation.date)} ở đây nhưng ngày "
                        f"{shown(usual)} ở "
                        f"{cited.dates[usual]} chỗ khác; cần thống nhất một ngày",
                    )
                )
    if pair := _different_titles(cited.titles):
        for mention in cited.mentions:
            if mention.citation.title in pair:
                other = pair[1] if mention.citation.title == pair[0] else pair[0]
                index.problems.append(
                    _warn(
                        mention.page,
                        mention.line,
                        f"'{cited.label}' được trích với trích yếu '{mention.citation.title}' ở đây nhưng "
                        f"'{other}' ở chỗ khác; kiểm tra lại trích yếu",
                    )
                )
