"""Pages for residents about procedures: the guide, the notice-board poster, the directory and the
forms. The key facts come from one table (`key_facts`), so the guide, the poster and the share card
say the same thing in the same words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from cchc import urls
from cchc.labels import label
from cchc.model import Portal, Procedure, Question, Unit
from cchc.pages import archive, poster_fit, qr, render, structured_data
from cchc.pages.journey_pages import Place
from cchc.pages.markdown import GeneratedPage
from cchc.text import initial, sort_key
from cchc.urls import absolute

INDEX, BY_UNIT, BY_LEVEL = urls.PROCEDURES, urls.PROCEDURES_BY_UNIT, urls.PROCEDURES_BY_LEVEL
ONLINE, A_Z = urls.PROCEDURES_ONLINE, urls.PROCEDURES_A_Z
LISTINGS = (
    ("listing.by_field", INDEX),
    ("listing.by_unit", BY_UNIT),
    ("listing.by_level", BY_LEVEL),
    ("listing.online", ONLINE),
    ("listing.a_z", A_Z),
    ("listing.questions", urls.QUESTIONS),
    ("listing.journeys", urls.JOURNEYS),
)


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: str

    def line(self) -> str:
        return label("fact.line", label=self.label, value=self.value)


def key_facts(procedure: Procedure) -> list[Fact]:
    """What a resident must know first: how long, how much, where, and whether it can be done online."""
    online = label("fact.online_yes") if procedure.online else label("fact.online_no")
    return [
        Fact("time", label("fact.time"), procedure.time_limit),
        Fact("fees", label("fact.fees"), procedure.fees),
        Fact("place", label("fact.place"), procedure.authority),
        Fact("online", label("fact.online"), online),
    ]


def _units(procedure: Procedure, portal: Portal) -> list[Unit]:
    """The units where the procedure is done, in the portal's order of units."""
    return archive.units_in_order([portal.units[u] for u in procedure.unit_ids])


def ask_links(units: list[Unit], feedback_url: str, about: str) -> list[tuple[str, str]]:
    """Where a resident sends a question (label, address): each unit's e-mail, with a subject naming
    `about`, or else the province's feedback system (mkdocs.yml: extra.feedback_url)."""
    subject = quote(label("ask.subject", about=about)[:200])
    links = [
        (label("ask.unit", unit=u.short_name), f"mailto:{u.email}?subject={subject}")
        for u in units
        if u.email
    ]
    return links or ([(label("ask.anywhere"), feedback_url)] if feedback_url else [])


def procedure_page(
    procedure: Procedure,
    portal: Portal,
    site_url: str,
    legal_basis: list[str],
    figures: Markup,
    questions: Sequence[tuple[Question, str]] = (),
    feedback_url: str = "",
    places: Sequence[Place] = (),
) -> GeneratedPage:
    """The guide; `questions`: its questions and answers, each with its basis linked (or ""); `places`: its
    step in each journey that takes it."""
    units = _units(procedure, portal)
    meta = {
        "template": "article.html",
        "article_class": "cchc-procedure",
        "search_type": label("search.procedure"),
        "description": label(
            "procedure.description", name=procedure.name, time_limit=procedure.time_limit, fees=procedure.fees
        ),
        "jsonld": structured_data.procedure_json_ld(procedure, units, site_url),
        "units": [u.short_name for u in units],
    }
    return render.page(
        "procedure.md",
        procedure.src_uri,
        procedure.name,
        procedure.path,
        meta,
        procedure=procedure,
        facts=key_facts(procedure),
        units=units,
        figures=figures,
        legal_basis=[Markup(basis) for basis in legal_basis],
        questions=[(q, Markup(basis)) for q, basis in questions],
        ask=ask_links(units, feedback_url, procedure.name),
        places=places,
    )


def questions_page(
    asked: Sequence[tuple[Procedure, Question, str]],
    answers: Mapping[str, Sequence[tuple[Question, str]]],
    portal: Portal,
    feedback_url: str,
) -> GeneratedPage:
    """Every question and answer on one page, with FAQPage data: the procedures' by field (lĩnh vực), then
    the units' (`answers`, by unit id) by unit; each answer's basis linked (or "")."""
    order = {name: i for i, name in enumerate(portal.fields)}
    ordered = sorted(asked, key=lambda item: (order.get(item[0].field, len(order)), sort_key(item[0].name)))
    fields = [(name, list(items)) for name, items in groupby(ordered, key=lambda item: item[0].field)]
    units = [(portal.units[unit_id], answers[unit_id]) for unit_id in sorted(answers)]
    every = [q for _, q, _ in ordered] + [q for _, items in units for q, _ in items]
    meta = {"jsonld": structured_data.faq_json_ld([(q.question, q.answer) for q in every])} if every else {}
    return render.page(
        "questions.md",
        urls.QUESTIONS,
        label("title.questions"),
        meta=meta,
        fields=[(name, [(p, q, Markup(basis)) for p, q, basis in items]) for name, items in fields],
        units=[(unit, [(q, Markup(basis)) for q, basis in items]) for unit, items in units],
        ask=[(label("ask.anywhere"), feedback_url)] if feedback_url else [],
    )


def poster_page(
    procedure: Procedure, site_url: str, site_name: str, cache: Path | None = None
) -> GeneratedPage:
    """One A4 sheet for the notice board: large type, the essentials, a QR code to the guide (kept in
    `cache` between builds).

    The type is the largest of poster_fit's densities that leaves a margin at the foot of the sheet;
    the page records the density and the free space it expects (`poster` in its front matter)."""
    url = absolute(site_url, procedure.src_uri)
    facts = key_facts(procedure)
    labelled = [(f"{fact.label}:", fact.value) for fact in facts]
    papers = [p.name for p in procedure.papers]
    fit = poster_fit.fit(procedure.name, labelled, papers, procedure.steps, site_name)
    meta = {"template": "poster.html", "poster": {"density": fit.density.name, "free_mm": fit.free_mm}}
    return render.page(
        "poster.md",
        procedure.poster_uri,
        procedure.name,
        None,
        meta,
        procedure=procedure,
        facts=facts,
        url=url,
        qr=Markup(qr.svg(url, label("poster.qr", url=url), cache)),
    )


def _sorted(procedures: list[Procedure]) -> list[Procedure]:
    return sorted(procedures, key=lambda p: sort_key(p.name))


Group = tuple[str, str | None, list[Procedure]]  # heading, the page it links to or None, procedures


def _listing(src_uri: str, title: str, groups: list[Group]) -> GeneratedPage:
    """A listing of the directory, with the links to all five; `title` a label's name."""
    listings = [(label(name), uri) for name, uri in LISTINGS]
    return render.page("procedure_listing.md", src_uri, label(title), listings=listings, groups=groups)


def directory_pages(portal: Portal) -> list[GeneratedPage]:
    procedures = _sorted(portal.procedures)
    by_field = sorted(procedures, key=lambda p: sort_key(p.field))
    performing = portal.procedures_by_unit()
    by_level = sorted(procedures, key=lambda p: sort_key(p.level))
    by_letter = groupby(procedures, key=lambda p: initial(p.name))
    levels = groupby(by_level, key=lambda p: p.level)
    return [
        _listing(
            INDEX,
            "title.procedures",
            [(field, None, list(group)) for field, group in groupby(by_field, key=lambda p: p.field)],
        ),
        _listing(
            BY_UNIT,
            "title.procedures_by_unit",
            [
                (unit.short_name, unit.src_uri, _sorted(performing[unit.id]))
                for unit in archive.units_in_order(list(portal.units.values()))
                if performing[unit.id]
            ],
        ),
        _listing(
            BY_LEVEL,
            "title.procedures_by_level",
            [(label("listing.level", level=level), None, list(group)) for level, group in levels],
        ),
        _listing(
            ONLINE,
            "title.procedures_online",
            [
                (label("listing.can_online"), None, [p for p in procedures if p.online]),
                (label("listing.not_online"), None, [p for p in procedures if not p.online]),
            ],
        ),
        _listing(A_Z, "title.procedures_a_z", [(letter, None, list(group)) for letter, group in by_letter]),
    ]


def form_pages(portal: Portal) -> list[GeneratedPage]:
    return [
        render.page(
            "form.md",
            form.src_uri,
            form.name,
            form.path,
            {"template": "article.html", "article_class": "cchc-form", "search_type": label("search.form")},
            form=form,
        )
        for _, form in sorted(portal.forms.items())
        if form.file is None
    ]
