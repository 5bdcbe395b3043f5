"""The built portal in a real browser: Debian's chromium driven by Playwright, the site served on
127.0.0.1 with the headers the build wrote, axe-core from npm injected into each page.

Each page must load with no console error, no failed request and no request leaving 127.0.0.1,
and axe must report no WCAG 2.2 A/AA violation. Phone-width screenshots go to
test-results/screenshots/. Transfer sizes are what the browser received, compressed, headers
included; they are printed (pytest -s shows them, and a failing budget says them).
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, sync_playwright

from .static_server import serve

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-results" / "screenshots"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PROCEDURE_BUDGET = 250_000  # bytes, compressed, images aside (issue 6)

PAGES = {
    "trang-chu": "",
    "thu-tuc": "thu-tuc/dang-ky-khai-sinh/",
    "van-ban": "van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026/",
    "don-vi": "don-vi/xa-nam-sach/",
    "thu-vien": "tham-chieu/",
    "tim-kiem": "tim-kiem/?q=dang+ky+khai+sinh",
}
RESULT_LINK = ".pagefind-ui__result-title .pagefind-ui__result-link"


def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    assert path, "chromium is missing: `make test` installs it (tests/browser/setup)"
    return path


@pytest.fixture(scope="session")
def browser():
    assert AXE.exists(), "axe-core is missing: `make test` installs it (tests/browser/setup)"
    with sync_playwright() as playwright:
        # The flags keep chromium from calling Google's hosts, which this network refuses.
        browser = playwright.chromium.launch(executable_path=chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@dataclass
class Visit:
    """What the browser saw while loading one page in a fresh profile (nothing cached)."""
    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)

    def record(self) -> None:
        page = self.page
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"script: {e}"))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url}: HTTP {r.status}"))
        page.on("request", self._request)

    def _request(self, request: Request) -> None:
        if request.url.startswith(self.base) or request.url.startswith("data:"):
            self.requests.append(request)
        else:
            self.outside.append(request.url)

    def transferred(self, since: int = 0, images: bool = False) -> int:
        """Bytes received for the requests from number `since` on: compressed bodies and headers."""
        total = 0
        for request in self.requests[since:]:
            if request.url.startswith("data:") or (request.resource_type == "image" and not images):
                continue
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total

    def axe(self) -> list[str]:
        # Evaluated through the DevTools protocol, so the site's CSP need not allow an inline script.
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_22_AA)
        return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× e.g. {v['nodes'][0]['target']}"
                for v in result["violations"]]


def open_page(browser: Browser, base: str, path: str, ready: str | None = None) -> Visit:
    context = browser.new_context(**PHONE)
    visit = Visit(context.new_page(), base)
    visit.record()
    visit.page.goto(base + path, wait_until="load")
    if ready:
        visit.page.wait_for_selector(ready, timeout=15_000)
    visit.page.wait_for_load_state("networkidle")
    return visit


def show(name: str, visit: Visit) -> None:
    print(f"\n[trình duyệt] {name}: {visit.transferred() / 1000:.1f} kB (nén, không kể ảnh), "
          f"{visit.transferred(images=True) / 1000:.1f} kB kể cả ảnh, {len(visit.requests)} yêu cầu")


@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_clean_and_accessible(browser, site_url, name):
    visit = open_page(browser, site_url, PAGES[name], RESULT_LINK if name == "tim-kiem" else None)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=SCREENSHOTS / f"{name}-390.png", full_page=True)
    violations = visit.axe()
    show(name, visit)
    assert visit.errors == []
    assert visit.failed == []
    assert visit.outside == []
    assert violations == [], "\n".join(violations)
    visit.page.context.close()


def test_procedure_page_weight(browser, site_url):
    visit = open_page(browser, site_url, PAGES["thu-tuc"])
    weight = visit.transferred()
    show("thu-tuc (trọng lượng)", visit)
    assert weight <= PROCEDURE_BUDGET, f"{weight} bytes > {PROCEDURE_BUDGET}"
    visit.page.context.close()


def test_search_without_diacritics_finds_the_procedure_first(browser, site_url):
    visit = open_page(browser, site_url, PAGES["tim-kiem"], RESULT_LINK)
    first = visit.page.locator(RESULT_LINK).first
    assert first.inner_text() == "Đăng ký khai sinh"
    assert first.get_attribute("href").endswith("/thu-tuc/dang-ky-khai-sinh/")
    visit.page.context.close()


def test_search_filters_by_type_and_unit(browser, site_url):
    visit = open_page(browser, site_url, "tim-kiem/?q=ke+hoach", RESULT_LINK)
    page = visit.page
    groups = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert [g.strip() for g in groups] == ["Loại", "Đơn vị"]
    for name in groups:
        page.locator(".pagefind-ui__filter-name", has_text=name.strip()).click()
    before = page.locator(".pagefind-ui__message").inner_text()
    page.get_by_label("Văn bản", exact=False).first.check()
    page.wait_for_function("m => document.querySelector('.pagefind-ui__message').innerText !== m", arg=before)
    after = page.locator(".pagefind-ui__message").inner_text()
    assert int(after.split()[0]) < int(before.split()[0])
    page.get_by_label("UBND xã Nam Sách", exact=False).first.check()
    page.wait_for_function("m => document.querySelector('.pagefind-ui__message').innerText !== m", arg=after)
    links = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all("/van-ban/xa-nam-sach/" in link for link in links if "#" not in link), links
    visit.page.context.close()


def test_header_search_form_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site_url)
    page.fill("#cchc-search-q", "khai sinh")
    page.click(".cchc-search__button")
    page.wait_for_load_state("load")
    assert page.url.startswith(site_url + "tim-kiem/?q=khai")
    # Without JavaScript the search page points at the lists that need none.
    assert page.locator("noscript").count() == 1
    assert page.get_by_role("link", name="thủ tục từ A đến Z").count() == 1
    context.close()


def test_every_poster_prints_on_one_a4_page(browser, site_url, built_site):
    context = browser.new_context()
    page = context.new_page()
    posters = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.glob("thu-tuc/*/in/index.html"))
    assert len(posters) >= 12
    for path in posters:
        page.goto(f"{site_url}{path}/", wait_until="networkidle")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, path
    context.close()
