"""The extractor against a table of real reference forms (tests/data/reference_forms.yaml): the five
seeds and citing sentences from Vietnamese legal text, with negative cases.

Negative cases must find nothing. For positive ones, the share read exactly (span as written,
then kind, symbol, year and date) has a floor; every miss is printed, so the table measures
the extractor rather than being tuned to it."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from cchc.content import load as loader
from cchc.refs.extract import extract
from cchc.refs.resolve import build_directory, resolve
from cchc.text import name_key
from tests.conftest import REPO

TABLE = yaml.safe_load((REPO / "tests" / "data" / "reference_forms.yaml").read_text(encoding="utf-8"))
FIELDS = ("kind", "symbol", "year", "date")
FLOOR = 0.97


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def portal():
    return loader.load(REPO)[0]


def test_table_is_large_and_varied():
    positives = [r for e in TABLE for r in e["refs"]]
    negatives = [e for e in TABLE if not e["refs"]]
    real = [r for e in TABLE if not e["source"].startswith("seed") for r in e["refs"]]
    assert len(positives) >= 150 and len(negatives) >= 25 and len(real) >= 60
    assert sum(e.get("form") == "nfd" for e in TABLE) >= 5
    assert sum(e.get("form") == "lookalike" for e in TABLE) >= 3


@pytest.mark.parametrize("entry", [e for e in TABLE if not e["refs"]], ids=lambda e: e["text"][:40])
def test_negative_forms_find_nothing(portal, entry):
    assert [c.text for c in extract(entry["text"], portal.aliases)] == []


def test_positive_forms(portal):
    entries = [e for e in TABLE if e["refs"]]
    span_misses, field_misses, fields_checked = [], [], 0
    for entry in entries:
        found = extract(entry["text"], portal.aliases)
        for citation in found:
            assert entry["text"][citation.start : citation.end] == citation.text
        if [nfc(c.text) for c in found] != [nfc(r["text"]) for r in entry["refs"]]:
            span_misses.append(
                (entry["text"][:90], [c.text for c in found], [r["text"] for r in entry["refs"]])
            )
            continue
        for citation, expected in zip(found, entry["refs"]):
            for field in FIELDS:
                if field in expected:
                    fields_checked += 1
                    if getattr(citation, field) != expected[field]:
                        field_misses.append(
                            (expected["text"], field, getattr(citation, field), expected[field])
                        )
    for miss in span_misses + field_misses:
        print("MISS", miss)
    span_share = 1 - len(span_misses) / len(entries)
    field_share = 1 - len(field_misses) / fields_checked
    print(
        f"spans exact in {span_share:.1%} of {len(entries)} entries; fields right in {field_share:.1%} "
        f"of {fields_checked}"
    )
    assert span_share >= FLOOR and field_share >= FLOOR


def test_issuers_known_to_the_portal_resolve(portal):
    """Where the text names an issuer that the units or co-quan.yml know, resolution finds it."""
    directory = build_directory(portal.units, portal.bodies)
    checked = 0
    for entry in TABLE:
        citing = portal.units.get(entry.get("unit", ""))
        found = resolve(extract(entry["text"], portal.aliases), directory, citing)
        if [nfc(c.text) for c in found] != [nfc(r["text"]) for r in entry["refs"]]:
            continue
        for citation, expected in zip(found, entry["refs"]):
            known = directory.names.longest_prefix(expected.get("issuer", ""))
            alias = any(name_key(a.phrase) == name_key(citation.text) for a in portal.aliases)
            if known is None or alias:
                continue
            checked += 1
            assert citation.issuer == known.key, (expected["text"], expected["issuer"], citation.issuer)
    assert checked >= 60
