"""Link citations in Markdown without touching code, URLs, HTML or existing links."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

# Regions of Markdown where a link must not be inserted, each from the first of these that matches where
# one of `_START` stands (as the regex
#   (?ms)^(```|~~~).*?^\1[^\n]*$ | (`+).+?\2 | !?\[(?:[^\[\]]|\[[^\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])
#   | \[[^\]\n]+\]:[^\n]* | <[^>\n]+> | (?:https?|ftp)://[^\s)>\]]+ | www\.[^\s)>\]]+
# reads them): fenced code, inline code, [text](url) and [text][ref] (images too), [ref]: url, HTML tags
# and autolinks, bare URLs. Read by `_Regions` rather than by that regex: where a region does not close
# (a lone '[', '<' or '`'), the regex searched the rest of the text again from each one (quadratic).
_START = re.compile(r"[`\[<!~]|(?:https?|ftp)://|www\.")
_URL = re.compile(r"(?:https?|ftp)://[^\s)>\]]+|www\.[^\s)>\]]+")
_FENCES = ("```", "~~~")
_TICKS = re.compile("`*")


class _Regions:
    """Where each protected region that starts at a given offset ends, reading each character a bounded
    number of times: the next ']', ')', '>' or line break is found by bisection in their offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offsets: dict[str, list[int]] = {}
        self._text_ends: dict[int, int] = {}  # where link text read from an offset stops
        self._last_ticks: list[int] | None = None

    def end(self, start: int) -> int | None:
        """The end of the region starting at `start`, or None when none starts there."""
        char = self.text[start]
        if char in "`~":
            return self._fenced(start) or (self._inline_code(start) if char == "`" else None)
        if char == "[":
            return self._link(start + 1) or self._reference_definition(start)
        if char == "!":
            return self._link(start + 2) if self.text.startswith("[", start + 1) else None
        if char == "<":
            close = self._next(">\n", start + 1)
            return close + 1 if close > start + 1 and self.text.startswith(">", close) else None
        url = _URL.match(self.text, start)
        return url.end() if url else None

    def ticks(self, start: int) -> int:
        """How many backticks stand from `start` on."""
        run = _TICKS.match(self.text, start)
        return run.end() - start if run else 0

    def _next(self, chars: str, start: int) -> int:
        """The offset of the first of `chars` at or after `start`, or the text's length."""
        return min(self._next_one(char, start) for char in chars)

    def _next_one(self, char: str, start: int) -> int:
        if char not in self._offsets:
            self._offsets[char] = [m.start() for m in re.finditer(re.escape(char), self.text)]
        offsets = self._offsets[char]
        index = bisect_left(offsets, start)
        return offsets[index] if index < len(offsets) else len(self.text)

    def _fenced(self, start: int) -> int | None:
        """```…``` or ~~~…~~~ from a line's start to the end of the next line that opens with the same
        fence."""
        text = self.text
        fence = text[start : start + 3]
        if fence not in _FENCES or (start and text[start - 1] != "\n"):
            return None
        close = self._next_line_opening(fence, start + 3)
        if close is None:
            return None
        line_end = text.find("\n", close)
        return len(text) if line_end < 0 else line_end

    def _next_line_opening(self, fence: str, start: int) -> int | None:
        key = "\n" + fence
        if key not in self._offsets:  # only the last one: whether a search will find one at all
            self._offsets[key] = [self.text.rfind(key)]
        if self._offsets[key][0] < start:
            return None
        return self.text.find(key, start) + 1

    def _inline_code(self, start: int) -> int | None:
        """`…`: the run of backticks at `start`, then the nearest run as long after at least one character;
        failing that, the same with one backtick fewer, and so on (as the regex backtracks)."""
        for count in range(self.ticks(start), 0, -1):
            if self._last_run_of(count) >= start + count + 1:
                return self.text.find("`" * count, start + count + 1) + count
        return None

    def _last_run_of(self, count: int) -> int:
        """The last offset where `count` backticks stand, or -1."""
        if self._last_ticks is None:
            self._last_ticks = self._last_runs()
        return self._last_ticks[count] if count < len(self._last_ticks) else -1

    def _last_runs(self) -> list[int]:
        """For each length, the last offset where that many backticks stand: the last run at least that
        long decides, so the runs are read once from the end."""
        runs = [(m.start(), m.end()) for m in re.finditer("`+", self.text)]
        last = [-1]
        for run_start, run_end in reversed(runs):
            while len(last) <= run_end - run_start:
                last.append(run_end - len(last))
        return last

    def _link(self, text_start: int) -> int | None:
        """[text](url) or [text][ref], the text read from `text_start`: characters other than brackets and
        whole [inner] brackets, up to its ']'."""
        if self._next_one("]", text_start) == len(self.text):  # most lone '[': nothing can close them
            return None
        close = self._text_end(text_start)
        if not self.text.startswith("]", close):
            return None
        if self.text.startswith("(", close + 1):
            end = self._next(")", close + 2)
        elif self.text.startswith("[", close + 1):
            end = self._next("]", close + 2)
        else:
            return None
        return end + 1 if end < len(self.text) else None

    def _text_end(self, start: int) -> int:
        """Where link text read from `start` stops (at its ']' when it has one). Remembered for every
        offset passed on the way, so that no character is read again for another '['."""
        ends, text, path = self._text_ends, self.text, []
        at = start
        while at not in ends:
            path.append(at)
            bracket = self._next("[]", at)
            if bracket != at:
                at = bracket
                continue
            inner_close = self._next("]", at + 1) if text.startswith("[", at) else len(text)
            if inner_close == len(text):  # ']', the end, or a '[' that never closes: the text stops here
                ends[at] = at
                break
            at = inner_close + 1
        for offset in path:
            ends[offset] = ends[at]
        return ends[at]

    def _reference_definition(self, start: int) -> int | None:
        """[ref]: url, to the end of its line."""
        close = self._next("]\n", start + 1)
        if close == start + 1 or not self.text.startswith("]:", close):
            return None
        return self._next("\n", close + 2)


def protected_spans(markdown: str) -> list[tuple[int, int]]:
    spans, position, regions = [], 0, _Regions(markdown)
    for start in _START.finditer(markdown):
        if start.start() < position:
            continue
        if (end := regions.end(start.start())) is not None:
            spans.append((start.start(), end))
            position = end
        elif markdown.startswith("`", start.start()):
            # No code span opens anywhere in this run of backticks: skip it whole, not one by one.
            position = start.start() + regions.ticks(start.start())
    return spans


def annotate(markdown: str, links: Iterable[tuple[int, int, str]], text: Callable[[str], str] = str) -> str:
    """Wrap each (start, end, target) span in a Markdown link, skipping protected regions,
    spans that cross a paragraph break and overlapping spans; `text` turns each piece of the input
    into Markdown (plain text from front matter is escaped, a body is Markdown already)."""
    protected = protected_spans(markdown)
    out, position, p = [], 0, 0
    for start, end, target in sorted(links):
        if (
            start < position
            or "\n\n" in markdown[start:end]
            or "[" in markdown[start:end]
            or "]" in markdown[start:end]
        ):
            continue
        while p < len(protected) and protected[p][1] <= start:
            p += 1
        if p < len(protected) and protected[p][0] < end:
            continue
        out += [text(markdown[position:start]), "[", text(markdown[start:end]), "](", target, ")"]
        position = end
    out.append(text(markdown[position:]))
    return "".join(out)
