"""Pages of the reference index: one per cited document, the library, the editors' checks,
and the citation graph as open data."""

from __future__ import annotations

from cchc.content.references import GROUPS
from cchc.pages.markdown import GeneratedPage, escape, link
from cchc.refs.annotate import annotate
from cchc.refs.index import CitedDocument, ReferenceIndex
from cchc.text import descending, sort_key
from cchc.urls import CHECKS, LIBRARY, OPEN_DATA, relative, site_path


def linked_body(index: ReferenceIndex, src_uri: str, markdown: str, passage: int = 0, literal: bool = False) -> str:
    """The page's Markdown with each resolved citation linked to its document's page; `literal` text
    (a front matter value) is escaped around the links."""
    links = []
    for mention in index.by_page.get(src_uri, []):
        if mention.passage != passage:
            continue
        cited = index.documents.get(mention.citation.id or "")
        if cited is not None and cited.src_uri != src_uri:
            links.append((mention.citation.start, mention.citation.end, relative(cited.src_uri, src_uri)))
    return annotate(markdown, links, escape if literal else str)


def cited_by(cited: CitedDocument) -> list[tuple[str, str, str]]:
    """(label, site path, snippet) of each citing page, for the document template."""
    return [(m.page.label, site_path(m.page.src_uri), m.snippet) for m in cited.mentions]


def _mentions_markdown(source: str, cited: CitedDocument, units) -> str:
    lines = []
    for mention in cited.mentions:
        unit = f" ({escape(units[mention.page.unit_id].short_name)})" if mention.page.unit_id else ""
        lines.append(f"- {link(mention.page.label, source, mention.page.src_uri)}{unit}  \n"
                     f"  {escape(mention.snippet)}")
    return "\n".join(lines) + "\n"


def cited_page(cited: CitedDocument, units) -> GeneratedPage:
    source = cited.src_uri
    rows = [("Loại văn bản", cited.kind), ("Số, ký hiệu", cited.symbol or "—"),
            ("Năm", str(cited.year) if cited.year else "Chưa rõ"), ("Ngày ban hành", cited.date or "Chưa rõ"),
            ("Cơ quan ban hành", cited.issuer.name if cited.issuer else "Chưa rõ"),
            ("Trích yếu (theo văn bản trích dẫn)", cited.title or "Chưa rõ")]
    parts = ["Văn bản này chưa được đăng trên cổng. Thông tin dưới đây lấy từ các văn bản trích dẫn nó.\n",
             "| Thông tin | Nội dung |", "|---|---|", *(f"| {k} | {escape(v)} |" for k, v in rows), "",
             f"## Văn bản trích dẫn ({len(cited.mentions)})\n", _mentions_markdown(source, cited, units)]
    return GeneratedPage(source, cited.label, "\n".join(parts))


def _newest_first(cited: CitedDocument) -> tuple:
    return (-(cited.year or 0), descending(cited.date or ""), sort_key(cited.label))


def library_page(index: ReferenceIndex) -> GeneratedPage:
    groups: dict[str, list[CitedDocument]] = {group: [] for group in GROUPS}
    for cited in index.documents.values():
        groups[cited.issuer.group if cited.issuer else "Khác"].append(cited)
    parts = ["Mọi văn bản được các văn bản trên cổng trích dẫn, theo cơ quan ban hành, mới nhất trước. "
             f"Dữ liệu trích dẫn có ở dạng mở tại [/{OPEN_DATA}/](../du-lieu.md).\n"]
    for group, documents in groups.items():
        if not documents:
            continue
        parts += [f"## {group}\n", "| Văn bản | Ngày | Trích yếu | Số lần trích dẫn |", "|---|---|---|---|"]
        for cited in sorted(documents, key=_newest_first):
            parts.append(f"| {link(cited.label, LIBRARY, cited.src_uri)} | {cited.date or '—'} | "
                         f"{escape(cited.title or '')} | {len(cited.mentions)} |")
        parts.append("")
    return GeneratedPage(LIBRARY, "Thư viện văn bản", "\n".join(parts))


def checks_page(index: ReferenceIndex, by_path) -> GeneratedPage:
    parts = ["Những chỗ trích dẫn văn bản có thể sai: ngày không có thật, chữ lạ trông như chữ Latin, "
             "loại văn bản không khớp ký hiệu, ngày sau ngày của chính văn bản, một văn bản được ghi ngày "
             "hoặc trích yếu khác nhau, hay văn bản không xác định được. Cổng không tự sửa văn bản đã "
             "ban hành; người biên tập xem và quyết định.\n"]
    if not index.problems:
        parts.append("Không có vấn đề nào.\n")
    else:
        parts += [f"Có {len(index.problems)} vấn đề.\n", "| Tệp, dòng | Vấn đề | Đoạn văn |", "|---|---|---|"]
        snippets = {(m.page.path, m.line): m.snippet for m in index.mentions}
        for problem in index.problems:
            page = by_path[problem.file]
            where = link(f"{problem.file}:{problem.line}", CHECKS, page.src_uri)
            parts.append(f"| {where} | {escape(problem.message)} | "
                         f"{escape(snippets.get((problem.file, problem.line), ''))} |")
    return GeneratedPage(CHECKS, "Kiểm tra trích dẫn", "\n".join(parts) + "\n")


def all_pages(index: ReferenceIndex, units, by_path) -> list[GeneratedPage]:
    pages = [cited_page(c, units) for _, c in sorted(index.documents.items()) if c.own is None]
    return pages + [library_page(index), checks_page(index, by_path)]
