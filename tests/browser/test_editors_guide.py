"""The editors' guide (docs/huong-dan-bien-tap.md) shows the three ways to publish a document in order, each
with a screenshot the tests took: the page of a Word file imported with `cchc nhap` and the page of the
guide's own example (both here, on a phone), the web form filled in (tests/test_cms.py, on a desktop).
The tests write them to test-results/screenshots/huong-dan-bien-tap/; `make screenshots` copies them into
docs/huong-dan-bien-tap/, where the guide shows them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import yaml
from PIL import Image

from cchc.content.load import load
from tests.conftest import REPO, cchc_check, mkdocs_build
from tests.importer.test_import import MADE_BY_HAND, _docx_of, front_matter
from tests.static_server import serve
from tests.webcheck import PHONE

GUIDE = REPO / "docs" / "huong-dan-bien-tap.md"
SHOTS = REPO / "test-results" / "screenshots" / "huong-dan-bien-tap"
# Each way, in the order the guide gives them, and the width of the screen its screenshot was taken on.
WAYS = [
    ("## Nhập văn bản đã có", "nhap-tep-390.png", 390),
    ("## Điền biểu mẫu trên web", "bieu-mau-1280.png", 1280),
    ("## Sửa trực tiếp tệp chữ", "tep-chu-390.png", 390),
]
EXAMPLE = "content/van-ban/xa-nam-sach/bao-cao-tuyen-truyen-cchc-nam-2025.md"
SEED = "002_5a9650c9ae9f1301.txt"  # Phù Liễn's report: number, date and place in its header


def _write_example(project) -> None:
    """The guide's example, as an editor would copy it, with the PDF it attaches."""
    from pypdf import PdfWriter

    example = re.search(r"```markdown\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1)
    (project / "content/van-ban/xa-nam-sach/bao-cao-2025.md").unlink()  # the fixture's report has its number
    (project / EXAMPLE).write_text(example, encoding="utf-8")
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    for name in front_matter(example)["tep_goc"]:
        writer.write(project / "content/van-ban/xa-nam-sach" / name)


def _import_seed(project, tmp_path) -> str:
    """A seed's Word file imported with `cchc nhap`; returns the content file it wrote."""
    text = (REPO / "content/van-ban" / MADE_BY_HAND[SEED]).read_text(encoding="utf-8")
    made = front_matter(text)
    shutil.copy(REPO / "content/don-vi" / f"{made['don_vi']}.md", project / "content/don-vi")
    portal, _ = load(project)
    source = tmp_path / "bao-cao-tuyen-truyen.docx"
    _docx_of(made, text.split("---\n", 2)[2], portal.units[made["don_vi"]], source)
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "--root", str(project), "nhap", str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return re.search(r"Đã ghi (\S+)", done.stderr).group(1)


def test_the_guides_example_passes_the_checks(project):
    _write_example(project)
    check = cchc_check(project)
    assert check.returncode == 0, check.stdout


def test_the_imported_file_and_the_example_on_a_phone(browser, project, tmp_path):
    _write_example(project)
    imported = _import_seed(project, tmp_path)
    site = tmp_path / "site"
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    SHOTS.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        for source, shot in ((imported, "nhap-tep-390.png"), (EXAMPLE, "tep-chu-390.png")):
            path = source.removeprefix("content/").removesuffix(".md") + "/"
            context = browser.new_context(**PHONE)
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            data = yaml.safe_load((project / source).read_text(encoding="utf-8").split("---\n")[1])
            facts = page.locator(".cchc-facts").inner_text()
            assert data["so_ky_hieu"] and data["so_ky_hieu"] in facts and "Chưa rõ" not in facts, facts
            page.screenshot(path=str(SHOTS / shot))
            context.close()


def test_the_guide_shows_each_way_in_order_with_its_screenshot():
    guide = re.sub(r"```.*?```", "", GUIDE.read_text(encoding="utf-8"), flags=re.S)  # the example's ## too
    sections = guide.split("\n## ")
    titles = [section.split("\n", 1)[0] for section in sections]
    found = [next(i for i, title in enumerate(titles) if title.startswith(way[3:])) for way, _, _ in WAYS]
    assert found == sorted(found)
    for (_, shot, width), index in zip(WAYS, found):
        shown = re.search(
            r"!\[[^\]]{20,}\]\(huong-dan-bien-tap/"
            + re.escape(shot)
            + r'\)\{ width="(\d+)" height="(\d+)" \}',
            sections[index],
        )
        assert shown, f"{titles[index]}: {shot}"
        with Image.open(REPO / "docs" / "huong-dan-bien-tap" / shot) as image:
            assert image.format == "PNG" and image.width == width and image.height >= 600, shot
            assert (image.width, image.height) == tuple(map(int, shown.groups())), shot  # no layout shift
