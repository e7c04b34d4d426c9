"""Properties of corrections applied to a real timeline (hypothesis): whatever an editor writes, the
corrected timeline stays whole. Ids are unique and in order, every participant of a meeting has an
official page that lists exactly their meetings, and every address that leads on leads to a page."""
from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build
from generator.config import SiteConfig
from generator.model import (Correction, MeetingSplit, NewMeeting, OfficialSplit, PartialDate, PersonGiven, SourceGiven,
                             TitleSpan)
from generator.resolve.correct import apply_corrections

DATA = Path(__file__).parent.parent / "data"
SETTINGS = settings(max_examples=150, deadline=dt.timedelta(seconds=2), database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def placed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    shutil.copytree(DATA / "seeds" / "articles", folder / "content")
    result = build(SiteConfig(content_dir=folder / "content", output_dir=folder / "site", root=folder, search=False))
    assert result.ok
    return result.timeline


def _corrections(t):
    meetings = st.sampled_from([e.id for e in t.events] + ["gone-meeting"])
    officials = st.sampled_from([o.id for o in t.officials] + ["gone-official"])
    files = st.sampled_from([s.file for s in t.sources] + ["gone.txt"])
    dates = st.builds(PartialDate, st.integers(2018, 2027), st.integers(1, 12), st.integers(1, 28)) | st.builds(
        PartialDate, st.integers(2019, 2026))
    people = st.lists(officials | st.builds(PersonGiven, st.sampled_from(["Jane Roe", "Lê Văn A"]),
                                            st.just("Đại sứ"), st.sampled_from(["GB", "VN", None])),
                      min_size=1, max_size=3).map(tuple)
    meeting_fields = st.one_of(
        st.tuples(st.just("date"), dates), st.tuples(st.just("kind"), st.sampled_from(["talks", "call"])),
        st.tuples(st.just("place"), st.just("Huế")), st.tuples(st.just("online"), st.booleans()),
        st.tuples(st.just("remove"), st.booleans()), st.tuples(st.just("add_participant"), people),
        st.tuples(st.just("remove_participant"), st.lists(officials, min_size=1, max_size=2).map(tuple)),
        st.tuples(st.just("merge"), st.lists(meetings, min_size=1, max_size=2).map(tuple)),
        st.tuples(st.just("split"), st.builds(MeetingSplit, st.lists(files, min_size=1, max_size=2).map(tuple),
                                              st.none() | dates).map(lambda s: (s,))))
    official_fields = st.one_of(
        st.tuples(st.just("name"), st.just("Tên Mới")), st.tuples(st.just("country"), st.sampled_from(["US", "VN"])),
        st.tuples(st.just("merge"), st.lists(officials, min_size=1, max_size=2).map(tuple)),
        st.tuples(st.just("split"), st.builds(OfficialSplit, st.just("Người Khác"), st.just(("Tô Lâm",)),
                                              st.lists(meetings, max_size=2).map(tuple))),
        st.tuples(st.just("title"), st.builds(TitleSpan, st.just("Thứ trưởng"), st.none() | dates,
                                              st.none() | dates).map(lambda s: (s,))))
    meeting = st.builds(lambda i, f, n: Correction("meeting", i, f[0], f[1], "r", n), meetings, meeting_fields,
                        st.integers(1, 99))
    official = st.builds(lambda i, f, n: Correction("official", i, f[0], f[1], "r", n), officials, official_fields,
                         st.integers(1, 99))
    added = st.builds(lambda d, p, f, n: Correction("new_meeting", "", "added", NewMeeting(
        d, p, (SourceGiven(f, "x"), SourceGiven(None, "", "https://example.org/a"))), "r", n), dates, people, files,
        st.integers(1, 99))
    return st.lists(meeting | official | added, min_size=1, max_size=6)


def test_whatever_the_editors_write_the_corrected_timeline_stays_whole(placed):
    @SETTINGS
    @given(_corrections(placed))
    def check(corrections):
        t, redirects, notes = apply_corrections(placed, {}, corrections, "corrections.toml")
        ids = [e.id for e in t.events]
        assert len(ids) == len(set(ids)) and all(ids) and ids == [e.id for e in sorted(
            t.events, key=lambda e: (e.date.iso(), e.id))]
        assert all(t.start <= e.date.first_day() and e.date.last_day() <= t.end for e in t.events)
        officials = {o.id: o for o in t.officials}
        for o in t.officials:
            assert o.events == [e.id for e in t.events if any(p.official == o.id for p in e.participants)]
        assert all(p.official in officials for e in t.events for p in e.participants)
        live = {f"events/{i}/" for i in ids} | {f"officials/{o}/" for o in officials}
        assert not live & set(redirects)
        for source, target in redirects.items():
            if target.startswith(("events/", "officials/")) and target.count("/") == 2:
                assert target in live, (source, target)
        assert all(n.file.startswith("corrections.toml:") for n in notes)
        assert placed.events == before and placed.officials == officials_before   # the given timeline is not changed
    before, officials_before = copy.deepcopy(placed.events), copy.deepcopy(placed.officials)
    check()
