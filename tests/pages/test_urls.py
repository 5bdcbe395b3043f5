"""Every source path and address comes from cchc.urls: the content items and the paths agree."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

from cchc import navigation, urls
from cchc.settings import read_config
from tests.conftest import REPO


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


# A path of the built site written out: a portal folder followed by '/', or a file the portal writes.
_SITE_PATH = re.compile(
    r"(?<![\w/-])/?(?:van-ban|don-vi|tong-hop|tham-chieu|thu-tuc|infographic|du-lieu|quan-tri|pagefind|"
    r"kiem-tra-trich-dan|tim-kiem|lien-he|so-lieu|anh|assets)/"
    r"|(?<![\w-])(?:feed\.xml|lich-bao-cao\.ics|the-chia-se\.png|sitemap\.xml|robots\.txt|index\.md|index\.html"
    r"|_headers|_nginx[\w-]*\.conf)\b"
)
_TEMPLATE_CALLS = {"fill", "page"}  # render.fill("robots.txt", …): a template's name, not a path


def _python_literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a module, but docstrings and templates' names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in _TEMPLATE_CALLS and node.args:
            skipped.add(id(node.args[0]))
    literals = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
    ]
    # A folder joined to a path (site_dir / "pagefind"): read as the folder it names.
    return literals + [
        (node.lineno, f"{node.right.value}/")
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Div)
        and isinstance(node.right, ast.Constant)
        and isinstance(node.right.value, str)
    ]


def _site_paths(text: str) -> list[str]:
    """Paths of the built site in `text`; where content files lie ('content/van-ban/') is not one."""
    return [m.group() for m in _SITE_PATH.finditer(text) if not text[: m.start()].endswith("content/")]


def test_paths_are_decided_in_urls_only():
    """Every path of the built site comes from cchc.urls: Python, the page templates and the theme's
    overrides (which get it as `cchc_urls`) write none out."""
    found = []
    modules = [*(REPO / "src/cchc").rglob("*.py"), *(REPO / "hooks").glob("*.py")]
    for module in modules:
        if module.name != "urls.py":
            found += [f"{module}:{n}: {p}" for n, text in _python_literals(module) for p in _site_paths(text)]
    templates = [*(REPO / "src/cchc/pages/templates").iterdir(), *(REPO / "overrides").rglob("*.html")]
    for template in templates:
        for n, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("{#"):  # a comment may name a page
                found += [f"{template}:{n}: {p}" for p in _site_paths(line)]
    assert not found, "\n".join(found)


def test_the_nav_is_written_once():
    """mkdocs.yml names no page: the navigation is cchc.navigation's, and NAV_PAGES is what it lists."""
    assert "nav" not in read_config(REPO)
    assert set(urls.LISTINGS) >= navigation.NAV_PAGES
    listed = json.dumps(navigation.mkdocs_nav(), ensure_ascii=False)
    assert all(f'"{uri}"' in listed for uri in navigation.NAV_PAGES)
