#!/usr/bin/env python3
"""Rebuild the rendered members of the import corpus from the committed real texts.

Only files whose json says "made": "rendered by make_shapes.py ..." or
"pypdf text of ..." are produced here; the "original file" members are real
files copied unchanged from their public source and are never touched.

Inputs, beside each output in tuned/, held-out/, held-out-2/ or unseen/:
  <id>.source.txt  the real text (Markdown as crawled from thuvienphapluat.vn,
                   kept byte for byte) that a rendered .docx/.pdf/.txt came from;
  <id>.source.html the content-root <div> of a crawled vbpl.vn page, cut byte for
                   byte (held-out-2/ and unseen/; parsed by parse_vbpl);
  <id>.source.pdf  a real original PDF whose text layer a .txt was extracted from.

Usage (from anywhere):
  python make_shapes.py            # rebuild every rendered member
  python make_shapes.py ID ...     # rebuild only these
  python make_shapes.py --check    # rebuild into a temp dir and compare bytes

Needs python-docx and pypdf (the project's .venv has both) and, for .pdf and
the .txt taken from a rendered PDF, a headless chromium on PATH. Fonts: the
HTML asks only for "DejaVu Serif" so that the PDF layout (and so the pypdf
text) does not depend on which Times-like fonts a machine happens to have.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from html import escape
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = tuple(sorted(d.name for d in HERE.iterdir() if d.is_dir() and d.name[0].isalpha()))  # the parts

# --------------------------------------------------------------------------
# Per-document layout. The words of every line given here are checked against
# the source text (see _same_words), so a layout can choose where a printed
# line breaks but can never add, drop or change a word.
# --------------------------------------------------------------------------
UBND = "ỦY BAN NHÂN DÂN"
DOCS: dict[str, dict] = {
    # ---- .docx rendered from thuvienphapluat texts ----
    "d11-ct-ubnd-ct-09-2025": {
        "shape": "docx",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": [UBND, "THÀNH PHỐ CẦN THƠ"],
        "title": [
            "VỀ TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ, BẢO VỆ TÀI NGUYÊN",
            "NƯỚC DƯỚI ĐẤT TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Chí Hùng"],
    },
    "d12-btgdv-hd-37-2025": {
        "shape": "docx",
        "header": "two-rows",
        "title_style": "paragraphs",
        "issuer": ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
        "issuer_mark": "*",
        "title": [
            "VỀ VIỆC ĐỔI MỚI, NÂNG CAO CHẤT LƯỢNG, HIỆU QUẢ",
            "BẢN TIN SINH HOẠT CHI BỘ TRONG GIAI ĐOẠN MỚI",
        ],
        "sign": ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Tất Thắng"],
    },
    "d13-btgdv-qd-1147-2025": {
        "shape": "docx",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
        "issuer_mark": "*",
        "title": ["BAN HÀNH QUY CHẾ BỒI DƯỠNG, GIẢNG DẠY CỦA", "TRUNG TÂM CHÍNH TRỊ XÃ, PHƯỜNG, ĐẶC KHU"],
        "sign": ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Ngô Đông Hải"],
    },
    # ---- .pdf rendered (HTML printed by chromium) ----
    "p08-dl-ubnd-ct-010-2025": {
        "shape": "pdf",
        "header": "two-rows",
        "title_style": "breaks",
        "issuer": [UBND, "TỈNH ĐẮK LẮK"],
        "title": [
            "VỀ VIỆC NÂNG CAO TRÁCH NHIỆM, TĂNG CƯỜNG PHỐI HỢP THẨM ĐỊNH",
            "GIẢI QUYẾT THỦ TỤC ĐẦU TƯ VÀ QUẢN LÝ DỰ ÁN SỬ DỤNG VỐN CỦA",
            "NHÀ ĐẦU TƯ TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Công Thái"],
    },
    "p11-vpcp-tb-636-2025": {
        "shape": "pdf",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": ["VĂN PHÒNG CHÍNH PHỦ"],
        "title": [
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN",
            "TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ",
        ],
        "sign": ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Phạm Mạnh Cường"],
    },
    "p12-na-ubnd-kh-1026-2025": {
        "shape": "pdf",
        "header": "two-rows",
        "title_style": "breaks",
        "issuer": [UBND, "TỈNH NGHỆ AN"],
        "title": [
            "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025",
            "CỦA THỦ TƯỚNG CHÍNH PHỦ “VỀ TĂNG CƯỜNG CÔNG TÁC BẢO VỆ BÍ MẬT",
            "NHÀ NƯỚC TRONG TÌNH HÌNH MỚI” TRÊN ĐỊA BÀN TỈNH NGHỆ AN",
        ],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Thanh An"],
    },
    # ---- .txt: pypdf text of a PDF rendered as above ----
    "t08-qt-ubnd-ct-06-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": [UBND, "TỈNH QUẢNG TRỊ"],
        "title": [
            "VỀ VIỆC TĂNG CƯỜNG XỬ LÝ CHỒNG LẤN, LẤN CHIẾM RỪNG",
            "VÀ ĐẤT LÂM NGHIỆP TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Nam"],
    },
    "t09-vpcp-tb-623-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout",
        "issuer": ["VĂN PHÒNG CHÍNH PHỦ"],
        "title": [
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ MAI VĂN CHÍNH",
            "TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐẮK LẮK",
        ],
        "sign": ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Trịnh Mạnh Linh"],
    },
    "t10-dt-ubnd-kh-552-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": [UBND, "TỈNH ĐỒNG THÁP"],
        "title": [
            "THỰC HIỆN LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035",
            "TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP ĐỐI VỚI CÁC NGÀNH KINH TẾ MŨI NHỌN",
        ],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Minh Tuấn"],
    },
    "t11-lc-ubnd-qd-87-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "plain",
        "issuer": [UBND, "TỈNH LAI CHÂU"],
        "title": [
            "QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRONG VIỆC CƯỚI,",
            "VIỆC TANG TRÊN ĐỊA BÀN TỈNH LAI CHÂU",
        ],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Tống Thanh Hải"],
    },
    "t12-vlo-thue-cv-1539-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": ["CỤC THUẾ", "THUẾ TỈNH VĨNH LONG"],
        "sign": ["KT. TRƯỞNG THUẾ TỈNH", "PHÓ TRƯỞNG THUẾ TỈNH", "Huỳnh Minh Giám"],
    },
    "t13-btctw-hd-45-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "layout",
        "issuer": ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"],
        "issuer_mark": "*****",
        "title": [
            "MỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY 08/10/2025 CỦA BỘ CHÍNH TRỊ",
            "VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ VÀ QUY HOẠCH, BỔ NHIỆM, GIỚI THIỆU ỨNG CỬ,",
            "TẠM ĐÌNH CHỈ CÔNG TÁC, CHO THÔI GIỮ CHỨC VỤ, TỪ CHỨC,",
            "MIỄN NHIỆM ĐỐI VỚI CÁN BỘ",
        ],
        "sign": ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Hoàng Đăng Quang"],
    },
    # ---- held-out-2/: rendered from vbpl.vn pages (<id>.source.html) ----
    "u12-bca-tt-62-2019": {
        "shape": "pdf",
        "header": "two-rows",
        "title_style": "breaks",
        "issuer": ["BỘ CÔNG AN"],
        "title": ["Quy định về tổ chức lễ tang trong Công an nhân dân"],
        "sign": ["BỘ TRƯỞNG", "Đại tướng Tô Lâm"],
    },
    "u17-btc-tt-13-2015": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout",
        "issuer": ["BỘ TÀI CHÍNH"],
        "title": [
            "Quy định về kiểm tra, giám sát, tạm dừng làm thủ tục hải quan đối với hàng hóa",
            "xuất khẩu, nhập khẩu có yêu cầu bảo vệ quyền sở hữu trí tuệ; kiểm soát hàng giả",
            "và hàng hóa xâm phạm quyền sở hữu trí tuệ",
        ],
        "sign": ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đỗ Hoàng Anh Tuấn"],
    },
    "u18-ctn-qd-758-2024": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "plain",
        "issuer": ["CHỦ TỊCH NƯỚC"],
        "title": ["VỀ ĐẶC XÁ NĂM 2024"],
        "sign": ["CHỦ TỊCH", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Tô Lâm"],
    },
    # ---- unseen/: rendered from thuvienphapluat texts and vbpl.vn pages ----
    "v06-vpcp-tb-641-2025": {
        "shape": "docx",
        "header": "two-rows",
        "title_style": "paragraphs",
        "issuer": ["VĂN PHÒNG CHÍNH PHỦ"],
        "title": [
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ PHẠM THỊ THANH TRÀ",
            "TẠI BUỔI LÀM VIỆC VỚI THÀNH PHỐ ĐÀ NẴNG VỀ TÌNH HÌNH, KẾT QUẢ TRIỂN KHAI",
            "THỰC HIỆN SẮP XẾP TỔ CHỨC BỘ MÁY CỦA HỆ THỐNG CHÍNH TRỊ VÀ VẬN HÀNH",
            "MÔ HÌNH CHÍNH QUYỀN ĐỊA PHƯƠNG 02 CẤP",
        ],
        "sign": ["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Trịnh Mạnh Linh"],
    },
    "v12-bca-tt-66-2024": {
        "shape": "pdf",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": ["BỘ CÔNG AN"],
        "title": [
            "Quy định về đào tạo, sát hạch, cấp Giấy phép lái xe; bồi dưỡng kiến thức",
            "pháp luật về giao thông đường bộ cho người điều khiển xe máy",
            "chuyên dùng trong Công an nhân dân",
        ],
        "title_paras": 3,
        "sign": ["BỘ TRƯỞNG", "Đại tướng Lương Tam Quang"],
    },
    "v17-bvhttdl-tt-06-2019": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": ["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"],
        "title": [
            "BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA HỘI ĐỒNG",
            "THẨM ĐỊNH NỘI DUNG TRIỂN LÃM",
        ],
        "sign": ["BỘ TRƯỞNG", "Nguyễn Ngọc Thiện"],
    },
    "v18-hue-hdnd-nq-37-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "plain",
        "issuer": ["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HUẾ"],
        "title": [
            "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH CÁC CHÍNH SÁCH HỖ TRỢ",
            "GIẢM NGHÈO BỀN VỮNG TỈNH THỪA THIÊN HUẾ GIAI ĐOẠN 2023-2025",
            "BAN HÀNH THEO NGHỊ QUYẾT SỐ 20/2023/NQ-HĐND NGÀY 21 THÁNG 8 NĂM 2023",
            "CỦA HỘI ĐỒNG NHÂN DÂN TỈNH THỪA THIÊN HUẾ (NAY THÀNH PHỐ HUẾ)",
        ],
        "sign": ["CHỦ TỊCH", "Lê Trường Lưu"],
    },
    # ---- unseen/ (x..): rendered from thuvienphapluat texts ----
    "x14-gl-ctubnd-qd-44-2025": {
        "shape": "pdf",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"],
        "title": [
            "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TRONG QUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG",
            "TẠI CÁC CƠ QUAN, TỔ CHỨC, ĐƠN VỊ THUỘC PHẠM VI QUẢN LÝ",
            "CỦA TỈNH GIA LAI",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Tuấn Thanh"],
    },
    "x19-ttg-cd-217-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout",
        "issuer": ["THỦ TƯỚNG CHÍNH PHỦ"],
        "title": ["V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ", "TẠI KHU VỰC TRUNG BỘ"],
        "sign": ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà"],
    },
    "x20-ct-qd-3509-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "plain",
        "issuer": ["BỘ TÀI CHÍNH", "CỤC THUẾ"],
        "title": ["BAN HÀNH QUY TẮC ỨNG XỬ VỚI NGƯỜI NỘP THUẾ"],
        "sign": ["CỤC TRƯỞNG", "Mai Xuân Thành"],
    },
    "x21-hn-ubnd-kh-308-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": [UBND, "THÀNH PHỐ HÀ NỘI"],
        "title": [
            "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ",
            "BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG CỦA CHÍNH PHỦ VỀ THÚC ĐẨY TẠO LẬP",
            "DỮ LIỆU PHỤC VỤ CHUYỂN ĐỔI SỐ TOÀN DIỆN",
        ],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng"],
    },
    # ---- tuned-2/: rendered from thuvienphapluat texts of tnt305 ----
    "w28-hcm-ubnd-kh-172-2025": {
        "shape": "pdf",
        "header": "two-rows",
        "title_style": "breaks",
        "issuer": [UBND, "THÀNH PHỐ HỒ CHÍ MINH"],
        "title": ["TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM", "TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH"],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Diệu Thúy"],
    },
    "w29-na-ubnd-qd-3769-2025": {
        "shape": "pdf",
        "header": "one-row",
        "title_style": "breaks",
        "issuer": [UBND, "TỈNH NGHỆ AN"],
        "title": [
            "BAN HÀNH DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            "THỰC HIỆN KHÔNG PHỤ THUỘC VÀO ĐỊA GIỚI HÀNH CHÍNH TRONG PHẠM VI",
            "CẤP TỈNH TRÊN ĐỊA BÀN TỈNH NGHỆ AN",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phùng Thành Vinh"],
    },
    "w30-dt-ctubnd-qd-144-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout",
        "issuer": ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"],
        "title": [
            "BAN HÀNH QUY CHẾ VỀ QUẢN LÝ, SỬ DỤNG CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ,",
            "CHỨNG THƯ CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ, THIẾT BỊ LƯU KHÓA BÍ MẬT",
            "VÀ DỊCH VỤ CHỨNG THỰC CHỮ KÝ SỐ CHUYÊN DÙNG CÔNG VỤ",
            "TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP",
        ],
        "sign": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Minh Tuấn"],
    },
    "w31-lc-ubnd-kh-7360-2025": {
        "shape": "text",
        "header": "one-row",
        "title_style": "breaks",
        "extract": "plain",
        "issuer": ["UỶ BAN NHÂN DÂN", "TỈNH LAI CHÂU"],
        "title": [
            "TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT",
            "TIÊU CHUẨN VÀ QUY CHUẨN KỸ THUẬT TRÊN ĐỊA BÀN TỈNH LAI CHÂU",
        ],
        "sign": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Tống Thanh Hải"],
    },
    "w32-bcddl-qd-170-2025": {
        "shape": "text",
        "header": "two-rows",
        "title_style": "breaks",
        "extract": "layout-collapsed",
        "issuer": ["BAN CHỈ ĐẠO NHÀ NƯỚC", "VỀ DU LỊCH"],
        "title": ["BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH"],
        "sign": ["TRƯỞNG BAN", "PHÓ THỦ TƯỚNG", "Mai Văn Chính"],
    },
    # ---- .txt: pypdf text of a real original PDF (<id>.source.pdf) ----
    "t01-bt-snv-ttr-253-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "t02-bt-stp-cv-788-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "t03-ld-svhttdl-cv-2601-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "t04-hhccv-hd-545-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "t05-ld-syt-cv-bvstbpn-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "t06-bnv-qd-parindex-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "t07-ld-snv-bc-chiso-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "u13-ld-stp-cv-1130-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "u14-ld-snv-cv-3331-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "u15-ld-snv-ttr-124-2026": {"shape": "text-of-pdf", "extract": "layout"},
    "u16-ld-stp-cv-1813-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "v13-ld-stp-ttr-dls-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "v14-ld-skhcn-cv-kiemtra-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "v15-ld-vp-cv-ykien-2026": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "v16-bt-hhdn-bc-kiemdiem-2025": {"shape": "text-of-pdf", "extract": "layout"},
    # tuned-2/
    "w22-bt-snv-ttr-1005-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "w23-ld-snv-cv-chucdanhhoi-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "w24-ld-stp-cv-hccv-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "w25-ld-snv-ttr-hopnhathoi-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "w26-ld-stp-cv-1668-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "w27-ld-snv-ttr-parindex-2026": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "w33-ld-snv-ttr-giaitherauqua-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "w34-ld-snv-ttr-bvdbds-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "x15-bt-snv-ttr-519-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "x16-bt-snv-ttr-514-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "x17-ld-stp-cv-1468-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "x18-ld-snv-cv-1360-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "y17-ld-snv-ttr-khkt-2026": {"shape": "text-of-pdf", "extract": "layout"},
    "y18-ld-snv-ttr-bongro-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "y19-bt-snv-ttr-478-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "y20-ld-svhttdl-cv-bvstbpn-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "y21-ld-snv-cv-dls-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "y22-ld-snv-ttr-cchcq1-2026": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "y23-ld-snv-ttr-kh2630-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "y24-ld-vp-cv-gopykhkt-2026": {"shape": "text-of-pdf", "extract": "layout"},
    "q25-ld-snv-ttr-tuyentruyen-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "q26-ld-snv-ttr-golfdieule-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "q27-ld-snv-ttr-pickleball-2026": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "q28-ld-snv-ttr-hhdn-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "q29-ld-snv-ttr-taekwondo-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "q30-ld-snv-ttr-yogasapnhap-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "q31-ld-snv-ttr-nudoanhnhan-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "q32-ld-snv-ttr-rauqua-2026": {"shape": "text-of-pdf", "extract": "plain"},
    "q33-ld-snv-ttr-yogadaihoi-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "q34-ld-snv-ttr-bongban-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "q35-ld-snv-ttr-diengio-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "q36-ld-snv-ttr-dulich-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "z22-ld-snv-ttr-lantoa-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "z23-ld-snv-ttr-nuocmam-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "z24-ld-snv-ttr-vothuat-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "z25-ld-snv-ttr-quykhuyenhoc-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "z26-ld-snv-ttr-billiards-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "z27-ld-sdttg-cv-vstbpn-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
    "z28-ld-snv-ttr-vothuatdh-2025": {"shape": "text-of-pdf", "extract": "layout"},
    "z29-ld-snv-ttr-cqnqd2-2025": {"shape": "text-of-pdf", "extract": "plain"},
    "z30-ld-snv-ttr-hosinh-2025": {"shape": "text-of-pdf", "extract": "layout-collapsed"},
}

KINDS = (
    "CHỈ THỊ",
    "HƯỚNG DẪN",
    "QUYẾT ĐỊNH",
    "THÔNG BÁO",
    "KẾ HOẠCH",
    "BÁO CÁO",
    "TỜ TRÌNH",
    "NGHỊ QUYẾT",
    "CÔNG ĐIỆN",
)


# --------------------------------------------------------------------------
# Parsing the crawled Markdown (cells are delimited by lines holding only "|")
# --------------------------------------------------------------------------
def _plain(s: str) -> str:
    """Drop Markdown emphasis marks."""
    return re.sub(r"\*+|__", "", s)


def _words(s: str) -> list[str]:
    return _plain(s).replace("-", " ").split()


def _same_words(doc_id: str, what: str, given: list[str], source: str) -> None:
    a, b = _words(" ".join(given)), _words(source)
    if a != b:
        raise SystemExit(f"{doc_id}: {what} does not match the source text:\n  {a}\n  {b}")


def _join(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(x.strip() for x in lines)).strip()


def _is_rule(s: str) -> bool:
    return bool(re.fullmatch(r"[-_*\s]*-{3,}[-_*\s]*", s)) or bool(re.fullmatch(r"\*{3,}", s.strip()))


def _is_blank_emphasis(s: str) -> bool:
    return _plain(s).strip() == ""


def _runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split a Markdown paragraph into (text, bold, italic) runs."""
    out: list[tuple[str, bool, bool]] = []
    bold = ital = False
    for tok in re.split(r"(\*\*|\*)", text):
        if tok == "**":
            bold = not bold
        elif tok == "*":
            ital = not ital
        elif tok:
            out.append((tok, bold, ital))
    # tidy: merge and normalise spaces at run edges
    merged: list[tuple[str, bool, bool]] = []
    for t, b, i in out:
        if merged and merged[-1][1:] == (b, i):
            merged[-1] = (merged[-1][0] + t, b, i)
        else:
            merged.append((t, b, i))
    return [(re.sub(r"\s+", " ", t), b, i) for t, b, i in merged]


def parse(doc_id: str, cfg: dict, src: str) -> dict:
    lines = src.split("\n")
    chunks: list[list[str]] = [[]]
    for ln in lines:
        if ln.strip() == "|":
            chunks.append([])
        else:
            chunks[-1].append(ln)
    issuer_c, motto_c, so_c, date_c = chunks[1], chunks[2], chunks[4], chunks[5]
    body_c, noinhan_c, sign_c = chunks[6], chunks[7], chunks[8]
    rest = chunks[9:]

    # header
    issuer_words_src = [x for x in issuer_c if not _is_rule(x) and _plain(x).strip() not in ("", "*")]
    _same_words(doc_id, "issuer", cfg["issuer"], " ".join(issuer_words_src))
    motto_src = [x for x in motto_c if not _is_rule(x)]
    if "ĐẢNG CỘNG" in _plain(" ".join(motto_src)):
        motto = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    else:
        motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    _same_words(doc_id, "motto", motto, " ".join(motto_src))
    so_lines = [x for x in so_c if x.strip()]
    vv = [ln for ln in so_lines if _plain(ln).strip().startswith("V/v")]
    so = _join([_plain(x) for x in so_lines if x not in vv])
    vv = [_plain(x).strip() for x in vv]
    dateline = _join([_plain(x) for x in date_c])

    # body: paragraphs separated by blank lines
    paras: list[str] = []
    cur: list[str] = []
    for ln in body_c:
        if ln.strip():
            cur.append(ln)
        elif cur:
            paras.append(_join(cur))
            cur = []
    if cur:
        paras.append(_join(cur))
    paras = [p for p in paras if not _is_blank_emphasis(p)]
    kind = None
    if paras and _plain(paras[0]).strip() in KINDS:
        kind = _plain(paras.pop(0)).strip()
    title: list[str] = []
    rule_after_title = False
    if kind:
        title_src = paras.pop(0)
        _same_words(doc_id, "title", cfg["title"], title_src)
        title = cfg["title"]
        if paras and re.fullmatch(r"-{3,}", _plain(paras[0]).strip()):
            paras.pop(0)
            rule_after_title = True

    # footer
    nn = [x.strip() for x in noinhan_c if x.strip()]
    recipients: list[str] = []
    nn_head = ""
    if nn:
        nn_head = _plain(nn[0]).strip()
        for ln in nn[1:]:
            ln = re.sub(r"^\*-\*", "-", ln)
            if ln.startswith("-"):
                recipients.append(ln)
            elif recipients:
                recipients[-1] = recipients[-1] + " " + ln
            else:
                recipients.append(ln)
    sign_src = [x for x in sign_c if x.strip() and not _is_blank_emphasis(x)]
    _same_words(doc_id, "signature", cfg["sign"], " ".join(sign_src))

    appendix: list[str] = []
    for ch in rest:
        block: list[str] = []
        for ln in ch + [""]:
            if ln.strip():
                block.append(ln)
            elif block:
                p = _join(block)
                if not _is_blank_emphasis(p):
                    appendix.append(p)
                block = []
    return {
        "issuer": cfg["issuer"],
        "issuer_mark": cfg.get("issuer_mark"),
        "motto": motto,
        "so": so,
        "vv": vv,
        "dateline": dateline,
        "kind": kind,
        "title": title,
        "rule_after_title": rule_after_title,
        "body": paras,
        "nn_head": nn_head,
        "recipients": recipients,
        "sign": cfg["sign"],
        "appendix": appendix,
    }


# --------------------------------------------------------------------------
# Parsing a vbpl.vn page (held-out-2/ and unseen/): <id>.source.html is the content-root
# <div> of the crawled page, cut byte for byte. Top-level blocks are <p> and
# <table>; <br> splits a paragraph into printed lines.
# --------------------------------------------------------------------------
class _VbplBlocks(HTMLParser):
    """Collect ("p", lines) and ("table", rows) blocks; a line is a list of (text, bold, italic)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple] = []
        self.table_depth = 0
        self.rows: list[list[list[list]]] = []
        self.lines: list[list] = [[]]
        self.bold = self.ital = 0

    def _flush(self) -> None:
        lines = [ln for ln in self.lines if "".join(t for t, _, _ in ln).strip()]
        if lines:
            if self.table_depth:
                if self.rows and self.rows[-1]:
                    self.rows[-1][-1].extend(lines)
            else:
                self.blocks.append(("p", lines))
        self.lines = [[]]

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._flush()
            if self.table_depth == 0:
                self.rows = []
            self.table_depth += 1
        elif tag == "tr" and self.table_depth == 1:
            self.rows.append([])
        elif tag == "td" and self.table_depth == 1:
            self._flush()
            self.rows[-1].append([])
        elif tag == "p":
            self._flush()
        elif tag == "br":
            self.lines.append([])
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.ital += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._flush()
            self.table_depth -= 1
            if self.table_depth == 0:
                self.blocks.append(("table", self.rows))
        elif tag in ("p", "td", "tr"):
            self._flush()
        elif tag in ("b", "strong"):
            self.bold -= 1
        elif tag in ("i", "em"):
            self.ital -= 1

    def handle_data(self, data):
        self.lines[-1].append((data, self.bold > 0, self.ital > 0))


def _md(line: list) -> str:
    """A printed line as Markdown emphasis, the form parse() works with."""
    out = []
    for t, b, i in line:
        t = re.sub(r"\s+", " ", t)
        if not t.strip() or not (b or i):
            out.append(t)
            continue
        lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", t).groups()
        mark = "**" if b else ""
        mark2 = "*" if i else ""
        out.append(f"{lead}{mark}{mark2}{core}{mark2}{mark}{trail}")
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _text(lines: list) -> list[str]:
    return [_plain(_md(ln)).strip() for ln in lines if _plain(_md(ln)).strip()]


def parse_vbpl(doc_id: str, cfg: dict, src: str) -> dict:
    p = _VbplBlocks()
    p.feed(src)
    blocks = p.blocks
    hdr = blocks.pop(0)[1]
    cells = [c for row in hdr for c in row]
    if len(cells) == 2:
        # one row: the number under the issuer, the dateline under the motto (unseen/v12)
        left, right = _text(cells[0]), [x for x in _text(cells[1]) if not _is_rule(x)]
        k = next(i for i, x in enumerate(left) if x.startswith("Số"))
        issuer_src = [x for x in left[:k] if not _is_rule(x) and x not in ("*",)]
        _same_words(doc_id, "issuer", cfg["issuer"], " ".join(issuer_src))
        motto = right[:2]
        so, dateline = _join(left[k:]), _join(right[2:])
    else:
        issuer_src = [x for x in _text(cells[0]) if not _is_rule(x) and x not in ("*",)]
        _same_words(doc_id, "issuer", cfg["issuer"], " ".join(issuer_src))
        motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        _same_words(doc_id, "motto", motto, " ".join(x for x in _text(cells[1]) if not _is_rule(x)))
        so = _join(_text(cells[2]))
        dateline = _join(_text(cells[3]))
    # the signature table: the first table after the body holding the signer's name
    i_sig = next(i for i, (k, b) in enumerate(blocks) if k == "table" and cfg["sign"][-1] in str(b))
    body = [_md(ln) for k, lines in blocks[:i_sig] if k == "p" for ln in lines]
    kinds = KINDS + ("THÔNG TƯ",)
    kind = _plain(body.pop(0)).strip()
    if kind not in kinds:
        raise SystemExit(f"{doc_id}: no kind heading")
    n_title = cfg.get("title_paras", 1)  # a title printed as several <p> (unseen/v12)
    _same_words(doc_id, "title", cfg["title"], " ".join(body.pop(0) for _ in range(n_title)))
    rule_after_title = False
    if body and re.fullmatch(r"[-_]{3,}", _plain(body[0]).strip()):
        body.pop(0)
        rule_after_title = True
    sig_cells = [c for row in blocks[i_sig][1] for c in row]
    left = [ln for c in sig_cells for ln in _text(c) if "Nơi nhận" in " ".join(_text(c))]
    nn_head, recipients = "", []
    if left:
        nn_head = left[0]
        for ln in left[1:]:
            if ln.startswith("-") or not recipients:
                recipients.append(ln)
            else:
                recipients[-1] += " " + ln
    right = [x for c in sig_cells if "Nơi nhận" not in " ".join(_text(c)) for x in _text(c)]
    right = [x for x in right if x.lower() not in ("(đã ký)",)]
    _same_words(doc_id, "signature", cfg["sign"], " ".join(right))
    appendix: list[str] = []
    for k, b in blocks[i_sig + 1 :]:
        if k == "p":
            appendix += [_md(ln) for ln in b]
        else:
            appendix += [_md(ln) for row in b for c in row for ln in c]
    return {
        "issuer": cfg["issuer"],
        "issuer_mark": cfg.get("issuer_mark"),
        "motto": motto,
        "so": so,
        "vv": [],
        "dateline": dateline,
        "kind": kind,
        "title": cfg["title"],
        "rule_after_title": rule_after_title,
        "body": [x for x in body if not _is_blank_emphasis(x)],
        "nn_head": nn_head,
        "recipients": recipients,
        "sign": cfg["sign"],
        "appendix": [x for x in appendix if not _is_blank_emphasis(x)],
    }


# --------------------------------------------------------------------------
# .docx
# --------------------------------------------------------------------------
def _docx(doc: dict, cfg: dict, out: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(14)
    st.paragraph_format.space_after = Pt(0)

    def para(container, text="", bold=False, italic=False, size=None, align=None, runs=None):
        p = container.add_paragraph()
        if align is not None:
            p.alignment = align
        for t, b, i in runs or [(text, bold, italic)]:
            r = p.add_run(t)
            r.bold, r.italic = b, i
            if size:
                r.font.size = Pt(size)
        return p

    C = WD_ALIGN_PARAGRAPH.CENTER
    # header table
    rows = 1 if cfg["header"] == "one-row" else 2
    t = d.add_table(rows=rows, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = t.cell(0, 0), t.cell(0, 1)
    left.width, right.width = Cm(6.5), Cm(9.5)
    left.paragraphs[0].text = ""
    first = True
    for i, ln in enumerate(doc["issuer"]):
        p = left.paragraphs[0] if first else left.add_paragraph()
        first = False
        p.alignment = C
        r = p.add_run(ln)
        r.bold = i == len(doc["issuer"]) - 1 or len(doc["issuer"]) == 1
        r.font.size = Pt(13)
    para(left, doc["issuer_mark"] or "-------", align=C, size=13)
    right.paragraphs[0].alignment = C
    r = right.paragraphs[0].add_run(doc["motto"][0])
    r.bold, r.font.size = True, Pt(13)
    for ln in doc["motto"][1:]:
        para(right, ln, bold=True, align=C)
    para(right, "---------------", align=C, size=13)
    so_cell = left if rows == 1 else t.cell(1, 0)
    date_cell = right if rows == 1 else t.cell(1, 1)
    p = para(so_cell, doc["so"], align=C, size=13) if rows == 1 else so_cell.paragraphs[0]
    if rows == 2:
        p.alignment = C
        p.add_run(doc["so"]).font.size = Pt(13)
        date_cell.paragraphs[0].alignment = C
        r = date_cell.paragraphs[0].add_run(doc["dateline"])
        r.italic = True
    else:
        para(date_cell, doc["dateline"], italic=True, align=C)
    for ln in doc["vv"]:
        para(so_cell, ln, size=12, align=C)

    para(d)
    if doc["kind"]:
        para(d, doc["kind"], bold=True, align=C)
        if cfg["title_style"] == "breaks":
            p = d.add_paragraph()
            p.alignment = C
            for i, ln in enumerate(doc["title"]):
                r = p.add_run(ln)
                r.bold = True
                if i < len(doc["title"]) - 1:
                    r.add_break(WD_BREAK.LINE)
        else:
            for ln in doc["title"]:
                para(d, ln, bold=True, align=C)
        if doc["rule_after_title"]:
            para(d, "------", align=C)
    for ptxt in doc["body"]:
        runs = _runs(ptxt)
        plain = _plain(ptxt).strip()
        whole_bold = all(b for t, b, i in runs if t.strip())
        p = para(d, runs=runs, align=C if (whole_bold and plain.isupper() and len(plain) < 90) else None)
        p.paragraph_format.first_line_indent = Cm(1)
    para(d)
    ft = d.add_table(rows=1, cols=2)
    left_cell, r_ = ft.cell(0, 0), ft.cell(0, 1)
    if doc["nn_head"]:
        left_cell.paragraphs[0].add_run(doc["nn_head"]).bold = True
        left_cell.paragraphs[0].runs[0].italic = True
        left_cell.paragraphs[0].runs[0].font.size = Pt(12)
        for rc in doc["recipients"]:
            para(left_cell, _plain(rc), size=11)
    sign = doc["sign"]
    r_.paragraphs[0].alignment = C
    rr = r_.paragraphs[0].add_run(sign[0])
    rr.bold = True
    for ln in sign[1:-1]:
        para(r_, ln, bold=True, align=C)
    for _ in range(4):
        para(r_, "")
    para(r_, sign[-1], bold=True, align=C)
    if doc["appendix"]:
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for ptxt in doc["appendix"]:
            para(d, runs=_runs(ptxt))
    cp = d.core_properties
    import datetime as _dt

    cp.author = cp.last_modified_by = ""
    cp.created = cp.modified = _dt.datetime(2000, 1, 1)
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    _stable_zip(buf.getvalue(), out)


def _stable_zip(data: bytes, out: Path) -> None:
    """Rewrite a zip with fixed timestamps and member order so bytes are reproducible."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zi = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(name))
    out.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------
# .pdf (HTML printed by headless chromium)
# --------------------------------------------------------------------------
CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
body { font-family: 'DejaVu Serif'; font-stretch: condensed; font-size: 12pt; line-height: 1.3; }
table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; text-align: center; padding: 0; }
.hdr td { font-size: 11.5pt; white-space: nowrap; }
.hdr td.l { width: 42%; } .hdr td.r { width: 58%; }
.ftr td.l { width: 48%; text-align: left; font-size: 10.5pt; }
.ftr td.r { width: 52%; white-space: nowrap; }
.b { font-weight: bold; } .i { font-style: italic; }
.c { text-align: center; } .kind { font-weight: bold; text-align: center; margin-top: 14pt; }
.title { font-weight: bold; text-align: center; white-space: nowrap; }
p.body { text-indent: 1cm; text-align: justify; margin: 3pt 0; }
.sm { font-size: 11pt; } .sign-space { height: 70pt; }
.app { page-break-before: always; }
"""


def _h_runs(ptxt: str) -> str:
    out = []
    for t, b, i in _runs(ptxt):
        s = escape(t)
        if b:
            s = f"<b>{s}</b>"
        if i:
            s = f"<i>{s}</i>"
        out.append(s)
    return "".join(out)


def _html(doc: dict, cfg: dict) -> str:
    iss = "<br>".join(
        (f'<span class="b">{escape(x)}</span>' if (i == len(doc["issuer"]) - 1) else escape(x))
        for i, x in enumerate(doc["issuer"])
    )
    mark = escape(doc["issuer_mark"] or "-------")
    motto = "<br>".join(f'<span class="b">{escape(x)}</span>' for x in doc["motto"])
    so = escape(doc["so"]) + "".join(f'<br><span class="sm">{escape(v)}</span>' for v in doc["vv"])
    date = f'<span class="i">{escape(doc["dateline"])}</span>'
    if cfg["header"] == "one-row":
        hdr = (
            f'<table class="hdr"><tr><td class="l">{iss}<br>{mark}<br>{so}</td>'
            f'<td class="r">{motto}<br>---------------<br>{date}</td></tr></table>'
        )
    else:
        hdr = (
            f'<table class="hdr"><tr><td class="l">{iss}<br>{mark}</td>'
            f'<td class="r">{motto}<br>---------------</td></tr>'
            f'<tr><td class="l">{so}</td><td class="r">{date}</td></tr></table>'
        )
    parts = [
        f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><style>{CSS}</style></head><body>",
        hdr,
    ]
    if doc["kind"]:
        parts.append(f'<div class="kind">{escape(doc["kind"])}</div>')
        parts.append('<div class="title">' + "<br>".join(escape(x) for x in doc["title"]) + "</div>")
        if doc["rule_after_title"]:
            parts.append('<div class="c">------</div>')
    else:
        parts.append("<br>")
    for ptxt in doc["body"]:
        plain = _plain(ptxt).strip()
        runs = _runs(ptxt)
        whole_bold = all(b for t, b, i in runs if t.strip())
        cls = "c" if (whole_bold and plain.isupper() and len(plain) < 90) else "body"
        parts.append(f'<p class="{cls}">{_h_runs(ptxt)}</p>')
    left = ""
    if doc["nn_head"]:
        left = f"<b><i>{escape(doc['nn_head'])}</i></b><br>" + "<br>".join(
            escape(_plain(x)) for x in doc["recipients"]
        )
    s = doc["sign"]
    right = (
        "<br>".join(f'<span class="b">{escape(x)}</span>' for x in s[:-1])
        + f'<div class="sign-space"></div><span class="b">{escape(s[-1])}</span>'
    )
    parts.append(
        f'<br><table class="ftr"><tr><td class="l">{left}</td><td class="r">{right}</td></tr></table>'
    )
    if doc["appendix"]:
        parts.append('<div class="app">')
        parts += [f"<p>{_h_runs(p)}</p>" for p in doc["appendix"]]
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    raise SystemExit("no chromium on PATH (apt-get install -y chromium)")


def _pdf(doc: dict, cfg: dict, out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "doc.html"
        html.write_text(_html(doc, cfg), encoding="utf-8")
        raw = Path(tmp) / "raw.pdf"
        subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={raw}",
                "--no-pdf-header-footer",
                html.as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180,
        )
        # fixed metadata and file id, so the bytes do not change run to run
        w = PdfWriter(clone_from=PdfReader(raw))
        w.add_metadata(
            {
                "/Producer": "make_shapes.py",
                "/Creator": "chromium",
                "/CreationDate": "D:20000101000000Z",
                "/ModDate": "D:20000101000000Z",
            }
        )
        buf = io.BytesIO()
        w.write(buf)
        data = buf.getvalue()
        fid = hashlib.md5(data).hexdigest().encode()
        data = re.sub(rb"/ID \[ <[0-9a-f]+> <[0-9a-f]+> \]", b"/ID [ <" + fid + b"> <" + fid + b"> ]", data)
        out.write_bytes(data)


# --------------------------------------------------------------------------
# .txt extracted with pypdf
# --------------------------------------------------------------------------
def pdf_text(path: Path, mode: str) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages = []
    for page in PdfReader(path).pages:
        if mode == "plain":
            t = page.extract_text()
        else:
            t = page.extract_text(extraction_mode="layout")
            if mode == "layout-collapsed":
                t = "\n".join(re.sub(r"[ \t]{2,}", " ", ln).strip() for ln in t.split("\n"))
        t = "\n".join(ln.rstrip() for ln in t.split("\n")).strip("\n")
        pages.append(t)
    # a page break shows as a gap of blank lines, as in a copy from a PDF viewer
    return "\n\n\n".join(pages) + "\n"


def build(doc_id: str, split_dir: Path, out_dir: Path) -> Path:
    cfg = DOCS[doc_id]
    if cfg["shape"] == "text-of-pdf":
        out = out_dir / f"{doc_id}.txt"
        out.write_text(pdf_text(split_dir / f"{doc_id}.source.pdf", cfg["extract"]), encoding="utf-8")
        return out
    if (split_dir / f"{doc_id}.source.html").exists():
        src = (split_dir / f"{doc_id}.source.html").read_text(encoding="utf-8")
        doc = parse_vbpl(doc_id, cfg, src)
    else:
        src = (split_dir / f"{doc_id}.source.txt").read_text(encoding="utf-8")
        doc = parse(doc_id, cfg, src)
    if cfg["shape"] == "docx":
        out = out_dir / f"{doc_id}.docx"
        _docx(doc, cfg, out)
    elif cfg["shape"] == "pdf":
        out = out_dir / f"{doc_id}.pdf"
        _pdf(doc, cfg, out)
    else:
        out = out_dir / f"{doc_id}.txt"
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "r.pdf"
            _pdf(doc, cfg, pdf)
            out.write_text(pdf_text(pdf, cfg["extract"]), encoding="utf-8")
    return out


def _where(doc_id: str) -> Path:
    for s in SPLITS:
        d = HERE / s
        if any((d / f"{doc_id}.source.{ext}").exists() for ext in ("txt", "pdf", "html")):
            return d
    raise SystemExit(f"{doc_id}: no source beside it in {SPLITS}")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    ids = [a for a in argv if not a.startswith("--")] or sorted(DOCS)
    bad = 0
    for doc_id in ids:
        split_dir = _where(doc_id)
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                out = build(doc_id, split_dir, Path(tmp))
                same = out.read_bytes() == (split_dir / out.name).read_bytes()
                print(("same  " if same else "DIFF  ") + f"{split_dir.name}/{out.name}")
                bad += not same
        else:
            out = build(doc_id, split_dir, split_dir)
            print(f"wrote {split_dir.name}/{out.name}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
