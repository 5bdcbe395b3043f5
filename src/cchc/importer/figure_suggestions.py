"""Figures found in a body (`content.figure_finder`) as the editor gets them to confirm: JSON, or a
ready `so_lieu:` block (`cchc so-lieu`), commented in an imported file (`cchc nhap`)."""

from __future__ import annotations

import json

from cchc.content.figure_finder import Suggestion, suggest
from cchc.model import Indicator

__all__ = ["as_json", "suggest", "yaml_block"]


def as_json(suggestions: list[Suggestion], catalogue: dict[str, Indicator]) -> list[dict]:
    return [
        {
            "dong": s.line,
            "gia_tri": s.written,
            "don_vi": s.unit,
            "chi_tieu": s.indicator,
            "ten_chi_tieu": catalogue[s.indicator].name if s.indicator else None,
            "cau": s.sentence,
        }
        for s in suggestions
    ]


def yaml_block(suggestions: list[Suggestion], commented: bool = False) -> str:
    """A `so_lieu:` block ready to paste: one entry per indicator (its first figure), each with the line
    and sentence it came from; figures of no indicator, or of one already given, as comments."""
    lines, taken = ["so_lieu:"], set()
    for s in suggestions:
        quoted = json.dumps(s.written, ensure_ascii=False)
        where = f"dòng {s.line}: {s.sentence[:90]}"
        if s.indicator and s.indicator not in taken:
            taken.add(s.indicator)
            lines += [f"  - chi_tieu: {s.indicator}", f"    gia_tri: {quoted}  # {where}"]
        else:
            lines.append(f"  # {'?' if not s.indicator else s.indicator}: {quoted} {s.unit} ({where})")
    if commented:  # one '#' before each line: deleting it gives the block back, indentation and all
        lines = [f"#{line}" for line in lines]
    return "\n".join(lines) + "\n"
