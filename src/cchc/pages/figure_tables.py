"""The figures of reports side by side: for each period, every unit that reports upward against the
indicators given that period, with totals where the catalogue says values add up (ratios averaged), and
each unit's figures across periods. Plain data for the dashboard, the unit pages and the open data."""

from __future__ import annotations

from dataclasses import dataclass

from cchc.content.indicators import NO_TOTAL, SUM
from cchc.kinds import REPORT
from cchc.model import Document, Figure, Indicator, Portal, Unit
from cchc.pages.archive import reporting_units
from cchc.periods import Period
from cchc.quantities import Quantity, mean, total


@dataclass
class Row:
    unit: Unit
    report: Document | None  # the unit's report for the period, None when it has not published one
    values: list[Figure | None]  # one per indicator of the table


@dataclass
class PeriodTable:
    period: Period
    indicators: list[Indicator]  # those some report gives for the period, in the catalogue's order
    rows: list[Row]
    totals: list[Quantity | None]  # None where the indicator's values do not add up

    @property
    def reported(self) -> int:
        return sum(1 for row in self.rows if row.report is not None)

    def bars(self, column: int) -> list[tuple[Unit, Figure]]:
        """The units that gave the indicator, highest first (then by name, as listed)."""
        given = [(row.unit, figure) for row in self.rows if (figure := row.values[column]) is not None]
        return sorted(given, key=lambda pair: -pair[1].value.low)


def _aggregate(indicator: Indicator, values: list[Quantity]) -> Quantity | None:
    if not values or indicator.aggregate == NO_TOTAL:
        return None
    return total(values) if indicator.aggregate == SUM else mean(values)


def _latest_reports(portal: Portal) -> dict[tuple[str, Period], Document]:
    """Each unit's report for each period; of two, the later dated one (a correction replaces)."""
    latest: dict[tuple[str, Period], Document] = {}
    for document in portal.documents:
        if document.kind == REPORT and document.period:
            key = (document.unit_id, document.period)
            held = latest.get(key)
            if held is None or (
                document.date and (held.date is None or document.date.iso() > held.date.iso())
            ):
                latest[key] = document
    return latest


def in_catalogue(portal: Portal, given: set[str]) -> list[Indicator]:
    """The indicators of `given` ids, in the catalogue's order."""
    return [i for i in portal.indicators.values() if i.id in given]


def period_tables(portal: Portal) -> list[PeriodTable]:
    """A table per period in which some report gives figures, newest first."""
    latest = _latest_reports(portal)
    reporting = reporting_units(portal)
    ids = {u.id for u in reporting}
    periods = sorted(
        {period for (unit_id, period), d in latest.items() if d.figures and unit_id in ids},
        key=Period.order,
        reverse=True,
    )
    tables = []
    for period in periods:
        reports = {unit.id: latest.get((unit.id, period)) for unit in reporting}
        indicators = in_catalogue(portal, {f.indicator for d in reports.values() if d for f in d.figures})
        rows = []
        for unit in reporting:
            report = reports[unit.id]
            by_id = {f.indicator: f for f in report.figures} if report else {}
            rows.append(Row(unit, report, [by_id.get(i.id) for i in indicators]))
        totals = [
            _aggregate(i, [figure.value for r in rows if (figure := r.values[c])])
            for c, i in enumerate(indicators)
        ]
        tables.append(PeriodTable(period, indicators, rows, totals))
    return tables


@dataclass
class History:
    """One unit's figures across the periods of its reports, oldest first."""

    periods: list[tuple[Period, Document]]
    indicators: list[Indicator]
    values: list[list[Figure | None]]  # per indicator, per period


def histories(portal: Portal, tables: list[PeriodTable]) -> dict[str, History]:
    """Each unit's figures across the periods of `tables` (so a history links only to periods that have
    a page), by unit id, for the units whose reports give some."""
    by_unit: dict[str, list[tuple[Period, Document]]] = {}
    for table in reversed(tables):  # oldest first
        for row in table.rows:
            if row.report is not None and row.report.figures:
                by_unit.setdefault(row.unit.id, []).append((table.period, row.report))
    found = {}
    for unit_id, reports in by_unit.items():
        indicators = in_catalogue(portal, {f.indicator for _, d in reports for f in d.figures})
        values = [
            [next((f for f in d.figures if f.indicator == i.id), None) for _, d in reports]
            for i in indicators
        ]
        found[unit_id] = History(reports, indicators, values)
    return found
