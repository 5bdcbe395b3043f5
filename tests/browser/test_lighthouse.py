"""Top marks on a cheap phone (issue 22): Lighthouse in its mobile mode with its default throttling, in
Debian's chromium, against the built site served with gzip as hosts serve it, on each kind of page a resident
opens. Performance ≥ 98, accessibility, best practices and SEO 100, printed per page. (The news item is
measured on the portal with news: tests/browser/test_state_portal.py.)"""

from __future__ import annotations

import pytest

from tests.static_server import serve
from tests.webcheck import check_lighthouse

PAGES = {
    "trang chủ": "",
    "thủ tục": "thu-tuc/dang-ky-khai-sinh/",
    "hành trình": "hanh-trinh/tre-moi-sinh/",
    "văn bản": "van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026/",
    "đơn vị": "don-vi/xa-nam-sach/",
    "hỏi đáp": "hoi-dap/",
    # The page as the header's link opens it. With a query (?q=) it also loads Pagefind and runs the search
    # on load: 100 alone, 81–100 while the other worker builds a site (the transfer tests bound its bytes).
    "tìm kiếm": "tim-kiem/",
}


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.mark.parametrize("name", list(PAGES))
def test_each_kind_of_page_scores_top_marks_on_a_cheap_phone(site_url, name):
    check_lighthouse(name, site_url + PAGES[name])
