"""Published addresses stay valid: the permalink registry (`permalinks.json` beside `timeline.toml`).

The registry lists every meeting and official page ever published, with what identifies
it (a meeting's date, officials, kind and source files; an official's name keys). Each
build matches its meetings and officials to those entries first:

- a match whose published slug still fits (same date and officials; a name the official
  still bears) keeps its URL, so a new article about a known meeting changes nothing;
- a match whose slug no longer fits (a corrected date or name) gets a fresh slug, and the
  old URL becomes a redirect to it;
- a published page with no match any more redirects to its year (meetings) or to the
  officials index, and can reclaim its URL if it comes back;
- a fresh slug never reuses one the registry holds, so two meetings or officials that
  would share a slug get distinct ones that stay put.

The registry is plain, sorted JSON meant to be committed with the articles.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path


from generator.model import Event, Official, Registry, Timeline
from generator.names import fold, name_key
from generator.urls import event_url, official_url, slug, year_url

SCHEMA = 1
LEGACY_REGISTER = "permalinks.json"      # where earlier releases kept it: in the content folder


class RegistryError(ValueError):
    """The registry file exists but cannot be used; the message names the file."""


def load_registry(path: Path) -> Registry:
    if not path.exists():
        return Registry()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegistryError(f"{path}: not valid JSON ({exc}); fix it or restore it from version control") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise RegistryError(f"{path}: not a permalink registry of schema {SCHEMA}")
    events, officials = data.get("events", {}), data.get("officials", {})
    if not (isinstance(events, dict) and isinstance(officials, dict)
            and all(isinstance(v, dict) for v in [*events.values(), *officials.values()])):
        raise RegistryError(f"{path}: 'events' and 'officials' must map ids to objects")
    return Registry(events, officials)


def registry_json(registry: Registry) -> str:
    """Sorted, one entry per line, so that a change reads as a one-line diff."""
    def block(entries: dict[str, dict]) -> str:
        lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                 for k, v in sorted(entries.items())]
        return "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"
    return (f'{{\n "schema": {SCHEMA},\n'
            f' "comment": "Every page address timeline has published. Commit this file; do not edit it by hand.",\n'
            f' "events": {block(registry.events)},\n "officials": {block(registry.officials)}\n}}\n')


def assign_permalinks(timeline: Timeline, registry: Registry) -> tuple[Timeline, Registry, dict[str, str]]:
    """Give every official and meeting of the timeline its lasting id.

    Returns the timeline with those ids (new records: the one given is not changed), the updated
    registry and the redirects to write: old URL -> current URL.
    """
    renamed = _settle_officials(timeline.officials, registry)
    officials = [replace(o, id=renamed[o.id]) if o.id in renamed else o for o in timeline.officials]
    events, undated = ([_renaming(e, renamed) for e in made] for made in (timeline.events, timeline.undated))
    # where each published official is now: itself, or the official who bears its names
    live_officials = {o.id for o in officials}
    by_name = _Index(officials, _names)
    now = {}
    for rid, entry in registry.officials.items():
        best = by_name.best(entry.get("names", []), lambda o: len(_names(o) & set(entry.get("names", []))))
        now[rid] = rid if rid in live_officials else best.id if best else None
    ids = _settle_events(events, registry, now)
    events = [replace(e, id=ids[id(e)]) if ids[id(e)] != e.id else e for e in events]
    events.sort(key=lambda e: (e.date.iso(), e.id))
    meetings: dict[str, list[str]] = {}
    for e in events:
        for official in dict.fromkeys(p.official for p in e.participants):
            meetings.setdefault(official, []).append(e.id)
    officials = sorted((o if o.events == meetings.get(o.id, []) else replace(o, events=meetings.get(o.id, []))
                        for o in officials), key=lambda o: o.id)
    timeline = replace(timeline, events=events, officials=officials, undated=undated)

    new = Registry(dict(registry.events), dict(registry.officials))
    new.events.update({e.id: _event_fingerprint(e) for e in timeline.events})
    new.officials.update({o.id: _official_fingerprint(o) for o in timeline.officials})
    live = {event_url(e.id) for e in timeline.events} | {official_url(o.id) for o in timeline.officials}
    years = {e.date.year for e in timeline.events}
    events = _Index(timeline.events, _event_keys)
    for rid, entry in new.events.items():
        if event_url(rid) in live:
            continue
        best = events.best(_entry_keys(entry), lambda e: _match_score(e, entry, now))
        if best:
            target = event_url(best.id)
        elif entry.get("redirect") is not None and _follow(entry["redirect"], new, live) in live:
            target = entry["redirect"]
        else:
            year = int(str(entry.get("date", ""))[:4] or 0)
            target = year_url(year) if year in years else ""
        new.events[rid] = {**entry, "redirect": target}
    published_meetings: dict[str, list[dict]] = {}
    for entry in registry.events.values():
        for oid in entry.get("officials", []):
            published_meetings.setdefault(oid, []).append(entry)
    for rid, entry in new.officials.items():
        if official_url(rid) not in live:
            successor = now.get(rid) or _respelled(entry, published_meetings.get(rid, []), events, now)
            new.officials[rid] = {**entry, "redirect": official_url(successor) if successor else "officials/"}
    redirects = {}
    for entries, url_of in ((new.events, event_url), (new.officials, official_url)):
        for rid, entry in entries.items():
            if "redirect" in entry:
                redirects[url_of(rid)] = _follow(entry["redirect"], new, live)
    return timeline, new, redirects


def _renaming(e: Event, renamed: dict[str, str]) -> Event:
    """The event with its participants' officials under their lasting ids."""
    if not any(p.official in renamed for p in e.participants):
        return e
    return replace(e, participants=[replace(p, official=renamed[p.official]) if p.official in renamed else p
                                    for p in e.participants])


class _Index:
    """Items by key, so that matching looks only at items that share a key (a file, a date, a name)."""

    def __init__(self, items: list, keys_of):
        self.items = items
        self.by_key: dict = {}
        for i, item in enumerate(items):
            for k in keys_of(item):
                self.by_key.setdefault(k, []).append(i)

    def near(self, keys) -> list[int]:
        return sorted({i for k in keys for i in self.by_key.get(k, ())})

    def best(self, keys, score):
        """The item with the highest truthy score (the first one on a tie), or None."""
        scored = [(s, i) for i in self.near(keys) if (s := score(self.items[i]))]
        return self.items[max(scored, key=lambda t: (t[0], -t[1]))[1]] if scored else None


def _follow(url: str, registry: Registry, live: set[str]) -> str:
    """Where a chain of redirects ends (a moved page may have moved again); '' (home) on a loop."""
    seen = set()
    while url not in live and url not in seen:
        seen.add(url)
        m = re.fullmatch(r"(events|officials)/([^/]+)/", url)
        entry = m and (registry.events if m[1] == "events" else registry.officials).get(m[2])
        if not entry or entry.get("redirect") is None:
            return url
        url = entry["redirect"]
    return url if url in live else ""


def _fresh(base: str, reserved: set[str], preferred: str = "") -> str:
    """The first of base, base-2, base-3 ... that nobody holds (the id resolve gave, when free)."""
    if preferred and preferred not in reserved and _fits(preferred, {base}):
        return preferred
    n, candidate = 1, base
    while candidate in reserved:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _fits(slug_id: str, bases: set[str]) -> bool:
    """Whether a published id still reads as one of these slugs (with or without a -N suffix)."""
    return any(slug_id == b or slug_id.startswith(b + "-") and slug_id[len(b) + 1:].isdecimal()   # as r"-\d+"
               for b in bases if b)


def _assign(items: list, entries: dict[str, dict], near, score, fits) -> dict[int, str]:
    """One registry entry per item, best evidence first, among the entries whose id still fits.
    near(entry): the items worth scoring against it (in any order: the pairs are sorted)."""
    pairs = sorted((tuple(-x for x in s), rid, i) for rid, entry in entries.items()
                   for i in near(entry)
                   if (s := score(items[i], entry)) and fits(items[i], rid, entry))
    chosen: dict[int, str] = {}
    taken: set[str] = set()
    for _, rid, i in pairs:
        if i not in chosen and rid not in taken:
            chosen[i] = rid
            taken.add(rid)
    return chosen


def _extracted(entries: dict[str, dict]) -> dict[str, dict]:
    """The entries of pages the articles gave: those the editors' corrections made never claim a meeting
    or an official before the corrections apply (a meeting redated by them would keep the new date's id
    after the correction is gone)."""
    return {rid: entry for rid, entry in entries.items() if not entry.get("editors")}


def editors_pages(registry: Registry, redirects: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The redirects without the addresses the editors' corrections made (a meeting split off or added, an
    official split off or added), which this build's corrections may make again; and those, with where
    each would lead if they do not."""
    made = {url_of(rid) for entries, url_of in ((registry.events, event_url), (registry.officials, official_url))
            for rid, entry in entries.items() if entry.get("editors")}
    return ({url: to for url, to in redirects.items() if url not in made},
            {url: to for url, to in redirects.items() if url in made})


def record_corrected(registry: Registry, timeline: Timeline, redirects: dict[str, str],
                     made_before: dict[str, str]) -> tuple[Registry, dict[str, str]]:
    """The register with the pages the corrections made, marked as theirs, and the redirects with those
    made before and not now: when a correction goes, its address leads on like any page that goes (to the
    meeting its sources now give, to the officials)."""
    events = {e.id: e for e in timeline.events}
    officials = {o.id: o for o in timeline.officials}
    live = {event_url(i) for i in events} | {official_url(i) for i in officials}
    redirects = dict(redirects)
    for url, to in made_before.items():
        for _ in range(8):                       # where it led may be an address the corrections moved
            to = redirects.get(to, to)
        if url not in live and url not in redirects:
            redirects[url] = to
    new = Registry(dict(registry.events), dict(registry.officials))
    for entries, made, fingerprint in ((new.events, events, _event_fingerprint),
                                       (new.officials, officials, _official_fingerprint)):
        for rid, item in made.items():
            entry = entries.get(rid)
            if entry is None or entry.get("editors"):
                entries[rid] = {**fingerprint(item), "editors": True}
    return new, redirects


# -- officials ------------------------------------------------------------------------------------

def _names(o: Official) -> set[str]:
    return {name_key(n) for n in [o.name, *o.aliases] if n}


def _official_fingerprint(o: Official) -> dict:
    return {"name": o.name, "names": sorted(_names(o))}


def _respelled(entry: dict, published_meetings: list[dict], events: _Index, now: dict) -> str | None:
    """The official a published one became when its name was corrected ('Hans Muler' → 'Hans Müller'):
    someone at the same meetings (matched by date and articles) with a close spelling."""
    nearby: set[str] = set()
    for published in published_meetings:
        match = events.best(_entry_keys(published), lambda e: _match_score(e, published, now))
        nearby |= {p.official for p in match.participants} if match else set()
    names = [fold(n) for n in entry.get("names", [])] or [fold(entry.get("name", ""))]
    best, best_ratio = None, 0.0
    for oid in sorted(nearby - set(now.values())):
        ratio = max(SequenceMatcher(None, n, fold(oid.replace("-", " "))).ratio() for n in names)
        if ratio > best_ratio:
            best, best_ratio = oid, ratio
    return best if best_ratio >= 0.75 else None


def _settle_officials(given: list[Official], registry: Registry) -> dict[str, str]:
    """Ids for officials; returns {id resolve gave -> lasting id} for those that changed."""
    officials = sorted(given, key=lambda o: (o.id, name_key(o.name)))
    index = _Index(officials, _names)
    chosen = _assign(officials, _extracted(registry.officials), lambda entry: index.near(entry.get("names", [])),
                     lambda o, entry: (len(_names(o) & set(entry.get("names", []))),),
                     lambda o, rid, entry: _fits(rid, {slug(n) for n in [o.name, *o.aliases]}))
    reserved = set(registry.officials)
    renamed = {}
    for i, o in enumerate(officials):
        new_id = chosen.get(i) or _fresh(slug(o.name) or "official", reserved, o.id)
        reserved.add(new_id)
        renamed[o.id] = new_id
    return {old: new for old, new in renamed.items() if old != new}


# -- meetings -------------------------------------------------------------------------------------

def _event_fingerprint(e: Event) -> dict:
    return {"date": e.date.iso(), "kind": e.kind, "officials": [p.official for p in e.participants],
            "sources": sorted({s.file for s in e.sources})}


def _event_base(e: Event) -> str:
    return slug(f"{e.date.iso()}-{'-'.join(p.official for p in e.participants)}") or e.date.iso()


def _event_keys(e: Event) -> set:
    return {("file", s.file) for s in e.sources} | {("date", e.date.iso())}


def _entry_keys(entry: dict) -> set:
    return {("file", f) for f in entry.get("sources", [])} | {("date", entry.get("date"))}


# An entry and a meeting are worth scoring only when they share an article, or on the same date the
# officials `_Scorer.score` asks for: one when the entry names one, two when it names more. Indexed so, a
# day of many meetings of one official is not a square of pairs.
def _meets(e: Event) -> set:
    date, officials = e.date.iso(), sorted({p.official for p in e.participants})
    return {("file", s.file) for s in e.sources} | {("met", date, o) for o in officials} \
        | {("met", date, *pair) for pair in combinations(officials, 2)}


def _entry_meets(entry: dict, now: dict[str, str | None]) -> set:
    published = [now.get(x) or x for x in entry.get("officials", [])]
    date, distinct = entry.get("date"), sorted(set(published))
    met = {("met", date, *pair) for pair in combinations(distinct, 2)} if len(published) >= 2 \
        else {("met", date, o) for o in distinct}
    return {("file", f) for f in entry.get("sources", [])} | met


def _match_score(e: Event, entry: dict, now: dict[str, str | None]) -> tuple | None:
    """How surely a published entry is this meeting: shared articles, same date, shared officials."""
    return _Scorer(now).score(e, entry)


class _Scorer:
    """_match_score with each meeting's and entry's sets made once: a date shared by many meetings
    makes every entry of that date meet every meeting of it."""

    def __init__(self, now: dict[str, str | None]):
        self.now = now
        self._events: dict[int, tuple] = {}
        self._entries: dict[int, tuple] = {}

    def score(self, e: Event, entry: dict) -> tuple | None:
        mine = self._events.get(id(e))
        if mine is None:
            mine = self._events[id(e)] = (e, {s.file for s in e.sources}, {p.official for p in e.participants},
                                          e.date.iso())
        theirs = self._entries.get(id(entry))
        if theirs is None:
            published = [self.now.get(x) or x for x in entry.get("officials", [])]
            theirs = self._entries[id(entry)] = (entry, set(entry.get("sources", [])), set(published),
                                                 len(published), entry.get("date"), set(entry.get("officials", [])))
        _, files, officials, iso = mine
        _, sources, published, count, date, _ = theirs
        shared = len(files & sources)
        same_date = date == iso
        if not shared and not same_date:
            return None
        overlap = len(officials & published)
        if shared and (overlap or same_date) or same_date and overlap >= min(2, count or 1):
            return (shared, same_date, overlap, entry.get("kind") == e.kind)
        return None

    def fits(self, e: Event, entry: dict) -> bool:
        """Asked right after `score` of the same pair, whose sets it reads."""
        _, _, officials, iso = self._events[id(e)]
        return entry.get("date") == iso and self._entries[id(entry)][5] <= officials


class _Fitting:
    """The meetings an entry may keep its id on: sharing a key with it (`_meets`) and, as `_Scorer.fits`
    asks, on its date with every official it names. Found through the date and officials first: on a
    busy day an entry's articles and officials meet hundreds of meetings, of which few fit."""

    def __init__(self, events: list[Event], now: dict[str, str | None]):
        self.now = now
        self.meets = [_meets(e) for e in events]
        self.index: _Index | None = None               # made for the first entry that names nobody
        self.on: dict[tuple, set[int]] = {}           # (date, official) -> the meetings of that official that day
        for i, e in enumerate(events):
            for p in e.participants:
                self.on.setdefault((e.date.iso(), p.official), set()).add(i)

    def near(self, entry: dict) -> set[int] | list[int]:
        keys = _entry_meets(entry, self.now)
        officials = set(entry.get("officials", []))
        if not officials:                 # every meeting of the date fits: the keys say which to score
            if self.index is None:          # indexed by position, with the keys already read
                self.index = _Index(range(len(self.meets)), self.meets.__getitem__)
            return self.index.near(keys)
        sets = sorted((self.on.get((entry.get("date"), o), set()) for o in officials), key=len)
        fitting = set.intersection(*sets)
        return {i for i in fitting if not self.meets[i].isdisjoint(keys)}


def _settle_events(given: list[Event], registry: Registry, now: dict[str, str | None]) -> dict[int, str]:
    """Published ids stay while their date and officials still fit; the rest get fresh ones. Returns
    each event's lasting id, by id() of the event."""
    events = sorted(given, key=lambda e: (_event_base(e), sorted(s.file for s in e.sources)))
    scorer = _Scorer(now)
    chosen = _assign(events, _extracted(registry.events), _Fitting(events, now).near, scorer.score,
                     lambda e, rid, entry: scorer.fits(e, entry))
    reserved = set(registry.events)
    ids = {}
    for i, e in enumerate(events):
        ids[id(e)] = chosen.get(i) or _fresh(_event_base(e), reserved)
        reserved.add(ids[id(e)])
    return ids
