"""Questions and answers (hỏi đáp) on a procedure or a unit: shown on its page with the answer's legal basis
linked through the citation engine, gathered on /hoi-dap/ (procedures' by field, then units') with FAQPage
data, and a "Gửi câu hỏi" link to the unit's e-mail or the province's feedback system. Mistakes get their
line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cchc import urls
from cchc.content.load import load
from cchc.settings import Settings
from cchc.site import generate
from tests.conftest import make_project

PROCEDURE = """---
ten: Đăng ký khai tử
linh_vuc: Hộ tịch
cap: xã
don_vi: [xa-nam-sach]
co_quan: Ủy ban nhân dân cấp xã
doi_tuong: Người thân thích của người chết
cach_thuc:
  - hinh_thuc: Trực tiếp
    thoi_han: Ngay trong ngày
    phi: Không
thoi_han: Ngay trong ngày
ho_so:
  - ten: Tờ khai đăng ký khai tử
trinh_tu:
  - Nộp hồ sơ tại Bộ phận Một cửa
ket_qua: Trích lục khai tử
yeu_cau: Không có.
can_cu:
  - Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014
{extra}---
"""
QA = """hoi_dap:
  - cau_hoi: Trong thời hạn bao lâu phải đi đăng ký khai tử?
    tra_loi: |
      Trong thời hạn **15 ngày** kể từ ngày có người chết, người thân thích có trách nhiệm đi đăng ký khai tử.
    ngay: "01/10/2025"
    can_cu: Điều 33 Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014
"""


def _project(tmp_path: Path, extra: str, email: bool = True) -> Path:
    root = make_project(tmp_path / "portal")
    (root / "content/thu-tuc").mkdir(parents=True, exist_ok=True)
    (root / "content/thu-tuc/dang-ky-khai-tu.md").write_text(PROCEDURE.format(extra=extra), encoding="utf-8")
    if email:
        unit = root / "content/don-vi/xa-nam-sach.md"
        unit.write_text(unit.read_text(encoding="utf-8").replace("cap: xã", "cap: xã\nemail: ubnd@ns.gov.vn"))
    return root


def test_a_procedures_questions_are_on_its_guide_and_on_the_questions_page(tmp_path):
    root = _project(tmp_path, QA)
    portal, problems = load(root)
    assert [p for p in problems if "thu-tuc" in p.file] == []
    site = generate(portal, tmp_path / "cache", Settings(feedback_url="https://dichvucong.gov.vn"))
    pages = {p.src_uri: p for p in site.pages}
    guide = pages["thu-tuc/dang-ky-khai-tu.md"].markdown
    assert "## Hỏi đáp" in guide and "### Trong thời hạn bao lâu phải đi đăng ký khai tử?" in guide
    assert "**15 ngày**" in guide and "Trả lời ngày 01 tháng 10 năm 2025." in guide
    # The answer's basis goes through the citation engine: the law links to its reference page.
    basis = re.search(r"Căn cứ: (.+)", guide)
    assert basis and basis.group(1).startswith("Điều 33 [Luật Hộ tịch số 60/2014/QH13"), (
        guide
    )  # words kept apart
    assert "](../tham-chieu/" in basis.group(1), guide
    assert "[Gửi câu hỏi cho UBND xã Nam Sách](mailto:ubnd@ns.gov.vn?subject=" in guide
    page = pages[urls.QUESTIONS]
    assert "## Hộ tịch" in page.markdown and "Thủ tục: [Đăng ký khai tử]" in page.markdown
    data = json.loads(page.meta["jsonld"])
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == "Trong thời hạn bao lâu phải đi đăng ký khai tử?"
    assert "[Gửi câu hỏi](https://dichvucong.gov.vn)" in page.markdown


def test_without_a_units_email_questions_go_to_the_feedback_system(tmp_path):
    root = _project(tmp_path, QA, email=False)
    portal, _ = load(root)
    site = generate(portal, tmp_path / "cache", Settings(feedback_url="https://dichvucong.gov.vn"))
    guide = next(p for p in site.pages if p.src_uri == "thu-tuc/dang-ky-khai-tu.md").markdown
    assert "[Gửi câu hỏi](https://dichvucong.gov.vn)" in guide


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("hoi_dap:\n  - cau_hoi: Ở đâu?\n", "hoi_dap[1].tra_loi: thiếu trường bắt buộc"),
        ("hoi_dap:\n  - tra_loi: Tại UBND xã.\n", "hoi_dap[1].cau_hoi: thiếu trường bắt buộc"),
        ("hoi_dap:\n  - cau_hoi: Ở đâu?\n    tra_loi: Tại xã.\n    ngay: 31/02/2025\n", "hoi_dap[1].ngay:"),
        ("hoi_dap: Ở đâu?\n", "hoi_dap: cần một danh sách"),
    ],
)
def test_each_mistake_is_named_on_its_line(tmp_path, extra, expected):
    root = _project(tmp_path, extra)
    _, problems = load(root)
    found = [str(p) for p in problems if "dang-ky-khai-tu" in p.file]
    assert any(expected in line for line in found), found


UNIT_QA = """hoi_dap:
  - cau_hoi: Xã tiếp công dân vào ngày nào?
    tra_loi: Chủ tịch UBND xã tiếp công dân vào thứ Năm hằng tuần tại trụ sở.
    can_cu: Điều 15 Luật Tiếp công dân số 42/2013/QH13 ngày 25/11/2013
  - cau_hoi: Xã có nhận hồ sơ vào thứ Bảy không?
    tra_loi: Có, buổi sáng.
"""


def _with_unit_questions(root: Path, questions: str) -> Path:
    unit = root / "content/don-vi/xa-nam-sach.md"
    unit.write_text(unit.read_text(encoding="utf-8").replace("cap: xã", f"cap: xã\n{questions.rstrip()}"))
    return unit


def test_a_units_questions_are_on_its_page_and_after_the_procedures_on_the_questions_page(tmp_path):
    root = _project(tmp_path, QA)
    _with_unit_questions(root, UNIT_QA)
    portal, problems = load(root)
    assert [p for p in problems if p.severity.name == "ERROR"] == []
    site = generate(portal, tmp_path / "cache", Settings(feedback_url="https://dichvucong.gov.vn"))
    pages = {p.src_uri: p for p in site.pages}
    unit_page = pages["don-vi/xa-nam-sach/index.md"].markdown
    assert "## Hỏi đáp" in unit_page and "### Xã tiếp công dân vào ngày nào?" in unit_page
    basis = re.search(r"Căn cứ: (.+)", unit_page)
    assert basis and basis.group(1).startswith("Điều 15 [Luật Tiếp công dân số 42/2013/QH13"), unit_page
    assert "[Gửi câu hỏi cho UBND xã Nam Sách](mailto:ubnd@ns.gov.vn?subject=" in unit_page
    # The law's reference page names the unit among the pages that cite it.
    cited = next(c for c in site.index.documents.values() if c.symbol == "42/2013/QH13")
    assert any(m.page.src_uri == "don-vi/xa-nam-sach/index.md" for m in cited.mentions)
    page = pages[urls.QUESTIONS].markdown
    assert page.index("## Hộ tịch") < page.index("## Ủy ban nhân dân xã Nam Sách")
    assert "Đơn vị: [UBND xã Nam Sách](../don-vi/xa-nam-sach/index.md)." in page
    names = [q["name"] for q in json.loads(pages[urls.QUESTIONS].meta["jsonld"])["mainEntity"]]
    assert names[1:] == ["Xã tiếp công dân vào ngày nào?", "Xã có nhận hồ sơ vào thứ Bảy không?"]


def test_an_answers_basis_that_names_no_document_is_named_on_its_line(tmp_path):
    root = _project(tmp_path, QA)
    unit = _with_unit_questions(
        root, UNIT_QA.replace("Điều 15 Luật Tiếp công dân số 42/2013/QH13 ngày 25/11/2013", "theo thông lệ")
    )
    portal, _ = load(root)
    problems = generate(portal, tmp_path / "cache").index.problems
    line = unit.read_text(encoding="utf-8").splitlines().index("    can_cu: theo thông lệ") + 1
    assert [(p.file, p.line, p.field) for p in problems] == [
        (portal.units["xa-nam-sach"].path, line, "hoi_dap[1].can_cu")
    ]


def test_links_to_ask_several_units_stand_apart(tmp_path):
    root = _project(tmp_path, QA)
    procedure = root / "content/thu-tuc/dang-ky-khai-tu.md"
    procedure.write_text(
        procedure.read_text(encoding="utf-8").replace("[xa-nam-sach]", "[xa-nam-sach, hai-phong]")
    )
    city = root / "content/don-vi/hai-phong.md"
    city.write_text(
        city.read_text(encoding="utf-8").replace("cap: ", "email: ubnd@haiphong.gov.vn\ncap: ", 1)
    )
    portal, _ = load(root)
    guide = next(
        p for p in generate(portal, tmp_path / "cache").pages if p.src_uri.startswith("thu-tuc/dang")
    )
    assert re.search(r"\(mailto:[^)]+\) · \[Gửi câu hỏi cho", guide.markdown), guide.markdown
