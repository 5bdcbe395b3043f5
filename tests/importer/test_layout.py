"""Layouts the importer once read wrong on real documents, each as small as it can be: titles over several
lines (a line that opens with a body's name, a line that ends with a dash, a rule or an authority after
the title), a công văn's kind and subject over two lines, and a PDF's text where the recipients and the
signature share lines."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cchc.importer.layout import clean, read_layout

HEAD = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ YÊN                    Độc lập - Tự do - Hạnh phúc
Số: 25/{code}-UBND              Phú Yên, ngày 3 tháng 4 năm 2024
{kind}
"""
FOOT = """Nơi nhận:                         TM. ỦY BAN NHÂN DÂN
- Như trên;                       CHỦ TỊCH
- Lưu: VT.
                                  Trần Hữu Thế
"""


def _layout(kind: str, code: str, title: str, body: str = "Căn cứ Luật Tổ chức chính quyền địa phương;"):
    return read_layout(f"{HEAD.format(kind=kind, code=code)}{title}\n{body}\n{FOOT}".splitlines())


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "TĂNG CƯỜNG TRÁCH NHIỆM CỦA CÁC SỞ, BAN, NGÀNH,\nỦY BAN NHÂN DÂN QUẬN, HUYỆN TRONG THỰC HIỆN\n"
            "CẢI CÁCH HÀNH CHÍNH",
            "TĂNG CƯỜNG TRÁCH NHIỆM CỦA CÁC SỞ, BAN, NGÀNH, ỦY BAN NHÂN DÂN QUẬN, HUYỆN TRONG THỰC HIỆN "
            "CẢI CÁCH HÀNH CHÍNH",
        ),
        (
            "CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2017 -\n2024 TRÊN ĐỊA BÀN TỈNH",
            "CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2017 - 2024 TRÊN ĐỊA BÀN TỈNH",
        ),
        (
            "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
            "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
        ),
        ("CẢI CÁCH HÀNH CHÍNH NĂM 2024\n------", "CẢI CÁCH HÀNH CHÍNH NĂM 2024"),
    ],
)
def test_a_title_over_several_lines(title, expected):
    layout = _layout("KẾ HOẠCH", "KH", title)
    assert layout.title == expected and layout.body[0].startswith("Căn cứ"), layout.body[:2]
    assert layout.doubts == [] and "------" not in " ".join(layout.body)


def test_an_authority_after_a_title_is_left_out_of_it():
    layout = _layout(
        "QUYẾT ĐỊNH", "QĐ", "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC\n------\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"
    )
    assert layout.title == "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC" and layout.doubts == []
    assert layout.body[0] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN"  # kept, in the body


@pytest.mark.parametrize(
    ("kind", "code", "in_title"), [("QUYẾT ĐỊNH", "QĐ", False), ("KẾ HOẠCH", "KH", True)]
)
def test_a_line_that_may_be_the_issuer_is_noted(kind, code, in_title):
    """After a title that can end, a line naming a body could close the title or name the body that
    issues a decision: the import decides by the kind and says so in its notes."""
    layout = _layout(kind, code, "BAN HÀNH QUY CHẾ LÀM VIỆC NĂM 2024\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN")
    assert layout.title.endswith("TỈNH PHÚ YÊN") is in_title
    [doubt] = layout.doubts
    assert doubt.startswith("trích yếu: dòng 'ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN' có thể là cơ quan ban hành")


LETTER = """UBND TỈNH BÌNH THUẬN
SỞ TƯ PHÁP
Số: 788/STP-HCBT
V/v trình hồ sơ phê chuẩn kết quả
Đại hội Đoàn Luật sư tỉnh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày 16 tháng 5 năm 2025
Kính gửi: Ủy ban nhân dân tỉnh.
Sở Tư pháp nhận được Văn bản số 2377/UBND-NCKS ngày 13/5/2025.
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như Điều 3; CHỦ TỊCH
- Lưu: VT, HCBT.
D:\\Van ban\\2025\\788 HC.doc
Phạm Thị Minh Hiếu
"""


def test_a_letter_has_its_kind_and_its_whole_subject():
    layout = read_layout(LETTER.splitlines())
    assert layout.kind == "Công văn" and layout.number == "788/STP-HCBT"
    assert layout.title == "V/v trình hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh"
    assert (layout.place, layout.day, layout.month, layout.year) == ("Bình Thuận", 16, 5, 2025)
    assert layout.issuer == ["UBND TỈNH BÌNH THUẬN", "SỞ TƯ PHÁP"] and layout.body[0].startswith("Kính gửi")


def test_recipients_and_signature_sharing_lines_of_a_pdf():
    """ "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như Điều 3; CHỦ TỊCH": the columns apart by one space; the
    typist's file path under the recipients is neither a recipient nor the body's, and is noted."""
    layout = read_layout(LETTER.splitlines())
    assert layout.recipients == ["Như Điều 3;", "Lưu: VT, HCBT."]
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and layout.signer == "Phạm Thị Minh Hiếu"
    assert layout.body[-1].startswith("Sở Tư pháp nhận được") and not layout.appendix
    assert any("788 HC.doc" in doubt for doubt in layout.doubts)


def test_a_draft_number_is_empty_and_its_symbol_noted():
    layout = read_layout(LETTER.replace("788/STP-HCBT", "         /STP-HCBT").splitlines())
    assert layout.number == "" and any("'/STP-HCBT'" in doubt for doubt in layout.doubts)


def test_cchc_nhap_prints_what_to_check(project, tmp_path):
    source = tmp_path / "kh.txt"
    source.write_text(
        HEAD.format(kind="KẾ HOẠCH", code="KH")
        + "BAN HÀNH QUY CHẾ LÀM VIỆC NĂM 2024\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nCăn cứ Luật.\n"
        + FOOT,
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source), "--stdout"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "lưu ý: trích yếu: dòng 'ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN' có thể là cơ quan ban hành" in done.stderr


PARTY = """BAN CHẤP HÀNH TRUNG ƯƠNG    ĐẢNG CỘNG SẢN VIỆT NAM
VĂN PHÒNG    ---------------
*    Hà Nội, ngày 03 tháng 4 năm 2018
Số 16-BC/VPTW
BÁO CÁO
KẾT QUẢ CÔNG TÁC VĂN PHÒNG NĂM 2017
Năm 2017, Văn phòng đã thực hiện các nhiệm vụ.
"""


def test_a_party_number_without_its_colon():
    layout = read_layout(PARTY.splitlines())
    assert (layout.number, layout.issuer) == ("16-BC/VPTW", ["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"])
    assert layout.title == "KẾT QUẢ CÔNG TÁC VĂN PHÒNG NĂM 2017" and layout.day == 3


def test_a_letter_without_v_v_takes_the_kind_of_its_symbol():
    """A letter-shaped document whose subject does not open with "V/v" takes the kind its symbol names
    (the corpus's convention): here HD, a Hướng dẫn."""
    text = LETTER.replace("788/STP-HCBT", "545 /HD-BTV").replace("V/v trình hồ sơ", "Hướng dẫn hồ sơ")
    layout = read_layout(text.splitlines())
    assert (layout.kind, layout.number) == ("Hướng dẫn", "545 /HD-BTV")
    assert layout.title == "Hướng dẫn hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh"


def test_a_dateline_broken_beside_a_subject_is_not_the_subject():
    text = LETTER.replace("Bình Thuận, ngày 16 tháng 5 năm 2025", "Bình Thuận, ngày\n16 tháng 5 năm 2025")
    text = text.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n", "")
    layout = read_layout(text.splitlines())
    assert layout.title == "V/v trình hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh"
    assert (layout.place, layout.day, layout.month) == ("Bình Thuận", 16, 5)


def test_a_line_under_the_signature_is_not_a_position():
    text = HEAD.format(kind="QUYẾT ĐỊNH", code="QĐ") + "VỀ VIỆC CÔNG NHẬN KẾT QUẢ\nCăn cứ Luật.\n"
    text += "Nơi nhận:\n- Như trên;\nTM. HỘI ĐỒNG\nCHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nĐỗ Văn Chung\n"
    layout = read_layout(text.splitlines())
    assert layout.positions == ["TM. HỘI ĐỒNG", "CHỦ TỊCH"] and layout.signer == "Đỗ Văn Chung"
    assert any("GIÁM ĐỐC SỞ NỘI VỤ" in doubt for doubt in layout.doubts)


def test_a_subject_quoted_in_the_first_paragraph_is_not_the_subject():
    """A "V/v …" quoted inside the first paragraph is the body's: the subject is looked for in the
    header only, above the body's first paragraph."""
    text = LETTER.replace("788/STP-HCBT", "545 /HD-BTV").replace("V/v trình hồ sơ", "Hướng dẫn hồ sơ")
    text = text.replace(
        "Sở Tư pháp nhận được", "Thực hiện Công văn số 3944/BTP-BTTP\n“V/v đề nghị hướng dẫn” và nhận được"
    )
    layout = read_layout(text.splitlines())
    assert (layout.kind, layout.number) == ("Hướng dẫn", "545 /HD-BTV")
    assert layout.title == "Hướng dẫn hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh"
    assert layout.body[0].startswith("Kính gửi")


def test_a_signer_name_split_by_a_pdf_text_is_joined():
    """ "Trần H ữu Tu ấn" as pypdf's layout mode gives it, once read (sources rejoins "H ữu", where "H"
    cannot be a syllable): in a name every syllable is capitalised, so "ấn" is the end of "Tu"."""
    layout = read_layout(LETTER.replace("Phạm Thị Minh Hiếu", "Trần Hữu Tu ấn").splitlines())
    assert layout.signer == "Trần Hữu Tuấn" and layout.recipients == ["Như Điều 3;", "Lưu: VT, HCBT."]


def test_a_dateline_without_its_place_does_not_open_the_body():
    head = HEAD.replace("Phú Yên, ngày 3 tháng 4 năm 2024", "").format(
        kind="Ngày 3 tháng 4 năm 2024\nKẾ HOẠCH", code="KH"
    )
    layout = read_layout(f"{head}CẢI CÁCH HÀNH CHÍNH NĂM 2024\nCăn cứ Luật.\n{FOOT}".splitlines())
    assert (layout.kind, layout.title) == ("Kế hoạch", "CẢI CÁCH HÀNH CHÍNH NĂM 2024")


def test_a_symbol_with_its_drafting_unit_in_brackets():
    layout = read_layout(LETTER.replace("788/STP-HCBT", "409 /TTr-CAT(PC04)").splitlines())
    assert layout.number == "409 /TTr-CAT(PC04)" and layout.title.startswith("V/v trình hồ sơ")


@pytest.mark.parametrize("rank", ["Thiếu tướng", "Đại tá", "Trung úy"])
def test_a_rank_before_the_signer_name_is_kept_with_it(rank):
    """A police or military officer signs with the rank before the name, beside a recipient or alone."""
    layout = read_layout(LETTER.replace("Phạm Thị Minh Hiếu", f"{rank} Phạm Văn Hiếu").splitlines())
    assert layout.signer == f"{rank} Phạm Văn Hiếu" and layout.recipients == ["Như Điều 3;", "Lưu: VT, HCBT."]
    text = HEAD.format(kind="TỜ TRÌNH", code="TTr") + "Về việc thành lập hội đồng\nCăn cứ Luật.\n"
    layout = read_layout(
        f"{text}Nơi nhận:    GIÁM ĐỐC\n- Như trên;    {rank} Phạm Văn Hiếu\n- Lưu: VT.".splitlines()
    )
    assert layout.signer == f"{rank} Phạm Văn Hiếu" and layout.recipients == ["Như trên;", "Lưu: VT."]


@pytest.mark.parametrize("line", ["**Triển khai thực hiện Chương trình**", "Thực hiện Chương trình quốc gia"])
def test_a_title_may_open_as_a_paragraph_does(line):
    """A title in sentence case may open with "Triển khai", "Thực hiện": in bold, or short and ending no
    sentence, it is the title; "Căn cứ" never opens one."""
    body = (
        "Thực hiện Quyết định số 7619/QĐ-BCA của Bộ Công an, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
    )
    layout = _layout("KẾ HOẠCH", "KH", f"{line}\nphòng, chống ma túy đến năm 2030\n", body)
    assert layout.title == f"{line.strip('*')} phòng, chống ma túy đến năm 2030"
    assert layout.body[0] == body
    assert _layout("KẾ HOẠCH", "KH", "Căn cứ Luật Tổ chức chính quyền địa phương").title is None


def test_a_header_given_after_the_first_page_text_is_read():
    """A PDF's text layer may give the header's table after the first page's text: it is moved back."""
    head = HEAD.format(kind="", code="BC").rstrip()
    text = f"BÁO CÁO\nKết quả thẩm định năm 2025\n\nI. CÔNG TÁC CHỈ ĐẠO\nCăn cứ Quyết định.\n{head}\n2\n"
    layout = read_layout(f"{text}Có 07 nội dung.\n{FOOT}".splitlines())
    assert (layout.kind, layout.title, layout.number) == (
        "Báo cáo",
        "Kết quả thẩm định năm 2025",
        "25/BC-UBND",
    )
    assert layout.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"] and layout.place == "Phú Yên"
    assert layout.body[0] == "I. CÔNG TÁC CHỈ ĐẠO" and "TỈNH PHÚ YÊN" not in " ".join(layout.body)


def test_a_letter_whose_header_the_text_layer_gives_last_is_read():
    """A PDF's text layer may draw the header after everything else (body, recipients, signature, then the
    issuer, motto, number, "V/v" subject and dateline): the header and the subject are moved first; a lone
    run of letters that is no word, between the positions and the name, is the signature image's and is left
    out of the recipients (noted)."""
    text = (
        "Kính gửi: Ủy ban nhân dân tỉnh.\nThực hiện Công văn số 11902/BNV-TCPCP của Bộ Nội vụ.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, TCBC.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHdfđ\nNguyễn Đức Vũ\n"
        "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:           /SNV-TCBC\nV/v báo cáo tình hình tổ chức,\nhoạt động của hội\n"
        "Lâm Đồng, ngày       tháng  12  năm 2025\n2\n"
    )
    layout = read_layout(text.splitlines())
    assert (layout.kind, layout.number, layout.place) == ("Công văn", "", "Lâm Đồng")
    assert layout.issuer == ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]
    assert layout.title == "V/v báo cáo tình hình tổ chức, hoạt động của hội"
    assert layout.body[-1] == "Thực hiện Công văn số 11902/BNV-TCPCP của Bộ Nội vụ."
    assert layout.recipients == ["Như trên;", "Lưu: VT, TCBC."] and layout.signer == "Nguyễn Đức Vũ"
    assert any("Hdfđ" in doubt for doubt in layout.doubts)


def test_a_word_between_the_positions_and_the_name_is_not_taken_for_a_stray():
    """Only a run of letters that is no Vietnamese word is the signature image's: a word stays read."""
    foot = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nđã\nNguyễn Đức Vũ\n"
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert "đã" in " ".join(layout.recipients) and not any("bỏ chữ" in doubt for doubt in layout.doubts)


def test_a_title_runs_on_to_the_addressee():
    """A tờ trình's title in sentence case, its second line as long as the body's (a PDF's plain text keeps
    no indent to tell): everything down to "Kính gửi" is the title's."""
    title = "Về việc báo cáo kết quả tổ chức Đại hội và đề nghị phê duyệt\n"
    title += "Điều lệ Hội Cựu giáo chức tỉnh Lâm Đồng nhiệm kỳ 2025 - 2030"
    body = "\n".join(["Sở Nội vụ nhận được Công văn số 34/BC-CGC ngày 29/12/2025 của Hội Cựu giáo"] * 6)
    layout = _layout("TỜ TRÌNH", "TTr", title, f"Kính gửi: Chủ tịch UBND tỉnh Lâm Đồng\n{body}")
    assert layout.title == title.replace("\n", " ")


def test_a_dateline_left_blank_to_its_year_gives_the_place():
    layout = read_layout(LETTER.replace("ngày 16 tháng 5 năm 2025", "ngày      tháng      năm").splitlines())
    assert (layout.place, layout.day, layout.month, layout.year) == ("Bình Thuận", None, None, None)


def test_a_telegram_is_a_cong_dien():
    text = HEAD.format(kind="CÔNG ĐIỆN", code="CĐ") + "mời dự Hội nghị triển khai Chương trình\n"
    layout = read_layout(
        f"{text}\nỦY BAN NHÂN DÂN TỈNH điện:\n- Các sở;\nThực hiện ý kiến.\n{FOOT}".splitlines()
    )
    assert (layout.kind, layout.title) == ("Công điện", "mời dự Hội nghị triển khai Chương trình")


def test_a_dashed_recipient_goes_on_over_lines_without_a_dash():
    """In a list marked with dashes, a line without one goes on the item above, ';' or not (VPCP's
    "VPCP: BTCN, PCN …;" / "Trợ lý, Thư ký …;" / "các Vụ, Cục: …;")."""
    foot = FOOT.replace(
        "- Lưu: VT.", "- VPCP: BTCN;\n  Trợ lý, Thư ký của: TTg;\n  các Vụ, Cục: NC;\n- Lưu: VT."
    )
    layout = read_layout(
        f"{HEAD.format(kind='THÔNG BÁO', code='TB')}KẾT LUẬN\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.recipients == [
        "Như trên;",
        "VPCP: BTCN; Trợ lý, Thư ký của: TTg; các Vụ, Cục: NC;",
        "Lưu: VT.",
    ]


def test_a_position_over_two_lines_is_not_taken_for_a_line_under_the_signature():
    """ "CHỦ TỊCH" / "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the second line goes on the position (only a
    line that opens as an office, "GIÁM ĐỐC SỞ …", is printed under the signature)."""
    text = HEAD.format(kind="QUYẾT ĐỊNH", code="QĐ") + "VỀ ĐẶC XÁ NĂM 2024\nCăn cứ Luật.\nĐiều 1. Thi hành.\n"
    layout = read_layout(f"{text}CHỦ TỊCH\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTô Lâm".splitlines())
    assert (
        layout.positions == ["CHỦ TỊCH", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        and layout.signer == "Tô Lâm"
    )


def test_an_invitation_is_a_giay_moi_and_may_have_no_title():
    """ "GIẤY MỜI" alone, the body under it: its own kind, and no title printed is "" (not a miss)."""
    text = HEAD.format(kind="GIẤY MỜI", code="GM") + "Thực hiện Chương trình công tác tháng 01/2026, "
    layout = read_layout(f"{text}\nỦy ban nhân dân tỉnh tổ chức họp.\n{FOOT}".splitlines())
    assert (layout.kind, layout.title, layout.number) == ("Giấy mời", "", "25/GM-UBND")
    assert layout.body[0].startswith("Thực hiện") and layout.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"]


@pytest.mark.parametrize("place", ["Thành phố Huế", "Thị xã Sơn Tây", "TP. Hồ Chí Minh", "Phú Yên"])
def test_a_dateline_place_is_kept_whole(place):
    head = HEAD.replace("Phú Yên, ngày", f"{place}, ngày").format(kind="KẾ HOẠCH", code="KH")
    layout = read_layout(f"{head}CẢI CÁCH HÀNH CHÍNH NĂM 2024\nCăn cứ Luật.\n{FOOT}".splitlines())
    assert layout.place == place


def test_a_kind_word_sharing_its_line_with_the_title_and_a_draft_mark():
    """ "BÁO CÁO KIỂM ĐIỂM": the kind, then the title's first words; a "Dự thảo" mark above is neither the
    subject nor the title (noted); the line over the rule drawn under the title is the title's."""
    head = HEAD.format(kind="Dự thảo\n      BÁO CÁO KIỂM ĐIỂM", code="BCH")
    title = "CỦA BAN CHẤP HÀNH HIỆP HỘI\n   Nhiệm kỳ IV (2019-2025)\n   -----------\n"
    layout = read_layout(f"{head}{title}Đại hội lần thứ IV đã bầu Ban Chấp hành.\n{FOOT}".splitlines())
    assert layout.kind == "Báo cáo"
    assert layout.title == "KIỂM ĐIỂM CỦA BAN CHẤP HÀNH HIỆP HỘI Nhiệm kỳ IV (2019-2025)"
    assert layout.body[0].startswith("Đại hội") and any("Dự thảo" in doubt for doubt in layout.doubts)


def test_an_issuer_line_sharing_its_line_with_a_misprinted_motto():
    """A PDF's plain text puts the issuer and the motto on one line after a single space; the motto is left
    out even as some originals misprint it ("CÔNG HÒA")."""
    head = HEAD.replace("ỦY BAN NHÂN DÂN                 CỘNG HÒA", "UBND TỈNH PHÚ YÊN CÔNG HÒA")
    head = head.replace("TỈNH PHÚ YÊN                    Độc lập", "SỞ NỘI VỤ Độc lập")
    layout = read_layout(
        f"{head.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{FOOT}".splitlines()
    )
    assert layout.issuer == ["UBND TỈNH PHÚ YÊN", "SỞ NỘI VỤ"]


def test_a_position_glued_to_the_first_recipient():
    """Plain text may give the right column's line first, glued to the recipient's dash."""
    foot = "Nơi nhận: KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC- Như trên;\n- Lưu: VT.\nLê Thanh Liêm\n"
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.positions == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and layout.recipients == [
        "Như trên;",
        "Lưu: VT.",
    ]


def test_a_name_spread_by_a_justified_pdf_line():
    """pypdf's layout text keeps a justified line's wide gaps, also inside the signer's name."""
    foot = FOOT.replace("Trần Hữu Thế", "Trần  Hữu Thế")
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Trần Hữu Thế" and layout.recipients == ["Như trên;", "Lưu: VT."]


def test_a_recipient_wrapped_past_the_signer_name_and_a_page_break():
    """When the name is printed beside an early recipient, a later recipient that wraps (or that a page
    break cuts) still goes on; after the archive's entry ("Lưu: …"), which ends the list, nothing does."""
    foot = (
        "Nơi nhận: BỘ TRƯỞNG\n- Văn phòng Quốc hội; Nguyễn Ngọc Thiện\n- Các Bộ, cơ quan thuộc\nChính phủ;\n"
        "- Sở VHTTDL các tỉnh, TP trực thuộc\n\n\nTW;\n"
        "- Lưu: VT, TH(2). H\nSố điện thoại liên hệ: 0902231985;\n"
    )
    layout = read_layout(
        f"{HEAD.format(kind='THÔNG TƯ', code='TT')}VỀ TRIỂN LÃM\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.recipients == [
        "Văn phòng Quốc hội;",
        "Các Bộ, cơ quan thuộc Chính phủ;",
        "Sở VHTTDL các tỉnh, TP trực thuộc TW;",
        "Lưu: VT, TH(2). H",
    ]
    assert layout.signer == "Nguyễn Ngọc Thiện" and layout.appendix[0].startswith("Số điện thoại")


def test_a_signature_block_without_recipients_over_a_page_number():
    """No "Nơi nhận": the block's lines in the right column alone are all positions, a term line among
    them too; the page number printed under the name is not the body's end."""
    pad = " " * 50
    foot = f"\n{pad}TM.BCH HIỆP HỘI DOANH NGHIỆP\n{pad}Nhiệm kỳ 2019 -2025\n{pad}PHÓ CHỦ TỊCH THƯỜNG TRỰC\n\n"
    foot += f"{pad}Lê Văn Lợi\n\n{pad}3\n"
    text = f"{HEAD.format(kind='BÁO CÁO', code='BC')}KIỂM ĐIỂM NHIỆM KỲ\nĐại hội đã bầu Ban Chấp hành.\n"
    layout = read_layout(f"{text}{foot}".splitlines())
    assert layout.positions == [
        "TM.BCH HIỆP HỘI DOANH NGHIỆP",
        "Nhiệm kỳ 2019 -2025",
        "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    ]
    assert layout.signer == "Lê Văn Lợi" and layout.body == ["Đại hội đã bầu Ban Chấp hành."]


def test_a_centred_title_in_a_pdf_layout_text_is_not_a_full_line():
    """In pypdf's layout text spaces keep each word's place: a centred title line that holds as many
    letters as a body line still ends well before the body's justified lines do."""
    title = (
        "    Về việc cho phép hợp nhất Đoàn Luật     sư  tỉnh Lâm Đồng,      Bình Thuận, Đắk\n"
        "     Nông (cũ)     thành Đoàn Luật sư tỉnh Lâm Đồng và chỉ định Ban Chủ nhiệm,\n"
        "                   Chủ nhiệm, Hội đồng Khen thưởng, kỷ     luật lâm thời\n\n"
    )
    line = (
        "Sở     Tư      pháp      nhận     được     Đơn     đề     nghị     hợp     nhất     số     258/ĐĐN\n"
    )
    body = "        Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n" + line * 6
    layout = read_layout(f"{HEAD.format(kind='TỜ TRÌNH', code='TTr')}{title}{body}{FOOT}".splitlines())
    assert layout.title.endswith("Ban Chủ nhiệm, Chủ nhiệm, Hội đồng Khen thưởng, kỷ luật lâm thời")
    assert layout.body[0].strip().startswith("Kính gửi")


def test_a_right_column_line_alone_is_one_column_however_wide_its_gaps():
    """A justified PDF line's gaps inside a position or a name of the right column alone part nothing."""
    foot = FOOT.replace("Trần Hữu Thế", "Trần Hữu    Thế").replace("- Lưu: VT.", "- Lưu: VT.\n" + " " * 40)
    foot = foot.replace(
        "- Như trên;                       CHỦ TỊCH", "- Như trên;\n" + " " * 34 + "CHỦ     TỊCH"
    )
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and layout.signer == "Trần Hữu Thế"
    assert layout.recipients == ["Như trên;", "Lưu: VT."]


def test_a_position_cut_by_a_wide_gap_beside_a_recipient():
    foot = FOOT.replace("- Như trên;                       CHỦ TỊCH", "- Như trên;          PHÓ GIÁM     ĐỐC")
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "PHÓ GIÁM ĐỐC"] and layout.recipients[0] == "Như trên;"


def test_a_letter_without_a_subject_line_is_a_cong_van_with_no_title():
    """A letter whose number is followed by "Kính gửi" without a "V/v" line: the header is read, the kind
    is the one its symbol names (none here: a công văn), the title is empty and noted."""
    head = HEAD.format(kind="", code="UBND-NC").replace("25/UBND-NC", "    /UBND-NC")
    layout = read_layout(
        f"{head}\nKính gửi: Tòa án nhân dân khu vực 1.\nỦy ban nhân dân tỉnh nhận được.\n{FOOT}".splitlines()
    )
    assert (layout.kind, layout.title, layout.number) == ("Công văn", "", "")
    assert layout.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"] and layout.place == "Phú Yên"
    assert layout.body[0].startswith("Kính gửi") and any("V/v" in doubt for doubt in layout.doubts)


def test_a_bare_position_under_the_first_is_a_second_position_line():
    """ "PHÓ THỦ TƯỚNG" under "TRƯỞNG BAN" names no body: the block's second position line, unlike the
    office with its body printed under the signature ("GIÁM ĐỐC SỞ NỘI VỤ")."""
    text = HEAD.format(kind="QUYẾT ĐỊNH", code="QĐ") + "VỀ VIỆC BAN HÀNH QUY CHẾ\nCăn cứ Luật.\n"
    text += "Nơi nhận: TRƯỞNG BAN\n- Thủ tướng; PHÓ THỦ TƯỚNG\n- Lưu: VT.\nMai Văn Chính\n"
    layout = read_layout(text.splitlines())
    assert layout.positions == ["TRƯỞNG BAN", "PHÓ THỦ TƯỚNG"] and layout.signer == "Mai Văn Chính"


def test_a_legacy_font_u_horn_is_read_as_u_horn_and_noted():
    """A legacy font's text layer writes Ư/ư as Ƣ/ƣ (U+01A2/U+01A3): read as the letters printed, noted."""
    layout = _layout(
        "BÁO CÁO", "BC", "PH\u01a2\u01a0NG H\u01a2\u1edaNG N\u0102M 2025", "Ng\u01b0\u1eddi d\u00e2n."
    )
    assert layout.title == "PHƯƠNG HƯỚNG NĂM 2025" and any("U+01A2" in doubt for doubt in layout.doubts)


SPREAD_LETTER = """  UBND TỈNH LÂM ĐỒNG                     CỘNG HÒA          XÃ HỘI     CHỦ  NGHĨA VIỆT   NAM
             SỞ TƯ PHÁP                                  Độc lập – Tự do – Hạnh          phúc
        Số:/STP-BTTP                                 Lâm Đồng,            ngày     tháng 11 năm 2025
  V/v có ý kiến          đối với hồ sơ hợp
 lập  Đoàn Luật sư tỉnh Lâm Đồng,
Bình Thuận,          Đắk Nông (cũ)                    thành
    Đoàn Luật sư tỉnh Lâm                               Đồng

                                        Kính gửi: Sở Nội vụ tỉnh Lâm Đồng
"""


def test_a_subject_spread_by_a_justified_layout_text_is_read_whole():
    """pypdf's layout text spreads a justified subject's words with wide gaps: with no motto or dateline
    among them, every part of its lines is the subject's (a lone "lập" is no piece of the motto)."""
    layout = read_layout(SPREAD_LETTER.splitlines())
    assert layout.title == (
        "V/v có ý kiến đối với hồ sơ hợp lập Đoàn Luật sư tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ) thành "
        "Đoàn Luật sư tỉnh Lâm Đồng"
    )
    assert (layout.place, layout.month, layout.year, layout.number) == ("Lâm Đồng", 11, 2025, "")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "V/v góp ý Kế hoạch kiểm                 Lâm Đồng, ngàytháng 01 năm 2026",
            "tra cải cách       năm 2026",
        ),
        ("V/v góp ý Kế hoạch kiểm Lâm Đồng, ngày 5 tháng 01 năm 2026 tra cải cách năm 2026", ""),
    ],
)
def test_a_dateline_beside_a_subject_or_glued_in_it_is_not_the_subject(first, second):
    """The dateline beside a subject's line (after a gap, or glued by a text that keeps one space between
    columns) is the header's; the subject's words around it, even "năm 2026", are the subject's."""
    text = f"UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 12/SNV-CCHC\n{first}\n{second}\n\nKính gửi: Sở Nội vụ\n"
    layout = read_layout(text.splitlines())
    assert layout.title == "V/v góp ý Kế hoạch kiểm tra cải cách năm 2026"
    assert (layout.place, layout.month, layout.year) == ("Lâm Đồng", 1, 2026)


def test_an_issuer_name_spread_over_its_line_is_one_line():
    """A justified layout text spreads the issuer's name with wide gaps beside the motto ("UBND TỈNH
    LÂM ĐỒNG"): the parts of one line of the left column are one name."""
    head = HEAD.replace("ỦY BAN NHÂN DÂN                 CỘNG", "UBND TỈNH         LÂM ĐỒNG       CỘNG")
    layout = read_layout(
        f"{head.format(kind='TỜ TRÌNH', code='TTr')}Về việc thành lập Ban\nCăn cứ Luật.".splitlines()
    )
    assert layout.issuer == ["UBND TỈNH LÂM ĐỒNG", "TỈNH PHÚ YÊN"] and layout.number == "25/TTr-UBND"


def test_a_bold_word_title_goes_on_over_lines_as_long_as_the_short_body_ones():
    """A Word title in bold breaks where the typist broke it: its lines are not measured against the body's
    full lines, which a short file has too few of to tell, and it ends with its bold."""
    title = (
        "**Về việc cho phép đổi tên Hội Cựu quân nhân Quân đoàn II**\n"
        "**tỉnh Bình Thuận (trước sắp xếp) thành Hội Cựu quân nhân**\n"
        "**Quân đoàn II tỉnh Lâm Đồng và phê duyệt Điều lệ (sửa đổi,**\n"
        "**bổ sung) Hội**\n"
    )
    body = "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN**\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n"
    layout = read_layout(f"{HEAD.format(kind='**QUYẾT ĐỊNH**', code='QĐ')}{title}{body}{FOOT}".splitlines())
    assert layout.title.endswith(
        "thành Hội Cựu quân nhân Quân đoàn II tỉnh Lâm Đồng và phê duyệt Điều lệ (sửa đổi, bổ sung) Hội"
    )


def test_a_stray_glyph_glued_before_the_signer_name_alone_on_its_line():
    """A text layer may glue a glyph the page does not print before the name's first capital: the name
    alone on its line under the positions is still the signer's, the glyph left out and noted."""
    foot = "Nơi nhận:\n- Như trên;\n- Lưu: VT, TCBC.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nơNguyễn Đức Vũ\n"
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Nguyễn Đức Vũ" and layout.recipients == ["Như trên;", "Lưu: VT, TCBC."]
    assert any("'ơ'" in doubt for doubt in layout.doubts)


def test_a_signer_name_glued_inside_a_wrapped_recipient():
    """Columns interleaved with one space: the name shares the line of a recipient that wraps on, after
    its colon. No recipient's line ends with a personal name after its punctuation: the signer's."""
    foot = (
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Bộ Công an; KT. CHỦ TỊCH\n- UBND xã, phường; PHÓ CHỦ TỊCH\n"
        "- VPUB: CVP, các phòng, đơn vị: Trương Việt Dũng\nĐMPT, TH;\n- Lưu: VT, ĐMPT.\n"
    )
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Trương Việt Dũng"
    assert layout.positions == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert layout.recipients[2] == "VPUB: CVP, các phòng, đơn vị: ĐMPT, TH;"
    assert any("Trương Việt Dũng" in doubt for doubt in layout.doubts)


def test_a_recipient_naming_a_person_is_no_signer_when_the_name_is_read():
    """A recipient ending with a name after its colon stays whole when the signer's name stands apart."""
    foot = FOOT.replace("- Lưu: VT.", "- Đồng chí: Lê Văn Hòa\n(để biết);\n- Lưu: VT.")
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Trần Hữu Thế" and "Đồng chí: Lê Văn Hòa (để biết);" in layout.recipients


def test_a_signer_name_glued_to_the_archive_line_after_its_codes():
    """The archive's line ends the list with codes and the typist's initials, never a personal name: a
    name glued there, whole, is the signer's."""
    foot = (
        "Nơi nhận: KT. BỘ TRƯỞNG, CHỦ NHIỆM\n- Như trên; PHÓ CHỦ NHIỆM\n- Các Bộ: TC, NV;\n"
        "- Lưu: VT, QHĐP(2b)VQT Phạm Mạnh Cường\n"
    )
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Phạm Mạnh Cường" and layout.recipients[-1] == "Lưu: VT, QHĐP(2b)VQT"


def test_a_name_after_the_signer_name_ends_the_footer():
    """A block has one signer: a name-shaped piece after it (a footnote's "Sở Nội vụ" spread by a justified
    line) is no second signer; the footer ends there."""
    foot = FOOT + "\n1 “Sở       Tư      pháp      phối     hợp     với      Sở Nội       vụ     giúp\n"
    layout = read_layout(
        f"{HEAD.format(kind='KẾ HOẠCH', code='KH')}CẢI CÁCH\nCăn cứ Luật.\n{foot}".splitlines()
    )
    assert layout.signer == "Trần Hữu Thế" and layout.appendix[0].startswith("1 “Sở")


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("**Về việc ban hành Quy chế (*)**", "Về việc ban hành Quy chế (*)"),  # a note's marker is printed
        ("- Lưu: VT, TH[**].", "- Lưu: VT, TH[**]."),
        ("Mẫu B_04b  *(kèm theo)*", "Mẫu B_04b (kèm theo)"),
    ],
)
def test_cleaning_takes_off_only_the_marks_it_reads(line, cleaned):
    """A line's Markdown marks are taken off; a run of stars in brackets is the issuer's, kept."""
    assert clean(line) == cleaned
