"""The edit loop as an editor meets it: `mkdocs serve --dirty` (make serve) on a bench project, a file saved,
and the seconds from the save to the server answering with the changed page (its watcher's polling
included: the page of a document just saved is shown before the rest of its build), then to the whole
site rebuilt (the build's last line in the server's log). Each kind of edit is made a few times, with the
search index settled in between."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# `mkdocs serve`, stopped as a terminal's Ctrl-C stops it: a process started in the background inherits
# SIGINT ignored, and Python then never raises KeyboardInterrupt, so the server would not clean up.
SERVE = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)
BUILT = "1796083200"
EDITS = ("body", "title", "new document")
LOOP_BUDGET = {1000: 2.0, 10000: 5.0}  # seconds from a save to the changed page served


# The preview's last line of a build (PortalBuild.finish), once per build.
BUILD_DONE = "Xem trước: ghi lại"


@dataclass
class Loop:
    seconds: dict[str, list[float]]  # from each save to its page served, by kind of edit
    whole: dict[str, list[float]]  # from each save to the whole site rebuilt
    first_build: float


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, marker: str, limit: float = 900.0) -> float:
    """Poll `url` until it holds `marker`; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        text = _get(url)
        if text is not None and marker in text:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {marker!r}")


def _built(log: Path, builds: int, start: float, limit: float = 900.0) -> float:
    """Wait until the server's log tells of `builds` builds; the seconds since `start`."""
    while log.read_text(encoding="utf-8", errors="replace").count(BUILD_DONE) < builds:
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{log}: no more than {builds - 1} builds done")
        time.sleep(0.02)
    return time.perf_counter() - start


def _proc(path: str) -> str:
    """A file of /proc, or "" once its process or thread has ended (it may between two reads)."""
    try:
        return Path(path).read_text(errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return ""


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = [int(child) for child in _proc(f"{task}/children").split()]
            found += children
            todo += children
    return found


def _settle(pid: int) -> None:
    """Wait while the server's background search index is made (it would share the cores)."""
    time.sleep(0.5)
    while any("pagefind" in _proc(f"/proc/{child}/cmdline") for child in _descendants(pid)):
        time.sleep(0.2)


def _page_url(base: str, project: Path, source: Path) -> str:
    return base + source.relative_to(project / "content").with_suffix("").as_posix() + "/"


def _field(text: str, name: str, value: str) -> str:
    return re.sub(rf"^{name}: .*$", f'{name}: "{value}"', text, count=1, flags=re.M)


def loop(bench_project: Path, work: Path, times: int = 3, temp: Path | None = None) -> Loop:
    """Serve a copy of `bench_project` and time `times` edits of each kind (`temp`: the server's
    temporary folder, where it builds the site)."""
    project = work / "loop"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(bench_project, project, ignore=shutil.ignore_patterns("site", "plain", "site.log"))
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILT, "NO_MKDOCS_2_WARNING": "1"}
    if temp is not None:
        env["TMPDIR"] = str(temp)
    log_path = work / "loop.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVE,
            "serve",
            "--dirty",
            "-f",
            str(project / "mkdocs.yml"),
            "-a",
            f"127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    try:
        start = time.perf_counter()
        _wait_for(base, "</html>")
        first = time.perf_counter() - start
        documents = sorted((project / "content" / "van-ban").rglob("*.md"))
        seconds: dict[str, list[float]] = {edit: [] for edit in EDITS}
        whole: dict[str, list[float]] = {edit: [] for edit in EDITS}
        _built(log_path, 1, start)
        builds = 1
        for round_ in range(times):
            for edit in EDITS:
                _settle(server.pid)
                source = documents[(round_ * len(EDITS) + EDITS.index(edit)) * 7 % len(documents)]
                marker = f"Dòng thử {edit} {round_} {time.time_ns()}"
                text = source.read_text(encoding="utf-8")
                if edit == "body":
                    target, changed = source, text.rstrip("\n") + f"\n\n{marker}\n"
                elif edit == "title":
                    target, changed = source, _field(text, "trich_yeu", marker)
                else:
                    target = source.with_name(f"thu-{round_}-{source.name}")
                    changed = _field(
                        _field(text, "so_ky_hieu", f"{900 + round_}/TB-THU"), "trich_yeu", marker
                    )
                saved = time.perf_counter()
                target.write_text(changed, encoding="utf-8")
                seconds[edit].append(_wait_for(_page_url(base, project, target), marker))
                builds += 1
                whole[edit].append(_built(log_path, builds, saved))
        return Loop(seconds, whole, first)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
