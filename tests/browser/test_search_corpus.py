"""Search on the 10,000-document bench corpus: the query budget holds at scale.

The corpus is generated and built once and kept in .cache/bench/ under a hash of everything that makes
it (tests/corpus_cache.py); a run with nothing changed reuses it. The test is marked `long` so that it
starts first and its build overlaps the rest of the suite on the other core.
"""

from __future__ import annotations

import pytest

from cchc.text import fold
from tests.corpus_cache import built_corpus
from tests.static_server import serve
from tests.webcheck import check_queries

BENCH_SIZE = 10_000


@pytest.mark.long
def test_query_transfer_on_10000_documents(browser):
    with serve(built_corpus(BENCH_SIZE)) as base:
        queries = check_queries(browser, base, f"{BENCH_SIZE} văn bản")
    # Small index chunks must still find the words: each query's first result has all of them.
    for query in queries:
        assert set(query.text.split()) <= set(fold(query.first).lower().split()), query.first
