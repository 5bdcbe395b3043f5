"""The lines `read_lines` gives for a corpus file, kept between runs: they depend only on the file's bytes,
the code that reads it (sources.py, syllables.py) and the installed packages (pypdf, python-docx), and
parsing the corpus's PDFs is most of its scoring's time. Each entry is named by a hash of all of these, in
a folder named by the code's and packages' hash (older folders are removed), under .cache/, which CI keeps."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from pathlib import Path

from cchc.importer.sources import read_lines
from tests.conftest import REPO
from tests.corpus_cache import installed

CACHE = REPO / ".cache" / "tests" / "read-lines"
READERS = ("src/cchc/importer/sources.py", "src/cchc/importer/syllables.py")


@functools.cache
def _folder() -> Path:
    digest = hashlib.sha256("\n".join(installed()).encode())
    for name in READERS:
        digest.update(name.encode() + b"\0" + (REPO / name).read_bytes() + b"\0")
    folder = CACHE / digest.hexdigest()[:16]
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        for old in CACHE.iterdir():
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    return folder


def cached_read_lines(path: Path) -> list[str]:
    """`read_lines(path)`, from the cache when the file and what reads it are unchanged; a file that cannot
    be read raises as `read_lines` does, and nothing is kept for it."""
    entry = _folder() / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:24]}.json"
    if entry.is_file():
        lines: list[str] = json.loads(entry.read_text(encoding="utf-8"))
        return lines
    lines = read_lines(path)
    part = entry.with_suffix(f".{os.getpid()}.part")  # two workers may read the same file at once
    part.write_text(json.dumps(lines, ensure_ascii=False), encoding="utf-8")
    part.replace(entry)
    return lines
