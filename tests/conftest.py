"""Shared fixtures: throwaway portal projects and a built copy of the real site."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

UNIT = """---
id: {id}
ten: Ủy ban nhân dân xã {name}
ten_ngan: UBND xã {name}
cap: xã
don_vi_cap_tren: hai-phong
---
"""

CITY = """---
id: hai-phong
ten: Ủy ban nhân dân thành phố Hải Phòng
ten_ngan: UBND thành phố Hải Phòng
cap: thành phố
---
"""

REPORT = """---
loai: Báo cáo
so_ky_hieu: "25/BC-UBND"
ngay_ban_hanh: "10/12/2025"
don_vi: xa-nam-sach
trich_yeu: Kết quả công tác tuyên truyền cải cách hành chính năm 2025
ky: năm 2025
nguoi_ky:
  ho_ten: Phùng Văn Diện
  chuc_vu:
    - CHỦ TỊCH
noi_nhan:
  - "Lưu: VT, VHXH."
---

## I. KẾT QUẢ

Ủy ban nhân dân xã đã ban hành kế hoạch tuyên truyền.
"""


# The builds' date (SOURCE_DATE_EPOCH): 2026-12-01, so every real document lies before it.
BUILT = "1796083200"


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILT}


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=build_env(),
    )


def cchc_check(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "check", *extra],
        capture_output=True,
        text=True,
        cwd=project,
    )


def copy_config(root: Path) -> None:
    """The repository's mkdocs.yml, for a portal with content of its own: without the home page's most used
    procedures, which name the repository's (a portal that lacks them is warned, as it should be)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    kept = re.sub(r"^  thu_tuc_pho_bien:\n(?:    - .*\n)+", "", text, count=1, flags=re.M)
    assert kept != text, "mkdocs.yml names no thu_tuc_pho_bien any more: copy it as it is"
    (root / "mkdocs.yml").write_text(kept, encoding="utf-8")


def make_project(root: Path) -> Path:
    """A small valid portal at `root`: the repository's config, templates and pages with two units and a
    report."""
    root.mkdir(parents=True)
    copy_config(root)
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    units = root / "content" / "don-vi"
    units.mkdir(parents=True)
    (units / "hai-phong.md").write_text(CITY, encoding="utf-8")
    (units / "xa-nam-sach.md").write_text(UNIT.format(id="xa-nam-sach", name="Nam Sách"), encoding="utf-8")
    documents = root / "content" / "van-ban" / "xa-nam-sach"
    documents.mkdir(parents=True)
    (documents / "bao-cao-2025.md").write_text(REPORT, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "portal")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The repository's own portal, built once for the whole run: the first worker to need it builds
    it under a lock in the run's shared folder, the others wait and read it."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    site = shared / "built-site"
    with (shared / "built-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site / "build.log").is_file():
            result = mkdocs_build(REPO, site)
            assert result.returncode == 0, result.stderr
            (site / "build.log").write_text(result.stderr, encoding="utf-8")
    return site


# Figures the tests measured (browser, posters, killed builds), printed at the end of the run.
MEASURED: list[str] = []


@pytest.fixture(scope="session")
def browser():
    """One chromium for every browser test: Playwright's sync API allows one instance per thread."""
    from .webcheck import AXE, launch

    assert AXE.exists(), "axe-core is missing: `make test` installs it (tests/browser/setup)"
    with launch() as browser:
        MEASURED.insert(0, f"trình duyệt: chromium {browser.version}")
        yield browser


def pytest_collection_modifyitems(items):
    """Tests marked `long` first (in collection order otherwise): on two cores their minutes overlap
    the rest of the suite instead of ending it."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


def pytest_sessionfinish(session):
    """A worker hands its figures to the controller, which prints them (pytest_testnodedown)."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["measured"] = json.dumps(MEASURED, ensure_ascii=False)


def pytest_testnodedown(node, error):
    for line in json.loads(getattr(node, "workeroutput", {}).get("measured", "[]")):
        if line not in MEASURED:  # each worker names its browser
            MEASURED.append(line)


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("số đo")
        for line in MEASURED:
            terminalreporter.write_line(line)
