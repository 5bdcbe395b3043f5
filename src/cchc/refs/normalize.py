"""Text normalised for matching, with a map back to offsets in the text as given.

Input may be decomposed (NFD) or carry letters from other scripts that look
Latin (Cyrillic 'С', 'Р'; 'Ð' U+00D0 for 'Đ'). Matching runs on NFC text with
those letters replaced; every offset found maps back to the original string.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

# Letters that look like Latin ones in Vietnamese legal symbols, and what they are read as.
LOOKALIKES = {
    "А": "A",
    "В": "B",
    "С": "C",
    "Е": "E",
    "Н": "H",
    "І": "I",
    "К": "K",
    "М": "M",
    "О": "O",
    "Р": "P",
    "Ѕ": "S",
    "Т": "T",
    "Х": "X",
    "Ү": "Y",
    "а": "a",
    "с": "c",
    "е": "e",
    "і": "i",
    "о": "o",
    "р": "p",
    "ѕ": "s",
    "х": "x",
    "у": "y",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "ο": "o",
    "Ð": "Đ",  # Icelandic eth, often typed for the Vietnamese Đ
}

_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]")


def _read_as(match: re.Match[str]) -> str:
    return LOOKALIKES[match.group()]


_SCRIPT = {range(0x0400, 0x0530): "Kirin (Cyrillic)", range(0x0370, 0x0400): "Hy Lạp (Greek)"}


def script_name(ch: str) -> str:
    for span, name in _SCRIPT.items():
        if ord(ch) in span:
            return name
    return unicodedata.name(ch, "khác").title()


@dataclass
class Lookalike:
    offset: int  # in the original text
    char: str
    read_as: str


@dataclass
class Normalized:
    original: str
    text: str
    # starts[i]: original offset of text[i], starts[len(text)] == len(original);
    # None when offsets are the same in both (NFC input).
    starts: list[int] | None
    lookalikes: list[Lookalike] = field(default_factory=list)  # in order of offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of text[start:end]."""
        if self.starts is None:
            return start, end
        return self.starts[start], self.starts[end]

    def lookalikes_in(self, start: int, end: int) -> list[Lookalike]:
        """The look-alike letters within text[start:end]; found by bisection, since a text with many
        references and many look-alikes would otherwise compare each with each."""
        first, last = self.span(start, end)
        offsets = self._lookalike_offsets
        return self.lookalikes[bisect_left(offsets, first) : bisect_left(offsets, last)]

    @cached_property
    def _lookalike_offsets(self) -> list[int]:
        return [item.offset for item in self.lookalikes]


@lru_cache(maxsize=1)  # extraction, then the relations read from the same text
def normalize(original: str) -> Normalized:
    """NFC, look-alike letters read as Latin, keeping a map to original offsets."""
    if unicodedata.is_normalized("NFC", original):
        # Replacing look-alikes one for one keeps every offset: no map needed.
        found = [
            Lookalike(m.start(), m.group(), LOOKALIKES[m.group()]) for m in _LOOKALIKE.finditer(original)
        ]
        # Replaced where found: str.translate looks up every character of the text, and look-alikes are few.
        text = _LOOKALIKE.sub(_read_as, original) if found else original
        return Normalized(original, text, None, found)
    pieces: list[str] = []
    starts: list[int] = []
    lookalikes: list[Lookalike] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        base = cluster[0]
        if base in LOOKALIKES:
            lookalikes.append(Lookalike(i, base, LOOKALIKES[base]))
            cluster = LOOKALIKES[base] + cluster[1:]
        composed = unicodedata.normalize("NFC", cluster) if j - i > 1 else cluster
        pieces.append(composed)
        starts.extend([i] * len(composed))
        i = j
    starts.append(n)
    return Normalized(original, "".join(pieces), starts, lookalikes)
