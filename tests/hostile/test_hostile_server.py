"""The dev server against hostile or malformed requests, sent byte for byte over raw sockets.

Every answer must be a whole HTTP response (status line, headers, a body as long as its
Content-Length, then the server closes the connection), and no handler may fail: the
standard library's `handle_error` would print the traceback to stderr, which is checked.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest

from generator.live.server import EVENTS, DevServer

SECRET = "do-not-serve"


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "site"
    (root / "sub" / ".hidden").mkdir(parents=True)
    (root / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (root / "404.html").write_text("<html><body>site 404 page</body></html>", encoding="utf-8")
    (root / "sub" / "x.html").write_text("<html><body>visible</body></html>", encoding="utf-8")
    (root / "sub" / ".hidden" / "x.html").write_text(f"<html><body>{SECRET}</body></html>", encoding="utf-8")
    (root / ".timeline-manifest").write_text(f'{{"{SECRET}": 1}}', encoding="utf-8")
    (root / ".nojekyll").write_text(SECRET, encoding="utf-8")
    server = DevServer("127.0.0.1", 0, root)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    yield server
    server.stop()
    thread.join(5)


def _exchange(server: DevServer, capfd, request: bytes, wait: float = 3.0) -> tuple[int, dict[str, str], bytes]:
    """Send `request`, read until the server closes, and check that no traceback was printed
    and that a whole response came back. Returns its status, headers (lower-cased names) and body."""
    data = b""
    deadline = time.monotonic() + wait
    with socket.create_connection(server.server_address[:2], timeout=wait) as conn:
        conn.sendall(request)
        while True:
            conn.settimeout(max(deadline - time.monotonic(), 0.01))
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                pytest.fail(f"the server did not close the connection within {wait}s; got {data[:300]!r}")
            if not chunk:
                break
            data += chunk
    err = capfd.readouterr().err
    assert "Traceback" not in err, err
    assert data, "the connection was dropped without an answer"
    head, sep, body = data.partition(b"\r\n\r\n")
    assert sep, f"incomplete headers: {data[:300]!r}"
    status_line, *lines = head.decode("latin-1").split("\r\n")
    version, status, _ = status_line.split(" ", 2)
    assert version.startswith("HTTP/")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status), headers, body


def _complete(headers: dict[str, str], body: bytes) -> None:
    assert "content-length" in headers and len(body) == int(headers["content-length"])


@pytest.mark.parametrize("path", [b"/%00", b"/sub/%00/x.html", b"/x.html%00.png", b"/a\x00b",
                                  b"/a%01b", b"/a%0d%0aSet-Cookie:%20x", b"/%1b[31m", b"/%7f", b"/%c2%85"])
def test_control_characters_are_a_bad_request(server, capfd, path):
    status, headers, body = _exchange(server, capfd, b"GET " + path + b" HTTP/1.0\r\n\r\n")
    assert status == 400
    _complete(headers, body)
    assert "set-cookie" not in headers


@pytest.mark.parametrize("path", [b"/%ff%fe", b"/%c3", b"/sub/%e1%ba.html", b"/%c0%af", b"/\xff\xfe"])
def test_invalid_percent_encoded_utf8_is_a_bad_request(server, capfd, path):
    status, headers, body = _exchange(server, capfd, b"GET " + path + b" HTTP/1.0\r\n\r\n")
    assert status == 400
    _complete(headers, body)


@pytest.mark.parametrize("path", ["/" + "a" * 300, "/sub/" + "b" * 300 + ".html", "/" + "%E1%BA%A1" * 100 + "/",
                                  "/x" * 3000], ids=["segment-300", "file-300", "utf8-segment-300", "path-6000"])
def test_names_too_long_for_the_file_system_get_the_404_page(server, capfd, path):
    status, headers, body = _exchange(server, capfd, f"GET {path} HTTP/1.0\r\n\r\n".encode())
    assert status == 404 and b"site 404 page" in body
    _complete(headers, body)


@pytest.mark.parametrize("path", ["/.timeline-manifest", "/.nojekyll", "/sub/.hidden/x.html", "/%2etimeline-manifest",
                                  "/sub/%2Ehidden/x.html", "/sub/.hidden/", "/sub/.hidden", "/sub/../.nojekyll"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_dotfiles_and_dot_folders_are_never_served(server, capfd, path, method):
    status, headers, body = _exchange(server, capfd, f"{method} {path} HTTP/1.0\r\n\r\n".encode())
    assert status == 404 and SECRET.encode() not in body
    if method == "GET":
        assert b"site 404 page" in body
        _complete(headers, body)
    else:
        assert body == b""
    # the visible neighbour is still served
    status, _, body = _exchange(server, capfd, b"GET /sub/x.html HTTP/1.0\r\n\r\n")
    assert status == 200 and b"visible" in body


def test_head_on_the_event_stream_sends_headers_only_and_ends(server, capfd):
    start = time.monotonic()
    status, headers, body = _exchange(server, capfd, f"HEAD {EVENTS} HTTP/1.0\r\n\r\n".encode(), wait=2.0)
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    assert body == b"" and time.monotonic() - start < 2.0


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW"])
@pytest.mark.parametrize("path", ["/", "/index.html", EVENTS, "/%00"])
def test_other_methods_are_refused_cleanly(server, capfd, method, path):
    request = f"{method} {path} HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello".encode()
    status, headers, body = _exchange(server, capfd, request)
    assert status in (405, 501)
    _complete(headers, body)


def test_a_client_that_goes_away_mid_answer_leaves_no_traceback(server, capfd):
    big = server.root / "big.bin"
    big.write_bytes(b"x" * 8_000_000)
    for _ in range(5):
        conn = socket.create_connection(server.server_address[:2], timeout=3)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset on close
        conn.sendall(b"GET /big.bin HTTP/1.0\r\n\r\n")
        conn.recv(1024)
        conn.close()
    time.sleep(0.5)
    status, _, body = _exchange(server, capfd, b"GET /sub/x.html HTTP/1.0\r\n\r\n")
    assert status == 200 and b"visible" in body        # and _exchange found no traceback on stderr
