"""Pinpoints, relations and force, stage by stage, on the forms the issue names and real sentences (each
with its source); the forms table (test_reference_forms) scores them on many more."""

from __future__ import annotations

import pytest

from cchc.dates import PartialDate, parse_date
from cchc.model import Validity
from cchc.refs import relations, validity
from cchc.refs.extract import extract
from cchc.refs.resolve import Directory
from cchc.refs.validity import Change, Named


def pinpoints(text: str) -> list[tuple[str, list[str]]]:
    return [(c.text, [str(p) for p in c.pinpoints]) for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("khoản 2 Điều 5 Nghị định số 118/2025/NĐ-CP", ["khoản 2 Điều 5"]),
        ("điểm a khoản 1 Điều 3 Thông tư số 01/2023/TT-VPCP", ["điểm a khoản 1 Điều 3"]),
        ("các khoản 1 và 2 Điều 26 Nghị định số 63/2010/NĐ-CP", ["khoản 1 Điều 26", "khoản 2 Điều 26"]),
        (
            "các Điều 27, 28 và khoản 5 Điều 35 Nghị định số 63/2010/NĐ-CP",
            ["Điều 27", "Điều 28", "khoản 5 Điều 35"],
        ),
        ("từ Điều 22 đến Điều 31 Nghị định số 86/2011/NĐ-CP", [f"Điều {n}" for n in range(22, 32)]),
        ("theo quy định tại Điều 12 Luật Hộ tịch năm 2014", ["Điều 12"]),
        ("tại Điều 8 của Nghị định số 45/2020/NĐ-CP", ["Điều 8"]),
        ("Mục 5 Chương II Nghị định số 30/2020/NĐ-CP", ["Mục 5 Chương II"]),
        ("Mục 1 Phụ lục 3 Thông tư số 01/2018/TT-VPCP", ["Mục 1 Phụ lục 3"]),
        (
            "điểm a đến điểm đ khoản 1 Điều 4 Luật Hộ tịch năm 2014",
            [f"điểm {x} khoản 1 Điều 4" for x in "abcdđ"],
        ),
        ("Điều 4, khoản 6, Luật Hộ tịch 2014", ["khoản 6 Điều 4"]),
        ("khoản 2 Điêu 19 Luật Ban hành văn bản quy phạm pháp luật năm 2015", ["khoản 2 Điều 19"]),
        # In brackets right after the document (DOMAIN.md cites the law on access to information so).
        ("Luật Tiếp cận thông tin 2016 (Điều 17, 19)", ["Điều 17", "Điều 19"]),
        ("Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ (khoản 2 Điều 5);", ["khoản 2 Điều 5"]),
        ("Nghị định số 45/2020/NĐ-CP (xem Điều 5)", []),
    ],
)
def test_pinpoints_are_read_expanded_and_given_to_their_document(text, expected):
    assert pinpoints(text)[-1][1] == expected


def test_a_pinpoint_after_a_document_and_a_comma_belongs_to_the_next():
    # Nghị định 92/2017/NĐ-CP, khoản 2 Điều 1, amends Nghị định 63/2010/NĐ-CP: the clause is 92/2017's.
    text = "Căn cứ Nghị định số 63/2010/NĐ-CP, khoản 2 Điều 1 Nghị định số 92/2017/NĐ-CP;"
    assert pinpoints(text) == [
        ("Nghị định số 63/2010/NĐ-CP", []),
        ("Nghị định số 92/2017/NĐ-CP", ["khoản 2 Điều 1"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "theo Điều 5 Quy chế này, Nghị định số 118/2025/NĐ-CP",
        "quy định tại khoản 1 Điều này và Nghị định số 118/2025/NĐ-CP",
        "Điều chỉnh Nghị định số 118/2025/NĐ-CP",
        "sửa đổi một số điều của Nghị định số 118/2025/NĐ-CP",
        "Thời điểm khoản 2 Điều 5 có hiệu lực; Nghị định số 118/2025/NĐ-CP",
    ],
)
def test_what_is_no_pinpoint_of_a_document(text):
    found = extract(text)
    assert [str(p) for c in found for p in c.pinpoints] == [] and not [f for c in found for f in c.problems]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Điều 0 Nghị định số 118/2025/NĐ-CP", "'Điều 0' không thể có"),
        ("khoản -1 Điều 2 Nghị định số 118/2025/NĐ-CP", "'khoản -1' không thể có"),
        ("tại điểm khoản 2 Điều 5 Nghị định số 118/2025/NĐ-CP", "'điểm' không có chữ cái"),
        ("từ Điều 31 đến Điều 22 Nghị định số 118/2025/NĐ-CP", "đi ngược"),
        ("từ Điều 1 đến Điều 99999 Nghị định số 118/2025/NĐ-CP", "gồm hơn 200 đơn vị"),
    ],
)
def test_impossible_pinpoints_are_reported_on_their_reference(text, message):
    (citation,) = extract(text)
    assert any(message in f.message for f in citation.problems), citation.problems


def relation(text: str, signed: str | None = None) -> list[tuple[str, str, str, str | None]]:
    day = parse_date(signed) if signed else None
    return [
        (r.subject, r.relation, r.object, r.effective.vietnamese() if r.effective else None)
        for r in relations.find(text, extract(text), day)
    ]


def test_relations_in_a_decree_s_closing_article():
    # Nghị định 118/2025/NĐ-CP, Điều 38 (as the table of force quotes it): what it replaces, from when.
    text = (
        "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.\n"
        "2. Nghị định này thay thế Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ và "
        "Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ."
    )
    assert relation(text) == [
        ("this", "replaces", "61/2018/NĐ-CP", "01/07/2025"),
        ("this", "replaces", "107/2021/NĐ-CP", "01/07/2025"),
    ]


@pytest.mark.parametrize(
    ("text", "signed", "expected"),
    [
        (
            "Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ Quyết định số 12/2020/QĐ-UBND ngày 01/02/2020.",
            "15/01/2025",
            [("this", "repeals", "12/2020/QĐ-UBND", "15/01/2025")],
        ),
        (
            "Nghị định số 42/2022/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành. "
            "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.",
            None,
            [("this", "repeals", "42/2022/NĐ-CP", "01/07/2026")],
        ),
        (
            "Nghị định 61/2018/NĐ-CP đã được thay thế bởi Nghị định 118/2025/NĐ-CP từ ngày 01/7/2025.",
            None,
            [("118/2025/NĐ-CP", "replaces", "61/2018/NĐ-CP", "01/07/2025")],
        ),
        (
            "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp quy định chi tiết thi hành một số điều "
            "của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",
            None,
            [
                ("04/2020/TT-BTP", "implements", "Luật Hộ tịch", None),
                ("04/2020/TT-BTP", "implements", "123/2015/NĐ-CP", None),
            ],
        ),
        (
            "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành một số "
            "điều của Nghị định số 61/2018/NĐ-CP",
            None,
            [("01/2018/TT-VPCP", "guides", "61/2018/NĐ-CP", None)],
        ),
        (
            "Nghị định số 07/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP",
            None,
            [("07/2025/NĐ-CP", "amends", "123/2015/NĐ-CP", None)],
        ),
        ("Nghị định 61/2018/NĐ-CP đã được thay thế.", None, []),
        ("Đẩy mạnh hướng dẫn, bổ sung nội dung tuyên truyền.", None, []),
        # Found in review: a denied phrase, a reference that frames the sentence, a fact told of another
        # text, a clause after a semicolon that says something of its own reference, a phrase carried past a
        # passive.
        ("Văn bản này không thay thế Nghị định số 61/2018/NĐ-CP.", None, []),
        ("Cá nhân bổ sung hồ sơ theo quy định tại Nghị định số 61/2018/NĐ-CP.", None, []),
        (
            "Theo Quyết định số 5/2025/QĐ-UBND, Quyết định số 12/2020/QĐ-UBND hết hiệu lực từ ngày "
            "01/7/2025.",
            None,
            [("this", "repeals", "12/2020/QĐ-UBND", "01/07/2025")],
        ),
        ("Nghị định số 61/2018/NĐ-CP đã hết hiệu lực.", None, []),
        (
            "Quyết định này thay thế Quyết định số 12/2020/QĐ-UBND; Quyết định số 15/2021/QĐ-UBND tiếp tục "
            "có hiệu lực.",
            None,
            [("this", "replaces", "12/2020/QĐ-UBND", None)],
        ),
        (
            "Thông tư số 04/2020/TT-BTP hướng dẫn, đã được bãi bỏ một phần. Đề nghị bổ sung Quyết định số "
            "12/2020/QĐ-UBND.",
            None,
            [("this", "amends", "12/2020/QĐ-UBND", None)],
        ),
    ],
)
def test_relations_read_from_text(text, signed, expected):
    assert relation(text, signed) == expected


def _named(doc_id: str) -> Named:
    return Named(doc_id, doc_id)


def _change(relation_: str, subject: str, obj: str, day: str | None, partial: bool = False) -> Change:
    effective = parse_date(day) if day else None
    return Change(relation_, _named(subject), _named(obj), effective, partial, "hieu-luc.yml", 1)


TODAY = PartialDate(2026, 12, 6)


def test_a_status_follows_what_is_known():
    replaced = [_change("replaces", "118", "61", "01/07/2025")]
    assert validity.settle(replaced, None, TODAY).key == validity.ENDED
    assert validity.settle(replaced, None, TODAY).since == PartialDate(2025, 7, 1)
    assert validity.settle(replaced, None, PartialDate(2025, 6, 30)).key == validity.UNKNOWN
    entry = Validity("hieu-luc.yml", 1, "x", in_force=PartialDate(2027, 3, 1))
    assert validity.settle([], entry, TODAY).key == validity.NOT_YET
    assert validity.settle([_change("repeals", "7", "123", None, True)], None, TODAY).key == validity.PARTLY
    assert validity.settle([], Validity("hieu-luc.yml", 1, "x"), TODAY).key == validity.IN_FORCE
    assert validity.settle([], None, TODAY).key == validity.UNKNOWN


def test_a_cycle_of_replacements_is_found_once_each_way():
    changes = [_change("replaces", "b", "a", "01/01/2020"), _change("replaces", "a", "b", "01/01/2021")]
    (cycle,) = validity.cycles(changes)
    assert {c.object.id for c in cycle} == {"a", "b"}
    assert "vòng thay thế" in validity.cycle_problem(cycle).message
    assert validity.cycles([_change("replaces", "a", "a", None)])  # a text replacing itself
    chain = [_change("replaces", str(n + 1), str(n), None) for n in range(5000)]
    assert validity.cycles(chain) == []  # a long chain: no recursion to exhaust


def test_the_message_for_a_ceased_text_names_what_replaced_it_and_when():
    status = validity.settle([_change("replaces", "x", "y", "01/07/2025")], None, TODAY)
    status.by = Change(
        "replaces",
        Named("118", "Nghị định số 118/2025/NĐ-CP"),
        _named("61"),
        PartialDate(2025, 7, 1),
        False,
        "",
        0,
    )
    assert validity.ceased_message("Nghị định số 61/2018/NĐ-CP", status) == (
        "Nghị định số 61/2018/NĐ-CP đã được thay thế bởi Nghị định số 118/2025/NĐ-CP từ 01/7/2025"
    )


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("Giai đoạn 2018 - 2020, xã đã thực hiện Nghị định số 61/2018/NĐ-CP.", True),
        ("Xã đã thực hiện theo Nghị định số 61/2018/NĐ-CP.", True),
        ("Năm 2024, xã áp dụng Nghị định số 61/2018/NĐ-CP.", True),
        ("Xã tiếp tục thực hiện Nghị định số 61/2018/NĐ-CP trong năm 2026.", False),
    ],
)
def test_a_sentence_about_the_past_is_told_apart(sentence, past):
    (citation,) = extract(sentence)
    assert validity.historical(sentence, citation.start, citation.end, PartialDate(2025, 7, 1)) is past


def test_a_table_entry_naming_no_document_is_reported_on_its_line():
    problems: list = []
    entries = [
        Validity("content/tham-chieu/hieu-luc.yml", 3, "Nghị định mới", lines={"van_ban": 3}),
        Validity(
            "content/tham-chieu/hieu-luc.yml",
            7,
            "Nghị định 61/2018/NĐ-CP",
            replaced_by="văn bản khác",
            ended=PartialDate(2025, 7, 1),
            lines={"van_ban": 7, "thay_the_boi": 9},
        ),
    ]
    table = validity.table_changes(entries, (), Directory(), {}, problems)
    changes, recorded = table.changes, table.recorded
    assert [(p.line, p.field) for p in problems] == [(3, "van_ban"), (9, "thay_the_boi")]
    assert "không đọc được một văn bản trong 'Nghị định mới'" in problems[0].message
    assert changes == [] and list(recorded) == ["61-2018-nd-cp"]


def test_a_procedure_whose_legal_basis_lists_a_replaced_text_is_flagged_on_its_line():
    import dataclasses

    from cchc.content.load import load
    from cchc.refs.index import index_references
    from tests.conftest import REPO

    portal = load(REPO)[0]
    procedure = portal.procedures[0]
    basis = [*procedure.legal_basis, "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ"]
    lines = [*procedure.legal_basis_lines, 99]
    changed = dataclasses.replace(procedure, legal_basis=basis, legal_basis_lines=lines)
    portal = dataclasses.replace(portal, procedures=[changed, *portal.procedures[1:]])
    found = [p for p in index_references(portal, today=TODAY).problems if p.file == procedure.path]
    assert [(p.line, p.field, p.message) for p in found] == [
        (
            99,
            "trích dẫn",
            "Nghị định số 61/2018/NĐ-CP đã được thay thế bởi Nghị định số 118/2025/NĐ-CP từ 01/7/2025; "
            "cần trích dẫn văn bản đang có hiệu lực",
        )
    ]


def test_pinpoints_stay_bounded_and_never_crash_on_odd_letters():
    many = "khoản " + ", ".join(["1-199"] * 40) + " Điều " + ", ".join(["1-199"] * 40)
    (citation,) = extract(f"{many} Nghị định số 61/2018/NĐ-CP")
    assert len(citation.pinpoints) == 200 and any("hơn 200" in f.message for f in citation.problems)
    # "İ" matches "i" case-blind but lowers to two characters: not a unit, and no crash.
    assert [c.text for c in extract("khoản 1 và khoản 2 ĐİỀU 3 Nghị định số 61/2018/NĐ-CP")] == [
        "Nghị định số 61/2018/NĐ-CP"
    ]


def test_a_law_cited_by_name_only_has_the_status_the_table_gives_its_number():
    from cchc.content.load import load
    from cchc.refs.index import index_references
    from cchc.refs.resolve import build_directory
    from tests.conftest import REPO

    portal = load(REPO)[0]
    directory = build_directory(portal.units, portal.bodies)
    same = validity.table_changes(portal.validity, portal.aliases, directory, {}, []).same_laws
    assert same["luat-ho-tich"] == same["luat-ho-tich-2014"] == "60-2014-qh13"
    # Two laws of the table share this name (of 2015 and of 2025): only the one with a year is known.
    assert "luat-ban-hanh-van-ban-quy-pham-phap-luat" not in same
    assert same["luat-ban-hanh-van-ban-quy-pham-phap-luat-2015"] == "80-2015-qh13"
    index = index_references(portal, today=TODAY)
    assert index.status["luat-ho-tich"].key == validity.IN_FORCE  # cited by name in the procedures
