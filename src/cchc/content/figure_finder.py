"""The figures a body gives: each number followed by a counting word (tin, bài, lượt, buổi, cuộc, cụm,
hội nghị, băng rôn, pano, tờ rơi, %, …), its qualifier or range as written ("trên 200", "gần 1.684",
"10-15"), the catalogue's indicator it most likely gives (the compatible one whose words stand nearest
the number in its sentence) and the sentence. The figure check asks it which indicator a number of the
body gives; `cchc so-lieu` and `cchc nhap` suggest what it finds, for the editor to confirm."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
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


def word_matches(word: str, folded: str) -> Iterator[re.Match[str]]:
    """Where `word` stands in the folded text `folded` as a whole word, not inside another."""
    return re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", folded)


class FoldedSentence:
    """A sentence folded once (tones, modifiers, case), and where each word stands in it, found once: a
    sentence with many figures asks for the same words again for each."""

    def __init__(self, sentence: str) -> None:
        self.folded = fold(sentence).lower()
        self._places: dict[str, list[int]] = {}

    def places(self, word: str) -> list[int]:
        """The offsets where `word` (folded) stands as a whole word, in order."""
        if word not in self._places:
            self._places[word] = [match.start() for match in word_matches(word, self.folded)]
        return self._places[word]


def _gap(places: list[int], length: int, start: int, end: int, skip_inside: bool) -> int | None:
    """The distance of the nearest of a word's places (each `length` long) from a counting word at
    start..end: 0 when they overlap, the characters between when the word comes after, twice that when it
    comes before; with `skip_inside`, places within the counting word are no evidence. Found by bisection:
    the places overlapping it lie between the last one ending by `start` and the first one from `end`."""
    first = bisect_right(places, start - length)  # the first place ending after `start`
    after = bisect_left(places, end)
    if first < after and not (skip_inside and places[first] >= start and places[after - 1] <= end - length):
        return 0
    gaps = [places[after] - end] if after < len(places) else []
    if first:
        gaps.append(2 * (start - places[first - 1] - length))
    return min(gaps, default=None)


def _distance(indicator: Indicator, sentence: FoldedSentence, start: int, end: int) -> int | None:
    """How far the indicator's nearest word stands from the figure's counting word (start..end) in the
    folded sentence. Generic counting words among its words ("tin", "bài", "buổi") are no evidence here
    (the "tin" of "thông tin"); the specific counting word itself ("học viên", "đợt") is. Reports name the
    channel after the count ("522 tin, bài trên Zalo"): a word before counts double."""
    counted_generic = sentence.folded[start:end] in GENERIC
    gaps = [
        _gap(sentence.places(word), len(word), start, end, counted_generic)
        for word in folded_keywords(indicator)
        if word not in GENERIC
    ]
    return min((gap for gap in gaps if gap is not None), default=None)


def _indicator(
    catalogue: dict[str, Indicator], unit: str, sentence: FoldedSentence, start: int, end: int
) -> str | None:
    """The compatible indicator with a word nearest the figure; else the only one a specific counting word
    ("cụm", "tờ rơi") counts in; None when nothing more tells (a bare "91,4%", "730 tin, bài")."""
    word = unit.lower()
    compatible = [i for i in catalogue.values() if word in COUNTING.get(i.unit, (i.unit,))]
    scored = [
        (d, index, i.id)
        for index, i in enumerate(compatible)
        if (d := _distance(i, sentence, start, end)) is not None
    ]
    if scored:
        return min(scored)[2]
    return compatible[0].id if len(compatible) == 1 and fold(word) not in GENERIC else None


def suggest(text: str, catalogue: dict[str, Indicator], first_line: int = 1) -> list[Suggestion]:
    found = []
    for number, line in enumerate(nfc(text).splitlines(), first_line):
        for sentence in sentences(line.strip()):
            folded = None
            for match in _FIGURE.finditer(sentence):
                qualifier, low, high, unit = match.groups()
                number_written = low + (f"-{high}" if high else "") + ("%" if unit == "%" else "")
                written = " ".join(filter(None, (qualifier and qualifier.lower(), number_written)))
                try:
                    value = parse_quantity(written)
                except QuantityError:  # "2.1.3 Tin học hóa", "20-10" as a date: not a figure
                    continue
                folded = folded or FoldedSentence(sentence)
                indicator = _indicator(catalogue, unit, folded, match.start(4), match.end(4))
                found.append(Suggestion(written, value, unit, indicator, sentence, number))
    return found
