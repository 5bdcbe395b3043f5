"""A file an editor has, as lines of text: a text export as it is; a PDF's text layer page by page; a
DOCX's paragraphs and tables in document order, the header's and footer's two-column tables row by row
with their columns apart (as a PDF's text shows them), other tables as Markdown tables, bold and italic
runs marked as Markdown. What a file may hold is bounded before it is opened: a few megabytes that
inflate to gigabytes (a zip bomb, a PDF stream bomb) are refused with a message, not read."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.importer.syllables import rejoin

if TYPE_CHECKING:  # the readers are imported when a file of theirs is read
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from pypdf import PdfReader

COLUMN_GAP = "    "  # between a two-column table's cells on one line: layout splits columns at 2+ spaces
MB = 1_000_000
# Bounds far above any administrative document (the seeds: under 100 kB of text, a DOCX's XML under 2 MB).
TEXT_MAX = 5 * MB  # a .txt, and the text taken from a PDF
XML_MAX = 50 * MB  # a DOCX's XML parts inflated (python-docx holds them and their parsed trees in memory)
ZIP_MAX = 200 * MB  # a DOCX's members inflated, pictures included
ZIP_MEMBERS = 2_000
RATIO_MAX = 100  # inflated:compressed of one large member; real XML deflates about 5-20:1
RATIO_FROM = 1 * MB  # below this a member's ratio does not matter
PDF_MAX = 100 * MB
PDF_PAGES = 500
PDF_STREAM_MAX = 20 * MB  # one inflated PDF stream (pypdf's own bound is 75 MB)


class SourceError(ValueError):
    """Why a file cannot be imported, in Vietnamese."""


def _marked(text: str, bold: bool, italic: bool) -> str:
    if not text.strip():
        return text
    inner, left, right = text.strip(), text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if bold and italic:
        inner = f"***{inner}***"
    elif bold:
        inner = f"**{inner}**"
    elif italic:
        inner = f"*{inner}*"
    return left + inner + right


def _spans(runs: list[Run]) -> list[tuple[str, bool, bool]]:
    """The runs' text in spans of one emphasis: Word splits a run wherever the text was edited ("c" /
    "hính", marked apart they would print "*c**hính*"), and spaces between take the emphasis before."""
    spans: list[tuple[str, bool, bool]] = []
    for run in runs:
        bold, italic = bool(run.bold), bool(run.italic)
        if spans and ((spans[-1][1], spans[-1][2]) == (bold, italic) or not run.text.strip()):
            spans[-1] = (spans[-1][0] + run.text, spans[-1][1], spans[-1][2])
        else:
            spans.append((run.text, bold, italic))
    return spans


# Elements inside a paragraph that wrap runs printed with it: a smart tag Word put on a place or a country
# ("VIỆT <smartTag>NAM</smartTag>"), a hyperlink, an inline content control, a field, tracked insertions.
# python-docx reads only a paragraph's direct runs (its text adds hyperlinks), and would drop their words.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WRAPPERS = {
    _W + tag
    for tag in ("smartTag", "hyperlink", "sdt", "sdtContent", "fldSimple", "customXml", "ins", "moveTo")
}
_RUN = _W + "r"


def _runs(paragraph: Paragraph) -> list[Run]:
    """The paragraph's runs in order, those inside wrappers too (not deleted or moved-away ones, which
    Word does not print, nor a text box's, which stands apart from the paragraph)."""
    from docx.text.run import Run

    def walk(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
        for child in element.iterchildren():
            if child.tag == _RUN:
                yield child
            elif child.tag in _WRAPPERS:
                yield from walk(child)

    return [Run(run, paragraph) for run in walk(paragraph._p)]


_TEXT_BOX = _W + "txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraphs of the text boxes anchored in the paragraph (a letter's subject may float in one
    under the header's number), each box once: Word stores it twice, as a drawing and as the VML copy older
    readers fall back to."""
    from docx.text.paragraph import Paragraph

    return [
        Paragraph(inner, paragraph._parent)
        for box in paragraph._p.iter(_TEXT_BOX)
        if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors())
        for inner in box.iter(_W + "p")
    ]


def _text(paragraph: Paragraph) -> str:
    return "".join(run.text for run in _runs(paragraph))


def _with_boxes(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs, each followed by the text boxes anchored in it (Word places a box from its anchor
    down: a subject's box hangs under the number's paragraph)."""
    return [shown for paragraph in paragraphs for shown in [paragraph, *_text_boxes(paragraph)]]


def _cell_text(cell: _Cell) -> str:
    return "\n".join(_text(paragraph) for paragraph in _with_boxes(cell.paragraphs))


def _paragraph(paragraph: Paragraph) -> str:
    return "".join(_marked(*span) for span in _spans(_runs(paragraph))).replace("****", "")


_SPACES = re.compile(r" {2,}")


def _cell_lines(cell: _Cell) -> list[str]:
    """A cell's lines: its paragraphs, split at line breaks too. A run of spaces typed inside a cell
    ("Nơi  nhận :") is one space: the cell is one column, and two spaces would part it in two."""
    lines = (line.strip() for p in _with_boxes(cell.paragraphs) for line in _text(p).split("\n"))
    return [_SPACES.sub(" ", line) for line in lines if line]


# What marks a table as the header or the footer laid out in columns, not a table of the body.
_LAYOUT_MARKS = re.compile(
    r"CỘNG\s+HO?[ÀÒ]A?\s+XÃ|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|^Số\b|Nơi\s+nhận|^V/v\b|^(?:TM|KT|TL|TUQ)\.|^[TK]/[MT]\b",
    re.IGNORECASE | re.MULTILINE,
)


def _distinct_cells(table: Table) -> list[list[tuple[_Cell, bool]]]:
    """Each row's cells once (Word repeats a merged cell for each column it spans, and a vertically merged
    one in each row), without empty cells, each with whether it stands in the right half of the row."""
    rows: list[list[tuple[_Cell, bool]]] = []
    seen: set[int] = set()
    for row in table.rows:
        cells = list(row.cells)
        kept = []
        for index, cell in enumerate(cells):
            if id(cell._tc) in seen or not _cell_text(cell).strip():
                continue
            seen.add(id(cell._tc))
            kept.append((cell, index >= len(cells) / 2))
        rows.append(kept)
    return rows


def _columns(rows: list[list[tuple[_Cell, bool]]]) -> list[str]:
    """Rows of one or two cells as lines, the right cell after a COLUMN_GAP, as a PDF's text shows them."""
    lines = []
    for row in rows:
        if not row:
            continue
        if len(row) == 1:
            cell, right = row[0]
            lines += [(COLUMN_GAP if right else "") + line for line in _cell_lines(cell)]
            continue
        lefts, rights = _cell_lines(row[0][0]), _cell_lines(row[1][0])
        for left_text, right_text in zip_longest(lefts, rights, fillvalue=""):
            lines.append(
                f"{left_text}{COLUMN_GAP}{right_text}".strip() if left_text else COLUMN_GAP + right_text
            )
    return lines


def _nested(table: Table) -> list[Table]:
    """The tables inside a table's cells, each once (a merged cell is listed for each column it spans)."""
    cells = {id(cell._tc): cell for row in table.rows for cell in row.cells}
    return [inner for cell in cells.values() for inner in cell.tables]


def _table(table: Table) -> list[str]:
    """A header or a footer (two columns side by side, or a table of one or two cells a row that holds the
    motto, the number, the subject, "Nơi nhận" or a signature) as lines; a one-cell table as its lines;
    any other table as a Markdown table. A table with no text of its own but tables in its cells (a frame
    Word puts around the footer's table) is those tables."""
    rows = [list(row.cells) for row in table.rows]
    distinct = _distinct_cells(table)
    if not any(distinct) and (inner := _nested(table)):
        return [line for nested in inner for line in _table(nested)]
    text = "\n".join(line for row in distinct for cell, _ in row for line in _cell_lines(cell))
    if rows and (
        all(len(row) == 2 for row in rows)
        or all(len(row) <= 1 for row in distinct)
        or (all(len(row) <= 2 for row in distinct) and _LAYOUT_MARKS.search(text))
    ):
        return _columns(distinct)
    cells = [[" ".join(_cell_text(cell).split()).replace("|", "\\|") for cell in row] for row in rows]
    if not cells:
        return []
    head = "| " + " | ".join(cells[0]) + " |"
    return [head, "|" + "---|" * len(cells[0])] + ["| " + " | ".join(row) + " |" for row in cells[1:]]


def _count(number: float) -> str:
    """A whole number as Vietnamese text writes it: 3.146."""
    return f"{number:,.0f}".replace(",", ".")


def _megabytes(size: int) -> str:
    return f"{_count(size / MB)} MB" if size >= MB else f"{_count(size / 1000)} kB"


def _too_big(path: Path, what: str, advice: str) -> SourceError:
    return SourceError(f"{path.name}: {what}; {advice}")


def _check_zip(path: Path) -> None:
    """Refuse a Word file whose members would inflate beyond the bounds, from the sizes its zip directory
    declares (zipfile never inflates a member past its declared size, so the check holds)."""
    advice = (
        "có lẽ tệp bị hỏng hoặc không phải văn bản; hãy lưu lại thành .docx, hoặc nhập bản PDF hay tệp chữ"
    )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise SourceError(
            f"{path.name}: không mở được tệp Word ({error}); lưu lại thành .docx rồi thử lại"
        ) from None
    if len(members) > ZIP_MEMBERS:
        raise _too_big(path, f"tệp Word có {len(members)} phần (quá {ZIP_MEMBERS})", advice)
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    total = sum(m.file_size for m in members)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > RATIO_MAX:
            raise _too_big(
                path,
                f"phần {member.filename} của tệp Word nở ra {_megabytes(member.file_size)} từ "
                f"{_megabytes(member.compress_size)} (gấp {_count(ratio)} lần, quá {RATIO_MAX})",
                advice,
            )
    if xml > XML_MAX:
        raise _too_big(
            path, f"chữ của tệp Word giải nén ra {_megabytes(xml)} (quá {_megabytes(XML_MAX)})", advice
        )
    if total > ZIP_MAX:
        raise _too_big(path, f"tệp Word giải nén ra {_megabytes(total)} (quá {_megabytes(ZIP_MAX)})", advice)


def _docx(path: Path) -> list[str]:
    import docx  # python-docx, only when a Word file is imported
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # a broken file raises whatever the zip or XML reader meets first
        raise SourceError(
            f"{path.name}: không mở được tệp Word ({error}); lưu lại thành .docx rồi thử lại"
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            # A line break in Word ends a line here too.
            lines += [line for shown in _with_boxes([block]) for line in _paragraph(shown).split("\n")]
        elif isinstance(block, Table):
            lines += [""] + _table(block) + [""]
    return lines


def _check_size(path: Path, limit: int, kind: str) -> None:
    if (size := path.stat().st_size) > limit:
        raise _too_big(
            path,
            f"tệp {kind} nặng {_megabytes(size)} (quá {_megabytes(limit)})",
            "một văn bản hành chính nhỏ hơn nhiều; hãy tách văn bản, hoặc kiểm tra đã chọn đúng tệp",
        )


def _pdf_pages(path: Path, reader: PdfReader) -> list[str]:
    """The text of each page, refusing a PDF of too many pages or too much text."""
    if (count := len(reader.pages)) > PDF_PAGES:
        raise _too_big(path, f"tệp PDF có {count} trang (quá {PDF_PAGES})", "hãy nhập từng văn bản riêng")
    pages, size = [], 0
    for page in reader.pages:
        # Plain mode: the layout mode pads spaces where a word's letters switch fonts (see _TEXT_LAYERS).
        pages.append(page.extract_text(extraction_mode="plain") or "")
        size += len(pages[-1])
        if size > TEXT_MAX:
            raise _too_big(path, f"chữ của tệp PDF quá {_megabytes(TEXT_MAX)}", "hãy nhập từng văn bản riêng")
    return pages


def _pdf(path: Path) -> list[str]:
    from pypdf import PdfReader, apply_configuration  # only when a PDF is imported
    from pypdf.errors import LimitReachedError

    _check_size(path, PDF_MAX, "PDF")
    try:
        with apply_configuration(
            zlib_maximum_output_length=PDF_STREAM_MAX,
            stream_decoding_work_maximum_length=PDF_STREAM_MAX,
        ):
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise SourceError(
                    f"{path.name}: tệp PDF có mật khẩu; hãy bỏ mật khẩu (hoặc dùng tệp Word gốc) rồi nhập lại"
                )
            pages = _pdf_pages(path, reader)
    except SourceError:
        raise
    except LimitReachedError:
        raise _too_big(
            path,
            f"một phần của tệp PDF giải nén quá {_megabytes(PDF_STREAM_MAX)}",
            "có lẽ tệp bị hỏng; hãy xuất lại PDF, hoặc nhập tệp Word gốc",
        ) from None
    except Exception as error:  # a broken file raises whatever the PDF parser meets first
        raise SourceError(f"{path.name}: không đọc được tệp PDF ({error})") from None
    if not "".join(pages).strip():
        raise SourceError(
            f"{path.name}: tệp PDF không có lớp chữ (có lẽ là bản quét); hãy nhập tệp Word "
            "gốc, hoặc nhận dạng chữ (OCR) rồi nhập tệp chữ"
        )
    return [line for page in pages for line in page.splitlines()]


def _read(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        _check_size(path, TEXT_MAX, "chữ")
        try:
            return path.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise SourceError(
                f"{path.name}: tệp chữ không ở mã UTF-8; hãy lưu lại với mã hóa UTF-8 rồi nhập lại"
            ) from None
    if suffix == ".docx":
        return _docx(path)
    if suffix == ".pdf":
        return _pdf(path)
    raise SourceError(
        f"{path.name}: chưa đọc được tệp loại '{suffix}'; cần .docx, .pdf có lớp chữ, hoặc .txt"
    )


# A PDF made by Word writes the letters of a simple font's encoding (WinAnsi: a, â, ô, é…) in one font and
# the other Vietnamese letters (ư, ơ, đ, ấ, ữ…) in a second one, so a word's letters come in several runs.
# pypdf's layout mode sets each run at its column of a fixed-width grid and pads spaces up to it whenever
# the run before, measured by its font's widths, ends a point short: "Bộ T   ư pháp", "Trần H   ữu Tu   ấn".
# Texts exported that way carry the split ("Bộ T ư pháp" once runs of spaces are collapsed). The plain
# mode read here keeps the words whole; text layers, read or exported, get their split syllables put back
# (syllables.rejoin). A Word file's text has no such splits.
_TEXT_LAYERS = (".txt", ".md", ".pdf")


def read_lines(path: Path) -> list[str]:
    """The file's lines, composed (NFC): Word files often store a letter and its marks apart ("CHỦ" as
    U+0055 U+0309), which `cchc check` and every comparison read composed; in a text layer, a syllable split
    by a PDF's extraction is put back together."""
    lines = [unicodedata.normalize("NFC", line) for line in _read(path)]
    return [rejoin(line) for line in lines] if path.suffix.lower() in _TEXT_LAYERS else lines
