"""Pages for residents about procedures: the guide, the notice-board poster, the directory,
the forms, structured data and open data."""

from __future__ import annotations

from itertools import groupby

from cchc import urls
from cchc.model import Portal, Procedure, Unit
from cchc.pages import archive, poster_fit, qr
from cchc.pages.markdown import GeneratedPage, escape, link, procedure_entry
from cchc.pages.sanitize import script_json
from cchc.text import sort_key
from cchc.urls import absolute

INDEX, BY_UNIT, BY_LEVEL = urls.PROCEDURES, urls.PROCEDURES_BY_UNIT, urls.PROCEDURES_BY_LEVEL
ONLINE, A_Z = urls.PROCEDURES_ONLINE, urls.PROCEDURES_A_Z


def area_name(unit: Unit) -> str:
    """'Ủy ban nhân dân xã Nam Sách' -> 'xã Nam Sách'."""
    for prefix in ("Ủy ban nhân dân ", "UBND "):
        if unit.name.startswith(prefix):
            return unit.name.removeprefix(prefix)
    return unit.name


def _papers(procedure: Procedure, source: str) -> list[str]:
    lines = []
    for paper in procedure.papers:
        counts = []
        if paper.originals:
            counts.append(f"{paper.originals} bản chính")
        if paper.copies:
            counts.append(f"{paper.copies} bản sao")
        form = f" {link('Tải mẫu', source, paper.form)}" if paper.form else ""
        lines.append(f"- {escape(paper.name)} *({', '.join(counts) or 'xuất trình'})*{form}")
    return lines


def _units(procedure: Procedure, portal: Portal) -> list[Unit]:
    """The units where the procedure is done, in the portal's order of units."""
    return archive.units_in_order([portal.units[u] for u in procedure.unit_ids])


def _places(procedure: Procedure, portal: Portal, source: str) -> str:
    named = ", ".join(link(u.short_name, source, u.src_uri) for u in _units(procedure, portal))
    return f"{escape(procedure.authority)} ({named})" if named else escape(procedure.authority)


def procedure_page(procedure: Procedure, portal: Portal, site_url: str, legal_basis: list[str]) -> GeneratedPage:
    source = procedure.src_uri
    online = "Có" if procedure.online else "Không, chỉ nộp trực tiếp hoặc qua bưu điện"
    parts = [
        '<div class="cchc-summary" markdown>',
        f"**Thời gian giải quyết:** {escape(procedure.time_limit)}\n",
        f"**Phí, lệ phí:** {escape(procedure.fees)}\n",
        f"**Nơi nộp:** {_places(procedure, portal, source)}\n",
        f"**Nộp trực tuyến:** {online}\n",
    ]
    if procedure.online_url:
        parts.append(f"[Nộp hồ sơ trực tuyến]({procedure.online_url}){{ .md-button .md-button--primary "
                     'rel="external" }\n')
    parts += ["</div>\n", "## Giấy tờ cần mang\n", *_papers(procedure, source), "",
              "## Các bước thực hiện\n", *(f"{i}. {escape(step)}" for i, step in enumerate(procedure.steps, 1)), "",
              "## Cách nộp, thời hạn và lệ phí\n", "| Cách nộp | Thời hạn | Phí, lệ phí |", "|---|---|---|",
              *(f"| {c.way} | {escape(c.time_limit)} | {escape(c.fee)} |" for c in procedure.channels), "",
              "## Thông tin khác\n",
              f"- **Ai được làm:** {escape(procedure.applicants)}",
              f"- **Kết quả nhận được:** {escape(procedure.result)}",
              f"- **Yêu cầu, điều kiện:** {escape(procedure.conditions)}",
              f"- **Lĩnh vực:** {escape(procedure.field)}; **cấp thực hiện:** {escape(procedure.level)}"]
    if procedure.code:
        parts.append(f"- **Mã thủ tục trên Cổng Dịch vụ công quốc gia:** {procedure.code}")
    parts += ["", "## Căn cứ pháp lý\n", *(f"- {basis}" for basis in legal_basis), ""]
    if procedure.notes:
        # Editors may give their notes a heading of their own.
        parts += ([] if procedure.notes.startswith("#") else ["## Lưu ý\n"]) + [procedure.notes, ""]
    parts.append(f"{link('In tờ hướng dẫn để dán bảng tin (khổ A4)', source, procedure.poster_uri)}\n")
    meta = {"template": "article.html", "article_class": "cchc-procedure",
            "search_type": "Thủ tục hành chính", "description": f"{procedure.name}: {procedure.time_limit}; "
            f"{procedure.fees}.", "jsonld": json_ld(procedure, portal, site_url),
            "units": [u.short_name for u in _units(procedure, portal)]}
    return GeneratedPage(source, procedure.name, "\n".join(parts), procedure.path, meta)


def json_ld(procedure: Procedure, portal: Portal, site_url: str) -> str:
    """schema.org GovernmentService, as a JSON string safe inside <script>."""
    units = _units(procedure, portal)
    channels = []
    for channel in procedure.channels:
        item = {"@type": "ServiceChannel", "name": channel.way, "processingTime": channel.time_limit}
        if channel.way == "Trực tuyến" and procedure.online_url:
            item["serviceUrl"] = procedure.online_url
        channels.append(item)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": procedure.name,
        "serviceType": procedure.field,
        "url": absolute(site_url, procedure.src_uri),
        "provider": [{"@type": "GovernmentOrganization", "name": u.name, "url": absolute(site_url, u.src_uri)}
                     for u in units],
        "areaServed": [{"@type": "AdministrativeArea", "name": area_name(u)} for u in units],
        "availableChannel": channels,
        "audience": {"@type": "Audience", "audienceType": procedure.applicants},
    }
    if procedure.code:
        data["identifier"] = procedure.code
    return script_json(data)


def poster_page(procedure: Procedure, portal: Portal, site_url: str, site_name: str) -> GeneratedPage:
    """One A4 sheet for the notice board: large type, the essentials, a QR code to the guide.

    The type is the largest of poster_fit's densities that leaves a margin at the foot of the sheet;
    the page records the density and the free space it expects (`poster` in its front matter)."""
    url = absolute(site_url, procedure.src_uri)
    online = "Có thể nộp trực tuyến tại dichvucong.gov.vn" if procedure.online else "Nộp trực tiếp hoặc qua bưu điện"
    facts = [("Thời gian:", procedure.time_limit), ("Lệ phí:", procedure.fees), ("Nơi nộp:", procedure.authority)]
    papers = [p.name for p in procedure.papers]
    parts = [
        '<div class="cchc-poster__facts" markdown>',
        *(f"**{label}** {escape(value)}\n" for label, value in facts),
        f"**{online}**\n", "</div>\n",
        '<div class="cchc-poster__body" markdown>',
        '<div markdown>\n', "## Giấy tờ cần mang\n", *(f"- {escape(name)}" for name in papers), "",
        "</div>", '<div markdown>\n',
        "## Các bước\n", *(f"{i}. {escape(step)}" for i, step in enumerate(procedure.steps, 1)), "",
        "</div>", "</div>\n",
        '<div class="cchc-poster__qr">',
        qr.svg(url, f"Mã QR dẫn tới hướng dẫn đầy đủ: {url}"),
        f"<p>Quét mã để xem hướng dẫn đầy đủ:<br><strong>{url}</strong></p>",
        "</div>\n",
    ]
    fit = poster_fit.fit(procedure.name, [f"{label} {value}" for label, value in facts] + [online],
                         papers, procedure.steps, site_name)
    return GeneratedPage(procedure.poster_uri, procedure.name, "\n".join(parts), None, {
        "template": "poster.html", "poster": {"density": fit.density.name, "free_mm": fit.free_mm}})


def _sorted(procedures: list[Procedure]) -> list[Procedure]:
    return sorted(procedures, key=lambda p: sort_key(p.name))


def _listings_nav(source: str) -> str:
    return " · ".join(link(label, source, uri) for label, uri in (
        ("Theo lĩnh vực", INDEX), ("Theo đơn vị", BY_UNIT), ("Theo cấp", BY_LEVEL),
        ("Nộp trực tuyến", ONLINE), ("Từ A đến Z", A_Z))) + "\n"


def directory_pages(portal: Portal) -> list[GeneratedPage]:
    procedures = _sorted(portal.procedures)
    by_field = sorted(procedures, key=lambda p: sort_key(p.field))
    index = [_listings_nav(INDEX)]
    for field, group in groupby(by_field, key=lambda p: p.field):
        index += [f"## {escape(field)}\n", *(procedure_entry(p, INDEX) for p in group), ""]
    by_unit = [_listings_nav(BY_UNIT)]
    performing = portal.procedures_by_unit()
    for unit in archive.units_in_order(list(portal.units.values())):
        performed = _sorted(performing[unit.id])
        if performed:
            by_unit += [f"## {link(unit.short_name, BY_UNIT, unit.src_uri)}\n",
                        *(procedure_entry(p, BY_UNIT) for p in performed), ""]
    by_level = [_listings_nav(BY_LEVEL)]
    for level, group in groupby(sorted(procedures, key=lambda p: sort_key(p.level)), key=lambda p: p.level):
        by_level += [f"## Cấp {escape(level)}\n", *(procedure_entry(p, BY_LEVEL) for p in group), ""]
    online = [_listings_nav(ONLINE), "## Nộp trực tuyến được\n",
              *(procedure_entry(p, ONLINE) for p in procedures if p.online),
              "", "## Chỉ nộp trực tiếp hoặc qua bưu điện\n",
              *(procedure_entry(p, ONLINE) for p in procedures if not p.online), ""]
    a_z = [_listings_nav(A_Z)]
    for letter, group in groupby(procedures, key=lambda p: p.name[:1].upper()):
        a_z += [f"## {letter}\n", *(procedure_entry(p, A_Z) for p in group), ""]
    return [GeneratedPage(INDEX, "Thủ tục hành chính", "\n".join(index)),
            GeneratedPage(BY_UNIT, "Thủ tục theo đơn vị", "\n".join(by_unit)),
            GeneratedPage(BY_LEVEL, "Thủ tục theo cấp thực hiện", "\n".join(by_level)),
            GeneratedPage(ONLINE, "Thủ tục nộp trực tuyến", "\n".join(online)),
            GeneratedPage(A_Z, "Thủ tục từ A đến Z", "\n".join(a_z))]


def form_pages(portal: Portal) -> list[GeneratedPage]:
    return [GeneratedPage(form.src_uri, form.name, (f"*{escape(form.source_note)}*\n\n" if form.source_note else "")
                          + form.body, form.path, {"template": "article.html", "article_class": "cchc-form",
                                                      "search_type": "Biểu mẫu"})
            for _, form in sorted(portal.forms.items()) if form.file is None]
