"""The Markdown editors write as it is published: document bodies, unit introductions, procedure notes,
printable forms and the hand-written pages of docs/. `cchc check` renders each with the site's Markdown
settings and reports what the sanitiser removes, as the build does."""

from __future__ import annotations

from pathlib import Path

import markdown

from cchc import settings, urls
from cchc.content import files, markdown_limits
from cchc.model import Portal
from cchc.pages import marks, sanitize
from cchc.problems import Problem


def editor_files(portal: Portal, root: Path) -> list[str]:
    """Every file whose body becomes a page, relative to `root`."""
    paths = [d.path for d in portal.documents] + [u.path for u in portal.units.values()]
    paths += [p.path for p in portal.procedures] + [f.path for f in portal.forms.values() if f.file is None]
    paths += [f.relative_to(root).as_posix() for f in files.walk(root, root / files.DOCS, [], (".md",))]
    return paths


def sanitiser_warnings(portal: Portal, root: Path) -> list[Problem]:
    names, options = settings.markdown_extensions(settings.read_config(root))
    renderer = markdown.Markdown(extensions=names, extension_configs=options)
    shown = marks.Marks(portal, settings.Settings())  # what the marks write is the portal's, escaped

    def render(text: str) -> str:
        # A body beyond the bounds that keep Markdown linear is an error of `load`: not rendered here.
        return (
            "" if markdown_limits.refuses(text) else renderer.reset().convert(shown.expand(text, urls.HOME))
        )

    return sanitize.body_warnings(root, editor_files(portal, root), render)
