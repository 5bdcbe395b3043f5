"""The portal's marks: a line holding only an HTML comment, which an editor puts in a hand-written page
where the portal writes what it stands for, made from the content at each build: the most used
procedures, the communes and wards with their numbers, the life events' journeys, the latest news and
documents, where to get help,
the table of fields. The home page (docs/index.md) is made of them. Only a line of its own is a mark: the
guide can name one in running text."""

from __future__ import annotations

import re
from collections.abc import Callable

from cchc import urls
from cchc.levels import BY_NAME, LOCAL
from cchc.model import Portal, Procedure
from cchc.pages import render
from cchc.pages.field_reference import field_reference
from cchc.settings import Settings
from cchc.text import sort_key

LATEST = 5  # news items or documents where a page lists the latest (the home page, a unit's page)
MOST_USED = 6  # procedures on the home page when the settings name none (extra.thu_tuc_pho_bien)
_MARK = re.compile(r"^<!-- cchc:([a-z-]+) -->[ \t]*$", re.M)


class Marks:
    """What each mark stands for in one build: made the first time a page holds it, and kept (the editors'
    preview expands a hand-written page to key it, then MkDocs renders it)."""

    def __init__(self, portal: Portal, settings: Settings) -> None:
        self.portal, self.settings = portal, settings
        self._made: dict[tuple[str, str], str] = {}  # by mark and the page its links start from
        self._builders: dict[str, Callable[[str], str]] = {
            "fields": lambda source: field_reference(),
            "thu-tuc-pho-bien": self._most_used,
            "don-vi": self._units,
            "hanh-trinh": lambda source: render.fill("_journeys.md", source, journeys=self.portal.journeys),
            "tin-moi": self._news,
            "van-ban-moi": self._documents,
            "ho-tro": self._help,
        }

    def expand(self, markdown: str, src_uri: str) -> str:
        """A hand-written page (`src_uri`) with its marks replaced; an unknown mark stays as written."""
        if "<!-- cchc:" not in markdown:  # most pages: nothing is built for nothing
            return markdown

        def replaced(mark: re.Match[str]) -> str:
            build = self._builders.get(mark[1])
            if build is None:
                return mark[0]
            key = (mark[1], src_uri)
            if key not in self._made:
                self._made[key] = build(src_uri)
            return self._made[key]

        return _MARK.sub(replaced, markdown)

    def _most_used(self, source: str) -> str:
        return render.fill(
            "_most_used.md", source, procedures=most_used(self.portal, self.settings), listing=urls.PROCEDURES
        )

    def _units(self, source: str) -> str:
        """The communes and wards, where residents go, each with the number to call."""
        local = [
            u for u in self.portal.units.values() if BY_NAME[u.level].group == LOCAL
        ]  # levels are checked
        units = sorted(local, key=lambda u: sort_key(u.name))
        return render.fill("_unit_directory.md", source, units=units, listing=urls.UNITS_INDEX)

    def _news(self, source: str) -> str:
        items = [(n, self.portal.units[n.unit_id].short_name) for n in self.portal.news[:LATEST]]
        return render.fill("_latest_news.md", source, items=items, listing=urls.NEWS_INDEX, whole_portal=True)

    def _documents(self, source: str) -> str:
        dated = sorted(
            (d for d in self.portal.documents if d.date),
            key=lambda d: (d.date.iso() if d.date else "", d.src_uri),
        )
        items = [(d, self.portal.units[d.unit_id].short_name) for d in reversed(dated[-LATEST:])]
        return render.fill("_latest_documents.md", source, items=items, listing=urls.DOCUMENTS_INDEX)

    def _help(self, source: str) -> str:
        return render.fill(
            "_help.md", source, hotline=self.settings.hotline, feedback=self.settings.feedback_url
        )


def most_used(portal: Portal, settings: Settings) -> list[Procedure]:
    """The procedures the home page leads with: those the settings name, in their order, or else those the
    most units perform."""
    by_slug = {p.slug: p for p in portal.procedures}
    if settings.most_used:
        return [by_slug[slug] for slug in settings.most_used if slug in by_slug]
    ranked = sorted(portal.procedures, key=lambda p: (-len(p.unit_ids), sort_key(p.name)))
    return ranked[:MOST_USED]
