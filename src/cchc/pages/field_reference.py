"""The editors' table of fields, put into hand-written pages where they hold its mark (marks.py): made from
the content schemas, so the guide never drifts from what the checks accept."""

from __future__ import annotations

from cchc.content import documents, news, procedures, units
from cchc.content.schema import Field
from cchc.labels import label
from cchc.pages import render


def _rows(specs: tuple[Field, ...], prefix: str = "") -> list[tuple[str, bool, str]]:
    """(name, required, description) of each field, nested fields after their parent as 'parent.name'."""
    rows = []
    for spec in specs:
        rows.append((prefix + spec.name, spec.required, spec.description))
        rows += _rows(spec.fields, f"{prefix}{spec.name}.")
    return rows


def field_reference() -> str:
    """The editors' table of fields, made from the schemas so it never drifts from them."""
    collections = (
        (label("title.documents"), documents.FOLDER, documents.SCHEMA),
        (label("collection.units"), units.FOLDER, units.SCHEMA),
        (label("title.news"), news.FOLDER, news.SCHEMA),
        (label("collection.procedures"), procedures.FOLDER, procedures.SCHEMA),
        (label("collection.forms"), f"{procedures.FOLDER}/{procedures.FORMS}", procedures.FORM_SCHEMA),
    )
    return render.fill(
        "field_reference.md",
        collections=[(title, folder, _rows(schema)) for title, folder, schema in collections],
    )
