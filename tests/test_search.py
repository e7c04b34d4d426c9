"""Search (site/search): the words that stand for filters, the Pagefind step of a build, its bundle."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.config import SiteConfig
from generator.site import search
from generator.site.search import BUNDLE, SearchIndex, facet_word, facet_words

DATA = Path(__file__).parent / "data"
needs_pagefind = pytest.mark.skipif(search.available() is not None, reason=f"{search.available()}")


def test_a_facet_value_is_one_word_that_starts_no_other():
    assert facet_word("country", "US") == "tlcusz"
    assert facet_word("official", "nguyen-van-a") == "tlonguyen_van_az"
    words = [facet_word("official", slug) for slug in ("nguyen-van-a", "nguyen-van-a-2", "nguyen-van-an")]
    assert all(not b.startswith(a) for a in words for b in words if a != b)
    assert facet_word("year", 2024) == "tly2024z" and facet_word("kind", "reception") == "tlkreceptionz"


def test_a_pages_words_are_sorted_and_skip_what_is_unknown():
    assert facet_words(country=["VN", None, "US", "VN"], year=[2021], kind=[]) == "tlcusz tlcvnz tly2021z"


def _config(content: Path, site: Path) -> SiteConfig:
    return SiteConfig(content_dir=content, output_dir=site)


@needs_pagefind
def test_a_build_indexes_the_meeting_and_official_pages_and_is_byte_reproducible(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "dev" / "articles", content)
    trees = []
    for name in ("one", "two"):
        result = build(_config(content, tmp_path / name))
        assert result.ok and result.search is None and "search" in result.seconds
        bundle = tmp_path / name / BUNDLE
        assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
        trees.append({p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                      for p in (tmp_path / name).rglob("*") if p.is_file()})
    assert trees[0].keys() == trees[1].keys()
    assert [rel for rel in trees[0] if trees[0][rel] != trees[1][rel]] == []     # the bundle too
    page = (tmp_path / "one" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-bundle="../pagefind/pagefind.js"' in page
    event = next((tmp_path / "one" / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" in event and "tltevent" in event
    assert "data-pagefind-body" not in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")   # listings
    article = next((tmp_path / "one" / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" not in article                  # its meetings' pages carry its sentences


@needs_pagefind
def test_search_switched_off_makes_no_index_and_takes_the_old_one_away(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "seeds" / "articles", content)
    site = tmp_path / "site"
    assert build(_config(content, site)).ok and (site / BUNDLE).is_dir()
    config = _config(content, site)
    config.search = False
    result = build(config)
    assert result.ok and result.search is None and "search" not in result.seconds
    assert not (site / BUNDLE).exists()
    assert "search.js" not in (site / "search" / "index.html").read_text(encoding="utf-8")


@needs_pagefind
def test_the_index_is_made_again_only_when_pages_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "seeds" / "articles", content)
    site = tmp_path / "site"
    assert build(_config(content, site), tmp_path / "cache").ok
    entry = site / BUNDLE / "pagefind-entry.json"
    first = entry.stat().st_mtime_ns
    article = next(content.iterdir())
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu không nói về cuộc gặp nào.\n", encoding="utf-8")
    result = build(_config(content, site), tmp_path / "cache")
    assert "search" not in result.seconds and entry.stat().st_mtime_ns == first
    shutil.rmtree(site / BUNDLE)                                    # deleted by hand: made again
    result = build(_config(content, site), tmp_path / "cache")
    assert result.search is None and entry.is_file()


def test_without_pagefind_the_build_succeeds_and_says_search_is_off(tmp_path, monkeypatch, capsys):
    from generator.cli import main
    monkeypatch.setattr(search, "available", lambda: "the pagefind binary is not installed")
    import generator.build as build_module
    monkeypatch.setattr(build_module, "search_available", lambda: "the pagefind binary is not installed")
    content = tmp_path / "content"
    shutil.copytree(DATA / "seeds" / "articles", content)
    site = tmp_path / "site"
    assert main(["build", "--content", str(content), "--output", str(site), "--no-cache"]) == 0
    assert "note: search is off: the pagefind binary is not installed" in capsys.readouterr().err
    assert not (site / BUNDLE).exists()
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert "search.js" not in page and "không có chỉ mục tìm kiếm" in page


@needs_pagefind
def test_a_failed_or_cancelled_run_keeps_the_last_complete_bundle(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "events" / "a").mkdir(parents=True)
    (site / "events" / "a" / "index.html").write_text("<html><body><main data-pagefind-body><h1>Hà Nội</h1></main></body></html>",
                                            encoding="utf-8")
    index = SearchIndex(site)
    assert index.run() is None
    before = {p.name: p.read_bytes() for p in (site / BUNDLE).rglob("*") if p.is_file()}
    monkeypatch.setattr(search.sys, "executable", str(tmp_path / "no-such-python"))
    assert "could not be started" in index.run()
    assert {p.name: p.read_bytes() for p in (site / BUNDLE).rglob("*") if p.is_file()} == before
    assert not (site / ".pagefind-new").exists() or not any((site / ".pagefind-new").iterdir())


@needs_pagefind
def test_cancel_stops_a_run_and_the_old_bundle_stays(tmp_path):
    import threading
    site = tmp_path / "site"
    for i in range(300):
        (site / "events" / f"p{i}").mkdir(parents=True)
        (site / "events" / f"p{i}" / "index.html").write_text(
            f"<html><body><main data-pagefind-body><h1>Trang {i}</h1>" + "<p>Bộ trưởng tiếp Đại sứ.</p>" * 200
            + "</main></body></html>", encoding="utf-8")
    index = SearchIndex(site)
    assert index.run() is None
    entry = (site / BUNDLE / "pagefind-entry.json").read_bytes()
    (site / "events" / "p0" / "index.html").write_text("<html><body><main data-pagefind-body><h1>Khác</h1></main></body></html>",
                                            encoding="utf-8")
    outcome = []
    runner = threading.Thread(target=lambda: outcome.append(index.run()))
    runner.start()
    while index._process is None and runner.is_alive():
        pass
    index.cancel()
    runner.join(timeout=60)
    if outcome == ["cancelled"]:                       # stopped in time: nothing of the new run is kept
        assert (site / BUNDLE / "pagefind-entry.json").read_bytes() == entry
        assert not (site / ".pagefind-new").exists()
    else:                                              # it finished first: a complete new bundle
        assert outcome == [None] and (site / BUNDLE / "pagefind-entry.json").is_file()
