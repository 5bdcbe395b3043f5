"""A reference found in text, typed and (once resolved) identified."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from cchc.labels import label

STANDARD = "Tiêu chuẩn"  # the kind of a standard (TCVN ISO 9001:2015), which pages name by its symbol alone


@dataclass
class Finding:
    code: str  # stable machine code: "impossible-date", "lookalike", "kind-mismatch", …
    message: str  # for editors, in Vietnamese


# Unit words of pinpoints, innermost first, as pinpoints spell them, and the names of their parts.
UNITS = ("điểm", "khoản", "Điều", "Mục", "Chương", "Phần", "Phụ lục")
FIELDS = ("point", "clause", "article", "section", "chapter", "part", "appendix")


def unit_names(units: tuple[tuple[str, str], ...]) -> str:
    """(("khoản", "2"), ("Điều", "5")) -> 'khoản 2 Điều 5'."""
    return " ".join(f"{word} {value}" for word, value in units)


@dataclass(frozen=True)
class Pinpoint:
    """One cited unit: its units innermost first, and the phrase it was read from (offsets as given)."""

    units: tuple[tuple[str, str], ...]  # (("khoản", "2"), ("Điều", "5"))
    start: int
    end: int
    text: str  # the phrase as written: "khoản 1 và 2 Điều 26"

    def __str__(self) -> str:
        return unit_names(self.units)

    def parts(self) -> dict[str, object]:
        by_word = dict(self.units)
        return {
            "pinpoint": str(self),
            **{name: by_word.get(word) for name, word in zip(FIELDS, UNITS, strict=True)},
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Citation:
    start: int  # offsets into the text as given
    end: int
    text: str  # as written
    kind: str  # "Nghị quyết", "Luật", "Tiêu chuẩn" …
    number: str | None = None  # as written: "09"
    symbol: str | None = None  # normalised số ký hiệu: "09/KH-UBND"; None for a law by name
    year: int | None = None
    date: str | None = None  # ISO 8601
    issuer: str | None = None  # a unit id from content, or an issuing body's name
    id: str | None = None  # the cited document's stable identifier
    problems: list[Finding] = field(default_factory=list)
    pinpoints: list[Pinpoint] = field(default_factory=list)  # the units cited in it, innermost first
    # Known to the resolver, not part of the JSON output:
    name: str | None = None  # a law's name: "Tổ chức Chính phủ"
    title: str | None = None  # what the citing text says the document is about
    issuer_phrase: str | None = None  # "UBND thành phố" as written after "của"
    type_code: str | None = None  # "NQ" in 76/NQ-CP
    issuer_code: str | None = None  # "CP" in 76/NQ-CP
    _title_span: tuple[int, int] | None = field(default=None, repr=False)  # in normalised text

    @property
    def label(self) -> str:
        """How pages name the cited document."""
        return cited_label(self.kind, self.symbol, self.name, self.year)

    def public(self) -> dict[str, object]:
        """The fields `cchc refs` prints, in order."""
        data = asdict(self)
        return {
            key: data[key]
            for key in (
                "start",
                "end",
                "text",
                "kind",
                "number",
                "symbol",
                "year",
                "date",
                "issuer",
                "id",
                "problems",
            )
        } | {
            "pinpoints": [str(p) for p in self.pinpoints],
            "pinpoint_parts": [p.parts() for p in self.pinpoints],
        }


def cited_label(kind: str, symbol: str | None, name: str | None, year: int | None) -> str:
    """How pages name a cited document: 'Nghị định số 118/2025/NĐ-CP', 'Luật Hộ tịch năm 2014',
    'TCVN ISO 9001:2015'."""
    if symbol is None:
        if year:
            return label("cited.named_in_year", kind=kind, name=name, year=year)
        return label("cited.named", kind=kind, name=name)
    if kind == STANDARD:
        return symbol
    return label("cited.numbered", kind=kind, symbol=symbol)
