"""Journeys (hành trình): `content/hanh-trinh/<name>.md` read with its steps, each mistake a `file:line:
field:` message; published as a page of numbered steps with its legal basis linked, listed, on the home page,
and named on each procedure page it joins ("Bước 1 trong 4 …" and the next step)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc import urls
from cchc.content.load import load
from cchc.settings import Settings
from cchc.site import generate
from tests.conftest import REPO, make_project
from tests.pages.test_questions import PROCEDURE

JOURNEY = """---
tieu_de: Khi gia đình có người mất
can_cu:
  - "Luật Hộ tịch số 60/2014/QH13 ngày 20 tháng 11 năm 2014 của Quốc hội."
buoc:
  - ten: Đăng ký khai tử
    mo_ta: Trong **15 ngày** kể từ ngày mất.
    thu_tuc: [dang-ky-khai-tu]
{steps}---

Những việc gia đình cần làm, theo thứ tự.
"""
SECOND = """  - ten: Xóa đăng ký thường trú
    mo_ta: Làm cùng khi nộp liên thông.
"""


def _journey(root: Path, steps: str = SECOND, name: str = "khi-co-nguoi-mat") -> Path:
    folder = root / "content/hanh-trinh"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(JOURNEY.format(steps=steps), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path):
    root = make_project(tmp_path / "portal")
    (root / "content/thu-tuc").mkdir(parents=True)
    (root / "content/thu-tuc/dang-ky-khai-tu.md").write_text(PROCEDURE.format(extra=""), encoding="utf-8")
    return root


def test_the_portals_journeys_are_real_and_join_its_procedures():
    """A newborn, a death and a marriage: each step names procedures the portal has, or says what to do."""
    portal, problems = load(REPO)
    assert [str(p) for p in problems if "hanh-trinh" in p.file] == []
    journeys = {j.slug: j for j in portal.journeys}
    assert set(journeys) >= {"tre-moi-sinh", "khi-co-nguoi-mat", "ket-hon"}
    birth = journeys["tre-moi-sinh"]
    assert birth.steps[0].procedures == ["dang-ky-khai-sinh"]
    assert birth.steps[0].alternatives == ["dang-ky-khai-sinh-ket-hop-nhan-cha-me-con"]
    assert all(j.legal_basis for j in journeys.values())


def test_a_journey_is_a_page_of_numbered_steps_named_on_its_procedures(root, tmp_path):
    _journey(root)
    portal, problems = load(root)
    assert [str(p) for p in problems if "hanh-trinh" in p.file] == []
    site = generate(portal, tmp_path / "cache", Settings(site_url="https://ns.gov.vn/", site_name="Cổng"))
    pages = {p.src_uri: p for p in site.pages}
    page = pages[urls.journey("khi-co-nguoi-mat")]
    text = page.markdown
    # Each step a heading whose text holds its number, with what to do and its procedures.
    assert '## <span class="cchc-step__number">Bước 1:</span> Đăng ký khai tử' in text
    assert '## <span class="cchc-step__number">Bước 2:</span> Xóa đăng ký thường trú' in text
    assert "Trong **15 ngày** kể từ ngày mất." in text  # the editor's Markdown, as written
    assert "[Đăng ký khai tử](../thu-tuc/dang-ky-khai-tu.md)" in text
    assert text.index("Bước 1:") < text.index("Bước 2:") < text.index("## Căn cứ pháp lý")
    # The legal basis goes through the citation engine: linked to the cited text's reference page.
    assert "](../tham-chieu/60-2014-qh13.md)" in text
    assert page.meta["search_type"] == "Hành trình"
    # The procedure says where it stands, and links to the journey and to the next step.
    guide = pages[urls.procedure("dang-ky-khai-tu")].markdown
    assert "Bước 1 trong 2 của [Khi gia đình có người mất](../hanh-trinh/khi-co-nguoi-mat.md)" in guide
    assert "Bước tiếp theo: [Xóa đăng ký thường trú](../hanh-trinh/khi-co-nguoi-mat.md#buoc-2)" in guide
    # Listed, and linked from the procedures' listings.
    assert "[Khi gia đình có người mất](khi-co-nguoi-mat.md)" in pages[urls.JOURNEYS].markdown
    assert "(../hanh-trinh/index.md)" in pages[urls.PROCEDURES].markdown


def test_a_procedure_in_the_last_step_has_no_next_step(root, tmp_path):
    # A plain instruction comes first: the procedure is step 2 of 2.
    first = """  - ten: Chuẩn bị giấy báo tử
    mo_ta: Bệnh viện cấp giấy báo tử.
"""
    path = _journey(root, steps="")
    text = path.read_text(encoding="utf-8")
    steps = text[text.index("  - ten: Đăng ký khai tử") : text.index("---\n\n")]
    path.write_text(text.replace(steps, first + steps), encoding="utf-8")
    portal, problems = load(root)
    assert [str(p) for p in problems if "hanh-trinh" in p.file] == []
    guide = {p.src_uri: p for p in generate(portal, tmp_path / "cache").pages}[
        urls.procedure("dang-ky-khai-tu")
    ]
    assert "Bước 2 trong 2 của" in guide.markdown and "Bước tiếp theo" not in guide.markdown


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (
            "  - ten: Nhận trợ cấp\n    thu_tuc: [tro-cap]\n",
            ":10: buoc[2].thu_tuc[1]: không có 'tro-cap' trong content/thu-tuc/",
        ),
        (
            "  - ten: Nhận trợ cấp\n    hoac: [tro-cap]\n",
            ":10: buoc[2].hoac[1]: không có 'tro-cap' trong content/thu-tuc/",
        ),
        ("  - ten: Nhận trợ cấp\n", ":9: buoc[2]: bước chưa nói phải làm gì"),
        ("  - mo_ta: Nhận trợ cấp\n", "buoc[2].ten: thiếu trường bắt buộc"),
        ("  - ten: Nhận trợ cấp\n    mo_ta: x\n" * 12, ":31: buoc: hành trình có 13 bước, quá 12"),
        # Markdown in front matter is bounded as a body is (content.markdown_limits).
        ('  - ten: Nhận trợ cấp\n    mo_ta: "x ' + "{" * 20 + '"\n', ":10: buoc[2].mo_ta:"),
    ],
)
def test_each_mistake_is_named_on_its_line(root, steps, expected):
    _journey(root, steps=steps)
    portal, problems = load(root)
    found = [str(p) for p in problems if "hanh-trinh" in p.file]
    assert any(expected in line for line in found), found
    assert portal.journeys == []  # not published half-checked


def test_a_journey_needs_steps(root):
    path = _journey(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("buoc:")] + "buoc: []\n---\n\nGiới thiệu.\n", encoding="utf-8")
    portal, problems = load(root)
    found = [str(p) for p in problems if "hanh-trinh" in p.file]
    assert any(":5: buoc: trường bắt buộc đang để trống" in line for line in found), found
    assert portal.journeys == []


def test_a_journey_needs_a_title_a_basis_and_an_introduction(root):
    path = _journey(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tieu_de: Khi", "ten: Khi").split("---\n\n")[0] + "---\n", encoding="utf-8")
    found = [str(p) for p in load(root)[1] if "hanh-trinh" in p.file]
    assert any(":1: tieu_de: thiếu trường bắt buộc" in line for line in found), found
    assert any("nội dung: hành trình chưa có nội dung" in line for line in found), found
