"""End to end in a real browser: Playwright driving Debian's Chromium over a local HTTP server.

The seed articles are built once per module at the root ('/') and under a project subpath
('https://example.org/repo/', served at http://127.0.0.1:<port>/repo/ with the site's 404.html
for unknown paths, as GitHub Pages does). Every request the pages make to another origin is
aborted and reported, so the tests run offline. Screenshots go to tests/artifacts/screenshots/.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

try:
    from linkcheck import build_site, check_site, copy_seeds, format_broken
except ImportError:      # pytest's default 'prepend' import mode puts tests/ on sys.path; other modes may not
    sys.path.insert(0, str(Path(__file__).parent))
    from linkcheck import build_site, check_site, copy_seeds, format_broken

from playwright.sync_api import Page, expect

SUBPATH = "https://example.org/repo/"
SCREENSHOTS = Path(__file__).parent / "artifacts" / "screenshots"
TIMEOUT_MS = 10_000
DESKTOP, PHONE = {"width": 1280, "height": 800}, {"width": 390, "height": 844}


# -- serving the site ------------------------------------------------------------------------------

class SiteHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix` ('/' or '/repo/'); anything else, and any missing file,
    gets the site's 404.html with status 404. Folders without index.html are not listed."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        p = unquote(urlsplit(path).path)
        if p + "/" == self.prefix:
            p = self.prefix                      # '/repo' → the folder; the base class redirects to '/repo/'
        if not p.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-base-path" / "missing")   # → 404
        return super().translate_path("/" + p[len(self.prefix):])

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):    # quiet
        pass


class Server:
    def __init__(self, site: Path, prefix: str = "/"):
        handler = type("Handler", (SiteHandler,), {"prefix": prefix})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + prefix          # where the home page is
        self.site = site
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, rel: str = "") -> str:
        return self.base + rel

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def timeline_of(site: Path) -> dict:
    return json.loads((site / "timeline.json").read_text(encoding="utf-8"))


# -- fixtures --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def root_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-root")
    server = Server(build_site(copy_seeds(tmp / "content"), tmp / "site"), "/")
    yield server
    server.close()


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-subpath")
    server = Server(build_site(copy_seeds(tmp / "content"), tmp / "site", base_url=SUBPATH), "/repo/")
    yield server
    server.close()


class Watch:
    """What a page asked for: every response, failed requests, requests to other origins (aborted)."""

    def __init__(self):
        self.responses: list[tuple[str, int]] = []
        self.failed: list[str] = []
        self.external: list[str] = []

    def errors(self) -> list[tuple[str, int]]:
        return [(u, s) for u, s in self.responses if s >= 400]


@pytest.fixture
def open_page(chromium):
    """open_page(server, viewport=None) → (page, watch), in a fresh context (no cache, no history)."""
    contexts = []

    def make(server: Server, viewport: dict | None = None) -> tuple[Page, Watch]:
        context = chromium.new_context(viewport=viewport or DESKTOP)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        watch = Watch()

        def route(r):
            if r.request.url.startswith(server.origin + "/"):
                r.continue_()
            else:
                watch.external.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        page = context.new_page()
        page.on("response", lambda resp: watch.responses.append((resp.url, resp.status)))
        page.on("requestfailed", lambda req: watch.failed.append(f"{req.url} ({req.failure})"))
        return page, watch

    yield make
    for c in contexts:
        c.close()


# -- helpers ---------------------------------------------------------------------------------------

def h1(page: Page) -> str:
    return " ".join(page.locator("main h1").first.inner_text().split())


def year_section_links(page: Page, year: int) -> list[dict]:
    """The links to meetings in the home page's section of `year`: after the h2 that starts with the
    year, up to the next h2 (or inside the h2's own section element when the theme wraps it)."""
    return page.evaluate("""(year) => {
        const heading = [...document.querySelectorAll('main h2')]
            .find(h => new RegExp('^\\\\s*' + year + '\\\\b').test(h.textContent));
        if (!heading) return null;
        let nodes = [];
        const parent = heading.parentElement;
        if (parent && parent.matches('section, li, div') && parent.querySelectorAll('h2').length === 1) {
            nodes = [parent];
        } else {
            for (let n = heading.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) nodes.push(n);
        }
        return nodes.flatMap(n => [...n.querySelectorAll('a[href]')])
            .filter(a => /(^|\\/)events\\/[^\\/]+\\/$/.test(new URL(a.href).pathname))
            .map(a => ({href: a.getAttribute('href'), url: a.href, text: a.textContent.trim().replace(/\\s+/g, ' ')}));
    }""", year)


def click_through(page: Page, server: Server, watch: Watch) -> None:
    """Home → a 2026 meeting → one of its officials → back to the meeting."""
    data = timeline_of(server.site)
    events = {e["id"]: e for e in data["events"]}
    officials = {o["id"]: o for o in data["officials"]}
    in_2026 = [e for e in data["events"] if e["date"].startswith("2026")]
    assert in_2026, "the seeds have meetings in 2026"

    response = page.goto(server.url())
    assert response is not None and response.status == 200
    links = year_section_links(page, 2026)
    assert links, "no meeting link found in the 2026 section of the home page"
    assert len(links) == len(in_2026)
    first = links[0]
    page.locator(f'main a[href="{first["href"]}"]').first.click()
    page.wait_for_url(first["url"])

    event_id = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    assert event_id in events, f"{page.url} is not the page of a meeting in timeline.json"
    event = events[event_id]
    assert event["date"].startswith("2026")
    expect(page).to_have_url(server.url(event["url"]))
    assert page.url == server.url(f"events/{event_id}/")
    assert h1(page) == first["text"]
    assert h1(page) == " ".join(event["title"].split())

    # a participant with a page of their own
    participant = next(p for p in event["participants"] if p.get("official") in officials)
    official = officials[participant["official"]]
    link = page.locator(f'main a[href$="officials/{official["id"]}/"]').first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(server.url(official["url"]))
    expect(page.locator("main h1").first).to_have_text(official["name"])
    assert event_id in official["events"]

    page.go_back()
    page.wait_for_url(server.url(event["url"]))
    expect(page.locator("main h1").first).to_have_text(event["title"])
    assert watch.external == [], f"requests to other origins: {watch.external}"


def stylesheet_loaded(page: Page, server: Server, watch: Watch) -> None:
    """The theme's stylesheet came from under the base with status 200 and its rules are in force."""
    css = [(u, s) for u, s in watch.responses if "/static/style.css" in urlsplit(u).path]
    assert css, "the page asked for no static/style.css"
    assert all(u.startswith(server.url("static/style.css")) and s == 200 for u, s in css), \
        f"stylesheet requests, not all 200 from under {server.base}: {css}"
    rules = page.evaluate("""() => [...document.querySelectorAll('link[rel~="stylesheet"]')]
        .filter(l => /static\\/style\\.css/.test(l.href))
        .map(l => { try { return l.sheet ? l.sheet.cssRules.length : -1 } catch (e) { return -2 } })""")
    assert rules and all(n > 0 for n in rules), f"stylesheet not in force (rules per sheet: {rules})"


# -- tests -----------------------------------------------------------------------------------------

def test_click_through_home_meeting_official_and_back(open_page, root_server):
    page, watch = open_page(root_server)
    click_through(page, root_server, watch)
    stylesheet_loaded(page, root_server, watch)
    assert watch.errors() == [] and watch.failed == []


def test_home_page_counts_match_timeline_json(open_page, root_server):
    data = timeline_of(root_server.site)
    first, last = int(data["range"]["start"][:4]), int(data["range"]["end"][:4])
    expected = {y: 0 for y in range(first, last + 1)}
    expected.update(Counter(int(e["date"][:4]) for e in data["events"]))

    page, _ = open_page(root_server)
    page.goto(root_server.url())
    headings = [" ".join(t.split()) for t in page.locator("main h2").all_inner_texts()]
    shown = {}
    for text in headings:      # '2026 · 3 cuộc gặp'
        m = re.match(r"^((?:19|20)\d\d)\b\D*?(\d+)\s*cuộc gặp", text)
        assert m, f"home page heading without a year and a count: {text!r}"
        shown[int(m.group(1))] = int(m.group(2))
    # the years without a meeting are named once, in one line of links to their pages
    empty = page.locator("main p").filter(has_text="Các năm chưa có cuộc gặp nào")
    for link in empty.locator("a").all():
        shown[int(link.inner_text())] = 0
    assert shown == expected

    # the total, in the text outside the year headings ('… 2020–2026: 6 cuộc gặp, 8 quan chức …')
    intro = page.evaluate("""() => [...document.querySelectorAll('main p')]
        .filter(el => !el.closest('h2, li, nav')).map(el => el.textContent).join(' ')""")
    totals = [int(n) for n in re.findall(r"(\d+)\s*cuộc gặp", intro)]
    assert totals, f"no total count on the home page: {intro!r}"
    assert totals[0] == len(data["events"]) == sum(shown.values())
    officials = re.search(r"(\d+)\s*quan chức", intro)
    if officials:
        assert int(officials.group(1)) == len(data["officials"])


def test_old_permalink_lands_on_the_new_meeting_page(open_page, tmp_path):
    content = copy_seeds(tmp_path / "content")
    site = build_site(content, tmp_path / "site", "https://example.org/")      # a domain: a sitemap is written
    before = timeline_of(site)

    # article 000 has one meeting, 'Ngày 30/10' (2020); the day is corrected to the 29th
    article = content / "000_ecc860b1ee623f88.txt"
    text = article.read_text(encoding="utf-8")
    assert text.count("Ngày 30/10") == 1 and "29/10" not in text, "the seed article changed; pick another edit"
    article.write_text(text.replace("Ngày 30/10", "Ngày 29/10"), encoding="utf-8")
    assert (tmp_path / "permalinks.json").is_file(), "the first build recorded no permalinks"
    assert not (content / "permalinks.json").exists(), "the register belongs beside the settings"
    build_site(content, site, "https://example.org/")
    after = timeline_of(site)

    old_ids = {e["id"] for e in before["events"]} - {e["id"] for e in after["events"]}
    new_ids = {e["id"] for e in after["events"]} - {e["id"] for e in before["events"]}
    assert len(old_ids) == 1 and len(new_ids) == 1, (old_ids, new_ids)
    old = next(e for e in before["events"] if e["id"] in old_ids)
    new = next(e for e in after["events"] if e["id"] in new_ids)
    assert (old["date"], new["date"]) == ("2020-10-30", "2020-10-29")
    assert [p["official"] for p in old["participants"]] == [p["official"] for p in new["participants"]]
    assert len(after["events"]) == len(before["events"])

    # no stale copy: the old folder holds a redirect page only
    old_dir = site / old["url"]
    assert sorted(p.name for p in old_dir.iterdir()) == ["index.html"]
    redirect = (old_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(r"""<meta\s+http-equiv=["']refresh["']\s+content=["']0;\s*url=[^"']*""" + re.escape(new["id"]) + "/",
                     redirect), redirect
    assert 'rel="canonical"' in redirect and new["id"] in redirect
    assert old["sources"][0]["evidence"] not in redirect
    assert (site / new["url"] / "index.md").is_file()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert old["url"] not in sitemap and new["url"] in sitemap
    broken = check_site(site, "/")
    assert broken == [], format_broken(broken)

    server = Server(site, "/")
    try:
        page, watch = open_page(server)
        page.goto(server.url(old["url"]))
        page.wait_for_url(server.url(new["url"]))
        expect(page.locator("main h1").first).to_have_text(new["title"])
        expect(page.locator("main")).to_contain_text(new["sources"][0]["evidence"][:40])
        assert watch.errors() == [] and watch.external == []
    finally:
        server.close()


def test_click_through_under_a_subpath(open_page, subpath_server):
    page, watch = open_page(subpath_server)
    click_through(page, subpath_server, watch)
    stylesheet_loaded(page, subpath_server, watch)
    assert watch.errors() == [], f"requests that failed: {watch.errors()}"
    assert watch.failed == []
    # every page visited was under /repo/
    documents = [u for u, _ in watch.responses if not re.search(r"\.(css|js|png|svg|ico|woff2?)(\?|$)", u)]
    assert documents and all(u.startswith(subpath_server.base) for u in documents), documents


def test_unknown_url_under_the_subpath_shows_a_working_404_page(open_page, subpath_server):
    page, watch = open_page(subpath_server)
    response = page.goto(subpath_server.url("nope/deeper/still/"))
    assert response is not None and response.status == 404
    expect(page.locator("main h1").first).to_be_visible()
    stylesheet_loaded(page, subpath_server, watch)
    assert [(u, s) for u, s in watch.responses if s >= 400] == [(subpath_server.url("nope/deeper/still/"), 404)]

    # every link on the page works from this depth
    targets = page.evaluate("""() => [...document.querySelectorAll('a[href], link[href]')]
        .filter(a => !a.getAttribute('href').startsWith('#'))
        .map(a => a.href).filter(u => u.startsWith(location.origin + '/'))""")
    assert targets
    for url in sorted(set(u.split("#")[0] for u in targets)):
        status = page.request.get(url).status
        assert status == 200, f"{url} from the 404 page: {status}"

    home = page.locator("main a").filter(has_text=re.compile(r"\S"))
    hrefs = [a.evaluate("a => a.href") for a in home.all()]
    assert subpath_server.url() in hrefs, f"no link to the home page in the 404 page's body: {hrefs}"
    home.nth(hrefs.index(subpath_server.url())).click()
    page.wait_for_url(subpath_server.url())
    expect(page.locator("body")).to_have_class(re.compile(r"\bhome\b"))
    assert page.locator("main h2").count() >= 1


def source_to_article_and_back(page: Page, server: Server, watch: Watch) -> None:
    """A meeting's evidence → the page of the article it came from (outlet, date, the meeting listed) → back."""
    data = timeline_of(server.site)
    articles = {a["file"]: a for a in data["articles"]}
    event = next(e for e in data["events"] if any(articles[s["file"]]["outlet"] for s in e["sources"]))
    source = next(articles[s["file"]] for s in event["sources"] if articles[s["file"]]["outlet"])
    page.goto(server.url(event["url"]))
    quote = page.locator("main blockquote").filter(has_text=source["outlet"]).first
    expect(quote).to_contain_text(source["outlet"])
    link = quote.locator(f'a[href$="{source["url"]}"]')
    expect(link).to_have_text(source["file"])
    link.click()
    page.wait_for_url(server.url(source["url"]))
    expect(page.locator("main h1").first).to_have_text(source["headline"] or source["file"])
    expect(page.locator("main")).to_contain_text(source["outlet"])
    back = page.locator(f'main a[href$="{event["url"]}"]').first
    expect(back).to_have_text(event["title"])
    back.click()
    page.wait_for_url(server.url(event["url"]))
    # the articles' list of that year has it, and the summary links to that list
    page.goto(server.url("articles/"))
    year = source["published"][:4] if source["published"] else None
    page.locator(f'main a[href$="year/{year or "undated"}/"]').first.click()
    article_id = source["url"].rstrip("/").rsplit("/", 1)[-1]
    expect(page.locator(f'main a[href$="/{article_id}/"]')).to_have_count(1)
    assert watch.errors() == [] and watch.external == []


def test_from_a_source_to_its_article_and_back(open_page, root_server):
    page, watch = open_page(root_server)
    source_to_article_and_back(page, root_server, watch)


def test_from_a_source_to_its_article_and_back_under_a_subpath(open_page, subpath_server):
    page, watch = open_page(subpath_server)
    source_to_article_and_back(page, subpath_server, watch)


def search_from_the_header(page: Page, server: Server, watch: Watch) -> None:
    """Keyboard only: the header's search box → the search page's results, with and without tone marks,
    then a filter chosen with the keyboard; every result is a page of the site."""
    data = timeline_of(server.site)
    page.goto(server.url())
    page.keyboard.press("Tab")                       # the skip link first
    for _ in range(40):                              # then on, until the search box has the focus
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "site-search-q":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("to lam")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(server.url("search/")) + r"\?q=to\+lam"))
    results = page.locator("#search-results li a")
    expect(results.first).to_be_visible()
    plain = sorted(results.evaluate_all("links => links.map(a => a.href)"))
    assert plain and all(u.startswith(server.base) for u in plain), plain
    assert any(u == server.url("officials/to-lam/") for u in plain)
    page.fill("#q", "Tô Lâm")
    page.press("#q", "Enter")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ "))
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length === n", arg=len(plain))
    assert sorted(results.evaluate_all("links => links.map(a => a.href)")) == plain     # the same pages
    # a filter: only the meetings (type) with Japan (country), chosen from the keyboard
    page.focus("#type")
    page.keyboard.press("ArrowDown")                 # 'Các cuộc gặp'
    page.select_option("#country", "JP")
    page.wait_for_url(re.compile(r"country=JP"))
    expect(results.first).to_be_visible()
    japan = {e["url"] for e in data["events"] if any(p["country"] == "JP" for p in e["participants"])
             and any(p["official"] == "to-lam" for p in e["participants"])}
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length === n", arg=len(japan))
    assert {u[len(server.base):] for u in results.evaluate_all("links => links.map(a => a.href)")} == japan
    excerpts = " ".join(page.locator("#search-results p").all_inner_texts())
    assert not re.search(r"\btl[tckyo]\w*z\b", excerpts), "the filter words are not shown"
    results.first.click()
    page.wait_for_url(server.url(sorted(japan)[0]) if len(japan) == 1 else re.compile(r"/events/"))
    assert watch.errors() == [] and watch.external == []


def test_search_with_and_without_tone_marks_and_a_filter(open_page, root_server):
    page, watch = open_page(root_server)
    search_from_the_header(page, root_server, watch)


def test_search_under_a_subpath(open_page, subpath_server):
    page, watch = open_page(subpath_server)
    search_from_the_header(page, subpath_server, watch)


def test_the_officials_table_sorts_by_a_column_from_the_keyboard(open_page, root_server):
    data = timeline_of(root_server.site)
    page, watch = open_page(root_server)
    page.goto(root_server.url("officials/"))
    rows = page.locator("main table tbody tr")
    assert rows.count() == len(data["officials"])
    button = page.locator("main table thead th button", has_text="Các cuộc gặp")
    button.focus()
    page.keyboard.press("Enter")                          # fewest first
    page.keyboard.press("Enter")                          # then most first
    expect(page.locator("main table thead th").nth(3)).to_have_attribute("aria-sort", "descending")
    counts = [int(c) for c in page.locator("main table tbody tr td:nth-child(4)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(len(o["events"]) for o in data["officials"])
    # a country link leads to its page, which lists that official
    first = page.locator("main table tbody tr").first
    name = first.locator("td").first.inner_text()
    first.locator("td:nth-child(2) a").click()
    page.wait_for_url(re.compile(r"/countries/[a-z]{2}/$"))
    expect(page.locator("main")).to_contain_text(name)
    assert watch.errors() == [] and watch.external == []


def test_the_picture_of_the_chronology_links_each_mark_to_its_meeting(open_page, root_server):
    data = timeline_of(root_server.site)
    page, watch = open_page(root_server)
    page.goto(root_server.url())
    marks = page.locator("main figure.strip svg a")
    drawn = [e for e in data["events"] if e["precision"] in ("day", "month")]
    assert marks.count() == len(drawn)
    labels = marks.evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert all(label and re.match(r"\d\d/\d\d/\d{4} · ", label) for label in labels), labels   # a text alternative
    assert page.locator("main figure.strip figcaption .legend li").count() >= 1
    box = page.locator("main figure.strip svg").bounding_box()
    assert box and box["height"] > 40 and box["width"] > 300
    marks.first.focus()
    page.keyboard.press("Enter")                           # reachable and followed from the keyboard
    page.wait_for_url(re.compile(r"/events/[^/]+/$"))
    assert any(page.url == root_server.url(e["url"]) for e in drawn)
    assert watch.errors() == [] and watch.external == []


def test_a_site_built_with_file_links_works_opened_from_disk(chromium, tmp_path):
    from generator.build import build
    from generator.config import SiteConfig
    site = tmp_path / "site"
    assert build(SiteConfig(content_dir=copy_seeds(tmp_path / "content"), output_dir=site, file_links=True,
                            search=False)).ok
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto((site / "index.html").as_uri())
        page.locator("main li a[href*='events/']").first.click()
        page.wait_for_url(re.compile(r"/events/[^/]+/index\.html$"))
        expect(page.locator("main h1").first).to_be_visible()
        page.locator("main a[href*='officials/']").first.click()
        page.wait_for_url(re.compile(r"/officials/[^/]+/index\.html$"))
        page.locator("header a", has_text="Quốc gia").click()
        page.wait_for_url(re.compile(r"/countries/index\.html$"))
        expect(page.locator("main table")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_country_page_picture_and_not_placed_page_work_at_the_root_and_under_a_subpath(open_page, root_server,
                                                                                        subpath_server, where):
    server = root_server if where == "root" else subpath_server
    data = timeline_of(server.site)
    event = next(e for e in data["events"] if any(p["country"] == "US" for p in e["participants"]))
    page, watch = open_page(server)
    page.goto(server.url(event["url"]))
    page.locator("main li a[href$='countries/us/']").first.click()         # a country name on a meeting page
    page.wait_for_url(server.url("countries/us/"))
    expect(page.locator("main h1").first).to_have_text("Hoa Kỳ")
    expect(page.locator(f"main a[href$='{event['url']}']:not(svg a)")).to_have_count(1)
    marks = page.locator("main figure.strip svg a")             # the country's picture: its meetings
    assert marks.count() == sum(1 for e in data["events"] if any(p["country"] == "US" for p in e["participants"])
                                and e["precision"] != "year")
    marks.first.click()
    page.wait_for_url(re.compile(re.escape(server.url("events/")) + r"[^/]+/$"))
    response = page.goto(server.url("unplaced/"))
    assert response is not None and response.status == 200
    expect(page.locator("main h1").first).to_have_text("Cuộc gặp chưa xếp được vào dòng thời gian")
    stylesheet_loaded(page, server, watch)
    assert watch.errors() == [] and watch.external == []


def test_the_home_page_links_to_the_meetings_it_cannot_place(open_page, tmp_path):
    # the development corpus has a meeting without a date and meetings before 2020
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent / "data" / "dev" / "articles", content)
    site = build_site(content, tmp_path / "site", "/")
    data = timeline_of(site)
    server = Server(site)
    try:
        page, watch = open_page(server)
        page.goto(server.url())
        link = page.locator('main a[href$="unplaced/"]')
        expect(link).to_contain_text(re.compile(r"^\d+ "))
        link.click()
        page.wait_for_url(server.url("unplaced/"))
        items = page.locator("main article > ul > li")
        assert items.count() > len(data["undated"]) > 0        # and those outside the range
        for e in data["undated"]:
            expect(page.locator("main")).to_contain_text(e["participants"][0]["name"])
        # each source links to its article's page, which works
        sources = page.locator('main blockquote a[href*="articles/"]')
        assert sources.count() >= items.count()
        sources.first.click()
        expect(page.locator("main h1").first).to_be_visible()
        assert watch.errors() == [] and watch.external == []
    finally:
        server.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots(open_page, root_server, viewport):
    data = timeline_of(root_server.site)
    event = next(e for e in reversed(data["events"]) if e["date"].startswith("2026"))
    official = next(o for o in data["officials"] if o["id"] == event["participants"][0]["official"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page, watch = open_page(root_server, viewport)
    article = next(a for a in data["articles"] if a["outlet"])
    for name, url in (("home", ""), ("event", event["url"]), ("official", official["url"]),
                      ("article", article["url"]), ("articles", "articles/"), ("unplaced", "unplaced/"),
                      ("officials", "officials/"), ("country", "countries/us/"), ("search", "search/?q=to+lam")):
        response = page.goto(root_server.url(url))
        assert response is not None and response.status == 200
        page.wait_for_load_state("load")
        path = SCREENSHOTS / f"{name}-{viewport['width']}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # basics only: the page is not wider than the screen (no sideways scrolling on a phone)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} at {viewport['width']}px is {overflow}px wider than the screen"
    assert watch.errors() == [] and watch.external == []


# -- accessibility ------------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_type_has_no_serious_or_critical_axe_violation(open_page, root_server, viewport):
    """axe-core (axe-playwright-python) on each kind of page; every violation is printed, the serious and
    critical ones fail the test."""
    from axe_playwright_python.sync_playwright import Axe
    data = timeline_of(root_server.site)
    event = data["events"][-1]
    official = next(o for o in data["officials"] if o["id"] == event["participants"][0]["official"])
    article = data["articles"][0]
    pages = {"home": "", "year": f"years/{event['date'][:4]}/", "event": event["url"], "official": official["url"],
             "officials": "officials/", "countries": "countries/", "country": "countries/us/",
             "articles": "articles/", "articles of a year": "articles/year/undated/", "article": article["url"],
             "not placed": "unplaced/", "search": "search/?q=to+lam&country=US", "404": "nope/"}
    page, _ = open_page(root_server, viewport)
    axe = Axe()
    serious, report = [], {}
    for name, url in pages.items():
        page.goto(root_server.url(url))
        page.wait_for_load_state("load")
        if name == "search":
            expect(page.locator("#search-results li").first).to_be_visible()
        found = axe.run(page).response["violations"]
        report[name] = [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])} for v in found]
        for v in found:
            print(f"axe {viewport['width']}px {name}: {v['impact']} {v['id']} ({len(v['nodes'])}): {v['help']}")
        serious += [(name, v["id"], v["nodes"][0]["target"]) for v in found if v["impact"] in ("serious", "critical")]
    # the results, kept with the screenshots
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / f"axe-{viewport['width']}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert serious == []
    # and axe does look: a page with a picture without a text alternative is caught
    page.set_content('<html lang="vi"><head><title>x</title></head><body><main><img src="data:,"></main></body></html>')
    assert "image-alt" in {v["id"] for v in axe.run(page).response["violations"]}


def test_a_corrected_site_a_merged_meeting_s_address_leads_to_it_and_its_note_shows(open_page, tmp_path):
    from generator.cli import main as timeline_main
    copy_seeds(tmp_path / "content")
    merged, kept = "2026-02-13-phan-van-giang-michael-desombre", "2026-02-13-to-lam-michael-desombre"
    (tmp_path / "corrections.toml").write_text(
        f'[[meeting]]\nid = "{kept}"\nmerge = ["{merged}"]\nreason = "One reception, two reports"\n\n'
        '[[new_meeting]]\ndate = "2024-03-05"\nkind = "call"\nparticipants = ["to-lam", { name = "Jane Roe", '
        'title = "Đại sứ Anh", country = "GB" }]\nsource = { url = "https://example.org/call" }\nreason = "Missed"\n',
        encoding="utf-8")
    (tmp_path / "timeline.toml").write_text('content = "content"\noutput = "site"\nsearch = false\n', encoding="utf-8")
    assert timeline_main(["build", "--config", str(tmp_path / "timeline.toml"), "--strict"]) == 0
    site = tmp_path / "site"
    broken = check_site(site, "/")
    assert broken == [], format_broken(broken)
    server = Server(site, "/")
    try:
        page, watch = open_page(server)
        page.goto(server.url(f"events/{merged}/"))
        page.wait_for_url(server.url(f"events/{kept}/"))
        expect(page.locator("main")).to_contain_text("Biên tập viên đã sửa: gộp với cuộc gặp được đưa tin riêng "
                                                     "(One reception, two reports)")
        expect(page.locator("main")).to_contain_text("Phan Văn Giang")
        page.goto(server.url("officials/jane-roe/"))
        page.get_by_role("link", name=re.compile("điện đàm với Đại sứ Anh Jane Roe")).first.click()
        page.wait_for_url(server.url("events/2024-03-05-to-lam-jane-roe/"))
        expect(page.get_by_role("link", name="example.org")).to_have_attribute("href", "https://example.org/call")
        page.screenshot(path=str(SCREENSHOTS / "corrected-meeting.png"), full_page=True)
        assert watch.errors() == [] and watch.external == []
    finally:
        server.close()
