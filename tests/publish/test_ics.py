"""The iCalendar writer: parsed back by a small independent parser, folding by octets, stable output."""

from __future__ import annotations

import datetime
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.publish import ics
from cchc.publish.ics import Event, calendar

STAMP = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
HOSTILE = "a,b;c\\d\nnewline"
# 200 characters, nearly all of them 2- or 3-byte UTF-8, so fold points fall inside characters.
LONG = (
    "Báo cáo kết quả thực hiện công tác cải cách hành chính sáu tháng đầu năm của "
    "Ủy ban nhân dân xã Nam Sách, thành phố Hải Phòng; gửi Sở Nội vụ trước ngày hai mươi "
    "theo hướng dẫn tại Công văn số "
) * 2
LONG = LONG[:200]

EVENTS = [
    Event(
        uid="bao-cao-6-thang-dau-nam-2026-xa-nam-sach@cchc.example.gov.vn",
        day=datetime.date(2026, 6, 15),
        summary="Báo cáo CCHC 6 tháng đầu năm 2026",
        description="Gửi Sở Nội vụ qua hệ thống.\nKèm biểu mẫu số 1, 2; ký số.",
        url="https://cchc.example.gov.vn/bao-cao/6-thang-2026/",
    ),
    Event(
        uid="hostile@cchc.example.gov.vn",
        day=datetime.date(2026, 12, 31),
        summary=HOSTILE,
        description=HOSTILE,
        reminder_days=0,
    ),
    Event(
        uid="dai@cchc.example.gov.vn",
        day=datetime.date(2028, 2, 28),
        summary=LONG,
        description=LONG * 3,
        url="https://cchc.example.gov.vn/" + "a" * 120,
        reminder_days=3,
    ),
]


# --- a small parser, independent of the writer ----------------------------------------------

_ESCAPE = re.compile(r"\\(.)")
_UNESCAPED = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}


def unescape(value: str) -> str:
    def one(match: re.Match[str]) -> str:
        assert match[1] in _UNESCAPED, f"invalid escape \\{match[1]} in {value!r}"
        return _UNESCAPED[match[1]]

    return _ESCAPE.sub(one, value)


def content_lines(text: str) -> list[tuple[str, dict[str, str], str]]:
    """(NAME, params, raw value) per content line, after unfolding CRLF + one space or tab."""
    assert text.endswith("\r\n")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    out = []
    for line in unfolded[:-2].split("\r\n"):
        # The value starts at the first colon that is not inside a quoted parameter value.
        match = re.match(r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)\Z', line, re.S)
        assert match, f"not a content line: {line!r}"
        params = dict(p.split("=", 1) for p in match[2].split(";")[1:])
        out.append((match[1].upper(), params, match[3]))
    return out


def parse(text: str) -> dict:
    """Components as {"name", "props": [(name, params, value)], "subs": [...]}, nesting checked."""
    root = {"name": None, "props": [], "subs": []}
    stack = [root]
    for name, params, value in content_lines(text):
        if name == "BEGIN":
            component = {"name": value, "props": [], "subs": []}
            stack[-1]["subs"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack[-1]["name"] == value, f"END:{value} closes {stack[-1]['name']}"
            stack.pop()
        else:
            stack[-1]["props"].append((name, params, value))
    assert stack == [root], "unclosed component"
    assert [c["name"] for c in root["subs"]] == ["VCALENDAR"]
    return root["subs"][0]


def props(component: dict) -> dict[str, tuple[dict[str, str], str]]:
    names = [name for name, _, _ in component["props"]]
    assert len(names) == len(set(names)), f"repeated property in {component['name']}: {names}"
    return {name: (params, value) for name, params, value in component["props"]}


def day_after(day: datetime.date) -> str:
    return (day + datetime.timedelta(days=1)).strftime("%Y%m%d")


# --- tests -----------------------------------------------------------------------------------


def test_calendar_header():
    cal = parse(calendar("Hạn báo cáo; xã Nam Sách, Hải Phòng", EVENTS, STAMP))
    assert cal["props"] == [
        ("VERSION", {}, "2.0"),
        ("PRODID", {}, "-//CCHC//Cong thong tin//VI"),
        ("CALSCALE", {}, "GREGORIAN"),
        ("METHOD", {}, "PUBLISH"),
        ("X-WR-CALNAME", {}, "Hạn báo cáo\\; xã Nam Sách\\, Hải Phòng"),
        ("X-WR-TIMEZONE", {}, "Asia/Ho_Chi_Minh"),
    ]
    assert unescape(props(cal)["X-WR-CALNAME"][1]) == "Hạn báo cáo; xã Nam Sách, Hải Phòng"


def test_every_event_round_trips():
    cal = parse(calendar("Hạn báo cáo", EVENTS, STAMP))
    assert [c["name"] for c in cal["subs"]] == ["VEVENT"] * len(EVENTS)
    for event, component in zip(EVENTS, cal["subs"], strict=True):
        p = props(component)
        assert unescape(p["UID"][1]) == event.uid
        assert p["DTSTAMP"] == ({}, "20261201T000000Z")
        assert p["DTSTART"] == ({"VALUE": "DATE"}, event.day.strftime("%Y%m%d"))
        assert p["DTEND"] == ({"VALUE": "DATE"}, day_after(event.day))
        assert unescape(p["SUMMARY"][1]) == event.summary
        assert (unescape(p["DESCRIPTION"][1]) if "DESCRIPTION" in p else "") == event.description
        assert (p["URL"][1] if "URL" in p else "") == event.url
        assert p["TRANSP"] == ({}, "TRANSPARENT")
        alarms = component["subs"]
        if event.reminder_days:
            assert [a["name"] for a in alarms] == ["VALARM"]
            a = props(alarms[0])
            assert a["TRIGGER"] == ({}, f"-P{event.reminder_days}D")
            assert a["ACTION"] == ({}, "DISPLAY")
            assert unescape(a["DESCRIPTION"][1]) == event.summary
        else:
            assert alarms == []
        # The order the brief gives, so diffs of the file read naturally.
        order = [n for n, _, _ in component["props"]]
        expected = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "TRANSP"]
        assert order == [n for n in expected if n in order]


def test_hostile_text_is_escaped_on_the_wire():
    text = calendar("x", [EVENTS[1]], STAMP)
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    assert "\r\nSUMMARY:a\\,b\\;c\\\\d\\nnewline\r\n" in unfolded
    assert "\r\nDESCRIPTION:a\\,b\\;c\\\\d\\nnewline\r\n" in unfolded
    # Windows and old-Mac line ends in pasted text become \n too, never a raw CR.
    assert ics.escape_text("một\r\nhai\rba\nbốn") == "một\\nhai\\nba\\nbốn"
    assert ics.escape_text("tab\tok\x00\x1b") == "tab\tok"


def test_crlf_everywhere():
    text = calendar("Hạn báo cáo", EVENTS, STAMP)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("\r\nEND:VCALENDAR\r\n")
    assert re.search(r"(?<!\r)\n", text) is None, "bare LF"
    assert re.search(r"\r(?!\n)", text) is None, "bare CR"


def test_long_vietnamese_lines_fold_by_octets():
    assert len(LONG) == 200 and sum(not c.isascii() for c in LONG) > 40
    data = calendar("Hạn báo cáo", EVENTS, STAMP).encode("utf-8")
    physical = data.split(b"\r\n")[:-1]
    assert any(line.startswith(b" ") for line in physical), "nothing was folded"
    for line in physical:
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line decodes on its own: no character was split
    # Folds are only as short as the character boundaries force: at most 3 octets of slack.
    for line, nxt in pairwise(physical):
        if nxt.startswith(b" "):
            assert len(line) >= 72, line


@pytest.mark.parametrize("extra, folded", [(0, False), (1, True)])
def test_fold_boundary_is_75_octets(extra, folded):
    summary = "ệ" * 22 + "x" * (1 + extra)  # "SUMMARY:" is 8 octets, "ệ" is 3: 8 + 66 + 1 = 75
    text = calendar("x", [Event("u", datetime.date(2026, 1, 1), summary, reminder_days=0)], STAMP)
    assert ("\r\n " in text) is folded
    assert unescape(props(parse(text)["subs"][0])["SUMMARY"][1]) == summary


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_fold_round_trips_any_text(text):
    folded = ics.fold("SUMMARY:" + text)
    for line in folded.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == "SUMMARY:" + text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=300))
def test_escaped_text_round_trips(text):
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    event = Event("u@x", datetime.date(2026, 5, 1), text, description=text + "\n" + text)
    p = props(parse(calendar(text, [event], STAMP))["subs"][0])
    assert unescape(p["SUMMARY"][1]) == text
    assert unescape(p["DESCRIPTION"][1]) == text + "\n" + text


@pytest.mark.parametrize(
    "day, end",
    [
        (datetime.date(2026, 12, 31), "20270101"),
        (datetime.date(2028, 2, 28), "20280229"),
        (datetime.date(2027, 2, 28), "20270301"),
        (datetime.date(2026, 1, 31), "20260201"),
    ],
)
def test_dtend_is_the_next_day(day, end):
    text = calendar("x", [Event("u", day, "Hạn")], STAMP)
    p = props(parse(text)["subs"][0])
    assert p["DTSTART"] == ({"VALUE": "DATE"}, day.strftime("%Y%m%d"))
    assert p["DTEND"] == ({"VALUE": "DATE"}, end)


def test_output_is_stable_and_in_the_given_order():
    first = calendar("Hạn báo cáo", EVENTS, STAMP).encode("utf-8")
    again = calendar("Hạn báo cáo", [Event(**vars(e)) for e in EVENTS], STAMP).encode("utf-8")
    assert first == again
    reversed_uids = [unescape(props(c)["UID"][1]) for c in parse(calendar("x", EVENTS[::-1], STAMP))["subs"]]
    assert reversed_uids == [e.uid for e in EVENTS[::-1]]


@pytest.mark.parametrize(
    "stamp, expected",
    [
        (STAMP, "20261201T000000Z"),
        (
            datetime.datetime(2026, 12, 1, 6, 30, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
            "20261130T233005Z",
        ),
        (datetime.datetime(2026, 12, 1, 8, 9, 10), "20261201T080910Z"),  # naive: taken as UTC
    ],
)
def test_dtstamp_is_the_given_stamp_in_utc(stamp, expected):
    for component in parse(calendar("x", EVENTS, stamp))["subs"]:
        assert props(component)["DTSTAMP"] == ({}, expected)


def test_no_alarm_when_reminder_days_is_zero():
    text = calendar("x", [Event("u", datetime.date(2026, 3, 1), "Hạn", reminder_days=0)], STAMP)
    assert "VALARM" not in text and "TRIGGER" not in text
    text = calendar("x", [Event("u", datetime.date(2026, 3, 1), "Hạn")], STAMP)
    assert "\r\nTRIGGER:-P7D\r\n" in text


def test_empty_description_and_url_are_left_out():
    text = calendar("x", [Event("u", datetime.date(2026, 3, 1), "Hạn", reminder_days=0)], STAMP)
    p = props(parse(text)["subs"][0])
    assert "DESCRIPTION" not in p and "URL" not in p


def test_empty_calendar():
    cal = parse(calendar("Trống", [], STAMP))
    assert cal["subs"] == []


@pytest.mark.parametrize(
    "event, message",
    [
        (Event("u", datetime.date(2026, 1, 1), "x", reminder_days=-1), "reminder_days"),
        (Event("u", datetime.date(2026, 1, 1), "x", url="https://a.vn/x\r\nX-EVIL:1"), "URL"),
        (Event("u", datetime.date(2026, 1, 1), "x", url="https://a.vn/a b"), "URL"),
    ],
)
def test_bad_events_are_refused(event, message):
    with pytest.raises(ValueError, match=message):
        calendar("x", [event], STAMP)


def test_duplicate_uids_are_refused():
    event = Event("u", datetime.date(2026, 1, 1), "x")
    with pytest.raises(ValueError, match="duplicate"):
        calendar("x", [event, event], STAMP)


def test_icalendar_package_agrees():
    import icalendar

    cal = icalendar.Calendar.from_ical(calendar("Hạn báo cáo", EVENTS, STAMP))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(EVENTS)
    for event, parsed in zip(EVENTS, events, strict=True):
        assert str(parsed["UID"]) == event.uid
        assert str(parsed["SUMMARY"]) == event.summary
        assert parsed.decoded("DTSTART") == event.day
        assert parsed.decoded("DTEND") == event.day + datetime.timedelta(days=1)
        assert len(list(parsed.walk("VALARM"))) == (1 if event.reminder_days else 0)
