"""Quantities as Vietnamese reports write them: '1.992', '1992', '06', '98,5%', 'trên 200', 'gần 1.684',
'10-15', 'từ 10 đến 15'; the numbers a text holds, and totals that keep what the parts claimed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Words before a number that say it is not exact; kept, as the report wrote them.
QUALIFIERS = ("trên", "hơn", "gần", "khoảng", "xấp xỉ", "ít nhất", "tối thiểu", "dưới")
_QUALIFIER = "|".join(QUALIFIERS)
# Scale words after a number: "77,7 triệu", "hơn 2 ngàn".
SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
# Possessive: a shorter reading of "1.992,5" is always followed by a digit or by ".9", which no pattern here
# accepts after a number, and a long run of groups is then read once, not kept for backtracking.
NUMBER = r"\d++(?:[.,]\d++)*+"
SCALED = rf"{NUMBER}(?:\s*(?:{'|'.join(SCALES)})(?!\w))?"
# A number in running text, with its scale word; one touching '/' belongs to a date, a ratio or a
# document's symbol.
_TOKEN = re.compile(rf"(?<![\d/])({SCALED})(?![\d/]|[.,]\d)", re.I)
# A run of digits and the dots and commas between them: "1.992", "98,5", "1.1.1.1".
_DIGIT_RUN = re.compile(NUMBER)
_SEPARATOR = re.compile(r"[.,]")
_WRITTEN = re.compile(
    rf"^(?:({_QUALIFIER})\s+)?(?:từ\s+)?({SCALED})\s*(%?)"
    rf"(?:\s*(?:-|–|đến)\s*({SCALED})\s*(%?))?$",
    re.I,
)

LARGEST = Decimal(10) ** 15  # no report counts more; a longer number is a slip of the keyboard
EXPECTED = "cần một số như '1.992', '1992', '06', '98,5%', 'trên 200', 'gần 1.684' hoặc '10-15'"


class QuantityError(ValueError):
    """A value that is not a number as reports write them; the message is for editors."""


@dataclass(frozen=True)
class Quantity:
    low: Decimal
    high: Decimal  # the same as low unless a range
    qualifier: str = ""  # one of QUALIFIERS, lower case, or ""
    percent: bool = False

    @property
    def label(self) -> str:
        """'trên 200', '1.992', '10–15', '98,5%'."""
        number = format_number(self.low) + ("" if self.high == self.low else "–" + format_number(self.high))
        return " ".join(filter(None, (self.qualifier, number + ("%" if self.percent else ""))))


def read_number(written: str) -> Decimal | None:
    """'1.992' and '1992' -> 1992, '06' -> 6, '98,5' and '98.5' -> 98.5; None for anything else.
    A dot followed by three digits groups thousands, as Vietnamese writes them."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
        return Decimal(written.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+(?:[,.]\d+)?", written):
        return Decimal(written.replace(",", "."))
    return None


def _scaled(written: str) -> Decimal | None:
    """'77,7 triệu' -> 77700000; a number without a scale word as `read_number` reads it."""
    match = re.fullmatch(rf"({NUMBER})\s*({'|'.join(SCALES)})?", written, re.I)
    if match is None or (value := read_number(match.group(1))) is None:
        return None
    return value * SCALES[match.group(2).lower()] if match.group(2) else value


def parse_quantity(value: object) -> Quantity:
    text = " ".join(str(value).split())
    match = _WRITTEN.match(text)
    low = _scaled(match.group(2)) if match else None
    high = _scaled(match.group(4)) if match and match.group(4) else low
    if match is None or low is None or high is None or high < low:
        raise QuantityError(f"giá trị '{text}' không phải số; {EXPECTED}")
    if high >= LARGEST:
        raise QuantityError(f"giá trị '{text[:30]}…' quá lớn (từ 10^15 trở lên); kiểm tra lại số")
    qualifier = (match.group(1) or "").lower()
    return Quantity(low, high, qualifier, bool(match.group(3) or match.group(5)))


def plain(number: Decimal) -> int | float:
    """The number as JSON and spreadsheets hold one: an int when whole."""
    return int(number) if number == number.to_integral_value() else float(number)


def format_number(number: Decimal) -> str:
    """1992 -> '1.992', 98.5 -> '98,5': thousands grouped by dots, a decimal comma."""
    whole, _, fraction = f"{number.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def numbers_in(text: str) -> list[tuple[Decimal, int]]:
    """Each number written in `text` ('77,7 triệu' read as such) with its offset; dates, ratios and symbols
    ('11/8/2025', '17/17', '09/KH-UBND') are left out."""
    found = []
    for run in _DIGIT_RUN.finditer(text):
        if (match := _token_in(text, run)) and (number := _scaled(match.group(1))) is not None:
            found.append((number, match.start()))
    return found


def _token_in(text: str, run: re.Match[str]) -> re.Match[str] | None:
    """The number `_TOKEN` reads in a run of digits: from its start, or when '/' stands before the run, from
    its second group of digits ("/1.2" gives 2). A token from any later group would end where these end and
    fail as they fail, so they are not tried: trying each group of "1.1.1.…1/" read the run again for each
    (quadratic)."""
    if match := _TOKEN.match(text, run.start()):
        return match
    second = _SEPARATOR.search(text, run.start(), run.end())
    return _TOKEN.match(text, second.end()) if second else None


def total(values: list[Quantity]) -> Quantity:
    """The sum, saying what its parts said: 'trên' if some are lower bounds and the rest exact, 'gần' if
    some are upper bounds, 'khoảng' when both or other qualifiers mix."""
    qualifiers = {v.qualifier for v in values} - {""}
    lower, upper = {"trên", "hơn", "ít nhất", "tối thiểu"}, {"gần", "dưới"}
    qualifier = (
        ""
        if not qualifiers
        else "trên"
        if qualifiers <= lower
        else "gần"
        if qualifiers <= upper
        else "khoảng"
    )
    return Quantity(
        sum((v.low for v in values), Decimal(0)),
        sum((v.high for v in values), Decimal(0)),
        qualifier,
        any(v.percent for v in values),
    )


def mean(values: list[Quantity]) -> Quantity:
    """The average of ratios, rounded to one decimal; approximate as soon as one part is."""
    count = Decimal(len(values))
    low = (sum((v.low for v in values), Decimal(0)) / count).quantize(Decimal("0.1"))
    high = (sum((v.high for v in values), Decimal(0)) / count).quantize(Decimal("0.1"))
    qualifier = "khoảng" if any(v.qualifier for v in values) else ""
    return Quantity(low, high, qualifier, any(v.percent for v in values))
