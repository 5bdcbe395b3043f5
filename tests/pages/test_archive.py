"""Archives and the consolidated table, computed from plain data without MkDocs."""

from datetime import date

from cchc import site
from cchc.content import calendar
from cchc.dates import PartialDate
from cchc.kinds import find_kind
from cchc.model import Document, Portal, Unit
from cchc.pages import archive, document_pages
from cchc.periods import parse_period


def unit(id, name, level="xã", parent="hai-phong"):
    return Unit(id=id, name=name, short_name=name, level=level, path=f"content/don-vi/{id}.md", parent=parent)


def doc(slug, kind, unit_id, period=None, date=None):
    return Document(
        path=f"content/van-ban/{unit_id}/{slug}.md",
        slug=slug,
        kind=find_kind(kind),
        unit_id=unit_id,
        title=slug,
        body="x",
        period=parse_period(period) if period else None,
        date=date,
    )


def portal():
    p = Portal()
    for u in (
        unit("hai-phong", "UBND thành phố Hải Phòng", "thành phố", None),
        unit("xa-b", "UBND xã Bình Giang"),
        unit("xa-a", "UBND xã An Lão"),
        unit("so-x", "Sở Nội vụ", "sở"),
    ):
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
    assert [
        (pg.period.label if pg.period else None, [d.slug for d in pg.documents]) for pg in groups[1].periods
    ] == [("Cả năm 2025", ["bc-2025"]), ("6 tháng đầu năm 2025", ["bc-6t-2025"]), (None, ["qd-2025"])]


def test_year_unknown_comes_last():
    groups = archive.by_year_and_period(portal().documents_by_unit()["xa-b"])
    assert [g.year for g in groups] == [2025, None]


def test_consolidated_marks_missing_reports():
    p = portal()
    matrix = archive.consolidated(p, find_kind("Báo cáo"), p.documents_by_unit(), {}, date(2026, 1, 1))
    assert [period.label for period in matrix.periods] == [
        "Cả năm 2025",
        "Quý III năm 2025",
        "6 tháng đầu năm 2025",
    ]
    # Rows: units under another unit, departments first, then communes in Vietnamese order.
    assert [(u.id, [[d.slug for d in cell.documents] for cell in cells]) for u, cells in matrix.rows] == [
        ("so-x", [[], [], []]),
        ("xa-a", [["bc-2025"], [], ["bc-6t-2025"]]),
        ("xa-b", [[], ["bc-q3-2025"], []]),
    ]
    markdown = document_pages.consolidated_page(p, p.documents_by_unit(), [], date(2026, 1, 1)).markdown
    reports = markdown[markdown.index("## Báo cáo") : markdown.index("## Kế hoạch")]
    assert reports.count("**Chưa có**") == 6
    assert "[Đã đăng](../van-ban/xa-a/bc-2025.md)" in reports


def test_missing_reports_are_due_or_late_by_the_calendar():
    p = portal()
    rule = calendar.Rule(
        find_kind("Báo cáo"), parse_period("6 tháng đầu năm 2001"), ("xã",), 15, 6, False, None
    )
    owed = calendar.dues([rule], list(p.units.values()), 2025, 2026)
    assert {(d.unit.id, d.period.label, d.day.isoformat()) for d in owed} == {
        (u, f"6 tháng đầu năm {y}", f"{y}-06-15") for u in ("xa-a", "xa-b") for y in (2025, 2026)
    }

    def states(today):
        matrix = archive.consolidated(
            p, find_kind("Báo cáo"), p.documents_by_unit(), archive.due_days(owed), today
        )
        return {
            (u.id, period.label): "có" if cell.documents else cell.state(today)
            for u, cells in matrix.rows
            for period, cell in zip(matrix.periods, cells)
        }

    late = states(date(2026, 7, 1))
    assert late[("xa-b", "6 tháng đầu năm 2025")] == "Quá hạn 381 ngày"
    assert late[("xa-a", "6 tháng đầu năm 2025")] == "có"
    assert late[("xa-a", "6 tháng đầu năm 2026")] == "Quá hạn 16 ngày"
    assert late[("so-x", "6 tháng đầu năm 2026")] == "Chưa có"  # the calendar asks departments for none
    assert late[("xa-b", "Cả năm 2025")] == "Chưa có"
    assert states(date(2026, 6, 1))[("xa-a", "6 tháng đầu năm 2026")] == "Chưa đến hạn (hạn 15/06/2026)"
    assert states(date(2026, 6, 15))[("xa-a", "6 tháng đầu năm 2026")] == "Đến hạn hôm nay"
    markdown = document_pages.consolidated_page(p, p.documents_by_unit(), owed, date(2026, 7, 1)).markdown
    assert "**Quá hạn 381 ngày**" in markdown and "lich-bao-cao.ics" in markdown


def test_units_index_groups_levels_in_vietnamese_order():
    markdown = document_pages.units_index(portal()).markdown
    assert markdown.index("## Thành phố") < markdown.index("## Sở") < markdown.index("## Xã")
    assert markdown.index("UBND xã An Lão") < markdown.index("UBND xã Bình Giang")


def test_generated_pages_have_unique_addresses(tmp_path):
    uris = [page.src_uri for page in site.generate(portal(), tmp_path).pages]
    assert len(uris) == len(set(uris))
    assert "van-ban/chua-ro-nam.md" in uris
