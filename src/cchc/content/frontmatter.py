"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

The front matter is read by `yamlsafe` (no aliases, tags or deep nesting; see there), and both the
file and its front matter have a size bound, so a hostile or broken file costs bounded time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cchc.content.yamlsafe import Value, invisible, parse_yaml
from cchc.problems import Problem, Severity
from cchc.text import nfc

__all__ = ["Source", "Value", "decode", "parse", "parse_yaml", "read"]

MAX_FILE = 5 * 1024 * 1024  # bytes; the largest real content file is a few hundred KiB
MAX_FRONT_MATTER = 64 * 1024  # bytes; real front matter is well under 4 KiB


@dataclass
class Source:
    path: str  # as shown to editors, relative to the project
    meta: dict[str, Value] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line where the body starts

    def lines(self) -> dict[str, int]:
        return {name: value.line for name, value in self.meta.items()}


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM); name the line of the first bad byte."""
    try:
        return nfc(raw.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                path,
                line,
                "",
                "tệp không phải mã UTF-8 (byte "
                f"0x{raw[exc.start]:02x} không đọc được); hãy lưu lại tệp với bảng mã UTF-8",
            )
        ]


def read_raw(file: Path) -> bytes:
    """A content file's bytes: never more than one past MAX_FILE, whatever the file claims to be."""
    with file.open("rb") as stream:
        return stream.read(MAX_FILE + 1)


def read(root: Path, file: Path, problems: list[Problem], raw: bytes | None = None) -> tuple[str, str | None]:
    """(path as shown to editors, text or None when undecodable or too large) of a content file (`raw`:
    its bytes, when already read by `read_raw`). Control characters in a Markdown body are warnings here:
    `parse` reports only what stops a file."""
    shown = file.relative_to(root).as_posix()
    raw = read_raw(file) if raw is None else raw
    if len(raw) > MAX_FILE:
        problems.append(
            Problem(
                shown,
                1,
                "",
                f"tệp quá lớn (hơn {MAX_FILE // 2**20} MiB); hãy chia nội dung thành nhiều tệp nhỏ hơn",
            )
        )
        return shown, None
    text, found = decode(shown, raw)
    problems.extend(found)
    if text is not None and file.suffix.lower() == ".md":
        problems.extend(_body_warnings(shown, text))
    return shown, text


def _closing(lines: list[str]) -> int | None:
    """Index of the '---' line that closes the front matter opened on the first line."""
    return next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)


def _body_warnings(path: str, text: str) -> list[Problem]:
    lines = text.split("\n")
    start = 0
    if lines[0].strip() == "---":
        closing = _closing(lines)
        if closing is None:  # no body: `parse` reports the unclosed front matter
            return []
        start = closing + 1
    return invisible(path, "\n".join(lines[start:]), start + 1, Severity.WARNING)


def parse(path: str, text: str) -> tuple[Source, list[Problem]]:
    """Read `---` fenced YAML front matter followed by a Markdown body."""
    source = Source(path)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return source, [
            Problem(
                path,
                1,
                "",
                "thiếu phần thông tin đầu tệp; tệp phải bắt đầu bằng "
                "một dòng '---', tiếp theo là các trường, rồi một dòng '---'",
            )
        ]
    closing = _closing(lines)
    if closing is None:
        return source, [
            Problem(
                path, 1, "", "phần thông tin đầu tệp chưa được đóng; cần một dòng '---' sau trường cuối cùng"
            )
        ]
    front = "\n".join(lines[1:closing])
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER:
        limit = MAX_FRONT_MATTER // 1024
        return source, [
            Problem(
                path,
                2,
                "",
                f"phần thông tin đầu tệp quá dài (hơn {limit} KiB); chỉ ghi các "
                "trường ngắn ở đây, nội dung dài đặt sau dòng '---' thứ hai",
            )
        ]
    root, problems = parse_yaml(path, front, first_line=2)
    if root is None:
        return source, problems
    if root.children is None and root.data is None:
        root = Value(None, 2, {})
    if not isinstance(root.children, dict):
        return source, [Problem(path, 2, "", "phần thông tin đầu tệp phải là các dòng 'tên_trường: giá trị'")]
    source.meta = root.children
    source.body = "\n".join(lines[closing + 1 :])
    source.body_line = closing + 2
    return source, []


def missing_body(source: Source, what: str) -> Problem | None:
    """A problem on the body's line when a file that must have one has none; `what` names the file's kind
    ("văn bản", "tin")."""
    if source.body.strip():
        return None
    message = f"{what} chưa có nội dung; cần viết phần thân {what} sau dòng '---'"
    return Problem(source.path, source.body_line, "nội dung", message)
