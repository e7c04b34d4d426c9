"""The built site as a whole: golden pages from the seeds, the GitHub Pages files, determinism.

Golden files live in tests/golden/; after an intended change, regenerate them with
`UPDATE_GOLDEN=1 python3 -m pytest tests/test_site.py` and review the diff.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DATA
from generator.build import build
from generator.config import SiteConfig

GOLDEN = DATA.parent / "golden"
GOLDEN_PAGES = ["events/2026-02-13-luong-tam-quang-michael-desombre/index.md",
                "events/2026-02-13-luong-tam-quang-michael-desombre/index.html",
                "officials/to-lam/index.md", "officials/to-lam/index.html",
                "articles/003-66a2be22f014ea4f/index.html"]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(DATA / "seeds" / "articles", root / "content")
    config = SiteConfig(content_dir=root / "content", output_dir=root / "site",
                        base_url="https://example.org/timeline/")
    assert build(config).ok
    return root / "site"


def _stable(text: str) -> str:
    # the stylesheet's version hash changes with every CSS edit; the golden pages are about the rest
    return re.sub(r"\?v=[0-9a-f]+", "?v=HASH", text)


@pytest.mark.parametrize("rel", GOLDEN_PAGES)
def test_golden_pages(seed_site, rel):
    got = _stable((seed_site / rel).read_text(encoding="utf-8"))
    golden = GOLDEN / "seeds" / rel
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "built", lineterm=""))
        pytest.fail(f"{rel} differs from tests/golden (UPDATE_GOLDEN=1 to accept):\n{diff}")


def test_every_meeting_and_official_has_a_markdown_and_an_html_page(seed_site):
    data = json.loads((seed_site / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == 6 and len(data["officials"]) == 8
    for item in data["events"] + data["officials"]:
        assert (seed_site / item["url"] / "index.html").is_file()
        md = (seed_site / item["url"] / "index.md").read_text(encoding="utf-8")
        assert md.startswith("---\n") and f'id: "{item["id"]}"' in md
    for year in range(2020, 2027):
        assert (seed_site / f"years/{year}/index.html").is_file()
    assert (seed_site / "officials/index.html").is_file()


def test_github_pages_files(seed_site):
    assert (seed_site / ".nojekyll").read_bytes() == b""
    not_found = (seed_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/timeline/static/style.css' in not_found and 'href="/timeline/"' in not_found
    assert not (seed_site / "robots.txt").exists()              # under /timeline/: no crawler looks there
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "a": "http://www.w3.org/2005/Atom"}
    locs = [e.text for e in ET.parse(seed_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert "https://example.org/timeline/" in locs
    assert "https://example.org/timeline/officials/to-lam/" in locs
    # home, officials, articles (and by year published: 2026, 2021, 2020, no date) and not-placed lists, search,
    # countries (and VN, US, JP), years, meetings, officials, articles
    assert len(locs) == 1 + 1 + 1 + 4 + 1 + 1 + 1 + 3 + 7 + 6 + 8 + 5
    feed = ET.parse(seed_site / "feed.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 6
    assert entries[0].find("a:link", ns).get("href").startswith("https://example.org/timeline/events/2026-")


def test_meeting_page_head_has_canonical_open_graph_and_json_ld(seed_site):
    html = (seed_site / "events/2021-07-14-to-lam-tanahashi-yasufumi/index.html").read_text(encoding="utf-8")
    url = "https://example.org/timeline/events/2021-07-14-to-lam-tanahashi-yasufumi/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html and 'property="og:title"' in html
    ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ld["@type"] == "Event" and ld["startDate"] == "2021-07-14" and len(ld["attendee"]) == 2


@pytest.mark.parametrize("base, robots, feeds", [
    ("https://example.org/", "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n", True),
    ("/", "User-agent: *\nAllow: /\n", False),                  # no domain: no address to give
    ("/repo/", None, False)])
def test_a_sitemap_and_a_feed_only_with_a_domain_and_robots_txt_only_at_a_root(tmp_path, base, robots, feeds):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    site = tmp_path / "site"
    assert build(SiteConfig(content_dir=tmp_path / "content", output_dir=site, base_url=base, search=False)).ok
    assert (site / "robots.txt").read_text(encoding="utf-8") if robots else not (site / "robots.txt").exists()
    if robots:
        assert (site / "robots.txt").read_text(encoding="utf-8") == robots
    assert (site / "sitemap.xml").exists() == (site / "feed.xml").exists() == feeds
    home = (site / "index.html").read_text(encoding="utf-8")
    assert ("feed.xml" in home) == feeds                         # no link to a feed that is not there


def test_with_file_links_every_link_to_a_page_names_its_file(tmp_path):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    site = tmp_path / "site"
    assert build(SiteConfig(content_dir=tmp_path / "content", output_dir=site, file_links=True, search=False)).ok
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue                        # served by a host at any depth: absolute paths
        for href in re.findall(r'<a\b[^>]*?\bhref="([^"#?]*)', page.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "data:")) or not href:
                continue
            checked += 1
            assert not href.endswith("/"), f"{page.relative_to(site)}: {href}"
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page.relative_to(site)}: {href} is not a file"
    assert checked > 200


def test_home_counts_match_timeline_json(seed_site):
    data = json.loads((seed_site / "timeline.json").read_text(encoding="utf-8"))
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    empty = re.search(r"Các năm chưa có cuộc gặp nào: (.*?)\.</p>", home)
    for year in range(2020, 2027):
        n = sum(e["date"].startswith(str(year)) for e in data["events"])
        if n:
            assert re.search(rf">{year}</a> · {n} cuộc gặp</h2>", home), year
        else:                                      # one line for all the years without a meeting
            assert empty and f">{year}</a>" in empty.group(1), year


def test_only_the_output_folder_and_the_registry_are_written(tmp_path):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert build(SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", root=tmp_path,
                            permalinks=Path("permalinks.json"))).ok
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    new = {str(p) for p in set(after) - set(before)}
    assert "permalinks.json" in new
    assert all(p.startswith("site/") for p in new - {"permalinks.json"})
    assert {p: after[p] for p in before} == before


def test_a_removed_article_leaves_no_stale_page(tmp_path):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    config = SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", root=tmp_path,
                        permalinks=Path("permalinks.json"))
    build(config)
    data = json.loads((tmp_path / "site/timeline.json").read_text(encoding="utf-8"))
    gone = [e for e in data["events"] if e["sources"][0]["file"].startswith("000_")]
    assert gone
    (tmp_path / "content" / gone[0]["sources"][0]["file"]).unlink()
    result = build(config)
    for e in gone:
        page = (tmp_path / "site" / e["url"] / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in page and e["title"] not in page
        assert not (tmp_path / "site" / e["url"] / "index.md").exists()
    assert any(r.endswith("index.md") for r in result.removed)
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert all(e["url"] not in home for e in gone)
    years = (tmp_path / "site/years/2020/index.html").read_text(encoding="utf-8")
    assert all(e["url"].split("/")[1] not in years for e in gone)
