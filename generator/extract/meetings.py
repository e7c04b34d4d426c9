"""Sentences -> meetings: who met whom, when, where and how, with the sentence as evidence.

A meeting is anchored on a sentence that has a meeting word ('tiếp', 'hội đàm',
'điện đàm', 'đồng chủ trì Đối thoại', ...), a date, and people on both sides:
the host before the verb (or after 'được' in the passive), the guest after it,
co-chairs joined by 'và'. When the sentence names a delegation instead of its
head, the next sentences ('Đoàn Campuchia do ... dẫn đầu') or the article's
earlier meetings supply the person. Later sentences about the same people add
nothing but may sharpen the kind ('Tại hội đàm ...' after a welcome ceremony).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from generator.extract.dates import DateExpr, find_dates
from generator.extract.lexicon import Lexicon
from generator.extract.text import tokenize
from generator.model import Mention

# Which word decides the kind when a sentence has several: a call or a co-chaired session
# first, then talks ('hội đàm'), receptions, other talks, and a Dialogue or Conference
# only named in passing ('Nhân dịp tham dự Hội nghị ...').
KIND_PRIORITY = {"call": 0, "dialogue": 1, "conference": 2, "talks_strong": 3, "reception": 4, "talks": 5,
                  "dialogue_named": 6, "conference_named": 7, "signing": 8, "visit": 9}
_NOT_TIEP = {"tục", "nhận", "cận", "thu", "nối", "theo", "giáp", "sức", "tế", "viên", "tuyến", "diễn", "quản", "thị"}
_NOT_TIEP_BEFORE = {"trực", "gián", "kế", "liên", "chuyển"}
_NOT_GAP = {"khó", "phải", "nạn", "sự", "trở", "rủi", "lại"}
_ONLINE = re.compile(r"trực tuyến|truyền hình trực tuyến|hình thức trực tuyến|qua video|hội nghị truyền hình", re.I)
_ONLINE_NOT = re.compile(r"(lừa đảo|tội phạm|mua sắm|thương mại|giao dịch|học|cờ bạc|đánh bạc)\s+(qua mạng\s+)?trực tuyến", re.I)
# lower case on purpose: "Bộ Kế hoạch và Đầu tư" is a ministry, "kế hoạch" a plan
FUTURE = re.compile(r"\b([Ss]ẽ|[Dd]ự kiến|sắp tới|kế hoạch|[Cc]huẩn bị|mời .{0,60}thăm)\b")
_LOCATION = re.compile(
    r"\b[Tt]ại\s+((?:(?:trụ sở|Trụ sở|thủ đô|Thủ đô|thành phố|Thành phố|TP\.?|tỉnh|Tỉnh)\s+)?[A-ZĐÀ-ỸÁ-Ỹ][^,.;:()]*?)"
    r"(?=\s*(?:,|\.|;|:|$|\(|\bvào\b|\bchiều\b|\bsáng\b|\btối\b|\btrưa\b|\bngày\b|\btrong\b|\bnhân\b|\bđã\b|\bvà\b|\bcủa\b|\bvới\b|\bdo\b|"
    r"\bdẫn đầu\b|\bcho biết\b|\bđến\b|\btới\b|\bđể\b|\bnhằm\b|\btheo\b|\bcó\b|\bđang\b))")
# "phóng viên TTXVN tại Lào cho biết": where the reporter works, not where the meeting was
# "Tổng Lãnh sự Campuchia tại TP Hồ Chí Minh": where a diplomat is posted, not where the meeting was
_POSTED_BEFORE = re.compile(r"\b(Đại sứ|Tổng Lãnh sự|Lãnh sự|Trưởng Đại diện|Trưởng Văn phòng|Tùy viên|Đại biện|Tham tán)\b"
                            r"(?:\s+(?:quán|đặc mệnh toàn quyền|nước|[A-ZĐÀ-Ỹ][\w\-]*)){0,8}\s*$")
# "chuẩn bị cho chuyến công tác tại Ấn Độ ... (dự kiến tháng 5)": a trip planned, not where they met
_PLANNED = re.compile(r"\b(dự kiến|sắp tới|chuẩn bị cho|sẽ)\b", re.I)
_BYLINE_BEFORE = re.compile(r"(phóng viên|PV|đặc phái viên|thường trú|cơ quan thường trú)\s+(?:\S+\s+){0,3}$", re.I)
DELEGATION = re.compile(r"\b[Đđ]oàn\b")


@dataclass
class Cue:
    kind: str          # a key of KIND_PRIORITY
    start: int
    end: int
    text: str


@dataclass
class SentenceFacts:
    index: int
    text: str
    mentions: list[Mention]
    dates: list[DateExpr]
    cues: list[Cue]
    people: list[int | None] = field(default_factory=list)   # person index per mention


def find_cues(sentence: str, lex: Lexicon) -> list[Cue]:
    tokens = tokenize(sentence)
    out: list[Cue] = []
    i = 0
    while i < len(tokens):
        m = lex.cues.match_at(tokens, i) if tokens[i].key in lex.cues.lengths else None
        if not m:
            i += 1
            continue
        first = m.entry.split()[0]
        words = [t.text.lower() for t in tokens[m.start:m.end]]
        nxt = tokens[m.end].text.lower() if m.end < len(tokens) else ""
        prev = tokens[m.start - 1].text.lower() if m.start > 0 else ""
        ok = True
        if first[0].isupper() and not tokens[m.start].cap:
            ok = False                       # "đối thoại" the common noun, not a named Dialogue
        if words == ["tiếp"] and (nxt in _NOT_TIEP or prev in _NOT_TIEP_BEFORE):
            ok = False
        if _just_before(_THANKS_FOR_TIME, sentence, tokens[m.start].start):
            ok = False                       # "cảm ơn ... đã dành thời gian tiếp đoàn": thanks, not a meeting
        if words[0] == "gặp" and nxt in _NOT_GAP:
            ok = False
        if _just_before(_WITNESSES, sentence, tokens[m.start].start):
            ok = False                       # "chứng kiến lễ ký kết": witnesses, not the signatories
        if ok:
            kind = m.value
            if kind in ("dialogue", "conference") and first[0].isupper():
                kind += "_named"
            if kind == "talks" and words[:2] == ["hội", "đàm"]:
                kind = "talks_strong"
            if words == ["đồng", "chủ", "trì"]:
                after = sentence[tokens[m.end - 1].end:tokens[m.end - 1].end + 40]
                kind = "conference" if re.search(r"\b(Hội nghị|Phiên họp|Kỳ họp)", after) else "dialogue"
            out.append(Cue(kind, tokens[m.start].start, tokens[m.end - 1].end, sentence[tokens[m.start].start:tokens[m.end - 1].end]))
        i = m.end
    starts = [c.start for c in out]          # the cues above follow each other without overlapping
    for m in _SIGNING.finditer(sentence):
        k = bisect.bisect_right(starts, m.start())
        if not (k and m.start() < out[k - 1].end) and not _just_before(_WITNESSES, sentence, m.start()):
            out.append(Cue("signing", m.start(), m.start() + 2, m.group(0)))
    return sorted(out, key=lambda c: c.start)


_THANKS_FOR_TIME = re.compile(r"dành thời gian\s+$")
_WITNESSES = re.compile(r"chứng kiến\s+(lễ\s+)?$")
_BEFORE = 60          # characters: more than any of these phrases, so a long sentence is not read again per cue


def _just_before(pattern: re.Pattern, sentence: str, at: int) -> bool:
    """`pattern` (anchored with `$`) ends right where a cue begins."""
    return pattern.search(sentence, max(0, at - _BEFORE), at) is not None


# "ký trực tuyến Bản ghi nhớ", "ký kết Hiệp định": a signing
_SIGNING = re.compile(r"\bký(?:\s+(?:kết|trực tuyến|chính thức|tắt))?\s+(?:các\s+|một\s+)?"
                      r"(?:Bản ghi nhớ|Hiệp định|Thỏa thuận|Thoả thuận|Biên bản|Kế hoạch|Tuyên bố|Hiệp ước|Nghị định thư|Chương trình)")


def primary_cue(cues: list[Cue]) -> Cue | None:
    real = [c for c in cues if c.kind != "visit"]
    if not real:
        return None
    return min(real, key=lambda c: (KIND_PRIORITY[c.kind], c.start))


def public_kind(kind: str) -> str:
    return {"talks_strong": "talks", "dialogue_named": "dialogue", "conference_named": "conference"}.get(kind, kind)


_ORDINAL_WORDS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                  "tám": 8, "chín": 9, "mười": 10}
_SERIES = re.compile(r"\b(Hội nghị|Đối thoại|Phiên họp|Kỳ họp|Tham vấn)\b[^.;]{0,120}?\blần thứ\s+"
                     r"(\d{1,3}|[IVXL]+\b|(?:mười|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|một|mốt|nhất|lăm|mươi)"
                     r"(?:\s+(?:mười|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|một|mốt|lăm|mươi))*)", re.U)


def series(sentence: str) -> tuple[str, int] | None:
    """('hội nghị', 7) for '... Hội nghị hợp tác phòng, chống tội phạm lần thứ bảy ...'."""
    from generator.extract.dates import roman
    m = _SERIES.search(sentence)
    if not m:
        return None
    word = m.group(2)
    number = int(word) if word.isdigit() else (roman(word) if word.isupper() else _vietnamese_number(word.lower()))
    return (m.group(1).lower(), number) if number else None


def _vietnamese_number(words: str) -> int | None:
    """'bảy' 7, 'mười bốn' 14, 'hai mươi mốt' 21."""
    parts = words.split()
    if len(parts) == 1:
        return _ORDINAL_WORDS.get(parts[0])
    unit = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
            "tám": 8, "chín": 9}
    if parts[0] == "mười":
        return 10 + unit.get(parts[1], 0) if len(parts) == 2 else None
    if len(parts) >= 2 and parts[1] == "mươi" and parts[0] in unit:
        return unit[parts[0]] * 10 + (unit.get(parts[2], 0) if len(parts) > 2 else 0)
    return None


def is_online(sentence: str) -> bool:
    return bool(_ONLINE.search(sentence)) and not _ONLINE_NOT.search(sentence)


_FUTURE_CLAUSE = re.compile(r"\b([Ss]ẽ|[Dd]ự kiến|[Tt]heo kế hoạch|[Ss]ắp)\b|\d{1,2}[/.\-]\d{1,2}\s+(tới|sắp tới)\b")


def is_future(sentence: str, cue: Cue) -> bool:
    """A plan, not a meeting: 'sẽ hội đàm', 'dự kiến ...', 'ngày 15/3 tới ...'."""
    before = sentence[:cue.start]
    return bool(FUTURE.search(before[-40:]) or _FUTURE_CLAUSE.search(before))


_VISIT_BEFORE = re.compile(r"(làm việc|thăm|công tác|sang|tới|đến)\s*$", re.I)
_VISITED = re.compile(r"\bthăm(?:\s+chính thức|\s+cấp nhà nước|\s+làm việc)?\s+([A-ZĐÀ-ỸÁ-Ỹ][\wÀ-ỹ]*(?:\s[A-ZĐÀ-ỸÁ-Ỹ][\wÀ-ỹ]*){0,3})")


_BRIDGE = re.compile(r"\bđiểm cầu\s+([A-ZĐÀ-ỸÁ-Ỹ][^,.;:()]*?)(?=\s*(?:,|\.|;|$|\(|\bvà\b|\bvới\b))")


def location(sentence: str, mentions: list[Mention], cue: Cue | None = None, countries=None) -> str | None:
    """Where: the first 'tại X' of the sentence that is not where a visitor works ('sang làm việc tại ...');
    failing that, the country a visit is to ('thăm chính thức Singapore')."""
    bridge = _BRIDGE.search(sentence)
    if bridge:
        return bridge.group(1).strip()      # online: "từ điểm cầu Hà Nội"
    found = list(_LOCATION.finditer(sentence))
    for m in found:
        if _VISIT_BEFORE.search(sentence[:m.start()]) or _BYLINE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) \
                or _POSTED_BEFORE.search(sentence, max(0, m.start() - 70), m.start()):
            continue
        if any(x.start <= m.start() < x.end for x in mentions):
            continue                     # "Đại sứ ... tại Việt Nam" belongs to a title
        place = m.group(1).strip()
        rest = sentence[m.end(1):]
        paren = re.match(r"\s*\(([^()]{2,40})\)", rest)
        if paren:
            place = f"{place} ({paren.group(1).strip()})"
        if len(place.split()) > 10:
            continue
        return place
    for m in found:
        if not any(x.start <= m.start() < x.end for x in mentions) \
                and not _PLANNED.search(sentence, max(0, m.start() - 50), min(len(sentence), m.end() + 40)) \
                and not _BYLINE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) \
                and not _POSTED_BEFORE.search(sentence, max(0, m.start() - 70), m.start()):
            return m.group(1).strip()
    if countries is not None:
        for m in _VISITED.finditer(sentence):
            name = countries(m.group(1))
            if name:
                return name
    return None


def is_building(place: str) -> bool:
    return bool(re.match(r"(trụ sở|phủ|nhà|dinh|điện|tòa)\b", place, re.I))


# "Tại buổi tiếp, ...", "Trong cuộc điện đàm, ...": the meeting already reported, spoken of again
RECALL = re.compile(r"\s*(Tại|Trong|Sau|Trước|Kết thúc|Mở đầu|Phát biểu tại)\s+(buổi|cuộc)?\s*"
                    r"(tiếp|hội đàm|gặp|điện đàm|làm việc|hội kiến|đối thoại|trao đổi|chào)", re.I)


def anchor_date(dates: list[DateExpr], cue: Cue | None = None, sentence: str = "") -> DateExpr | None:
    """The date a meeting sentence is about: the day named last before the meeting word
    ('Tiếp nối chuyến thăm ngày 3/3, chiều 5/3 ... hội đàm'), else the first day after it,
    else a month."""
    usable = [d for d in dates if not d.is_range]
    days = [d for d in usable if d.precision == "day"]
    if cue is not None:
        before = [d for d in days if d.end <= cue.start]
        if before:
            return before[-1]
    if days:
        return days[0]
    if RECALL.match(sentence):
        return None                      # its month is of something else the sentence recalls
    for d in usable:
        # "Tháng 9/2025, X và Y đã ...", "... đã hội đàm trực tuyến vào tháng 7-2021": a month before the
        # meeting word, or just after it
        if d.precision == "month" and (cue is None or d.end <= cue.start or d.start - cue.end <= 80):
            return d
    return None


# what joins two guests of one meeting word: ", ", "; ", " và ", ", và quyền " (an acting head)
_AND = re.compile(r"\s*(,|;|,?\s*và|,?\s*cùng|,?\s*cùng với)\s*(?:quyền\s+)?")


# the words whose subject is the visitor: "Đại sứ X đến chào Bộ trưởng Y"
_CALLS_ON = {"đến chào", "tới chào", "chào xã giao", "chào từ biệt", "chào ra mắt", "đến chào ra mắt", "chào cấp cao"}


def _LIST_ENDS(text: str, ms: list[Mention], k: int, cue: Cue) -> bool:
    """'Thủ tướng A, Thủ tướng B và Thủ tướng C đã ...': a comma joins subjects when the list ends with 'và'
    before the meeting word."""
    return bool(re.search(r"\s(và|cùng)\s", text[ms[k].start:cue.start]))


def sides(facts: SentenceFacts, cue: Cue) -> list[tuple[int, str]]:
    """(mention index, role) of the people on each side of the meeting word."""
    ms = facts.mentions
    text = facts.text
    # the guests of this word end where the next clause's meeting word begins: "X gặp A; Y gặp B"
    # ("X tiếp và làm việc với Y": two words with nobody between share their guest)
    first_after = next((m for m in ms if m.start >= cue.end), None)
    limit = min((c.start for c in facts.cues if c.start >= cue.end and c.kind in _CLAUSE_KINDS
                 and first_after is not None and first_after.end <= c.start), default=len(text))
    brk = _CLAUSE_BREAK.search(text, cue.end) if limit < len(text) else None
    before = [k for k, m in enumerate(ms) if m.end <= cue.start and not m.positional]
    after = [k for k, m in enumerate(ms) if m.start >= cue.end and not m.positional
             and (m.end <= limit or brk is None or m.start < brk.start())]
    cochair = cue.kind in ("dialogue", "conference") and cue.text.lower().startswith("đồng")
    # "X đến chào Y": X calls on Y, so Y receives
    subject_role, object_role = ("guest", "host") if cue.text.lower() in _CALLS_ON else ("host", "guest")
    out: list[tuple[int, str]] = []
    between = re.match(r"\s*(?:trực tuyến\s+|cấp cao\s+)?giữa\s", text[cue.end:])
    if between and len(after) >= 2 and re.fullmatch(r"\s*(với|và)\s*", text[ms[after[0]].end:ms[after[1]].start]):
        # "cuộc hội đàm giữa Thủ tướng A với Thủ tướng B": the two sides follow the word
        return [(after[0], "host"), (after[1], "guest")]
    if between and len(after) >= 2 and re.search(r"\b(dẫn đầu|[Tt]rưởng đoàn)\b[^;.]{0,20}\b(với|và)\s+[Đđ]oàn\b",
                                                 text[ms[after[0]].end:ms[after[1]].start]):
        # "hội đàm giữa Đoàn ... do A làm Trưởng đoàn và Đoàn ... do B dẫn đầu": the two heads
        return [(after[0], "host"), (after[1], "guest")]
    if before:
        k = before[-1]
        gap = text[ms[k].end:cue.start]
        if len(gap) <= 90:
            role = "co-chair" if cochair else subject_role
            out.append((k, role))
            while k > 0 and k - 1 in before:
                between = text[ms[k - 1].end:ms[k].start]
                if re.fullmatch(r"\s*,?\s*(và|cùng|cùng với)\s*", between) or (between.strip() == "," and _LIST_ENDS(text, ms, k, cue)):
                    k -= 1
                    out.append((k, role))
                elif re.search(r"\bđược\s*$", between) and len(between) < 120:
                    k -= 1
                    out.append((k, "guest"))
                else:
                    break
    if after:
        k = after[0]
        if len(text[cue.end:ms[k].start]) <= 150:
            role = "co-chair" if cochair else object_role
            out.append((k, role))
            while k + 1 in after and _AND.fullmatch(text[ms[k].end:ms[k + 1].start]) \
                    and not (";" in text[ms[k].end:ms[k + 1].start] and limit < len(text)):
                k += 1
                out.append((k, role))
    return out


# "X hội đàm với A và có các cuộc gặp với B": the second meeting word shares the first one's subject
_SHARED_SUBJECT = re.compile(r"\s*[,;]?\s*(?:và|rồi|sau đó|đồng thời|tiếp đó)\s+(?:cũng\s+)?(?:đã\s+)?(?:lần lượt\s+)?"
                             r"(?:có\s+)?(?:các\s+|những\s+|một\s+)?(?:cuộc\s+|buổi\s+)?$", re.I)
# "Tại buổi tiếp, ...", "sau cuộc hội đàm": a meeting already named, not a new one
_RECALLED = re.compile(r"(tại|trong|sau|trước|kết thúc|phát biểu tại|bên lề)\s+(?:các\s+|những\s+)?(?:buổi|cuộc)\s*$", re.I)
_SUBJECT_OF_NEXT = re.compile(r"\s*(?:cũng\s+)?(?:đã\s+)?(?:có\s+)?(?:các\s+|những\s+|một\s+)?(?:cuộc\s+|buổi\s+)?", re.I)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(sau khi|trước khi|khi|và|rồi)\b", re.I)
_CLAUSE_KINDS = {"reception", "talks", "talks_strong", "call", "dialogue", "conference"}


def clauses(facts: SentenceFacts, cues: list[Cue]) -> list[tuple[Cue, list[tuple[int, str]]]]:
    """Each meeting word of a sentence with the people of its own clause: the subject between the word
    before it and this one (or that word's subject, when the sentence goes on with 'và có cuộc gặp ...'),
    the object up to the next word. 'X tiếp A, sau khi A hội đàm với B' is two meetings."""
    ms, text = facts.mentions, facts.text
    out: list[tuple[Cue, list[tuple[int, str]]]] = []
    subject: list[int] = []
    previous_end = 0
    for i, cue in enumerate(cues):
        next_start = cues[i + 1].start if i + 1 < len(cues) else len(text)
        before = [k for k, m in enumerate(ms) if previous_end <= m.start and m.end <= cue.start and not m.positional]
        after = [k for k, m in enumerate(ms) if m.start >= cue.end and m.end <= next_start and not m.positional]
        if after and i + 1 < len(cues) and _SUBJECT_OF_NEXT.fullmatch(text[ms[after[-1]].end:next_start]):
            # "..., sau khi ông A có cuộc hội đàm", "...; Y cùng Z gặp B": the next word's subject
            group = [after[-1]]
            while len(group) < len(after) and re.fullmatch(r"\s*,?\s*(và|cùng|cùng với)\s*",
                                                          text[ms[after[-len(group) - 1]].end:ms[group[0]].start]):
                group.insert(0, after[-len(group) - 1])
            opening = ms[after[-len(group) - 1]].end if len(group) < len(after) else cue.end
            if _CLAUSE_BREAK.search(text[opening:ms[group[0]].start]):
                del after[-len(group):]
        if cue.kind not in _CLAUSE_KINDS or _RECALLED.search(text, max(0, cue.start - 40), cue.start):
            previous_end = cue.end if not before else previous_end
            continue
        joined = out and (not before or _SHARED_SUBJECT.fullmatch(text[ms[before[-1]].end:cue.start]))
        if joined:
            subject = [k for k, role in out[-1][1] if role in ("host", "co-chair")]
        elif before:
            subject = [before[-1]]
            k = before[-1]
            while k - 1 in before and (re.fullmatch(r"\s*,?\s*(và|cùng|cùng với)\s*", text[ms[k - 1].end:ms[k].start])
                                       or (text[ms[k - 1].end:ms[k].start].strip() == "," and _LIST_ENDS(text, ms, k, cue))):
                k -= 1
                subject.insert(0, k)
        else:
            subject = []
        objects: list[int] = []
        if after and len(text[cue.end:ms[after[0]].start]) <= 150:
            k = after[0]
            objects.append(k)
            while k + 1 in after and _AND.fullmatch(text[ms[k].end:ms[k + 1].start]):
                k += 1
                objects.append(k)
        cochair = cue.kind in ("dialogue", "conference") and cue.text.lower().startswith("đồng")
        calls_on = cue.text.lower() in _CALLS_ON
        out.append((cue, [(k, "co-chair" if cochair else "guest" if calls_on else "host") for k in subject]
                    + [(k, "co-chair" if cochair else "host" if calls_on else "guest") for k in objects]))
        previous_end = ms[objects[-1]].end if objects else cue.end
    return out


def analyse(index: int, sentence: str, lex: Lexicon, find_mentions) -> SentenceFacts:
    return SentenceFacts(index, sentence, find_mentions(sentence, lex), find_dates(sentence), find_cues(sentence, lex))
