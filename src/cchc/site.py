"""Everything the portal generates, collected first and rendered once all content is known."""

from __future__ import annotations

from dataclasses import dataclass

from . import pages
from .model import Portal
from .refs import index as reference_index
from .refs import pages as reference_pages


@dataclass
class Site:
    pages: list[pages.GeneratedPage]
    files: dict[str, str]  # other generated files (open data), by path in the built site
    index: reference_index.ReferenceIndex


def build(portal: Portal) -> Site:
    index = reference_index.build(portal)
    documents = [pages.document_page(d, reference_pages.linked_body(index, d.src_uri, d.body))
                 for d in portal.documents]
    by_path = {d.path: d for d in portal.documents}
    generated = documents + pages.listing_pages(portal) + reference_pages.all_pages(index, portal.units, by_path)
    return Site(generated, reference_pages.open_data(index), index)
