"""What a static host needs besides the pages: feeds, robots.txt, structured data for documents,
and security headers whose Content-Security-Policy allows only the site's own script files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from cchc.model import Document, Portal, Procedure, Unit
from cchc.pages.sanitize import script_json
from cchc.urls import absolute, root, site_path

FEED = "feed.xml"
FEED_ENTRIES = 50


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {root(site_url)}sitemap.xml\n"


def _updated(document: Document, built: datetime) -> str:
    if document.date and document.date.day:
        return f"{document.date.iso()}T00:00:00Z"
    return built.strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(title: str, feed_path: str, page_path: str, site_url: str, documents: list[Document],
         procedures: list[Procedure], units: dict[str, Unit], built: datetime) -> str:
    """An Atom feed of the newest documents, then procedures; dates as written, else the build's."""
    base = root(site_url)
    entries = []
    for document in sorted(documents, key=lambda d: (_updated(d, built), d.src_uri), reverse=True):
        entries.append((_updated(document, built), document.label, site_path(document.src_uri),
                        units[document.unit_id].name))
    for procedure in sorted(procedures, key=lambda p: p.slug):
        entries.append((built.strftime("%Y-%m-%dT%H:%M:%SZ"), procedure.label, site_path(procedure.src_uri),
                        procedure.authority))
    entries = entries[:FEED_ENTRIES]
    updated = max((e[0] for e in entries), default=built.strftime("%Y-%m-%dT%H:%M:%SZ"))
    items = "".join(
        f"<entry><title>{xml_escape(label)}</title><link href=\"{base}{path}\"/><id>{base}{path}</id>"
        f"<updated>{when}</updated><author><name>{xml_escape(author)}</name></author></entry>"
        for when, label, path, author in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">'
            f"<title>{xml_escape(title)}</title><id>{base}{feed_path}</id>"
            f'<link rel="self" href="{base}{feed_path}"/><link href="{base}{page_path}"/>'
            f"<updated>{updated}</updated>{items}</feed>\n")


def feeds(portal: Portal, site_name: str, site_url: str, built: datetime) -> dict[str, str]:
    """The site's feed and one per unit (its documents and the procedures it performs)."""
    out = {FEED: atom(site_name, FEED, "", site_url, portal.documents, portal.procedures, portal.units, built)}
    documents, procedures = portal.documents_by_unit(), portal.procedures_by_unit()
    for unit in portal.units.values():
        path = site_path(unit.src_uri) + FEED
        out[path] = atom(f"{unit.short_name} – {site_name}", path, site_path(unit.src_uri), site_url,
                         documents[unit.id], procedures[unit.id], portal.units, built)
    return out


def document_json_ld(document: Document, unit: Unit, site_url: str) -> str:
    """schema.org Report for reports, Legislation for every other kind of document."""
    url = absolute(site_url, document.src_uri)
    issuer = {"@type": "GovernmentOrganization", "name": unit.name,
              "url": absolute(site_url, unit.src_uri)}
    if document.kind.name == "Báo cáo":
        data = {"@context": "https://schema.org", "@type": "Report", "name": document.label, "url": url,
                "author": issuer, "inLanguage": "vi"}
        if document.has_number:
            data["reportNumber"] = document.number_symbol
        if document.date and document.date.day:
            data["datePublished"] = document.date.iso()
    else:
        data = {"@context": "https://schema.org", "@type": "Legislation", "name": document.label, "url": url,
                "legislationType": document.kind.name, "legislationPassedBy": issuer, "inLanguage": "vi"}
        if document.has_number:
            data["legislationIdentifier"] = document.number_symbol
        if document.date and document.date.day:
            data["legislationDate"] = document.date.iso()
    return script_json(data)


# Only the theme's and the portal's script files run (no inline script anywhere: the theme's were moved
# into assets/cchc-theme.js), so the policy depends on nothing an editor writes. Pagefind searches with
# WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
_POLICY = ("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'",
           "style-src 'self' 'unsafe-inline'",  # the theme sets style attributes from its script
           "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
           "base-uri 'self'", "form-action 'self'")
_HEADER_ONLY = ("frame-ancestors 'none'", "upgrade-insecure-requests")  # a <meta> policy ignores the first


def content_security_policy(meta: bool = False) -> str:
    """The site's policy: as a header, or as the <meta> every page carries for hosts that send no headers."""
    return "; ".join(_POLICY if meta else _POLICY + _HEADER_ONLY)


def security_headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    }


def netlify_headers(headers: dict[str, str]) -> str:
    """`_headers` for Netlify and Cloudflare Pages."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def nginx_headers(headers: dict[str, str]) -> str:
    """add_header lines for nginx, included by deploy/nginx.conf."""
    return "".join(f"add_header {name} \"{value}\" always;\n" for name, value in headers.items())


def write_headers(site_dir: Path) -> None:
    """Security headers for static hosts: `_headers` (Netlify, Cloudflare Pages) and an nginx include."""
    headers = security_headers()
    (site_dir / "_headers").write_text(netlify_headers(headers), encoding="utf-8")
    (site_dir / "_nginx-headers.conf").write_text(nginx_headers(headers), encoding="utf-8")
