"""The editors' preview (`make serve`: `mkdocs serve --dirty` with cchc.publish.preview): after each kind of
edit, the site it serves equals, byte for byte, the site plain `mkdocs serve` builds from nothing; and a
save rewrites only what it changes."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from cchc.portal_build import BuildError, PortalBuild
from cchc.publish import preview
from tests.bench_loop import loop
from tests.conftest import MEASURED, REPO
from tests.preview_session import Session, clean_build, differences, digests

DOCUMENT = "content/van-ban/xa-nam-sach/ke-hoach-tuyen-truyen-cchc-6-thang-cuoi-nam-2025.md"
DOCUMENT_PAGE = "van-ban/xa-nam-sach/ke-hoach-tuyen-truyen-cchc-6-thang-cuoi-nam-2025/index.html"


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _body(root: Path) -> None:
    _replace(root / DOCUMENT, "\n\n", "\n\nMột câu thêm vào thân văn bản.\n\n")


def _title(root: Path) -> None:
    text = (root / DOCUMENT).read_text(encoding="utf-8")
    title = re.search(r"^trich_yeu: (.+)$", text, re.M)
    assert title
    _replace(root / DOCUMENT, title[0], "trich_yeu: Kết quả tuyên truyền cải cách hành chính (sửa tiêu đề)")


def _new(root: Path) -> None:
    text = (root / DOCUMENT).read_text(encoding="utf-8")
    text = re.sub(r"^so_ky_hieu: .+$", 'so_ky_hieu: "99/KH-UBND"', text, count=1, flags=re.M)
    (root / DOCUMENT).with_name("bao-cao-moi.md").write_text(text, encoding="utf-8")


def _rename(root: Path) -> None:
    (root / DOCUMENT).rename((root / DOCUMENT).with_name("bao-cao-doi-ten.md"))


def _delete(root: Path) -> None:
    (root / "content/van-ban/xa-nam-sach/bao-cao-doi-ten.md").unlink()


NEWS = "content/tin-tuc/xa-nam-sach/hoi-nghi.md"


def _news(root: Path) -> None:
    """A news item: its page, the listings, the unit's page and the home page's latest news (a mark)."""
    (root / NEWS).parent.mkdir(parents=True, exist_ok=True)
    (root / NEWS).write_text(
        "---\ntieu_de: Xã Nam Sách tổ chức hội nghị\nngay: 20/11/2026\ndon_vi: xa-nam-sach\n---\n\nTin.\n",
        encoding="utf-8",
    )


def _news_title(root: Path) -> None:
    _replace(root / NEWS, "tổ chức hội nghị", "tổ chức hội nghị tuyên truyền")


def _unit(root: Path) -> None:
    _replace(root / "content/don-vi/xa-nam-sach.md", "ten_ngan: ", "ten_ngan: Xã mới ")


def _procedure(root: Path) -> None:
    path = root / "content/thu-tuc/dang-ky-khai-tu.md"
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^ten: (.+)$", text, re.M)
    assert title
    _replace(path, title[0], f"{title[0]} (sửa)")


def _reference_table(root: Path) -> None:
    path = root / "content/tham-chieu/co-quan.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# một dòng ghi chú\n", encoding="utf-8")
    _replace(path, "- ten: Bộ Chính trị", "- ten: Bộ Chính trị Trung ương")


def _handwritten(root: Path) -> None:
    _replace(root / "docs/lien-he.md", "\n\n", "\n\nMột dòng mới trong trang liên hệ.\n\n")


def _handwritten_title(root: Path) -> None:
    path = root / "docs/lien-he.md"
    path.write_text(
        "---\ntitle: Liên hệ với chúng tôi\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )


def _link_to_a_missing_file(root: Path) -> None:
    links = "Tải [mẫu đơn](mau-don.pdf) hoặc xem [trang mới](trang-moi.md)."
    _replace(root / "docs/lien-he.md", "\n\n", f"\n\n{links}\n\n")


def _the_missing_files(root: Path) -> None:
    """MkDocs turns a link into the file's address once the file exists: the page that links changes."""
    (root / "docs/mau-don.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "docs/trang-moi.md").write_text("# Trang mới\n\nNội dung.\n", encoding="utf-8")


def _unit_file_renamed(root: Path) -> None:
    """Same id, another file: the unit page's edit link names the new file."""
    folder = root / "content/don-vi"
    (folder / "xa-an-khanh.md").rename(folder / "xa-an-khanh-moi.md")


def _theme_file_with_an_old_time(root: Path) -> None:
    """A file put in place with its old time kept (cp -p, an archive): copied all the same."""
    path = next(p for p in sorted((root / "overrides/assets").rglob("*")) if p.is_file())
    path.write_bytes(path.read_bytes() + b"\n/* changed */\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))


def _untitled_nav(root: Path) -> None:
    """A nav written in mkdocs.yml without titles: a hand-written page's first heading names it there."""
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nnav:\n  - index.md\n  - gioi-thieu.md\n  - lien-he.md\n  - tim-kiem.md\n")


def _heading_of_a_nav_page(root: Path) -> None:
    _replace(root / "docs/lien-he.md", "# Liên hệ", "# Liên hệ và góp ý")


def _template(root: Path) -> None:
    path = root / "overrides/main.html"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "{#- a comment: the same pages -#}\n", encoding="utf-8")


def _config(root: Path) -> None:
    _replace(root / "mkdocs.yml", "site_name: ", "site_name: Thử ")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("nothing", lambda root: None),
    ("body", _body),
    ("title", _title),
    ("new document", _new),
    ("rename", _rename),
    ("delete", _delete),
    ("news item", _news),
    ("news title", _news_title),
    ("unit", _unit),
    ("procedure", _procedure),
    ("reference table", _reference_table),
    ("hand-written page", _handwritten),
    ("hand-written page's title", _handwritten_title),
    ("link to a missing file", _link_to_a_missing_file),
    ("the missing files", _the_missing_files),
    ("unit file renamed", _unit_file_renamed),
    ("theme file with an old time", _theme_file_with_an_old_time),
    ("untitled nav", _untitled_nav),
    ("heading of a nav page", _heading_of_a_nav_page),
    ("template", _template),
    ("mkdocs.yml", _config),
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("preview") / "portal"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root)
    for folder in ("hooks", "overrides", "docs", "content"):
        shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.mark.long
def test_after_each_kind_of_edit_the_preview_equals_a_clean_build(portal: Path, tmp_path: Path, caplog):
    caplog.set_level(logging.INFO)
    served, clean = tmp_path / "served", tmp_path / "clean"
    session = Session(portal, served)
    session.build()
    session.settled()
    written = {}
    for name, edit in EDITS:
        edit(portal)
        caplog.clear()
        session.build()
        session.settled()
        log = caplog.text
        written[name] = re.search(r"Xem trước: ghi lại (\d+) trong (\d+) tệp \((\d+) trang\)", log)
        clean_build(portal, clean)
        assert differences(digests(served), digests(clean)) == [], name
        if name in ("template", "mkdocs.yml"):  # every page reads these: the log says why all are drawn
            assert "vẽ lại mọi trang vì đã đổi" in log and ("overrides/" in log or "mkdocs.yml" in log)
    counts = {name: int(found[3]) for name, found in written.items() if found}
    assert counts.keys() == {name for name, _ in EDITS}
    total = int(written["nothing"][2])
    pages = ", ".join(f"{name} {count}" for name, count in counts.items())
    MEASURED.append(f"xem trước: trang vẽ lại sau mỗi kiểu sửa (trong {total} tệp): {pages}")
    assert counts["nothing"] == 0
    # A body edit draws its own page and the few that show its text (not the hundred others).
    assert 1 <= counts["body"] <= 5 < total / 10
    assert counts["title"] < total / 4 and counts["new document"] < total / 4, counts
    assert counts["mkdocs.yml"] > total / 2


def _served_copy(portal: Path, tmp_path: Path) -> tuple[Path, Path, Session]:
    """A copy of the portal and a serve session over it, its first build done and searchable."""
    project, served = tmp_path / "portal", tmp_path / "served"
    shutil.copytree(portal, project)
    session = Session(project, served)
    session.build()
    session.settled()
    return project, served, session


def _assert_equals_a_clean_build(project: Path, served: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean_build(project, clean)
    assert differences(digests(served), digests(clean)) == []


def test_a_page_left_alone_keeps_its_file(portal: Path, tmp_path: Path):
    """What is not written again is not touched: its file is the same inode, its time unchanged."""
    project, served, session = _served_copy(portal, tmp_path)
    other = served / "gioi-thieu/index.html"
    before = other.stat()
    page = served / DOCUMENT_PAGE
    if not page.exists():  # the fixture's edits may have renamed it
        page = next(served.glob("van-ban/xa-nam-sach/*/index.html"))
    source = project / "content" / Path(page.parent.relative_to(served)).with_suffix(".md")
    _replace(source, "\n\n", "\n\nSửa một câu.\n\n")
    session.build()
    session.settled()
    assert "Sửa một câu." in page.read_text(encoding="utf-8")
    after = other.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert preview.session() is not None


def test_the_page_of_a_document_just_saved_is_shown_first_as_its_build_then_writes_it(
    portal: Path, tmp_path: Path, monkeypatch
):
    """A save's own page is drawn and shown before the rest of the site is generated (the listings still
    show the old title then), with the very bytes the build then writes; a bulk change is not."""
    project, served, session = _served_copy(portal, tmp_path)
    first: dict[str, bytes] = {}
    listing = served / "don-vi/xa-nam-sach/index.html"
    when_shown: list[str] = []

    def drawn_first(self, paths):
        paths = list(paths)
        first.update({path: (served / path).read_bytes() for path in paths})
        when_shown.append(listing.read_text(encoding="utf-8"))
        original(self, paths)

    original = preview.Preview.drawn_first
    monkeypatch.setattr(preview.Preview, "drawn_first", drawn_first)
    source = next((project / "content/van-ban/xa-nam-sach").glob("*.md"))
    page = f"{source.relative_to(project / 'content').with_suffix('').as_posix()}/index.html"
    text = source.read_text(encoding="utf-8")
    new = source.with_name("moi-luu.md")
    said: list[str] = []
    heard = logging.Handler(logging.WARNING)
    heard.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(heard)  # where `mkdocs serve` prints
    saves = {
        "body": lambda: source.write_text(text.replace("\n\n", "\n\nMột câu mới <b onclick=x>.\n\n", 1)),
        "title": lambda: source.write_text(
            re.sub(r"^trich_yeu: .*$", "trich_yeu: Tiêu đề vừa sửa", text, count=1, flags=re.M)
        ),
        "new document": lambda: new.write_text(
            re.sub(r"^so_ky_hieu: .*$", 'so_ky_hieu: "88/KH-UBND"', text, count=1, flags=re.M)
        ),
    }
    for name, save in saves.items():
        first.clear()
        save()
        session.build()
        session.settled()
        shown = page.replace(source.stem, new.stem) if name == "new document" else page
        assert list(first) == [shown], name
        assert first[shown] == (served / shown).read_bytes(), name
    logging.getLogger("mkdocs").removeHandler(heard)
    # What the sanitiser removed from the body is said once a build, not again for the page shown first.
    assert sum("onclick" in message for message in said) == 1, said
    # The title edit's page was shown while the unit's listing still had the old title.
    assert "Tiêu đề vừa sửa" not in when_shown[1]
    assert "Tiêu đề vừa sửa" in listing.read_text(encoding="utf-8")
    _assert_equals_a_clean_build(project, served, tmp_path)
    first.clear()
    for number, other in enumerate(sorted((project / "content/van-ban").rglob("*.md"))[:4]):
        other.write_text(other.read_text(encoding="utf-8").replace("\n\n", f"\n\nCâu {number}.\n\n", 1))
    session.build()
    session.settled()
    assert first == {}  # four files at once: a bulk change, shown when the whole build is done
    drawn = len(when_shown)
    _replace(project / "content/don-vi/xa-nam-sach.md", "ten_ngan: ", "ten_ngan: Xã ")
    session.build()
    assert len(when_shown) == drawn  # a unit saved: no document's page to show first, nothing shown early


def test_a_page_drawn_first_by_a_build_that_then_fails_is_not_left_behind(
    portal: Path, tmp_path: Path, monkeypatch
):
    """The page of a new document is shown first, then its build fails before writing (here: as a clash
    of paths would stop it); the document is deleted: the next build removes the page it never wrote."""
    project, served, session = _served_copy(portal, tmp_path)
    source = next((project / "content/van-ban/xa-nam-sach").glob("*.md"))
    new = source.with_name("ve-truoc.md")
    text = source.read_text(encoding="utf-8")
    new.write_text(re.sub(r"^so_ky_hieu: .*$", 'so_ky_hieu: "66/KH-UBND"', text, count=1, flags=re.M))

    def clash(self, found):
        raise BuildError("thử: dừng trước khi ghi")

    with monkeypatch.context() as patched:
        patched.setattr(PortalBuild, "outputs", clash)
        with pytest.raises(Abort):
            session.build()
    assert (served / "van-ban/xa-nam-sach/ve-truoc/index.html").exists()  # shown first
    new.unlink()
    session.build()
    session.settled()
    _assert_equals_a_clean_build(project, served, tmp_path)


def test_a_save_with_an_error_leaves_the_served_site_as_it_was_and_the_next_save_mends_it(
    portal: Path, tmp_path: Path
):
    project, served, session = _served_copy(portal, tmp_path)
    before = digests(served)
    source = next((project / "content/van-ban/xa-nam-sach").glob("*.md"))
    text = source.read_text(encoding="utf-8")
    broken = re.sub(r"^don_vi: .*$", "don_vi: khong-co", text, count=1, flags=re.M)
    source.write_text(broken, encoding="utf-8")
    with pytest.raises(Abort):
        session.build()
    assert digests(served) == before  # nothing written, nothing removed
    source.write_text(text.replace("\n\n", "\n\nSửa lại cho đúng.\n\n", 1), encoding="utf-8")
    session.build()
    session.settled()
    _assert_equals_a_clean_build(project, served, tmp_path)


def test_a_build_that_fails_while_writing_leaves_nothing_behind_once_mended(portal: Path, tmp_path: Path):
    """A template error stops a build after some pages are written (a new document's among them): the
    next build that succeeds removes what no longer belongs and redraws the rest."""
    project, served, session = _served_copy(portal, tmp_path)
    poster = project / "overrides/poster.html"
    template = poster.read_text(encoding="utf-8")
    broken = template.replace("{% endblock %}", "{{ no_such_function() }}{% endblock %}")
    poster.write_text(broken, encoding="utf-8")
    source = next((project / "content/van-ban/xa-nam-sach").glob("*.md"))
    new = source.with_name("van-ban-tam.md")
    text = source.read_text(encoding="utf-8")
    new.write_text(re.sub(r"^so_ky_hieu: .*$", 'so_ky_hieu: "77/KH-UBND"', text, count=1, flags=re.M))
    with pytest.raises(Exception, match="no_such_function"):
        session.build()
    assert (served / new.relative_to(project / "content").with_suffix("") / "index.html").exists()
    poster.write_text(template, encoding="utf-8")
    new.unlink()
    session.build()
    session.settled()
    _assert_equals_a_clean_build(project, served, tmp_path)


@pytest.mark.long
def test_make_serve_shows_each_save_and_leaves_no_folder_behind(portal: Path, tmp_path: Path):
    """The real server (mkdocs serve --dirty, as make serve runs it) on the seed portal: each kind of save
    reaches the served page, and once the server stops, neither its site nor a search index being made
    in the background is left in its temporary folder."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    timed = loop(portal, tmp_path, times=1, temp=temp)
    assert all(len(seconds) == 1 for seconds in timed.seconds.values())  # each save was served
    assert list(temp.iterdir()) == []
