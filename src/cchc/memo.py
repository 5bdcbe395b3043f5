"""Results kept from one build to the next while `mkdocs serve` runs (cchc.publish.preview), each under a
key that names everything it is made from; what a build did not ask for is dropped when it ends, so
what is kept stays the size of one build's results."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self) -> None:
        self._kept: dict[Hashable, object] = {}  # the last build's results
        self._used: dict[Hashable, object] = {}  # this build's
        self._made: list[Hashable] = []  # the keys made anew since the last complete build
        self.files = FileDigests()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The result kept under `key`, or `make()`'s; `key` must hold all that `make` reads."""
        if key in self._used:
            return self._used[key]  # type: ignore[return-value]
        if key in self._kept:
            value = self._kept.pop(key)
        else:
            value = make()
            self._made.append(key)
        self._used[key] = value
        return value  # type: ignore[return-value]

    def made(self, family: str) -> list[Any]:
        """The rest of each key of `family` (its first part) whose result was made anew since the last
        complete build (a build that fails keeps its results for the next)."""
        return [key[1] for key in self._made if isinstance(key, tuple) and key[0] == family]

    def next_build(self) -> None:
        self._kept, self._used, self._made = self._used, {}, []
        self.files.next_build()


# File times are coarse (a clock tick on Linux, 2 s on FAT): a file changed this shortly before it was read
# could change again without its stat showing it, and is read again next time (git's "racily clean").
RACY_NS = 2_000_000_000


class FileDigests:
    """Each file's digest, kept with its stat from one build to the next: a file whose stat is the same is
    not read again (at 10,000 documents and news, reading every file took half a second of each save)."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, ...], str]] = {}
        self._seen: set[str] = set()

    def of(self, path: Path, read: Callable[[Path], bytes]) -> tuple[str, bytes | None]:
        """The digest of the bytes `read(path)` gives, and those bytes when they were read now."""
        name = str(path)
        self._seen.add(name)
        stat = path.stat()
        mark = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino, stat.st_dev)
        known = self._known.get(name)
        if known is not None and known[0] == mark:
            return known[1], None
        reading = time.time_ns()
        raw = read(path)
        value = digest(raw)
        if max(stat.st_mtime_ns, stat.st_ctime_ns) + RACY_NS < reading:
            self._known[name] = (mark, value)
        else:
            self._known.pop(name, None)
        return value, raw

    def next_build(self) -> None:
        self._known = {name: known for name, known in self._known.items() if name in self._seen}
        self._seen = set()


def digest(*parts: object) -> str:
    """A key made of parts: text, bytes, or data whose repr is stable (dataclasses, dicts in insertion
    order, Markup); each part's length goes in first, so no two lists of parts give one stream."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode()
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def use(memo: Memo | None, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, kept in `memo` when there is one (a build outside a serve session has none)."""
    return make() if memo is None else memo.get(key, make)
