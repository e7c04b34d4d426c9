"""`timeline serve` end to end: a real server process, a real browser, real edits on disk.

Each project is a throw-away folder (timeline.toml and content/ with copies of the seed
articles) in which `python -m generator serve` runs as a subprocess on a free
port, the way a user starts it. Playwright drives Debian's Chromium against it, offline (any
request to another origin is aborted), and the tests edit, add, break and delete files while
pages are open, then wait for the pages to change by themselves: live reload over Server-Sent
Events, the error overlay, the last good site kept while a build fails. At teardown the
server gets SIGINT (Ctrl-C) with a tab still open and must say "stopped" and exit 0 within 10 s.

Two servers per module: one at the root, shared by the tests that edit articles and themes
(each test puts back what it changed and waits for that rebuild, so the next one starts from
a quiet server), and one under a project subpath (`--base-url https://example.org/repo/`)
without a permalink register. Screenshots go to tests/artifacts/screenshots/.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from playwright.sync_api import expect

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds" / "articles"
DEV = DATA / "dev" / "articles"
SCREENSHOTS = Path(__file__).parent / "artifacts" / "screenshots"
SUBPATH = "https://example.org/repo/"
EVENTS = "/__timeline__/events"
TIMEOUT_MS = 15_000                      # for anything that waits on a rebuild and a reload
START_TIMEOUT = 30.0                     # seconds for the first build and the "Serving" line
STOP_TIMEOUT = 10.0                      # seconds from SIGINT to exit

# the seed with 'lần thứ 11 tại Hà Nội': its meeting's location is 'Hà Nội'
DIALOGUE = "001_35425930eadc2db0.txt"
# a development-corpus article with one meeting of its own (2021-06-22, Tô Lâm / Dominic Raab)
EXTRA = "01_baogialai-raab.txt"

# -- the server process --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _default_sigint() -> None:
    # A shell that starts a job in the background without job control makes it ignore SIGINT,
    # and the child would inherit that; a terminal's Ctrl-C reaches a process with the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Serve:
    """`timeline serve` running in `project`; its output lines, as they come."""

    def __init__(self, project: Path, *args: str, base_path: str = "/"):
        self.project, self.base_path = project, base_path
        self.content, self.output = project / "content", project / "site"
        self.lines: list[str] = []
        self._changed = threading.Condition()
        for attempt in range(3):          # the free port may be taken between the probe and the bind
            self.port = free_port()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "generator", "serve", "--host", "127.0.0.1", "--port", str(self.port), *args],
                cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                errors="replace", env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"},
                preexec_fn=_default_sigint)
            self.lines = []
            self._reader = threading.Thread(target=self._read, args=(self.proc,), daemon=True)
            self._reader.start()
            if self.wait_for(r"^Serving ", START_TIMEOUT, fail=False) is not None:
                break
            self.proc.kill()
            self.proc.wait(5)
            if attempt == 2 or "already in use" not in self.log():
                raise AssertionError(f"timeline serve did not start:\n{self.log()}")
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = self.origin + base_path
        assert f"at {self.base} (live reload on)" in self.log(), self.log()

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def log(self) -> str:
        with self._changed:
            return "\n".join(self.lines)

    def mark(self) -> int:
        """Where the log is now: wait_for(..., since=mark) looks only at later lines."""
        with self._changed:
            return len(self.lines)

    def wait_for(self, pattern: str, timeout: float = TIMEOUT_MS / 1000, since: int = 0, fail: bool = True):
        """The first output line from `since` on that matches `pattern` (a regex), waiting up to `timeout`."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines[since:]:
                    if regex.search(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    break
                self._changed.wait(min(left, 0.2))
        if fail:
            raise AssertionError(f"no line matching {pattern!r} after line {since} within {timeout} s; "
                                 f"the server said:\n{self.log()}")
        return None

    def rebuilt(self, since: int, timeout: float = TIMEOUT_MS / 1000) -> str:
        """The first rebuild line after `since` ('HH:MM:SS changed: … · …')."""
        return self.wait_for(r"^\d\d:\d\d:\d\d changed: ", timeout, since)

    def url(self, rel: str = "") -> str:
        return self.base + rel

    def timeline(self) -> dict:
        return json.loads((self.output / "timeline.json").read_text(encoding="utf-8"))

    def stop(self) -> None:
        """Ctrl-C: exit status 0 within STOP_TIMEOUT and 'stopped' as the last word."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                code = self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
                raise AssertionError(f"timeline serve did not stop within {STOP_TIMEOUT} s of SIGINT:\n{self.log()}")
        else:
            code = self.proc.returncode
        self._reader.join(5)
        assert code == 0, f"timeline serve exited with {code}:\n{self.log()}"
        assert self.lines and self.lines[-1] == "stopped", f"no 'stopped' at the end:\n{self.log()}"
        assert not re.search(r"^Traceback|^Exception in thread", self.log(), re.M), self.log()


def make_project(root: Path, settings: str = "") -> Path:
    """timeline.toml and content/ with the seed articles; no themes/ folder (a test makes one)."""
    content = root / "content"
    content.mkdir(parents=True)
    for f in sorted(SEEDS.iterdir()):
        shutil.copyfile(f, content / f.name)
    (root / "timeline.toml").write_text('title = "Dòng thời gian các cuộc gặp cấp cao"\n' + settings, encoding="utf-8")
    return root


def save_like_an_editor(path: Path, data: bytes) -> None:
    """Write a temporary file next to `path`, then rename it over `path` (atomic save)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def http(url: str) -> tuple[int, dict, bytes]:
    """(status, headers, body) of a GET, redirects not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


# -- fixtures --------------------------------------------------------------------------------------

def _serve(chromium, project: Path, *args: str, base_path: str = "/"):
    serve = Serve(project, *args, base_path=base_path)
    yield serve
    # Ctrl-C with a tab open: its reload stream must not keep the server alive
    context = None
    try:
        if serve.proc.poll() is None:
            context = chromium.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(serve.origin + "/")
                          else r.abort())
            page = context.new_page()
            with page.expect_request(lambda r: r.url.endswith(EVENTS), timeout=TIMEOUT_MS):
                page.goto(serve.url())
    finally:
        try:
            serve.stop()
        finally:
            if context is not None:
                context.close()


@pytest.fixture(scope="module")
def site(chromium, tmp_path_factory):
    """The shared server at the root of http://127.0.0.1:<port>/."""
    yield from _serve(chromium, make_project(tmp_path_factory.mktemp("serve-root")))


@pytest.fixture(scope="module")
def subsite(chromium, tmp_path_factory):
    """A server under /repo/, with no permalink register (a deleted meeting leaves no redirect)."""
    project = make_project(tmp_path_factory.mktemp("serve-subpath"), "permalinks = false\n")
    yield from _serve(chromium, project, "--base-url", SUBPATH, base_path="/repo/")


class Streams:
    """The reload streams of every page of a context: how many were asked for, how many were open
    at once at most (a stream ends when it finishes or fails, e.g. when its page reloads)."""

    def __init__(self):
        self.requests = 0
        self.open: set = set()
        self.most = 0

    def started(self, request) -> None:
        if request.url.endswith(EVENTS):
            self.requests += 1
            self.open.add(request)
            self.most = max(self.most, len(self.open))

    def ended(self, request) -> None:
        self.open.discard(request)


@pytest.fixture
def new_context(chromium):
    """new_context(serve) → (context, streams): offline (other origins aborted), default timeout 15 s."""
    contexts = []

    def make(serve: Serve, viewport: dict | None = None):
        context = chromium.new_context(viewport=viewport or {"width": 1280, "height": 800})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        outside: list[str] = []

        def route(r):
            if r.request.url.startswith(serve.origin + "/"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        streams = Streams()
        context.on("request", streams.started)
        context.on("requestfinished", streams.ended)
        context.on("requestfailed", streams.ended)
        context.outside = outside
        return context, streams

    yield make
    for c in contexts:
        c.close()


# -- helpers ---------------------------------------------------------------------------------------

def event_of(data: dict, article: str) -> dict:
    found = [e for e in data["events"] if any(s["file"] == article for s in e["sources"])]
    assert len(found) == 1, f"{article}: expected one meeting, got {[e['id'] for e in found]}"
    return found[0]


def open_page(context, url: str):
    """A new tab at `url` (status 200), once the reload client runs in it."""
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    page.wait_for_function("() => !!window.__timelineServed")
    return page


def mark(*pages) -> None:
    """Set a marker that only a reload (a new document) takes away."""
    for p in pages:
        p.evaluate("() => { window.__marker = 1; }")


def wait_reloaded(*pages) -> None:
    for p in pages:
        p.wait_for_function("() => window.__marker === undefined", timeout=TIMEOUT_MS)
        p.wait_for_load_state("load")


def wait_streaming(streams: Streams, context) -> None:
    """Until one reload stream is open (a tab holds the lock and listens)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not streams.open:
        assert time.monotonic() < deadline, "no tab opened a reload stream"
        context.pages[0].wait_for_timeout(50)     # lets Playwright deliver its events


def location_of(page) -> str:
    item = page.locator("main li").filter(has_text=re.compile(r"^\s*Địa điểm:"))
    expect(item).to_have_count(1)
    return item.inner_text().split(":", 1)[1].strip()


def total_on_home(page) -> int:
    intro = page.locator("main p").first.inner_text()      # 'Dòng thời gian 2020–2026: 6 cuộc gặp, …'
    m = re.search(r"(\d+)\s*cuộc gặp", intro)
    assert m, f"no total on the home page: {intro!r}"
    return int(m.group(1))


def meeting_links(page) -> list[str]:
    # the lists' links (the picture above them links to the same meetings: its marks are SVG links)
    return page.eval_on_selector_all("main a[href]:not(svg a)", """links => links.map(a => new URL(a.href).pathname)
        .filter(p => /\\/events\\/[^\\/]+\\/$/.test(p))""")


def replace_in(path: Path, old: str, new: str) -> bytes:
    """The file's bytes before; writes it back with `old` replaced (must be there) by `new`."""
    before = path.read_bytes()
    text = before.decode("utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: pick another edit"
    save_like_an_editor(path, text.replace(old, new).encode("utf-8"))
    return before


def put_back(serve: Serve, path: Path, data: bytes | None) -> None:
    """Restore a file (None: delete it) and wait for the rebuild, so the next test starts quiet."""
    if data is None and not path.exists() or data is not None and path.exists() and path.read_bytes() == data:
        return
    since = serve.mark()
    if data is None:
        path.unlink()
    else:
        save_like_an_editor(path, data)
    serve.rebuilt(since)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


# -- tests: the shared server at the root ----------------------------------------------------------

def test_an_edited_article_reloads_its_open_meeting_page(site, new_context):
    event = event_of(site.timeline(), DIALOGUE)
    assert event["location"] == "Hà Nội"
    context, _ = new_context(site)
    page = open_page(context, site.url(event["url"]))
    assert location_of(page) == "Hà Nội"
    served = page.evaluate("() => window.__timelineServed.build")

    article = site.content / DIALOGUE
    mark(page)
    since = site.mark()
    before = replace_in(article, "tại Hà Nội", "tại Đà Nẵng")      # saved by rename, as editors do
    try:
        wait_reloaded(page)
        line = site.rebuilt(since)
        assert f"{DIALOGUE} (" in line and "re-extracted 1 of 5 articles" in line, line
        assert location_of(page) == "Đà Nẵng"
        expect(page.locator("main blockquote").first).to_contain_text("lần thứ 11 tại Đà Nẵng")
        assert page.evaluate("() => window.__timelineServed.build") != served
        assert page.url == site.url(event["url"]), "the meeting kept its address"
        assert event_of(site.timeline(), DIALOGUE)["location"] == "Đà Nẵng"
        expect(page.locator("#timeline-error-overlay")).to_have_count(0)
        screenshot(page, "serve-event-after-live-reload.png")

        # and back: the page follows again
        mark(page)
        since = site.mark()
        save_like_an_editor(article, before)
        wait_reloaded(page)
        site.rebuilt(since)
        assert location_of(page) == "Hà Nội"
    finally:
        put_back(site, article, before)
    assert context.outside == []


def test_a_new_article_appears_on_the_open_home_page_and_goes_when_deleted(site, new_context):
    before = site.timeline()
    known = {e["id"] for e in before["events"]}
    context, _ = new_context(site)
    home = open_page(context, site.url())
    assert total_on_home(home) == len(before["events"])
    links = meeting_links(home)
    assert len(links) == len(before["events"])

    added = site.content / EXTRA
    mark(home)
    since = site.mark()
    shutil.copyfile(DEV / EXTRA, added)
    try:
        wait_reloaded(home)
        site.rebuilt(since)
        after = site.timeline()
        new = event_of(after, EXTRA)
        assert new["id"] not in known and len(after["events"]) == len(before["events"]) + 1
        expect(home.locator(f'main a[href="{new["url"]}"]:not(svg a)')).to_have_count(1)
        assert total_on_home(home) == len(before["events"]) + 1
        assert sorted(meeting_links(home)) == sorted(links + [urlsplit(site.url(new["url"])).path])
        assert http(site.url(new["url"]))[0] == 200

        mark(home)
        since = site.mark()
        added.unlink()
        wait_reloaded(home)
        line = site.rebuilt(since)
        assert f"{EXTRA} (deleted)" in line, line
    finally:
        put_back(site, added, None)
    expect(home.locator(f'main a[href="{new["url"]}"]:not(svg a)')).to_have_count(0)
    assert total_on_home(home) == len(before["events"])
    assert sorted(meeting_links(home)) == sorted(links)
    assert {e["id"] for e in site.timeline()["events"]} == known

    # only `timeline build` publishes and records addresses: a meeting that was only ever previewed
    # leaves no redirect behind, and the preview wrote no register
    assert http(site.url(new["url"]))[0] == 404
    assert http(site.url(new["url"] + "index.md"))[0] == 404
    assert not (site.project / "permalinks.json").exists() and not (site.content / "permalinks.json").exists()
    assert context.outside == []


def test_a_broken_template_shows_the_overlay_and_the_last_good_site_stays(site, new_context):
    event = event_of(site.timeline(), DIALOGUE)
    context, _ = new_context(site)
    page = open_page(context, site.url(event["url"]))
    home = open_page(context, site.url())
    title = page.locator("main h1").inner_text()
    served = page.evaluate("() => window.__timelineServed.build")
    good = http(site.url(event["url"]))
    assert good[0] == 200

    # the project's first theme override, made while serving: themes/ did not exist when it started
    themes = site.project / "themes"
    template = themes / "default" / "templates" / "event.html"
    assert not themes.exists()
    mark(page, home)
    since = site.mark()
    template.parent.mkdir(parents=True)
    template.write_text("{% extends 'base.html' %}\n{% if %}\n", encoding="utf-8")
    try:
        site.wait_for(r"^\d\d:\d\d:\d\d changed: .*build failed, nothing written", since=since)
        site.wait_for(r"^\d\d:\d\d:\d\d error: .*event\.html:2: TemplateSyntaxError", since=since)
        for p in (page, home):            # every open page
            overlay = p.locator("#timeline-error-overlay")
            expect(overlay).to_be_visible()
            expect(overlay).to_have_attribute("role", "alert")
            expect(overlay).to_contain_text("Build failed")
            expect(overlay).to_contain_text("event.html")
            expect(overlay).to_contain_text("TemplateSyntaxError")
        # the overlay is on top of the page, at the top of the window
        box = page.locator("#timeline-error-overlay").bounding_box()
        assert box and box["y"] == 0 and box["width"] >= 1280 - 1, box
        on_top = page.evaluate("""() => { const r = document.getElementById('timeline-error-overlay')
            .getBoundingClientRect(); const el = document.elementFromPoint(r.left + 20, r.top + 20);
            return !!el.closest('#timeline-error-overlay'); }""")
        assert on_top, "something covers the overlay"
        screenshot(page, "serve-error-overlay.png")

        # the last good site is still served, and a page opened now shows the overlay at once
        status, _, body = http(site.url(event["url"]))
        assert status == 200
        assert body.split(b'<script id="timeline-live-reload"')[0] == good[2].split(b'<script id="timeline-live-reload"')[0]
        assert page.locator("main h1").inner_text() == title
        assert page.evaluate("() => window.__marker") == 1, "the open page reloaded on a failed build"
        assert page.evaluate("() => window.__timelineServed.build") == served
        late = open_page(context, site.url(event["url"]))
        expect(late.locator("#timeline-error-overlay")).to_contain_text("event.html")
        expect(late.locator("main h1")).to_have_text(title)

        # the overlay can be hidden by hand
        home.get_by_role("button", name="Hide").click()
        expect(home.locator("#timeline-error-overlay")).to_be_hidden()

        since = site.mark()
        template.unlink()                 # fixed: the packaged template is used again
        line = site.rebuilt(since)
        assert "build failed" not in line, line
    finally:
        if template.exists():
            put_back(site, template, None)
    for p in (page, home, late):
        expect(p.locator("#timeline-error-overlay")).to_have_count(0)
        expect(p.locator("main h1")).to_be_visible()
    expect(page.locator("main h1")).to_have_text(title)
    assert context.outside == []


def test_an_unreadable_article_shows_the_overlay_until_it_is_fixed(site, new_context):
    event = event_of(site.timeline(), DIALOGUE)
    context, _ = new_context(site)
    page = open_page(context, site.url(event["url"]))
    title = page.locator("main h1").inner_text()

    article = site.content / DIALOGUE
    good = article.read_bytes()
    since = site.mark()
    article.write_bytes(b"\xff\xfe")
    try:
        site.rebuilt(since)
        site.wait_for(rf"^\d\d:\d\d:\d\d error: {re.escape(DIALOGUE)}: ", since=since)
        overlay = page.locator("#timeline-error-overlay")
        expect(overlay).to_be_visible()
        expect(overlay).to_contain_text(DIALOGUE)
        expect(overlay).to_contain_text("UTF-8")
        # the meeting stays (its last good version) on the open page and on the server
        expect(page.locator("main h1")).to_have_text(title)
        status, _, body = http(site.url(event["url"]))
        assert status == 200 and title.encode() in body
        assert event_of(site.timeline(), DIALOGUE)["id"] == event["id"]

        since = site.mark()
        save_like_an_editor(article, good)
        site.rebuilt(since)
    finally:
        put_back(site, article, good)
    expect(page.locator("#timeline-error-overlay")).to_have_count(0)
    expect(page.locator("main h1")).to_have_text(title)
    assert context.outside == []


def test_ten_tabs_all_reload_on_one_stream(site, new_context):
    data = site.timeline()
    urls = ([""] + [e["url"] for e in data["events"]] + [o["url"] for o in data["officials"]]
            + ["officials/"] + [f"years/{y}/" for y in (2020, 2021, 2026)])[:10]
    assert len(set(urls)) == 10
    context, streams = new_context(site)
    pages = [open_page(context, site.url(u)) for u in urls]
    wait_streaming(streams, context)
    assert streams.most == 1, f"{streams.most} reload streams open at once for 10 tabs before any edit"

    article = site.content / DIALOGUE
    good = article.read_bytes()
    try:
        for old, new in (("tại Hà Nội", "tại Huế"), ("tại Huế", "tại Hà Nội")):   # twice: after the hand-over too
            mark(*pages)
            since = site.mark()
            replace_in(article, old, new)
            wait_reloaded(*pages)
            site.rebuilt(since)
            assert [urlsplit(p.url).path for p in pages] == [urlsplit(site.url(u)).path for u in urls]
            wait_streaming(streams, context)
            dialogue = pages[urls.index(event_of(data, DIALOGUE)["url"])]
            assert location_of(dialogue) == new.split(" ", 1)[1]
    finally:
        put_back(site, article, good)
    assert streams.most <= 2, f"{streams.most} reload streams open at once for 10 tabs"
    assert len(streams.open) == 1
    # one stream at first, then one or two per rebuild while the lock passes between reloading tabs
    assert streams.requests < len(pages), f"{streams.requests} reload streams asked for over two rebuilds"
    assert context.outside == []


# -- tests: under a subpath ------------------------------------------------------------------------

def test_under_a_subpath(subsite, new_context):
    data = subsite.timeline()
    context, _ = new_context(subsite)
    responses: list[tuple[str, int]] = []
    context.on("response", lambda r: responses.append((r.url, r.status)))
    page = open_page(context, subsite.origin + "/repo/")
    assert page.url == subsite.url()

    first = page.locator('main a[href^="events/"]:not(svg a)').first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(subsite.url(href))
    event = next(e for e in data["events"] if e["url"] == href)
    expect(page.locator("main h1")).to_have_text(event["title"])
    css = [(u, s) for u, s in responses if urlsplit(u).path == "/repo/static/style.css"]
    assert css and all(s == 200 for _, s in css), css
    rules = page.evaluate("""() => [...document.styleSheets].filter(s => /static\\/style\\.css/.test(s.href))
        .map(s => s.cssRules.length)""")
    assert rules and all(n > 0 for n in rules), rules

    # the root and the bare base path lead to the site
    for path in ("/", "/repo"):
        status, headers, _ = http(subsite.origin + path)
        assert status in (301, 302) and headers.get("Location") == "/repo/", (path, status, headers)
    root = context.new_page()
    root.goto(subsite.origin + "/")
    assert root.url == subsite.url()
    expect(root.locator("body")).to_have_class(re.compile(r"\bhome\b"))

    # an unknown address under the base: the site's own 404 page, status 404, styled
    missing = context.new_page()
    response = missing.goto(subsite.url("nope/deeper/"))
    assert response is not None and response.status == 404
    expect(missing.locator("main h1")).to_have_text("Không tìm thấy trang")
    rules = missing.evaluate("""() => [...document.styleSheets].filter(s => /static\\/style\\.css/.test(s.href))
        .map(s => s.cssRules.length)""")
    assert rules and all(n > 0 for n in rules), f"the 404 page is not styled: {rules}"
    assert http(subsite.origin + "/elsewhere/")[0] == 404
    assert context.outside == []


def test_a_deleted_meeting_answers_404_without_a_register(subsite, new_context):
    assert not (subsite.content / "permalinks.json").exists()
    context, _ = new_context(subsite)
    home = open_page(context, subsite.url())
    count = total_on_home(home)

    added = subsite.content / EXTRA
    mark(home)
    since = subsite.mark()
    shutil.copyfile(DEV / EXTRA, added)
    try:
        wait_reloaded(home)
        subsite.rebuilt(since)
        new = event_of(subsite.timeline(), EXTRA)
        assert total_on_home(home) == count + 1
        link = home.locator(f'main a[href="{new["url"]}"]:not(svg a)')
        expect(link).to_have_count(1)
        link.click()
        home.wait_for_url(subsite.url(new["url"]))
        page = home
        expect(page.locator("main h1")).to_have_text(new["title"])
        page.wait_for_function("() => !!window.__timelineServed")

        # the open meeting page reloads into the 404 page when its article goes
        mark(page)
        since = subsite.mark()
        added.unlink()
        wait_reloaded(page)
        subsite.rebuilt(since)
    finally:
        put_back(subsite, added, None)
    expect(page.locator("main h1")).to_have_text("Không tìm thấy trang")
    assert page.url == subsite.url(new["url"])
    assert page.request.get(page.url).status == 404
    assert not (subsite.output / new["url"]).exists()
    assert context.outside == []


def test_a_changed_setting_reloads_the_open_pages(subsite, new_context):
    settings = subsite.project / "timeline.toml"
    context, _ = new_context(subsite)
    home = open_page(context, subsite.url())
    old_title = home.locator("main h1").inner_text()
    assert old_title == "Dòng thời gian các cuộc gặp cấp cao"

    mark(home)
    since = subsite.mark()
    before = replace_in(settings, f'title = "{old_title}"', 'title = "Các cuộc gặp (bản thử)"')
    try:
        wait_reloaded(home)
        subsite.rebuilt(since)
        expect(home.locator("main h1")).to_have_text("Các cuộc gặp (bản thử)")
        assert "Các cuộc gặp (bản thử)" in home.title()
        assert home.url == subsite.url(), "the --base-url given on the command line still applies"

        mark(home)
        since = subsite.mark()
        save_like_an_editor(settings, before)
        wait_reloaded(home)
        subsite.rebuilt(since)
    finally:
        put_back(subsite, settings, before)
    expect(home.locator("main h1")).to_have_text(old_title)
    assert context.outside == []


# -- last: what was written ------------------------------------------------------------------------

def test_built_files_never_carry_the_live_reload_script(site, subsite):
    for serve in (site, subsite):
        status, _, body = http(serve.url())
        assert status == 200 and b'<script id="timeline-live-reload"' in body, "the server adds it to what it serves"
        files = [p for p in serve.output.rglob("*") if p.is_file()]
        assert len(files) > 20
        for needle in (b"timeline-live-reload", b"__timeline__"):
            found = [str(p.relative_to(serve.output)) for p in files if needle in p.read_bytes()]
            assert found == [], f"{needle.decode()} written into {found}"


def test_search_works_in_the_dev_server_and_follows_an_edit(subsite, new_context):
    """The index is made after each build, beside the reload (serve does not wait for it): a word a
    save brings in is found once the log says the index was updated; under /repo/ too."""
    subsite.wait_for(r"search index updated")
    context, _ = new_context(subsite)
    page = open_page(context, subsite.url("search/?q=to+lam"))
    results = page.locator("#search-results li a")
    expect(results.first).to_be_visible()
    assert all(h.startswith(subsite.base) for h in results.evaluate_all("links => links.map(a => a.href)"))

    article = subsite.content / DIALOGUE
    since = subsite.mark()
    before = replace_in(article, "tại Hà Nội", "tại Quy Nhơn")
    try:
        subsite.rebuilt(since)
        subsite.wait_for(r"search index updated", since=since)
        page.goto(subsite.url("search/?q=quy+nhon"))
        expect(results.first).to_be_visible()
        assert any("/events/" in h for h in results.evaluate_all("links => links.map(a => a.href)"))
    finally:
        put_back(subsite, article, before)
    assert context.outside == []
