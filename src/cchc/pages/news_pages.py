"""News pages: each item as an article (its photo through the image pipeline, NewsArticle data, a share
card), and the listings newest first, a page of PAGE_SIZE items at a time so that every page stays small
on a phone: all news, each unit's and each year's."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from cchc import urls
from cchc.labels import label
from cchc.model import News, Portal, Rendition
from cchc.pages import render, structured_data
from cchc.pages.markdown import GeneratedPage
from cchc.pages.related import Related

PAGE_SIZE = 20  # items a listing page shows: with their summaries, a few screens on a phone


def news_page(
    item: News, portal: Portal, site_url: str, photos: Mapping[str, Rendition], related: Related
) -> GeneratedPage:
    unit = portal.units[item.unit_id]
    photo = (
        render.fill(
            "picture.html",
            source=item.src_uri,
            rendition=photos[item.photo.file],
            alt=item.photo.alt,
            lazy=False,
        )
        if item.photo
        else Markup()
    )
    meta = {
        "template": "article.html",
        "article_class": "cchc-news",
        "units": [unit.short_name],
        "jsonld": structured_data.news_json_ld(item, unit, site_url),
    }
    if item.summary:
        meta["description"] = item.summary
    return render.page(
        "news.md",
        item.src_uri,
        item.title,
        item.path,
        meta,
        item=item,
        unit=unit,
        photo=photo,
        related=related.pages(item.procedures, item.documents),
        body=Markup(item.body),
        listing=urls.news_listing(item.unit_id),
    )


def _listing(items: list[News], scope: str, title: str, portal: Portal) -> list[GeneratedPage]:
    """A listing of `items` over as many pages as it takes, each linking to the others."""
    pages = max(1, -(-len(items) // PAGE_SIZE))
    return [
        render.page(
            "news_list.md",
            urls.news_listing(scope, number),
            title if number == 1 else label("title.news_page", title=title, page=number),
            items=items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
            units=portal.units,
            number=number,
            pages=[(n, urls.news_listing(scope, n)) for n in range(1, pages + 1)],
        )
        for number in range(1, pages + 1)
    ]


def news_listings(portal: Portal) -> list[GeneratedPage]:
    """All news, each unit's that has news and each year's, newest first (portal.news is)."""
    by_unit: dict[str, list[News]] = {}
    by_year: dict[int, list[News]] = {}
    for item in portal.news:
        by_unit.setdefault(item.unit_id, []).append(item)
        by_year.setdefault(item.date.year, []).append(item)
    pages = _listing(portal.news, "", label("title.news"), portal)
    for unit_id, items in sorted(by_unit.items()):
        pages += _listing(
            items, unit_id, label("title.news_unit", unit=portal.units[unit_id].short_name), portal
        )
    for year, items in sorted(by_year.items()):
        pages += _listing(items, f"nam-{year}", label("title.news_year", year=year), portal)
    return pages


def news_items(
    portal: Portal, site_url: str, photos: Mapping[str, Rendition], related: Related
) -> list[GeneratedPage]:
    return [news_page(item, portal, site_url, photos, related) for item in portal.news]
