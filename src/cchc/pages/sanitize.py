"""Every page's HTML through an allowlist (nh3, the ammonia bindings): exactly what Markdown, its
extensions and the portal's own blocks produce. Editors are trusted with words, not with the site:
scripts, event attributes, styles, frames, forms, meta/link/base and javascript:/data: URLs go, and
each removal is reported on the line that wrote it, never hidden."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import nh3
from markupsafe import Markup, escape

from cchc.content import frontmatter
from cchc.problems import Problem, Severity

_TEXT = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "kbd",
    "samp",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "q",
    "span",
    "div",
    "a",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
}
_TABLES = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
_MEDIA = {"img", "picture", "source", "figure", "figcaption"}
# The QR codes of posters (segno) and the figures' bar charts are inline SVG.
_SVG = {"svg", "title", "desc", "path", "rect", "g", "text"}
TAGS = _TEXT | _TABLES | _MEDIA | _SVG

_GLOBAL = {
    "id",
    "class",
    "title",
    "lang",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
}
ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "rel", "download", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"type", "srcset", "sizes", "media"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    # Search indexes what the theme marks; a block may only be left out of the index (as a unit's page
    # leaves out its lists). Pagefind's other attributes would let a page rewrite its search result
    # (data-pagefind-meta), outrank others (-weight) or index the wrong part (-body): never an editor's.
    "div": {"data-pagefind-ignore"},
    "svg": {"xmlns", "viewbox", "viewBox", "width", "height", "focusable"},
    "path": {"d", "fill", "stroke", "transform", "fill-rule", "stroke-width"},
    "rect": {"x", "y", "width", "height", "fill"},
    "text": {"x", "y", "font-size", "font-weight", "fill", "text-anchor"},
    "g": {"fill", "transform"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Possessive (Python 3.11): a tag that never closes fails at once instead of being retried for every
# way of splitting it, and a plain run stops at the next '<', so scanning stays linear in the page.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_COMMENT = "<!--"


@dataclass(frozen=True)
class Removal:
    """One construct the allowlist dropped: what it was, in Vietnamese, and text to find it by."""

    what: str
    needle: str
    count: int = 1


def clean(html: str) -> tuple[str, list[Removal]]:
    """The page's HTML with only allowed tags, attributes and URL schemes, and what was removed."""
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # Most pages come out unchanged, and nothing was removed from those: no inventory to take.
    return cleaned, [] if cleaned == html else removals(html, cleaned)


_URLS = ("href", "src", "srcset")


def _inventory(html: str) -> tuple[Counter[str], dict[tuple[str, str], list[str]]]:
    """Start tags, and the written values of each (tag, attribute) pair in order, as found in `html`."""
    tags: Counter[str] = Counter()
    values: dict[tuple[str, str], list[str]] = {}
    for match in _TAG.finditer(html):
        tag = match.group(1).lower()
        tags[tag] += 1
        for name, value in _ATTRIBUTE.findall(match.group(2)):
            values.setdefault((tag, name.lower()), []).append(unescape(value.strip("\"'")))
    return tags, values


def _removed_values(written: list[str], kept: list[str]) -> list[str]:
    """Which of the `written` values are gone, in the order written: those the kept ones do not account for
    (a URL the sanitiser rewrote still counts as kept, by number)."""
    left = Counter(kept)
    gone = []
    for value in written:
        if left[value]:
            left[value] -= 1
        else:
            gone.append(value)
    return gone[: len(written) - len(kept)]


def removals(before: str, after: str) -> list[Removal]:
    """What the sanitiser took out of `before` to give `after`: each tag once with its count, each removed
    attribute once with its count, and each removed address by its own value."""
    tags, values = _inventory(before)
    kept_tags, kept_values = _inventory(after)
    gone = tags - kept_tags
    found = [Removal(f"thẻ <{tag}>", f"<{tag}", count) for tag, count in sorted(gone.items())]
    for (tag, name), written in sorted(values.items()):
        removed = _removed_values(written, kept_values.get((tag, name), []))
        if tag in gone or not removed:
            continue  # said with its tag
        if name not in _URLS:
            found.append(Removal(f"thuộc tính {name} của thẻ <{tag}>", name, len(removed)))
            continue
        for value, count in Counter(removed).items():  # in the order written
            what = (
                f"đường dẫn '{_short(value)}' (thuộc tính {name} của thẻ <{tag}>)"
                if value
                else (f"thuộc tính {name} của thẻ <{tag}>")
            )
            found.append(Removal(what, value or name, count))
    if (comments := before.count(_COMMENT) - after.count(_COMMENT)) > 0:
        found.append(Removal("chú thích HTML <!-- … -->", _COMMENT, comments))
    return found


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


class _Lines:
    """Finds where each removal was written, in one pass per needle: the n-th removal of a needle is its
    n-th appearance in the text (ignoring case), the first line when it cannot be found (written as
    entities, say)."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.folded, self.first_line = text, text.lower(), first_line
        self.cursor: dict[str, tuple[int, int]] = {}  # needle -> (where the last one was, its line)

    def next(self, needle: str) -> int:
        needle = needle.lower()
        at, line = self.cursor.get(needle, (-1, self.first_line))
        found = self.folded.find(needle, at + 1)
        if found < 0:
            return self.first_line
        line += self.text.count("\n", max(at, 0), found)
        self.cursor[needle] = (found, line)
        return line


def problems(path: str, text: str, found: list[Removal], first_line: int = 1) -> list[Problem]:
    """One warning per construct removed, on the line of `text` that wrote it."""
    lines = _Lines(text, first_line)
    return [
        Problem(
            path,
            lines.next(removal.needle),
            "nội dung",
            f"đã bỏ {removal.what} khỏi trang vì không nằm trong danh sách "
            "được phép (mã, kiểu trình bày và nhúng trang khác không được đăng); hãy viết bằng "
            "Markdown thường",
            Severity.WARNING,
        )
        for removal in found
        for _ in range(removal.count)
    ]


def _body(root: Path, path: str) -> tuple[str, int]:
    """The Markdown body of a content or docs file and the line it starts on."""
    file = root / path
    text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
    if text.startswith("---"):
        source, found = frontmatter.parse(path, text)
        if not found:
            return source.body, source.body_line
    return text, 1


def clean_page(html: str, root: Path, path: str) -> tuple[str, list[Problem]]:
    """A page's HTML cleaned; removals are warnings on the lines of `path` (relative to `root`)."""
    cleaned, found = clean(html)
    if not found:
        return cleaned, []
    body, line = _body(root, path)
    return cleaned, problems(path, body, found, line)


def body_warnings(root: Path, paths: list[str], render: Callable[[str], str]) -> list[Problem]:
    """What the build would remove from each file's body, rendered by `render` (Markdown -> HTML)."""
    found = []
    for path in paths:
        body, line = _body(root, path)
        found += problems(path, body, clean(render(body))[1], line)
    return found


def title(shown: str | None, written: object) -> Markup:
    """A page title safe in every template, escaped or not. Front matter (`written`) is text; any other
    title (the nav's, or the page's first heading) is MkDocs's HTML, entities kept and tags stripped."""
    if shown is not None and shown == written:
        return escape(shown)
    return escape(unescape(shown or ""))


def script_json(data: object) -> str:
    """JSON to print inside <script type="application/ld+json">: no '<', '>' or '&' that could end the
    element or open a comment, whatever the values hold."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
