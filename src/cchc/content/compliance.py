"""What the law asks of a state agency's portal (requirements.yml: each item with the text it quotes and
where that text was read), checked for each unit and for the site: present, missing (with the file and
field to add), or not applicable to the unit's level. `cchc tuan-thu` prints it; /tuan-thu/ shows it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from urllib.parse import urlsplit

import yaml

from cchc.content import units as unit_files
from cchc.kinds import find_kind
from cchc.model import Portal, Unit
from cchc.settings import CONFIG, Settings

PRESENT, MISSING, NOT_APPLICABLE = "có", "thiếu", "không áp dụng"
# Documents that take effect: their effective date is worth publishing (Nghị định 42/2022/NĐ-CP asked it).
IN_FORCE_KINDS = {find_kind(name) for name in ("Quyết định", "Nghị quyết", "Chỉ thị", "Thông tư")}
SHOWN_FILES = 3  # documents named in a finding; the count says the rest


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    basis: str  # article and law, as the citation engine reads it: "Điều 9 khoản 1 điểm c Nghị định số …"
    quote: str  # the text, as read
    levels: tuple[str, ...] | None  # the unit levels it applies to; None: the site as a whole
    check: str  # which check below
    required: bool  # False: a recommendation (a repealed decree's item)
    source: str  # where the text was read
    reliability: str  # "văn bản" (a copy of the text itself) or "nguồn thứ cấp"


@dataclass(frozen=True)
class Finding:
    requirement: Requirement
    unit: Unit | None  # None: the site
    status: str  # PRESENT, MISSING or NOT_APPLICABLE
    where: str = ""  # what to add, and where: "content/don-vi/x.md: ban_do"


@cache
def requirements() -> tuple[Requirement, ...]:
    text = (files("cchc.content") / "requirements.yml").read_text(encoding="utf-8")
    # libyaml when installed: the pure-Python loader took some 20 ms of every build
    rows = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(
        Requirement(
            row["id"],
            row["ten"],
            row["can_cu"],
            row["trich"],
            tuple(row["ap_dung"]) if isinstance(row["ap_dung"], list) else None,
            row["kiem_tra"],
            bool(row["bat_buoc"]),
            row["nguon"],
            row["do_tin_cay"],
        )
        for row in rows
    )


# A unit check gives what is missing (field names, in the unit's file unless they name another), or "".
UnitCheck = Callable[[Unit, Portal], str]


def _profile(name: str) -> UnitCheck:
    return lambda unit, portal: "" if name in unit.profile else name


def _leaders(unit: Unit, portal: Portal) -> str:
    if not unit.leaders:
        return "lanh_dao"
    lacking = [
        f"lanh_dao[{n}].{field}"
        for n, leader in enumerate(unit.leaders, 1)
        for field, text in (("tieu_su", leader.biography), ("nhiem_vu", leader.duties))
        if not text
    ]
    return ", ".join(lacking)


def _contacts(unit: Unit, portal: Portal) -> str:
    given = {
        "dia_chi": unit.address,
        "dien_thoai": unit.phone,
        "email": unit.email,
        "dau_moi_lien_he": unit.contact,
    }
    return ", ".join(name for name, value in given.items() if not value)


def _procedures(unit: Unit, portal: Portal) -> str:
    done = any(unit.id in procedure.unit_ids for procedure in portal.procedures)
    return "" if done else f"content/thu-tuc/: một thủ tục có don_vi: [{unit.id}]"


def _effective(unit: Unit, portal: Portal) -> str:
    lacking = [
        d.path
        for d in portal.documents
        if d.unit_id == unit.id and d.kind in IN_FORCE_KINDS and d.effective is None
    ]
    if not lacking:
        return ""
    more = f" và {len(lacking) - SHOWN_FILES} văn bản khác" if len(lacking) > SHOWN_FILES else ""
    return f"ngay_hieu_luc trong {', '.join(lacking[:SHOWN_FILES])}{more}"


UNIT_CHECKS: dict[str, UnitCheck] = {
    "procedures": _procedures,
    "offices": lambda unit, portal: "" if unit.offices else "co_cau_to_chuc",
    "leaders": _leaders,
    "map": lambda unit, portal: "" if unit.boundary_map else "ban_do",
    "contacts": _contacts,
    "reception": lambda unit, portal: "" if unit.reception else "lich_tiep_cong_dan",
    "effective": _effective,
    # The organisation, functions and contacts in English: /en/ gives the names and contacts of every unit.
    "english": lambda unit, portal: (
        "" if unit.english and unit.english.functions else "en.chuc_nang_nhiem_vu"
    ),
    **{f"profile:{name}": _profile(name) for name, _, _ in unit_files.PROFILE},
}


def _domain(settings: Settings) -> str:
    host = urlsplit(settings.site_url).hostname or ""
    return (
        ""
        if host.endswith(".gov.vn")
        else f"{CONFIG}: site_url (tên miền .gov.vn; IPv6 do nơi đặt trang bảo đảm)"
    )


SITE_CHECKS: dict[str, Callable[[Settings], str]] = {
    "site:always": lambda settings: "",  # what the portal does for every site (search, phones, notices…)
    "site:rating": lambda settings: (
        "" if settings.rating else f"{CONFIG}: extra.rating_url hoặc extra.rating_email"
    ),
    "site:domain": _domain,
}


def findings(portal: Portal, settings: Settings) -> list[Finding]:
    """Each requirement for the site, then for each unit (in the order of their ids)."""
    found = []
    for requirement in requirements():
        if requirement.levels is None:
            missing = SITE_CHECKS[requirement.check](settings)
            found.append(Finding(requirement, None, MISSING if missing else PRESENT, missing))
            continue
        for unit in sorted(portal.units.values(), key=lambda u: u.id):
            if unit.level not in requirement.levels:
                found.append(Finding(requirement, unit, NOT_APPLICABLE))
                continue
            missing = UNIT_CHECKS[requirement.check](unit, portal)
            where = f"{unit.path}: {missing}" if missing and not missing.startswith("content/") else missing
            found.append(Finding(requirement, unit, MISSING if missing else PRESENT, where))
    return found


def report(found: list[Finding]) -> list[str]:
    """The findings as lines for `cchc tuan-thu`: what is missing, by unit, then a count."""
    lines = []
    for finding in found:
        if finding.status != MISSING:
            continue
        who = finding.unit.short_name if finding.unit else "Toàn cổng"
        need = "thiếu" if finding.requirement.required else "nên có"
        lines.append(
            f"{who}: {need} {finding.requirement.title} ({finding.requirement.basis}): cần {finding.where}"
        )
    missing = sum(f.status == MISSING and f.requirement.required for f in found)
    present = sum(f.status == PRESENT for f in found)
    lines.append(f"\n{present} mục đã có, {missing} mục bắt buộc còn thiếu.")
    return lines
