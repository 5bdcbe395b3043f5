"""iCalendar (RFC 5545) files of report due dates, for editors to subscribe to on their phones.

Each due date is an all-day event with an optional reminder some days before. The output depends
only on the arguments (DTSTAMP is the build's stamp, not the clock), so rebuilding an unchanged
site gives the same bytes and calendar apps do not see every event as changed.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

# RFC 5545 3.1: a content line is at most 75 octets, not counting the CRLF.
LINE_OCTETS = 75
CRLF = "\r\n"
# Control characters other than HTAB cannot appear in a TEXT value (RFC 5545 3.3.11); newlines are
# escaped as \n before this is applied, so what it removes is stray bytes from pasted text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class Event:
    uid: str  # stable, e.g. "bao-cao-6-thang-dau-nam-2026-xa-nam-sach@cchc.example.gov.vn"
    day: datetime.date  # an all-day event on the due date
    summary: str  # Vietnamese text, may contain , ; \ and newlines
    description: str = ""
    url: str = ""  # absolute URL or ""
    reminder_days: int = 7  # a VALARM DISPLAY this many days before (0: none)


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11; the backslash goes first so it is not doubled."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub("", _NEWLINE.sub(r"\\n", value))


def fold(line: str) -> str:
    """One content line folded into physical lines of at most 75 octets of UTF-8.

    Continuation lines start with a space, which counts towards their 75. Cuts move back to the
    start of a UTF-8 character: RFC 5545 forbids splitting one, and phones that decode each
    physical line on its own would otherwise show replacement characters in Vietnamese text.
    """
    data = line.encode("utf-8")
    parts: list[bytes] = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: the character began earlier
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1
    parts.append(data[start:])
    return (CRLF + " ").join(part.decode("utf-8") for part in parts)


def _date(day: datetime.date) -> str:
    # Not strftime("%Y"), which does not pad years before 1000 on glibc.
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _utc(stamp: datetime.datetime) -> str:
    # A naive stamp is taken as UTC already; astimezone() would read it as the machine's local time
    # and make the output depend on where the build runs.
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(datetime.UTC)
    return f"{_date(stamp)}T{stamp.hour:02d}{stamp.minute:02d}{stamp.second:02d}Z"


def _event_lines(event: Event, dtstamp: str) -> list[str]:
    if event.reminder_days < 0:
        raise ValueError(f"{event.uid}: reminder_days must be 0 or more, not {event.reminder_days}")
    # A URL is a URI value, not TEXT: it is written unescaped, so it must not carry anything that
    # would end or break the content line.
    if _URL_FORBIDDEN.search(event.url):
        raise ValueError(f"{event.uid}: URL contains whitespace or control characters: {event.url!r}")
    # A datetime is also a date; take its date so DTSTART stays a plain VALUE=DATE.
    day = event.day.date() if isinstance(event.day, datetime.datetime) else event.day
    summary = escape_text(event.summary)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{dtstamp}",
        f"DTSTART;VALUE=DATE:{_date(day)}",
        # All-day events end (exclusively) at the start of the next day (RFC 5545 3.6.1).
        f"DTEND;VALUE=DATE:{_date(day + datetime.timedelta(days=1))}",
        f"SUMMARY:{summary}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    # A due date is not a meeting: it should not mark the editor as busy all day.
    lines.append("TRANSP:TRANSPARENT")
    if event.reminder_days:
        lines += [
            "BEGIN:VALARM",
            f"TRIGGER:-P{event.reminder_days}D",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{summary}",  # required for DISPLAY alarms (RFC 5545 3.6.6)
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar(name: str, events: list[Event], stamp: datetime.datetime) -> str:
    """The whole .ics file as text with CRLF line endings, events in the order given."""
    duplicates = sorted(uid for uid, n in Counter(event.uid for event in events).items() if n > 1)
    if duplicates:
        # Without RECURRENCE-ID, two VEVENTs with one UID are the same event twice; apps keep one.
        raise ValueError(f"duplicate event UIDs: {', '.join(duplicates)}")
    dtstamp = _utc(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CCHC//Cong thong tin//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for event in events:
        lines += _event_lines(event, dtstamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
