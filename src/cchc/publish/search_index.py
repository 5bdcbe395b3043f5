"""The search index: Pagefind run over the built site, then made stable and cut small.

Pagefind (1.5) writes its filter files and its metadata from hash maps, so their order, their
content hashes and the file names built from them change from one run to the next although the
pages, words and fragments do not. We sort those lists and name the rewritten files after their
own content, which gives byte-identical output without touching what the search finds.

Each word of a query fetches the one index chunk whose word range holds it. Pagefind closes a
chunk after 20,000 postings not counting the accented spellings it keeps beside each word, so on
the 10,000-document corpus its chunks are 12–125 kB compressed. We cut the same sorted words
into chunks of about CHUNK_BYTES, which makes a query word cost a few kB unless the word itself
is on most pages.

News items have an index of their own (urls.NEWS_SEARCH_BUNDLE), which the search page offers as
"Tin tức". Every query loads its index's page list first (about 6 bytes a page, compressed) and the
filters' page lists: with as many news items as documents, one index took a query from 217–265 kB to
342–435 kB at 10,000 documents, and a resident looking for a procedure paid for every news item.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

from cchc import urls
from cchc.publish import cbor

SIGNATURE = b"pagefind_dcd"
# Bytes of encoded words per index chunk. Smaller chunks cost a query less but make the
# chunk list in the metadata, which every search loads, longer (about 6 bytes per chunk).
CHUNK_BYTES = 4096


class SearchIndexError(Exception):
    pass


class Stopped(Exception):
    """A newer build no longer needs the index being made stable (the editors' preview)."""


def _going_on() -> bool:
    return False


BODY = "data-pagefind-body"  # on the pages search shows (overrides/main.html); the others are not read


class Indexer:
    """Pagefind over the folders that hold searchable pages, started as soon as the last page that may be
    searchable is on disk, so that it runs on the other core while the rest of the site is written.

    Most pages (listings, reference pages) are not searchable and are written last; Pagefind reads only
    the folders where a written page carried BODY, which is also what spares it most of its parsing.
    Whenever that could differ from Pagefind over the whole site (a searchable page written after the
    start, no page with BODY at all, or no start), `finish` runs it over everything: the same index,
    only later. `news`: whether the site has news items, which get their own index.
    """

    def __init__(self, site_dir: Path, may_search: int, news: bool) -> None:
        self.site_dir = site_dir
        self.news = news
        self._left = may_search  # pages not yet written that may carry BODY
        self._folders: set[str] = set()
        self._processes: dict[str, subprocess.Popen[str]] = {}  # by bundle
        self._late = False

    def written(self, dest_uri: str, html: str, may_search: bool) -> None:
        """A page is about to be written to `dest_uri` (in the site) with `html` (MkDocs' on_post_page: the
        file is written when it returns). Pagefind starts at the next page, once the last page that may be
        searchable is on disk: started at that page's own event, it could read the folder before the file
        (it did, when a busy machine let the binary start first)."""
        if self._left == 0 and not self._processes:
            self._start()
        if BODY in html:
            self._late |= bool(self._processes)
            self._folders.add(dest_uri.rpartition("/")[0].partition("/")[0])
        if may_search:
            self._left -= 1

    def finish(self) -> int:
        """Wait for the indexes, make them stable; return the number of pages indexed."""
        if not self._processes or self._late or not self._folders:
            self.cancel()
            self._start(everything=True)
        pages = 0
        for bundle, process in self._processes.items():
            out, err = process.communicate()
            if process.returncode != 0:
                raise SearchIndexError((err or out).strip()[-500:])
            make_stable(self.site_dir / bundle)
            pages += indexed(out)
        return pages

    def cancel(self) -> None:
        for process in self._processes.values():
            process.kill()
            process.communicate()
        self._processes = {}

    def _start(self, everything: bool = False) -> None:
        folders = None if everything else self._folders
        self._processes = {
            bundle: pagefind(self.site_dir, "--glob", glob, "--output-subdir", bundle)
            for bundle, glob in bundles(self.site_dir, folders, self.news)
        }


def bundles(site_dir: Path, folders: Iterable[str] | None, news: bool) -> list[tuple[str, str]]:
    """Each index as (its folder in the site, Pagefind's --glob): the news items' when there are any
    (Pagefind stops on a glob that finds no page), and the rest's over the site's own pages and those in
    `folders` (None: every folder in `site_dir`)."""
    if folders is None:
        folders = (entry.name for entry in site_dir.iterdir() if entry.is_dir()) if site_dir.is_dir() else ()
    others = sorted(f"{folder}/**/*.html" for folder in folders if folder and folder not in _NOT_SEARCHED)
    found = [(urls.SEARCH_BUNDLE, "{" + ",".join(["*.html", *others]) + "}")]
    return found + ([(urls.NEWS_SEARCH_BUNDLE, f"{urls.NEWS_FOLDER}/**/*.html")] if news else [])


# Folders whose pages are not in the main index: the news items' (their own) and the indexes'.
_NOT_SEARCHED = {urls.NEWS_FOLDER, urls.SEARCH_BUNDLE, urls.NEWS_SEARCH_BUNDLE}


def pagefind(site_dir: Path, *options: str) -> subprocess.Popen[str]:
    """Pagefind started over `site_dir`; its output is read by `indexed`."""
    return subprocess.Popen(
        [_executable(), "--site", str(site_dir), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _executable() -> str:
    """The binary `python -m pagefind` runs (that of the pinned pagefind[bin]), found without starting a
    second Python to look for it: 0.07 s of every build."""
    import pagefind_bin  # type: ignore[import-untyped]  # no inline types: get_executable() -> Path

    return str(pagefind_bin.get_executable())


def indexed(output: str) -> int:
    """The number of pages Pagefind says it indexed."""
    pages = re.search(r"Indexed (\d+) pages?", output)
    return int(pages.group(1)) if pages else 0


def make_stable(bundle: Path, stopped: Callable[[], bool] = _going_on) -> None:
    """Rewrite Pagefind's output in `bundle` as described above; raise Stopped as soon as `stopped()`."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        language["hash"] = _stable_language(bundle, language["hash"], stopped)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _stable_language(bundle: Path, meta_hash: str, stopped: Callable[[], bool]) -> str:
    """Rewrite one language's metadata and filters; return the metadata's new hash."""
    prefix = meta_hash.split("_")[0] + "_"
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_cbor(meta_file)
    meta[2] = _split_index(bundle / "index", prefix, meta[2], stopped)
    filters = meta[3]  # [[name, file hash], ...]
    for pair in filters:
        old = bundle / "filter" / f"{pair[1]}.pf_filter"
        name, values = read_cbor(old)
        old.unlink()  # before writing: the new file may have the same name
        # Each value with its pages, values in text order and pages ascending.
        values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])
        pair[1] = _write(bundle / "filter", prefix, 7, ".pf_filter", [name, values])
    meta[3] = sorted(filters, key=lambda pair: pair[0])
    meta[4] = sorted(meta[4], key=lambda pair: pair[0])  # sorts
    meta[5] = sorted(meta[5])  # metadata field names
    meta_file.unlink()
    return _write(bundle, "pagefind." + prefix, 10, ".pf_meta", meta)[len("pagefind.") :]


def _split_index(
    folder: Path, prefix: str, chunks: list[list[str]], stopped: Callable[[], bool]
) -> list[list[str]]:
    """Re-cut the index chunks listed as [[from, to, hash], ...]; return the new list."""
    words: list[bytes] = []
    for _, _, stem in chunks:
        _check(stopped)
        path = folder / f"{stem}.pf_index"
        payload = _payload(path)
        if payload[:1] != b"\x81":  # a chunk is [[word entry, ...]]
            raise SearchIndexError(f"{path}: Pagefind đã đổi định dạng chỉ mục")
        words += cbor.elements(payload, 1)
        path.unlink()
    keyed = sorted((cast(str, cbor.first(word)), word) for word in words)  # a word entry is [word, …]
    written = []
    for low, high, group in cut(keyed, CHUNK_BYTES):
        _check(stopped)
        written.append(
            [low, high, _write_raw(folder, prefix, 12, ".pf_index", cbor.array([cbor.array(group)]))]
        )
    return written


def _check(stopped: Callable[[], bool]) -> None:
    if stopped():
        raise Stopped


def cut(words: list[tuple[str, bytes]], size: int) -> list[tuple[str, str, list[bytes]]]:
    """Sorted (word, encoded entry) pairs in groups of at least `size` bytes (the last may be
    smaller), each with the word range Pagefind's search looks up.

    A query term loads the first chunk with from <= term <= to. Each range ends at its last word
    and the next starts at the shortest prefix of its first word that sorts after that, so every
    word, and every prefix that reaches past the previous chunk, finds the chunk that holds it.
    """
    groups: list[list[tuple[str, bytes]]] = []
    filled = 0
    for pair in words:
        if not groups or filled >= size:
            groups.append([])
            filled = 0
        groups[-1].append(pair)
        filled += len(pair[1])
    ranges = []
    for before, group in zip([None, *groups], groups):
        low = group[0][0]
        if before:
            low = low[: _shared_prefix(before[-1][0], low) + 1]
        ranges.append((low, group[-1][0], [entry for _, entry in group]))
    return ranges


def _shared_prefix(a: str, b: str) -> int:
    return next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def read_cbor(path: Path) -> list[Any]:
    """One of Pagefind's gzipped CBOR files (filter, meta or index), decoded: an array, as JSON would be,
    whose layout is Pagefind's (the callers name its parts)."""
    return cast("list[Any]", cbor.decode_cbor(_payload(path)))


def _payload(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: không phải tệp chỉ mục Pagefind")
    return data[len(SIGNATURE) :]


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: list[Any]) -> str:
    return _write_raw(folder, prefix, digits, suffix, cbor.encode(value))


def _write_raw(folder: Path, prefix: str, digits: int, suffix: str, payload: bytes) -> str:
    """Write SIGNATURE + payload gzipped, named after its own content; return the name's stem."""
    data = SIGNATURE + payload
    stem = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{stem}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return stem
