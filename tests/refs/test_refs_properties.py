"""Properties of extraction and linking, for any input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.refs import relations
from cchc.refs.annotate import annotate, protected_spans
from cchc.refs.extract import Alias, extract

PIECES = [
    "Nghị quyết số ",
    "76/NQ-CP",
    " ngày ",
    "15/7/2021",
    "26/13/2025",
    " của ",
    "Chính phủ",
    "UBND thành phố",
    "\n\n",
    "-",
    "/",
    "57-NQ/TW",
    "118/2025/NĐ-CP",
    "Luật Đất đai năm 2024",
    "TCVN ISO 9001:2015",
    "Đề án 06",
    "С",
    "Р",
    "Ð",
    "\u0323",
    "\u0301",
    "số",
    " ",
    "`",
    "[",
    "](",
    ")",
    "https://",
    '<a href="',
    '">',
    "</a>",
    "```\n",
    "17/17",
    "2021-2030",
    # Pinpoints and relations: units, lists, ranges, the phrases that state a relation.
    "khoản 2 ",
    "Điều 5 ",
    "điểm a, b ",
    "các Điều 27, 28 và ",
    "từ Điều 22 đến Điều 31 ",
    "Mục 1 Phụ lục 3 ",
    "Điều 0 ",
    "khoản -1 ",
    "điểm khoản 1 ",
    " thay thế ",
    " sửa đổi, bổ sung ",
    " được thay thế bởi ",
    " hết hiệu lực kể từ ngày ",
    "Nghị định này",
    " có hiệu lực thi hành từ ngày 01/7/2025",
    ":\n- ",
    "; ",
]
ALIASES = (Alias("Đề án 06", "Quyết định", "06/QĐ-TTg", "06/01/2022"),)

texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_extraction_never_crashes_and_offsets_fit(text):
    previous_end = 0
    for citation in extract(text, ALIASES):
        assert 0 <= citation.start < citation.end <= len(text)
        assert citation.start >= previous_end
        assert text[citation.start : citation.end] == citation.text
        for (
            pinpoint
        ) in citation.pinpoints:  # each read from a phrase before its reference, or in brackets after
            assert text[pinpoint.start : pinpoint.end] == pinpoint.text
            assert (pinpoint.end <= citation.start or pinpoint.start >= citation.end) and str(pinpoint)
        previous_end = citation.end


@settings(max_examples=400, deadline=None)
@given(texts)
def test_relations_never_crash_and_their_spans_fit(text):
    citations = extract(text, ALIASES)
    for relation in relations.find(text, citations):
        assert text[relation.start : relation.end] == relation.text
        assert relation.relation in relations.RELATIONS
        assert relation.object_citation in citations
        assert (
            relation.start <= relation.object_citation.start and relation.object_citation.end <= relation.end
        )


MARKDOWN = st.lists(
    st.sampled_from(
        [
            "Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ. ",
            "`76/NQ-CP`",
            "[Nghị quyết 76/NQ-CP](x.md)",
            "https://vbpl.vn/76/NQ-CP ",
            '<span title="76/NQ-CP">',
            "</span>",
            "\n\n```\nQuyết định 12/QĐ-TTg\n```\n\n",
            "[ref]: https://a.vn/57-NQ/TW\n",
            " và 57-NQ/TW",
            "\n",
            "[57-NQ/TW][ref]",
            "<https://a.vn/118/2025/NĐ-CP>",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWN)
def test_linking_never_touches_code_urls_or_links(markdown):
    links = [(c.start, c.end, "target.md") for c in extract(markdown)]
    linked = annotate(markdown, links)
    # Removing the links we added gives back the input exactly.
    assert re.sub(r"\[([^\[\]]*)\]\(target\.md\)", r"\1", linked) == markdown
    # No added link overlaps code, a URL, an HTML tag or an existing link of the input.
    protected = protected_spans(markdown)
    shift = 0
    for added in re.finditer(r"\[([^\[\]]*)\]\(target\.md\)", linked):
        start = added.start() - shift
        end = start + len(added.group(1))
        assert all(end <= p_start or start >= p_end for p_start, p_end in protected), (start, end)
        shift += len(added.group()) - len(added.group(1))


def test_linking_example():
    markdown = "Theo 76/NQ-CP ngày 15/7/2021, `76/NQ-CP` và [76/NQ-CP](a.md) và https://x.vn/76/NQ-CP."
    links = [(c.start, c.end, "t.md") for c in extract(markdown)]
    assert annotate(markdown, links) == (
        "Theo [76/NQ-CP ngày 15/7/2021](t.md), `76/NQ-CP` và [76/NQ-CP](a.md) và https://x.vn/76/NQ-CP."
    )
