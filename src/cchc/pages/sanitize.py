"""Every page's HTML through an allowlist (nh3, the ammonia bindings): exactly what Markdown, its
extensions and the portal's own blocks produce. Editors are trusted with words, not with the site:
scripts, event attributes, styles, frames, forms, meta/link/base and javascript:/data: URLs go, and
each removal is reported on the line that wrote it, never hidden."""

from __future__ import annotations

import json
import re
from collections import Counter
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
    "a": {"href", "rel", "download"},
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
    return cleaned, removals(html, cleaned)


def _inventory(html: str) -> tuple[Counter, Counter, dict]:
    """Start tags, (tag, attribute) pairs and one written value of each pair, as found in `html`."""
    tags: Counter = Counter()
    attributes: Counter = Counter()
    values: dict[tuple[str, str], str] = {}
    for match in _TAG.finditer(html):
        tag = match.group(1).lower()
        tags[tag] += 1
        for name, value in _ATTRIBUTE.findall(match.group(2)):
            key = (tag, name.lower())
            attributes[key] += 1
            values.setdefault(key, unescape(value.strip("\"'")))
    return tags, attributes, values


def removals(before: str, after: str) -> list[Removal]:
    """What the sanitiser took out of `before` to give `after`, each kind of construct once."""
    tags, attributes, values = _inventory(before)
    kept_tags, kept_attributes, _ = _inventory(after)
    gone = tags - kept_tags
    found = [Removal(f"thẻ <{tag}>", f"<{tag}", count) for tag, count in sorted(gone.items())]
    for (tag, name), count in sorted((attributes - kept_attributes).items()):
        if tag in gone:
            continue  # said with its tag
        value = values[(tag, name)]
        if name in ("href", "src", "srcset") and value:
            found.append(
                Removal(f"đường dẫn '{_short(value)}' (thuộc tính {name} của thẻ <{tag}>)", value, count)
            )
        else:
            found.append(Removal(f"thuộc tính {name} của thẻ <{tag}>", name, count))
    if (comments := before.count(_COMMENT) - after.count(_COMMENT)) > 0:
        found.append(Removal("chú thích HTML <!-- … -->", _COMMENT, comments))
    return found


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


def locate(text: str, needle: str, count: int = 1, first_line: int = 1) -> list[int]:
    """The lines of `text` (counted from `first_line`) holding the first `count` appearances of `needle`,
    ignoring case; the first line stands for those that cannot be found (written as entities, say)."""
    lines, folded, at = [], text.lower(), -1
    for _ in range(count):
        at = folded.find(needle.lower(), at + 1)
        lines.append(first_line + (text.count("\n", 0, at) if at >= 0 else 0))
    return lines


def problems(path: str, text: str, found: list[Removal], first_line: int = 1) -> list[Problem]:
    """One warning per construct removed, on the line of `text` that wrote it."""
    return [
        Problem(
            path,
            line,
            "nội dung",
            f"đã bỏ {removal.what} khỏi trang vì không nằm trong danh sách "
            "được phép (mã, kiểu trình bày và nhúng trang khác không được đăng); hãy viết bằng "
            "Markdown thường",
            Severity.WARNING,
        )
        for removal in found
        for line in locate(text, removal.needle, removal.count, first_line)
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


def body_warnings(root: Path, paths: list[str], render) -> list[Problem]:
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
