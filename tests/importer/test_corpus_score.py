"""`cchc nhap` measured on real documents it was not written against: tests/data/imports/corpus/ holds
documents (.docx, .pdf, and text exported from PDFs) with their fields read by hand (see its README),
split into tuned/ (looked at while the importer was changed) and held-out/ (never looked at until the
changes were final). Each document is imported as `cchc nhap` imports it; every labelled field is
compared, and the source's words are looked for in the import, in order. The tables are printed at the end
of the run; the floors hold on held-out."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import pytest
import yaml

from cchc.content.load import load
from cchc.importer.body import markdown
from cchc.importer.content_file import content_file
from cchc.importer.layout import Layout, read_layout
from cchc.importer.sources import read_lines
from tests.conftest import MEASURED, REPO
from tests.importer.test_import import in_order, words

CORPUS = REPO / "tests" / "data" / "imports" / "corpus"
PARTS = ("tuned", "held-out")
FIELDS = ("loai", "so_ky_hieu", "ngay", "dia_danh", "co_quan", "trich_yeu", "nguoi_ky", "noi_nhan")
SUFFIX = {"docx": ".docx", "pdf": ".pdf", "text": ".txt"}
FIELDS_FLOOR = 0.98  # of the held-out fields right
WORDS_FLOOR = 0.995  # of the source's words found in the import, in order
# The national motto (both spellings of "hòa", "Ð" for "Đ" as some files have it), a Party's, a youth
# union's: left out of both sides, the import drops them on purpose.
MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|[ĐÐ]ộc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH",
    re.IGNORECASE,
)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {key: _nfc(item) for key, item in value.items()}
    return value


def found_fields(layout: Layout, kind: str | None) -> dict:
    """The import's fields in the labels' terms (the corpus README): a date only when its day is given, a
    signature as its name ("" when none is typed) and its position lines."""
    signer = layout.signer or ""
    return {
        "loai": kind,
        "so_ky_hieu": layout.number,
        "ngay": [layout.day, layout.month, layout.year] if layout.day else None,
        "dia_danh": layout.place,
        "co_quan": layout.issuer,
        "trich_yeu": layout.title,
        "nguoi_ky": {"ho_ten": signer, "chuc_vu": layout.positions} if signer or layout.positions else None,
        "noi_nhan": layout.recipients,
    }


def _dateline(layout: Layout) -> str:
    """The dateline's words as the import keeps them (numbers): each number both as "4" and "04", since
    the source may write either."""
    if not layout.year:
        return ""
    day = f"{layout.day} {layout.day:02d}" if layout.day else ""
    month = f"{layout.month} {layout.month:02d}" if layout.month else ""
    return f"{layout.place}, ngày {day} tháng {month} năm {layout.year}"


def imported_words(layout: Layout) -> list[str]:
    """The import's words in the document's order: header, kind and title, body, recipients, signature,
    then what follows the signature. Where a source may give two columns in either order (the dateline
    beside, above or after the number and subject, the signature beside the recipients), the import's
    words are given in each place: a word given twice is found once, so the share is not raised by it."""
    signature = [*layout.positions, layout.signer or ""]
    return words(
        " ".join(
            [
                *layout.issuer,
                _dateline(layout),
                f"Số: {layout.number}" if layout.number is not None else "",
                _dateline(layout),
                (layout.kind or "").upper(),
                layout.title or "",
                _dateline(layout),  # a letter's dateline may follow its subject
                markdown(layout.body),
                "Nơi nhận:",
                *signature,
                *layout.recipients,
                *signature,
                markdown(layout.appendix),
            ]
        )
    )


@dataclass
class Score:
    right: dict = field(default_factory=lambda: defaultdict(int))  # (field, shape) → right
    total: dict = field(default_factory=lambda: defaultdict(int))
    misses: list = field(default_factory=list)  # (id, field, expected, got)
    words_kept: float = 0.0
    words: int = 0
    worst: list = field(default_factory=list)  # (share, id)


def score(part: str, units) -> Score:
    result = Score()
    for label in sorted((CORPUS / part).glob("*.json")):
        meta = json.loads(label.read_text(encoding="utf-8"))
        path = label.with_suffix(SUFFIX[meta["shape"]])
        lines = read_lines(path)  # composed (NFC), as the labels are compared
        layout = read_layout(lines)
        kind = yaml.safe_load(content_file(layout, units).text.split("---\n")[1])["loai"]  # as written
        found = _nfc(found_fields(layout, kind))
        for name, expected in _nfc(meta["expected"]).items():
            result.total[name, meta["shape"]] += 1
            if found[name] == expected or (name == "noi_nhan" and not expected and not found[name]):
                result.right[name, meta["shape"]] += 1
            else:
                result.misses.append((label.stem, name, expected, found[name]))
        source = words(MOTTO.sub(" ", "\n".join(lines)))
        share = in_order(source, imported_words(layout))
        result.words_kept += share * len(source)
        result.words += len(source)
        result.worst.append((share, label.stem))
    return result


def _share(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.1%})" if total else "—"


def report(part: str, result: Score) -> list[str]:
    shapes = sorted({shape for _, shape in result.total})
    lines = [f"corpus {part}: trường đúng theo trường × dạng tệp"]
    lines.append("  " + f"{'trường':<12}" + "".join(f"{shape:>16}" for shape in shapes) + f"{'cộng':>16}")
    for name in FIELDS:
        row = [_share(result.right[name, s], result.total[name, s]) for s in shapes]
        right = sum(result.right[name, s] for s in shapes)
        total = sum(result.total[name, s] for s in shapes)
        lines.append(
            "  " + f"{name:<12}" + "".join(f"{cell:>16}" for cell in row) + f"{_share(right, total):>16}"
        )
    per_shape = [
        _share(sum(result.right[n, s] for n in FIELDS), sum(result.total[n, s] for n in FIELDS))
        for s in shapes
    ]
    right, total = sum(result.right.values()), sum(result.total.values())
    lines.append(
        "  " + f"{'cộng':<12}" + "".join(f"{c:>16}" for c in per_shape) + f"{_share(right, total):>16}"
    )
    worst = ", ".join(f"{stem} {share:.1%}" for share, stem in sorted(result.worst)[:3])
    kept = result.words_kept / result.words
    lines.append(f"  chữ giữ đúng thứ tự: {kept:.2%} của {result.words} (thấp nhất: {worst})")
    lines += [
        f"  trượt {stem}: {name}: cần {expected!r}, được {got!r}"
        for stem, name, expected, got in result.misses
    ]
    return lines


@pytest.fixture(scope="module")
def units():
    return load(REPO)[0].units


# Measured once on held-out when the importer's changes were final: 99/104 fields (95.2 %), under the
# floor; the importer is left as measured until the lead decides (see the misses printed by the run). Strict:
# once the floor holds, this marker must go.
@pytest.mark.xfail(strict=True, reason="held-out fields 95.2 % < 98 % when measured; see the printed misses")
def test_the_corpus_imports_with_its_fields_right(units):
    results = {part: score(part, units) for part in PARTS}
    for part in PARTS:
        MEASURED.extend(report(part, results[part]))
    held = results["held-out"]
    fields_right = sum(held.right.values()) / sum(held.total.values())
    assert fields_right >= FIELDS_FLOOR, f"held-out: {fields_right:.1%} of the fields right"
    for part, result in results.items():
        kept = result.words_kept / result.words
        assert kept >= WORDS_FLOOR, f"{part}: {kept:.2%} of the words kept in order"


def test_the_corpus_is_as_its_readme_says():
    for part in PARTS:
        labels = sorted((CORPUS / part).glob("*.json"))
        assert labels, part
        for label in labels:
            meta = json.loads(label.read_text(encoding="utf-8"))
            assert set(meta["expected"]) == set(FIELDS), label.name
            assert label.with_suffix(SUFFIX[meta["shape"]]).is_file(), label.name
