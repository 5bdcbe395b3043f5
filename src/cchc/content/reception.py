"""Reception hours (lịch tiếp công dân) on a unit: the days, hours, host and place an editor writes, read
into dates and times, and the rules on how often a unit's head receives citizens in person (HEAD_RULES,
each with its text and source)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from cchc.content.documents import read_date
from cchc.content.frontmatter import Source, Value
from cchc.content.schema import Field, FieldError
from cchc.model import Reception
from cchc.problems import Problem, Severity
from cchc.text import fold, name_key

FIELD = "lich_tiep_cong_dan"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _key(text: str) -> str:
    """Case, spacing and tones folded: 'thu hai', 'Thứ  Hai' and 'thứ hai' are one weekday."""
    return fold(name_key(text))


_WEEKDAY_KEYS = {_key(name): index for index, name in enumerate(WEEKDAYS)}
_WEEKDAY_KEYS |= {f"thu {number}": index for index, number in enumerate(range(2, 8))}  # "Thứ 2" … "Thứ 7"
_EVERY = re.compile(r"\s+(?:hằng|hàng)\s+(tuần|tháng)$", re.IGNORECASE)
_MONTHDAY = re.compile(r"^ngày\s+(\d{1,2})$", re.IGNORECASE)
_TIME = re.compile(r"^(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})?\s*(?:phút)?$", re.IGNORECASE)


@dataclass(frozen=True)
class HeadRule:
    """How many days a month at least the head of a unit of `levels` receives citizens in person, from
    `since` (the build's date decides which rule holds)."""

    levels: tuple[str, ...]
    head: str  # the head's title, folded: "chu tich", "giam doc"
    days_a_month: int
    since: datetime.date
    rule: str  # the text, as the warning quotes it


_COMMUNES = ("xã", "phường", "đặc khu")
# Luật Tiếp công dân 2013 (42/2013/QH13), text before its amendment, read in the Ministry of Justice's
# codification (Bộ Pháp điển; copy: github.com/diepxuan/diepxuan.github.io,
# van-ban/khieu-nai-to-cao/tiep-cong-dan.md): Điều 15 khoản 2 điểm d, Điều 12 khoản 5, Điều 18 khoản 2.
# From 01/7/2026 Luật số 136/2025/QH15 amends it; the press reports the commune chairman's minimum as
# 02 days a month (its text was not found: the warning says so).
HEAD_RULES = (
    HeadRule(
        _COMMUNES,
        "chu tich",
        4,
        datetime.date(2014, 7, 1),
        "Luật Tiếp công dân 2013, Điều 15 khoản 2 điểm d: Chủ tịch UBND cấp xã trực tiếp tiếp công dân "
        "ít nhất 01 ngày trong 01 tuần",
    ),
    HeadRule(
        _COMMUNES,
        "chu tich",
        2,
        datetime.date(2026, 7, 1),
        "Luật Tiếp công dân sửa đổi bởi Luật số 136/2025/QH15, từ 01/7/2026: Chủ tịch UBND cấp xã trực "
        "tiếp tiếp công dân ít nhất 02 ngày trong 01 tháng (theo tin báo chí; chưa đối chiếu được văn bản)",
    ),
    HeadRule(
        ("thành phố", "tỉnh"),
        "chu tich",
        1,
        datetime.date(2014, 7, 1),
        "Luật Tiếp công dân 2013, Điều 12 khoản 5: Chủ tịch UBND cấp tỉnh trực tiếp tiếp công dân ít nhất "
        "01 ngày trong 01 tháng",
    ),
    HeadRule(
        ("sở", "ban", "cơ quan"),
        "giam doc",
        1,
        datetime.date(2014, 7, 1),
        "Luật Tiếp công dân 2013, Điều 18 khoản 2: người đứng đầu cơ quan trực tiếp tiếp công dân ít nhất "
        "01 ngày trong 01 tháng",
    ),
)


@dataclass(frozen=True)
class Day:
    """When a reception recurs, as `read_day` reads it."""

    shown: str
    weekday: int | None = None
    monthday: int | None = None
    date: datetime.date | None = None


def read_day(value: str) -> Day:
    """The day of a reception: a weekday every week, a day every month, or a date."""
    shown = " ".join(value.split())
    every = _EVERY.search(shown)
    day = shown[: every.start()] if every else shown
    if (weekday := _WEEKDAY_KEYS.get(_key(day))) is not None and (not every or every[1] == "tuần"):
        return Day(f"{WEEKDAYS[weekday]} hằng tuần", weekday=weekday)
    if (monthday := _MONTHDAY.match(day)) and every and every[1].lower() == "tháng":
        if not 1 <= int(monthday[1]) <= 31:
            raise FieldError(f"tháng không có ngày {monthday[1]}; cần một ngày từ 1 đến 31")
        return Day(f"Ngày {int(monthday[1])} hằng tháng", monthday=int(monthday[1]))
    if not every and re.fullmatch(r"[0-9/.-]+", day):
        date = read_date(day)
        if date.day is None or date.month is None:
            raise FieldError(f"'{value}' chưa đủ ngày, tháng, năm; cần dạng NN/TT/NNNN, ví dụ 20/12/2026")
        exact = datetime.date(date.year, date.month, date.day)
        return Day(exact.strftime("%d/%m/%Y"), date=exact)
    raise FieldError(
        f"'{value}' không phải ngày tiếp công dân đọc được; cần một thứ trong tuần ('Thứ Năm hằng tuần'; "
        f"các thứ: {', '.join(WEEKDAYS)}), một ngày trong tháng ('ngày 15 hằng tháng') hoặc một ngày dạng "
        "NN/TT/NNNN"
    )


def read_time(value: str) -> datetime.time:
    """'7:30', '7h30', '14h', '7 giờ 30' as a time of day."""
    found = _TIME.match(value.strip())
    if found is None or int(found[1]) > 23 or int(found[2] or 0) > 59:
        raise FieldError(f"'{value}' không phải giờ trong ngày; cần dạng giờ:phút, ví dụ 7:30 hoặc 14:00")
    return datetime.time(int(found[1]), int(found[2] or 0))


SCHEMA = (
    Field(
        "ngay",
        "ngày tiếp: một thứ trong tuần (ví dụ 'Thứ Năm hằng tuần'), một ngày trong tháng ('ngày 15 hằng "
        "tháng') hoặc một ngày dạng NN/TT/NNNN",
        True,
        read_day,
    ),
    Field("tu", "giờ bắt đầu, ví dụ 7:30", True, read_time),
    Field("den", "giờ kết thúc, ví dụ 11:00", True, read_time),
    Field("nguoi_tiep", "người tiếp công dân, ví dụ 'Chủ tịch UBND xã'", True),
    Field("dia_diem", "nơi tiếp, ví dụ 'Phòng tiếp công dân, trụ sở UBND xã'"),
)


def receptions(source: Source, written: list[dict[str, object]], problems: list[Problem]) -> list[Reception]:
    """The unit's receptions from the records `read_fields` gave; one whose hours end before they start
    is a problem on its line (and left out)."""
    if not written:
        return []
    items = source.meta[FIELD].children
    assert isinstance(items, list)  # read_fields gave records, so they were written as a list
    found = []
    for number, (record, item) in enumerate(zip(written, items, strict=True), 1):
        day, start, end = record.get("ngay"), record.get("tu"), record.get("den")
        if not isinstance(day, Day) or not isinstance(start, datetime.time):
            continue  # already a problem
        if not isinstance(end, datetime.time):
            continue
        if end <= start:
            line = _line(item, "den")
            problems.append(
                Problem(
                    source.path,
                    line,
                    f"{FIELD}[{number}].den",
                    f"giờ kết thúc {end:%H:%M} không sau giờ bắt đầu {start:%H:%M}; "
                    "cần giờ kết thúc muộn hơn",
                )
            )
            continue
        found.append(
            Reception(
                day.shown,
                start,
                end,
                str(record["nguoi_tiep"]),
                str(record.get("dia_diem") or ""),
                day.weekday,
                day.monthday,
                day.date,
            )
        )
    return found


def _line(item: Value, name: str) -> int:
    children = item.children
    return children[name].line if isinstance(children, dict) and name in children else item.line


def rule_for(level: str, today: datetime.date) -> HeadRule | None:
    """The rule in force on `today` for a unit of `level`, if any."""
    holding = [r for r in HEAD_RULES if level in r.levels and r.since <= today]
    return max(holding, key=lambda r: r.since) if holding else None


def head_problem(source: Source, level: str, found: list[Reception], today: datetime.date) -> Problem | None:
    """A warning when the schedule gives the unit's head fewer regular days a month than the law asks
    (every week counts 4; a schedule not given at all is reported by the compliance report)."""
    rule = rule_for(level, today)
    if rule is None or not found:
        return None
    days = sum(4 if r.weekday is not None else 1 for r in found if r.date is None and _is(rule.head, r.host))
    if days >= rule.days_a_month:
        return None
    title = "Chủ tịch" if rule.head == "chu tich" else "Giám đốc"
    return Problem(
        source.path,
        source.meta[FIELD].line,
        FIELD,
        f"lịch có {days} ngày {title} trực tiếp tiếp công dân mỗi tháng, ít hơn {rule.days_a_month} "
        f"({rule.rule}); cần thêm mục có người tiếp là {title} và ngày 'Thứ … hằng tuần' hoặc "
        "'ngày … hằng tháng'",
        Severity.WARNING,
    )


def _is(head: str, host: str) -> bool:
    """Whether `host` names the head ("Chủ tịch UBND xã", "Giám đốc Sở"), not only a deputy."""
    return re.search(f"(?<!pho ){head}", _key(host)) is not None
