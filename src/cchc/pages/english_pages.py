"""What must be in English (Nghị định 42/2022/NĐ-CP, Điều 7 khoản 2, as a recommendation since 01/7/2026):
/en/ always, with the portal and each unit's name, address and contact officials, and a page per unit with
its organisation and functions when the unit gives them (`en:` in its file). Each is marked English
(`cchc_lang`, read by overrides/partials/language.html) and names its Vietnamese alternate, and back."""

from __future__ import annotations

from cchc import urls
from cchc.model import Portal, Unit
from cchc.pages import archive, render
from cchc.pages.markdown import GeneratedPage


def english_index(portal: Portal, site_name: str) -> GeneratedPage:
    units = archive.units_in_order(list(portal.units.values()))
    return render.page(
        "en_index.md",
        urls.ENGLISH,
        "English",
        meta={"search": False},  # the site's search is in Vietnamese: one language, one index
        theme={"cchc_lang": "en", "cchc_alternates": [("vi", urls.HOME)]},
        units=units,
        site_name=site_name,
        english_unit=urls.english_unit,
    )


def english_unit(unit: Unit) -> GeneratedPage:
    assert unit.english is not None  # only units that give English texts have a page
    return render.page(
        "en_unit.md",
        urls.english_unit(unit.id),
        unit.english.name,
        unit.path,
        {"search": False},
        theme={"cchc_lang": "en", "cchc_alternates": [("vi", unit.src_uri)]},
        unit=unit,
        english_index=urls.ENGLISH,
    )


def english_pages(portal: Portal, site_name: str) -> list[GeneratedPage]:
    units = sorted(portal.units.values(), key=lambda u: u.id)
    return [english_index(portal, site_name)] + [english_unit(u) for u in units if u.english]
