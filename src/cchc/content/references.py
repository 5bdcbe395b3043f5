"""Tables the reference index reads: issuing bodies (`co-quan.yml`), aliases (`bi-danh.yml`) and what is
known of cited texts' force (`hieu-luc.yml`) in `content/tham-chieu/`."""

from __future__ import annotations

from pathlib import Path

from cchc.content.documents import read_date, read_kind, read_number_symbol
from cchc.content.schema import Field, FieldError, read_fields
from cchc.content.tables import table_items
from cchc.model import Alias, Body, Validity
from cchc.problems import Problem

FOLDER = "tham-chieu"  # the tables' folder in content/
BODIES = "co-quan.yml"
ALIASES = "bi-danh.yml"
VALIDITY = "hieu-luc.yml"

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


_DOCUMENT = "văn bản như khi trích dẫn: loại và số, ký hiệu, ví dụ 'Nghị định 118/2025/NĐ-CP'"
VALIDITY_SCHEMA = (
    Field("van_ban", f"văn bản được ghi hiệu lực: {_DOCUMENT}", True),
    Field("ngay_ban_hanh", "ngày ban hành dạng NN/TT/NNNN", read=read_date),
    Field("hieu_luc_tu", "ngày văn bản có hiệu lực, dạng NN/TT/NNNN", read=read_date),
    Field("thay_the_boi", f"văn bản thay thế nó: {_DOCUMENT}"),
    Field("bai_bo_boi", f"văn bản bãi bỏ toàn bộ nó: {_DOCUMENT}"),
    Field("het_hieu_luc_tu", "ngày văn bản hết hiệu lực toàn bộ, dạng NN/TT/NNNN", read=read_date),
    Field("sua_doi_boi", "các văn bản sửa đổi, bổ sung nó", shape="list"),
    Field("bai_bo_mot_phan_boi", "các văn bản bãi bỏ một phần của nó", shape="list"),
)


def read_validity(root: Path, folder: Path, problems: list[Problem]) -> list[Validity]:
    """The entries of hieu-luc.yml, each checked on its own: a text that ceased needs the day it ceased
    and no day before it took force. Which documents the names stand for is read by the reference index."""
    entries = []
    for source, item in table_items(root, folder, VALIDITY, problems):
        before = len(problems)
        data = read_fields(source, VALIDITY_SCHEMA, item.fields(), item.line, problems)
        lines = {name: value.line for name, value in item.fields().items()}
        for name in ("ngay_ban_hanh", "hieu_luc_tu", "het_hieu_luc_tu"):
            if data.get(name) is not None and data[name].day is None:  # force is counted in days
                problems.append(
                    Problem(source.path, lines[name], name, "cần ngày đầy đủ dạng NN/TT/NNNN, không chỉ năm")
                )
        if len(problems) > before:
            continue
        entry = Validity(
            source.path,
            item.line,
            data["van_ban"],
            data.get("ngay_ban_hanh"),
            data.get("hieu_luc_tu"),
            data.get("thay_the_boi") or "",
            data.get("bai_bo_boi") or "",
            data.get("het_hieu_luc_tu"),
            tuple(data.get("sua_doi_boi") or ()),
            tuple(data.get("bai_bo_mot_phan_boi") or ()),
            lines,
        )
        if (entry.replaced_by or entry.repealed_by) and entry.ended is None:
            problems.append(
                Problem(
                    source.path,
                    lines.get("thay_the_boi", lines.get("bai_bo_boi", item.line)),
                    "het_hieu_luc_tu",
                    "văn bản đã bị thay thế hoặc bãi bỏ cần ngày hết hiệu lực (het_hieu_luc_tu), "
                    "dạng NN/TT/NNNN",
                )
            )
        elif entry.ended and entry.in_force and entry.ended < entry.in_force:
            problems.append(
                Problem(
                    source.path,
                    lines["het_hieu_luc_tu"],
                    "het_hieu_luc_tu",
                    f"ngày hết hiệu lực {entry.ended.vietnamese()} trước ngày có hiệu lực "
                    f"{entry.in_force.vietnamese()}; kiểm tra lại hai ngày",
                )
            )
        else:
            entries.append(entry)
    return entries


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
