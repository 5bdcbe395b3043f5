"""Share cards drawn in worker processes (a few in this one): one drawing per card, and no worker outlives
its build."""

from __future__ import annotations

import pytest

from cchc.publish.cards import IN_PROCESS, Card, Pending

CARD = Card("BÁO CÁO", "Kết quả công tác tuyên truyền cải cách hành chính năm 2025", "UBND xã Nam Sách")


def test_identical_cards_are_drawn_once(tmp_path):
    """Two pages may share a card: two workers once drew it at the same time into one file."""
    pending = Pending([CARD, CARD, *_many(IN_PROCESS)], tmp_path, workers=2)
    assert pending._pool is not None
    assert pending.wait() == IN_PROCESS + 1
    assert {p.suffix for p in tmp_path.iterdir()} == {".png"}  # no .part left behind


def _many(count: int) -> list[Card]:
    return [Card("BÁO CÁO", f"Báo cáo {n}", "UBND xã A") for n in range(count)]


def test_a_few_cards_are_drawn_here_and_a_failure_is_raised_when_waited_for(tmp_path):
    pending = Pending(_many(IN_PROCESS), tmp_path)
    assert pending._pool is None and not list(tmp_path.iterdir())  # nothing drawn before the wait
    assert pending.wait() == IN_PROCESS
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    failing = Pending([CARD], blocked)
    with pytest.raises(OSError):
        failing.wait()


def test_a_failing_worker_shuts_the_pool_down(tmp_path):
    blocked = tmp_path / "cards"
    blocked.write_text("not a folder", encoding="utf-8")  # the workers cannot write their cards
    pending = Pending(_many(IN_PROCESS + 1), blocked, workers=1)
    processes = list(pending._pool._processes.values())
    with pytest.raises(OSError):
        pending.wait()
    assert pending._pool is None
    for process in processes:
        process.join(timeout=10)
        assert not process.is_alive()


def test_an_abandoned_build_stops_its_workers(tmp_path):
    pending = Pending(_many(40), tmp_path, workers=1)
    processes = list(pending._pool._processes.values())
    pending.cancel()
    for process in processes:
        process.join(timeout=20)
        assert not process.is_alive()
    assert pending.wait() < 40  # what was not drawn yet was cancelled
