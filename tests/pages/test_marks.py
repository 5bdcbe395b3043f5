"""The marks in hand-written pages: a line of its own becomes what it stands for, built from the content of
this build (the latest news, the table of fields); the same words in running text stay as written."""

from __future__ import annotations

from cchc.content.load import load
from cchc.pages import marks
from tests.conftest import make_project

NEWS = """---
tieu_de: "Tin số {n}: xã Nam Sách *tổ chức* hội nghị"
ngay: "{day:02d}/10/2026"
don_vi: xa-nam-sach
---

Nội dung tin số {n}.
"""


def _portal(tmp_path, count: int):
    root = make_project(tmp_path / "portal")
    folder = root / "content/tin-tuc/xa-nam-sach"
    folder.mkdir(parents=True)
    for n in range(1, count + 1):
        (folder / f"tin-{n}.md").write_text(NEWS.format(n=n, day=n), encoding="utf-8")
    portal, problems = load(root)
    assert [p for p in problems if "tin-tuc" in p.file] == []
    return portal


def test_the_latest_news_are_listed_where_the_mark_stands(tmp_path):
    portal = _portal(tmp_path, 7)
    page = "Mở đầu.\n\n<!-- cchc:tin-moi -->\n\nViết `<!-- cchc:tin-moi -->` ở dòng riêng.\n"
    shown = marks.expand(page, "gioi-thieu/trang.md", portal.news, portal.units)
    items = [line for line in shown.splitlines() if line.startswith("- ")]
    assert len(items) == marks.LATEST
    # Newest first, each with its unit and day, linked from where the page is; the editor's words escaped.
    assert items[0] == (
        r"- [Tin số 7: xã Nam Sách \*tổ chức\* hội nghị](../tin-tuc/xa-nam-sach/tin-7.md) "
        "(UBND xã Nam Sách, 07/10/2026)"
    )
    assert "[Mọi tin tức](../tin-tuc/index.md)" in shown and "## Tin tức" in shown
    assert shown.startswith("Mở đầu.\n\n## Tin tức") and "Viết `<!-- cchc:tin-moi -->` ở dòng riêng." in shown


def test_a_portal_without_news_shows_no_news_section(tmp_path):
    portal = _portal(tmp_path, 0)
    assert (
        marks.expand("A\n\n<!-- cchc:tin-moi -->\n\nB\n", "index.md", portal.news, portal.units)
        == "A\n\n\n\nB\n"
    )


def test_every_mark_of_the_table_of_fields_is_replaced():
    shown = marks.expand("<!-- cchc:fields -->\n\n<!-- cchc:fields -->\n", "a.md", [], {})
    assert shown.count("| `tieu_de` |") >= 2 and "cchc:fields" not in shown
