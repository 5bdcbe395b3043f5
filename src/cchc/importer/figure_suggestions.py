"""Figures a body gives, suggested for the editor to confirm, never written on their own: each number
followed by a counting word (tin, bài, lượt, buổi, cuộc, cụm, hội nghị, băng rôn, pano, tờ rơi, %, …),
its qualifier or range as written ("trên 200", "gần 1.684", "10-15"), the catalogue's indicator it most
likely gives (the compatible one whose words stand nearest the number in its sentence) and the sentence.
`cchc so-lieu` prints them; `cchc nhap` adds them to the imported file as a commented block."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from cchc.model import Indicator
from cchc.quantities import QUALIFIERS, SCALED, Quantity, parse_quantity
from cchc.text import fold, sentences

# The counting words that may follow a number, by the catalogue's unit of measure they count in.
COUNTING = {
    "tin, bài": ("tin, bài", "tin bài", "tin, hình", "tin", "bài", "video", "bản tin"),
    "lượt": ("lượt",),
    "buổi": ("buổi", "cuộc", "hội nghị", "hội thi"),
    "người": ("người", "học viên", "lượt người", "thí sinh"),
    "cái": ("băng rôn", "băng zôn", "pano", "pa nô", "panô", "cụm pano", "khẩu hiệu", "áp phích",
            "tranh cổ động"),
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
    rf"(?:\s*(?:-|–|đến)\s*({SCALED}))?(?![\d/])\s*({'|'.join(map(re.escape, _WORDS))})(?!\w)", re.I)


@dataclass
class Suggestion:
    written: str  # as the body writes it: "trên 200", "1.992", "100%"
    value: Quantity
    unit: str  # the counting word, as written
    indicator: str | None  # the catalogue's id, None when no indicator counts in that word
    sentence: str
    line: int  # in the text given


def _distance(indicator: Indicator, sentence: str, start: int, end: int) -> int | None:
    """How far the indicator's nearest word stands from the figure's counting word (start..end) in the
    folded sentence; a word inside a generic counting word ("tin" of "tin, bài") is no evidence, the
    specific one itself ("học viên", "cụm") is."""
    best, counted = None, sentence[start:end]
    for keyword in indicator.keywords:
        word = fold(keyword).lower()
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence):
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
    ("cụm", "tờ rơi") counts in; None when nothing more tells (a bare "91,4%" or "560.000 lượt")."""
    folded, word = fold(sentence).lower(), unit.lower()
    compatible = [i for i in catalogue.values() if word in COUNTING.get(i.unit, (i.unit,))]
    scored = [(d, index, i.id) for index, i in enumerate(compatible)
              if (d := _distance(i, folded, start, end)) is not None]
    if scored:
        return min(scored)[2]
    return compatible[0].id if len(compatible) == 1 and fold(word) not in GENERIC else None


def suggest(text: str, catalogue: dict[str, Indicator], first_line: int = 1) -> list[Suggestion]:
    found = []
    for number, line in enumerate(text.splitlines(), first_line):
        for sentence in sentences(line.strip()):
            for match in _FIGURE.finditer(sentence):
                qualifier, low, high, unit = match.groups()
                number_written = low + (f"-{high}" if high else "") + ("%" if unit == "%" else "")
                written = " ".join(filter(None, (qualifier and qualifier.lower(), number_written)))
                indicator = _indicator(catalogue, unit, sentence, match.start(4), match.end(4))
                found.append(Suggestion(written, parse_quantity(written), unit, indicator, sentence, number))
    return found


def as_json(suggestions: list[Suggestion], catalogue: dict[str, Indicator]) -> list[dict]:
    return [{"dong": s.line, "gia_tri": s.written, "don_vi": s.unit, "chi_tieu": s.indicator,
             "ten_chi_tieu": catalogue[s.indicator].name if s.indicator else None, "cau": s.sentence}
            for s in suggestions]


def yaml_block(suggestions: list[Suggestion], commented: bool = False) -> str:
    """A `so_lieu:` block ready to paste: one entry per indicator (its first figure), each with the line
    and sentence it came from; figures of no indicator, or of one already given, as comments."""
    lines, taken = ["so_lieu:"], set()
    for s in suggestions:
        quoted = json.dumps(s.written, ensure_ascii=False)
        where = f"dòng {s.line}: {s.sentence[:90]}"
        if s.indicator and s.indicator not in taken:
            taken.add(s.indicator)
            lines += [f"  - chi_tieu: {s.indicator}", f"    gia_tri: {quoted}  # {where}"]
        else:
            lines.append(f"  # {'?' if not s.indicator else s.indicator}: {quoted} {s.unit} ({where})")
    if commented:
        lines = [f"# {line}" if not line.lstrip().startswith("#") else f"#{line}" for line in lines]
    return "\n".join(lines) + "\n"
