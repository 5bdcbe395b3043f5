"""News (tin tức): `content/tin-tuc/<unit>/<name>.md` read with its photo and related pages, each mistake a
`file:line: field:` message; published as an article with NewsArticle data and a share card, in listings a
page of 20 at a time (all, per unit, per year), on its unit's page, in the feeds and in the open data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from PIL import Image

from cchc import urls
from cchc.content.load import load
from cchc.pages.news_pages import PAGE_SIZE
from cchc.settings import Settings
from cchc.site import generate
from tests.conftest import make_project

ITEM = """---
tieu_de: Xã Nam Sách tổ chức hội nghị tuyên truyền cải cách hành chính
ngay: "{day}"
don_vi: xa-nam-sach
tom_tat: Hơn 200 cán bộ, người dân dự hội nghị tại hội trường UBND xã.
{extra}---

Sáng nay, UBND xã tổ chức hội nghị **tuyên truyền** cải cách hành chính năm 2026.
"""


def _news(root: Path, name: str, day: str = "15/10/2026", extra: str = "") -> Path:
    folder = root / "content/tin-tuc/xa-nam-sach"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(ITEM.format(day=day, extra=extra), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path):
    return make_project(tmp_path / "portal")


def test_an_item_is_published_with_its_photo_data_card_and_listings(root, tmp_path):
    _news(root, "hoi-nghi")  # its folder first
    Image.new("RGB", (800, 600), (30, 90, 160)).save(root / "content/tin-tuc/xa-nam-sach/hoi-nghi.jpg")
    _news(
        root,
        "hoi-nghi",
        extra="anh: hoi-nghi.jpg\nmo_ta_anh: Hội trường UBND xã kín chỗ trong hội nghị tuyên truyền\n"
        "van_ban:\n  - xa-nam-sach/bao-cao-2025\n",
    )
    portal, problems = load(root)
    assert [p for p in problems if "tin-tuc" in p.file] == []
    site = generate(portal, tmp_path / "cache", Settings(site_url="https://ns.gov.vn/", site_name="Cổng"))
    pages = {p.src_uri: p for p in site.pages}
    page = pages["tin-tuc/xa-nam-sach/hoi-nghi.md"]
    assert "**tuyên truyền**" in page.markdown and 'alt="Hội trường UBND xã kín chỗ' in page.markdown
    # Search reads the title and the summary; the body is still Markdown, outside the index.
    html = markdown.markdown(page.markdown, extensions=["md_in_html"])
    body = r'<div class="cchc-news__body" data-pagefind-ignore="index">.*?</div>'
    indexed = re.sub(body, "", html, flags=re.S)
    assert "<strong>tuyên truyền</strong>" in html and "tuyên truyền</strong>" not in indexed
    assert "Hơn 200 cán bộ" in indexed
    assert "[Báo cáo: Kết quả công tác tuyên truyền" in page.markdown  # the related document
    data = json.loads(page.meta["jsonld"])
    assert (data["@type"], data["datePublished"]) == ("NewsArticle", "2026-10-15")
    # News items are searched in an index of their own ("Tin tức" on the search page), by unit only.
    assert "search_type" not in page.meta and page.meta["units"] == ["UBND xã Nam Sách"]
    assert page.meta["card"] == urls.card(page.src_uri)
    for listing in (urls.NEWS_INDEX, urls.news_listing("xa-nam-sach"), urls.news_listing("nam-2026")):
        assert "[Xã Nam Sách tổ chức hội nghị" in pages[listing].markdown, listing
    assert "## Tin tức" in pages["don-vi/xa-nam-sach/index.md"].markdown
    assert "tin-tuc/xa-nam-sach/hoi-nghi/" in str(site.files[urls.feed()])
    assert "tin-tuc/xa-nam-sach/hoi-nghi/" in str(site.files[urls.feed("don-vi/xa-nam-sach/index.md")])
    rows = json.loads(str(site.files[urls.open_data(f"{urls.NEWS_DATA}.json")]))
    assert rows[0]["url"] == "https://ns.gov.vn/tin-tuc/xa-nam-sach/hoi-nghi/"
    assert any(path.endswith(".webp") for path in site.images)


def test_listings_keep_every_page_small(root, tmp_path):
    for n in range(PAGE_SIZE * 2 + 1):
        _news(root, f"tin-{n:02d}", day=f"{1 + n % 28:02d}/{1 + n // 28:02d}/2026")
    portal, _ = load(root)
    pages = {p.src_uri: p for p in generate(portal, tmp_path / "cache").pages}
    first, third = pages[urls.NEWS_INDEX].markdown, pages[urls.news_listing("", 3)].markdown
    assert ("\n" + first).count("\n## ") == PAGE_SIZE and ("\n" + third).count("\n## ") == 1
    assert "Trang: **1** · [2](trang-2.md) · [3](trang-3.md)" in first
    assert [p.date.iso() for p in portal.news] == sorted((p.date.iso() for p in portal.news), reverse=True)


@pytest.mark.parametrize(
    ("day", "extra", "expected"),
    [
        ("", "", ":3: ngay: trường bắt buộc đang để trống"),
        ("10/2026", "", ":3: ngay: không đọc được ngày '10/2026'"),
        (
            "15/10/2026",
            "anh: khong-co.jpg\nmo_ta_anh: Ảnh hội trường trong hội nghị tuyên truyền\n",
            ":6: anh: không tìm thấy",
        ),
        (
            "15/10/2026",
            "thu_tuc:\n  - khai-sinh\n",
            ":7: thu_tuc[1]: không có 'khai-sinh' trong content/thu-tuc/",
        ),
        ("15/10/2026", "don_vi: xa-khac\n", "don_vi"),
    ],
)
def test_each_mistake_is_named_on_its_line(root, day, extra, expected):
    _news(root, "tin", day=day, extra=extra)
    _, problems = load(root)
    found = [str(p) for p in problems if "tin-tuc" in p.file]
    assert any(expected in line for line in found), found


def test_a_title_is_required(root):
    path = _news(root, "tin")
    path.write_text(path.read_text(encoding="utf-8").replace("tieu_de: Xã", "tieu_dee: Xã"), encoding="utf-8")
    found = [str(p) for p in load(root)[1] if "tin-tuc" in p.file]
    assert any(":1: tieu_de: thiếu trường bắt buộc" in line for line in found), found
