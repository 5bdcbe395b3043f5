"""Which files the build may read (cchc.content.files.walk): inside content/ and docs/, links followed; a
link that leads out, or a link to a folder, is a problem, never a file."""

from __future__ import annotations

from pathlib import Path

from cchc.content import files


def _project(tmp_path: Path) -> tuple[Path, Path]:
    root, outside = tmp_path / "portal", tmp_path / "outside"
    (root / "content" / "van-ban" / "xa").mkdir(parents=True)
    outside.mkdir()
    (outside / "bi-mat.md").write_text("# Bí mật\n", encoding="utf-8")
    (root / "content" / "van-ban" / "xa" / "that.md").write_text("# Thật\n", encoding="utf-8")
    return root, outside


def test_a_file_linked_from_inside_is_read_and_one_linked_from_outside_is_refused(tmp_path: Path):
    root, outside = _project(tmp_path)
    folder = root / "content" / "van-ban" / "xa"
    (folder / "ban-sao.md").symlink_to(folder / "that.md")
    (folder / "ra-ngoai.md").symlink_to(outside / "bi-mat.md")
    problems: list = []
    found = files.walk(root, root / "content" / "van-ban", problems, (".md",))
    assert [f.name for f in found] == ["ban-sao.md", "that.md"]
    assert [p.file for p in problems] == ["content/van-ban/xa/ra-ngoai.md"]


def test_a_walked_folder_that_is_a_link_out_gives_no_file(tmp_path: Path):
    root, outside = _project(tmp_path)
    (root / "content" / "tham-chieu").symlink_to(outside)
    problems: list = []
    assert files.walk(root, root / "content" / "tham-chieu", problems, (".md",)) == []
    assert [p.file for p in problems] == ["content/tham-chieu/bi-mat.md"]


def test_a_folder_link_below_is_a_problem_and_not_walked(tmp_path: Path):
    root, outside = _project(tmp_path)
    (root / "content" / "van-ban" / "xa" / "thu-muc").symlink_to(outside)
    problems: list = []
    found = files.walk(root, root / "content" / "van-ban", problems, (".md",))
    assert [f.name for f in found] == ["that.md"]
    assert [p.file for p in problems] == ["content/van-ban/xa/thu-muc"]
