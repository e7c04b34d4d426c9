"""`timeline review` (generator/review): what an editor should check, with a correction to paste."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from generator.cli import main
from generator.model import DateBasis, Evidence, Event, Official, Participant, PartialDate, Timeline
from generator.review import as_text, review

DATA = Path(__file__).parent / "data"


def _event(id_, date, officials, files=("a.txt",)):
    people = [Participant(f"Name {o}", "Bộ trưởng", "VN", "host", o) for o in officials]
    return Event(id_, date, DateBasis("written"), "reception", False, None, f"title {id_}", people, [],
                 [Evidence(f, f"sentence of {f}") for f in files])


def _official(id_, name, country="VN", events=("x",)):
    return Official(id_, name, [], country, [], list(events))


def test_close_names_duplicates_and_unknown_countries_are_found_with_their_snippets():
    events = [_event("2024-05-09-a-b", PartialDate(2024, 5, 9), ["a", "b"], ("1.txt", "2.txt")),
              _event("2024-05-10-a-b", PartialDate(2024, 5, 10), ["a", "b"], ("3.txt", "4.txt")),
              _event("2024-06-01-a-c", PartialDate(2024, 6, 1), ["a", "c"], ("5.txt", "6.txt"))]
    officials = [_official("nguyen-van-an", "Nguyễn Văn An", events=["2024-05-09-a-b", "2024-06-01-a-c"]),
                 _official("nguyen-van-an-2", "Nguyễn Vãn An", events=["2024-05-10-a-b"]),
                 _official("tran-thi-binh", "Trần Thị Bình"), _official("john-doe", "John Doe", None)]
    t = Timeline(dt.date(2020, 1, 1), dt.date(2026, 12, 31), events, officials, [], [], [], 6)
    items = review(t)
    kinds = [(i.kind, i.id) for i in items]
    assert ("close_names", "nguyen-van-an") in kinds and ("unknown_country", "john-doe") in kinds
    assert ("possible_duplicate", "2024-05-10-a-b") in kinds
    twice = next(i for i in items if i.kind == "possible_duplicate")
    assert twice.snippet == '[[meeting]]\nid = "2024-05-09-a-b"\nmerge = ["2024-05-10-a-b"]\nreason = "..."\n'
    assert all(k != "single_source" for k, _ in kinds)            # every meeting has two articles
    close = next(i for i in items if i.kind == "close_names")
    assert close.snippet == '[[official]]\nid = "nguyen-van-an"\nmerge = ["nguyen-van-an-2"]\nreason = "..."\n'
    assert [i.priority for i in items] == sorted(i.priority for i in items)
    assert "merge = [\"nguyen-van-an-2\"]" in as_text(items)


def test_the_review_of_a_project_offers_a_correction_that_fixes_what_it_found(tmp_path, capsys):
    shutil.copytree(DATA / "dev" / "articles", tmp_path / "content")
    (tmp_path / "timeline.toml").write_text('content = "content"\noutput = "site"\nsearch = false\n', encoding="utf-8")
    config = ["--config", str(tmp_path / "timeline.toml")]
    assert main(["review", "--format", "json", *config]) == 0
    items = json.loads(capsys.readouterr().out)
    assert not (tmp_path / "site").exists()                       # a review writes no site
    undated = next(i for i in items if i["kind"] == "undated")
    assert undated["id"].startswith("undated-") and undated["evidence"].endswith("(08_nhandan-tolam-tranvanthanh.txt)")
    snippet = undated["snippet"].replace('"YYYY-MM-DD"', '"2023-09-13"').replace('"..."', '"The ministry says the 13th"')
    (tmp_path / "corrections.toml").write_text(snippet, encoding="utf-8")
    assert main(["review", "--format", "json", *config]) == 0
    assert all(i["kind"] != "undated" for i in json.loads(capsys.readouterr().out))   # fixed: no longer asked
    assert main(["review", *config]) == 0
    assert "[1] inferred_year" in capsys.readouterr().out


def test_a_title_one_article_gives_between_two_others_and_officials_known_by_one_word_are_asked_about():
    def meeting(id_, day, title, file):
        return Event(id_, PartialDate(2024, 5, day), DateBasis("written"), "reception", False, None, id_,
                     [Participant("Lê Văn Cường", title, "VN", "host", "le-van-cuong"),
                      Participant("Smith", "Đại sứ", "GB", "guest", f"smith-{day}")], [], [Evidence(file, "s")])
    events = [meeting("a", 1, "Bộ trưởng Bộ Công an", "1.txt"), meeting("b", 2, "Thứ trưởng Bộ Công an", "2.txt"),
              meeting("c", 3, "Bộ trưởng Bộ Công an", "3.txt")]
    officials = [_official("le-van-cuong", "Lê Văn Cường", events=["a", "b", "c"]),
                 _official("smith-1", "Smith", "GB", events=["a"]), _official("dai-su-jones", "Đại sứ Jones", "GB", ["b"])]
    items = review(Timeline(dt.date(2020, 1, 1), dt.date(2026, 12, 31), events, officials, [], [], [], 3))
    flip = next(i for i in items if i.kind == "title_flip")
    assert flip.id == "b" and "'Thứ trưởng Bộ Công an' (2024-05-02)" in flip.message
    assert 'title = { title = "Bộ trưởng Bộ Công an", from = "2024-05-02", to = "2024-05-02" }' in flip.snippet
    assert {i.id for i in items if i.kind == "thin_official"} == {"smith-1", "dai-su-jones"}
    assert not any(i.kind == "thin_official" and i.id == "le-van-cuong" for i in items)


def test_the_dev_server_s_review_page_links_each_item_to_the_page_of_what_it_names():
    from generator.live.server import review_page
    from generator.review import Item
    html = review_page([Item("thin_official", 3, "official", "smith", "m", "", "s"),
                        Item("title_flip", 2, "meeting", "2024-05-02-a-b", "m", "", "s"),
                        Item("undated", 1, "meeting", "undated-a-b", "m", "", "s")], "/repo/")
    assert 'href="/repo/officials/smith/"' in html and 'href="/repo/events/2024-05-02-a-b/"' in html
    assert "undated-a-b" in html and 'href="/repo/events/undated-a-b/"' not in html        # it has no page
