"""The editors' preview's keys (cchc.publish.preview): what a page reads besides its own text, and that a
change of it is seen (the served site against a clean build: tests/site/test_preview.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cchc.memo import Memo, digest
from cchc.publish.preview import Preview


def test_digests_tell_parts_apart():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest({"a": 1}) == digest({"a": 1}) != digest({"a": 2})


def test_the_memo_keeps_what_the_last_build_asked_for_and_drops_the_rest():
    memo, made = Memo(), []

    def make(value):
        made.append(value)
        return value

    assert memo.get("a", lambda: make(1)) == 1
    assert memo.get("b", lambda: make(2)) == 2
    memo.next_build()
    assert memo.get("a", lambda: make(3)) == 1  # kept
    memo.next_build()
    assert memo.get("b", lambda: make(4)) == 4  # not asked for by the last build: dropped
    assert made == [1, 2, 4]


def test_a_serve_session_keeps_its_build_time_through_the_day():
    session = Preview()
    morning = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    assert session.built(morning) == morning
    assert session.built(morning + timedelta(hours=3)) == morning  # same feeds, same pages
    tomorrow = morning + timedelta(days=1)
    assert session.built(tomorrow) == tomorrow  # the due dates move on
