"""Problems as CI hosts show them beside the changed line of a pull or merge request: GitHub's workflow
commands (`::error file=…,line=…,title=…::…`) and GitLab's Code Quality report (JSON), so an editor reads
the Vietnamese message where the change is, not in a build log."""

from __future__ import annotations

import hashlib

from cchc.problems import Problem, Severity

TITLE = "cchc check"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _message(problem: Problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def github(problem: Problem) -> str:
    """One workflow command; a problem of a whole file (line 0) is shown on the file."""
    command = _COMMANDS[problem.severity]
    title = f"{TITLE}: {problem.field}" if problem.field else TITLE
    where = [f"file={_property(problem.file)}"] + ([f"line={problem.line}"] if problem.line else [])
    return f"::{command} {','.join(where)},title={_property(title)}::{_data(_message(problem))}"


def gitlab(problems: list[Problem]) -> list[dict[str, object]]:
    """The Code Quality report: one issue per problem, fingerprinted by what it says and where."""
    report: list[dict[str, object]] = []
    for problem in problems:
        key = f"{problem.file}\n{problem.line}\n{problem.field}\n{problem.message}".encode()
        report.append(
            {
                "description": _message(problem),
                "check_name": f"cchc-{problem.field}" if problem.field else "cchc",
                "fingerprint": hashlib.sha256(key).hexdigest(),
                "severity": {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}[
                    problem.severity
                ],
                "location": {"path": problem.file, "lines": {"begin": max(problem.line, 1)}},
            }
        )
    return report
