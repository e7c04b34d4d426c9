"""Calendar feeds (site/calendar): every meeting dated to the day, one calendar per official."""
from __future__ import annotations

import shutil
from pathlib import Path

import icalendar

from generator.build import build
from generator.config import SiteConfig
from generator.site.calendar import CalendarCache

DATA = Path(__file__).parent / "data"


def _events(path: Path) -> list:
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_the_sites_calendar_has_each_meeting_known_to_the_day_and_each_official_has_theirs(tmp_path):
    shutil.copytree(DATA / "dev" / "articles", tmp_path / "content")
    site = tmp_path / "site"
    config = SiteConfig(content_dir=tmp_path / "content", output_dir=site, base_url="https://example.org/t/",
                        search=False)
    result = build(config)
    assert result.ok
    timeline = result.timeline
    by_day = [e for e in timeline.events if e.date.precision == "day"]
    assert by_day
    events = _events(site / "calendar.ics")
    assert [str(v["UID"]) for v in events] == [f"{e.id}@example.org" for e in by_day]
    first, meeting = events[0], by_day[0]
    assert first["DTSTART"].dt.isoformat() == meeting.date.iso()
    assert (first["DTEND"].dt - first["DTSTART"].dt).days == 1
    assert str(first["SUMMARY"]) == meeting.title and str(first["URL"]) == f"https://example.org/t/events/{meeting.id}/"
    assert meeting.sources[0].file in str(first["DESCRIPTION"]) or "·" in str(first["DESCRIPTION"])
    for official in timeline.officials:
        mine = _events(site / "officials" / official.id / "calendar.ics")
        assert [str(v["UID"]).split("@")[0] for v in mine] == [i for i in official.events
                                                               if any(e.id == i for e in by_day)]
    page = (site / "officials" / timeline.officials[0].id / "index.html").read_text(encoding="utf-8")
    assert 'href="calendar.ics"' in page
    again = tmp_path / "again"
    config.output_dir = again
    assert build(config).ok
    assert (again / "calendar.ics").read_bytes() == (site / "calendar.ics").read_bytes()     # reproducible


def test_a_meeting_known_only_to_the_month_is_left_out(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text(
        " date 2024-05-10 Bộ trưởng tiếp Đại sứ\n\nTháng 3/2024, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an "
        "đã tiếp ngài Hans Müller, Đại sứ Đức tại Việt Nam.\n", encoding="utf-8")
    result = build(SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", search=False))
    assert result.ok and [e.date.precision for e in result.timeline.events] == ["month"]
    assert _events(tmp_path / "site" / "calendar.ics") == []


def test_an_event_is_made_once_and_kept_between_builds(tmp_path):
    cache = CalendarCache(tmp_path)
    made = []
    assert cache.get(b"k", lambda: made.append(1) or b"EVENT") == b"EVENT"
    cache.save()
    again = CalendarCache(tmp_path)
    assert again.get(b"k", lambda: made.append(2) or b"OTHER") == b"EVENT" and made == [1]
    again.save()
    assert CalendarCache(tmp_path).events == {b"k": b"EVENT"}
    third = CalendarCache(tmp_path)
    third.save()                                              # not used by this build: forgotten
    assert CalendarCache(tmp_path).events == {}
