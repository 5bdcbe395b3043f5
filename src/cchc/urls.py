"""Where everything lives: each page's source path (src_uri, as MkDocs names pages: 'van-ban/x/y.md'),
its path in the built site ('van-ban/x/y/'), links between pages and absolute addresses. The only
module that knows them; content items, page families and templates ask it. The site is built with
directory URLs (`use_directory_urls: true` in mkdocs.yml): 'a/b.md' is served at 'a/b/'.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from cchc.text import slugify

# Listing pages.
DOCUMENTS_INDEX = "van-ban/index.md"
DRAFTS = "du-thao/index.md"  # drafts for comment, open and closed
QUESTIONS = "hoi-dap/index.md"  # every procedure's questions and answers
ENGLISH = "en/index.md"  # the portal and its units in English
NEWS_INDEX = "tin-tuc/index.md"  # every unit's news, newest first, a page of them at a time
UNITS_INDEX = "don-vi/index.md"
CONSOLIDATED = "tong-hop/index.md"
FIGURES = "tong-hop/so-lieu/index.md"  # the figures dashboard; a page per period beside it
LIBRARY = "tham-chieu/index.md"
CHECKS = "kiem-tra-trich-dan.md"
COMPLIANCE = "tuan-thu.md"  # what the law asks of the portal, unit by unit (editors)
PROCEDURES = "thu-tuc/index.md"
PROCEDURES_BY_UNIT = "thu-tuc/theo-don-vi.md"
PROCEDURES_BY_LEVEL = "thu-tuc/theo-cap.md"
PROCEDURES_ONLINE = "thu-tuc/truc-tuyen.md"
PROCEDURES_A_Z = "thu-tuc/a-z.md"
GALLERY = "infographic/index.md"
JOURNEYS = "hanh-trinh/index.md"  # life events, each with its procedures in order
LISTINGS = (
    DOCUMENTS_INDEX,
    DRAFTS,
    QUESTIONS,
    ENGLISH,
    NEWS_INDEX,
    UNITS_INDEX,
    CONSOLIDATED,
    FIGURES,
    LIBRARY,
    CHECKS,
    COMPLIANCE,
    PROCEDURES,
    PROCEDURES_BY_UNIT,
    PROCEDURES_BY_LEVEL,
    PROCEDURES_ONLINE,
    PROCEDURES_A_Z,
    GALLERY,
    JOURNEYS,
)
# Pages the portal generates at the site's root.
ROOT_PAGES = (CHECKS, COMPLIANCE)
# Files.
IMAGES = "anh"  # encoded infographic images
OPEN_DATA = "du-lieu"  # JSON and CSV files
POSTER_FONTS = "assets/fonts"  # where cchc.css's @font-face rules look for the poster's font
CARD = "the-chia-se.png"  # each page's share card, in the page's own folder
FEED = "feed.xml"  # the site's Atom feed, and each unit's in its folder
CALENDAR = "lich-bao-cao.ics"  # reports due, for the city in tong-hop/ and for each unit in its folder
# Hand-written pages in docs/ that the portal's navigation and templates name.
HOME = "index.md"
ABOUT = "gioi-thieu.md"
SEARCH_PAGE = "tim-kiem.md"  # answers the header's search form (?q=)
CONTACT = "lien-he.md"
EDITORS_GUIDE = "huong-dan-bien-tap.md"
OPEN_DATA_PAGE = "du-lieu.md"  # documents the open data
ADMIN = "quan-tri"  # the editors' web form
SITEMAP = "sitemap.xml"  # written by MkDocs
ROBOTS = "robots.txt"
SEARCH_BUNDLE = "pagefind"  # the search index, written after the pages
NEWS_SEARCH_BUNDLE = "pagefind-tin-tuc"  # the news items' own (cchc.publish.search_index says why)
NEWS_FOLDER = "tin-tuc"  # where every news page is, items and listings
THEME_ASSETS = "assets"  # the theme's scripts, styles and fonts
# Files written by the build at the site's root besides pages: the hosts' headers, the sitemap, the
# theme's 404 page, robots.txt and the site's feed.
HOST_HEADERS = "_headers"  # Netlify, Cloudflare Pages
NGINX_HEADERS = "_nginx-headers.conf"  # included by deploy/nginx.conf
NGINX_ADMIN_HEADERS = "_nginx-admin-headers.conf"  # the web form's, for its own location
ROOT_FILES = (
    HOST_HEADERS,
    NGINX_HEADERS,
    NGINX_ADMIN_HEADERS,
    SITEMAP,
    "sitemap.xml.gz",
    "404.html",
    ROBOTS,
    FEED,
)
# Every folder the portal generates into: hand-written pages and files in docs/ stay out of them.
PORTAL_FOLDERS = (
    "van-ban",
    "don-vi",
    "tong-hop",
    "tham-chieu",
    "thu-tuc",
    "infographic",
    "hanh-trinh",
    IMAGES,
    OPEN_DATA,
    ADMIN,
    SEARCH_BUNDLE,
    NEWS_SEARCH_BUNDLE,
    THEME_ASSETS,
)


def unit(unit_id: str) -> str:
    return f"don-vi/{unit_id}/index.md"


def news(unit_id: str, slug: str) -> str:
    return f"{NEWS_FOLDER}/{unit_id}/{slug}.md"


def news_listing(scope: str = "", page: int = 1) -> str:
    """A page of a news listing: all news ('' scope), a unit's ('<unit id>') or a year's ('nam-2026')."""
    folder = f"{NEWS_FOLDER}/{scope}/" if scope else f"{NEWS_FOLDER}/"
    return f"{folder}index.md" if page == 1 else f"{folder}trang-{page}.md"


def reception(unit_id: str) -> str:
    """A unit's reception hours on a printable sheet."""
    return f"don-vi/{unit_id}/lich-tiep-cong-dan.md"


def english_unit(unit_id: str) -> str:
    """A unit's organisation and functions in English."""
    return f"en/{unit_id}/index.md"


def document(unit_id: str, slug: str) -> str:
    return f"van-ban/{unit_id}/{slug}.md"


def document_ref(src_uri: str) -> str:
    """How content names a document ('unit/slug', as in an infographic's `van_ban`)."""
    return src_uri.removeprefix("van-ban/").removesuffix(".md")


def document_by_ref(ref: str) -> str:
    return f"van-ban/{ref}.md"


def procedure(slug: str) -> str:
    return f"thu-tuc/{slug}.md"


def journey(slug: str) -> str:
    return f"hanh-trinh/{slug}.md"


def poster(slug: str) -> str:
    return f"thu-tuc/{slug}/in.md"


def infographic(slug: str) -> str:
    return f"infographic/{slug}.md"


def reference(cited_id: str) -> str:
    """A cited document that the portal does not hold, in the library."""
    return f"tham-chieu/{cited_id}.md"


def year(year: int | None) -> str:
    return f"van-ban/nam-{year}.md" if year else "van-ban/chua-ro-nam.md"


def form(slug: str, suffix: str) -> str:
    """A printable form: a page ('.md') or a file ('.pdf', '.docx') in the procedures' forms folder."""
    return f"thu-tuc/mau/{slug}{suffix}"


# The open data's files by what they hold: '<name>.json' and '<name>.csv' (and the figures' '.xlsx').
PROCEDURES_DATA, CITED_DATA, CITATIONS_DATA, FIGURES_DATA = "thu-tuc", "van-ban", "trich-dan", "so-lieu"
NEWS_DATA = "tin-tuc"
RELATIONS_DATA = "quan-he"


def open_data(name: str) -> str:
    """A file of the open data, by its name: 'so-lieu.csv' -> 'du-lieu/so-lieu.csv'."""
    return f"{OPEN_DATA}/{name}"


def admin(name: str) -> str:
    """A file of the editors' web form."""
    return f"{ADMIN}/{name}"


def admin_page() -> str:
    """The web form's own page (plain HTML: Decap is no Markdown page)."""
    return f"{ADMIN}/index.html"


def poster_font(name: str) -> str:
    return f"{POSTER_FONTS}/{name}"


def theme_asset(name: str) -> str:
    """A script or style of the portal's own beside the theme's (overrides/assets/)."""
    return f"{THEME_ASSETS}/{name}"


def search_bundle(name: str = "", news: bool = False) -> str:
    return f"{NEWS_SEARCH_BUNDLE if news else SEARCH_BUNDLE}/{name}"


def attachment(document_uri: str, name: str) -> str:
    """Attachments sit in the document's own folder: van-ban/<unit>/<slug>/<name>."""
    return f"{document_uri.removesuffix('.md')}/{name}"


def attachment_href(document_uri: str, name: str) -> str:
    """The attachment's address, percent-encoded: a file name may hold quotes, spaces or '#'."""
    return quote(attachment(document_uri, name))


def site_path(src_uri: str) -> str:
    """The path of a page in the built site: 'van-ban/x/y.md' -> 'van-ban/x/y/', 'index.md' -> ''."""
    folder, _, stem = src_uri.removesuffix(".md").rpartition("/")
    path = folder if stem == "index" else f"{folder}/{stem}".lstrip("/")  # 'par-index' is a page of its own
    return f"{path}/" if path else ""


def written(path: str) -> str:
    """The file a page (a src_uri) or a file becomes in the built site: 'a/b.md' -> 'a/b/index.html'."""
    return site_path(path) + "index.html" if path.endswith(".md") else path


def reserved(path: str) -> bool:
    """Whether a path of docs/ would be written where the portal writes: into its folders, onto or under
    its root files, or into its root pages' folders. The open-data page is the portal's own page in docs/."""
    first = written(path).split("/", 1)[0]
    owned = (*PORTAL_FOLDERS, *ROOT_FILES, *(site_path(page).strip("/") for page in ROOT_PAGES))
    return first in owned and path != OPEN_DATA_PAGE


def shown(path: str) -> str:
    """The address as readers see it: '/van-ban/x/y/' for a page, '/du-lieu/x.csv' for a file."""
    return f"/{site_path(path)}" if path.endswith(".md") else f"/{path}"


def feed(src_uri: str = "") -> str:
    """The Atom feed in a page's folder (the site's own for the home page)."""
    return site_path(src_uri) + FEED


def figures_period(label: str) -> str:
    """A period's figures: 'Cả năm 2025' -> tong-hop/so-lieu/ca-nam-2025.md."""
    return f"tong-hop/so-lieu/{slugify(label)}.md"


def calendar(src_uri: str) -> str:
    """The reporting calendar in a page's folder: the city's beside the consolidation, a unit's in its own."""
    return site_path(src_uri) + CALENDAR


def card(src_uri: str) -> str:
    return site_path(src_uri) + CARD


def to_root(src_uri: str) -> str:
    """From the page's folder back to the site's root: '../../' for 'van-ban/x/y.md'."""
    return "../" * site_path(src_uri).count("/")


def href(target: str, source: str) -> str:
    """A link in a page's own HTML, which MkDocs does not rewrite: from the page `source` to the page or
    file `target` (a src_uri, or a path in the built site)."""
    return to_root(source) + (site_path(target) if target.endswith(".md") else target)


def image(name: str) -> str:
    """An encoded infographic image, by its file name, in the built site."""
    return f"{IMAGES}/{name}"


def relative(target: str, source: str) -> str:
    """Path from the page `source` to `target`, both relative to the docs root (posixpath.relpath
    without its file-system calls, which cost seconds over ten thousand pages)."""
    here = source.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def edit_path(path: str | None) -> str | None:
    """A file of the project (relative to it) as the theme's edit link names it: percent-encoded, since
    Material prints the link raw and a file name may hold quotes or '<'."""
    return quote(path) if path is not None else None


def root(site_url: str) -> str:
    """The site's address with one closing slash: 'https://x.gov.vn/cchc/'."""
    return site_url.rstrip("/") + "/"


def path_on_host(site_url: str, path: str) -> str:
    """A path of the built site as the host serves it, the site's sub-folder included: '/cchc/quan-tri/'."""
    return urlsplit(root(site_url)).path + path


def absolute(site_url: str, src_uri: str) -> str:
    return root(site_url) + site_path(src_uri)
