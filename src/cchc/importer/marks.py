"""What a line of an imported document is made of, before its meaning is read: its text without Markdown
marks, its columns (a header's or footer's two columns share a line in a PDF's text and in the lines
`sources` makes of a Word table), and the pieces that carry no words of the document's own: the national
motto (or a Party's, a youth union's), and the rules drawn under a name ("-------", "***", "____")."""

from __future__ import annotations

import re

_MARKS = re.compile(r"^[#>\s]*|\*+|_+")
_WORD = re.compile(r"\w")
COLUMNS = re.compile(r"\s{2,}|\t")  # between columns: two spaces or more, or a tab
# "CÔNG HÒA" too: a typo some originals print (and keep, as issued).
MOTTO = re.compile(
    r"C[ỘÔ]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA(?:\s+VIỆT)?(?:\s+NAM)?"
    r"|[ĐÐ]ộc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH",
    re.IGNORECASE,
)
_MOTTO_TEXTS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
    "ĐỘC LẬP – TỰ DO – HẠNH PHÚC",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
)
BROKEN_SYMBOL = re.compile(r"/[\w.&\-]*\w-$")  # "3183/SNV-" ending a line, "TCBC" opening the next
_RULE = re.compile(r"^[-_–—=*.•|\s]+$")  # "|": a lone cell boundary of a text copied from a table


def _unmarked(match: re.Match[str]) -> str:
    """Nothing for a mark, but an underscore run between two letters or digits stays ("B_04b"), and so does
    a run of stars in brackets, a note's marker ("Quyết định số 12/QĐ-UBND (*)"). Judged by
    its neighbours rather than by a lookahead, which would retry a long run from each of its characters."""
    run, text, start, end = match.group(), match.string, match.start(), match.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    if run[:1] == "_" and _WORD.match(before) and _WORD.match(after):
        return run
    if before in ("(", "[") and after in (")", "]"):  # a marker the issuer printed: "(*)", "[**]"
        return run
    return ""


def clean(line: str) -> str:
    """A line without Markdown heading, emphasis and quote marks and without outer spaces."""
    return " ".join(_MARKS.sub(_unmarked, line).split())


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_rule(text: str) -> bool:
    """A rule drawn under a name or the motto: dashes, underscores, stars, nothing else."""
    return bool(text) and bool(_RULE.match(text))


def motto_part(text: str) -> bool:
    """A piece of the national motto, whole or broken by a narrow column ("CỘNG HÒA XÃ HỘI")."""
    words = " ".join(text.split()).upper()
    return bool(words) and any(words in motto for motto in _MOTTO_TEXTS)


def columns(line: str) -> list[str]:
    """The line's columns, each cleaned, empty ones left out."""
    return [part for part in (clean(piece) for piece in COLUMNS.split(line.strip())) if part]


def own_words(part: str) -> str:
    """A column without the motto and without rules: the words the document's own header gives."""
    text = " ".join(MOTTO.sub(" ", part).split())
    return "" if is_rule(text) or motto_part(text) else text


def is_bold(line: str) -> bool:
    """A line in bold from end to end, as `sources` marks a Word paragraph's bold runs."""
    text = line.strip()
    return len(text) > 4 and text.startswith("**") and text.endswith("**")


# A legacy Vietnamese font's text layer writes Ư/ư as U+01A2/U+01A3 (Ƣ/ƣ, "OI" in Unicode), which look the
# same printed: "PHƢƠNG" is "PHƯƠNG". No Vietnamese text uses those letters.
_LEGACY_LETTERS = str.maketrans("\u01a2\u01a3", "Ưư")


def legacy_letters(line: str) -> str:
    """The line with a legacy font's Ƣ/ƣ read as the Ư/ư it prints."""
    return line.translate(_LEGACY_LETTERS)
