"""Settings read once from mkdocs.yml: typed, checked, and the hotline and feedback address shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from cchc.settings import DEFAULT_URL, Hotline, SettingsError, from_config
from tests.conftest import cchc_check


def test_settings_from_mkdocs_config():
    built = datetime(2026, 12, 1, tzinfo=UTC)
    settings = from_config(
        {
            "site_url": "https://cchc.example.gov.vn/",
            "site_name": "Cổng CCHC",
            "extra": {
                "hotline": {"name": "Tổng đài", "phone": "1800 1096"},
                "feedback_url": "https://dichvucong.gov.vn",
            },
        },
        built,
    )
    assert settings.site_url == "https://cchc.example.gov.vn/" and settings.site_name == "Cổng CCHC"
    assert settings.built == built
    assert settings.hotline == Hotline("Tổng đài", "1800 1096") and settings.hotline.dial == "18001096"
    assert settings.feedback_url == "https://dichvucong.gov.vn"
    bare = from_config({})
    assert (bare.site_url, bare.hotline, bare.feedback_url) == (DEFAULT_URL, None, "")


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            {"hotline": {"name": "Tổng đài", "phone": "javascript:alert(1)"}},
            "extra.hotline: cần tên (name) và số",
        ),
        ({"hotline": "1800 1096"}, "extra.hotline:"),
        (
            {"feedback_url": "javascript:alert(1)"},
            "extra.feedback_url: 'javascript:alert(1)' không phải địa chỉ",
        ),
        ({"feedback_url": 'https://a.vn/" onclick="x'}, "extra.feedback_url:"),
    ],
)
def test_bad_settings_are_named(extra, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        from_config({"extra": extra})


def test_pages_in_their_own_folders_are_required():
    """cchc.urls addresses every page as a folder; a site built with file URLs would break every link."""
    with pytest.raises(SettingsError, match="use_directory_urls: cổng cần giá trị true"):
        from_config({"use_directory_urls": False})
    assert from_config({"use_directory_urls": True}).site_url == DEFAULT_URL


def test_cchc_check_names_a_bad_setting(project):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "feedback_url: https://dichvucong.gov.vn", "feedback_url: ftp://x"
        ),
        encoding="utf-8",
    )
    result = cchc_check(project)
    assert result.returncode == 1
    assert "mkdocs.yml: extra.feedback_url: 'ftp://x' không phải địa chỉ trang web hợp lệ" in result.stdout


def test_every_page_shows_the_hotline_and_where_to_send_feedback(built_site):
    for page in ("index.html", "thu-tuc/dang-ky-khai-sinh/index.html", "van-ban/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert '<a href="tel:18001096">1800 1096</a>' in html
        assert '<a href="https://dichvucong.gov.vn">Gửi phản ánh, kiến nghị</a>' in html
        assert "Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia:" in html
