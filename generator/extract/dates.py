"""Vietnamese date expressions, and the year of a date written without one.

Forms: 'Ngày 30/10', 'Chiều 13/2', 'chiều 13-2', 'Sáng 30.10', 'ngày 12 tháng 7',
'Tháng 9/2025', 'ngày 22/2/2023', 'Hôm nay', 'chiều qua (27/08)', 'Chiều thứ Hai (30/11)',
'cùng ngày', and ranges 'từ ngày 11 đến 13-3'. A date without a year takes the
publication year (the year before when the day is later in the year than the
publication); with no publication date the article itself is read for the year:
party congresses, anniversaries of diplomatic relations, and years written in it.

A date no calendar has ('31/02/2022', '31 tháng 4', '29/2/2023', or '29/2' once its
year turns out to be 2023) is never made into a `PartialDate`: `find_dates` leaves it
out, `impossible_dates` names it and why, and `resolve` gives it no date.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.model import DateBasis, PartialDate, Published, YearClue
from generator.names import fold

_PART = r"(?:rạng\s+)?(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)"
_WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
_YEAR = r"((?:19|20)\d\d)"


@dataclass
class DateExpr:
    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    relative: str | None = None      # today, yesterday, same_day
    is_range: bool = False
    weekday: int | None = None
    span: bool = False               # "Ngày 3-4/12": the first of several days
    written: str = ""                # the day, month and year as written ('31/02/2022'), for messages
    problem: str | None = None       # why no calendar has this day ('February 2022 has 28 days')
    form: str = ""                   # the name of the form that read it (FORMS)

    @property
    def precision(self) -> str:
        if self.relative or self.day:
            return "day"
        return "month" if self.month else "year"


_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"))}
_MONTH_EN = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


@dataclass(frozen=True)
class DateForm:
    """One way of writing a date: its pattern, which groups hold the day, month and year, and an example
    with what it must read (tests/test_dates.py checks every row against its example)."""

    name: str
    pattern: re.Pattern
    example: str
    expected: dict                   # the DateExpr fields the example gives
    day: int | None = None           # group numbers (1-based) of the day, month, year
    month: int | None = None
    year: int | None = None
    written: int | None = None       # the group where the date as written begins, for messages
    relative: str | None = None


def _form(name, pattern, example, expected, **groups) -> DateForm:
    return DateForm(name, re.compile(pattern, re.I), example, expected, **groups)


_NUM = r"(\d{1,2})"
_OPT_YEAR = r"(?:[/.\-]" + _YEAR + r")?"
# The one date grammar: the meeting sentences, the datelines above a report and the captions are read
# with it. Order matters: a longer form takes its span first, and no shorter one is read inside it.
FORMS: list[DateForm] = [
    _form("range", r"\btừ\s+(?:ngày\s+)?" + _NUM + r"(?:[/.\-]" + _NUM + r")?\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?"
          + _NUM + r"[/.\-]" + _NUM + _OPT_YEAR + r"(?!\d)",
          "từ ngày 11 đến 13-3", {"day": 13, "month": 3, "is_range": True}, day=3, month=4, year=5, written=1),
    _form("iso", r"(?<![\d/.\-])" + _YEAR + r"-(\d{2})-(\d{2})(?![\d])",
          "2024-03-05 10:30", {"day": 5, "month": 3, "year": 2024}, day=3, month=2, year=1, written=1),
    # 2020/9/8: a year first, as Japanese and Korean sites write it
    _form("iso_slash", r"(?<![\d/.\-])" + _YEAR + r"/(\d{1,2})/(\d{1,2})(?![\d/])",
          "2020/9/8", {"day": 8, "month": 9, "year": 2020}, day=3, month=2, year=1, written=1),
    _form("english_mdy", r"\b" + _MONTH_EN + r"\s+" + _NUM + r"(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b",
          "August 16, 2025", {"day": 16, "month": 8, "year": 2025}, day=2, month=1, year=3, written=1),
    _form("english_dmy", r"\b" + _NUM + r"(?:st|nd|rd|th)?\s+" + _MONTH_EN + r",?\s+" + _YEAR + r"\b",
          "16 August 2025", {"day": 16, "month": 8, "year": 2025}, day=1, month=2, year=3, written=1),
    _form("span", r"\b(?:hai\s+|ba\s+)?ngày\s+" + _NUM + r"\s*(?:-|–|và|,)\s*" + _NUM + r"[/.\-]" + _NUM
          + _OPT_YEAR + r"(?![\d/]*\d)",
          "Ngày 3-4/12", {"day": 3, "month": 12, "span": True}, day=1, month=3, year=4, written=1),
    _form("relparen", r"\b" + _PART + r"\s+(?:nay|qua)\s*\(\s*" + _NUM + r"[/.\-]" + _NUM + _OPT_YEAR + r"\s*\)",
          "chiều qua (27/08)", {"day": 27, "month": 8}, day=1, month=2, year=3, written=1),
    # sáng nay, 22-11: the day written after the relative word
    _form("relcomma", r"\b" + _PART + r"\s+(?:nay|qua)\s*,\s*(?:ngày\s+)?" + _NUM + r"[/.\-]" + _NUM + _OPT_YEAR + r"(?![\d/.\-]*\d)",
          "Sáng nay, 22-11", {"day": 22, "month": 11}, day=1, month=2, year=3, written=1),
    _form("weekday", r"\b(?:" + _PART + r"\s+)?(?:(thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7]))|(chủ\s+nhật))\s*"
          r"(?:,\s*)?\(?\s*(?:ngày\s+)?" + _NUM + r"[/.\-]" + _NUM + _OPT_YEAR + r"\s*\)?",
          "Chiều thứ Hai (30/11)", {"day": 30, "month": 11, "weekday": 0}, day=4, month=5, year=6, written=4),
    _form("text", r"\bngày\s+" + _NUM + r"\s+tháng\s+" + _NUM + r"(?:\s*(?:năm|,)\s*" + _YEAR + r")?",
          "ngày 12 tháng 7 năm 2021", {"day": 12, "month": 7, "year": 2021}, day=1, month=2, year=3, written=1),
    # without "ngày" only with its year ("6 tháng 1 lần" is no date)
    _form("text_year", r"(?<![\d/.\-])\b" + _NUM + r"\s+tháng\s+" + _NUM + r"\s*(?:năm|,)\s*" + _YEAR + r"(?!\d)",
          "sáng 31 tháng 3 năm 2022", {"day": 31, "month": 3, "year": 2022}, day=1, month=2, year=3, written=1),
    _form("month", r"\btháng\s+" + _NUM + r"(?:\s*[/.\-]\s*|\s+năm\s+)" + _YEAR + r"(?!\d)",
          "Tháng 9/2025", {"month": 9, "year": 2025}, month=1, year=2),
    _form("day", r"\b(" + _PART + r")\s+(?:(?:mùng|mồng)\s+)?" + _NUM + r"([/.\-])" + _NUM + r"(?:\3" + _YEAR
          + r")?(?![\d/.\-]*\d)",
          "Sáng 30.10", {"day": 30, "month": 10}, day=2, month=4, year=5, written=2),
    # a full date with its year, in any separator: '15.09.2023', '01-12-2020', '22/6/2021'
    _form("numeric_full", r"(?<![\d/.\-])" + _NUM + r"([/.\-])" + _NUM + r"\2" + _YEAR + r"(?![\d/.\-]*\d)",
          "15.09.2023 10:41", {"day": 15, "month": 9, "year": 2023}, day=1, month=3, year=4, written=1),
    # a bare 13/2 (slashes only: 2.000 and 2020-2021 are not dates)
    _form("bare", r"(?<![\d/.\-])" + _NUM + r"/" + _NUM + r"(?![\d/]*\d)",
          "tiếp Đại sứ (13/2)", {"day": 13, "month": 2}, day=1, month=2, written=1),
    # hồi tháng 5 vừa qua, tháng 4 năm nay: a month of the publication year
    _form("month_this_year", r"\btháng\s+" + _NUM + r"\s+(?:vừa qua|năm nay|vừa rồi)\b",
          "hồi tháng 5 vừa qua", {"month": 5}, month=1),
    _form("today", r"\b(?:hôm|sáng|chiều|tối|trưa|đêm)\s+nay\b", "Chiều nay", {"relative": "today"}, relative="today"),
    _form("yesterday", r"\b(?:hôm|sáng|chiều|tối|trưa|đêm)\s+qua\b", "Hôm qua", {"relative": "yesterday"},
          relative="yesterday"),
    _form("same_day", r"\b(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?cùng\s+ngày\b|\b(?:ngày|sáng|chiều|tối|trưa)\s+hôm\s+(?:đó|ấy)\b",
          "Chiều cùng ngày", {"relative": "same_day"}, relative="same_day"),
]


# words without which a form cannot match: most sentences are spared most forms
_NEEDS = {"range": ("từ",), "iso": ("-",), "english_mdy": tuple(_MONTHS_EN), "english_dmy": tuple(_MONTHS_EN),
          "span": ("ngày",), "relparen": ("(",), "relcomma": (",",), "weekday": ("thứ", "chủ nhật"),
          "text": ("tháng",), "text_year": ("tháng",), "month": ("tháng",), "iso_slash": ("/",), "bare": ("/",),
          "month_this_year": ("tháng",), "today": ("nay",), "yesterday": ("qua",), "same_day": ("ngày", "hôm")}


def _valid(day: int | None, month: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def find_dates(sentence: str) -> list[DateExpr]:
    """Every date expression in a sentence, left to right, none overlapping; only days that exist."""
    return [d for d in scan_dates(sentence) if d.problem is None]


def impossible_dates(sentence: str) -> list[DateExpr]:
    """The date expressions of a sentence that name a day no calendar has ('31/02/2022', '31 tháng 4'),
    each with `problem` saying why. They hold their place: no shorter date is read inside them."""
    return [d for d in scan_dates(sentence) if d.problem is not None]


_DIGIT = re.compile(r"\d")
_RELATIVE_WORD = re.compile(r"[Nn][Aa][Yy]|[Qq][Uu][Aa]|[Nn][Gg][ÀàÀ][Yy]|[Đđ][Óó]")


def scan_dates(sentence: str) -> tuple[DateExpr, ...]:
    """Every date expression of a text, possible or not, left to right, none overlapping.

    The reader and extraction ask about the same lines several times: the answer is kept (the
    expressions are never changed after they are read)."""
    # every form but the relative ones needs a digit; those need one of these words
    if not _DIGIT.search(sentence) and not _RELATIVE_WORD.search(sentence):
        return ()
    return _scan(sentence)


@lru_cache(maxsize=8192)
def _scan(sentence: str) -> tuple[DateExpr, ...]:
    found: list[DateExpr] = []
    starts: list[int] = []           # the spans taken, sorted and disjoint: a sentence of thousands of
    ends: list[int] = []             # dates (a pasted table) is checked in n log n, not n²

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_right(starts, a)
        return (k == 0 or ends[k - 1] <= a) and (k == len(starts) or b <= starts[k])

    def take(a: int, b: int) -> None:
        k = bisect.bisect_right(starts, a)
        starts.insert(k, a)
        ends.insert(k, b)

    lower = sentence.lower()
    for form in FORMS:
        if form.name in _NEEDS and not any(w in lower for w in _NEEDS[form.name]):
            continue
        for m in form.pattern.finditer(sentence):
            if not free(m.start(), m.end()):
                continue
            expr = _read(form, m)
            if expr is None:
                continue
            found.append(expr)
            take(m.start(), m.end())
    return tuple(sorted(found, key=lambda d: d.start))


def _read(form: DateForm, m: re.Match) -> DateExpr | None:
    """The date a match of one form names, or None when it is no date at all ('31/13', '0/5')."""
    def number(group: int | None) -> int | None:
        if group is None or m.group(group) is None:
            return None
        text = m.group(group)
        return _MONTHS_EN[text.lower()] if text.isalpha() else int(text)

    expr = DateExpr(m.start(), m.end(), m.group(0).strip(), day=number(form.day), month=number(form.month),
                    year=number(form.year), relative=form.relative, is_range=form.name == "range", form=form.name)
    last = None                          # the last of several days named, when it is not `day`
    if form.name == "span":
        last = int(m.group(2))
        if not expr.day < last <= 31:
            return None
        expr.span = True
    elif form.name == "weekday":
        expr.weekday = 6 if m.group(3) else _WEEKDAYS.get(m.group(2).lower())
    elif form.name == "day" and m.group(3) == "." and m.group(1).lower() == "hôm":
        return None
    if not _valid(expr.day, expr.month):
        return None
    if form.written is not None:
        expr.written = m.string[m.start(form.written):m.end()].rstrip(") \t")
    # a day and month that could be a date but name no day of that month (and year, when written): it
    # keeps its place so that "tháng 4 năm 2022" inside "ngày 31 tháng 4 năm 2022" is not read as a month
    expr.problem = PartialDate.problem(expr.year, expr.month, last or expr.day)
    return expr


# --- the year of an article without a publication date -----------------------------
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


_CONGRESS = re.compile(
    r"Đại hội\s+(?:đại biểu toàn quốc\s+)?(?:(?:của\s+)?Đảng\s+(?:Cộng sản Việt Nam\s+)?)?(?:lần thứ\s+)?"
    r"(?P<num>[IVXLC]+|\d{1,2})\b(?P<after>[^.;]{0,60})")
_FOREIGN_PARTY = {"CN": re.compile(r"Đảng Cộng sản Trung Quốc"), "LA": re.compile(r"Đảng Nhân dân Cách mạng Lào")}
# "tiến tới Đại hội XIII", "chào mừng Đại hội ... sắp tới": a congress still ahead
_CONGRESS_AHEAD = re.compile(r"(tiến tới|hướng tới|chuẩn bị|chào mừng|trước thềm)\s+(?:\S+\s+){0,2}$", re.I)
_ANNIVERSARY = re.compile(r"(?:(gần|hơn|trên)\s+)?(\d{1,3})\s+năm\s+(?:qua\s*,?\s+)?(?:Ngày\s+)?"
                          r"(?:(?:kể\s+)?từ\s+khi\s+(?:hai\s+nước\s+)?)?"
                          r"(thiết lập|lập|xác lập|đặt|bình thường hóa|bình thường hoá)\s+quan hệ(?!\s+[Đđ]ối tác)", re.I)
_RANGE = re.compile(r"(?:(\d{1,2})/)?" + _YEAR + r"\s*[-–]\s*(?:(\d{1,2})/)?" + _YEAR)
# a year the article looks forward to ("tầm nhìn 2045", "Chiến lược ... đến năm 2030"), not its present
_FUTURE_BEFORE = re.compile(r"(\bđến|\btới|tầm nhìn|\btrước|dự kiến|\bsẽ|mục tiêu|chiến lược)\s+(?:\S+\s+){0,2}(năm\s+)?$"
                            r"|(tầm nhìn|chiến lược|mục tiêu)\b", re.I)
_FUTURE_AFTER = re.compile(r"\s*(tới|sắp tới)\b|[^.;]{0,40}\bsẽ\b", re.I)
# "vào năm tới": next year
_NEXT_YEAR = re.compile(r"[^.;]{0,40}\b(vào\s+)?năm\s+(tới|sau)\b", re.I)
# "kỷ niệm 30 năm ký Hiệp ước ... (1994)": the anniversary of a year the article gives
_ANNIVERSARY_OF_YEAR = re.compile(r"kỷ niệm\s+(\d{1,3})\s+năm\b[^()]{0,160}\(\s*" + _YEAR + r"\s*\)", re.I)
# "Hai bên nhất trí tổ chức Đối thoại lần thứ 12 tại Moscow vào năm 2025": a plan
_PLAN = re.compile(r"\b(nhất trí|thống nhất|đồng ý|sẽ|dự kiến|kế hoạch)\b[^.;]{0,80}\b(tổ chức|tiến hành|diễn ra|tới thăm|sang thăm)\b", re.I)
_PLAN_PERIOD = re.compile(r"\b(ký|Bản ghi nhớ|Hiệp định|Kế hoạch|Chương trình|Thỏa thuận|Thoả thuận|Quy hoạch|Chiến lược)\b"
                          r"[^.;]{0,120}(giai đoạn|thời kỳ)\s*$", re.I)
# "kỷ niệm 10 năm thiết lập quan hệ Đối tác toàn diện"
_PARTNERSHIP = re.compile(r"(\d{1,2})\s+năm\s+(?:thiết lập|xác lập|nâng cấp|nâng tầm)?\s*(?:quan hệ\s+)?Đối tác\s+"
                          r"(hợp tác chiến lược toàn diện|chiến lược toàn diện|chiến lược|toàn diện)", re.I)
_ANNIVERSARY_BEFORE = re.compile(r"(kỷ niệm|\d+\s+năm)[^()]{0,120}$", re.I)
_BEFORE = 300                    # characters before a year that the end-anchored patterns above can span
# "hướng tới kỷ niệm 75 năm ...": an anniversary still ahead
_AHEAD = re.compile(r"\b(hướng tới|tiến tới|chuẩn bị|sắp tới|trước thềm)\b[^.;]{0,50}$", re.I)
_AHEAD_YEAR = re.compile(r"\b(hướng tới|tiến tới|chuẩn bị|trước thềm)\b[^.;]*$", re.I)
_BARE_YEAR = re.compile(r"(?<![\d/.\-])" + _YEAR + r"(?![\d])")
# a year something began in ("từ năm 2008", "được thiết lập năm 2013") says only that the present is later
_SINCE_BEFORE = re.compile(r"(\btừ|kể từ|thiết lập|xác lập|thành lập|ra đời|nâng cấp|nâng lên)\s+(?:\S+\s+){0,3}(năm\s+)?$", re.I)


def _shortest_prefix(pattern: re.Pattern, text: str) -> int | None:
    """The length of the shortest start of `text` in which `pattern` is found, or None: one answer for
    every year of a sentence, where searching the text before each year took quadratic time."""
    if not pattern.search(text):
        return None
    lo, hi = 0, len(text)            # found in text[:hi], not in text[:lo]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pattern.search(text, 0, mid):
            hi = mid
        else:
            lo = mid
    return hi


def year_evidence(sentences: list[str], countries_in: callable, relations: dict[str, int],
                  congresses: dict[tuple[str, int], tuple[int, int]],
                  normalized: dict[str, int] | None = None,
                  partnerships: dict[tuple[str, str], int] | None = None, occasions=()) -> list[YearClue]:
    """Years the article shows as its present or its past, each with the reason.

    `countries_in(sentence)` lists the foreign country codes a sentence names,
    for anniversaries of diplomatic relations.
    """
    out: list[YearClue] = []
    normalized = normalized or {}
    partnerships = partnerships or {}
    # once a sentence: a sentence of hundreds of anniversaries must not be read for countries hundreds of times
    countries_in = lru_cache(maxsize=16)(countries_in)
    keyed = _occasion_keys(tuple(occasions))
    for sentence in sentences:
        lower = sentence.lower() if keyed else ""
        for occasion in (o for key, o in keyed if key in lower):
            for year, words, count, shift in occasion.years(sentence):
                if occasion.kind == "anniversary":
                    at = sentence.find(words)
                    if _AHEAD.search(sentence, max(0, at - 60), at):
                        year, shift = year - 1, shift - 1     # "hướng tới kỷ niệm 80 năm ...": the year before
                    out.append(YearClue(year, "national_anniversary", words, base=int(occasion.rule),
                                        count=count, shift=shift))
                else:
                    out.append(YearClue(year, "occasion", words))
        for m in _CONGRESS.finditer(sentence):
            number = int(m.group("num")) if m.group("num").isdigit() else roman(m.group("num"))
            if not number:
                continue
            party = "VN"
            for code, pattern in _FOREIGN_PARTY.items():
                if pattern.search(m.group("after")):
                    party = code
            if party == "VN" and not m.group("num").isdigit() or party != "VN" or "Đảng" in m.group(0):
                hit = congresses.get((party, number))
                if hit:
                    ahead = _CONGRESS_AHEAD.search(sentence[max(0, m.start() - 40):m.start()]) or \
                        _FUTURE_AFTER.match(m.group("after"))
                    out.append(YearClue(hit[0] - bool(ahead), "congress", m.group("num"), party=party,
                                        base=hit[0], shift=-bool(ahead)))
        for m in _ANNIVERSARY.finditer(sentence):
            years = int(m.group(2))
            # "gần 70 năm": the anniversary is still ahead; "hơn 25 năm": it has passed
            shift = {"gần": -1, "hơn": 1, "trên": 1}.get((m.group(1) or "").lower(), 0)
            if _NEXT_YEAR.match(sentence[m.end():m.end() + 60]) or _AHEAD.search(sentence, max(0, m.start() - 60), m.start()):
                shift -= 1               # "... 75 năm thiết lập quan hệ ngoại giao ... vào năm tới", "hướng tới kỷ niệm ..."
            foreign = [c for c in countries_in(sentence) if c in relations]
            if len(set(foreign)) == 1:
                established = relations[foreign[0]]
                if m.group(3).lower().startswith("bình thường"):
                    established = normalized.get(foreign[0], established)
                out.append(YearClue(established + years + shift, "anniversary", m.group(0), party=foreign[0],
                                    base=established, count=years, shift=shift))
        for m in _PARTNERSHIP.finditer(sentence):
            years, kind = int(m.group(1)), fold(m.group(2))
            for code in dict.fromkeys(countries_in(sentence)):
                since = partnerships.get((code, kind))
                if since:
                    out.append(YearClue(since + years, "partnership", m.group(0), party=code, base=since, count=years))
                    break
        in_anniversary = set()
        for m in _ANNIVERSARY_OF_YEAR.finditer(sentence):
            years, since = int(m.group(1)), int(m.group(2))
            in_anniversary.add(m.start(2))
            out.append(YearClue(since + years, "anniversary_of_year", m.group(0), base=since, count=years))
        for m in re.finditer(r"(?<![\d/])\d{1,2}[/.\-]\d{1,2}[/.\-]" + _YEAR + r"(?!\d)", sentence):
            out.append(YearClue(int(m.group(1)), "full_date", m.group(0)))
        ranges = list(_RANGE.finditer(sentence))
        in_range: set[int] = set()
        for m in ranges:
            first, last = int(m.group(2)), int(m.group(4))
            in_range.update({m.start(2), m.start(4)})
            if not first < last <= first + 80:
                continue
            end = m.start()
            while end and sentence[end - 1] in " (":
                end -= 1
            # both end where the range begins, so only the text just before it is searched: a sentence of
            # thousands of ranges is read in linear time
            anniversary = _ANNIVERSARY_BEFORE.search(sentence, max(0, end - _BEFORE), end)
            if not anniversary and _PLAN_PERIOD.search(sentence, max(0, m.start() - _BEFORE), m.start()):
                continue                 # "ký Bản ghi nhớ ... giai đoạn 2021 - 2025": a plan's years, not the present
            chosen = last if anniversary else first
            out.append(YearClue(chosen, "range_anniversary" if anniversary else "range_term", m.group(0)))
        for m in re.finditer(r"\btháng\s+\d{1,2}\s*[/.\-]\s*" + _YEAR, sentence, re.I):
            in_range.add(m.start(1))
            out.append(YearClue(int(m.group(1)), "month_year", m.group(0)))
        plan_from = _shortest_prefix(_PLAN, sentence)
        for m in _BARE_YEAR.finditer(sentence):
            if m.start(1) in in_range:
                continue
            before = sentence[max(0, m.start() - 30):m.start()]
            plan = plan_from is not None and m.start() >= plan_from      # a plan is named before the year
            if _FUTURE_BEFORE.search(before) or _SINCE_BEFORE.search(before) or plan \
                    or _AHEAD_YEAR.search(sentence, max(0, m.start() - 120), m.start()) \
                    or _FUTURE_AFTER.match(sentence[m.end():m.end() + 50]) or m.start(1) in in_anniversary:
                continue
            out.append(YearClue(int(m.group(1)), "year", m.group(1)))
    return out


@lru_cache(maxsize=4)
def _occasion_keys(occasions: tuple) -> list[tuple[str, object]]:
    """Each occasion with the longest plain word of its pattern: most sentences name no occasion, and a
    word looked up in the sentence tells which of them to try."""
    out = []
    for o in occasions:
        words = re.findall(r"[^\W\d_]{3,}", o.written.replace("{n}", ""))
        out.append((max(words, key=len).lower() if words else "", o))
    return out


def weekday_fits(year: int, month: int, day: int, weekday: int | None) -> bool:
    if weekday is None:
        return True
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


@dataclass
class Resolved:
    date: PartialDate | None
    basis: DateBasis
    confidence: int
    day_month: tuple[int, int] | None = None
    problem: str | None = None       # "impossible date '31/02/2022' (February 2022 has 28 days)": no date


# how far a day may lie from a date the article writes in full for that date to give its year
_NEAR_WRITTEN = dt.timedelta(days=45)
# a page date a few days before the day it reports is the page's date being early (a crawl, a time
# zone), not a day of the year before
_PAGE_DATE_SLACK = dt.timedelta(days=7)


def written_dates(sentences: list[str]) -> list[tuple[PartialDate, str]]:
    """The dates an article writes in full (day, month and year), with the words: what a day written
    without its year is most likely near."""
    out = []
    for sentence in sentences:
        for d in find_dates(sentence):
            if _HISTORY_BEFORE.search(sentence, max(0, d.start - 80), d.start):
                continue                 # "50 năm thiết lập quan hệ ngoại giao (21/9/1973)": history
            if d.day and d.month and d.year and (d.written or d.text):
                date = PartialDate.checked(d.year, d.month, d.day)
                if date is not None:
                    out.append((date, d.written or d.text))
            if d.is_range:
                first = _RANGE_START.search(d.text)
                if first and first.group(3):
                    date = PartialDate.checked(int(first.group(3)), int(first.group(2)), int(first.group(1)))
                    if date is not None:
                        out.append((date, d.text))
        for m in _WRITTEN_RANGE.finditer(sentence):
            # "từ ngày 27/12/2021-1/1/2022": both ends, the first with its own year; not an anniversary's
            # "(1/1/1959-1/1/2022)", whose first end is long past
            date = PartialDate.checked(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if date is not None and int(m.group(4)) - date.year <= 1:
                out.append((date, m.group(0)))
    latest = max((d.year for d, _ in out), default=0)
    # a date years before the latest one is history the article recalls, not its present
    return [(d, w) for d, w in out if d.year >= latest - 3]


_HISTORY_BEFORE = re.compile(r"(kỷ niệm|thiết lập|thành lập|xác lập|ra đời|\d+\s+năm)[^.;]*\(?\s*$", re.I)
_RANGE_START = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]" + _YEAR)
_WRITTEN_RANGE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/" + _YEAR + r"\s*[-–]\s*\d{1,2}/\d{1,2}/" + _YEAR)


def _nearest_written(month: int, day: int, written: list[tuple[PartialDate, str]],
                     avoid: int | None = None) -> tuple[int, str] | None:
    """The year in which this day lies nearest a date the article writes in full, when one is near."""
    best = None
    for date, words in written:
        for year in (date.year - 1, date.year, date.year + 1):
            candidate = PartialDate.checked(year, month, day)
            if candidate is None or year == avoid:
                continue
            distance = abs(candidate.first_day() - date.first_day())
            if distance <= _NEAR_WRITTEN and (best is None or distance < best[0]):
                best = (distance, year, words)
    return (best[1], best[2]) if best else None


# how far a clue of the year is believed when reports of one meeting disagree: a congress, an
# anniversary or a named occasion over a date written in full, over a year written anywhere
_CLUE_CONFIDENCE = {"congress": 2, "anniversary": 2, "partnership": 2, "anniversary_of_year": 2,
                    "national_anniversary": 2, "occasion": 2, "full_date": 2}


def resolve(expr: DateExpr, published: PartialDate | None, published_from: Published,
            clue: YearClue | None, previous: Resolved | None,
            written: list[tuple[PartialDate, str]] = ()) -> Resolved:
    """Turn one expression into a date, saying how; an impossible day becomes no date, saying why.

    `written` are the dates the article writes in full: a day written without its year takes the year
    that puts it near one of them when the publication date cannot give it, or when the page's date
    (a header or dateline, which may be the day the page was rendered, years later) puts it far from
    every one of them."""
    read = expr.text
    if expr.problem:
        why = f"impossible date '{expr.written or expr.text}' ({expr.problem})"
        return Resolved(None, DateBasis("impossible", expr.written or read, problem=expr.problem), 0, problem=why)
    if expr.relative == "same_day" or (expr.relative is None and expr.day is None and expr.month is None):
        if previous and previous.problem:
            return Resolved(None, previous.basis, 0, problem=previous.problem)
        if previous and previous.date:
            return Resolved(previous.date, DateBasis("same_day", read, earlier=previous.date),
                            previous.confidence, previous.day_month)
        if previous and previous.day_month:
            return Resolved(None, previous.basis, 0, previous.day_month)
        return Resolved(None, DateBasis("unknown_day", read), 0)
    if expr.relative in ("today", "yesterday"):
        if published and published.day and published.first_day() > dt.date.min:   # 1 January of year 1: no day before
            day = published.first_day() - dt.timedelta(days=expr.relative == "yesterday")
            return Resolved(PartialDate(day.year, day.month, day.day),
                            DateBasis("relative", read, day.year, published, published_from), 3)
        if previous and previous.date and previous.confidence:
            return Resolved(previous.date, DateBasis("same_day", read, earlier=previous.date),
                            previous.confidence, previous.day_month)
        if published and published.month and expr.relative == "today":
            # "hôm nay" on a page dated only to its month: that month, no day
            return Resolved(PartialDate(published.year, published.month),
                            DateBasis("relative", read, published.year, published, published_from), 2)
        return Resolved(None, DateBasis("no_publication_day", read), 0)
    if expr.year:
        return _dated(expr, DateBasis("written", read, expr.year), 3, None)
    if expr.day is None:
        if expr.month and published:     # "tháng 5 vừa qua": a month of the publication year, or the one before
            before = expr.month > (published.month or 12)
            rule = "publication_year_before" if before else "publication"
            return _dated(expr, DateBasis(rule, read, published.year - before, published, published_from), 3, None)
        return Resolved(None, DateBasis("no_year", read), 0)
    if published:
        before = (expr.month, expr.day) > (published.month or 12, published.day or 31)
        if before and published.day and PartialDate.checked(published.year, expr.month, expr.day) is not None \
                and dt.date(published.year, expr.month, expr.day) - published.first_day() <= _PAGE_DATE_SLACK:
            before = False
        year = published.year - before
        on_page = PartialDate.checked(year, expr.month, expr.day)
        if written and published_from.source != "front_matter" and on_page is not None and \
                all(abs(on_page.first_day() - w.first_day()) > _NEAR_WRITTEN for w, _ in written):
            near = _nearest_written(expr.month, expr.day, written, avoid=year)
            if near:
                return _dated(expr, DateBasis("clue", read, near[0], clue=YearClue(near[0], "full_date", near[1])), 3,
                              (expr.day, expr.month))
        rule = "publication_year_before" if before else "publication"
        return _dated(expr, DateBasis(rule, read, year, published, published_from), 3, (expr.day, expr.month))
    near = _nearest_written(expr.month, expr.day, written) if written else None
    if near and not (clue and near[0] < clue.year - 1):
        return _dated(expr, DateBasis("clue", read, near[0], clue=YearClue(near[0], "full_date", near[1])), 2,
                      (expr.day, expr.month))
    if clue:
        year, rule = clue.year, "clue"
        if not weekday_fits(year, expr.month, expr.day, expr.weekday):
            for other in (year + 1, year - 1):
                if weekday_fits(other, expr.month, expr.day, expr.weekday):
                    year, rule = other, "clue_weekday"
                    break
        return _dated(expr, DateBasis(rule, read, year, clue=clue), _CLUE_CONFIDENCE.get(clue.rule, 1),
                      (expr.day, expr.month))
    return Resolved(None, DateBasis("no_year_in_article", read), 0, (expr.day, expr.month))


def _dated(expr: DateExpr, basis: DateBasis, confidence: int, day_month: tuple[int, int] | None) -> Resolved:
    """The expression in the basis's year; no date when that year has no such day ('29/2' in 2023)."""
    date = PartialDate.checked(basis.year, expr.month, expr.day)
    if date is not None:
        return Resolved(date, basis, confidence, day_month)
    why = PartialDate.problem(basis.year, expr.month, expr.day)
    impossible = replace(basis, rule="impossible", read=expr.written or expr.text, problem=why)
    if basis.rule == "written":
        problem = f"impossible date '{impossible.read}' ({why})"
    else:
        problem = f"impossible date '{impossible.read}' in the year {basis.year} ({why})"
    # no day and month either: another article's year must not date a day this article got wrong
    return Resolved(None, impossible, 0, problem=problem)
