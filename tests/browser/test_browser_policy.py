"""The Content-Security-Policy in a real browser (Debian's chromium): a script that got into a page
anyway (a sanitiser bug, a hand-edited file on the host) does not run, whether the host sends
`_headers` (Netlify, Cloudflare Pages, nginx) or no header at all (GitHub Pages, GitLab Pages), and the
portal's own scripts still do."""

from __future__ import annotations

import shutil

import pytest

from tests.static_server import serve
from tests.webcheck import PHONE

PAGE = "van-ban/phuong-phu-lien/bao-cao-tuyen-truyen-cchc-6-thang-dau-nam-2026/"
INJECTED = (
    '<script>document.title = "PWNED"; window.pwned = 1</script>'
    '<img src="x" alt="" onerror="window.pwned = 2">'
    '<a id="cchc-injected" href="javascript:window.pwned = 3">x</a>'
)


@pytest.fixture(scope="module")
def injected_site(built_site, tmp_path_factory):
    site = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(built_site, site)
    page = site / PAGE / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace('<div class="cchc-doc__body"', INJECTED + '<div class="cchc-doc__body"', 1),
        encoding="utf-8",
    )
    return site


@pytest.mark.parametrize("headers", [True, False], ids=["_headers", "no-headers"])
def test_injected_script_does_not_run(browser, injected_site, headers):
    with serve(injected_site, headers=headers) as base:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        blocked = []
        page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
        page.goto(base + PAGE, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.click("#cchc-injected")
        assert page.evaluate("window.pwned") is None
        assert page.title() != "PWNED"
        assert blocked, "chromium reported no blocked script"
        # The theme's own scripts, from files under assets/, still run under the policy.
        assert page.evaluate("typeof __md_get") == "function"
        assert page.evaluate("document.querySelector('[data-md-component=header]') !== null")
        context.close()
