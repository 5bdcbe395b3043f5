"""The web form round trip (Decap CMS under /quan-tri/, local backend): an editor creates a report through
the form, saves it for review, marks it ready and publishes it; the file lands in content/van-ban/<unit>/,
passes `cchc check` and builds into a page listed in its unit's archive."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from tests.conftest import REPO, cchc_check, mkdocs_build
from tests.static_server import serve

GUIDE_SHOTS = REPO / "test-results" / "screenshots" / "huong-dan-bien-tap"
SERVER = REPO / "cms" / "node_modules" / ".bin" / "decap-server"


def _git(project, *args):
    subprocess.run(
        ["git", "-c", "user.email=bien-tap@example.gov.vn", "-c", "user.name=Biên tập", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def editing(tmp_path):
    """A copy of the portal in its own repository (branch main) and decap-server on it, as `make edit`."""
    if not SERVER.exists():
        pytest.fail("decap-server is missing: `make test` installs it (npm ci in cms/)")
    project = tmp_path / "portal"
    for name in ("content", "docs", "hooks", "overrides", "mkdocs.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    (project / "cms").symlink_to(REPO / "cms")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "nội dung ban đầu")
    server = subprocess.Popen(
        [str(SERVER)],
        cwd=project,
        env={**os.environ, "PORT": "8081", "MODE": "git"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    time.sleep(2)
    yield project
    server.terminate()
    server.wait(timeout=10)


def test_a_report_made_in_the_web_form_is_published(browser, editing, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(editing, site).returncode == 0
    original = tmp_path / "bc-25-2025.pdf"
    original.write_bytes(b"%PDF-1.4\n% bao cao 25\n%%EOF\n")
    with serve(site, headers=False) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.on("dialog", lambda dialog: dialog.accept())  # "publish this entry?" is the browser's confirm
        page.goto(base + "quan-tri/", wait_until="networkidle")
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(base + "quan-tri/#/collections/van-ban-xa-nam-sach/new", wait_until="networkidle")
        page.get_by_label("Loại văn bản").fill("Báo cáo")
        page.keyboard.press("Enter")
        page.get_by_label("Số, ký hiệu").fill("25/BC-UBND")
        page.get_by_label("Ngày ban hành").fill("2025-12-10")  # a date input takes ISO, shows the locale's
        page.get_by_label("Trích yếu").fill("Kết quả công tác tuyên truyền cải cách hành chính năm 2025")
        page.get_by_label("Kỳ báo cáo hoặc kỳ kế hoạch").fill("năm 2025")
        page.get_by_label("Họ và tên người ký").fill("Phùng Văn Diện")
        # The original, uploaded through the form: it lands beside the document, named as tep_goc expects.
        page.get_by_role("button", name="Add tệp gốc").click()
        page.get_by_role("button", name="Chọn một tập tin").click()
        page.locator("input[type=file]").set_input_files(str(original))
        page.get_by_text(original.name).wait_for()
        page.get_by_role("button", name="Lấy những cái đã chọn").click()  # the upload is selected already
        page.locator("[contenteditable='true']").last.click()  # the body's rich editor has no <label for>
        page.keyboard.type("Ủy ban nhân dân xã đã ban hành kế hoạch tuyên truyền.")
        page.get_by_label("Loại văn bản").scroll_into_view_if_needed()
        GUIDE_SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(GUIDE_SHOTS / "bieu-mau-1280.png"))  # for the editors' guide
        page.get_by_role("button", name="Lưu").click()
        page.get_by_text("Mục đã được lưu").wait_for()
        page.get_by_role("button", name="Trạng:").click()
        page.get_by_role("menuitem", name="Sẵn sàng").click()
        page.get_by_role("button", name="Công bố", exact=True).click()
        page.get_by_role("menuitem", name="Công bố ngay").click()
        page.close()
    written = (
        editing
        / "content/van-ban/xa-nam-sach"
        / "bao-cao-ket-qua-cong-tac-tuyen-truyen-cai-cach-hanh-chinh-nam-2025.md"
    )
    for _ in range(50):
        if written.exists():
            break
        time.sleep(0.2)
    assert written.exists(), sorted(p.name for p in written.parent.iterdir())
    assert "ngay_ban_hanh: 10/12/2025" in written.read_text(encoding="utf-8")  # as `cchc check` expects
    assert "tep_goc:\n  - bc-25-2025.pdf\n" in written.read_text(encoding="utf-8")
    assert (written.parent / "bc-25-2025.pdf").read_bytes() == original.read_bytes()
    assert cchc_check(editing).returncode == 0
    rebuilt = tmp_path / "rebuilt"
    assert mkdocs_build(editing, rebuilt).returncode == 0
    archive = (rebuilt / "don-vi/xa-nam-sach/index.html").read_text(encoding="utf-8")
    assert "Kết quả công tác tuyên truyền cải cách hành chính năm 2025" in archive
    slug = written.stem
    assert (rebuilt / "van-ban/xa-nam-sach" / slug / "bc-25-2025.pdf").read_bytes() == original.read_bytes()
