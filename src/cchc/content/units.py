"""Units (đơn vị): `content/don-vi/<id>.md`, with what the law asks a state agency's portal to publish
of it (Nghị định 224/2026/NĐ-CP, Điều 9): functions, organisation, leaders, contact point, boundary map,
the area's nature, history and culture, and its reception hours (content.reception). Every part is
optional here; the compliance report (cchc.compliance) says which are missing."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from cchc.content import markdown_limits, questions, reception
from cchc.content.frontmatter import Source
from cchc.content.infographics import read_alt
from cchc.content.pictures import Pictures
from cchc.content.schema import Field, FieldError, Fields, matching, read_email, read_fields, url
from cchc.levels import BY_NAME, NAMES
from cchc.model import English, Office, Person, Picture, Unit
from cchc.problems import Problem

FOLDER = "don-vi"

read_id = matching(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "mã đơn vị '{value}' không hợp lệ; cần chữ thường không dấu, số và dấu '-', ví dụ 'xa-nam-sach'",
)
read_phone = matching(
    r"^[0-9 .()+-]{3,20}$", "'{value}' không phải số điện thoại; cần các chữ số, ví dụ 0225 3821 234"
)
read_website = url(("https", "http"), "https://namsach.haiphong.gov.vn")


def read_level(value: str) -> str:
    if value.lower() not in BY_NAME:
        raise FieldError(f"cấp '{value}' không có trong danh sách; cần một trong: {NAMES}")
    return value.lower()


# Longer texts, Markdown, each under its own heading on the unit's page: (field, heading, what it holds).
PROFILE = (
    ("chuc_nang_nhiem_vu", "Chức năng, nhiệm vụ, quyền hạn", "chức năng, nhiệm vụ, quyền hạn của đơn vị"),
    ("lich_su", "Lịch sử", "lịch sử hình thành, phát triển tóm tắt"),
    ("dieu_kien_tu_nhien", "Điều kiện tự nhiên", "vị trí địa lý, diện tích, dân số, địa hình"),
    ("truyen_thong_van_hoa", "Truyền thống văn hóa", "truyền thống văn hóa, lễ hội"),
    ("di_tich", "Di tích", "các di tích lịch sử - văn hóa"),
    ("danh_thang", "Danh lam thắng cảnh", "các danh lam thắng cảnh"),
)
PROSE_LIMIT = 50_000  # characters of one text: a department's functions run to a few pages

CONTACT = (
    Field("ho_ten", "họ và tên", True),
    Field("chuc_vu", "chức vụ, ví dụ 'Chánh Văn phòng'", True),
    Field("dien_thoai", "số điện thoại", False, read_phone),
    Field("email", "địa chỉ thư điện tử", False, read_email),
)
LEADER = (
    *CONTACT[:2],
    Field("anh", "ảnh chân dung đặt trong thư mục content/don-vi/ (.jpg, .png, .webp)"),
    Field(
        "mo_ta_anh",
        "mô tả ảnh chân dung, ví dụ 'Ảnh chân dung ông Nguyễn Văn A, Chủ tịch UBND xã'",
        False,
        read_alt,
    ),
    Field("tieu_su", "tiểu sử tóm tắt (Markdown)", limit=PROSE_LIMIT),
    Field("nhiem_vu", "nhiệm vụ đảm nhiệm, lĩnh vực phụ trách (Markdown)", limit=PROSE_LIMIT),
    *CONTACT[2:],
)
OFFICE = (
    Field("ten", "tên phòng, ban hoặc đơn vị, ví dụ 'Văn phòng HĐND và UBND'", True),
    Field("nguoi_dung_dau", "họ và tên người đứng đầu"),
    Field("chuc_vu", "chức vụ người đứng đầu, ví dụ 'Chánh Văn phòng'"),
    *CONTACT[2:],
)
MAP = (
    Field("tep", "tệp ảnh bản đồ đặt trong thư mục content/don-vi/ (.png, .jpg, .webp)", True),
    Field(
        "mo_ta", "mô tả bản đồ cho người không xem được ảnh: các đơn vị giáp ranh, diện tích", True, read_alt
    ),
)

ENGLISH = (
    Field("ten", "tên đơn vị bằng tiếng Anh, ví dụ 'People's Committee of Nam Sach Commune'", True),
    Field("chuc_nang_nhiem_vu", "chức năng, nhiệm vụ bằng tiếng Anh (Markdown)", limit=PROSE_LIMIT),
    Field("co_cau_to_chuc", "cơ cấu tổ chức bằng tiếng Anh (Markdown)", limit=PROSE_LIMIT),
)

SCHEMA = (
    Field("id", "mã đơn vị dùng trong đường dẫn, ví dụ 'xa-nam-sach'", True, read_id),
    Field("ten", "tên đầy đủ, ví dụ 'Ủy ban nhân dân xã Nam Sách'", True),
    Field("ten_ngan", "tên ngắn, ví dụ 'UBND xã Nam Sách'", True),
    Field("cap", f"cấp đơn vị: {NAMES}", True, read_level),
    Field("don_vi_cap_tren", "mã của đơn vị cấp trên", False, read_id),
    Field("dia_chi", "địa chỉ trụ sở"),
    Field("dien_thoai", "số điện thoại", False, read_phone),
    Field("duong_day_nong", "số đường dây nóng tiếp nhận phản ánh, kiến nghị", False, read_phone),
    Field("email", "địa chỉ thư điện tử", False, read_email),
    Field("website", "địa chỉ trang web", False, read_website),
    Field("ten_goi_khac", "các tên văn bản khác dùng để gọi đơn vị", shape="list"),
    Field("fax", "số fax", False, read_phone),
    Field("dau_moi_lien_he", "đầu mối liên hệ chính thức của cổng", shape="mapping", fields=CONTACT),
    Field(
        "lanh_dao", "lãnh đạo đơn vị: họ tên, chức vụ, ảnh, tiểu sử, nhiệm vụ", shape="records", fields=LEADER
    ),
    Field(
        "co_cau_to_chuc",
        "cơ cấu tổ chức: các phòng, ban, đơn vị trực thuộc",
        shape="records",
        fields=(*OFFICE, Field("truc_thuoc", "các bộ phận trực thuộc", shape="records", fields=OFFICE)),
    ),
    Field("ban_do", "bản đồ địa giới hành chính (ảnh và mô tả)", shape="mapping", fields=MAP),
    *(Field(name, f"{what} (Markdown)", limit=PROSE_LIMIT) for name, _, what in PROFILE),
    Field(reception.FIELD, "lịch tiếp công dân", shape="records", fields=reception.SCHEMA),
    questions.FIELD,
    Field("nguon", "nguồn của các thông tin trên: văn bản, trang web và ngày", shape="list"),
    Field(
        "en",
        "thông tin bằng tiếng Anh: ten, chuc_nang_nhiem_vu, co_cau_to_chuc",
        shape="mapping",
        fields=ENGLISH,
    ),
)


def unit_from(root: Path, source: Source, file: Path, today: date, problems: list[Problem]) -> Unit | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    pictures = Pictures(root, source, file.parent, problems)
    written = source.meta.get("lanh_dao")
    items = written.children if written is not None and isinstance(written.children, list) else []
    photos = [
        pictures.read(leader, item, f"lanh_dao[{n}]")
        for n, (leader, item) in enumerate(zip(data.get("lanh_dao") or [], items), 1)
    ]
    boundary_map = pictures.read(
        data.get("ban_do") or {}, source.meta.get("ban_do"), "ban_do", "tep", "mo_ta"
    )
    _check_prose(source, problems)
    receptions = reception.receptions(source, data.get(reception.FIELD) or [], problems)
    if len(problems) > before:
        return None
    leaders = [
        _person(leader, photo) for leader, photo in zip(data.get("lanh_dao") or [], photos, strict=True)
    ]
    if found := reception.head_problem(source, data["cap"], receptions, today):
        problems.append(found)
    contact = data.get("dau_moi_lien_he")
    return Unit(
        id=data["id"],
        name=data["ten"],
        short_name=data["ten_ngan"],
        level=data["cap"],
        path=source.path,
        lines=source.lines(),
        parent=data.get("don_vi_cap_tren"),
        address=data.get("dia_chi") or "",
        phone=data.get("dien_thoai") or "",
        hotline=data.get("duong_day_nong") or "",
        email=data.get("email") or "",
        website=data.get("website") or "",
        aliases=data.get("ten_goi_khac") or [],
        intro=source.body.strip(),
        fax=data.get("fax") or "",
        contact=_person(contact, None) if contact else None,
        leaders=leaders,
        offices=[_office(office) for office in data.get("co_cau_to_chuc") or []],
        boundary_map=boundary_map,
        profile={name: text for name, _, _ in PROFILE if (text := data.get(name))},
        reception=receptions,
        questions=questions.read(source, data.get(questions.FIELD.name) or []),
        sources=data.get("nguon") or [],
        english=_english(data.get("en")),
    )


def _english(data: Fields | None) -> English | None:
    if not data:
        return None
    return English(data["ten"], data.get("chuc_nang_nhiem_vu") or "", data.get("co_cau_to_chuc") or "")


def _person(data: Fields, photo: Picture | None) -> Person:
    return Person(
        data["ho_ten"],
        data["chuc_vu"],
        data.get("dien_thoai") or "",
        data.get("email") or "",
        photo,
        data.get("tieu_su") or "",
        data.get("nhiem_vu") or "",
    )


def _office(data: Fields) -> Office:
    return Office(
        data["ten"],
        data.get("nguoi_dung_dau") or "",
        data.get("chuc_vu") or "",
        data.get("dien_thoai") or "",
        data.get("email") or "",
        [_office(part) for part in data.get("truc_thuoc") or []],
    )


def _check_prose(source: Source, problems: list[Problem]) -> None:
    """The Markdown texts in front matter go through the bounds a body goes through (content.markdown_limits),
    each counted from its first line."""
    texts = [(name, source.meta.get(name)) for name, _, _ in PROFILE]
    leaders = source.meta.get("lanh_dao")
    for item in leaders.children if leaders is not None and isinstance(leaders.children, list) else []:
        if isinstance(item.children, dict):
            texts += [(name, item.children.get(name)) for name in ("tieu_su", "nhiem_vu")]
    english = source.meta.get("en")
    if english is not None and isinstance(english.children, dict):
        texts += [
            (f"en.{name}", english.children.get(name)) for name in ("chuc_nang_nhiem_vu", "co_cau_to_chuc")
        ]
    for name, value in texts:
        if value is not None and isinstance(value.data, str):
            found = markdown_limits.problems(source.path, value.data, value.line + 1)
            problems += [dataclasses.replace(problem, field=name) for problem in found]
