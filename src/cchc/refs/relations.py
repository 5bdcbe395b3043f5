"""Relations read from text: which document replaces, amends, repeals, implements or guides which, and from
when ("Nghị định này thay thế Nghị định số 61/2018/NĐ-CP", "Quyết định số 12/2020/QĐ-UBND hết hiệu lực kể
từ ngày Quyết định này có hiệu lực", "Thông tư số 04/2020/TT-BTP … quy định chi tiết thi hành … Luật Hộ
tịch").

Find the phrases that state a relation (`VERB`, one pass of literals), then read each in its clause: the
references after it are its objects, the document before it or "… này" its subject; a passive phrase
("được thay thế bởi", "hết hiệu lực") turns them round. Dates come from the clause, else from what the text
says of its own force ("Nghị định này có hiệu lực thi hành kể từ ngày 01/7/2025").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from cchc.dates import DateError, PartialDate, parse_date
from cchc.refs import grammar, pinpoints
from cchc.refs.citation import Citation
from cchc.refs.normalize import normalize

THIS = "this"
RELATIONS = ("replaces", "amends", "repeals", "implements", "guides")

# The phrases, as texts write them (lower case, a capital first letter, or all capitals); each a named group.
_PHRASES = {
    "replaces": (r"thay\s+thế",),
    "amends": (r"sửa\s+đổi(?:\s*+,\s*+bổ\s+sung|\s+và\s+bổ\s+sung)?", r"bổ\s+sung"),
    "repeals": (r"bãi\s+bỏ",),
    "expires": (r"hết\s+hiệu\s+lực(?:\s+thi\s+hành)?",),
    "implements": (
        r"quy\s+định\s+chi\s+tiết(?:\s+thi\s+hành)?",
        r"triển\s+khai\s+(?:thi\s+hành|thực\s+hiện)",
        r"biện\s+pháp\s+thi\s+hành",
        r"về\s+(?:việc\s+)?thi\s+hành",
    ),
    "guides": (r"hướng\s+dẫn(?:\s+(?:thi\s+hành|thực\s+hiện))?",),
}


def _cases(pattern: str) -> str:
    """The pattern as written, with a capital first letter, and in capitals ("SỬA ĐỔI, BỔ SUNG")."""
    capitals = re.sub(r"\\[S]", r"\\s", pattern.upper())
    return f"[{pattern[0]}{pattern[0].upper()}]{pattern[1:]}|{capitals}"


# No lookbehind in front: a pattern that starts with its letters is scanned for them fast; `find` checks
# that a phrase starts a word.
VERB = re.compile(
    "|".join(
        f"(?P<{name}>{'|'.join(_cases(p) for p in patterns)})(?!\\w)" for name, patterns in _PHRASES.items()
    )
)
# Where a phrase may start: its first word as texts write it. A scan for these literals is several times
# faster than one for VERB, whose alternatives Python's re tries at every character.
_FIRST_WORDS = sorted({pattern.split("\\")[0] for patterns in _PHRASES.values() for pattern in patterns})
VERB_START = re.compile("|".join(f"{w}|{w.capitalize()}|{w.upper()}" for w in _FIRST_WORDS))
# "được thay thế bởi X", "bị bãi bỏ bởi X": the acting document comes after, perhaps after a pinpoint.
_PASSIVE_BEFORE = re.compile(r"(?i:được|bị|đã\s+được|đã\s+bị)\s++$")
_AGENT = re.compile(r"\s++(?i:bởi|bằng|tại|theo)\s++")
# Where a clause ends: a semicolon, a full stop before a space, an empty line. A single line break does not:
# texts copied from PDF break lines anywhere.
_CLAUSE_END = re.compile(r";|\.(?=\s)|\n[ \t]*\n|\n[ \t]*[-+•–][ \t]")
_CLAUSE_REACH = 600  # characters searched each way for a clause's end
# A list the phrase announces ("sửa đổi, bổ sung một số điều của các văn bản sau:"): its objects run to
# the end of the list, an empty line or a full stop.
_LIST_END = re.compile(r"\.(?=\s)|\n[ \t]*\n")
_LIST_REACH = 3000
_ITEM_LEAD = re.compile(r"[;:\n][\s\-+•–*]*$")
# What a clause says of the reference it opens, rather than listing it: "… tiếp tục có hiệu lực".
_PREDICATE = re.compile(r"\s*+(?:tiếp\s+tục|vẫn|còn\s+hiệu\s+lực|có\s+hiệu\s+lực|không|đã|sẽ|được|bị)(?!\w)")
# Before a reference, words that make it the frame of a sentence, not what the sentence acts on: "Theo
# Quyết định số 5/2025/QĐ-UBND, Quyết định số 12/2020/QĐ-UBND hết hiệu lực …", "bổ sung hồ sơ theo quy định
# tại Nghị định …".
_FRAMING = re.compile(r"(?<!\w)(?i:theo|căn\s+cứ)(?!\w)")
_FRAME_REACH = 60
# A phrase denied or not yet done: "không thay thế", "chưa bãi bỏ".
_DENIED = re.compile(r"(?<!\w)(?i:không|chưa|chẳng)\s+(?:(?:được|bị|có|phải)\s+)?$")
# A fact told of another text ("Nghị định số 61/2018/NĐ-CP đã hết hiệu lực"), not an act of this one.
_TOLD = re.compile(r"(?<!\w)(?i:đã)\s+$")
# The text speaking of itself: "Nghị định này", "Quyết định này", "Thông tư liên tịch này".
_KINDS_THIS = "|".join(
    grammar._words(k)
    for k in sorted({*grammar.KIND_CODES, "Luật", "Bộ luật", "Pháp lệnh"}, key=len, reverse=True)
)
SELF = re.compile(rf"(?<!\w)(?i:{_KINDS_THIS}|văn\s+bản)\s+này(?!\w)")
# A title naming the text by its kind alone: "Nghị định hướng dẫn thi hành …", "ban hành Nghị định quy định
# chi tiết …".
_BARE_KIND = re.compile(rf"(?<!\w)(?:{_KINDS_THIS}|{_KINDS_THIS.upper()})\s++$")
# When the relation takes effect, in the clause after its phrase: "(kể) từ (16 giờ 00) ngày …".
_FROM = r"(?i:kể\s+)?(?i:từ)\s+(?:\d{1,2}\s+giờ(?:\s+\d{1,2}(?:\s+phút)?)?\s+)?ngày\s+"
_FROM_DATE = re.compile(rf"{_FROM}(?P<date>{grammar.DATE})")
_FROM_SIGNING = re.compile(rf"{_FROM}ký(?!\w)")
_FROM_OWN_FORCE = re.compile(rf"{_FROM}(?:{SELF.pattern})\s+có\s+hiệu\s+lực")
# What the text says of its own force: "Nghị định này có hiệu lực (thi hành) (kể) từ ngày 01/7/2025".
_OWN_FORCE = re.compile(
    rf"{SELF.pattern}\s+có\s*+hiệu\s+lực(?:\s+thi\s+hành)?\s*+,?\s*+"  # "cóhiệu lực": a PDF's lost space
    rf"(?:{_FROM}(?:(?P<date>{grammar.DATE})|ký(?!\w)))"
)
# Between a subject and its phrase: only what belongs to the subject: its issuer, a late date, its own force,
# and the opening of its title ("Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp quy định chi tiết
# …", "Nghị định số 107/2021/NĐ-CP về sửa đổi …", "… có hiệu lực từ ngày 09/01/2025, sửa đổi …").
_SUBJECT_TAIL = re.compile(
    rf"\s*+[,:]?\s*+(?:(?:của|do)\s[^,;:()]{{1,120}}?)?\s*+,?\s*+(?:ngày\s+{grammar.DATE}\s*+)?"
    rf"(?:có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+{_FROM}(?P<force>{grammar.DATE})\s*+,?\s*+)?"
    r"(?:về\s+(?:việc\s+)?)?(?:quy\s+định\s+)?(?:một\s+số\s+(?:điều|nội\s+dung)\s+và\s+)?"
)
_CHAIN_GAP = 60  # "quy định chi tiết một số điều và biện pháp thi hành": one phrase in two
_SPACES = re.compile(r"\s*+")


@dataclass
class Relation:
    subject: str  # the acting document's symbol (or a law's name), or THIS
    relation: str  # one of RELATIONS
    object: str
    effective: PartialDate | None  # a day
    start: int  # offsets in the text as given: from the subject (or the phrase) to the object's end
    end: int
    text: str
    object_citation: Citation
    subject_citation: Citation | None = None  # None for THIS

    def public(self) -> dict[str, str | int | None]:
        return {
            "subject": self.subject,
            "relation": self.relation,
            "object": self.object,
            "effective": self.effective.vietnamese() if self.effective else None,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


def named(citation: Citation) -> str:
    """How a relation names a document: its symbol, or a law's kind and name."""
    if citation.symbol:
        return citation.symbol
    return f"{citation.kind} {citation.name}" if citation.name else " ".join(citation.text.split())


def _date(written: str) -> PartialDate | None:
    try:
        value = parse_date(" ".join(written.split()))
    except DateError:
        return None
    return value if value.day else None


_FORCE_WORDS = re.compile(r"này\s+có\s*+hiệu\s+lực")  # literal first: found fast, then read whole


def own_force(text: str, signed: PartialDate | None) -> PartialDate | None:
    """When the text itself takes effect, from what it says of its force; `signed` is its date, for
    "kể từ ngày ký"."""
    for words in _FORCE_WORDS.finditer(text):
        for mention in SELF.finditer(text, max(0, words.start() - 40), words.start() + 3):
            if m := _OWN_FORCE.match(text, mention.start()):
                return _date(m.group("date")) if m.group("date") else signed
    return None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _CLAUSE_END.finditer(text, max(0, start - _CLAUSE_REACH), start)]
    after = _CLAUSE_END.search(text, end, end + _CLAUSE_REACH)
    return (before[-1] if before else max(0, start - _CLAUSE_REACH)), (
        after.start() if after else min(len(text), end + _CLAUSE_REACH)
    )


def _effective(
    text: str, start: int, stop: int, signed: PartialDate | None, force: PartialDate | None
) -> PartialDate | None:
    if m := _FROM_DATE.search(text, start, stop):
        return _date(m.group("date"))
    if _FROM_SIGNING.search(text, start, stop):
        return signed
    if _FROM_OWN_FORCE.search(text, start, stop):
        return force
    return None


_SELF_TRIES = 3  # "này" of other nouns ("năm này", "vấn đề này") tried before giving up


def _last_self_mention(text: str, start: int, end: int) -> int | None:
    """Where the last "Nghị định này" (or any kind's) in text[start:end] starts: found from its "này", which a
    plain search finds fast, rather than by the pattern's case-blind alternatives over the whole clause."""
    word = text.rfind("này", start, end)
    for _ in range(_SELF_TRIES):
        if word < 0:
            break
        found = [m.start() for m in SELF.finditer(text, max(start, word - 40), word + 3)]
        if found:
            return found[-1]
        word = text.rfind("này", start, word)
    return None


def _items(text: str, clause_end: int, starts: list[int], ends: list[int]) -> tuple[list[int], int]:
    """The references past a phrase's clause that begin the items of a list of its objects: one it
    announces ("… các văn bản sau:\n- Nghị định …;\n- Nghị định …") to the list's end, or one that goes on
    after a semicolon ("… Thông tư số 01/2011/TT-BNG …; Thông tư số 02/2011/TT-BNG …") to the sentence's end.
    The titles of the items do not end it ("…; Thông tư số 02/2011/TT-BNG … hướng dẫn thủ tục …;"); a clause
    that says something of its reference does ("…; Quyết định số 15/2021/QĐ-UBND tiếp tục có hiệu lực").
    Also where the list ends, so that the phrases in its items' titles do not read it again."""
    reach = min(len(text), clause_end + _LIST_REACH)
    end = _LIST_END.search(text, clause_end, reach)
    stop = end.start() if end else reach
    items: list[int] = []
    for index in range(bisect_left(starts, clause_end), bisect_left(starts, stop)):
        if _PREDICATE.match(text, ends[index]):
            return items, starts[index]
        if _ITEM_LEAD.search(text, max(clause_end, starts[index] - 16), starts[index]):
            items.append(index)
    return items, stop


def _framed(text: str, clause_start: int, start: int) -> bool:
    """Whether the reference at `start` is introduced as a frame ("Theo …", "Căn cứ …") within its clause."""
    return _FRAMING.search(text, max(clause_start, start - _FRAME_REACH), start) is not None


def _agent(text: str, verb_end: int, starts: list[int]) -> int | None:
    """The reference named as the actor of a passive phrase ("bởi Điều 2 Thông tư 09/2022/TT-BTP")."""
    if not (by := _AGENT.match(text, verb_end)):
        return None
    at = by.end()
    if pinpoint := pinpoints.PHRASE.match(text, at):
        spaces = _SPACES.match(text, pinpoint.end())
        at = spaces.end() if spaces else pinpoint.end()
    following = bisect_left(starts, at)
    return following if following < len(starts) and starts[following] - at <= 2 else None


def find(text: str, citations: list[Citation], signed: PartialDate | None = None) -> list[Relation]:
    """The relations `text` states between the documents it cites (`citations`, as `extract` found them,
    in order) and itself; `signed` is the text's own date, for "kể từ ngày ký"."""
    norm = normalize(text)
    t = norm.text
    signed = signed if signed is not None and signed.day else None  # a draft's "năm 2026" is no day
    if norm.starts is None:
        spans = [(c.start, c.end) for c in citations]
    else:  # offsets of the text as given, read back into the normalised text
        spans = [(bisect_left(norm.starts, c.start), bisect_left(norm.starts, c.end)) for c in citations]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    force = own_force(t, signed)
    found: list[Relation] = []
    verbs = []
    position = 0
    for candidate in VERB_START.finditer(t):
        at = candidate.start()
        if at >= position and grammar.starts_word(t, at) and (verb := VERB.match(t, at)):
            verbs.append(verb)
            position = verb.end()
    carried: tuple[int | None, int] | None = None  # (subject, span start) of a phrase continued by the next
    listed_to = 0  # where the last list of objects read ends: its items' titles do not read it again
    for number, verb in enumerate(verbs):
        kind = verb.lastgroup or ""
        near = bisect_left(ends, verb.start() - _CLAUSE_REACH)
        before_verb = t[max(0, verb.start() - 20) : verb.start()]
        if (
            (carried is None and (near == len(starts) or starts[near] > verb.end() + _CLAUSE_REACH))
            or _DENIED.search(before_verb)
            or (kind == "expires" and _TOLD.search(before_verb))
        ):
            carried = None
            continue  # nothing to relate within reach, a phrase denied, or a fact told of another text
        clause_start, clause_end = _clause(t, verb.start(), verb.end())
        next_verb = verbs[number + 1].start() if number + 1 < len(verbs) else len(t)
        passive = bool(_PASSIVE_BEFORE.search(t, max(0, verb.start() - 12), verb.start()))
        # The references before the phrase in its clause, and those after it up to the next phrase.
        before = range(bisect_left(starts, clause_start), bisect_right(ends, verb.start()))
        after = range(bisect_left(starts, verb.end()), bisect_left(starts, min(clause_end, next_verb)))
        subject: int | None = None
        subject_force: PartialDate | None = None  # "X có hiệu lực từ ngày …, sửa đổi …"
        first: int | None = None  # where the relation's span starts, when not at its subject or object
        if kind == "expires" or passive:
            # The reference right before the phrase is what it speaks of; earlier ones only when no "Theo …"
            # makes them the sentence's frame.
            objects = [i for i in before if i == before[-1] or not _framed(t, clause_start, starts[i])]
            if passive:
                subject = _agent(t, verb.end(), starts)
                if subject is None:
                    carried = None
                    continue  # "đã được thay thế" with no one named: nothing to record
        else:
            objects = list(after)
            if objects and _FRAMING.search(t, verb.end(), starts[objects[0]]):
                objects = []  # "bổ sung hồ sơ theo quy định tại Nghị định …": a frame, not an object
            if (objects or t.find(":", verb.end(), clause_end) >= 0) and clause_end >= listed_to:
                items, listed_to = _items(t, clause_end, starts, ends)
                objects += items
            if carried is not None:
                subject, first = carried
            elif before and (tail := _SUBJECT_TAIL.fullmatch(t, ends[before[-1]], verb.start())):
                subject = before[-1]
                if tail.group("force"):
                    subject_force = _date(tail.group("force"))
            mention = _last_self_mention(t, clause_start, verb.start())
            if mention is not None and (subject is None or mention > ends[subject]):
                subject, first = None, mention
            elif subject is None and first is None:
                bare = _BARE_KIND.search(t, max(clause_start, verb.start() - 30), verb.start())
                first = bare.start() if bare else verb.start()
        carried = None
        if not objects and kind != "expires" and not passive and number + 1 < len(verbs):
            if verbs[number + 1].start() - verb.end() <= _CHAIN_GAP:
                carried = (subject, first if first is not None else verb.start())
            continue
        relation = "repeals" if kind == "expires" else kind
        effective = _effective(t, verb.end(), clause_end, signed, force) or subject_force
        if effective is None and subject is None:
            effective = force  # what this text does, it does from its own force
        subject_citation = citations[subject] if subject is not None else None
        for index in objects:
            if index == subject:
                continue
            if subject is not None:
                start, end = min(starts[index], starts[subject]), max(ends[index], ends[subject])
            elif first is not None:
                start, end = first, ends[index]
            else:  # "… hết hiệu lực": from the object to the phrase
                start, end = starts[index], verb.end()
            a, b = norm.span(start, end)
            found.append(
                Relation(
                    named(subject_citation) if subject_citation else THIS,
                    relation,
                    named(citations[index]),
                    effective,
                    a,
                    b,
                    norm.original[a:b],
                    citations[index],
                    subject_citation,
                )
            )
    return found
