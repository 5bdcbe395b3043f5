"""The figures a body gives: each number followed by a counting word (tin, bài, lượt, buổi, cuộc, cụm,
hội nghị, băng rôn, pano, tờ rơi, %, …), its qualifier or range as written ("trên 200", "gần 1.684",
"10-15"), the catalogue's indicator it most likely gives (the compatible one whose words stand nearest
the number in its sentence) and the sentence. The figure check asks it which indicator a number of the
body gives; `cchc so-lieu` and `cchc nhap` suggest what it finds, for the editor to confirm."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cchc.model import Indicator
from cchc.quantities import QUALIFIERS, SCALED, Quantity, QuantityError, parse_quantity
from cchc.text import fold, nfc, sentences

# The counting words that may follow a number, by the catalogue's unit of measure they count in.
COUNTING = {
    "tin, bài": ("tin, bài", "tin bài", "tin, hình", "tin", "bài", "video", "bản tin"),
    "lượt": ("lượt",),
    "buổi": ("buổi", "cuộc", "hội nghị", "hội thi"),
    "người": ("người", "học viên", "lượt người", "thí sinh"),
    "cái": (
        "băng rôn",
        "băng zôn",
        "pano",
        "pa nô",
        "panô",
        "cụm pano",
        "khẩu hiệu",
        "áp phích",
        "tranh cổ động",
    ),
    "bản": ("tờ rơi", "tờ gấp", "tài liệu", "bộ tài liệu", "cuốn", "bản"),
    "%": ("%",),
    "cụm": ("cụm",),
    "văn bản": ("văn bản",),
    "chuyên mục": ("chuyên mục", "chương trình", "phóng sự", "phim tài liệu"),
    "đợt": ("đợt",),
}
# Counting words (folded) that count too many things to name an indicator on their own.
GENERIC = {"%", "luot", "nguoi", "luot nguoi", "tin", "bai", "tin, bai", "tin bai", "ban", "buoi", "cuoc"}
_WORDS = sorted({w for words in COUNTING.values() for w in words}, key=len, reverse=True)
_FIGURE = re.compile(
    rf"(?<![\d/.,])(?:\b({'|'.join(QUALIFIERS)})\s+)?(?:từ\s+)?({SCALED})"
    rf"(?:\s*(?:-|–|đến)\s*({SCALED}))?(?![\d/])\s*({'|'.join(map(re.escape, _WORDS))})(?!\w)",
    re.I,
)


@dataclass
class Suggestion:
    written: str  # as the body writes it: "trên 200", "1.992", "100%"
    value: Quantity
    unit: str  # the counting word, as written
    indicator: str | None  # the catalogue's id, None when no indicator counts in that word
    sentence: str
    line: int  # in the text given


@functools.cache
def folded_keywords(indicator: Indicator) -> tuple[str, ...]:
    """An indicator's words as they are matched: tones folded, lower case (once per indicator)."""
    return tuple(fold(keyword).lower() for keyword in indicator.keywords)


def word_matches(word: str, folded: str):
    """Where `word` stands in the folded text `folded` as a whole word, not inside another."""
    return re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", folded)


def _distance(indicator: Indicator, sentence: str, start: int, end: int) -> int | None:
    """How far the indicator's nearest word stands from the figure's counting word (start..end) in the
    folded sentence. Generic counting words among its words ("tin", "bài", "buổi") are no evidence here
    (the "tin" of "thông tin"); the specific counting word itself ("học viên", "đợt") is."""
    best, counted = None, sentence[start:end]
    for word in folded_keywords(indicator):
        if word in GENERIC:
            continue
        for match in word_matches(word, sentence):
            if start <= match.start() and match.end() <= end and counted in GENERIC:
                continue
            if match.start() < end and match.end() > start:  # "buổi tuyên truyền" around "buổi"
                gap = 0
            elif match.start() >= end:
                gap = match.start() - end
            else:  # reports name the channel after the count ("522 tin, bài trên Zalo"): before counts double
                gap = 2 * (start - match.end())
            best = gap if best is None else min(best, gap)
    return best


def _indicator(catalogue: dict[str, Indicator], unit: str, sentence: str, start: int, end: int) -> str | None:
    """The compatible indicator with a word nearest the figure; else the only one a specific counting word
    ("cụm", "tờ rơi") counts in; None when nothing more tells (a bare "91,4%", "730 tin, bài")."""
    folded, word = fold(sentence).lower(), unit.lower()
    compatible = [i for i in catalogue.values() if word in COUNTING.get(i.unit, (i.unit,))]
    scored = [
        (d, index, i.id)
        for index, i in enumerate(compatible)
        if (d := _distance(i, folded, start, end)) is not None
    ]
    if scored:
        return min(scored)[2]
    return compatible[0].id if len(compatible) == 1 and fold(word) not in GENERIC else None


def suggest(text: str, catalogue: dict[str, Indicator], first_line: int = 1) -> list[Suggestion]:
    found = []
    for number, line in enumerate(nfc(text).splitlines(), first_line):
        for sentence in sentences(line.strip()):
            for match in _FIGURE.finditer(sentence):
                qualifier, low, high, unit = match.groups()
                number_written = low + (f"-{high}" if high else "") + ("%" if unit == "%" else "")
                written = " ".join(filter(None, (qualifier and qualifier.lower(), number_written)))
                try:
                    value = parse_quantity(written)
                except QuantityError:  # "2.1.3 Tin học hóa", "20-10" as a date: not a figure
                    continue
                indicator = _indicator(catalogue, unit, sentence, match.start(4), match.end(4))
                found.append(Suggestion(written, value, unit, indicator, sentence, number))
    return found
