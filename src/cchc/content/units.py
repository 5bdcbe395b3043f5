"""Units (đơn vị): `content/don-vi/<id>.md`."""

from __future__ import annotations

import re

from cchc.content.frontmatter import Source
from cchc.content.schema import Field, FieldError, matching, read_fields, url
from cchc.levels import BY_NAME, NAMES
from cchc.model import Unit
from cchc.problems import Problem

FOLDER = "don-vi"

read_id = matching(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "mã đơn vị '{value}' không hợp lệ; cần chữ thường không dấu, số và dấu '-', ví dụ 'xa-nam-sach'",
)
read_email = matching(
    r"^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$",
    "'{value}' không phải địa chỉ thư điện tử; cần dạng ten@coquan.gov.vn",
    re.IGNORECASE,
)
read_phone = matching(
    r"^[0-9 .()+-]{3,20}$", "'{value}' không phải số điện thoại; cần các chữ số, ví dụ 0225 3821 234"
)
read_website = url(("https", "http"), "https://namsach.haiphong.gov.vn")


def read_level(value: str) -> str:
    if value.lower() not in BY_NAME:
        raise FieldError(f"cấp '{value}' không có trong danh sách; cần một trong: {NAMES}")
    return value.lower()


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
)


def unit_from(source: Source, problems: list[Problem]) -> Unit | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    if len(problems) > before:
        return None
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
    )
