"""Every page and file of the built site has one place: what an editor names like a page or file the portal
makes is refused with a message (file, line, what to do), never lost silently, never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import cchc_check, mkdocs_build
from tests.pages.test_procedures import FORM, PROCEDURE

# Hand-written files in docs/ that would land where the portal writes.
DOCS = {
    "_headers.md": "/_headers/",
    "robots.txt.md": "/robots.txt/",
    "sitemap.xml.md": "/sitemap.xml/",
    "feed.xml.md": "/feed.xml/",
    "robots.txt": "/robots.txt",
    "quan-tri/index.md": "/quan-tri/",
    "van-ban/index.md": "/van-ban/",
    "kiem-tra-trich-dan.md": "/kiem-tra-trich-dan/",
    "thu-tuc/a-z.md": "/thu-tuc/a-z/",
}


def test_a_hand_written_file_where_the_portal_writes_is_refused(project, tmp_path):
    for name in DOCS:
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text("Chữ.\n", encoding="utf-8")
    out = cchc_check(project).stdout
    for name, shown in DOCS.items():
        assert f"docs/{name}:1: tên tệp: tệp này sẽ nằm ở {shown}, nơi cổng tự tạo" in out, (name, out)
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode != 0 and "Traceback" not in build.stderr and not site.exists()
    assert "docs/feed.xml.md:1: tên tệp:" in build.stderr


@pytest.mark.parametrize(
    "relative, text, message",
    [
        ("content/thu-tuc/a-z.md", PROCEDURE, "trùng đường dẫn /thu-tuc/a-z/ với trang danh sách của cổng"),
        ("content/thu-tuc/index.md", PROCEDURE, "trùng đường dẫn /thu-tuc/ với trang danh sách của cổng"),
        ("content/thu-tuc/theo-cap.md", PROCEDURE, "trùng đường dẫn /thu-tuc/theo-cap/ với trang danh sách"),
        ("content/thu-tuc/mau/To Khai Khai Sinh.md", FORM, "trùng đường dẫn /thu-tuc/mau/to-khai-khai-sinh/"),
    ],
)
def test_content_named_like_a_listing_or_another_file_is_refused(project, relative, text, message):
    forms = project / "content/thu-tuc/mau"
    forms.mkdir(parents=True)
    (forms / "to-khai-khai-sinh.md").write_text(FORM, encoding="utf-8")
    (project / "content/thu-tuc/dang-ky-khai-sinh.md").write_text(PROCEDURE, encoding="utf-8")
    (project / relative).write_text(text, encoding="utf-8")
    result = cchc_check(project)
    assert result.returncode == 1
    # Two forms of one slug: the one read second is refused, naming the other.
    assert f"tên tệp: {message}" in result.stdout and relative in result.stdout, result.stdout


def test_an_infographic_named_like_the_gallery_is_refused(project):
    from tests.conftest import REPO

    folder = project / "content/infographic"
    folder.mkdir()
    (folder / "index.png").write_bytes(
        (REPO / "content/infographic/phu-lien-tuyen-truyen-6-thang-dau-2026.png").read_bytes()
    )
    (folder / "index.md").write_text(
        "---\ntep: index.png\ntieu_de: T\nalt: Năm 2025 xã đã phát nhiều tin bài\ndon_vi: xa-nam-sach\n---\n",
        encoding="utf-8",
    )
    out = cchc_check(project).stdout
    assert "content/infographic/index.md:1: tên tệp: trùng đường dẫn /infographic/ với trang danh sách" in out


def test_two_hand_written_pages_at_one_address_are_named_by_the_check(project):
    """`tin.md` and `tin/index.md` both become /tin/: the build refused them, and now the check does too, so a
    pull request does not pass CI to fail at the deploy."""
    (project / "docs/tin").mkdir()
    (project / "docs/tin.md").write_text("Chữ.\n", encoding="utf-8")
    (project / "docs/tin/index.md").write_text("Chữ.\n", encoding="utf-8")
    check = cchc_check(project)
    assert check.returncode == 1
    assert "docs/tin/index.md:1: tên tệp: tệp này và docs/tin.md cùng thành /tin/" in check.stdout, (
        check.stdout
    )
