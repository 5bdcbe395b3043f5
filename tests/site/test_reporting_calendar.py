"""The reporting calendar on the built site (built on 01/12/2026, SOURCE_DATE_EPOCH): the consolidation's
due and late states, each unit's next due report, the iCalendar feeds parsed back; and the figures'
dashboard pages. Bad calendar entries get a file:line:field message."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date

import icalendar
import pytest
from openpyxl import load_workbook

from cchc.content import calendar
from cchc.content.load import load
from tests.conftest import REPO, cchc_check
from tests.htmltext import article_text
from tests.publish.test_ics import parse, props, unescape

CALENDAR = "content/tham-chieu/ky-bao-cao.yml"


def text_of(site, page: str) -> str:
    text = " ".join(article_text((site / page / "index.html").read_text(encoding="utf-8")).split())
    return text.replace(" ,", ",").replace(" .", ".")  # the space a closing tag left


def events(site, path: str) -> list[dict]:
    calendar = parse((site / path).read_bytes().decode("utf-8"))  # CRLF kept
    return [
        {name: unescape(value) for name, (_, value) in props(event).items()} for event in calendar["subs"]
    ]


def test_the_consolidation_shows_due_and_late_reports(built_site):
    text = text_of(built_site, "tong-hop")
    assert "tính đến ngày 01 tháng 12 năm 2026" in text
    # 6-month reports were due on 15/06/2026: 169 days before the build; the year's on 10/12/2026.
    assert text.count("Quá hạn 169 ngày") == 6 and text.count("Chưa đến hạn (hạn 10/12/2026)") == 7
    assert "Quá hạn 356 ngày" in text  # the 2025 annual report, due 10/12/2025


def test_a_unit_page_names_its_next_due_and_late_reports(built_site):
    text = text_of(built_site, "don-vi/xa-nam-sach")
    assert "Sắp đến hạn: Báo cáo cả năm 2026, hạn nộp ngày 10 tháng 12 năm 2026 (còn 9 ngày)." in text
    for late in (
        "Báo cáo cả năm 2025: hạn 10/12/2025, quá hạn 356 ngày",
        "Kế hoạch cả năm 2026: hạn 31/01/2026, quá hạn 304 ngày",
        "Báo cáo 6 tháng đầu năm 2026: hạn 15/06/2026, quá hạn 169 ngày",
    ):
        assert late in text, late
    assert "lịch báo cáo của đơn vị (ICS)" in text


def test_the_calendars_parse_back_with_stable_uids(built_site):
    unit = events(built_site, "don-vi/xa-nam-sach/lich-bao-cao.ics")
    assert [(e["DTSTART"], e["SUMMARY"]) for e in unit] == [
        ("20251210", "Hạn nộp báo cáo cả năm 2025 (UBND xã Nam Sách)"),
        ("20260131", "Hạn nộp kế hoạch cả năm 2026 (UBND xã Nam Sách)"),
        ("20260615", "Hạn nộp báo cáo 6 tháng đầu năm 2026 (UBND xã Nam Sách)"),
        ("20261210", "Hạn nộp báo cáo cả năm 2026 (UBND xã Nam Sách)"),
        ("20270131", "Hạn nộp kế hoạch cả năm 2027 (UBND xã Nam Sách)"),
        ("20270615", "Hạn nộp báo cáo 6 tháng đầu năm 2027 (UBND xã Nam Sách)"),
        ("20271210", "Hạn nộp báo cáo cả năm 2027 (UBND xã Nam Sách)"),
    ]
    assert unit[0]["UID"] == "bao-cao-ca-nam-2025-xa-nam-sach@127.0.0.1"
    assert all(e["DTSTAMP"] == "20261201T000000Z" for e in unit)
    city = events(built_site, "tong-hop/lich-bao-cao.ics")
    assert len(city) == len({e["UID"] for e in city}) == 7
    assert "7 đơn vị phải nộp (cấp phường, sở, xã)" in city[0]["DESCRIPTION"]
    parsed = icalendar.Calendar.from_ical((built_site / "tong-hop/lich-bao-cao.ics").read_bytes())
    assert [str(e["UID"]) for e in parsed.walk("VEVENT")] == [e["UID"] for e in city]  # a second reader


def test_the_dashboard_shows_the_seed_reports_figures(built_site):
    overview = text_of(built_site, "tong-hop/so-lieu")
    assert "Cả năm 2025" in overview and "6 tháng đầu năm 2026" in overview
    assert "Tin, bài trên Facebook tin, bài 544 trên 200" in overview  # the totals: one unit each
    year = (built_site / "tong-hop/so-lieu/ca-nam-2025/index.html").read_text(encoding="utf-8")
    assert year.count('role="img"') == 11 and year.count("<title id=") == 11
    assert "Tin, bài về CCHC trên cổng/trang thông tin điện tử (tin, bài), Cả năm 2025" in year
    text = text_of(built_site, "tong-hop/so-lieu/ca-nam-2025")
    assert "Đã có báo cáo: 2/7 đơn vị" in text and text.count("Chưa có báo cáo") >= 5
    # The same figures turned, an indicator a row: each indicator's row holds its total.
    turned = year[year.index('<details class="cchc-transposed">') :]
    turned = turned[: turned.index("</details>")]
    assert "mỗi chỉ tiêu một hàng" in turned and turned.count("<tr>") == 1 + year.count('role="img"')
    indicator = re.escape("Tin, bài về CCHC trên cổng/trang thông tin điện tử (tin, bài)")
    assert re.search(rf"<td>{indicator}</td>\s*<td[^>]*>241<", turned)
    unit = text_of(built_site, "don-vi/phuong-phu-lien")
    assert "Số liệu tuyên truyền" in unit and "Cụm loa truyền thanh (cụm) 113" in unit
    book = load_workbook(built_site / "du-lieu/so-lieu.xlsx")  # the same figures, as the department's sheet
    rows = {row[0]: row for row in book["Cả năm 2025"].iter_rows(values_only=True)}
    header = rows["Đơn vị"]
    khcn = dict(zip(header, rows["Sở Khoa học và Công nghệ thành phố Hải Phòng"]))
    assert khcn["Tin, bài về CCHC trên cổng/trang thông tin điện tử (tin, bài)"] == 241
    assert khcn["Tin, bài trên Facebook (tin, bài)"] == "trên 200"
    nam_thanh_mien = dict(zip(header, rows["Ủy ban nhân dân xã Nam Thanh Miện"]))
    assert nam_thanh_mien["Băng rôn, pano, khẩu hiệu (cái)"] == 35


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ('han: "15/06"', 'han: "31/06"', "han", "hạn '31/06' không có thật"),
        (
            'cap: [xã, phường, sở]\n  han: "15/06"',
            'cap: [xã, huyện]\n  han: "15/06"',
            "cap[2]",
            "không có cấp 'huyện'",
        ),
        ("- loai: Kế hoạch", "- loai: Quyết định", "loai", "'Quyết định' không có kỳ"),
        ("ky: 6 tháng đầu năm", "ky: nửa năm", "ky", "không đọc được kỳ 'nửa năm'"),
        ("tu_nam: 2026", 'tu_nam: "0001"', "tu_nam", "năm '0001' trước năm 1945"),
        ("tu_nam: 2026", 'tu_nam: "0000"', "tu_nam", "năm '0000' trước năm 1945"),
    ],
)
def test_a_bad_calendar_entry_is_named(tmp_path, old, new, field, message):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    file = tmp_path / CALENDAR
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    check = cchc_check(tmp_path)
    wrong = [row for row in check.stdout.splitlines() if row.startswith(f"{CALENDAR}:")]
    assert check.returncode == 1 and len(wrong) == 1, check.stdout
    assert wrong[0].startswith(f"{CALENDAR}:{line}: {field}: ") and message in wrong[0], wrong[0]


def test_two_due_days_for_one_level_are_refused(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    file = tmp_path / CALENDAR
    text = file.read_text(encoding="utf-8")
    rule = '- loai: Báo cáo\n  ky: năm\n  cap: [sở, phường]\n  han: "15/12"\n'  # "sở" owes it on 10/12
    file.write_text(text + rule, encoding="utf-8")
    line = text.count("\n") + 3
    check = cchc_check(tmp_path)
    message = "cap[1]: cấp 'sở' đã có hạn nộp báo cáo kỳ này ở dòng "
    assert f"{CALENDAR}:{line}: {message}" in check.stdout, check.stdout
    assert check.returncode == 1


def test_a_quarter_keeps_its_numeral_in_a_sentence():
    from cchc.periods import parse_period

    assert parse_period("quý II năm 2025").phrase == "quý II năm 2025"
    assert parse_period("năm 2025").phrase == "cả năm 2025"


def test_the_calendar_counts_at_most_ten_years_back():
    """A rule from 1950 (or reports archived from then) makes the build count ten years of reports due, not
    seventy-six: the work stays bounded whatever the calendar or the archive says."""
    portal, _ = load(REPO)
    rule = dataclasses.replace(portal.calendar[0], first_year=1950)
    units = list(portal.units.values())
    owed = calendar.owed([rule], units, portal.documents, date(2026, 12, 1))
    assert min(d.period.year for d in owed) == 2016 and max(d.period.year for d in owed) == 2027
