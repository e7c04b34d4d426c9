"""Every link of the built site works, at a domain root and under a project subpath; the checker
itself is tested on a small hand-made site with known breakage (a checker that cannot fail is worthless)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

try:
    from linkcheck import Broken, build_site, check_site, checked_files, collect_links, copy_seeds, format_broken
except ImportError:      # pytest's default 'prepend' import mode puts tests/ on sys.path; other modes may not
    sys.path.insert(0, str(Path(__file__).parent))
    from linkcheck import Broken, build_site, check_site, checked_files, collect_links, copy_seeds, format_broken

SUBPATH = "https://example.org/repo/"


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("root")
    return build_site(copy_seeds(tmp / "content"), tmp / "site")


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("subpath")
    return build_site(copy_seeds(tmp / "content"), tmp / "site", base_url=SUBPATH)


def _pages(site: Path) -> list[str]:
    return [f for f in checked_files(site) if f.endswith(".html")]


# -- the real site ---------------------------------------------------------------------------------

def test_seed_site_at_root_has_no_broken_links(root_site):
    data = json.loads((root_site / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == 6 and len(data["officials"]) == 8     # the seeds, as documented
    pages = _pages(root_site)
    for item in data["events"] + data["officials"]:
        assert item["url"] + "index.html" in pages
    broken = check_site(root_site, "/", origin="https://example.org")
    assert broken == [], format_broken(broken)


def test_seed_site_under_subpath_has_no_broken_links(subpath_site):
    broken = check_site(subpath_site, SUBPATH)
    assert broken == [], format_broken(broken)


def test_subpath_build_has_no_root_absolute_link_outside_the_base(subpath_site):
    """Under /repo/, no href/src/refresh/loc in any HTML, XML or CSS file starts with '/' but not '/repo/',
    and what must be absolute (canonical, og:url, sitemap, feed, robots.txt) carries the full base URL."""
    bad = []
    for rel in checked_files(subpath_site):
        links, _, _ = collect_links(subpath_site, rel)
        bad += [(rel, link.kind, link.url) for link in links
                if link.url.startswith("/") and not link.url.startswith("//") and not link.url.startswith("/repo/")]
        if rel.endswith((".html", ".xml", ".css")):
            # a second net, independent of the parser: any quoted href/src value starting with '/'
            text = (subpath_site / rel).read_text(encoding="utf-8")
            bad += [(rel, "raw", m.group(2)) for m in re.finditer(r"""\b(href|src)\s*=\s*["']\s*(/(?!/|repo/)[^"']*)""", text)]
    assert bad == []

    absolute = []
    for rel in checked_files(subpath_site):
        text = (subpath_site / rel).read_text(encoding="utf-8")
        if rel.endswith(".html"):
            canonical = re.findall(r"""<link\b[^>]*\brel=["']canonical["'][^>]*\bhref=["']([^"']*)""", text)
            assert len(canonical) == 1, f"{rel}: {len(canonical)} canonical links"
            absolute += [(rel, u) for u in canonical]
            absolute += [(rel, u) for u in re.findall(r"""<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']*)""", text)]
        elif rel in ("sitemap.xml", "feed.xml", "robots.txt"):
            links, _, _ = collect_links(subpath_site, rel)
            assert links, f"{rel}: no links at all"
            absolute += [(rel, link.url) for link in links]
    assert [(rel, u) for rel, u in absolute if not u.startswith(SUBPATH)] == []
    assert {rel for rel, _ in absolute} >= {"sitemap.xml", "feed.xml"}
    assert not (subpath_site / "robots.txt").exists()          # crawlers read it only at a domain's root


def test_a_root_built_site_moved_under_a_subpath_is_caught(root_site):
    """The classic breakage on real output: built for '/', published under '/repo/'. Pages link
    relatively and keep working; the 404 page, whose links are absolute, does not."""
    broken = check_site(root_site, "/repo/", origin="https://example.org")
    assert broken, "the checker found nothing wrong with a root build served under /repo/"
    assert any(b.page == "404.html" and b.link == "/" for b in broken), format_broken(broken)
    # relative navigation links of ordinary pages are not what breaks
    assert not any(b.page == "index.html" and b.reason.startswith("a[href]") for b in broken), format_broken(broken)


def test_old_permalink_redirect_pages_have_working_links(tmp_path):
    content = copy_seeds(tmp_path / "content")
    site = build_site(content, tmp_path / "site", base_url=SUBPATH)
    article = content / "000_ecc860b1ee623f88.txt"
    text = article.read_text(encoding="utf-8")
    assert text.count("Ngày 30/10") == 1
    article.write_text(text.replace("Ngày 30/10", "Ngày 29/10"), encoding="utf-8")
    build_site(content, site, base_url=SUBPATH)
    old = site / "events" / "2020-10-30-to-lam-mike-pompeo" / "index.html"
    assert 'http-equiv="refresh"' in old.read_text(encoding="utf-8")
    broken = check_site(site, SUBPATH)
    assert broken == [], format_broken(broken)


# -- the checker, on a small hand-made site -----------------------------------------------------------

def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


FAKE = {
    "index.html": _page(
        '<a href="a/">ok</a> <a href="missing/">missing target</a> <a href="a/index.html#x">ok</a>'
        '<a href="mailto:x@example.org">mail</a> <a href="#main">fragment</a> <a href="https://other.org/x">other</a>'
        '<a href="//cdn.other.org/y.js">other</a> <a href="timeline.json?v=1">ok</a> <img src="img/none.png">'
        '<a href="a">ok: redirected to a/</a>',
        head='<link rel="stylesheet" href="/static/x.css">'            # root-absolute: leaves /repo/
             '<link rel="alternate" href="/repo/static/x.css">'         # root-absolute with the base: fine
             '<link rel="canonical" href="https://example.org/repo/">'  # same origin, inside the base: fine
             '<meta property="og:url" content="https://example.org/">'  # same origin, outside the base
             '<script src="https://example.org/repo/static/gone.js"></script>'),
    "a/index.html": _page('<a href="../">up</a> <a href="../../">too far up</a> <a href="../static/x.css">ok</a>'
                          '<img srcset="../img/ok.png 1x, ../img/none2.png 2x">'),
    "old/index.html": _page("moved", head='<meta http-equiv="refresh" content="0; url=../gone/">'),
    "older/index.html": _page("moved", head='<meta http-equiv="refresh" content="0;URL=\'../a/\'">'),
    "404.html": _page('<a href="/repo/">home</a> <a href="static/x.css">relative</a> <a href="#main">skip</a>',
                      head='<link rel="stylesheet" href="/repo/static/x.css">'),
    "static/x.css": "body { background: url(../img/ok.png) } /* url(ignored.png) */ .x { background: url('/img/ok.png') }",
    "img/ok.png": "png",
    "timeline.json": "{}",
    "sitemap.xml": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   "<url><loc>https://example.org/repo/a/</loc></url><url><loc>https://example.org/repo/nothing/</loc></url>"
                   "</urlset>",
    "feed.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                '<link rel="self" href="https://example.org/repo/feed.xml"/><link href="https://example.org/a/"/>'
                '<link href="https://elsewhere.org/x"/></feed>',
    "robots.txt": "User-agent: *\nSitemap: https://example.org/sitemap.xml\n",
}


def test_checker_catches_each_kind_of_broken_link(tmp_path):
    site = _write(tmp_path / "fake", FAKE)
    broken = check_site(site, "https://example.org/repo/")
    found = {(b.page, b.link) for b in broken}
    expected = {
        ("index.html", "missing/"),                                       # missing target
        ("index.html", "img/none.png"),                                   # missing image
        ("index.html", "/static/x.css"),                                  # root-absolute under /repo/
        ("index.html", "https://example.org/"),                           # same origin, outside the base
        ("index.html", "https://example.org/repo/static/gone.js"),        # same origin, missing
        ("a/index.html", "../../"),                                       # relative, climbs out of /repo/
        ("a/index.html", "../img/none2.png"),                             # srcset candidate
        ("old/index.html", "../gone/"),                                   # meta refresh to nowhere
        ("404.html", "static/x.css"),                                     # relative link on the 404 page
        ("static/x.css", "/img/ok.png"),                                  # root-absolute in CSS
        ("sitemap.xml", "https://example.org/repo/nothing/"),
        ("feed.xml", "https://example.org/a/"),
        ("robots.txt", "https://example.org/sitemap.xml"),
    }
    assert found == expected, format_broken(broken)
    assert all(isinstance(b, Broken) and b.reason for b in broken)
    reasons = {(b.page, b.link): b.reason for b in broken}
    assert "base path" in reasons[("index.html", "/static/x.css")]
    assert "404" in reasons[("404.html", "static/x.css")]
    assert "no such file" in reasons[("index.html", "missing/")]


def test_checker_at_the_root_accepts_root_absolute_links(tmp_path):
    """The same fake site published at '/': '/static/x.css' works there, '/repo/…' does not."""
    site = _write(tmp_path / "fake", {
        "index.html": _page('<a href="/">home</a> <a href="/a/">a</a> <a href="/repo/a/">nope</a>',
                            head='<link rel="stylesheet" href="/static/x.css">'),
        "a/index.html": _page('<a href="../">up</a>'),
        "404.html": _page('<a href="/">home</a> <a href="/a/">a</a>'),
        "static/x.css": "",
    })
    broken = check_site(site, "/")
    assert {(b.page, b.link) for b in broken} == {("index.html", "/repo/a/")}, format_broken(broken)


def test_checker_reports_unreadable_xml(tmp_path):
    site = _write(tmp_path / "fake", {"index.html": _page("x"), "sitemap.xml": "<urlset><url><loc>x</url>"})
    broken = check_site(site, "/")
    assert [(b.page, b.link) for b in broken] == [("sitemap.xml", "")]
    assert "XML" in broken[0].reason
