"""The built site: pages, links, nav and downloads, read from the HTML MkDocs wrote."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

from cchc import settings
from cchc.portal_build import PortalBuild, SharedNav
from tests.conftest import mkdocs_build
from tests.htmltext import article_text

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def primary_nav(html: str) -> str:
    start = html.index("md-nav--primary")
    return html[start : html.index("md-sidebar--secondary", start)]


def test_every_link_of_every_pages_nav_leads_to_a_page(built_site):
    """The primary nav is drawn once per folder for pages outside the nav (overrides/partials/nav.html):
    a nav kept for the wrong pages would show with links relative to another folder."""
    pages = sorted(built_site.rglob("index.html"))
    navs = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "md-sidebar--secondary" not in html:
            continue  # a page without sidebars (a poster)
        nav = primary_nav(html)
        navs.add(nav)
        for href in re.findall(r'<a href="([^"#]*)"', nav):
            if href.startswith(("http:", "https:")):
                continue
            target = (page.parent / href).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), (page, href)
    assert len(navs) < len(pages) / 4  # pages of one folder outside the nav share theirs


def test_nav_key_draws_its_own_nav_for_pages_in_the_nav_and_above_a_nav_page():
    build = PortalBuild.__new__(PortalBuild)
    build._nav = SharedNav()
    build.nav([("van-ban/index.md", "van-ban/"), ("tong-hop/so-lieu/index.md", "tong-hop/so-lieu/")])
    key = build._nav.key
    assert key("van-ban/index.md", "van-ban/") is None
    assert key("index.md", "") is None  # every nav page lies below the home page
    assert key("tong-hop.md", "tong-hop/") is None  # a nav page lies below it
    assert key("van-ban/xa/a.md", "van-ban/xa/a/") == key("van-ban/xa/b.md", "van-ban/xa/b/")
    assert key("van-ban/xa/a.md", "van-ban/xa/a/") != key("van-ban/a.md", "van-ban/a/")


def test_nav_holds_sections_not_documents(built_site):
    for page in (
        "",
        "don-vi/xa-nam-sach",
        "van-ban/xa-nam-sach/ke-hoach-tuyen-truyen-cchc-6-thang-cuoi-nam-2025",
    ):
        nav = primary_nav(read(built_site, page))
        assert "Tổng hợp báo cáo" in nav and "Đơn vị" in nav
        assert not re.search(r'href="[^"]*van-ban/[a-z-]+/[a-z0-9-]+/"', nav), page
        assert not re.search(r'href="[^"]*don-vi/[a-z-]+/"', nav), page


def test_units_listed_by_level_in_vietnamese_order(built_site):
    text = article_text(read(built_site, "don-vi"))
    order = [
        "Thành phố",
        "Ủy ban nhân dân thành phố Hải Phòng",
        "Sở",
        "Sở Khoa học và Công nghệ",
        "Sở Nội vụ",
        "Sở Văn hóa",
        "Phường",
        "Ủy ban nhân dân phường Phù Liễn",
        "Xã",
        "Ủy ban nhân dân xã An Khánh",
        "Ủy ban nhân dân xã Nam Sách",
        "Ủy ban nhân dân xã Nam Thanh Miện",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)


def test_unit_page_shows_contacts_and_archive(built_site):
    text = re.sub(r"\s+", " ", article_text(read(built_site, "don-vi/xa-an-khanh")))
    assert "Đường dây nóng phản ánh, kiến nghị" in text
    assert "Năm 2026 Cả năm 2026" in text
    assert "Kế hoạch: Tuyên truyền cải cách hành chính trên địa bàn xã An Khánh năm 2026" in text
    # A resident comes for a procedure: the unit's lead its page, before its contacts and its documents.
    assert (
        text.index("Thủ tục hành chính") < text.index("Liên hệ") < text.index("Báo cáo, kế hoạch và văn bản")
    )


def test_edit_links_point_at_the_source_file(built_site):
    assert re.search(r'href="https://[^"]+/edit/main/docs/lien-he\.md"', read(built_site, "lien-he"))
    assert re.search(
        r'href="https://[^"]+/edit/main/content/don-vi/xa-nam-sach\.md"',
        read(built_site, "don-vi/xa-nam-sach"),
    )
    # A listing made by the portal has no file to edit.
    assert 'rel="edit"' not in read(built_site, "tong-hop")


def test_attachment_is_offered_for_download(project, tmp_path):
    folder = project / "content/van-ban/xa-nam-sach"
    (folder / "bc-25.pdf").write_bytes(PDF)
    source = folder / "bao-cao-2025.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("noi_nhan:", "tep_goc:\n  - bc-25.pdf\nnoi_nhan:"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    assert (site / "van-ban/xa-nam-sach/bao-cao-2025/bc-25.pdf").read_bytes() == PDF
    assert '<a class="md-button" href="bc-25.pdf" download>' in read(site, "van-ban/xa-nam-sach/bao-cao-2025")


def test_missing_attachment_is_reported(project):
    source = project / "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("noi_nhan:", "tep_goc:\n  - khong-co.pdf\nnoi_nhan:"),
        encoding="utf-8",
    )
    from tests.conftest import cchc_check

    result = cchc_check(project)
    assert result.returncode == 1
    assert "bao-cao-2025.md:13: tep_goc[1]: không tìm thấy tệp 'khong-co.pdf'" in result.stdout


def test_two_builds_are_byte_identical(project, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for site in (first, second):
        assert mkdocs_build(project, site).returncode == 0
    comparison = filecmp.dircmp(first, second)

    def differences(cmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    # dircmp compares shallowly by default; compare every common file's bytes too.
    assert (first / "pagefind" / "pagefind-entry.json").exists()  # the search index is part of the site
    assert differences(comparison) == []
    for path in first.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_real_site_builds_with_only_the_seeds_reference_warnings(built_site):
    warnings = [
        line
        for line in (built_site / "build.log").read_text(encoding="utf-8").splitlines()
        if line.startswith("WARNING")
    ]
    assert len(warnings) == 4 and all(": trích dẫn: " in line for line in warnings), warnings


def test_no_empty_banner_without_a_planned_suspension(built_site):
    """Material draws its banner when the announce block holds any text: without extra.tam_ngung there is
    none (an empty dark strip topped every page)."""
    assert 'class="md-banner' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_heading_ids_read_d_for_đ(built_site):
    """Markdown's own slug drops what is not ASCII: 'Thủ tục được làm nhiều' became #thu-tuc-uoc-lam-nhieu
    in the skip link and the table of contents. The portal's keeps đ as d, unless mkdocs.yml names a slug."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="#thu-tuc-duoc-lam-nhieu"' in home and 'id="thu-tuc-duoc-lam-nhieu"' in home
    journey = (built_site / "hanh-trinh/tre-moi-sinh/index.html").read_text(encoding="utf-8")
    assert 'id="buoc-1-dang-ky-khai-sinh-cho-tre"' in journey
    _, options = settings.markdown_extensions({"markdown_extensions": ["toc"]})
    assert options["toc"]["slugify"]("Đơn vị", "_") == "don_vi"
    own = {"markdown_extensions": [{"toc": {"slugify": str.lower}}]}
    assert settings.markdown_extensions(own)[1]["toc"]["slugify"] is str.lower
