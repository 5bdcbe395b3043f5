"""The portal's settings from mkdocs.yml, read once and typed: the site's address and name, the build's
date, the national hotline and feedback address in `extra`, and the Markdown extensions editors' text
is rendered with (so that `cchc check`, without MkDocs, sees the same HTML as the build)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from cchc import urls
from cchc.content.schema import FieldError, url
from cchc.dates import VIETNAM
from cchc.model import Portal
from cchc.problems import Problem, Severity
from cchc.text import heading_slug

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


def with_heading_slugs(names: list[str], options: dict[str, dict[str, Any]]) -> None:
    """Headings' ids made with the portal's slug (đ as d) unless mkdocs.yml names another."""
    if "toc" in names:
        options.setdefault("toc", {}).setdefault("slugify", heading_slug)


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
    with_heading_slugs(names, settings)
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
class Rating:
    """Where the form every page ends with sends a reader's rating (Nghị định 224/2026/NĐ-CP, Điều 10
    khoản 3: rating the information online, the rater kept private): the province's feedback system, or an
    e-mail the reader's mail program writes."""

    action: str  # the form's action: an https address, or mailto:…

    @property
    def by_mail(self) -> bool:
        return self.action.startswith("mailto:")

    @property
    def source(self) -> str:
        """The form's target as the Content-Security-Policy's form-action allows it: exactly that address."""
        return "mailto:" if self.by_mail else self.action.split("?")[0]


@dataclass(frozen=True)
class Suspension:
    """A planned suspension of the site (extra.tam_ngung), announced on every page until it ends. Nghị định
    224/2026/NĐ-CP, Điều 13: announced at least 07 working days ahead, with the expected time of return."""

    start: datetime
    end: datetime
    reason: str
    announced: date | None  # the day the notice was first published (None: the build's day)


@dataclass(frozen=True)
class Settings:
    site_url: str = DEFAULT_URL
    site_name: str = ""
    built: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    hotline: Hotline | None = None  # extra.hotline: shown in every page's footer
    feedback_url: str = ""  # extra.feedback_url: where residents send phản ánh, kiến nghị
    repo_url: str = ""  # the repository the web form's changes go to
    rating: Rating | None = None  # extra.rating_url or extra.rating_email
    suspension: Suspension | None = None  # extra.tam_ngung
    short_name: str = ""  # extra.ten_ngan: the site's name in the header of a phone's narrow screen
    most_used: tuple[str, ...] = ()  # extra.thu_tuc_pho_bien: the home page's procedures, by file name


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
        _rating(extra),
        _suspension(extra.get("tam_ngung")),
        _short_name(extra),
        _most_used(extra),
    )


def _most_used(extra: Mapping[str, Any]) -> tuple[str, ...]:
    named = extra.get("thu_tuc_pho_bien") or []
    if not isinstance(named, list) or not all(isinstance(slug, str) for slug in named):
        raise SettingsError(
            "mkdocs.yml: extra.thu_tuc_pho_bien: cần một danh sách tên tệp thủ tục, mỗi dòng một tên, "
            "ví dụ '- dang-ky-khai-sinh'"
        )
    return tuple(named)


SHORT_NAME = 18  # characters of extra.ten_ngan: what fits beside the menu and the search on a 320 px screen


def _short_name(extra: Mapping[str, Any]) -> str:
    name = " ".join(str(extra.get("ten_ngan") or "").split())
    if len(name) > SHORT_NAME:
        raise SettingsError(
            f"mkdocs.yml: extra.ten_ngan: '{name}' dài {len(name)} ký tự; tên ngắn trên điện thoại cần "
            f"tối đa {SHORT_NAME} ký tự, ví dụ 'Cổng CCHC'"
        )
    return name


_MAIL = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)
_HTTPS = url(("https",), "https://phananh.haiphong.gov.vn/danh-gia")


def _rating(extra: Mapping[str, Any]) -> Rating | None:
    if address := str(extra.get("rating_url") or ""):
        try:
            return Rating(str(_HTTPS(address)))
        except FieldError as error:
            raise SettingsError(f"mkdocs.yml: extra.rating_url: {error}") from None
    if mail := str(extra.get("rating_email") or ""):
        if not _MAIL.fullmatch(mail):
            raise SettingsError(
                f"mkdocs.yml: extra.rating_email: '{mail}' không phải địa chỉ thư điện tử; cần dạng "
                "ten@coquan.gov.vn"
            )
        return Rating(f"mailto:{mail}")
    return None


_MOMENT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?")


def _moment(value: object, name: str) -> datetime:
    """'20/12/2026 22:00' (or a day alone: its start) as a moment in Vietnam."""
    found = _MOMENT.fullmatch(" ".join(str(value or "").split()))
    try:
        if found is None:
            raise ValueError
        day, month, year, hour, minute = (int(g) if g else 0 for g in found.groups())
        return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    except ValueError:
        raise SettingsError(
            f"mkdocs.yml: extra.tam_ngung.{name}: '{value}' không phải thời điểm đọc được; cần dạng "
            "NN/TT/NNNN GG:PP, ví dụ 20/12/2026 22:00"
        ) from None


def _suspension(value: object) -> Suspension | None:
    if not value:
        return None
    if not isinstance(value, Mapping):
        raise SettingsError("mkdocs.yml: extra.tam_ngung: cần các trường tu, den, ly_do (và thong_bao)")
    start, end = _moment(value.get("tu"), "tu"), _moment(value.get("den"), "den")
    if end <= start:
        raise SettingsError(
            f"mkdocs.yml: extra.tam_ngung.den: {end:%d/%m/%Y %H:%M} không sau thời điểm tạm ngừng "
            f"{start:%d/%m/%Y %H:%M}; cần thời điểm hoạt động trở lại muộn hơn"
        )
    reason = str(value.get("ly_do") or "").strip()
    if not reason:
        raise SettingsError(
            "mkdocs.yml: extra.tam_ngung.ly_do: cần lý do tạm ngừng, ví dụ 'nâng cấp hệ thống'"
        )
    announced = _moment(value["thong_bao"], "thong_bao").date() if value.get("thong_bao") else None
    return Suspension(start, end, reason, announced)


NOTICE_WORKING_DAYS = 7  # Nghị định 224/2026/NĐ-CP, Điều 13


def working_days(first: date, last: date) -> int:
    """Monday-to-Friday days after `first`, up to and including `last` (public holidays not counted out)."""
    days, day = 0, first
    while day < last:
        day += timedelta(days=1)
        days += day.weekday() < 5
    return days


def problems_with(configured: Settings, portal: Portal, today: date, config_file: Path) -> list[Problem]:
    """What the settings read from `config_file` get wrong against the content and the day, as warnings: a
    most-used procedure that does not exist (the home page leaves it out), a suspension announced too late."""
    procedures = {p.slug for p in portal.procedures}
    unknown = [slug for slug in configured.most_used if slug not in procedures]
    text = config_file.read_text(encoding="utf-8", errors="replace") if unknown else ""  # for the lines
    found = [
        Problem(
            CONFIG,
            _line_of(text, slug),
            "extra.thu_tuc_pho_bien",
            f"không có thủ tục '{slug}' trong content/thu-tuc/, trang chủ bỏ qua; cần tên tệp của thủ tục "
            "(không có .md), ví dụ 'dang-ky-khai-sinh'",
            Severity.WARNING,
        )
        for slug in unknown
    ]
    if late := suspension_warning(configured.suspension, today):
        found.append(Problem(CONFIG, 0, "", late, Severity.WARNING))
    return found


def _line_of(text: str, item: str) -> int:
    """The line of mkdocs.yml that lists `item` (0 when it cannot be told)."""
    listed = re.compile(rf"^\s*-\s*['\"]?{re.escape(item)}['\"]?\s*(#.*)?$")
    return next((n for n, line in enumerate(text.splitlines(), 1) if listed.match(line)), 0)


def suspension_warning(suspension: Suspension | None, today: date) -> str | None:
    """Why the notice of a suspension comes too late, or None."""
    if suspension is None or suspension.end.date() < today:
        return None
    announced = suspension.announced or today
    ahead = working_days(announced, suspension.start.date())
    if ahead >= NOTICE_WORKING_DAYS:
        return None
    return (
        f"extra.tam_ngung: thông báo ngày {announced:%d/%m/%Y}, chỉ {ahead} ngày làm việc trước khi tạm "
        f"ngừng ngày {suspension.start:%d/%m/%Y} (Nghị định 224/2026/NĐ-CP, Điều 13: thông báo trước ít "
        f"nhất {NOTICE_WORKING_DAYS:02d} ngày làm việc); cần dời ngày tạm ngừng hoặc ghi đúng ngày đã "
        "thông báo"
    )
