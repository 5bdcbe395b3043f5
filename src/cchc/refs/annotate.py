"""Link citations in Markdown without touching code, URLs, HTML or existing links."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Regions of Markdown where a link must not be inserted.
_PROTECTED = re.compile(
    r"(?ms)^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$"  # fenced code
    r"|(?P<ticks>`+).+?(?P=ticks)"  # inline code
    r"|!?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)"  # [text](url), ![alt](src)
    r"|!?\[(?:[^\[\]]|\[[^\]]*\])*\]\[[^\]]*\]"  # [text][ref]
    r"|\[[^\]\n]+\]:[^\n]*"  # [ref]: url
    r"|<[^>\n]+>"  # HTML tags and autolinks
    r"|(?:https?|ftp)://[^\s)>\]]+|www\.[^\s)>\]]+"  # bare URLs
)


# Every protected region starts with one of these: scan for them, then match there.
_START = re.compile(r"[`\[<!~]|(?:https?|ftp)://|www\.")


def protected_spans(markdown: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for start in _START.finditer(markdown):
        if start.start() < position:
            continue
        if (match := _PROTECTED.match(markdown, start.start())) and match.end() > match.start():
            spans.append(match.span())
            position = match.end()
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
