"""The marks in hand-written pages: a line of its own becomes what it stands for, built from the content of
this build (the latest news, the table of fields); the same words in running text stay as written."""

from __future__ import annotations

from datetime import date

from cchc.content.load import load
from cchc.pages import marks
from cchc.settings import Hotline, Settings, problems_with
from tests.conftest import make_project
from tests.pages.test_questions import PROCEDURE

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
    shown = marks.Marks(portal, Settings()).expand(page, "gioi-thieu/trang.md")
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
        marks.Marks(portal, Settings()).expand("A\n\n<!-- cchc:tin-moi -->\n\nB\n", "index.md")
        == "A\n\n\n\nB\n"
    )


def test_every_mark_of_the_table_of_fields_is_replaced(tmp_path):
    portal = _portal(tmp_path, 0)
    shown = marks.Marks(portal, Settings()).expand("<!-- cchc:fields -->\n\n<!-- cchc:fields -->\n", "a.md")
    assert shown.count("| `tieu_de` |") >= 2 and "cchc:fields" not in shown


def _with_procedures(tmp_path):
    root = make_project(tmp_path / "portal")
    folder = root / "content/thu-tuc"
    folder.mkdir(parents=True)
    for slug, name, units in (
        ("dang-ky-ket-hon", "Đăng ký kết hôn", "xa-nam-sach"),
        ("dang-ky-khai-sinh", "Đăng ký khai sinh", "xa-nam-sach, hai-phong"),
    ):
        text = PROCEDURE.format(extra="").replace("ten: Đăng ký khai tử", f"ten: {name}")
        (folder / f"{slug}.md").write_text(text.replace("[xa-nam-sach]", f"[{units}]"), encoding="utf-8")
    portal, problems = load(root)
    assert [p for p in problems if p.severity.name == "ERROR"] == []
    return root, portal


def test_the_home_page_leads_with_the_procedures_most_units_perform_or_those_named(tmp_path):
    _, portal = _with_procedures(tmp_path)
    shown = marks.Marks(portal, Settings()).expand("<!-- cchc:thu-tuc-pho-bien -->\n", "index.md")
    assert shown.index("[Đăng ký khai sinh]") < shown.index("[Đăng ký kết hôn]")  # two units before one
    assert "## Thủ tục được làm nhiều" in shown and "[Mọi thủ tục hành chính](thu-tuc/index.md)" in shown
    named = Settings(most_used=("dang-ky-ket-hon",))
    shown = marks.Marks(portal, named).expand("<!-- cchc:thu-tuc-pho-bien -->\n", "index.md")
    assert "[Đăng ký kết hôn]" in shown and "[Đăng ký khai sinh]" not in shown


def test_communes_with_their_numbers_latest_documents_and_help(tmp_path):
    _, portal = _with_procedures(tmp_path)
    settings = Settings(hotline=Hotline("Tổng đài", "1800 1096"), feedback_url="https://dichvucong.gov.vn")
    page = "<!-- cchc:don-vi -->\n\n<!-- cchc:van-ban-moi -->\n\n<!-- cchc:ho-tro -->\n"
    shown = marks.Marks(portal, settings).expand(page, "index.md")
    units = shown[shown.index("<details") : shown.index("</details>")]
    assert "[UBND xã Nam Sách](don-vi/xa-nam-sach/index.md)" in units
    assert "thành phố" not in units  # the city is not where residents go for a procedure
    assert "## Văn bản mới" in shown and "(UBND xã Nam Sách, " in shown
    assert "- Tổng đài: [1800 1096](tel:18001096)" in shown
    assert "[Gửi phản ánh, kiến nghị](https://dichvucong.gov.vn)" in shown


def test_a_most_used_procedure_that_does_not_exist_is_named_on_its_line(tmp_path):
    _, portal = _with_procedures(tmp_path)
    config = tmp_path / "named.yml"
    config.write_text(
        "site_name: A\nextra:\n  thu_tuc_pho_bien:\n    - dang-ky-khai-sinh\n    - dang-ky-khai-tu\n",
        encoding="utf-8",
    )
    named = Settings(most_used=("dang-ky-khai-sinh", "dang-ky-khai-tu"))
    found = problems_with(named, portal, date(2026, 12, 1), config)
    assert [str(p) for p in found] == [
        "mkdocs.yml:5: extra.thu_tuc_pho_bien: không có thủ tục 'dang-ky-khai-tu' trong content/thu-tuc/, "
        "trang chủ bỏ qua; cần tên tệp của thủ tục (không có .md), ví dụ 'dang-ky-khai-sinh' (cảnh báo)"
    ]
