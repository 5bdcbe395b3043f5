"""How the editors' preview notices a save. MkDocs' server polls (PollingObserver, chosen upstream for
Docker and network mounts: mkdocs#2477): every half second it walks and stats everything it watches, and
the config file's watch walks the whole project folder around it. At 10,000 documents and as many news
items that walk never stopped: it took a core's worth of the interpreter from the build it had just
started, and added up to half a second before the build began. The system's own notifications (inotify,
FSEvents, ReadDirectoryChangesW) cost nothing between saves; a single file is watched through its folder,
so an editor saving by rename is seen too. `CCHC_POLL=1 make serve` keeps MkDocs' polling, for folders
mounted from another system where notifications do not arrive; so does a system that refuses more
watches (Linux's fs.inotify.max_user_watches), which the log says."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

POLL = "CCHC_POLL"
# What is a change. Notifications also tell of every file opened, read and closed, and a build reads
# every content file: rebuilding on those would never end.
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent]


class Server(Protocol):
    """What of MkDocs' LiveReloadServer this needs: its observer, what it watches, and watch calls."""

    observer: Any
    _watched_paths: dict[str, int]

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None: ...

    def unwatch(self, path: str) -> None: ...


class Notified(Observer):  # type: ignore[misc,valid-type]  # Observer: the system's own kind
    """The system's observer, told of changes only; started here to see that the system allows it, and
    not again when the server starts its observer."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(  # type: ignore[no-any-return]
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def notified(server: Server, environ: Mapping[str, str] | None = None) -> str | None:
    """Move what `server` watches to the system's notifications, before the server starts (MkDocs'
    on_serve). None when done; otherwise why polling stays."""
    environ = os.environ if environ is None else environ
    if environ.get(POLL, "").strip() not in ("", "0"):
        return f"{POLL}={environ[POLL]}"
    native: BaseObserver = Notified()
    if isinstance(native, PollingObserver):
        return "hệ thống không báo thay đổi tệp"
    polling, watched = server.observer, dict(server._watched_paths)
    _move(server, watched, native)
    try:
        native.start()
    except OSError as error:  # e.g. no more inotify watches
        _move(server, watched, polling)
        return f"hệ thống không cho theo dõi thêm ({error})"
    return None


def _move(server: Server, watched: Mapping[str, int], observer: BaseObserver) -> None:
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = observer
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
