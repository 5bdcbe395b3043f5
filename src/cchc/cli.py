"""The `cchc` command: `cchc check` validates all content (as text, or as GitHub or GitLab annotations),
`cchc build` builds the site atomically, `cchc nhap` imports a document an editor already has,
`cchc refs` lists the citations in a text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from cchc import annotations as ci_annotations  # as `annotations` it would hide the __future__ feature
from cchc import settings
from cchc.content import compliance, frontmatter
from cchc.content import load as loader
from cchc.dates import DateError, build_day, parse_date
from cchc.importer import figure_suggestions, placement
from cchc.importer.content_file import content_file
from cchc.importer.layout import read_layout
from cchc.importer.sources import SourceError, read_lines
from cchc.model import Portal
from cchc.pages import bodies
from cchc.problems import Problem, Severity, errors
from cchc.publish import site_swap
from cchc.refs import index as reference_index
from cchc.refs import relations
from cchc.refs.extract import extract
from cchc.refs.resolve import build_directory, resolve


def _loaded(root: Path) -> tuple[Portal, settings.Settings | None, list[Problem]]:
    """The portal, mkdocs.yml's settings (None when they cannot be used) and every problem found in them."""
    portal, problems = loader.load(root)
    try:
        configured = settings.from_config(settings.read_config(root))
    except settings.SettingsError as error:
        problems.append(Problem(settings.CONFIG, 0, "", str(error).removeprefix(f"{settings.CONFIG}: ")))
        return portal, None, problems
    problems += settings.problems_with(configured, portal, build_day(), root / settings.CONFIG)
    return portal, configured, problems


def run_check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    portal, _, problems = _loaded(root)
    if not any(p.severity is Severity.ERROR for p in problems):
        problems = sorted(
            problems
            + reference_index.index_references(portal).problems
            + bodies.sanitiser_warnings(portal, root)
        )
    for problem in problems:
        print(ci_annotations.github(problem) if args.format == "github" else problem)
    if args.format == "gitlab":
        Path(args.output).write_text(
            json.dumps(ci_annotations.gitlab(problems), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    notes = len(problems) - errors - warnings  # worth a look, never failing --strict
    if problems:
        print(
            f"\n{errors} lỗi, {warnings} cảnh báo" + (f", {notes} ghi chú." if notes else "."),
            file=sys.stderr,
        )
    else:
        print("Nội dung hợp lệ: không có lỗi.", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def run_compliance(args: argparse.Namespace) -> int:
    """What the law asks of the portal, unit by unit; --strict: exit 1 while a required item is missing."""
    portal, configured, problems = _loaded(Path(args.root))
    if stopping := errors(problems):
        for problem in stopping:
            print(problem, file=sys.stderr)
        print("\nSửa các lỗi trên (cchc check) rồi chạy lại.", file=sys.stderr)
        return 1
    assert configured is not None  # settings that cannot be used are an error above
    found = compliance.findings(portal, configured)
    for line in compliance.report(found):
        print(line)
    missing = any(f.status == compliance.MISSING and f.requirement.required for f in found)
    return 1 if args.strict and missing else 0


def run_build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    return site_swap.build_atomically(root, root / args.site_dir, ["--strict"] if args.strict else [])


def run_refs(args: argparse.Namespace) -> int:
    root = Path(args.root)
    portal, _ = loader.load(root)
    directory = build_directory(portal.units, portal.bodies)
    citing = None
    if args.unit:
        named: str | None = getattr(directory.names.get(args.unit), "unit_id", None)
        citing = portal.units.get(args.unit) or (portal.units.get(named) if named is not None else None)
        if citing is None:
            print(
                f"cchc refs: không có đơn vị '{args.unit}' (cần mã trong content/don-vi/ hoặc tên đơn vị)",
                file=sys.stderr,
            )
            return 2
    signed = None
    if args.date:
        try:
            signed = parse_date(args.date)
        except DateError as error:
            print(f"cchc refs: --date: {error}", file=sys.stderr)
            return 2
    found: list[Mapping[str, object]] = []
    for name in args.files or ["-"]:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        citations = resolve(extract(text, portal.aliases), directory, citing)
        if args.relations:
            found += [r.public() for r in relations.find(text, citations, signed)]
        else:
            found += [c.public() for c in citations]
    json.dump(found, sys.stdout, ensure_ascii=False, indent=2, default=vars)
    print()
    return 0


def run_import(args: argparse.Namespace) -> int:
    root, source = Path(args.root), Path(args.file)
    try:
        layout = read_layout(read_lines(source))
    except (OSError, SourceError) as error:
        print(f"cchc nhap: {error}", file=sys.stderr)
        return 2
    if layout.kind is None and layout.title is None:
        print(
            f"cchc nhap: {source.name}: không đọc được phần đầu văn bản (loại văn bản và trích yếu ở đầu "
            "trang); kiểm tra tệp có phải văn bản hành chính không, hoặc soạn tệp trong content/van-ban/ "
            "theo hướng dẫn biên tập",
            file=sys.stderr,
        )
        return 2
    portal, _ = loader.load(root)
    if args.don_vi and args.don_vi not in portal.units:
        print(
            f"cchc nhap: không có đơn vị '{args.don_vi}' trong content/don-vi/; có: "
            f"{', '.join(sorted(portal.units))}",
            file=sys.stderr,
        )
        return 2
    attached = source.suffix.lower() not in (".txt", ".md")
    imported = content_file(
        layout, portal.units, args.don_vi, [source.name] if attached else None, portal.indicators
    )
    if args.stdout:
        sys.stdout.write(imported.text)
    elif not imported.unit_id:
        print(
            "cchc nhap: không xác định được đơn vị ban hành; ghi --don-vi MÃ (một trong: "
            f"{', '.join(sorted(portal.units))}) hoặc --stdout để xem kết quả",
            file=sys.stderr,
        )
        return 1
    else:
        where = placement.placement(root, imported.unit_id, imported.slug, source, attached)
        if refused := placement.conflicts(where, args.ghi_de):
            for message in refused:
                print(f"cchc nhap: {message}", file=sys.stderr)
            return 1
        try:
            placement.write(where, imported.text)
        except OSError as error:
            print(f"cchc nhap: không ghi được {error.filename}: {error.strerror}", file=sys.stderr)
            return 2
        print(f"Đã ghi {where.content.relative_to(root)}", file=sys.stderr)
    for note in imported.notes:
        print(f"lưu ý: {note}", file=sys.stderr)
    if imported.missing:
        print(f"chưa tìm thấy: {', '.join(imported.missing)}", file=sys.stderr)
    return 0


def _body(source: Path) -> tuple[str, int]:
    """The text to look for figures in and its first line: a content file's body, read as `cchc check`
    reads it (BOM, CRLF, NFC), or the words of a Word, PDF or text file."""
    if source.suffix.lower() == ".md":
        text, problems = frontmatter.decode(source.name, source.read_bytes())
        if text is None:
            raise SourceError(problems[0].message)
        parsed, problems = frontmatter.parse(source.name, text)
        return (text, 1) if problems else (parsed.body, parsed.body_line)
    return "\n".join(read_lines(source)), 1


def run_figures(args: argparse.Namespace) -> int:
    portal, _ = loader.load(Path(args.root))
    if not portal.indicators:
        print("cchc so-lieu: chưa có danh mục chỉ tiêu content/tham-chieu/chi-tieu.yml", file=sys.stderr)
        return 2
    found = []
    for name in args.files:
        try:
            text, first = _body(Path(name))
        except (OSError, SourceError) as error:
            print(f"cchc so-lieu: {name}: {error}", file=sys.stderr)
            return 2
        suggestions = figure_suggestions.suggest(text, portal.indicators, first)
        if args.json:
            found.append({"tep": name, "so_lieu": figure_suggestions.as_json(suggestions, portal.indicators)})
        else:
            print(
                f"# {name}: {len(suggestions)} số tìm thấy; xác nhận từng số với văn bản rồi chép vào "
                "phần đầu tệp"
            )
            print(figure_suggestions.yaml_block(suggestions))
    if args.json:
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cchc", description="Công cụ của cổng thông tin CCHC.")
    parser.add_argument("--root", default=".", help="thư mục dự án (mặc định: thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="kiểm tra toàn bộ nội dung trong content/")
    check_parser.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    check_parser.add_argument(
        "--format",
        choices=("text", "github", "gitlab"),
        default="text",
        help="text: tệp:dòng: trường: lời nhắn (mặc định); github: chú thích cạnh dòng "
        "trong pull request; gitlab: thêm báo cáo Code Quality cho merge request",
    )
    check_parser.add_argument(
        "--output",
        default="gl-code-quality-report.json",
        help="tệp báo cáo Code Quality khi --format gitlab (mặc định: %(default)s)",
    )
    check_parser.set_defaults(run=run_check)
    build_parser = commands.add_parser(
        "build", help="xây dựng trang vào thư mục mới rồi thay site/ trong một bước"
    )
    build_parser.add_argument(
        "--site-dir", default="site", help="thư mục trang, trong thư mục dự án (mặc định: site)"
    )
    build_parser.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    build_parser.set_defaults(run=run_build)
    import_parser = commands.add_parser(
        "nhap",
        help="nhập một văn bản đã có (Word, PDF hoặc chữ xuất từ "
        "chúng) thành tệp trong content/van-ban/<đơn vị>/",
    )
    import_parser.add_argument("file", help="tệp văn bản: .docx, .pdf có lớp chữ, hoặc .txt")
    import_parser.add_argument("--don-vi", help="mã đơn vị ban hành, khi văn bản không ghi rõ")
    import_parser.add_argument("--stdout", action="store_true", help="in kết quả ra màn hình, không ghi tệp")
    import_parser.add_argument("--ghi-de", action="store_true", help="thay tệp đã có cùng tên")
    import_parser.set_defaults(run=run_import)
    figures_parser = commands.add_parser(
        "so-lieu", help="gợi ý số liệu (so_lieu) tìm thấy trong văn bản, để người biên tập xác nhận"
    )
    figures_parser.add_argument("files", nargs="+", help="tệp trong content/van-ban/, hoặc .docx, .pdf, .txt")
    figures_parser.add_argument("--json", action="store_true", help="in JSON thay cho khối YAML")
    figures_parser.set_defaults(run=run_figures)
    compliance_parser = commands.add_parser(
        "tuan-thu", help="đối chiếu cổng với các quy định về cổng thông tin điện tử, từng đơn vị"
    )
    compliance_parser.add_argument(
        "--strict", action="store_true", help="trả mã lỗi khi còn thiếu mục bắt buộc"
    )
    compliance_parser.set_defaults(run=run_compliance)
    refs_parser = commands.add_parser("refs", help="tìm các văn bản được trích dẫn, in ra JSON")
    refs_parser.add_argument(
        "--unit",
        help="đơn vị đã viết văn bản (mã hoặc tên), để hiểu 'Kế hoạch số …/KH-UBND' của chính đơn vị đó",
    )
    refs_parser.add_argument(
        "--relations",
        action="store_true",
        help="in các quan hệ giữa văn bản (thay thế, sửa đổi, bãi bỏ, quy định chi tiết, hướng dẫn) "
        "thay vì các trích dẫn",
    )
    refs_parser.add_argument(
        "--date", help="ngày ban hành của chính văn bản (NN/TT/NNNN), để hiểu 'có hiệu lực kể từ ngày ký'"
    )
    refs_parser.add_argument("files", nargs="*", help="tệp văn bản UTF-8; không ghi thì đọc từ đầu vào chuẩn")
    refs_parser.set_defaults(run=run_refs)
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except BrokenPipeError:  # `cchc so-lieu … | head`: the reader has what it wanted
        sys.stderr.close()
        return 0
