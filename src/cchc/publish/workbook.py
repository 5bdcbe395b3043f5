"""The figures dashboard as an Excel workbook (openpyxl): a sheet per period with the units' figures, a
frozen header, number formats and the totals row, as on /tong-hop/so-lieu/. Same input, same bytes: the
workbook's dates are the build's and its zip entries carry that date, not the clock's."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.kept import code, kept
from cchc.labels import label
from cchc.pages.figure_tables import PeriodTable
from cchc.quantities import Quantity, plain

if TYPE_CHECKING:
    from openpyxl import Workbook

INTEGER, DECIMAL = "#,##0", "#,##0.0"
MISSING = label("workbook.missing")


def _cell(quantity: Quantity | None) -> int | float | str | None:
    """A number when exact (so sums work in Excel); the written form when it carries a qualifier or range."""
    if quantity is None:
        return None
    if quantity.qualifier or quantity.high != quantity.low:
        return quantity.label
    return plain(quantity.low)


def _sheet_name(label: str, taken: set[str]) -> str:
    """Excel's limit is 31 characters, unique in the book; period labels are shorter."""
    name = label[:31]
    while name in taken:
        name = name[:28] + f"~{len(taken)}"
    taken.add(name)
    return name


Cell = int | float | str | None
Sheet = tuple[str, list[list[Cell]]]  # a sheet's name and its rows, header first and totals last
_WRITER = code(__file__)


def sheets(tables: list[PeriodTable]) -> list[Sheet]:
    """What the workbook holds: a sheet per period, the units' figures between a header and the totals."""
    taken: set[str] = set()
    out: list[Sheet] = []
    for table in tables:
        indicators = (label("indicator.with_unit", name=i.name, unit=i.unit) for i in table.indicators)
        rows: list[list[Cell]] = [[label("workbook.unit"), label("workbook.report"), *indicators]]
        for row in table.rows:
            report = row.report
            if report is None:
                rows.append([row.unit.name, MISSING])
                continue
            rows.append(
                [
                    row.unit.name,
                    report.number_symbol if report.has_number else label("workbook.published"),
                    *(_cell(f.value if f else None) for f in row.values),
                ]
            )
        rows.append([label("workbook.totals"), "", *(_cell(q) for q in table.totals)])
        out.append((_sheet_name(table.period.label, taken), rows))
    return out


def workbook(tables: list[PeriodTable], built: datetime, cache: Path | None = None) -> bytes:
    """The workbook's bytes; with a `cache` folder, kept there, so that an unchanged workbook is neither
    written again nor openpyxl (a tenth of a second, 10 MB) imported."""
    book = sheets(tables)
    # Everything the bytes come from: the sheets, the date, the words outside them and the writer.
    words = [label(key) for key in ("workbook.creator", "workbook.empty_sheet", "workbook.empty")]
    inputs = [_WRITER, version("openpyxl"), built.isoformat(), words, book]
    return kept(cache, inputs, ".xlsx", lambda: _written(book, built))


def _written(book: list[Sheet], built: datetime) -> bytes:
    from openpyxl import Workbook  # here: a cached workbook needs none of openpyxl
    from openpyxl.styles import Font

    written = Workbook()
    first = written.active
    assert first is not None  # a new workbook has one empty sheet
    written.remove(first)
    written.properties.creator = label("workbook.creator")
    written.properties.created = written.properties.modified = built.replace(tzinfo=None)
    for name, rows in book:
        sheet = written.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1] + sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for line in sheet.iter_rows():
            for cell in line:  # a name that opens with '=' is an editor's text, never a formula
                if cell.data_type == "f":
                    cell.data_type = "s"
        for column in sheet.iter_cols(min_col=3, min_row=2):
            for cell in column:
                if isinstance(cell.value, (int, float)):
                    cell.number_format = INTEGER if isinstance(cell.value, int) else DECIMAL
        sheet.freeze_panes = "C2"
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 18
    if not book:
        written.create_sheet(label("workbook.empty_sheet")).append([label("workbook.empty")])
    return _fixed_dates(written, built)


def _fixed_dates(book: Workbook, built: datetime) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    """The saved book, its zip entries re-dated to the build's date. openpyxl stamps the clock's on them,
    and `Workbook.save` on the book's properties too: its ExcelWriter does not."""
    raw = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    stamp = max(built.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip dates start in 1980
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=stamp),
                source.read(info.filename),
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()
