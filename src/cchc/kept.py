"""Files a build makes from its inputs alone (the figures' workbook, posters' QR codes), kept between builds
in a folder under a hash of those inputs: an unchanged one is read back instead of made again."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path


def kept(folder: Path | None, inputs: object, suffix: str, make: Callable[[], bytes]) -> bytes:
    """What `make()` gives, or gave before for the same `inputs` (JSON data naming everything the bytes
    come from, the maker's code included: see `code`); without a folder, made each time."""
    if folder is None:
        return make()
    digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()[:20]
    path = folder / f"{digest}{suffix}"
    if path.is_file():
        return path.read_bytes()
    data = make()
    folder.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")  # builds at once write their own
    part.write_bytes(data)
    part.replace(path)
    return data


def code(module_file: str) -> str:
    """A digest of a module's source: any change to how it makes its files is a new input."""
    return hashlib.sha256(Path(module_file).read_bytes()).hexdigest()
