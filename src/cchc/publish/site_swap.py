"""`cchc build`: one build at a time, into a fresh folder, swapped in whole.

At every instant `site/` is either the previous complete site or the new complete one: MkDocs
writes into `.site-new/` beside it, and only a successful build is exchanged with `site/` in one
rename (renameat2 RENAME_EXCHANGE; where the system lacks it, two renames with `.site-old/` kept
until the new site is in place, and put back by the next build if the machine stopped between
them). A lock file makes a second build wait for the first; MkDocs inherits the lock, so even a
build whose `cchc` was killed keeps it until its MkDocs has finished writing.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

LOCK = ".cchc-build.lock"
NEW = ".site-new"
OLD = ".site-old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SwapError(Exception):
    """The built site could not be put in place: the message says why, in Vietnamese."""


# What the system's reasons mean for whoever publishes the site; an OSError may have no errno.
_REASONS: dict[int | None, str] = {
    errno.EPERM: "không được phép (thư mục bị khóa hoặc không có quyền)",
    errno.EACCES: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EBUSY: "thư mục đang được dùng (có thể là điểm gắn kết)",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.ENOTDIR: "đó không phải thư mục",
    errno.EXDEV: "hai thư mục nằm trên hai ổ đĩa khác nhau",
}


def reason(error: OSError) -> str:
    return _REASONS.get(error.errno, error.strerror or str(error))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def recover(site: Path) -> None:
    """Undo what an interrupted build left beside `site` (run under the lock)."""
    old = site.with_name(OLD)
    if old.exists() and not site.exists():
        old.rename(site)  # stopped between the two renames of the fallback: the old site comes back
    for leftover in (site.with_name(NEW), old):
        shutil.rmtree(leftover, ignore_errors=True)


def swap(new: Path, site: Path) -> None:
    """Put the complete site in `new` at `site`; the previous one is removed afterwards."""
    try:
        if not site.exists() and not site.is_symlink():
            new.rename(site)
            return
        if not _exchange(new, site):
            old = site.with_name(OLD)
            site.rename(old)
            try:
                new.rename(site)
            except OSError:
                old.rename(site)
                raise
            new = old
    except OSError as error:
        raise SwapError(
            f"không thay được thư mục {site}: {reason(error)}. Trang cũ giữ nguyên; "
            "hãy kiểm tra quyền ghi vào thư mục đó và thư mục chứa nó rồi xây dựng lại"
        ) from None
    shutil.rmtree(new, ignore_errors=True)  # it holds the previous site now


def _lock(root: Path) -> int:
    """Hold the build lock of `root`, waiting (and saying so) while another build holds it."""
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(
            f"Đang có một lần xây dựng khác trong {root} (khóa {LOCK}); chờ lần đó xong rồi xây dựng tiếp…",
            file=sys.stderr,
            flush=True,
        )
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def build_atomically(root: Path, site: Path, mkdocs_args: list[str]) -> int:
    """Build the portal at `root` into `site` atomically; the exit status of the build."""
    if not (root / "mkdocs.yml").is_file():
        print(f"Không có mkdocs.yml trong {root}: cần chạy lệnh ở thư mục của cổng.", file=sys.stderr)
        return 1
    fd = _lock(root)
    try:
        recover(site)
        new = site.with_name(NEW)
        try:
            new.mkdir(parents=True)
        except OSError as error:
            print(
                f"Không tạo được thư mục {new}: {reason(error)}. Chưa xây dựng gì; {site} giữ nguyên.",
                file=sys.stderr,
            )
            return 1
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(new)]
        done = subprocess.run([*command, *mkdocs_args], pass_fds=(fd,))
        if done.returncode != 0:
            shutil.rmtree(new, ignore_errors=True)
            print(
                f"Xây dựng không thành công (xem các dòng ở trên); {site} giữ nguyên như trước.",
                file=sys.stderr,
            )
            return done.returncode
        try:
            swap(new, site)
        except SwapError as error:
            shutil.rmtree(new, ignore_errors=True)
            print(f"Lỗi: {error}.", file=sys.stderr)
            return 1
        print(f"Trang đã xây dựng xong trong {site}/")
        return 0
    finally:
        os.close(fd)
