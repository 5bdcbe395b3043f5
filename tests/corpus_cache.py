"""The 10,000-document corpus the search test builds, kept between runs under a hash of what made it.

Building it is the longest step of the suite (minutes), and its output depends only on the synthetic
generator, the portal's code, theme and pages, the packages that build it and the build date: when
none of these changed, the site built last time is the site this run would build. Only what the
search page reads is kept (its page, the theme's assets, the search bundle, the host headers: 46 MB
of the 1.1 GB built), with the build's own cache (share cards), and CI keeps `.cache/` between runs
(.github/workflows/pages.yml, .gitlab-ci.yml).
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from importlib import metadata
from pathlib import Path

from cchc import urls
from cchc.portal_build import CACHE as BUILD_CACHE

from .bench import write_project
from .conftest import BUILT, REPO, mkdocs_build

CACHE = REPO / ".cache" / "bench"
# Everything a build of the synthetic corpus reads or runs, besides Python and the installed packages.
INPUTS = ("src", "hooks", "overrides", "docs", "mkdocs.yml", "tests/synthetic.py", "tests/bench.py")
# What a search on the built corpus loads: the search page and what it asks for (the test fails on any
# request that does not succeed, so a missing file shows).
KEPT = (
    urls.written(urls.SEARCH_PAGE),
    urls.written(urls.HOME),
    urls.SEARCH_BUNDLE,
    urls.THEME_ASSETS,
    urls.HOST_HEADERS,
)


def installed() -> list[str]:
    """Python's version and every installed package's, a line each: part of any key of what they make."""
    return [sys.version, *sorted(f"{d.metadata['Name']} {d.version}" for d in metadata.distributions())]


def key(size: int) -> str:
    digest = hashlib.sha256("\n".join([str(size), BUILT, *installed()]).encode())
    for top in INPUTS:
        root = REPO / top
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if any(part == "__pycache__" or part.endswith(".egg-info") for part in path.parts):
                continue
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def built_corpus(size: int) -> Path:
    """The built site of `size` synthetic documents: from the cache when its inputs are unchanged,
    else generated and built here (into a temporary folder renamed when complete, older ones removed)."""
    name = f"{size}-{key(size)}"
    done = CACHE / name
    if (done / "site" / "index.html").is_file():
        return done / "site"
    part = CACHE / f"{name}.part"
    shutil.rmtree(part, ignore_errors=True)
    project = part / "project"
    write_project(project, size, news=False)  # the search test counts documents
    # The build's own cache (share cards, keyed by their text and drawing code) outlives the corpus it
    # was made for: a change to the portal's code draws no card again.
    kept = CACHE / f"{size}-build-cache"
    if kept.is_dir():
        (project / BUILD_CACHE).parent.mkdir(parents=True, exist_ok=True)
        kept.rename(project / BUILD_CACHE)
    result = mkdocs_build(project, part / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.rmtree(kept, ignore_errors=True)
    (project / BUILD_CACHE).rename(kept)
    shutil.rmtree(project)
    _keep_only(part / "site", KEPT)
    for old in CACHE.glob(f"{size}-*"):
        if old not in (part, kept):
            shutil.rmtree(old)
    part.rename(done)
    return done / "site"


def _keep_only(site: Path, kept: tuple[str, ...]) -> None:
    """Remove every file of `site` but those under the paths `kept`."""
    for path in sorted(site.rglob("*"), reverse=True):  # files before their folders
        relative = path.relative_to(site).as_posix()
        if any(relative == k or relative.startswith(f"{k}/") or k.startswith(f"{relative}/") for k in kept):
            continue
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()
