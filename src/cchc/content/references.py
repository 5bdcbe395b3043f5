"""Tables the reference index reads: issuing bodies (`co-quan.yml`) and aliases (`bi-danh.yml`)
in `content/tham-chieu/`."""

from __future__ import annotations

from pathlib import Path

from cchc.content.documents import read_date, read_kind, read_number_symbol
from cchc.content.schema import Field, FieldError, read_fields
from cchc.content.tables import table_items
from cchc.model import Alias, Body
from cchc.problems import Problem

FOLDER = "tham-chieu"  # the tables' folder in content/
BODIES = "co-quan.yml"
ALIASES = "bi-danh.yml"

# Groups of the library page, from the top of the state down.
OTHER = "Khác"  # the group of a cited document whose issuer is not in the table
GROUPS = (
    "Trung ương Đảng",
    "Quốc hội",
    "Chính phủ và Thủ tướng Chính phủ",
    "Bộ, ngành Trung ương",
    "Thành phố",
    "Sở, ngành",
    "Xã, phường",
    OTHER,
)


def read_group(value: str) -> str:
    if value not in GROUPS:
        raise FieldError(f"nhóm '{value}' không có; cần một trong: {', '.join(GROUPS)}")
    return value


BODY_SCHEMA = (
    Field("ten", "tên cơ quan, ví dụ 'Chính phủ'", True),
    Field("ten_goi_khac", "các cách viết khác của tên", shape="list"),
    Field("ma", "mã cơ quan trong ký hiệu văn bản, ví dụ 'CP' trong 76/NQ-CP", shape="list"),
    Field("nhom", "nhóm trên trang Thư viện văn bản", True, read_group),
)

ALIAS_SCHEMA = (
    Field("ten", "tên gọi tắt như văn bản viết, ví dụ 'Đề án 06'", True),
    Field("loai", "loại văn bản được gọi tắt, ví dụ 'Quyết định'", True, read_kind),
    Field("so_ky_hieu", "số, ký hiệu của văn bản đó, ví dụ '06/QĐ-TTg'", True, read_number_symbol),
    Field("ngay", "ngày ban hành dạng NN/TT/NNNN", True, read_date),
    Field("co_quan", "cơ quan ban hành"),
    Field("trich_yeu", "trích yếu của văn bản"),
)


def read_references(root: Path, folder: Path, problems: list[Problem]) -> tuple[list[Body], list[Alias]]:
    """Read the tables in `folder`; `root` is the project, for the paths in messages."""
    bodies, aliases = [], []
    for source, item in table_items(root, folder, BODIES, problems):
        before = len(problems)
        data = read_fields(source, BODY_SCHEMA, item.fields(), item.line, problems)
        if len(problems) == before:
            bodies.append(
                Body(data["ten"], data["nhom"], data.get("ten_goi_khac") or [], data.get("ma") or [])
            )
    for source, item in table_items(root, folder, ALIASES, problems):
        before = len(problems)
        data = read_fields(source, ALIAS_SCHEMA, item.fields(), item.line, problems)
        if len(problems) == before:
            written = item.fields()["ngay"].plain()
            aliases.append(
                Alias(
                    data["ten"],
                    data["loai"].name,
                    data["so_ky_hieu"],
                    str(written),
                    data.get("trich_yeu") or "",
                    data.get("co_quan") or "",
                )
            )
    return bodies, aliases
