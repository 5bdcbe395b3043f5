"""One build's steps without MkDocs: what the hook is handed at each event."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cchc import urls
from cchc.navigation import NAV_PAGES
from cchc.portal_build import BuildError, PortalBuild
from cchc.settings import read_config

BUILT = datetime(2026, 12, 1, tzinfo=UTC)


LOG = logging.getLogger("test.cchc")


def start(project):
    return PortalBuild.start(project, project / "docs", read_config(project), BUILT, LOG)


def test_outputs_put_only_listings_in_the_nav(project):
    build = start(project)
    outputs = {o.src_uri: o for o in build.outputs([])}
    assert {uri for uri, o in outputs.items() if o.in_nav} == NAV_PAGES
    document = outputs["van-ban/xa-nam-sach/bao-cao-2025.md"]
    assert not document.in_nav and document.owner == "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    assert Path(outputs["assets/fonts/BeVietnamPro-Regular.ttf"].source).is_file()
    assert "robots.txt" in outputs and outputs["robots.txt"].text
    assert build.edit_path("lien-he.md") == "docs/lien-he.md"


def test_a_document_page_gets_its_data_and_others_nothing(project):
    build = start(project)
    context = build.context("van-ban/xa-nam-sach/bao-cao-2025.md")
    assert context["cchc_unit"].id == "xa-nam-sach"
    assert context["cchc_document"].title.startswith("Kết quả công tác tuyên truyền")
    assert context["cchc_attachments"] == [] and context["cchc_cited_by"] == []
    assert build.context(urls.DOCUMENTS_INDEX) == {}


def test_content_errors_stop_the_build_before_anything_is_written(project):
    (project / "content/don-vi/xa-nam-sach.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    with pytest.raises(BuildError, match="Chưa xây dựng trang nào, site/ giữ nguyên") as raised:
        start(project)
    assert any("content/don-vi/xa-nam-sach.md" in str(p) for p in raised.value.problems)
    assert not (project / "site").exists()


def test_a_bad_setting_stops_the_build_with_its_name(project):
    config = read_config(project)
    config["extra"]["feedback_url"] = "javascript:alert(1)"
    with pytest.raises(BuildError, match=r"extra\.feedback_url"):
        PortalBuild.start(project, project / "docs", config, BUILT, LOG)
