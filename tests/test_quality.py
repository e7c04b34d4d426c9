"""Extraction quality on the seed and development corpora, scored as ../shared/eval/score.py scores it."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, gold
from generator.build import build
from generator.config import SiteConfig


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    def run(corpus: str) -> dict:
        out = tmp_path_factory.mktemp(corpus)
        build(SiteConfig(content_dir=DATA / corpus / "articles", output_dir=out, permalinks=None))
        return json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    cache = {}

    def get(corpus: str) -> dict:
        if corpus not in cache:
            cache[corpus] = run(corpus)
        return cache[corpus]
    return get


def test_seeds_are_extracted_exactly(built, scorer):
    r = scorer.score(gold("seeds"), built("seeds"))
    assert r["events"]["f1"] == 1.0, r["problems"]
    assert r["date"] == 1.0, r["problems"]
    assert r["people"] == {"precision": 1.0, "recall": 1.0}, r["problems"]
    assert r["country"] == 1.0, r["problems"]
    assert r["sources"] == 1.0, r["problems"]
    assert r["titles"] >= 0.9, r["problems"]
    assert r["officials"]["split_people"] == 0 and r["officials"]["junk_pages"] == 0, r["problems"]


def test_development_corpus_meets_the_bar(built, scorer):
    r = scorer.score(gold("dev"), built("dev"))
    assert r["events"]["f1"] >= 0.9, r["problems"]
    assert r["date"] >= 0.9, r["problems"]
    assert r["people"]["recall"] >= 0.9, r["problems"]
    assert r["officials"]["split_people"] == 0, r["problems"]
    assert r["officials"]["junk_pages"] == 0, r["problems"]


def test_real_style_corpus_meets_the_bar(built, scorer):
    """tests/data/realstyle: 195 articles written after the structure of real pages of 85 outlets (issue 10)."""
    r = scorer.score(gold("realstyle"), built("realstyle"))
    assert r["events"]["f1"] >= 0.93, r["problems"]
    assert r["date"] >= 0.93, r["problems"]
    assert r["people"]["recall"] >= 0.95, r["problems"]
    assert r["location"] >= 0.9, r["problems"]
    assert r["officials"]["split_people"] == 0, r["problems"]
    assert r["officials"]["junk_pages"] == 0, r["problems"]


def test_same_meeting_from_two_outlets_is_one_event_with_both_sources(built):
    events = built("seeds")["events"]
    desombre_quang = [e for e in events if {p["name"] for p in e["participants"]} == {"Lương Tam Quang", "Michael DeSombre"}]
    assert len(desombre_quang) == 1
    assert {s["file"] for s in desombre_quang[0]["sources"]} == {"002_66657b37b6429b82.txt", "003_66a2be22f014ea4f.txt"}
    assert all(s["evidence"] for s in desombre_quang[0]["sources"])


def test_one_official_keeps_positions_over_time(built):
    officials = {o["name"]: o for o in built("seeds")["officials"]}
    to_lam = officials["Tô Lâm"]
    titles = [p["title"] for p in to_lam["positions"]]
    assert titles == ["Bộ trưởng Bộ Công an", "Tổng Bí thư"]
    assert to_lam["positions"][0]["first_seen"] == "2020-10-30"
    assert to_lam["positions"][0]["last_seen"] == "2021-07-14"
    assert len(to_lam["events"]) == 3


def test_timeline_json_follows_the_contract(built):
    data = built("dev")
    assert data["schema"] == 1
    assert data["range"] == {"start": "2020-01-01", "end": "2026-12-31"}
    keys = [(e["date"], e["id"]) for e in data["events"]]
    assert keys == sorted(keys)
    ids = {o["id"] for o in data["officials"]}
    for e in data["events"]:
        assert "2020-01-01" <= e["date"] <= "2026-12-31"
        assert e["url"] == f"events/{e['id']}/"
        assert e["kind"] in {"reception", "talks", "call", "dialogue", "visit", "signing", "conference", "other"}
        assert e["precision"] in {"day", "month", "year"}
        assert e["date_basis"]
        for p in e["participants"]:
            assert p["official"] in ids
            assert p["country"] is None or (len(p["country"]) == 2 and p["country"].isupper())


def test_teasers_and_pre_2020_meetings_are_not_events(built):
    data = built("dev")
    files = {s["file"] for e in data["events"] for s in e["sources"]}
    for excluded in ("10_thanhnien-sarkheng-2017.txt", "11_vov-tolam-bacKinh-2018.txt",
                     "27_vov-tolam-zolotov-2019.txt", "19_kienthuc-canhbao-vieclamluongcao.txt",
                     "12_baomoi-quang-daisuquan-australia.txt"):
        assert excluded not in files


def test_unicode_form_and_spacing_do_not_split_officials(tmp_path, scorer):
    import shutil
    import unicodedata
    content = tmp_path / "content"
    shutil.copytree(DATA / "seeds" / "articles", content)
    nfd = content / "002_66657b37b6429b82.txt"
    nfd.write_text(unicodedata.normalize("NFD", nfd.read_text(encoding="utf-8")), encoding="utf-8")
    nbsp = content / "004_6686fa3b759dbdcc.txt"
    nbsp.write_text(nbsp.read_text(encoding="utf-8").replace("Tô Lâm", "Tô\u00a0Lâm"), encoding="utf-8")
    build(SiteConfig(content_dir=content, output_dir=tmp_path / "site"))
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    r = scorer.score(gold("seeds"), data)
    assert r["events"]["f1"] == 1.0 and r["officials"]["split_people"] == 0, r["problems"]
    assert len(data["officials"]) == 8


def test_articles_hard_wrapped_at_80_columns_score_the_same(tmp_path, scorer):
    import textwrap
    content = tmp_path / "content"
    content.mkdir()
    for f in (DATA / "seeds" / "articles").iterdir():
        lines = [w for line in f.read_text(encoding="utf-8").split("\n") for w in (textwrap.wrap(line, 80) or [""])]
        (content / f.name).write_text("\n".join(lines), encoding="utf-8")
    build(SiteConfig(content_dir=content, output_dir=tmp_path / "site"))
    r = scorer.score(gold("seeds"), json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8")))
    assert r["events"]["f1"] == 1.0 and r["date"] == 1.0 and r["people"]["recall"] == 1.0, r["problems"]


@pytest.mark.parametrize("corpus", ["synthetic_a", "synthetic_b", "synthetic_c", "synthetic_d", "synthetic_e",
                                    "synthetic_f", "synthetic_g"])
def test_articles_from_other_outlets_meet_the_bar(built, scorer, corpus):
    r = scorer.score(gold(corpus), built(corpus))
    assert r["events"]["f1"] >= 0.9, r["problems"]
    # two meetings of the same two people in one article tie in the scorer's pairing, which may then
    # pair each with the other's gold date; synthetic_a and _c each have such a pair
    assert r["date"] >= 0.85, r["problems"]
    assert r["people"]["recall"] >= 0.95, r["problems"]
    assert r["officials"]["junk_pages"] == 0, r["problems"]
    # synthetic_f writes one Chinese minister in Vietnamese form in one article and in pinyin in another,
    # with nothing in either text to tie the two: that split is known and allowed there only
    assert r["officials"]["split_people"] <= (corpus == "synthetic_f"), r["problems"]
