"""Across articles: one official per person, one event per meeting.

People are the same official when their name keys agree (spacing, Unicode form,
case, tone-mark placement and word order aside) or, for foreign names, when one
name's words are all in the other's ('John Smith' / 'John
Peter Smith') with no other candidate. Meetings are one event when they fall on
the same day and share two officials; a date an article could only infer takes
the year of another article that reports the same meeting with a known date.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from itertools import combinations

from generator.extract.lexicon import lexicon
from generator.extract.text import looks_vietnamese
from generator.model import Candidate, DateBasis, Evidence, Event, Official, Participant, PartialDate, Position, Reference
from generator.names import fold, name_key, order_free
from generator.urls import slug

# the organisations the participants' titles name: "Bộ trưởng Bộ Công an" -> "Bộ Công an"
_ORGANIZATION = re.compile(r"\b(Bộ|Ủy ban|Hội đồng|Cơ quan|Tổng cục|Cục|Quân đội|Quân ủy|Văn phòng|Ban)\s(?!trưởng|viên)[^,;()]+")
# kinds of meeting that are separate events even between the same people on the same day
_FAMILY = {"dialogue": 1, "conference": 1, "signing": 2}
_KIND_ORDER = ["call", "dialogue", "conference", "talks", "reception", "signing", "visit", "other"]


class _Officials:
    """Union-find over participants, keyed by name."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.country: dict[str, Counter] = defaultdict(Counter)
        self.forms: dict[str, Counter] = defaultdict(Counter)       # name form -> articles using it
        self.mentions: dict[str, Counter] = defaultdict(Counter)    # name form -> mentions in all articles
        self.alias_forms: dict[str, set[str]] = defaultdict(set)
        self._is_vietnamese: dict[str, bool] = {}

    def find(self, key: str) -> str:
        while self.parent.setdefault(key, key) != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def add(self, p: Participant) -> str:
        key = person_key(p.name)
        self.find(key)
        self.forms[key][p.name] += 0        # known; articles are counted once each in count_article
        for alias in p.aliases:
            if len(alias.split()) >= 2:
                self.alias_forms[key].add(alias)
        if p.country:
            self.country[key][p.country] += 1
        for alias in p.aliases:
            akey = person_key(alias)
            if akey and len(akey.split()) >= 2:
                self.union(key, akey)
                self.forms[akey]     # known, so subset matching sees it
        return key

    def merge_subsets(self) -> None:
        """Foreign names: a shorter form ('Smith', 'Michael Smith') is the one fuller name it is part of,
        and one letter apart in one long word ('Sergei'/'Sergey') is a transliteration of the same name."""
        keys = list(self.forms)
        words = {k: set(k.split()) for k in keys}
        having: dict[str, set[str]] = defaultdict(set)      # word -> the keys that have it
        for k in keys:
            for w in words[k]:
                having[w].add(k)
        for k in keys:
            if self._vietnamese(k) or len(words[k]) == 1 and len(k) < 4:
                continue
            fuller = set.intersection(*sorted((having[w] for w in words[k]), key=len)) if words[k] else set(keys)
            supers = {self.find(o) for o in fuller if o != k and words[k] < words[o] and self._compatible(k, o)}
            if len(supers) == 1:
                self.union(k, supers.pop())
        # transliterations differ in one word and have the same countries: compare only keys that
        # agree on all that
        alike: dict[tuple, list[str]] = defaultdict(list)
        for k in keys:
            parts = k.split()
            if len(parts) < 2 or not self.country[k] or self._vietnamese(k):
                continue                # never a transliteration (see _transliterated)
            countries = frozenset(self.country[k])
            for i in range(len(parts)):
                if len(parts[i]) >= 5:
                    alike[(countries, *parts[:i], None, *parts[i + 1:])].append(k)
        for group in alike.values():
            for a in group:
                for b in group:
                    if a < b and self._transliterated(a, b):
                        self.union(a, b)
        # one name written in syllables and run together: "Xổm Phết Vông Xay" / "Somphet Vongxay"
        skeletons: dict[tuple, list[str]] = defaultdict(list)
        for k in keys:
            if not self._vietnamese(k) and self.country[k] and self.forms[k]:
                run = _run_together(max(self.forms[k]))     # as written: the key's words are sorted
                if len(run) >= 10:
                    skeletons[(re.sub(r"[aeiouy]", "", run), self.country[k].most_common(1)[0][0])].append(k)
        for group in skeletons.values():
            for a in group:
                for b in group:
                    if a < b and len(a.split()) != len(b.split()) and \
                            SequenceMatcher(None, _run_together(max(self.forms[a])),
                                            _run_together(max(self.forms[b]))).ratio() >= 0.85:
                        self.union(a, b)

    def _transliterated(self, a: str, b: str) -> bool:
        ta, tb = a.split(), b.split()
        if len(ta) != len(tb) or len(ta) < 2 or self._vietnamese(a) or self._vietnamese(b):
            return False
        ca, cb = set(self.country[a]), set(self.country[b])
        if not ca or ca != cb:
            return False
        diff = [(x, y) for x, y in zip(ta, tb) if x != y]
        return len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 5 and _one_edit(*diff[0])

    def _vietnamese(self, key: str) -> bool:
        """Vietnamese names are never shortened by dropping a middle name, so no subset matching for them."""
        if key not in self._is_vietnamese:       # asked for every pair: the forms do not change meanwhile
            self._is_vietnamese[key] = self._looks_vietnamese(key)
        return self._is_vietnamese[key]

    def _looks_vietnamese(self, key: str) -> bool:
        names = self.forms.get(key)
        if not names or not all(looks_vietnamese(w) for n in names for w in n.split()):
            return False
        top = self.country[key].most_common(1)
        return not top or top[0][0] == "VN"

    def _compatible(self, a: str, b: str) -> bool:
        ca, cb = self.country[a], self.country[b]
        return not ca or not cb or bool(set(ca) & set(cb))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    table = {}
    for line in resources.files("generator.extract").joinpath("data", "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            short, _, full = line.partition("\t")
            table.setdefault(name_key(short.strip()), name_key(full.strip()))
    return table


def _run_together(name: str) -> str:
    return re.sub(r"[\W\d_]", "", fold(name))


@lru_cache(maxsize=1 << 17)      # asked for every participant in every pass: a name's key is computed once
def person_key(name: str) -> str:
    """The key officials are grouped by: spelling, word order and short given names ('Mike') ignored."""
    return order_free(_full_given_names(name_key(name)))


def _full_given_names(key: str) -> str:
    """'mike halloran' -> 'michael halloran': the key meets the full form's (the first word only, a given name)."""
    words = key.split()
    if len(words) >= 2 and words[0] in _given_names():
        words[0] = _given_names()[words[0]]
    return " ".join(words)


def _one_edit(a: str, b: str) -> bool:
    """True when one letter replaced, added or dropped turns a into b."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _main_title(title: str) -> str:
    """The position a title chain names, without party membership: 'Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an' -> 'Bộ trưởng Bộ Công an'."""
    parts = [p.strip() for p in title.split(",") if p.strip()]
    kept = [p for p in parts if not p.startswith("Ủy viên")]
    return ", ".join(kept or parts)


def fix_years(candidates: list[Candidate]) -> list[Candidate]:
    """A meeting whose year the article does not state, or only guesses, takes the year another article
    gives it more surely; and the other meetings of that article written without a year take it too (a
    week's roundup whose one call another report dates). Returns the candidates with those dated, as
    new records: the ones given are not changed (they may be an extraction cache's)."""
    dated = list(candidates)
    names = _LazyNames(candidates)
    found: dict[int, tuple | None] = {}      # a candidate -> the year its last search found, and where
    changed = None                           # the days whose candidates the last pass changed; None: all
    for _ in range(3):                  # a year found this way can date another report in turn
        changed = _fix_years_once(dated, names, found, changed)
        if not changed:
            break
    return dated


class _LazyNames:
    """Each candidate's names as fix_years compares them, read when first asked for: most candidates
    are dated surely and never meet another of their day."""

    def __init__(self, candidates: list[Candidate]):
        self._candidates = candidates
        self._read: dict[int, _NamesOf] = {}

    def __getitem__(self, k: int) -> "_NamesOf":
        found = self._read.get(k)
        if found is None:
            found = self._read[k] = _NamesOf.of(self._candidates[k])
        return found


@dataclass(frozen=True)
class _NamesOf:
    """A candidate's participants as fix_years compares them."""

    folded: frozenset[str]                 # each name folded
    keys: tuple[frozenset[str], ...]       # each name's key words
    words: frozenset[str] | None           # every word of both; None when a name has no word (it is
                                           # part of every other name)

    @classmethod
    def of(cls, c: Candidate) -> "_NamesOf":
        return _names_of(tuple(p.name for p in c.participants))

    def same_people(self, other: "_NamesOf") -> bool:
        """Two names in common, as folded or as one's key words within the other's."""
        return len(self.folded & other.folded) >= 2 or \
            sum(1 for x in self.keys if any(x <= y or y <= x for y in other.keys)) >= 2


@lru_cache(maxsize=1 << 17)      # the same participants, build after build (watch, serve)
def _names_of(names: tuple[str, ...]) -> _NamesOf:
    keys = tuple(_key_words(name) for name in names)
    folded = frozenset(fold(name) for name in names)
    words = None if not all(keys) else frozenset().union(*keys, *(f.split() for f in folded))
    return _NamesOf(folded, keys, words)


class _SameDay:
    """The candidates of one day that could be `same_people` with a given one, found through an index
    rather than by comparing it with every candidate of that day (hundreds, in a large archive).

    Two folded names in common are found by name. A name x of the one within a name y of the other
    (x <= y) means y has x's rarest word; y within x means x has y's rarest word: each candidate is
    indexed by every word of its names and by each name's rarest word, and only those two of whose
    names meet so are compared. Any one choice of 'rarest' finds the same candidates; the rarest of
    the day keeps the sets small. A name without a word is within every name: its candidate is always
    compared."""

    def __init__(self, names: list[_NamesOf]):
        self._counts = Counter(w for n in names for x in n.keys for w in x)
        self._rarest: dict[frozenset, str] = {}
        self.by_name: dict[str, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.by_rare: dict[str, set[int]] = defaultdict(set)
        self.anyone: set[int] = set()
        for i, theirs in enumerate(names):
            for f in theirs.folded:
                self.by_name[f].add(i)
            for y in theirs.keys:
                if not y:
                    self.anyone.add(i)
                    continue
                self.by_rare[self._rare(y)].add(i)
                for w in y:
                    self.by_word[w].add(i)
        self.size = len(names)

    def _rare(self, x: frozenset[str]) -> str:
        rarest = self._rarest.get(x)
        if rarest is None:
            rarest = self._rarest[x] = min(x, key=lambda w: (self._counts[w], w))
        return rarest

    def others(self, mine: _NamesOf) -> list[int] | range:
        """Indexes into the day's candidates, in order: every one that could share two names with `mine`."""
        if not all(mine.keys):
            return range(self.size)
        named = Counter(i for f in mine.folded for i in self.by_name.get(f, ()))
        met: Counter = Counter()
        for x in mine.keys:
            found = set(self.by_word.get(self._rare(x), ()))
            for w in x:
                found |= self.by_rare.get(w, set())
            met.update(found)
        near = {i for i, n in named.items() if n >= 2} | {i for i, n in met.items() if n >= 2}
        return sorted(near | self.anyone)


def _fix_years_once(dated: list[Candidate], names: _LazyNames, found: dict[int, tuple | None],
                    days_changed: set[tuple] | None) -> set[tuple]:
    """One pass over `dated` (replacing the candidates it dates); returns the days (day, month) of the
    candidates it changed. The day groups hold positions, so that a candidate dated earlier in the pass
    is read as dated now. A day none of whose candidates the pass before changed gives what it gave then
    (its candidates read the same records in the same order): its searches are not made again, their
    findings (`found`) are replayed."""
    changed: set[tuple] = set()
    sure: dict[tuple, list[int]] = defaultdict(list)     # day and month -> candidates with a year
    for k, c in enumerate(dated):
        if c.date and c.date_confidence >= 2 and c.day_month:
            sure[c.day_month].append(k)
    days: dict[tuple, _SameDay] = {}             # indexed only for the days an unsure candidate asks about
    year_of_file: dict[str, tuple[int, str, int]] = {}
    for k, c in enumerate(dated):
        if c.date_confidence >= 3 or not c.day_month or c.day_month not in sure:
            continue
        if days_changed is not None and c.day_month not in days_changed:
            if found.get(k):
                year_of_file.setdefault(c.file, found[k])
            continue
        found[k] = None
        mine, group = names[k], sure[c.day_month]
        near = days.get(c.day_month)
        if near is None:
            near = days[c.day_month] = _SameDay([names[o] for o in group])
        for o in (group[i] for i in near.others(mine)):
            other = dated[o]
            if other.file == c.file or other.date_confidence <= c.date_confidence:
                continue
            if mine.same_people(names[o]):
                day, month = c.day_month
                confidence = min(other.date_confidence, 2)
                again = replace(c, date=PartialDate(other.date.year, month, day), date_confidence=confidence,
                                date_basis=DateBasis("other_article", _date_words(c.date_basis), other.date.year,
                                                     article=other.file))
                found[k] = (other.date.year, other.file, confidence)
                year_of_file.setdefault(c.file, found[k])
                if again != c:          # dated as the pass before dated it: no reason for another pass
                    dated[k] = again
                    changed.add(c.day_month)
                break
    for k, c in enumerate(dated):
        if c.date is None and c.day_month and c.file in year_of_file:
            year, source, confidence = year_of_file[c.file]
            day, month = c.day_month
            date = PartialDate.checked(year, month, day)
            if date is not None:
                dated[k] = replace(c, date=date, date_confidence=confidence,
                                   date_basis=DateBasis("other_article", _date_words(c.date_basis), year, article=source))
                changed.add(c.day_month)
    return changed


def _date_words(basis: DateBasis) -> str:
    """The date as the sentence wrote it, also when it was inherited from the sentence before."""
    return basis.read or (_date_words(basis.before) if basis.before else "")


@lru_cache(maxsize=1 << 17)
def _key_words(name: str) -> frozenset[str]:
    return frozenset(person_key(name).split())


def resolve(candidates: list[Candidate], references: list[Reference] = ()) -> tuple[list[Event], list[Official]]:
    """Merge candidates into events and participants into officials (ids set, URLs relative). The
    candidates are only read: events and officials are new records."""
    candidates = fix_years(candidates)
    people = _Officials()
    seen: set[tuple[str, str]] = set()
    for c in candidates:
        for p in c.participants:
            key = people.add(p)
            if (c.file, p.name) not in seen:        # one article, one vote for how it writes the name
                seen.add((c.file, p.name))
                people.forms[key][p.name] += 1
                people.mentions[key][p.name] += p.mentions
    people.merge_subsets()
    groups: dict[str, list[str]] = defaultdict(list)
    for key in people.forms:
        groups[people.find(key)].append(key)
    official_ids = _official_ids(groups, people)
    official_of = {p.name: official_ids[people.find(person_key(p.name))] for c in candidates for p in c.participants}
    officials = _officials(groups, people, official_ids)
    names = {o.id: o.name for o in officials}        # one spelling of each official across the site
    events = _merge_events(candidates, official_of, names)
    events = _add_referring_sources(events, candidates, references, people, official_ids)
    return events, officials


def _add_referring_sources(events: list[Event], candidates, references, people: _Officials, ids) -> list[Event]:
    """'... đồng chủ trì Hội nghị ... lần thứ bảy' in an undated article is a source of the dated 7th session."""
    if not references:
        return events
    series_files: dict[tuple, set[str]] = defaultdict(set)     # a numbered session -> the articles reporting it
    for c in candidates:
        if c.series:
            series_files[c.series].add(c.file)
    by_file: dict[str, list[Event]] = defaultdict(list)         # an article -> the events it reports
    for e in events:
        for f in {s.file for s in e.sources}:
            by_file[f].append(e)
    files_of: dict[int, set[str]] = {}          # an event's articles, read once
    grown: dict[int, list[Evidence]] = {}       # an event -> the sources referring sentences add
    reporting_of: dict[tuple, dict[str, list[Event]]] = {}   # a numbered session -> official -> events
    for ref in references:
        ref_ids = set()
        for name in ref.people:
            key = people.find(person_key(name)) if person_key(name) in people.parent else None
            if key is not None:
                ref_ids.add(ids[key])
        reporting = reporting_of.get(ref.series)
        if reporting is None:         # the dated events of the session's articles, by their officials
            reporting = reporting_of[ref.series] = defaultdict(list)
            for e in {id(e): e for f in sorted(series_files[ref.series]) for e in by_file.get(f, ())}.values():
                if e.date:
                    if id(e) not in files_of:
                        files_of[id(e)] = {s.file for s in e.sources}
                    for official in {p.official for p in e.participants}:
                        reporting[official].append(e)
        # each event of an official the sentence names, once (in any order: each is grown on its own)
        for e in {id(e): e for official in ref_ids for e in reporting.get(official, ())}.values():
            if ref.file not in files_of[id(e)]:
                grown.setdefault(id(e), []).append(Evidence(ref.file, ref.sentence))
                files_of[id(e)].add(ref.file)
    # sorted once, stably: as if sorted after each source added
    return [replace(e, sources=sorted(e.sources + grown[id(e)], key=lambda s: s.file)) if id(e) in grown else e
            for e in events]


def _official_ids(groups: dict[str, list[str]], people: _Officials) -> dict[str, str]:
    """Slugs from the canonical names; two officials that fold to one slug get -2, -3 in a stable order."""
    named = []
    for root, keys in groups.items():
        forms, mentions = Counter(), Counter()
        for k in keys:
            forms.update(people.forms[k])
            mentions.update(people.mentions[k])
        name = _canonical(forms, mentions)
        named.append((slug(name) or "official", name_key(name), root))
    ids: dict[str, str] = {}
    used: Counter = Counter()
    for base, _, root in sorted(named):
        used[base] += 1
        ids[root] = base if used[base] == 1 else f"{base}-{used[base]}"
    return ids


def _canonical(forms: Counter, mentions: Counter | None = None) -> str:
    """The name as most articles write it, then as written most often, then the shorter form."""
    mentions = mentions or Counter()
    full = [f for f in forms if len(f.split()) >= 2] or list(forms)
    return max(full, key=lambda f: (forms[f], mentions[f], -len(f), f))


class _Bucket:
    """The groups of one family and date, with the officials of each, and the first group that has
    each official and each pair of officials: a candidate joins the first group made that shares two
    officials with it (one, when it names one; any, when it names nobody)."""

    def __init__(self):
        self.groups: list[list[Candidate]] = []
        self.officials: list[set[str]] = []
        self.first_with: dict = {}       # an official, or a sorted pair of them -> the first group having it

    def taking(self, ids: set[str]) -> int | None:
        """The group a candidate of these officials joins, or None: it makes a group of its own."""
        if not ids:
            return 0 if self.groups else None
        if len(ids) == 1:
            return self.first_with.get(next(iter(ids)))
        found = [self.first_with[pair] for pair in combinations(sorted(ids), 2) if pair in self.first_with]
        return min(found) if found else None

    def new(self, group: list[Candidate], ids: set[str]) -> None:
        self.groups.append(group)
        self.officials.append(set())
        self._note(len(self.groups) - 1, ids)

    def add(self, i: int, candidates: list[Candidate], ids: set[str]) -> None:
        """Group i takes these candidates in, and their officials."""
        self.groups[i].extend(candidates)
        self._note(i, ids)

    def _note(self, i: int, ids: set[str]) -> None:
        """Group i has these officials (too)."""
        added = ids - self.officials[i]
        if not added:
            return
        self.officials[i] |= added
        keys = list(added) + [pair for pair in combinations(sorted(self.officials[i]), 2)
                              if pair[0] in added or pair[1] in added]
        for key in keys:
            if self.first_with.get(key, i) >= i:
                self.first_with[key] = i


def _merge_events(candidates: list[Candidate], official_of: dict[str, str], names: dict[str, str]) -> list[Event]:
    # Only candidates of one family on one date (or, undated, of one article) can merge: groups
    # are bucketed by that, so each candidate is compared with its bucket, not with every group.
    # Within a bucket, a group can only take a candidate it shares an official with (unless the
    # candidate names nobody), so groups are also found through their officials.
    groups: list[list[Candidate]] = []
    buckets: dict[tuple, _Bucket] = defaultdict(_Bucket)
    for c in sorted(candidates, key=lambda c: (c.file, c.date.iso() if c.date else "")):
        ids = {official_of[p.name] for p in c.participants}
        # talks and the co-chaired session or signing after them are two events: buckets by family
        bucket = buckets[(_FAMILY.get(c.kind, 0), c.date if c.date else c.file)]
        i = bucket.taking(ids)
        if i is not None:
            bucket.add(i, [c], ids)
        else:
            groups.append([c])
            bucket.new(groups[-1], ids)
    # "Tháng 9/2025, X và Y ..." in one article, "Ngày 12/9, X tiếp Y" in another: one meeting
    days_of: dict[tuple[int, int], list[list[Candidate]]] = defaultdict(list)
    for g in groups:
        d = g[0].date
        if d and d.precision == "day":
            days_of[(d.year, d.month)].append(g)
    by_month: dict[tuple[int, int], _Bucket] = {}   # the day groups of a month, by their officials
    merged: set[int] = set()
    for g in [g for g in groups if g[0].date and g[0].date.precision == "month"]:
        month = (g[0].date.year, g[0].date.month)
        if month not in by_month:
            by_month[month] = _Bucket()
            for other in days_of[month]:
                by_month[month].new(other, {official_of[p.name] for c in other for p in c.participants})
        ids = {official_of[p.name] for c in g for p in c.participants}
        day = by_month[month]
        i = day.taking(ids) if len(ids) >= 2 else None       # two officials in common, no fewer
        if i is not None:
            day.add(i, g, ids)
            merged.add(id(g))
    return [_event(g, official_of, names) for g in groups if id(g) not in merged]


def _event(group: list[Candidate], official_of: dict[str, str], names: dict[str, str]) -> Event:
    best = max(group, key=lambda c: (c.date_confidence, c.date is not None and c.date.precision == "day",
                                     c.file == group[0].file))
    first: dict[str, Participant] = {}          # an official -> as the first report names them
    longest: dict[str, str] = {}                # an official -> the longest title the reports give
    for c in group:
        for p in c.participants:
            official = official_of[p.name]
            if official not in first:
                first[official], longest[official] = p, p.title
            elif len(p.title) > len(longest[official]):
                longest[official] = p.title
    participants = {official: Participant(names[official], longest[official], p.country, p.role, official,
                                          list(p.aliases)) for official, p in first.items()}
    if len(group) == 1:
        kind = group[0].kind
    else:
        kinds = Counter(c.kind for c in group)
        kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER.index(k) if k in _KIND_ORDER else 99))
    location = next((c.location for c in group if c.location), None)
    first_of_file = {}                          # each article's first report of the meeting
    for c in group:
        first_of_file.setdefault(c.file, c)
    sources = sorted((Evidence(f, c.evidence[0]) for f, c in first_of_file.items()), key=lambda s: s.file)
    parts = sorted(participants.values(), key=lambda p: (p.role not in ("host", "co-chair"), p.country != "VN"))
    organizations = organizations_of(parts)
    return Event(id="", date=best.date, date_basis=best.date_basis, kind=kind,
                 online=any(c.online for c in group), location=location, title="",
                 participants=parts, organizations=organizations, sources=sources)


def organizations_of(participants) -> list[str]:
    """The organisations the participants' titles name, each once, in order."""
    return list(dict.fromkeys(o for p in participants for o in _organizations(p.title)))


@lru_cache(maxsize=1 << 14)      # the same few thousand titles in every meeting
def _organizations(title: str) -> tuple[str, ...]:
    found = []
    for position in re.split(r",| kiêm ", _main_title(title)):
        m = _ORGANIZATION.search(position)
        if m and m.group(0).strip() not in found:
            found.append(m.group(0).strip())
    return tuple(found)


def _officials(groups, people: _Officials, ids: dict[str, str]) -> list[Official]:
    out = []
    for root, keys in groups.items():
        forms, mentions, countries = Counter(), Counter(), Counter()
        aliases: set[str] = set()
        for k in keys:
            forms.update(people.forms[k])
            mentions.update(people.mentions[k])
            countries.update(people.country[k])
            aliases |= people.alias_forms[k]
        name = _canonical(forms, mentions)
        aliases = {a for a in aliases | set(forms) if name_key(a) != name_key(name)}
        out.append(Official(id=ids[root], name=name, aliases=sorted(aliases),
                            country=countries.most_common(1)[0][0] if countries else None,
                            positions=[], events=[]))
    return out


def _position_key(title: str, country: str | None) -> str:
    """'Bộ trưởng Bộ Công an', 'Bộ trưởng Công an' and 'Bộ trưởng Bộ Công an Việt Nam' are one position."""
    words = fold(title).split()
    own = lexicon().country_keys.get(country or "", ())
    for name in sorted(own, key=len, reverse=True):
        n = len(name)
        if n and words[-n:] == list(name):
            words = words[:-n]
            break
    return " ".join(w for w in words if w != "bo")


def position_key(title: str, country: str | None) -> str:
    """What two wordings of one position have in common: 'Bộ trưởng Công an' is 'Bộ trưởng Bộ Công an Việt Nam'."""
    return _position_key(_main_title(title), country)


def positions(official: Official, events: list[Event]) -> list[Position]:
    """Titles held over time, from the dated meetings of one official."""
    spans: dict[str, list] = {}
    for e in sorted((e for e in events if e.date), key=lambda e: (e.date.iso(), e.id)):
        for p in e.participants:
            if p.official != official.id or not p.title:
                continue
            title = _main_title(p.title)
            key = _position_key(title, official.country)
            if key not in spans:
                spans[key] = [Counter(), e.date.iso(), e.date.iso()]
            spans[key][0][title] += 1
            spans[key][2] = e.date.iso()
    out = []
    for wordings, first, last in spans.values():
        title = max(wordings, key=lambda t: (wordings[t], -len(t), t))   # the usual wording, else the shortest
        out.append(Position(title, first, last))
    return sorted(out, key=lambda p: (p.first_seen, p.title))
