"""Gazetteer tags over a sentence's tokens: where titles, ranks, places and organisations start.

The grammar of person mentions (people.py) reads these tags; they are kept apart
because they are plain look-ups with a few rules of Vietnamese spelling: a
country's one-word name inside a compound ('Pháp luật') or a name ('Hồ Đức Minh')
is no country, and 'Đoàn' before a name is a family name, not a delegation.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.extract.lexicon import Lexicon, Match, lexicon
from generator.extract.text import Token, looks_vietnamese, tokenize

# Lower-case compounds inside organisation names whose first word alone would end a title:
# "Quân đội nhân dân", "Tòa án nhân dân tối cao".
_ORG_COMPOUNDS = {("nhân", "dân"), ("tối", "cao"), ("cùng", "cấp")}
# Title words that a report translated from a foreign outlet may write in lower case.
_LOWER_TITLE_STARTS = {"tổng", "chủ", "thủ", "bộ", "ngoại", "đại", "thứ", "phó"}
# Words that make another title of a title: deputy, acting, new, former.
_TITLE_PREFIXES = {"Phó", "Quyền", "Tân", "Cựu", "Nguyên"}
# Words that begin an organisation's name but are also Vietnamese family names.
_SURNAME_ORG_WORDS = {"Đoàn", "Trường"}

@dataclass
class Tags:
    head: list[Match | None]       # title, rank or honorific starting here
    head_kind: list[str | None]
    place: list[Match | None]      # country, region or institution starting here
    place_kind: list[str | None]
    stop: list[Match | None]
    org: list[Match | None]        # an organisation's first word starting here
    inside: list[bool]             # inside a place name


def tag(tokens: list[Token], lex: Lexicon) -> Tags:
    n = len(tokens)
    tags = Tags([None] * n, [None] * n, [None] * n, [None] * n, [None] * n, [None] * n, [False] * n)
    place_ends: set[int] = set()        # where a place or institution just read ends: "Công Thương Lào"
    for i, tok in enumerate(tokens):
        if tok.kind not in ("word", "initial"):
            continue
        key = tok.key                   # most words begin no entry of any table: those are passed at once
        for kind, gaz in (("title", lex.titles), ("rank", lex.ranks), ("honorific", lex.honorifics)):
            m = gaz.match_at(tokens, i) if key in gaz.lengths else None
            if m is None and kind == "title" and tok.lower and tok.text in _LOWER_TITLE_STARTS:
                m = lex.titles_any_case.match_at(tokens, i)   # "tổng bí thư ... Lê Văn A" in a translated report
                if m is not None:
                    kind = "title_lower"
            if m:
                if kind == "honorific" and (m.end >= n or not tokens[m.end].cap):
                    continue            # "ông" must stand before a name
                if tags.head[i] is None or m.end > tags.head[i].end:
                    tags.head[i], tags.head_kind[i] = m, kind
        for kind, gaz in (("country", lex.countries), ("region", lex.regions), ("institution", lex.institutions)):
            if key not in gaz.lengths:
                continue
            m = country_at(tokens, i, lex, after_place=i in place_ends) if kind == "country" else gaz.match_at(tokens, i)
            if m and kind == "region" and _inside_name(tokens, i):
                m = None                # "Lê Tân Cương": a name, though Tân Cương is also a region
            if m and (tags.place[i] is None or m.end > tags.place[i].end):
                tags.place[i], tags.place_kind[i] = m, kind
        if tags.place[i] is not None:
            place_ends.add(tags.place[i].end)
        if tok.lower and key in lex.stopwords.lengths and not (i + 1 < n and (tok.text, tokens[i + 1].text) in _ORG_COMPOUNDS):
            tags.stop[i] = lex.stopwords.match_at(tokens, i)
        org = lex.org_heads.match_at(tokens, i) if key in lex.org_heads.lengths else None
        if org and org.end - org.start == 1 and tok.text in _SURNAME_ORG_WORDS and org.end < n \
                and tokens[org.end].cap:
            org = None                  # "Đoàn Văn Hải" is a name; "Đoàn đại biểu", "Đoàn Campuchia" are not
        tags.org[i] = org
    for i in range(n - 1):              # "Phó Trợ lý Ngoại trưởng", "Quyền Bộ trưởng": a prefix and a title
        head = tags.head[i + 1]
        if tokens[i].text in _TITLE_PREFIXES and head is not None and tags.head_kind[i + 1] == "title" \
                and (tags.head[i] is None or tags.head[i].end <= head.end):
            tags.head[i], tags.head_kind[i] = Match(i, head.end, head.value, head.entry), "title"
    for i in range(n):                  # words inside a place name start nothing
        if tags.place[i] is not None:
            for k in range(i + 1, tags.place[i].end):
                tags.inside[k] = True
                tags.head[k] = tags.head_kind[k] = None
            if tags.place_kind[i] == "institution":
                tags.head[i] = tags.head_kind[i] = None     # "Phủ Chủ tịch" is a palace
    return tags


def country_at(tokens: list[Token], i: int, lex: Lexicon, after_place: bool = False) -> Match | None:
    """A country name starting at token i; "Pháp luật" and "Anh hùng" are words, not countries.
    Right after a place or an institution ("Bộ trưởng Công Thương Lào") it is no part of a name."""
    if tokens[i].key not in lex.countries.lengths:
        return None
    m = lex.countries.match_at(tokens, i)
    if m and m.end - m.start == 1:
        if m.end < len(tokens) and tokens[m.end].lower and tokens[m.end].text not in ("và", "kiêm") \
                and lex.stopwords.match_at(tokens, m.end) is None:
            return None
        if _inside_name(tokens, i) and not after_place:
            return None             # "Nguyễn Tuấn Anh", "Hồ Đức Minh": part of a name
    return m


def _inside_name(tokens: list[Token], i: int) -> bool:
    """A capitalised word right before, as in a Vietnamese name: 'Nguyễn Tuấn Anh', 'Lê Tân Cương'."""
    prev = tokens[i - 1] if i > 0 else None
    return prev is not None and prev.kind == "word" and prev.cap and not prev.acronym \
        and prev.end == tokens[i].start - 1 and looks_vietnamese(prev.text) and looks_vietnamese(tokens[i].text)



def countries_named(sentence: str, lex: Lexicon | None = None) -> list[str]:
    """Country codes named in a sentence, in order."""
    if lex is None or lex is lexicon():
        return list(_countries_named(sentence))      # an article's sentences are asked about more than once
    return _read_countries(sentence, lex)


@lru_cache(maxsize=8192)
def _countries_named(sentence: str) -> tuple[str, ...]:
    return tuple(_read_countries(sentence, lexicon()))


def _read_countries(sentence: str, lex: Lexicon) -> list[str]:
    toks = tokenize(sentence)
    out = []
    k = 0
    while k < len(toks):
        hit = country_at(toks, k, lex)
        region = lex.regions.match_at(toks, k) if toks[k].key in lex.regions.lengths else None
        if region and (not hit or region.end > hit.end):
            k = region.end
            continue
        if hit:
            out.append(hit.value)
            k = hit.end
        else:
            k += 1
    return out
