"""Archives of reports and plans: per unit by year and period, and units × periods for the city."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from cchc.kinds import Kind
from cchc.levels import BY_NAME
from cchc.model import Document, Portal, Unit
from cchc.periods import Period
from cchc.text import descending, sort_key


@dataclass
class PeriodGroup:
    period: Period | None  # None: documents that cover no period
    documents: list[Document]


@dataclass
class YearGroup:
    year: int | None  # None: year unknown
    periods: list[PeriodGroup] = field(default_factory=list)


def year_label(year: int | None) -> str:
    return f"Năm {year}" if year else "Chưa rõ năm"


def by_year_and_period(documents: list[Document]) -> list[YearGroup]:
    """Group newest first: years, then periods within a year, then documents by date."""
    ordered = sorted(documents, key=lambda d: (
        -(d.year or 0),
        tuple(-x for x in (d.period.order() if d.period else (0, 0, 0))),
        descending(d.date.iso() if d.date else ""),
        sort_key(d.kind.name), sort_key(d.title), d.path))
    years = []
    for year, in_year in groupby(ordered, key=lambda d: d.year):
        group = YearGroup(year)
        for period, in_period in groupby(in_year, key=lambda d: d.period):
            group.periods.append(PeriodGroup(period, list(in_period)))
        years.append(group)
    return years


def units_in_order(units: list[Unit]) -> list[Unit]:
    return sorted(units, key=lambda u: (BY_NAME[u.level].order, sort_key(u.name)))


@dataclass
class Matrix:
    """Which unit published a document of one kind for which period."""

    periods: list[Period]  # newest first
    rows: list[tuple[Unit, list[list[Document]]]]  # a cell per period, empty when missing


def consolidated(portal: Portal, kind: Kind, by_unit: dict[str, list[Document]]) -> Matrix:
    """Rows are the units under another unit (those that report upward)."""
    periods = sorted({d.period for d in portal.documents if d.kind == kind and d.period},
                     key=Period.order, reverse=True)
    column = {period: index for index, period in enumerate(periods)}
    rows = []
    for unit in units_in_order([u for u in portal.units.values() if u.parent]):
        cells: list[list[Document]] = [[] for _ in periods]
        for document in by_unit.get(unit.id, []):
            if document.kind == kind and document.period:
                cells[column[document.period]].append(document)
        rows.append((unit, cells))
    return Matrix(periods, rows)
