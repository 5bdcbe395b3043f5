"""The words readers see that no template holds, from one named table (labels.yml): the portal's words
are found, reviewed and translated in one place, never written in Python."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml


@cache
def table() -> dict[str, str]:
    words: dict[str, str] = yaml.safe_load((files("cchc") / "labels.yml").read_text(encoding="utf-8"))
    return words


def label(key: str, /, **values: object) -> str:
    """The label called `key`, its {placeholders} filled from `values`."""
    return table()[key].format(**values)
