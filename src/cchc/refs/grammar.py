"""Patterns of Vietnamese document references (Nghị định 30/2020/NĐ-CP, Luật Ban hành VBQPPL,
Hướng dẫn 36-HD/VPTW), applied to normalised text."""

from __future__ import annotations

import re

# Kind words and the type code each takes in a symbol ("" when the symbol carries none).
KIND_CODES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Kế hoạch": "KH", "Báo cáo": "BC",
    "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Đề án": "ĐA", "Phương án": "PA",
    "Tờ trình": "TTr", "Kết luận": "KL", "Nghị định": "NĐ", "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT", "Quy chế": "QC", "Quy định": "QĐi", "Công văn": "", "Văn bản": "",
    "Luật": "", "Bộ luật": "", "Pháp lệnh": "PL", "Hiến pháp": "",
}
TYPE_KINDS = {code.upper(): kind for kind, code in KIND_CODES.items() if code}
TYPE_KINDS["QYĐ"] = "Quy định"
TYPE_KINDS["QĐI"] = "Quy định"

# Issuer codes that many bodies share: the issuer must come from the text or the citing unit.
GENERIC_ISSUERS = {"UBND", "HĐND"}

# A line or page break may fall inside a symbol after '-' or '/' ("23/CT-\n\nTTg").
_BREAK = r"(?:[ \t]*\n\s*)?"
_CODE = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
_NUM = r"\d{1,5}[a-z]?"

LEGAL = rf"{_NUM}/(?:19|20)\d\d/{_BREAK}{_CODE}(?:-{_BREAK}{_CODE})*"  # 118/2025/NĐ-CP, 169/2024/QH15
ADMIN = rf"{_NUM}/{_BREAK}{_CODE}(?:-{_BREAK}{_CODE})+"  # 76/NQ-CP, 1453/UBND-VHXH
PARTY = rf"{_NUM}-{_BREAK}{_CODE}/{_BREAK}{_CODE}"  # 57-NQ/TW
SYMBOL = rf"(?:{LEGAL}|{PARTY}|{ADMIN})"

DATE = (r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
        r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
_DATE_TAIL = rf"(?:\s*,?\s+(?:(?:được\s+)?ban\s+hành\s+)?ngày\s+(?P<date>{DATE}))?"


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


_KIND_WORDS = "|".join(_words(k) for k in sorted(KIND_CODES, key=len, reverse=True))

def starts_word(text: str, index: int, also: str = "") -> bool:
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in also)


# Scanning anchors on a digit followed by '/' or '-': cheap, and every symbol starts so.
# Patterns start with literals, not lookbehinds, so that re can skip ahead fast;
# `starts_word` checks what precedes a match.
ANCHOR = re.compile(r"\d{1,5}[a-z]?[/-]")

# A symbol and the date after it, matched at an anchor: "76/NQ-CP ngày 15/7/2021".
SYMBOL_AT = re.compile(rf"(?P<symbol>{SYMBOL})(?![\w/-]){_DATE_TAIL}")

# The kind word just before a symbol: "Nghị quyết số ", "nghị quyết ", "Kết luận \n\nsố ".
KIND_BEFORE = re.compile(rf"(?<![\w])(?P<kind>(?i:{_KIND_WORDS}))\s+(?:(?i:số)\s*:?\s*)?$")
KIND_WINDOW = 48

# "TCVN ISO 9001:2015", "TCVN 5574:2018".
STANDARD = re.compile(r"(?P<symbol>TCVN(?:\s+ISO(?:/IEC)?)?\s+(?P<number>\d{3,5}(?:-\d+)?)\s*:\s*(?P<year>\d{4}))")

# "Luật Tổ chức Chính phủ năm 2025", "Bộ luật Dân sự ngày 24 tháng 11 năm 2015".
LAW_START = re.compile(r"(?P<kind>Bộ\s+luật|Luật|Pháp\s+lệnh|Hiến\s+pháp)\s+(?=[A-ZĐÀ-Ỹ])")
NOT_A_LAW = re.compile(r"(?i:pháp)\s+$")  # "pháp luật", "Pháp Luật" are not laws
LAW_END = re.compile(rf"\s+(?:năm\s+(?P<year>\d{{4}})|ngày\s+(?P<date>{DATE})|số\s+(?P<symbol>{LEGAL}))")
LAW_STOP = re.compile(r"[,;.():\n\"“”]|\s(?:và|của|về|đã|được|theo|tại|trong|với|nhằm|để|thì|là|có|các|cho|đối|do|này|năm|ngày|số)(?=\s)")

# After a reference: whose it is ("của UBND thành phố") and what it is about ("về việc …").
OF = re.compile(r"\s*,?\s+của\s+")
TITLE = re.compile(r"\s*,?\s+(?P<title>(?:về\s+việc|về|ban\s+hành|phê\s+duyệt|quy\s+định|hướng\s+dẫn)\s[^;.\n()]{3,240})")
