"""The templates escape by construction: every value in a Markdown template is literal text, every value in
an HTML or XML template is escaped by the engine; only Markup passes as it is."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import markdown
import pytest
from jinja2 import DictLoader, Environment
from markupsafe import Markup

from cchc.content.load import load
from cchc.pages import field_reference, render
from cchc.pages.markdown import escape
from cchc.publish import web_files
from tests.conftest import REPO
from tests.hostile import HOSTILE

MARKDOWN_TRAPS = [
    "[x](javascript:alert(1))",
    "*em* _em_ `code`",
    "# heading",
    "| a | b |",
    "{ onclick=x }",
    "<b>bold</b>",
    "![i](x.png)",
    "a\n\n- list",
    "&amp;",
    "\\*",
]


def _markdown_template(source: str):
    template = render.ENVIRONMENT.from_string(source)
    template.name = "x.md"  # what the finalizer reads to choose Markdown escaping
    return template


@pytest.mark.parametrize("value", MARKDOWN_TRAPS + HOSTILE)
def test_a_value_in_a_markdown_template_is_literal_text(value):
    html = markdown.markdown(_markdown_template("- {{ v }}\n").render(v=value), extensions=["attr_list"])
    assert html.startswith("<ul>\n<li>") and html.count("<li>") == 1
    assert not [tag for tag in ("<a ", "<em>", "<code>", "<b>", "<script", "<h1", "<img") if tag in html]


BLOCK_STARTS = ["- x", "+ x", "* x", "1. x", "1986. năm", "# x", "> x", "===", "---", "***", " - x", "=x"]


@pytest.mark.parametrize("value", BLOCK_STARTS + MARKDOWN_TRAPS + HOSTILE)
def test_a_value_at_the_start_of_a_line_starts_no_block(value):
    """A value that opens a line, alone or after a line of text, stays that line's text: no list, heading,
    quote, rule or underline (a setext heading) can start from it."""
    for source in ("{{ v }}\n", "Tiêu đề\n{{ v }}\n"):
        html = markdown.markdown(
            _markdown_template(source).render(v=value), extensions=["attr_list", "tables"]
        )
        assert html.startswith("<p>") and html.count("<p>") == 1, (value, html)
        for tag in ("<ul", "<ol", "<h1", "<h2", "<blockquote", "<hr", "<table", "<a ", "<script"):
            assert tag not in html, (value, html)


def test_markdown_templates_escape_values_and_keep_markup():
    template = _markdown_template("{{ plain }}|{{ safe }}|{{ link(label, 'thu-tuc/b.md') }}")
    links = render.Links("thu-tuc/a.md")
    out = template.render(plain="*a* [b](c)", safe=Markup("*kept*"), label="[x]", link=links.link)
    assert out == r"\*a\* \[b\](c)|*kept*|[\[x\]](b.md)"


def test_html_templates_escape_as_html():
    out = render.fill("poster_qr.html", qr=Markup("<svg></svg>"), url='"><script>alert(1)</script> *a*')
    assert "<svg></svg>" in out and "<script>" not in out and "&lt;script&gt;" in out and "*a*" in out
    assert '"><' not in out


def test_escape_keeps_text_that_needs_nothing_and_folds_whitespace():
    assert escape("Đăng ký khai sinh") == "Đăng ký khai sinh"
    assert escape(" a \n b\u00a0c ") == "a b c"
    assert escape("a*b_c") == r"a\*b\_c" and escape("x<y&z") == "x&lt;y&amp;z"


def test_only_web_mail_and_phone_addresses_are_urls():
    assert render.checked_url("https://a.gov.vn/x y(1)") == "https://a.gov.vn/x%20y%281%29"
    assert render.checked_url("mailto:a_b@x.vn") == "mailto:a_b@x.vn"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "vbscript:x"):
        with pytest.raises(ValueError):
            render.checked_url(bad)


def test_feed_is_xml_whatever_the_titles_hold():
    portal, _ = load(REPO)
    hostile = "]]></title><entry>&amp; <script>'\""
    feeds = web_files.feeds(
        portal, hostile, "https://cchc.example.gov.vn/", datetime(2026, 12, 1, tzinfo=UTC)
    )
    for text in feeds.values():
        root = ET.fromstring(text.encode())
        title = root.find("{http://www.w3.org/2005/Atom}title").text
        assert title.endswith(hostile)
    entries = ET.fromstring(feeds["feed.xml"].encode()).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(portal.documents) + len(portal.procedures)


def test_robots_names_the_sitemap_and_the_web_form_under_the_sites_sub_folder():
    assert web_files.robots("https://a.gov.vn/cchc") == (
        "User-agent: *\nAllow: /\nDisallow: /cchc/quan-tri/\nSitemap: https://a.gov.vn/cchc/sitemap.xml\n"
    )
    assert "Disallow: /quan-tri/\n" in web_files.robots("https://a.gov.vn/")


def test_field_reference_lists_every_field_of_every_schema():
    from cchc.content import documents, news, procedures, units

    table = field_reference.field_reference()
    schemas = (documents.SCHEMA, units.SCHEMA, news.SCHEMA, procedures.SCHEMA, procedures.FORM_SCHEMA)
    for schema in schemas:
        for spec in schema:
            assert f"| `{spec.name}` |" in table
            for child in spec.fields:
                assert f"| `{spec.name}.{child.name}` |" in table
    html = markdown.markdown(table, extensions=["tables"])
    assert html.count("<table>") == len(schemas)


def test_every_template_is_used():
    used = set()
    for path in (REPO / "src/cchc").rglob("*.py"):
        used.update(name for name in render.ENVIRONMENT.list_templates() if f'"{name}"' in path.read_text())
    for path in Path(render.__file__).parent.joinpath("templates").iterdir():
        used.update(name for name in render.ENVIRONMENT.list_templates() if f'"{name}"' in path.read_text())
    assert used == set(render.ENVIRONMENT.list_templates())


def test_markdown_templates_call_no_macros():
    """A macro's output reaches a Markdown template as plain text, which the finalizer would escape."""
    folder = Path(render.__file__).parent / "templates"
    for template in folder.glob("*.md"):
        source = template.read_text(encoding="utf-8")
        assert "{% macro" not in source and "import" not in source, template.name


def test_compiled_templates_are_kept_and_a_removed_folder_only_costs_a_compile(tmp_path):
    folder = tmp_path / "compiled"
    first = Environment(loader=DictLoader({"a": "{{ 1 + 1 }}"}), bytecode_cache=render.compiled_in(folder))
    assert first.get_template("a").render() == "2" and len(list(folder.iterdir())) == 1
    # The same name with another source is compiled again: the cache checks each template's source.
    changed = DictLoader({"a": "{{ 2 + 2 }}", "b": "x{{ 2 }}"})
    second = Environment(loader=changed, bytecode_cache=render.compiled_in(folder))
    assert second.get_template("a").render() == "4"
    shutil.rmtree(folder)  # removed while a build goes on (mkdocs serve)
    assert second.get_template("b").render() == "x2"
