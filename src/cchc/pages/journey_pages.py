"""Journeys (hành trình): a page per life event in the manner of GOV.UK's step-by-step navigation (numbered
steps, each a heading with what to do and the procedures it takes), the list of them, and the place of a
procedure in each journey it joins ("Bước 2 trong 3"), with the next step."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from cchc import urls
from cchc.labels import label
from cchc.model import Journey, JourneyStep, Portal, Procedure
from cchc.pages import render
from cchc.pages.markdown import GeneratedPage


@dataclass(frozen=True)
class Step:
    number: int
    step: JourneyStep
    procedures: list[Procedure]
    alternatives: list[Procedure]

    @property
    def id(self) -> str:
        return step_id(self.number)


@dataclass(frozen=True)
class Place:
    """Where a procedure stands in a journey: its step of the journey's steps, and the next step."""

    journey: Journey
    number: int
    total: int
    title: str
    next_title: str | None
    next_target: str | None  # the next step's one procedure, else the step on the journey's page


def journey_page(journey: Journey, portal: Portal, legal_basis: list[str]) -> GeneratedPage:
    """`legal_basis`: each line of the journey's basis with its citations linked."""
    procedures = {procedure.slug: procedure for procedure in portal.procedures}
    steps = [
        Step(
            number,
            step,
            [procedures[slug] for slug in step.procedures],
            [procedures[slug] for slug in step.alternatives],
        )
        for number, step in enumerate(journey.steps, 1)
    ]
    meta = {
        "template": "article.html",
        "article_class": "cchc-journey",
        "search_type": label("search.journey"),
        "description": label("journey.description", name=journey.title, steps=len(steps)),
    }
    return render.page(
        "journey.md",
        journey.src_uri,
        journey.title,
        journey.path,
        meta,
        journey=journey,
        intro=Markup(journey.intro),
        steps=[(s, Markup(s.step.text)) for s in steps],
        legal_basis=[Markup(basis) for basis in legal_basis],
        listing=urls.JOURNEYS,
    )


def journeys_page(portal: Portal) -> GeneratedPage:
    """Every journey, with its steps named."""
    return render.page("journeys.md", urls.JOURNEYS, label("title.journeys"), journeys=portal.journeys)


def places(procedure: Procedure, journeys: list[Journey]) -> list[Place]:
    """The procedure's place in each journey that takes it."""
    found = []
    for journey in journeys:
        number = journey.place_of(procedure.slug)
        if number is None:
            continue
        after = journey.steps[number] if number < len(journey.steps) else None
        target = None
        if after is not None:
            named = after.procedures + after.alternatives
            one = len(named) == 1
            target = urls.procedure(named[0]) if one else f"{journey.src_uri}#{step_id(number + 1)}"
        found.append(
            Place(
                journey,
                number,
                len(journey.steps),
                journey.steps[number - 1].title,
                after.title if after else None,
                target,
            )
        )
    return found


def step_id(number: int) -> str:
    """The anchor of a step on its journey's page."""
    return f"buoc-{number}"
