"""Across articles: one official per person, one event per meeting, years shared between reports."""
from __future__ import annotations

import datetime as dt
import unicodedata

from generator.resolve.chronology import build_timeline
from generator.model import Candidate, DateBasis, Participant, PartialDate
from generator.resolve.merge import resolve


def cand(file, date, people, conf=3, day_month=None, kind="reception"):
    parts = [Participant(name=n, title=t, country=c, role="host" if i == 0 else "guest")
             for i, (n, t, c) in enumerate(people)]
    if date:
        y, m, d = map(int, date.split("-"))
        date = PartialDate(y, m, d)
        day_month = day_month or (d, m)
    return Candidate(file=file, date=date, date_basis=DateBasis("publication", "test"), date_confidence=conf, day_month=day_month,
                     kind=kind, online=False, location=None, participants=parts, evidence=[f"sentence of {file}"])


VN = ("Lê Văn Thành", "Bộ trưởng Bộ Công an", "VN")
US = ("Michael George Brown", "Trợ lý Ngoại trưởng", "US")


def timeline(cands):
    events, officials = resolve(cands)
    return build_timeline(events, officials, dt.date(2020, 1, 1), dt.date(2026, 12, 31), [], 0)


def test_same_meeting_from_two_outlets_is_one_event_with_two_sources():
    t = timeline([cand("a.txt", "2024-02-13", [VN, US]),
                  cand("b.txt", "2024-02-13", [VN, ("Michael Brown", "Trợ lý Ngoại trưởng Hoa Kỳ", "US")])])
    assert len(t.events) == 1
    assert [s.file for s in t.events[0].sources] == ["a.txt", "b.txt"]
    assert len(t.officials) == 2


def test_middle_name_word_order_nfd_and_tone_placement_are_one_official():
    t = timeline([
        cand("a.txt", "2021-01-05", [("Trần Thị Hoà", "Bộ trưởng", "VN"), ("Suga Yoshihide", "Thủ tướng", "JP")]),
        cand("b.txt", "2022-03-01", [(unicodedata.normalize("NFD", "Trần Thị Hòa"), "Phó Thủ tướng", "VN"),
                                     ("Yoshihide Suga", "Thủ tướng", "JP")]),
    ])
    assert len(t.officials) == 2
    japanese = next(o for o in t.officials if o.country == "JP")
    assert {japanese.name, *japanese.aliases} == {"Suga Yoshihide", "Yoshihide Suga"}
    hoa = next(o for o in t.officials if o.country == "VN")
    assert [p.title for p in hoa.positions] == ["Bộ trưởng", "Phó Thủ tướng"]


def test_names_that_fold_to_one_slug_stay_two_officials():
    t = timeline([cand("a.txt", "2021-01-05", [("Lê Văn Thành", "Bộ trưởng", "VN"), US]),
                  cand("b.txt", "2021-02-05", [("Lê Văn Thanh", "Thứ trưởng", "VN"), US])])
    ids = sorted(o.id for o in t.officials if o.country == "VN")
    assert ids == ["le-van-thanh", "le-van-thanh-2"]
    assert len(t.events) == 2


def test_inferred_year_yields_to_the_article_that_states_it():
    t = timeline([cand("undated.txt", "2025-02-13", [VN, US], conf=2),
                  cand("dated.txt", "2026-02-13", [VN, US], conf=3)])
    assert [e.date.iso() for e in t.events] == ["2026-02-13"]
    assert len(t.events[0].sources) == 2


def test_range_and_undated():
    t = timeline([cand("old.txt", "2019-12-03", [VN, US]),
                  cand("none.txt", None, [VN, US], conf=0)])
    assert t.events == [] and len(t.out_of_range) == 1
    assert len(t.undated) == 1 and t.undated[0].id.startswith("undated-")


def test_positions_over_time_and_event_order():
    t = timeline([cand("a.txt", "2020-10-30", [("Tô Văn Lâm", "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an", "VN"), US]),
                  cand("b.txt", "2026-02-13", [("Tô Văn Lâm", "Tổng Bí thư", "VN"), US])])
    o = next(o for o in t.officials if o.country == "VN")
    assert [(p.title, p.first_seen, p.last_seen) for p in o.positions] == [
        ("Bộ trưởng Bộ Công an", "2020-10-30", "2020-10-30"), ("Tổng Bí thư", "2026-02-13", "2026-02-13")]
    assert o.events == [e.id for e in t.events]
    assert [e.date.iso() for e in t.events] == ["2020-10-30", "2026-02-13"]


def test_month_report_joins_the_day_report_of_the_same_meeting():
    month = cand("m.txt", None, [VN, US], conf=3)
    month.date = PartialDate(2024, 9)
    t = timeline([month, cand("d.txt", "2024-09-12", [VN, US])])
    assert [(e.date.iso(), [s.file for s in e.sources]) for e in t.events] == [("2024-09-12", ["d.txt", "m.txt"])]


def test_wordings_of_one_position_are_one_position():
    t = timeline([cand("a.txt", "2021-01-05", [("Tô Văn Lâm", "Bộ trưởng Bộ Công an", "VN"), US]),
                  cand("b.txt", "2021-03-05", [("Tô Văn Lâm", "Bộ trưởng Công an", "VN"), US]),
                  cand("c.txt", "2021-06-05", [("Tô Văn Lâm", "Bộ trưởng Bộ Công an Việt Nam", "VN"), US]),
                  cand("d.txt", "2021-09-05", [("Tô Văn Lâm", "Bộ trưởng Bộ Công an", "VN"), US])])
    o = next(o for o in t.officials if o.country == "VN")
    assert [(p.title, p.first_seen, p.last_seen) for p in o.positions] == [
        ("Bộ trưởng Bộ Công an", "2021-01-05", "2021-09-05")]


def test_participants_take_the_name_most_articles_use():
    t = timeline([cand("a.txt", "2021-01-05", [VN, ("Nikolai Ivanov", "Thư ký", "RU")]),
                  cand("b.txt", "2022-01-05", [VN, ("Ivanov Nikolai Petrovich", "Thư ký", "RU")]),
                  cand("c.txt", "2023-01-05", [VN, ("Nikolai Ivanov", "Trợ lý", "RU")])])
    russian = next(o for o in t.officials if o.country == "RU")
    assert russian.name == "Nikolai Ivanov" and russian.aliases == ["Ivanov Nikolai Petrovich"]
    assert {p.name for e in t.events for p in e.participants if p.country == "RU"} == {"Nikolai Ivanov"}


def test_organizations_come_from_the_participants_positions():
    t = timeline([cand("a.txt", "2021-01-05", [("Tô Văn Lâm", "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an", "VN"),
                                               ("Ali Khan", "Bộ trưởng Bộ Nội vụ kiêm Bộ trưởng Bộ Tư pháp Pakistan", "PK")])])
    assert t.events[0].organizations == ["Bộ Công an", "Bộ Nội vụ", "Bộ Tư pháp Pakistan"]


def test_a_short_form_and_a_transliteration_join_their_official():
    t = timeline([cand("a.txt", "2021-01-05", [VN, ("Prayut Chan-o-cha", "Thủ tướng Thái Lan", "TH")]),
                  cand("b.txt", "2021-02-05", [VN, ("Prayut", "Thủ tướng", "TH")]),
                  cand("c.txt", "2021-03-05", [VN, ("Sergei Lavrin", "Ngoại trưởng", "RU")]),
                  cand("d.txt", "2021-04-05", [VN, ("Sergey Lavrin", "Ngoại trưởng Nga", "RU")]),
                  cand("e.txt", "2021-05-05", [VN, ("John Smith", "Đại sứ", "US")]),
                  cand("f.txt", "2021-06-05", [VN, ("Jane Smith", "Đại sứ", "US")])])
    names = sorted(o.name for o in t.officials if o.country != "VN")
    assert len(names) == 4 and "John Smith" in names and "Jane Smith" in names


def test_resolve_reads_its_candidates_and_changes_none_of_them():
    """Extraction results are kept in a cache and handed out as they are: resolve must not fill them in."""
    from pathlib import Path

    from generator.cache import value_bytes
    from generator.build import extract_all

    results, _ = extract_all(Path(__file__).parent / "data" / "dev" / "articles")
    candidates = [c for r in results for c in r.candidates]
    references = [ref for r in results for ref in r.references]
    before = value_bytes((candidates, references))
    events, _ = resolve(candidates, references)
    assert value_bytes((candidates, references)) == before
    # a year taken from another article goes to the event, not to the candidate
    guessed = cand("undated.txt", "2025-02-13", [VN, US], conf=2)
    (event,), _ = resolve([guessed, cand("dated.txt", "2026-02-13", [VN, US], conf=3)])
    assert event.date.iso() == "2026-02-13"
    assert guessed.date.iso() == "2025-02-13" and guessed.date_confidence == 2
    assert all(p.official == "" for p in guessed.participants)


def test_the_chronology_makes_new_records_and_leaves_resolve_s_as_they_were():
    """Stage outputs are values: a later stage reads them and makes its own (model.py), so that what one
    build made can be compared with the next build's."""
    from dataclasses import FrozenInstanceError

    import pytest

    from generator.cache import value_bytes

    events, officials = resolve([cand("a.txt", "2024-02-13", [VN, US]), cand("b.txt", "2024-03-01", [VN, US])])
    before = value_bytes((events, officials))
    made = build_timeline(events, officials, dt.date(2020, 1, 1), dt.date(2026, 12, 31), [], 2)
    assert value_bytes((events, officials)) == before
    assert all(e.id == "" for e in events) and [e.id for e in made.events] == [
        "2024-02-13-le-van-thanh-michael-george-brown", "2024-03-01-le-van-thanh-michael-george-brown"]
    assert all(o.events == [] for o in officials) and all(len(o.events) == 2 for o in made.officials)
    with pytest.raises(FrozenInstanceError):
        made.events[0].id = "another"


def test_a_sentence_naming_a_numbered_session_is_a_source_of_that_session():
    """'... đồng chủ trì Hội nghị ... lần thứ bảy' in an undated report: a source of the dated 7th session
    when it names one of its officials, also when that meeting is found through two numbered sessions."""
    from dataclasses import replace

    from generator.model import Reference

    seventh = replace(cand("a.txt", "2024-02-13", [VN, US], kind="conference"), series=("hội nghị", 7))
    # another report of the same meeting that counts it as the 8th: one event, in both sessions' articles
    counted_again = replace(cand("f.txt", "2024-02-13", [VN, US], kind="conference"), series=("hội nghị", 8))
    other = cand("d.txt", "2024-02-13", [("Trần Văn Nam", "Thứ trưởng", "VN"), US], kind="reception")
    references = [Reference("b.txt", "Bộ trưởng Lê Văn Thành đồng chủ trì Hội nghị lần thứ bảy.", ("hội nghị", 7),
                            ["Lê Văn Thành"]),
                  Reference("c.txt", "... Hội nghị lần thứ tám.", ("hội nghị", 8), ["Lê Văn Thành"]),
                  Reference("e.txt", "... Hội nghị lần thứ bảy.", ("hội nghị", 7), ["Người Khác"])]
    events, _ = resolve([seventh, counted_again, other], references)
    sources = {e.kind: [s.file for s in e.sources] for e in events}
    assert sources == {"conference": ["a.txt", "b.txt", "c.txt", "f.txt"],    # not e.txt: nobody of it named
                       "reception": ["d.txt"]}                                 # no session


def test_a_year_taken_from_another_report_dates_a_third_in_turn():
    """a.txt states 2024; b.txt guesses its 13/2 meeting's year and takes a.txt's, and its other meeting
    (15/2, no year written) takes it too; c.txt's guess for 15/2 then yields to b.txt's, a pass later."""
    JP = ("Kishida Fumio", "Thủ tướng", "JP")
    t = timeline([cand("a.txt", "2024-02-13", [VN, US], conf=3),
                  cand("b.txt", "2025-02-13", [VN, US], conf=1),
                  cand("b.txt", None, [VN, JP], conf=0, day_month=(15, 2)),
                  cand("c.txt", "2023-02-15", [VN, JP], conf=1)])
    dates = sorted((e.date.iso(), [s.file for s in e.sources]) for e in t.events)
    assert dates == [("2024-02-13", ["a.txt", "b.txt"]), ("2024-02-15", ["b.txt", "c.txt"])]
