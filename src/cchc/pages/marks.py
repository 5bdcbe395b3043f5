"""The portal's marks: a line holding only an HTML comment, which an editor puts in a hand-written page
where the portal writes what it stands for, made from the content at each build (the table of fields, the
latest news). Only a line of its own is a mark: the guide can name one in running text."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from cchc import urls
from cchc.model import News, Unit
from cchc.pages import render
from cchc.pages.field_reference import field_reference

LATEST = 5  # news items where a page lists the latest (the home page, a unit's page)
_MARK = re.compile(r"^<!-- cchc:(fields|tin-moi) -->[ \t]*$", re.M)


def expand(markdown: str, src_uri: str, news: Sequence[News], units: Mapping[str, Unit]) -> str:
    """A hand-written page (`src_uri`) with its marks replaced; `news`: the portal's, newest first."""
    if "<!-- cchc:" not in markdown:  # most pages: nothing is built for nothing
        return markdown
    made: dict[str, str] = {}
    builders: dict[str, Callable[[], str]] = {
        "fields": field_reference,
        "tin-moi": lambda: latest_news(news[:LATEST], src_uri, units),
    }

    def replaced(mark: re.Match[str]) -> str:
        name = mark[1]
        if name not in made:  # each built once however often it is marked
            made[name] = builders[name]()
        return made[name]

    return _MARK.sub(replaced, markdown)


def latest_news(news: Sequence[News], source: str, units: Mapping[str, Unit]) -> str:
    """The latest news of the whole portal, each with its unit, and a link to all of them."""
    items = [(item, units[item.unit_id].short_name) for item in news]
    return render.fill("_latest_news.md", source, items=items, listing=urls.NEWS_INDEX, whole_portal=True)
