"""The dev server, in process on port 0: what it serves, how, and that it stops cleanly."""
from __future__ import annotations

import http.client
import json
import socket
import threading
from pathlib import Path

import pytest

from generator.live.server import EVENTS, BuildStatus, DevServer, content_type, inject


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "events" / "a").mkdir(parents=True)
    (root / "static").mkdir()
    (root / "index.html").write_text("<!doctype html><html><body><p>Trang chủ</p></body></html>", encoding="utf-8")
    (root / "events" / "a" / "index.html").write_text("<html><body>Cuộc gặp</body></html>", encoding="utf-8")
    (root / "events" / "a" / "index.md").write_text("# Cuộc gặp\n", encoding="utf-8")
    (root / "404.html").write_text("<html><body>Không tìm thấy</body></html>", encoding="utf-8")
    (root / "static" / "style.css").write_text("body{}", encoding="utf-8")
    (root / "timeline.json").write_text("{}", encoding="utf-8")
    (root / "feed.xml").write_text("<feed/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return root


def _serve(root: Path, base_path: str = "/"):
    server = DevServer("127.0.0.1", 0, root, base_path)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    return server, thread


@pytest.fixture
def server(site):
    server, thread = _serve(site)
    yield server
    server.stop()
    thread.join(5)


def _get(server: DevServer, path: str, method: str = "GET"):
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    conn.request(method, path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.mark.parametrize("name, expected", [
    ("index.html", "text/html; charset=utf-8"), ("style.css", "text/css; charset=utf-8"),
    ("index.md", "text/markdown; charset=utf-8"), ("timeline.json", "application/json; charset=utf-8"),
    ("sitemap.xml", "application/xml; charset=utf-8"), ("feed.xml", "application/atom+xml; charset=utf-8"),
    ("robots.txt", "text/plain; charset=utf-8"), ("a.png", "image/png"), ("a.js", "text/javascript; charset=utf-8"),
    ("font.woff2", "font/woff2"), ("x.unknownext", "application/octet-stream"),
])
def test_content_types(name, expected):
    assert content_type(Path(name)) == expected


def test_serves_pages_with_the_reload_script_added(server, site):
    response, body = _get(server, "/")
    assert response.status == 200 and response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-store"
    assert int(response.getheader("Content-Length")) == len(body)
    text = body.decode("utf-8")
    assert "Trang chủ" in text and 'id="timeline-live-reload"' in text
    assert text.index("timeline-live-reload") < text.index("</body>")
    # the built file itself is untouched
    assert "timeline-live-reload" not in (site / "index.html").read_text(encoding="utf-8")
    response, body = _get(server, "/events/a/")
    assert response.status == 200 and "Cuộc gặp" in body.decode("utf-8")
    response, body = _get(server, "/events/a/index.md")
    assert response.getheader("Content-Type") == "text/markdown; charset=utf-8" and b"live-reload" not in body
    response, body = _get(server, "/static/style.css")
    assert body == b"body{}"


def test_head_has_headers_and_no_body(server):
    response, body = _get(server, "/", "HEAD")
    assert response.status == 200 and body == b"" and int(response.getheader("Content-Length")) > 0


def test_folder_without_slash_redirects(server):
    response, _ = _get(server, "/events/a")
    assert response.status == 301 and response.getheader("Location") == "/events/a/"


def test_unknown_path_gets_the_404_page(server):
    response, body = _get(server, "/events/nope/")
    assert response.status == 404 and "Không tìm thấy" in body.decode("utf-8")
    assert b"timeline-live-reload" in body          # it reloads too, when the page appears


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/events/../../secret.txt",
                                  "/static/..%2f..%2fsecret.txt", "//etc/passwd"])
def test_nothing_outside_the_output_folder(server, path):
    response, body = _get(server, path)
    assert response.status == 404 and b"outside" not in body


def test_base_path(site):
    server, thread = _serve(site, "/repo/")
    try:
        response, body = _get(server, "/repo/")
        assert response.status == 200 and "Trang chủ" in body.decode("utf-8")
        response, _ = _get(server, "/repo/static/style.css")
        assert response.status == 200
        response, _ = _get(server, "/")
        assert response.status == 302 and response.getheader("Location") == "/repo/"
        response, _ = _get(server, "/repo")
        assert response.getheader("Location") == "/repo/"
        response, body = _get(server, "/static/style.css")        # outside the base path
        assert response.status == 404 and "Không tìm thấy" in body.decode("utf-8")
        assert server.url.endswith("/repo/")
    finally:
        server.stop()
        thread.join(5)


def test_inject_places_the_script_before_body_end():
    assert inject(b"<p>x</p></body></html>", b"<s/>") == b"<p>x</p><s/></body></html>"
    assert inject(b"<p>x</p>", b"<s/>") == b"<p>x</p><s/>"


def test_reload_script_carries_the_state_safely(site):
    status = BuildStatus()
    status.update(False, [{"file": "a.txt", "message": "</script><script>alert(1)</script>"}])
    server = DevServer("127.0.0.1", 0, site, "/", status)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        _, body = _get(server, "/")
    finally:
        server.stop()
        thread.join(5)
    text = body.decode("utf-8")
    assert "<script>alert(1)" not in text and "\\u003c/script>" in text
    assert '"ok": false' in text


def _read_event(stream) -> dict:
    """The next `data:` message of an event stream."""
    while True:
        line = stream.readline()
        assert line, "stream closed"
        if line.startswith(b"data: "):
            return json.loads(line[6:])


def test_event_stream_sends_the_state_then_each_change(server):
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    conn.request("GET", EVENTS)
    response = conn.getresponse()
    assert response.getheader("Content-Type").startswith("text/event-stream")
    first = _read_event(response)
    assert first["ok"] and first["build"].endswith("-0")
    server.status.update(True, [])
    second = _read_event(response)
    assert second["build"].endswith("-1") and second["build"] != first["build"]
    server.status.update(False, [{"file": "themes/x/event.html", "message": "boom"}])
    third = _read_event(response)
    assert not third["ok"] and third["build"] == second["build"] and third["errors"][0]["message"] == "boom"
    server.status.update(False, [])                 # fixed, and nothing written: same build, no errors
    fourth = _read_event(response)
    assert fourth["ok"] and fourth["build"] == second["build"]
    conn.close()


def test_a_restarted_server_has_another_build_id():
    assert BuildStatus().state()["build"] != BuildStatus().state()["build"]


def test_stop_ends_open_streams_and_leaves_no_thread(site):
    before = set(threading.enumerate())
    server, thread = _serve(site)
    conns = []
    for _ in range(3):
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
        conn.request("GET", EVENTS)
        _read_event(conn.getresponse())
        conns.append(conn)
    _get(server, "/")
    server.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert set(threading.enumerate()) - before == set()
    for conn in conns:
        conn.close()


def test_port_in_use_is_an_os_error(site):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        with pytest.raises(OSError):
            DevServer("127.0.0.1", taken.getsockname()[1], site)
    finally:
        taken.close()


def test_a_request_is_answered_while_a_long_stream_is_open(server):
    streams = []
    for _ in range(8):                       # more than a browser's six per host
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
        conn.request("GET", EVENTS)
        _read_event(conn.getresponse())
        streams.append(conn)
    response, _ = _get(server, "/events/a/")
    assert response.status == 200
    for conn in streams:
        conn.close()


def test_folder_with_a_vietnamese_name_redirects_as_the_client_wrote_it(server, site):
    (site / "hạ-long").mkdir()
    (site / "hạ-long" / "index.html").write_text("<html><body>Vịnh</body></html>", encoding="utf-8")
    response, _ = _get(server, "/h%E1%BA%A1-long")
    assert response.status == 301 and response.getheader("Location") == "/h%E1%BA%A1-long/"
    response, body = _get(server, "/h%E1%BA%A1-long/")
    assert response.status == 200 and "Vịnh" in body.decode("utf-8")


def test_percent_encoded_names_and_query_strings(server, site):
    (site / "static" / "bản đồ.svg").write_text("<svg/>", encoding="utf-8")
    response, body = _get(server, "/static/b%E1%BA%A3n%20%C4%91%E1%BB%93.svg?v=2")
    assert response.status == 200 and body == b"<svg/>"
    response, body = _get(server, "/?utm=%00%ff")              # the query is not a path: never checked
    assert response.status == 200 and "Trang chủ" in body.decode("utf-8")


def test_dot_segments_inside_the_folder_still_resolve(server):
    response, body = _get(server, "/events/../static/style.css")
    assert response.status == 200 and body == b"body{}"
