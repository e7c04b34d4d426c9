"""The picture of the chronology (site/strip): a mark a meeting, or a bar a month for a large archive."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from generator.model import DateBasis, Event, PartialDate
from generator.site.strip import MARK, MARKS_A_MONTH, MONTH, strip


def _event(i: int, date: PartialDate, kind: str = "reception") -> Event:
    return Event(f"e{i}", date, DateBasis("written"), kind, False, None, f"Cuộc gặp {i} <b>", [], [], [])


def _strip(events):
    return strip(events, 2020, 2026, lambda e: f"{e.date.iso()} {e.title}",
                 lambda y, m, counts: f"{m}/{y}: {sum(counts.values())}", lambda e: f"events/{e.id}/",
                 lambda y: f"years/{y}/")


def test_each_meeting_is_a_mark_that_links_to_it_placed_by_month_and_stacked():
    events = [_event(1, PartialDate(2020, 1, 5)), _event(2, PartialDate(2020, 1, 20), "call"),
              _event(3, PartialDate(2026, 12, 1), "talks"), _event(4, PartialDate(2024)),       # a year only: not drawn
              _event(5, PartialDate(2019, 5, 1))]                                               # outside: not drawn
    s = _strip(events)
    assert s["width"] == 7 * 12 * MONTH and not s["bars"]
    assert [(m["href"], m["kind"]) for m in s["marks"]] == [("events/e1/", "reception"), ("events/e2/", "call"),
                                                            ("events/e3/", "talks")]
    first, second, last = s["marks"]
    assert first["x"] == second["x"] == 1 and second["y"] < first["y"]          # the same month, stacked
    assert last["x"] == (7 * 12 - 1) * MONTH + 1 and first["h"] == MARK
    assert first["text"] == "2020-01-05 Cuộc gặp 1 <b>"                         # escaped by the template
    assert s["kinds"] == ["reception", "talks", "call"] and [t["year"] for t in s["ticks"]] == list(range(2020, 2027))


def test_a_busy_archive_is_a_bar_a_month_in_segments_by_kind_linking_to_the_year():
    busy = [_event(i, PartialDate(2023, 3, 1 + i % 28), "talks" if i % 3 else "reception")
            for i in range(MARKS_A_MONTH * 3)]
    quiet = [_event(100, PartialDate(2023, 4, 2))]
    s = _strip(busy + quiet)
    assert s["bars"]
    march = [m for m in s["marks"] if m["x"] == (3 * 12 + 2) * MONTH + 1]
    assert Counter(m["kind"] for m in march) == {"reception": 1, "talks": 1}
    assert sum(m["h"] for m in march) <= s["height"] and all(m["href"] == "years/2023/" for m in march)
    april = [m for m in s["marks"] if m["x"] == (3 * 12 + 3) * MONTH + 1]
    assert len(april) == 1 and april[0]["h"] < march[0]["h"] + march[1]["h"]
    assert march[0]["text"] == f"3/2023: {MARKS_A_MONTH * 3}"


def test_no_meeting_draws_nothing():
    assert _strip([])["marks"] == []
