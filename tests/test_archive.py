"""Archives and the consolidated table, computed from plain data without MkDocs."""

from cchc import site
from cchc.dates import PartialDate
from cchc.kinds import find_kind
from cchc.model import Document, Portal, Unit
from cchc.pages import archive, document_pages
from cchc.periods import parse_period


def unit(id, name, level="xã", parent="hai-phong"):
    return Unit(id=id, name=name, short_name=name, level=level, path=f"content/don-vi/{id}.md", parent=parent)


def doc(slug, kind, unit_id, period=None, date=None):
    return Document(path=f"content/van-ban/{unit_id}/{slug}.md", slug=slug, kind=find_kind(kind),
                    unit_id=unit_id, title=slug, body="x",
                    period=parse_period(period) if period else None, date=date)


def portal():
    p = Portal()
    for u in (unit("hai-phong", "UBND thành phố Hải Phòng", "thành phố", None),
              unit("xa-b", "UBND xã Bình Giang"), unit("xa-a", "UBND xã An Lão"),
              unit("so-x", "Sở Nội vụ", "sở")):
        p.units[u.id] = u
    p.documents = [
        doc("bc-2025", "Báo cáo", "xa-a", "năm 2025", PartialDate(2025, 12, 15)),
        doc("bc-6t-2025", "Báo cáo", "xa-a", "6 tháng đầu năm 2025", PartialDate(2025, 6, 10)),
        doc("kh-2026", "Kế hoạch", "xa-a", "năm 2026", PartialDate(2026, 1, 5)),
        doc("qd-2025", "Quyết định", "xa-a", None, PartialDate(2025, 3, 1)),
        doc("bc-q3-2025", "Báo cáo", "xa-b", "quý III năm 2025"),
        doc("cv-unknown", "Công văn", "xa-b"),
    ]
    return p


def test_unit_archive_groups_by_year_then_period_newest_first():
    groups = archive.by_year_and_period(portal().documents_by_unit()["xa-a"])
    assert [g.year for g in groups] == [2026, 2025]
    assert [(pg.period.label if pg.period else None, [d.slug for d in pg.documents])
            for pg in groups[1].periods] == [
        ("Cả năm 2025", ["bc-2025"]), ("6 tháng đầu năm 2025", ["bc-6t-2025"]), (None, ["qd-2025"])]


def test_year_unknown_comes_last():
    groups = archive.by_year_and_period(portal().documents_by_unit()["xa-b"])
    assert [g.year for g in groups] == [2025, None]


def test_consolidated_marks_missing_reports():
    p = portal()
    matrix = archive.consolidated(p, find_kind("Báo cáo"), p.documents_by_unit())
    assert [period.label for period in matrix.periods] == [
        "Cả năm 2025", "Quý III năm 2025", "6 tháng đầu năm 2025"]
    # Rows: units under another unit, departments first, then communes in Vietnamese order.
    assert [(u.id, [[d.slug for d in cell] for cell in cells]) for u, cells in matrix.rows] == [
        ("so-x", [[], [], []]),
        ("xa-a", [["bc-2025"], [], ["bc-6t-2025"]]),
        ("xa-b", [[], ["bc-q3-2025"], []]),
    ]
    markdown = document_pages.consolidated_page(p, p.documents_by_unit()).markdown
    reports = markdown[markdown.index("## Báo cáo"):markdown.index("## Kế hoạch")]
    assert reports.count("**Chưa có**") == 6
    assert "[Đã đăng](../van-ban/xa-a/bc-2025.md)" in reports


def test_units_index_groups_levels_in_vietnamese_order():
    markdown = document_pages.units_index(portal()).markdown
    assert markdown.index("## Thành phố") < markdown.index("## Sở") < markdown.index("## Xã")
    assert markdown.index("UBND xã An Lão") < markdown.index("UBND xã Bình Giang")


def test_generated_pages_have_unique_addresses(tmp_path):
    uris = [page.src_uri for page in site.generate(portal(), tmp_path).pages]
    assert len(uris) == len(set(uris))
    assert "van-ban/chua-ro-nam.md" in uris
