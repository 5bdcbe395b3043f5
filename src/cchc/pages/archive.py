"""Archives of reports and plans: per unit by year and period, and units × periods for the city."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from cchc.content.calendar import Due
from cchc.kinds import Kind
from cchc.labels import label
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
    return label("year.known", year=year) if year else label("year.unknown")


def by_year_and_period(documents: list[Document]) -> list[YearGroup]:
    """Group newest first: years, then periods within a year, then documents by date."""
    ordered = sorted(
        documents,
        key=lambda d: (
            -(d.year or 0),
            tuple(-x for x in (d.period.order() if d.period else (0, 0, 0))),
            descending(d.date.iso() if d.date else ""),
            sort_key(d.kind.name),
            sort_key(d.title),
            d.path,
        ),
    )
    years = []
    for year, in_year in groupby(ordered, key=lambda d: d.year):
        group = YearGroup(year)
        for period, in_period in groupby(in_year, key=lambda d: d.period):
            group.periods.append(PeriodGroup(period, list(in_period)))
        years.append(group)
    return years


def units_in_order(units: list[Unit]) -> list[Unit]:
    return sorted(units, key=lambda u: (BY_NAME[u.level].order, sort_key(u.name)))


def reporting_units(portal: Portal) -> list[Unit]:
    """The units under another unit, those that report upward, in listing order."""
    return units_in_order([u for u in portal.units.values() if u.parent])


@dataclass
class Cell:
    documents: list[Document]
    due: date | None = None  # when the reporting calendar asks the unit for it

    def state(self, today: date) -> str:
        """What a missing document's cell says, against the build's date."""
        if self.due is None:
            return label("due.none")
        if today < self.due:
            return label("due.ahead", day=f"{self.due:%d/%m/%Y}")
        late = (today - self.due).days
        return label("due.late", days=late) if late else label("due.today")


@dataclass
class Matrix:
    """Which unit published a document of one kind for which period, and what a missing one's state is."""

    periods: list[Period]  # newest first
    rows: list[tuple[Unit, list[Cell]]]  # a cell per period


DueDays = dict[tuple[str, str, Period], date]  # (unit id, kind name, period) -> due day


def due_days(dues: list[Due]) -> DueDays:
    return {(d.unit.id, d.kind.name, d.period): d.day for d in dues}


def consolidated(
    portal: Portal, kind: Kind, by_unit: dict[str, list[Document]], due: DueDays, today: date
) -> Matrix:
    """Rows are the units under another unit (those that report upward); columns the periods documents
    cover and those the calendar has made due up to the build's year."""
    periods = sorted(
        {d.period for d in portal.documents if d.kind == kind and d.period}
        | {p for (_, name, p) in due if name == kind.name and p.year <= today.year},
        key=Period.order,
        reverse=True,
    )
    column = {period: index for index, period in enumerate(periods)}
    rows = []
    for unit in reporting_units(portal):
        cells = [Cell([], due.get((unit.id, kind.name, period))) for period in periods]
        for document in by_unit.get(unit.id, []):
            if document.kind == kind and document.period:
                cells[column[document.period]].documents.append(document)
        rows.append((unit, cells))
    return Matrix(periods, rows)
