"""Dates as Vietnamese documents write them, checked for being real."""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:năm\s+)?(\d{4})$", re.IGNORECASE)

EXPECTED = "cần dạng NN/TT/NNNN (ví dụ 15/7/2025), hoặc chỉ năm (2026) khi văn bản chưa ghi ngày"


class DateError(ValueError):
    """A date that is written wrongly or does not exist; the message is for editors."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day and month may be unknown, as in a draft ('ngày … tháng … năm 2026')."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.day is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def vietnamese(self) -> str:
        """'15/07/2025' or, with day and month unknown, 'năm 2026'."""
        if self.day is None:
            return f"năm {self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    def prose(self) -> str:
        """The date in a sentence: 'ngày 05 tháng 3 năm 2026' or, with day and month unknown, 'năm 2026'."""
        if self.day is None or self.month is None:
            return f"năm {self.year}"
        return in_words(date(self.year, self.month, self.day))

    def long_form(self, place: str = "") -> str:
        """The dateline of a document: 'Phù Liễn, ngày 05 tháng 3 năm 2026'."""
        text = f"ngày … tháng … năm {self.year}" if self.day is None else self.prose()
        return f"{place}, {text}" if place else text.capitalize()


def in_words(day: date) -> str:
    """'ngày 05 tháng 02 năm 2026', as documents write a date (Nghị định 30/2020/NĐ-CP, Phụ lục I: a zero
    before a day under 10 and before months 1 and 2, so that no digit can be put in front; read in
    https://www.vietnam.vn/en/huong-dan-cach-viet-ngay-thang-nam-trong-van-ban-dung-chuan-nghi-dinh-30,
    a secondary source quoting the appendix)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def checked(year: int, month: int, day: int, written: str) -> PartialDate:
    if not 1 <= month <= 12:
        raise DateError(
            f"ngày '{written}' không có thật: tháng {month} không tồn tại (chỉ có tháng 1 đến 12)"
        )
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise DateError(f"ngày '{written}' không có thật: ngày phải từ 1 trở lên")
    if day > last:
        raise DateError(f"ngày '{written}' không có thật: tháng {month} năm {year} chỉ có {last} ngày")
    return PartialDate(year, month, day)


def parse_date(text: str) -> PartialDate:
    """Read '15/7/2021', '07/04/2025', '22-12-2024', '2025-07-15', '12 tháng 8 năm 2025' or '2026'."""
    written = " ".join(str(text).split())
    if match := _NUMERIC.match(written) or _WORDS.match(written):
        day, month, year = (int(g) for g in match.groups())
        return checked(year, month, day, written)
    if match := _ISO.match(written):
        year, month, day = (int(g) for g in match.groups())
        return checked(year, month, day, written)
    if match := _YEAR.match(written):
        return PartialDate(int(match.group(1)))
    raise DateError(f"không đọc được ngày '{written}'; {EXPECTED}")


def shown(iso: str) -> str:
    """A date kept as ISO 8601 (a citation's), as readers see it: '29/08/2025'."""
    return parse_date(iso).vietnamese()


FIRST_YEAR = 1945  # the state the portal's units belong to was founded then: no document is older
AHEAD = timedelta(days=366)


VIETNAM = timezone(timedelta(hours=7))  # the units' own time: one "today" for every date the portal counts


def day_in_vietnam(moment: datetime) -> date:
    """The date in Vietnam at `moment` (a naive moment is taken as UTC, as SOURCE_DATE_EPOCH gives it)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(VIETNAM).date()


def build_day() -> date:
    """The build's date in Vietnam: SOURCE_DATE_EPOCH when set (so that builds are reproducible), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return day_in_vietnam(datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC))


def plausible(value: PartialDate, today: date) -> str | None:
    """Why a document's date cannot be right, or None: before 1945, or more than a year after `today`."""
    if value.year < FIRST_YEAR:
        return (
            f"năm {value.year} trước năm {FIRST_YEAR}: ngày '{value.vietnamese()}' không thể là ngày "
            "của văn bản; kiểm tra lại năm"
        )
    earliest = date(value.year, value.month or 1, value.day or 1)
    if earliest > today + AHEAD:
        return (
            f"ngày '{value.vietnamese()}' sau ngày dựng trang "
            f"({today.day:02d}/{today.month:02d}/{today.year}) hơn một năm; kiểm tra lại năm"
        )
    return None
