"""Patterns of Vietnamese document references (Nghị định 30/2020/NĐ-CP, Luật Ban hành VBQPPL,
Hướng dẫn 36-HD/VPTW), applied to normalised text."""

from __future__ import annotations

import re

from cchc.kinds import KINDS

# Kind words and the type code each takes in a symbol ("" when the symbol carries none).
KIND_CODES = {kind.name: kind.code for kind in KINDS}
TYPE_KINDS = {code.upper(): kind for kind, code in KIND_CODES.items() if code}
TYPE_KINDS["QYĐ"] = "Quy định"
TYPE_KINDS["QĐI"] = "Quy định"

# Issuer codes that many bodies share: the issuer must come from the text or the citing unit.
GENERIC_ISSUERS = {"UBND", "HĐND"}

# A line or page break may fall inside a symbol after '-' or '/' ("23/CT-\n\nTTg"), and
# real text puts stray spaces around the hyphen ("2927 -TB/TU", "473/TTr -\nNN&PTNT").
_BREAK = r"(?:[ \t]*\n\s*)?"
# One way only to read what follows the hyphen (a line break, or one space): two would make a run of "-\n "
# exponential.
_HYPHEN = r"[ \t]?[-–](?:[ \t]*\n\s*+|[ \t]?)"
_CODE = r"[A-ZĐa-zđ][A-Za-zĐđ0-9&]*"
_NUM = r"\d{1,5}(?:\.?[a-z])?"  # "09b", and "08.a" as some circulars number themselves
# Spaces, perhaps with a comma, before a word: ", ngày", "  của". Possessive: written `\s*,?\s+`, a long
# run of spaces would be split every possible way before the word is found missing (quadratic).
GAP = r"(?:\s*+,\s++|\s++)"

# 118/2025/NĐ-CP, 183/2010/TTLT/BTC-BNN
LEGAL = rf"{_NUM}/[ \t]?(?:19|20)\d\d/{_BREAK}{_CODE}(?:(?:{_HYPHEN}|/){_CODE})*"
ADMIN = rf"{_NUM}/{_BREAK}{_CODE}(?:{_HYPHEN}{_CODE})+"  # 76/NQ-CP, 1453/UBND-VHXH
PARTY = rf"{_NUM}[ \t]?-{_BREAK}{_CODE}/{_BREAK}{_CODE}"  # 57-NQ/TW
SYMBOL = rf"(?:{LEGAL}|{PARTY}|{ADMIN})"
SHORT = rf"{_NUM}/[A-ZĐ]{{2,}}[A-Za-zĐđ0-9&]*"  # 285/CCTTHC: only after a kind word

DATE = (
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4,5}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4})(?!\d)"
)
_DATE_TAIL = (
    rf"(?:{GAP}(?:(?:được\s+)?ban\s+hành\s+)?(?i:ngày)\s+(?P<date>{DATE})"
    r"|\s++(?:(?i:năm)\s+)?(?P<tail_year>(?:19|20)\d\d)(?!\d)(?![/.-]\d))?"
)

# Codes written in mixed case; every other code is read in capitals ("nđ-cp" is NĐ-CP).
MIXED_CASE = {"TTG": "TTg", "CTR": "CTr", "TTR": "TTr", "QYĐ": "QyĐ"}


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


_KIND_WORDS = "|".join(_words(k) for k in sorted(KIND_CODES, key=len, reverse=True))


def starts_word(text: str, index: int, also: str = "") -> bool:
    """Whether a match at `index` starts a word; a number may follow "số" with no space ("số68/2010/…")."""
    return (
        index == 0
        or not (text[index - 1].isalnum() or text[index - 1] in also)
        or (text[index].isdigit() and text[max(0, index - 2) : index].lower() == "số")
    )


# Scanning anchors on a digit followed by '/' or '-': cheap, and every symbol starts so.
# Patterns start with literals, not lookbehinds, so that re can skip ahead fast;
# `starts_word` checks what precedes a match.
ANCHOR = re.compile(r"\d{1,5}(?:\.?[a-z])?[ \t]?[/-]")

# A symbol and the date after it, matched at an anchor: "76/NQ-CP ngày 15/7/2021".
SYMBOL_AT = re.compile(rf"(?P<symbol>{SYMBOL})(?![\w/-]){_DATE_TAIL}")
SHORT_AT = re.compile(rf"(?P<symbol>{SHORT})(?![\w/-]){_DATE_TAIL}")

# The kind word just before a symbol: "Nghị quyết số ", "nghị quyết ", "Kết luận \n\nsố ".
# The kind word before a symbol: "Nghị quyết số ", "nghị quyết ", "Kết luận \n\nsố ",
# "Báo cáo thẩm tra số " (up to two words between the kind and "số").
KIND_BEFORE = re.compile(
    rf"(?<![^\W\d])(?P<kind>(?i:{_KIND_WORDS}))"  # after a footnote's number too: "- 9Nghị định …"
    rf"(?:\s+(?:(?i:số)|(?:\w+\s+){{0,2}}(?i:số))\s*:?)?\s*$"
)
KIND_WINDOW = 64
NUMBER_WORD_BEFORE = re.compile(r"(?<!\w)(?i:số)\s*:?\s*$")  # "…; số 83/2015/QH13" without a kind

# "TCVN ISO 9001:2015", "TCVN 5574:2018".
STANDARD = re.compile(
    r"(?P<symbol>TCVN(?:\s+ISO(?:/IEC)?)?\s+(?P<number>\d{3,5}(?:-\d+)?)"
    r"\s*:\s*(?P<year>\d{4}))"
)

# "Luật Tổ chức Chính phủ năm 2025", "Bộ luật Dân sự ngày 24 tháng 11 năm 2015",
# "Luật Đầu tư công số 49/2014/QH13 ngày 18 tháng 6 năm 2014", "BỘ LUẬT DÂN SỰ NĂM 2015".
LAW_START = re.compile(
    r"(?P<kind>(?i:bộ\s+luật)|Luật|LUẬT|Pháp\s+lệnh|PHÁP\s+LỆNH|Hiến\s+pháp|HIẾN\s+PHÁP)"
    r"\s+(?=\w)(?!sư(?!\w))"  # "Luật sư" is a lawyer
)
# "pháp luật" is not a law, and "các Bộ luật Lao động trước đây" names no one law.
NOT_A_LAW = re.compile(r"(?i:pháp|các|những|cty|công\s+ty|văn\s+phòng|hãng)\s+$")  # "Cty Luật TGS" is a firm
LAW_TAIL = re.compile(
    rf"\s++(?:(?i:số)\s+(?P<symbol>{LEGAL})(?:{GAP}(?i:ngày)\s+(?P<symbol_date>{DATE}))?"
    rf"|(?i:năm)\s+(?P<year>\d{{4}})(?!\d)|(?i:ngày)\s+(?P<date>{DATE})"
    r"|(?P<bare_year>(?:19|20)\d\d)(?!\d)(?![/.-]\d))"
)
LAW_NUMBER = re.compile(rf"\s++(?i:số)\s+(?P<symbol>{LEGAL})(?![\w/-])")
LAW_BARE_YEAR = re.compile(r"\s++(?:19|20)\d\d(?!\d)(?![/.-]\d)")
# Where a law's name cannot go on: the end of a clause, or another reference.
LAW_SENTENCE_END = re.compile(
    r"[;.:\[\]\"“”]|\n\s*\n|\(\s*(?!sửa)"
    r"|,\s+(?:có|được|kể|đã|sẽ|thì|là|đang|nhằm)\s"
    r"|\b(?:Luật|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư|Pháp\s+lệnh)\b"
    r"|\d+/"
)
# Where a name cited without year or number ends.
LAW_STOP = re.compile(
    r"[,;.():\[\]\"“”]|\n\s*\n|\n\s*[-+•–]\s|\s(?i:và|của|về|đã|được|theo|tại|trong|với|nhằm|để|thì|là|"
    r"có|các|cho|đối|do|này|đó|trước|hiện|mới|cũ|sẽ|như|liên|quy\s+định|không|cũng|gồm|đến|từ|"
    r"năm|ngày|số|sửa|bổ)(?=\s|$)"
)
LAW_MAX_NAME = 120  # characters
# Where a run of spaces starts: a law's tail ("năm 2025", "số …") can only start there.
SPACE_RUN = re.compile(r"(?<!\s)\s")
# After a reference: whose it is ("của UBND thành phố") and what it is about ("về việc …").
OF = re.compile(rf"{GAP}của\s+")
TITLE = re.compile(
    rf"{GAP}(?P<title>(?:về\s+việc|về|ban\s+hành|phê\s+duyệt|quy\s+định|hướng\s+dẫn)"
    r"\s[^;.\n()]{3,240})"
)
