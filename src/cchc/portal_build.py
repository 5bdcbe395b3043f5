"""One build of the portal, in the steps a static site generator takes: start (load, validate, index
the citations and generate everything; start drawing share cards), the files to add, each page's meta,
cleaning and template context, and finish (place the cards, write the hosts' headers, index for search).

The MkDocs hook only translates these steps into MkDocs events and objects; a successor of MkDocs
would call the same ones. A PortalBuild lives for one build: nothing outlives it.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import BytecodeCache
from markupsafe import Markup, escape

from cchc import site, text, urls
from cchc.content import handwritten
from cchc.content import load as loader
from cchc.dates import day_in_vietnam, in_words
from cchc.memo import digest
from cchc.model import Portal
from cchc.navigation import NAV_PAGES
from cchc.pages import marks, render, safe_ids, sanitize
from cchc.problems import Problem, Severity, errors
from cchc.publish import cards, cms_config, placement, preview, search_index, web_files
from cchc.publish.placement import Placed
from cchc.refs import index as reference_index
from cchc.settings import CONFIG, Config, Settings, SettingsError, Suspension, from_config, problems_with

T = TypeVar("T")
CACHE = Path(".cache") / "cchc"  # encoded images and cards, kept between builds (keyed by content)
COMPILED = CACHE / "jinja"  # the portal's and the theme's templates, compiled (keyed by their source)


class BuildError(Exception):
    """Why the build stops, in Vietnamese, and the content problems behind it (to log first)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Output:
    """A file the portal adds to the site: generated text, or a file copied in."""

    src_uri: str
    text: str | bytes | None = None  # bytes: a binary file made by the build (the figures' workbook)
    source: str | None = None  # the file copied in
    owner: str | None = None  # the editor's file it comes from, relative to the project (its edit link)
    in_nav: bool = False

    @property
    def edit_link(self) -> str | None:
        return urls.edit_path(self.owner)


@dataclass
class SharedNav:
    """The site's nav pages, and the primary nav drawn once for each folder of pages outside the nav
    (overrides/partials/nav.html)."""

    pages: set[str] = field(default_factory=set)  # src_uri of each nav page
    urls: list[str] = field(default_factory=list)
    drawn: dict[str, str] = field(default_factory=dict)  # by folder

    def key(self, src_uri: str, url: str, language: str = "") -> str | None:
        """The folder (and the language of the theme's words) whose pages share this page's primary nav, or
        None when it is its own. Material marks nothing active on a page outside the nav, and a link in it,
        relative to the page, depends only on the page's folder unless it leads below the page itself; its
        labels are in the page's language (the English pages')."""
        if src_uri in self.pages or any(target.startswith(url) for target in self.urls):
            return None
        return f"{language}:{posixpath.dirname(url.rstrip('/'))}"

    def keep(self, key: str | None, html: str) -> str:
        if key is not None:
            self.drawn[key] = html
        return html


class PortalBuild:
    def __init__(
        self,
        root: Path,
        docs_dir: Path,
        settings: Settings,
        generated: site.Site,
        portal: Portal,
        log: logging.Logger,
        session: preview.Preview | None = None,
    ) -> None:
        self.root, self.settings, self.site, self.portal, self.log = root, settings, generated, portal, log
        self.docs = docs_dir.resolve().relative_to(root.resolve()).as_posix()
        self._pages = {p.src_uri: p for p in generated.pages}
        self._marks = marks.Marks(portal, settings)
        self._versions: dict[str, list[tuple[str, str]]] | None = None  # by page, its languages' versions
        # Share cards are drawn in another process while the pages are rendered; the search index is made
        # in another while the last pages are written (writing).
        self._cards = cards.Pending(list(generated.cards.values()), root / CACHE / cards.CACHE)
        self._search: search_index.Indexer | None = None
        self._nav = SharedNav()
        # The editors' preview (preview.py): each page's and file's own digest by its path in the site, what
        # every page reads, the plan, and each page's title and meta as written or kept.
        self._session = session
        self._own: dict[str, str] = {}
        # The files MkDocs looked up while rendering each page of this build (a relative link becomes the
        # file's address when the file exists), and the page being rendered.
        self._looked_up: dict[str, set[str]] = {}
        self._rendering: str | None = None
        self._sources: set[str] = set()  # every file's src_uri
        self._theme: list[str] = []  # the theme's own files, by path in the site
        self._inputs: dict[str, str] = {}
        self._writing = False  # pages and files are being written
        self._plan: preview.Plan | None = None
        self._shown: dict[str, tuple[Any, dict[str, Any]]] = {}

    @classmethod
    def start(
        cls,
        root: Path,
        docs_dir: Path,
        config: Config,
        built: datetime,
        log: logging.Logger,
        session: preview.Preview | None = None,
        first: Callable[[PortalBuild], None] | None = None,
    ) -> PortalBuild:
        """Load and check content/ and its citations (before anything is written), then generate
        everything. Problems go to `log`; a BuildError stops the build when there are errors. In a serve
        session, the pages of the documents just saved are generated first and handed to `first`, a build
        of those pages alone, which shows them while the rest is generated and written."""
        memo = session.memo if session is not None else None
        if session is not None:  # the last build's search index is of no use now, and would share the cores
            session.cancel_search()
        built = session.built(built) if session is not None else built
        portal, problems = loader.load(root, memo=memo)
        _stop_on_errors(problems, log)
        try:
            settings = from_config(config, built)
        except SettingsError as error:
            raise BuildError(str(error)) from None
        config_file = Path(config.get("config_file_path") or root / CONFIG)  # `mkdocs -f` may name another
        problems += problems_with(settings, portal, day_in_vietnam(built), config_file)
        index = reference_index.index_references(portal, memo)
        problems += index.problems
        _stop_on_errors(problems, log)
        render.ENVIRONMENT.bytecode_cache = render.compiled_in(root / COMPILED)
        saved = session.saved(root) if session is not None and first is not None else set()
        if pages := site.saved_documents(portal, saved, index, root / CACHE, settings, memo):
            assert session is not None and first is not None  # only a serve session saves
            first(cls(root, docs_dir, settings, site.Site(pages, {}, index, {}, {}), portal, log))
            session.drawn_first(urls.written(page.src_uri) for page in pages)
        generated = site.generate(portal, root / CACHE, settings, index, memo)
        _log(log, problems + generated.problems)
        encoded, cached = generated.encoded, len(generated.images) - generated.encoded
        log.info(f"Ảnh: mã hóa mới {encoded} tệp, {cached} tệp lấy từ bộ nhớ đệm")
        return cls(root, docs_dir, settings, generated, portal, log, session)

    @staticmethod
    def compiled_templates() -> BytecodeCache | None:
        """The theme's templates compiled into the same folder as the portal's (set in `start`)."""
        return render.ENVIRONMENT.bytecode_cache

    def template_globals(self) -> dict[str, object]:
        nav = self._nav  # what a page drawn later in a serve session reads (hooks._draw_first), not the build
        return {
            "cchc_csp": web_files.content_security_policy(meta=True, rating=self.settings.rating),
            "cchc_notice": self._notice(),
            "cchc_alternates": self.alternates,  # overrides/sitemap.xml
            "cchc_settings": self.settings,
            "cchc_urls": urls,  # the theme's templates name pages and files as the rest of the portal does
            "cchc_nav_key": nav.key,  # overrides/partials/nav.html
            "cchc_nav_drawn": nav.drawn.get,
            "cchc_nav_keep": nav.keep,
            "cchc_news_search": bool(self.portal.news),  # overrides/search.html: news have their own index
        }

    def alternates(self, src_uri: str) -> list[tuple[str, str]]:
        """A page's versions by language, itself included, when it has a version in another language (both
        ways: the home page names /en/, which names it)."""
        if self._versions is None:
            versions: dict[str, dict[str, str]] = {}
            for page in self._pages.values():
                others = page.theme.get("cchc_alternates")
                for language, target in others if isinstance(others, list) else []:
                    own = str(page.theme.get("cchc_lang", "vi"))
                    for uri in (page.src_uri, target):
                        versions.setdefault(uri, {}).update({own: page.src_uri, language: target})
            self._versions = {uri: sorted(by.items()) for uri, by in versions.items()}
        return self._versions.get(src_uri, [])

    def _notice(self) -> Suspension | None:
        """The planned suspension every page announces, from its announcement until it ends."""
        notice, today = self.settings.suspension, day_in_vietnam(self.settings.built)
        if notice is None or notice.end.date() < today or (notice.announced and notice.announced > today):
            return None
        return notice

    def nav(self, pages: Iterable[tuple[str, str]]) -> None:
        """The pages of the site's nav, (src_uri, url)."""
        for src_uri, url in pages:
            self._nav.pages.add(src_uri)
            self._nav.urls.append(url)

    @staticmethod
    def template_filters() -> dict[str, Callable[..., str]]:
        return {"d_words": text.d_words, "in_words": in_words}

    def edit_path(self, docs_src_uri: str) -> str | None:
        """A hand-written page's file as its edit link names it (percent-encoded)."""
        return urls.edit_path(self._source(docs_src_uri))

    def _source(self, src_uri: str) -> str | None:
        """The file an editor wrote a page in, relative to the project (None for listings)."""
        page = self._pages.get(src_uri)
        return page.edit_path if page else f"{self.docs}/{src_uri}"

    def outputs(self, found: Iterable[tuple[str, str | None]]) -> list[Output]:
        """Every page and file the portal adds to the site, once sure that none lands where another file
        does: `found` is what the site generator has already, (path in the site, the docs/ file it comes
        from or None for the theme's own)."""
        found = list(found)
        out = self._outputs()
        self._theme = [path for path, owner in found if owner is None]
        if self._session is not None:
            self._own_digests(out, found)
        placed = [Placed(path, owner, "tệp giao diện") for path, owner in found]
        placed += [Placed(urls.written(o.src_uri), o.owner) for o in out]
        cards_of = {urls.card(p.src_uri): p.edit_path for p in self.site.pages}
        placed += [Placed(path, cards_of.get(path), "thẻ chia sẻ") for path in self.site.cards]
        taken = {p.path for p in placed}
        placed += [Placed(name, None) for name in urls.ROOT_FILES if name not in taken]
        if problems := placement.conflicts(placed):
            _log(self.log, problems)
            raise BuildError(
                f"{len(problems)} tệp trùng chỗ trong trang (xem các dòng ERROR ở trên). Chưa ghi trang "
                "nào, site/ giữ nguyên.",
                problems,
            )
        return out

    def _outputs(self) -> list[Output]:
        """Every page and file the portal adds to the site."""
        out = self.page_outputs()
        out += [
            Output(urls.attachment(d.src_uri, a.name), source=str(a.source), owner=d.path)
            for d in self.portal.documents
            for a in d.attachments
        ]
        out += [
            Output(f.src_uri, source=str(f.file), owner=f.path) for f in self.portal.forms.values() if f.file
        ]
        copied = {**self.site.images, **self.site.assets}
        out += [Output(path, source=str(source)) for path, source in copied.items()]
        out += [Output(path, text=content) for path, content in self.site.files.items()]
        texts, sources = cms_config.admin_files(self.root, self.portal, self.settings.repo_url)
        if not texts:
            self.log.info(
                f"Trang biên tập /{urls.ADMIN}/ không được dựng: chưa cài Decap CMS vào {cms_config.BUNDLE} "
                "(make build và make serve tự cài; hoặc chạy sh cms/setup)"
            )
        out += [Output(path, text=content) for path, content in texts.items()]
        out += [Output(path, source=str(source)) for path, source in sources.items()]
        return out

    def page_outputs(self) -> list[Output]:
        """The generated pages. A page's text opens with a blank line: MkDocs never reads a body that opens
        with '---' as front matter; the page's meta comes from page_meta. The text is handed over: MkDocs
        keeps its own copy from here, and the site's would be a second one held all build."""
        out = []
        for page in self.site.pages:
            out.append(
                Output(
                    page.src_uri, "\n" + page.markdown, owner=page.edit_path, in_nav=page.src_uri in NAV_PAGES
                )
            )
            page.markdown = ""
        return out

    def _own_digests(self, out: list[Output], found: Iterable[tuple[str, str | None]]) -> None:
        """Each page's and file's own digest, by its path in the site (the editors' preview): a page's
        text, front matter, theme context and edit link; a file's text, or the file it is copied from."""
        own = self._own
        for o in out:
            path = urls.written(o.src_uri)
            page = self._pages.get(o.src_uri)
            if page is not None:
                own[path] = digest(o.text, page.front_matter(), page.theme, o.owner)
            else:
                own[path] = digest(o.text) if o.source is None else preview.file_digest(o.source)
        for path, owner in found:  # the theme's own files (no owner) are left to MkDocs
            if owner is None:
                continue
            source = self.root / owner
            if owner.endswith(".md"):  # a hand-written page by its text (small), its marks expanded
                page_text = source.read_text(encoding="utf-8", errors="replace")
                own[path] = digest(self.markdown(page_text, owner.removeprefix(f"{self.docs}/")))
            else:  # a file by its stat
                own[path] = preview.file_digest(source)
        for path, card in self.site.cards.items():
            own[path] = card.key()

    def unchanged(
        self, config_file: Path, site_dir: Path, files: Iterable[tuple[str, str]], titled_nav: bool = True
    ) -> tuple[dict[str, bool], bool]:
        """The editors' preview: whether each page and file (by its path in the site) is written again,
        and whether the theme's own files are (when `overrides/` changed; else MkDocs compares times).
        `files`: (path in the site, src_uri) of all the site's pages and files. `titled_nav`: every nav
        entry names its title (the portal's own nav), so a hand-written nav page shows only its front
        matter there, not its first heading. Called once the nav is known."""
        assert self._session is not None
        self._sources = {src for _, src in files}
        session = self._session
        own = {path: self._with_lookups(key, session.looked_up(path)) for path, key in self._own.items()}
        inputs = {
            "mkdocs.yml": preview.file_digest(config_file),
            "overrides/": preview.tree_digest(self.root / "overrides"),
            "hooks/": preview.tree_digest(self.root / "hooks"),
            "ngày dựng": self.settings.built.isoformat(),
            "mục lục (nav)": digest(self._nav_shown(titled_nav)),
            "có tin tức": str(
                bool(self.portal.news)
            ),  # the search page offers their index (cchc_news_search)
        }
        self._inputs = inputs
        self._plan = plan = self._session.plan(site_dir, inputs, own)
        if plan.inputs_changed:
            self.log.info(f"Xem trước: vẽ lại mọi trang vì đã đổi {', '.join(plan.inputs_changed)}")
        again = {path: path in plan.changed for path in own if path not in self.site.cards}
        return again, "overrides/" in plan.inputs_changed

    def _with_lookups(self, own: str, looked_up: Iterable[str]) -> str:
        """A page's own digest and whether each file it looked up when last rendered exists now."""
        return digest(own, [(src, src in self._sources) for src in sorted(looked_up)])

    def looking_up(self, lookup: Callable[[str], T]) -> Callable[[str], T]:
        """MkDocs' lookup of a file by its src_uri, recording which page asked (the editors' preview)."""

        def recorded(src_uri: str) -> T:
            if self._rendering is not None:
                self._looked_up.setdefault(self._rendering, set()).add(src_uri)
            return lookup(src_uri)

        return recorded

    def rendering(self, dest_uri: str | None) -> None:
        """The page MkDocs is converting from Markdown now (None once done)."""
        self._rendering = dest_uri

    def _nav_shown(self, titled: bool) -> list[object]:
        """What Material's nav and footer read of each nav page: its title and meta (a hand-written page's
        are in its front matter, or, in a nav that does not title it, its whole text)."""
        shown: list[object] = []
        for src_uri in sorted(self._nav.pages):
            page = self._pages.get(src_uri)
            if page is not None:
                shown.append([src_uri, *(page.front_matter().get(k) for k in _NAV_META)])
            else:
                text = (self.root / self.docs / src_uri).read_text(encoding="utf-8", errors="replace")
                shown.append([src_uri, handwritten.front_matter(text) if titled else text])
        return shown

    def page_meta(self, src_uri: str, read: dict[str, Any]) -> dict[str, Any]:
        """A page's meta: a generated page's own; of a hand-written page's, as MkDocs `read` it, only what
        such a page may set (cchc check names the rest)."""
        page = self._pages.get(src_uri)
        return page.front_matter() if page else handwritten.allowed(read)

    def markdown(self, markdown: str, src_uri: str) -> str:
        """A page's Markdown, a hand-written page's with the portal's marks expanded."""
        if src_uri in self._pages:
            return markdown
        return self._marks.expand(markdown, src_uri)

    def clean(self, html: str, src_uri: str) -> str:
        """A page's HTML through the allowlist; what was removed is logged on the lines of its file."""
        cleaned, problems = sanitize.clean_page(html, self.root, self._source(src_uri) or src_uri)
        _log(self.log, problems)
        return cleaned

    @staticmethod
    def safe_texts(
        title: str | None, meta: Mapping[str, Any], toc: Sequence[safe_ids.TocItem]
    ) -> tuple[Markup, dict[str, Markup]]:
        """The page's title, front-matter title and description, and table of contents as text safe in any
        template: Material prints them unescaped. (Edit links are percent-encoded in `edit_path`.)"""
        safe_ids.safe_toc(toc)
        safe = {key: escape(str(meta[key])) for key in ("title", "description") if key in meta}
        return sanitize.title(title, meta.get("title")), safe

    def context(self, src_uri: str) -> dict[str, object]:
        """What a page's theme template needs beyond the page (a document's facts, for one)."""
        page = self._pages.get(src_uri)
        return page.theme if page else {}

    def kept(self, dest_uri: str) -> tuple[Any, dict[str, Any]] | None:
        """The editors' preview: the title and meta of a page that is not drawn again, as it was written
        (the pages drawn again show them in the nav, previous and next); None for a page drawn again."""
        if self._session is None or self._plan is None or dest_uri in self._plan.changed:
            return None
        shown = self._session.shown(dest_uri)
        if shown is not None:
            self._shown[dest_uri] = shown
        return shown

    def writing(self, site_dir: Path, metas: Iterable[Mapping[str, Any]]) -> None:
        """The pages, whose meta is `metas`, are about to be written into `site_dir`."""
        self._writing = True
        if self._session is None:  # the preview indexes once the build is done (preview.Background)
            searchable = sum(1 for meta in metas if _may_search(meta))
            self._search = search_index.Indexer(site_dir, searchable, bool(self.portal.news))

    def written(self, dest_uri: str, html: str, meta: dict[str, Any], title: Any) -> None:
        """A page has been written: the search index may start once no searchable page is left."""
        if self._session is not None:
            self._shown[dest_uri] = (title, meta)
        elif self._search is not None:
            self._search.written(dest_uri, html, _may_search(meta))

    def abandon(self) -> None:
        """The build failed after it started (a page, a template, `mkdocs serve` going on): stop drawing and
        indexing."""
        self._cards.cancel()
        if self._search is not None:
            self._search.cancel()
        if self._session is not None and self._writing:
            self._session.failed()  # what it wrote is not known: the next build checks every file

    def finish(self, site_dir: Path) -> None:
        """Place the share cards, write the hosts' headers, index the site for search; log what was done."""
        try:
            drawn = self._cards.wait()
        except Exception as exc:  # a worker's failure, reported as one line instead of its traceback
            raise BuildError(f"Không vẽ được thẻ chia sẻ: {exc}") from None
        cache = self.root / CACHE / cards.CACHE
        plan = self._plan
        for path, card in self.site.cards.items():
            if plan is None or path in plan.changed:
                _place(cache / f"{card.key()}.png", site_dir / path)
        web_files.write_headers(site_dir, self.settings.rating)
        self.log.info(f"Thẻ chia sẻ: vẽ mới {drawn}, dùng lại {len(self.site.cards) - drawn} từ bộ nhớ đệm")
        if self._session is not None and plan is not None:
            also = [*self._theme, *urls.ROOT_FILES]
            # What was written now is keyed by what it looked up now (a new link reads a new file).
            looked_up = {path: self._looked_up.get(path, set()) for path in plan.changed if path in self._own}
            rendered = {path: self._with_lookups(self._own[path], found) for path, found in looked_up.items()}
            removed = self._session.done(
                site_dir, plan, self._inputs, self._shown, also, rendered, looked_up, bool(self.portal.news)
            )
            pages = sum(1 for path in plan.changed if path.endswith(".html"))
            self.log.info(
                f"Xem trước: ghi lại {len(plan.changed)} trong {len(plan.keys)} tệp ({pages} trang), "
                f"xóa {removed}; chỉ mục tìm kiếm lập lại ở nền"
            )
            return
        try:
            indexed = (self._search or search_index.Indexer(site_dir, 0, bool(self.portal.news))).finish()
        except search_index.SearchIndexError as error:
            raise BuildError(f"Pagefind không lập được chỉ mục tìm kiếm: {error}") from None
        self.log.info(f"Tìm kiếm: Pagefind lập chỉ mục {indexed} trang")


_NAV_META = ("title", "icon", "subtitle", "status")


def _may_search(meta: Mapping[str, Any]) -> bool:
    """Whether a page may carry the search body: unless its meta says `search: false` (main.html)."""
    return meta.get("search") is not False


_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.NOTE: logging.INFO}


def _log(log: logging.Logger, problems: list[Problem]) -> None:
    for problem in problems:
        log.log(_LEVELS[problem.severity], str(problem))


def _stop_on_errors(problems: list[Problem], log: logging.Logger) -> None:
    if found := len(errors(problems)):
        _log(log, problems)
        raise BuildError(
            f"Nội dung có {found} lỗi (xem các dòng ERROR ở trên; chạy 'cchc check' để xem "
            "lại). Chưa xây dựng trang nào, site/ giữ nguyên.",
            problems,
        )


def _place(cached: Path, target: Path) -> None:
    """Put a cached file in the site: a hard link when the cache is on the same disk, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
