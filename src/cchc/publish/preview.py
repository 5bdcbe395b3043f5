"""The editors' preview (`make serve`, which runs `mkdocs serve --dirty`): what one serve session keeps
from build to build, so that a save rewrites only the pages and files it changes.

Every page and file of a build gets a key, a digest of everything it is made from: a page's own text,
front matter, theme context and edit link; whether each file MkDocs looked up for its links when it was
last rendered exists now (a relative link becomes the file's address only when the file exists); and
what every page reads besides (the settings, the templates, the nav and the nav pages' titles:
`inputs`). A page or file is written again when its key differs from the one it was last written with;
the others stay as they are on disk, and their pages get back the title and meta that the pages drawn
again read from them (the nav, previous and next). When what every page reads has changed, every page is
drawn again, and the log says why. Files the last build wrote and this one does not are removed; after a
build that failed while writing, every file on disk that is not written is. The search index is then
made again over the whole site in the background, into a folder of its own that replaces the served one
once it is complete.

The check that this is safe is the one a reader cares about: after each kind of edit, the served site
equals a clean build byte for byte (tests/site/test_preview.py).
"""

from __future__ import annotations

import atexit
import gc
import logging
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cchc import urls
from cchc.dates import day_in_vietnam
from cchc.memo import Memo, digest
from cchc.publish import search_index

_SESSION: Preview | None = None
# Content files saved at once whose documents' pages are drawn and shown before the rest of the site is
# generated (more is a bulk change: the whole build shows it).
FIRST_AT_MOST = 3


def begin(previewing: bool) -> None:
    """A serve session starts (`previewing`: the site folder is kept between builds), or a build."""
    global _SESSION
    _SESSION = Preview() if previewing else None


def session() -> Preview | None:
    return _SESSION


def file_digest(path: str | Path) -> str:
    """A key for a file copied into the site: its place and its stat (the bytes are not read)."""
    stat = Path(path).stat()
    return digest(str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)


def tree_digest(folder: Path) -> str:
    """A key for every file under `folder` (templates, hooks)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return digest(*(f"{p.relative_to(folder).as_posix()}\0{file_digest(p)}" for p in files))


@dataclass
class Plan:
    """What this build writes: the pages and files whose key changed, and the others' keys."""

    keys: dict[str, str]  # every page's and file's key by its path in the site
    changed: set[str]  # the paths in the site written again
    shared: str  # the digest of what every page reads
    inputs_changed: list[str]  # the names of those that changed since the last build: all is drawn again


@dataclass
class Preview:
    _written: dict[str, str] = field(default_factory=dict)  # key of what is at each path in the site
    _shown: dict[str, tuple[Any, dict[str, Any]]] = field(default_factory=dict)  # title, meta by path
    _inputs: dict[str, str] = field(default_factory=dict)  # what every page reads, by name
    _search: Background | None = None
    _scratch: Path | None = None  # where the background search indexes are made, for the session
    memo: Memo = field(default_factory=Memo)  # what each content file gave (cchc.memo)
    _built: datetime | None = None
    _unknown: bool = False  # a build failed while writing: the site may hold files no key names
    _looked_up: dict[str, set[str]] = field(default_factory=dict)  # by each page's path (PortalBuild)

    def built(self, now: datetime) -> datetime:
        """The build's time: the session's first on the same day as the units count days (without
        SOURCE_DATE_EPOCH every build would otherwise differ in its feeds' times, and every page be drawn
        again)."""
        if self._built is None or day_in_vietnam(self._built) != day_in_vietnam(now):
            self._built = now
        return self._built

    def looked_up(self, path: str) -> Iterable[str]:
        """The files MkDocs looked up when it last rendered the page at `path` (its relative links)."""
        return self._looked_up.get(path, ())

    def saved(self, root: Path) -> set[str]:
        """The content files (relative to `root`) read anew since the last complete build, when there was
        one and they are few: the pages of their documents are drawn first (PortalBuild.start)."""
        if not self._written or self._unknown:
            return set()
        made = {Path(str(path)).relative_to(root).as_posix() for path, _ in self.memo.made("source")}
        return made if len(made) <= FIRST_AT_MOST else set()

    def drawn_first(self, paths: Iterable[str]) -> None:
        """Pages (by path in the site) written ahead of their build, under a key no page has: whatever that
        build does, the next complete one writes them again, or removes them when it has no such page."""
        self._written.update(dict.fromkeys(paths, ""))

    def plan(self, site_dir: Path, inputs: Mapping[str, str], own: Mapping[str, str]) -> Plan:
        """`inputs`: what every page reads, each a digest by a name the log shows; `own`: each page's and
        file's own digest by its path in the site. The last build's search index, when not done yet, is
        stopped: this build will make another."""
        self.cancel_search()
        shared = digest(*sorted(inputs.items()))
        keys = {path: digest(shared, key) for path, key in own.items()}
        names = [n for n in inputs if self._inputs.get(n) != inputs[n]] if self._inputs else []
        written = self._written
        changed = {p for p, key in keys.items() if written.get(p) != key or not (site_dir / p).exists()}
        return Plan(keys, changed, shared, names)

    def failed(self) -> None:
        """A build failed after it began writing: forget what is where, so that the next build draws every
        page again and removes every file it does not write."""
        self._written, self._unknown = {}, True

    def shown(self, path: str) -> tuple[Any, dict[str, Any]] | None:
        """A page's title and meta as the page was last written (by its path in the site)."""
        return self._shown.get(path)

    def done(
        self,
        site_dir: Path,
        plan: Plan,
        inputs: Mapping[str, str],
        shown: Mapping[str, tuple[Any, dict[str, Any]]],
        also: Iterable[str],
        rendered: Mapping[str, str],
        looked_up: Mapping[str, set[str]],
        news: bool,
    ) -> int:
        """The build has written `plan`'s pages and files (and `also`, paths the theme or the portal write
        each build; `shown`, every page's title and meta): remove what the last build wrote and this one
        does not, remember what is where (`rendered`: the own digests of what was written now, with what
        it looked up, `looked_up`), and index the site for search in the background (`news`: whether it
        has news items, which have an index of their own). Returns the number of files removed."""
        now = set(plan.keys) | set(also)
        gone = [path for path in self._written if path not in now]
        if self._unknown:  # after a failed build: whatever is on disk and not written now
            indexes = (f"{urls.SEARCH_BUNDLE}/", f"{urls.NEWS_SEARCH_BUNDLE}/")
            on_disk = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
            gone = [path for path in on_disk if path not in now and not path.startswith(indexes)]
            self._unknown = False
        for path in gone:
            _remove(site_dir, path)
        keys = plan.keys | {path: digest(plan.shared, key) for path, key in rendered.items()}
        self._written = dict.fromkeys(also, "") | keys
        self._looked_up = {p: found for p, found in {**self._looked_up, **looked_up}.items() if p in keys}
        self._shown = dict(shown)
        self._inputs = dict(inputs)
        self.memo.next_build()
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix=".cchc-search-", dir=site_dir.parent))
            atexit.register(shutil.rmtree, self._scratch, ignore_errors=True)
        self._search = Background(site_dir, news, self._scratch)
        return len(gone)

    @staticmethod
    def set_aside() -> None:
        """Once a build is done and shown: collect its garbage, then set what outlives it (the memo, the
        last build's files and nav) aside from the collector, whose full passes over a 10,000-document
        session's objects took over a second each, two or three times a build."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def cancel_search(self) -> None:
        if self._search is not None:
            self._search.cancel()
            self._search = None

    def settled(self) -> int:
        """Wait for the search index; the number of pages it holds (tests)."""
        return self._search.wait() if self._search else 0


def _remove(site_dir: Path, path: str) -> None:
    target = site_dir / path
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != site_dir and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class Background:
    """Pagefind over the whole site into folders of its own, swapped in for the served indexes when done.

    A save cancels it at once: the next build starts without waiting for it, and it stops between two
    chunks of the index it is rewriting rather than finish a few seconds of work nobody will see. What it
    leaves (its output, or the indexes it replaced: 20,000 files at 10,000 documents and news) is removed
    by the next one, once that build is over, rather than while it runs."""

    def __init__(self, site_dir: Path, news: bool, scratch: Path) -> None:
        self._site = site_dir
        self._scratch = scratch
        self._out = Path(tempfile.mkdtemp(dir=scratch))
        self._lock = threading.Lock()  # held while the new indexes are swapped in
        self._cancelled = threading.Event()
        self._indexed = 0
        self._processes = {
            bundle: search_index.pagefind(site_dir, "--glob", glob, "--output-path", str(self._out / bundle))
            for bundle, glob in search_index.bundles(site_dir, None, news)
        }
        self._thread = threading.Thread(target=self._finish, daemon=True)
        self._thread.start()

    def _finish(self) -> None:
        for left in self._scratch.iterdir():  # by the indexes before this one
            if left != self._out:
                shutil.rmtree(left, ignore_errors=True)
        done = {bundle: process.communicate() for bundle, process in self._processes.items()}
        try:
            if self._cancelled.is_set():
                return
            for bundle, (out, err) in done.items():
                if self._processes[bundle].returncode != 0:
                    raise search_index.SearchIndexError((err or out).strip()[-500:])
                search_index.make_stable(self._out / bundle, self._cancelled.is_set)
            with self._lock:
                if self._cancelled.is_set():
                    return
                replaced = self._out / "cu"
                replaced.mkdir()
                for bundle in (urls.SEARCH_BUNDLE, urls.NEWS_SEARCH_BUNDLE):
                    if (self._site / bundle).exists():
                        (self._site / bundle).rename(replaced / bundle)
                    if (self._out / bundle).exists():
                        (self._out / bundle).rename(self._site / bundle)
                self._indexed = sum(search_index.indexed(out) for out, _ in done.values())
        except search_index.Stopped:
            return
        except (search_index.SearchIndexError, OSError) as error:  # the served site keeps its index
            if not self._cancelled.is_set():  # a later index may have removed this one's folder
                logging.getLogger("mkdocs.plugins.cchc").warning(
                    f"Pagefind không lập được chỉ mục tìm kiếm: {error}"
                )

    def cancel(self) -> None:
        """Stop now (its thread ends on its own, at the next chunk)."""
        self._cancelled.set()
        with self._lock:
            for process in self._processes.values():
                if process.poll() is None:
                    process.kill()

    def wait(self) -> int:
        self._thread.join()
        return self._indexed
