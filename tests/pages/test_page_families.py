"""Each page family's view function on the real content, without MkDocs: what page it makes, where,
with which template, and that editors' text stays text."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from datetime import date
from html import escape as html_escape
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup

from cchc import urls
from cchc.content.load import load
from cchc.pages import document_pages, infographic_pages, poster_fit, procedure_pages, reference_pages
from cchc.pages.markdown import escape
from cchc.pages.related import Related
from cchc.publish import cards
from cchc.publish.images import render as render_image
from cchc.refs.index import index_references
from tests.conftest import REPO

SITE = "https://cchc.example.gov.vn/"


@pytest.fixture(scope="module")
def portal():
    portal, problems = load(REPO)
    assert not [p for p in problems if p.severity.name == "ERROR"]
    return portal


def procedure(portal, slug):
    return next(p for p in portal.procedures if p.slug == slug)


def test_procedure_guide(portal):
    item = procedure(portal, "dang-ky-khai-sinh")
    page = procedure_pages.procedure_page(item, portal, SITE, ["Luật Hộ tịch"], Markup())
    assert page.src_uri == urls.procedure("dang-ky-khai-sinh") and page.edit_path == item.path
    headings = [line for line in page.markdown.splitlines() if line.startswith("## ")]
    assert headings[:4] == [
        "## Giấy tờ cần mang",
        "## Các bước thực hiện",
        "## Cách nộp, thời hạn và lệ phí",
        "## Thông tin khác",
    ]
    assert "(in.md)" in page.markdown or "dang-ky-khai-sinh/in.md" in page.markdown
    assert page.meta["template"] == "article.html"
    data = json.loads(page.meta["jsonld"])
    assert data["@type"] == "GovernmentService" and data["url"] == SITE + "thu-tuc/dang-ky-khai-sinh/"


def test_poster_records_its_layout(portal):
    item = procedure(portal, "dang-ky-khai-sinh-ket-hop-nhan-cha-me-con")
    page = procedure_pages.poster_page(item, SITE, "Cổng CCHC")
    assert page.src_uri == urls.poster(item.slug)
    assert page.meta["template"] == "poster.html"
    assert page.meta["poster"]["density"] in {d.name for d in poster_fit.DENSITIES}
    assert page.meta["poster"]["free_mm"] >= poster_fit.MARGIN_MM
    assert "<svg" in page.markdown and SITE + "thu-tuc/" + item.slug + "/" in page.markdown


def test_document_page_and_unit_page(portal):
    document = portal.documents[0]
    unit = portal.units[document.unit_id]
    page = document_pages.document_page(document, unit, document.body, SITE, [], Markup())
    assert page.title == f"{document.kind.name} {document.title}"
    assert page.meta["template"] == "document.html" and page.meta["units"] == [unit.short_name]
    assert page.markdown.strip() == document.body.strip()  # published as issued
    assert page.theme["cchc_document"] is document and page.theme["cchc_unit"] is unit
    assert json.loads(page.meta["jsonld"])["url"] == SITE + urls.site_path(document.src_uri)
    hostile = dataclasses.replace(unit, name="[x](javascript:alert(1)) <b>", address="| a | b |")
    markdown = document_pages.unit_page(hostile, [document], [], portal).markdown
    assert "[x](javascript" not in markdown and "<b>" not in markdown and "&lt;b&gt;" in markdown
    assert "\\| a \\| b \\|" in markdown


def test_listings_name_only_what_they_list(portal):
    pages = {p.src_uri: p for p in document_pages.listing_pages(portal, [], date(2026, 12, 1), [])}
    assert {urls.DOCUMENTS_INDEX, urls.UNITS_INDEX, urls.CONSOLIDATED} <= set(pages)
    index = pages[urls.UNITS_INDEX].markdown
    assert all(unit.name in index for unit in portal.units.values())
    assert pages[urls.DOCUMENTS_INDEX].edit_path is None  # listings stay out of search


def test_reference_library(portal):
    index = index_references(portal)
    library = reference_pages.library_page(index)
    assert library.src_uri == urls.LIBRARY
    cited = [c for c in index.documents.values() if c.own is None]
    assert cited and all(urls.site_path(c.src_uri).startswith("tham-chieu/") for c in cited)
    by_path = {p.path: p for p in [*portal.documents, *portal.procedures]}
    pages = reference_pages.all_pages(index, portal.units, by_path, "https://cong.example.vn/")
    assert {urls.LIBRARY, urls.CHECKS} | {c.src_uri for c in cited} <= {p.src_uri for p in pages}


def test_key_facts_read_the_same_on_guide_poster_and_card(portal):
    item = procedure(portal, "chung-thuc-chu-ky")
    facts = procedure_pages.key_facts(item)
    guide = procedure_pages.procedure_page(item, portal, SITE, [], Markup()).markdown
    poster = procedure_pages.poster_page(item, SITE, "Cổng CCHC").markdown
    card = cards.for_procedure(item, "Cổng CCHC")
    for fact in facts:
        assert f"**{fact.label}:** {escape(fact.value)}" in guide
        assert f"**{fact.label}:** {escape(fact.value)}" in poster
    assert list(card.facts) == [fact.line() for fact in facts if fact.key != "place"]
    assert card.unit == item.authority


def test_infographic_page_gallery_and_figures(portal, tmp_path):
    item = portal.infographics[0]
    rendition, _ = render_image(Path(item.image), tmp_path)
    renditions = {item.slug: rendition}
    page = infographic_pages.infographic_page(item, rendition, portal, Related(portal))
    assert page.src_uri == item.src_uri and page.edit_path == item.path
    html = markdown.markdown(page.markdown)
    assert 'loading="eager"' in html and f'alt="{html_escape(item.alt)}"' in html
    assert f'src="../../{urls.IMAGES}/{rendition.variants[-1].name}"' in html
    gallery = infographic_pages.gallery_page(portal, renditions).markdown
    assert gallery.count(f'href="../{urls.site_path(item.src_uri)}"') == 1 + len(item.tags)
    related = next(iter(infographic_pages.related(portal)))
    figures = infographic_pages.figures([item], renditions, related)
    assert figures.startswith('<figure class="cchc-figure"><a href="') and 'loading="lazy"' in figures
    assert urls.href(item.src_uri, related) in figures
    assert infographic_pages.figures([], renditions, related) == ""
    hostile = dataclasses.replace(item, alt='" onerror="alert(1)', title="<script>x</script>")
    figures = infographic_pages.figures([hostile], renditions, related)
    assert 'onerror="alert' not in figures and "<script>" not in figures


def test_a_to_z_files_toned_names_under_one_letter(portal):
    """'An…, Ảnh…, Ao…, Áp…' sit under one heading A, in dictionary order, not under A, Ả, A, Á."""
    names = ["Áp dụng chế độ", "An toàn thực phẩm", "Ảnh hồ sơ", "Ao hồ", "Ăn uống", "Đăng ký khai sinh"]
    renamed = copy.copy(portal)
    renamed.procedures = [
        dataclasses.replace(p, name=n) for p, n in zip(portal.procedures, names, strict=False)
    ]
    pages = {p.src_uri: p for p in procedure_pages.directory_pages(renamed)}
    headings = re.findall(r"^## (.+)$", pages["thu-tuc/a-z.md"].markdown, flags=re.M)
    assert headings == ["A", "Ă", "Đ"], headings
    section = pages["thu-tuc/a-z.md"].markdown.split("## A\n")[1].split("## Ă")[0]
    assert [n for n in names[:4] if n in section] == names[:4]
    assert [section.index(n) for n in ("An toàn", "Ảnh", "Ao", "Áp")] == sorted(
        section.index(n) for n in ("An toàn", "Ảnh", "Ao", "Áp")
    )
