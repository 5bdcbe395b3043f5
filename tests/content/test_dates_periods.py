from datetime import UTC, date, datetime

import pytest

from cchc.dates import DateError, PartialDate, build_day, day_in_vietnam, parse_date
from cchc.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    "written, expected",
    [
        ("15/7/2021", PartialDate(2021, 7, 15)),
        ("07/04/2025", PartialDate(2025, 4, 7)),
        ("22-12-2024", PartialDate(2024, 12, 22)),
        ("2025-08-12", PartialDate(2025, 8, 12)),
        ("12 tháng 8 năm 2025", PartialDate(2025, 8, 12)),
        ("29/2/2024", PartialDate(2024, 2, 29)),
        ("2026", PartialDate(2026)),
    ],
)
def test_dates_in_written_forms(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    "written, message",
    [
        ("31/02/2025", "tháng 2 năm 2025 chỉ có 28 ngày"),
        ("29/2/2025", "chỉ có 28 ngày"),
        ("26/13/2025", "tháng 13 không tồn tại"),
        ("0/5/2025", "ngày phải từ 1 trở lên"),
        ("hôm qua", "không đọc được ngày"),
    ],
)
def test_impossible_or_unreadable_dates(written, message):
    with pytest.raises(DateError, match=message):
        parse_date(written)


def test_partial_date_dateline():
    assert PartialDate(2026).long_form("Phù Liễn") == "Phù Liễn, ngày … tháng … năm 2026"
    assert PartialDate(2025, 3, 5).long_form("Nam Sách") == "Nam Sách, ngày 05 tháng 3 năm 2025"
    # Nghị định 30/2020/NĐ-CP: a zero before a day under 10 and before months 1 and 2.
    assert PartialDate(2026, 2, 9).prose() == "ngày 09 tháng 02 năm 2026"
    assert PartialDate(2026, 12, 19).prose() == "ngày 19 tháng 12 năm 2026"
    assert PartialDate(2026).prose() == "năm 2026"


def test_periods_read_and_order():
    written = [
        "6 tháng đầu năm 2026",
        "năm 2025",
        "quý III năm 2025",
        "6 tháng cuối năm 2025",
        "9 tháng năm 2025",
        "Quý 1 năm 2025",
    ]
    periods = [parse_period(w) for w in written]
    newest_first = sorted(periods, key=lambda p: p.order(), reverse=True)
    assert [p.label for p in newest_first] == [
        "6 tháng đầu năm 2026",
        "Cả năm 2025",
        "6 tháng cuối năm 2025",
        "9 tháng năm 2025",
        "Quý III năm 2025",
        "Quý I năm 2025",
    ]


@pytest.mark.parametrize("written", ["tháng 5 năm 2025", "quý V năm 2025", "2025"])
def test_unreadable_periods(written):
    with pytest.raises(PeriodError, match="cần một trong các dạng"):
        parse_period(written)


def test_one_today_in_vietnam_for_the_checks_and_the_calendar(monkeypatch):
    """At 18:30 UTC on 31 December it is already 1 January in Vietnam: the date checks (build_day) and the
    reporting calendar (day_in_vietnam of the build's moment) agree on it."""
    moment = datetime(2025, 12, 31, 18, 30, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
    assert build_day() == day_in_vietnam(moment) == date(2026, 1, 1)
    assert day_in_vietnam(datetime(2025, 12, 31, 16, 59)) == date(2025, 12, 31)  # naive: UTC
