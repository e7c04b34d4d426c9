"""One article -> the meetings it reports (`Candidate`s).

Reads sentences in order, takes the people of the article from persons.py, dates
each meeting (from the sentence, the sentence before, or the meeting an aside
refers to) and says in words how, and names both sides of it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.extract import meetings as mt
from generator.extract.dates import Resolved, impossible_dates, resolve, written_dates, year_evidence
from generator.extract.lexicon import Lexicon, lexicon
from generator.extract.people import find_mentions
from generator.extract.persons import People, aliases_from_captions
from generator.extract.tags import countries_named
from generator.extract.text import split_sentences, tokenize
from generator.model import NO_DATE_GIVEN, Article, Candidate, DateBasis, PartialDate, Participant, Person, Reference
from generator.names import fold

_LOOKAHEAD = 3
# people named aside, not as a side of the meeting: "tháp tùng X", "Cùng dự có X", "lời chúc của X"
_ASIDE = re.compile(r"(tháp tùng|cùng dự|tham dự|có sự tham dự|của|tới|chuyển lời|thay mặt|theo)\s+(?:\S+\s+){0,3}$", re.I)
_ASIDE_MEETING = re.compile(
    r"\s*(Bên lề|Nhân dịp này|Dịp này|Trong dịp này|Cũng trong dịp|Trong khuôn khổ|Trong chuyến thăm|Ngay sau|Tiếp đó|Sau đó|Trong đó|"
    r"(Trước|Sau|Kết thúc) (buổi|cuộc|khi)? ?(tiếp|hội đàm|gặp|làm việc|điện đàm|lễ đón|đối thoại)|Kết thúc|Tại đây)\b", re.I)
# a dated sentence about an event ('Chiều 7/11, hội nghị sơ kết ... đã được tổ chức'), not a line of other news
_EVENT_NOUN = re.compile(r"\b([Đđ]oàn|hội nghị|hội đàm|cuộc gặp|buổi|lễ|đối thoại|chuyến thăm|phiên họp|kỳ họp)\b", re.I)
# "Tiếp đoàn, X cảm ơn ...": the reception of the delegation whose visit was just dated
_RECEIVES_THE_DELEGATION = re.compile(r"\s*(Tiếp đoàn|Đón tiếp đoàn|Tiếp và làm việc với đoàn)\b", re.I)
_BOTH = re.compile(r"\b[Hh]ai (Thủ tướng|Bộ trưởng|Thứ trưởng|Chủ tịch|Tổng Bí thư|Ngoại trưởng|nhà lãnh đạo|lãnh đạo|trưởng đoàn|Trưởng đoàn)\b")
_IN_TURN = re.compile(r"\blần lượt\b")
# "có các cuộc gặp với A; B", "các cuộc điện đàm riêng với ...": a meeting with each
_SEVERAL = re.compile(r"\b(các|những)\s+cuộc\b|\briêng\s+(rẽ|biệt|với)\b", re.I)
# one meeting of several sides: "nhân dịp ba Thủ tướng ...", "cuộc gặp ba bên", "bữa ăn sáng làm việc với A và B"
_JOINT = re.compile(r"\b(ba|3|bốn|4|năm|5)\s+(Thủ tướng|Bộ trưởng|nhà lãnh đạo|lãnh đạo|Chủ tịch|Tổng Bí thư|Người đứng đầu|"
                    r"Trưởng đoàn|bên|nước|Đảng)\b|\b(ăn sáng|ăn trưa|ăn tối)\b|\b(ba|bốn) bên\b|\bchung\b", re.I)
# "cuộc gặp giữa ba Bộ trưởng Bộ Quốc phòng ba nước", the principals listed in the next sentence
_BETWEEN_GROUP = re.compile(r"\bgiữa\s+(ba|3|bốn|4|hai|2|các)\s+(Thủ tướng|Bộ trưởng|nhà lãnh đạo|lãnh đạo|Chủ tịch|"
                            r"Tổng Bí thư|Người đứng đầu|Trưởng đoàn|Thứ trưởng)", re.I)
_ATTENDING = re.compile(r"\s*(Tham dự|Cùng dự|Dự|Tham gia)\b[^.;:]{0,80}?\b(có|gồm)\b", re.I)
_ROSTER = re.compile(r"\s*(Tham dự|Tham gia|Dự|Thành phần)\s+(cuộc gặp|hội nghị|hội đàm|buổi làm việc)?\s*(gồm có|gồm|có)\b", re.I)
_EARLIER = re.compile(r"\s*(Trước đó|Trước khi|Trước đây|Hồi|Năm ngoái)\b", re.I)
# those who hold a conference or meet at it; attending ('tham dự', 'dự') makes nobody a principal
_CHAIRS = re.compile(r"\b(chủ trì|đồng chủ trì|khai mạc|hội đàm|gặp|tiếp)\b", re.I)
_LEADS = re.compile(r"\b(dẫn đầu|[Tt]rưởng đoàn|chủ trì)\b")


@dataclass
class ArticleResult:
    article: Article
    persons: list[Person]
    candidates: list[Candidate]
    references: list[Reference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # for the user: what was read but could not be used


def extract_article(article: Article, lex: Lexicon | None = None) -> ArticleResult:
    lex = lex or lexicon()
    sentences = [s for para in article.paragraphs for s in split_sentences(para)]
    facts = [mt.analyse(i, s, lex, find_mentions) for i, s in enumerate(sentences)]
    for f in facts:
        # an impossible day ('31/02/2022') still dates its sentence, to no day: the meeting it carries
        # is kept undated and said to be, rather than dated by the sentence before or left out
        bad = impossible_dates(f.text)
        if bad:
            f.dates = sorted(f.dates + bad, key=lambda d: d.start)
    people = People()
    for f in facts:
        f.people = [people.add(m) if not m.title_only else None for m in f.mentions]
    for f in facts:
        f.people = [k if k is not None else (None if m.positional else people.by_title(m))
                    for k, m in zip(f.people, f.mentions)]
    aliases_from_captions(article, people, lex)
    foreign = Counter(c for s in sentences for c in countries_named(s, lex) if c != "VN")
    dominant = foreign.most_common(1)[0][0] if foreign else None
    people.finish(dominant)
    persons = people.persons

    evidence = None
    if article.published is None:
        found = year_evidence(sentences + list(article.captions),
                              lambda s: [c for c in countries_named(s, lex) if c != "VN"] or [dominant],
                              lex.relations, lex.congresses, lex.normalizations, lex.partnerships, lex.occasions)
        if found:
            evidence = max(found, key=lambda e: e.year)

    written = written_dates(sentences + list(article.captions))
    province = lru_cache(maxsize=1)(lambda: _article_province(facts, lex))   # asked for only now and then
    candidates: list[Candidate] = []
    warnings: list[str] = list(article.problems)     # the reader's: a dateline such as '31/02/2022 10:00'
    previous: Resolved | None = None
    used: set[int] = set()
    recent: tuple[int, Resolved, bool, bool] | None = None   # the last dated sentence: index, date,
                                                             # several days, reported a meeting
    last_meeting: tuple[int, Resolved] | None = None         # the last sentence that reported a meeting
    for f in facts:
        cue = _main_cue(f, persons)
        expr = mt.anchor_date(f.dates, cue, f.text)
        if expr is not None and (expr.precision == "day" or cue is not None):
            resolved = resolve(expr, article.published, article.published_basis, evidence, previous, written)
        else:
            resolved = None
        inherited = False
        if resolved is None and cue is not None and not f.dates and recent is not None:
            resolved = _context_date(f, recent)
            inherited = resolved is not None
        if resolved is None and cue is not None and not f.dates and last_meeting is not None \
                and f.index - last_meeting[0] == 1 and _is_list_item(f) and not any(m.title_only for m in f.mentions) \
                and _has_both_sides(_participants(f, cue, persons), persons):
            # a roundup: "Bộ trưởng A gặp Bộ trưởng B. Bộ trưởng C gặp Bộ trưởng D. ...", all on the day named
            # before the first
            last = last_meeting[1]
            resolved = last if last.basis.rule == "context" else replace(last, basis=DateBasis("context", before=last.basis))
            inherited = True
        if cue is None or (expr is None and not inherited) or mt.is_future(f.text, cue):
            if resolved is not None and _names_day(resolved) and not mt.FUTURE.search(f.text) \
                    and (f.mentions or f.cues or _EVENT_NOUN.search(f.text)):
                # a dated line of nobody and no meeting ('Sáng 24/6: Thêm 42 ca Covid-19', a link to another
                # story) is not the day 'cùng ngày' refers to
                previous = resolved
                recent = (f.index, resolved, bool(expr and expr.span), False)
            continue
        if not inherited and expr.precision != "day" and any(d.precision == "day" for d in f.dates):
            continue                     # the month of something else in a sentence about a day
        cand = _candidate(article, f, cue, resolved, facts, persons, candidates, lex, province)
        if cand is not None and (inherited or mt.RECALL.match(f.text)) and any(
                len({p.name for p in cand.participants} & {q.name for q in c.participants}) >= 2 for c in candidates):
            if last_meeting is not None and f.index - last_meeting[0] == 1 and _is_list_item(f):
                last_meeting = (f.index, resolved)   # a roundup's first item, already taken by its lead: the list goes on
            cand = None                  # "Phát biểu tại hội đàm, ...", "Tại buổi làm việc, ... ngày 25/9": the
                                         # meeting already reported, and a date of something else
        if not inherited and _names_day(resolved):
            # 'cùng ngày' and asides refer to a day, never to a month
            previous = resolved
            recent = (f.index, resolved, bool(expr.span), cand is not None)
        if cand is not None and (cand.date is None or cand.date.precision != "day"):
            later = _day_of_recall(f, facts, article, evidence, previous, written)
            if later is not None:
                # "Cũng trong chuyến thăm, X hội đàm với Y. Phát biểu trong cuộc hội đàm ngày 27/2, ...": the
                # day the recall gives
                resolved = later
                cand = replace(cand, date=later.date, date_basis=later.basis, date_confidence=later.confidence,
                               day_month=later.day_month)
        if cand is not None:
            last_meeting = (f.index, resolved)
            candidates.extend(_separate_meetings(cand))
            candidates.extend(_other_clauses(article, f, cue, resolved, persons, candidates, lex, facts, province))
            used.add(f.index)
            if resolved.problem:
                warnings.append(f"{resolved.problem}; the meeting is listed as undated")
    if not candidates:
        # no sentence of the report names both sides: the headline and the pictures' captions may
        # ("X tiếp Đại sứ Y. Ảnh: TTXVN"); undated, they take the page's month
        extra = [_CREDIT.sub("", c).strip() for c in [article.headline or ""] + list(article.captions)]
        for text in dict.fromkeys(t for t in extra if t and t not in sentences):
            g = mt.analyse(len(facts), text, lex, find_mentions)
            g.people = [people.by_title(m) if m.title_only else people.known(m) for m in g.mentions]
            facts.append(g)
    references = _sharpen_and_collect_undated(article, facts, persons, candidates, used, evidence, written)
    return ArticleResult(article, persons, candidates, references, list(dict.fromkeys(warnings)))


_CREDIT = re.compile(r"\s*[(\[]?\s*(Ảnh|Nguồn|Photo)\s*:.*$|\s*[-–]\s*(Ảnh|TTXVN|VNA)\b.*$", re.I)


def _names_day(resolved: Resolved) -> bool:
    """A date 'cùng ngày' and asides can refer to: a day, a day without its year, or an impossible day
    (whose meeting, and theirs, then has no date), never a month."""
    return bool(resolved.day_month or resolved.date and resolved.date.precision == "day" or resolved.problem)


def _main_cue(f, persons: list[Person]) -> mt.Cue | None:
    """The meeting word of the sentence: the strongest one that has a Vietnamese and a foreign side
    ('X đã tiếp Y, ... và đồng chủ trì Đối thoại ...' is a reception), else the strongest one.
    Words inside an opening aside ('Trước buổi tiếp, X và Y đã ký ...') are not the sentence's own."""
    aside = _ASIDE_MEETING.match(f.text)
    cues = [c for c in f.cues if c.kind != "visit" and not (aside and c.end <= aside.end())]
    for cue in sorted(cues, key=lambda c: (mt.KIND_PRIORITY[c.kind], c.start)):
        if _has_both_sides(_participants(f, cue, persons), persons):
            return cue
    return mt.primary_cue(cues)


_RECALL_DATED = re.compile(r"\b(trong|tại)\s+(cuộc|buổi)\s+(hội đàm|tiếp|gặp|làm việc|điện đàm|hội kiến|đối thoại)\s+"
                           r"(?:vào\s+)?(?:ngày|sáng|chiều|tối|trưa)\s+\d", re.I)


def _day_of_recall(f, facts, article, evidence, previous, written) -> Resolved | None:
    """The day a later sentence gives the meeting just reported without one ('trong cuộc hội đàm ngày 27/2')."""
    for g in facts[f.index + 1:f.index + 3]:
        m = _RECALL_DATED.search(g.text)
        if m:
            days = [d for d in g.dates if d.precision == "day" and d.start >= m.start()]
            if days:
                found = resolve(days[0], article.published, article.published_basis, evidence, previous, written)
                return found if found.date is not None else None
    return None


def _is_list_item(f) -> bool:
    """A short sentence of its own meeting, neither earlier ('Trước đó, ...') nor a recall ('Tại buổi tiếp')."""
    return len(f.text) <= 250 and not _EARLIER.match(f.text) and not mt.RECALL.match(f.text) \
        and not _ASIDE_MEETING.match(f.text)


def _context_date(f, recent: tuple[int, Resolved, bool, bool]) -> Resolved | None:
    """The date of a meeting sentence that gives none, from the dated sentence just before it:
    'Ngày 5/3, đoàn ... tới Hà Nội. Trong chuyến thăm, X đã hội đàm với Y', 'Bên lề Đối thoại, X đã đến chào Y',
    'Ngay sau lễ đón, ...', 'Trước buổi tiếp, X và Y đã ký ...'."""
    index, before, several_days, reported = recent
    aside = _ASIDE_MEETING.match(f.text) or _RECEIVES_THE_DELEGATION.match(f.text)
    follows = f.index - index == 1 and not reported and not _EARLIER.match(f.text)
    if not (aside or follows):          # an aside refers to the last dated meeting, however far back
        return None
    date, day_month = before.date, before.day_month
    if several_days and aside and date is not None:
        date, day_month = PartialDate(date.year, date.month), None   # which of the days is not said
    return Resolved(date, DateBasis("context", before=before.basis), before.confidence, day_month, problem=before.problem)


def _separate_meetings(cand: Candidate) -> list[Candidate]:
    """'Thủ tướng tiếp Đại sứ Nhật Bản A, Đại sứ Hàn Quốc B': one meeting with each guest;
    'Chủ tịch nước A và Chủ tịch Quốc hội B lần lượt hội kiến C': one meeting for each host."""
    guests = [p for p in cand.participants if p.role == "guest"]
    hosts = [p for p in cand.participants if p.role != "guest"]
    if not hosts or not guests:
        return [cand]
    if len(hosts) > 1 and _IN_TURN.search(cand.evidence[0]):
        return [replace(cand, participants=[h] + guests) for h in hosts]
    if len(guests) > 1 and _JOINT.search(cand.evidence[0]) and not _IN_TURN.search(cand.evidence[0]):
        return [cand]                    # a working breakfast of three prime ministers is one meeting
    if len(guests) > 1 and (len({g.country for g in guests}) == len(guests) or _IN_TURN.search(cand.evidence[0])
                            or _SEVERAL.search(cand.evidence[0])):
        return [replace(cand, participants=hosts + [g]) for g in guests]
    return [cand]


def _other_clauses(article, f, main: mt.Cue, resolved: Resolved, persons, candidates, lex, facts,
                   province: str | None = None) -> list[Candidate]:
    """The other meetings of a sentence that reports several: 'X tiếp A, sau khi A hội đàm với B',
    'X hội đàm với A và có các cuộc gặp với B; C'. Each clause with both sides of its own is a meeting."""
    aside = _ASIDE_MEETING.match(f.text)
    cues = [c for c in f.cues if not (aside and c.end <= aside.end())]
    out: list[Candidate] = []
    for cue, sides in mt.clauses(f, cues):
        if cue.start == main.start or mt.is_future(f.text, cue):
            continue
        parts = []
        for k, role in sides:
            pid = f.people[k]
            if pid is not None and all(pid != p for p, _, _ in parts):
                parts.append((pid, role, f.mentions[k].title))
        if not _has_both_sides(parts, persons):
            continue
        names = {persons[p].name for p, _, _ in parts}
        if any(len(names & {q.name for q in c.participants}) >= 2 for c in candidates + out):
            continue                     # the meeting of the main clause, said again ('tiếp A chào xã giao')
        participants = [Participant(name=persons[p].name, title=_best_title(t, persons[p]), country=persons[p].country,
                                    role=r, aliases=list(persons[p].aliases), mentions=persons[p].mentions)
                        for p, r, t in parts]
        cand = Candidate(file=article.path, date=resolved.date, date_basis=resolved.basis,
                         date_confidence=resolved.confidence, day_month=resolved.day_month,
                         kind=mt.public_kind(cue.kind), online=mt.is_online(f.text),
                         location=_in_host_province(_location(f, cue, False, candidates, lex, facts), parts, persons, lex,
                                                    province),
                         participants=participants,
                         evidence=[f.text], series=mt.series(f.text))
        out.extend(_separate_meetings(cand))
    return out


def _participants(f: mt.SentenceFacts, cue: mt.Cue, persons: list[Person]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for k, role in mt.sides(f, cue):
        pid = f.people[k]
        if pid is None or any(p == pid for p, _, _ in out):
            continue
        out.append((pid, role, f.mentions[k].title))
    return out


def _has_both_sides(parts, persons) -> bool:
    countries = {persons[p].country == "VN" for p, _, _ in parts}
    return countries == {True, False}


def _candidate(article, f, cue, resolved, facts, persons, previous_candidates, lex,
               province: str | None = None) -> Candidate | None:
    """The meeting a dated sentence reports, when both a Vietnamese and a foreign side can be named."""
    if cue.kind.endswith("_named") and not _CHAIRS.search(f.text) and any(p is not None for p in f.people):
        # "X cho rằng chuyến thăm của Y, cùng thành công của Hội nghị Z tổ chức chiều 25/9": named beside
        # them, not held by them (a sentence naming nobody, 'Đối thoại ... đã diễn ra ngày 24/11', takes its
        # principals from the next)
        return None
    parts = _participants(f, cue, persons)
    both = _BOTH.search(f.text[:cue.start])
    if both and cue.kind != "signing" and re.fullmatch(r"[^,;]{0,25}", f.text[both.end():cue.start]):
        # "Sáng 28/12, hai Bộ trưởng đồng chủ trì ...": the two of that title named just before, one of each
        # side; else "Chiều cùng ngày, hai Thủ tướng đồng chủ trì Kỳ họp ...": the two who just met
        role = "co-chair" if cue.kind in ("dialogue", "conference") else None
        parts = _the_two_named_before(f, facts, persons, both.group(1), role)
        if not parts and previous_candidates:
            for q in previous_candidates[-1].participants:
                pid = next((i for i, p in enumerate(persons) if p.name == q.name), None)
                if pid is not None:
                    parts.append((pid, role or q.role, q.title))
    if not parts and _BETWEEN_GROUP.search(f.text):
        parts = _roster_after(f, facts, persons)
    if not parts and (resolved.date is None or resolved.date.precision != "day") and not resolved.day_month:
        return None
    kind = cue.kind
    if parts and not _has_both_sides(parts, persons):
        _other_side_in_sentence(f, cue, parts, persons)
    if resolved.date is not None and resolved.date.precision != "day" and not _has_both_sides(parts, persons):
        return None                      # a meeting recalled by its month names both sides or is no event
    if not _has_both_sides(parts, persons):
        parts, kind = _other_side_in_next_sentences(f, facts, parts, persons, kind)
    if not _has_both_sides(parts, persons) and mt.DELEGATION.search(f.text):
        _delegation_head(parts, persons, previous_candidates, f, facts)
    if not _has_both_sides(parts, persons):
        return None
    participants = []
    for pid, role, title in parts:
        p = persons[pid]
        participants.append(Participant(name=p.name, title=_best_title(title, p), country=p.country,
                                        role=role, aliases=list(p.aliases), mentions=p.mentions))
    relative = any(d.relative for d in f.dates) or "cũng trong" in f.text.lower() or bool(_ASIDE_MEETING.match(f.text))
    return Candidate(
        file=article.path, date=resolved.date, date_basis=resolved.basis, date_confidence=resolved.confidence,
        day_month=resolved.day_month, kind=mt.public_kind(kind), online=mt.is_online(f.text),
        location=_in_host_province(_location(f, cue, relative, previous_candidates, lex, facts), parts, persons, lex,
                                   province),
        participants=participants,
        evidence=[f.text], series=mt.series(f.text),
    )


def _the_two_named_before(f, facts, persons, noun: str, role) -> list[tuple[int, str, str]]:
    """'hai Bộ trưởng': a Vietnamese and a foreign person holding that title, named in the two sentences
    just before (not in the meetings reported earlier)."""
    want = fold(noun)
    found: dict[bool, tuple[int, str, str]] = {}
    for g in facts[max(0, f.index - 2):f.index][::-1]:
        for k, m in enumerate(g.mentions):
            pid = g.people[k]
            if pid is None or m.title_only:
                continue
            vietnamese = persons[pid].country == "VN"
            if vietnamese not in found and any(want in fold(t) for t in [m.title] + persons[pid].titles):
                found[vietnamese] = (pid, role or ("host" if vietnamese else "guest"), m.title)
    return [found[True], found[False]] if len(found) == 2 else []


def _roster_after(f, facts, persons) -> list[tuple[int, str, str]]:
    """'Tham dự gồm có Đại tướng A - ...; Đại tướng B - ...; Đại tướng C - ...': the principals of the
    meeting 'giữa ba Bộ trưởng' the sentence before named without their names."""
    for g in facts[f.index + 1:f.index + 2]:
        if _ROSTER.match(g.text):
            parts = []
            for k, m in enumerate(g.mentions):
                pid = g.people[k]
                if pid is not None and not m.title_only and all(pid != p for p, _, _ in parts):
                    parts.append((pid, "co-chair", m.title))
            return parts
    return []


def _other_side_in_sentence(f, cue, parts, persons) -> None:
    """'Sáng 5/3, tiếp Đại sứ X tại Hà Nội, Thủ tướng Y đề nghị ...': the other side elsewhere in the sentence."""
    have_vn = persons[parts[0][0]].country == "VN"
    others = [(abs(m.start - cue.start), k) for k, m in enumerate(f.mentions)
              if f.people[k] is not None and not m.positional and not m.title_only
              and (persons[f.people[k]].country == "VN") != have_vn
              and not _ASIDE.search(f.text[max(0, m.start - 25):m.start])]
    if others:
        k = min(others)[1]
        role = "host" if persons[f.people[k]].country == "VN" else "guest"
        parts.append((f.people[k], role, f.mentions[k].title))


def _other_side_in_next_sentences(f, facts, parts, persons, kind):
    """'Đoàn Campuchia do ... dẫn đầu', 'Đồng chủ trì Đối thoại lần này là ...' after the dated sentence."""
    for g in facts[f.index + 1:f.index + 1 + _LOOKAHEAD]:
        if any(d.precision == "day" for d in g.dates):
            break                        # another day: another meeting
        if _ATTENDING.match(g.text):
            continue                     # "Tham dự Hội nghị ... có các đồng chí: ...": who attended
        g_cue = mt.primary_cue(g.cues)
        if not parts:
            heads = _delegation_heads(g, persons)
            if _has_both_sides(heads, persons):
                # "Đối thoại ... đã diễn ra ngày 24/11. Đoàn Việt Nam do X dẫn đầu; đoàn Trung Quốc do Y làm
                # Trưởng đoàn.": the two heads are the principals
                return heads, kind
            if g_cue is None:
                continue
            found = _participants(g, g_cue, persons)
            if _has_both_sides(found, persons):
                return found, ("talks_strong" if g_cue.kind == "talks_strong" else kind)
            continue
        if g_cue is None and not _LEADS.search(g.text):
            continue
        have = {persons[p].country == "VN" for p, _, _ in parts}
        for k, m in enumerate(g.mentions):
            pid = g.people[k]
            if pid is None or m.positional or any(p == pid for p, _, _ in parts):
                continue
            if (persons[pid].country == "VN") not in have:
                parts.append((pid, "host" if persons[pid].country == "VN" else "guest", m.title))
        if any(c.kind == "talks_strong" for c in g.cues) and mt.KIND_PRIORITY[kind] > mt.KIND_PRIORITY["talks_strong"]:
            kind = "talks_strong"        # "Ngay sau lễ đón, ... tiến hành hội đàm"
        if _has_both_sides(parts, persons):
            break
    return parts, kind


def _delegation_heads(g, persons) -> list[tuple[int, str, str]]:
    """The people a sentence names as leading delegations: 'do X dẫn đầu', 'do Y làm Trưởng đoàn'."""
    out = []
    for k, m in enumerate(g.mentions):
        pid = g.people[k]
        if pid is None or m.title_only or any(pid == p for p, _, _ in out):
            continue
        if re.search(r"\bdo\s+(?:\S+\s+){0,2}$", g.text[max(0, m.start - 20):m.start]) \
                and _LEADS.match(g.text[m.end:m.end + 60].lstrip(" ,")) or \
                re.search(r"\bdo\s+(?:\S+\s+){0,2}$", g.text[max(0, m.start - 20):m.start]) \
                and re.match(r"[^;.]{0,120}?\b(dẫn đầu|làm [Tt]rưởng đoàn)", g.text[m.end:]):
            out.append((pid, "co-chair", m.title))
    return out


def _delegation_head(parts, persons, previous_candidates, f=None, facts=()) -> None:
    """'... đã tiếp đoàn': the head of the delegation, named as leading it in the sentences just before
    ('đoàn ... do Thượng tướng X dẫn đầu'), or met earlier that day."""
    if not parts:
        return
    have_vn = any(persons[p].country == "VN" for p, _, _ in parts)
    for g in (facts[f.index - 1::-1][:2] if f is not None and f.index else ()):
        for k, m in enumerate(g.mentions):
            pid = g.people[k]
            if pid is None or (persons[pid].country == "VN") == have_vn:
                continue
            if re.search(r"\bdo\s+$", g.text[max(0, m.start - 6):m.start]) or _LEADS.search(g.text[m.end:m.end + 40]):
                parts.insert(0, (pid, "guest" if have_vn else "host", m.title))
                return
    for prev in reversed(previous_candidates):
        for q in prev.participants:
            pid = next((i for i, p in enumerate(persons) if p.name == q.name), None)
            if pid is not None and (persons[pid].country == "VN") != have_vn:
                parts.insert(0, (pid, "host", q.title))
                return


_HELD_AT = re.compile(r"\b(diễn ra|được tổ chức|tổ chức)\s+(?=tại\b)", re.I)


def _place_said_after(f, facts, country) -> str | None:
    """'Cuộc hội đàm diễn ra tại Phủ Chủ tịch.', 'Buổi tiếp được tổ chức tại ...': the place in a sentence
    just after the meeting's, about the meeting."""
    for g in facts[f.index + 1:f.index + 3]:
        held = _HELD_AT.search(g.text)
        if held and (mt.RECALL.match(g.text) or re.match(r"\s*(Cuộc|Buổi|Lễ)\b", g.text)):
            place = mt.location(g.text[held.end():], [], None, country)
            if place:
                return place
    return None


def _location(f, cue, relative: bool, previous_candidates, lex, facts=None) -> str | None:
    def country(text: str) -> str | None:
        codes = countries_named(text, lex)
        return text.split(",")[0].strip() if codes else None
    place = mt.location(f.text, f.mentions, cue, country)
    if place and not countries_named(place, lex):
        # "tại Trụ sở Chính phủ": a building of a Vietnamese institution, in its city
        folded = fold(place)
        city = next((c for b, c in lex.buildings if folded.startswith(b) or folded.startswith("tru so " + b)), None)
        if city and fold(city) not in folded:
            place = f"{place}, {city}"
    if place is None and facts is not None:
        place = _place_said_after(f, facts, country)
    if place is None and relative and previous_candidates:
        # "Chiều cùng ngày, ... tới chào ...": still in the town of the meeting just reported
        before = previous_candidates[-1].location
        if before and not mt.is_building(before):
            return before
        if before and ", " in before:
            return before.rsplit(", ", 1)[1]     # "Trụ sở Chính phủ, Hà Nội": the town, not the building
    return place


_PROVINCE_OF_TITLE = re.compile(r"\b(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)?\s*(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành ủy|Thành uỷ|TP\.?)\s+"
                                r"((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")


_LOCAL_OFFICE = re.compile(r"\b(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)\s+(tỉnh|thành phố|TP)\s*$|"
                           r"\b(UBND|HĐND|Tỉnh ủy|Tỉnh uỷ)\s*$")
_LOCAL_SEAT = re.compile(r"(trụ sở|hội trường|nhà khách)\s+(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|"
                         r"Thành uỷ)(\s+(tỉnh|thành phố|TP\.?))?\s*$", re.I)


def _in_host_province(place: str | None, parts, persons, lex, article_province=None) -> str | None:
    """No place said: the host province's; 'trụ sở UBND tỉnh': that of the host's province; a country only
    ('tại Việt Nam', 'sang Lào'): the province of a leader of that country who takes part."""
    if place is None:
        return _host_province(parts, persons, lex, article_province)
    if _LOCAL_SEAT.search(place):
        province = _host_province(parts, persons, lex, article_province)
        if province:
            return f"{place} {province}"
        return place
    named = countries_named(place, lex)
    if len(named) == 1 and fold(place) in {fold(n) for n in _country_names(named[0], lex)}:
        if named[0] == "VN":
            return _host_province(parts, persons, lex, article_province) or place
        for pid, _, title in parts:
            if persons[pid].country == named[0]:
                m = _PROVINCE_OF_TITLE.search(title)
                if m and _region_country(m.group(1), lex) == named[0]:
                    return m.group(1)        # "sang Lào" to meet "Tỉnh trưởng tỉnh U Đôm Xay"
    return place


def _places_in(text: str, lex) -> list[tuple[str, str]]:
    """The provinces and cities a text names, as written, each with its country's code (or 'region')."""
    toks = tokenize(text)
    out = []
    k = 0
    while k < len(toks):
        hit = lex.regions.match_at(toks, k) if toks[k].key in lex.regions.lengths else None
        if hit:
            out.append((text[toks[k].start:toks[hit.end - 1].end], hit.value))
            k = hit.end
        else:
            k += 1
    return out


def _region_country(name: str, lex) -> str | None:
    """The country of a province or city the gazetteer knows ('U Đôm Xay' LA), else None."""
    found = _places_in(name, lex)
    return found[0][1] if len(found) == 1 and found[0][0] == name.strip() and found[0][1] != "region" else None


def _vietnamese_place_in(text: str, lex) -> str | None:
    """The first Vietnamese province or city a title names ('Chủ tịch UBND TPHCM'), as written."""
    return next((place for place, code in _places_in(text, lex) if code == "VN"), None)


def _article_province(facts, lex) -> str | None:
    """The Vietnamese province or city an article names most ('tỉnh Gia Lai' ... 'Gia Lai')."""
    counts = Counter(place for g in facts for place, code in _places_in(g.text, lex) if code == "VN")
    return counts.most_common(1)[0][0] if counts else None


def _country_names(code: str, lex) -> list[str]:
    return [" ".join(words) for words in lex.country_keys.get(code, [])]


def _host_province(parts, persons, lex, article_province=None) -> str | None:
    """A province's leader meeting a guest with no place said: in the province ('Chủ tịch UBND tỉnh An Giang');
    'Phó Chủ tịch UBND tỉnh' alone: the Vietnamese province the article names most (`article_province()`)."""
    vietnamese = sorted((x for x in parts if persons[x[0]].country == "VN"), key=lambda x: x[1] == "guest")
    if vietnamese and all(role == "guest" for _, role, _ in vietnamese):
        # a Vietnamese delegation calling on a foreign province's leader: in that province
        for pid, role, title in parts:
            if persons[pid].country not in (None, "VN") and role == "host":
                m = _PROVINCE_OF_TITLE.search(title)
                if m and _region_country(m.group(1), lex) == persons[pid].country:
                    return m.group(1)
    for pid, role, title in vietnamese:
        for t in [title] + persons[pid].titles:
            m = _PROVINCE_OF_TITLE.search(t)
            if m and not countries_named(m.group(1), lex):
                return m.group(1)
            city = _vietnamese_place_in(t, lex)
            if city:
                return city
    if article_province and any(_LOCAL_OFFICE.search(t) for pid, _, t in vietnamese for t in [t] + persons[pid].titles):
        return article_province()
    return None


def _extends(full: str, short: str) -> bool:
    """Every position of the short title chain begins a position of the full one, in order."""
    parts = [fold(p) for p in re.split(r",| kiêm ", full)]
    k = 0
    for want in (fold(p) for p in re.split(r",| kiêm ", short)):
        while k < len(parts) and not parts[k].startswith(want):
            k += 1
        if k == len(parts):
            return False
        k += 1
    return True


_HOST_COUNTRY = re.compile(r"\bnước (chủ nhà|bạn)\b")


def _best_title(title: str, person: Person) -> str:
    """The title the sentence gives, or the fullest one the article gives when the sentence is terse."""
    fuller = [t for t in person.titles if len(t) > len(title) and _extends(t, title)]
    if fuller:
        title = max(fuller, key=len)     # "Phó Thủ tướng, Bộ trưởng" -> "..., Phó Thủ tướng, Bộ trưởng Bộ Công an Lào"
    if person.country and _HOST_COUNTRY.search(title):
        # "Bộ trưởng Bộ Nội vụ nước chủ nhà": the host country is the person's own
        name = lexicon().country_names.get(person.country)
        if name:
            title = _HOST_COUNTRY.sub(name, title)
    return title


def _sharpen_and_collect_undated(article, facts, persons, candidates, used, evidence=None, written=()) -> list[Reference]:
    """Later sentences about the same people: sharpen the kind, or report a meeting with no date.

    Returns the sentences that name a numbered co-chaired session without a date, so that
    another article's dated report of that session can list this one as a source too.
    """
    references: list[Reference] = []
    for f in facts:
        if f.index in used:
            continue
        cue = mt.primary_cue(f.cues)
        if cue is None or mt.is_future(f.text, cue):
            continue
        numbered = mt.series(f.text)
        if numbered and cue.kind in ("dialogue", "conference") and mt.anchor_date(f.dates) is None:
            names = [persons[p].name for p in f.people if p is not None]
            if names:
                references.append(Reference(article.path, f.text, numbered, names))
        names = {persons[p].name for p in f.people if p is not None}
        match = None
        for c in candidates:
            if len(names & {q.name for q in c.participants}) >= 2:
                match = c
                break
        if match is not None:
            if cue.kind == "talks_strong" and match.kind == "reception" and \
                    any("lễ đón" in e.lower() for e in match.evidence):
                match.kind = "talks"
            continue
        if mt.anchor_date(f.dates) is not None:
            continue
        parts = _participants(f, cue, persons)
        if len(parts) >= 2 and _has_both_sides(parts, persons):
            if any(len({persons[p].name for p, _, _ in parts} & {q.name for q in c.participants}) >= 2 for c in candidates):
                continue
            participants = [Participant(name=persons[p].name, title=_best_title(t, persons[p]),
                                        country=persons[p].country, role=r, aliases=list(persons[p].aliases),
                                        mentions=persons[p].mentions)
                            for p, r, t in parts]
            date, basis, confidence = None, NO_DATE_GIVEN, 0
            later = _day_of_recall(f, facts, article, evidence, None, written)
            if later is not None:
                date, basis, confidence = later.date, later.basis, later.confidence
            elif article.published and article.published.month and article.published_basis.source != "page" \
                    and not any(c.date for c in candidates) \
                    and not any(c.file == article.path for c in candidates):
                # the article's own meeting, with no day in the report: the month the page is dated
                date = PartialDate(article.published.year, article.published.month)
                basis = DateBasis("publication_month", year=date.year, published=article.published,
                                  published_from=article.published_basis)
                confidence = 1
            candidates.append(Candidate(
                file=article.path, date=date, date_basis=basis,
                date_confidence=confidence, day_month=None, kind=mt.public_kind(cue.kind), online=mt.is_online(f.text),
                location=mt.location(f.text, f.mentions), participants=participants, evidence=[f.text]))
    return references
