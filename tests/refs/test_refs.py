"""The reference extractor on the five seeds (every reference, checked by hand against the
texts), on edge cases, and through `cchc refs`."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest

from cchc.content import load as loader
from cchc.refs.extract import extract
from cchc.refs.resolve import build_directory, resolve
from tests.conftest import REPO

SEEDS = REPO / "tests" / "seeds"
SEED_UNITS = {
    "000": "xa-nam-thanh-mien",
    "001": "xa-nam-sach",
    "002": "phuong-phu-lien",
    "003": "xa-an-khanh",
    "004": "so-khcn",
}

# (text as written with spaces collapsed, id, issuer), in order of appearance.
EXPECTED = {
    "000_a9659aed3b8e34ff.txt": [
        ("Quyết định số 3041/QĐ-UBND ngày 26/13/2025", "3041-qd-ubnd-2025-hai-phong", "hai-phong"),
        ("Kế hoạch số 09/KH-UBND ngày 11/8/2025", "9-kh-ubnd-2025-xa-nam-thanh-mien", "xa-nam-thanh-mien"),
        ("Kế hoạch số 09/KH-UBND ngày 11/8/2025", "9-kh-ubnd-2025-xa-nam-thanh-mien", "xa-nam-thanh-mien"),
        ("Nghị quyết 136/NQ-CP ngày 15/13/2021", "136-nq-cp-2021", "Chính phủ"),
        ("Đề án 06", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "76-nq-cp-2021", "Chính phủ"),
        ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "57-nq-tw-2024", "Bộ Chính trị"),
        ("Đề án 06", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
        ("Đề án 06", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
    ],
    "001_5d67d44ffc9b3dc7.txt": [
        ("Kế hoạch số 167/KH-SVHTTDL ngày 12 tháng 8 năm 2025", "167-kh-svhttdl-2025", "so-vhttdl"),
        ("Nghị quyết số 38/NQ-CP ngày 02/4/2024", "38-nq-cp-2024", "Chính phủ"),
        ("Kết luận số 62-KL/TW ngày 02/10/2023", "62-kl-tw-2023", "Bộ Chính trị"),
        ("Nghị quyết số 19-NQ/TW ngày 25/10/2017", "19-nq-tw-2017", "Ban Chấp hành Trung ương Đảng"),
        ("Kế hoạch số 339-KH/TU ngày 23/02/2024", "339-kh-tu-2024", "Thành ủy Hải Phòng"),
        ("Kết luận số 62-KL/TW ngày 02/10/2023", "62-kl-tw-2023", "Bộ Chính trị"),
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "76-nq-cp-2021", "Chính phủ"),
        ("Chỉ thị số 23/CT- TTg ngày 02/9/2021", "23-ct-ttg-2021", "Thủ tướng Chính phủ"),
        ("Nghị quyết số 169/2024/QH15 ngày 30/11/2024", "169-2024-qh15", "Quốc hội"),
        ("Chỉ thị số 37-CT/TU ngày 17/12/2024", "37-ct-tu-2024", "Thành ủy Hải Phòng"),
        ("Kế hoạch số 273/KH-UBND ngày 09/12/2024", "273-kh-ubnd-2024-hai-phong", "hai-phong"),
        ("Nghị quyết số 169/2024/QH15", "169-2024-qh15", "Quốc hội"),
        ("Kế hoạch số 216/KH-UBND ngày 23/9/2021", "216-kh-ubnd-2021-hai-phong", "hai-phong"),
        ("Nghị quyết số 76/NQ- СР ngày 15/7/2021", "76-nq-cp-2021", "Chính phủ"),
        ("Quyết định số 5085/QĐ-UBND ngày 31/12/2024", "5085-qd-ubnd-2024-hai-phong", "hai-phong"),
        ("TCVN ISO 9001:2015", "tcvn-iso-9001-2015", None),
        ("TCVN ISO 18091:2020", "tcvn-iso-18091-2020", None),
    ],
    "002_5a9650c9ae9f1301.txt": [
        ("Kế hoạch số 101/KH-UBND ngày 26/02/2026", "101-kh-ubnd-2026-phuong-phu-lien", "phuong-phu-lien"),
        (
            "Công văn số 1453/UBND-VHXH ngày 23/4/2026",
            "1453-ubnd-vhxh-2026-phuong-phu-lien",
            "phuong-phu-lien",
        ),
        ("TCVN ISO 9001:2015", "tcvn-iso-9001-2015", None),
        ("Đề án 06", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
        ("Đề án 06", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
    ],
    "003_1ca549996485953f.txt": [
        ("Quyết định số 5256/QĐ-UBND ngày 26/12/2025", "5256-qd-ubnd-2025-hai-phong", "hai-phong"),
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "76-nq-cp-2021", "Chính phủ"),
        ("Chỉ thị số 23/CT-TTg ngày 02/9/2021", "23-ct-ttg-2021", "Thủ tướng Chính phủ"),
        ("Luật Tổ chức Chính phủ năm 2025", "luat-to-chuc-chinh-phu-2025", "Quốc hội"),
        (
            "Luật Tổ chức chính quyền địa phương năm 2025",
            "luat-to-chuc-chinh-quyen-dia-phuong-2025",
            "Quốc hội",
        ),
        ("Nghị quyết số 74/NQ-CP ngày 07/04/2025", "74-nq-cp-2025", "Chính phủ"),
        ("Kết luận số 186-KL/TW ngày 29/8/2025", "186-kl-tw-2025", "Bộ Chính trị"),
        ("Nghị quyết số 268/NQ-CP ngày 31/8/2025", "268-nq-cp-2025", "Chính phủ"),
        (
            "Nghị quyết số 1669/NQ-UBTVQH15 ngày 16/6/2025",
            "1669-nq-ubtvqh15-2025",
            "Ủy ban Thường vụ Quốc hội",
        ),
        ("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025", "118-2025-nd-cp", "Chính phủ"),
        ("Quyết định số 1588/QĐ-TTg ngày 17/12/2024", "1588-qd-ttg-2024", "Thủ tướng Chính phủ"),
        ("Quyết định số 942/QĐ-TTg ngày 15/6/2021", "942-qd-ttg-2021", "Thủ tướng Chính phủ"),
        ("Quyết định số 749/QĐ-TTg ngày 03/6/2020", "749-qd-ttg-2020", "Thủ tướng Chính phủ"),
        ("Quyết định số 06/QĐ-TTg ngày 06/01/2022", "6-qd-ttg-2022", "Thủ tướng Chính phủ"),
        ("Quyết định số 5256/QĐ-UBND ngày 26/12/2025", "5256-qd-ubnd-2025-hai-phong", "hai-phong"),
    ],
    "004_296eb25d9921d084.txt": [
        ("Công văn số 6121/SVHTTDL-TTBCXB ngày 27/11/2025", "6121-svhttdl-ttbcxb-2025", "so-vhttdl"),
        ("Kế hoạch số 68/KH-SKHCN ngày 06/5/2025", "68-kh-skhcn-2025", "so-khcn"),
        ("Kế hoạch số 155/KH-SKHCN ngày 28/8/2025", "155-kh-skhcn-2025", "so-khcn"),
        ("TCVN ISO 9001:2015", "tcvn-iso-9001-2015", None),
        ("TCVN ISO 18091:2020", "tcvn-iso-18091-2020", None),
    ],
}


@pytest.fixture(scope="module")
def portal():
    return loader.load(REPO)[0]


def refs(portal, text, unit=None):
    directory = build_directory(portal.units, portal.bodies)
    return resolve(extract(text, portal.aliases), directory, portal.units.get(unit) if unit else None)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_reference_in_the_seeds(portal, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    found = refs(portal, text, SEED_UNITS[seed[:3]])
    assert [(" ".join(c.text.split()), c.id, c.issuer) for c in found] == EXPECTED[seed]
    for citation in found:
        assert text[citation.start : citation.end] == citation.text


def test_seed_problems_are_the_real_ones(portal):
    problems = {}
    for seed in EXPECTED:
        for c in refs(portal, (SEEDS / seed).read_text(encoding="utf-8"), SEED_UNITS[seed[:3]]):
            for finding in c.problems:
                problems.setdefault(finding.code, []).append(" ".join(c.text.split()))
    assert problems == {
        "impossible-date": [
            "Quyết định số 3041/QĐ-UBND ngày 26/13/2025",
            "Nghị quyết 136/NQ-CP ngày 15/13/2021",
        ],
        "lookalike": ["Nghị quyết số 76/NQ- СР ngày 15/7/2021"] * 2,
    }


@pytest.mark.parametrize(
    "text",
    [
        "các nhà văn hóa 17/17 thôn trong xã",
        "đạt 98/100 hồ sơ",
        "giai đoạn 2021-2030",
        "giai đoạn 2021 - 2025",
        "gọi 0225.3842.532 hoặc 1900 1234",
        "ngày 15/7/2021",
        "đạt chuẩn 9001:2015",
        "Lưu: VT, VHXH (2b)",
        "Sở VH,TT&DL",
        "(để b/c)",
        "chính sách, pháp luật của Nhà nước",
        "Kế hoạch cải cách hành chính năm 2026",
        "Số: /BC-UBND",
    ],
)
def test_not_references(portal, text):
    assert refs(portal, text) == []


def test_decomposed_input_keeps_offsets(portal):
    text = unicodedata.normalize("NFD", "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ")
    [citation] = refs(portal, text)
    assert citation.text == text[citation.start : citation.end]
    assert unicodedata.normalize("NFC", citation.text) == "Nghị quyết số 76/NQ-CP ngày 15/7/2021"
    assert (citation.symbol, citation.issuer, citation.id) == ("76/NQ-CP", "Chính phủ", "76-nq-cp-2021")


def test_eth_for_dj_is_read_and_reported(portal):
    [citation] = refs(portal, "Nghị định số 118/2025/NÐ-CP")  # U+00D0
    assert citation.symbol == "118/2025/NĐ-CP"
    assert [p.code for p in citation.problems] == ["lookalike"]


def test_short_mention_takes_the_earlier_full_reference(portal):
    text = (
        "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 11/8/2025 về tuyên truyền. "
        "Thực hiện Kế hoạch số 09/KH-UBND nêu trên, …"
    )
    first, second = refs(portal, text, "xa-nam-sach")
    assert second.id == first.id == "9-kh-ubnd-2025-xa-nam-sach"
    assert second.date == "2025-08-11"


def test_generic_symbol_without_issuer_is_unresolved(portal):
    [citation] = refs(portal, "Quyết định số 12/QĐ-UBND ngày 05/01/2025")
    assert citation.id is None
    assert [p.code for p in citation.problems] == ["unresolved"]


def test_kind_that_does_not_match_the_symbol(portal):
    [citation] = refs(portal, "Nghị quyết số 12/QĐ-UBND ngày 05/01/2025 của UBND thành phố")
    assert [p.code for p in citation.problems] == ["kind-mismatch"]
    assert citation.id == "12-qd-ubnd-2025-hai-phong"


def test_cli_prints_json_with_exact_fields():
    text = "Căn cứ Kế hoạch số 09/KH-UBND ngày 11/8/2025 và khoản 2 Điều 5 Luật Tổ chức Chính phủ năm 2025."
    result = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "refs", "--unit", "UBND xã Nam Sách"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert [list(item) for item in data] == [
        [
            "start",
            "end",
            "text",
            "kind",
            "number",
            "symbol",
            "year",
            "date",
            "issuer",
            "id",
            "problems",
            "pinpoints",
            "pinpoint_parts",
        ]
    ] * 2
    assert data[0] == {
        "start": 7,
        "end": 44,
        "text": "Kế hoạch số 09/KH-UBND ngày 11/8/2025",
        "kind": "Kế hoạch",
        "number": "09",
        "symbol": "09/KH-UBND",
        "year": 2025,
        "date": "2025-08-11",
        "issuer": "xa-nam-sach",
        "id": "9-kh-ubnd-2025-xa-nam-sach",
        "problems": [],
        "pinpoints": [],
        "pinpoint_parts": [],
    }
    assert data[1]["symbol"] is None and data[1]["kind"] == "Luật" and data[1]["year"] == 2025
    assert data[1]["pinpoints"] == ["khoản 2 Điều 5"]
    assert data[1]["pinpoint_parts"] == [
        {
            "pinpoint": "khoản 2 Điều 5",
            "point": None,
            "clause": "2",
            "article": "5",
            "section": None,
            "chapter": None,
            "part": None,
            "appendix": None,
            "text": "khoản 2 Điều 5",
            "start": 48,
            "end": 62,
        }
    ]
    assert text[48:62] == "khoản 2 Điều 5"


def test_cli_reads_files_and_rejects_an_unknown_unit(tmp_path):
    file = tmp_path / "a.txt"
    file.write_text("Nghị quyết 76/NQ-CP", encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "refs", str(file)], capture_output=True, text=True
    )
    assert json.loads(ok.stdout)[0]["id"] is None  # no date, no year
    bad = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "refs", "--unit", "xa-khong-co"],
        input="",
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "xa-khong-co" in bad.stderr
