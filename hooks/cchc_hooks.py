"""MkDocs wiring: each event hands its step to one cchc.portal_build.PortalBuild, which decides.
Content is checked in pre_build, before MkDocs touches the site folder; the object lives for one build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_build_datetime

from cchc.portal_build import BuildError, PortalBuild
from cchc.problems import Severity

log = logging.getLogger("mkdocs.plugins.cchc")
_build: PortalBuild | None = None


def _report(problems) -> None:
    for problem in problems:
        (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))


def on_pre_build(config):
    global _build
    try:
        _build, problems = PortalBuild.start(Path(config.config_file_path).parent, Path(config.docs_dir),
                                             config, get_build_datetime())
    except BuildError as error:
        _report(error.problems)
        raise PluginError(str(error)) from None
    log.info(_build.started())
    _report(problems)


def on_env(env, config, files):
    env.filters.update(_build.template_filters())
    env.globals.update(_build.template_globals())
    return env


def on_files(files, config):
    for file in files.documentation_pages():
        file.edit_uri = _build.edit_path(file.src_uri)
    for out in _build.outputs():
        if out.text is None:
            files.append(File.generated(config, out.src_uri, abs_src_path=str(out.source)))
            continue
        inclusion = InclusionLevel.UNDEFINED if out.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, out.src_uri, content=out.text, inclusion=inclusion)
        file.edit_uri = out.edit_path
        files.append(file)
    return files


def on_page_markdown(markdown, page, config, files):
    page.meta = _build.page_meta(page.file.src_uri, page.meta)
    return _build.markdown(markdown)


def on_page_content(html, page, config, files):
    cleaned, problems = _build.clean(html, page.file.edit_uri or page.file.src_uri)
    _report(problems)
    page.title, safe = _build.safe_texts(page.title, page.meta)
    page.meta.update(safe)
    return cleaned


def on_page_context(context, page, config, nav):
    return {**context, **_build.context(page.file.src_uri)}


def on_post_build(config):
    global _build
    try:
        for line in _build.finish(Path(config.site_dir)):
            log.info(line)
    except BuildError as error:
        raise PluginError(str(error)) from None
    finally:
        _build = None


def on_build_error(error):
    global _build
    _build = None  # nothing of a failed build carries over to the next


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "content"))
    return server
