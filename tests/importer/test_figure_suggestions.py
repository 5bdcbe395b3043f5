"""`cchc so-lieu`: figures suggested from a body, measured against figures confirmed by hand: the three seed
reports' `so_lieu` (each checked against the text) and real sentences of CCHC reports collected from public
sources (tests/data/figures/real-sentences.yml, each with its source). Precision and recall are printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cchc.content.load import load
from cchc.importer.figure_suggestions import suggest, yaml_block
from cchc.quantities import parse_quantity
from tests.conftest import MEASURED, REPO

SENTENCES = REPO / "tests" / "data" / "figures" / "real-sentences.yml"


@pytest.fixture(scope="module")
def portal():
    portal, _ = load(REPO)
    return portal


def _score(found: set, wanted: set) -> tuple[float, float]:
    right = len(found & wanted)
    return right / len(found) if found else 1.0, right / len(wanted) if wanted else 1.0


def _key(value, indicator) -> tuple:
    quantity = parse_quantity(value) if isinstance(value, str) else value
    return quantity.low, quantity.high, quantity.qualifier, quantity.percent, indicator


def test_the_seed_reports_figures_are_suggested(portal):
    """Every figure confirmed in a seed report is among the suggestions, with its indicator."""
    found, wanted, proposed = set(), set(), set()
    for document in portal.documents:
        if not document.figures:
            continue
        suggestions = suggest(document.body, portal.indicators, document.body_line)
        found |= {(document.path, *_key(s.value, s.indicator)) for s in suggestions if s.indicator}
        wanted |= {(document.path, *_key(f.value, f.indicator)) for f in document.figures}
        block = yaml.safe_load(yaml_block(suggestions))["so_lieu"]  # the ready block: one per indicator
        proposed |= {(document.path, *_key(item["gia_tri"], item["chi_tieu"])) for item in block}
    _, recall = _score(found, wanted)
    block_precision, block_recall = _score(proposed, wanted)
    MEASURED.append(
        f"gợi ý số liệu, 3 báo cáo mẫu: {len(wanted & found)}/{len(wanted)} số đã xác nhận có "
        f"trong gợi ý (recall {recall:.0%}); khối YAML sẵn dùng: precision "
        f"{block_precision:.0%}, "
        f"recall {block_recall:.0%}"
    )
    assert recall >= 17 / 18, sorted(wanted - found)
    assert block_recall >= 0.75 and block_precision >= 0.6


def test_real_report_sentences(portal):
    entries = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    assert len(entries) >= 40 and len({e["nguon"] for e in entries}) >= 5
    numbers_found, numbers_wanted, found, wanted = set(), set(), set(), set()
    for index, entry in enumerate(entries):
        suggestions = suggest(entry["cau"], portal.indicators)
        numbers_found |= {(index, *_key(s.value, None)) for s in suggestions}
        numbers_wanted |= {(index, *_key(str(f["gia_tri"]), None)) for f in entry["so_lieu"]}
        found |= {(index, *_key(s.value, s.indicator)) for s in suggestions if s.indicator}
        wanted |= {
            (index, *_key(str(f["gia_tri"]), f["chi_tieu"])) for f in entry["so_lieu"] if f["chi_tieu"]
        }
    number_precision, number_recall = _score(numbers_found, numbers_wanted)
    precision, recall = _score(found, wanted)
    MEASURED.append(
        f"gợi ý số liệu, {len(entries)} câu thật ({len(numbers_wanted)} số, {len(wanted)} có chỉ "
        f"tiêu): tìm số precision {number_precision:.0%} recall {number_recall:.0%}; số kèm chỉ "
        f"tiêu precision {precision:.0%} recall {recall:.0%}"
    )
    # Floors a little under what was measured (83/73 %, 82/67 %): a change that loses ground fails.
    assert number_precision >= 0.8 and number_recall >= 0.7
    assert precision >= 0.78 and recall >= 0.62


def test_cchc_so_lieu_prints_json_and_a_ready_block(tmp_path):
    report = "content/van-ban/xa-nam-thanh-mien/bao-cao-tuyen-truyen-cchc-nam-2025.md"
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "so-lieu", report, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    lines = (REPO / report).read_text(encoding="utf-8").splitlines()
    for item in result["so_lieu"]:  # each suggestion names the line that holds its number
        assert item["gia_tri"].split()[-1].rstrip("%") in lines[item["dong"] - 1], item
    assert {"gia_tri": "225", "don_vi": "lượt", "chi_tieu": "luot-phat-thanh"}.items() <= result["so_lieu"][
        1
    ].items()
    block = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "so-lieu", report],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    pasted = yaml.safe_load(block.stdout)["so_lieu"]
    assert {"chi_tieu": "luot-phat-thanh", "gia_tri": "225"} in pasted
    missing = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(REPO), "so-lieu", "khong-co.md"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert missing.returncode == 2 and "khong-co.md" in missing.stderr and "Traceback" not in missing.stderr


def test_an_import_offers_its_figures_as_a_commented_block(tmp_path):
    seed = Path(REPO / "tests/seeds/000_a9659aed3b8e34ff.txt")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc",
            "--root",
            str(REPO),
            "nhap",
            str(seed),
            "--stdout",
            "--don-vi",
            "xa-nam-thanh-mien",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "số liệu gợi ý" in done.stderr
    front = done.stdout.split("---\n")[1]
    assert yaml.safe_load(front).get("so_lieu") is None  # suggestions, never figures on their own
    block = front[front.index("#so_lieu:") :]  # what the editor uncomments: one '#' off each line
    figures = yaml.safe_load("\n".join(line[1:] for line in block.splitlines()))["so_lieu"]
    assert {"chi_tieu": "luot-phat-thanh", "gia_tri": "225"} in figures
    lines = done.stdout.splitlines()
    for line in front.splitlines():
        if "gia_tri:" in line and "# dòng " in line:  # the line named is the one that holds the number
            number = line.split('"')[1]
            assert number in lines[int(line.split("# dòng ")[1].split(":")[0]) - 1], line


LONG_SENTENCE = (
    "Trong năm 2025, Ủy ban nhân dân xã đã chỉ đạo các ban, ngành, đoàn thể phối hợp với các thôn, khu dân "
    "cư tổ chức 12 buổi tuyên truyền về cải cách hành chính cho cán bộ, công chức và nhân dân trên địa bàn "
    "xã, thu hút đông đảo người dân tham gia"
)


def test_each_figure_is_shown_with_the_words_around_it(project, tmp_path):
    """Beside each figure, the editor sees the words around its number (not the start of its line), in the
    block `cchc so-lieu` prints, in its JSON and in the block `cchc nhap` writes."""
    from tests.importer.test_import import HEADER

    around = (
        "…ngành, đoàn thể phối hợp với các thôn, khu dân cư tổ chức 12 buổi tuyên truyền về cải cách hành "
        "chính cho cán bộ, công…"
    )
    text = tmp_path / "bao-cao.txt"
    text.write_text(
        HEADER.replace("Tuyên truyền sâu rộng", LONG_SENTENCE + ". Tuyên truyền"), encoding="utf-8"
    )
    catalogue = REPO / "content/tham-chieu/chi-tieu.yml"
    (project / "content/tham-chieu").mkdir(exist_ok=True)
    (project / "content/tham-chieu/chi-tieu.yml").write_text(catalogue.read_text(encoding="utf-8"))

    def cchc(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "cchc", "--root", str(project), *args], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    [result] = json.loads(cchc("so-lieu", str(text), "--json"))
    assert [item["context"] for item in result["so_lieu"]] == [around]
    assert f"# dòng 12: {around}" in cchc("so-lieu", str(text))
    commented = [line for line in cchc("nhap", str(text), "--stdout").splitlines() if line.startswith("#")]
    assert any(line.endswith(f": {around}") and "# dòng " in line for line in commented), commented
    assert LONG_SENTENCE[:90] not in cchc("so-lieu", str(text))


def test_each_of_two_alike_numbers_in_a_sentence_has_its_own_words():
    from cchc.importer.figure_suggestions import contexts

    sentence = "Đăng 12 tin trên Cổng thông tin điện tử và 12 tin trên trang Zalo"
    suggestions = suggest(sentence, load(REPO)[0].indicators)
    assert contexts(suggestions) == [sentence, sentence]  # short: the whole sentence each time
    wide = "và " * 30 + sentence + " và" * 30
    found = contexts(suggest(wide, load(REPO)[0].indicators))
    assert found[0].startswith("…và và") and "Đăng 12 tin trên Cổng" in found[0] and found[0].endswith("…")
    assert "điện tử và 12 tin trên trang Zalo và" in found[1] and found[0] != found[1]
