"""Infographics: `content/infographic/<name>.md` describing an image file beside it."""

from __future__ import annotations

from pathlib import Path

from cchc.content import files
from cchc.content.documents import read_date
from cchc.content.frontmatter import Source
from cchc.content.image_files import ImageError, inspect
from cchc.content.schema import Field, FieldError, read_fields
from cchc.dates import PartialDate
from cchc.model import Infographic
from cchc.problems import Problem
from cchc.text import name_key, slugify

FOLDER = "infographic"
# Alt text that says nothing of what the image tells.
_EMPTY_ALT = {
    "infographic",
    "ảnh",
    "hình",
    "hình ảnh",
    "ảnh minh họa",
    "hình minh họa",
    "image",
    "picture",
    "đồ họa",
    "đồ họa thông tin",
    "poster",
    "banner",
}
MIN_ALT_WORDS = 5


def read_alt(value: str) -> str:
    if name_key(value).strip(" .") in _EMPTY_ALT or len(value.split()) < MIN_ALT_WORDS:
        raise FieldError(
            f"mô tả ảnh '{value}' chưa nói ảnh cho biết điều gì; cần một câu từ {MIN_ALT_WORDS} "
            "chữ trở lên nêu nội dung chính của ảnh, ví dụ 'Năm 2025 xã đã phát 225 tin, bài "
            "về cải cách hành chính trên đài truyền thanh'"
        )
    return value


SCHEMA = (
    Field("tep", "tệp ảnh đặt cùng thư mục (.png, .jpg, .webp)", True),
    Field("tieu_de", "tiêu đề", True),
    Field("alt", "mô tả ảnh cho người không xem được ảnh: ảnh cho biết điều gì", True, read_alt),
    Field("chu_thich", "chú thích dưới ảnh"),
    Field("ngay", "ngày đăng dạng NN/TT/NNNN", False, read_date),
    Field("don_vi", "mã đơn vị đăng ảnh", True),
    Field("thu_tuc", "tên tệp (không có .md) của các thủ tục liên quan", shape="list"),
    Field("van_ban", "các văn bản liên quan: '<mã đơn vị>/<tên tệp không có .md>'", shape="list"),
    Field("the", "các thẻ chủ đề", shape="list"),
)


def infographic_from(root: Path, source: Source, file: Path, problems: list[Problem]) -> Infographic | None:
    before = len(problems)
    data = read_fields(source, SCHEMA, source.meta, 1, problems)
    image = file.parent / (data.get("tep") or "")
    if data.get("tep"):
        if files.named(root, file.parent, data["tep"]) is None:
            problems.append(
                Problem(source.path, source.meta["tep"].line, "tep", files.outside_message(root, image))
            )
        else:
            try:
                inspect(image)
            except ImageError as exc:
                problems.append(Problem(source.path, source.meta["tep"].line, "tep", str(exc)))
    if len(problems) > before:
        return None
    date: PartialDate | None = data.get("ngay")
    return Infographic(
        path=source.path,
        slug=slugify(file.stem),
        image=str(image),
        title=data["tieu_de"],
        alt=data["alt"],
        unit_id=data["don_vi"],
        caption=data.get("chu_thich") or "",
        date=date,
        procedures=data.get("thu_tuc") or [],
        documents=data.get("van_ban") or [],
        tags=data.get("the") or [],
        lines=source.lines(),
    )
