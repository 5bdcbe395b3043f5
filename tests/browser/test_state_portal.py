"""What the law asks of a state portal, in a real browser on a phone: a unit's profile, reception hours and
questions, the printable schedule, a procedure's questions and answers, the questions page, the latest news
on the home page, /en/ and the notice of a planned suspension, each with axe at 0 violations (WCAG 2.2 AA);
an article prints or saves as PDF from its button;
the rating form every page ends with works without script and the Content-Security-Policy sends it nowhere
but its target."""

from __future__ import annotations

import re
import urllib.request

import pytest
import yaml
from PIL import Image
from playwright.sync_api import expect

from tests.conftest import make_project, mkdocs_build
from tests.pages.test_questions import PROCEDURE, QA, UNIT_QA
from tests.static_server import serve
from tests.webcheck import RESULT_LINK, SEARCH_INPUT, check_lighthouse, open_page

PROFILE = """email: ubnd@namsach.gov.vn
lanh_dao:
  - ho_ten: Phùng Văn Diện
    chuc_vu: Chủ tịch UBND xã
    anh: chu-tich.jpg
    mo_ta_anh: Ảnh chân dung ông Phùng Văn Diện, Chủ tịch UBND xã
    nhiem_vu: |
      Lãnh đạo, điều hành chung.
co_cau_to_chuc:
  - ten: Văn phòng HĐND và UBND
    truc_thuoc:
      - ten: Bộ phận Một cửa
  - ten: Phòng Kinh tế
lich_su: |
  Xã được thành lập ngày 01/7/2025.
lich_tiep_cong_dan:
  - ngay: Thứ Năm hằng tuần
    tu: "7:30"
    den: "11:00"
    nguoi_tiep: Chủ tịch UBND xã
    dia_diem: Phòng tiếp công dân
en:
  ten: People's Committee of Nam Sach Commune
  chuc_nang_nhiem_vu: |
    The local state administrative body of the commune.
"""
PAGES = {
    "trang chủ, tin mới": "",
    "đơn vị, có hỏi đáp": "don-vi/xa-nam-sach/",
    "lịch tiếp công dân": "don-vi/xa-nam-sach/lich-tiep-cong-dan/",
    "thủ tục có hỏi đáp": "thu-tuc/dang-ky-khai-tu/",
    "hỏi đáp": "hoi-dap/",
    "tiếng Anh": "en/xa-nam-sach/",
    "đối chiếu quy định": "tuan-thu/",
    "tin tức": "tin-tuc/xa-nam-sach/hoi-nghi/",
    "danh sách tin": "tin-tuc/",
    "tìm trong tin tức": "tim-kiem/?q=hoi+nghi&trong=tin-tuc",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("state-portal") / "portal")
    extra = {
        "rating_email": "danhgia@namsach.gov.vn",
        # Announced on 25/11/2026, before the tests' build date (01/12/2026), ahead of 20/12/2026.
        "tam_ngung": {
            "tu": "20/12/2026 22:00",
            "den": "21/12/2026 06:00",
            "ly_do": "nâng cấp máy chủ",
            "thong_bao": "25/11/2026",
        },
    }
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(
        "extra:\n",
        "extra:\n"
        + "".join(f"  {line}\n" for line in yaml.safe_dump(extra, allow_unicode=True).splitlines()),
        1,
    )
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    unit = root / "content/don-vi/xa-nam-sach.md"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("cap: xã\n", f"cap: xã\n{PROFILE}{UNIT_QA}"),
        encoding="utf-8",
    )
    Image.new("RGB", (600, 800), (120, 90, 60)).save(root / "content/don-vi/chu-tich.jpg")
    (root / "content/thu-tuc").mkdir(parents=True, exist_ok=True)
    (root / "content/thu-tuc/dang-ky-khai-tu.md").write_text(PROCEDURE.format(extra=QA), encoding="utf-8")
    news = root / "content/tin-tuc/xa-nam-sach"
    news.mkdir(parents=True)
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(news / "hoi-nghi.jpg")
    (news / "hoi-nghi.md").write_text(
        '---\ntieu_de: Hội nghị tuyên truyền cải cách hành chính\nngay: "15/11/2026"\ndon_vi: xa-nam-sach\n'
        "tom_tat: Hơn 200 người dự.\nanh: hoi-nghi.jpg\n"
        "mo_ta_anh: Hội trường UBND xã kín chỗ trong hội nghị\n"
        "thu_tuc: [dang-ky-khai-tu]\n---\n\nUBND xã tổ chức hội nghị.\n",
        encoding="utf-8",
    )
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_the_law_asks_for_is_clean_and_accessible_on_a_phone(browser, site_url, name):
    visit = open_page(browser, site_url, PAGES[name], RESULT_LINK if "tim-kiem" in PAGES[name] else None)
    violations = visit.axe()
    assert visit.errors == [] and visit.failed == [] and visit.outside == []
    assert violations == [], "\n".join(violations)
    page = visit.page
    # The notice of the planned suspension, on every page.
    assert "Cổng tạm ngừng từ 22:00 ngày 20 tháng 12 năm 2026" in page.locator(".cchc-notice").inner_text()
    # Every page ends with the rating form.
    form = page.locator("form.cchc-rating")
    assert form.get_attribute("action") == "mailto:danhgia@namsach.gov.vn"
    assert page.locator("form.cchc-rating legend").inner_text() == "Thông tin này có hữu ích không?"
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "form-action 'self' mailto:;" in policy + ";"
    if name == "trang chủ, tin mới":
        assert page.locator("a", has_text="Hội nghị tuyên truyền cải cách hành chính").count() == 1
    if name == "tiếng Anh":
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator('a[hreflang="vi"]').count() == 1
    visit.close()


def test_the_rating_form_needs_no_script(browser, site_url):
    visit = open_page(
        browser,
        site_url,
        PAGES["đơn vị, có hỏi đáp"],
        java_script_enabled=False,
        viewport={"width": 390, "height": 844},
    )
    page = visit.page
    assert page.locator("form.cchc-rating input[name=huu_ich][required]").count() == 1
    page.locator("form.cchc-rating input[value=co]").check()
    assert page.locator("form.cchc-rating input[value=co]").is_checked()
    # The unit page shows what the law asks, the organisation as a list a screen reader reads.
    assert page.locator(".cchc-org li").count() == 4  # the unit, its two offices, the one under the first
    assert "Thứ Năm hằng tuần, 07:30–11:00" in page.locator("article").inner_text()
    visit.close()


def test_the_sitemap_names_each_language_version(site_url):
    sitemap = urllib.request.urlopen(site_url + "sitemap.xml").read().decode()
    entry = next(u for u in sitemap.split("<url>") if "/en/xa-nam-sach/</loc>" in u)
    assert 'hreflang="en"' in entry and 'hreflang="vi"' in entry and "/don-vi/xa-nam-sach/" in entry
    unit = next(u for u in sitemap.split("<url>") if "/don-vi/xa-nam-sach/</loc>" in u)
    assert 'hreflang="en"' in unit
    home = next(u for u in sitemap.split("<url>") if "<loc>http://127.0.0.1:8000/</loc>" in u)
    assert 'hreflang="en"' in home  # both ways: the home page names /en/
    assert sitemap.count("hreflang=") == 8  # only the pages that have another language's version


def test_an_article_prints_or_saves_from_its_button_and_without_script_from_the_browser(browser, site_url):
    visit = open_page(browser, site_url, PAGES["tin tức"])
    page = visit.page
    page.evaluate("window.print = () => { window.printed = true }")  # headless: no dialog to open
    page.get_by_role("button", name="In hoặc lưu thành PDF").click()
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    assert not page.locator(".cchc-print").is_visible() and not page.locator("form.cchc-rating").is_visible()
    visit.close()
    quiet = open_page(browser, site_url, PAGES["tin tức"], java_script_enabled=False)
    assert (
        quiet.page.locator(".cchc-print").count() == 1 and not quiet.page.locator(".cchc-print").is_visible()
    )
    quiet.close()


def test_news_are_searched_in_their_own_index_from_the_search_page(browser, site_url):
    """News items have an index of their own (cchc.publish.search_index): the search page offers it as
    "Tin tức", keeps the query when the choice changes, and says the choice in its address."""
    visit = open_page(browser, site_url, "tim-kiem/?q=tuyen+truyen", RESULT_LINK)
    page = visit.page
    links = page.locator(RESULT_LINK)
    assert not [href for href in links.evaluate_all("a => a.map(l => l.href)") if "/tin-tuc/" in href]
    scope = page.get_by_role("group", name="Tìm trong")
    scope.get_by_label("Tin tức").check()
    expect(links.first).to_have_attribute("href", re.compile(r"/tin-tuc/xa-nam-sach/hoi-nghi/$"))
    assert page.locator(SEARCH_INPUT).input_value() == "tuyen truyen"
    assert "trong=tin-tuc" in page.url and "q=tuyen" in page.url
    requests = [r.url for r in visit.requests]
    assert any("/pagefind-tin-tuc/" in url for url in requests)
    scope.get_by_label("Thủ tục, văn bản và các trang khác").check()
    expect(links.first).not_to_have_attribute("href", re.compile(r"/tin-tuc/"))
    assert "trong=" not in page.url
    visit.close()


def test_a_news_item_scores_top_marks_on_a_cheap_phone(site_url):
    check_lighthouse("tin tức", site_url + PAGES["tin tức"])
