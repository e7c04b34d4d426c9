"""iCalendar feeds: `calendar.ics` of every meeting dated to the day, and one per official.

A newsroom subscribes to them in its calendar. Each meeting is an all-day event (VEVENT, made by
the `icalendar` package, which folds and escapes as RFC 5545 wants) whose UID is the meeting's
lasting id, stamped with the meeting's own day so that two builds give the same bytes. A meeting
known only to the month is left out (a calendar has no month-long "sometime"). Events are made
once per meeting value and kept between builds (`CalendarCache`, keyed by the meeting's digest),
so a build that changes one meeting makes one event again, not thousands.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import icalendar

from generator.model import Event
from generator.urls import event_url, official_url
from generator.state import read_pickle, write_pickle

CALENDAR = "calendar.ics"
_CACHE = "calendars.pickle"
PRODID = "-//timeline//Vietnamese official meetings//VI"


class CalendarCache:
    """Meeting digest -> its VEVENT, kept in the cache folder (None: in memory only)."""

    def __init__(self, folder: Path | None):
        self.file = folder / _CACHE if folder else None
        loaded = read_pickle(self.file) if self.file else None
        self.events: dict[bytes, bytes] = loaded if isinstance(loaded, dict) else {}
        self.used: dict[bytes, bytes] = {}

    def get(self, digest: bytes, make: Callable[[], bytes]) -> bytes:
        found = self.events.get(digest)
        if found is None:
            found = make()
        self.used[digest] = found
        return found

    def save(self) -> None:
        """Keep what this build used, nothing older."""
        self.events = self.used
        self.used = {}
        if self.file is not None and not write_pickle(self.file, self.events):
            self.file = None


def vevent(e: Event, title: str, summary: str, sources: list[str], url: str | None, host: str) -> bytes:
    """One meeting as an all-day VEVENT (its date must be known to the day)."""
    day = e.date.first_day()
    event = icalendar.Event()
    event.add("uid", f"{e.id}@{host}")
    event.add("dtstamp", dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", title)
    event.add("description", "\n".join([summary, *sources]))
    if e.location:
        event.add("location", e.location)
    if url:
        event.add("url", url)
    event.add("categories", [e.kind])
    return event.to_ical()


def calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR around these events."""
    head = icalendar.Calendar()
    head.add("prodid", PRODID)
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("x-wr-calname", name)
    text = head.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end)
    return text[:-len(end)] + b"".join(events) + end


def calendar_files(plan, cache: CalendarCache) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of the site's calendar and of each official's, as `SitePlan` words them."""
    host = plan.base.origin.split("://", 1)[-1] if plan.base.is_absolute else "timeline"

    def event_of(e: Event) -> bytes:
        # what the event is made of: the meeting, its sources' records, the language and the base URL
        key = plan.inputs_key(e, [plan.sources.get(s.file) for s in e.sources])
        return cache.get(key, lambda: vevent(
            e, plan.headline(e), plan.summary(e), [plan.source_line(s) for s in e.sources],
            plan.base.full(event_url(e.id)) if plan.base.is_absolute else None, host))

    dated = [e for e in plan.timeline.events if e.date.precision == "day"]
    made = {e.id: event_of(e) for e in dated}
    yield CALENDAR, calendar(plan.site_title, [made[e.id] for e in dated])
    for o in plan.timeline.officials:
        yield official_url(o.id) + CALENDAR, calendar(f"{o.name} · {plan.site_title}",
                                                      [made[eid] for eid in o.events if eid in made])
