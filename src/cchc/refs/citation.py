"""A reference found in text, typed and (once resolved) identified."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STANDARD = "Tiêu chuẩn"  # the kind of a standard (TCVN ISO 9001:2015), which pages name by its symbol alone


@dataclass
class Finding:
    code: str  # stable machine code: "impossible-date", "lookalike", "kind-mismatch", …
    message: str  # for editors, in Vietnamese


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
    # Known to the resolver, not part of the JSON output:
    name: str | None = None  # a law's name: "Tổ chức Chính phủ"
    title: str | None = None  # what the citing text says the document is about
    issuer_phrase: str | None = None  # "UBND thành phố" as written after "của"
    type_code: str | None = None  # "NQ" in 76/NQ-CP
    issuer_code: str | None = None  # "CP" in 76/NQ-CP
    _title_span: tuple[int, int] | None = field(default=None, repr=False)  # in normalised text

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
        }
