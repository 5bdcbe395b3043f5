"""Drafts for comment (dự thảo lấy ý kiến): a document with a deadline (han_gop_y) and a channel (gop_y, or
its unit's e-mail) is listed on /du-thao/, open until the deadline against the build's date, closed after;
its page says so and links to the channel. Mistakes get their line."""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import unquote

import pytest

from cchc import urls
from cchc.content.load import load
from cchc.pages import document_pages
from cchc.site import generate
from tests.conftest import make_project

DOC = "content/van-ban/xa-nam-sach/bao-cao-2025.md"
UNIT = "content/don-vi/xa-nam-sach.md"


def _draft(root: Path, lines: str) -> None:
    path = root / DOC
    text = path.read_text(encoding="utf-8").replace("loai: Báo cáo", "loai: Kế hoạch")
    path.write_text(text.replace("noi_nhan:", f"{lines}noi_nhan:"), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load(root)[1] if p.file == DOC]


@pytest.fixture
def root(tmp_path):
    return make_project(tmp_path / "portal")


def test_a_draft_is_open_until_its_deadline_then_closed(root, tmp_path):
    _draft(root, 'han_gop_y: "31/12/2025"\ngop_y: gopy@namsach.gov.vn\n')
    portal, problems = load(root)
    assert [p for p in problems if p.file == DOC] == []
    document = portal.documents[0]
    unit = portal.units["xa-nam-sach"]
    for today, state in ((datetime.date(2025, 12, 31), True), (datetime.date(2026, 1, 1), False)):
        assert document_pages.draft(document, unit, today)["open"] is state
        listing = document_pages.drafts_page(portal, today).markdown
        assert ("đang lấy ý kiến đến hết **ngày 31 tháng 12 năm 2025**" in listing) is state
        assert ("đã hết hạn góp ý ngày 31 tháng 12 năm 2025" in listing) is not state
    href = document_pages.comment_href(document, unit)
    assert href.startswith("mailto:gopy@namsach.gov.vn?subject=")
    assert unquote(href).endswith(
        "Góp ý dự thảo: Kế hoạch Kết quả công tác tuyên truyền cải cách hành chính năm 2025"
    )


def test_the_site_lists_drafts_and_the_page_links_to_the_channel(root, tmp_path):
    _draft(root, 'han_gop_y: "31/12/2026"\ngop_y: https://dichvucong.haiphong.gov.vn/gop-y\n')
    portal, _ = load(root)
    site = generate(portal, tmp_path / "cache")
    pages = {p.src_uri: p for p in site.pages}
    assert "Kết quả công tác tuyên truyền" in pages[urls.DRAFTS].markdown
    state = pages["van-ban/xa-nam-sach/bao-cao-2025.md"].theme["cchc_draft"]
    assert state["href"] == "https://dichvucong.haiphong.gov.vn/gop-y"


def test_without_a_channel_the_units_email_takes_comments(root):
    unit = root / UNIT
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("cap: xã", "cap: xã\nemail: ubnd@namsach.gov.vn")
    )
    _draft(root, 'han_gop_y: "31/12/2026"\n')
    portal, _ = load(root)
    href = document_pages.comment_href(portal.documents[0], portal.units["xa-nam-sach"])
    assert href.startswith("mailto:ubnd@namsach.gov.vn?")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            'han_gop_y: "01/12/2025"\ngop_y: a@b.gov.vn\n',
            "han_gop_y: hạn góp ý 01/12/2025 trước ngày của dự thảo 10/12/2025",
        ),
        ('han_gop_y: "2026"\ngop_y: a@b.gov.vn\n', "han_gop_y: hạn góp ý cần đủ ngày, tháng, năm"),
        (
            'han_gop_y: "31/12/2025"\ngop_y: javascript:alert(1)\n',
            "gop_y: 'javascript:alert(1)' không phải địa chỉ",
        ),
        ("gop_y: a@b.gov.vn\n", "gop_y: nơi nhận góp ý chỉ dùng cho dự thảo; cần thêm han_gop_y"),
        ('han_gop_y: "31/12/2025"\n', "gop_y: dự thảo chưa có nơi nhận góp ý"),
    ],
)
def test_each_mistake_is_named_on_its_line(root, lines, expected):
    _draft(root, lines)
    found = _problems(root)
    assert any(f"{DOC}:" in line and expected in line for line in found), found
