"""Vietnamese syllables as the orthography builds them (initial consonant(s), a rhyme made of an optional
medial, the vowel nucleus and an optional final, one tone mark), used to put back together a syllable that a
PDF's text split ("Bộ T ư pháp", "phư ờng"): Vietnamese writes every syllable apart, so a piece that cannot
stand as a syllable, joined to its neighbour into one that can, was never meant to stand apart."""

from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_STOP_TONES = {"\u0301", "\u0323"}  # the only tones of a syllable ending in p, t, c, ch
_INITIALS_WRITTEN = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"
_INITIALS = sorted(_INITIALS_WRITTEN.split(), key=len, reverse=True)  # longest first: "ngh" before "ng"
_FRONT = ("e", "ê", "i", "y")  # "k", "gh", "ngh" stand before these, "c", "g", "ng" before the others
# Every rhyme (vần) without its tone, grouped by nucleus: a, ă, â, e, ê, i, iê, y/yê, o, ô, ơ, u, uô, ư, ươ,
# then the rhymes with a medial o or u.
_RHYMES_WRITTEN = """
    a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêt yêu
    o oc oi om on ong op ot oong ooc
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oem oen oeo oet
    uân uâng uât uây
    uê uêch uênh
    uy uych uynh uyt uyu uya uyên uyêt
    uơ
"""
_RHYMES = frozenset(_RHYMES_WRITTEN.split())
_LETTERS = re.compile(r"[^\W\d_]+")


def _toneless(word: str) -> tuple[str, list[str]]:
    """The word in small letters without its tone marks, and the tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base, tones


def _spelled(initial: str, rhyme: str) -> bool:
    """Whether the initial is written as it must be before this rhyme (k/c, gh/g, ngh/ng; qu, gi)."""
    front = rhyme.startswith(_FRONT)
    if initial in ("k", "gh", "ngh"):
        return front
    if initial in ("c", "ng"):
        return not front
    if initial == "g":
        return not rhyme.startswith(("e", "ê"))
    if initial == "qu":
        return not rhyme.startswith(("o", "u"))  # the u of "qu" is the medial already
    return True


def _rhyme(initial: str, rest: str) -> bool:
    if rest in _RHYMES:
        return True
    return initial == "gi" and "i" + rest in _RHYMES  # "giếng": gi + iêng, the i written once


def is_syllable(word: str) -> bool:
    """Whether `word` is one Vietnamese syllable: letters in one case (or a capital first), one tone at most,
    an initial and a rhyme spelled as the orthography allows, a tone a stop final can carry."""
    if not _LETTERS.fullmatch(word) or word not in (word.lower(), word.upper(), word.capitalize()):
        return False
    base, tones = _toneless(word)
    if len(tones) > 1:
        return False
    for initial in [*_INITIALS, ""]:
        rest = base[len(initial) :]
        if base.startswith(initial) and _spelled(initial, rest) and _rhyme(initial, rest):
            stop = rest.endswith(("p", "t", "c", "ch"))
            return not stop or (bool(tones) and tones[0] in _STOP_TONES)
    return False


def split_syllable(left: str, right: str, alone: bool = False) -> bool:
    """Whether the words `left` and `right` are one syllable split apart where a PDF's text switched to
    the font that holds the letters a simple font's encoding lacks (ư, ơ, đ, ấ, …: past U+00FF): together
    they make one syllable, and one of them cannot be a syllable alone ("T" + "ư", "phư" + "ờng"). Two words
    that can each stand alone are left apart ("khu ấy" is not "khuấy"), and so are a letter and a word
    that opens with a letter a simple font has ("Bộ C hoặc": "C" may be a label), or words in different
    cases ("TP" + "ủy"). With `alone`, where the context says `right` cannot stand alone (a name's words are
    capitalised), the two are joined whenever they make one syllable ("Tu" + "ấn")."""
    if not (left and right) or ord(right[0]) <= 0xFF or (right[0].isupper() and not left.isupper()):
        return False
    return is_syllable(left + right) and (alone or not (is_syllable(left) and is_syllable(right)))


# A word of letters, alone or after an opening bracket or quote, then a run of spaces (a PDF's layout text
# pads a split), then a word of letters that may end with punctuation.
_LEFT = re.compile(r"(?:^|(?P<opened>[(\[“\"‘']))([^\W\d_]+)$")
_RIGHT = re.compile(r"^([^\W\d_]+)[^\w]*$")
_GAP = re.compile(r"( +)")
PADDING = 3  # a wider run of spaces parts columns, unless what stands before it cannot end a column


def _joins(left: re.Match[str], right: re.Match[str], space: str) -> bool:
    """Whether the words around `space` are one syllable split apart. Past PADDING spaces only when the
    left piece opens a quote or bracket and cannot be a syllable alone ("“Đ      ẩy"): no column ends so."""
    if not split_syllable(left[2], right[1]):
        return False
    return len(space) <= PADDING or (left["opened"] is not None and not is_syllable(left[2]))


# A year a PDF's layout text split by padding before its last digits ("năm 202          6"): after "năm" or
# a date's day and month, digits that open a year of this era but are too short for one, then digits that
# make four with them. No year is written in two pieces, so the gap is the text layer's.
_SPLIT_YEAR = re.compile(
    r"(?P<before>\bnăm\s+|\b\d{1,2}/\d{1,2}/)(?P<left>(?:19|20)\d?) +(?P<right>\d{1,2})(?!\d)", re.IGNORECASE
)


def _year_whole(match: re.Match[str]) -> str:
    left, right = match["left"], match["right"]
    return match["before"] + left + right if len(left + right) == 4 else match.group()


# Padding a PDF's layout text puts inside brackets or quotes ("Đắk Nông (              trước sắp xếp)"):
# a run of spaces right after an opening one or right before a closing one, between it and a word. Nobody
# types a run of spaces there, and no column ends or opens with a bracket.
_PADDED_BRACKET = re.compile(r"(?<=[(\[“‘]) {2,}(?=\w)|(?<=\w) {2,}(?=[)\]”’])")


def rejoin(line: str) -> str:
    """The line with each split syllable and split year put back together and the padding inside brackets
    taken out, every other space kept."""
    return _PADDED_BRACKET.sub("", _SPLIT_YEAR.sub(_year_whole, _syllables_rejoined(line)))


def _syllables_rejoined(line: str) -> str:
    pieces = _GAP.split(line)
    kept = [pieces[0]]
    for space, word in zip(pieces[1::2], pieces[2::2]):
        left, right = _LEFT.search(kept[-1]), _RIGHT.match(word)
        if left and right and _joins(left, right, space):
            kept[-1] += word
        else:
            kept += [space, word]
    return "".join(kept)
