"""The search index: Pagefind run over the built site, then made the same for the same input.

Pagefind (1.5) writes its filter files and its metadata from hash maps, so their order, their
content hashes and the file names built from them change from one run to the next although the
pages, words and fragments do not. We sort those lists and name the rewritten files after their
own content, which gives byte-identical output without touching what the search finds.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from . import cbor

SIGNATURE = b"pagefind_dcd"


class SearchIndexError(Exception):
    pass


def build(site_dir: Path) -> int:
    """Index the site into site_dir/pagefind/ and return the number of pages indexed."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip()[-500:])
    make_stable(site_dir / "pagefind")
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    return int(pages.group(1)) if pages else 0


def make_stable(bundle: Path) -> None:
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        language["hash"] = _stable_language(bundle, language["hash"])
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _stable_language(bundle: Path, meta_hash: str) -> str:
    """Rewrite one language's metadata and filters; return the metadata's new hash."""
    prefix = meta_hash.split("_")[0] + "_"
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read(meta_file)
    filters = meta[3]  # [[name, file hash], ...]
    for pair in filters:
        old = bundle / "filter" / f"{pair[1]}.pf_filter"
        name, values = read(old)
        # Each value with its pages, values in text order and pages ascending.
        values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])
        pair[1] = _write(bundle / "filter", prefix, 7, ".pf_filter", [name, values])
        old.unlink()
    meta[3] = sorted(filters, key=lambda pair: pair[0])
    meta[4] = sorted(meta[4], key=lambda pair: pair[0])  # sorts
    meta[5] = sorted(meta[5])  # metadata field names
    meta_file.unlink()
    return _write(bundle, "pagefind." + prefix, 10, ".pf_meta", meta)[len("pagefind."):]


def read(path: Path) -> list:
    """One of Pagefind's gzipped CBOR files (filter, meta or index), decoded."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path}: không phải tệp chỉ mục Pagefind")
    return cbor.decode(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: list) -> str:
    data = SIGNATURE + cbor.encode(value)
    stem = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / f"{stem}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return stem
