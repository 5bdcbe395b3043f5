"""No date in ISO form (2025-08-29) in what a reader sees on any page: dates are '29/08/2025' in tables and
'ngày 29 tháng 8 năm 2025' in prose; the ISO form stays in machine places (datetime attributes, JSON-LD,
feeds, the sitemap), which are not visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
HIDDEN = ("script", "style", "svg", "template")


class _VisibleText(HTMLParser):
    """A page's text nodes outside scripts, styles and icons (attributes are not text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_the_scanner_sees_text_and_not_machine_dates():
    html = '<p>Ngày 2025-08-29</p><time datetime="2025-08-29">29/08/2025</time><script>"2025-08-29"</script>'
    assert ISO_DATE.findall(visible_text(html)) == ["2025-08-29"]


def test_no_page_shows_an_iso_date(built_site):
    found = []
    for page in sorted(built_site.rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"))
        found += [
            f"{page.relative_to(built_site)}: …{text[max(0, m.start() - 60) : m.end()]}"
            for m in ISO_DATE.finditer(text)
        ]
    assert found == [], "\n".join(found[:20]) + f"\n({len(found)} in all)"
