"""English for what must be in English: /en/ always lists the units with their names, addresses and contact
officials; a unit that gives `en:` texts gets its own English page, marked English, the two pages naming
each other as alternates."""

from __future__ import annotations

from cchc import urls
from cchc.content.load import load
from cchc.site import generate
from tests.conftest import make_project

EN = """en:
  ten: People's Committee of Nam Sach Commune
  chuc_nang_nhiem_vu: |
    The People's Committee is the **local state administrative body** of the commune.
dau_moi_lien_he:
  ho_ten: Trần Thị Hoa
  chuc_vu: Chánh Văn phòng
  email: hoa@namsach.gov.vn
"""


def _pages(tmp_path, extra: str = ""):
    root = make_project(tmp_path / "portal")
    unit = root / "content/don-vi/xa-nam-sach.md"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("cap: xã\n", f"cap: xã\n{extra}"), encoding="utf-8"
    )
    portal, problems = load(root)
    assert [p for p in problems if "don-vi" in p.file] == []
    return {p.src_uri: p for p in generate(portal, tmp_path / "cache").pages}


def test_en_always_exists_with_every_unit(tmp_path):
    pages = _pages(tmp_path)
    index = pages[urls.ENGLISH]
    assert "## Ủy ban nhân dân xã Nam Sách" in index.markdown  # no English name given: the Vietnamese one
    assert index.theme["cchc_lang"] == "en" and "en/xa-nam-sach/index.md" not in pages


def test_a_unit_with_english_texts_has_its_page_and_alternates(tmp_path):
    pages = _pages(tmp_path, EN)
    index = pages[urls.ENGLISH].markdown
    assert "## People's Committee of Nam Sach Commune" in index.replace("\\'", "'")
    assert "Contact official: Trần Thị Hoa (Chánh Văn phòng)" in index
    english = pages["en/xa-nam-sach/index.md"]
    assert "**local state administrative body**" in english.markdown
    assert english.theme == {"cchc_lang": "en", "cchc_alternates": [("vi", "don-vi/xa-nam-sach/index.md")]}
    unit = pages["don-vi/xa-nam-sach/index.md"]
    assert unit.theme["cchc_alternates"] == [("en", "en/xa-nam-sach/index.md")]
    assert '[In English](../../en/xa-nam-sach/index.md){: hreflang="en" lang="en" }' in unit.markdown
    assert english.meta["search"] is False  # one language, one search index
