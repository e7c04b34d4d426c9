"""Properties over arbitrary and generated input (hypothesis): the date grammar, the reader's
publication date, name keys and slugs never raise, and what they return is well formed.

Examples are bounded (about 200 each, a deadline each) and derandomized, so the file runs in
a few seconds and the same way everywhere. Examples hypothesis once found are kept as @example.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.extract.article import extract_article
from generator.extract.dates import find_dates, impossible_dates, resolve, year_evidence
from generator.extract.lexicon import lexicon
from generator.model import PartialDate, Published, YearClue
from generator.names import clean_spaces, fold, name_key, order_free, syllable_key
from generator.extract.reader import parse_article
from generator.urls import SLUG_LENGTH, slug

lexicon()       # loaded once here, so that no example pays for it against the deadline

BOUNDED = settings(max_examples=200, deadline=dt.timedelta(seconds=2), database=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])
FEW = settings(BOUNDED, max_examples=60)

# --- generated text -----------------------------------------------------------------------
DAYS, MONTHS, YEARS = st.integers(0, 40), st.integers(0, 15), st.integers(1890, 2110)
FORMATS = ["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "ngày {d} tháng {m} năm {y}", "{d} tháng {m} năm {y}", "{d}-{m}",
           "{d}.{m}.{y}", "{d}/{m}", "{d}-{m}-{y}", "thứ Hai ({d}/{m})", "qua ({d}/{m}/{y})", "{d}-{m}/{y}"]
TEMPLATES = ["Ngày {date}, Bộ trưởng Bộ Ngoại giao Nguyễn Văn An đã tiếp Đại sứ Nhật Bản Yamada Taro tại Hà Nội.",
             "Chiều {date}, hai bên hội đàm.", "Sáng {date} tại Hà Nội, Thủ tướng tiếp Đại sứ Pháp.",
             "Hội nghị khai mạc {date} với sự tham dự của 20 nước.", "Chuyến thăm diễn ra từ ngày 1 đến {date}.",
             "Trong hai ngày {date}, đoàn làm việc tại Huế.", "{date}", "Tháng {m}/{y}, đoàn thăm Ba Lan.",
             "Hôm {date}, Chủ tịch nước hội kiến Thủ tướng Na Uy; chiều cùng ngày, đoàn về Hà Nội."]
# pieces a date is written with, so that arbitrary text often looks like one
PIECES = st.sampled_from(["ngày", "tháng", "năm", "Ngày", "Chiều", "sáng", "từ", "đến", "thứ", "Hai", "qua", "nay",
                          "cùng ngày", "hôm", "(", ")", "/", ".", "-", "–", ",", " ", "  ", "\u00a0", "2022", "2023",
                          "1999", "29", "30", "31", "2", "4", "12", "13", "0", "00", "9999", "99"])
DATE_ISH = st.lists(PIECES | st.text(max_size=3), max_size=30).map("".join)
ANY_TEXT = st.text(max_size=300) | DATE_ISH


@st.composite
def date_sentences(draw):
    d, m, y = draw(DAYS), draw(MONTHS), draw(YEARS)
    date = draw(st.sampled_from(FORMATS)).format(d=d, m=m, y=y)
    return draw(st.sampled_from(TEMPLATES)).format(date=date, d=d, m=m, y=y), (d, m, y)


PUBLISHED = st.none() | st.builds(lambda d: PartialDate(d.year, d.month, d.day), st.dates()) \
    | st.builds(lambda y, m: PartialDate(y, m), st.integers(1, 9999), st.integers(1, 12)) \
    | st.builds(PartialDate, st.integers(1, 9999))


def assert_valid(date: PartialDate | None) -> None:
    if date is None:
        return
    assert PartialDate.problem(date.year, date.month, date.day) is None, date
    assert dt.date(date.year, date.month or 1, date.day or 1) == date.first_day()
    assert date.first_day() <= date.last_day()
    assert date.last_day().year == date.year


def assert_well_formed(sentence: str, found, impossible) -> None:
    everything = sorted(found + impossible, key=lambda d: d.start)
    for a, b in zip(everything, everything[1:]):
        assert a.end <= b.start, (a, b)          # none overlapping, in order
    for d in everything:
        assert sentence[d.start:d.end].strip() == d.text
    for d in found:
        assert d.problem is None
        if d.month is not None:
            assert 1 <= d.month <= 12
        if d.day is not None:
            # a day without its year yet exists in a leap year; with its year, in that year
            dt.date(d.year or 2000, d.month, d.day)
        if d.year is not None:
            dt.date(d.year, d.month or 1, d.day or 1)
    for d in impossible:
        assert d.problem and d.day is not None and d.written
        assert PartialDate.problem(d.year, d.month, d.day) == d.problem or d.span


# --- (a) the date grammar ------------------------------------------------------------------
@BOUNDED
@given(ANY_TEXT)
@example("Ngày 31 tháng 4 năm 2022, hai bên họp.")
@example("Ngày 30-31/2, hai bên họp.")
def test_find_dates_over_arbitrary_text(sentence):
    assert_well_formed(sentence, find_dates(sentence), impossible_dates(sentence))


@BOUNDED
@given(date_sentences())
def test_find_dates_over_generated_dates(generated):
    sentence, (d, m, y) = generated
    found, impossible = find_dates(sentence), impossible_dates(sentence)
    assert_well_formed(sentence, found, impossible)
    # the day written is never read as another day of the same month: an impossible one is named instead
    exists = 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y if 1 <= y <= 9999 else 2000, m)[1]
    if not exists:
        assert not any((x.day, x.month, x.year) == (d, m, y) for x in found)


@BOUNDED
@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2099))
def test_a_written_day_is_read_exactly_when_it_exists(d, m, y):
    sentence = f"Ngày {d}/{m}/{y}, Bộ trưởng tiếp Đại sứ."
    found, impossible = find_dates(sentence), impossible_dates(sentence)
    if d <= calendar.monthrange(y, m)[1]:
        assert [(x.day, x.month, x.year) for x in found] == [(d, m, y)] and impossible == []
    else:
        assert found == [] and [(x.day, x.month, x.year) for x in impossible] == [(d, m, y)]
        assert impossible[0].problem == f"{calendar.month_name[m]} {y} has {calendar.monthrange(y, m)[1]} days"


@BOUNDED
@given(date_sentences(), PUBLISHED, st.none() | st.integers(1890, 2110))
@example(("Ngày 29/2, hai bên họp.", (29, 2, 2023)), PartialDate(2023, 3, 5), None)
@example(("Hôm qua, hai bên họp.", (0, 0, 0)), PartialDate(1, 1, 1), None)
@example(("Ngày 31/12, hai bên họp.", (31, 12, 0)), PartialDate(1, 1, 1), None)
def test_resolve_gives_only_real_days(generated, published, evidence_year):
    sentence, _ = generated
    evidence = YearClue(evidence_year, "year", str(evidence_year)) if evidence_year else None
    previous = None
    for expr in sorted(find_dates(sentence) + impossible_dates(sentence), key=lambda d: d.start):
        got = resolve(expr, published, Published("header", "a test"), evidence, previous)
        assert_valid(got.date)
        if got.problem:
            assert got.date is None and "impossible date" in got.problem
        previous = got


@FEW
@given(st.lists(ANY_TEXT | st.builds(lambda g: g[0], date_sentences()), max_size=5))
def test_year_evidence_gives_years_of_the_calendar(sentences):
    for e in year_evidence(sentences, lambda s: ["JP"], {"JP": 1973}, {("VN", 13): (2021, 1)}, {"JP": 1973},
                           {("JP", "chien luoc toan dien"): 2023}):
        assert dt.MINYEAR <= e.year <= dt.MAXYEAR


# reader: the publication date of an article
DATELINES = ["{d}/{m}/{y} 10:00", "Thứ Sáu, {d}.{m}.{y} 10:41", "Cập nhật: {d}-{m}-{y} | 11:52:41",
             "Thứ tư, ngày {d} tháng {m} năm {y}", "{y}-{m:02d}-{d:02d} 10:30", "date {y}-{m:02d}-{d:02d}",
             "Tin tức hôm nay {d}/{m}/{y} 07:22", "Ảnh - Sputnik Việt Nam, 1920, {d}.{m}.{y}"]
BODY = "Chiều 3/3, Bộ trưởng Bộ Ngoại giao Nguyễn Văn An đã tiếp Đại sứ Nhật Bản Yamada Taro tại Hà Nội."


@BOUNDED
@given(st.sampled_from(DATELINES), DAYS, MONTHS, st.integers(0, 9999), st.sampled_from(["a.txt", "a.md"]))
@example("date {y}-{m:02d}-{d:02d}", 1, 1, 0, "a.txt")
@example("{d}/{m}/{y} 10:00", 29, 2, 2023, "a.txt")
def test_publication_date_is_a_real_day_or_none(dateline, d, m, y, name):
    line = dateline.format(d=d, m=m, y=y)
    text = f"Bộ trưởng tiếp Đại sứ\n{line}\n\n{BODY}\n"
    if name.endswith(".md"):
        text = f"---\ntitle: Bộ trưởng tiếp Đại sứ\ndate: {y:04d}-{m:02d}-{d:02d}\n---\n\n{BODY}\n"
    article = parse_article(name, text)
    assert_valid(article.published)
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2099:       # what every form above can say
        why = PartialDate.problem(y, m, d)
        if why is None:
            assert article.published == PartialDate(y, m, d), article.published_basis
        else:
            assert article.published is None
            assert any(f"names an impossible date ({why})" in p for p in article.problems), article.problems
    result = extract_article(article)
    for c in result.candidates:
        assert_valid(c.date)


@FEW
@given(st.lists(ANY_TEXT | st.builds(lambda g: g[0], date_sentences()), min_size=1, max_size=6),
       st.sampled_from(["a.txt", "a.md"]))
def test_articles_of_arbitrary_lines_never_raise(lines, name):
    article = parse_article(name, "\n".join(lines))
    assert_valid(article.published)
    for c in extract_article(article).candidates:
        assert_valid(c.date)


# --- (b) names -------------------------------------------------------------------------------
# letters of Vietnamese names, and the tone marks that may sit on either vowel of a pair
VOWEL_PAIRS = ["oa", "oe", "uy", "ua", "uê", "ia", "ưa", "uô", "iê", "ươ"]
TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
ONSETS = ["", "h", "th", "ng", "kh", "tr", "l", "qu"]


@BOUNDED
@given(st.text(max_size=200))
@example("İlham")
@example("ǅ")
def test_name_keys_never_raise_and_are_stable(text):
    for key in (fold, name_key, clean_spaces, order_free):
        once = key(text)
        assert isinstance(once, str)
        assert key(once) == once, key.__name__       # a key of a key is the key
    syllable_key(text)
    assert fold(text) == fold(unicodedata.normalize("NFD", text))
    assert name_key(text) == name_key(unicodedata.normalize("NFD", text))
    assert name_key(text) == name_key(f"\u00a0{text}\u200b ")


@BOUNDED
@given(st.sampled_from(ONSETS), st.sampled_from(VOWEL_PAIRS), st.sampled_from(TONES), st.booleans())
def test_tone_on_either_vowel_is_one_name(onset, pair, tone, upper):
    first = unicodedata.normalize("NFC", onset + pair[0] + tone + pair[1:])     # Hoà's old placement: "Hòa"
    second = unicodedata.normalize("NFC", onset + pair + tone)                  # "Hoà"
    if upper:
        second = second.upper()
    assert name_key(first) == name_key(second)
    assert fold(first) == fold(second)


@BOUNDED
@given(st.sampled_from(ONSETS), st.sampled_from(VOWEL_PAIRS), st.sampled_from(TONES), st.sampled_from(TONES))
def test_different_tones_are_different_names(onset, pair, a, b):
    first = unicodedata.normalize("NFC", onset + pair + a)
    second = unicodedata.normalize("NFC", onset + pair + b)
    assert (name_key(first) == name_key(second)) == (a == b)
    assert fold(first) == fold(second)               # the loose key is accent-blind


def test_thuy_and_hoa():
    assert name_key("Thủy") != name_key("Thúy")
    assert name_key("Hoà") == name_key("Hòa")
    assert name_key("Thuỷ") == name_key("Thủy")


# --- (c) slugs --------------------------------------------------------------------------------
SAFE_SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HOSTILE = st.sampled_from(["\x00", "\x01", "\x1f", "\x7f", "/", "\\", ".", "..", "\u202e", "\u200f", "\u200b", "😀",
                           "👨‍👩‍👧", "\ufeff", "\u0301", " ", "-", "_", "Đ", "ẞ", "İ", "ﬁ", "١", "\n", "%2e", "CON"])


@BOUNDED
@given(st.text(max_size=300) | st.lists(HOSTILE | st.text(max_size=4), max_size=60).map("".join))
@example("a" * 10_000)
@example("ab " * 5_000)
@example("../..")
@example(".")
@example("\x00/\x00")
@example("-" * 300)
@example("Đà Nẵng " * 1_000)
@example("\u202eabc\u202c")
def test_slug_is_a_safe_path_segment(text):
    s = slug(text)
    assert s == "" or SAFE_SEGMENT.fullmatch(s), s
    assert s not in (".", "..")
    assert len(s) <= SLUG_LENGTH
    assert len(s.encode("utf-8")) < 255


# --- official and meeting ids: safe and distinct for distinct people ------------------------------
# syllables whose slugs collide ('Thủy'/'Thúy'/'Thuy' -> 'thuy') while the people differ
SYLLABLES = ["Thủy", "Thúy", "Thuy", "Lê", "Lễ", "Văn", "Vân", "Thành", "Thanh", "Đức", "Dục", "Hòa", "Hóa",
             "Nguyễn", "Trần", "Ông", "Ồng", "Ā", "ß"]
PEOPLE = st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map(" ".join),
                  min_size=1, max_size=12, unique_by=name_key)


@FEW
@given(PEOPLE)
def test_distinct_officials_get_distinct_safe_lasting_ids(names):
    from generator.resolve.chronology import build_timeline
    from generator.model import Event, Evidence, Official, Participant, Registry
    from generator.site.permalinks import assign_permalinks

    def timeline(registry: Registry):
        seen: dict[str, int] = {}
        officials = []
        for n in names:                 # ids as resolve seeds them: a slug, then -2, -3 for the next ones
            base = slug(n) or "official"
            seen[base] = seen.get(base, 0) + 1
            officials.append(Official(base if seen[base] == 1 else f"{base}-{seen[base]}", n, [], "VN", [], []))
        officials.append(Official("guest", "Hans Müller", [], "DE", [], []))
        events = [Event("", PartialDate(2024, 5, 1 + i % 28), "", "reception", False, None, "",
                        [Participant(n, "", "VN", "host", o.id), Participant("Hans Müller", "", "DE", "guest", "guest")],
                        [], [Evidence(f"{i}.txt", "...")]) for i, (n, o) in enumerate(zip(names, officials))]
        made = build_timeline(events, officials, dt.date(2020, 1, 1), dt.date(2026, 12, 31), [], len(events))
        return assign_permalinks(made, registry)       # the timeline with lasting ids

    first, registry, redirects = timeline(Registry())
    ids = [o.id for o in first.officials]
    assert len(set(ids)) == len(ids) == len(names) + 1
    assert all(SAFE_SEGMENT.fullmatch(i) for i in ids + [e.id for e in first.events]), ids
    assert len({e.id for e in first.events}) == len(first.events) and redirects == {}
    by_name = {o.name: o.id for o in first.officials}
    again, _, redirects = timeline(registry)                  # the next build keeps every address
    assert {o.name: o.id for o in again.officials} == by_name and redirects == {}
