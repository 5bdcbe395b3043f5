"""Where every file of the built site comes from. Two files that would land on one path, or a file where
another needs a folder (a page `feed.xml.md` beside the feed `feed.xml`), are refused before anything is
written: MkDocs would keep one silently or stop with a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cchc.problems import Problem

PORTAL = "cổng"  # the owner of what the portal makes from no single editor's file


@dataclass(frozen=True)
class Placed:
    path: str  # in the built site: 'van-ban/x/y/index.html'
    owner: str | None  # the editor's file it comes from (relative to the project), None for the portal's own
    what: str = ""  # how a message names it when it is the portal's: 'bản tin Atom'


def _name(placed: Placed) -> str:
    if placed.owner is None:
        return f"{placed.what or 'tệp'} của {PORTAL}"
    return placed.owner


def conflicts(placed: Iterable[Placed]) -> list[Problem]:
    """One problem per clash, on the editor's file when there is one (linear in the files)."""
    at: dict[str, Placed] = {}
    folders: dict[str, Placed] = {}  # each folder a path needs -> the first file that needs it
    clashes: list[tuple[Placed, Placed, str]] = []
    for item in placed:
        if (other := at.get(item.path)) is not None:
            clashes.append((item, other, "cùng đường dẫn"))
            continue
        at[item.path] = item
        parts = item.path.split("/")
        for depth in range(1, len(parts)):
            folders.setdefault("/".join(parts[:depth]), item)
    for path, item in at.items():
        if (inside := folders.get(path)) is not None:
            clashes.append((item, inside, "một bên cần thư mục cùng tên"))
    problems = []
    for first, second, how in clashes:
        blamed, other = (second, first) if first.owner is None else (first, second)
        problems.append(
            Problem(
                blamed.owner or PORTAL,
                1 if blamed.owner else 0,
                "tên tệp",
                f"sẽ ghi vào /{blamed.path}, trùng với {_name(other)} (/{other.path}, {how}); "
                "hãy đổi tên tệp",
            )
        )
    return sorted(problems)
