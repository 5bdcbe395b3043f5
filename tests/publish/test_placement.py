"""Placement of every file of the built site: clashes found in one pass, blamed on the editor's file."""

from __future__ import annotations

import logging

import pytest

from cchc.portal_build import BuildError, PortalBuild
from cchc.publish.placement import Placed, conflicts
from cchc.settings import read_config
from tests.site.test_portal_build import BUILT


def test_one_path_twice_and_a_file_where_a_folder_is_needed():
    found = conflicts(
        [
            Placed("feed.xml", None, "bản tin Atom"),
            Placed("feed.xml/index.html", "docs/feed.xml.md"),
            Placed("robots.txt", None),
            Placed("robots.txt", "docs/robots.txt"),
            Placed("van-ban/a/b/index.html", "content/van-ban/a/b.md"),
            Placed("van-ban/a/b/x.pdf", "content/van-ban/a/b.md"),  # a folder shared: fine
        ]
    )
    said = [str(p) for p in found]
    assert said == [
        "docs/feed.xml.md:1: tên tệp: sẽ ghi vào /feed.xml/index.html, trùng với bản tin Atom của cổng "
        "(/feed.xml, một bên cần thư mục cùng tên); hãy đổi tên tệp",
        "docs/robots.txt:1: tên tệp: sẽ ghi vào /robots.txt, trùng với tệp của cổng (/robots.txt, cùng "
        "đường dẫn); hãy đổi tên tệp",
    ], said


def test_the_build_stops_before_writing_when_a_file_lands_on_a_portal_file(project):
    build = PortalBuild.start(project, project / "docs", read_config(project), BUILT, logging.getLogger("t"))
    with pytest.raises(BuildError) as stopped:
        build.outputs([("robots.txt", "docs/robots.txt"), ("assets/x.css", None)])
    assert [p.file for p in stopped.value.problems] == ["docs/robots.txt"]
    assert build.outputs([("assets/x.css", None)])  # the theme's files alone are fine
