"""schema.org data in each document's and procedure's <head>: GovernmentService for procedures, Report or
Legislation for documents. JSON made safe inside <script> whatever the values hold."""

from __future__ import annotations

from cchc.kinds import REPORT
from cchc.levels import COMMITTEE_PREFIXES
from cchc.model import ONLINE, Document, News, Procedure, Unit
from cchc.pages.sanitize import script_json
from cchc.refs import validity
from cchc.refs.index import CitedDocument, ReferenceIndex
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


def document_json_ld(
    document: Document, unit: Unit, site_url: str, force: dict[str, object] | None = None
) -> str:
    """Report for reports, Legislation for every other kind of document, with its `force` where known
    (force_json_ld)."""
    url = absolute(site_url, document.src_uri)
    issuer = {"@type": "GovernmentOrganization", "name": unit.name, "url": absolute(site_url, unit.src_uri)}
    data: dict[str, object]
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
        data.update(force or {})
    return script_json(data)


# schema.org's LegalForceStatus for each status the portal knows (cchc.refs.validity); "unknown" has none.
LEGAL_FORCE = {
    validity.IN_FORCE: "https://schema.org/InForce",
    validity.ENDED: "https://schema.org/NotInForce",
    validity.NOT_YET: "https://schema.org/NotInForce",
    validity.PARTLY: "https://schema.org/PartiallyInForce",
}
_CHANGING = ("replaces", "amends", "repeals")  # what legislationChanges lists


def force_json_ld(index: ReferenceIndex, doc_id: str | None, site_url: str) -> dict[str, object]:
    """legislationLegalForce and legislationChanges of a document, where the portal knows them."""
    data: dict[str, object] = {}
    status = index.status.get(doc_id or "")
    if status is not None and status.key in LEGAL_FORCE:
        data["legislationLegalForce"] = {"@id": LEGAL_FORCE[status.key]}
    changes = []
    for change in index.changing.get(doc_id or "", []):
        if change.relation in _CHANGING and change.object.id:
            item: dict[str, object] = {"@type": "Legislation", "name": change.object.label}
            if (other := index.documents.get(change.object.id)) is not None:
                item["url"] = absolute(site_url, other.src_uri)
            if item not in changes:
                changes.append(item)
    if changes:
        data["legislationChanges"] = changes
    return data


def cited_json_ld(cited: CitedDocument, index: ReferenceIndex, site_url: str) -> str:
    """Legislation for a document cited on the portal but not published on it: what its citations and the
    portal's table of force say of it."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": cited.label,
        "url": absolute(site_url, cited.src_uri),
        "legislationType": cited.kind,
        "inLanguage": "vi",
    }
    if cited.symbol:
        data["legislationIdentifier"] = cited.symbol
    if cited.date:
        data["legislationDate"] = cited.date
    if cited.issuer:
        data["legislationPassedBy"] = {"@type": "GovernmentOrganization", "name": cited.issuer.name}
    data.update(force_json_ld(index, cited.id, site_url))
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
