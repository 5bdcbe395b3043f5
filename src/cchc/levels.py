"""Levels of administrative units, in one table: how they are written, their order in listings
(the city, its departments, then wards and communes) and their group in the library of issuers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    name: str  # as written in a unit's `cap`
    order: int  # in listings
    group: str  # in the library of issuing bodies


LOCAL = "Xã, phường"  # the group of the units residents deal with

LEVELS = (
    Level("thành phố", 0, "Thành phố"),
    Level("tỉnh", 1, "Thành phố"),
    Level("sở", 2, "Sở, ngành"),
    Level("ban", 3, "Sở, ngành"),
    Level("cơ quan", 4, "Sở, ngành"),
    Level("xã", 6, LOCAL),
    Level("phường", 5, LOCAL),
    Level("đặc khu", 7, LOCAL),
)
BY_NAME = {level.name: level for level in LEVELS}
NAMES = ", ".join(level.name for level in LEVELS)
# How a People's Committee's name opens, before its area ("Ủy ban nhân dân xã Nam Sách" -> "xã Nam Sách").
COMMITTEE_PREFIXES = ("Ủy ban nhân dân ", "UBND ")
