"""`cchc build` (what `make build` runs): site/ is always a complete site, one build at a time.

Builds are killed at points spread over their run, two builds race, the folder cannot be replaced;
after each, site/ must be exactly the previous complete site or the new one, file for file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc.publish import site_swap
from tests.conftest import MEASURED, REPORT, build_env, make_project

SECOND = "content/van-ban/xa-nam-sach/bao-cao-2026.md"


def start(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cchc", "--root", str(project), "build"],
        env=build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(project: Path) -> tuple[int, str]:
    process = start(project)
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def version(project: Path, second: bool) -> None:
    """Content A (one report) or B (two): each build turns the site from one into the other."""
    path = project / SECOND
    if second:
        path.write_text(
            REPORT.replace("25/BC-UBND", "26/BC-UBND").replace("năm 2025", "năm 2026"), encoding="utf-8"
        )
    else:
        path.unlink(missing_ok=True)


def wait_for_lock(project: Path) -> None:
    """Until no build (nor a MkDocs left running by a killed one) holds the lock."""
    import fcntl

    with (project / site_swap.LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)


@pytest.fixture(scope="module")
def built_versions(tmp_path_factory) -> tuple[Path, dict[bool, dict[str, str]]]:
    """A project built as version B, then A (its site/), and the complete sites of both: built once for
    the module's tests, each of which gets a copy."""
    project, sites = make_project(tmp_path_factory.mktemp("atomic") / "portal"), {}
    for second in (True, False):
        version(project, second)
        code, out = run(project)
        assert code == 0, out
        sites[second] = snapshot(project / "site")
    assert sites[True] != sites[False]
    return project, sites


@pytest.fixture
def both(built_versions, tmp_path):
    """A copy of the built project (its site/ is version A), and the complete sites of versions A and B."""
    built, sites = built_versions
    project = tmp_path / "portal"
    shutil.copytree(built, project, symlinks=True)
    return project, sites


def test_killed_at_any_point_site_is_the_old_or_the_new_complete_site(both):
    project, sites = both
    site, current, seen = project / "site", False, []
    for i, delay in enumerate([0.1, 0.4, 0.7, 1.0, 1.3, 1.6, 1.9, 2.2, 2.6, 3.0]):
        version(project, not current)
        process = start(project)
        time.sleep(delay)
        # Alternately the whole group (Ctrl-C on make) and `cchc` alone, which leaves MkDocs running.
        os.killpg(process.pid, signal.SIGKILL) if i % 2 else process.kill()
        process.wait()
        now = snapshot(site)
        assert now in (sites[True], sites[False]), f"killed after {delay} s: a mixed site"
        seen.append(now == sites[not current])
        current = now == sites[True]
        wait_for_lock(project)
    MEASURED.append(
        f"cchc build bị giết 10 lần: site/ luôn trọn vẹn; {sum(seen)} lần đã là bản mới, "
        f"{len(seen) - sum(seen)} lần còn bản cũ"
    )
    code, out = run(project)
    assert code == 0, out
    assert not (project / site_swap.NEW).exists() and not (project / site_swap.OLD).exists()


def test_killed_while_the_old_site_is_removed(both):
    project, sites = both
    site = project / "site"
    # An old site large enough that removing it takes a while: the kill lands as soon as site/ changes.
    for i in range(20_000):
        (site / f"cu-{i}.txt").write_text("x")
    padded, names = snapshot(site), {p.name for p in site.iterdir()}
    version(project, True)
    process = start(project)
    while {p.name for p in site.iterdir()} == names and process.poll() is None:
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(site) in (padded, sites[True]), "site/ changed file by file"
    assert (project / site_swap.NEW).exists(), "the kill came after the old site was removed"
    code, out = run(project)
    assert code == 0, out
    assert not (project / site_swap.NEW).exists()


def test_two_builds_at_once_wait_for_each_other(both):
    project, sites = both
    version(project, True)
    first, second = start(project), start(project)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    waited = [err for _, err in results if "Đang có một lần xây dựng khác" in err]
    assert len(waited) == 1, results
    assert snapshot(project / "site") == sites[True]


def test_a_failed_build_leaves_the_site_as_it_was(both):
    project, sites = both
    (project / "content/don-vi/xa-nam-sach.md").write_text("---\nten: [\n---\n", encoding="utf-8")
    code, out = run(project)
    assert code == 1
    assert "site giữ nguyên như trước" in out or "site/ giữ nguyên" in out, out
    assert snapshot(project / "site") == sites[False]


def _immutable(path: Path, on: bool) -> bool:
    return subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True).returncode == 0


def test_a_site_that_cannot_be_replaced_stays_and_is_reported(both):
    project, sites = both
    site = project / "site"
    locked = _immutable(site, True)
    if not locked:
        if os.geteuid() == 0:
            pytest.skip("neither chattr nor file permissions can stop root here")
        project.chmod(0o555)  # not root: a read-only parent folder
    try:
        version(project, True)
        code, out = run(project)
    finally:
        _immutable(site, False)
        project.chmod(0o755)
    assert code == 1
    assert "không thay được thư mục" in out or "Không tạo được thư mục" in out, out
    assert "giữ nguyên" in out
    if locked:
        assert "không thay được thư mục" in out and "không được phép (thư mục bị khóa" in out, out
    assert "Traceback" not in out
    assert snapshot(site) == sites[False]
    assert not (project / site_swap.NEW).exists()


def test_without_an_atomic_exchange_two_renames_and_recovery(tmp_path, monkeypatch):
    monkeypatch.setattr(site_swap, "_exchange", lambda a, b: False)
    site, new = tmp_path / "site", tmp_path / site_swap.NEW
    site.mkdir()
    (site / "old.html").write_text("old")
    new.mkdir()
    (new / "new.html").write_text("new")
    site_swap.swap(new, site)
    assert [p.name for p in site.iterdir()] == ["new.html"]
    assert not new.exists() and not (tmp_path / site_swap.OLD).exists()
    # Stopped between the two renames: the next build puts the old site back before anything else.
    site.rename(tmp_path / site_swap.OLD)
    site_swap.recover(site)
    assert [p.name for p in site.iterdir()] == ["new.html"]


def test_build_outside_a_portal_is_refused(tmp_path):
    code = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(tmp_path), "build"], capture_output=True, text=True
    )
    assert code.returncode == 1
    assert "Không có mkdocs.yml" in code.stderr
    assert not (tmp_path / "site").exists()
