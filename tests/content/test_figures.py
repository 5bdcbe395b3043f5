"""Figures of reports (issue 14): values read as Vietnamese writes them, checked against the catalogue and
the body, totals across units, the dashboard's tables and the same data as CSV, JSON and XLSX."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import pickle
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cchc.content.figure_finder import suggest
from cchc.content.figures import body_problems
from cchc.content.load import load
from cchc.pages import figure_tables
from cchc.publish import opendata, workbook
from cchc.quantities import QuantityError, format_number, numbers_in, parse_quantity, total
from tests.conftest import MEASURED, REPO, cchc_check
from tests.synthetic import generate

BUILT = datetime(2026, 12, 1, tzinfo=UTC)
NAM_THANH_MIEN = "content/van-ban/xa-nam-thanh-mien/bao-cao-tuyen-truyen-cchc-nam-2025.md"


@pytest.mark.parametrize(
    "written, low, high, qualifier, percent",
    [
        ("1.992", 1992, 1992, "", False),
        ("1992", 1992, 1992, "", False),
        ("06", 6, 6, "", False),
        ("98,5%", Decimal("98.5"), Decimal("98.5"), "", True),
        ("Trên 200", 200, 200, "trên", False),
        ("gần 1.684", 1684, 1684, "gần", False),
        ("10-15", 10, 15, "", False),
        ("từ 10 đến 15", 10, 15, "", False),
        ("khoảng 1.234,5", Decimal("1234.5"), Decimal("1234.5"), "khoảng", False),
        (1992, 1992, 1992, "", False),
    ],
)
def test_values_as_reports_write_them(written, low, high, qualifier, percent):
    value = parse_quantity(written)
    assert (value.low, value.high, value.qualifier, value.percent) == (low, high, qualifier, percent)


@pytest.mark.parametrize("written", ["abc", "15-10", "1.99.2", "", "một trăm", "12 tin", "2,5,6"])
def test_what_is_not_a_number(written):
    with pytest.raises(QuantityError, match="không phải số"):
        parse_quantity(written)


def test_numbers_in_text_leave_dates_and_symbols_out():
    text = "Ngày 11/8/2025, theo Kế hoạch số 09/KH-UBND, 17/17 thôn đăng 1.992 tin, bài và 06 buổi; 98,5%."
    assert [n for n, _ in numbers_in(text)] == [Decimal(1992), Decimal(6), Decimal("98.5")]
    assert format_number(Decimal(1992)) == "1.992" and format_number(Decimal("98.5")) == "98,5"


def test_totals_keep_what_their_parts_claimed():
    assert total([parse_quantity("241"), parse_quantity("trên 200")]).label == "trên 441"
    assert total([parse_quantity("gần 1.684"), parse_quantity("16")]).label == "gần 1.700"
    assert total([parse_quantity("trên 200"), parse_quantity("gần 100")]).label == "khoảng 300"
    assert total([parse_quantity("10-15"), parse_quantity("5")]).label == "15–20"


@pytest.fixture(scope="module")
def real():
    portal, problems = load(REPO)
    return portal, problems


def test_the_seed_reports_figures_are_all_in_their_words(real):
    portal, problems = real
    given = {d.path: len(d.figures) for d in portal.documents if d.figures}
    assert given == {
        NAM_THANH_MIEN: 8,
        "content/van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026.md": 7,
        "content/van-ban/so-khcn/bao-cao-tuyen-truyen-cchc-nam-2025.md": 3,
    }
    assert [p for p in problems if "so_lieu" in p.field] == []


@pytest.fixture
def portal_copy(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    return tmp_path


def _edit(root, path, old, new):
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_two_figures_swapped_are_reported(portal_copy):
    """Phù Liễn: "522 tin, bài trên Zalo OA, 544 tin, bài trên Facebook"; each near the other's word too."""
    report = "content/van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026.md"
    zalo = _edit(portal_copy, report, 'gia_tri: "522"', 'gia_tri: "544"')
    facebook = (
        _edit(
            portal_copy,
            report,
            'chi_tieu: tin-bai-facebook\n    gia_tri: "544"',
            'chi_tieu: tin-bai-facebook\n    gia_tri: "522"',
        )
        + 1
    )
    out = cchc_check(portal_copy).stdout
    said = "trong phần thân là số liệu"
    assert f"{report}:{zalo}: so_lieu[5].gia_tri: số 544 {said} 'Tin, bài trên Facebook'" in out, out
    assert f"{report}:{facebook}: so_lieu[6].gia_tri: số 522 {said} 'Tin, bài trên Zalo'" in out, out


def test_a_changed_figure_that_contradicts_the_text_is_reported(portal_copy):
    line = _edit(portal_copy, NAM_THANH_MIEN, 'gia_tri: "225"', 'gia_tri: "252"')
    check = cchc_check(portal_copy)
    assert (
        f"{NAM_THANH_MIEN}:{line}: so_lieu[2].gia_tri: giá trị 252 không có trong phần thân văn bản"
        in check.stdout
    ), check.stdout
    _edit(portal_copy, NAM_THANH_MIEN, 'gia_tri: "252"', 'gia_tri: "12"')  # in the text, not about broadcasts
    check = cchc_check(portal_copy)
    assert (
        "so_lieu[2].gia_tri: số 12 trong phần thân là số liệu 'Hội nghị, buổi tuyên truyền về CCHC', "
        "không phải 'Lượt phát thanh"
    ) in check.stdout, check.stdout
    assert check.returncode == 0 and "--strict" not in check.args  # warnings: the page still builds
    assert cchc_check(portal_copy, "--strict").returncode == 1


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            "chi_tieu: luot-phat-thanh",
            "chi_tieu: luot-phat-thah",
            "so_lieu[2].chi_tieu",
            "không có chỉ tiêu 'luot-phat-thah' trong content/tham-chieu/chi-tieu.yml; có phải ý bạn là "
            "'luot-phat-thanh'",
        ),
        ('gia_tri: "225"', 'gia_tri: "hai trăm"', "so_lieu[2].gia_tri", "giá trị 'hai trăm' không phải số"),
        (
            'gia_tri: "225"',
            'gia_tri: "225"\n    don_vi_tinh: buổi',
            "so_lieu[2].don_vi_tinh",
            "đơn vị tính 'buổi' khác danh mục: chỉ tiêu 'luot-phat-thanh' tính bằng 'lượt'",
        ),
        ("loai: Báo cáo", "loai: Quyết định", "so_lieu[1]", "văn bản loại 'Quyết định' không ghi số liệu"),
        (
            "chi_tieu: luot-phat-thanh",
            "chi_tieu: bang-ron-khau-hieu",
            "so_lieu[2].chi_tieu",
            "chỉ tiêu 'bang-ron-khau-hieu' đã ghi ở dòng",
        ),
    ],
)
def test_bad_figures_get_a_message_on_their_line(portal_copy, old, new, field, message):
    line = _edit(portal_copy, NAM_THANH_MIEN, old, new)
    if "Quyết định" in new:  # a decision has no period either
        _edit(portal_copy, NAM_THANH_MIEN, "ky: năm 2025\n", "")
    check = cchc_check(portal_copy)
    wrong = [row for row in check.stdout.splitlines() if f": {field}: " in row]
    assert check.returncode == 1 and wrong and message in wrong[0], check.stdout
    if field != "so_lieu[1]":
        assert wrong[0].startswith(f"{NAM_THANH_MIEN}:{line + (field.endswith('don_vi_tinh'))}:"), wrong[0]


def test_a_bad_catalogue_entry_is_named(portal_copy):
    catalogue = "content/tham-chieu/chi-tieu.yml"
    line = _edit(portal_copy, catalogue, "  tong_hop: trung bình", "  tong_hop: bình quân")
    check = cchc_check(portal_copy)
    assert f"{catalogue}:{line}: tong_hop: cách tổng hợp 'bình quân' không có" in check.stdout, check.stdout


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    generate(root, 600, seed=3)
    portal, problems = load(root)
    assert [p for p in problems if "so_lieu" in p.field] == []
    return portal


def test_totals_on_the_synthetic_corpus(synthetic):
    tables = figure_tables.period_tables(synthetic)
    assert len(tables) >= 8
    checked = 0
    reporting = {u.id for u in synthetic.units.values() if u.parent}  # the city reports to nobody
    for table in tables:
        reports = {}
        for document in synthetic.documents:  # the latest report of each unit for the period, as dated
            if (
                document.kind.name == "Báo cáo"
                and document.period == table.period
                and document.unit_id in reporting
            ):
                held = reports.get(document.unit_id)
                if held is None or document.date.iso() > held.date.iso():
                    reports[document.unit_id] = document
        for column, indicator in enumerate(table.indicators):
            values = [f.value for d in reports.values() for f in d.figures if f.indicator == indicator.id]
            if indicator.aggregate == "cộng":
                assert table.totals[column].low == sum(v.low for v in values)
                assert table.totals[column].qualifier == ("trên" if any(v.qualifier for v in values) else "")
            else:
                mean = sum(v.low for v in values) / len(values)
                assert abs(table.totals[column].low - mean) <= Decimal("0.05")
            checked += 1
        assert table.reported == len(reports)
        assert len(table.rows) == len(reporting)
    assert checked >= 30


def test_a_cached_workbook_is_the_written_one_and_needs_no_openpyxl(synthetic, tmp_path):
    tables = figure_tables.period_tables(synthetic)
    written = workbook.workbook(tables, BUILT)
    assert workbook.workbook(tables, BUILT, tmp_path) == written  # written, then kept
    assert len(list(tmp_path.iterdir())) == 1
    # Read back from the cache in a process that has imported nothing yet: the same bytes, no openpyxl.
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pickle; from cchc.publish import workbook; "
            "tables, built, cache = pickle.load(sys.stdin.buffer); "
            "sys.stdout.buffer.write(workbook.workbook(tables, built, cache)); "
            "assert 'openpyxl' not in sys.modules",
        ],
        input=pickle.dumps((tables, BUILT, tmp_path)),
        capture_output=True,
        check=True,
    )
    assert read.stdout == written
    # Another figure is another workbook.
    other = [replace(tables[0], rows=tables[0].rows[1:]), *tables[1:]]
    assert workbook.workbook(other, BUILT, tmp_path) == workbook.workbook(other, BUILT) != written


def test_the_workbook_reads_back_as_the_dashboard(synthetic):
    tables = figure_tables.period_tables(synthetic)
    data = workbook.workbook(tables, BUILT)
    assert data == workbook.workbook(tables, BUILT)  # same input, same bytes
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [t.period.label for t in tables]
    for table in tables:
        sheet = book[table.period.label]
        assert sheet.freeze_panes == "C2"
        header = [c.value for c in sheet[1]]
        assert header[2:] == [f"{i.name} ({i.unit})" for i in table.indicators]
        for row, cells in zip(table.rows, sheet.iter_rows(min_row=2, max_row=len(table.rows) + 1)):
            assert cells[0].value == row.unit.name
            if row.report is None:
                assert cells[1].value == "Chưa có báo cáo"
                continue
            for figure, cell in zip(row.values, cells[2:]):
                if figure is None:
                    assert cell.value is None
                elif figure.value.qualifier:
                    assert cell.value == figure.value.label
                else:
                    assert Decimal(str(cell.value)) == figure.value.low
                    assert cell.number_format in (workbook.INTEGER, workbook.DECIMAL)
        assert sheet.cell(sheet.max_row, 1).value == "Tổng hợp"


def test_csv_and_json_hold_every_figure(real):
    portal, _ = real
    files = opendata.figures(portal, "https://cchc.example.gov.vn/", figure_tables.period_tables(portal))
    rows = json.loads(files["du-lieu/so-lieu.json"])
    assert len(rows) == 18 and list(csv.DictReader(io.StringIO(files["du-lieu/so-lieu.csv"]))) == [
        {k: "" if v is None else str(v) for k, v in row.items()} for row in rows
    ]
    khcn = [r for r in rows if r["unit"] == "so-khcn"]
    assert {(r["indicator"], r["value"], r["qualifier"]) for r in khcn} == {
        ("tin-bai-tong", 730, "trên"),
        ("tin-bai-cong-thong-tin", 241, ""),
        ("tin-bai-facebook", 200, "trên"),
    }
    assert rows[0]["period"] == "6 tháng đầu năm 2026"  # newest first


def test_almost_every_wrong_number_from_the_body_is_caught(real):
    """Each seed figure replaced, in turn, by every other number its report's body holds: the check must
    flag nearly all. What passes is another reading of the same thing ("77 cụm" of the 113 cụm loa, the
    "gần 1.684 lượt" since January beside the 915 of the half-year) or a count next to the same words."""
    portal, _ = real
    tried, missed = 0, []
    for document in (d for d in portal.documents if d.figures):
        numbers = sorted({n for n, _ in numbers_in(document.body)})
        for index, figure in enumerate(document.figures):
            for number in numbers:
                if number == figure.value.low:
                    continue
                changed = list(document.figures)
                changed[index] = dataclasses.replace(
                    figure, value=parse_quantity(str(number)), written=str(number)
                )
                warned = body_problems(dataclasses.replace(document, figures=changed), portal.indicators)
                tried += 1
                if not any(p.field == f"so_lieu[{index + 1}].gia_tri" for p in warned):
                    missed.append((figure.indicator, str(number)))
    MEASURED.append(f"kiểm tra số liệu: {tried - len(missed)}/{tried} số sai (lấy từ chính phần thân) bị báo")
    assert tried >= 400 and len(missed) <= 0.05 * tried, missed


def test_a_name_that_opens_with_equals_is_text_in_the_workbook(real):
    portal, _ = real
    tables = figure_tables.period_tables(portal)
    row = tables[0].rows[0]
    row.unit = dataclasses.replace(row.unit, name='=HYPERLINK("http://evil.example","Bấm")')
    sheet = load_workbook(io.BytesIO(workbook.workbook(tables, BUILT)))[tables[0].period.label]
    assert sheet["A2"].value.startswith("=HYPERLINK") and sheet["A2"].data_type == "s"


def test_odd_numbers_in_a_body_are_not_figures(real):
    portal, _ = real
    text = "2.1.3 Tin học hóa 12 bài; Ngày 20-10 hội nghị; 1,2,3 lượt; 77,7 triệu lượt người tham dự."
    found = [(s.written, s.indicator) for s in suggest(text, portal.indicators)]
    assert found == [("12", None), ("77,7 triệu", "nguoi-tham-du")]  # "12 bài": no word says of what
    assert parse_quantity("77,7 triệu").low == Decimal(77_700_000)
    with pytest.raises(QuantityError, match="quá lớn"):
        parse_quantity("9" * 5000)


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("  tu_khoa: [zalo]", '  tu_khoa: [zalo, ""]', "tu_khoa[2]", "từ khóa '' quá ngắn"),
        # A number or a list as an item is read as text, as a single value is: a message, never a traceback.
        ("  tu_khoa: [zalo]", "  tu_khoa: [zalo, 1]", "tu_khoa[2]", "từ khóa '1' quá ngắn"),
        ("  tu_khoa: [zalo]", "  tu_khoa: [zalo, [a, b]]", "tu_khoa[2]", "cần một giá trị văn bản trên"),
    ],
)
def test_a_catalogue_keyword_that_matches_everything_is_refused(portal_copy, old, new, field, message):
    line = _edit(portal_copy, "content/tham-chieu/chi-tieu.yml", old, new)
    check = cchc_check(portal_copy)
    assert f"content/tham-chieu/chi-tieu.yml:{line}: {field}: {message}" in check.stdout, check.stdout
