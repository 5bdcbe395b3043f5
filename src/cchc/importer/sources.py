"""A file an editor has, as lines of text: a text export as it is; a PDF's text layer page by page; a
DOCX's paragraphs and tables in document order, the header's and footer's two-column tables row by row
with their columns apart (as a PDF's text shows them), other tables as Markdown tables, bold and italic
runs marked as Markdown."""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path

COLUMN_GAP = "    "  # between a two-column table's cells on one line: layout splits columns at 2+ spaces


class SourceError(ValueError):
    """Why a file cannot be imported, in Vietnamese."""


def _run_text(run) -> str:
    text = run.text
    if not text.strip():
        return text
    inner, left, right = text.strip(), text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if run.bold and run.italic:
        inner = f"***{inner}***"
    elif run.bold:
        inner = f"**{inner}**"
    elif run.italic:
        inner = f"*{inner}*"
    return left + inner + right


def _paragraph(paragraph, marks: bool = True) -> str:
    if not marks:
        return paragraph.text
    return "".join(_run_text(run) for run in paragraph.runs).replace("****", "")


def _cell_lines(cell) -> list[str]:
    """A cell's lines: its paragraphs, split at line breaks too."""
    return [line.strip() for p in cell.paragraphs for line in p.text.split("\n") if line.strip()]


def _table(table) -> list[str]:
    rows = [list(row.cells) for row in table.rows]
    if rows and all(len(row) == 2 for row in rows):  # a header or a footer: two columns side by side
        lines = []
        for left, right in rows:
            lefts, rights = _cell_lines(left), _cell_lines(right)
            for left_text, right_text in zip_longest(lefts, rights, fillvalue=""):
                lines.append(
                    f"{left_text}{COLUMN_GAP}{right_text}".strip() if left_text else COLUMN_GAP + right_text
                )
        return lines
    cells = [[" ".join(cell.text.split()).replace("|", "\\|") for cell in row] for row in rows]
    if not cells:
        return []
    head = "| " + " | ".join(cells[0]) + " |"
    return [head, "|" + "---|" * len(cells[0])] + ["| " + " | ".join(row) + " |" for row in cells[1:]]


def _docx(path: Path) -> list[str]:
    import docx  # python-docx, only when a Word file is imported
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as error:  # a broken file raises whatever the zip or XML reader meets first
        raise SourceError(
            f"{path.name}: không mở được tệp Word ({error}); lưu lại thành .docx rồi thử lại"
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines += _paragraph(block).split("\n")  # a line break in Word ends a line here too
        elif isinstance(block, Table):
            lines += [""] + _table(block) + [""]
    return lines


def _pdf(path: Path) -> list[str]:
    from pypdf import PdfReader  # only when a PDF is imported

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(
                f"{path.name}: tệp PDF có mật khẩu; hãy bỏ mật khẩu (hoặc dùng tệp Word gốc) rồi nhập lại"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except Exception as error:  # a broken file raises whatever the PDF parser meets first
        raise SourceError(f"{path.name}: không đọc được tệp PDF ({error})") from None
    if not "".join(pages).strip():
        raise SourceError(
            f"{path.name}: tệp PDF không có lớp chữ (có lẽ là bản quét); hãy nhập tệp Word "
            "gốc, hoặc nhận dạng chữ (OCR) rồi nhập tệp chữ"
        )
    return [line for page in pages for line in page.splitlines()]


def read_lines(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        return path.read_text(encoding="utf-8-sig").splitlines()
    if suffix == ".docx":
        return _docx(path)
    if suffix == ".pdf":
        return _pdf(path)
    raise SourceError(
        f"{path.name}: chưa đọc được tệp loại '{suffix}'; cần .docx, .pdf có lớp chữ, hoặc .txt"
    )
