"""People named in a sentence: name, title chain, rank and country, found by pattern.

Vietnamese news names officials in a few fixed shapes, which this module reads
as a small grammar over tokens:

    [rank|honorific] NAME [(ALIAS)] [, TITLE [, TITLE]...]     Đại tướng Nguyễn Văn A, Bộ trưởng Bộ Công an
    TITLE [, TITLE]... [COUNTRY] NAME                            Bộ trưởng Bộ Công an Nguyễn Văn A
    NAME, TITLE                                                  John Smith, Trợ lý Ngoại trưởng Hoa Kỳ

A title runs from a title word over organisation words ('Bộ Công an', 'Ủy ban
Công an Quốc gia Nhật Bản') until a verb, a function word or punctuation; the
name is the run of capitalised words that ends it. Organisation words come in
capitalised + lower-case pairs ('Công an'), names as runs of capitalised words,
so the last capitalised run before the stop is the name. Countries, regions and
institutions are looked up and never taken for a name. No person is listed anywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.lexicon import Lexicon, lexicon
from generator.extract.tags import countries_named, country_at, tag
from generator.extract.text import Token, looks_vietnamese, tokenize
from generator.model import Mention

# Lower-case particles inside foreign names: "Ursula von der Leyen".
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "bin", "binti", "al", "el", "dos", "das", "di", "du", "le", "la"}
# Plain forms of address, not kept in the name or as an honorific alias.
_PLAIN_ADDRESS = {"ông", "bà", "ngài", "đồng chí", "quý ngài", "người đồng cấp"}
_COUNTERPART = {"người đồng cấp"}
_TITLE_JOINERS = {"kiêm"}
# "Đại tướng X - Ủy viên Bộ Chính trị, Bộ trưởng ...": a title after a dash, right after the name
_DASHES = {"-", "–", "—"}
# Words before a title that name a position rather than a person: "vào vị trí Chủ tịch ...".
_POSITION_WORDS = {"trí", "chức", "vị", "vụ", "cương", "làm", "là", "giữ", "bầu", "trò", "kỳ", "danh", "nhiệm", "thành", "cấp"}
_PLACE_PREPOSITIONS = {"tại", "ở", "của"}
_POSTED_TITLE = re.compile(r"(Phó\s+)?(Đại sứ|Tổng Lãnh sự|Lãnh sự|Trưởng Đại diện|Trưởng Văn phòng|Tùy viên|Đại biện)\b")
_MAX_PHRASE = 30
_DELEGATION_OF = re.compile(r"[Đđ]oàn\b(?P<org>[^,;.()]{0,90}?)\bdo\s+(?:\S+\s+){0,3}$")
_DELEGATION_ORG = re.compile(
    r"[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+(?P<org>(?:Bộ|Ủy ban|Hội đồng|Cơ quan|Tổng cục|Cục|Quân đội)\s[^,;.()]{2,60}?)\s+do\s+$")


def _is_name_token(tok: Token) -> bool:
    if tok.kind == "initial":
        return True
    if not tok.cap or tok.acronym:
        return False
    # "Việt Nam-Nhật Bản" joins two places; Vietnamese names have no hyphens ("Jean-Luc" is one name)
    parts = tok.text.split("-")
    return len(parts) == 1 or not all(p[:1].isupper() and looks_vietnamese(p) for p in parts)


def _qualifies(run: list[Token]) -> bool:
    """Could this run of capitalised words be a person's name?"""
    if not run:
        return False
    if len(run) >= 2:
        return True
    tok = run[0]
    return tok.kind == "word" and not looks_vietnamese(tok.text) and len(tok.text) > 2


def _cut_to_name(run: list[Token]) -> list[Token]:
    """Drop Vietnamese-looking words before a foreign name: 'Đông Á John Smith' -> 'John Smith'."""
    for k in range(2, len(run) - 1):
        if all(t.kind == "word" and looks_vietnamese(t.text) for t in run[:k]) and \
                all(not looks_vietnamese(t.text) for t in run[k:]):
            return run[k:]
    return run


class _Parser:
    def __init__(self, sentence: str, lex: Lexicon):
        self.sentence = sentence
        self.lex = lex
        self.tokens = tokenize(sentence)
        self.tags = tag(self.tokens, lex)

    def text(self, a: int, b: int) -> str:
        """Sentence text from token a to token b (exclusive)."""
        if a >= b:
            return ""
        return self.sentence[self.tokens[a].start:self.tokens[b - 1].end]

    # -- a title phrase ---------------------------------------------------------------
    def phrase(self, i: int) -> tuple[int, tuple[int, int] | None, int]:
        """Read a title phrase from the head at i, token by token, each token decided by the first step of
        PHRASE_STEPS that knows it.

        Returns (end of the title part, name run as (start, end) or None, next index).
        """
        toks = self.tokens
        r = _Reading(self, i, self.tags.head[i].end)
        while r.m < len(toks) and r.m - i < _MAX_PHRASE:
            r.run_ok = r.run_start is not None and _qualifies(toks[r.run_start:r.m])
            if _decide(r) == _STOP:
                break
        m, run_start = r.m, r.run_start
        if run_start is not None and _qualifies(toks[run_start:m]) and (run_start != r.after_dash or m - run_start >= 2):
            if run_start == r.after_org and m - run_start >= 3 and not looks_vietnamese(toks[run_start].text):
                run_start += 1
            run = _cut_to_name(toks[run_start:m])
            start = toks.index(run[0], run_start)
            return start, (start, m), m
        return m, None, m

    def _particles_then_name(self, j: int) -> bool:
        """'von der Leyen', 'bin Salman': lower-case particles followed by a capitalised name word."""
        toks = self.tokens
        while j < len(toks) and toks[j].lower and toks[j].text in _PARTICLES:
            j += 1
        return j < len(toks) and _is_name_token(toks[j])

    def name_after(self, k: int) -> tuple[int, int] | None:
        """A name right after a rank or honorific: capitalised words, with particles."""
        toks = self.tokens
        j = k
        while j < len(toks):
            t = toks[j]
            if _is_name_token(t) and self.tags.place[j] is None and (self.tags.head[j] is None or j == k and self.tags.head_kind[j] == "honorific"):
                j += 1
            elif t.lower and t.text in _PARTICLES and j > k and self._particles_then_name(j):
                j += 1
            else:
                break
        if j == k:
            return None
        if j - k == 1 and toks[k].kind == "word" and len(toks[k].text) < 2:
            return None
        return k, j

    # -- a whole mention --------------------------------------------------------------
    def mention_at(self, i: int) -> tuple[Mention | None, int]:
        toks, tags = self.tokens, self.tags
        pending: list[str] = []
        rank = None
        honorific = None
        j = i
        if i > 0 and toks[i - 1].lower and toks[i - 1].text.lower() in _POSITION_WORDS and tags.head_kind[i] == "title":
            title_end, _, nxt = self.phrase(i)
            return Mention(name="", start=toks[i].start, end=toks[title_end - 1].end,
                           titles=[self.text(i, title_end)], title_only=True, positional=True), max(nxt, i + 1)
        nxt = i + 1
        while j < len(toks) and tags.head[j] is not None:
            kind = tags.head_kind[j]
            head = tags.head[j]
            if kind in ("rank", "honorific"):
                entry = self.text(head.start, head.end)
                if kind == "rank":
                    rank = entry
                elif entry.lower() not in _PLAIN_ADDRESS:
                    honorific = entry
                k = head.end
                if k < len(toks) and tags.head[k] is not None and tags.head_kind[k] in ("rank", "honorific"):
                    j = k
                    continue
                country = None
                if entry.lower() in _COUNTERPART and k < len(toks) and tags.place_kind[k] == "country":
                    country = tags.place[k].value      # "người đồng cấp Nhật Bản Tanabe Kenji"
                    k = tags.place[k].end
                span = self.name_after(k)
                if span is None:
                    if k < len(toks) and tags.head[k] is not None:
                        j = k
                        continue
                    return None, head.end
                mention, nxt = self._finish(i, span, pending, rank, honorific if not country else None)
                mention.country = mention.country or country
                return mention, nxt
            # a title
            title_end, span, nxt = self.phrase(j)
            title = self.text(j, title_end).strip(" ,-–")
            if span:
                if title:
                    pending.append(title)
                return self._finish(i, span, pending, rank, honorific)
            if kind == "title_lower":
                return None, i + 1       # a lower-case title word counts only before a name
            pending.append(title)
            if nxt < len(toks) and (toks[nxt].text == "," or toks[nxt].text.lower() in _TITLE_JOINERS) \
                    and nxt + 1 < len(toks) and tags.head[nxt + 1] is not None:
                j = nxt + 1
                continue
            if nxt < len(toks) and tags.head[nxt] is not None and tags.head_kind[nxt] in ("rank", "honorific"):
                j = nxt
                continue
            break
        if pending:
            end = max(nxt, i + 1)
            return Mention(name="", start=toks[i].start, end=toks[end - 1].end,
                           titles=pending, rank=rank, title_only=True), end
        return None, i + 1

    def _finish(self, i: int, span: tuple[int, int], pending: list[str], rank, honorific) -> tuple[Mention, int]:
        toks, tags = self.tokens, self.tags
        a, b = span
        name = self.text(a, b)
        aliases = []
        if honorific:
            aliases.append(f"{honorific} {name}")
        j = b
        # (Wang Yi): another spelling of the name
        if j + 2 < len(toks) and toks[j].text == "(" and _is_name_token(toks[j + 1]):
            k = j + 1
            while k < len(toks) and _is_name_token(toks[k]):
                k += 1
            if k < len(toks) and toks[k].text == ")" and tags.place[j + 1] is None:
                aliases.append(self.text(j + 1, k))
                j = k + 1
        # "(Mỹ)": the country in brackets after the name
        bracket_country = None
        if j + 2 < len(toks) and toks[j].text == "(" and tags.place_kind[j + 1] == "country" \
                and tags.place[j + 1].end < len(toks) and toks[tags.place[j + 1].end].text == ")":
            bracket_country = tags.place[j + 1].value
            j = tags.place[j + 1].end + 1
        titles = list(pending)
        # apposition: ", Bộ trưởng Bộ Công an, Ủy viên ..." or " - Title"
        while j + 1 < len(toks) and (toks[j].text == "," or toks[j].text.lower() in _TITLE_JOINERS
                                     or (toks[j].text in _DASHES and (j == b or not titles))) \
                and tags.head[j + 1] is not None and tags.head_kind[j + 1] == "title":
            title_end, span2, nxt = self.phrase(j + 1)
            if span2 is not None:
                break                     # the next person: "..., Ngoại trưởng John Smith"
            if nxt < len(toks) and tags.head[nxt] is not None and tags.head_kind[nxt] in ("rank", "honorific") \
                    and self.name_after(tags.head[nxt].end) is not None:
                break                     # "..., Thủ tướng Campuchia Samdech X": the next person too
            if title_end == tags.head[j + 1].end and nxt < len(toks) and tags.stop[nxt] is not None:
                break                     # "..., Thủ tướng gửi lời": the subject of the next clause
            sep = " kiêm " if toks[j].text.lower() in _TITLE_JOINERS and titles else ""
            title = self.text(j + 1, title_end).strip(" ,-–")
            if sep:
                titles[-1] = titles[-1] + sep + title
            else:
                titles.append(title)
            j = nxt
            # ", Bộ Nội vụ Australia": an organisation that completes the title
            while j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].cap and tags.head[j + 1] is None \
                    and tags.place_kind[j + 1] != "region" and self._org_continues(j + 1):
                end = self._org_end(j + 1)
                titles[-1] = titles[-1] + ", " + self.text(j + 1, end)
                j = end
        if b - a == 1 and a > 0 and toks[a - 1].acronym and toks[a - 1].end + 1 == toks[a].start \
                and len(toks[a - 1].text) >= 4 and titles and titles[0].endswith(" " + toks[a - 1].text):
            # "Tổng Lãnh sự TANABE Kenji": a family name in capitals, read as part of the title
            name = f"{toks[a - 1].text} {name}"
            titles[0] = titles[0][:-len(toks[a - 1].text) - 1]
        mention = Mention(name=name, start=toks[i].start, end=toks[j - 1].end, titles=titles,
                          rank=rank, aliases=aliases)
        mention.country = bracket_country or self.country_of(titles)
        return mention, j

    def _org_continues(self, k: int) -> bool:
        """'Bộ Nội vụ Australia' after a comma: an organisation, not the next clause."""
        word = self.tokens[k].text
        return word in ("Bộ", "Ủy", "Ban", "Cơ", "Tổng", "Cục", "Vụ", "Viện", "Văn", "Hội", "Quân", "Sở", "Nhóm", "Trung")

    def _org_end(self, k: int) -> int:
        toks, tags = self.tokens, self.tags
        m = k
        while m < len(toks) and m - k < 15:
            t = toks[m]
            if t.kind == "punct" or t.kind == "num":
                break
            if tags.place[m] is not None:
                m = tags.place[m].end
                continue
            if t.lower and (tags.stop[m] is not None or t.text in _TITLE_JOINERS):
                break
            m += 1
        return m

    def country_of(self, titles: list[str]) -> str | None:
        """The first country a title chain names, not counting 'tại X' (where an ambassador serves)."""
        for title in titles:
            toks = tokenize(title)
            k = 0
            ends = set()                    # where an institution ends: "Công Thương Lào"
            while k < len(toks):
                institution = self.lex.institutions.match_at(toks, k)
                if institution:
                    ends.add(institution.end)
                region = self.lex.regions.match_at(toks, k)
                hit = country_at(toks, k, self.lex, after_place=k in ends)
                if region and (not hit or region.end > hit.end):
                    if region.value != "region" and not (k > 0 and toks[k - 1].text.lower() in ("tại", "ở", "với", "sang")):
                        return region.value     # "Bí thư Tỉnh ủy Sơn Đông": a province of China
                    k = region.end          # "Ấn Độ Dương" is an ocean, not India
                    continue
                if hit and not (k > 0 and toks[k - 1].text.lower() in ("tại", "ở", "với", "sang")):
                    return hit.value
                k = hit.end if hit else k + 1
        return None

    def bare_apposition(self, i: int) -> tuple[Mention | None, int]:
        """'John Smith, Trợ lý Ngoại trưởng Hoa Kỳ': a name introduced by its title after it."""
        toks, tags = self.tokens, self.tags
        if i > 0 and toks[i - 1].text.lower() in ("tại", "ở", "từ", "đến", "tới", "sang", "thăm"):
            return None, i + 1
        if tags.inside[i] or (i > 0 and tags.org[i - 1] is not None):
            return None, i + 1
        j = i
        while j < len(toks) and _is_name_token(toks[j]) and tags.place[j] is None and tags.head[j] is None \
                and tags.org[j] is None and not tags.inside[j] \
                and self.lex.stopwords.match_at([Token(toks[j].text.lower(), 0, 0, "word")], 0) is None:
            j += 1
        if j - i < 2 or j + 1 >= len(toks) or (toks[j].text != "," and toks[j].text not in _DASHES):
            return None, max(j, i + 1)
        if tags.head[j + 1] is None or tags.head_kind[j + 1] != "title":
            return None, j
        _, span2, _ = self.phrase(j + 1)
        if span2 is not None:
            return None, j
        return self._finish(i, (i, j), [], None, None)

    def _delegation_title(self, m: Mention) -> None:
        """'Đoàn ... Bộ Nội vụ Liên bang Nga do Bộ trưởng X dẫn đầu': X is that ministry's minister."""
        if m.title_only or len(m.titles) != 1:
            return
        title = m.titles[0]
        if self.lex.titles.match_at(tokenize(title), 0) is None or len(title.split()) > 3:
            return
        # the phrase ends where the name begins and is at most ~130 characters long: search only there,
        # not the whole sentence before each name (quadratic in a sentence of thousands of names)
        lead = _DELEGATION_ORG.search(self.sentence, max(0, m.start - 160), m.start)
        if lead and lead.group("org").split()[-1] not in ("do",):
            m.titles[0] = f"{title} {lead.group('org').strip()}"
            m.country = m.country or self.country_of(m.titles)

    def _delegation_country(self, m: Mention) -> None:
        """'đoàn Trung Quốc do Thứ trưởng X làm Trưởng đoàn': the head is of the delegation's country (a Chinese
        name written in its Vietnamese reading looks Vietnamese)."""
        if m.country or m.title_only:
            return
        lead = _DELEGATION_OF.search(self.sentence, max(0, m.start - 120), m.start)
        if lead:
            codes = [c for c in countries_named(lead.group("org"), self.lex) if c != "VN"] if lead.group("org") else []
            if len(set(codes)) == 1:
                m.country = codes[0]

    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        toks = self.tokens
        while i < len(toks):
            if self.tags.head[i] is not None:
                mention, nxt = self.mention_at(i)
            elif _is_name_token(toks[i]) and self.tags.place[i] is None and not self.tags.inside[i] \
                    and (i == 0 or not toks[i - 1].cap):
                mention, nxt = self.bare_apposition(i)
            else:
                mention, nxt = None, i + 1
            if mention is not None:
                self._delegation_title(mention)
                self._delegation_country(mention)
                out.append(mention)
            i = max(nxt, i + 1)
        return out


# --- the title phrase, step by step ----------------------------------------------------------------------
# A title phrase runs from its head ('Bộ trưởng') over the organisation and country it names to the name that
# ends it ('... Ngoại giao Nhật Bản Kamikawa Yoko'). Each token is decided by the first step below that knows
# it: it goes on (the phrase continues past it), or it stops the phrase. The steps are tried in order; each
# has an example that tests/test_people.py reads back.
_GO, _STOP = "go", "stop"


@dataclass
class _Reading:
    """Where the reading of one title phrase is."""

    parser: "_Parser"
    head: int                       # the token where the title begins
    m: int                          # the token being decided
    run_start: int | None = None    # where the capitalised run that may be the name began
    after_dash: int = -1            # a one-word name right after " - " is an outlet ("- Sputnik"), not a person
    after_org: int = -1             # "Tập đoàn Samsung Lee Jae-yong": the company's name comes first
    run_ok: bool = False            # the run so far could be a name

    @property
    def tok(self):
        return self.parser.tokens[self.m]

    def skip_to(self, end: int, keep_run: bool = False) -> str:
        self.m = end
        if not keep_run:
            self.run_start = None
        return _GO


def _decide(r: _Reading) -> str:
    """The first step that knows the token decides: go on, or stop."""
    for _, step, _ in PHRASE_STEPS:
        action = step(r)
        if action is not None:
            return action
    return _STOP


def _dash(r: _Reading):
    t, toks = r.tok, r.parser.tokens
    if t.kind == "punct" and t.text in "-–" and toks[r.m - 1].end < t.start and r.m + 1 < len(toks) and toks[r.m + 1].cap:
        if r.run_ok:
            return _STOP
        r.after_dash = r.m + 1
        return r.skip_to(r.m + 1)
    return None


def _joining_mark(r: _Reading):
    return r.skip_to(r.m + 1, keep_run=True) if r.tok.kind == "punct" and r.tok.text in "&'’" else None


def _bracket(r: _Reading):
    toks, tags = r.parser.tokens, r.parser.tags
    if r.tok.kind != "punct" or r.tok.text != "(" or r.run_ok:
        return None
    close = next((k for k in range(r.m + 1, min(r.m + 5, len(toks))) if toks[k].text == ")"), None)
    if close and (all(x.acronym or x.text in "/-," for x in toks[r.m + 1:close])
                  or all(x.kind == "word" and looks_vietnamese(x.text) and tags.place_kind[k] != "country"
                         for k, x in enumerate(toks[r.m + 1:close], r.m + 1))):
        return r.skip_to(close + 1)
    return None


def _other_mark_or_number(r: _Reading):
    return _STOP if r.tok.kind in ("punct", "num") else None


def _place(r: _Reading):
    place = r.parser.tags.place[r.m]
    if place is None:
        return None
    return _STOP if r.run_ok else r.skip_to(place.end)


def _particle(r: _Reading):
    t = r.tok
    if t.lower and t.text.lower() in _PARTICLES and r.run_start is not None and r.parser._particles_then_name(r.m):
        return r.skip_to(r.m + 1, keep_run=True)
    return None


def _and(r: _Reading):
    toks, tags = r.parser.tokens, r.parser.tags
    if not (r.tok.lower and r.tok.text.lower() == "và"):
        return None
    nxt = r.m + 1
    if nxt < len(toks) and toks[nxt].cap and tags.head[nxt] is None and not r.run_ok:
        return r.skip_to(nxt)
    return _STOP


def _where_held(r: _Reading):
    toks, tags = r.parser.tokens, r.parser.tags
    low = r.tok.text.lower()
    if not (r.tok.lower and low in _PLACE_PREPOSITIONS and r.m + 1 < len(toks) and not r.run_ok):
        return None
    if tags.place_kind[r.m + 1] == "country" or tags.place_kind[r.m + 1] == "region" and low == "tại" \
            and _POSTED_TITLE.match(r.parser.text(r.head, r.m)):
        return r.skip_to(tags.place[r.m + 1].end)
    return None


def _lower_word(r: _Reading):
    if not r.tok.lower:
        return None
    if r.tok.text.lower() in _TITLE_JOINERS or r.parser.tags.stop[r.m] is not None or r.run_ok:
        return _STOP
    return r.skip_to(r.m + 1)


def _acronym(r: _Reading):
    if not r.tok.acronym:
        return None
    return _STOP if r.run_ok else r.skip_to(r.m + 1)


def _rank_or_address(r: _Reading):
    tags = r.parser.tags
    return _STOP if tags.head[r.m] is not None and tags.head_kind[r.m] in ("rank", "honorific") else None


def _title_inside(r: _Reading):
    head = r.parser.tags.head[r.m]
    if head is None:
        return None
    return _STOP if r.run_ok else r.skip_to(head.end)


def _organisation(r: _Reading):
    org = r.parser.tags.org[r.m]
    if r.run_start is not None or org is None:
        return None
    r.after_org = org.end
    return r.skip_to(org.end)


def _name_word(r: _Reading):
    if not _is_name_token(r.tok):
        return None
    if r.run_start is None:
        r.run_start = r.m
    return r.skip_to(r.m + 1, keep_run=True)


def _anything_else(r: _Reading):
    return _STOP


# (name, step, an example: the sentence, the name and the title it gives)
PHRASE_STEPS = [
    ("a dash between words", _dash,
     ("Ảnh: Thủ tướng Campuchia - Sputnik.", None, None)),
    ("a joining mark", _joining_mark,
     ("Bộ trưởng Thương mại & Công nghiệp Singapore Tan Wei Ming dự.", "Tan Wei Ming", "Bộ trưởng Thương mại & Công nghiệp Singapore")),
    ("initials or another name in brackets", _bracket,
     ("Giám đốc Cục Điều tra Liên bang Mỹ (FBI) John Carter dự.", "John Carter", "Giám đốc Cục Điều tra Liên bang Mỹ (FBI)")),
    ("another mark or a number", _other_mark_or_number,
     ("Bộ trưởng, 56 tuổi, dự.", None, None)),
    ("a place", _place,
     ("Bộ trưởng Ngoại giao Nhật Bản Tanabe Kenji dự.", "Tanabe Kenji", "Bộ trưởng Ngoại giao Nhật Bản")),
    ("a particle inside a name", _particle,
     ("Chủ tịch Ủy ban châu Âu Anna von der Berg dự.", "Anna von der Berg", "Chủ tịch Ủy ban châu Âu")),
    ("'và' between parts of a title", _and,
     ("Bộ trưởng Ngoại giao và Hợp tác quốc tế Tây Ban Nha Diego Ruiz dự.", "Diego Ruiz",
      "Bộ trưởng Ngoại giao và Hợp tác quốc tế Tây Ban Nha")),
    ("where the title is held", _where_held,
     ("Đại sứ Nhật Bản tại Việt Nam Tanabe Kenji dự.", "Tanabe Kenji", "Đại sứ Nhật Bản tại Việt Nam")),
    ("a lower-case word", _lower_word,
     ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Lê Văn Cường dự.", "Lê Văn Cường",
      "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn")),
    ("an acronym", _acronym,
     ("Tổng Thư ký ASEAN Kao Kim Hourn dự.", "Kao Kim Hourn", "Tổng Thư ký ASEAN")),
    ("a rank or a form of address", _rank_or_address,
     ("Bộ trưởng Bộ Công an Đại tướng Nguyễn Văn Bình dự.", "Nguyễn Văn Bình", "Bộ trưởng Bộ Công an")),
    ("a title inside the title", _title_inside,
     ("Chánh Văn phòng Chủ tịch nước Lê Thị Hoa dự.", "Lê Thị Hoa", "Chánh Văn phòng Chủ tịch nước")),
    ("an organisation", _organisation,
     ("Thứ trưởng Bộ Công an Trần Quốc Tuấn dự.", "Trần Quốc Tuấn", "Thứ trưởng Bộ Công an")),
    ("a word of a name", _name_word,
     ("Thủ tướng Lào Somsak Phommachanh dự.", "Somsak Phommachanh", "Thủ tướng Lào")),
    ("anything else", _anything_else,
     ("Thủ tướng: hai nước sẽ hợp tác.", None, None)),
]


def find_mentions(sentence: str, lex: Lexicon | None = None) -> list[Mention]:
    """Every person (and every title standing alone for a person) named in a sentence."""
    return _Parser(sentence, lex or lexicon()).mentions()
