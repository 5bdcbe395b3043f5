"""Every source path and address comes from cchc.urls: the content items and the paths agree."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

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


def test_a_slug_that_ends_in_index_keeps_its_own_page():
    """'PAR Index' is a standard CCHC term: its page is not its folder's index."""
    assert (
        urls.site_path(urls.document("so-noi-vu", "bao-cao-par-index"))
        == "van-ban/so-noi-vu/bao-cao-par-index/"
    )
    assert urls.site_path("index-2025.md") == "index-2025/" and urls.site_path("a/index.md") == "a/"


_PART = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,12}[a-z0-9])?", fullmatch=True) | st.sampled_from(
    ["index", "par-index", "indexa", "a-index", "xindex"]
)


@given(st.lists(_PART, min_size=1, max_size=4))
def test_site_paths_are_those_mkdocs_writes(parts):
    """The site path of any page, as MkDocs itself places it with directory URLs."""
    src_uri = "/".join(parts) + ".md"
    placed = File(src_uri, "docs", "site", use_directory_urls=True)
    assert urls.site_path(src_uri) == placed.url.removeprefix("./")
