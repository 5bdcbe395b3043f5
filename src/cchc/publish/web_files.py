"""What a static host needs besides the pages: feeds, robots.txt, and security headers whose
Content-Security-Policy allows only the site's own script files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cchc import urls
from cchc.labels import label
from cchc.model import Document, News, Portal, Procedure, Unit
from cchc.pages import render
from cchc.publish import cms_config
from cchc.settings import Rating
from cchc.urls import root, site_path

FEED_ENTRIES = 50


def robots(site_url: str) -> str:
    """Crawlers read robots.txt at the host's root: its paths carry the site's sub-folder ('/cchc/quan-tri/'),
    so the file works as it is at the root or merged into the host's own."""
    return render.fill(
        "robots.txt",
        sitemap=root(site_url) + urls.SITEMAP,
        admin=urls.path_on_host(site_url, urls.ADMIN + "/"),
    )


@dataclass(frozen=True)
class Entry:
    updated: str
    title: str
    url: str
    author: str


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _updated(document: Document, built: datetime) -> str:
    return f"{document.date.iso()}T00:00:00Z" if document.date and document.date.day else _stamp(built)


def atom(
    title: str,
    feed_path: str,
    page_path: str,
    site_url: str,
    documents: list[Document],
    procedures: list[Procedure],
    units: dict[str, Unit],
    built: datetime,
    news: list[News] | None = None,
) -> str:
    """An Atom feed of the newest documents and news, then procedures; dates as written, else the build's."""
    base = root(site_url)
    dated = [
        Entry(_updated(d, built), d.label, base + site_path(d.src_uri), units[d.unit_id].name)
        for d in documents
    ]
    dated += [
        Entry(f"{n.date.iso()}T00:00:00Z", n.label, base + site_path(n.src_uri), units[n.unit_id].name)
        for n in news or []
    ]
    entries = sorted(dated, key=lambda e: (e.updated, e.url), reverse=True)
    entries += [
        Entry(_stamp(built), p.label, base + site_path(p.src_uri), p.authority)
        for p in sorted(procedures, key=lambda p: p.slug)
    ]
    entries = entries[:FEED_ENTRIES]
    return render.fill(
        "feed.xml",
        title=title,
        feed_url=base + feed_path,
        page_url=base + page_path,
        updated=max((e.updated for e in entries), default=_stamp(built)),
        entries=entries,
    )


def feeds(portal: Portal, site_name: str, site_url: str, built: datetime) -> dict[str, str]:
    """The site's feed and one per unit (its documents, news and the procedures it performs)."""
    out = {
        urls.feed(): atom(
            site_name,
            urls.feed(),
            "",
            site_url,
            portal.documents,
            portal.procedures,
            portal.units,
            built,
            portal.news,
        )
    }
    documents, procedures = portal.documents_by_unit(), portal.procedures_by_unit()
    news: dict[str, list[News]] = {}
    for item in portal.news:
        news.setdefault(item.unit_id, []).append(item)
    for unit in portal.units.values():
        path = urls.feed(unit.src_uri)
        out[path] = atom(
            label("feed.unit_title", unit=unit.short_name, site=site_name),
            path,
            site_path(unit.src_uri),
            site_url,
            documents[unit.id],
            procedures[unit.id],
            portal.units,
            built,
            news.get(unit.id),
        )
    return out


# Only the theme's and the portal's script files run (no inline script anywhere: the theme's were moved
# into assets/cchc-theme.js), so the policy depends on nothing an editor writes. Pagefind searches with
# WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
_POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",  # the theme sets style attributes from its script
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
_HEADER_ONLY = ("frame-ancestors 'none'", "upgrade-insecure-requests")  # a <meta> policy ignores the first


def content_security_policy(meta: bool = False, rating: Rating | None = None) -> str:
    """The site's policy: as a header, or as the <meta> every page carries for hosts that send no headers.
    Forms go to the site itself and to the rating form's target, exactly that (mkdocs.yml's extra.rating_url
    or rating_email: the publisher's setting, which no content file changes)."""
    policy: tuple[str, ...] = _POLICY if meta else _POLICY + _HEADER_ONLY
    if rating is not None:
        policy = tuple(f"{p} {rating.source}" if p.startswith("form-action ") else p for p in policy)
    return "; ".join(policy)


def security_headers(rating: Rating | None = None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(rating=rating),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    }


def netlify_headers(headers: dict[str, str]) -> str:
    """`_headers` for Netlify and Cloudflare Pages; the web form under /quan-tri/ swaps the site's policy
    for its own (Cloudflare's `! Header` detaches the first; Netlify would send both, see README)."""
    site = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    return site + (
        f"/{urls.ADMIN}/*\n  ! Content-Security-Policy\n"
        f"  Content-Security-Policy: {'; '.join(cms_config.ADMIN_POLICY)}\n"
    )


def nginx_headers(headers: dict[str, str]) -> str:
    """add_header lines for nginx, included by deploy/nginx.conf."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())


def write_headers(site_dir: Path, rating: Rating | None = None) -> None:
    """Security headers for static hosts: `_headers` (Netlify, Cloudflare Pages) and an nginx include."""
    headers = security_headers(rating)
    (site_dir / urls.HOST_HEADERS).write_text(netlify_headers(headers), encoding="utf-8")
    (site_dir / urls.NGINX_HEADERS).write_text(nginx_headers(headers), encoding="utf-8")
    admin = {**headers, "Content-Security-Policy": "; ".join(cms_config.ADMIN_POLICY)}
    (site_dir / urls.NGINX_ADMIN_HEADERS).write_text(nginx_headers(admin), encoding="utf-8")
