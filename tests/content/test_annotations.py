"""`cchc check --format github|gitlab`: the same problems as the text report, as the annotations GitHub and
GitLab show beside the changed line of a pull or merge request."""

from __future__ import annotations

import json
import re

from cchc import annotations
from cchc.problems import Problem, Severity
from tests.conftest import cchc_check

COMMAND = re.compile(r"^::(?P<kind>error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command read back the way GitHub's runner splits it."""
    match = COMMAND.match(line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match["props"].split(","))
    return match["kind"], {k: _unescape(v) for k, v in props.items()}, _unescape(match["message"])


def test_a_github_command_carries_file_line_and_message_whatever_they_hold():
    problem = Problem(
        "content/van-ban/xa a,b/bao:cao.md",
        12,
        "ngay_ban_hanh",
        "ngày '31/02/2025' không có thật; 100% chắc\nkiểm tra lại::",
    )
    kind, props, message = _parse(annotations.github(problem))
    assert kind == "error" and props["file"] == problem.file and props["line"] == "12"
    assert props["title"] == "cchc check: ngay_ban_hanh"
    assert message == f"ngay_ban_hanh: {problem.message}"


def test_a_warning_on_a_whole_file_has_no_line():
    kind, props, _ = _parse(
        annotations.github(Problem("docs/x.js", 0, "", "tệp loại '.js' …", Severity.WARNING))
    )
    assert kind == "warning" and "line" not in props and props["title"] == "cchc check"


def test_the_gitlab_report_is_code_quality_json():
    problems = [
        Problem("content/a.md", 3, "loai", "sai", Severity.ERROR),
        Problem("content/a.md", 0, "", "thiếu", Severity.WARNING),
        Problem("content/a.md", 3, "loai", "sai khác", Severity.ERROR),
    ]
    report = annotations.gitlab(problems)
    assert [r["severity"] for r in report] == ["major", "minor", "major"]
    assert [r["location"] for r in report] == [
        {"path": "content/a.md", "lines": {"begin": 3}},
        {"path": "content/a.md", "lines": {"begin": 1}},
        {"path": "content/a.md", "lines": {"begin": 3}},
    ]
    assert len({r["fingerprint"] for r in report}) == 3
    assert report[0]["description"] == "loai: sai" and report[0]["check_name"] == "cchc-loai"
    assert annotations.gitlab(problems)[0]["fingerprint"] == report[0]["fingerprint"]  # stable between runs


def test_check_prints_github_commands_and_writes_the_gitlab_report(project):
    report = project / "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    report.write_text(
        report.read_text(encoding="utf-8").replace('"10/12/2025"', '"31/02/2025"'), encoding="utf-8"
    )
    text = cchc_check(project)
    github = cchc_check(project, "--format", "github")
    assert text.returncode == github.returncode == 1
    lines = [line for line in github.stdout.splitlines() if line]
    assert len(lines) == len([line for line in text.stdout.splitlines() if line]) >= 1
    kind, props, message = _parse(lines[0])
    assert kind == "error" and props["file"] == "content/van-ban/xa-nam-sach/bao-cao-2025.md"
    assert props["line"] == "4" and "31/02/2025" in message
    gitlab = cchc_check(project, "--format", "gitlab", "--output", "quality.json")
    assert gitlab.returncode == 1 and gitlab.stdout == text.stdout
    issues = json.loads((project / "quality.json").read_text(encoding="utf-8"))
    assert issues[0]["location"] == {
        "path": "content/van-ban/xa-nam-sach/bao-cao-2025.md",
        "lines": {"begin": 4},
    }
    assert "31/02/2025" in issues[0]["description"]
