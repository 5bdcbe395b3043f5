"""The portal's settings from mkdocs.yml, read once and typed: the site's address and name, the build's
date, the national hotline and feedback address in `extra`, and the Markdown extensions editors' text
is rendered with (so that `cchc check`, without MkDocs, sees the same HTML as the build)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from cchc import urls
from cchc.content.schema import FieldError, url

CONFIG = "mkdocs.yml"

# mkdocs.yml as YAML gives it, or MkDocs's own config: whatever an editor wrote, checked where it is read.
Config = Mapping[str, Any]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` and other tags read as nothing: only plain settings are wanted here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    file = root / CONFIG
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) if file.is_file() else None
    return data if isinstance(data, dict) else {}


# Always on, whatever mkdocs.yml lists: ids the theme prints must be safe (cchc.pages.safe_ids).
SAFE_IDS = "cchc.pages.safe_ids"


def with_safe_ids(names: list[str]) -> list[str]:
    """The extensions MkDocs or `cchc check` render with, the portal's own added when missing."""
    return names if SAFE_IDS in names else [*names, SAFE_IDS]


def markdown_extensions(config: Config) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(extension names, their settings) as `markdown.Markdown` takes them, the portal's own included."""
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    names = with_safe_ids(names)
    return names, settings


DEFAULT_URL = "http://127.0.0.1:8000/"


class SettingsError(ValueError):
    """A setting in mkdocs.yml that cannot be used: the message names it, in Vietnamese."""


@dataclass(frozen=True)
class Hotline:
    name: str  # "Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia"
    phone: str  # as printed: "1800 1096"

    @property
    def dial(self) -> str:
        """The number for a tel: link, digits (and a leading +) only."""
        return re.sub(r"[^0-9+]", "", self.phone)


@dataclass(frozen=True)
class Settings:
    site_url: str = DEFAULT_URL
    site_name: str = ""
    built: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    hotline: Hotline | None = None  # extra.hotline: shown in every page's footer
    feedback_url: str = ""  # extra.feedback_url: where residents send phản ánh, kiến nghị
    repo_url: str = ""  # the repository the web form's changes go to


_WEB = url(("https", "http"), "https://dichvucong.gov.vn")


def from_config(config: Config, built: datetime | None = None) -> Settings:
    """Settings from mkdocs.yml as MkDocs loaded it (or as `read_config` read it)."""
    if config.get("use_directory_urls") is False:  # cchc.urls gives every page its own folder
        raise SettingsError(
            "mkdocs.yml: use_directory_urls: cổng cần giá trị true (mỗi trang một thư mục, "
            f"địa chỉ dạng {urls.shown(urls.DOCUMENTS_INDEX)}…/); hãy xóa dòng này hoặc ghi "
            "use_directory_urls: true"
        )
    extra = config.get("extra") or {}
    hotline = extra.get("hotline")
    if hotline is not None:
        if not isinstance(hotline, Mapping) or not re.fullmatch(
            r"\+?[0-9][0-9 .-]{2,19}", str(hotline.get("phone") or "")
        ):
            raise SettingsError(
                "mkdocs.yml: extra.hotline: cần tên (name) và số điện thoại (phone) "
                "chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch nối, "
                'ví dụ phone: "1800 1096"'
            )
        hotline = Hotline(str(hotline.get("name") or ""), str(hotline["phone"]))
    feedback = str(extra.get("feedback_url") or "")
    if feedback:
        try:
            _WEB(feedback)
        except FieldError as error:
            raise SettingsError(f"mkdocs.yml: extra.feedback_url: {error}") from None
    return Settings(
        str(config.get("site_url") or DEFAULT_URL),
        str(config.get("site_name") or ""),
        built or Settings.built,
        hotline,
        feedback,
        str(config.get("repo_url") or ""),
    )
