"""Open data files: JSON and CSV written the same way everywhere (UTF-8, stable order)."""

from __future__ import annotations

import csv
import io
import json

FOLDER = "du-lieu"  # in the built site


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def csv_text(rows: list[dict]) -> str:
    """CSV of the rows' plain fields; lists and objects stay in the JSON."""
    flat = [{k: v for k, v in row.items() if not isinstance(v, (list, dict))} for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(flat[0]) if flat else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def both(name: str, rows: list[dict]) -> dict[str, str]:
    """`du-lieu/<name>.json` and `du-lieu/<name>.csv`."""
    return {f"{FOLDER}/{name}.json": json_text(rows), f"{FOLDER}/{name}.csv": csv_text(rows)}
