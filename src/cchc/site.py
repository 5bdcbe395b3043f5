"""Everything the portal generates, collected first and rendered once all content is known."""

from __future__ import annotations

from dataclasses import dataclass

from . import cards, pages, procedure_pages
from .model import Portal
from .refs import index as reference_index
from .refs import pages as reference_pages


CARD = "the-chia-se.png"  # each page's share card, in the page's own folder


@dataclass
class Site:
    pages: list[pages.GeneratedPage]
    files: dict[str, str]  # other generated files (open data), by path in the built site
    index: reference_index.ReferenceIndex
    cards: dict[str, cards.Card]  # share cards by path in the built site


def _with_cards(generated: list[pages.GeneratedPage], made: dict[str, cards.Card]) -> None:
    """Point each page that has a card at it (og:image), by the page's path."""
    for page in generated:
        path = pages.site_path(page.src_uri) + CARD
        if path in made:
            page.meta["card"] = path


def build(portal: Portal, site_url: str = "http://127.0.0.1:8000/", site_name: str = "") -> Site:
    index = reference_index.build(portal)
    documents = [pages.document_page(d, reference_pages.linked_body(index, d.src_uri, d.body))
                 for d in portal.documents]
    guides = []
    for procedure in portal.procedures:
        basis = [reference_pages.linked_body(index, procedure.src_uri, text, number)
                 for number, text in enumerate(procedure.legal_basis)]
        guides += [procedure_pages.procedure_page(procedure, portal, site_url, basis),
                   procedure_pages.poster_page(procedure, portal, site_url)]
    by_path = {p.path: p for p in [*portal.documents, *portal.procedures]}
    generated = (documents + guides + pages.listing_pages(portal) + procedure_pages.directory_pages(portal)
                 + procedure_pages.form_pages(portal) + reference_pages.all_pages(index, portal.units, by_path))
    files = {**reference_pages.open_data(index), **procedure_pages.open_data(portal, site_url)}
    made = {pages.site_path(p.src_uri) + CARD: cards.for_procedure(p, site_name) for p in portal.procedures}
    made.update({pages.site_path(d.src_uri) + CARD: cards.for_document(d, portal.units[d.unit_id].name, site_name)
                 for d in portal.documents})
    _with_cards(generated, made)
    return Site(generated, files, index, made)
