"""The reference index in the built site: links, cited-document pages, library, checks, open data."""

from __future__ import annotations

import csv
import json
import re

from tests.conftest import REPORT, mkdocs_build
from tests.htmltext import article_text

PLAN = (
    REPORT.replace("loai: Báo cáo", "loai: Kế hoạch")
    .replace('"25/BC-UBND"', '"09/KH-UBND"')
    .replace('"10/12/2025"', '"11/8/2025"')
    .replace("ky: năm 2025", "ky: 6 tháng cuối năm 2025")
    .replace("Kết quả công tác", "Tuyên truyền")
)


def read(site, page):
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_citations_link_to_their_document_pages(built_site):
    html = read(built_site, "van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026")
    assert (
        '<a href="../../../tham-chieu/101-kh-ubnd-2026-phuong-phu-lien/">'
        "Kế hoạch số 101/KH-UBND ngày 26/02/2026</a>"
    ) in html
    assert '<a href="../../../tham-chieu/6-qd-ttg-2022/">Đề án 06</a>' in html


def test_cited_document_page_lists_who_cites_it(built_site):
    text = " ".join(article_text(read(built_site, "tham-chieu/76-nq-cp-2021")).split())
    assert "Ngày ban hành 15/07/2021" in text and "Cơ quan ban hành Chính phủ" in text
    assert "Văn bản trích dẫn (4)" in text
    assert "UBND xã An Khánh" in text and "UBND xã Nam Sách" in text and "UBND xã Nam Thanh Miện" in text


def test_library_groups_by_issuer_level(built_site):
    text = " ".join(article_text(read(built_site, "tham-chieu")).split())
    order = [
        "Trung ương Đảng",
        "Nghị quyết số 57-NQ/TW",
        "Quốc hội",
        "Luật Tổ chức Chính phủ năm 2025",
        "Chính phủ và Thủ tướng Chính phủ",
        "Nghị định số 118/2025/NĐ-CP",
        "Thành phố",
        "Quyết định số 5256/QĐ-UBND",
        "Sở, ngành",
        "Kế hoạch số 155/KH-SKHCN",
        "Xã, phường",
        "Công văn số 1453/UBND-VHXH",
    ]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)
    assert re.search(r"Nghị quyết số 76/NQ-CP 15/07/2021 .*? 4 ", text)


def test_checks_page_lists_each_finding_with_file_line_and_snippet(built_site):
    text = " ".join(article_text(read(built_site, "kiem-tra-trich-dan")).split())
    assert "Có 4 vấn đề." in text
    assert "content/van-ban/xa-nam-thanh-mien/bao-cao-tuyen-truyen-cchc-nam-2025.md:43" in text
    assert "ngày '26/13/2025' không có thật" in text
    assert "chữ 'С' (chữ Kirin (Cyrillic))" in text


def test_open_data_matches_the_index(built_site):
    documents = json.loads((built_site / "du-lieu/van-ban.json").read_text(encoding="utf-8"))
    citations = json.loads((built_site / "du-lieu/trich-dan.json").read_text(encoding="utf-8"))
    by_id = {d["id"]: d for d in documents}
    assert by_id["76-nq-cp-2021"]["citations"] == 4
    assert by_id["76-nq-cp-2021"]["url"] == "tham-chieu/76-nq-cp-2021/"
    # 9 + 17 + 5 + 15 + 5 references in the five seeds, all resolved; procedures cite the rest.
    assert len([c for c in citations if c["citing_url"].startswith("van-ban/")]) == 51
    assert len(citations) == sum(d["citations"] for d in documents)
    assert all(c["cited_id"] in by_id for c in citations)
    with (built_site / "du-lieu/trich-dan.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == len(citations) and list(rows[0]) == list(citations[0])


def test_cited_content_document_is_its_own_page(project, tmp_path):
    folder = project / "content/van-ban/xa-nam-sach"
    (folder / "ke-hoach-09.md").write_text(PLAN, encoding="utf-8")
    report = folder / "bao-cao-2025.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "đã ban hành kế hoạch tuyên truyền.", "đã ban hành Kế hoạch số 09/KH-UBND ngày 11/8/2025."
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    assert '<a href="../ke-hoach-09/">Kế hoạch số 09/KH-UBND ngày 11/8/2025</a>' in read(
        site, "van-ban/xa-nam-sach/bao-cao-2025"
    )
    assert not (site / "tham-chieu/9-kh-ubnd-2025-xa-nam-sach").exists()
    html = read(site, "van-ban/xa-nam-sach/ke-hoach-09")
    assert "Văn bản trích dẫn văn bản này (1)" in html and 'href="../bao-cao-2025/"' in html


def test_reference_warnings_fail_only_a_strict_build(project, tmp_path):
    report = project / "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "đã ban hành kế hoạch tuyên truyền.",
            "thực hiện Nghị quyết số 76/NQ-CP ngày 15/13/2021 của Chính phủ.",
        ),
        encoding="utf-8",
    )
    assert mkdocs_build(project, tmp_path / "plain").returncode == 0
    strict = mkdocs_build(project, tmp_path / "strict", "--strict")
    assert strict.returncode != 0
    assert (
        "bao-cao-2025.md:18: trích dẫn: 'Nghị quyết số 76/NQ-CP ngày 15/13/2021': "
        "ngày '15/13/2021' không có thật"
    ) in strict.stderr
    assert "Traceback" not in strict.stderr


def test_reference_dated_after_the_citing_document(project):
    from tests.conftest import cchc_check

    report = project / "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "đã ban hành kế hoạch tuyên truyền.",
            "thực hiện Quyết định số 5/QĐ-UBND ngày 02/02/2026 của UBND thành phố.",
        ),
        encoding="utf-8",
    )
    result = cchc_check(project)
    assert result.returncode == 0
    assert "sau ngày ban hành của chính văn bản này (10/12/2025)" in result.stdout
