"""Declarative front matter schemas: which fields a collection has and how each is read.

A field's reader turns the written value into data or raises FieldError with a
message for editors; `read_fields` collects every problem instead of stopping
at the first.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cchc.content.frontmatter import Source, Value
from cchc.problems import Problem


class FieldError(ValueError):
    """A value an editor wrote that does not fit its field; the message says what is expected."""


# Turns the text an editor wrote into the field's value (a date, a Kind, a number…) or raises FieldError.
Reader = Callable[[str], object]

# The values `read_fields` gives, by field name. Their types follow each Field's reader and shape (text:
# the reader's result, or str when it has none, or None when blank; list: a list of those; mapping: Fields;
# records: a list of Fields), which a schema states as data and a type checker cannot follow: this is the
# one dynamic boundary of content reading. Each loader moves the values into the model's typed dataclasses
# right away, where the types are checked again.
Fields = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    description: str  # what the field holds, in Vietnamese, for messages and the editors' guide
    required: bool = False
    read: Reader | None = None  # None: plain text
    shape: str = "text"  # "text", "list" (of text), "mapping", or "records" (a list of mappings)
    fields: tuple[Field, ...] = field(default=())  # for mappings
    limit: int = 0  # characters of a text value; 0: MAX_VALUE (a longer one is Markdown, checked as a body)


def matching(pattern: str, message: str, flags: int = 0) -> Reader:
    """A reader that accepts text in which `pattern` is found; `message` may use {value}."""
    compiled = re.compile(pattern, flags)

    def read(value: str) -> str:
        if not compiled.search(value):
            raise FieldError(message.format(value=value))
        return value

    return read


read_email = matching(
    r"^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$",
    "'{value}' không phải địa chỉ thư điện tử; cần dạng ten@coquan.gov.vn",
    re.IGNORECASE,
)


# Whitespace, quotes, angle brackets, parentheses, backslashes and control characters never belong in
# an address an editor types, and each could end the HTML attribute, Markdown link or JSON it is printed in.
_URL_UNSAFE = re.compile(r"[\s\"'<>()\\`\x00-\x1f\x7f]")


def url(schemes: tuple[str, ...], example: str) -> Reader:
    """A reader of web addresses: one of `schemes`, a host, and none of the characters above."""

    def read(value: str) -> str:
        parts = urlsplit(value)
        if _URL_UNSAFE.search(value) or parts.scheme.lower() not in schemes or not parts.hostname:
            raise FieldError(
                f"'{value}' không phải địa chỉ trang web hợp lệ; cần dạng {example}, "
                f"bắt đầu bằng {' hoặc '.join(s + '://' for s in schemes)}, không có dấu cách, "
                "dấu ngoặc hay dấu nháy"
            )
        return value

    return read


# A field's value is a line, a title, a name: real ones stay under 400 characters. Long values would
# reach Python-Markdown escaped on every page that shows them (a unit's name on all of its pages), where
# each escaped mark copies its paragraph: 48,000 '*' in a title took 17 s to build.
MAX_VALUE = 2000


def text(value: object, limit: int = 0) -> str:
    if isinstance(value, (dict, list)):
        raise FieldError("cần một giá trị văn bản trên một dòng, không phải danh sách")
    written = "" if value is None else str(value).strip()
    if len(written) > (limit := limit or MAX_VALUE):
        raise FieldError(
            f"giá trị dài {len(written)} ký tự, quá {limit} ký tự cho một trường; hãy viết ngắn lại "
            "(chữ dài đặt ở phần thân, dưới phần đầu tệp)"
        )
    return written


def _blank(value: Value) -> bool:
    if value.children is not None:
        return len(value.children) == 0
    return value.data is None or (isinstance(value.data, str) and not value.data.strip())


def _describe_shape(spec: Field) -> str:
    return {
        "list": "một danh sách, mỗi mục một dòng bắt đầu bằng '- '",
        "records": "một danh sách, mỗi mục bắt đầu bằng '- ' với các trường con: "
        + ", ".join(f.name for f in spec.fields),
        "mapping": "các trường con thụt lề: " + ", ".join(f.name for f in spec.fields),
        "text": "một giá trị trên một dòng",
    }[spec.shape]


def _read_one(source: Source, spec: Field, value: Value, prefix: str, problems: list[Problem]) -> object:
    name = prefix + spec.name
    if spec.shape == "mapping":
        if not isinstance(value.children, dict):
            problems.append(Problem(source.path, value.line, name, f"cần {_describe_shape(spec)}"))
            return None
        return read_fields(source, spec.fields, value.children, value.line, problems, prefix=name + ".")
    if spec.shape == "records":
        items = value.children if isinstance(value.children, list) else None
        if items is None and _blank(value):
            return []
        if items is None or not all(isinstance(item.children, dict) for item in items):
            problems.append(Problem(source.path, value.line, name, f"cần {_describe_shape(spec)}"))
            return None
        return [
            read_fields(source, spec.fields, item.fields(), item.line, problems, prefix=f"{name}[{i}].")
            for i, item in enumerate(items, 1)
        ]
    if spec.shape == "list":
        items = value.children if isinstance(value.children, list) else None
        if items is None:
            if _blank(value):
                return []
            problems.append(Problem(source.path, value.line, name, f"cần {_describe_shape(spec)}"))
            return None
        out: list[object] = []
        for index, item in enumerate(items, 1):
            try:
                # Each item is read as text first, as a single value is: `- 12` reaches its reader as '12'
                # and a nested list is refused with its line (a reader once got the int and crashed).
                out.append((spec.read or str)(text(item.plain())))
            except FieldError as exc:
                problems.append(Problem(source.path, item.line, f"{name}[{index}]", str(exc)))
        return out
    try:
        raw = text(value.plain(), spec.limit)
        return (spec.read or str)(raw) if raw or spec.read is None else None
    except FieldError as exc:
        problems.append(Problem(source.path, value.line, name, str(exc)))
        return None


def read_fields(
    source: Source,
    specs: tuple[Field, ...],
    values: dict[str, Value],
    line: int,
    problems: list[Problem],
    prefix: str = "",
) -> Fields:
    """Read `values` against `specs`: unknown, missing and malformed fields become problems."""
    by_name = {spec.name: spec for spec in specs}
    result: Fields = {}
    for name, value in values.items():
        spec = by_name.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, by_name, n=1, cutoff=0.6)
            hint = f"; có phải ý bạn là '{prefix}{close[0]}'?" if close else ""
            problems.append(
                Problem(
                    source.path,
                    value.line,
                    prefix + name,
                    f"không có trường này{hint} Các trường hợp lệ: {', '.join(by_name)}",
                )
            )
            continue
        if spec.required and _blank(value):
            problems.append(
                Problem(
                    source.path,
                    value.line,
                    prefix + name,
                    f"trường bắt buộc đang để trống; cần {spec.description}",
                )
            )
            continue
        result[name] = _read_one(source, spec, value, prefix, problems)
    for spec in specs:
        if spec.required and spec.name not in values:
            problems.append(
                Problem(
                    source.path, line, prefix + spec.name, f"thiếu trường bắt buộc; cần {spec.description}"
                )
            )
    return result
