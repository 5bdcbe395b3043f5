"""The search index: Pagefind's output made byte-identical, and what the index holds for the portal."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc import urls
from cchc.publish import cbor, search_index

PAGE = """<!doctype html><html lang="vi"><head><title>{title}</title></head><body>
<main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<span data-pagefind-filter="Loại">{kind}</span><span data-pagefind-filter="Đơn vị">{unit}</span></main>
</body></html>"""

PAGES = [
    ("Đăng ký khai sinh", "Thủ tục hành chính", "UBND xã Nam Sách", "Giấy chứng sinh và tờ khai."),
    ("Đăng ký khai tử", "Thủ tục hành chính", "UBND xã An Khánh", "Giấy báo tử và tờ khai."),
    ("Kế hoạch cải cách hành chính", "Văn bản", "UBND phường Phù Liễn", "Tuyên truyền cải cách."),
    ("Báo cáo sáu tháng", "Văn bản", "Sở KH&CN", "Kết quả cải cách hành chính."),
    ("Tờ khai đăng ký khai sinh", "Biểu mẫu", "UBND xã Nam Thanh Miện", "Mẫu tờ khai."),
]

cbor_values = st.recursive(
    st.integers(min_value=-(2**63), max_value=2**64 - 1) | st.text() | st.binary(),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(st.tuples(st.text(max_size=5), inner), max_size=4).map(cbor.Map)
    ),
    max_leaves=20,
)


@given(cbor_values)
def test_cbor_round_trip(value):
    assert cbor.decode_cbor(cbor.encode(value)) == value


@given(st.lists(cbor_values, max_size=6))
def test_an_arrays_elements_are_found_still_encoded(values):
    encoded = [cbor.encode(value) for value in values]
    assert cbor.elements(cbor.array(encoded)) == encoded


def _lookup(ranges, term: str) -> int | None:
    """The chunk Pagefind's search loads for a query term: the first whose range holds it."""
    return next((i for i, (low, high, _) in enumerate(ranges) if low <= term <= high), None)


@given(
    st.lists(st.text(alphabet="acdđăhnư0", min_size=1, max_size=6), unique=True, min_size=1, max_size=60),
    st.integers(min_value=1, max_value=40),
)
def test_cut_index_finds_every_word_and_prefix(words, size):
    pairs = sorted((word, cbor.encode([word, list(range(len(word)))])) for word in words)
    ranges = search_index.cut(pairs, size)
    assert [entry for *_, entries in ranges for entry in entries] == [entry for _, entry in pairs]
    for _, _, entries in ranges[:-1]:  # each chunk is closed by the word that fills it
        assert sum(map(len, entries[:-1])) < size <= sum(map(len, entries))
    holder = {entry: i for i, (_, _, entries) in enumerate(ranges) for entry in entries}
    for word, entry in pairs:
        assert _lookup(ranges, word) == holder[entry]
        for prefix in (word[:n] for n in range(1, len(word))):
            found = _lookup(ranges, prefix)
            if found is None:  # only before the first word, as in Pagefind's own chunks
                assert prefix < pairs[0][0]
            else:
                assert any(cbor.first(entry).startswith(prefix) for entry in ranges[found][2])


def _site(root: Path) -> Path:
    for i, (title, kind, unit, text) in enumerate(PAGES):
        folder = root / f"p{i}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(PAGE.format(title=title, kind=kind, unit=unit, text=text), "utf-8")
    return root


def _pagefind(site: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True)
    return site / "pagefind"


def _shuffle(bundle: Path) -> None:
    """Write the filters, the index chunks' words and the metadata's lists in reverse."""
    for path in [
        *bundle.glob("filter/*.pf_filter"),
        *bundle.glob("index/*.pf_index"),
        *bundle.glob("*.pf_meta"),
    ]:
        value = search_index.read_cbor(path)
        if path.suffix == ".pf_filter":
            value[1].reverse()
        elif path.suffix == ".pf_index":
            value[0].reverse()
        else:
            value[3].reverse()
        path.write_bytes(gzip.compress(search_index.SIGNATURE + cbor.encode(value), mtime=0))


def _files(bundle: Path) -> dict[str, bytes]:
    return {str(p.relative_to(bundle)): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_index_is_the_same_whatever_order_pagefind_wrote(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "CHUNK_BYTES", 200)  # these five pages would fit in one chunk
    first = _pagefind(_site(tmp_path / "a"))
    second = tmp_path / "b" / "pagefind"
    shutil.copytree(first, second)
    _shuffle(second)
    assert _files(first) != _files(second)
    search_index.make_stable(first)
    search_index.make_stable(second)
    assert _files(first) == _files(second)
    # The rewritten files are the ones the entry and the metadata name, and hold every filter value.
    entry = json.loads((first / "pagefind-entry.json").read_text("utf-8"))
    meta_hash = entry["languages"]["vi"]["hash"]
    meta = search_index.read_cbor(first / f"pagefind.{meta_hash}.pf_meta")
    filters = dict(meta[3])
    assert sorted(filters) == ["Loại", "Đơn vị"]
    kinds = search_index.read_cbor(first / "filter" / f"{filters['Loại']}.pf_filter")
    assert [value for value, _ in kinds[1]] == ["Biểu mẫu", "Thủ tục hành chính", "Văn bản"]
    assert len(list((first / "filter").iterdir())) == 2 and len(list(first.glob("*.pf_meta"))) == 1
    # The index is cut into the chunks the metadata lists, in word order.
    chunks = [stem for _, _, stem in meta[2]]
    assert sorted(chunks) == sorted(p.stem for p in (first / "index").iterdir()) and len(chunks) > 1
    words = [
        word[0] for stem in chunks for word in search_index.read_cbor(first / "index" / f"{stem}.pf_index")[0]
    ]
    assert words == sorted(words) and "khai" in words
    # Stable output is its own stable form.
    search_index.make_stable(first)
    assert _files(first) == _files(second)


def test_build_reports_pages_and_errors(tmp_path):
    assert search_index.Indexer(_site(tmp_path / "site"), 0, news=False).finish() == len(PAGES)
    with pytest.raises(search_index.SearchIndexError, match=r"\S"):
        search_index.Indexer(tmp_path / "missing", 0, news=False).finish()


def _listing(site: Path, folder: str) -> str:
    """A page without a search body, as listings are written: (dest_uri, html)."""
    (site / folder).mkdir(parents=True, exist_ok=True)
    (site / folder / "index.html").write_text("<html><body><p>Danh sách</p></body></html>", "utf-8")
    return f"{folder}/index.html"


def _written(site: Path) -> list[tuple[str, str]]:
    return [
        (f"p{i}/index.html", (site / f"p{i}" / "index.html").read_text("utf-8")) for i in range(len(PAGES))
    ]


def test_the_index_made_while_pages_are_written_is_the_whole_sites(tmp_path):
    whole = _pagefind(_site(tmp_path / "whole"))
    search_index.make_stable(whole)
    # The searchable pages are written first; as MkDocs does, each page's event comes before its file is
    # written. Pagefind starts at the event after the last searchable page (a listing, in a folder it does
    # not read), once that page is on disk: at its own event it could read the folder without it.
    site = tmp_path / "early"
    pages = _written(_site(tmp_path / "source"))
    indexer = search_index.Indexer(site, len(PAGES), news=False)
    for dest, html in pages:
        indexer.written(dest, html, may_search=True)
        assert not indexer._processes  # the page's file is not written yet
        (site / dest).parent.mkdir(parents=True)
        (site / dest).write_text(html, "utf-8")
    indexer.written("danh-sach/index.html", "<p>Danh sách</p>", may_search=False)
    assert indexer._processes  # started before the build ends
    _listing(site, "danh-sach")
    assert indexer.finish() == len(PAGES)
    assert _files(site / "pagefind") == _files(whole)


def test_a_searchable_page_written_after_the_start_has_the_whole_site_indexed_again(tmp_path):
    whole = _pagefind(_site(tmp_path / "whole"))
    search_index.make_stable(whole)
    site = _site(tmp_path / "late")
    pages = _written(site)
    # Its meta said four pages might be searchable: the fifth, written after the start, is late.
    indexer = search_index.Indexer(site, len(PAGES) - 1, news=False)
    for dest, html in pages[:-1]:
        indexer.written(dest, html, may_search=True)
    indexer.written(*pages[-1], may_search=False)
    assert indexer._processes  # started at the fifth page's event, which was late
    assert indexer.finish() == len(PAGES)
    assert _files(site / "pagefind") == _files(whole)


def _pages_in(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_news_items_have_an_index_of_their_own(tmp_path):
    """Every query loads its index's page list and filters: news items, as many as documents on a busy
    portal, are searched apart ("Tin tức" on the search page), and nothing is in both or in neither."""
    site = _site(tmp_path / "site")
    for i in range(3):
        folder = site / urls.NEWS_FOLDER / "xa-nam-sach" / f"tin-{i}"
        folder.mkdir(parents=True)
        page = PAGE.format(title=f"Hội nghị {i}", kind="", unit="UBND xã Nam Sách", text="Tuyên truyền.")
        (folder / "index.html").write_text(page, "utf-8")
    _listing(site, urls.NEWS_FOLDER)  # a listing beside them: no search body, not indexed
    written = [*_written(site), (f"{urls.NEWS_FOLDER}/xa-nam-sach/tin-0/index.html", BODY_PAGE)]
    indexer = search_index.Indexer(site, len(written), news=True)
    for dest, html in written:
        indexer.written(dest, html, may_search=True)
    indexer.written("danh-sach/index.html", "<p>Danh sách</p>", may_search=False)
    assert set(indexer._processes) == {urls.SEARCH_BUNDLE, urls.NEWS_SEARCH_BUNDLE}
    assert indexer.finish() == len(PAGES) + 3
    assert _pages_in(site / urls.SEARCH_BUNDLE) == len(PAGES)
    assert _pages_in(site / urls.NEWS_SEARCH_BUNDLE) == 3
    # Over the whole site (the fallback, and the preview's), the same two indexes.
    whole = search_index.bundles(site, None, news=True)
    assert whole == search_index.bundles(site, ["p0", "p1", "p2", "p3", "p4", urls.NEWS_FOLDER], news=True)
    assert all(urls.NEWS_FOLDER not in glob for bundle, glob in whole if bundle == urls.SEARCH_BUNDLE)
    # Without news items there is no news index: Pagefind stops on a glob that finds no page.
    assert [bundle for bundle, _ in search_index.bundles(site, None, news=False)] == [urls.SEARCH_BUNDLE]


BODY_PAGE = "<main data-pagefind-body></main>"
