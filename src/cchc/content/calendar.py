"""The reporting calendar (`content/tham-chieu/ky-bao-cao.yml`): which kinds of document are due from
which levels of unit, for which periods, by which day. The dates are the department's to set, as data;
`dues` turns the rules into the reports due, year by year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc.content.documents import read_kind
from cchc.content.schema import Field, FieldError, read_fields
from cchc.content.tables import table_items
from cchc.dates import FIRST_YEAR
from cchc.kinds import Kind
from cchc.levels import BY_NAME, NAMES
from cchc.model import Document, Rule, Unit
from cchc.periods import EXPECTED, Period, PeriodError, parse_period
from cchc.problems import Problem

FILE = "ky-bao-cao.yml"
_DUE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:\s+(năm sau))?$")
_SAMPLE_YEAR = 2001  # not a leap year: a due day must exist every year


@dataclass(frozen=True)
class Due:
    """A report a unit owes: its kind, the period it covers and the day it is due."""

    unit: Unit
    kind: Kind
    period: Period
    day: date


def read_period_kind(value: str) -> Period:
    try:
        return parse_period(f"{value} {_SAMPLE_YEAR}")
    except PeriodError:
        raise FieldError(f"không đọc được kỳ '{value}'; {EXPECTED.replace(' 2025', '')}") from None


def read_levels(value: str) -> str:
    if value not in BY_NAME:
        raise FieldError(f"không có cấp '{value}'; cần một trong: {NAMES}")
    return value


def read_due(value: str) -> tuple[int, int, bool]:
    match = _DUE.match(" ".join(str(value).split()))
    if not match:
        raise FieldError(
            f"hạn '{value}' không đúng dạng; cần ngày/tháng như '15/06', hoặc '15/01 năm sau' "
            "khi hạn rơi vào năm sau kỳ"
        )
    day, month = int(match.group(1)), int(match.group(2))
    try:
        date(_SAMPLE_YEAR, month, day)
    except ValueError:
        raise FieldError(
            f"hạn '{value}' không có thật: ngày {day} tháng {month} không có trong mọi năm; "
            "hãy chọn một ngày có thật (tháng 2 chỉ đến ngày 28)"
        ) from None
    return day, month, bool(match.group(3))


def read_year(value: str) -> int:
    if not re.fullmatch(r"\d{4}", str(value)):
        raise FieldError(f"năm '{value}' cần bốn chữ số, ví dụ 2025")
    if int(value) < FIRST_YEAR:
        raise FieldError(f"năm '{value}' trước năm {FIRST_YEAR}; cần năm đầu tiên áp dụng lịch, ví dụ 2025")
    return int(value)


SCHEMA = (
    Field("loai", "loại văn bản phải nộp, ví dụ 'Báo cáo'", True, read_kind),
    Field(
        "ky",
        "kỳ không kèm năm: 'năm', '6 tháng đầu năm', '6 tháng cuối năm', '9 tháng năm', 'quý I năm'",
        True,
        read_period_kind,
    ),
    Field(
        "cap",
        f"các cấp đơn vị phải nộp, mỗi cấp một dòng; cấp là một trong: {NAMES}",
        True,
        read_levels,
        shape="list",
    ),
    Field("han", "hạn nộp dạng NN/TT trong năm của kỳ, hoặc 'NN/TT năm sau'", True, read_due),
    Field(
        "tu_nam", "năm đầu tiên áp dụng, ví dụ 2025 (bỏ trống: từ năm của văn bản cũ nhất)", False, read_year
    ),
)


def read_calendar(root: Path, folder: Path, problems: list[Problem]) -> list[Rule]:
    rules: list[Rule] = []
    # (kind, period, level) -> the line of the rule that asks it
    owing: dict[tuple[Kind, Period, str], int] = {}
    for source, item in table_items(root, folder, FILE, problems):
        before = len(problems)
        data = read_fields(source, SCHEMA, item.fields(), item.line, problems)
        if len(problems) > before:
            continue
        for index, level in enumerate(data["cap"], 1):
            key = (data["loai"], data["ky"], level)
            if key in owing:
                problems.append(
                    Problem(
                        source.path,
                        item.fields()["cap"].line,
                        f"cap[{index}]",
                        f"cấp '{level}' đã có hạn nộp {data['loai'].name.lower()} kỳ này "
                        f"ở dòng {owing[key]}; mỗi cấp một hạn cho mỗi loại và kỳ",
                    )
                )
            owing.setdefault(key, item.line)
        if len(problems) > before:
            continue
        if not data["loai"].periodic:
            problems.append(
                Problem(
                    source.path,
                    item.fields()["loai"].line,
                    "loai",
                    f"'{data['loai'].name}' không có kỳ; lịch chỉ ghi báo cáo, kế hoạch, chương trình",
                )
            )
            continue
        day, month, next_year = data["han"]
        rules.append(
            Rule(data["loai"], data["ky"], tuple(data["cap"]), day, month, next_year, data.get("tu_nam"))
        )
    return rules


def dues(
    rules: list[Rule], units: list[Unit], first_year: int, last_year: int, floor: int | None = None
) -> list[Due]:
    """Every report due from `first_year` (or a rule's own, never before `floor`) to `last_year`, by day,
    kind and unit."""
    found = []
    for rule in rules:
        owing = [u for u in units if u.level in rule.levels]
        start = rule.first_year or first_year
        for year in range(max(start, floor or start), last_year + 1):
            period, day = rule.due(year)
            found += [Due(unit, rule.kind, period, day) for unit in owing]
    return sorted(found, key=lambda d: (d.day, d.kind.name, d.period.order(), d.unit.id))


# How far back the calendar counts reports due: the department chases this year's and recent ones; an
# archive of older reports (or a rule from 0001) must not make the build count centuries of them.
HISTORY_YEARS = 10


def owed(rules: list[Rule], units: list[Unit], documents: list[Document], today: date) -> list[Due]:
    """The reports due from the first year any periodic document covers (or the build's), at most
    HISTORY_YEARS back, to the year after the build's, so that a subscribed calendar already shows next
    year's."""
    years = [d.year for d in documents if d.kind.periodic and d.year]
    floor = today.year - HISTORY_YEARS
    return dues(rules, units, max(min(years, default=today.year), floor), today.year + 1, floor)
