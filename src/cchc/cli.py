"""The `cchc` command: `cchc check` validates all content."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import loader
from .problems import Severity


def check(args: argparse.Namespace) -> int:
    _, problems = loader.load(Path(args.root))
    for problem in problems:
        print(problem)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"\n{errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    else:
        print("Nội dung hợp lệ: không có lỗi.", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc", description="Công cụ của cổng thông tin CCHC.")
    parser.add_argument("--root", default=".", help="thư mục dự án (mặc định: thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="kiểm tra toàn bộ nội dung trong content/")
    check_parser.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    check_parser.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)
