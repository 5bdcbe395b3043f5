"""Debian's chromium driven by Playwright: open a page in a fresh profile and record what it did.

Shared by the browser tests and the benchmark. Transfer sizes are what the browser received,
compressed bodies plus headers, as the DevTools protocol reports them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, Request, sync_playwright

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
LIGHTHOUSE = REPO / "tests" / "browser" / "node_modules" / ".bin" / "lighthouse"
# Issue 22: on a cheap phone (Lighthouse's mobile mode and its default throttling), against the site served
# with gzip as hosts serve it.
LIGHTHOUSE_FLOORS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
RESULT_LINK = ".pagefind-ui__result-title .pagefind-ui__result-link"
SEARCH_INPUT = ".pagefind-ui__search-input"
QUERY_BUDGET = 300_000  # bytes, compressed, for one query on the 10,000-document corpus (issue 6)
# What people type, without tones: the corpus's commonest words, then a procedure's name.
QUERIES = ["bao cao cai cach hanh chinh", "ke hoach tuyen truyen", "dang ky khai sinh", "kiem soat thu tuc"]
NEWS_QUERIES = ["hoi nghi tuyen truyen cai cach hanh chinh", "ho tro nop ho so truc tuyen"]  # tin-tuc


def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        raise RuntimeError("chromium is missing: `make test` installs it (tests/browser/setup)")
    return path


@contextmanager
def launch():
    with sync_playwright() as playwright:
        # The flags keep chromium from calling Google's hosts, which this network refuses.
        browser = playwright.chromium.launch(
            executable_path=chromium(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


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
        """Bytes received for the requests from number `since` on."""
        total = 0
        for request in self.requests[since:]:
            if request.url.startswith("data:") or (not images and _image(request)):
                continue
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total

    def axe(self) -> list[str]:
        # Evaluated through the DevTools protocol, so the site's CSP need not allow an inline script.
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_22_AA,
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× e.g. {v['nodes'][0]['target']}"
            for v in result["violations"]
        ]

    def close(self) -> None:
        self.page.context.close()


def open_page(browser: Browser, base: str, path: str, ready: str | None = None, **context) -> Visit:
    visit = Visit(browser.new_context(**(context or PHONE)).new_page(), base)
    visit.record()
    visit.page.goto(base + path, wait_until="load")
    if ready:
        visit.page.wait_for_selector(ready, timeout=30_000)
    visit.page.wait_for_load_state("networkidle")
    return visit


def _image(request) -> bool:
    """An image, whether the page shows it (<img>) or the browser fetches it on its own (the favicon)."""
    if request.resource_type == "image":
        return True
    response = request.response()
    return response is not None and response.headers.get("content-type", "").startswith("image/")


@dataclass
class Query:
    text: str
    page_bytes: int  # the search page as loaded, before typing
    query_bytes: int  # everything the query fetched: Pagefind's library, index, results
    requests: int
    problems: list[str]
    first: str  # the title of the first result


def search(browser: Browser, base: str, text: str, scope: str = "") -> Query:
    """Open the search page, type `text`, wait for the results; measure what the query fetched (`scope`:
    "tin-tuc" searches the news items' index)."""
    visit = open_page(browser, base, "tim-kiem/" + (f"?trong={scope}" if scope else ""), SEARCH_INPUT)
    loaded, page_bytes = len(visit.requests), visit.transferred()
    visit.page.fill(SEARCH_INPUT, text)
    visit.page.wait_for_selector(RESULT_LINK, timeout=30_000)
    visit.page.wait_for_load_state("networkidle")
    query = Query(
        text,
        page_bytes,
        visit.transferred(loaded),
        len(visit.requests) - loaded,
        visit.errors + visit.failed + visit.outside,
        visit.page.locator(RESULT_LINK).first.inner_text(),
    )
    visit.close()
    return query


def check_queries(browser, base: str, label: str) -> list[Query]:
    queries = [search(browser, base, text) for text in QUERIES]
    for query in queries:
        print(
            f'\n[tìm kiếm, {label}] "{query.text}": {query.query_bytes / 1000:.1f} kB, '
            f"{query.requests} yêu cầu; đầu tiên: {query.first}"
        )
        assert query.problems == []
        assert query.query_bytes <= QUERY_BUDGET, f"{query.text}: {query.query_bytes} bytes"
    return queries


def lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's score (0–100) in each category of LIGHTHOUSE_FLOORS for `url`, in its default mobile mode
    and throttling, in Debian's chromium. Lighthouse sometimes fails to record its trace (NO_NAVSTART): it
    is run again once then, as its own message advises."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--quiet",
        f"--only-categories={','.join(LIGHTHOUSE_FLOORS)}",
        f"--chrome-path={chromium()}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    errors = []
    for _ in range(2):
        run = subprocess.run(command, capture_output=True, text=True, timeout=180)
        report = json.loads(run.stdout) if run.returncode == 0 else {}
        if report and not report.get("runtimeError"):
            return {name: round(category["score"] * 100) for name, category in report["categories"].items()}
        errors.append(run.stderr[-500:] or str(report.get("runtimeError")))
    raise AssertionError(f"Lighthouse failed twice on {url}: {errors}")


def check_lighthouse(name: str, url: str) -> None:
    """Lighthouse's scores for `url`, printed, each at least its floor. A page below a floor is measured
    twice more and judged on the median of the three, as Lighthouse CI advises (its performance score moves
    with what else the machine runs: the other test worker building a site)."""
    runs = [lighthouse(url)]
    if any(score < LIGHTHOUSE_FLOORS[k] for k, score in runs[0].items()):
        runs += [lighthouse(url), lighthouse(url)]
    scores = {k: sorted(run[k] for run in runs)[len(runs) // 2] for k in runs[0]}
    shown = ", ".join(f"{k} {v}" for k, v in scores.items())
    print(f"\n[lighthouse] {name}: {shown} ({len(runs)} runs)")
    below = {k: v for k, v in scores.items() if v < LIGHTHOUSE_FLOORS[k]}
    assert not below, f"{name}: {below} (floors {LIGHTHOUSE_FLOORS}; runs {runs})"
