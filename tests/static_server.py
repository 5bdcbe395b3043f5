"""A static host for the built site on 127.0.0.1, as deploy/nginx.conf and `_headers` describe one.

It sends the headers the build wrote in `site/_headers` (so the browser tests run under the real
Content-Security-Policy), compresses the same types as the nginx snippet with gzip, answers
folders with their index.html and unknown paths with the 404 page and status 404.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# nginx compresses text/html always, and these by gzip_types in deploy/nginx.conf.
COMPRESSED = {
    "text/html",
    "text/css",
    "application/javascript",
    "text/javascript",
    "application/json",
    "image/svg+xml",
    "application/atom+xml",
    "text/xml",
    "application/xml",
    "text/calendar",
    "text/csv",
}
TYPES = {
    ".js": "application/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".wasm": "application/wasm",
    ".css": "text/css",
    ".html": "text/html",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".csv": "text/csv",
    ".ics": "text/calendar",
}


def host_headers(site: Path) -> list[tuple[str, str]]:
    """The headers `_headers` gives to every path (`/*`), in order."""
    headers, applies = [], False
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            applies = line.strip() == "/*"
        elif applies and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    return headers


def _handler(site: Path, headers: list[tuple[str, str]]):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status, path = self._resolve(unquote(urlsplit(self.path).path))
            body = path.read_bytes()
            kind = TYPES.get(path.suffix, mimetypes.guess_type(path.name)[0] or "application/octet-stream")
            self.send_response(status)
            self.send_header(
                "Content-Type",
                kind + ("; charset=utf-8" if kind.startswith("text/") or kind in COMPRESSED else ""),
            )
            if kind in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _resolve(self, url_path: str) -> tuple[int, Path]:
            target = (site / url_path.lstrip("/")).resolve()
            if target.is_relative_to(site) and not target.name.startswith("_"):
                if target.is_dir():
                    target = target / "index.html"
                if target.is_file():
                    return 200, target
            return 404, site / "404.html"

        def log_message(self, *args):
            pass

    return Handler


@contextmanager
def serve(site: Path, headers: bool = True):
    """Serve `site` on a free port of 127.0.0.1; yields the base URL ending in /. Without `headers`, the
    host sends none of `_headers`, as GitHub Pages and GitLab Pages do."""
    site = Path(site).resolve()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, host_headers(site) if headers else []))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
