"""The images an editor's file names beside it (a leader's portrait, a boundary map, a news item's photo),
each checked as an infographic's is: inside the content folders, a publishable image, and described."""

from __future__ import annotations

from pathlib import Path

from cchc.content import files
from cchc.content.frontmatter import Source, Value
from cchc.content.image_files import ImageError, inspect
from cchc.content.schema import Fields
from cchc.model import Picture
from cchc.problems import Problem


class Pictures:
    """The pictures of one content file, each problem on its line."""

    def __init__(self, root: Path, source: Source, folder: Path, problems: list[Problem]) -> None:
        self.root, self.source, self.folder, self.problems = root, source, folder, problems

    def read(
        self, data: Fields, value: Value | None, where: str, name: str = "anh", alt: str = "mo_ta_anh"
    ) -> Picture | None:
        """The picture of the mapping `data` as read (written as `value`, named `where` in messages)."""
        written = value.children if value is not None and isinstance(value.children, dict) else {}

        def problem(field: str, message: str) -> None:
            line = written[field].line if field in written else value.line if value is not None else 1
            self.problems.append(
                Problem(self.source.path, line, f"{where}.{field}" if where else field, message)
            )

        if not data.get(name):
            if data.get(alt):
                problem(alt, f"có mô tả ảnh nhưng chưa có ảnh; cần tên tệp ảnh ở trường {name}")
            return None
        image = files.named(self.root, self.folder, data[name])
        if image is None:
            problem(name, files.outside_message(self.root, self.folder / data[name]))
            return None
        try:
            inspect(image)
        except ImageError as exc:
            problem(name, str(exc))
            return None
        if not data.get(alt):
            if alt not in written or not str(written[alt].data or "").strip():  # else its reader said why
                problem(alt, "ảnh cần mô tả cho người không xem được ảnh; cần một câu nêu ảnh cho biết gì")
            return None
        return Picture(str(image), data[alt])
