"""Pages of documents, units and their archives: each document, each unit with its documents and
procedures, the units' index, documents by year, and the consolidation of periodic reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from itertools import groupby
from urllib.parse import quote

from markupsafe import Markup

from cchc import urls
from cchc.content import units
from cchc.content.calendar import Due
from cchc.kinds import PLAN, REPORT
from cchc.labels import label
from cchc.memo import Memo
from cchc.model import Document, News, Portal, Procedure, Question, Rendition, Unit
from cchc.pages import archive, figure_pages, figure_tables, marks, procedure_pages, render, structured_data
from cchc.pages.figure_tables import History
from cchc.pages.markdown import GeneratedPage
from cchc.pages.reference_pages import Force
from cchc.settings import Hotline, Settings
from cchc.text import sort_key
from cchc.urls import CONSOLIDATED, DOCUMENTS_INDEX, UNITS_INDEX

CONSOLIDATED_KINDS = (REPORT, PLAN)


def document_page(
    document: Document,
    unit: Unit,
    body: str,
    site_url: str,
    cited_by: list[tuple[str, str, str]],
    figures: Markup,
    memo: Memo | None = None,
    today: date | None = None,
    force: Force | None = None,
) -> GeneratedPage:
    """The document as issued: its body here, its header, facts and footer in the theme's document.html;
    a draft for comment says until when, against `today` (the build's date); `force`, what the portal knows
    of whether it still holds."""
    theme: dict[str, object] = {
        "cchc_draft": draft(document, unit, today) if document.comment_until else None,
        "cchc_document": document,
        "cchc_unit": unit,
        "cchc_unit_path": urls.site_path(unit.src_uri),
        "cchc_attachments": [
            (a.name, urls.attachment_href(document.src_uri, a.name)) for a in document.attachments
        ],
        "cchc_cited_by": cited_by,
        "cchc_figures": figures,
        "cchc_status": force.status if force else None,
        "cchc_relations": force.relations if force else [],
        "cchc_units_cited": force.units_cited if force else [],
    }
    meta = {
        "template": "document.html",
        "search_type": label("search.document"),
        "units": [unit.short_name],
        "jsonld": structured_data.document_json_ld(document, unit, site_url, force.json_ld if force else {}),
    }
    return render.page(
        "document.md",
        document.src_uri,
        f"{document.kind.name} {document.title}",
        document.path,
        meta,
        theme,
        memo=memo,
        key=body,  # all document.md reads
        body=Markup(body),
    )


def comment_href(document: Document, unit: Unit) -> str:
    """Where a reader sends comments on a draft: its page for them, or an e-mail to it (or to the unit)
    whose subject names the draft."""
    to = document.comment_to or unit.email
    if "@" not in to or "://" in to:
        return to
    subject = label("draft.subject", name=f"{document.kind.name} {document.title}")
    return f"mailto:{to}?subject={quote(subject[:200])}"


def draft(document: Document, unit: Unit, today: date | None) -> dict[str, object]:
    """What a draft's page and the list of drafts say of it: the last day, whether comments are still
    taken on `today`, and where they go."""
    until = document.comment_until
    assert until is not None and until.day is not None and until.month is not None  # checked on loading
    last = date(until.year, until.month, until.day)
    return {
        "until": until.prose(),
        "open": today is None or today <= last,
        "href": comment_href(document, unit),
        "to": document.comment_to or unit.email,
    }


def drafts_page(portal: Portal, today: date) -> GeneratedPage:
    """Every draft for comment: those still open (the nearest deadline first), then those closed."""
    drafts = [(d, portal.units[d.unit_id]) for d in portal.documents if d.comment_until]
    rows = [(d, u, draft(d, u, today)) for d, u in drafts]
    rows.sort(key=lambda row: row[0].comment_until.iso() if row[0].comment_until else "")
    return render.page(
        "drafts.md",
        urls.DRAFTS,
        label("title.drafts"),
        open=[row for row in rows if row[2]["open"]],
        closed=[row for row in reversed(rows) if not row[2]["open"]],
        today=today,
    )


def unit_page(
    unit: Unit,
    documents: list[Document],
    procedures: list[Procedure],
    portal: Portal,
    history: History | None = None,
    owed: Sequence[Due] = (),
    today: date | None = None,
    pictures: Mapping[str, Rendition] | None = None,
    news: Sequence[News] = (),
    questions: Sequence[tuple[Question, str]] = (),
    feedback_url: str = "",
) -> GeneratedPage:
    """`owed`: the reports the calendar asks of the unit; the page names those late and the next due.
    `pictures`: the unit's images encoded, by file; `news`: its latest news; `questions`: its questions
    and answers, each with its basis linked (or "")."""
    published = {(d.kind.name, d.period) for d in documents}
    missing = [d for d in owed if (d.kind.name, d.period) not in published]
    late = [d for d in missing if today and d.day < today]
    upcoming = [d for d in missing if today and d.day >= today]
    return render.page(
        "unit.md",
        unit.src_uri,
        unit.short_name,
        unit.path,
        theme={"cchc_alternates": [("en", urls.english_unit(unit.id))]} if unit.english else None,
        unit=unit,
        photos={
            p.file: render.fill(
                "picture.html", source=unit.src_uri, rendition=(pictures or {})[p.file], alt=p.alt, lazy=True
            )
            for p in unit.pictures()
        },
        sections=[(name, heading) for name, heading, _ in units.PROFILE if name in unit.profile],
        reception_page=urls.reception(unit.id),
        news=[(item, unit.short_name) for item in news],
        questions=[(q, Markup(basis)) for q, basis in questions],
        ask=procedure_pages.ask_links([unit], feedback_url, unit.short_name) if questions else [],
        news_listing=urls.news_listing(unit.id),
        english=urls.english_unit(unit.id) if unit.english else None,
        figures=figure_pages.history_block(history, unit.src_uri),
        late=late,
        next_due=upcoming[0] if upcoming else None,
        today=today,
        calendar=urls.calendar(unit.src_uri) if owed else None,
        feed=urls.feed(unit.src_uri),
        parent=portal.units[unit.parent] if unit.parent else None,
        procedures=sorted(procedures, key=lambda p: sort_key(p.name)),
        years=archive.by_year_and_period(documents),
        units=portal.units,
    )


def reception_page(unit: Unit, hotline: Hotline | None) -> GeneratedPage:
    """A unit's reception hours on an A4 sheet to post at its office, with the hotlines."""
    return render.page(
        "reception.md",
        urls.reception(unit.id),
        label("title.reception", unit=unit.short_name),
        unit.path,
        unit=unit,
        hotline=hotline,
    )


def units_index(portal: Portal) -> GeneratedPage:
    ordered = archive.units_in_order(list(portal.units.values()))
    levels = [(level, list(units)) for level, units in groupby(ordered, key=lambda u: u.level)]
    return render.page("units_index.md", UNITS_INDEX, label("title.units"), levels=levels)


def documents_index(years: dict[int | None, list[Document]]) -> GeneratedPage:
    counts = [(y, len(years[y])) for y in sorted(years, key=lambda y: -(y or 0))]
    return render.page(
        "documents_index.md", DOCUMENTS_INDEX, label("title.documents"), years=counts, drafts=urls.DRAFTS
    )


def year_page(year: int | None, documents: list[Document], portal: Portal) -> GeneratedPage:
    return render.page(
        "year.md",
        urls.year(year),
        label("title.year", year=archive.year_label(year).lower()),
        years=archive.by_year_and_period(documents),
        units=portal.units,
    )


def consolidated_page(
    portal: Portal, by_unit: dict[str, list[Document]], owed: list[Due], today: date
) -> GeneratedPage:
    kinds = CONSOLIDATED_KINDS
    due = archive.due_days(owed)
    matrices = [(kind, archive.consolidated(portal, kind, by_unit, due, today)) for kind in kinds]
    return render.page(
        "consolidated.md",
        CONSOLIDATED,
        label("title.consolidated"),
        matrices=matrices,
        today=today,
        calendar=urls.calendar(CONSOLIDATED) if owed else None,
        figures=urls.FIGURES,
    )


def listing_pages(
    portal: Portal,
    owed: list[Due],
    today: date,
    tables: list[figure_tables.PeriodTable],
    pictures: Mapping[str, Rendition] | None = None,
    settings: Settings | None = None,
    answers: Mapping[str, Sequence[tuple[Question, str]]] | None = None,
) -> list[GeneratedPage]:
    """Unit pages and listings, built once all content is known; `owed` the reports the calendar asks for,
    `today` the build's date, `tables` the figures by period, `pictures` the units' images encoded,
    `settings` the hotline the reception sheets print and where questions go, `answers` each unit's
    questions and answers by its id."""
    settings = settings or Settings()
    by_unit = portal.documents_by_unit()
    owed_by_unit: dict[str, list[Due]] = {}
    for due in owed:
        owed_by_unit.setdefault(due.unit.id, []).append(due)
    years: dict[int | None, list[Document]] = {}
    for document in portal.documents:
        years.setdefault(document.year, []).append(document)
    performing = portal.procedures_by_unit()
    news_of: dict[str, list[News]] = {}
    for item in portal.news:  # newest first
        news_of.setdefault(item.unit_id, []).append(item)
    histories = figure_tables.histories(portal, tables)
    pages = [
        unit_page(
            u,
            by_unit[u.id],
            performing[u.id],
            portal,
            histories.get(u.id),
            owed_by_unit.get(u.id, []),
            today,
            pictures,
            news_of.get(u.id, [])[: marks.LATEST],
            (answers or {}).get(u.id, ()),
            settings.feedback_url,
        )
        for u in sorted(portal.units.values(), key=lambda u: u.id)
    ]
    pages += [
        reception_page(u, settings.hotline)
        for u in sorted(portal.units.values(), key=lambda u: u.id)
        if u.reception
    ]
    pages += [units_index(portal), documents_index(years), consolidated_page(portal, by_unit, owed, today)]
    pages.append(drafts_page(portal, today))
    pages += [year_page(y, years[y], portal) for y in sorted(years, key=lambda y: y or 0)]
    return pages
