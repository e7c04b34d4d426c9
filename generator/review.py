"""`timeline review`: where an editor should look, most doubtful first, each with a correction to paste.

Read from the timeline a build would publish (corrections applied): meetings without a date, years
inferred rather than read, officials of no known country, pairs of officials of one country whose
names are close (one person split in two?), meetings of the same people on the same or the next
day (one meeting counted twice?), a title one article gives that the articles before and after do
not (a misread title, or one for a period?), officials met once and known by one word or a title
only, and meetings known from one source only. Each item names its
target by the id corrections.toml uses and carries a ready-to-paste snippet whose `reason` the
editor fills in.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher

from generator.extract.lexicon import lexicon
from generator.extract.text import tokenize
from generator.i18n import word_basis
from generator.model import Event, Timeline
from generator.names import fold
from generator.resolve.chronology import short_title
from generator.resolve.merge import position_key

# kind of item -> its priority (1 first), what it names (a meeting or an official), and what it asks
CHECKS = {
    "undated": (1, "meeting", "no date: give it one"),
    "inferred_year": (1, "meeting", "year inferred, not read: check it"),
    "unknown_country": (2, "official", "country unknown: give it one"),
    "close_names": (2, "official", "two officials of one country with close names: one person?"),
    "possible_duplicate": (2, "meeting", "the same people on the same or the next day: one meeting?"),
    "title_flip": (2, "meeting", "a title that differs from the articles before and after: check it"),
    "thin_official": (3, "official", "met once, known by one word or a title only: who is it?"),
    "single_source": (3, "meeting", "one source only: check it"),
}
SIMILAR = 0.85             # names this close (SequenceMatcher on the folded names) are asked about


@dataclass(frozen=True)
class Item:
    kind: str
    priority: int
    target: str                # meeting | official: what `id` names
    id: str
    message: str
    evidence: str              # a sentence and its article, to check against
    snippet: str               # TOML to paste into corrections.toml


def review(timeline: Timeline) -> list[Item]:
    items = [*_undated(timeline), *_inferred(timeline), *_unknown_countries(timeline), *_close_names(timeline),
             *_duplicates(timeline), *_title_flips(timeline), *_thin_officials(timeline), *_single_source(timeline)]
    return sorted(items, key=lambda i: (i.priority, list(CHECKS).index(i.kind), i.id))


def _item(kind: str, target_id: str, detail: str, e: Event | None, snippet: str) -> Item:
    priority, target, asks = CHECKS[kind]
    evidence = f"{e.sources[0].sentence} ({e.sources[0].file})" if e is not None and e.sources else ""
    return Item(kind, priority, target, target_id, f"{asks}: {detail}", evidence, snippet)


def _meeting_snippet(e: Event, **fields) -> str:
    lines = ["[[meeting]]", f'id = "{e.id}"', *(f"{k} = {v}" for k, v in fields.items()), 'reason = "..."']
    return "\n".join(lines) + "\n"


def _undated(t: Timeline) -> list[Item]:
    return [_item("undated", e.id, " / ".join(p.name for p in e.participants), e,
                  _meeting_snippet(e, date='"YYYY-MM-DD"')) for e in t.undated]


def _inferred(t: Timeline) -> list[Item]:
    return [_item("inferred_year", e.id, f"{e.date.iso()}, {word_basis(e.date_basis)}", e,
                  _meeting_snippet(e, date=f'"{e.date.iso()}"')) for e in t.events if e.date_basis.inferred]


def _unknown_countries(t: Timeline) -> list[Item]:
    events = {e.id: e for e in t.events}
    return [_item("unknown_country", o.id, o.name, events.get(o.events[0]) if o.events else None,
                  f'[[official]]\nid = "{o.id}"\ncountry = "XX"\nreason = "..."\n')
            for o in t.officials if o.country is None]


def _close_names(t: Timeline) -> list[Item]:
    events = {e.id: e for e in t.events}
    by_country = defaultdict(list)
    for o in t.officials:
        if o.country:
            by_country[o.country].append(o)
    out = []
    for people in by_country.values():
        # compared only within a bucket of the same last word (the given name of a Vietnamese name, the
        # family name of most others): a large archive has thousands of officials per country
        buckets = defaultdict(list)
        for o in people:
            words = fold(o.name).split()
            buckets[words[-1] if words else ""].append(o)
        for group in buckets.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if SequenceMatcher(None, fold(a.name), fold(b.name)).ratio() >= SIMILAR:
                        keep, other = sorted((a, b), key=lambda o: (-len(o.events), o.id))
                        out.append(_item("close_names", keep.id, f"{keep.name} / {other.name}",
                                         events.get(other.events[0]) if other.events else None,
                                         f'[[official]]\nid = "{keep.id}"\nmerge = ["{other.id}"]\nreason = "..."\n'))
    return out


def _duplicates(t: Timeline) -> list[Item]:
    by_day = defaultdict(list)
    for e in t.events:
        if e.date.precision == "day":
            by_day[e.date.first_day()].append(e)
    out = []
    for day, events in sorted(by_day.items()):
        later = by_day.get(day + dt.timedelta(days=1), [])
        for i, a in enumerate(events):
            for b in [*events[i + 1:], *later]:
                shared = {p.official for p in a.participants} & {p.official for p in b.participants}
                if len(shared) >= 2:
                    out.append(_item("possible_duplicate", b.id, f"{a.id} and {b.id}", b,
                                     _meeting_snippet(a, merge=f'["{b.id}"]')))
    return out


def _title_flips(t: Timeline) -> list[Item]:
    """An official's title in one meeting differs from the same title of the meetings just before and after
    (A, B, A in date order, from other articles): B is more often a misreading than two changes of post."""
    seen: dict[str, list[tuple[Event, str, str]]] = defaultdict(list)
    for e in t.events:                      # in chronological order
        for p in e.participants:
            if p.title:
                seen[p.official].append((e, short_title(p.title), position_key(p.title, p.country)))
    out = []
    for official, held in seen.items():
        for (a, before, x), (e, title, y), (b, after, z) in zip(held, held[1:], held[2:]):
            if x == z != y and {s.file for s in e.sources}.isdisjoint(
                    {s.file for s in (*a.sources, *b.sources)}):
                out.append(_item("title_flip", e.id, f"{official}: '{before}' ({a.date.iso()}), '{title}' "
                                                    f"({e.date.iso()}), '{after}' ({b.date.iso()})", e,
                                 f'[[official]]\nid = "{official}"\ntitle = {{ title = "{before}", '
                                 f'from = "{e.date.iso()}", to = "{e.date.iso()}" }}\nreason = "..."\n'))
    return out


def _thin_officials(t: Timeline) -> list[Item]:
    """Officials of one meeting whose name is one word, or begins with a title: a person the extractor
    could not name, who may be someone the site knows by name."""
    events = {e.id: e for e in t.events}
    out = []
    for o in t.officials:
        if len(o.events) == 1 and (len(o.name.split()) == 1 or _starts_with_title(o.name)):
            out.append(_item("thin_official", o.id, o.name, events.get(o.events[0]),
                             f'[[official]]\nid = "<the official it is>"\nmerge = ["{o.id}"]\nreason = "..."\n'))
    return out


def _starts_with_title(name: str) -> bool:
    return bool(lexicon().titles.match_at(tokenize(name), 0))


def _single_source(t: Timeline) -> list[Item]:
    return [_item("single_source", e.id, e.title, e, _meeting_snippet(e, remove="true"))
            for e in t.events if len({s.file for s in e.sources}) == 1]


def as_text(items: list[Item]) -> str:
    if not items:
        return "Nothing to review.\n"
    out = []
    for n, item in enumerate(items, 1):
        out += [f"{n}. [{item.priority}] {item.kind} {item.id}: {item.message}"]
        if item.evidence:
            out.append(f"   {item.evidence}")
        out += ["   " + line for line in item.snippet.rstrip("\n").splitlines()] + [""]
    return "\n".join(out)


def as_json(items: list[Item]) -> list[dict]:
    return [asdict(i) for i in items]
