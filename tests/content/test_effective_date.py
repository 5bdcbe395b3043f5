"""A document's effective date (ngày hiệu lực): read by `cchc nhap` from the clause the document states of
itself, checked against the issue date, shown beside it, in JSON-LD and in the open data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc import urls
from cchc.content.load import load
from cchc.importer.content_file import effective_date
from cchc.importer.layout import read_layout
from cchc.importer.sources import read_lines
from cchc.site import generate
from tests.conftest import make_project

CORPUS = Path(__file__).parent.parent / "data" / "imports" / "corpus"
DOC = "content/van-ban/xa-nam-sach/bao-cao-2025.md"


@pytest.mark.parametrize(
    ("kind", "body", "issued", "expected"),
    [
        # Clauses as real documents write them (tests/data/imports/corpus/, each file's source in its README).
        ("Quyết định", ["Điều 2. Quyết định này có hiệu lực kể từ ngày ký."], "30/07/2024", "30/07/2024"),
        (
            "Quyết định",
            ["Điều 7. Quyết định này có hiệu lực kể từ ngày ký ban hành."],
            "17/11/2025",
            "17/11/2025",
        ),
        (
            "Quyết định",
            ["Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 12 năm 2025."],
            "02/12/2025",
            "20/12/2025",
        ),
        (
            "Thông tư",
            ["Thông tư này có hiệu lực thi hành từ ngày", "15 tháng 3 năm 2015 và thay thế"],
            "30/01/2015",
            "15/03/2015",
        ),
        ("Quyết định", ["1. Quyết định này có hiệu lực từ ngày 01/12/2025."], "19/11/2025", "01/12/2025"),
        # What another text says of its own effect is not this document's date.
        ("Tờ trình", ["Dự thảo: Quyết định này có hiệu lực kể từ ngày ký."], "10/10/2025", ""),
        ("Báo cáo", ["Thông tư số 13/2015/TT-BTC có hiệu lực từ ngày 15/3/2015."], "10/10/2025", ""),
        # Effective on signing, but the signing day is not known.
        ("Quyết định", ["Quyết định này có hiệu lực kể từ ngày ký."], "2025", ""),
    ],
)
def test_the_importer_reads_the_date_a_document_states_of_itself(kind, body, issued, expected):
    assert effective_date(kind, body, issued) == (expected, [])


def test_two_dates_are_noted_for_the_editor():
    found, notes = effective_date(
        "Quyết định",
        ["Quyết định này có hiệu lực từ ngày 01/8/2025.", "Quyết định này có hiệu lực từ ngày 01/9/2025."],
        "15/07/2025",
    )
    assert found == "01/08/2025" and "01/08/2025, 01/09/2025" in notes[0]


def test_a_real_decision_imports_with_its_effective_date():
    lines = read_lines(CORPUS / "tuned-2" / "w30-dt-ctubnd-qd-144-2025.txt")
    layout = read_layout(lines)
    assert effective_date(layout.kind, layout.body, "02/12/2025")[0] == "20/12/2025"


def _with(root: Path, line: str) -> None:
    path = root / DOC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('ngay_ban_hanh: "10/12/2025"\n', f'ngay_ban_hanh: "10/12/2025"\n{line}\n'))


def _replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_effective_date_before_the_issue_date_is_refused(tmp_path):
    root = make_project(tmp_path / "portal")
    _with(root, 'ngay_hieu_luc: "01/12/2025"')
    _, problems = load(root)
    assert any(
        f"{DOC}:5: ngay_hieu_luc: ngày hiệu lực 01/12/2025 trước ngày ban hành 10/12/2025" in str(p)
        for p in problems
    ), problems


def test_the_effective_date_is_published(tmp_path):
    root = make_project(tmp_path / "portal")
    (root / DOC).write_text(
        (root / DOC)
        .read_text(encoding="utf-8")
        .replace("loai: Báo cáo", "loai: Quyết định")
        .replace("ky: năm 2025\n", ""),
        encoding="utf-8",
    )
    _with(root, 'ngay_hieu_luc: "15/12/2025"')
    _replace(root, DOC, "25/BC-UBND", "25/QĐ-UBND")
    # A report citing it: the open data lists the documents cited.
    citing = (
        (root / DOC)
        .read_text(encoding="utf-8")
        .replace("25/QĐ-UBND", "30/BC-UBND")
        .replace("loai: Quyết định", "loai: Báo cáo\nky: năm 2025")
    )
    (root / DOC).with_name("bao-cao-2026.md").write_text(
        citing + "\nThực hiện Quyết định số 25/QĐ-UBND ngày 10/12/2025 của UBND xã.\n", encoding="utf-8"
    )
    portal, problems = load(root)
    assert [p for p in problems if p.severity == "lỗi"] == []
    site = generate(portal, tmp_path / "cache")
    page = next(p for p in site.pages if p.src_uri == "van-ban/xa-nam-sach/bao-cao-2025.md")
    assert page.theme["cchc_document"].effective.vietnamese() == "15/12/2025"  # the facts panel shows it
    assert '"legislationDateOfApplicability":"2025-12-15"' in page.meta["jsonld"].replace(" ", "")
    cited = json.loads(str(site.files[urls.open_data(f"{urls.CITED_DATA}.json")]))
    assert any(row["effective_date"] == "2025-12-15" for row in cited), cited
