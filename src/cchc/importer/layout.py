"""The parts of an administrative document as Nghị định 30/2020/NĐ-CP lays them out: the issuing body and
its number on the left of the header, the motto and the dateline on the right, the kind and its title
(trích yếu), the body, then the recipients (Nơi nhận) beside the signature block. Lines come from a text
export, a DOCX or a PDF, where the two columns may be interleaved on one line. `header` reads the head,
`footer` the foot; what they could not decide is noted in `doubts` for the editor."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.importer.footer import read_footer
from cchc.importer.header import header_first, read_header
from cchc.importer.marks import clean, is_upper, legacy_letters

__all__ = ["Layout", "clean", "is_upper", "read_layout"]


@dataclass
class Layout:
    issuer: list[str] = field(default_factory=list)  # parent body first: "UBND THÀNH PHỐ HẢI PHÒNG"
    number: str | None = None  # as written after "Số:", "" when the line shows no number
    draft_symbol: str | None = None  # a draft's symbol when its number is left blank: "/BC-UBND"
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    kind: str | None = None  # "Báo cáo"; "Công văn" for a letter with a subject ("V/v …")
    title: str | None = None  # as written, capitals kept
    body: list[str] = field(default_factory=list)  # the body's lines, as written
    appendix: list[str] = field(default_factory=list)  # what follows the signature (Phụ lục …)
    recipients: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …
    signer: str | None = None
    doubts: list[str] = field(default_factory=list)  # readings to check, in Vietnamese, for the editor


def _letters_mapped(lines: list[str], found: Layout) -> list[str]:
    """The lines with a legacy font's Ƣ/ƣ read as Ư/ư, noted for the editor when there were any."""
    mapped = [legacy_letters(line) for line in lines]
    if mapped != lines:
        found.doubts.append(
            "chữ: tệp dùng phông cũ ghi 'Ư/ư' thành 'Ƣ/ƣ' (U+01A2/U+01A3); đã đổi thành 'Ư/ư', kiểm tra lại"
        )
    return mapped


def read_layout(lines: list[str]) -> Layout:
    found = Layout()
    lines = header_first(_letters_mapped(lines, found))
    start = read_header(lines, found)
    stop, appendix = read_footer(lines, found)
    found.body, found.appendix = lines[start:stop], lines[appendix:]
    return found
