"""The catalogue of figures the department consolidates: `content/tham-chieu/chi-tieu.yml`, one entry per
indicator (its name, unit of measure, group, how values add up across units, and the words a sentence
giving it uses)."""

from __future__ import annotations

import re
from pathlib import Path

from cchc.content.schema import Field, FieldError, matching, read_fields
from cchc.content.tables import table_items
from cchc.model import Indicator
from cchc.problems import Problem

FILE = "chi-tieu.yml"
AGGREGATES = ("cộng", "trung bình", "không")
SUM, MEAN, NO_TOTAL = AGGREGATES


def read_aggregate(value: str) -> str:
    if value not in AGGREGATES:
        raise FieldError(
            f"cách tổng hợp '{value}' không có; cần một trong: {', '.join(AGGREGATES)} "
            "('cộng' khi số của các đơn vị cộng lại được, 'trung bình' cho tỷ lệ)"
        )
    return value


SCHEMA = (
    Field(
        "id",
        "mã chỉ tiêu, chữ thường không dấu nối bằng '-', ví dụ 'cum-loa'",
        True,
        matching(
            r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "mã '{value}' cần chữ thường không dấu, số và dấu '-', ví dụ 'tin-bai-cong-thong-tin'",
        ),
    ),
    Field("ten", "tên chỉ tiêu, ví dụ 'Cụm loa truyền thanh'", True),
    Field("don_vi_tinh", "đơn vị tính, ví dụ 'tin, bài', 'lượt', '%'", True),
    Field("nhom", "nhóm chỉ tiêu trên trang số liệu, ví dụ 'Truyền thanh'", True),
    Field("tong_hop", "cách tổng hợp giữa các đơn vị: " + ", ".join(AGGREGATES), True, read_aggregate),
    Field(
        "tu_khoa",
        "những từ câu nêu số liệu này dùng, mỗi từ một dòng '- cổng thông tin'",
        True,
        matching(r"\w\w", "từ khóa '{value}' quá ngắn: cần ít nhất hai chữ cái, nếu không câu nào cũng khớp"),
        shape="list",
    ),
)


def read_indicators(root: Path, folder: Path, problems: list[Problem]) -> dict[str, Indicator]:
    """The catalogue in `folder`, by id in the order written; an entry with problems is left out."""
    found: dict[str, Indicator] = {}
    lines: dict[str, int] = {}
    for source, item in table_items(root, folder, FILE, problems):
        before = len(problems)
        data = read_fields(source, SCHEMA, item.fields(), item.line, problems)
        if len(problems) > before:
            continue
        if data["id"] in found:
            problems.append(
                Problem(
                    source.path,
                    item.fields()["id"].line,
                    "id",
                    f"mã '{data['id']}' đã dùng ở dòng {lines[data['id']]}; mỗi chỉ tiêu một mã",
                )
            )
            continue
        lines[data["id"]] = item.fields()["id"].line
        found[data["id"]] = Indicator(
            data["id"],
            data["ten"],
            data["don_vi_tinh"],
            data["nhom"],
            data["tong_hop"],
            tuple(data["tu_khoa"]),
        )
    return found


def same_unit(written: str, unit: str) -> bool:
    """'tin bài' is 'tin, bài': units compare by their words."""
    return re.findall(r"\w+|%", written.lower()) == re.findall(r"\w+|%", unit.lower())
