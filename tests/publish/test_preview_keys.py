"""The editors' preview's keys (cchc.publish.preview): what a page reads besides its own text, and that a
change of it is seen (the served site against a clean build: tests/site/test_preview.py)."""

from __future__ import annotations

import gc
import os
import time
import weakref
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from cchc import memo
from cchc.memo import RACY_NS, FileDigests, Memo, digest
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


def test_a_file_is_read_again_only_when_its_stat_changed_or_could_hide_a_change(tmp_path, monkeypatch):
    files, reads, clock = FileDigests(), [], [time.time_ns()]
    monkeypatch.setattr(memo, "time", SimpleNamespace(time_ns=lambda: clock[0]))

    def read(path):
        reads.append(path.name)
        return path.read_bytes()

    old, new = tmp_path / "cu.md", tmp_path / "moi.md"
    old.write_bytes(b"a")
    os.utime(old, ns=(clock[0] - RACY_NS, clock[0] - RACY_NS))  # its next write shows in its mtime
    clock[0] += 10 * RACY_NS  # read well after it was changed
    known = files.of(old, read)
    assert known == (digest(b"a"), b"a") and reads == ["cu.md"]
    assert files.of(old, read) == (known[0], None) and reads == ["cu.md"]  # by its stat
    # A file read in the same moment it was written could be written again in the same clock tick with
    # the same size, and keep its stat: it is read each time until its stat is old enough to trust.
    new.write_bytes(b"b")
    clock[0] = time.time_ns()
    assert files.of(new, read) == (digest(b"b"), b"b")
    assert files.of(new, read) == (digest(b"b"), b"b") and reads == ["cu.md", "moi.md", "moi.md"]
    # A change of the old file changes its stat, and it is read again.
    old.write_bytes(b"c")
    clock[0] += 10 * RACY_NS
    assert files.of(old, read) == (digest(b"c"), b"c")
    # What a build did not read is forgotten when the next begins.
    files.next_build()
    files.next_build()
    files.of(old, read)
    assert reads[-1] == "cu.md" and len(reads) == 5


def test_the_memo_names_what_it_made_anew_since_the_last_complete_build():
    memo = Memo()
    memo.get(("source", ("a.md", "1")), lambda: 1)
    memo.get(("other", "x"), lambda: 2)
    memo.next_build()
    memo.get(("source", ("a.md", "1")), lambda: 3)  # kept: not made
    memo.get(("source", ("b.md", "2")), lambda: 4)
    assert memo.made("source") == [("b.md", "2")]
    memo.get(("source", ("c.md", "3")), lambda: 5)  # a failed build's files count for the next one
    assert memo.made("source") == [("b.md", "2"), ("c.md", "3")]
    memo.next_build()
    assert memo.made("source") == []


class _Node:
    me: object = None


def test_once_a_build_is_done_its_garbage_is_collected_and_what_lives_on_set_aside():
    gone, kept = _Node(), _Node()
    gone.me, kept.me = gone, kept  # cycles: only the collector frees them
    dead = weakref.ref(gone)
    del gone
    try:
        Preview.set_aside()
        assert dead() is None
        assert gc.get_freeze_count() > 0 and kept.me is kept
    finally:
        gc.unfreeze()


def test_a_serve_session_keeps_its_build_time_through_the_day():
    session = Preview()
    morning = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    assert session.built(morning) == morning
    assert session.built(morning + timedelta(hours=3)) == morning  # same feeds, same pages
    tomorrow = morning + timedelta(days=1)
    assert session.built(tomorrow) == tomorrow  # the due dates move on
