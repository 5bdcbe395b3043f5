"""Infographics on the site: a page each, the gallery, and their place on related procedure and
document pages, as responsive pictures (templates/_pictures.html)."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from cchc import urls
from cchc.model import Infographic, Portal, Rendition
from cchc.pages import archive, render
from cchc.pages.markdown import GeneratedPage
from cchc.pages.related import Related
from cchc.text import sort_key
from cchc.urls import GALLERY

Tile = tuple[Infographic, Rendition]  # an infographic in the gallery, with its encoded image


def figures(items: list[Infographic], renditions: dict[str, Rendition], page: str) -> Markup:
    """The infographics related to `page`, each linking to its own page (empty when there are none)."""
    if not items:  # most pages: no template to render
        return Markup()
    return render.fill("figures.html", source=page, items=[(i, renditions[i.slug]) for i in items])


def infographic_page(
    item: Infographic, rendition: Rendition, portal: Portal, related: Related
) -> GeneratedPage:
    picture = render.fill("picture.html", source=item.src_uri, rendition=rendition, alt=item.alt, lazy=False)
    return render.page(
        "infographic.md",
        item.src_uri,
        item.title,
        item.path,
        item=item,
        picture=picture,
        unit=portal.units[item.unit_id],
        related=related.pages(item.procedures, item.documents),
        image_uri=urls.image(rendition.variants[-1].name),
    )


def gallery_page(portal: Portal, renditions: dict[str, Rendition]) -> GeneratedPage:
    items = sorted(portal.infographics, key=lambda i: (i.date.iso() if i.date else "", i.slug), reverse=True)
    by_unit: dict[str, list[Tile]] = defaultdict(list)
    by_tag: dict[str, list[Tile]] = defaultdict(list)
    for item in items:
        by_unit[item.unit_id].append((item, renditions[item.slug]))
        for tag in item.tags:
            by_tag[tag].append((item, renditions[item.slug]))

    def tiles(items: list[Tile]) -> Markup:
        return render.fill("tiles.html", source=GALLERY, items=items)

    units = archive.units_in_order([portal.units[u] for u in by_unit])
    return render.page(
        "gallery.md",
        GALLERY,
        "Infographic",
        by_unit=[(unit.short_name, tiles(by_unit[unit.id])) for unit in units],
        by_tag=[(tag, tiles(by_tag[tag])) for tag in sorted(by_tag, key=sort_key)],
    )


def related(portal: Portal) -> dict[str, list[Infographic]]:
    """Infographics by the src_uri of each procedure and document they relate to."""
    out: dict[str, list[Infographic]] = defaultdict(list)
    for item in sorted(portal.infographics, key=lambda i: i.slug):
        for slug in item.procedures:
            out[urls.procedure(slug)].append(item)
        for document in item.documents:
            out[urls.document_by_ref(document)].append(item)
    return out
