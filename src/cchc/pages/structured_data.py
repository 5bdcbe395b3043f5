"""schema.org data in each document's and procedure's <head>: GovernmentService for procedures, Report or
Legislation for documents. JSON made safe inside <script> whatever the values hold."""

from __future__ import annotations

from cchc.kinds import REPORT
from cchc.levels import COMMITTEE_PREFIXES
from cchc.model import ONLINE, Document, News, Procedure, Unit
from cchc.pages.sanitize import script_json
from cchc.urls import absolute


def area_name(unit: Unit) -> str:
    """'Ủy ban nhân dân xã Nam Sách' -> 'xã Nam Sách'."""
    for prefix in COMMITTEE_PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name.removeprefix(prefix)
    return unit.name


def procedure_json_ld(procedure: Procedure, units: list[Unit], site_url: str) -> str:
    """GovernmentService, provided by the units that perform the procedure."""
    channels = []
    for channel in procedure.channels:
        item = {"@type": "ServiceChannel", "name": channel.way, "processingTime": channel.time_limit}
        if channel.way == ONLINE and procedure.online_url:
            item["serviceUrl"] = procedure.online_url
        channels.append(item)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": procedure.name,
        "serviceType": procedure.field,
        "url": absolute(site_url, procedure.src_uri),
        "provider": [
            {"@type": "GovernmentOrganization", "name": u.name, "url": absolute(site_url, u.src_uri)}
            for u in units
        ],
        "areaServed": [{"@type": "AdministrativeArea", "name": area_name(u)} for u in units],
        "availableChannel": channels,
        "audience": {"@type": "Audience", "audienceType": procedure.applicants},
    }
    if procedure.code:
        data["identifier"] = procedure.code
    return script_json(data)


def document_json_ld(document: Document, unit: Unit, site_url: str) -> str:
    """Report for reports, Legislation for every other kind of document."""
    url = absolute(site_url, document.src_uri)
    issuer = {"@type": "GovernmentOrganization", "name": unit.name, "url": absolute(site_url, unit.src_uri)}
    if document.kind == REPORT:
        data = {
            "@context": "https://schema.org",
            "@type": "Report",
            "name": document.label,
            "url": url,
            "author": issuer,
            "inLanguage": "vi",
        }
        if document.has_number:
            data["reportNumber"] = document.number_symbol
        if document.date and document.date.day:
            data["datePublished"] = document.date.iso()
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": document.label,
            "url": url,
            "legislationType": document.kind.name,
            "legislationPassedBy": issuer,
            "inLanguage": "vi",
        }
        if document.has_number:
            data["legislationIdentifier"] = document.number_symbol
        if document.date and document.date.day:
            data["legislationDate"] = document.date.iso()
        if document.effective and document.effective.day:
            data["legislationDateOfApplicability"] = document.effective.iso()
    return script_json(data)


def faq_json_ld(questions: list[tuple[str, str]]) -> str:
    """FAQPage for the questions and answers (question, answer as written)."""
    return script_json(
        {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": "vi",
            "mainEntity": [
                {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
                for q, a in questions
            ],
        }
    )


def news_json_ld(item: News, unit: Unit, site_url: str) -> str:
    """NewsArticle, published by the unit."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "url": absolute(site_url, item.src_uri),
        "datePublished": item.date.iso(),
        "inLanguage": "vi",
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": unit.name,
            "url": absolute(site_url, unit.src_uri),
        },
    }
    if item.summary:
        data["description"] = item.summary
    return script_json(data)
