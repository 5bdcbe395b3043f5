"""Where `cchc nhap` puts what it made: the content file in `content/van-ban/<unit>/`, and the original
(DOCX, PDF) beside it unless it is there already. Every target is checked before anything is written, and
nothing an editor has is replaced without `--ghi-de`."""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass
from pathlib import Path

from cchc.content import documents, files


@dataclass
class Placement:
    root: Path
    content: Path  # the content file to write
    source: Path  # the file read
    original: Path | None  # where the original goes; None for a text file


def placement(root: Path, unit_id: str, slug: str, source: Path, attached: bool) -> Placement:
    folder = root / files.CONTENT / documents.FOLDER / unit_id
    return Placement(root, folder / f"{slug}.md", source, folder / source.name if attached else None)


def _shown(placement: Placement, path: Path) -> str:
    try:
        return str(path.relative_to(placement.root))
    except ValueError:
        return str(path)


def _in_place(placement: Placement) -> bool:
    """The original is the file read (an editor uploaded it to the unit's folder first), or a copy of it
    byte for byte: nothing to copy."""
    target = placement.original
    if target is None or not target.exists():
        return False
    return target.samefile(placement.source) or filecmp.cmp(target, placement.source, shallow=False)


def conflicts(placement: Placement, overwrite: bool) -> list[str]:
    """What writing would replace, one message per file; none with `overwrite`."""
    if overwrite:
        return []
    found = []
    if placement.content.exists():
        found.append(
            f"{_shown(placement, placement.content)} đã có; không ghi đè (thêm --ghi-de để thay tệp này)"
        )
    if placement.original is not None and placement.original.exists() and not _in_place(placement):
        found.append(
            f"{_shown(placement, placement.original)} đã có và khác tệp đang nhập; không ghi đè tệp gốc "
            "(đổi tên tệp đang nhập, hoặc thêm --ghi-de để thay tệp này)"
        )
    return found


def write(placement: Placement, text: str) -> None:
    """The original first, then the content file that names it: a failure leaves no file naming a
    missing original."""
    placement.content.parent.mkdir(parents=True, exist_ok=True)
    if placement.original is not None and not _in_place(placement):
        shutil.copyfile(placement.source, placement.original)
    placement.content.write_text(text, encoding="utf-8")
