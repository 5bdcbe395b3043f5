"""The five real seed documents are published faithfully and listed where they belong."""

from __future__ import annotations

import difflib
import re

import pytest

from tests.conftest import REPO
from tests.htmltext import article_text, words

SEEDS = REPO / "tests" / "seeds"

# seed file -> (unit, page path in the built site)
PUBLISHED = {
    "000_a9659aed3b8e34ff.txt": (
        "xa-nam-thanh-mien",
        "van-ban/xa-nam-thanh-mien/bao-cao-tuyen-truyen-cchc-nam-2025",
    ),
    "001_5d67d44ffc9b3dc7.txt": (
        "xa-nam-sach",
        "van-ban/xa-nam-sach/ke-hoach-tuyen-truyen-cchc-6-thang-cuoi-nam-2025",
    ),
    "002_5a9650c9ae9f1301.txt": (
        "phuong-phu-lien",
        "van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026",
    ),
    "003_1ca549996485953f.txt": ("xa-an-khanh", "van-ban/xa-an-khanh/ke-hoach-tuyen-truyen-cchc-nam-2026"),
    "004_296eb25d9921d084.txt": ("so-khcn", "van-ban/so-khcn/bao-cao-tuyen-truyen-cchc-nam-2025"),
}


def in_order_share(seed: list[str], page: list[str]) -> float:
    """Share of the seed's words found in the page in the same order (matching blocks, a lower bound)."""
    matcher = difflib.SequenceMatcher(None, seed, page, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(seed)


def test_every_seed_is_published():
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(PUBLISHED)


@pytest.mark.parametrize("seed", sorted(PUBLISHED))
def test_seed_words_appear_in_order(built_site, seed):
    seed_words = words((SEEDS / seed).read_text(encoding="utf-8"))
    html = (built_site / PUBLISHED[seed][1] / "index.html").read_text(encoding="utf-8")
    share = in_order_share(seed_words, words(article_text(html)))
    print(f"{seed}: {share:.4%} of {len(seed_words)} words in order")
    assert share >= 0.995


def test_fidelity_measure_catches_a_lost_paragraph():
    seed_words = words((SEEDS / "002_5a9650c9ae9f1301.txt").read_text(encoding="utf-8"))
    assert in_order_share(seed_words, seed_words) == 1.0
    assert in_order_share(seed_words, seed_words[:200] + seed_words[210:]) < 0.995


@pytest.mark.parametrize("seed", sorted(PUBLISHED))
def test_seed_is_in_unit_archive_and_consolidated_page(built_site, seed):
    unit, page = PUBLISHED[seed]
    assert f'href="../../{page}/"' in (built_site / "don-vi" / unit / "index.html").read_text(
        encoding="utf-8"
    )
    assert f'href="../{page}/"' in (built_site / "tong-hop" / "index.html").read_text(encoding="utf-8")


def test_document_page_has_facts_panel_and_edit_link(built_site):
    html = (built_site / PUBLISHED["002_5a9650c9ae9f1301.txt"][1] / "index.html").read_text(encoding="utf-8")
    facts = article_text(html)
    for expected in (
        "Loại văn bản Báo cáo",
        "Số, ký hiệu /BC-UBND (chưa ghi số)",
        "Ngày ban hành Chưa ghi ngày, năm 2026",
        "Kỳ 6 tháng đầu năm 2026",
        "Người ký Trần Quang Hưng, KT. Chủ tịch – Phó Chủ tịch",
    ):
        assert expected in re.sub(r"\s+", " ", facts)
    assert re.search(
        r'href="[^"]*/edit/main/content/van-ban/phuong-phu-lien/'
        r'bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026\.md"',
        html,
    )
