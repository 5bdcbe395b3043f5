"""MkDocs wiring for the portal: every decision lives in the `cchc` package.

pre_build: load and validate content/ (before MkDocs cleans site/, so bad
content never leaves a half-written site), generate everything, start drawing
share cards in another process; files: add the generated pages, attachments,
forms, images and open data; page_context: hand a document and its unit to the
template; post_build: place the share cards.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_build_datetime

from cchc import cards, infographic_pages, loader, pages, procedure_pages, publish, sanitize, search_index, site, text
from cchc.problems import Severity, errors
from cchc.settings import SettingsError, from_config
from cchc.refs import pages as reference_pages

log = logging.getLogger("mkdocs.plugins.cchc")
_state: dict = {}

# Listing pages that the nav names; every other generated page stays out of the nav.
_IN_NAV = {pages.DOCUMENTS_INDEX, pages.UNITS_INDEX, pages.CONSOLIDATED, reference_pages.LIBRARY,
           reference_pages.CHECKS, procedure_pages.INDEX, infographic_pages.GALLERY}


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _cache(config) -> Path:
    """Encoded images and cards, kept between builds (keyed by content, so never stale)."""
    return _root(config) / ".cache" / "cchc"


def on_env(env, config, files):
    env.filters["d_words"] = text.d_words
    env.globals["cchc_settings"] = _state["settings"]
    env.globals["cchc_csp"] = publish.content_security_policy(meta=True)
    return env


def on_pre_build(config):
    portal, problems = loader.load(_root(config))
    if found := len(errors(problems)):
        for problem in problems:
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        raise PluginError(f"Nội dung có {found} lỗi (xem các dòng ERROR ở trên; chạy 'cchc check' để xem "
                          "lại). Chưa xây dựng trang nào, site/ giữ nguyên.")
    try:
        settings = from_config(config, get_build_datetime())
    except SettingsError as error:
        raise PluginError(str(error)) from None
    built = site.generate(portal, _cache(config), settings)
    _state["settings"] = settings
    log.info(f"Ảnh: mã hóa mới {built.encoded} tệp, {len(built.images) - built.encoded} tệp lấy từ bộ nhớ đệm")
    # Share cards are drawn in another process while MkDocs renders the pages.
    _state["cards"] = cards.Pending(list(built.cards.values()), _cache(config) / cards.CACHE)
    for problem in problems + built.index.problems + built.problems:
        log.warning(str(problem))
    _state["portal"], _state["site"] = portal, built


def on_files(files, config):
    portal = _state["portal"]
    docs = Path(config.docs_dir).resolve().relative_to(_root(config).resolve()).as_posix()
    for file in files.documentation_pages():
        file.edit_uri = f"{docs}/{file.src_uri}"
    built = _state["site"]
    for page in built.pages:
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in _IN_NAV else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.source(), inclusion=inclusion)
        file.edit_uri = page.edit_path
        files.append(file)
    for document in portal.documents:
        for attachment in document.attachments:
            files.append(File.generated(config, pages.attachment_uri(document, attachment),
                                        abs_src_path=attachment.source))
    for form in portal.forms.values():
        if form.file:
            files.append(File.generated(config, form.src_uri, abs_src_path=form.file))
    for path, source in {**built.images, **built.assets}.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for path, content in built.files.items():
        files.append(File.generated(config, path, content=content))
    _state["documents"] = {d.src_uri: d for d in portal.documents}
    _state["cited"] = {c.own.src_uri: c for c in built.index.documents.values() if c.own is not None}
    return files


def on_page_markdown(markdown, page, config, files):
    return pages.expand_marks(markdown)


def on_page_content(html, page, config, files):
    cleaned, problems = sanitize.page(html, _root(config), page.file.edit_uri or page.file.src_uri)
    for problem in problems:
        log.warning(str(problem))
    # Material prints titles and descriptions unescaped: hand it text that is safe either way.
    page.title = sanitize.title(page.title, page.meta.get("title"))
    for key in ("title", "description"):
        if key in page.meta:
            page.meta[key] = sanitize.escape(str(page.meta[key]))
    return cleaned


def on_page_context(context, page, config, nav):
    document = _state["documents"].get(page.file.src_uri)
    if document is not None:
        context["cchc_document"] = document
        context["cchc_unit"] = _state["portal"].units[document.unit_id]
        context["cchc_attachments"] = [(a.name, pages.attachment_href(document, a)) for a in document.attachments]
        cited = _state["cited"].get(page.file.src_uri)
        context["cchc_cited_by"] = reference_pages.cited_by(cited) if cited else []
    return context


def on_post_build(config):
    try:
        drawn = _state["cards"].wait()
    except Exception as exc:  # a worker's failure, reported as one line instead of its traceback
        raise PluginError(f"Không vẽ được thẻ chia sẻ: {exc}") from None
    cache = _cache(config) / cards.CACHE
    site_dir = Path(config.site_dir)
    for path, card in _state["site"].cards.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        _place(cache / f"{card.key()}.png", target)
    log.info(f"Thẻ chia sẻ: vẽ mới {drawn}, dùng lại {len(_state['site'].cards) - drawn} từ bộ nhớ đệm")
    _write_headers(site_dir)
    _index_for_search(site_dir)


def _index_for_search(site_dir: Path) -> None:
    try:
        pages = search_index.index_site(site_dir)
    except search_index.SearchIndexError as error:
        raise PluginError(f"Pagefind không lập được chỉ mục tìm kiếm: {error}") from None
    log.info(f"Tìm kiếm: Pagefind lập chỉ mục {pages} trang")


def _write_headers(site_dir: Path) -> None:
    """Security headers for static hosts: `_headers` (Netlify, Cloudflare Pages) and an nginx include."""
    headers = publish.security_headers()
    (site_dir / "_headers").write_text(publish.netlify_headers(headers), encoding="utf-8")
    (site_dir / "_nginx-headers.conf").write_text(publish.nginx_headers(headers), encoding="utf-8")


def _place(cached: Path, target: Path) -> None:
    """Put a cached file in the site: a hard link when the cache is on the same disk, else a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def on_serve(server, config, builder):
    server.watch(os.fspath(_root(config) / "content"))
    return server
