"""watch and serve: the rebuild loop in process, and the commands as a user runs them."""
from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.config import ConfigError, SiteConfig, load_config
from generator.live.dev import DevLoop, Session
from generator.live.server import BuildStatus

DATA = Path(__file__).parent / "data"
SEED = "001_35425930eadc2db0.txt"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    (tmp_path / "timeline.toml").write_text('title = "Thử"\n', encoding="utf-8")
    return tmp_path


def _wait(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _build_lines(log) -> list[str]:
    """The log's lines about builds (the search index, made after each on a thread of its own, says its own)."""
    return [line for line in log.getvalue().splitlines() if "search index" not in line]


@pytest.fixture
def loop(project):
    config_file = project / "timeline.toml"
    status, log = BuildStatus(), io.StringIO()
    session = Session(lambda: load_config(config_file), config_file, quiet=0.05, cap=0.5)
    dev = DevLoop(session, load_config(config_file), status, log)
    dev.start()
    yield dev, status, log
    dev.stop()


def test_an_edit_rebuilds_once_and_tells_the_pages(loop, project):
    dev, status, log = loop
    assert dev.builds == 1 and status.state()["build"].endswith("-1")
    article = project / "content" / SEED
    tmp = article.with_name(".tmp-save")
    tmp.write_text(article.read_text(encoding="utf-8").replace("tại Hà Nội", "tại Đà Nẵng"), encoding="utf-8")
    os.replace(tmp, article)
    assert _wait(lambda: status.state()["build"].endswith("-2"))
    time.sleep(0.3)
    assert dev.builds == 2                                   # one save, one build
    line = _build_lines(log)[-1]
    assert SEED in line and "re-extracted 1 of 5 articles" in line and " s" in line
    assert "Đà Nẵng" in "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))


def test_a_burst_is_one_build(loop, project):
    dev, status, _ = loop
    for i in range(40):
        shutil.copy(project / "content" / SEED, project / "content" / f"copy-{i}.txt")
    assert _wait(lambda: dev.builds >= 2)
    time.sleep(0.6)
    assert dev.builds == 2


def test_side_files_and_the_build_itself_trigger_nothing(loop, project):
    dev, status, _ = loop
    (project / "content" / f"{SEED}.swp").write_bytes(b"x")
    (project / "content" / "4913").write_bytes(b"")
    (project / "content" / f"{SEED}~").write_text("x", encoding="utf-8")
    time.sleep(0.5)
    assert dev.builds == 1
    # the output, the cache and the permalink register are written by builds: never a cause of one
    (project / "site" / "index.html").write_text("x", encoding="utf-8")
    (project / "content" / "permalinks.json").touch()
    time.sleep(0.5)
    assert dev.builds == 1


def test_settings_change_and_a_broken_settings_file(loop, project):
    dev, status, log = loop
    (project / "timeline.toml").write_text('title = "Tiêu đề mới"\n', encoding="utf-8")
    assert _wait(lambda: "Tiêu đề mới" in (project / "site" / "index.html").read_text(encoding="utf-8"))
    (project / "timeline.toml").write_text('title = \n', encoding="utf-8")
    assert _wait(lambda: not status.state()["ok"])
    assert "timeline.toml" in status.state()["errors"][0]["file"]
    assert "Tiêu đề mới" in (project / "site" / "index.html").read_text(encoding="utf-8")
    (project / "timeline.toml").write_text('title = "Lại"\n', encoding="utf-8")
    assert _wait(lambda: status.state()["ok"])


def test_a_theme_error_keeps_the_site_and_is_reported(loop, project):
    dev, status, log = loop
    before = (project / "site" / "index.html").read_bytes()
    templates = project / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    # the themes folder did not exist when watching began: its creation is seen, and it is watched from then on
    (templates / "home.html").write_text("{% if %}", encoding="utf-8")
    assert _wait(lambda: not status.state()["ok"])
    assert "home.html" in status.state()["errors"][0]["file"]
    assert (project / "site" / "index.html").read_bytes() == before
    assert "error:" in log.getvalue()
    time.sleep(0.3)
    (templates / "home.html").unlink()
    assert _wait(lambda: status.state()["ok"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _wait_for_line(process: subprocess.Popen, word: str) -> str:
    seen = []
    for line in process.stdout:
        seen.append(line)
        if word in line:
            return "".join(seen)
    raise AssertionError(f"no {word!r} in {''.join(seen)!r}; stderr: {process.stderr.read()}")


@pytest.mark.parametrize("command", ["watch", "serve"])
def test_ctrl_c_stops_cleanly(project, command):
    args = [command] + (["--port", str(_free_port())] if command == "serve" else [])
    process = _start(project, *args)
    _wait_for_line(process, "Watching" if command == "watch" else "Serving")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_port_in_use_is_a_clear_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _start(project, "serve", "--port", str(port))
        out, err = process.communicate(timeout=20)
    assert process.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in err and "--port" in err and "Traceback" not in err


def test_serve_takes_the_build_options(project, tmp_path):
    port = _free_port()
    process = _start(project, "serve", "--port", str(port), "--content", "content", "--output", str(tmp_path / "out"),
                     "--base-url", "https://example.org/repo/")
    try:
        banner = _wait_for_line(process, "Serving")
        assert f"http://127.0.0.1:{port}/repo/" in banner
        assert (tmp_path / "out" / "index.html").is_file()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)


def test_serve_refuses_overlapping_folders(project):
    process = _start(project, "serve", "--output", "content/site")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2 and "overlap" in err


def test_pages_are_answered_and_never_missing_while_a_rebuild_rewrites_them(tmp_path):
    """A theme change rewrites every page; meanwhile every page keeps answering 200, without waiting for the build."""
    import http.client

    from generator.live.server import DevServer
    content = tmp_path / "content"
    content.mkdir()
    for corpus in ("seeds", "dev", "synthetic_a", "synthetic_b"):
        for f in (DATA / corpus / "articles").iterdir():
            shutil.copy(f, content / f"{corpus}-{f.name}")
    config = SiteConfig(content_dir=content, output_dir=tmp_path / "site", root=tmp_path)
    server = DevServer("127.0.0.1", 0, config.output)
    dev = DevLoop(Session(lambda: config, None, quiet=0.05, cap=0.5), config, server.status, io.StringIO())
    serving = threading.Thread(target=server.serve_forever, args=(0.05,))
    dev.start()
    serving.start()
    pages = sorted("/" + p.relative_to(config.output).as_posix() for p in config.output.rglob("index.html"))
    assert len(pages) > 100
    failures, slowest, done = [], [0.0], threading.Event()

    def hammer():
        while not done.is_set():
            for path in pages:
                conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
                started = time.monotonic()
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                slowest[0] = max(slowest[0], time.monotonic() - started)
                if response.status != 200:
                    failures.append((path, response.status))
                conn.close()
    client = threading.Thread(target=hammer)
    try:
        client.start()
        template = tmp_path / "themes" / "default" / "templates" / "base.html"
        template.parent.mkdir(parents=True)
        original = (Path(__file__).parent.parent / "themes" / "default" / "templates" / "base.html").read_text(encoding="utf-8")
        template.write_text(original.replace("</body>", "<!-- changed --></body>"), encoding="utf-8")
        assert _wait(lambda: dev.builds >= 2, timeout=60)
        assert _wait(lambda: "<!-- changed -->" in (config.output / pages[-1].lstrip("/")).read_text(encoding="utf-8"))
    finally:
        done.set()
        client.join(30)
        dev.stop()
        server.stop()
        serving.join(5)
    assert failures == []
    assert slowest[0] < 3.0, f"a request waited {slowest[0]:.2f} s during the rebuild"
    last = _build_lines(dev.log)[-1]
    assert "themes" in last and "re-extracted 0 of" in last  # a theme change: nothing extracted again


@pytest.mark.skipif(__import__("generator.site.search", fromlist=["available"]).available() is not None,
                    reason="the pagefind binary is not installed")
def test_the_search_index_is_made_after_the_build_on_its_own_thread(loop, project):
    dev, status, log = loop
    assert _wait(lambda: "search index updated" in log.getvalue(), timeout=30)
    bundle = project / "site" / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    lines = log.getvalue().splitlines()
    assert "search index updated" not in lines[0]            # the build's line comes first: it did not wait
    assert not (project / "site" / ".pagefind-new").exists()


def test_the_dev_server_shows_the_review_at_a_private_address_never_written_to_the_site(tmp_path):
    import http.client

    from generator.live.dev import DevLoop, Session
    from generator.live.server import REVIEW, DevServer
    content = tmp_path / "content"
    shutil.copytree(DATA / "dev" / "articles", content)
    config = SiteConfig(content_dir=content, output_dir=tmp_path / "site", root=tmp_path, search=False)
    server = DevServer("127.0.0.1", 0, config.output)
    dev = DevLoop(Session(lambda: config, None, quiet=0.05, cap=0.5), config, server.status, io.StringIO())
    server.review = dev.review
    serving = threading.Thread(target=server.serve_forever, args=(0.05,))
    try:
        dev.start()
        serving.start()
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
        conn.request("GET", REVIEW)
        response = conn.getresponse()
        page = response.read().decode("utf-8")
        assert response.status == 200 and "text/html" in response.getheader("Content-Type")
        assert "undated-to-lam-vuong-tieu-hong" in page and 'date = &quot;YYYY-MM-DD&quot;' in page
        assert '<a href="/events/' in page                           # links to the pages it names
        assert not any("review" in p.name for p in config.output.rglob("*"))
    finally:
        dev.stop()
        server.stop()
        serving.join(5)


def test_saving_corrections_rebuilds_and_the_page_shows_the_correction(loop, project):
    dev, status, log = loop
    meeting = project / "site" / "events" / "2020-10-30-to-lam-mike-pompeo" / "index.html"
    assert "Biên tập viên đã sửa" not in meeting.read_text(encoding="utf-8")
    (project / "corrections.toml").write_text('[[meeting]]\nid = "2020-10-30-to-lam-mike-pompeo"\nkind = "talks"\n'
                                              'reason = "Called talks by the ministry"\n', encoding="utf-8")
    assert _wait(lambda: status.state()["build"].endswith("-2"))
    assert "loại cuộc gặp (Called talks by the ministry)" in meeting.read_text(encoding="utf-8")
    assert dev.builds == 2
