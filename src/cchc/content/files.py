"""Which files the build may read and publish: files inside the project's content/ and docs/ folders,
symbolic links followed. A link to anything else (/etc/passwd, .git/config, /proc/self/environ) or a
folder link is refused with the file and what to do, never published and never skipped silently."""

from __future__ import annotations

import os
import re
from pathlib import Path

from cchc import urls
from cchc.problems import Problem
from cchc.text import slugify

CONTENT, DOCS = "content", "docs"
FOLDERS = (CONTENT, DOCS)
# What an editor may put in docs/ beside pages: nothing a browser would run (scripts, HTML, SVG, CSS).
DOCS_TYPES = (
    ".md",
    ".png",
    ".jpg",
    ".jpeg",
    ".webp",
    ".gif",
    ".pdf",
    ".doc",
    ".docx",
    ".odt",
    ".xls",
    ".xlsx",
    ".ods",
    ".csv",
    ".txt",
)


_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


def inside(root: Path, file: Path) -> bool:
    """Whether `file`, links followed, is in one of the project's content folders."""
    real = Path(os.path.realpath(file))
    return any(real.is_relative_to(os.path.realpath(root / folder)) for folder in FOLDERS)


def outside_message(root: Path, file: Path) -> str:
    target = os.path.realpath(file)
    return (
        f"tệp '{file.name}' nằm ngoài thư mục nội dung (trỏ tới '{target}'); chỉ dùng được tệp thật "
        "đặt trong content/ hoặc docs/: hãy chép tệp vào đây thay cho liên kết hay đường dẫn"
    )


def walk(
    root: Path,
    folder: Path,
    problems: list[Problem],
    suffixes: tuple[str, ...] | None = None,
    recursive: bool = True,
) -> list[Path]:
    """Files under `folder` in a stable order, suffixes matched in any case (`KE HOACH.MD`). Links that
    lead out of the content folders and links to folders are problems, not files."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    # Links to folders are not followed: below a folder inside the content folders, only a file that is a
    # link can lead out (one realpath per link, not three per file). Not so on Windows, where os.walk
    # descends into junctions, which are not links to it.
    top_inside = os.name == "posix" and inside(root, folder)
    for here, folders, names in os.walk(folder):
        base = Path(here)
        for name in sorted(folders):
            if (base / name).is_symlink():
                problems.append(
                    Problem(
                        (base / name).relative_to(root).as_posix(),
                        0,
                        "",
                        "thư mục này là liên kết tượng trưng; hãy đặt thư mục thật vào đây",
                    )
                )
        folders[:] = sorted(f for f in folders if recursive and not (base / f).is_symlink())
        for name in sorted(names):
            file = base / name
            if suffixes is not None and file.suffix.lower() not in suffixes:
                continue
            if (not top_inside or file.is_symlink()) and not inside(root, file):
                problems.append(
                    Problem(file.relative_to(root).as_posix(), 0, "", outside_message(root, file))
                )
            elif file.is_file():
                found.append(file)
    return found


def named(root: Path, folder: Path, name: str) -> Path | None:
    """The file an editor names in a field, relative to `folder`; None when it is not inside the content
    folders (an absolute path, '..', or a link out)."""
    if not name or Path(name).is_absolute():
        return None
    file = folder / name
    return file if inside(root, file) else None


def slug_problem(root: Path, file: Path) -> Problem | None:
    """A file whose name gives no address (`---.md`)."""
    if slugify(file.stem):
        return None
    return Problem(
        file.relative_to(root).as_posix(),
        1,
        "tên tệp",
        f"tên tệp '{file.name}' không tạo được "
        "đường dẫn; cần có chữ hoặc số, ví dụ 'bao-cao-cchc-nam-2025.md'",
    )


def _unsafe_name(root: Path, docs: Path, file: Path) -> Problem | None:
    """A name in docs/ that is not plain ASCII: MkDocs makes the page's address, its sitemap entry and the
    theme's links from it as it is (quotes and '<' included)."""
    relative = file.relative_to(docs)
    if all(_PLAIN_NAME.fullmatch(part) for part in relative.parts):
        return None
    suggested = "/".join(
        [
            *(slugify(p) or "thu-muc" for p in relative.parts[:-1]),
            (slugify(file.stem) or "tep") + file.suffix.lower(),
        ]
    )
    return Problem(
        file.relative_to(root).as_posix(),
        1,
        "tên tệp",
        f"tên '{relative.as_posix()}' có dấu, dấu cách hoặc ký tự đặc biệt; trong docs/ tên thư mục và tệp "
        f"chỉ gồm chữ không dấu, số, '-', '_' và '.': hãy đổi thành 'docs/{suggested}'",
    )


def docs_problems(root: Path, docs: Path) -> list[Problem]:
    """Files in docs/ that MkDocs would publish but the portal does not allow."""
    problems: list[Problem] = []
    written: dict[str, str] = {}  # where each lands in the built site -> the first file that lands there
    for file in walk(root, docs, problems):
        relative = file.relative_to(docs).as_posix()
        if (unsafe := _unsafe_name(root, docs, file)) is not None:
            problems.append(unsafe)
        elif urls.reserved(relative):
            shown = urls.shown(relative)
            problems.append(
                Problem(
                    file.relative_to(root).as_posix(),
                    1,
                    "tên tệp",
                    f"tệp này sẽ nằm ở {shown}, nơi cổng tự tạo trang hoặc tệp (các thư mục "
                    f"{', '.join(urls.PORTAL_FOLDERS)} và các tệp {', '.join(urls.ROOT_FILES)}); "
                    "hãy đổi tên hoặc chuyển tệp ra ngoài những chỗ đó",
                )
            )
        elif file.suffix.lower() not in DOCS_TYPES:
            problems.append(
                Problem(
                    file.relative_to(root).as_posix(),
                    0,
                    "",
                    (
                        f"tệp loại '{file.suffix or file.name}' không được đăng: "
                        "trang chỉ chạy mã của giao diện; "
                        "trong docs/ chỉ đặt trang .md, ảnh và tệp tài liệu ("
                        + ", ".join(DOCS_TYPES[1:])
                        + ")"
                    ),
                )
            )
        elif (problem := slug_problem(root, file)) and file.suffix.lower() == ".md":
            problems.append(problem)
        elif (other := written.setdefault(urls.written(relative), relative)) != relative:
            problems.append(
                Problem(
                    file.relative_to(root).as_posix(),
                    1,
                    "tên tệp",
                    f"tệp này và {DOCS}/{other} cùng thành {urls.shown(relative)}; hãy đổi tên một trong hai",
                )
            )
    return problems
