"""Citations deeper in the built site: a citation of a replaced text is flagged in the build, in `cchc check`
and on /kiem-tra-trich-dan/; the cited text's page shows its status, its relations and the articles cited;
its JSON-LD and the open data carry them; hieu-luc.yml's mistakes are told on their lines."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.conftest import REPO, REPORT, cchc_check, mkdocs_build
from tests.htmltext import article_text

# Nghị định 61/2018/NĐ-CP was replaced by Nghị định 118/2025/NĐ-CP from 01/7/2025 (content/tham-chieu/
# hieu-luc.yml, with its sources); the report is dated 10/12/2025.
CITING = "Xã tiếp tục thực hiện khoản 2 Điều 5 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ."
PAST = "Giai đoạn 2018 - 2020, xã đã thực hiện Điều 8 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018."
# The portal's own decision, cited by an article.
OWN = "Bộ phận một cửa làm việc theo khoản 1 Điều 2 Quyết định số 15/2025/QĐ-UBND."
# A decision of the portal's own, stating what it replaces.
DECISION = """---
loai: Quyết định
so_ky_hieu: "15/2025/QĐ-UBND"
ngay_ban_hanh: "01/9/2025"
don_vi: xa-nam-sach
trich_yeu: Ban hành Quy chế tiếp nhận và trả kết quả giải quyết thủ tục hành chính
nguoi_ky:
  ho_ten: Phùng Văn Diện
  chuc_vu:
    - CHỦ TỊCH
noi_nhan:
  - "Lưu: VT."
---

Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận và trả kết quả.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 07/2019/QĐ-UBND ngày
12/3/2019 của Ủy ban nhân dân xã.

Điều 3. Bãi bỏ Quyết định số 3/QĐ-UBND của Ủy ban nhân dân xã.
"""


@pytest.fixture(scope="module")
def force_site(tmp_path_factory):
    from tests.conftest import make_project

    root = tmp_path_factory.mktemp("force")
    project = make_project(root / "portal")
    folder = project / "content/van-ban/xa-nam-sach"
    (folder / "bao-cao-2025.md").write_text(
        REPORT.replace(
            "Ủy ban nhân dân xã đã ban hành kế hoạch tuyên truyền.", f"{CITING}\n\n{PAST}\n\n{OWN}"
        ),
        encoding="utf-8",
    )
    (folder / "quyet-dinh-15.md").write_text(DECISION, encoding="utf-8")
    _copy_table(project)
    site = root / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, result.stderr


def _copy_table(project) -> None:
    """The repository's table of force, which the small test portal does not have."""
    tables = project / "content/tham-chieu"
    tables.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "content/tham-chieu/hieu-luc.yml", tables)


def _page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(site, path: str) -> str:
    return " ".join(article_text(_page(site, path)).split())


def test_a_citation_of_a_replaced_text_is_a_warning_and_one_about_the_past_a_note(force_site):
    project, site, log = force_site
    warning = (
        "bao-cao-2025.md:18: trích dẫn: Nghị định số 61/2018/NĐ-CP đã được thay thế bởi Nghị định số "
        "118/2025/NĐ-CP từ 01/7/2025; cần trích dẫn văn bản đang có hiệu lực (cảnh báo)"
    )
    assert warning in log
    checked = cchc_check(project).stdout
    assert warning in checked
    note = "bao-cao-2025.md:20: trích dẫn: Nghị định số 61/2018/NĐ-CP đã được thay thế"
    assert note in checked and "câu này nói về thời gian trước đó nên chỉ ghi chú (ghi chú)" in checked
    checks = _text(site, "kiem-tra-trich-dan")
    assert "content/van-ban/xa-nam-sach/bao-cao-2025.md:18" in checks and "đã được thay thế bởi" in checks


def test_the_cited_text_s_page_shows_its_status_relations_and_articles(force_site):
    _, site, _ = force_site
    text = _text(site, "tham-chieu/61-2018-nd-cp")
    assert "Tình trạng hiệu lực Hết hiệu lực toàn bộ (từ 01/07/2025)" in text
    assert "Được thay thế bởi: Nghị định số 118/2025/NĐ-CP, từ 01/07/2025" in text
    assert re.search(r"Điều, khoản được trích dẫn \(2\) .* khoản 2 Điều 5 .*Điều 8", text)
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', _page(site, "tham-chieu/61-2018-nd-cp")).group(1)
    )
    assert data["@type"] == "Legislation" and data["legislationLegalForce"] == {
        "@id": "https://schema.org/NotInForce"
    }


def test_a_relation_read_from_the_portal_s_own_document(force_site):
    _, site, _ = force_site
    cited = _text(site, "tham-chieu/7-2019-qd-ubnd-xa-nam-sach")
    assert "Tình trạng hiệu lực Hết hiệu lực toàn bộ (từ 01/09/2025)" in cited
    assert "Được thay thế bởi: Quyết định số 15/2025/QĐ-UBND" in cited
    own = _page(site, "van-ban/xa-nam-sach/quyet-dinh-15")
    assert re.search(
        r"Điều, khoản được trích dẫn \(1\)</h2>\s*<ul>\s*<li>khoản 1 Điều 2: <a href=[^>]*bao-cao-2025", own
    )
    assert "Thay thế:" in own and "Quyết định số 07/2019/QĐ-UBND</a>, từ 01/09/2025" in own
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', own).group(1))
    assert data["legislationChanges"] == [
        {
            "@type": "Legislation",
            "name": "Quyết định số 07/2019/QĐ-UBND",
            "url": "http://127.0.0.1:8000/tham-chieu/7-2019-qd-ubnd-xa-nam-sach/",
        }
    ]
    relations = json.loads((site / "du-lieu/quan-he.json").read_text(encoding="utf-8"))
    assert {
        "subject_id": "15-2025-qd-ubnd-xa-nam-sach",
        "relation": "replaces",
        "object_id": "7-2019-qd-ubnd-xa-nam-sach",
        "effective": "2025-09-01",
        "source_file": "content/van-ban/xa-nam-sach/quyet-dinh-15.md",
    }.items() <= next(r for r in relations if r["object_id"] == "7-2019-qd-ubnd-xa-nam-sach").items()
    # A relation whose object has no year cannot say which document it is about: told, not recorded.
    _, _, log = force_site
    assert (
        "quyet-dinh-15.md:20: trích dẫn: 'Bãi bỏ Quyết định số 3/QĐ-UBND': không xác định được văn bản trong "
        "quan hệ này"
    ) in log
    assert not [r for r in relations if r["object"] == "Quyết định số 3/QĐ-UBND"]
    citations = json.loads((site / "du-lieu/trich-dan.json").read_text(encoding="utf-8"))
    assert {"khoản 2 Điều 5", "Điều 8"} == {
        c["pinpoints"] for c in citations if c["cited_id"] == "61-2018-nd-cp"
    }


def _append(project, entries: str) -> int:
    """Add entries to the table of force; the line of the first."""
    _copy_table(project)
    table = project / "content/tham-chieu/hieu-luc.yml"
    before = table.read_text(encoding="utf-8")
    table.write_text(before + entries, encoding="utf-8")
    return before.count("\n") + 1 + (entries[0] == "\n")


def test_dates_in_the_table_of_force_are_checked_on_their_lines(project):
    first = _append(
        project,
        """
- van_ban: "Nghị định 1/2030/NĐ-CP"
  hieu_luc_tu: "31/02/2030"
- van_ban: "Nghị định 4/2030/NĐ-CP"
  thay_the_boi: "Nghị định 5/2030/NĐ-CP"
- van_ban: "Nghị định 6/2030/NĐ-CP"
  hieu_luc_tu: "01/01/2031"
  het_hieu_luc_tu: "01/01/2030"
- van_ban: "Nghị định 7/2030/NĐ-CP"
  het_hieu_luc_tu: "2031"
""",
    )
    result = cchc_check(project)
    out = result.stdout
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"hieu-luc.yml:{first + 1}: hieu_luc_tu: ngày '31/02/2030' không có thật" in out
    assert f"hieu-luc.yml:{first + 3}: het_hieu_luc_tu: văn bản đã bị thay thế hoặc bãi bỏ cần ngày" in out
    assert f"hieu-luc.yml:{first + 8}: het_hieu_luc_tu: cần ngày đầy đủ dạng NN/TT/NNNN" in out
    assert (
        f"hieu-luc.yml:{first + 6}: het_hieu_luc_tu: ngày hết hiệu lực 01/01/2030 trước ngày có hiệu lực"
        in out
    )


def test_names_and_cycles_in_the_table_of_force_are_checked_on_their_lines(project):
    first = _append(
        project,
        """
- van_ban: "Nghị định mới ban hành"
  hieu_luc_tu: "01/01/2026"
- van_ban: "Nghị định 2/2030/NĐ-CP"
  thay_the_boi: "Nghị định 3/2030/NĐ-CP"
  het_hieu_luc_tu: "01/01/2031"
- van_ban: "Nghị định 3/2030/NĐ-CP"
  thay_the_boi: "Nghị định 2/2030/NĐ-CP"
  het_hieu_luc_tu: "01/01/2032"
- van_ban: "Nghị định 118/2025/NĐ-CP"
""",
    )
    result = cchc_check(project)
    out = result.stdout
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"hieu-luc.yml:{first}: van_ban: không đọc được một văn bản trong 'Nghị định mới ban hành'" in out
    assert "vòng thay thế: Nghị định số 2/2030/NĐ-CP được thay thế bởi Nghị định số 3/2030/NĐ-CP" in out
    assert "'Nghị định 118/2025/NĐ-CP' đã có ở dòng" in out
