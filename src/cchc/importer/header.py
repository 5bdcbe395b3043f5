"""The head of a document as Nghị định 30/2020 lays it out: the issuing body and its number on the left, the
motto and the dateline on the right, then the kind and its title (trích yếu), or for a công văn the subject
("V/v …") under the number. Where a line could belong to the title or not, the reading is noted for the
editor to check (Layout.doubts)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from cchc.importer.marks import (
    BROKEN_SYMBOL,
    MOTTO,
    clean,
    columns,
    is_bold,
    is_rule,
    is_upper,
    motto_part,
    own_words,
)
from cchc.kinds import KINDS

if TYPE_CHECKING:
    from cchc.importer.layout import Layout

HEADER_LINES = 40  # the header, kind and subject stand in a document's first lines
FIRST_PAGE = 60  # a text's first page ends within its first lines
ISSUER_LINES = 6  # the issuer's lines above the motto: a long name wraps over a few
TITLE_LINES = 6  # a title runs over a few lines; more means no end was found
SUBJECT_LINES = 8
LETTER = "Công văn"

# "Số: 123/KH-UBND", "Số: 156 -CV/TĐTN-BCTĐ&TTN", "Số: 1147-QĐ/BTGDVTW", "Số: 409/TTr-CAT(PC04)" (the unit
# that drafted it, in brackets); "Số:    /BC-UBND" (a draft, left blank); "Số:" alone.
_DRAFTER = r"(?:\([\w.&\-]+\))?"
_NUMBER = re.compile(
    rf"\bSố\s*:\s*(?:(?P<number>\d[\w.]*(?: ?[-/][\w.&\-]*)?(?:/[\w.&/\-]+)?{_DRAFTER})"
    rf"|(?P<blank>/\s*[\w.&/\-]+{_DRAFTER}))?"
    # A Party's number is printed without the colon (Hướng dẫn 36-HD/VPTW: "Số 16-BC/ĐH"): a symbol then.
    r"|\bSố\s+(?P<party>\d[\w.]*\s?-\s?[\w.&\-]*/[\w.&/\-]+)"
)
# A dateline broken by a narrow column: "Hà Nội, ngày" / "tháng 7 năm 2025".
_PARTIAL_DATE = re.compile(r",\s*ngày\b|\bngày\s*\d*\s*tháng\b|^(?:\d{1,2}\s+)?tháng\s*\d*\s*năm\b")
# How the right column's dateline opens beside a subject's line when broken: "Lâm Đồng, ngày" (a place
# written as names, see _place_opens), "ngày 5 tháng" ("ngàytháng" when the day is blank), "tháng 11 năm".
_RIGHT_OPENS = re.compile(r"^(?:[^\W\d_][^,\d]{0,40}?,\s*ngày$|ngày|(?:\d{1,2}\s+)?tháng\s*\d*\s*năm\b)")
_SYMBOL_ALONE = re.compile(rf"^\d*[\w.\-]*\s?/\s?[\w.&/\-]+{_DRAFTER}$")  # "5680/CT-CS" under "Số:"
_SUBJECT = re.compile(r"^[“\"']?V/v\b")
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^,\d]{0,40}?),\s*ngày\s*(?P<day>\d{1,2})?[\s….]*tháng\s*"
    r"(?P<month>\d{1,2})?[\s….]*năm\s*(?P<year>\d{4})?(?!\d)"  # even the year blank
)
_KINDS = {kind.name.upper(): kind for kind in KINDS}
_KINDS_LONGEST_FIRST = sorted(_KINDS, key=len, reverse=True)  # "THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ"
_UNTITLED_KINDS = {"Giấy mời"}  # their heading often stands alone: no title printed is "", not a miss
# A draft's mark, printed on a line of its own by the header or above the kind: not a subject or a title.
_DRAFT_MARK = re.compile(r"^\(?\s*dự\s+thảo(?:\s+(?:lần\s+)?\d+)?\s*\)?$", re.IGNORECASE)
# The words that may stand before a place's name in a dateline and belong to it ("Thành phố Huế").
_PLACE_PREFIX = re.compile(r"^(?:Thành\s+phố|Thị\s+xã|Thị\s+trấn)$")
_CODES = {kind.code.upper(): kind.name for kind in KINDS if kind.code}
# How a document's first paragraph opens, after its title or subject.
_OPENERS = re.compile(
    r"^[-+]?\s*(?:Căn\s+cứ|Thực\s+hiện|Phúc\s+đáp|Theo|Trên\s+cơ\s+sở|Nhằm|Để|Kính\s+gửi|Triển\s+khai|Xét"
    r"|Ngày\s+\d+|(?:Sáng|Chiều|Tối)\s+ngày|Hôm\s+nay|Vào\s+(?:hồi|ngày))\b"
)
_DATE_ALONE = re.compile(
    r"^Ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\W*$"
)  # a dateline without its place
_HEADING = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s")
# A person who issues a decision, on the line after its title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …".
_PERSON = re.compile(
    r"^(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CỤC\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|TRƯỞNG\s+BAN"
    r"|VỤ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH)\b"
)
# A body that issues a decision collectively, or the name a title may end with: the reading is uncertain.
_BODY = re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|^UBND\b")
# Words after which a title line cannot end: it goes on on the next line.
_OPEN_END = re.compile(
    r"(?:[,\-–—(“\"]|\b(?:của|và|về|cho|trong|tại|với|đối|trên|theo|đến|từ|các|những|là|để|giai\s+đoạn"
    r"|năm|số|ngày|thuộc|nhằm|hoặc|khi|qua|giữa|bằng|do|được|về\s+việc|quy\s+định))$",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(r"^Kính\s+gửi\b")  # a letter's addressee, the line its body opens with
_NEVER_TITLE = re.compile(r"^[-+]?\s*(?:Căn\s+cứ|Kính\s+gửi)\b")
TITLE_WIDTH = 100  # a title's printed line is centred, well short of this
_AUTHORITY_KINDS = {"Quyết định", "Nghị quyết", "Quy định", "Quy chế", "Chỉ thị"}


def _place(text: str) -> str:
    """The place name that ends `text`: its last words written as names ("Hà Nội", "TP. Hồ Chí Minh"),
    without the header's capitals that a PDF's columns put before it."""
    kept: list[str] = []
    words = text.split()
    for word in reversed(words):
        if (word[:1].isupper() and word[1:].islower()) or (word.endswith(".") and len(word) <= 4):
            kept.insert(0, word)
        else:
            break
    # "Thành phố Huế": the capitalised "Thành" was kept, the "phố" that ends the unit's word stopped the walk.
    before = words[: len(words) - len(kept)]
    if kept and len(before) >= 2 and _PLACE_PREFIX.match(f"{before[-2]} {before[-1]}"):
        kept = [*before[-2:], *kept]
    return " ".join(kept) or text.strip()


def _number_and_date(header: list[str], found: Layout) -> None:
    text = " ".join(" ".join(header).split())
    if (number := _NUMBER.search(text)) is not None:
        found.number = (number["number"] or number["party"] or "").strip()
        if number["blank"]:
            found.draft_symbol = "".join(number["blank"].split())
            found.doubts.append(
                f"số, ký hiệu: số để trống (bản dự thảo?), ký hiệu '{number['blank']}'; "
                "ghi số khi văn bản có số"
            )
        text = text[: number.start()] + " " + text[number.end() :]
    if found.place is None and (dated := _DATELINE.search(text)) is not None:
        found.place, found.year = _place(dated["place"]), int(dated["year"]) if dated["year"] else None
        found.day = int(dated["day"]) if dated["day"] else None
        found.month = int(dated["month"]) if dated["month"] else None


def _kind_of_symbol(number: str | None) -> str | None:
    """The kind a symbol's type code names: "QĐ" in 12/QĐ-UBND or in 1147-QĐ/BTGDVTW."""
    if not number:
        return None
    party = re.match(r"^\d[\w.]*\s?-\s?([^\W\d_]+)/", number)
    administrative = re.match(r"^\d[\w.]*\s?/\s?(?:\d{4}/)?([^\W\d_]+)-", number)
    coded = party or administrative
    return _CODES.get(coded[1].upper()) if coded else None


def _issuer_part(part: str) -> bool:
    return bool(part) and is_upper(part) and not _NUMBER.search(part) and "/" not in part


def _add_issuer(part: str, found: Layout) -> None:
    if found.issuer and len(part.split()) == 1:  # a name broken before its last word
        found.issuer[-1] += " " + part
    else:
        found.issuer.append(part)


def _opens_body(text: str) -> bool:
    """Whether the line opens the body's first paragraph or section (a dateline alone is the header's)."""
    return bool(_OPENERS.match(text) or _HEADING.match(text)) and not _DATE_ALONE.match(text)


def _kind_line(line: str) -> bool:
    """A line whose own words open with a kind in capitals ("BÁO CÁO")."""
    first = next((own for part in columns(line) if (own := own_words(part))), "")
    return first.upper() in _KINDS and is_upper(first)


def _header_line(line: str) -> bool:
    """A line that only the header holds: the motto, the number, the dateline."""
    text = clean(line)
    return bool(MOTTO.search(text) or _NUMBER.search(text) or _DATELINE.search(text))


def _motto_line(line: str) -> bool:
    """A line holding the motto as the header prints it, in capitals (a body may name the state)."""
    return any(is_upper(found.group()) for found in MOTTO.finditer(line))


def _header_below(lines: list[str], motto: int) -> int:
    """The end of the header's lines from its motto down: the motto's rest, rules, the number, the
    dateline, and a letter's subject ("V/v …") with the dateline under it."""
    end = motto + 1
    while end < len(lines) and (
        not (text := clean(lines[end]))
        or is_rule(text)
        or motto_part(text)
        or _header_line(text)
        or _PARTIAL_DATE.search(text)
    ):
        end += 1
    if end < len(lines) and _SUBJECT.match(clean(lines[end])):
        dated = next(
            (i for i in range(end + 1, min(len(lines), end + SUBJECT_LINES)) if _dated(lines[i])), None
        )
        return end if dated is None else _header_below(lines, dated)
    return end


def _dated(line: str) -> bool:
    """A line holding a dateline, whole or broken."""
    text = clean(line)
    return bool(_DATELINE.search(text) or _PARTIAL_DATE.search(text))


def _opening(lines: list[str]) -> int | None:
    """The first line that opens the document's own text (its kind word, or its first paragraph: "Kính
    gửi", "Thực hiện", a heading), None when the header's lines come first."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if _header_line(line):
            return None
        parts = [own for part in columns(line) if (own := own_words(part))]
        if _kind_line(line) or (parts and _opens_body(parts[0])):
            return index
    return None


def header_first(lines: list[str]) -> list[str]:
    """The lines with the header first. A PDF's text layer may give the header's table after the first
    page's text, or last of all, after the signature: when the document's own text (its kind word, its
    first paragraph) opens before any line of the header and the motto follows on the first page, the
    header (the issuer's lines in capitals above the motto; the number, a letter's subject and the
    dateline below it) is moved before it."""
    first = _opening(lines)
    if first is None:
        return lines
    motto = next((i for i in range(first + 1, min(len(lines), FIRST_PAGE)) if _motto_line(lines[i])), None)
    if motto is None:
        return lines
    top = motto
    while top > first + 1 and not clean(lines[top - 1]):
        top -= 1
    while top > first + 1 and motto - top < ISSUER_LINES and _issuer_part(clean(lines[top - 1])):
        top -= 1
    end = _header_below(lines, motto)
    return lines[top:end] + lines[:top] + lines[end:]


def read_header(lines: list[str], found: Layout) -> int:
    """Read the header and the title or subject; the index of the body's first line. The issuer comes from
    the header's left column; the number and dateline from the header's text as a whole, as narrow columns
    may break them over lines ("Số:" / "5680/CT-CS", "Đồng Nai, ngày 20" / "tháng 11 năm 2025")."""
    header: list[str] = []
    numbered = None  # the index of the number's line
    opened = None  # the index of the body's first line, when it opens within the header's reach
    for index, line in enumerate(lines[:HEADER_LINES]):
        parts = _without_draft_mark([own for part in columns(line) if (own := own_words(part))], found)
        if not parts:
            continue
        first = parts[0]
        if _opens_body(first):
            opened = index if _ADDRESSEE.match(first) else None
            break  # a kind word or a "V/v" quoted in the body is not the header's
        if (heading := _kind_heading(first, numbered is not None)) is not None:
            found.kind = heading[0]
            _number_and_date([*header, *parts[1:]], found)
            return read_title(lines, index + 1, found, heading[1])
        if _SUBJECT.match(first):
            return _subject(lines, index, [*header, *parts[1:]], found, LETTER)
        header += parts
        number = _number_part(parts)
        if numbered is None and (issuer := [part for part in parts[:number] if _issuer_part(part)]):
            # One line of the left column: parts apart are a name a justified layout text spread
            # ("UBND TỈNH        LÂM ĐỒNG"), the motto beside it left out by own_words.
            _add_issuer(" ".join(issuer), found)
        if number is not None and numbered is None:
            numbered = index
    if numbered is not None and (start := _subject_start(lines, numbered)) is not None:
        # A letter whose subject does not open with "V/v": it takes the kind its symbol names.
        header = [part for line in lines[:start] for part in map(own_words, columns(line)) if part]
        return _subject(lines, start, header, found, None)
    if numbered is not None and opened is not None:
        return _untitled_letter(opened, header, found)
    # No kind word: the title may still open the text, before its first opener or heading.
    found.issuer = []
    return read_title(lines, 0, found)


def _untitled_letter(opened: int, header: list[str], found: Layout) -> int:
    """A letter without a subject: its number, then "Kính gửi" and the body, no kind word and no "V/v"
    line. It takes the kind its symbol names (else a công văn) and an empty title, noted for the editor."""
    _number_and_date(header, found)
    found.kind = _kind_of_symbol(found.number) or LETTER
    found.title = ""
    found.doubts.append("trích yếu: văn bản không có dòng trích yếu (V/v) dưới số, ký hiệu; bổ sung nếu cần")
    return opened


def _number_part(parts: list[str]) -> int | None:
    """The index of the line's part that gives the number ("Số: 12/UBND"), None when none does."""
    return next((i for i, part in enumerate(parts) if part.startswith("Số") and _NUMBER.match(part)), None)


def _without_draft_mark(parts: list[str], found: Layout) -> list[str]:
    """The parts without a draft's mark ("Dự thảo", "DỰ THẢO LẦN 2"), noted for the editor."""
    kept = [part for part in parts if not _DRAFT_MARK.match(part)]
    if len(kept) < len(parts):
        found.doubts.append("dấu 'Dự thảo' ở phần đầu: văn bản là bản dự thảo; không đưa vào trích yếu")
    return kept


def _kind_heading(text: str, after_number: bool) -> tuple[str, str] | None:
    """The kind a heading in capitals names, and the title words that share its line ("BÁO CÁO KIỂM ĐIỂM":
    "Báo cáo", "KIỂM ĐIỂM"), those only under the number, where no issuer's line stands any more."""
    if not is_upper(text):
        return None
    if text.upper() in _KINDS:
        return _KINDS[text.upper()].name, ""
    if after_number:
        for written in _KINDS_LONGEST_FIRST:
            if text.startswith(written + " "):
                return _KINDS[written].name, text[len(written) :].strip()
    return None


def _subject_start(lines: list[str], numbered: int) -> int | None:
    """Where a letter's subject stands under its number: the left column's first line in ordinary case
    that is not the motto, the dateline or the symbol (None when the first paragraph comes first)."""
    for index in range(numbered + 1, min(len(lines), HEADER_LINES)):
        raw = lines[index]
        parts = [own for part in columns(raw) if (own := own_words(part))]
        text = " ".join(parts)
        if (
            not parts
            or _DRAFT_MARK.match(parts[0])
            or len(raw) - len(raw.lstrip()) > 30
            or _DATELINE.search(text)
            or _PARTIAL_DATE.search(text)
            or _SYMBOL_ALONE.match(parts[0])
            or is_upper(parts[0])
        ):
            continue
        return None if _OPENERS.match(parts[0]) or _HEADING.match(parts[0]) else index
    return None


def _subject(lines: list[str], index: int, header: list[str], found: Layout, kind: str | None) -> int:
    """A letter's subject ("V/v …") under its number, over a few lines of the left column: up to a blank
    line, the motto, the dateline, "Kính gửi" or the first paragraph; the right column's dateline may
    stand beside it or after it."""
    own, right = _subject_line(columns(lines[index]))
    subject, header = [own], [*header, *right]
    spaced, full = _spaced(lines), _full_width(lines)
    index += 1
    while index < len(lines) and len(subject) < SUBJECT_LINES:
        parts = columns(lines[index])
        if not parts:
            if not (spaced or _OPEN_END.search(subject[-1])):
                break
            index += 1
            continue
        own, right = _subject_line(parts)
        right_only = len(lines[index]) - len(lines[index].lstrip()) > 30  # a right column's line alone
        if (
            not own
            or right_only
            or _OPENERS.match(own)
            or (spaced and len(own) >= max(0.8 * full, 60))  # no blank line tells: a full line is the body's
            or own.startswith("Số")
            or (own.upper() in _KINDS and is_upper(own))
        ):
            break
        subject.append(own)
        header += right
        index += 1
    # The motto and dateline may follow the subject (a PDF's text reads the left column first).
    while index < len(lines) and index < HEADER_LINES:
        beside = [part for part in map(own_words, columns(lines[index])) if part]
        joined = " ".join(beside)
        if beside and not (
            _DATELINE.search(joined) or _PARTIAL_DATE.search(joined) or _NUMBER.search(joined)
        ):
            break
        header += beside
        index += 1
    _number_and_date(header, found)
    found.title = _joined(subject)
    found.kind = kind or _kind_of_symbol(found.number) or LETTER
    return _after_blanks(lines, index)


def _beside_subject(parts: list[str]) -> int:
    """Where the right column's words begin among the parts of a subject's line (len(parts) when they do
    not): at the motto or the dateline, whole or broken. The parts before are the subject's however wide
    the gaps between them: a PDF's layout text spreads a justified subject's words over the line ("V/v có
    ý kiến          đối với hồ sơ hợp"). A part holding a dateline glued to the subject's words (plain
    text) ends the subject there."""
    for start, part in enumerate(parts):
        rest = " ".join(parts[start:])
        if _motto_or_rule(part) or _RIGHT_OPENS.match(rest) or _place_opens(rest):
            return start
    return len(parts)


def _motto_or_rule(part: str) -> bool:
    """A rule, or a piece of the motto as a narrow column breaks it: in capitals or of two words at least
    (a subject's lone "lập" is a word of "Độc lập", not a piece of it)."""
    text = clean(part)
    return is_rule(text) or (not own_words(text) and (is_upper(text) or len(text.split()) >= 2))


def _place_opens(text: str) -> bool:
    """Whether the text opens with a dateline's place, written as names ("Lâm Đồng, ngày")."""
    dated = _DATELINE.match(text)
    return dated is not None and _place(dated["place"]) == " ".join(dated["place"].split())


def _dateline_apart(text: str) -> tuple[str, str]:
    """A subject's words without the dateline that a text keeping one space between columns glues among
    them ("… Kế hoạch kiểm Lâm Đồng, ngày 5 tháng 01 năm 2026 tra cải cách …"), and that dateline ("" when
    none); its place is the names that end the words before ", ngày"."""
    dated = _DATELINE.search(text)
    if dated is None:
        return text, ""
    place = _place(dated["place"])
    start = dated.start("place") + max(0, dated["place"].rfind(place))
    return " ".join(f"{text[:start]} {text[dated.end() :]}".split()), text[start : dated.end()]


def _subject_line(parts: list[str]) -> tuple[str, list[str]]:
    """A subject's line as its own words and the right column's parts beside them."""
    beside = _beside_subject(parts)
    own, dateline = _dateline_apart(own_words(" ".join(parts[:beside])))
    return own, [dateline, *parts[beside:]] if dateline else parts[beside:]


def _joined(title: list[str]) -> str:
    """A title's lines as one: a symbol broken after its hyphen ("3183/SNV-" / "TCBC") is joined back."""
    text = title[0]
    for line in title[1:]:
        text += ("" if BROKEN_SYMBOL.search(text) else " ") + line
    return text


def _spaced(lines: list[str]) -> bool:
    """A text with a blank line after nearly every line (some exports double the line breaks): there a
    blank line ends nothing."""
    pairs = [(a, b) for a, b in pairwise(lines[:121]) if a.strip()]
    return bool(pairs) and sum(not b.strip() for _, b in pairs) > 0.6 * len(pairs)


def _after_blanks(lines: list[str], index: int) -> int:
    while index < len(lines) and not clean(lines[index]):
        index += 1
    return index


def _full_width(lines: list[str]) -> int:
    widths = sorted(len(text) for line in lines[:400] if (text := clean(line)))
    return widths[3 * len(widths) // 4] if widths else 0


def _printed_full_width(lines: list[str]) -> int:
    """Where a full line ends as printed: in a PDF's layout text, spaces keep each word's place, so a
    centred title line ends well short of a justified body line that holds no more letters."""
    widths = sorted(len(line.rstrip()) for line in lines[:400] if line.strip())
    return widths[3 * len(widths) // 4] if widths else 0


def _fills_line(text: str, raw: str, full: int, printed_full: int) -> bool:
    """Whether a line is as long as the body's full lines, by its letters and by where it ends."""
    return len(text) >= 0.8 * full and len(raw.rstrip()) >= 0.8 * printed_full


def _at_blank_goes_on(title: list[str], following: str) -> bool:
    """Whether a title goes on past blank lines: only when its line cannot end there, or the line after
    them goes on in lower case."""
    return bool(_OPEN_END.search(title[-1])) or clean(following)[:1].islower()


def _body_name(text: str, found: Layout) -> bool:
    """Whether a line in capitals naming a body ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN") after a title that could
    end is the body issuing a decision (not the title's); noted either way for the editor."""
    issuing = found.kind in _AUTHORITY_KINDS
    where = "để ngoài trích yếu" if issuing else "đưa vào trích yếu"
    found.doubts.append(
        f"trích yếu: dòng '{text}' có thể là cơ quan ban hành hoặc phần cuối của trích yếu; đã {where}, "
        "kiểm tra lại"
    )
    return issuing


def _goes_on(
    title: list[str],
    raws: list[str],
    text: str,
    raw: str,
    full: tuple[int, int],
    found: Layout,
    ruled: bool = False,
    addressed: bool = False,
) -> bool:
    """Whether the line `text` goes on the title read so far; `ruled`: a rule is drawn under the line;
    `addressed`: the addressee ("Kính gửi") follows, and nothing but the title stands before it."""
    previous = title[-1]
    if _HEADING.match(text):
        return False
    if _OPEN_END.search(previous):  # "…CÁC SỞ, BAN, NGÀNH," / "…GIAI ĐOẠN 2017 -" / "… CỦA"
        return not re.match(r"^(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện)\b", text)
    if _OPENERS.match(text):
        return False
    if text[:1].islower():
        return True
    if is_upper(text) and _PERSON.match(text):  # who issues a decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN …"
        return False
    if is_upper(text) and _BODY.match(text):
        return not _body_name(text, found)
    if ruled or addressed:  # a rule or "Kính gửi" under a title closes it, and nothing else stands between
        return True
    if all(map(is_bold, raws)) and not is_bold(raw):  # a Word title in bold ends with its bold
        return False
    if all(map(is_upper, title)):  # a title in capitals goes on in capitals
        return is_upper(text)
    if is_upper(text):
        return False
    # A title in sentence case: a line that fills the page or ends a sentence is the body's. A line of a
    # Word title in bold is not measured: its breaks are typed, and in a short file the paragraphs that
    # tell a full line's width are too few ("…thành Hội Cựu quân nhân" / "Quân đoàn II tỉnh …").
    bold_title = all(map(is_bold, [*raws, raw]))
    return not ((not bold_title and _fills_line(text, raw, *full)) or re.search(r"[.:;]$", text))


def _addressee_after(lines: list[str], start: int) -> int | None:
    """Where "Kính gửi" stands within a title's reach after `start`, with no line opening the body or a
    section before it: every line before it is the title's (a tờ trình, a report to a superior)."""
    for index in range(start, min(len(lines), start + TITLE_LINES + 3)):
        text = clean(lines[index])
        if _ADDRESSEE.match(text):
            return index
        if _OPENERS.match(text) or _HEADING.match(text):
            return None
    return None


def _opens_body_not_title(text: str, raw: str, full: int) -> bool:
    """Whether the first line under the kind word opens the body rather than the title. A title may open
    as a paragraph does ("Triển khai thực hiện …", "Thực hiện …"): such a line is the title's when it is in
    bold (a Word title) or short and ends no sentence (a centred line), unless it opens with "Căn cứ" or
    "Kính gửi", which no title does."""
    if _HEADING.match(text):
        return True
    if not _OPENERS.match(text):
        return False
    centred = len(text) <= min(0.8 * full, TITLE_WIDTH) and not re.search(r"[.,:;]$", text)
    return bool(_NEVER_TITLE.match(text)) or not (is_bold(raw) or centred)


def read_title(lines: list[str], start: int, found: Layout, opening: str = "") -> int:
    """The title under the kind word, up to the first paragraph (its opener, a heading number, a line that
    cannot go on the title), the authority that issues a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), a
    rule, or a blank line where the title can end; the index of the body's first line. `opening`: the title's
    words that share the kind's line."""
    title: list[str] = [opening] if opening else []
    raws: list[str] = list(title)
    spaced, full = _spaced(lines), _full_width(lines)
    widths = (full, _printed_full_width(lines))
    addressee = _addressee_after(lines, start)
    index = start
    while index < len(lines):
        raw, text = lines[index], clean(lines[index])
        if not text:  # a run of blank lines, judged once
            after = _after_blanks(lines, index)
            if (
                title
                and not spaced
                and not _at_blank_goes_on(title, lines[after] if after < len(lines) else "")
            ):
                index = after if after < len(lines) else index  # a rule under the title is not the body's
                break
            index = after
            continue
        if _DATELINE.search(text) and found.place is not None:
            index += 1
            continue
        if is_rule(text):
            index += 1
            if title:
                break
            continue
        ruled = index + 1 < len(lines) and is_rule(clean(lines[index + 1]))
        addressed = addressee is not None and index < addressee
        if (title and not _goes_on(title, raws, text, raw, widths, found, ruled, addressed)) or (
            not title and _opens_body_not_title(text, raw, full)
        ):
            break
        title.append(text)
        raws.append(raw)
        index += 1
        if len(title) > TITLE_LINES:
            return start  # no end in reach: there is no title here
    if index >= len(lines):
        return start
    found.title = _joined(title) if title else ("" if found.kind in _UNTITLED_KINDS else None)
    return index
