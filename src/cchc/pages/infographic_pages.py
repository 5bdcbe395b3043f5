"""Infographics on the site: responsive <picture> elements, a page each, the gallery, and their
place on related procedure and document pages."""

from __future__ import annotations

from collections import defaultdict
from html import escape as html_escape

from cchc import urls
from cchc.model import Infographic, Portal, Rendition
from cchc.pages import archive
from cchc.pages.markdown import GeneratedPage, escape, link
from cchc.text import sort_key
from cchc.urls import GALLERY, IMAGES, site_path, to_root

FULL = "(max-width: 1000px) 100vw, 960px"
THUMB = "(max-width: 600px) 50vw, 320px"


def picture(rendition: Rendition, alt: str, page: str, thumbnail: bool = False, lazy: bool = True) -> str:
    """<picture> with WebP and a JPEG/PNG fallback, srcset, width, height and lazy loading."""
    base = to_root(page) + IMAGES + "/"
    variants = rendition.thumbnail if thumbnail else rendition.variants
    fallback = [v for v in variants if v.mime != "image/webp"]
    widest = fallback[-1]
    sizes = THUMB if thumbnail else FULL
    webp = ", ".join(f"{base}{v.name} {v.width}w" for v in variants if v.mime == "image/webp")
    srcset = ", ".join(f"{base}{v.name} {v.width}w" for v in fallback)
    return (f'<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
            f'<img src="{base}{widest.name}" srcset="{srcset}" sizes="{sizes}" width="{widest.width}" '
            f'height="{widest.height}" alt="{html_escape(alt)}" loading="{"lazy" if lazy else "eager"}" '
            f'decoding="async"></picture>')


def figure(item: Infographic, rendition: Rendition, page: str) -> str:
    """An infographic shown on a related page, linking to its own page."""
    href = to_root(page) + site_path(item.src_uri)
    return (f'<figure class="cchc-figure"><a href="{href}">{picture(rendition, item.alt, page)}</a>'
            f"<figcaption>{html_escape(item.title)}</figcaption></figure>")


def infographic_page(item: Infographic, rendition: Rendition, portal: Portal) -> GeneratedPage:
    source = item.src_uri
    unit = portal.units[item.unit_id]
    parts = [picture(rendition, item.alt, source, lazy=False), ""]
    if item.caption:
        parts.append(f"{escape(item.caption)}\n")
    facts = [f"Đơn vị: {link(unit.short_name, source, unit.src_uri)}"]
    if item.date:
        facts.append(f"Ngày đăng: {item.date.vietnamese()}")
    if item.tags:
        facts.append("Chủ đề: " + ", ".join(escape(t) for t in item.tags))
    parts += [f"- {fact}" for fact in facts] + [""]
    related = [link(p.name, source, p.src_uri) for p in portal.procedures if p.slug in item.procedures]
    related += [link(d.label, source, d.src_uri) for d in portal.documents
                if urls.document_ref(d.src_uri) in item.documents]
    if related:
        parts += ["## Liên quan\n", *(f"- {r}" for r in related), ""]
    parts.append(link("Tải ảnh cỡ lớn", source, f"{IMAGES}/{rendition.variants[-1].name}") + "\n")
    return GeneratedPage(source, item.title, "\n".join(parts), item.path)


def _tiles(items: list[Infographic], renditions: dict[str, Rendition]) -> str:
    tiles = [f'<li><a href="{to_root(GALLERY)}{site_path(i.src_uri)}">'
             f"{picture(renditions[i.slug], i.alt, GALLERY, thumbnail=True)}"
             f"<span>{html_escape(i.title)}</span></a></li>" for i in items]
    return '<ul class="cchc-gallery">' + "".join(tiles) + "</ul>\n"


def gallery_page(portal: Portal, renditions: dict[str, Rendition]) -> GeneratedPage:
    items = sorted(portal.infographics, key=lambda i: (i.date.iso() if i.date else "", i.slug), reverse=True)
    parts = ["Infographic, hướng dẫn bằng hình của các đơn vị: theo đơn vị và theo chủ đề.\n"]
    if not items:
        parts.append("Chưa có infographic nào.\n")
    by_unit: dict[str, list[Infographic]] = defaultdict(list)
    by_tag: dict[str, list[Infographic]] = defaultdict(list)
    for item in items:
        by_unit[item.unit_id].append(item)
        for tag in item.tags:
            by_tag[tag].append(item)
    if by_unit:
        parts.append("## Theo đơn vị\n")
        for unit in archive.units_in_order([portal.units[u] for u in by_unit]):
            parts += [f"### {escape(unit.short_name)}\n", _tiles(by_unit[unit.id], renditions)]
    if by_tag:
        parts.append("## Theo chủ đề\n")
        for tag in sorted(by_tag, key=sort_key):
            parts += [f"### {escape(tag)}\n", _tiles(by_tag[tag], renditions)]
    return GeneratedPage(GALLERY, "Infographic", "\n".join(parts))


def related(portal: Portal) -> dict[str, list[Infographic]]:
    """Infographics by the src_uri of each procedure and document they relate to."""
    out: dict[str, list[Infographic]] = defaultdict(list)
    for item in sorted(portal.infographics, key=lambda i: i.slug):
        for slug in item.procedures:
            out[urls.procedure(slug)].append(item)
        for document in item.documents:
            out[urls.document_by_ref(document)].append(item)
    return out
