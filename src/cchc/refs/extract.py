"""Find references in text and type them; who issued them and when is settled by `resolve`."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

from cchc.dates import DateError, parse_date
from cchc.model import Alias
from cchc.refs import grammar, pinpoints
from cchc.refs.citation import STANDARD, Citation, Finding, Pinpoint
from cchc.refs.normalize import Normalized, normalize, script_name
from cchc.text import name_key

_SPACE = re.compile(r"\s+")
_NATIONAL_ASSEMBLY = re.compile(r"QH\d*")
_SPACES = re.compile(r"\s*")
_CANONICAL_KIND = {grammar._words(k).lower(): k for k in grammar.KIND_CODES}
# Where an issuer phrase ends; line breaks do not end it ("của UBND \n\nthành phố").
_PHRASE_END = re.compile(
    r"[;.()]|\s(?i:về|ban\s+hành|phê\s+duyệt|quy\s+định|hướng\s+dẫn|và|tại|nhằm|để|"
    r"thực\s+hiện|ngày)\s"
)
# A date after the issuer: "Chỉ thị số 44/CT-TTg của Thủ tướng Chính phủ ngày 06 tháng 12 năm 2017".
_LATE_DATE = re.compile(rf"\s*+,?\s*+(?i:ngày)\s+(?P<date>{grammar.DATE})")


# A join word left at the end of a title cut where the next reference begins ("về … và"): one word, found
# at the end once the spaces and commas around it are stripped (a pattern with a run of [\s,] on each side
# of an optional word tried every split of a run of ", , , …": cubic).
_TRAILING_WORD = re.compile(r"\b(?:và|tại|theo|của|số)$")


def _without_trailing_join(cut: str) -> str:
    cut = cut.rstrip(" ,\t\n")
    return _TRAILING_WORD.sub("", cut).rstrip(" ,\t\n")


def _kind_name(written: str) -> str:
    key = _SPACE.sub(" ", written).lower()
    for pattern, name in _CANONICAL_KIND.items():
        if re.fullmatch(pattern, key):
            return "Công văn" if name == "Văn bản" else name
    return written


def canonical_symbol(written: str) -> str:
    """'116/2013/nđ-cp' -> '116/2013/NĐ-CP', '23/CT-\\n\\nTTg' -> '23/CT-TTg',
    '2927 -TB/TU' -> '2927-TB/TU'."""
    parts = re.split(r"([-/])", _SPACE.sub("", written).replace("–", "-"))
    return "".join(
        grammar.MIXED_CASE.get(p.upper(), p.upper())
        if p[:1].isalpha() and (p.isupper() or p.islower() or p.upper() in grammar.MIXED_CASE)
        else p
        for p in parts
    )


def split_symbol(symbol: str) -> tuple[str, str | None, str | None, int | None]:
    """(number, type code, issuer code, year in the symbol) of a normalised symbol."""
    if "-" in symbol.split("/")[0]:  # Party: 57-NQ/TW
        head, issuer = symbol.split("/", 1)
        number, type_code = head.split("-", 1)
        return number, type_code, issuer, None
    parts = symbol.split("/")
    number, year = parts[0], None
    if len(parts) == 3:
        year, parts = int(parts[1]), parts[1:]
    segments = parts[1].split("-")
    if segments[0].upper() in grammar.TYPE_KINDS:
        return number, segments[0], (segments[1] if len(segments) > 1 else None), year
    return number, None, segments[0], year  # công văn, or a National Assembly number: 169/2024/QH15


def _date(written: str | None, citation: Citation) -> None:
    if not written:
        return
    try:
        citation.date = parse_date(_SPACE.sub(" ", written)).iso()
    except DateError as exc:
        citation.problems.append(Finding("impossible-date", str(exc)))
        # The year of an impossible date still tells which document is meant.
        if citation.year is None and (year := re.search(r"(?<!\d)(\d{4})$", written.strip())):
            citation.year = int(year.group(1))


def _after(norm: Normalized, citation: Citation, end: int) -> tuple[int, int] | None:
    """Read the issuer phrase ("của …") and title ("về việc …") that follow a reference."""
    text = norm.text
    if of := grammar.OF.match(text, end):
        stop = _PHRASE_END.search(text, of.end(), of.end() + 120)
        phrase_end = stop.start() if stop else min(len(text), of.end() + 120)
        citation.issuer_phrase = _SPACE.sub(" ", text[of.end() : phrase_end]).strip()
        end = phrase_end
        if citation.date is None and (late := _LATE_DATE.match(text, end)):
            _date(late.group("date"), citation)
            end = late.end()
    if title := grammar.TITLE.match(text, end):
        citation.title = _SPACE.sub(" ", title.group("title")).strip()
        return title.start("title"), title.end("title")
    return None


def _typed(
    norm: Normalized,
    start: int,
    end: int,
    kind_word: str | None,
    symbol_text: str | None,
    date_text: str | None,
) -> Citation:
    first, last = norm.span(start, end)
    citation = Citation(first, last, norm.original[first:last], kind="")
    if symbol_text:
        symbol = canonical_symbol(symbol_text)
        number, type_code, issuer_code, year = split_symbol(symbol)
        citation.symbol, citation.number, citation.year = symbol, number, year
        citation.type_code, citation.issuer_code = type_code, issuer_code
        inferred = grammar.TYPE_KINDS.get(type_code.upper()) if type_code else None
        if inferred is None and issuer_code and _NATIONAL_ASSEMBLY.fullmatch(issuer_code) and year:
            inferred = "Luật"  # 83/2015/QH13: the National Assembly numbers its laws so
        generic = kind_word is not None and name_key(kind_word) == "văn bản" and inferred is not None
        citation.kind = (
            _kind_name(kind_word)
            if kind_word and not generic  # "Văn bản số 379/TB-VPCP" is the Thông báo its code says
            else (
                inferred
                or (
                    "Công văn"
                    if "/" in symbol and len(symbol.split("/")) == 2 and "-" in symbol
                    else "Văn bản"
                )
            )
        )
        expected = grammar.KIND_CODES.get(citation.kind, "")
        if kind_word and expected and type_code and type_code.upper() != expected.upper():
            citation.problems.append(
                Finding(
                    "kind-mismatch",
                    (
                        f"'{citation.kind}' nhưng ký hiệu '{symbol}' là của "
                        f"{inferred or 'loại khác'} ({type_code}); "
                        f"cần ký hiệu {expected}"
                    ),
                )
            )
    _date(date_text, citation)
    if citation.year is None and citation.date:
        citation.year = int(citation.date[:4])
    for item in norm.lookalikes_in(start, end):
        citation.problems.append(
            Finding(
                "lookalike",
                f"chữ '{item.char}' (chữ {script_name(item.char)}) "
                f"trông như chữ Latin, được đọc là '{item.read_as}'",
            )
        )
    citation._title_span = _after(norm, citation, end)
    if citation.year is None and citation.date:
        citation.year = int(citation.date[:4])
    return citation


# A name cited without year or number must look like one: two words or more, not a pronoun.
_NOT_A_NAME = re.compile(
    r"(?i:này|đó|trên|dưới|hiện|mới|cũ|sửa|năm|số|ngày|và|của|gồm|"
    r"được|có|quy|là|cũng|sẽ)(?:\s|$)"
)


def _law_tail(t: str, name_start: int, limit: int) -> re.Match[str] | None:
    """The first year, date or number after a law's name that starts by `limit`. A tail opens with spaces,
    so it is tried only where a run of spaces starts: the search never runs past the name's reach."""
    for space in grammar.SPACE_RUN.finditer(t, name_start, limit + 1):
        if t[space.start() - 1] == ",":
            continue  # "Luật Cư trú, số 36/2013/QH13": the number after a comma is another law's
        if tail := grammar.LAW_TAIL.match(t, space.start()):
            return tail
    return None


def _name_end(t: str, name_start: int) -> int | None:
    """Where a name cited without year or number ends; None when it would be longer than a name can be."""
    reach = name_start + grammar.LAW_MAX_NAME
    # Searched a little past the reach and to the end of the spaces there, so that a stop starting within
    # the reach is read as in the whole text (a stop word whole, "\n  \n" across its spaces).
    past = min(len(t), reach + 16)
    window = spaces.end() if (spaces := _SPACES.match(t, past)) else past
    stop = grammar.LAW_STOP.search(t, name_start, window)
    if stop is not None and stop.start() <= reach:
        return stop.start()
    return len(t) if len(t) <= reach else None


def _law(norm: Normalized, m: re.Match[str]) -> tuple[int, Citation] | None:
    """A law, code or ordinance cited by name: (end, citation), or None."""
    t = norm.text
    name_start = m.end()
    bound = grammar.LAW_SENTENCE_END.search(t, name_start, name_start + grammar.LAW_MAX_NAME)
    limit = bound.start() if bound else min(len(t), name_start + grammar.LAW_MAX_NAME)
    symbol = year = None
    if (tail := _law_tail(t, name_start, limit)) is not None:
        name_end, end = tail.start(), tail.end()
        symbol, year = tail.group("symbol"), tail.group("year") or tail.group("bare_year")
        # "Luật Hộ tịch 2014 số 60/2014/QH13", "… số 72/2025/QH15 2025": the other half of the tail.
        if year and (number := grammar.LAW_NUMBER.match(t, end)):
            symbol, end = number.group("symbol"), number.end()
        elif symbol and not tail.group("symbol_date") and (bare := grammar.LAW_BARE_YEAR.match(t, end)):
            end = bare.end()
    elif (bare_end := _name_end(t, name_start)) is not None:
        name_end = end = bare_end
    else:
        return None
    name = _SPACE.sub(" ", t[name_start:name_end]).strip()
    lower_kind = m.group("kind")[0].islower()
    if (
        not name
        or _NOT_A_NAME.match(name)
        or (tail is None and (lower_kind or (len(name.split()) < 2 and not name[0].isupper())))
    ):
        return None
    date = tail and (tail.group("date") or tail.group("symbol_date"))
    c = _typed(norm, m.start(), end, None, None, date)
    c.kind, c.name = _kind_name(m.group("kind")), name
    if symbol:
        c.symbol = canonical_symbol(symbol)
        c.number, c.type_code, c.issuer_code, c.year = split_symbol(c.symbol)
    elif year:
        c.year = int(year)
    return end, c


@lru_cache(maxsize=8)
def _alias_pattern(aliases: tuple[Alias, ...]) -> re.Pattern[str]:
    phrases = sorted((grammar._words(a.phrase) for a in aliases), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(phrases)})(?!\w)", re.IGNORECASE)


def extract(text: str, aliases: tuple[Alias, ...] = ()) -> list[Citation]:
    """Every reference in `text`, in order of position, without overlaps."""
    norm = normalize(text)
    t = norm.text
    spans: list[tuple[int, int, Citation]] = []
    taken = bytearray(len(t) + 1)  # 1 where a reference already lies

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def keep(start: int, end: int, citation: Citation) -> None:
        taken[start:end] = b"\x01" * (end - start)
        spans.append((start, end, citation))

    for m in grammar.LAW_START.finditer(t):
        start = m.start()
        if not grammar.starts_word(t, start) or grammar.NOT_A_LAW.search(t, max(0, start - 10), start):
            continue
        law = _law(norm, m)
        if law is not None and free(m.start(), law[0]):
            keep(m.start(), law[0], law[1])
    for m in grammar.STANDARD.finditer(t):
        if grammar.starts_word(t, m.start()) and free(m.start(), m.end()):
            c = _typed(norm, m.start(), m.end(), None, None, None)
            symbol = _SPACE.sub(" ", m.group("symbol")).replace(" :", ":").replace(": ", ":")
            c.kind, c.symbol = STANDARD, symbol
            c.number, c.year = m.group("number"), int(m.group("year"))
            keep(m.start(), m.end(), c)
    for anchor in grammar.ANCHOR.finditer(t):
        if not grammar.starts_word(t, anchor.start(), "/.-_"):
            continue
        window = max(0, anchor.start() - grammar.KIND_WINDOW)
        kind = grammar.KIND_BEFORE.search(t, window, anchor.start())
        cited = grammar.SYMBOL_AT.match(t, anchor.start())
        if cited is None and kind is not None:
            cited = grammar.SHORT_AT.match(t, anchor.start())
        if cited is None or not free(cited.start(), cited.end()):
            continue
        number_word = None if kind else grammar.NUMBER_WORD_BEFORE.search(t, window, anchor.start())
        start = kind.start() if kind else (number_word.start() if number_word else cited.start())
        kind_name = kind.group("kind") if kind else None
        c = _typed(norm, start, cited.end(), kind_name, cited.group("symbol"), cited.group("date"))
        if c.year is None and cited.group("tail_year"):
            c.year = int(cited.group("tail_year"))
        keep(start, cited.end(), c)
    if aliases:
        by_phrase = {name_key(alias.phrase): alias for alias in aliases}
        for m in _alias_pattern(aliases).finditer(t):
            alias = by_phrase[name_key(m.group())]
            if grammar.starts_word(t, m.start()) and free(m.start(), m.end()):
                c = _typed(norm, m.start(), m.end(), alias.kind, alias.symbol, alias.date)
                c.title = alias.title or c.title
                c.issuer_phrase = alias.issuer or c.issuer_phrase
                keep(m.start(), m.end(), c)
    spans.sort(key=lambda s: s[0])
    for (_, _, citation), (next_start, _, _) in pairwise(spans):
        # A title ends where the next reference begins ("về … và Kế hoạch số 09/KH-UBND").
        if citation._title_span and citation._title_span[1] > next_start:
            cut = _SPACE.sub(" ", t[citation._title_span[0] : next_start]).strip()
            citation.title = _without_trailing_join(cut) or None
    _attach_pinpoints(norm, spans, taken)
    return [c for _, _, c in spans]


def _attach_pinpoints(norm: Normalized, spans: list[tuple[int, int, Citation]], taken: bytearray) -> None:
    """Give each reference the pinpoints written right before it ("khoản 2 Điều 5 Nghị định …"), or in
    brackets right after it ("Luật Tiếp cận thông tin 2016 (Điều 17, 19)"); spans are in order of position."""
    starts = [start for start, _, _ in spans]
    for phrase in pinpoints.find(norm.text):
        if any(taken[phrase.start : phrase.end]):
            continue  # inside a reference: a law's name
        following = bisect_left(starts, phrase.end)
        next_start = starts[following] if following < len(starts) else None
        if pinpoints.owner(norm.text, phrase, next_start):
            citation = spans[following][2]
        elif following and pinpoints.bracketed(norm.text, phrase, spans[following - 1][1]):
            citation = spans[following - 1][2]
        else:
            continue
        first, last = norm.span(phrase.start, phrase.end)
        written = norm.original[first:last]
        citation.pinpoints += [Pinpoint(units, first, last, written) for units in phrase.pinpoints]
        citation.problems += phrase.problems
