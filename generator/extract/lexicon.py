"""The gazetteers extraction uses, loaded once from `data/`.

Titles, ranks, honorifics, countries, regions, institutions, stop words and
meeting cues are language data, not code, and contain no person's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from generator.extract.text import Token, tokenize
from generator.names import clean_spaces, fold


def _lines(name: str) -> list[str]:
    try:
        text = resources.files("generator.extract").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    out = []
    for line in text.splitlines():
        line = "\t".join(clean_spaces(part) for part in line.split("\t"))
        if line.strip() and not line.startswith("#"):
            out.append(line)
    return out


def _phrase_key(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.key for t in tokens)


@dataclass(frozen=True)
class Match:
    start: int          # token index
    end: int            # token index, exclusive
    value: str          # what the entry stands for (a country code, a kind, the entry itself)
    entry: str


class Gazetteer:
    """Longest-match lookup of multi-word entries over tokens.

    Matching ignores case and tone placement; with `capitalised`, the first
    token must also be written with a capital, as names of countries and titles are.
    """

    def __init__(self, entries: list[tuple[str, str]], capitalised: bool = False, exact_case: bool = False):
        self.capitalised = capitalised
        self.exact_case = exact_case      # every word capitalised as in the entry ("Lâm Đồng" is not "Lâm đồng")
        self.table: dict[tuple[str, ...], list[tuple[str, str, tuple[bool, ...]]]] = {}
        self.longest = 1
        self.first: set[str] = set()
        self.lower_first: set[str] = set()   # entries written in lower case ("châu Âu") match as written
        lengths: dict[str, set[int]] = {}   # the lengths of the entries a first word begins, longest tried first
        for entry, value in entries:
            tokens = tokenize(entry)
            key = _phrase_key(tokens)
            if key:
                self.first.add(key[0])
                lengths.setdefault(key[0], set()).add(len(key))
                if exact_case and not tokens[0].cap:
                    self.lower_first.add(key[0])
                self.table.setdefault(key, []).append((value, entry, tuple(t.cap for t in tokens)))
                self.longest = max(self.longest, len(key))
        self.lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        # the entries as a tree of words: a look-up walks the sentence's words once, as far as some
        # entry goes, instead of building each entry length's word tuple in turn (the tagger asks at
        # every word of every sentence)
        self._tree: dict[str, tuple[dict, list]] = {}
        for key, hits in self.table.items():
            level, node = self._tree, None
            for word in key:
                node = level.setdefault(word, ({}, []))
                level = node[0]
            node[1].extend(hits)

    def match_at(self, tokens: list[Token], i: int) -> Match | None:
        """The longest entry starting at token i (of those written so, with `exact_case`)."""
        first = tokens[i].key
        node = self._tree.get(first)
        if node is None or self.capitalised and not tokens[i].cap and first not in self.lower_first:
            return None
        found = []                       # (end, entries ending there), shortest first
        j, n = i, len(tokens)
        while True:
            if node[1]:
                found.append((j + 1, node[1]))
            j += 1
            if j >= n:
                break
            node = node[0].get(tokens[j].key)
            if node is None:
                break
        for end, hits in reversed(found):
            for value, entry, caps in hits:
                if not self.exact_case or caps == tuple(t.cap for t in tokens[i:end]):
                    return Match(i, end, value, entry)
        return None

    def __contains__(self, text: str) -> bool:
        return _phrase_key(tokenize(text)) in self.table


@dataclass
class Lexicon:
    titles: Gazetteer
    titles_any_case: Gazetteer
    ranks: Gazetteer
    honorifics: Gazetteer
    countries: Gazetteer
    regions: Gazetteer
    institutions: Gazetteer
    org_heads: Gazetteer
    stopwords: Gazetteer
    cues: Gazetteer
    cues_lower: set[str]
    relations: dict[str, int]
    normalizations: dict[str, int]
    partnerships: dict[tuple[str, str], int]
    congresses: dict[tuple[str, int], tuple[int, int]]
    country_names: dict[str, str]
    country_keys: dict[str, list[tuple[str, ...]]]   # every name of a country, folded, as word tuples
    buildings: list[tuple[str, str]]                 # (building, city), folded building first
    occasions: list["Occasion"] = ()                 # anniversaries, numbered meetings, hosted summits
    cue_rows: list[tuple[str, str, str]] = ()        # (kind, phrase, example) as cues.tsv gives them


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    countries = []
    names: dict[str, str] = {}
    for line in _lines("countries.tsv"):
        code, _, name = line.partition("\t")
        if name:
            countries.append((name, code.strip()))
            names.setdefault(code.strip(), name)
    relations = {}
    for line in _lines("relations.tsv"):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip().isdigit():
            relations[parts[0].strip()] = int(parts[1])
    congresses = {}
    for line in _lines("congresses.tsv"):
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].strip().isdigit():
            month = int(parts[3]) if len(parts) > 3 and parts[3].strip().isdigit() else 1
            congresses[(parts[0].strip(), int(parts[1]))] = (int(parts[2]), month)
    cues = []
    cue_rows = []
    for line in _lines("cues.tsv"):
        kind, phrase, example = (line.split("\t") + ["", ""])[:3]
        cues.append((phrase, kind))
        cue_rows.append((kind, phrase, example))
    # a region's value is its country's code when the table gives one, else "region"
    regions = [(parts[0], parts[1].strip() if len(parts) > 1 and parts[1].strip() else "region")
               for parts in (line.split("\t") for line in _lines("regions.tsv"))]
    return Lexicon(
        titles=Gazetteer([(t, t) for t in _lines("titles.txt")], capitalised=True),
        titles_any_case=Gazetteer([(t, t) for t in _lines("titles.txt")]),
        ranks=Gazetteer([(t, t) for t in _lines("ranks.txt")], capitalised=True),
        honorifics=Gazetteer([(t, t) for t in _lines("honorifics.txt")]),
        countries=Gazetteer(countries, capitalised=True, exact_case=True),
        regions=Gazetteer(regions, capitalised=True, exact_case=True),
        institutions=Gazetteer([(t, t) for t in _lines("institutions.txt")], capitalised=True, exact_case=True),
        org_heads=Gazetteer([(t, t) for t in _lines("org_heads.txt")], capitalised=True),
        stopwords=Gazetteer([(t, t) for t in _lines("stopwords.txt")]),
        cues=Gazetteer(cues),
        cues_lower={phrase for phrase, _ in cues if phrase[0].islower()},
        relations=relations,
        partnerships={(p[0], p[1]): int(p[2]) for p in (l.split("\t") for l in _lines("partnerships.tsv"))
                      if len(p) == 3 and p[2].strip().isdigit()},
        normalizations={code: int(year) for code, _, year in (l.partition("\t") for l in _lines("normalizations.tsv"))
                        if year.strip().isdigit()},
        congresses=congresses,
        country_names=names,
        country_keys=_country_keys(countries),
        buildings=sorted(((fold(b), city) for b, _, city in (l.partition("\t") for l in _lines("buildings.tsv")) if city),
                         key=lambda x: -len(x[0])),
        occasions=[Occasion.parse(line) for line in _lines("occasions.tsv")],
        cue_rows=cue_rows,
    )


@dataclass(frozen=True)
class Occasion:
    """A row of occasions.tsv: something an article names that says which year it is."""

    kind: str                        # anniversary | series | hosted
    pattern: re.Pattern
    rule: str                        # a founding year, "n0:year0:per_year", or the year of a summit
    example: str
    example_year: int
    written: str = ""                # the pattern as the table writes it

    @classmethod
    def parse(cls, line: str) -> "Occasion":
        kind, pattern, rule, example, year = line.split("\t")
        body = pattern.replace(" ", r"\s+").replace("{n}", r"(\d{1,3})\b")
        if kind == "hosted" and r"\s+.{0,80}" in body:
            # "Hội nghị G7 ... tại Hiroshima" and "tại Hiroshima, ... Hội nghị G7": the summit and its host in
            # either order
            first, second = body.split(r"\s+.{0,80}", 1)
            body = f"(?:{first}.{{0,80}}{second}|{second}.{{0,80}}{first})"
        if kind == "anniversary":
            body = (r"(?:(gần|hơn|trên)\s+)?(\d{1,3})\s+năm\s+(?:kỷ niệm\s+)?(?:Ngày\s+)?(?:truyền thống\s+)?"
                    r"(?:(?:của|thành lập)\s+)?" + body)
        return cls(kind, re.compile(body, re.I), rule, example, int(year), pattern)

    def years(self, sentence: str):
        """(year, words, count, shift) for each time the sentence names this occasion."""
        for m in self.pattern.finditer(sentence):
            if self.kind == "anniversary":
                shift = {"gần": -1, "hơn": 1, "trên": 1}.get((m.group(1) or "").lower(), 0)
                yield int(self.rule) + int(m.group(2)) + shift, m.group(0), int(m.group(2)), shift
            elif self.kind == "series":
                n0, year0, per_year = (int(x) for x in self.rule.split(":"))
                n = int(m.group(1))
                yield year0 + (n - n0) // per_year, m.group(0), n, 0
            else:
                yield int(self.rule), m.group(0), None, 0





def _country_keys(countries: list[tuple[str, str]]) -> dict[str, list[tuple[str, ...]]]:
    keys: dict[str, list[tuple[str, ...]]] = {}
    for name, code in countries:
        keys.setdefault(code, []).append(tuple(fold(name).split()))
    return keys
