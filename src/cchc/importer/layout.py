"""The parts of an administrative document as Nghị định 30/2020/NĐ-CP lays them out: the issuing body and
its number on the left of the header, the motto and the dateline on the right, the kind and its title
(trích yếu), the body, then the recipients (Nơi nhận) beside the signature block. Lines come from a text
export, a DOCX or a PDF, where the two columns may be interleaved on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.kinds import KINDS

_MARKS = re.compile(r"^[#>\s]*|[*_]+|\s+$")
_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA(?:\s+VIỆT)?(?:\s+NAM)?"
                    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc|^[-_–\s]+$", re.IGNORECASE)
_MOTTO_CUT = re.compile(r"CHỦ\s+NGHĨA(?:\s+VIỆT)?$", re.IGNORECASE)
_MOTTO_END = re.compile(r"^(?:VIỆT\s+)?NAM$", re.IGNORECASE)
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>[^\s]*(?:\s*/\s*[^\s]+)?)")
_DATELINE = re.compile(r"(?P<place>[^\W\d_][^,\d]{0,40}?),\s*ngày\s*(?P<day>\d{1,2})?[\s….]*tháng\s*"
                       r"(?P<month>\d{1,2})?[\s….]*năm\s*(?P<year>\d{4})")
_KINDS = {kind.name.upper(): kind.name for kind in KINDS}
# How a document's first paragraph opens, after its title.
_OPENERS = re.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Phúc\s+đáp|Theo|Trên\s+cơ\s+sở|Nhằm|Để|Kính\s+gửi"
                      r"|Triển\s+khai)\b")
_HEADING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s")
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\.\s*)?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9 ,.&-]*$")
_COLUMNS = re.compile(r"\s{2,}")
TITLE_LINES = 4


def clean(line: str) -> str:
    """A line without Markdown heading, emphasis and quote marks and without outer spaces."""
    return " ".join(_MARKS.sub("", line).split())


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class Layout:
    issuer: list[str] = field(default_factory=list)  # parent body first: "UBND THÀNH PHỐ HẢI PHÒNG"
    number: str | None = None  # as written after "Số:", "" when the line shows no number
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    kind: str | None = None  # "Báo cáo"
    title: str | None = None  # as written, capitals kept
    body: list[str] = field(default_factory=list)  # the body's lines, as written
    recipients: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …
    signer: str | None = None


def _header(lines: list[str], found: Layout) -> int:
    """Read the header and title; the index of the body's first line."""
    cut = False  # the motto broke before "VIỆT NAM" (a PDF's narrow column)
    for index, line in enumerate(lines[:30]):
        written = clean(line)
        if cut and _MOTTO_END.match(written):
            cut = False
            continue
        cut = bool(_MOTTO_CUT.search(written))
        text = _MOTTO.sub(" ", written).strip()
        if not text:
            continue
        if (number := _NUMBER.match(text)) and found.number is None:
            found.number = number["number"].strip()
            text = text[number.end():].strip()
        if (dated := _DATELINE.search(text)) and found.year is None:
            found.place, found.year = dated["place"].strip(), int(dated["year"])
            found.day = int(dated["day"]) if dated["day"] else None
            found.month = int(dated["month"]) if dated["month"] else None
            text = (text[:dated.start()] + text[dated.end():]).strip()
        if text.upper() in _KINDS and is_upper(text):
            found.kind = _KINDS[text.upper()]
            return _title(lines, index + 1, found)
        if text and is_upper(text) and not found.kind:
            found.issuer += [part for part in _COLUMNS.split(text) if part]
    # No kind word: the title may still open the text, before its first opener or heading.
    found.issuer = []
    return _title(lines, 0, found)


def _title(lines: list[str], start: int, found: Layout) -> int:
    title: list[str] = []
    index = start
    while index < len(lines) and len(title) < TITLE_LINES:
        text = clean(lines[index])
        if text and (_OPENERS.match(text) or _HEADING.match(text)):
            break
        if text:
            title.append(text)
        index += 1
    if index >= len(lines) or len(title) >= TITLE_LINES:  # no opener in reach: there is no title here
        return start
    found.title = " ".join(title) or None
    return index


def _footer(lines: list[str], found: Layout) -> int:
    """Read the recipients and the signature from the end; the index where the body stops."""
    end = len(lines)
    marks = [i for i, line in enumerate(lines) if _RECIPIENTS.match(clean(_COLUMNS.split(line.strip())[0]))]
    if marks:
        start = marks[-1]
        # What stands beside "Nơi nhận:" (the signature's first line, in two columns) is read with the rest.
        tail = _COLUMNS.split(lines[start].strip(), 1)[1:] + lines[start + 1:]
    else:  # no "Nơi nhận": the signature block alone closes the text
        start = end
        while start > 0 and _closing(clean(lines[start - 1])):
            start -= 1
        tail = lines[start:]
    for line in tail:
        parts = [clean(part) for part in _COLUMNS.split(line.strip()) if clean(part)]
        listed = []
        for part in parts:
            if _signature_line(part):
                found.positions.append(part)
            elif _name(part) and not part.startswith("-"):
                found.signer = part
            else:
                listed.append(part)
        if listed:
            item = " ".join(listed)
            if item.startswith(("-", "+", "•")) or not found.recipients:
                found.recipients.append(item.lstrip("-+• ").strip())
            else:
                found.recipients[-1] += " " + item
    return start


def _closing(text: str) -> bool:
    return not text or _signature_line(text) or _name(text)


def _signature_line(text: str) -> bool:
    return bool(_SIGNATURE.match(text)) and is_upper(text) and not text.startswith("-")


def _name(text: str) -> bool:
    """A person's name: two to six capitalised words and nothing else."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)


def read_layout(lines: list[str]) -> Layout:
    found = Layout()
    start = _header(lines, found)
    stop = _footer(lines, found)
    found.body = lines[start:stop]
    return found
