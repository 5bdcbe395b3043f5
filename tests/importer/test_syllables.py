"""A syllable that a PDF's text split ("Bộ T ư pháp") is put back together, on the grounds of Vietnamese
orthography alone, and no correct word is ever glued to the next: checked on real texts with no split
(the seeds, the real-*.txt imports, the corpus's published texts) and on real exports with splits (pypdf's
layout mode of two corpus PDFs, compared with the plain mode that keeps their words whole)."""

from __future__ import annotations

import difflib
import unicodedata

import pytest

from cchc.importer.sources import read_lines
from cchc.importer.syllables import is_syllable, rejoin
from tests.conftest import REPO
from tests.importer.test_corpus_score import CORPUS

SEEN = ("tuned", "held-out")  # never the unseen part: it is scored once, by the lead


@pytest.mark.parametrize(
    "word", ["Tư", "phường", "Nguyễn", "giếng", "gì", "quốc", "khuya", "Tuấn", "ĐẢNG", "THỰC", "ấy", "ực"]
)
def test_a_syllable(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "T",  # no vowel
        "ờng",  # no rhyme "ơng"
        "TP",
        "kanh",  # "k" stands only before e, ê, i, y
        "ngea",  # no rhyme "ea"
        "tàc",  # a stop final takes only the sắc or nặng tone
        "Tp",
        "hoàấy",  # two tones
    ],
)
def test_not_a_syllable(word):
    assert not is_syllable(word)


@pytest.mark.parametrize(
    ("split", "whole"),
    [
        ("- Bộ T ư pháp (thay B/c);", "- Bộ Tư pháp (thay B/c);"),
        (
            "của UBND các xã, phư ờng, đặc khu trên đ ịa bàn tỉnh",
            "của UBND các xã, phường, đặc khu trên địa bàn tỉnh",
        ),
        ("công b ố chỉ số", "công bố chỉ số"),
        ("Trần H   ữu Tu ấn", "Trần Hữu Tu ấn"),  # "Tu" and "ấn" can each stand alone: left apart
        ("NGH Ị QUYẾT", "NGHỊ QUYẾT"),
        ("thi đua “Đ                           ẩy mạnh", "thi đua “Đẩy mạnh"),  # no column ends on "“Đ"
    ],
)
def test_a_split_syllable_is_joined(split, whole):
    assert rejoin(split) == whole


@pytest.mark.parametrize(
    "text",
    [
        "khu ấy",  # "khuấy" would be one syllable, but both words stand alone
        "nguồn thu ổn định",
        "Thứ trưởng, Bộ trưởng Bộ C hoặc",  # a letter as a label, then a word a simple font holds
        "điểm c Điều 18",  # the case differs
        "TP ủy",
        "ĐẢNG ỦY",
        "a    ư",  # four spaces or more: columns
        "“a    ư",  # "“a" can stand alone: columns still
        "Phụ lục B    ấp Tân",  # a label letter, then the other column
    ],
)
def test_words_that_stand_apart_stay_apart(text):
    assert rejoin(text) == text


@pytest.mark.parametrize(
    ("split", "whole"),
    [
        (
            "công tác cải cách hành chính năm 202                                   6",
            "công tác cải cách hành chính năm 2026",
        ),
        ("ngày 14/01/20 26 của", "ngày 14/01/2026 của"),
        ("Năm 19 95,", "Năm 1995,"),
    ],
)
def test_a_split_year_is_joined(split, whole):
    assert rejoin(split) == whole


@pytest.mark.parametrize(
    "text", ["năm 2025 6 tháng", "năm 20 6 tháng đầu", "trong năm 2026 12 buổi", "Điều 20 12", "năm 30 12"]
)
def test_numbers_that_make_no_year_stay_apart(text):
    assert rejoin(text) == text


@pytest.mark.parametrize(
    ("padded", "whole"),
    [
        ("tỉnh Đắk Nông (                              trước sắp xếp)", "tỉnh Đắk Nông (trước sắp xếp)"),
        ("Hội “Lan tỏa yêu thương        ”", "Hội “Lan tỏa yêu thương”"),
        ("Đắk Nông ( trước sắp xếp)", "Đắk Nông ( trước sắp xếp)"),  # one space may be typed: kept
    ],
)
def test_padding_inside_brackets_is_taken_out(padded, whole):
    assert rejoin(padded) == whole


def _clean_texts():
    yield from sorted((REPO / "tests" / "seeds").glob("*.txt"))
    yield from sorted((REPO / "tests" / "data" / "imports").glob("real-*.txt"))
    for part in SEEN:
        yield from sorted((CORPUS / part).glob("*.source.txt"))


def test_no_word_of_real_texts_is_glued():
    changed = []
    for path in _clean_texts():
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        changed += [(path.name, line) for line in text.splitlines() if rejoin(line) != line]
    assert not changed


def _words_whole(pdf) -> list[str]:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text(extraction_mode="plain") for page in PdfReader(str(pdf)).pages)
    return unicodedata.normalize("NFC", text).split()


def _joins(split: list[str], whole: list[str]) -> tuple[int, int]:
    """The splits left and the words glued: where the two texts differ but by spaces, what `split` has
    apart and `whole` together, and the other way round."""
    left = glued = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, split, whole, autojunk=False).get_opcodes():
        if op == "replace" and "".join(split[a1:a2]) == "".join(whole[b1:b2]):
            left += max(0, (a2 - a1) - (b2 - b1))
            glued += max(0, (b2 - b1) - (a2 - a1))
    return left, glued


@pytest.mark.parametrize(
    ("stem", "mended"), [("held-out/t04-hhccv-hd-545-2025", 1), ("held-out/t07-ld-snv-bc-chiso-2025", 75)]
)
def test_splits_of_a_pdf_layout_text_are_mended_and_nothing_glued(stem, mended):
    """The corpus's text exports of t04 and t07 (pypdf's layout mode, runs of spaces collapsed) against
    the plain mode of the same PDF: the splits whose pieces cannot each stand alone are mended (t07: 80 of
    95, the rest are pieces that can, like "ki ến", and punctuation set apart), nothing is glued."""
    whole = _words_whole(CORPUS / f"{stem}.source.pdf")
    raw = unicodedata.normalize("NFC", (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")).split()
    read = " ".join(read_lines(CORPUS / f"{stem}.txt")).split()
    left_before, _ = _joins(raw, whole)
    left, glued = _joins(read, whole)
    assert glued == 0 and left_before - left >= mended, (left_before, left)
