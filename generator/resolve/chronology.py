"""The chronology: events inside the configured range, sorted by (date, id), with stable ids."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from generator.extract.lexicon import lexicon
from generator.extract.text import tokenize
from generator.i18n import Interface
from generator.model import Event, Official, Timeline
from generator.resolve.merge import positions
from generator.urls import slug

def event_title(e: Event, t: Interface | None = None) -> str:
    """'Bộ trưởng X tiếp Đại sứ Y': in Vietnamese for timeline.json, in the interface language for pages."""
    t = t or Interface("vi")
    names = [f"{t.title(short_title(p.title))} {p.name}".strip() for p in e.participants]
    if len(names) < 2:
        return names[0] if names else ""
    return f"{names[0]} {t.verb(e.kind)} {', '.join(names[1:])}"


@lru_cache(maxsize=1 << 14)
def short_title(title: str) -> str:
    """The last position in a title chain, leaving out memberships and trailing organisation names."""
    lex = lexicon()
    parts = [p.strip() for p in title.split(",") if p.strip() and not p.strip().startswith("Ủy viên")]
    heads = [p for p in parts if lex.titles.match_at(tokenize(p), 0)]
    return (heads or parts or [""])[-1]


def build_timeline(events: list[Event], officials: list[Official], start, end, diagnostics, articles: int) -> Timeline:
    """The events of the range with their ids and titles, the officials they show with their meetings and
    positions: new records, the ones given are not changed."""
    dated = [e for e in events if e.date is not None]
    undated = [e for e in events if e.date is None]
    in_range = [e for e in dated if e.date.first_day() >= start and e.date.last_day() <= end]
    shown_ids = {id(e) for e in in_range}
    # named too, so that an editor can give one its right date (corrections.toml); they have no page
    out_of_range = _named([e for e in dated if id(e) not in shown_ids], prefix_date=True)
    in_range = _named(in_range, prefix_date=True)
    undated = _named(undated, prefix_date=False)
    in_range.sort(key=lambda e: (e.date.iso(), e.id))
    # an official page needs a dated meeting in the chronology; undated meetings name their people only
    meetings: dict[str, list[Event]] = {}
    for e in in_range:
        for official in dict.fromkeys(p.official for p in e.participants):
            meetings.setdefault(official, []).append(e)
    kept = [replace(o, events=[e.id for e in meetings[o.id]], positions=positions(o, meetings[o.id]))
            for o in officials if o.id in meetings]
    kept.sort(key=lambda o: o.id)
    return Timeline(start, end, in_range, kept, undated, out_of_range, diagnostics, articles)


def _named(events: list[Event], prefix_date: bool) -> list[Event]:
    """The events with their titles and ids (the date and officials, -2, -3 for meetings that share them)."""
    def base(e: Event) -> str:
        people = "-".join(p.official for p in e.participants)
        head = e.date.iso() if prefix_date else "undated"
        return slug(f"{head}-{people}") or head
    bases = {id(e): base(e) for e in events}
    ids: dict[int, str] = {}
    seen: Counter = Counter()
    for e in sorted(events, key=lambda e: (bases[id(e)], [s.file for s in e.sources])):
        b = bases[id(e)]
        seen[b] += 1
        ids[id(e)] = b if seen[b] == 1 else f"{b}-{seen[b]}"
    return [replace(e, id=ids[id(e)], title=event_title(e)) for e in events]
