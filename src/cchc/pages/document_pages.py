"""Pages of documents, units and their archives: each document, each unit with its documents and
procedures, the units' index, documents by year, and the consolidation of periodic reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from markupsafe import Markup

from cchc import urls
from cchc.content.calendar import Due
from cchc.kinds import PLAN, REPORT
from cchc.labels import label
from cchc.memo import Memo
from cchc.model import Document, Portal, Procedure, Unit
from cchc.pages import archive, figure_pages, figure_tables, render, structured_data
from cchc.pages.figure_tables import History
from cchc.pages.markdown import GeneratedPage
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
) -> GeneratedPage:
    """The document as issued: its body here, its header, facts and footer in the theme's document.html."""
    theme = {
        "cchc_document": document,
        "cchc_unit": unit,
        "cchc_unit_path": urls.site_path(unit.src_uri),
        "cchc_attachments": [
            (a.name, urls.attachment_href(document.src_uri, a.name)) for a in document.attachments
        ],
        "cchc_cited_by": cited_by,
        "cchc_figures": figures,
    }
    meta = {
        "template": "document.html",
        "search_type": label("search.document"),
        "units": [unit.short_name],
        "jsonld": structured_data.document_json_ld(document, unit, site_url),
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


def unit_page(
    unit: Unit,
    documents: list[Document],
    procedures: list[Procedure],
    portal: Portal,
    history: History | None = None,
    owed: Sequence[Due] = (),
    today: date | None = None,
) -> GeneratedPage:
    """`owed`: the reports the calendar asks of the unit; the page names those late and the next due."""
    published = {(d.kind.name, d.period) for d in documents}
    missing = [d for d in owed if (d.kind.name, d.period) not in published]
    late = [d for d in missing if today and d.day < today]
    upcoming = [d for d in missing if today and d.day >= today]
    return render.page(
        "unit.md",
        unit.src_uri,
        unit.short_name,
        unit.path,
        unit=unit,
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


def units_index(portal: Portal) -> GeneratedPage:
    ordered = archive.units_in_order(list(portal.units.values()))
    levels = [(level, list(units)) for level, units in groupby(ordered, key=lambda u: u.level)]
    return render.page("units_index.md", UNITS_INDEX, label("title.units"), levels=levels)


def documents_index(years: dict[int | None, list[Document]]) -> GeneratedPage:
    counts = [(y, len(years[y])) for y in sorted(years, key=lambda y: -(y or 0))]
    return render.page("documents_index.md", DOCUMENTS_INDEX, label("title.documents"), years=counts)


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
    portal: Portal, owed: list[Due], today: date, tables: list[figure_tables.PeriodTable]
) -> list[GeneratedPage]:
    """Unit pages and listings, built once all content is known; `owed` the reports the calendar asks for,
    `today` the build's date and `tables` the figures by period."""
    by_unit = portal.documents_by_unit()
    owed_by_unit: dict[str, list[Due]] = {}
    for due in owed:
        owed_by_unit.setdefault(due.unit.id, []).append(due)
    years: dict[int | None, list[Document]] = {}
    for document in portal.documents:
        years.setdefault(document.year, []).append(document)
    performing = portal.procedures_by_unit()
    histories = figure_tables.histories(portal, tables)
    pages = [
        unit_page(
            u, by_unit[u.id], performing[u.id], portal, histories.get(u.id), owed_by_unit.get(u.id, []), today
        )
        for u in sorted(portal.units.values(), key=lambda u: u.id)
    ]
    pages += [units_index(portal), documents_index(years), consolidated_page(portal, by_unit, owed, today)]
    pages += [year_page(y, years[y], portal) for y in sorted(years, key=lambda y: y or 0)]
    return pages
