"""Pinpoints: the units cited inside a document ("điểm a khoản 1 Điều 3", "các Điều 27, 28 và khoản 5
Điều 35", "từ Điều 22 đến Điều 31"), found in normalised text, expanded one cited unit each, and given to
the reference they belong to.

Find (one pass of `PHRASE` over the text) → read (groups of one unit word and its values, ranges
expanded, chained inner to outer) → attach (`owner`: a phrase belongs to the reference right after it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cchc.refs.citation import UNITS, Finding

_LEVEL = {word.lower(): level for level, word in enumerate(UNITS)}
_LEVEL["điêu"] = _LEVEL["điều"]  # a slip of the tone mark, common in typed texts ("khoản 2 Điêu 19")

_ROMAN = r"[IVXLC]+"
# A unit word and its values ("khoản 1, 2 và 3", "Điều 22 đến 31"). A point is a letter ("điểm đ"), a
# clause or an article a number ("Điều 10a" is one inserted by an amendment); sections and chapters take
# Roman or Arabic numbers, appendices a capital letter too. Read as well, to be reported: "khoản -1", and
# "điểm" with no letter before "khoản". Separators are possessive: a long run of spaces is read once.
_VALUE_SEP = r"(?:\s*+,\s*+(?:(?i:và|hoặc)\s++)?|\s++(?i:và|hoặc|đến|tới)\s++|\s*+[-–]\s*+(?=\d))"


def _form(words: str, value: str) -> str:
    return rf"(?i:{words})\s++{value}(?!\w)(?:{_VALUE_SEP}{value}(?!\w))*+"


_GROUP_FORMS = (
    _form("điểm", r"[a-zđ]\d*+"),
    r"(?i:khoản|điều|điêu)\s++-\s*+\d++(?!\w)",
    _form("khoản|điều|điêu", r"\d++[a-zđ]?"),
    _form("mục|chương|phần", rf"(?:{_ROMAN}|\d++)"),
    _form(r"phụ\s++lục", rf"(?:{_ROMAN}|\d++|[A-Z])"),
    r"(?i:điểm)(?=\s++(?i:khoản)\s)",
)
_GROUP_ANY = rf"(?<!\w)(?:{'|'.join(_GROUP_FORMS)})"
GROUP = re.compile(_GROUP_ANY)
_UNIT_WORD = re.compile(r"(?i:điểm|khoản|điều|điêu|mục|chương|phần|phụ\s++lục)")
# Between two groups: a comma, "và", "hoặc", "đến" (a range), "các", "của".
_GROUP_SEP = r"(?:\s*+,\s*+|\s++)(?:(?i:và|hoặc|đến|tới)\s++)?(?:(?i:các)\s++)?(?:(?i:của)\s++)?"
PHRASE = re.compile(rf"{_GROUP_ANY}(?:{_GROUP_SEP}{_GROUP_ANY})*+")
_VALUE = re.compile(r"\w+")
_JOIN_WORDS = frozenset({"và", "hoặc", "đến", "tới"})
_RANGE = re.compile(r"(?i:đến|tới)|[-–]")
# Words that make a noun of "điểm" ("thời điểm khoản 2 …"): no missing letter to report after them.
_COMPOUND_BEFORE_POINT = re.compile(r"(?i:thời|địa|đặc|quan|ưu|nhược|trọng|giao|tiêu|xuất|khởi|cao|mốc)\s++$")

# Letters of points, in order: Vietnamese has no f, j, w or z, and đ follows d.
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
MAX_EXPANDED = 200  # cited units one phrase may stand for: "Điều 1 đến Điều 99999" is a slip, not 99999


@dataclass
class Phrase:
    start: int  # in normalised text
    end: int
    pinpoints: list[tuple[tuple[str, str], ...]]
    problems: list[Finding]


@dataclass
class _Group:
    level: int
    values: list[str]
    start: int
    end: int


def _roman(value: str) -> int:
    numbers = [_ROMAN_VALUES[c] for c in value]
    return sum(-n if i + 1 < len(numbers) and n < numbers[i + 1] else n for i, n in enumerate(numbers))


def _as_roman(number: int) -> str:
    out = []
    for value, digits in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V")):
        while number >= value:
            out.append(digits)
            number -= value
    if number == 4:
        return "".join(out) + "IV"
    return "".join(out) + "I" * number


def _span(level: int, first: str, last: str, problems: list[Finding]) -> list[str]:
    """The values from `first` to `last` ("22" to "31", "a" to "đ", "I" to "III"), or the two ends with
    a problem when the range runs backwards or is longer than a phrase may stand for."""
    shown: Callable[[int], str]
    if first.isdigit() and last.isdigit():
        low, high, shown = int(first), int(last), str
    elif level == 0 and first in _POINT_LETTERS and last in _POINT_LETTERS:
        low, high = _POINT_LETTERS.index(first), _POINT_LETTERS.index(last)
        shown = _POINT_LETTERS.__getitem__
    elif re.fullmatch(_ROMAN, first) and re.fullmatch(_ROMAN, last):
        low, high, shown = _roman(first), _roman(last), _as_roman
    else:
        return [first, last]
    if high < low or high - low >= MAX_EXPANDED:
        problems.append(
            Finding(
                "impossible-pinpoint",
                f"'{UNITS[level]} {first} đến {UNITS[level]} {last}' "
                + ("đi ngược" if high < low else f"gồm hơn {MAX_EXPANDED} đơn vị")
                + "; kiểm tra lại số",
            )
        )
        return [first, last]
    return [shown(n) for n in range(low, high + 1)]


def _value(level: int, written: str) -> str | None:
    """A value as pinpoints write it ("05" → "5"), or None for a number that no unit has (0)."""
    if level in (1, 2) or written.isdigit():
        digits = written.rstrip(_POINT_LETTERS)
        if not digits.isdigit() or int(digits) == 0:
            return None
        return str(int(digits)) + written[len(digits) :]
    return written


def _impossible(level: int, written: str) -> Finding:
    return Finding("impossible-pinpoint", f"'{UNITS[level]} {written}' không thể có; số phải từ 1")


def _group_values(level: int, written: str, problems: list[Finding]) -> list[str]:
    """The values of one group ("1, 2 và 3", "22 đến 31"), ranges expanded."""
    values: list[str] = []
    position = 0
    for v in _VALUE.finditer(written):
        if v.group().lower() in _JOIN_WORDS:
            continue
        between, position = written[position : v.start()], v.end()
        value = _value(level, v.group())
        if value is None:
            problems.append(_impossible(level, v.group()))
        elif values and _RANGE.search(between):
            values[-1:] = _span(level, values[-1], value, problems)
        else:
            values.append(value)
    return values


def _groups(text: str, start: int, end: int, problems: list[Finding]) -> list[_Group]:
    """The phrase's groups, a range written across two groups ("Điều 22 đến Điều 31") made one."""
    groups: list[_Group] = []
    previous_end = start
    for m in GROUP.finditer(text, start, end):
        unit = _UNIT_WORD.match(text, m.start())
        level = _LEVEL.get(" ".join(unit.group().lower().split())) if unit else None
        if unit is None or level is None:  # a letter matching case-blind that lowers otherwise ("İ")
            previous_end = m.end()
            continue
        written = text[unit.end() : m.end()].strip()
        gap, previous_end = text[previous_end : m.start()], m.end()
        if not written:
            if not _COMPOUND_BEFORE_POINT.search(text, max(0, m.start() - 12), m.start()):
                problems.append(
                    Finding("impossible-pinpoint", "'điểm' không có chữ cái (cần ghi điểm a, điểm b …)")
                )
            continue
        if written.startswith("-"):
            problems.append(_impossible(level, written))
            continue
        values = _group_values(level, written, problems)
        if groups and groups[-1].level == level and _RANGE.search(gap) and len(values) == 1:
            last = groups[-1]
            last.values[-1:] = _span(level, last.values[-1], values[0], problems)
            last.end = m.end()
        elif values:
            groups.append(_Group(level, values, m.start(), m.end()))
    return groups


def read(text: str, start: int, end: int) -> Phrase:
    """The cited units of the phrase text[start:end], innermost first, each expanded."""
    problems: list[Finding] = []
    chains: list[list[_Group]] = []
    groups = _groups(text, start, end, problems)
    for group in groups:
        if chains and chains[-1][-1].level < group.level:
            chains[-1].append(group)  # the unit holding the ones before: "khoản 2" then "Điều 5"
        else:
            chains.append([group])
    # A chain without its outer units takes them from the chain after it: "khoản 1 và khoản 2 Điều 26".
    for i in range(len(chains) - 2, -1, -1):
        top = chains[i][-1].level
        chains[i] += [g for g in chains[i + 1] if g.level > top]
    # Written outer unit first ("Điều 4, khoản 6"): the chains after an outer one that still lack it are
    # inside it, and it names no unit of its own.
    later_top = [-1] * (len(chains) + 1)  # the outermost level of the chains after each
    for i in range(len(chains) - 1, -1, -1):
        later_top[i] = max(later_top[i + 1], chains[i][-1].level)
    for i in range(len(chains) - 1):
        if later_top[i + 1] < chains[i][0].level:
            for chain in chains[i + 1 :]:
                chain += chains[i]
            chains[i] = []
            break
    pinpoints: list[tuple[tuple[str, str], ...]] = []
    for chain in filter(None, chains):
        expanded: list[tuple[tuple[str, str], ...]] = [()]
        for group in chain:
            word = UNITS[group.level]
            room = max(1, (MAX_EXPANDED - len(pinpoints)) // len(expanded))  # never build past the cap
            expanded = [units + ((word, value),) for units in expanded for value in group.values[:room]]
        pinpoints += expanded[: MAX_EXPANDED - len(pinpoints)]
        if len(pinpoints) >= MAX_EXPANDED:
            problems.append(
                Finding(
                    "impossible-pinpoint",
                    f"một chỗ dẫn gồm hơn {MAX_EXPANDED} điều, khoản; chỉ ghi {MAX_EXPANDED}",
                )
            )
            break
    if groups:  # the phrase as written runs from its first unit read to its last
        start, end = groups[0].start, max(g.end for g in groups)
    return Phrase(start, end, pinpoints, problems)


# Where a phrase may start: a unit word as texts write it (first letter or all capitals). A scan for these
# literals is four times faster than one for the phrase, which ignores case and so cannot skip ahead.
_CANDIDATE = re.compile(
    "(?:"
    + "|".join(
        f"{w}|{w.capitalize()}|{w.upper()}"
        for w in ("điểm", "khoản", "điều", "điêu", "mục", "chương", "phần")
    )
    + "|phụ lục|Phụ lục|PHỤ LỤC"
    + r")\s"
)


def order(units: tuple[tuple[str, str], ...]) -> list[tuple[int, int, str]]:
    """A sort key of cited units in the order of the text: outer unit first, numbers as numbers ("Điều 2"
    before "Điều 10", "Chương IV" before "Chương IX"), points in the alphabet's order."""
    key = []
    for word, value in reversed(units):
        digits = value.rstrip(_POINT_LETTERS)
        if digits.isdigit():
            number = int(digits)
        elif value in _POINT_LETTERS:
            number = _POINT_LETTERS.index(value)
        else:
            number = _roman(value) if re.fullmatch(_ROMAN, value) else 0
        key.append((UNITS.index(word), number, value))
    return key


def find(text: str) -> list[Phrase]:
    """Every pinpoint phrase of a normalised text, in order."""
    phrases: list[Phrase] = []
    position = 0
    for candidate in _CANDIDATE.finditer(text):
        if candidate.start() < position:
            continue
        if m := PHRASE.match(text, candidate.start()):
            phrases.append(read(text, m.start(), m.end()))
            position = m.end()
    return phrases


# Between a phrase and the reference it belongs to: spaces, "của", "tại", or a comma before "của".
_TO_OWNER = re.compile(r"\s*+(?:,\s*+)?(?:(?i:của|tại|thuộc|trong)\s++)?")


def owner(text: str, phrase: Phrase, next_reference_start: int | None) -> bool:
    """Whether the phrase belongs to the reference that starts at `next_reference_start`: it does when
    nothing but a joining word stands between them ("khoản 2 Điều 5 Nghị định …", "Điều 8 của Luật …").
    A phrase that names no document ("Điều 5 Quy chế này", "khoản 1 Điều này") belongs to none."""
    if next_reference_start is None:
        return False
    gap = _TO_OWNER.match(text, phrase.end, next_reference_start)
    return gap is not None and gap.end() == next_reference_start


# A phrase in brackets right after a reference (its date and issuer between): "Luật Tiếp cận thông tin 2016
# (Điều 17, 19)", "Nghị định số 45/2020/NĐ-CP của Chính phủ (khoản 2 Điều 5)".
_OPENING = re.compile(r"\s*+(?:,?\s*+(?i:của)\s[^()\n;]{1,80}?)?\s*+\(\s*+")
_CLOSING = re.compile(r"\s*+\)")


def bracketed(text: str, phrase: Phrase, previous_end: int | None) -> bool:
    """Whether the phrase stands alone in brackets right after the reference that ends at `previous_end`."""
    if previous_end is None or phrase.start - previous_end > 120:
        return False
    opening = _OPENING.match(text, previous_end, phrase.start)
    return opening is not None and opening.end() == phrase.start and bool(_CLOSING.match(text, phrase.end))
