"""Vietnamese text helpers: ASCII slugs and alphabetical order."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters of the Vietnamese alphabet in dictionary order; a letter's modifier
# (breve, circumflex, horn, stroke) makes it a letter of its own.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}

# Tone marks, ordered as Vietnamese dictionaries do: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_PLAIN_D = str.maketrans("đĐ", "dD")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Vietnamese text without tones and modifiers, 'đ' read as 'd'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_D))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def d_words(text: str) -> str:
    """The words that hold 'đ', written with 'd': 'Đăng ký khai sinh' -> 'Dăng'.

    Search engines that fold tones (Pagefind) still treat 'đ' as a letter of its own, so a query
    typed without it finds these words only through this second spelling.
    """
    return " ".join(plain for word in text.split() if (plain := word.translate(_PLAIN_D)) != word)


def slugify(text: str) -> str:
    """ASCII slug for URLs: 'Nam Thanh Miện' -> 'nam-thanh-mien'."""
    return _NON_SLUG.sub("-", fold(text).lower()).strip("-")


def heading_slug(text: str, separator: str = "-") -> str:
    """A heading's id as the toc extension asks for it (its `slugify` option): Markdown's own drops what
    is not ASCII after decomposing, so 'Thủ tục được làm nhiều' became 'thu-tuc-uoc-lam-nhieu'."""
    return slugify(text).replace("-", separator)


def _split_tone(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def initial(text: str) -> str:
    """The letter a Vietnamese index files `text` under: its first letter without tone, in capitals
    ('Ảnh' -> 'A', 'Ấp' -> 'Â', 'đăng' -> 'Đ'); what sort_key puts together shares it."""
    first = nfc(text.strip())[:1]
    return _split_tone(first.lower())[0].upper() if first else ""


def descending(text: str) -> tuple[int, ...]:
    """A sort key field that orders `text` from last to first inside an otherwise ascending key."""
    return tuple(-ord(ch) for ch in text)


# The letters (a digit or punctuation mark as (0, itself), a letter as (1, its rank)), their tones, the text.
SortKey = tuple[tuple[tuple[int, int | str], ...], tuple[int, ...], str]


@cache
def sort_key(text: str) -> SortKey:
    """Key that orders strings as a Vietnamese dictionary does.

    Letters compare first (so 'Đ' follows every 'D…'), then tones, then case,
    which puts a toned letter right after its bare form.
    """
    letters: list[tuple[int, int | str]] = []
    tones = []
    for ch in nfc(text).lower():
        base, tone = _split_tone(ch)
        rank = _LETTER_RANK.get(base)
        # Digits and punctuation sort before letters, by code point.
        letters.append((1, rank) if rank is not None else (0, base))
        tones.append(tone)
    return (tuple(letters), tuple(tones), text)


# Old and new placement of the tone on 'oa', 'oe', 'uy' ("Thành uỷ" = "Thành ủy", "hoá" = "hóa").
_TONE_PLACEMENT = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_PLACEMENT = re.compile("|".join(_TONE_PLACEMENT))
_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Case, spacing and tone placement folded: 'UBND  Thành Uỷ' and 'ubnd thành ủy' compare equal."""
    text = _SPACE.sub(" ", nfc(name).lower()).strip()
    return _PLACEMENT.sub(lambda m: _TONE_PLACEMENT[m.group()], text)


# A sentence ends at a full stop, question or exclamation mark before a space (not an ellipsis: "thông
# báo... về", not a number: "1.992"), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\.\.)\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]
