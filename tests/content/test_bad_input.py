"""Each kind of bad content gets its own message (file, line, field), fails `cchc check`
and `mkdocs build --strict`, shows no traceback, and leaves site/ as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPORT, UNIT, cchc_check, mkdocs_build

DOC = "content/van-ban/xa-nam-sach/bao-cao-2025.md"


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def malformed_yaml(project):
    _edit(project, DOC, "trich_yeu: Kết quả", "trich_yeu: [Kết quả")
    return f"{DOC}:7: YAML không hợp lệ ("


def missing_field(project):
    _edit(project, DOC, "trich_yeu: Kết quả công tác tuyên truyền cải cách hành chính năm 2025\n", "")
    return f"{DOC}:1: trich_yeu: thiếu trường bắt buộc; cần trích yếu"


def unknown_field(project):
    _edit(project, DOC, "ngay_ban_hanh:", "ngay_ban_hnah:")
    return f"{DOC}:4: ngay_ban_hnah: không có trường này; có phải ý bạn là 'ngay_ban_hanh'?"


def unknown_unit(project):
    _edit(project, DOC, "don_vi: xa-nam-sach", "don_vi: xa-nam-sachh")
    return (
        f"{DOC}:5: don_vi: không có đơn vị mã 'xa-nam-sachh' trong content/don-vi/; "
        "có phải ý bạn là 'xa-nam-sach'?"
    )


def same_url(project):
    # "Báo cáo 2025.md" folds to the same address as "bao-cao-2025.md".
    (project / "content/van-ban/xa-nam-sach/Báo cáo 2025.md").write_text(REPORT, encoding="utf-8")
    return (
        "content/van-ban/xa-nam-sach/bao-cao-2025.md:1: tên tệp: trùng đường dẫn "
        "/van-ban/xa-nam-sach/bao-cao-2025/ với content/van-ban/xa-nam-sach/Báo cáo 2025.md"
    )


def same_unit_id(project):
    (project / "content/don-vi/xa-nam-sach-2.md").write_text(
        UNIT.format(id="xa-nam-sach", name="Nam Sách"), encoding="utf-8"
    )
    return (
        "content/don-vi/xa-nam-sach.md:2: id: trùng đường dẫn /don-vi/xa-nam-sach/ "
        "với content/don-vi/xa-nam-sach-2.md"
    )


def impossible_day(project):
    _edit(project, DOC, '"10/12/2025"', '"31/02/2025"')
    return f"{DOC}:4: ngay_ban_hanh: ngày '31/02/2025' không có thật: tháng 2 năm 2025 chỉ có 28 ngày"


def impossible_month(project):
    _edit(project, DOC, '"10/12/2025"', '"10/13/2025"')
    return f"{DOC}:4: ngay_ban_hanh: ngày '10/13/2025' không có thật: tháng 13 không tồn tại"


def period_for_kind(project):
    _edit(project, DOC, "loai: Báo cáo", "loai: Quyết định")
    return (
        f"{DOC}:7: ky: văn bản loại 'Quyết định' không có kỳ; chỉ báo cáo, kế hoạch, chương trình mới ghi kỳ"
    )


def unreadable_period(project):
    _edit(project, DOC, "ky: năm 2025", "ky: tháng 5")
    return f"{DOC}:7: ky: không đọc được kỳ 'tháng 5'; cần một trong các dạng 'năm 2025'"


def not_utf8(project):
    path = project / DOC
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    return f"{DOC}:2: tệp không phải mã UTF-8"


def empty_body(project):
    path = project / DOC
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## I.")], encoding="utf-8")
    return f"{DOC}:15: nội dung: văn bản chưa có nội dung"


CASES = [
    malformed_yaml,
    missing_field,
    unknown_field,
    unknown_unit,
    same_url,
    same_unit_id,
    impossible_day,
    impossible_month,
    period_for_kind,
    unreadable_period,
    not_utf8,
    empty_body,
]


def test_valid_project_passes(project):
    result = cchc_check(project)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_cchc_check_names_file_line_and_field(project, case):
    expected = case(project)
    result = cchc_check(project)
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_strict_build_fails_cleanly_and_keeps_site(project, tmp_path, case):
    expected = case(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site", encoding="utf-8")
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the published site"


def test_yaml_error_names_where_the_broken_part_starts(project):
    malformed_yaml(project)
    assert "trong phần bắt đầu ở dòng 6" in cchc_check(project).stdout


def test_all_problems_reported_at_once(project):
    expected = [case(project) for case in (unknown_field, period_for_kind)]
    (project / "content/don-vi/xa-moi.md").write_text("---\nid: xa-moi\n---\n", encoding="utf-8")
    out = cchc_check(project).stdout
    for message in expected + ["content/don-vi/xa-moi.md:1: ten: thiếu trường bắt buộc"]:
        assert message in out


def test_reference_tables_are_checked(project):
    tables = project / "content/tham-chieu"
    tables.mkdir()
    (tables / "co-quan.yml").write_text(
        "- ten: Chính phủ\n  ma: [CP]\n  nhom: Trung ương\n", encoding="utf-8"
    )
    (tables / "bi-danh.yml").write_text(
        '- ten: Đề án 06\n  loai: Quyết định\n  so_ky_hieu: "06/QĐ-TTg"\n  ngay: "31/02/2022"\n',
        encoding="utf-8",
    )
    result = cchc_check(project)
    assert result.returncode == 1
    assert "content/tham-chieu/co-quan.yml:3: nhom: nhóm 'Trung ương' không có" in result.stdout
    assert "content/tham-chieu/bi-danh.yml:4: ngay: ngày '31/02/2022' không có thật" in result.stdout


@pytest.mark.parametrize(
    "field, written", [("don_vi", "xa-nam-sach"), ("loai", "Báo cáo"), ("ky", "năm 2025")]
)
def test_a_line_break_in_a_value_cannot_forge_a_ci_annotation(project, tmp_path, field, written):
    """A message quotes the value; its line break is shown as '\\n', so no line of the check's output or the
    build log starts with a forged GitHub workflow command."""
    forged = "::error file=README.md,line=1::giả mạo"
    _edit(project, DOC, f"{field}: {written}", f'{field}: "x\\n{forged}"')
    check = cchc_check(project)
    build = mkdocs_build(project, tmp_path / "site")
    assert check.returncode == 1 and build.returncode != 0
    assert f"x\\n{forged}" in check.stdout and f"x\\n{forged}" in build.stderr, check.stdout
    for output in (check.stdout, check.stderr, build.stderr):
        assert not [line for line in output.splitlines() if line.lstrip().startswith("::")], output


@pytest.mark.parametrize(
    "written",
    # As real offices print them (corpus t04, u03, u07, p10): the check takes them as issued.
    ["545 /HD-BTV", "409 /TTr-CAT(PC04)", "779 /QĐ-UBND", "156 -CV/TĐTN-BCTĐ&TTN"],
)
def test_a_number_as_an_office_prints_it_passes_the_check(project, written):
    _edit(project, DOC, 'so_ky_hieu: "25/BC-UBND"', f'so_ky_hieu: "{written}"')
    result = cchc_check(project)
    assert result.returncode == 0, result.stdout


def test_a_value_longer_than_any_real_one_is_refused(project):
    """A 40,000-character title took 17 s to build (each escaped mark copies its paragraph in Python-Markdown,
    on every page that shows it); a value is capped well above any real one (369 characters at most)."""
    _edit(project, DOC, "trich_yeu: Kết quả", f"trich_yeu: Kết quả {'*' * 40_000}")
    result = cchc_check(project)
    assert result.returncode == 1
    expected = f"{DOC}:6: trich_yeu: giá trị dài 40059 ký tự, quá 2000 ký tự"
    assert expected in result.stdout, result.stdout[:500]
