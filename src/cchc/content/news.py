"""News items (tin tức): `content/tin-tuc/<unit>/<name>.md`, a title, a day, the unit, an optional photo
(described, through the image pipeline), a summary, the body, and the procedures and documents it is
about."""

from __future__ import annotations

from pathlib import Path

from cchc.content import frontmatter
from cchc.content.documents import read_date
from cchc.content.frontmatter import Source, Value
from cchc.content.infographics import read_alt
from cchc.content.pictures import Pictures
from cchc.content.schema import Field, FieldError, read_fields
from cchc.dates import PartialDate
from cchc.model import News
from cchc.problems import Problem
from cchc.text import slugify

FOLDER = "tin-tuc"


def read_day(value: str) -> PartialDate:
    """A news item's day: day, month and year."""
    day = read_date(value)
    if day.day is None:
        raise FieldError(f"ngày đăng '{value}' chưa đủ ngày, tháng; cần dạng NN/TT/NNNN, ví dụ 15/10/2026")
    return day


SCHEMA = (
    Field("tieu_de", "tiêu đề tin", True),
    Field("ngay", "ngày đăng dạng NN/TT/NNNN", True, read_day),
    Field("don_vi", "mã đơn vị đăng tin, ví dụ 'xa-nam-sach'", True),
    Field("tom_tat", "tóm tắt một, hai câu, hiện trong danh sách tin"),
    Field("anh", "ảnh của tin đặt cùng thư mục (.jpg, .png, .webp)"),
    Field("mo_ta_anh", "mô tả ảnh: ảnh cho thấy điều gì", False, read_alt),
    Field("thu_tuc", "tên tệp (không có .md) của các thủ tục liên quan", shape="list"),
    Field("van_ban", "các văn bản liên quan: '<mã đơn vị>/<tên tệp không có .md>'", shape="list"),
)


def news_from(root: Path, source: Source, file: Path, problems: list[Problem]) -> News | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    photo = Pictures(root, source, file.parent, problems).read(data, Value(None, 1, source.meta), "")
    if missing := frontmatter.missing_body(source, "tin"):
        problems.append(missing)
    if len(problems) > before:
        return None
    return News(
        path=source.path,
        slug=slugify(file.stem),
        unit_id=data["don_vi"],
        title=data["tieu_de"],
        date=data["ngay"],
        body=source.body,
        body_line=source.body_line,
        summary=data.get("tom_tat") or "",
        photo=photo,
        procedures=data.get("thu_tuc") or [],
        documents=data.get("van_ban") or [],
        lines=source.lines(),
    )
