"""Problems found in content, reported to editors as `file:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"
    NOTE = "ghi chú"  # worth a look, never failing a strict build


# Line breaks and other control characters as visible escapes: a message quotes what an editor wrote,
# and a value holding a line break must not start a line of its own in a log or CI output (a forged
# `::error` annotation). Tabs stay.
_VISIBLE = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)] if code != 0x09}
_VISIBLE |= {0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line(text: str) -> str:
    return text.translate(_VISIBLE)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        for name in ("file", "field", "message"):
            object.__setattr__(self, name, one_line(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        label = "" if self.severity is Severity.ERROR else f" ({self.severity.value})"
        return f"{where}:{field} {self.message}{label}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
