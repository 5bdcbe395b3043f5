"""Editors are trusted with words, not with the site: what a hostile editor commits cannot run script,
break out of HTML, reach files outside content/ and docs/, or publish nonsense, and each attempt gets a
file:line message in Vietnamese. (YAML attacks: test_yaml_safety.py; the build's swap: test_atomic_build.py.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cchc.pages import sanitize
from tests.conftest import REPO, UNIT, cchc_check, mkdocs_build
from tests.hostile import HOSTILE, accepted, dangers, write_portal

DOC = "content/van-ban/xa-nam-sach/bao-cao-2025.md"


def _append(project: Path, relative: str, text: str) -> None:
    path = project / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# Raw HTML and links in a body: each is dropped by the allowlist and named on its own line (the body's
# line 18 is the report's last line; these follow on every other line from 20).
BODY_ATTACKS = {
    "<script>alert(1)</script>": "thẻ <script>",
    '<p onclick="alert(1)">Bấm</p>': "thuộc tính onclick của thẻ <p>",
    '<iframe src="https://evil.example/"></iframe>': "thẻ <iframe>",
    "<style>body { display: none }</style>": "thẻ <style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">': "thẻ <meta>",
    '<form action="https://evil.example/"><input name="p"></form>': "thẻ <form>",
    "[Tải về](javascript:alert(1))": "đường dẫn 'javascript:alert(1)'",
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">': (
        "đường dẫn 'data:image/svg+xml;base64,PHN2Zz4='"
    ),
    '<object data="x.swf"></object>': "thẻ <object>",
    '## Đoạn văn { style="color:red" onmouseover="alert(1)" }': "thuộc tính onmouseover của thẻ <h2>",
}


def test_sanitiser_drops_and_names_each_construct():
    for html, what in [
        ("<script>x</script>", "thẻ <script>"),
        ('<a href="vbscript:x">a</a>', "vbscript:x"),
        ('<base href="https://evil.example/">', "thẻ <base>"),
        ('<link rel="stylesheet" href="x.css">', "thẻ <link>"),
        ("<!-- x -->", "chú thích HTML"),
    ]:
        cleaned, removed = sanitize.clean(html)
        assert "script" not in cleaned and "vbscript" not in cleaned and "<base" not in cleaned
        assert any(what in r.what for r in removed), (html, removed)
    # What Markdown makes is kept as it is.
    kept = '<h2 id="a">A</h2><table><tr><td align="left"><a href="../x/">x</a></td></tr></table>'
    assert sanitize.clean(kept) == (
        '<h2 id="a">A</h2><table><tbody><tr><td align="left"><a href="../x/">x</a></td></tr></tbody></table>',
        [],
    )


@pytest.mark.parametrize("piece", ["<a ", "<a x=", "<p title=x <a "])
def test_tags_that_never_close_cannot_stall_the_build(piece):
    """Tags that never close, then a quote that never closes: the report's scan once retried each tag to the
    end of the page (120 KB took two minutes), now it is one pass. Run apart, so that a regression fails on
    the timeout instead of hanging the tests."""
    code = (
        "from cchc.pages import sanitize; "
        f"print(len(sanitize.clean('<div>' + {piece!r} * 30_000 + '\"</div>')[0]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr[-2000:]


def test_body_html_is_reported_on_its_line_and_removed_from_the_site(project, tmp_path):
    _append(project, DOC, "".join(f"\n{attack}\n" for attack in BODY_ATTACKS))
    result = cchc_check(project)
    lines = result.stdout.splitlines()
    for number, (attack, what) in enumerate(BODY_ATTACKS.items()):
        line = 20 + 2 * number
        assert any(f"{DOC}:{line}: nội dung: đã bỏ {what}" in out for out in lines), (attack, result.stdout)
    assert result.returncode == 0  # warnings: the rest of the text is published
    assert cchc_check_strict(project).returncode == 1
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert f"{DOC}:20: nội dung: đã bỏ thẻ <script>" in build.stderr
    assert dangers(tmp_path / "site") == []
    page = (tmp_path / "site/van-ban/xa-nam-sach/bao-cao-2025/index.html").read_text(encoding="utf-8")
    assert "Bấm" in page and "Đoạn văn" in page  # the words stay
    assert mkdocs_build(project, tmp_path / "strict", "--strict").returncode != 0


def cchc_check_strict(project: Path):
    return subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "check", "--strict"],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "field, value, message",
    [
        (
            "email",
            'a"onmouseover=alert(1)@x.vn',
            "email: 'a\"onmouseover=alert(1)@x.vn' không phải địa chỉ thư điện tử",
        ),
        (
            "website",
            "javascript:alert(1)",
            "website: 'javascript:alert(1)' không phải địa chỉ trang web hợp lệ",
        ),
        (
            "website",
            'https://x.vn/"><script>',
            "website: 'https://x.vn/\"><script>' không phải địa chỉ trang web hợp lệ",
        ),
        ("website", "https://x.vn/a)b", "website: 'https://x.vn/a)b' không phải địa chỉ trang web hợp lệ"),
        ("website", "https://x.vn/a b", "website: 'https://x.vn/a b' không phải địa chỉ trang web hợp lệ"),
    ],
)
def test_url_fields_are_strict(project, field, value, message):
    _append_field(
        project, "content/don-vi/xa-nam-sach.md", f"{field}: '{value.replace(chr(39), chr(39) * 2)}'"
    )
    result = cchc_check(project)
    assert result.returncode == 1
    assert f"content/don-vi/xa-nam-sach.md:7: {message}" in result.stdout, result.stdout


def _append_field(project: Path, relative: str, line: str) -> None:
    _replace(project, relative, "don_vi_cap_tren: hai-phong\n", f"don_vi_cap_tren: hai-phong\n{line}\n")


def test_file_links_out_of_the_content_folders_are_refused(project):
    forms = project / "content/thu-tuc/mau"
    forms.mkdir(parents=True)
    (forms / "passwd.pdf").symlink_to("/etc/passwd")
    (forms / "environ.docx").symlink_to("/proc/self/environ")
    (project / "content/don-vi/xa-moi.md").symlink_to(REPO / "content/don-vi/xa-nam-sach.md")
    git = project / ".git"
    git.mkdir()
    (git / "config").write_text("[remote]\n", encoding="utf-8")
    (project / f"{DOC}.pdf").symlink_to(git / "config")
    _replace(project, DOC, "noi_nhan:", "tep_goc:\n  - bao-cao-2025.md.pdf\n  - /etc/passwd.pdf\nnoi_nhan:")
    (project / "docs/bi-mat.md").symlink_to("/etc/hostname")
    (project / "content/van-ban/xa-nam-sach/thu-muc").symlink_to("/etc")
    out = cchc_check(project).stdout
    for expected in [
        "content/thu-tuc/mau/passwd.pdf: tệp 'passwd.pdf' nằm ngoài thư mục nội dung (trỏ tới '/etc/passwd')",
        "content/thu-tuc/mau/environ.docx: tệp 'environ.docx' nằm ngoài thư mục nội dung",
        "content/don-vi/xa-moi.md: tệp 'xa-moi.md' nằm ngoài thư mục nội dung",
        f"{DOC}:13: tep_goc[1]: tệp 'bao-cao-2025.md.pdf' nằm ngoài thư mục nội dung",
        f"{DOC}:14: tep_goc[2]: không tìm thấy tệp '/etc/passwd.pdf'",
        "docs/bi-mat.md: tệp 'bi-mat.md' nằm ngoài thư mục nội dung",
        "content/van-ban/xa-nam-sach/thu-muc: thư mục này là liên kết tượng trưng",
    ]:
        assert expected in out, out


@pytest.mark.parametrize("name", ["/etc/hosts.png", "../../mkdocs.yml.png", "../../../outside.png"])
def test_infographic_image_outside_is_refused(project, name):
    folder = project / "content/infographic"
    folder.mkdir()
    (folder / "a.md").write_text(
        f"---\ntep: {name}\ntieu_de: T\nalt: Năm 2025 xã đã phát nhiều tin bài\ndon_vi: xa-nam-sach\n---\n",
        encoding="utf-8",
    )
    out = cchc_check(project).stdout
    assert "content/infographic/a.md:2: tep: tệp" in out and "nằm ngoài thư mục nội dung" in out, out


def test_scripts_and_pages_in_docs_are_refused(project, tmp_path):
    (project / "docs/x.js").write_text("alert(1)", encoding="utf-8")
    (project / "docs/trang.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (project / "docs/logo.svg").write_text("<svg onload=alert(1)></svg>", encoding="utf-8")
    out = cchc_check(project).stdout
    for name in (
        "docs/x.js: tệp loại '.js' không được đăng",
        "docs/trang.html: tệp loại '.html'",
        "docs/logo.svg: tệp loại '.svg'",
    ):
        assert name in out, out
    assert mkdocs_build(project, tmp_path / "site").returncode != 0
    assert not (tmp_path / "site" / "x.js").exists()


def test_docs_front_matter_cannot_carry_portal_data(project):
    (project / "docs/trang.md").write_text(
        '---\ntitle: A\njsonld: "</script><script>alert(1)</script>"\ntemplate: document.html\n---\n\nChữ.\n',
        encoding="utf-8",
    )
    out = cchc_check(project).stdout
    assert "docs/trang.md:3: jsonld: không có trường này" in out
    assert "docs/trang.md:4: template: mẫu trang 'document.html' không dùng được" in out


def test_extensions_in_any_case_and_empty_slugs(project):
    folder = project / "content/van-ban/xa-nam-sach"
    (folder / "bao-cao-2025.md").rename(folder / "BAO CAO 2024.MD")
    (folder / "---.md").write_text((folder / "BAO CAO 2024.MD").read_text(encoding="utf-8"), encoding="utf-8")
    out = cchc_check(project).stdout
    assert "content/van-ban/xa-nam-sach/---.md:1: tên tệp: tên tệp '---.md' không tạo được đường dẫn" in out
    assert "chưa có văn bản nào" not in out  # the upper-case file was read


@pytest.mark.parametrize(
    "parent, message",
    [
        ("xa-nam-sach", "xa-nam-sach → xa-nam-sach"),
        ("xa-b", "xa-nam-sach → xa-b → xa-nam-sach"),
    ],
)
def test_units_cannot_be_their_own_parent(project, parent, message):
    _replace(
        project, "content/don-vi/xa-nam-sach.md", "don_vi_cap_tren: hai-phong", f"don_vi_cap_tren: {parent}"
    )
    (project / "content/don-vi/xa-b.md").write_text(
        UNIT.format(id="xa-b", name="B").replace("hai-phong", "xa-nam-sach"), encoding="utf-8"
    )
    out = cchc_check(project).stdout
    assert (
        f"content/don-vi/xa-nam-sach.md:6: don_vi_cap_tren: "
        f"đơn vị không thể là cấp trên của chính mình ({message})"
    ) in out, out


@pytest.mark.parametrize(
    "written, message",
    [
        ("10/12/1944", "năm 1944 trước năm 1945"),
        ("10/12/2030", "ngày '10/12/2030' sau ngày dựng trang"),
    ],
)
def test_dates_before_1945_or_far_ahead_are_errors(project, written, message):
    _replace(project, DOC, '"10/12/2025"', f'"{written}"')
    result = cchc_check(project)
    assert result.returncode == 1
    assert f"{DOC}:4: ngay_ban_hanh: {message}" in result.stdout, result.stdout


def test_a_folder_without_units_or_documents_is_not_valid(project):
    for file in (project / "content").rglob("*.md"):
        file.unlink()
    out = cchc_check(project).stdout
    assert "content/don-vi/: chưa có đơn vị nào" in out
    assert "content/van-ban/: chưa có văn bản nào" in out


def test_documents_of_a_unit_with_problems_are_not_called_missing(project):
    _append_field(project, "content/don-vi/xa-nam-sach.md", 'website: "javascript:alert(1)"')
    out = cchc_check(project).stdout
    assert "content/don-vi/xa-nam-sach.md:7: website:" in out, out
    assert "chưa có văn bản nào" not in out, out


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map(" ".join))
@example(" ".join(h for h in HOSTILE if accepted(h)))
@example("\u202eevil \x00")
def test_hostile_text_in_every_field_never_reaches_readers(tmp_path_factory, value):
    root = tmp_path_factory.mktemp("hostile")
    write_portal(root, REPO, value)
    site = root / "site"
    result = mkdocs_build(root, site)
    assert "Traceback" not in result.stderr
    if not accepted(value):
        assert result.returncode != 0 and "ký tự điều khiển" in result.stderr, result.stderr[-2000:]
        assert not site.exists()
        return
    assert result.returncode == 0, result.stderr[-3000:]
    assert dangers(site) == []
    # Every field was published, as text.
    assert "Kết quả" in (site / "van-ban/xa-a/bao-cao/index.html").read_text(encoding="utf-8")
    # … the figures' dashboard too: the catalogue's names in its table and chart, as text.
    dashboard = (site / "tong-hop/so-lieu/ca-nam-2025/index.html").read_text(encoding="utf-8")
    assert "Tin bài" in dashboard and dashboard.count('role="img"') == 1
    # … the unit's profile: its chart, sections and reception sheet.
    unit = (site / "don-vi/xa-a/index.html").read_text(encoding="utf-8")
    assert (
        'class="cchc-org"' in unit and "Lịch sử" in unit and "Nguồn thông tin" in unit and "Hỏi đáp" in unit
    )
    assert "Chủ tịch" in (site / "don-vi/xa-a/lich-tiep-cong-dan/index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (site / "en/xa-a/index.html").read_text(encoding="utf-8")[:200]
    assert "Hỏi đáp" in (site / "thu-tuc/thu-tuc-a/index.html").read_text(encoding="utf-8")
    assert "Tin " in (site / "tin-tuc/xa-a/tin/index.html").read_text(encoding="utf-8")
    journey = (site / "hanh-trinh/a/index.html").read_text(encoding="utf-8")
    assert "Bước 2:" in journey and "Căn cứ pháp lý" in journey
    assert "Bước 1 trong 2 của" in (site / "thu-tuc/thu-tuc-a/index.html").read_text(encoding="utf-8")


# Roads from an editor's input to what the theme prints outside the page body: a heading's id (the side
# table of contents and the skip link), a heading's table-of-contents label, a content file's name (the
# edit link). Each reached the page raw once.
THEME_ROADS = (
    "\n## Mục A {: id='x\"><meta http-equiv=refresh content=0;url=//evil.example>' }\n"
    '\n## Mục B {: data-toc-label="&lt;img src=x onerror=alert(1)&gt;" }\n'
)
HOSTILE_NAME = 'x"><meta http-equiv=refresh content=0;url=evil.example>.md'


def test_heading_ids_labels_and_file_names_reach_the_theme_as_text(project, tmp_path):
    _append(project, DOC, THEME_ROADS)
    folder = project / "content/van-ban/xa-nam-sach"
    (folder / HOSTILE_NAME).write_text(
        (folder / "bao-cao-2025.md").read_text(encoding="utf-8").replace("25/BC-UBND", "26/BC-UBND"),
        encoding="utf-8",
    )
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    assert dangers(site) == []
    page = (site / "van-ban/xa-nam-sach/bao-cao-2025/index.html").read_text(encoding="utf-8")
    # The heading's id is the same in the page and in its table of contents, which still leads to it.
    assert 'id="x-meta-http-equiv-refresh-content-0-url-evil-example"' in page
    assert 'href="#x-meta-http-equiv-refresh-content-0-url-evil-example"' in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    named = next(p for p in (site / "van-ban/xa-nam-sach").iterdir() if p.name.startswith("x-meta"))
    edit = (named / "index.html").read_text(encoding="utf-8")
    assert "x%22%3E%3Cmeta%20http-equiv%3Drefresh" in edit


def test_names_in_docs_that_would_reach_addresses_raw_are_refused(project):
    (project / 'docs/a"><b>.md').write_text("Chữ.\n", encoding="utf-8")
    (project / "docs/Ảnh tháng 1.png").write_bytes(b"")
    out = cchc_check(project).stdout
    assert "docs/a\"><b>.md:1: tên tệp: tên 'a\"><b>.md' có dấu, dấu cách hoặc ký tự đặc biệt" in out, out
    assert "hãy đổi thành 'docs/a-b.md'" in out and "hãy đổi thành 'docs/anh-thang-1.png'" in out, out


def test_an_editor_cannot_steer_search_results():
    """Pagefind reads data-pagefind-* attributes: an editor's could rewrite the page's result (meta), outrank
    every other page (weight), filter or index the wrong part. Only leaving a block out of the index stays."""
    html = (
        '<p data-pagefind-meta="title:Trang giả">a</p><span data-pagefind-weight="10">b</span>'
        '<div data-pagefind-filter="Loại:Giả">c</div><div data-pagefind-body>d</div>'
        '<p data-pagefind-index-attrs="title" title="x">e</p><div data-pagefind-ignore="all">f</div>'
    )
    cleaned, removed = sanitize.clean(html)
    assert "data-pagefind-meta" not in cleaned and "data-pagefind-weight" not in cleaned
    assert "data-pagefind-filter" not in cleaned and "data-pagefind-body" not in cleaned
    assert "data-pagefind-index-attrs" not in cleaned and '<div data-pagefind-ignore="all">f</div>' in cleaned
    named = " ".join(r.what for r in removed)
    for attribute in ("meta", "weight", "filter", "body", "index-attrs"):
        assert f"thuộc tính data-pagefind-{attribute}" in named, named


def test_each_removal_is_named_by_its_own_value_on_its_own_line():
    """Several removals of one kind: each warning names its own address and the line that wrote it."""
    body = (
        'Mở đầu.\n\n[một](javascript:alert(1))\n\n<p onclick="a()">hai</p>\n\n'
        '[ba](vbscript:msgbox(2))\n\n<p onclick="b()">bốn</p>\n\n[năm](javascript:alert(1))\n'
    )
    html = markdown.markdown(body)
    found = sanitize.problems("a.md", body, sanitize.clean(html)[1], first_line=10)
    said = sorted((p.line, p.message.split(" khỏi trang")[0]) for p in found)
    assert said == [
        (12, "đã bỏ đường dẫn 'javascript:alert(1)' (thuộc tính href của thẻ <a>)"),
        (14, "đã bỏ thuộc tính onclick của thẻ <p>"),
        (16, "đã bỏ đường dẫn 'vbscript:msgbox(2)' (thuộc tính href của thẻ <a>)"),
        (18, "đã bỏ thuộc tính onclick của thẻ <p>"),
        (20, "đã bỏ đường dẫn 'javascript:alert(1)' (thuộc tính href của thẻ <a>)"),
    ], said


# A page's first lines as MkDocs reads them without '---': settings no schema checked (a template that
# redirects, an author printed raw in <head>).
MULTIMARKDOWN = (
    'author: x"><meta http-equiv="refresh" content="0;url=https://evil.example"><script>alert(1)</script>\n'
    "template: redirect.html\n"
    'location: "];alert(document.domain);//\n\nChữ.\n'
)


def test_a_hand_written_page_sets_only_what_a_page_of_words_needs(project, tmp_path):
    (project / "docs/thong-bao.md").write_text(MULTIMARKDOWN, encoding="utf-8")
    check = cchc_check(project)
    assert check.returncode == 1
    assert "docs/thong-bao.md:1: author: dòng đầu 'author: …' được đọc là thông tin trang" in check.stdout
    # Whatever MkDocs reads, the build hands the theme only the schema's fields.
    from cchc.portal_build import PortalBuild
    from cchc.settings import read_config
    from tests.site.test_portal_build import BUILT, LOG

    (project / "docs/thong-bao.md").unlink()
    build = PortalBuild.start(project, project / "docs", read_config(project), BUILT, LOG)
    read = {"author": "x", "template": "redirect.html", "location": "y", "title": "T", "hide": ["toc"]}
    assert build.page_meta("thong-bao.md", read) == {"title": "T", "hide": ["toc"]}


def test_a_heading_cannot_leave_the_title(project, tmp_path):
    """Material prints a page's title through `striptags`, which turned the escaped heading back into
    markup: a redirect in <title> on every host."""
    (project / "docs/tin.md").write_text(
        '# Tin &lt;/title&gt;&lt;meta http-equiv="refresh" content="0;url=https://evil.example"&gt;\n\nChữ.\n',
        encoding="utf-8",
    )
    assert cchc_check(project).returncode == 0
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = (site / "tin/index.html").read_text(encoding="utf-8")
    assert dangers(site) == [] and "<title>Tin &lt;/title&gt;&lt;meta" in page
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<title>")
