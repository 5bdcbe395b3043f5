"""Open data: procedures, the citation graph and the reports' figures as JSON and CSV, written the same
way everywhere (UTF-8, stable order), in du-lieu/ of the built site."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

from cchc import urls
from cchc.dates import PartialDate
from cchc.memo import Memo, digest
from cchc.model import Portal
from cchc.pages.figure_tables import PeriodTable
from cchc.quantities import plain
from cchc.refs.index import ReferenceIndex
from cchc.urls import absolute, open_data, site_path

# A record of open data: its fields as the JSON has them.
Row = Mapping[str, object]


def json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# A spreadsheet that opens the CSV runs a cell that starts with one of these as a formula
# (=HYPERLINK(…), -2+3+cmd|…): such text cells get a leading apostrophe, which spreadsheets hide; the JSON
# keeps the text as written (the open-data page says so).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_text(rows: Sequence[Row]) -> str:
    """CSV of the rows' plain fields; lists and objects stay in the JSON."""
    flat = [{k: _cell(v) for k, v in row.items() if not isinstance(v, (list, dict))} for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(flat[0]) if flat else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def both(name: str, rows: Sequence[Row], memo: Memo | None = None) -> dict[str, str]:
    """`du-lieu/<name>.json` and `du-lieu/<name>.csv`; a serve session's `memo` gives back the texts of
    the same rows (their repr is quick to make, the indented JSON is not)."""

    def make() -> dict[str, str]:
        return {open_data(f"{name}.json"): json_text(rows), open_data(f"{name}.csv"): csv_text(rows)}

    return make() if memo is None else memo.get(("open data", name, digest(rows)), make)


def procedures(portal: Portal, site_url: str, memo: Memo | None = None) -> dict[str, str]:
    """Every procedure with its channels, papers, steps and legal basis."""
    rows = [
        {
            "slug": p.slug,
            "code": p.code,
            "name": p.name,
            "field": p.field,
            "level": p.level,
            "units": " ".join(p.unit_ids),
            "authority": p.authority,
            "time_limit": p.time_limit,
            "fees": p.fees,
            "online": p.online,
            "online_url": p.online_url,
            "url": absolute(site_url, p.src_uri),
            "channels": [{"way": c.way, "time_limit": c.time_limit, "fee": c.fee} for c in p.channels],
            "documents": [{"name": d.name, "originals": d.originals, "copies": d.copies} for d in p.papers],
            "steps": p.steps,
            "result": p.result,
            "legal_basis": p.legal_basis,
        }
        for p in sorted(portal.procedures, key=lambda p: p.slug)
    ]
    return both(urls.PROCEDURES_DATA, rows, memo)


def news(portal: Portal, site_url: str, memo: Memo | None = None) -> dict[str, str]:
    """Every news item, newest first: its day, unit, title, summary and address."""
    rows = [
        {
            "date": n.date.iso(),
            "unit": n.unit_id,
            "unit_name": portal.units[n.unit_id].name,
            "title": n.title,
            "summary": n.summary,
            "url": absolute(site_url, n.src_uri),
        }
        for n in portal.news
    ]
    return both(urls.NEWS_DATA, rows, memo)


def citations(index: ReferenceIndex, memo: Memo | None = None) -> dict[str, str]:
    """Files of the citation graph, by path in the built site."""
    documents = [
        {
            "id": c.id,
            "kind": c.kind,
            "number": c.number,
            "symbol": c.symbol,
            "name": c.name,
            "year": c.year,
            "date": c.date,
            "effective_date": c.own.effective.iso() if c.own and c.own.effective else None,
            "issuer": c.issuer.key if c.issuer else None,
            "issuer_name": c.issuer.name if c.issuer else None,
            "title": c.title,
            "url": site_path(c.src_uri),
            "citations": len(c.mentions),
            "status": index.status[c.id].key,
            "status_since": _iso(index.status[c.id].since),
        }
        for _, c in sorted(index.documents.items())
    ]
    mentions = [
        {
            "citing_url": site_path(m.page.src_uri),
            "citing_file": m.page.path,
            "line": m.line,
            "start": m.citation.start,
            "end": m.citation.end,
            "text": m.citation.text,
            "cited_id": m.citation.id,
            "pinpoints": "; ".join(str(p) for p in m.citation.pinpoints),
        }
        for src_uri, mentions in sorted(index.by_page.items())
        for m in mentions
    ]
    relations = [
        {
            "subject_id": c.subject.id if c.subject else None,
            "subject": c.subject.label if c.subject else None,
            "relation": c.relation,
            "object_id": c.object.id,
            "object": c.object.label,
            "effective": _iso(c.effective),
            "partial": c.partial,
            "source_file": c.source,
            "line": c.line,
            "source_url": site_path(c.source_uri) if c.source_uri else None,
        }
        for c in sorted(index.changes, key=lambda c: (c.object.id or "", c.source, c.line, c.relation))
    ]
    return {
        **both(urls.CITED_DATA, documents, memo),
        **both(urls.CITATIONS_DATA, mentions, memo),
        **both(urls.RELATIONS_DATA, relations, memo),
    }


def _iso(day: PartialDate | None) -> str | None:
    return day.iso() if day else None


def figure_rows(portal: Portal, site_url: str, tables: list[PeriodTable]) -> list[Row]:
    """Every figure of every report and plan, one row each: newest period first, then unit, kind and the
    catalogue's order. `dashboard` says whether the row is one the dashboard's `tables` count (a plan's
    target, a replaced report, a report of the top unit or without period are not)."""
    order = {indicator: index for index, indicator in enumerate(portal.indicators)}
    counted = {row.report.src_uri for table in tables for row in table.rows if row.report}
    keyed = []
    for document in portal.documents:
        unit = portal.units[document.unit_id]
        when = tuple(-x for x in document.period.order()) if document.period else (0,)
        for figure in document.figures:
            indicator, value = portal.indicators[figure.indicator], figure.value
            keyed.append(
                (
                    (when, unit.id, document.kind.name, order[indicator.id]),
                    {
                        "period": document.period.label if document.period else "",
                        "year": document.year,
                        "unit": unit.id,
                        "unit_name": unit.name,
                        "kind": document.kind.name,
                        "indicator": indicator.id,
                        "indicator_name": indicator.name,
                        "unit_of_measure": indicator.unit,
                        "value": plain(value.low),
                        "value_high": plain(value.high),
                        "qualifier": value.qualifier,
                        "written": figure.written,
                        "note": figure.note,
                        "number": document.number_symbol,
                        "url": absolute(site_url, document.src_uri),
                        "dashboard": document.src_uri in counted,
                    },
                )
            )
    return [row for _, row in sorted(keyed, key=lambda pair: pair[0])]


def figures(
    portal: Portal, site_url: str, tables: list[PeriodTable], memo: Memo | None = None
) -> dict[str, str]:
    return both(urls.FIGURES_DATA, figure_rows(portal, site_url, tables), memo)
