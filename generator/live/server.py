"""The dev server: the output folder over HTTP, with live reload and an error overlay.

Standard library only (`ThreadingHTTPServer`), one thread per request, HTTP/1.0 so no
connection outlives its request except the reload stream. It serves files of the output
folder and nothing else (paths are resolved and must stay inside it), under the base
URL's path (`/repo/` for `https://user.github.io/repo/`), with the site's 404 page for
unknown paths. Dotfiles and dot-folders (`.timeline-manifest`, `.nojekyll`) are never served:
404. A path that is not percent-encoded UTF-8 or holds a control character gets 400; one the
file system refuses (a name too long) is not there: 404. Methods other than GET and HEAD: 501.

Live reload: HTML responses get a small script, added when served and never written to
the built files. Every open page learns of new builds through Server-Sent Events at
`/__timeline__/events`. So that ten open tabs do not use up the browser's six connections
per host, one tab (the holder of a Web Lock) keeps the only stream and passes its messages
to the others over a BroadcastChannel; without Web Locks (plain http on a LAN address
is not a secure context) a tab keeps its stream only while it is visible. A message carries
the build id (a server token plus a counter bumped when a build changed files) and the
last build's errors: a page reloads when the id is not the one it was served with, shows
the errors in an overlay while there are any, and hides it when they are gone.
"""
from __future__ import annotations

import json
import mimetypes
import re
import secrets
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote_to_bytes

EVENTS = "/__timeline__/events"
REVIEW = "/__timeline__/review"          # timeline review's checklist, for the editor: never written to the site
_KEEPALIVE = 15.0          # seconds between comments on an idle stream (finds closed connections)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")    # C0, DEL and C1: never in a file name worth serving

_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
    ".xml": "application/xml", ".md": "text/markdown", ".txt": "text/plain", ".svg": "image/svg+xml",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff", ".pdf": "application/pdf",
}
_TEXT = ("text/", "application/json", "application/xml", "image/svg+xml", "application/javascript")


def content_type(path: Path) -> str:
    kind = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.name == "feed.xml":
        kind = "application/atom+xml"
    return kind + "; charset=utf-8" if kind.startswith(_TEXT) or kind.endswith("+xml") else kind


class BuildStatus:
    """What the browser is told: the current build id and the last build's errors."""

    def __init__(self):
        self.token = secrets.token_hex(4)      # a restarted server has another: pages reload
        self.count = 0
        self.errors: list[dict] = []
        self.closed = False
        self._changed = threading.Condition()
        self.version = 0                       # bumped on every update, for waiting streams

    def state(self) -> dict:
        with self._changed:
            return {"build": f"{self.token}-{self.count}", "ok": not self.errors, "errors": list(self.errors)}

    def update(self, site_changed: bool, errors: list[dict]) -> None:
        with self._changed:
            if site_changed:
                self.count += 1
            self.errors = errors
            self.version += 1
            self._changed.notify_all()

    def wait(self, version: int, timeout: float) -> int:
        """Block until the status is newer than `version`, `timeout` passes, or the server closes."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != version or self.closed, timeout)
            return self.version

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


_SCRIPT = Path(__file__).with_name("live_reload.js")


def reload_snippet(state: dict) -> bytes:
    """The script added to served HTML: the page's own build state, then the client."""
    data = json.dumps(state, ensure_ascii=True).replace("<", "\\u003c")
    return (f'<script id="timeline-live-reload" data-events="{EVENTS}">window.__timelineServed = {data};\n'
            + _SCRIPT.read_text(encoding="utf-8") + "</script>\n").encode("utf-8")


def inject(html: bytes, snippet: bytes) -> bytes:
    at = html.rfind(b"</body>")
    return html + snippet if at < 0 else html[:at] + snippet + html[at:]


def review_page(items, base: str) -> str:
    """The review's checklist as a page with links to the pages it names (None: no build yet)."""
    from html import escape
    rows = []
    for item in items or []:
        folder = "officials" if item.target == "official" else "events"
        link = f'<a href="{escape(base)}{folder}/{escape(item.id)}/">{escape(item.id)}</a>' \
            if not item.id.startswith("undated-") else escape(item.id)
        rows.append(f"<li><p>[{item.priority}] {escape(item.kind)} {link}: {escape(item.message)}</p>"
                    + (f"<p>{escape(item.evidence)}</p>" if item.evidence else "")
                    + f"<pre>{escape(item.snippet)}</pre></li>")
    said = "no build yet" if items is None else f"{len(rows)} items" if rows else "nothing to review"
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>timeline review</title>'
            '<meta name="robots" content="noindex"></head><body><main><h1>timeline review</h1>'
            f"<p>{said}; paste a correction into corrections.toml and fill in its reason.</p>"
            f"<ol>{''.join(rows)}</ol></main></body></html>")


class DevServer(ThreadingHTTPServer):
    daemon_threads = False       # server_close() joins every request thread: none is left behind
    block_on_close = True

    def __init__(self, host: str, port: int, root: Path, base_path: str = "/", status: BuildStatus | None = None):
        self.review = None          # () -> the review's items of the last build (the dev loop sets it)
        self.root = root.resolve()
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.status = status or BuildStatus()
        self._open: set[socket.socket] = set()         # connections being handled, for stop()
        self._open_lock = threading.Lock()
        super().__init__((host, port), _Handler)

    def process_request(self, request, client_address):
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return                     # a tab closed or a client stalled mid-answer: nothing to report
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}{self.base_path}"

    def stop(self) -> None:
        """Stop serving, end open reload streams and wait for every request thread."""
        self.status.close()
        self.shutdown()
        with self._open_lock:          # a browser's idle pre-opened connection would hold its thread until timeout
            for request in self._open:
                try:
                    request.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self.server_close()


def _servable(root: Path, path: Path) -> bool:
    """Inside the output folder once links are resolved, and no part of it hidden: dotfiles
    are the build's bookkeeping (`.timeline-manifest`), not the site."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    return not any(part.startswith(".") for part in parts)


class _Handler(BaseHTTPRequestHandler):
    server: DevServer
    protocol_version = "HTTP/1.0"
    timeout = 30                 # a client that sends nothing cannot hold a thread for ever

    def log_message(self, format, *args):   # noqa: A002 - the terminal shows rebuilds, not requests
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        raw = self.path.partition("?")[0]
        try:    # http.server read the request line as latin-1: back to its bytes, then strict UTF-8
            path = unquote_to_bytes(raw.encode("latin-1")).decode("utf-8")
        except UnicodeError:
            path = None
        if path is None or _CONTROL.search(path):      # no file has such a name, and NUL breaks os calls
            return self.send_error(HTTPStatus.BAD_REQUEST)
        if path == EVENTS:
            return self._events(head)
        if path == REVIEW:
            return self._review(head)
        base = self.server.base_path
        if not path.startswith(base):
            if path in ("/", base.rstrip("/")):
                return self._redirect(base)
            return self._not_found(head)
        root, folder, body = self.server.root, False, None
        try:
            target = (root / path[len(base):].lstrip("/")).resolve()
            folder = _servable(root, target) and target.is_dir()
            if folder:
                target = (target / "index.html").resolve()
            if _servable(root, target) and target.is_file():
                body = target.read_bytes()
        except (OSError, ValueError):           # a name too long, a loop of links: what cannot be read is not there
            body = None
        if folder and not path.endswith("/"):
            return self._redirect(raw + "/")    # as the client wrote it: a decoded name may not fit a latin-1 header
        if body is None:
            return self._not_found(head)
        self._send(HTTPStatus.OK, target, body, head)

    def _send(self, status: HTTPStatus, target: Path, body: bytes, head: bool) -> None:
        kind = content_type(target)
        if kind.startswith("text/html"):
            body = inject(body, reload_snippet(self.server.status.state()))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _review(self, head: bool) -> None:
        items = self.server.review() if self.server.review else None
        body = review_page(items, self.server.base_path).encode("utf-8")
        self._send(HTTPStatus.OK, Path("review.html"), body, head)

    def _not_found(self, head: bool) -> None:
        page = self.server.root / "404.html"
        try:
            body = page.read_bytes()
        except OSError:
            body = b"<!doctype html><title>404</title><h1>404 Not Found</h1></html>"
        self._send(HTTPStatus.NOT_FOUND, page, body, head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY if location.endswith("/") and location != self.server.base_path
                           else HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _events(self, head: bool) -> None:
        status = self.server.status
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if head:
            return
        version = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not status.closed:
                now = status.wait(version, _KEEPALIVE) if version >= 0 else status.version
                if status.closed:
                    break
                if now != version:
                    version = now
                    self.wfile.write(f"data: {json.dumps(status.state(), ensure_ascii=True)}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass                     # the tab went away
