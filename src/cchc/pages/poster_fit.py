"""How much of an A4 sheet a procedure's poster fills, and the largest type that leaves a margin.

The poster prints in Be Vietnam Pro, bundled with the portal and served with the poster, so the
build sets its lines with the very metrics the browser will use instead of hoping that the
machine's fonts are narrow enough. The measures below mirror the print rules for `.cchc-poster`
in overrides/assets/cchc.css; the browser test prints each poster and checks the space it leaves.
Word wrapping is greedy on spaces and without kerning, so it never finds fewer lines than the
browser does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from cchc import fonts
from cchc.text import nfc

PT = 25.4 / 72  # mm per point
SHEET_MM = 297 - 2 * 12  # A4 less the @page margins
WIDTH_MM = 210 - 2 * 12
MARGIN_MM = 12  # kept free at the foot of the sheet, for font rendering and printer differences
LINE = 1.3  # line height of running text, in ems
HEADING_LINE = 1.2
# Facts box: 3 px border and 3 mm padding either side, 1 mm between paragraphs.
FACTS_FRAME_MM = 2 * 0.8 + 2 * 1.5
FACTS_INSET_MM = 2 * 0.8 + 2 * 3
FACT_GAP_MM = 1
TITLE_GAP_MM = 1 + 3  # above and below the title
COLUMN_GAP_MM = 6
LIST_INDENT_MM = 6
ITEM_GAP_MM = 1
HEADING_GAP_MM = 3 + 1.5
QR_MM = 30
QR_GAP_MM = 4
FOOT_GAP_MM = 2 * 3  # above the QR block and above the site name


@dataclass(frozen=True)
class Density:
    """One print size of the poster: `cchc-poster--{name}` in cchc.css, sizes in points."""

    name: str
    body: float
    facts: float
    title: float
    heading: float


DENSITIES = (
    Density("thoang", 12, 13, 22, 15),
    Density("gon", 10.5, 11.5, 18, 13),
    Density("day", 9, 10, 15, 12),
)


@dataclass(frozen=True)
class Fit:
    density: Density
    free_mm: float  # negative when even the densest layout does not fit


@lru_cache(maxsize=2)
def _face(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts.FOLDER / (fonts.BOLD if bold else fonts.REGULAR)), 1000)


@lru_cache(maxsize=8192)
def _length(text: str, bold: bool) -> float:
    """A word's advance at 1000 pt: words repeat across posters and densities, and FreeType is slow."""
    return _face(bold).getlength(text)


def _width_mm(text: str, bold: bool, size: float) -> float:
    return _length(text, bold) / 1000 * size * PT


def lines(text: str, bold: bool, size: float, width_mm: float, lead: str = "") -> int:
    """Lines that `text` takes in a box `width_mm` wide, after a bold `lead` (a fact's label); a word
    wider than the box is broken anywhere."""
    count, used = 0, None
    space = _width_mm(" ", bold, size)
    words = [(word, True) for word in nfc(lead).split()] + [(word, bold) for word in nfc(text).split()]
    for word, heavy in words:
        wide = _width_mm(word, heavy, size)
        if used is not None and used + space + wide <= width_mm:
            used += space + wide
            continue
        count += 1
        pieces = math.ceil(wide / width_mm) if wide > width_mm else 1
        count += pieces - 1
        used = wide - (pieces - 1) * width_mm
    return max(count, 1)


def _block(texts: list[str], bold: bool, size: float, width_mm: float, gap_mm: float) -> float:
    return sum(lines(t, bold, size, width_mm) * size * LINE * PT + gap_mm for t in texts)


def _facts(facts: list[tuple[str, str]], size: float, width_mm: float) -> float:
    """Facts as the poster prints them: a bold label, then the value."""
    return sum(
        lines(value, False, size, width_mm, lead=label) * size * LINE * PT + FACT_GAP_MM
        for label, value in facts
    )


def height_mm(
    density: Density,
    title: str,
    facts: list[tuple[str, str]],
    papers: list[str],
    steps: list[str],
    site_name: str,
) -> float:
    """The height of the printed poster in this density."""
    d = density
    column = (WIDTH_MM - COLUMN_GAP_MM) / 2
    item = column - LIST_INDENT_MM
    heading = d.heading * HEADING_LINE * PT + HEADING_GAP_MM
    body = max(
        heading + _block(papers, False, d.body, item, ITEM_GAP_MM),
        heading + _block(steps, False, d.body, item, ITEM_GAP_MM),
    )
    return (
        d.body * LINE * PT  # kicker
        + lines(title, True, d.title, WIDTH_MM) * d.title * HEADING_LINE * PT
        + TITLE_GAP_MM
        + FACTS_FRAME_MM
        + _facts(facts, d.facts, WIDTH_MM - FACTS_INSET_MM)
        + body
        + FOOT_GAP_MM
        + QR_MM
        + lines(site_name, True, d.body, WIDTH_MM) * d.body * LINE * PT
    )


def fit(title: str, facts: list[tuple[str, str]], papers: list[str], steps: list[str], site_name: str) -> Fit:
    """The largest type that leaves MARGIN_MM free; the densest one, with what it lacks, otherwise."""
    for density in DENSITIES:
        free = SHEET_MM - height_mm(density, title, facts, papers, steps, site_name)
        if free >= MARGIN_MM:
            break
    return Fit(density, round(free, 1))
