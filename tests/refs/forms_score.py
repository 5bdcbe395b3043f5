"""Scores of the extractor on the forms table's pinpoints and relations: spans exact (each phrase or
relation as written) and fields right (the normalised pinpoints; subject, relation, object and date)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc.dates import parse_date
from cchc.model import Alias
from cchc.refs import relations
from cchc.refs.citation import Citation
from cchc.refs.extract import extract

RELATION_FIELDS = ("subject", "relation", "object", "effective")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class Score:
    spans_exact: int = 0
    spans: int = 0
    fields_right: int = 0
    fields: int = 0
    extra: int = 0  # found where the table has nothing
    misses: list[tuple[object, ...]] = field(default_factory=list)

    def line(self, what: str) -> str:
        return (
            f"{what}: spans exact {self.spans_exact / max(self.spans, 1):.1%} of {self.spans}, "
            f"fields right {self.fields_right / max(self.fields, 1):.1%} of {self.fields}, "
            f"{self.extra} found beyond the table"
        )


def phrases(citation: Citation) -> list[str]:
    """The pinpoint phrases of a reference as written, once each, in order."""
    seen: dict[tuple[int, str], None] = {}
    for pinpoint in citation.pinpoints:
        seen.setdefault((pinpoint.start, pinpoint.text), None)
    return [text for _, text in seen]


def _matching(entry: dict, aliases: tuple[Alias, ...]) -> list[Citation] | None:
    found = extract(entry["text"], aliases)
    if [nfc(c.text) for c in found] != [nfc(r["text"]) for r in entry["refs"]]:
        return None
    return found


def score_pinpoints(entries: Iterable[dict], aliases: tuple[Alias, ...]) -> Score:
    score = Score()
    for entry in entries:
        found = _matching(entry, aliases)
        if found is None:
            continue
        for citation, expected in zip(found, entry["refs"], strict=True):
            if "pinpoints" not in expected:
                continue
            written = [nfc(p) for p in phrases(citation)]
            score.spans += 1
            score.spans_exact += written == [nfc(p) for p in expected.get("pinpoint_text", [])]
            got = [str(p) for p in citation.pinpoints]
            score.fields += 1
            if got == expected["pinpoints"]:
                score.fields_right += 1
            else:
                score.misses.append(("pinpoints", expected["text"], got, expected["pinpoints"]))
    return score


def score_relations(entries: Iterable[dict], aliases: tuple[Alias, ...]) -> Score:
    score = Score()
    for entry in entries:
        if "relations" not in entry or (found := _matching(entry, aliases)) is None:
            continue
        signed = parse_date(entry["document_date"]) if entry.get("document_date") else None
        read = [r.public() for r in relations.find(entry["text"], found, signed)]
        by_text = {nfc(str(r["text"])): r for r in read}
        expected_texts = {nfc(r["text"]) for r in entry["relations"]}
        score.extra += sum(text not in expected_texts for text in by_text)
        for expected in entry["relations"]:
            score.spans += 1
            got = by_text.get(nfc(expected["text"]))
            if got is None:
                score.misses.append(("relation span", expected["text"], sorted(by_text)))
                continue
            score.spans_exact += 1
            for name in RELATION_FIELDS:
                score.fields += 1
                if got[name] == expected[name]:
                    score.fields_right += 1
                else:
                    score.misses.append(("relation", expected["text"][:80], name, got[name], expected[name]))
    return score
