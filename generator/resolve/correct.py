"""The editors' corrections applied to the timeline, once its ids are known (after the permalinks).

An id the site published is the id a correction uses, so corrections apply to the placed timeline:
first the officials (merged, split, renamed, given a country or a title for a period), which shows in
every meeting of theirs; then the meetings (merged, split, their fields and participants, removed);
then the meetings added by hand. Meetings that change their date, are split off or added take the id
the chronology would give them (the date, then their officials), and every published address that
no longer names a page leads on: to the meeting it became, to its year when removed, to the
not-placed page when its date leaves the range, to the official it was merged into. The timeline
given is not changed; a correction whose target is gone waits, with a warning naming its line.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable

from generator.model import (Correction, DateBasis, Diagnostic, Event, Evidence, MeetingSplit, NewMeeting, Official,
                             OfficialSplit, PartialDate, Participant, Timeline)
from generator.names import fold, name_key
from generator.resolve.chronology import event_title
from generator.resolve.merge import organizations_of, positions
from generator.urls import event_url, official_url, slug, year_url

UNPLACED_URL = "unplaced/"


def apply_corrections(timeline: Timeline, redirects: dict[str, str], corrections: list[Correction], source: str,
                      article_text: Callable[[str], str | None] | None = None,
                      ) -> tuple[Timeline, dict[str, str], list[Diagnostic]]:
    """The corrected timeline (new records), the redirects with the addresses that no longer name a page,
    and the warnings (targets not found, corrections that contradict each other). `article_text` gives
    an article's text by its path, to check the sentence a meeting added by hand quotes."""
    if not corrections:
        return timeline, redirects, []
    draft = _Draft(timeline, dict(redirects), source)
    by_target = _targets(draft, corrections)
    _officials(draft, by_target)
    _meetings(draft, by_target)
    for c in corrections:
        if c.target == "new_meeting":
            _add_meeting(draft, c, article_text)
    return _finish(draft)


@dataclass
class _Draft:
    """The timeline while it is corrected: meetings by a handle that outlives their id (their id as
    placed; '+n' for the new ones), officials by id, and what the end must settle."""

    given: Timeline
    redirects: dict[str, str]
    source: str
    notes: list[Diagnostic] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    officials: dict[str, Official] = field(default_factory=dict)
    merged_meetings: dict[str, str] = field(default_factory=dict)      # handle -> the handle it joined
    merged_officials: dict[str, str] = field(default_factory=dict)     # id -> the official it joined
    removed: set[str] = field(default_factory=set)
    fresh: set[str] = field(default_factory=set)       # meetings whose id the chronology must make again
    touched: set[str] = field(default_factory=set)     # officials whose meetings or titles change

    def __post_init__(self):
        t = self.given
        self.events = {e.id: e for e in [*t.events, *t.undated, *(e for e in t.out_of_range if e.id)]}
        self.placed = dict(self.events)          # as given: a meeting no correction touched is kept as it is
        self.officials = {o.id: o for o in t.officials}

    def warn(self, c: Correction, message: str) -> None:
        self.notes.append(Diagnostic(f"{self.source}:{c.line}", message))

    def find(self, target: str, given_id: str) -> str | None:
        """The meeting or official an id names: itself, what its old address now leads to, or the one it
        was merged into."""
        known, merged = (self.events, self.merged_meetings) if target == "meeting" else (self.officials,
                                                                                         self.merged_officials)
        found = given_id
        for _ in range(8):                       # an old id that leads to one merged in turn
            if found in merged:
                found = merged[found]
            elif found in known:
                return found
            else:
                found = self._led_to(target, found)
                if found is None:
                    return None
        return None

    def find_placed(self, target: str, given_id: str) -> str | None:
        """The id as placed, before any merge, that an id names."""
        known, merged = (self.events, self.merged_meetings) if target == "meeting" else (self.officials,
                                                                                         self.merged_officials)
        return given_id if given_id in known or given_id in merged else self._led_to(target, given_id)

    def _led_to(self, target: str, given_id: str) -> str | None:
        """The id an old address leads to ('events/<id>/' -> '<id>'), if it leads to a page of its kind."""
        prefix = "events/" if target == "meeting" else "officials/"
        url = self.redirects.get(f"{prefix}{given_id}/", "")
        return url[len(prefix):-1] if url.startswith(prefix) and url.count("/") == 2 else None

    def new_official_id(self, name: str) -> str:
        """An id no official has, nor had (a published address may lead elsewhere now)."""
        base = slug(name) or "official"
        new, n = base, 1
        while new in self.officials or official_url(new) in self.redirects:
            n += 1
            new = f"{base}-{n}"
        return new

    def person(self, who, c: Correction, meeting: str, date: PartialDate | None) -> tuple[Official, str] | None:
        """The official a participant the editors name is (made when not on the site), and their title."""
        if isinstance(who, str):
            found = self.find("official", who)
            o = self.officials.get(found) if found else None
            if o is None:
                self.warn(c, f"no official '{who}' to add to meeting {meeting}")
                return None
            return o, _title_at(o, date)
        key = name_key(who.name)
        o = next((o for o in self.officials.values() if (name_key(o.name) == key or key in map(name_key, o.aliases))
                  and (who.country is None or o.country in (None, who.country))), None)
        if o is None:
            o = Official(self.new_official_id(who.name), who.name, [], who.country, [], [],
                         (replace(c, target="official", field="added"),))
            self.officials[o.id] = o
        return o, who.title or _title_at(o, date)


def _targets(draft: _Draft, corrections: list[Correction]) -> dict[tuple[str, str], dict[str, Correction]]:
    """Each target's corrections by field (the later line applies when two disagree). Merges are
    settled first, so that a correction of a meeting or an official merged into another applies to it."""
    for target, into in (("official", draft.merged_officials), ("meeting", draft.merged_meetings)):
        for c in corrections:
            if c.target != target or c.field != "merge":
                continue
            found = draft.find(target, c.id)
            for other in c.value:
                there = draft.find(target, other)
                if found is None or there is None or there == found:
                    draft.warn(c, f"cannot merge {target} '{other}' into '{c.id}': " + (
                        "it is that " + target if there is not None and there == found
                        else f"no {target} '{c.id if found is None else other}' any more"))
                    continue
                into[there] = found
                for merged, kept in into.items():       # kept flat: one merged earlier into `there` joins `found`
                    if kept == there:
                        into[merged] = found
    chosen: dict[tuple[str, str], dict[str, Correction]] = defaultdict(dict)
    for c in corrections:
        if c.target not in ("meeting", "official"):
            continue                 # articles act before resolve; new meetings have no target
        found = draft.find(c.target, c.id)
        if found is None:
            draft.warn(c, f"no {c.target} '{c.id}' any more; the correction waits for it")
            continue
        merged = draft.merged_meetings if c.target == "meeting" else draft.merged_officials
        if c.field != "merge" and merged.get(draft.find_placed(c.target, c.id)) == found:
            draft.warn(c, f"{c.target} '{c.id}' is merged into '{found}'; this correction applies to that {c.target}")
        earlier = chosen[(c.target, found)].get(c.field)
        if earlier is not None and earlier.value != c.value and c.field != "merge":
            draft.warn(c, f"contradicts line {earlier.line} on {c.field} of {c.target} '{c.id}'; this one applies")
        if c.field == "merge" and earlier is not None:
            c = replace(c, value=(*earlier.value, *c.value))
        chosen[(c.target, found)][c.field] = c
    for (target, found), fields in chosen.items():
        added, taken = fields.get("add_participant"), fields.get("remove_participant")
        both = set(added.value) & set(taken.value) if added and taken else set()
        if both:
            draft.warn(fields["remove_participant"], f"contradicts line {fields['add_participant'].line}: "
                                                    f"{', '.join(sorted(both))} both added to and taken out of "
                                                    f"meeting '{found}'; taken out")
    return chosen


def _title_at(o: Official, date: PartialDate | None) -> str:
    """The title an official held on a date, as their meetings show it: the last taken up by then (the
    first they are seen with, before any); the last seen when the date is not known."""
    if not o.positions:
        return ""
    if date is None:
        return o.positions[-1].title
    held = [p for p in o.positions if p.first_seen <= date.iso()]
    return (held or o.positions)[-1 if held else 0].title


# -- officials -------------------------------------------------------------------------------------------

def _officials(draft: _Draft, by_target: dict) -> None:
    """Merged, split, renamed, given a country or titles for a period: the officials, then each meeting's
    participants in one pass."""
    into = draft.merged_officials
    for old, new in into.items():
        o, gone = draft.officials[new], draft.officials[old]
        draft.officials[new] = replace(o, aliases=sorted({*o.aliases, gone.name, *gone.aliases} - {o.name}))
        draft.touched.add(new)
    split_to: dict[tuple[str, str], str] = {}            # (meeting, official) -> the official split off
    spans: dict[str, tuple] = {}
    for (target, found), fields in by_target.items():
        if target != "official":
            continue
        o = draft.officials[found]
        if "split" in fields:
            o = _split_official(draft, o, fields["split"], split_to)
        name, country = fields.get("name"), fields.get("country")
        # the name the articles gave stays findable, as a name also written
        aliases = sorted({*o.aliases, o.name} - {name.value}) if name else o.aliases
        draft.officials[found] = replace(o, name=name.value if name else o.name, aliases=aliases,
                                         country=country.value if country else o.country,
                                         corrections=(*o.corrections, *fields.values()))
        if "title" in fields:
            spans[found] = fields["title"].value
            draft.touched.add(found)
    recast = {*into, *(x for _, x in split_to), *(f for (t, f) in by_target if t == "official")}
    for handle, e in list(draft.events.items()):
        if not any(p.official in recast for p in e.participants):
            continue
        people, present = [], set()
        for p in e.participants:
            official = split_to.get((handle, into.get(p.official, p.official)), into.get(p.official, p.official))
            if official in present:
                continue                 # the two merged were both at the meeting: one of them
            present.add(official)
            o = draft.officials.get(official)
            if o is not None:
                span = next((s for s in spans.get(official, ()) if e.date and s.covers(e.date)), None)
                p = replace(p, official=official, name=o.name, country=o.country,
                            title=span.title if span else p.title)
            people.append(p)
        if people != e.participants:
            draft.events[handle] = _with_people(e, people)
    for old in into:
        draft.officials.pop(old, None)


def _split_official(draft: _Draft, o: Official, c: Correction, split_to: dict) -> Official:
    """The meetings named, and those whose sentences write one of the names, go to a new official."""
    split: OfficialSplit = c.value
    chosen = set()
    for meeting in split.meetings:
        found = draft.find("meeting", meeting)
        if found is None or not any(p.official == o.id for p in draft.events[found].participants):
            draft.warn(c, f"meeting '{meeting}' is not one of official '{o.id}'")
        else:
            chosen.add(found)
    written = [f" {fold(n)} " for n in split.names]
    for handle, e in draft.events.items():
        if any(p.official == o.id for p in e.participants) and any(
                w in f" {fold(s.sentence)} " for s in e.sources for w in written):
            chosen.add(handle)
    if not chosen:
        draft.warn(c, f"no meeting of official '{o.id}' goes to '{split.name}': nothing is split")
        return o
    new = Official(draft.new_official_id(split.name), split.name, sorted(set(split.names) - {split.name}),
                   o.country, [], [], (c,))
    draft.officials[new.id] = new
    for handle in chosen:
        split_to[(handle, o.id)] = new.id
    draft.touched |= {o.id, new.id}
    return replace(o, aliases=[a for a in o.aliases if a not in split.names])


def _words(text: str) -> str:
    """Text as compared with a sentence an editor quotes: one Unicode form, spaces as one."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _source_order(s: Evidence) -> tuple:
    """Articles first, in path order, then the addresses the editors gave."""
    return not s.file, s.file, s.link or ""


def _with_people(e: Event, people: list[Participant]) -> Event:
    return replace(e, participants=people, organizations=organizations_of(people))


# -- meetings --------------------------------------------------------------------------------------------

def _meetings(draft: _Draft, by_target: dict) -> None:
    """Merged, split, their fields and participants corrected, removed: in the chronology's order."""
    joined = defaultdict(list)
    for old, into in draft.merged_meetings.items():
        joined[into].append(old)
    for handle in list(draft.events):
        fields = by_target.get(("meeting", handle), {})
        if handle in draft.merged_meetings or not (fields or handle in joined):
            continue
        e = before = draft.events[handle]
        for other in joined.get(handle, ()):
            e = _merge_meeting(e, draft.events[other])
        if "split" in fields:
            e = _split_meeting(draft, handle, e, fields["split"])
        people = list(e.participants)
        if "add_participant" in fields:
            c = fields["add_participant"]
            for who in c.value:
                got = draft.person(who, c, f"'{handle}'", e.date)
                if got and not any(p.official == got[0].id for p in people):
                    o, title = got
                    people.append(Participant(o.name, title, o.country, "participant", o.id))
        if "remove_participant" in fields:
            c = fields["remove_participant"]
            for official in c.value:
                found = draft.find("official", official) or official
                if not any(p.official == found for p in people):
                    draft.warn(c, f"'{official}' is not a participant of meeting '{handle}'")
                people = [p for p in people if p.official != found]
        if people != list(e.participants):
            e = _with_people(e, people)
        value = {k: c.value for k, c in fields.items()}
        e = replace(e, kind=value.get("kind", e.kind), location=value.get("place", e.location),
                    online=value.get("online", e.online),
                    corrections=(*e.corrections, *(c for k, c in fields.items() if k != "split")))
        if "date" in value and value["date"] != e.date:
            # the id shows the date: a meeting the editors move takes the id its new date gives
            e = replace(e, date=value["date"], date_basis=DateBasis("editors", fields["date"].reason))
            draft.fresh.add(handle)
        if value.get("remove"):
            draft.removed.add(handle)
        draft.touched |= {p.official for p in (*before.participants, *e.participants)}
        draft.events[handle] = e
    for old in draft.merged_meetings:
        draft.touched |= {p.official for p in draft.events[old].participants}
        del draft.events[old]


def _merge_meeting(e: Event, other: Event) -> Event:
    """One meeting reported twice: the other's sources and participants join this one."""
    have = {p.official for p in e.participants}
    people = [*e.participants, *(p for p in other.participants if p.official not in have)]
    have_sources = {(s.file, s.link) for s in e.sources}
    sources = sorted([*e.sources, *(s for s in other.sources if (s.file, s.link) not in have_sources)],
                     key=_source_order)
    return replace(_with_people(e, people), sources=sources, online=e.online or other.online,
                   location=e.location or other.location, corrections=(*e.corrections, *other.corrections))


def _split_meeting(draft: _Draft, handle: str, e: Event, c: Correction) -> Event:
    """Another meeting in some of this one's articles: their sources go to a new meeting."""
    pages = {s.id: s.file for s in draft.given.sources}
    for n, split in enumerate(c.value):
        split: MeetingSplit
        files = {pages.get(a, a) for a in split.articles}
        going = [s for s in e.sources if s.file in files]
        if not going or len(going) == len(e.sources):
            draft.warn(c, f"meeting '{handle}' has " + (f"no source from {', '.join(split.articles)}" if not going
                                                        else "no other source: nothing would be left of it"))
            continue
        people = [p for p in e.participants if not split.participants or p.official in split.participants]
        for official in split.participants:
            if not any(p.official == official for p in e.participants):
                draft.warn(c, f"'{official}' is not a participant of meeting '{handle}'")
        new = replace(_with_people(e, people), id="", sources=going, kind=split.kind or e.kind, corrections=(c,))
        if split.date is not None:
            new = replace(new, date=split.date, date_basis=DateBasis("editors", c.reason))
        draft.events[f"+{handle}/{n}"] = new
        draft.fresh.add(f"+{handle}/{n}")
        draft.touched |= {p.official for p in e.participants}
        e = replace(e, sources=[s for s in e.sources if s.file not in files], corrections=(*e.corrections, c))
    return e


def _add_meeting(draft: _Draft, c: Correction, article_text) -> None:
    """A meeting the extractor missed: its participants (on the site, or made), its sources checked."""
    new: NewMeeting = c.value
    sources = []
    pages = {s.id: s.file for s in draft.given.sources}
    files = {s.file for s in draft.given.sources}
    for s in new.sources:
        if s.url:
            sources.append(Evidence("", s.sentence, s.url))
            continue
        path = s.article if s.article in files else pages.get(s.article)
        text = article_text(path) if path and article_text else None
        if path is None:
            draft.warn(c, f"no article '{s.article}' any more; the meeting is added without this source")
        elif article_text is not None and (text is None or _words(s.sentence) not in _words(text)):
            draft.warn(c, f"article '{s.article}' has no sentence \"{s.sentence}\"; the meeting is added without it")
        else:
            sources.append(Evidence(path, s.sentence))
    if not sources:
        draft.warn(c, "a meeting added by hand needs a source that is found; it waits for one")
        return
    people = []
    for n, who in enumerate(new.participants):
        got = draft.person(who, c, f"of {new.date.iso()}", new.date)
        if got and not any(p.official == got[0].id for p in people):
            o, title = got
            people.append(Participant(o.name, title, o.country, "host" if n == 0 else "guest", o.id))
    if not people:
        draft.warn(c, "a meeting added by hand needs a participant; it waits")
        return
    ids = {p.official for p in people}
    for e in draft.events.values():        # a better extractor, a new article: the articles give it now
        if e.date == new.date and len(ids & {p.official for p in e.participants}) >= min(2, len(ids)):
            draft.warn(c, f"the articles now give this meeting ('{e.id}'): merge into it what this one adds, "
                          f"or take this [[new_meeting]] out")
            break
    handle = f"+new/{c.line}"
    draft.events[handle] = _with_people(
        Event("", new.date, DateBasis("editors", c.reason), new.kind, new.online, new.place, "", [], [],
              sorted(sources, key=_source_order), (c,)), people)
    draft.fresh.add(handle)
    draft.touched |= {p.official for p in people}


# -- the end: ids, the chronology, the officials' pages, where old addresses lead ----------------------

def _finish(draft: _Draft) -> tuple[Timeline, dict[str, str], list[Diagnostic]]:
    """The corrected timeline: ids made for the meetings that need one, the chronology in order,
    every official's meetings and positions, and where each address that names no page leads."""
    t, redirects = draft.given, draft.redirects
    taken = {*(e.id for h, e in draft.events.items() if h not in draft.fresh),
             *(k[len("events/"):-1] for k in redirects if k.startswith("events/"))}
    dated, undated, outside, removed, final = [], [], [], [], {}
    for handle, e in draft.events.items():
        if handle in draft.removed:
            removed.append(e)
            continue
        in_range = e.date is not None and t.start <= e.date.first_day() and e.date.last_day() <= t.end
        if handle in draft.fresh:
            e = replace(e, id=_new_id(e, taken))
            taken.add(e.id)
        if e is not draft.placed.get(handle):            # changed: its title follows its people and kind
            e = replace(e, title=event_title(e))
        final[handle] = (e, in_range)
        (dated if in_range else undated if e.date is None else outside).append(e)
    for e in t.events:                       # a published address that names no page leads on
        handle = draft.merged_meetings.get(e.id, e.id)
        if handle in draft.removed:
            redirects[event_url(e.id)] = year_url(e.date.year)
        elif not final[handle][1]:
            redirects[event_url(e.id)] = UNPLACED_URL      # where the meetings outside the range are listed
        elif final[handle][0].id != e.id:
            redirects[event_url(e.id)] = event_url(final[handle][0].id)
    dated.sort(key=lambda e: (e.date.iso(), e.id))
    officials = _official_pages(draft, dated, redirects)
    _collapse(redirects)
    return replace(t, events=dated, officials=officials, undated=undated,
                   out_of_range=[*(e for e in t.out_of_range if not e.id), *outside],
                   corrected_out=[*t.corrected_out, *removed]), redirects, draft.notes


def _official_pages(draft: _Draft, dated: list[Event], redirects: dict[str, str]) -> list[Official]:
    """Every official with a dated meeting: their meetings in the chronology's order; positions again
    for those whose meetings or titles changed. One left with none leads to the officials' index."""
    meetings: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        for official in dict.fromkeys(p.official for p in e.participants):
            meetings[official].append(e)
    out = []
    for old, into in draft.merged_officials.items():
        redirects[official_url(old)] = official_url(into)
    shown = {o.id for o in draft.given.officials}
    for o in draft.officials.values():
        mine = meetings.get(o.id)
        if not mine:
            if o.id in shown and o.id not in draft.merged_officials:
                redirects[official_url(o.id)] = "officials/"
            continue
        ids = [e.id for e in mine]
        if o.id in draft.touched or ids != o.events:
            o = replace(o, events=ids, positions=positions(o, mine) if o.id in draft.touched or not o.positions
                        or ids != o.events else o.positions)
        out.append(o)
    out.sort(key=lambda o: o.id)
    return out


def _new_id(e: Event, taken: set[str]) -> str:
    """The id the chronology gives a meeting: its date (or 'undated'), then its officials; -2, -3 when taken."""
    head = e.date.iso() if e.date else "undated"
    base = slug(f"{head}-" + "-".join(p.official for p in e.participants)) or head
    new, n = base, 1
    while new in taken:
        n += 1
        new = f"{base}-{n}"
    return new


def _collapse(redirects: dict[str, str]) -> None:
    """An address that leads to one that now leads on leads straight to the end: one step for the reader."""
    for source, target in redirects.items():
        seen = {source}
        while target in redirects and target not in seen:
            seen.add(target)
            target = redirects[target]
        redirects[source] = target
