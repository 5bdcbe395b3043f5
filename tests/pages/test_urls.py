"""Every source path and address comes from cchc.urls: the content items and the paths agree."""

from __future__ import annotations

from cchc import urls


def test_each_kind_of_page_has_one_place_and_address():
    assert urls.unit("xa-nam-sach") == "don-vi/xa-nam-sach/index.md"
    assert urls.site_path(urls.unit("xa-nam-sach")) == "don-vi/xa-nam-sach/"
    uri = urls.document("xa-nam-sach", "bao-cao-2025")
    assert urls.site_path(uri) == "van-ban/xa-nam-sach/bao-cao-2025/"
    assert urls.document_by_ref(urls.document_ref(uri)) == uri
    assert urls.site_path(urls.poster("dang-ky-khai-sinh")) == "thu-tuc/dang-ky-khai-sinh/in/"
    assert urls.site_path("index.md") == "" and urls.shown(urls.CHECKS) == "/kiem-tra-trich-dan/"
    assert urls.card(urls.procedure("x")) == "thu-tuc/x/the-chia-se.png"
    assert urls.to_root(uri) == "../../../"


def test_attachments_live_in_their_document_folder_and_are_percent_encoded():
    uri = urls.document("xa-a", "ke-hoach")
    assert urls.attachment(uri, 'Kế hoạch "số 1" #2.pdf') == 'van-ban/xa-a/ke-hoach/Kế hoạch "số 1" #2.pdf'
    assert urls.attachment_href(uri, 'a "b" #c.pdf') == "van-ban/xa-a/ke-hoach/a%20%22b%22%20%23c.pdf"


def test_absolute_addresses_under_a_sub_folder():
    for site_url in ("https://example.gov.vn/cchc", "https://example.gov.vn/cchc/"):
        assert urls.root(site_url) == "https://example.gov.vn/cchc/"
        assert urls.absolute(site_url, urls.procedure("x")) == "https://example.gov.vn/cchc/thu-tuc/x/"
