"""Editors' corrections (`corrections.toml`): what the machine got wrong, fixed on every build.

The articles are the record and stay as published; an editor writes what to change in a file
beside `timeline.toml`, one table per correction, addressed by the ids the site shows (a meeting's
or an official's; an old id that now redirects still finds its target), each with its reason:

    [[meeting]]
    id = "2021-06-22-nguyen-van-a-john-smith"
    kind = "talks"                  # also: date = "2021-06-21", place = "...", online = true, remove = true,
                                    # add_participant = ["..."], remove_participant = ["..."]
    reason = "The ministry's own report calls it talks"

    [[official]]
    id = "john-smith"
    name = "John A. Smith"          # also: country = "GB", merge = ["john-smith-2"]
    reason = "His name as he writes it"

Corrections apply to the timeline once its ids are known (after the permalinks), so that an id the
site published is the id a correction uses; a removed meeting's address then leads to its year. A
correction whose target is gone, or that says otherwise than another of the same target, is a
warning naming its line (`--strict` fails on it); it stays in the file and applies again when its
target comes back. Each corrected record carries its corrections, which its page and
timeline.json show. (Issue 13 lists more operations: splits, a title for a period, meetings merged,
a meeting added by hand, an article's publication date; they come in later.)
"""
from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from generator.model import Correction, DateBasis, Diagnostic, Event, Official, PartialDate, Participant, Timeline
from generator.resolve.chronology import event_title
from generator.resolve.merge import positions
from generator.resolve.sources import page_base
from generator.site.permalinks import event_url, official_url, year_url
from generator.urls import slug

UNPLACED_URL = "unplaced/"
KINDS = ("reception", "talks", "call", "dialogue", "visit", "signing", "conference", "other")


def _kind(value) -> str:
    if value not in KINDS:
        raise ValueError(f"must be one of {', '.join(KINDS)}")
    return value


def _text(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be text")
    return " ".join(value.split())


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _date(value) -> PartialDate:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value) if not isinstance(value, bool) else "")
    date = PartialDate.checked(*(int(g) if g else None for g in m.groups())) if m else None
    if date is None:
        raise ValueError("must be a date: \"2024-03-05\", \"2024-03\" (a month) or \"2024\" (a year)")
    return date


def _ids(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be the id of an official, or a list of them")
    return tuple(value)


def _country(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ValueError("must be a two-letter country code, such as \"US\"")
    return value.upper()


# what each kind of target can have corrected, and how a value is checked
FIELDS = {"meeting": {"date": _date, "kind": _kind, "place": _text, "online": _flag, "remove": _flag,
                      "add_participant": _ids, "remove_participant": _ids},
          "official": {"merge": _ids, "name": _text, "country": _country},
          "article": {"ignore": _flag}}


def load_corrections(path: Path | None) -> tuple[list[Correction], list[Diagnostic]]:
    """The corrections of the file (none when there is no file), and what is wrong in it, by line."""
    if path is None or not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        return [], [Diagnostic(str(path), f"not valid TOML ({exc}); no correction is applied", "error")]
    lines = _table_lines(text)
    out, problems = [], []
    for target in data:
        if target not in FIELDS:
            problems.append(Diagnostic(str(path), f"unknown kind of correction [[{target}]] (known: "
                                                  f"{', '.join(f'[[{k}]]' for k in FIELDS)})"))
    for target, fields in FIELDS.items():
        entries = data.get(target, [])
        if not isinstance(entries, list):
            problems.append(Diagnostic(str(path), f"'{target}' must be tables [[{target}]]"))
            continue
        for n, entry in enumerate(entries):
            line = lines[target][n] if n < len(lines[target]) else 0
            where = f"{path}:{line}" if line else str(path)
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
                problems.append(Diagnostic(where, f"a [[{target}]] needs the id of its {target}"))
                continue
            reason = entry.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                problems.append(Diagnostic(where, f"a correction needs its reason (reason = \"...\")"))
                continue
            changes = {k: v for k, v in entry.items() if k not in ("id", "reason")}
            if not changes:
                problems.append(Diagnostic(where, f"nothing to change (one of: {', '.join(fields)})"))
            for key, value in changes.items():
                if key not in fields:
                    problems.append(Diagnostic(where, f"'{key}' cannot be corrected on a {target} "
                                                      f"(one of: {', '.join(fields)})"))
                    continue
                try:
                    value = fields[key](value)
                except ValueError as exc:
                    problems.append(Diagnostic(where, f"'{key}' {exc}"))
                    continue
                out.append(Correction(target, entry["id"], key, value, " ".join(reason.split()), line))
    return out, problems


def _table_lines(text: str) -> dict[str, list[int]]:
    """The line of each [[meeting]] and [[official]] header, in order: the n-th entry's line."""
    found: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[\[\s*(\w+)\s*\]\]", line)
        if m:
            found[m.group(1)].append(number)
    return found


def ignored_articles(corrections: list[Correction], results, source: str) -> tuple[dict, list[Diagnostic]]:
    """The articles the editors ignore (by path in the content folder, or by the id of their page), and
    a warning for each that no article answers to."""
    by_path = {r.article.path: r.article.path for r in results}
    by_page = {page_base(r.article.path): r.article.path for r in results}
    ignored, notes = {}, []
    for c in corrections:
        if c.target != "article" or not c.value:
            continue
        path = by_path.get(c.id) or by_page.get(c.id)
        if path is None:
            notes.append(Diagnostic(f"{source}:{c.line}", f"no article '{c.id}' any more; the correction waits for it"))
        else:
            ignored[path] = c
    return ignored, notes


def apply_corrections(timeline: Timeline, redirects: dict[str, str], corrections: list[Correction],
                      source: str) -> tuple[Timeline, dict[str, str], list[Diagnostic]]:
    """The timeline with the corrections applied (new records), the redirects with the addresses of
    removed meetings (to their year) and of officials left with no meeting (to the officials' index),
    and the warnings: targets not found, corrections that contradict each other."""
    if not corrections:
        return timeline, redirects, []
    notes: list[Diagnostic] = []
    events = {e.id: e for e in [*timeline.events, *timeline.undated]}      # an undated meeting can be dated
    officials = {o.id: o for o in timeline.officials}
    chosen: dict[tuple[str, str, str], Correction] = {}
    for c in corrections:
        if c.target == "article":
            continue                         # applied before resolve (ignored_articles)
        known = events if c.target == "meeting" else officials
        url = (event_url if c.target == "meeting" else official_url)(c.id)
        found = c.id if c.id in known else _redirected(redirects.get(url), c.target)
        if found not in known:
            notes.append(Diagnostic(f"{source}:{c.line}", f"no {c.target} '{c.id}' any more; the correction "
                                                          f"waits for it"))
            continue
        earlier = chosen.get((c.target, found, c.field))
        if earlier is not None and earlier.value != c.value:
            notes.append(Diagnostic(f"{source}:{c.line}", f"contradicts line {earlier.line} on {c.field} of "
                                                          f"{c.target} '{c.id}'; this one applies"))
        chosen[(c.target, found, c.field)] = c
    by_target: dict[tuple[str, str], list[Correction]] = defaultdict(list)
    for (target, found, _), c in chosen.items():
        by_target[(target, found)].append(c)

    # officials first: one merged into another, a name or a country corrected shows in every meeting of theirs
    absorbed = _merges(by_target, officials, redirects, source, notes)
    named: dict[str, Official] = {}
    for (target, found), cs in by_target.items():
        if target == "official":
            o = officials[found]
            fields = {c.field: c.value for c in cs}
            into = [officials[b] for b, a in absorbed.items() if a == found]
            aliases = sorted({*o.aliases, *(x for b in into for x in (b.name, *b.aliases))} - {fields.get("name", o.name)})
            named[found] = replace(o, name=fields.get("name", o.name), country=fields.get("country", o.country),
                                   aliases=aliases, events=[*o.events, *(i for b in into for i in b.events)],
                                   corrections=(*o.corrections, *cs))
    kept, removed, redated, undated = [], [], [], []
    regrouped: set[str] = set()              # officials who join or leave a meeting: their lists follow
    for e in [*timeline.events, *timeline.undated]:
        cs = by_target.get(("meeting", e.id), [])
        fields = {c.field: c.value for c in cs}
        people, present = [], set()
        for p in e.participants:
            official = absorbed.get(p.official, p.official)
            if official in present:
                continue                     # the two merged were both at the meeting: one of them
            present.add(official)
            people.append(replace(p, official=official, name=named[official].name, country=named[official].country)
                          if official in named else p)
        people, joined = _participants(e, people, fields, officials, named, source, cs, notes)
        regrouped.update(joined)
        if not cs and people == e.participants:
            (kept if e.date else undated).append(e)
            continue
        new = replace(e, kind=fields.get("kind", e.kind), location=fields.get("place", e.location),
                      online=fields.get("online", e.online), participants=people,
                      corrections=(*e.corrections, *cs))
        moves = "date" in fields and fields["date"] != e.date
        if moves:
            dated = next(c for c in cs if c.field == "date")
            new = replace(new, date=fields["date"], date_basis=DateBasis("editors", dated.reason))
        new = replace(new, title=event_title(new))
        if moves:
            redated.append(new)
        (removed if fields.get("remove") else kept if new.date else undated).append(new)
    redirects = dict(redirects)
    published = {x.id for x in timeline.events}             # an undated meeting had no page to lead on from
    for e in removed:
        if e.id in published:
            redirects[event_url(e.id)] = year_url(e.date.year)
    kept, outside = _redate(kept, {id(e) for e in redated}, timeline, redirects)
    gone = {e.id for e in removed}
    moved = {p.official for e in redated for p in e.participants} | set(absorbed.values()) | regrouped
    by_official: dict[str, list[Event]] = defaultdict(list)
    for e in kept:
        for official in dict.fromkeys(p.official for p in e.participants):
            by_official[official].append(e)
    out_officials = []
    for o in timeline.officials:
        if o.id in absorbed:
            redirects[official_url(o.id)] = official_url(absorbed[o.id])        # one page for the two
            continue
        o = named.get(o.id, o)
        if o.id in moved:                    # a meeting of theirs moved: their list and positions follow it
            o = replace(o, events=[e.id for e in by_official.get(o.id, [])],
                        positions=positions(o, by_official.get(o.id, [])))
        left = [i for i in o.events if i not in gone]
        if not left:
            redirects[official_url(o.id)] = "officials/"
            continue
        out_officials.append(replace(o, events=left) if len(left) != len(o.events) else o)
    return replace(timeline, events=kept, officials=out_officials, out_of_range=[*timeline.out_of_range, *outside],
                   undated=undated, corrected_out=[*timeline.corrected_out, *removed]), redirects, notes


def _participants(e: Event, people: list, fields: dict, officials: dict[str, Official], named: dict[str, Official],
                  source: str, cs: list[Correction], notes: list[Diagnostic]) -> tuple[list, set[str]]:
    """The meeting's participants with those the editors add (officials of the site, with the title they
    last held) and take out; the officials whose meetings change."""
    changed: set[str] = set()
    line = {c.field: c.line for c in cs}
    for official in fields.get("remove_participant", ()):
        if not any(p.official == official for p in people):
            notes.append(Diagnostic(f"{source}:{line['remove_participant']}",
                                    f"'{official}' is not a participant of meeting '{e.id}'"))
            continue
        people = [p for p in people if p.official != official]
        changed.add(official)
    for official in fields.get("add_participant", ()):
        o = named.get(official) or officials.get(official)
        if o is None:
            notes.append(Diagnostic(f"{source}:{line['add_participant']}",
                                    f"no official '{official}' to add to meeting '{e.id}'"))
            continue
        if any(p.official == official for p in people):
            continue
        title = o.positions[-1].title if o.positions else ""
        people = [*people, Participant(o.name, title, o.country, "participant", o.id)]
        changed.add(official)
    return people, changed


def _merges(by_target, officials: dict[str, Official], redirects: dict[str, str], source: str,
            notes: list[Diagnostic]) -> dict[str, str]:
    """Which official each merged one becomes (merge = [...] on the one that stays); one that is not
    there, or is the one it merges into, is a warning naming the line."""
    absorbed: dict[str, str] = {}
    for (target, found), cs in by_target.items():
        for c in cs:
            if target != "official" or c.field != "merge":
                continue
            for other in c.value:
                there = other if other in officials else _redirected(redirects.get(official_url(other)), "official")
                if there not in officials or there == found:
                    notes.append(Diagnostic(f"{source}:{c.line}", f"cannot merge official '{other}' into '{c.id}': "
                                                                  + ("it is that official" if there == found
                                                                     else "no such official any more")))
                    continue
                absorbed[there] = found
    return absorbed


def _redate(events: list[Event], redated: set[int], timeline: Timeline,
            redirects: dict[str, str]) -> tuple[list[Event], list[Event]]:
    """Meetings whose date the editors set take the id the chronology gives that date (the date, then
    their officials; -2, -3 when taken), their old address leads to the new one (or to the year, when
    the date leaves the range: the not-placed page lists it), and the chronology is sorted again. Returns (in range, now outside)."""
    if not redated:
        return events, []
    taken = {e.id for e in events if id(e) not in redated}
    published_ids = {x.id for x in timeline.events}
    kept, outside = [], []
    for e in events:
        if id(e) not in redated:
            kept.append(e)
            continue
        published = e.id in published_ids                     # an undated meeting had no page
        if not (e.date.first_day() >= timeline.start and e.date.last_day() <= timeline.end):
            if published:
                redirects[event_url(e.id)] = UNPLACED_URL     # where the meetings outside the range are listed
            outside.append(replace(e, id=""))
            continue
        base = slug(f"{e.date.iso()}-" + "-".join(p.official for p in e.participants)) or e.date.iso()
        new_id, n = base, 1
        while new_id in taken:
            n += 1
            new_id = f"{base}-{n}"
        taken.add(new_id)
        if new_id != e.id and published:
            redirects[event_url(e.id)] = event_url(new_id)
        kept.append(replace(e, id=new_id))
    kept.sort(key=lambda e: (e.date.iso(), e.id))
    return kept, outside


def _redirected(target: str | None, kind: str) -> str | None:
    """The id an old address now leads to ('events/<id>/' -> '<id>'), if it leads to one."""
    prefix = "events/" if kind == "meeting" else "officials/"
    if target and target.startswith(prefix) and target.count("/") == 2:
        return target[len(prefix):-1]
    return None
