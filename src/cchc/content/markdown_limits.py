"""Bounds on an editor's Markdown that keep its rendering linear: the bodies of documents, units, procedures
and forms, and the hand-written pages of docs/, checked before Python-Markdown (a dependency, not patched)
reads them.

Python-Markdown 3.11 with the portal's extensions (tables, toc, attr_list, md_in_html, admonition) takes
time that grows with the square of the text, or worse, on some shapes (measured):
- a '[' that does not close is read to the end of its paragraph, one Python step a character ('[' ×
  20,000: 56 s); so is a link's '(' that does not close ('[a](' repeated: 8 s for 40 kB) and a '[' whose
  ']' a code span hides ('[`]` ' repeated: 25 s for 20 kB);
- a run of backticks with no run as long after it is read to the end of its paragraph: once a length,
  but once for each escaped backtick ('\\``' repeated: 1.9 s for 80 kB);
- each inline construct (code, emphasis, link, entity, escape, HTML, line break) copies its paragraph
  (backslashes: 0.5 s for 50 kB, 13 s for 200 kB); each heading, rule or admonition line has every block
  processor read the rest of its paragraph again ('# a' lines: 12 s for 50 kB, '> # a' lines 10 s for
  200 kB); each indented paragraph after another is added to one code block's text by copying it; each
  element (paragraph, item, row, inline construct) is taken from the front of the list of those waiting;
- quotes, lists and md_in_html blocks nest by recursion ('1. ' repeated: RecursionError); raw HTML goes
  through html.parser, which reads the rest of the body at each tag that never closes ('<a ' repeated:
  11 s for 40 kB); attribute lists read a heading or cell to its end from each ' {' (4.6 s for 80 kB);
- the sanitiser (nh3) takes time in a text's count of '&' and no-break spaces times its length.
Each check below bounds one of these, so that what is accepted renders in time proportional to its length.
Real documents (content/, docs/, the seeds, the import corpora) stay far below every bound; a body beyond
one is refused, on the line that shows it, with what to change.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from cchc.content import files, frontmatter
from cchc.model import Portal
from cchc.problems import Problem

FIELD = "nội dung"
# Lines and inline marks in a body: what may become an element, and Python-Markdown takes each element to
# process from the front of a list of those still waiting; real documents: 2,511 at most.
MAX_ELEMENTS = 30_000
MAX_MARKS = 2_000  # inline constructs opened in one paragraph; real: 600 at most
MAX_BREAKS = 64  # heading, rule and admonition lines within one paragraph; real: 22 at most
MAX_CODE_RUN = 100  # paragraphs in a row indented 4 spaces: one code block, its text copied at each; real: 8
MAX_NESTING = 8  # quotes and lists opened on one line or by indentation; real: 2
MAX_BRACKET_DEPTH = 6  # '[' within '[' …; real: 1
MAX_UNREAD = 8  # per paragraph, a "[" or a link's "(" that Python-Markdown reads to its end; real: 0
MAX_BRACES = 8  # '{' on one line; real: 1
# A table row's cells are split by pairing its backtick runs (each pair found in a copy of the rest of the
# list) and testing each '|' against each code span: work of runs × (runs + pipes), kept in proportion to
# the line; real: 2,448 at most (a row of docs/du-lieu.md).
TABLE_WORK_PER_CHARACTER = 8
TABLE_WORK_FREE = 4_000
MAX_TAGS = 100  # raw HTML tags in a body: they nest, in nh3 and by recursion in md_in_html; real: 11
MAX_OPEN_TAGS = 2  # raw HTML tags that never close (html.parser reads the rest at each); real: 0
MAX_ENTITY_CHARACTERS = 10_000  # '&' and no-break spaces in a body; real: 4
MAX_TICK_LENGTHS = 4  # different lengths of backtick runs in a body; real: 2 (` and ```)
MAX_ESCAPED_TICKS = 8  # '\`' in a body; real: 1

# Characters Python-Markdown lets a backslash escape (its ESCAPED_CHARS with the tables extension).
_ESCAPE = r"\\[\\`*_{}\[\]()>#+\-.!|]"
_ESCAPED = re.compile(_ESCAPE)
_BRACKET_TOKEN = re.compile(rf"{_ESCAPE}|`+|[\[\]]")
_TICKS = re.compile("`+")
_ESCAPED_TICK = re.compile(r"\\`")
_MASKED_TICK = "\x01\x01"  # an escaped backtick in a link's destination as read: the reading stops there
_UNUSUAL = re.compile("[\x02\x03\r\t]")
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ ]*\n)+")
# What opens an inline construct: escape, code, emphasis, link or image, HTML or autolink, entity, line break;
# a run of '*', '_' or '`' is one delimiter (the "____" of a blank to fill in is one).
_MARK = re.compile(r"\*+|_+|`+|[\\\[<&]|  \n")
_ELEMENT = re.compile(r"\n|\*+|_+|`+|[\\\[<&]")
# Lines that make Python-Markdown split a paragraph and read the rest again: '#' headings, rules, setext
# underlines, admonitions, also within a quote or indented in a list.
_BREAK_LINE = re.compile(r"^[ >]*+(?:#|(?:[-*_][ ]{0,2}){3,}[ ]*$|[=-]+[ ]*$|!!!)", re.M)
_MARKERS = re.compile(r"^([ ]*)((?:(?:>|[-*+](?=[ ]|$)|\d+[.)](?=[ ]|$))[ ]*)+)", re.M)
_MARKER = re.compile(r">|[-*+]|\d+[.)]")
_MANY_BRACES = re.compile(rf"^(?:[^\n{{]*+\{{){{{MAX_BRACES + 1}}}", re.M)
_TAG = re.compile(r"<[A-Za-z/!?]")
_PIPE_LINE = re.compile(r"^[^\n|]*+\|[^\n]*", re.M)
# How Python-Markdown starts reading a link's destination (LinkInlineProcessor.RE_LINK).
_LINK_START = re.compile(r"""\(\s*(?:(<[^<>]*>)\s*(?:('[^']*'|"[^"]*")\s*)?\))?""", re.DOTALL)

Found = tuple[int, str]  # offset in the body, message


def problems(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """Each bound `body` goes beyond, once, on its line (counted from `first_line`)."""
    text = normalized(body)
    found = [item for check in _CHECKS if (item := check(text)) is not None]
    return [Problem(path, first_line + text.count("\n", 0, at), FIELD, message) for at, message in found]


def refuses(body: str) -> bool:
    text = normalized(body)
    return any(check(text) is not None for check in _CHECKS)


def other_bodies(root: Path, portal: Portal) -> list[Problem]:
    """The bounds on the bodies `load` does not read as content: printable forms written in Markdown and the
    hand-written pages of docs/."""
    paths = [form.path for form in portal.forms.values() if form.file is None]
    paths += [page.relative_to(root).as_posix() for page in files.walk(root, root / files.DOCS, [], (".md",))]
    return [problem for path in paths for problem in _file_problems(root, path)]


def _file_problems(root: Path, path: str) -> list[Problem]:
    _, text = frontmatter.read(root, root / path, [])  # what it finds is reported where the file is read
    if text is None:
        return []
    if text.startswith("---"):
        source, found = frontmatter.parse(path, text)
        return [] if found else problems(path, source.body, source.body_line)
    return problems(path, text)


def normalized(body: str) -> str:
    """The body as Python-Markdown reads it: line ends, tabs and its own placeholder characters."""
    if _UNUSUAL.search(body) is None:  # most bodies: nothing to change
        return body
    text = body.replace("\x02", "").replace("\x03", "").replace("\r\n", "\n").replace("\r", "\n")
    return text.expandtabs(4)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def _beyond(matches: Iterator[re.Match[str]], limit: int) -> re.Match[str] | None:
    """The match after the first `limit` ones, if there is one."""
    return next(islice(matches, limit, None), None)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _elements(text: str) -> Found | None:
    if sum(map(text.count, ("\n", "*", "_", "`", "\\", "[", "<", "&"))) < MAX_ELEMENTS:
        return None
    if (extra := _beyond(_ELEMENT.finditer(text), MAX_ELEMENTS - 1)) is None:
        return None
    return extra.start(), (
        f"phần thân có hơn {_number(MAX_ELEMENTS)} dòng và ký hiệu định dạng (` * _ [ < & \\); hãy chia nội "
        "dung thành nhiều tệp"
    )


def _marks(text: str) -> Found | None:
    # Each mark is at least one of these characters or a line break: most bodies have fewer in all.
    if sum(map(text.count, ("*", "_", "`", "\\", "[", "<", "&", "  \n"))) <= MAX_MARKS:
        return None
    for start, end in _paragraphs(text):
        if end - start > MAX_MARKS and (extra := _beyond(_MARK.finditer(text, start, end), MAX_MARKS)):
            return extra.start(), (
                f"đoạn văn có hơn {_number(MAX_MARKS)} ký hiệu định dạng (` * _ [ < & \\ hoặc hai dấu cách "
                "cuối dòng); hãy chia đoạn bằng dòng trống, hoặc viết bớt các ký hiệu này"
            )
    return None


def _breaks(text: str) -> Found | None:
    if _beyond(_BREAK_LINE.finditer(text), MAX_BREAKS) is None:  # not even in the whole body
        return None
    for start, end in _paragraphs(text):
        if (extra := _beyond(_BREAK_LINE.finditer(text, start, end), MAX_BREAKS)) is not None:
            return extra.start(), (
                f"hơn {MAX_BREAKS} dòng tiêu đề, đường kẻ hoặc khung ghi chú ('#', '---', '===', '!!!') "
                "liền nhau trong một đoạn (kể cả trong trích dẫn, danh sách); hãy đặt một dòng trống trước "
                "và sau mỗi tiêu đề"
            )
    return None


def _code_runs(text: str) -> Found | None:
    run = 0
    for start, _ in _paragraphs(text):
        run = run + 1 if text.startswith("    ", start) else 0
        if run > MAX_CODE_RUN:
            return start, (
                f"hơn {MAX_CODE_RUN} đoạn liền nhau bắt đầu bằng 4 dấu cách (Markdown đọc chúng thành một "
                "khối mã); hãy bỏ các dấu cách ở đầu đoạn"
            )
    return None


def _nesting(text: str) -> Found | None:
    """Quotes and lists: the markers at a line's start, and one more level for each 4 spaces of indentation,
    as far as the lines before have nested (a deeply indented line does not nest deeper on its own)."""
    depth = 0
    for line in _MARKERS.finditer(text):
        depth = min(len(line.group(1)) // 4, depth) + len(_MARKER.findall(line.group(2)))
        if depth > MAX_NESTING:
            return line.start(), (
                f"trích dẫn và danh sách lồng nhau quá {MAX_NESTING} tầng (các dấu '>', '-', '*', '+', '1.' "
                "ở đầu dòng, mỗi 4 dấu cách thụt vào là một tầng); hãy bớt tầng lồng nhau"
            )
    return None


def _braces(text: str) -> Found | None:
    """Attribute lists ('{: …}') are looked for from each ' {' of a heading or table cell to its end."""
    if "{" not in text or (line := _MANY_BRACES.search(text)) is None:
        return None
    return line.start(), (
        f"một dòng có hơn {MAX_BRACES} dấu '{{'; hãy bớt dấu '{{', hoặc viết '\\{{' để hiện nó như chữ"
    )


def _table_rows(text: str) -> Found | None:
    if "`" not in text or "|" not in text:
        return None
    for line in _PIPE_LINE.finditer(text):
        if "`" in (row := line.group()):
            runs, pipes = len(_TICKS.findall(row)), row.count("|")
            if runs * (runs + pipes) > max(TABLE_WORK_FREE, TABLE_WORK_PER_CHARACTER * len(row)):
                return line.start(), (
                    f"dòng có {runs} dãy dấu '`' và {pipes} dấu '|': quá nhiều cho một dòng bảng dài "
                    f"{len(row)} ký tự; hãy bớt các đoạn mã '`…`' hoặc các dấu '|' trên dòng này"
                )
    return None


def _tags(text: str) -> Found | None:
    """At most MAX_TAGS tags, of which MAX_OPEN_TAGS never close: no '>' after them ('-->' after '<!--';
    a marked section '<![' always counts)."""
    if "<" not in text:
        return None
    last_end, last_comment_end, unclosed = text.rfind(">"), text.rfind("-->"), 0
    for count, tag in enumerate(_TAG.finditer(text), 1):
        at = tag.start()
        if count > MAX_TAGS:
            return at, (
                f"phần thân có hơn {MAX_TAGS} thẻ HTML ('<' liền trước một chữ, '/', '!' hoặc '?'); hãy viết "
                "bằng Markdown thường, hoặc viết '&lt;' thay cho '<'"
            )
        if text.startswith("<!--", at):
            unclosed += last_comment_end < at + 4
        else:
            unclosed += text.startswith("<![", at) or last_end < at
        if unclosed > MAX_OPEN_TAGS:
            return at, (
                f"phần thân có hơn {MAX_OPEN_TAGS} thẻ HTML không bao giờ đóng (không có '>' sau '<', hay "
                "'-->' sau '<!--'); hãy đóng thẻ, hoặc viết '&lt;' thay cho '<'"
            )
    return None


def _entities(text: str) -> Found | None:
    if text.count("&") + text.count("\u00a0") <= MAX_ENTITY_CHARACTERS:
        return None
    return 0, (
        f"phần thân có hơn {_number(MAX_ENTITY_CHARACTERS)} ký tự '&' và dấu cách không ngắt; hãy viết 'và' "
        "thay cho '&', dấu cách thường thay cho dấu cách không ngắt"
    )


def _ticks(text: str) -> Found | None:
    if "`" not in text:
        return None
    lengths: set[int] = set()
    for run in _TICKS.finditer(text):
        lengths.add(len(run.group()))
        if len(lengths) > MAX_TICK_LENGTHS:
            return run.start(), (
                f"dãy {len(run.group())} dấu '`' liền nhau: các dãy dấu '`' có hơn {MAX_TICK_LENGTHS} độ "
                "dài khác nhau; hãy viết mã trong dòng là '`…`', đoạn mã là '```'"
            )
    if (extra := _beyond(_ESCAPED_TICK.finditer(text), MAX_ESCAPED_TICKS)) is not None:
        return extra.start(), (
            f"có hơn {MAX_ESCAPED_TICKS} dấu '\\`'; hãy viết dấu '`' trong một đoạn mã, hoặc dùng dấu ' "
            "thay cho nó"
        )
    return None


def _brackets(text: str) -> Found | None:
    if "[" not in text:
        return None
    for start, end in _paragraphs(text):
        if text.find("[", start, end) >= 0 and (found := _paragraph_brackets(text, start, end)) is not None:
            return found
    return None


def _paragraph_brackets(text: str, start: int, end: int) -> Found | None:
    """'[' within '[' no deeper than MAX_BRACKET_DEPTH, and at most MAX_UNREAD places where Python-Markdown
    reads the rest of the paragraph: a '[' that does not close in it, a '[' whose ']' a code span may hide (a
    backtick between them that does not pair with another there), a link whose '(' does not close."""
    opened: list[int] = []
    inside: list[list[tuple[int, int]]] = []  # the backtick runs within each open '['
    destinations: list[int] = []
    unread: list[int] = []
    for token in _BRACKET_TOKEN.finditer(text, start, end):
        written = token.group()
        if written == "[":
            opened.append(token.start())
            inside.append([])
            if len(opened) > MAX_BRACKET_DEPTH:
                return token.start(), _DEPTH
        elif written == "]" and opened:
            at, runs = opened.pop(), inside.pop()
            if runs and not _pairs_up(runs):
                unread.append(at)
            if text.startswith("(", token.end()):
                destinations.append(token.end())
        elif written[0] == "`" or written == "\\`":
            run = (token.start(), len(written) if written[0] == "`" else 0)
            for runs in inside:
                runs.append(run)
    unread += opened
    if len(unread) <= MAX_UNREAD:
        unread += _unclosed_destinations(text, start, end, destinations, MAX_UNREAD + 1 - len(unread))
    return (min(unread), _UNREAD) if len(unread) > MAX_UNREAD else None


def _pairs_up(runs: list[tuple[int, int]]) -> bool:
    """Whether backtick runs (offset, length; 0 for an escaped backtick) close as code spans among
    themselves, as Python-Markdown pairs them: each with the next run of the same length."""
    positions: dict[int, list[int]] = {}
    for index, (_, length) in enumerate(runs):
        positions.setdefault(length, []).append(index)
    if 0 in positions:  # Python-Markdown may close a span on an escaped backtick, or not: not read here
        return False
    index = 0
    while index < len(runs):
        same = positions[runs[index][1]]
        following = bisect_right(same, index)
        if following == len(same):
            return False
        index = same[following] + 1
    return True


class _Runs:
    """The backtick runs of a text, to find the next one of a given length by bisection."""

    def __init__(self, text: str) -> None:
        self.by_length: dict[int, list[int]] = {}
        for run in _TICKS.finditer(text):
            self.by_length.setdefault(len(run.group()), []).append(run.start())

    def next(self, length: int, after: int) -> int | None:
        """The start of the first run of exactly `length` backticks from `after` on."""
        starts = self.by_length.get(length, [])
        index = bisect_left(starts, after)
        return starts[index] if index < len(starts) else None


def _unclosed_destinations(
    text: str, start: int, end: int, destinations: list[int], enough: int
) -> list[int]:
    """The links (offsets of their '(') whose destination does not close, up to `enough` of them."""
    if not destinations:
        return []
    # Escapes are placeholders by the time links are read; an escaped backtick may still close a code span.
    masked = _ESCAPED.sub(lambda m: _MASKED_TICK if m.group() == "\\`" else "xx", text[start:end])
    runs, read_to, unclosed = _Runs(masked), 0, []
    for at in destinations:
        if at - start < read_to:  # within an earlier link's destination: its text, not a link
            continue
        if (closed := _destination_end(masked, at - start, runs)) is not None:
            read_to = closed
            continue
        unclosed.append(at)
        if len(unclosed) == enough:
            break
    return unclosed


def _destination_end(text: str, index: int, runs: _Runs) -> int | None:
    """Where Python-Markdown's LinkInlineProcessor.getLink stops reading the destination opened by the '('
    at `index`, code spans read as the placeholders they are by then; None when it reads to the end (or
    backs off from there: that too reads the rest)."""
    start = _LINK_START.match(text, index)
    if start is None:  # the pattern matches at every '(': only its groups are optional
        return None
    if start.group(1):
        return start.end()
    state = _LinkState()
    position = start.end()
    while position < len(text):
        char = text[position]
        if char == "`":  # a code span, one placeholder for getLink
            length = len(ticks.group()) if (ticks := _TICKS.match(text, position)) else 1
            close = runs.next(length, position + length + 1)
            if close is None or _MASKED_TICK[0] in text[position:close]:
                return None
            position, state.last = close + length, "\x03"
            continue
        if char == _MASKED_TICK[0]:
            return None
        position += 1
        if state.read(char, position):
            return position
    return None


class _LinkState:
    """getLink's reading of one character: brackets counted, quotes that may open a title, and where the
    brackets would balance if a title does not close. Ported line by line."""

    def __init__(self) -> None:
        self.brackets = self.backtrack = 1
        self.ignore = False
        self.quote: str | None = None
        self.exit_quote = -1
        self.alt_quote: str | None = None
        self.exit_alt_quote = -1
        self.last = ""

    def read(self, char: str, index: int) -> bool:
        """Read `char` (ending at `index`); whether the destination closes with it."""
        if char == "(":
            self._open()
        elif char == ")":
            self._close()
        elif char in "'\"":
            self._quote(char, index)
        if self.brackets == 0:
            return True
        if char != " ":
            self.last = char
        return False

    def _open(self) -> None:
        if not self.ignore:
            self.brackets += 1
        elif self.backtrack > 0:
            self.backtrack -= 1

    def _close(self) -> None:
        titled = (self.exit_quote != -1 and self.quote == self.last) or (
            self.exit_alt_quote != -1 and self.alt_quote == self.last
        )
        if titled:
            self.brackets = 0
        elif not self.ignore:
            self.brackets -= 1
        elif self.backtrack > 0:
            self.backtrack -= 1

    def _quote(self, char: str, index: int) -> None:
        if not self.quote:
            self.ignore, self.backtrack, self.brackets, self.quote = True, self.brackets, 1, char
        elif char != self.quote and not self.alt_quote:
            self.alt_quote = char
        elif char == self.quote:
            self.exit_quote = index
        elif self.alt_quote and char == self.alt_quote:
            self.exit_alt_quote = index


_DEPTH = (
    f"dấu '[' lồng nhau quá {MAX_BRACKET_DEPTH} tầng; hãy bớt dấu '[' ']', hoặc viết '\\[' '\\]' để hiện "
    "chúng như chữ"
)
_UNREAD = (
    f"đoạn văn có hơn {MAX_UNREAD} chỗ chưa đóng, chỗ đầu tiên ở dòng này: dấu '[' không có ']', liên kết "
    "'[…](' không có ')' (hoặc có dấu nháy chưa đóng trong ngoặc), hay dấu '`' chưa thành cặp giữa '[' và "
    "']'; hãy đóng chúng, hoặc viết '\\[', '\\(', '\\`' để hiện các dấu này như chữ"
)

_CHECKS: tuple[Callable[[str], Found | None], ...] = (
    _elements,
    _marks,
    _breaks,
    _code_runs,
    _nesting,
    _braces,
    _table_rows,
    _tags,
    _entities,
    _ticks,
    _brackets,
)
