"""The parts of an administrative document as Nghị định 30/2020/NĐ-CP lays them out: the issuing body and
its number on the left of the header, the motto and the dateline on the right, the kind and its title
(trích yếu), the body, then the recipients (Nơi nhận) beside the signature block. Lines come from a text
export, a DOCX or a PDF, where the two columns may be interleaved on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.kinds import KINDS

_MARKS = re.compile(r"^[#>\s]*|\*+|_+")
_WORD = re.compile(r"\w")
_MOTTO = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA(?:\s+VIỆT)?(?:\s+NAM)?"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc|^[-_–\s]+$",
    re.IGNORECASE,
)
# "Số: 123/KH-UBND", "Số: /BC-UBND" (number left blank), "Số:" alone.
_NUMBER = re.compile(r"\bSố\s*:\s*(?P<number>[\w.\-]*/\s*[\w.&/\-]+|\d[\w.\-]*)?")
_SUBJECT = re.compile(r"^V/v\b")
# Who issues a decision, on the line after its title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "GIÁM ĐỐC …".
_AUTHORITY = re.compile(
    r"^(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CỤC\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC"
    r"|ỦY\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|TRƯỞNG\s+BAN)\b"
)
_MOTTO_TEXTS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC")
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^,\d]{0,40}?),\s*ngày\s*(?P<day>\d{1,2})?[\s….]*tháng\s*"
    r"(?P<month>\d{1,2})?[\s….]*năm\s*(?P<year>\d{4})"
)
_KINDS = {kind.name.upper(): kind.name for kind in KINDS}
# How a document's first paragraph opens, after its title.
_OPENERS = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Phúc\s+đáp|Theo|Trên\s+cơ\s+sở|Nhằm|Để|Kính\s+gửi"
    r"|Triển\s+khai)\b"
)
_HEADING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s")
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*:?$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\.\s*)?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9 ,.&-]*$")
_COLUMNS = re.compile(r"\s{2,}")
TITLE_LINES = 6


def _unmarked(match: re.Match) -> str:
    """Nothing for a mark, but an underscore run between two letters or digits stays ("B_04b"). Judged by
    its neighbours rather than by a lookahead, which would retry a long run from each of its characters."""
    run, text, start, end = match.group(), match.string, match.start(), match.end()
    if (
        run[:1] == "_"
        and start > 0
        and end < len(text)
        and _WORD.match(text[start - 1])
        and _WORD.match(text[end])
    ):
        return run
    return ""


def clean(line: str) -> str:
    """A line without Markdown heading, emphasis and quote marks and without outer spaces."""
    return " ".join(_MARKS.sub(_unmarked, line).split())


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
    appendix: list[str] = field(default_factory=list)  # what follows the signature (Phụ lục …)
    recipients: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …
    signer: str | None = None


def _motto_part(text: str) -> bool:
    """A piece of the national motto, whole or broken by a narrow column ("CỘNG HÒA XÃ HỘI")."""
    words = " ".join(text.split()).upper()
    return bool(words) and any(words in motto for motto in _MOTTO_TEXTS)


def _header(lines: list[str], found: Layout) -> int:
    """Read the header and title; the index of the body's first line. The issuer comes from the header's
    left column; the number and dateline from the header's text as a whole, as narrow columns may break
    them over lines ("Số:" / "5680/CT-CS", "Đồng Nai, ngày 20" / "tháng 11 năm 2025")."""
    header: list[str] = []
    for index, line in enumerate(lines[:40]):
        text = _MOTTO.sub(" ", clean(line)).strip()
        if not text:
            continue
        if text.upper() in _KINDS and is_upper(text):
            found.kind = _KINDS[text.upper()]
            _dateline(" ".join(header), found)
            return _title(lines, index + 1, found)
        if _SUBJECT.match(text):  # a công văn's subject line under its number: its title
            _dateline(" ".join([*header, *map(clean, lines[index + 1 : index + 3])]), found)
            found.title = text
            return _body_start(lines, index + 1)
        header.append(text)
        for part in _COLUMNS.split(text):  # the issuer: the left column's capitals
            if (
                part
                and is_upper(part)
                and not _motto_part(part)
                and not _NUMBER.match(part)
                and "/" not in part
            ):  # "5680/CT-CS" on its own line under "Số:"
                if found.issuer and len(part.split()) == 1:  # a name broken before its last word
                    found.issuer[-1] += " " + part
                else:
                    found.issuer.append(part)
    # No kind word: the title may still open the text, before its first opener or heading.
    found.issuer = []
    return _title(lines, 0, found)


def _dateline(header: str, found: Layout) -> None:
    text = " ".join(header.split())
    if (number := _NUMBER.search(text)) is not None:
        found.number = (number["number"] or "").strip()
        text = text[: number.start()] + " " + text[number.end() :]
    if (dated := _DATELINE.search(text)) is not None:
        found.place, found.year = _place(dated["place"]), int(dated["year"])
        found.day = int(dated["day"]) if dated["day"] else None
        found.month = int(dated["month"]) if dated["month"] else None


def _place(text: str) -> str:
    """The place name that ends `text`: its last words written as names ("Hà Nội", "TP. Hồ Chí Minh"),
    without the header's capitals that a PDF's columns put before it."""
    words = text.split()
    kept: list[str] = []
    for word in reversed(words):
        if (word[:1].isupper() and word[1:].islower()) or (word.endswith(".") and len(word) <= 4):
            kept.insert(0, word)
        else:
            break
    return " ".join(kept) or text.strip()


def _body_start(lines: list[str], index: int) -> int:
    while index < len(lines) and not clean(lines[index]):
        index += 1
    return index


def _title(lines: list[str], start: int, found: Layout) -> int:
    """The title under the kind word: up to the first paragraph's opener, a heading number, the
    authority that issues a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), or the first line in ordinary
    case after a title in capitals."""
    title: list[str] = []
    index = start
    while index < len(lines) and len(title) < TITLE_LINES:
        text = clean(lines[index])
        if text and (
            _OPENERS.match(text)
            or _HEADING.match(text)
            or (title and _AUTHORITY.match(text))
            or (title and all(map(is_upper, title)) and not is_upper(text))
        ):
            break
        if text and not (_DATELINE.search(text) and found.year is not None):
            title.append(text)
        index += 1
    if index >= len(lines) or len(title) >= TITLE_LINES:  # no end in reach: there is no title here
        return start
    found.title = " ".join(title) or None
    return index


def _footer(lines: list[str], found: Layout) -> tuple[int, int]:
    """Read the recipients and the signature; where the body stops, and where it goes on after the
    signer's name (appendices: Phụ lục …), or the end."""
    end = len(lines)
    marks = [i for i, line in enumerate(lines) if _RECIPIENTS.match(clean(_COLUMNS.split(line.strip())[0]))]
    if marks:
        start = marks[-1]
        # What stands beside "Nơi nhận:" (the signature's first line, in two columns) is read with the rest.
        tail = [(start, beside) for beside in _COLUMNS.split(lines[start].strip(), 1)[1:]]
        tail += [(index, lines[index]) for index in range(start + 1, end)]
    else:  # no "Nơi nhận": the signature block alone closes the text
        start = end
        while start > 0 and _closing(clean(lines[start - 1])):
            start -= 1
        tail = [(index, lines[index]) for index in range(start, end)]
    stop = _signature_and_recipients(tail, found)
    return start, end if stop is None else stop


def _signature_and_recipients(tail: list[tuple[int, str]], found: Layout) -> int | None:
    """Read the footer's lines; the index of the first line after it (an appendix), None if it ends the
    text. A recipient's lines are gathered as parts and joined once (a long list stays linear)."""
    recipients: list[list[str]] = []
    try:
        for index, line in tail:
            # After the signer's name only the recipients' column goes on (its "- " items); anything else
            # is an appendix, which belongs to the body.
            if found.signer is not None and clean(line) and not clean(line).startswith(("-", "+", "•")):
                return index
            listed = []
            for part in (clean(part) for part in _COLUMNS.split(line.strip())):
                if not part:
                    continue
                if _signature_line(part):
                    found.positions.append(part)
                elif _name(part) and not part.startswith("-"):
                    found.signer = part
                else:
                    listed.append(part)
            if listed:
                item = " ".join(listed)
                if item.startswith(("-", "+", "•")) or not recipients:
                    recipients.append([item.lstrip("-+• ").strip()])
                else:
                    recipients[-1].append(item)
        return None
    finally:
        found.recipients = [" ".join(parts) for parts in recipients]


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
    stop, appendix = _footer(lines, found)
    found.body, found.appendix = lines[start:stop], lines[appendix:]
    return found
