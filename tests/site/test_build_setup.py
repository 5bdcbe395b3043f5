"""The same commit gives the same site whatever ran before: every make target that builds installs the web
form first, and a build without it says so."""

from __future__ import annotations

import subprocess

from tests.conftest import REPO, mkdocs_build


def test_every_target_that_builds_installs_the_web_form_first():
    for target in ("build", "serve", "edit", "test", "screenshots"):
        planned = subprocess.run(
            ["make", "-n", "-W", "pyproject.toml", target], cwd=REPO, capture_output=True, text=True
        ).stdout
        assert "sh cms/setup" in planned, (target, planned)


def test_a_build_without_the_web_form_says_so(project, tmp_path):
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert "Trang biên tập /quan-tri/ không được dựng: chưa cài Decap CMS" in build.stderr
    assert not (tmp_path / "site/quan-tri").exists()
