"""Split a content file into YAML front matter and Markdown body, keeping line numbers.

Values stay strings (no YAML date or number guessing beyond ints and booleans),
so that dates are read by our own parser and give editors our own messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem
from .text import nfc

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


# libyaml's parser when installed (4× faster on large sites), same results either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader that reads only true/false, null and decimal integers; the rest is text."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


@dataclass
class Value:
    """A front matter value with the line (1-based, in the file) it was written on."""

    data: object
    line: int
    children: dict[str, "Value"] | list["Value"] | None = None

    def plain(self) -> object:
        if isinstance(self.children, dict):
            return {k: v.plain() for k, v in self.children.items()}
        if isinstance(self.children, list):
            return [v.plain() for v in self.children]
        return self.data


@dataclass
class Source:
    path: str  # as shown to editors, relative to the project
    meta: dict[str, Value] = field(default_factory=dict)
    meta_line: int = 1  # line of the opening '---'
    body: str = ""
    body_line: int = 1  # line where the body starts

    def lines(self) -> dict[str, int]:
        return {name: value.line for name, value in self.meta.items()}


def _to_value(node: yaml.Node, loader: _Loader, offset: int) -> Value:
    line = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        children: dict[str, Value] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node, deep=True))
            children[key] = _to_value(value_node, loader, offset)
            children[key].line = key_node.start_mark.line + 1 + offset
        return Value(None, line, children)
    if isinstance(node, yaml.SequenceNode):
        return Value(None, line, [_to_value(item, loader, offset) for item in node.value])
    data = loader.construct_object(node, deep=True)
    return Value(nfc(data) if isinstance(data, str) else data, line)


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM); name the line of the first bad byte."""
    try:
        return nfc(raw.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(path, line, "", "tệp không phải mã UTF-8 (byte "
                              f"0x{raw[exc.start]:02x} không đọc được); hãy lưu lại tệp với bảng mã UTF-8")]


def read(root: Path, file: Path, problems: list[Problem]) -> tuple[str, str | None]:
    """(path as shown to editors, text or None when undecodable) of a content file."""
    shown = file.relative_to(root).as_posix()
    text, found = decode(shown, file.read_bytes())
    problems.extend(found)
    return shown, text


def parse_yaml(path: str, text: str, first_line: int = 1) -> tuple[Value | None, list[Problem]]:
    """A YAML document as a Value tree whose lines count from `first_line`."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        what = exc.problem or exc.context or "cú pháp không hợp lệ"
        if exc.context_mark and exc.context_mark.line + first_line != line:
            what += f", trong phần bắt đầu ở dòng {exc.context_mark.line + first_line}"
        return None, [Problem(path, line, "", f"YAML không hợp lệ ({what}); kiểm tra dấu ':' "
                              "sau tên trường, thụt lề bằng dấu cách, dấu ngoặc đóng mở và dấu ngoặc kép "
                              "quanh giá trị có ':'")]
    finally:
        loader.dispose()
    if node is None:
        return Value(None, first_line), []
    return _to_value(node, _Loader(""), first_line - 1), []


def parse(path: str, text: str) -> tuple[Source, list[Problem]]:
    """Read `---` fenced YAML front matter followed by a Markdown body."""
    source = Source(path)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return source, [Problem(path, 1, "", "thiếu phần thông tin đầu tệp; tệp phải bắt đầu bằng "
                                "một dòng '---', tiếp theo là các trường, rồi một dòng '---'")]
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        return source, [Problem(path, 1, "", "phần thông tin đầu tệp chưa được đóng; cần một dòng "
                                "'---' sau trường cuối cùng")]
    root, problems = parse_yaml(path, "\n".join(lines[1:closing]), first_line=2)
    if root is None:
        return source, problems
    if root.children is None and root.data is None:
        root = Value(None, 2, {})
    if not isinstance(root.children, dict):
        return source, [Problem(path, 2, "", "phần thông tin đầu tệp phải là các dòng 'tên_trường: giá trị'")]
    source.meta = root.children
    source.body = "\n".join(lines[closing + 1:])
    source.body_line = closing + 2
    return source, []
