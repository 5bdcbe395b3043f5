"""Settle who issued each reference and when, and give each cited document its identity.

A document is (number, symbol, year, issuer). The year comes from the symbol, else
from the date, else from an earlier mention in the same text. The issuer of a
generic symbol (…/QĐ-UBND) comes from "của …" or, when the text speaks of its
own unit's document, from the citing unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc.levels import BY_NAME
from cchc.model import Body, Unit
from cchc.refs.citation import STANDARD, Citation, Finding
from cchc.refs.grammar import GENERIC_ISSUERS
from cchc.refs.names import NameIndex
from cchc.text import name_key, slugify

_TRAILING_DIGITS = re.compile(r"\d+$")
# Bodies that pass laws by name.
_LAW_ISSUERS = {
    "Luật": "Quốc hội",
    "Bộ luật": "Quốc hội",
    "Hiến pháp": "Quốc hội",
    "Pháp lệnh": "Ủy ban Thường vụ Quốc hội",
}


@dataclass(frozen=True)
class Issuer:
    key: str  # what `issuer` holds: a unit id, or a body's name
    name: str
    group: str
    unit_id: str | None = None


@dataclass
class Directory:
    """Everyone who issues documents: the portal's units and the table of other bodies."""

    names: NameIndex[Issuer] = field(default_factory=NameIndex)
    codes: dict[str, Issuer] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)

    def by_key(self, key: str) -> Issuer | None:
        return self.names.get(key) if key not in self.units else self.names.get(self.units[key].name)


def build_directory(units: dict[str, Unit], bodies: Iterable[Body]) -> Directory:
    directory = Directory(units=units)
    for body in bodies:
        issuer = Issuer(body.name, body.name, body.group)
        for name in [body.name, *body.aliases]:
            directory.names.add(name, issuer)
        for code in body.codes:
            directory.codes.setdefault(code.upper(), issuer)
    for unit in units.values():
        group = BY_NAME[unit.level].group if unit.level in BY_NAME else "Khác"
        issuer = Issuer(unit.id, unit.name, group, unit.id)
        for name in [unit.name, unit.short_name, *unit.aliases]:
            directory.names.add(name, issuer)
    return directory


def _self_names(unit: Unit | None) -> NameIndex[Unit]:
    """How a unit speaks of itself: 'UBND xã', 'Ủy ban nhân dân phường', 'Sở'."""
    index: NameIndex[Unit] = NameIndex()
    if unit is not None:
        for prefix in ("UBND", "Ủy ban nhân dân", "Ủy ban"):
            index.add(f"{prefix} {unit.level}", unit)
        index.add(unit.level, unit)
    return index


def _issuer(
    citation: Citation, directory: Directory, citing: Unit | None, own: NameIndex[Unit]
) -> Issuer | None:
    if citation.kind in _LAW_ISSUERS and citation.symbol is None:
        return directory.names.get(_LAW_ISSUERS[citation.kind])
    phrase = citation.issuer_phrase
    if phrase:
        found = directory.names.longest_prefix(phrase)
        if found is None and citing is not None and own.get(phrase) is not None:
            found = directory.by_key(citing.id)
        if found is not None:
            return found
    code = _TRAILING_DIGITS.sub("", citation.issuer_code or "").upper()
    if code and code not in GENERIC_ISSUERS:
        return directory.codes.get(code) or directory.names.get(code)
    if code in GENERIC_ISSUERS and not phrase and citing is not None:
        return directory.by_key(citing.id)
    return None


def identity(citation: Citation) -> str | None:
    """Stable id of the cited document, or None while its year or issuer is unknown."""
    if citation.symbol is None:
        if citation.name is None:
            return None
        year = f"-{citation.year}" if citation.year else ""
        return slugify(f"{citation.kind} {citation.name}") + year
    if citation.kind == STANDARD:
        return slugify(citation.symbol)
    if citation.year is None:
        return None
    number, rest = _number_and_rest(citation.symbol)
    key = f"{number}-{rest}" + ("" if str(citation.year) in citation.symbol else f"-{citation.year}")
    if (citation.issuer_code or "").upper() in GENERIC_ISSUERS:
        if citation.issuer is None:
            return None
        key += f"-{citation.issuer}"
    return slugify(key)


def _number_and_rest(symbol: str) -> tuple[str, str]:
    match = re.match(r"(\d+)(.*)", symbol)
    return (str(int(match.group(1))), match.group(2)) if match else ("", symbol)


def _mention_key(citation: Citation) -> str | None:
    if citation.symbol is None:
        return None
    number, rest = _number_and_rest(citation.symbol)
    return name_key(number + rest)


def resolve(citations: list[Citation], directory: Directory, citing: Unit | None = None) -> list[Citation]:
    """Fill issuer, year and id in place; a later short mention takes what the first full one said."""
    own = _self_names(citing)
    first: dict[str, Citation] = {}
    for citation in citations:
        key = _mention_key(citation)
        earlier = first.get(key) if key else None
        if earlier is not None:
            citation.year = citation.year or earlier.year
            citation.date = citation.date or earlier.date
            citation.title = citation.title or earlier.title
            if not citation.issuer_phrase:
                citation.issuer_phrase = earlier.issuer_phrase
        issuer = _issuer(citation, directory, citing, own)
        citation.issuer = issuer.key if issuer else None
        citation.id = identity(citation)
        if key and earlier is None and citation.date:
            first[key] = citation
        if citation.id is None:
            citation.problems.append(_unresolved(citation))
    return citations


def _unresolved(citation: Citation) -> Finding:
    what = citation.symbol or citation.text
    if citation.year is None:
        return Finding(
            "unresolved",
            f"không xác định được văn bản '{what}': ký hiệu không có năm và không "
            "ghi ngày ban hành; cần ghi 'ngày …' ở lần nhắc đầu tiên",
        )
    return Finding(
        "unresolved",
        f"không xác định được cơ quan ban hành văn bản '{what}': cần ghi "
        "'của …' (ví dụ 'của UBND thành phố') hoặc dùng mã đơn vị",
    )
