"""Share cards: a 1200×630 PNG per procedure and document, used as og:image and twitter:image.

Drawn with Be Vietnam Pro (SIL Open Font License, bundled in cchc/fonts), whose precomposed
glyphs and mark positioning keep stacked tone marks ("Ủy ban", "Quyết định") right.
"""

from __future__ import annotations

import hashlib
import io
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import cast

from PIL import Image, ImageDraw, ImageFont

from cchc import fonts
from cchc.labels import label
from cchc.model import Document, News, Procedure
from cchc.pages.procedure_pages import key_facts
from cchc.text import nfc

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
CACHE = "cards"  # the drawn cards' folder in the build cache, by key
# Cards are drawn in one ink on paper, as grey levels, then coloured with a 256-step ramp from the
# portal's dark red to white: antialiasing is kept and the PNG stays small and fast to encode.
INK_RGB = (122, 20, 20)
PAPER_RGB = (255, 255, 255)
INK, SOFT, PAPER = 0, 90, 255
RAMP = [round(i + (p - i) * level / 255) for level in range(256) for i, p in zip(INK_RGB, PAPER_RGB)]
_VERSION = b"card v3"


@dataclass(frozen=True)
class Card:
    kicker: str  # "THỦ TỤC HÀNH CHÍNH", "BÁO CÁO"
    title: str
    unit: str
    facts: tuple[str, ...] = ()  # a few short lines: "Thời gian: 03 ngày làm việc"
    site: str = ""

    def key(self) -> str:
        text = "\n".join([self.kicker, self.title, self.unit, *self.facts, self.site]).encode()
        return hashlib.sha256(_fonts_digest() + text).hexdigest()[:20]


@lru_cache(maxsize=1)
def _fonts_digest() -> bytes:
    """What the cards' look depends on besides their text: this drawing code's version and the fonts."""
    data = b"".join(path.read_bytes() for path in sorted(fonts.FOLDER.glob("*.ttf")))
    return hashlib.sha256(_VERSION + data).digest()


@lru_cache(maxsize=16)
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts.FOLDER / (fonts.BOLD if bold else fonts.REGULAR)), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line ends with '…' when the text does not fit.

    Words are measured once each (a line's width is its words' plus spaces), not every
    candidate line again: this was most of a card's drawing time."""
    words, lines, line, used = nfc(text).split(), [], "", 0.0
    space = face.getlength(" ")
    for word in words:
        extra = face.getlength(word) + (space if line else 0)
        if used + extra <= width:
            line, used = f"{line} {word}" if line else word, used + extra
            continue
        lines.append(line)
        line, used = word, face.getlength(word)
        if len(lines) == max_lines:
            break
    else:
        lines.append(line)
        return [kept for kept in lines if kept]
    last = lines[-1]
    while last and face.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return lines[:-1] + [last + " …"]


@lru_cache(maxsize=20_000)
def _word(word: str, bold: bool, size: int) -> tuple[Image.Image, int, int]:
    """A word's coverage mask and its offset from the pen position on the baseline.

    Titles repeat the same words ("cải cách hành chính") across thousands of cards: each
    word is rasterised once per process and pasted, which halves a card's drawing time."""
    face = font(bold, size)
    # FreeType's boxes are whole pixels; Pillow's types say float for every kind of font.
    left, top, right, bottom = cast("tuple[int, int, int, int]", face.getbbox(word, anchor="ls"))
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), word, font=face, fill=255, anchor="ls")
    return mask, left, top


def _line(image: Image.Image, x: float, baseline: int, text: str, bold: bool, size: int, shade: int) -> None:
    face = font(bold, size)
    space = face.getlength(" ")
    for word in text.split(" "):
        mask, left, top = _word(word, bold, size)
        image.paste(shade, (round(x) + left, baseline + top), mask)
        x += face.getlength(word) + space


def _width(text: str, bold: bool, size: int) -> float:
    face = font(bold, size)
    return sum(face.getlength(w) for w in text.split(" ")) + face.getlength(" ") * text.count(" ")


def draw(card: Card) -> bytes:
    image = Image.new("L", (WIDTH, HEIGHT), INK)
    ImageDraw.Draw(image).rounded_rectangle((24, 24, WIDTH - 24, HEIGHT - 24), radius=18, fill=PAPER)
    width = WIDTH - 2 * MARGIN
    _line(image, MARGIN, MARGIN + 28, nfc(card.kicker), True, 28, SOFT)
    baseline = MARGIN + 56 + 54
    for line in wrap(card.title, font(True, 54), width, 3):
        _line(image, MARGIN, baseline, line, True, 54, INK)
        baseline += 70
    baseline += 28 - 54 + 30
    for fact in card.facts[:3]:
        _line(image, MARGIN, baseline, wrap(fact, font(False, 30), width, 1)[0], False, 30, INK)
        baseline += 44
    footer = HEIGHT - MARGIN - 8
    _line(image, MARGIN, footer, wrap(card.unit, font(True, 28), 700, 1)[0], True, 28, SOFT)
    if card.site:
        site = wrap(card.site, font(False, 24), 460, 1)[0]
        _line(image, WIDTH - MARGIN - _width(site, False, 24), footer, site, False, 24, SOFT)
    coloured = Image.frombytes("P", image.size, image.tobytes())
    coloured.putpalette(RAMP)
    out = io.BytesIO()
    coloured.save(out, "PNG", compress_level=3)
    return out.getvalue()


def for_procedure(procedure: Procedure, site_name: str) -> Card:
    """The guide's key facts; where to go is the card's foot line."""
    facts = tuple(fact.line() for fact in key_facts(procedure) if fact.key != "place")
    return Card(label("card.procedure"), procedure.name, procedure.authority, facts, site_name)


def for_document(document: Document, unit_name: str, site_name: str) -> Card:
    facts = []
    if document.has_number:
        facts.append(label("card.number", number=document.number_symbol))
    if document.date and document.date.day:
        facts.append(label("card.date", date=document.date.vietnamese()))
    if document.period:
        facts.append(label("card.period", period=document.period.label))
    return Card(document.kind.name.upper(), document.title, unit_name, tuple(facts), site_name)


def for_news(item: News, unit_name: str, site_name: str) -> Card:
    return Card(
        label("search.news").upper(),
        item.title,
        unit_name,
        (label("card.date", date=item.date.vietnamese()),),
        site_name,
    )


def render_all(cards: list[Card], cache: Path) -> int:
    """Draw every missing card into `cache`; the number drawn."""
    return sum(in_cache(card, cache)[1] for card in cards)


# Cards drawn in this process rather than another (a save in the preview draws one or two): a process
# takes longer to start (about a second) than these take to draw (some 15 ms each).
IN_PROCESS = 8


class Pending:
    """Cards being drawn in another process while the site is built; `wait()` gives the count drawn.

    Drawing is the slowest part of a large build and MkDocs renders pages on one core; the
    other core draws the cards meanwhile."""

    def __init__(self, cards: list[Card], cache: Path, workers: int | None = None) -> None:
        # One drawing per key: two pages may share a card (same title, unit and facts).
        missing = list({c.key(): c for c in cards if not (cache / f"{c.key()}.png").exists()}.values())
        self._count = 0
        self._futures: list[Future[int]] = []
        self._pool: ProcessPoolExecutor | None = None
        self._here: list[Card] = []  # drawn in this process when waited for
        self._cache = cache
        if len(missing) <= IN_PROCESS:
            self._here = missing
            return
        workers = workers or max(1, (os.cpu_count() or 2) - 1)
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("spawn"), initializer=os.nice, initargs=(10,)
        )
        size = max(1, len(missing) // (workers * 4) + 1)
        self._futures = [
            self._pool.submit(render_all, missing[i : i + size], cache) for i in range(0, len(missing), size)
        ]

    def wait(self) -> int:
        """The number of cards drawn, once all are; a worker's failure is raised, the pool shut down."""
        try:
            self._count += render_all(self._here, self._cache) + sum(f.result() for f in self._futures)
        finally:
            self.cancel()
        return self._count

    def cancel(self) -> None:
        """Stop drawing (the build failed or finished): no worker process outlives the build."""
        self._futures = []
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def in_cache(card: Card, cache: Path) -> tuple[Path, bool]:
    """The card's PNG in `cache`, drawn only when missing: (path, whether it was drawn now)."""
    target = cache / f"{card.key()}.png"
    if target.exists():
        return target, False
    cache.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.part")  # two builds never write one file
    temporary.write_bytes(draw(card))
    temporary.replace(target)
    return target, True
