"""Builds as `mkdocs serve` makes them, in this process: each build loads mkdocs.yml again and builds into
the same folder, `dirty` as `make serve` runs it, or from nothing as plain `mkdocs serve` does."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from cchc.publish import preview

SERVED = "http://127.0.0.1:8000/"
BUILT = "1796083200"  # as tests/conftest.py: the builds' date


class Session:
    """One serve session over `project`, building into `site`."""

    def __init__(self, project: Path, site: Path, dirty: bool = True) -> None:
        self.project, self.site, self.dirty = project, site, dirty
        os.environ["SOURCE_DATE_EPOCH"] = BUILT
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=dirty)

    def _config(self):
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVED
        return config

    def build(self) -> float:
        """One build, as the server makes it after a change; its seconds."""
        start = time.perf_counter()
        build(self._config(), serve_url=SERVED, dirty=self.dirty)
        return time.perf_counter() - start

    def settled(self) -> None:
        """Wait for the search index made in the background."""
        if (session := preview.session()) is not None:
            session.settled()


def clean_build(project: Path, site: Path) -> None:
    """The site as plain `mkdocs serve` builds it, from nothing (the preview's reference), in a process of
    its own: the serve session in this one goes on."""
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "tests.preview_session", str(project), str(site)],
        check=True,
        cwd=Path(__file__).parent.parent,
        capture_output=True,
    )


def digests(site: Path) -> dict[str, str]:
    """Every file of a built site by its path, with a digest of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The paths where two sites differ: only in one, or not the same bytes."""
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


if __name__ == "__main__":
    Session(Path(sys.argv[1]), Path(sys.argv[2]), dirty=False).build()
