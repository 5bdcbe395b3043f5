"""Everything the portal generates, collected first and rendered once all content is known."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from markupsafe import Markup

from cchc import fonts, urls
from cchc.content import calendar, compliance
from cchc.dates import day_in_vietnam
from cchc.memo import Memo
from cchc.model import Document, Journey, Portal, Procedure, Question, Rendition, Unit
from cchc.pages import (
    compliance_page,
    document_pages,
    english_pages,
    figure_pages,
    figure_tables,
    infographic_pages,
    journey_pages,
    news_pages,
    poster_fit,
    procedure_pages,
    reference_pages,
)
from cchc.pages.markdown import GeneratedPage
from cchc.pages.related import Related
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


@dataclass
class _Images:
    """Each infographic and unit image encoded (or found in the cache)."""

    renditions: dict[str, Rendition] = field(default_factory=dict)  # infographics', by slug
    pictures: dict[str, Rendition] = field(default_factory=dict)  # units' and news', by file
    files: dict[str, Path] = field(default_factory=dict)  # by path in the built site -> file in the cache
    encoded: int = 0


def _images(portal: Portal, cache: Path, units: bool = True) -> _Images:
    """Every image encoded, or found in `cache`; the units' and the news' images only when `units`."""
    found = _Images()

    def encode(path: str) -> Rendition:
        rendition, made = render_image(Path(path), cache / urls.IMAGES)
        found.encoded += made
        for variant in (*rendition.variants, *rendition.thumbnail):
            found.files[urls.image(variant.name)] = cache / urls.IMAGES / variant.name
        return rendition

    for item in portal.infographics:
        found.renditions[item.slug] = encode(item.image)
    for unit in portal.units.values() if units else ():
        for picture in unit.pictures():
            found.pictures[picture.file] = encode(picture.file)
    for news in portal.news if units else ():
        if news.photo:
            found.pictures[news.photo.file] = encode(news.photo.file)
    return found


def _documents(
    portal: Portal,
    documents: Iterable[Document],
    index: reference_index.ReferenceIndex,
    figures: Figures,
    site_url: str,
    memo: Memo | None = None,
    today: date | None = None,
) -> list[GeneratedPage]:
    cited = {c.own.src_uri: c for c in index.documents.values() if c.own is not None}
    pages = []
    for document in documents:
        uri = document.src_uri
        body = reference_pages.linked_body(index, uri, document.body, memo=memo)
        cited_by = reference_pages.cited_by(cited[uri]) if uri in cited else []
        unit = portal.units[document.unit_id]
        force = reference_pages.own_force(index, document, site_url)
        page = document_pages.document_page(
            document, unit, body, site_url, cited_by, figures(uri), memo, today, force
        )
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
) -> tuple[list[GeneratedPage], list[Problem], list[tuple[Procedure, Question, str]]]:
    """Each procedure's guide and poster, a warning for each poster that may not fit its sheet, and every
    question asked of a procedure with its answer's basis linked."""
    pages: list[GeneratedPage] = []
    problems: list[Problem] = []
    asked: list[tuple[Procedure, Question, str]] = []
    for procedure in portal.procedures:
        cited = _linked(index, procedure)
        basis = cited[: len(procedure.legal_basis)]
        questions = _answered(procedure.questions, cited[len(procedure.legal_basis) :])
        asked += [(procedure, question, linked) for question, linked in questions]
        poster = procedure_pages.poster_page(procedure, settings.site_url, settings.site_name, cache / "qr")
        pages += [
            procedure_pages.procedure_page(
                procedure,
                portal,
                settings.site_url,
                basis,
                figures(procedure.src_uri),
                questions,
                settings.feedback_url,
                journey_pages.places(procedure, portal.journeys),
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
    return pages, problems, asked


def _linked(index: reference_index.ReferenceIndex, page: Procedure | Unit | Journey) -> list[str]:
    """Each passage of `page` that may cite (its cited_texts), with its citations linked."""
    return [
        reference_pages.linked_body(index, page.src_uri, text, number, literal=True)
        for number, (text, _) in enumerate(page.cited_texts())
    ]


def _answered(questions: list[Question], bases: list[str]) -> list[tuple[Question, str]]:
    """Each question with its answer's basis linked, or "" when it gives none."""
    linked = iter(bases)
    return [(q, next(linked) if q.basis else "") for q in questions]


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
    images = _images(portal, cache)
    renditions = images.renditions
    figures = _figures(portal, renditions)
    guides, problems, asked = _procedures(portal, index, figures, settings, cache)
    answers = {u.id: _answered(u.questions, _linked(index, u)) for u in portal.units.values() if u.questions}
    tables = figure_tables.period_tables(portal)
    today = day_in_vietnam(settings.built)  # due and late days as the units count them
    owed = calendar.owed(portal.calendar, list(portal.units.values()), portal.documents, today)
    citing: list[reference_index.Citing] = [
        *portal.documents,
        *portal.procedures,
        *portal.units.values(),
        *portal.journeys,
    ]
    by_path = {p.path: p for p in citing}
    related = Related(portal)
    infographics = [
        infographic_pages.infographic_page(i, renditions[i.slug], portal, related)
        for i in portal.infographics
    ]
    generated = (
        # Searchable pages first: the search index starts once the last of them is written, and runs on the
        # other core while the listings and reference pages are (news last, it waited for all of them).
        _documents(portal, portal.documents, index, figures, site_url, memo, today)
        + news_pages.news_items(portal, site_url, images.pictures, related)
        + guides
        + [journey_pages.journey_page(j, portal, _linked(index, j)) for j in portal.journeys]
        + [procedure_pages.questions_page(asked, answers, portal, settings.feedback_url)]
        + infographics
        + [infographic_pages.gallery_page(portal, renditions)]
        + document_pages.listing_pages(portal, owed, today, tables, images.pictures, settings, answers)
        + figure_pages.figure_pages(portal, tables)
        + procedure_pages.directory_pages(portal)
        + [journey_pages.journeys_page(portal)]
        + procedure_pages.form_pages(portal)
        + reference_pages.all_pages(index, portal.units, by_path, site_url, memo)
        + [compliance_page.compliance_page(compliance.findings(portal, settings), portal, index)]
        + english_pages.english_pages(portal, site_name)
        + news_pages.news_listings(portal)
    )
    files: dict[str, str | bytes] = {
        **opendata.citations(index, memo),
        **opendata.news(portal, site_url, memo),
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
    made.update(
        {
            urls.card(n.src_uri): cards.for_news(n, portal.units[n.unit_id].name, site_name)
            for n in portal.news
        }
    )
    _with_cards(generated, made)
    return Site(generated, files, index, made, images.files, images.encoded, problems)


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
    renditions = _images(portal, cache, units=False).renditions
    figures, today = _figures(portal, renditions), day_in_vietnam(settings.built)
    pages = _documents(portal, documents, index, figures, settings.site_url, memo, today)
    _with_cards(pages, _cards(portal, documents, settings.site_name))
    return pages
