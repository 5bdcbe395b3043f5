"""MkDocs wiring: each event hands its step to one cchc.portal_build.PortalBuild, which decides and logs.
Content is checked in pre_build, before MkDocs touches the site folder; the object lives for one build."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

import material as material_theme
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from cchc.navigation import mkdocs_nav
from cchc.portal_build import BuildError, PortalBuild
from cchc.publish import preview, watching
from cchc.settings import with_heading_slugs, with_safe_ids

log = logging.getLogger("mkdocs.plugins.cchc")
_build: PortalBuild | None = None
# A serve session's (cchc.publish.preview): what this build has made of MkDocs' (config, files, nav, env),
# those of the last complete build, with which the pages of documents just saved are drawn first, and the
# server, told to show them.
_making: dict[str, object] = {}
_last: tuple | None = None
_server = None
_drawn_first = False
_NOT_IN_NAV = InclusionLevel.NOT_IN_NAV


@contextmanager
def _stopping_on_build_error():
    try:
        yield
    except BuildError as error:  # its problems are logged already
        raise PluginError(str(error)) from None


def on_startup(command, dirty):
    # `mkdocs serve --dirty` (make serve) keeps the site folder between builds: the preview rewrites
    # only what changed (cchc.publish.preview), and says so instead of MkDocs' warning that it would not.
    global _last, _server, _drawn_first
    preview.begin(command == "serve" and dirty)
    _last = _server = None
    _drawn_first = False
    _making.clear()
    if preview.session() is not None:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)


def _not_dirty_warning(record):
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_pre_build(config):
    global _build
    with _stopping_on_build_error():
        _build = PortalBuild.start(
            Path(config.config_file_path).parent,
            Path(config.docs_dir),
            config,
            get_build_datetime(),
            log,
            preview.session(),
            _draw_first,
        )


def _draw_first(build):
    """Draw and write the pages of `build` (documents just saved) with the last complete build's files, nav
    and theme, and show them, before the rest of the site is generated and written."""
    global _build, _drawn_first
    if _last is None:
        return
    config, files, nav, env = _last
    _build = build
    handlers = logging.getLogger("mkdocs").handlers
    for handler in handlers:  # what these pages have to say, the build says once it draws them again
        handler.addFilter(_silent)
    failure = None
    try:
        for out in build.page_outputs():
            file = files.get_file_from_path(out.src_uri)
            if file is None:  # a new document
                file = File.generated(config, out.src_uri, content=out.text, inclusion=_NOT_IN_NAV)
                files.append(file)
            file.content_string, file.edit_uri = out.text, out.edit_link
            page = Page(None, file, config)
            _populate_page(page, config, files)
            _build_page(page, config, files.documentation_pages(), nav, env)
    except Exception as error:  # the build goes on, draws the page again and says what is wrong
        failure = error
    finally:
        _build = None
        for handler in handlers:
            handler.removeFilter(_silent)
    if failure is not None:
        log.debug(f"Xem trước: chưa vẽ trước được trang vừa sửa: {failure}")
        return
    _drawn_first = True
    _show()


def _silent(record):
    return False


def _show(again=False):
    """Let MkDocs' server serve what is written and reload the browsers (`again`: a second time in one
    build). Its version 1.6, frozen, holds requests while a build runs and reloads browsers once it is
    done, when the epoch it serves reaches the one it builds; once the pages saved are shown, the rest of
    the build is served as it is written (a page half-written then is mended by the reload at its end)."""
    if getattr(_server, "_epoch_cond", None) is None:  # no server, or one that has changed: as MkDocs does
        return
    from mkdocs.livereload import _timestamp  # the server's own clock; a build outside serve needs none

    with _server._epoch_cond:
        if again:
            _server._wanted_epoch = _timestamp()
        _server._visible_epoch = _server._wanted_epoch
        _server._epoch_cond.notify_all()


def on_config(config):
    config.markdown_extensions = with_safe_ids(config.markdown_extensions)
    with_heading_slugs(config.markdown_extensions, config.mdx_configs)
    if config.nav is None:  # the portal's own (cchc.navigation), unless mkdocs.yml writes one
        config.nav = mkdocs_nav()
    return config


def on_nav(nav, config, files):
    _making["nav"] = nav
    _build.nav((page.file.src_uri, page.url) for page in nav.pages)
    if preview.session() is not None:
        # Each page and file is written again only when what it is made of has changed (MkDocs --dirty
        # asks each file); the theme's own files are left to MkDocs.
        written, theme_again = _build.unchanged(
            Path(config.config_file_path),
            Path(config.site_dir),
            ((f.dest_uri, f.src_uri) for f in files),
            titled_nav=config.nav == mkdocs_nav(),
        )
        for file in files:
            if (again := written.get(file.dest_uri)) is not None:
                file.is_modified = _yes if again else _no
            elif theme_again:
                file.is_modified = _yes
    return nav


def _yes():
    return True


def _no():
    return False


def on_env(env, config, files):
    # Material's own templates also under "material/" (overrides/partials/nav.html wraps its nav).
    material = FileSystemLoader(str(Path(material_theme.__file__).parent / "templates"))
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": material})])
    env.bytecode_cache = _build.compiled_templates()
    env.filters.update(_build.template_filters())
    env.globals.update(_build.template_globals())
    _making.update(config=config, files=files, env=env)
    # The last event before pages are written (every page read and rendered, its meta known).
    metas = []
    for file in files.documentation_pages():
        if (kept := _build.kept(file.dest_uri)) is not None:  # a page the preview does not draw again
            file.page.title, file.page.meta = kept
        metas.append(file.page.meta)
    _build.writing(Path(config.site_dir), metas)


def on_files(files, config):
    for file in files.documentation_pages():
        file.edit_uri = _build.edit_path(file.src_uri)
    # What MkDocs has already: hand-written pages and files (named as in the project) and the theme's.
    found = [
        (f.dest_uri, f"{_build.docs}/{f.src_uri}" if f.src_dir == config.docs_dir else None) for f in files
    ]
    with _stopping_on_build_error():
        outputs = _build.outputs(found)
    for out in outputs:
        inclusion = InclusionLevel.UNDEFINED if out.in_nav else _NOT_IN_NAV
        file = File.generated(
            config, out.src_uri, content=out.text, abs_src_path=out.source, inclusion=inclusion
        )
        file.edit_uri = out.edit_link
        files.append(file)
    if preview.session() is not None:  # which files each page's links look up (their existence shapes it)
        files.get_file_from_path = _build.looking_up(files.get_file_from_path)


def on_page_markdown(markdown, page, config, files):
    _build.rendering(page.file.dest_uri)
    page.meta = _build.page_meta(page.file.src_uri, page.meta)
    if page.file.generated_by is not None:
        page.file.content_string = ""  # read into page.markdown: one copy of the text is enough
    return _build.markdown(markdown, page.file.src_uri)


def on_page_content(html, page, config, files):
    _build.rendering(None)
    page.title, safe = _build.safe_texts(page.title, page.meta, page.toc)
    page.meta.update(safe)
    page.markdown = ""  # rendered, and the title is set: nothing reads the text again
    return _build.clean(html, page.file.src_uri)


def on_page_context(context, page, config, nav):
    return {**context, **_build.context(page.file.src_uri)}


def on_post_page(output, page, config):
    _build.written(page.file.dest_uri, output, page.meta, page.title)
    return output


def on_post_build(config):
    global _build, _last, _drawn_first
    with _stopping_on_build_error():
        _build.finish(Path(config.site_dir))
    _build = None
    if (session := preview.session()) is None:
        _making.clear()
        return
    files = _making["files"]
    del files.get_file_from_path  # its recording wrapper (on_files) would keep this build alive
    for file in files.documentation_pages():
        if file.page is not None:
            file.page.content = None  # written: what is kept for the next build is the site's shape
    _last = (config, files, _making["nav"], _making["env"])
    _making.clear()
    _show(again=_drawn_first)  # the site is whole: shown now (again, when its saved pages were shown first)
    _drawn_first = False
    session.set_aside()


def on_build_error(error):
    global _build, _drawn_first
    if _build is not None:
        _build.abandon()  # the card workers stop with the build
    _build, _drawn_first = None, False  # nothing of a failed build carries over to the next
    _making.clear()


def on_shutdown():
    # The search index being made in the background stops with the server (its folder is removed).
    if (session := preview.session()) is not None:
        session.cancel_search()


def on_serve(server, config, builder):
    global _server
    _server = server
    root = Path(config.config_file_path).parent
    for folder in ("content", "overrides", "hooks"):
        server.watch(str(root / folder))
    if reason := watching.notified(server):
        log.info(f"Xem trước: tìm thay đổi bằng cách quét lại các tệp mỗi nửa giây: {reason}")
    return server
