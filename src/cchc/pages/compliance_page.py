"""The editors' page of what the law asks of the portal (cchc.content.compliance): a table of each
requirement against each unit, what to add and where, and each requirement's text with its source; the
article's law links to its page in the library when the portal's texts cite it (the citation engine reads
it as it reads every text)."""

from __future__ import annotations

from markupsafe import Markup

from cchc import urls
from cchc.content.compliance import MISSING, NOT_APPLICABLE, PRESENT, Finding, requirements
from cchc.labels import label
from cchc.model import Portal
from cchc.pages import render
from cchc.pages.markdown import GeneratedPage
from cchc.pages.reference_pages import literal_piece
from cchc.refs.annotate import annotate
from cchc.refs.extract import extract
from cchc.refs.index import ReferenceIndex
from cchc.refs.resolve import Directory, build_directory, resolve

MARKS = {
    PRESENT: label("compliance.present"),
    MISSING: label("compliance.missing"),
    NOT_APPLICABLE: label("compliance.not_applicable"),
}


def _linked_basis(text: str, portal: Portal, index: ReferenceIndex, directory: Directory) -> Markup:
    """The requirement's article and law, the law linked to its reference page when the library has it."""
    links = [
        (c.start, c.end, urls.relative(index.documents[c.id].src_uri, urls.COMPLIANCE))
        for c in resolve(extract(text, portal.aliases), directory)
        if c.id in index.documents
    ]
    return Markup(annotate(text, links, literal_piece))


def compliance_page(found: list[Finding], portal: Portal, index: ReferenceIndex) -> GeneratedPage:
    units = sorted(portal.units.values(), key=lambda u: u.id)
    directory = build_directory(portal.units, portal.bodies)
    by = {(f.requirement.id, f.unit.id if f.unit else ""): f for f in found}
    rows = [
        (
            r,
            [MARKS[by[r.id, u.id].status] for u in units] if r.levels is not None else None,
            by.get((r.id, "")),
        )
        for r in requirements()
    ]
    return render.page(
        "compliance.md",
        urls.COMPLIANCE,
        label("title.compliance"),
        units=units,
        rows=rows,
        missing=[f for f in found if f.status == MISSING],
        bases={r.id: _linked_basis(r.basis, portal, index, directory) for r in requirements()},
        marks=MARKS,
    )
