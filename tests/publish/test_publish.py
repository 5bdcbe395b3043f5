"""What a static host gets besides pages: robots.txt, sitemap, feeds, structured data, a helpful 404,
security headers whose policy allows only the site's own script files, and a site under a sub-path."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET

from cchc import urls
from cchc.publish import cms_config
from cchc.publish import web_files as publish
from tests.conftest import BIN, build_env

ATOM = "{http://www.w3.org/2005/Atom}"


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_robots_and_sitemap(built_site):
    assert read(built_site, "robots.txt") == (
        "User-agent: *\nAllow: /\nDisallow: /quan-tri/\nSitemap: http://127.0.0.1:8000/sitemap.xml\n"
    )
    sitemap = read(built_site, "sitemap.xml")
    assert "<loc>http://127.0.0.1:8000/thu-tuc/dang-ky-khai-sinh/</loc>" in sitemap
    assert "<lastmod>2026-12-01</lastmod>" in sitemap  # SOURCE_DATE_EPOCH, not the clock


def test_site_and_unit_feeds(built_site):
    feed = ET.fromstring(read(built_site, "feed.xml"))
    entries = feed.findall(f"{ATOM}entry")
    assert 10 <= len(entries) <= publish.FEED_ENTRIES
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href").removeprefix("http://127.0.0.1:8000/")
        assert (built_site / link / "index.html").exists(), link
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.find(f"{ATOM}updated").text)
    unit = ET.fromstring(read(built_site, "don-vi/phuong-phu-lien/feed.xml"))
    titles = [e.find(f"{ATOM}title").text for e in unit.findall(f"{ATOM}entry")]
    assert any(t.startswith("Báo cáo: Tuyên truyền cải cách hành chính") for t in titles)
    assert any(t.startswith("Thủ tục: ") for t in titles)
    assert 'type="application/atom+xml"' in read(built_site, "index.html")


def test_documents_carry_report_or_legislation_json_ld(built_site):
    def data(page):
        [raw] = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', read(built_site, page), re.S
        )
        return json.loads(raw)

    report = data("van-ban/so-khcn/bao-cao-tuyen-truyen-cchc-nam-2025/index.html")
    assert (
        report["@type"] == "Report"
        and report["author"]["name"] == "Sở Khoa học và Công nghệ thành phố Hải Phòng"
    )
    plan = data("van-ban/xa-an-khanh/ke-hoach-tuyen-truyen-cchc-nam-2026/index.html")
    assert plan["@type"] == "Legislation" and plan["legislationType"] == "Kế hoạch"
    assert plan["legislationPassedBy"] == {
        "@type": "GovernmentOrganization",
        "name": "Ủy ban nhân dân xã An Khánh",
        "url": "http://127.0.0.1:8000/don-vi/xa-an-khanh/",
    }


def test_not_found_page_helps(built_site):
    page = read(built_site, "404.html")
    assert "Không tìm thấy trang" in page and 'href="http://127.0.0.1:8000/thu-tuc/"' in page


# Executable inline scripts: <script> without src whose type is not a JSON data block.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
SCRIPT_SOURCE = re.compile(r"<script[^>]*\bsrc=\"([^\"]+)\"", re.I)


def test_policy_depends_on_no_page_and_travels_in_every_page(built_site):
    headers = read(built_site, "_headers")
    policy = re.search(r"Content-Security-Policy: (.*)", headers).group(1)
    assert policy == publish.content_security_policy()
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src == "'self' 'wasm-unsafe-eval'"  # no hash, no 'unsafe-inline': nothing a page can add
    meta = publish.content_security_policy(meta=True).replace("'", "&#39;")
    for page in built_site.rglob("*.html"):
        if page.parent.name == urls.ADMIN:
            continue  # the web form has its own policy (test_the_web_form_has_its_own_policy)
        html = page.read_text(encoding="utf-8")
        assert not INLINE_SCRIPT.search(html), page
        head = html[: html.index("<script")]  # the policy comes before the first script
        assert f'<meta http-equiv="Content-Security-Policy" content="{meta}">' in head, page
        for src in SCRIPT_SOURCE.findall(html):
            # Scripts come only from the theme's and the portal's folders, never from what editors commit.
            assert re.match(r"(?:\.\./)*/?(?:assets/|pagefind/)", src), (page, src)
    for name in (
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy",
        "X-Frame-Options: DENY",
        "Permissions-Policy",
        "frame-ancestors 'none'",
    ):
        assert name in headers
    assert 'add_header Content-Security-Policy "default-src' in read(built_site, "_nginx-headers.conf")


def test_no_page_asks_a_third_party(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(
            r'<(?:script|link|img|source)\b[^>]*?(?:src|href|srcset)="(https?://[^"]+)"', html
        ):
            assert url.startswith("http://127.0.0.1:8000/"), (page, url)


def test_site_under_a_sub_path(project, tmp_path):
    site = tmp_path / "site"
    env = {**build_env(), "SITE_URL": "https://cchc.example.gov.vn/hai-phong/"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    page = read(site, "van-ban/xa-nam-sach/bao-cao-2025/index.html")
    assert (
        '<link rel="canonical" '
        'href="https://cchc.example.gov.vn/hai-phong/van-ban/xa-nam-sach/bao-cao-2025/">'
    ) in page
    assert (
        'content="https://cchc.example.gov.vn/hai-phong/van-ban/xa-nam-sach/bao-cao-2025/the-chia-se.png"'
    ) in page
    assert not re.search(r'(?:href|src)="/(?!/)', page)  # no root-absolute link that would miss the sub-path
    robots = read(site, "robots.txt")
    assert (
        "https://cchc.example.gov.vn/hai-phong/sitemap.xml" in robots
        and "Disallow: /hai-phong/quan-tri/" in robots
    )
    assert (site / "van-ban/xa-nam-sach/bao-cao-2025/the-chia-se.png").exists()


def test_repository_link_asks_no_git_host_api(built_site):
    # Material's source component fetches stars and forks from the git host's API on every page view.
    assert 'data-md-component="source"' not in read(built_site, "index.html")
    assert 'class="md-source"' in read(built_site, "index.html")


def test_the_web_form_has_its_own_policy(built_site):
    """/quan-tri/ runs Decap CMS (eval for its config schema, the repository's API, decap-server): its
    own policy in its page, in `_headers` (swapped for the site's) and for nginx; the rest keeps the
    strict one."""
    page = read(built_site, f"{urls.ADMIN}/index.html")
    admin = "; ".join(cms_config.ADMIN_POLICY)
    assert f'<meta http-equiv="Content-Security-Policy" content="{admin.replace(chr(39), "&#39;")}">' in page
    assert '<script src="decap-cms.js"></script>' in page
    assert (built_site / urls.ADMIN / "decap-cms.js").is_file()
    headers = read(built_site, "_headers")
    assert headers.index("/*\n") < headers.index(f"/{urls.ADMIN}/*\n  ! Content-Security-Policy\n")
    assert f"Content-Security-Policy: {admin}" in headers
    assert "'unsafe-eval'" not in publish.content_security_policy()
    assert admin in read(built_site, "_nginx-admin-headers.conf")
    config = read(built_site, f"{urls.ADMIN}/config.yml")
    assert "local_backend: true" in config and "name: van-ban-xa-nam-sach" in config
    assert "quan-tri" not in read(built_site, "sitemap.xml")


def test_open_data_csv_cannot_carry_a_spreadsheet_formula():
    """Text that a spreadsheet would run (=HYPERLINK, -2+3+cmd|…, @SUM, +1) gets a leading apostrophe in
    the CSV; numbers stay numbers, and the JSON keeps the text as written."""
    from cchc.publish import opendata

    rows = [
        {"note": '=HYPERLINK("http://evil.example","Bấm")', "value": 12},
        {"note": "-2+3+cmd|' /C calc'!A0", "value": -2},
        {"note": "@SUM(1+1)", "value": 1.5},
        {"note": "+84 912", "value": 0},
        {"note": "Bình thường - không đổi", "value": 3},
    ]
    read = list(csv.DictReader(io.StringIO(opendata.csv_text(rows))))
    assert [r["note"] for r in read] == [
        '\'=HYPERLINK("http://evil.example","Bấm")',
        "'-2+3+cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        "'+84 912",
        "Bình thường - không đổi",
    ]
    assert [r["value"] for r in read] == ["12", "-2", "1.5", "0", "3"]
    assert json.loads(opendata.json_text(rows))[0]["note"].startswith("=HYPERLINK")
