"""Periods a report or plan covers: 'năm 2025', '6 tháng đầu năm 2026', 'quý III năm 2025' …"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.labels import label

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

_PATTERNS = [
    ("nam", re.compile(r"^năm (\d{4})$")),
    ("6-thang-dau", re.compile(r"^0?6 tháng đầu năm (\d{4})$")),
    ("6-thang-cuoi", re.compile(r"^0?6 tháng cuối năm (\d{4})$")),
    ("9-thang", re.compile(r"^0?9 tháng (?:đầu )?năm (\d{4})$")),
    ("quy", re.compile(r"^quý (i{1,3}|iv|[1-4]) năm (\d{4})$")),
]

# Months each kind of period covers: (first, last).
_MONTHS = {"nam": (1, 12), "6-thang-dau": (1, 6), "6-thang-cuoi": (7, 12), "9-thang": (1, 9)}

EXPECTED = (
    "cần một trong các dạng 'năm 2025', '6 tháng đầu năm 2025', '6 tháng cuối năm 2025', "
    "'9 tháng năm 2025', 'quý I năm 2025' (quý I đến IV)"
)


class PeriodError(ValueError):
    """A period that cannot be read; the message is for editors."""


@dataclass(frozen=True)
class Period:
    kind: str  # one of the keys of _PATTERNS
    year: int
    quarter: int = 0

    @property
    def months(self) -> tuple[int, int]:
        if self.kind == "quy":
            return 3 * self.quarter - 2, 3 * self.quarter
        return _MONTHS[self.kind]

    @property
    def label(self) -> str:
        """'Cả năm 2025', 'Quý II năm 2025' (labels.yml: period.<kind>)."""
        return label(f"period.{self.kind}", year=self.year, quarter=_ROMAN_OUT.get(self.quarter, ""))

    @property
    def phrase(self) -> str:
        """The label inside a sentence: 'cả năm 2025', 'quý II năm 2025' (the quarter keeps its numeral)."""
        return self.label[:1].lower() + self.label[1:]

    def order(self) -> tuple[int, int, int]:
        """Ascending in time: by year, then last month; of two periods ending together the
        longer one (the whole year after its last half) counts as later."""
        first, last = self.months
        return (self.year, last, -first)


def parse_period(text: str) -> Period:
    written = " ".join(str(text).split()).lower()
    for kind, pattern in _PATTERNS:
        if match := pattern.match(written):
            if kind == "quy":
                quarter_text, year = match.groups()
                quarter = _ROMAN.get(quarter_text) or int(quarter_text)
                return Period(kind, int(year), quarter)
            return Period(kind, int(match.group(1)))
    raise PeriodError(f"không đọc được kỳ '{text}'; {EXPECTED}")
