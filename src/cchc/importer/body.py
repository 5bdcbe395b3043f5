"""A document's body lines as Markdown: lines broken by the page rejoined into paragraphs, the section
numbering of Nghị định 30 (I., 1., 1.1., a)) as headings, dashes as list items. Words stay as written."""

from __future__ import annotations

import re

from cchc.importer.layout import clean
from cchc.importer.layout import is_upper as _upper
from cchc.importer.marks import BROKEN_SYMBOL

_ROMAN = re.compile(r"^[IVX]+\.\s")
_NUMBERED = re.compile(r"^\d+\.\s")
_SUBNUMBERED = re.compile(r"^\d+\.\d+\.(?:\d+\.)?\s")
_LETTERED = re.compile(r"^[a-zđ]\)\s")
_ITEM = re.compile(r"^[-+•]\s*")
_ENDS = re.compile(r"(?:[.;:!?]|\./\.)[\"”’)]*$")
HEADING_MAX = 120  # a numbered line longer than this, or ending a sentence, is a paragraph
SHORT = 0.7  # a line shorter than this share of a full line ends its paragraph
HEADING_LINE = 0.85  # a numbered line shorter than this share of a full line is a whole heading


def _starts_block(text: str) -> bool:
    return bool(
        _ROMAN.match(text)
        or _NUMBERED.match(text)
        or _SUBNUMBERED.match(text)
        or _LETTERED.match(text)
        or _ITEM.match(text)
    )


def _full_width(lines: list[str]) -> int:
    """The width of a full line of the page (the upper quartile of line lengths)."""
    widths = sorted(len(" ".join(line.split())) for line in lines if line.strip())
    return widths[3 * len(widths) // 4] if widths else 0


class _Block:
    """A paragraph being rejoined, and what the next line's joining asks of it, kept as lines are added so
    that one paragraph of thousands of lines costs no more than its length: its start (cleaned), its
    cleaned length, whether all its letters are capitals."""

    def __init__(self, text: str) -> None:
        self.parts = [text]
        self.start = clean(text)
        self.length = len(self.start)
        self.letters = any(c.isalpha() for c in text)
        self.capitals = not any(c.isalpha() and not c.isupper() for c in text)

    def add(self, text: str) -> None:
        # A symbol the line broke after its hyphen ("126/2024/NĐ-" / "CP") is one word again.
        self.parts.append(text if BROKEN_SYMBOL.search(self.parts[-1]) else " " + text)
        cleaned = clean(text)
        if not self.start:
            self.start = cleaned
        self.length += (1 if self.length and cleaned else 0) + len(cleaned)
        self.letters = self.letters or any(c.isalpha() for c in text)
        self.capitals = self.capitals and not any(c.isalpha() and not c.isupper() for c in text)

    def upper(self) -> bool:
        return self.letters and self.capitals

    def text(self) -> str:
        return "".join(self.parts)


def paragraphs(lines: list[str]) -> list[str]:
    """Rejoin lines broken by the page: a line continues the one before unless it starts a heading number,
    a dash or a Markdown heading, or the line before ended a sentence or stopped short of a full line (a
    heading, a paragraph's last line), or it opens with a capital after a numbered line. Text whose lines
    are paragraphs already (long lines) is not joined."""
    full = _full_width(lines)
    if full > 2 * HEADING_MAX:  # one paragraph per line
        return [" ".join(line.split()) for line in lines if line.strip()]
    blocks: list[_Block] = []
    joinable = False
    for line in lines:
        text = " ".join(line.split())
        if not text:
            continue
        source_heading = text.startswith(("#", "|"))  # a heading or a table row stands alone
        bare = clean(text)
        # After a numbered line well short of a full one, a capital starts the section's text; a heading in
        # capitals goes on in capitals.
        last = blocks[-1] if blocks else None
        heading = (
            last is not None
            and _starts_block(last.start)
            and not _ITEM.match(last.start)
            and last.length < HEADING_LINE * full
        )
        capitals = last is not None and last.upper() and _upper(bare)
        if (
            last is not None
            and (joinable or capitals)
            and not source_heading
            and not _starts_block(bare)
            and not (heading and bare[:1].isupper() and not capitals)
        ):
            last.add(text)
        else:
            blocks.append(_Block(text))
        joinable = not (source_heading or _ENDS.search(bare) or len(text) < SHORT * full)
    return [block.text() for block in blocks]


def _heading(level: int, text: str) -> str:
    return f"{'#' * level} {clean(text)}"


def markdown(lines: list[str]) -> str:
    out: list[str] = []
    for block in paragraphs(lines):
        bare = clean(block)
        short = len(bare) <= HEADING_MAX and not re.search(r"[.;]$", bare)
        if _ROMAN.match(bare):
            item = _heading(2, block)
        elif _SUBNUMBERED.match(bare) and short:
            item = _heading(4 if bare.split()[0].count(".") == 2 else 5, block)
        elif _NUMBERED.match(bare) and short:
            item = _heading(3, block)
        elif _LETTERED.match(bare) and short:
            item = _heading(5, block)
        elif block.startswith("|"):
            item = block
        elif _ITEM.match(bare) and not block.startswith("#"):
            item = "- " + _ITEM.sub("", block)
        else:
            text = block.lstrip("# ") if block.startswith("#") else block
            item = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", text)  # "1. …" as written, not a numbered list
        if out and not any(item.startswith(mark) and out[-1].startswith(mark) for mark in ("- ", "|")):
            out.append("")
        out.append(item)
    return "\n".join(out) + "\n"
