"""The reporting calendar as iCalendar feeds: the city's (`tong-hop/lich-bao-cao.ics`, one event per
report due, naming the levels that owe it) and each unit's (`don-vi/<unit>/lich-bao-cao.ics`, one event
per report it owes). UIDs are built from kind, period and unit, so a rebuilt feed updates the same events
in a subscribed phone."""

from __future__ import annotations

from datetime import datetime
from itertools import groupby
from urllib.parse import urlsplit

from cchc import urls
from cchc.content.calendar import Due
from cchc.labels import label
from cchc.model import Unit
from cchc.publish.ics import Event, calendar
from cchc.text import slugify


def _uid(due: Due, site_url: str, unit_id: str = "") -> str:
    """Kind, period and unit; the city's events also name their day, as levels may owe on different days."""
    host = urlsplit(site_url).hostname or "cchc"
    owner = unit_id or f"{due.day:%Y%m%d}"
    return "-".join((due.kind.slug, slugify(due.period.label), owner)) + f"@{host}"


def _summary(due: Due) -> str:
    return label("calendar.summary", kind=due.kind.name.lower(), period=due.period.phrase)


def feeds(owed: list[Due], site_url: str, site_name: str, built: datetime) -> dict[str, str]:
    """The city's feed and each owing unit's, by path in the built site; `owed` in the order `dues` gives."""
    city: list[Event] = []
    by_unit: dict[str, tuple[Unit, list[Event]]] = {}
    for _, group in groupby(owed, key=lambda d: (d.day, d.kind.name, d.period)):
        same = list(group)  # one report, due the same day from units of one or more levels
        levels = sorted({d.unit.level for d in same})
        city.append(
            Event(
                _uid(same[0], site_url),
                same[0].day,
                _summary(same[0]),
                label("calendar.city_description", count=len(same), levels=", ".join(levels)),
                urls.absolute(site_url, urls.CONSOLIDATED),
            )
        )
    for due in owed:
        unit = due.unit
        by_unit.setdefault(unit.src_uri, (unit, []))[1].append(
            Event(
                _uid(due, site_url, unit.id),
                due.day,
                label("calendar.unit_summary", summary=_summary(due), unit=unit.short_name),
                label(
                    "calendar.unit_description",
                    unit=unit.name,
                    kind=due.kind.name.lower(),
                    period=due.period.phrase,
                ),
                urls.absolute(site_url, unit.src_uri),
            )
        )
    files = {urls.calendar(urls.CONSOLIDATED): calendar(label("calendar.name", owner=site_name), city, built)}
    for src_uri, (unit, events) in by_unit.items():
        files[urls.calendar(src_uri)] = calendar(label("calendar.name", owner=unit.short_name), events, built)
    return files
