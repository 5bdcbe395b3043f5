"""Everything the portal generates, collected first and rendered once all content is known."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from cchc import fonts, urls
from cchc.content import calendar
from cchc.dates import day_in_vietnam
from cchc.memo import Memo
from cchc.model import Document, Portal, Procedure, Rendition
from cchc.pages import (
    document_pages,
    figure_pages,
    figure_tables,
    infographic_pages,
    poster_fit,
    procedure_pages,
    reference_pages,
)
from cchc.pages.markdown import GeneratedPage
from cchc.problems import Problem, Severity
from cchc.publish import calendars, cards, opendata, web_files, workbook
from cchc.publish.images import render as render_image
from cchc.refs import index as reference_index
from cchc.settings import Settings

Figures = Callable[[str], Markup]  # the infographics shown on a page, by its src_uri


@dataclass
class Site:
    pages: list[GeneratedPage]
    files: dict[str, str | bytes]  # other generated files (open data), by path in the built site
    index: reference_index.ReferenceIndex
    cards: dict[str, cards.Card]  # share cards by path in the built site
    images: dict[str, Path]  # encoded images by path in the built site -> file in the cache
    encoded: int = 0  # image files encoded by this build (0 when every image was cached)
    problems: list[Problem] = field(default_factory=list)  # warnings about what was generated
    # The poster's font, by path in the built site -> the bundled file.
    assets: dict[str, Path] = field(
        default_factory=lambda: {urls.poster_font(name): fonts.FOLDER / name for name in fonts.FILES}
    )


def _with_cards(generated: list[GeneratedPage], made: dict[str, cards.Card]) -> None:
    """Point each page that has a card at it (og:image), by the page's path."""
    for page in generated:
        path = urls.card(page.src_uri)
        if path in made:
            page.meta["card"] = path


def _images(portal: Portal, cache: Path) -> tuple[dict[str, Rendition], dict[str, Path], int]:
    """Each infographic encoded (or found in `cache`): renditions by slug, files by site path, count
    encoded."""
    renditions, images, encoded = {}, {}, 0
    for item in portal.infographics:
        rendition, made = render_image(Path(item.image), cache / urls.IMAGES)
        renditions[item.slug], encoded = rendition, encoded + made
        for variant in (*rendition.variants, *rendition.thumbnail):
            images[urls.image(variant.name)] = cache / urls.IMAGES / variant.name
    return renditions, images, encoded


def _documents(
    portal: Portal,
    documents: Iterable[Document],
    index: reference_index.ReferenceIndex,
    figures: Figures,
    site_url: str,
    memo: Memo | None = None,
) -> list[GeneratedPage]:
    cited = {c.own.src_uri: c for c in index.documents.values() if c.own is not None}
    pages = []
    for document in documents:
        uri = document.src_uri
        body = reference_pages.linked_body(index, uri, document.body, memo=memo)
        cited_by = reference_pages.cited_by(cited[uri]) if uri in cited else []
        unit = portal.units[document.unit_id]
        page = document_pages.document_page(document, unit, body, site_url, cited_by, figures(uri), memo)
        pages.append(page)
    return pages


def _figures(portal: Portal, renditions: dict[str, Rendition]) -> Figures:
    """The infographics each page shows, by its src_uri."""
    shown = infographic_pages.related(portal)

    def figures(src_uri: str) -> Markup:
        return infographic_pages.figures(shown.get(src_uri, []), renditions, src_uri)

    return figures


def _cards(portal: Portal, documents: Iterable[Document], site_name: str) -> dict[str, cards.Card]:
    """The documents' share cards, by path in the built site."""
    units = portal.units
    return {urls.card(d.src_uri): cards.for_document(d, units[d.unit_id].name, site_name) for d in documents}


def _procedures(
    portal: Portal, index: reference_index.ReferenceIndex, figures: Figures, settings: Settings, cache: Path
) -> tuple[list[GeneratedPage], list[Problem]]:
    """Each procedure's guide and poster, and a warning for each poster that may not fit its sheet."""
    pages, problems = [], []
    for procedure in portal.procedures:
        basis = [
            reference_pages.linked_body(index, procedure.src_uri, text, number, literal=True)
            for number, text in enumerate(procedure.legal_basis)
        ]
        poster = procedure_pages.poster_page(procedure, settings.site_url, settings.site_name, cache / "qr")
        pages += [
            procedure_pages.procedure_page(
                procedure, portal, settings.site_url, basis, figures(procedure.src_uri)
            ),
            poster,
        ]
        if (free := poster.meta["poster"]["free_mm"]) < poster_fit.MARGIN_MM:
            problems.append(
                Problem(
                    procedure.path,
                    1,
                    "",
                    (
                        f"tờ in A4 của thủ tục còn trống {free} mm dù đã dùng cỡ chữ nhỏ nhất (cần ít nhất "
                        f"{poster_fit.MARGIN_MM} mm): có thể tràn sang trang thứ hai; hãy viết ngắn các bước "
                        "hoặc tên giấy tờ"
                    ),
                    Severity.WARNING,
                )
            )
    return pages, problems


def generate(
    portal: Portal,
    cache: Path,
    settings: Settings | None = None,
    index: reference_index.ReferenceIndex | None = None,
    memo: Memo | None = None,
) -> Site:
    """Everything generated from `portal` (and its citations' `index`, made here when not given); encoded
    images go to `cache` and are reused from it."""
    settings = settings or Settings()
    site_url, site_name = settings.site_url, settings.site_name
    if index is None:
        index = reference_index.index_references(portal)
    renditions, images, encoded = _images(portal, cache)
    figures = _figures(portal, renditions)
    guides, problems = _procedures(portal, index, figures, settings, cache)
    tables = figure_tables.period_tables(portal)
    today = day_in_vietnam(settings.built)  # due and late days as the units count them
    owed = calendar.owed(portal.calendar, list(portal.units.values()), portal.documents, today)
    citing: list[Document | Procedure] = [*portal.documents, *portal.procedures]
    by_path = {p.path: p for p in citing}
    infographics = [
        infographic_pages.infographic_page(i, renditions[i.slug], portal) for i in portal.infographics
    ]
    generated = (
        _documents(portal, portal.documents, index, figures, site_url, memo)
        + guides
        + infographics
        + [infographic_pages.gallery_page(portal, renditions)]
        + document_pages.listing_pages(portal, owed, today, tables)
        + figure_pages.figure_pages(portal, tables)
        + procedure_pages.directory_pages(portal)
        + procedure_pages.form_pages(portal)
        + reference_pages.all_pages(index, portal.units, by_path, memo)
    )
    files: dict[str, str | bytes] = {
        **opendata.citations(index, memo),
        **opendata.procedures(portal, site_url, memo),
        **opendata.figures(portal, site_url, tables, memo),
        **calendars.feeds(owed, site_url, site_name, settings.built),
        urls.open_data(f"{urls.FIGURES_DATA}.xlsx"): workbook.workbook(
            tables, settings.built, cache / "workbook"
        ),
        **web_files.feeds(portal, site_name, site_url, settings.built),
        urls.ROBOTS: web_files.robots(site_url),
    }
    made = {urls.card(p.src_uri): cards.for_procedure(p, site_name) for p in portal.procedures}
    made.update(_cards(portal, portal.documents, site_name))
    _with_cards(generated, made)
    return Site(generated, files, index, made, images, encoded, problems)


def saved_documents(
    portal: Portal,
    paths: set[str],
    index: reference_index.ReferenceIndex,
    cache: Path,
    settings: Settings,
    memo: Memo | None = None,
) -> list[GeneratedPage]:
    """The pages of the documents in the content files at `paths` (relative to the project), as `generate`
    makes them: a serve session draws the documents just saved first."""
    documents = [d for d in portal.documents if d.path in paths]
    if not documents:  # a unit or a procedure saved: nothing to draw first, no image to look up
        return []
    renditions = _images(portal, cache)[0]
    pages = _documents(portal, documents, index, _figures(portal, renditions), settings.site_url, memo)
    _with_cards(pages, _cards(portal, documents, settings.site_name))
    return pages
