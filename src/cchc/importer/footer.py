"""The foot of a document: the recipients (Nơi nhận) on the left beside the signature block on the right
(TM./KT. + position lines, the space for the signature, the signer's name), then whatever follows the
signature (appendices: Phụ lục …; in a file that bundles letters, the next letter). In a PDF's text the two
columns share lines, apart by a run of spaces or by a single one ("- Như Điều 3; CHỦ TỊCH")."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from cchc.importer.marks import COLUMNS, clean, columns, is_rule, is_upper
from cchc.importer.syllables import is_syllable, split_syllable

if TYPE_CHECKING:
    from cchc.importer.layout import Layout

LIST_MARKS = ("-", "+", "•")
SIGNATURE_REACH = 40  # lines after "Nơi nhận" within which its signature stands
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^(?:(?:TM|KT|Q|TL|TUQ)\.\s*|[TK]/[MTL]\s+)?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][A-ZĐÂĂÊÔƠƯ\u00C0-\u1EF9 ,.&/-]*$"
)
# How a position line beside a recipient opens ("- Như trên; PHÓ TRƯỞNG THUẾ TỈNH").
_POSITION = re.compile(
    r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s*|[TK]/[MTL]\s+)|^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|BÍ\s+THƯ"
    r"|CHỦ\s+NHIỆM|CHÁNH\s+VĂN\s+PHÒNG|CHÁNH\s+THANH\s+TRA|TỔNG\s+GIÁM\s+ĐỐC|(?:\w+\s)?TRƯỞNG)\b"
)
_PREFIXED = re.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\.|[TK]/[MTL]\s)")
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b")
_ARCHIVE = re.compile(r"^Lưu\b", re.IGNORECASE)  # "Lưu: VT, …", the list's last entry
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
RIGHT_ALONE = 30  # a line's text opening past this many spaces stands in the right column alone
_FILE_PATH = re.compile(r"^(?:[A-Za-z]:\\|\\\\)|\\[^\\]+\.(?:docx?|pdf|xlsx?)$", re.IGNORECASE)


def signature_line(text: str) -> bool:
    return bool(_SIGNATURE.match(text)) and is_upper(text) and not text.startswith("-")


# A military or police rank printed before a signer's name ("Thiếu tướng Trương Minh Đương"), kept with it.
_RANK = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|(?:Phó\s+|Chuẩn\s+)?Đô\s+đốc)\s+(?=\S)"
)


def _capitalised(word: str) -> bool:
    return word.isalpha() and word[:1].isupper() and word[1:].islower()


def person(text: str) -> str | None:
    """The person's name `text` is: two to six capitalised words and nothing else, after a rank if one is
    printed. Every syllable of a name is capitalised, so a piece in small letters that completes the
    syllable before it is that syllable's end, split by a PDF's text ("Trần Hữu Tu ấn"): joined back."""
    rank = _RANK.match(text)
    words: list[str] = []
    for word in text[rank.end() if rank else 0 :].split():
        if words and word.islower() and split_syllable(words[-1], word, alone=True):
            words[-1] += word
        else:
            words.append(word)
    if not (2 <= len(words) <= 6 and all(map(_capitalised, words))):
        return None
    named = " ".join(words)
    return f"{' '.join(rank.group().split())} {named}" if rank else named


def name(text: str) -> bool:
    return person(text) is not None


def _stray_glyph(text: str) -> bool:
    """Whether the text opens with one lower-case letter glued before a capitalised word ("ơNguyễn")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return len(first) > 2 and first[0].islower() and _capitalised(first[1:])


def _position_first(part: str) -> list[str] | None:
    """A position and the dashed recipient glued after it, as a PDF's plain text may give them ("PHÓ GIÁM
    ĐỐC- Như trên;"), apart; None when the part is not so."""
    position, dash, item = (piece.strip() for piece in part.partition("-"))
    if dash and any(c.islower() for c in item) and signature_line(position) and _POSITION.match(position):
        return [position, f"- {item}"]
    return None


def _split_position(part: str) -> list[str]:
    """A recipient and the position line or the name that shares its line after a single space, apart:
    the run of words in capitals that ends the part and opens like a position, after a recipient's
    punctuation or with its own TM./KT.; or a name of two to five words after a recipient's ';' or '.'.
    A position before the recipient, glued to its dash, is put apart too."""
    if (apart := _position_first(part)) is not None:
        return apart
    words = part.split()
    first_upper = len(words)
    while first_upper > 0 and not any(c.islower() for c in words[first_upper - 1]):
        first_upper -= 1
    if first_upper == 0:  # no recipient's words before: the whole part is one line ("KT. BỘ TRƯỞNG")
        return [part]
    for start in range(first_upper, len(words)):
        opening = " ".join(words[start : start + 4])
        if (words[start - 1][-1] in ";,.:)" or _PREFIXED.match(opening)) and _POSITION.match(opening):
            tail = " ".join(words[start:])  # built once: the first opening found decides
            return [" ".join(words[:start]), tail] if signature_line(tail) else [part]
    if (cut := _name_cut_after(words, ";.")) is not None:
        return [" ".join(words[:cut]), " ".join(words[cut:])]
    return [part]


def _name_cut_after(words: list[str], marks: str | None) -> int | None:
    """Where a name of two to five words (with the rank printed before it) ends the words, after a word
    that closes with one of `marks` (None: after any word); None when none does. The longest name first:
    after any word, a shorter one is a tail of it ("Phạm Mạnh Cường", not "Mạnh Cường")."""
    for size in (5, 4, 3, 2):
        cut = len(words) - size
        if cut >= 2 and _RANK.match(" ".join(words[cut - 2 :])):  # a rank before the name goes with it
            cut -= 2
        if cut > 0 and (marks is None or words[cut - 1][-1] in marks) and name(" ".join(words[-size:])):
            return cut
    return None


def _name_cut(first: str, rest: str) -> bool:
    return _capitalised(first) and name(rest) and name(f"{first} {rest}")


def _position_cut(first: str, rest: str) -> bool:
    """ "PHÓ GIÁM" / "ĐỐC", "THỨ" / "TRƯỞNG": capitals that open no position, before capitals that make one
    with them."""
    return (
        signature_line(first)
        and signature_line(rest)
        and len(first.split()) <= 2
        and not (_POSITION.match(first) or _PREFIXED.match(first))
        and bool(_POSITION.match(f"{first} {rest}"))
    )


def _name_rejoined(parts: list[str]) -> list[str]:
    """The parts with a name or a position cut by a wide gap of a justified PDF line joined back: a lone
    capitalised word before a name is the name's ("Trần  Thanh Tài"), capitals that open no position
    before capitals that make one with them are its ("PHÓ GIÁM  ĐỐC")."""
    joined: list[str] = []
    for part in parts:
        if joined and (_name_cut(joined[-1], part) or _position_cut(joined[-1], part)):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _parts(line: str) -> list[str]:
    """The line's columns, each split where a position or a name shares it. A line of the right column
    alone is one column, however wide the gaps a justified PDF line leaves in it ("PHÓ    GIÁM ĐỐC")."""
    pieces = [clean(line)] if _right_alone(line) else _name_rejoined(columns(line))
    return [piece for part in pieces for piece in _split_position(part)]


def _right_alone(line: str) -> bool:
    return bool(line.strip()) and len(line) - len(line.lstrip()) > RIGHT_ALONE


def _signs(line: str) -> bool:
    return any(signature_line(part) or name(part) for part in _parts(line))


def _recipients_mark(lines: list[str]) -> tuple[int, str] | None:
    """Where "Nơi nhận" stands, and what shares its line: the first such line with a signature after it
    (a file may bundle letters, each with its own), else the last one."""
    marks = []
    for index, line in enumerate(lines):
        head = clean(COLUMNS.split(line.strip(), 1)[0])
        if head[:3].lower() == "nơi" and (parts := _parts(line)) and (found := _RECIPIENTS.match(parts[0])):
            marks.append((index, " ".join([found["rest"] or "", *parts[1:]]).strip()))
    # Each line read once, however many marks' reaches hold it (a paste of many "Nơi nhận" lines).
    signed = cache(lambda i: _signs(lines[i]))
    for index, rest in marks:
        if any(signed(i) for i in range(index, min(index + SIGNATURE_REACH, len(lines)))):
            return index, rest
    return marks[-1] if marks else None


def _right_position(line: str) -> bool:
    """A position line of the right column alone: far from the margin, or opening with TM./KT."""
    text = clean(line)
    return signature_line(text) and (len(line) - len(line.lstrip()) > 30 or bool(_PREFIXED.match(text)))


def _bold_runs_joined(tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A bold run that a text copied from a web page breaks over lines ("**TM. ỦY BAN NHÂN" / "DÂN**") as
    one line: it is one line of the signature block."""
    joined: list[tuple[int, str]] = []
    open_run = False
    for index, line in tail:
        if open_run and line.strip():
            joined[-1] = (joined[-1][0], f"{joined[-1][1].rstrip()} {line.strip()}")
        else:
            joined.append((index, line))
        open_run = (open_run != (line.count("**") % 2 == 1)) and bool(line.strip())
    return joined


def _closing(text: str) -> bool:
    return not text or is_rule(text) or signature_line(text) or name(text)


def _beside_block(line: str) -> bool:
    """A page number, or a line of the right column alone: among a signature block's lines."""
    return bool(_PAGE_NUMBER.match(clean(line))) or _right_alone(line)


def _signature_block_start(lines: list[str]) -> int:
    """Where a signature block that closes the text without recipients begins: its lines in capitals and
    the name, with the page number printed under it and the right column's other lines among them
    ("Nhiệm kỳ 2019 - 2025"); the block opens with a line in capitals, not with such a line."""
    start = len(lines)
    while start > 0 and (_closing(clean(lines[start - 1])) or _beside_block(lines[start - 1])):
        start -= 1
    while start < len(lines) and not _closing(clean(lines[start])):
        start += 1  # a right column's line above the block's first position is the body's
    return start


def _finished(recipient: list[str]) -> bool:
    """A recipient ends with ';' or '.'; one that ends otherwise ("các Vụ: CN,") goes on on the next
    line."""
    return recipient[-1].rstrip()[-1:] in (";", ".")


class _Tail:
    """The footer as it is read line by line: positions and the name go to the layout, the other parts
    to the recipients."""

    def __init__(self, found: Layout) -> None:
        self.found = found
        self.recipients: list[list[str]] = []  # each recipient's lines, joined once at the end
        self.dashed = True  # every recipient so far opened with a list mark

    def read(self, lines: list[tuple[int, str]]) -> int | None:
        """The index of the first line that follows the footer (an appendix), None when it ends the
        text."""
        for index, line in lines:
            parts = [part for part in _parts(line) if not is_rule(part)]
            if not parts or _PAGE_NUMBER.match(parts[0]):
                continue
            if _APPENDIX.match(parts[0]):
                return index
            if _FILE_PATH.search(parts[0]):  # the typist's file, printed under the recipients
                self.found.doubts.append(f"nơi nhận: bỏ dòng đường dẫn tệp '{parts[0]}'")
                continue
            if not self._add(parts, _right_alone(line)):
                return index
        return None

    def _add(self, parts: list[str], right_alone: bool = False) -> bool:
        """Read one line's parts; False when the line is not the footer's. A line of the right column alone
        between the positions and the name is the block's ("Nhiệm kỳ 2019 - 2025" under "TM. BCH …")."""
        found, listed = self.found, []
        for part in parts:
            if signature_line(part) and found.signer is not None:
                return False  # capitals after the signer's name: an appendix's title, the next letter
            if name(part) and found.signer is not None:
                return False  # a block has one signer: a name after it is a footnote's words, the next text's
            if signature_line(part) and self._under_signature(part):
                continue
            if signature_line(part):
                found.positions.append(part)
            elif signer := self._signer(part, alone=len(parts) == 1):
                found.signer = signer
            elif right_alone and len(parts) == 1 and found.positions and found.signer is None:
                found.positions.append(part)
            elif len(parts) == 1 and self._stray_in_signature_space(part):
                found.doubts.append(f"người ký: bỏ chữ '{part}' giữa chức vụ và tên người ký; kiểm tra lại")
            else:
                listed.append(part)
        if not listed:
            return True
        item = " ".join(listed)
        if item.startswith(LIST_MARKS):
            self.recipients.append([item.lstrip("-+• ").strip()])
        elif not self.recipients:
            self.recipients.append([item])
            self.dashed = False
        elif self._goes_on(item):
            self.recipients[-1].append(item)
        elif found.signer is None:
            self.recipients.append([item])  # listed without a dash, or beside the signature's lines
            self.dashed = False
        else:
            return False  # after the signer's name, what is not a recipient is an appendix
        return True

    def _goes_on(self, item: str) -> bool:
        """Whether a line without a list mark goes on the last recipient: in a list marked with dashes
        ("VPCP: …;" / "Trợ lý …;"), or after one that has not ended; past the signer's name only in small
        letters or after a dashed recipient that has not ended (wrapped, or cut by a page break), unless
        that is the archive's ("Lưu: …"), which ends the list."""
        last = self.recipients[-1]
        unfinished = not _finished(last)
        if not (self.dashed or unfinished):
            return False
        wrapped = self.dashed and unfinished and not _ARCHIVE.match(last[0])
        return self.found.signer is None or item[:1].islower() or wrapped

    def _stray_in_signature_space(self, part: str) -> bool:
        """A lone run of letters that is no Vietnamese word ("Hdfđ"), between the positions and the name
        after the list has ended: what a text layer keeps of the signature's image, not printed as words.
        Every word of a recipient is a syllable or a code in capitals, so none is taken for it."""
        return (
            bool(self.found.positions)
            and self.found.signer is None
            and bool(self.recipients)
            and _finished(self.recipients[-1])
            and part.isalpha()
            and any(c.islower() for c in part)
            and not is_syllable(part)
        )

    def _under_signature(self, part: str) -> bool:
        """A line in capitals that names an office with its body, after the block's last position (one
        without TM./KT./TL., whole: not ending with a comma), is printed under the signature, above the name
        ("GIÁM ĐỐC SỞ NỘI VỤ" under "TM. HỘI ĐỒNG" / "CHỦ TỊCH"): not a position line; noted. A bare
        position ("PHÓ THỦ TƯỚNG" under "TRƯỞNG BAN") is the block's second position line."""
        positions = self.found.positions
        office = _POSITION.match(part)
        if (
            not positions
            or not office  # "NƯỚC CỘNG HÒA …" under "CHỦ TỊCH": the position goes on
            or len(part[office.end() :].split()) < 2  # no body named after the position
            or _PREFIXED.match(part)
            or _PREFIXED.match(positions[-1])
            or not _POSITION.match(positions[-1])  # under a term ("Nhiệm kỳ 2019 - 2025") the block goes on
            or positions[-1].endswith(",")
        ):
            return False
        self.found.doubts.append(f"người ký: dòng '{part}' dưới chức vụ, không tính là chức vụ; kiểm tra lại")
        return True

    def _signer(self, part: str, alone: bool) -> str | None:
        """The signer's name that `part` is, if it is one. A name alone on its line under the positions
        may carry a lower-case glyph the text layer glues before its first capital, not printed on the
        page ("ơNguyễn Đức Vũ"): left out, and noted."""
        if part.startswith(LIST_MARKS):
            return None
        if (signer := person(part)) or not (alone and self.found.positions and _stray_glyph(part)):
            return signer
        if signer := person(part[1:]):
            self.found.doubts.append(f"người ký: bỏ ký tự '{part[0]}' dính trước tên '{part}'; kiểm tra lại")
        return signer

    def _name_in_recipients(self) -> None:
        """A signature with its positions but no name read: a text that interleaves the columns may glue the
        name to a recipient's line, after the line's last mark, when the recipient wraps on ("…các phòng,
        đơn vị: Trương Việt Dũng" / "ĐMPT, TH;"), or to the archive's line that ends the list, after its
        codes and the typist's initials ("Lưu: VT, TH(2). H Đỗ Ngọc Huỳnh"). A recipient's line seldom
        ends with a bare personal name after its punctuation (it closes with ';'), and the archive's never,
        so when the block has no name of its own, the last such name is the signer's: taken out of the
        recipients, and noted."""
        if self.found.signer is not None or not self.found.positions:
            return
        lines = [(recipient, index) for recipient in self.recipients for index in range(len(recipient))]
        for recipient, index in reversed(lines):
            words = recipient[index].split()
            archive = bool(_ARCHIVE.match(recipient[0]))
            if (cut := _name_cut_after(words, None if archive else ";.,:")) is not None:
                self.found.signer = person(" ".join(words[cut:]))
                recipient[index] = " ".join(words[:cut])
                self.found.doubts.append(
                    f"người ký: tên '{self.found.signer}' đọc ở cuối dòng nơi nhận '{' '.join(words)}'"
                    " (hai cột chung dòng); kiểm tra lại"
                )
                return

    def close(self) -> None:
        self._name_in_recipients()
        self.found.recipients = [" ".join(parts) for parts in self.recipients]


def read_footer(lines: list[str], found: Layout) -> tuple[int, int]:
    """Read the recipients and the signature; where the body stops, and where it goes on after the
    signature (appendices), or the end."""
    end = len(lines)
    mark = _recipients_mark(lines)
    if mark is not None:
        start, beside = mark
        tail = [(start, beside)] + [(index, lines[index]) for index in range(start + 1, end)]
        while start > 0 and _right_position(lines[start - 1]):  # the signature's column begins higher
            start -= 1
            tail.insert(0, (start, lines[start]))
    else:  # no "Nơi nhận": the signature block alone closes the text
        start = _signature_block_start(lines)
        tail = [(index, lines[index]) for index in range(start, end)]
    reader = _Tail(found)
    stop = reader.read(_bold_runs_joined(tail))
    reader.close()
    return start, end if stop is None else stop
