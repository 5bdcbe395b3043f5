"""What the core reads from mkdocs.yml without MkDocs: the Markdown extensions editors' text is
rendered with, so `cchc check` sees the same HTML as the build."""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` and other tags read as nothing: only plain settings are wanted here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read(root: Path) -> dict:
    file = root / CONFIG
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) if file.is_file() else None
    return data if isinstance(data, dict) else {}


def markdown_extensions(config: dict) -> tuple[list[str], dict[str, dict]]:
    """(extension names, their settings) as `markdown.Markdown` takes them."""
    names, settings = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    return names, settings
