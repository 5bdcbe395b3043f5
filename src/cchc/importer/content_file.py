"""An imported document as a content file: front matter from its layout, body as Markdown, and what the
import could not find, for the editor to fill in before `cchc check` passes."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

from cchc.dates import DateError, parse_date
from cchc.importer import figure_suggestions
from cchc.importer.body import markdown
from cchc.importer.layout import Layout, is_upper
from cchc.model import Indicator, Unit
from cchc.refs.resolve import Issuer, build_directory
from cchc.text import slugify

_PERIOD = re.compile(
    r"(?P<span>0?6\s+tháng\s+(?:đầu|cuối)|0?9\s+tháng(?:\s+đầu)?|quý\s+(?:I{1,3}|IV|[1-4]))?"
    r"\s*năm(?:\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Quyết định này có hiệu lực (thi hành) (kể) từ ngày ký / ngày 15 tháng 7 năm 2025 / ngày 15/7/2025": the
# effective date the document states of itself, by its own kind's name (a tờ trình quoting its draft
# decision's clause, or a text citing another's, gives none). Nghị định 42/2022/NĐ-CP asked portals for it.
_EFFECTIVE = (
    r"\s+này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+"
    r"(?P<date>ký|ban\s+hành|\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}\s*(?:/|-|năm)\s*\d{4})"
)
SLUG_WORDS = 12
SLUG_CHARS = 80  # file systems allow 255 bytes a name; a slug this long is already hard to read


@dataclass
class Imported:
    text: str  # the content file: front matter and body
    unit_id: str  # "" when the issuing unit is unknown
    slug: str
    missing: list[str] = field(default_factory=list)  # what the import could not find, in Vietnamese
    notes: list[str] = field(default_factory=list)  # suggestions for the editor


def period(title: str) -> str | None:
    """The period a title names, in the words of cchc.periods: '06 tháng đầu năm; … năm 2026' gives
    '6 tháng đầu năm 2026' (a period written without its year takes the title's next year)."""
    years = [(match.start(), match.group()) for match in _YEAR.finditer(title)]  # found once: many "năm"
    for match in _PERIOD.finditer(title):
        span = " ".join((match["span"] or "").split()).lstrip("0")
        following = bisect.bisect_left(years, (match.end(), ""))
        year = match["year"] or (years[following][1] if following < len(years) else None)
        if year and (span or match["year"]):
            return f"{span} năm {year}".strip()
    return None


def find_unit(issuer: list[str], units: dict[str, Unit]) -> str:
    """The unit whose name, short name or other name is one of the issuer lines, or two of them when a
    narrow column broke the name (the issuing body comes last, its parent first); "" when none is."""
    names = build_directory(units, ()).names  # the names the citation engine knows units by
    for index in reversed(range(len(issuer))):
        for candidate in (" ".join(issuer[index - 1 : index + 1]) if index else None, issuer[index]):
            known: Issuer | None = names.get(candidate) if candidate else None
            if known is not None and known.unit_id:
                return known.unit_id
    return ""


def slug(kind: str | None, title: str | None) -> tuple[str, bool]:
    """The file name's stem: kind and title's first words, at most SLUG_CHARS characters cut at a hyphen;
    and whether the length cut it."""
    words = "-".join(slugify(f"{kind or 'van ban'} {title or ''}").split("-")[:SLUG_WORDS])
    if len(words) <= SLUG_CHARS:
        return words, False
    head = words[: SLUG_CHARS + 1]
    return (head.rsplit("-", 1)[0] if "-" in head else words[:SLUG_CHARS]), True


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML


def effective_date(kind: str | None, body: list[str], issued: str) -> tuple[str, list[str]]:
    """The effective date a document of `kind` states of itself, as NN/TT/NNNN ("" when none; the issue
    date when it takes effect on signing), and a note for the editor when it states more than one."""
    if not kind:
        return "", []
    found = []
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, kind.split())) + _EFFECTIVE, re.IGNORECASE)
    for match in pattern.finditer(" ".join(body)):
        written = " ".join(match["date"].split())
        if written.lower() in ("ký", "ban hành"):
            found.append(issued if issued.count("/") == 2 else "")
            continue
        try:
            day = parse_date(written)
        except DateError:
            continue
        found.append(day.vietnamese())
    distinct = list(dict.fromkeys(d for d in found if d))
    several = f"văn bản ghi nhiều ngày hiệu lực ({', '.join(distinct)}); đã lấy ngày đầu, kiểm tra lại"
    notes = [f"{several} ngay_hieu_luc"] if len(distinct) > 1 else []
    return (distinct[0] if distinct else ""), notes


def content_file(
    layout: Layout,
    units: dict[str, Unit],
    unit_id: str | None = None,
    originals: list[str] | None = None,
    catalogue: dict[str, Indicator] | None = None,
) -> Imported:
    """The content file of an imported document; with the indicators' `catalogue`, the figures its body
    seems to give follow the front matter's fields as a commented `so_lieu` block, for the editor to
    confirm."""
    unit_id = unit_id or find_unit(layout.issuer, units)
    missing, notes = [], list(layout.doubts)  # what the layout could not decide comes first
    date = (
        f"{layout.day:02d}/{layout.month:02d}/{layout.year}"
        if layout.day and layout.month and layout.year
        else str(layout.year or "")
    )
    ky = period(layout.title or "")
    effective, doubts = effective_date(layout.kind, layout.body, date)
    notes += doubts
    for label, value in (
        ("loại văn bản", layout.kind),
        ("số, ký hiệu", layout.number or layout.draft_symbol),  # a draft's blank number is in the notes
        ("ngày ban hành", layout.year),
        ("địa danh", layout.place),
        ("đơn vị ban hành", unit_id),
        ("trích yếu", layout.title),
        ("người ký", layout.signer),
        ("nơi nhận", layout.recipients),
    ):
        if not value:
            missing.append(label)
    if not unit_id and layout.issuer:
        notes.append(
            f"cơ quan ban hành '{' / '.join(layout.issuer)}' không khớp đơn vị nào trong "
            "content/don-vi/; ghi --don-vi MÃ hoặc thêm tên này vào ten_goi_khac của đơn vị"
        )
    if layout.title and is_upper(layout.title):
        notes.append(
            f"trích yếu viết hoa giữ nguyên như văn bản; nếu muốn viết thường: "
            f"'{layout.title[:1]}{layout.title[1:].lower()}'"
        )
    lines = [
        "---",
        f"loai: {layout.kind or ''}",
        # A draft's "Số:    /BC-UBND" keeps its symbol: the page shows "/BC-UBND (chưa ghi số)".
        f"so_ky_hieu: {_quoted(layout.number or layout.draft_symbol or '')}",
        f"ngay_ban_hanh: {_quoted(date)}",
        *([f"ngay_hieu_luc: {_quoted(effective)}"] if effective else []),
        f"dia_danh: {_quoted(layout.place or '')}",
        f"don_vi: {unit_id}",
        f"trich_yeu: {_quoted(layout.title or '')}",
    ]
    if ky:
        lines.append(f"ky: {_quoted(ky)}")
    if layout.signer or layout.positions:
        lines += ["nguoi_ky:", f"  ho_ten: {_quoted(layout.signer or '')}"]
        if layout.positions:
            lines += ["  chuc_vu:"] + [f"    - {_quoted(p)}" for p in layout.positions]
    if layout.recipients:
        lines += ["noi_nhan:"] + [f"  - {_quoted(r)}" for r in layout.recipients]
    if originals:
        lines += ["tep_goc:"] + [f"  - {_quoted(name)}" for name in originals]
    # An appendix (Phụ lục) follows the body: the page shows the recipients and signature after both.
    body = "\n".join([markdown(layout.body)] + (["", markdown(layout.appendix)] if layout.appendix else []))
    if catalogue and (found := figure_suggestions.suggest(body, catalogue)):
        size = len(figure_suggestions.yaml_block(found, commented=True).splitlines())
        for suggestion in found:  # the body's lines in the file: after the comment, the block, '---', a blank
            suggestion.line += len(lines) + size + 3
        lines += ["# Số liệu gợi ý từ phần thân (cchc so-lieu): xác nhận từng số rồi bỏ dấu # ở đầu dòng"]
        lines += figure_suggestions.yaml_block(found, commented=True).splitlines()
        notes.append(
            f"{len(found)} số liệu gợi ý ở cuối phần đầu tệp (các dòng '# so_lieu'): xác nhận với "
            "văn bản rồi bỏ dấu #"
        )
    lines += ["---", "", body]
    stem, cut = slug(layout.kind, layout.title)
    if cut:
        notes.append(f"tên tệp rút gọn còn {len(stem)} ký tự ({stem}.md); đổi tên tệp nếu muốn")
    return Imported("\n".join(lines), unit_id, stem, missing, notes)
