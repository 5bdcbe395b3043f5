"""Pages of documents, units and their archives: each document, each unit with its documents and
procedures, the units' index, documents by year, and the consolidation of periodic reports."""

from __future__ import annotations

import re
from itertools import groupby

from cchc import urls
from cchc.kinds import find_kind
from cchc.model import Document, Portal, Procedure, Unit
from cchc.pages import archive
from cchc.pages.markdown import GeneratedPage, escape, link, procedure_entry
from cchc.text import sort_key
from cchc.urls import CONSOLIDATED, DOCUMENTS_INDEX, UNITS_INDEX


def year_label(year: int | None) -> str:
    return f"Năm {year}" if year else "Chưa rõ năm"


def document_page(document: Document, unit: Unit, markdown: str) -> GeneratedPage:
    return GeneratedPage(document.src_uri, f"{document.kind.name} {document.title}", markdown, document.path,
                         {"template": "document.html", "search_type": "Văn bản", "units": [unit.short_name]})


def _document_rows(source: str, documents: list[Document], units: dict[str, Unit], with_unit: bool) -> str:
    header = "| Ngày | Số, ký hiệu | Văn bản |" + (" Đơn vị |" if with_unit else "")
    lines = [header, "|---|---|---|" + ("---|" if with_unit else "")]
    for document in documents:
        row = [document.date.vietnamese() if document.date else "—",
               escape(document.number_symbol) or "—",
               link(f"{document.kind.name}: {document.title}", source, document.src_uri)]
        if with_unit:
            unit = units[document.unit_id]
            row.append(link(unit.short_name, source, unit.src_uri))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def _archive(source: str, documents: list[Document], units: dict[str, Unit], with_unit: bool,
             depth: int = 2) -> str:
    out = []
    for year in archive.by_year_and_period(documents):
        out.append(f"{'#' * depth} {year_label(year.year)}\n")
        for group in year.periods:
            label = group.period.label if group.period else "Văn bản khác"
            out.append(f"{'#' * (depth + 1)} {label}\n")
            out.append(_document_rows(source, group.documents, units, with_unit))
    return "\n".join(out)


def _phone_link(number: str) -> str:
    return f"[{number}](tel:{re.sub(r'[^0-9+]', '', number)})"


def _contacts(unit: Unit) -> str:
    rows = [("Tên đầy đủ", escape(unit.name)), ("Cấp", unit.level.capitalize()),
            ("Địa chỉ", escape(unit.address)),
            ("Điện thoại", unit.phone and _phone_link(unit.phone)),
            ("Đường dây nóng phản ánh, kiến nghị", unit.hotline and _phone_link(unit.hotline)),
            ("Thư điện tử", unit.email and f"[{escape(unit.email)}](mailto:{unit.email})"),
            ("Trang web", unit.website and f"<{unit.website}>")]
    lines = ["| Thông tin | Nội dung |", "|---|---|"]
    lines += [f"| {label} | {value or 'Chưa cập nhật'} |" for label, value in rows]
    return "\n".join(lines) + "\n"


def unit_page(unit: Unit, documents: list[Document], procedures: list[Procedure],
              portal: Portal) -> GeneratedPage:
    source = unit.src_uri
    parts = [unit.intro + "\n" if unit.intro else "", "## Liên hệ\n", _contacts(unit)]
    if unit.parent:
        parent = portal.units[unit.parent]
        parts.append(f"Đơn vị cấp trên: {link(parent.short_name, source, parent.src_uri)}.\n")
    performed = sorted(procedures, key=lambda p: sort_key(p.name))
    if performed:
        parts += ["## Thủ tục hành chính\n", *(procedure_entry(p, source) for p in performed), ""]
    parts.append("## Báo cáo, kế hoạch và văn bản\n")
    parts.append("Theo dõi văn bản mới của đơn vị qua [bản tin Atom](feed.xml).\n")
    if documents:
        # Search finds the documents themselves, not the unit's list of them.
        parts += ['<div data-pagefind-ignore="index" markdown>\n',
                  _archive(source, documents, portal.units, with_unit=False, depth=3), "</div>\n"]
    else:
        parts.append("Đơn vị chưa đăng văn bản nào.\n")
    return GeneratedPage(source, unit.short_name, "\n".join(parts), unit.path)


def units_index(portal: Portal) -> GeneratedPage:
    parts = []
    ordered = archive.units_in_order(list(portal.units.values()))
    for level, units in groupby(ordered, key=lambda u: u.level):
        parts.append(f"## {level.capitalize()}\n")
        parts.extend(f"- {link(u.name, UNITS_INDEX, u.src_uri)}" for u in units)
        parts.append("")
    return GeneratedPage(UNITS_INDEX, "Đơn vị", "\n".join(parts))


def documents_index(portal: Portal, years: dict[int | None, list[Document]]) -> GeneratedPage:
    parts = ["Văn bản do các đơn vị ban hành, xếp theo năm.\n"]
    parts.extend(f"- {link(year_label(y), DOCUMENTS_INDEX, urls.year(y))} ({len(years[y])} văn bản)"
                 for y in sorted(years, key=lambda y: -(y or 0)))
    return GeneratedPage(DOCUMENTS_INDEX, "Văn bản", "\n".join(parts) + "\n")


def year_page(year: int | None, documents: list[Document], portal: Portal) -> GeneratedPage:
    uri = urls.year(year)
    body = _archive(uri, documents, portal.units, with_unit=True)
    return GeneratedPage(uri, f"Văn bản {year_label(year).lower()}", body)


def consolidated_page(portal: Portal, by_unit: dict[str, list[Document]]) -> GeneratedPage:
    parts = ["Mỗi ô là văn bản một đơn vị đã đăng cho một kỳ. Ô ghi **Chưa có** là đơn vị "
             "chưa đăng văn bản cho kỳ đó.\n"]
    for kind_name in ("Báo cáo", "Kế hoạch"):
        matrix = archive.consolidated(portal, find_kind(kind_name), by_unit)
        parts.append(f"## {kind_name}\n")
        if not matrix.periods:
            parts.append(f"Chưa có {kind_name.lower()} nào có ghi kỳ.\n")
            continue
        parts.append("| Đơn vị | " + " | ".join(p.label for p in matrix.periods) + " |")
        parts.append("|---|" + "---|" * len(matrix.periods))
        for unit, cells in matrix.rows:
            row = [link(unit.short_name, CONSOLIDATED, unit.src_uri)]
            for cell in cells:
                row.append("<br>".join(link(d.number_symbol if d.has_number else "Đã đăng",
                                            CONSOLIDATED, d.src_uri) for d in cell) or "**Chưa có**")
            parts.append("| " + " | ".join(row) + " |")
        parts.append("")
    return GeneratedPage(CONSOLIDATED, "Tổng hợp báo cáo, kế hoạch", "\n".join(parts))


def listing_pages(portal: Portal) -> list[GeneratedPage]:
    """Unit pages and listings, built once all content is known."""
    by_unit = portal.documents_by_unit()
    years: dict[int | None, list[Document]] = {}
    for document in portal.documents:
        years.setdefault(document.year, []).append(document)
    performing = portal.procedures_by_unit()
    pages = [unit_page(u, by_unit[u.id], performing[u.id], portal)
             for u in sorted(portal.units.values(), key=lambda u: u.id)]
    pages += [units_index(portal), documents_index(portal, years), consolidated_page(portal, by_unit)]
    pages += [year_page(y, years[y], portal) for y in sorted(years, key=lambda y: y or 0)]
    return pages
