"""YAML that cannot hurt: hostile or broken front matter gets one `file:line:` message in bounded time
and memory, never a traceback, a crash or a silently changed value."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cchc.content import frontmatter
from cchc.problems import Severity
from tests.conftest import REPO, cchc_check

DOC = "content/van-ban/xa-nam-sach/bao-cao-2025.md"
PATH = "content/x.md"

# The classic "billion laughs": 342 bytes that PyYAML's constructor expands to 9⁹ strings.
BOMB = (
    "\n".join(
        ["a: &a [" + ",".join(['"lol"'] * 9) + "]"]
        + [
            f"{name}: &{name} [" + ",".join([f"*{inner}"] * 9) + "]"
            for inner, name in zip("abcdefgh", "bcdefghi")
        ]
    )
    + "\n"
)

ANCHOR = "YAML: không dùng neo '&…' và bí danh '*…' (gặp '{}'); hãy viết đầy đủ giá trị ở mỗi chỗ cần dùng"
DEEP = (
    "YAML lồng quá sâu (quá 16 cấp danh sách và trường con); dữ liệu chỉ cần vài cấp, hãy kiểm tra "
    "các dấu ngoặc '[', '{' và thụt lề"
)
TAG = (
    "YAML: không dùng thẻ '{}'; hãy bỏ thẻ và chỉ ghi giá trị (giá trị bắt đầu bằng '!' thì đặt trong "
    "dấu ngoặc kép)"
)
DUPLICATE = (
    "trường '{}' bị lặp: đã có ở dòng {}; mỗi trường chỉ ghi một lần, hãy xoá hoặc gộp một trong hai dòng"
)
CONTROL = (
    "ký tự điều khiển {} ở cột {}: ký tự này không nhìn thấy được và không được phép trong dữ liệu "
    "YAML (thường lẫn vào khi sao chép từ Word, PDF hay trang web); hãy xoá nó"
)
BODY_CONTROL = (
    "ký tự điều khiển {} ở cột {}: ký tự này không nhìn thấy được và có thể làm ẩn hoặc "
    "đảo thứ tự chữ khi hiển thị (thường lẫn vào khi sao chép từ Word, PDF hay trang web); "
    "nên xoá nó"
)


def problems_of(front: str) -> list[str]:
    """The problems `parse` finds in a file with this front matter (opening '---' on line 1)."""
    _, found = frontmatter.parse(PATH, f"---\n{front}\n---\nNội dung.\n")
    return [str(problem) for problem in found]


def isolated(code: str) -> dict:
    """Run `code` in a fresh Python, so that a crash or a runaway fails the test instead of pytest.
    The code sees `frontmatter`, `BOMB` and `measure(call)`, and prints its answer as JSON."""
    prelude = f"""
import json, resource, time
from cchc.content import frontmatter
BOMB = {BOMB!r}
def measure(call):
    before, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter()
    _, found = call()
    return {{"problems": [str(p) for p in found], "seconds": time.perf_counter() - start,
             "grown_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before}}
"""
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    return json.loads(result.stdout)


# Anchors and aliases


def test_alias_bomb_is_refused_at_once_without_memory_growth():
    answer = isolated(
        'print(json.dumps(measure(lambda: frontmatter.parse("content/x.md", '
        'f"---\\n{BOMB}---\\nNội dung.\\n"))))'
    )
    assert answer["problems"] == [f"{PATH}:2: " + ANCHOR.format("&a")]
    assert answer["seconds"] < 0.5
    assert answer["grown_kib"] < 10 * 1024


def test_alias_is_refused_even_without_its_anchor():
    assert problems_of("id: x\nten: *ten") == [f"{PATH}:3: " + ANCHOR.format("*ten")]


def test_first_anchor_is_the_one_reported():
    found = problems_of("id: x\nnguoi_ky:\n  ho_ten: &ten A\nten: *ten")
    assert found == [f"{PATH}:4: " + ANCHOR.format("&ten")]


# Nesting


@pytest.mark.parametrize("bracket", ["[", "{"])
def test_5000_nested_brackets_give_a_message(bracket):
    assert problems_of("id: " + bracket * 5000) == [f"{PATH}:2: {DEEP}"]


@pytest.mark.parametrize("bracket", ["[", "{"])
def test_200000_nested_brackets_give_a_message_not_a_crash(bracket):
    # In front matter the size bound answers first; a YAML file (reference tables) has no such bound.
    answer = isolated(f"""
deep = {bracket!r} * 200_000
print(json.dumps([measure(lambda: frontmatter.parse("content/x.md", "---\\nid: " + deep + "\\n---\\n")),
                  measure(lambda: frontmatter.parse_yaml("content/x.yml", deep))]))""")
    in_front_matter, in_yaml_file = answer
    assert in_front_matter["problems"] == [
        f"{PATH}:2: phần thông tin đầu tệp quá dài (hơn 64 KiB); chỉ ghi "
        "các trường ngắn ở đây, nội dung dài đặt sau dòng '---' thứ hai"
    ]
    assert in_yaml_file["problems"] == [f"content/x.yml:1: {DEEP}"]
    assert in_yaml_file["seconds"] < 1


def test_nesting_limit_is_sixteen_levels():
    def nested(levels: int) -> str:  # the front matter mapping is the first level
        return "id: " + "[" * (levels - 1) + "x" + "]" * (levels - 1)

    assert problems_of(nested(16)) == []
    assert problems_of(nested(17)) == [f"{PATH}:2: {DEEP}"]


# Tags


@pytest.mark.parametrize(
    "value, tag",
    [
        ("!foo bar", "!foo"),
        ("!!timestamp 2025-13-45", "!!timestamp"),
        ('!!python/object/apply:os.system ["echo bị chạy"]', "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!str 12", "!!str"),
        ("! 12", "!"),
    ],
)
def test_explicit_tags_are_refused(value, tag):
    assert problems_of(f"id: x\nten: {value}") == [f"{PATH}:3: " + TAG.format(tag)]


def test_tag_on_a_list_is_refused():
    assert problems_of("id: x\nnoi_nhan: !!set\n  - a") == [f"{PATH}:3: " + TAG.format("!!set")]


# Control characters


def test_nul_in_front_matter_names_line_and_code_point():
    assert problems_of("id: x\nten: Ủy\x00ban") == [f"{PATH}:3: " + CONTROL.format("U+0000", 8)]


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x85", "\x9f"])
def test_other_c0_and_c1_controls_in_front_matter_are_errors(char):
    assert problems_of(f"id: x{char}") == [f"{PATH}:2: " + CONTROL.format(f"U+{ord(char):04X}", 6)]


def test_bidi_control_in_front_matter_is_an_error():
    assert problems_of("id: x\nten: abc\u202edef") == [
        f"{PATH}:3: " + CONTROL.format("U+202E (RIGHT-TO-LEFT OVERRIDE)", 9)
    ]


@pytest.mark.parametrize(
    "escape, code",
    [
        ("\\0", "U+0000"),
        ("\\u0000", "U+0000"),
        ("\\e[31m", "U+001B"),
        ("\\u202E", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ],
)
def test_control_characters_written_as_escapes_are_errors(escape, code):
    assert problems_of(f'id: x\nten: "Ủy {escape}ban"') == [
        f"{PATH}:3: ký tự điều khiển {code} (viết bằng mã thoát trong dấu ngoặc kép): ký tự này không nhìn "
        "thấy được và không được phép trong dữ liệu YAML; hãy xoá mã thoát này"
    ]


def test_tab_cr_and_plain_text_are_fine():
    source, found = frontmatter.parse(PATH, '---\r\nid: x\r\nten: "a\tb"\r\n---\r\n')
    assert found == []
    assert source.meta["ten"].data == "a\tb"


def test_control_characters_on_many_lines_are_summarised():
    found = problems_of("".join(f"f{i}: a\x00\n" for i in range(30)))
    assert len(found) == 21
    assert found[-1] == f"{PATH}:22: còn ký tự điều khiển ở 10 dòng khác từ dòng này trở đi; hãy xoá chúng"


def test_nul_and_bidi_in_body_are_warnings_and_kept(tmp_path):
    text = "---\nid: x\n---\n\nỦy\x00ban\ntiếp\nabc\u2066def\u2069\n"
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    problems = []
    shown, read = frontmatter.read(tmp_path, tmp_path / "x.md", problems)
    assert read == text
    assert [str(p) for p in problems] == [
        "x.md:5: " + BODY_CONTROL.format("U+0000", 3) + " (cảnh báo)",
        "x.md:7: " + BODY_CONTROL.format("U+2066 (LEFT-TO-RIGHT ISOLATE)", 4) + " (cảnh báo)",
    ]
    assert {p.severity for p in problems} == {Severity.WARNING}
    source, found = frontmatter.parse(shown, read)
    assert found == [] and source.body == "\nỦy\x00ban\ntiếp\nabc\u2066def\u2069\n"


# Duplicate keys


def test_duplicate_key_names_both_lines():
    assert problems_of("id: a\nten: b\nid: c") == [f"{PATH}:4: id: " + DUPLICATE.format("id", 2)]


def test_duplicate_keys_inside_fields_name_the_field_path():
    found = problems_of("nguoi_ky:\n  ho_ten: A\n  ho_ten: B\nnoi_nhan:\n  - a: 1\n  - a: 1\n    a: 2")
    assert found == [
        f"{PATH}:4: nguoi_ky.ho_ten: " + DUPLICATE.format("ho_ten", 3),
        f"{PATH}:8: noi_nhan[2].a: " + DUPLICATE.format("a", 7),
    ]


# Sizes


def test_oversized_front_matter_is_refused():
    assert problems_of("id: x\nten: " + "ư" * 40_000) == [
        f"{PATH}:2: phần thông tin đầu tệp quá dài (hơn 64 KiB); chỉ ghi các trường ngắn ở đây, nội dung dài "
        "đặt sau dòng '---' thứ hai"
    ]


def test_oversized_file_is_refused_by_read(tmp_path):
    (tmp_path / "x.md").write_bytes(b"---\nid: x\n---\n" + b"a" * (5 * 1024 * 1024))
    problems = []
    assert frontmatter.read(tmp_path, tmp_path / "x.md", problems) == ("x.md", None)
    assert [str(p) for p in problems] == [
        "x.md:1: tệp quá lớn (hơn 5 MiB); hãy chia nội dung thành nhiều tệp nhỏ hơn"
    ]


# Values read as before (apart from leading zeros, which used to be octal or a traceback)


def test_plain_scalars_and_lines_are_read_as_before():
    source, found = frontmatter.parse(
        PATH,
        '---\na: true\nb: False\nc: ~\nd:\ne: -12\nf: "12"\n'
        "g: 2025-01-02\nh: yes\ni: [1, x]\nj:\n  k: 'null'\n  l:\n    - 1.5\n"
        "---\nbody",
    )
    assert found == []
    assert {k: v.plain() for k, v in source.meta.items()} == {
        "a": True,
        "b": False,
        "c": None,
        "d": None,
        "e": -12,
        "f": "12",
        "g": "2025-01-02",
        "h": "yes",
        "i": [1, "x"],
        "j": {"k": "null", "l": ["1.5"]},
    }
    assert [v.line for v in source.meta.values()] == list(range(2, 12))
    assert source.meta["j"].children["l"].line == 13 and source.meta["j"].children["l"].children[0].line == 14


def test_numbers_with_leading_zeros_stay_as_written():
    source, found = frontmatter.parse(PATH, "---\nso: 09\nma: 012\nkhong: 0\n---\n")
    assert found == []
    assert {k: v.data for k, v in source.meta.items()} == {"so": "09", "ma": "012", "khong": 0}


# End to end: `cchc check` names the file and line, fails, and shows no traceback


def _edit(project: Path, old: str, new: str) -> None:
    path = project / DOC
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "ky: năm 2025\n",
            "ky: năm 2025\nloai: Kế hoạch\n",
            f"{DOC}:8: loai: " + DUPLICATE.format("loai", 2),
        ),
        ("don_vi: xa-nam-sach", "don_vi: xa-nam-sach\x00", f"{DOC}:5: " + CONTROL.format("U+0000", 20)),
    ],
    ids=["duplicate_key", "nul"],
)
def test_cchc_check_reports_unsafe_front_matter(project, old, new, expected):
    _edit(project, old, new)
    result = cchc_check(project)
    assert result.returncode == 1
    assert expected + "\n" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_cchc_check_warns_about_bidi_in_body_and_keeps_the_file(project):
    _edit(project, "Ủy ban nhân dân xã đã", "Ủy ban nhân dân xã \u202eđã")
    result = cchc_check(project)
    assert result.returncode == 0, result.stdout
    assert (
        f"{DOC}:18: " + BODY_CONTROL.format("U+202E (RIGHT-TO-LEFT OVERRIDE)", 20) + " (cảnh báo)\n"
        in result.stdout
    )
    assert "Traceback" not in result.stderr
