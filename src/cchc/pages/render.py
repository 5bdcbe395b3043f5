"""The one way the portal writes a page, or a block of one: a view function gathers plain data and a
Jinja template in pages/templates/ turns it into text.

Templates escape by construction. `.html` and `.xml` templates escape every value with Jinja's
autoescaping. `.md` templates escape every value as literal Markdown text (`markdown.escape`, applied
by the environment's finalizer), so an editor's words never become a link, emphasis, a table cell break
or HTML. A value passes unescaped only when it is already Markup: a `link`, a block an HTML template
rendered (the view passes it in; macros are not called from Markdown, whose output would be escaped),
Markdown an editor wrote to be rendered (`|as_written`, cleaned later by the sanitiser like every page)
or a checked URL (`|checked_url`). Shared pieces of Markdown are included (`_archive.md`)."""

from __future__ import annotations

import re
from collections.abc import Hashable
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from cchc import urls
from cchc.dates import in_words, shown
from cchc.memo import Memo, use
from cchc.pages import archive
from cchc.pages.markdown import GeneratedPage, escape
from cchc.urls import relative

_SCHEMES = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)


@pass_context
def _finalize(context: Context, value: object) -> object:
    if hasattr(value, "__html__"):
        return value
    if context.name and context.name.endswith(".md"):
        return escape(value)
    return value  # autoescaped as HTML or XML


class Links:
    """Addresses from the page being written (`source`), as the templates' `link`, `href` and `image`.
    Bound to the page rather than reading Jinja's context: a context-reading call in a loop makes Jinja
    copy the context for every call, which cost more than the rest of a listing."""

    def __init__(self, source: str) -> None:
        self.source = source

    def link(self, text: str, target: str) -> Markup:
        """A Markdown link to another page by its source path; MkDocs resolves and checks it."""
        return Markup(f"[{escape(text)}]({relative(target, self.source)})")

    def href(self, target: str) -> str:
        """A link in HTML, which MkDocs does not rewrite."""
        return urls.href(target, self.source)

    def image(self, name: str) -> str:
        return urls.href(urls.image(name), self.source)


def checked_url(url: str) -> Markup:
    """A URL the schema accepted, made safe inside Markdown's (…) and <…>: only web, mail and phone
    addresses pass, and characters that could close the link are percent-encoded."""
    if not _SCHEMES.match(url):
        raise ValueError(f"not a web, mail or phone address: {url!r}")
    return Markup(quote(url, safe=";/?:@&=+$,-_.!~*'#%"))


def dial(number: str) -> str:
    """A phone number as a tel: link dials it: digits and a leading +."""
    return re.sub(r"[^0-9+]", "", number)


ENVIRONMENT = Environment(
    loader=PackageLoader("cchc.pages", "templates"),
    autoescape=select_autoescape(("html", "xml"), default_for_string=False),
    finalize=_finalize,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,
)
ENVIRONMENT.globals.update(
    heading=lambda depth: Markup("#" * depth),
    line_break=Markup("  "),
    year_label=archive.year_label,
    year_page=urls.year,
)
ENVIRONMENT.filters.update(
    as_written=Markup, checked_url=checked_url, dial=dial, shown_date=shown, in_words=in_words
)


class _Compiled(FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: Bucket) -> None:
        # The folder removed meanwhile (mkdocs serve goes on): the template is compiled again next time.
        with suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_in(folder: Path) -> BytecodeCache:
    """Templates compiled once and kept in `folder` between builds, each checked against its source: a
    build of a small portal otherwise spends a tenth of its time compiling the same templates."""
    folder.mkdir(parents=True, exist_ok=True)
    return _Compiled(str(folder))


def fill(template: str, source: str | None = None, **context: object) -> Markup:
    """A template's text; `source` is the page its links start from."""
    if source is not None:
        links = Links(source)
        context.update(source=source, link=links.link, href=links.href, image=links.image)
    return Markup(ENVIRONMENT.get_template(template).render(context))


def page(
    template: str,
    src_uri: str,
    title: str,
    edit_path: str | None = None,
    meta: dict[str, Any] | None = None,
    theme: dict[str, object] | None = None,
    *,
    memo: Memo | None = None,
    key: Hashable = None,
    **context: object,
) -> GeneratedPage:
    """A generated page whose Markdown is `template` rendered from `context`; `theme` is what the
    theme's template (named in `meta`) receives beyond the page. A `key` that holds all the template reads
    of `context` lets a serve session's `memo` give back the text it made last time."""
    make = partial(fill, template, src_uri, **context)
    markdown = make() if key is None else use(memo, ("page", template, src_uri, key), make)
    return GeneratedPage(src_uri, title, str(markdown), edit_path, meta or {}, theme or {})
