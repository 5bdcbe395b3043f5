"""YAML that cannot hurt: a Value tree read from the parser's event stream.

PyYAML's composer and constructor recurse (deep nesting overflows the stack and crashes Python),
expand aliases (a few hundred bytes of anchors ask for gigabytes) and turn tags into dates, bytes or
objects. Here the tree is built from parser events with an explicit stack, and what an editor never
needs - anchors, aliases, tags, deep nesting, repeated keys, invisible control characters - is
refused with a message naming the line.

Values stay strings (no YAML date or number guessing beyond ints and booleans), so that dates are
read by our own parser and give editors our own messages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, cast

import yaml

from cchc.problems import Problem, Severity
from cchc.text import nfc

if TYPE_CHECKING:
    from yaml._yaml import Mark as LibyamlMark  # where libyaml's parser says an event was

# libyaml's event parser when installed (4× faster on large sites); both parsers are state machines
# with their own stacks, so only our tree building could recurse, and it does not.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 16  # mappings and sequences inside each other; real front matter uses at most 4
MAX_LISTED = 20  # lines with control characters named one by one; a summary covers the rest

# C0 and C1 controls other than tab, LF and CR, and the bidi controls that reorder text on screen.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Besides these, the YAML reader refuses surrogates and U+FFFE/U+FFFF; we name them first.
_INVISIBLE = re.compile(f"[{_CONTROL}\ud800-\udfff\ufffe\uffff]")
_IS_CONTROL = re.compile(f"[{_CONTROL}]")

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# A leading zero keeps the text as written ("012" is a number code, not octal 10 as in YAML 1.1).
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_SHOWN = 40  # characters of an editor's tag or anchor quoted back in a message

_ADVICE = (
    "kiểm tra dấu ':' sau tên trường, thụt lề bằng dấu cách, dấu ngoặc đóng mở và dấu ngoặc kép "
    "quanh giá trị có ':'"
)


@dataclass
class Value:
    """A front matter value with the line (1-based, in the file) it was written on."""

    data: object
    line: int
    children: dict[str, Value] | list[Value] | None = None

    def entries(self) -> list[Value]:
        """The items of a value already known to be a sequence (a schema read it as a list or records)."""
        assert isinstance(self.children, list), f"line {self.line}: not a sequence"
        return self.children

    def fields(self) -> dict[str, Value]:
        """The fields of a value already known to be a mapping (a schema read it as a mapping or records)."""
        assert isinstance(self.children, dict), f"line {self.line}: not a mapping"
        return self.children

    def plain(self) -> object:
        if isinstance(self.children, dict):
            return {k: v.plain() for k, v in self.children.items()}
        if isinstance(self.children, list):
            return [v.plain() for v in self.children]
        return self.data


def invisible(path: str, text: str, first_line: int, severity: Severity = Severity.ERROR) -> list[Problem]:
    """One problem per line of `text` holding a control or non-character, named by code point;
    past MAX_LISTED lines, one summary (a pasted binary would otherwise flood the report)."""
    found: list[Problem] = []
    line, counted, last, hits = first_line, 0, None, 0
    for match in _INVISIBLE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if line == last:
            continue
        last, hits = line, hits + 1
        if hits <= MAX_LISTED:
            found.append(Problem(path, line, "", _control_message(text, match.start(), severity), severity))
        elif hits == MAX_LISTED + 1:
            rest_line = line
    if hits > MAX_LISTED:
        found.append(
            Problem(
                path,
                rest_line,
                "",
                f"còn ký tự điều khiển ở {hits - MAX_LISTED} dòng khác từ dòng này trở đi; hãy xoá chúng",
                severity,
            )
        )
    return found


def _describe(char: str) -> str:
    kind = "ký tự điều khiển" if _IS_CONTROL.match(char) else "ký tự không hợp lệ"
    name = unicodedata.name(char, "")
    return f"{kind} U+{ord(char):04X}{f' ({name})' if name else ''}"


def _control_message(text: str, at: int, severity: Severity) -> str:
    what = f"{_describe(text[at])} ở cột {at - text.rfind(chr(10), 0, at)}"
    if severity is Severity.ERROR:
        return (
            f"{what}: ký tự này không nhìn thấy được và không được phép trong dữ liệu YAML (thường lẫn "
            "vào khi sao chép từ Word, PDF hay trang web); hãy xoá nó"
        )
    return (
        f"{what}: ký tự này không nhìn thấy được và có thể làm ẩn hoặc đảo thứ tự chữ khi hiển thị "
        "(thường lẫn vào khi sao chép từ Word, PDF hay trang web); nên xoá nó"
    )


def parse_yaml(path: str, text: str, first_line: int = 1) -> tuple[Value | None, list[Problem]]:
    """A YAML document as a Value tree whose lines count from `first_line`, or the problems found."""
    found = invisible(path, text, first_line)
    if found:  # before the parser: its own reader error would not name the line
        return None, found
    tree = _Tree(path, first_line)
    try:
        tree.read(text)
    except yaml.MarkedYAMLError as exc:
        tree.problems.append(_syntax(path, exc, first_line))
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())  # one line, whatever the parser wrote
        tree.problems.append(Problem(path, first_line, "", f"YAML không hợp lệ ({what}); {_ADVICE}"))
    except (RecursionError, MemoryError):  # last resort: neither parser should get here
        tree.problems.append(
            Problem(
                path,
                first_line,
                "",
                "YAML quá lớn hoặc lồng quá sâu để đọc; hãy viết các trường đơn giản, mỗi trường một dòng",
            )
        )
    except _Stop:
        pass
    if tree.problems:
        return None, tree.problems
    return (Value(None, first_line) if tree.root is None else tree.root), []


def _syntax(path: str, exc: yaml.MarkedYAMLError, first_line: int) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + first_line) if mark else first_line
    what = exc.problem or exc.context or "cú pháp không hợp lệ"
    if exc.context_mark and exc.context_mark.line + first_line != line:
        what += f", trong phần bắt đầu ở dòng {exc.context_mark.line + first_line}"
    return Problem(path, line, "", f"YAML không hợp lệ ({what}); {_ADVICE}")


class _Stop(Exception):
    """Reading ends here: the problem is recorded and what follows cannot be trusted."""


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _tag(tag: str) -> str:
    """A tag as editors write it: 'tag:yaml.org,2002:str' -> '!!str'."""
    core = "tag:yaml.org,2002:"
    return _shown("!!" + tag.removeprefix(core) if tag.startswith(core) else tag)


def _tag_message(tag: str) -> str:
    return (
        f"YAML: không dùng thẻ '{_tag(tag)}'; hãy bỏ thẻ và chỉ ghi giá trị (giá trị bắt đầu bằng '!' "
        "thì đặt trong dấu ngoặc kép)"
    )


def _scalar(event: yaml.ScalarEvent) -> object:
    """Plain scalars may be null, booleans or decimal integers; everything else is text."""
    value = event.value
    if event.implicit[0] and not event.tag:
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _INT.fullmatch(value) and len(value) < 1000:  # longer ones would hit int()'s digit limit
            return int(value)
    return nfc(value)


def _key(key: Value) -> str:
    return str(key.plain() if key.children is not None else key.data)


class _Tree:
    """Builds a Value tree from parser events; each open mapping or sequence is one stack entry."""

    def __init__(self, path: str, first_line: int):
        self.path = path
        self.first_line = first_line
        self.root: Value | None = None
        self.root_mark: yaml.Mark | LibyamlMark | None = None
        self.documents = 0
        self.stack: list[Value] = []  # open containers, outermost first
        self.keys: list[Value | None] = []  # per open container: a mapping's key awaiting its value
        self.problems: list[Problem] = []

    def read(self, text: str) -> None:
        # A generator, though the stubs say Iterator: closing it disposes of the parser.
        events = cast("Generator[yaml.Event, None, None]", yaml.parse(text, Loader=_Parser))
        try:
            for event in events:
                self.take(event)
        finally:
            events.close()  # disposes of the parser even when we stop early

    def line(self, event: yaml.Event) -> int:
        mark = event.start_mark
        assert mark is not None  # both parsers mark every event they emit
        return mark.line + self.first_line

    def stop(self, event: yaml.Event, message: str) -> NoReturn:
        self.problems.append(Problem(self.path, self.line(event), "", message))
        raise _Stop

    def take(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.NodeEvent):
            self.check_node(event)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:  # as PyYAML's get_single_node says it
                # With libyaml the marks are its own Mark, which the stubs do not take here though
                # PyYAML's C composer raises this error with them too; _syntax reads only their line.
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream",
                    self.root_mark,  # type: ignore[arg-type]
                    "but found another document",
                    event.start_mark,  # type: ignore[arg-type]
                )
        elif isinstance(event, yaml.ScalarEvent):
            self.check_escapes(event)
            self.add(Value(_scalar(event), self.line(event)))
        elif isinstance(event, yaml.CollectionStartEvent):
            self.open(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.keys.pop()
            self.add(self.stack.pop())

    def check_node(self, event: yaml.NodeEvent) -> None:
        if self.root_mark is None:
            self.root_mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            written = f"*{event.anchor}" if isinstance(event, yaml.AliasEvent) else f"&{event.anchor}"
            self.stop(
                event,
                f"YAML: không dùng neo '&…' và bí danh '*…' (gặp '{_shown(written)}'); hãy viết "
                "đầy đủ giá trị ở mỗi chỗ cần dùng",
            )
        # An alias has stopped reading above; a scalar or collection may carry a tag, never constructed:
        # the problem is recorded and reading goes on.
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag is not None:
            self.problems.append(Problem(self.path, self.line(event), "", _tag_message(event.tag)))

    def check_escapes(self, event: yaml.ScalarEvent) -> None:
        """The text was checked before parsing, so a control character here came from an escape
        such as "\\u0000" in double quotes: the value would carry it all the same."""
        if match := _INVISIBLE.search(event.value):
            message = (
                f"{_describe(match[0])} (viết bằng mã thoát trong dấu ngoặc kép): ký tự này không "
                "nhìn thấy được và không được phép trong dữ liệu YAML; hãy xoá mã thoát này"
            )
            self.problems.append(Problem(self.path, self.line(event), "", message))

    def open(self, event: yaml.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.stop(
                event,
                f"YAML lồng quá sâu (quá {MAX_DEPTH} cấp danh sách và trường con); dữ liệu chỉ "
                "cần vài cấp, hãy kiểm tra các dấu ngoặc '[', '{' và thụt lề",
            )
        children: dict[str, Value] | list[Value] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(Value(None, self.line(event), children))
        self.keys.append(None)

    def add(self, value: Value) -> None:
        """Place a finished value in the open container (or as the root)."""
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        if isinstance(parent.children, list):
            parent.children.append(value)
            return
        key = self.keys[-1]
        if key is None:
            self.keys[-1] = value
            return
        self.keys[-1] = None
        name, fields = _key(key), parent.fields()
        if name in fields:
            first = fields[name].line
            self.problems.append(
                Problem(
                    self.path,
                    key.line,
                    self.where(name),
                    f"trường '{_shown(name)}' "
                    f"bị lặp: đã có ở dòng {first}; mỗi trường chỉ ghi một lần, hãy xoá "
                    "hoặc gộp một trong hai dòng",
                )
            )
            return
        value.line = key.line  # a field is found by the line of its name
        fields[name] = value

    def where(self, name: str) -> str:
        """The field path of `name` in the open mapping, as schema messages write it: 'a[2].b'."""
        path = ""
        for container, key in zip(self.stack[:-1], self.keys[:-1]):
            if isinstance(container.children, list):
                path += f"[{len(container.children) + 1}]"
            else:
                path += "." + (_key(key) if key else "?")
        return (path + "." + name).lstrip(".")
