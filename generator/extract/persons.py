"""The persons of one article: every mention merged into one person, with the names, titles
and country the article gives them. Short references ('Bộ trưởng Smith', 'Tổng Bí thư') resolve
to the full person named elsewhere in the same article.
"""
from __future__ import annotations

import re
from collections import Counter

from generator.extract.lexicon import Lexicon, lexicon
from generator.extract.people import find_mentions
from generator.extract.tags import countries_named
from generator.extract.text import looks_vietnamese
from generator.model import Article, Mention, Person
from generator.names import fold, name_key, order_free

# Titles of other states' systems: a Vietnamese-spelled name holding one is a foreigner ("Thủ tướng Quốc vụ viện Lý X").
_FOREIGN_ONLY_TITLE = re.compile(
    r"\b(Tổng thống|Quốc vương|Nhà Vua|Nữ hoàng|Hoàng tử|Thái tử|Nhật hoàng|Ngoại trưởng|Quốc vụ khanh|Quốc vụ viện|"
    r"Ủy viên Quốc vụ|Nhân đại|Chính hiệp|Thủ hiến|Thống đốc bang|Thượng nghị sĩ|Hạ nghị sĩ|Tổng Chưởng lý|"
    r"Chính pháp)\b")

class People:
    """The persons of one article, built mention by mention."""

    def __init__(self):
        self.persons: list[Person] = []
        self.keys: list[set[str]] = []
        self.words: list[set[str]] = []
        self.forms: list[Counter] = []
        self.countries: list[Counter] = []

    def add(self, m: Mention) -> int:
        key = name_key(m.name)
        words = set(key.split())
        found = self._find(key, words)
        if found is None:
            self.persons.append(Person(name=m.name))
            self.keys.append(set())
            self.words.append(set())
            self.forms.append(Counter())
            self.countries.append(Counter())
            found = len(self.persons) - 1
        p = self.persons[found]
        self.keys[found].update({key, order_free(key)} | {name_key(a) for a in m.aliases})
        self.words[found] |= words
        self.forms[found][m.name] += 1
        for a in m.aliases:
            if a not in p.aliases:
                p.aliases.append(a)
        if m.country:
            self.countries[found][m.country] += 1
        if m.title and m.title not in p.titles:
            p.titles.append(m.title)
        if m.rank and not p.rank:
            p.rank = m.rank
        return found

    def known(self, m: Mention) -> int | None:
        """The person of the article a mention names, without making a new one (a caption's names)."""
        key = name_key(m.name)
        return self._find(key, set(key.split()))

    def _find(self, key: str, words: set[str]) -> int | None:
        for k, keys in enumerate(self.keys):
            if key in keys or order_free(key) in keys:
                return k
        # a shorter or longer form of a name already seen: "Smith" / "John Smith"
        hits = [k for k, ws in enumerate(self.words) if words <= ws or ws <= words]
        if len(hits) == 1:
            return hits[0]
        return None

    def by_title(self, m: Mention) -> int | None:
        """A title standing alone ('Tổng Bí thư') for the one person of the article who holds it."""
        want = fold(m.titles[-1]) if m.titles else ""
        if not want:
            return None
        def holds(title: str) -> bool:
            have = fold(title)
            return bool(have) and (have.startswith(want) or want.startswith(have))
        hits = [k for k, p in enumerate(self.persons) if any(holds(t) for t in p.titles)]
        country = m.country or next((c for c in countries_named(m.titles[-1], lexicon()) if c != "VN"), None)
        if len(hits) > 1 and country:
            # "tiếp Bộ trưởng Ngoại giao Hàn Quốc": the minister of that country, not the host's own minister
            hits = [k for k in hits if country in self.countries[k]] or hits
        if len(hits) > 1:
            exact = [k for k in hits if any(fold(t) == want for t in self.persons[k].titles)]
            hits = exact if len(exact) == 1 else hits
        if len(hits) > 1:
            # a Vietnamese report calls its own official by the bare title ("Bộ trưởng đến chào ...")
            hits = [k for k in hits if not (set(self.countries[k]) - {"VN"})
                    and all(looks_vietnamese(w) for w in self.persons[k].name.split())]
        return hits[0] if len(hits) == 1 else None

    def finish(self, dominant: str | None) -> None:
        for k, p in enumerate(self.persons):
            forms = self.forms[k]
            full = [f for f in forms if len(f.split()) >= 2] or list(forms)
            p.name = max(full, key=lambda f: (forms[f], len(f)))
            p.mentions = forms[p.name]
            p.aliases = sorted({f for f in forms if f != p.name} | {a for a in p.aliases if a != p.name})
            if self.countries[k]:
                p.country = self.countries[k].most_common(1)[0][0]
            elif any(_FOREIGN_ONLY_TITLE.search(t) for t in p.titles) and dominant:
                p.country = dominant     # "Tổng thống Lý Văn Minh": a title Việt Nam does not use
            elif all(looks_vietnamese(w) for w in p.name.replace("-", " ").split()):
                p.country = "VN"
            else:
                p.country = dominant



def aliases_from_captions(article: Article, people: People, lex: Lexicon) -> None:
    """Captions are no evidence of a meeting, but 'Bộ trưởng Quốc phòng Ấn Độ John Peter Smith. Ảnh: ...'
    spells out a fuller name and title of someone the report names."""
    for caption in article.captions:
        for m in find_mentions(caption, lex):
            if m.title_only:
                continue
            words = set(name_key(m.name).split())
            hits = [k for k, ws in enumerate(people.words) if (ws < words or ws == words) and len(ws) >= 2]
            if len(hits) != 1:
                continue
            person = people.persons[hits[0]]
            if words != people.words[hits[0]] and m.name not in person.aliases:
                person.aliases.append(m.name)
            if m.title and m.title not in person.titles:
                person.titles.append(m.title)
            if m.country:
                people.countries[hits[0]][m.country] += 1
