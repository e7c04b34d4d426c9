"""Vietnamese date expressions and year inference: generator/extract/dates.py.

All sentences are invented for these tests.
"""
from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import (
    FORMS as DATE_FORMS,
    DateExpr,
    Resolved,
    find_dates,
    resolve,
    roman,
    year_evidence,
)
from generator.model import NO_PUBLICATION_DATE, DateBasis, PartialDate, Published, YearClue

# --- the grammar's own table: every form reads its example, and only through itself ----------
@pytest.mark.parametrize("form", DATE_FORMS, ids=[f.name for f in DATE_FORMS])
def test_every_date_form_reads_its_example(form):
    (expr,) = find_dates(form.example)
    assert expr.form == form.name
    assert {k: getattr(expr, k) for k in form.expected} == form.expected


def test_form_names_are_unique():
    assert len({f.name for f in DATE_FORMS}) == len(DATE_FORMS)


# --- find_dates: every form -------------------------------------------------------------
# (id, sentence, text found, expected fields, precision)
FORMS = [
    ("ngay-dd/mm", "Ngày 30/10, tại Hà Nội, Phó Thủ tướng đã tiếp Đại sứ Chi-lê.",
     "Ngày 30/10", dict(day=30, month=10, year=None), "day"),
    ("chieu-dd/m", "Chiều 13/2, Bộ trưởng Công Thương hội đàm với người đồng cấp Ai Cập.",
     "Chiều 13/2", dict(day=13, month=2, year=None), "day"),
    ("chieu-dash", "Vào chiều 13-2 tại Hà Nội, hai bên đã ký biên bản ghi nhớ.",
     "chiều 13-2", dict(day=13, month=2, year=None), "day"),
    ("sang-dot", "Sáng 30.10, Chủ tịch Quốc hội tiếp đoàn nghị sĩ Hungary.",
     "Sáng 30.10", dict(day=30, month=10, year=None), "day"),
    ("ngay-thang-words", "Trong ngày 12 tháng 7, hai Bộ trưởng đã điện đàm trực tuyến.",
     "ngày 12 tháng 7", dict(day=12, month=7, year=None), "day"),
    ("ngay-thang-nam-words", "Hôm ngày 12 tháng 7 năm 2021, hai Bộ trưởng đã điện đàm.",
     "ngày 12 tháng 7 năm 2021", dict(day=12, month=7, year=2021), "day"),
    ("thang-m/yyyy", "Tháng 9/2025, đoàn đại biểu Quốc hội thăm chính thức Ba Lan.",
     "Tháng 9/2025", dict(day=None, month=9, year=2025), "month"),
    ("thang-nam-words", "Đoàn đã sang thăm vào tháng 11 năm 2021 theo lời mời của nước bạn.",
     "tháng 11 năm 2021", dict(day=None, month=11, year=2021), "month"),
    ("ngay-full", "Sau đó, ngày 22/2/2023, Chủ tịch nước tiếp Tổng thống Phần Lan.",
     "ngày 22/2/2023", dict(day=22, month=2, year=2023), "day"),
    ("hom-nay", "Hôm nay, Thủ tướng tiếp Bộ trưởng Ngoại giao Bồ Đào Nha.",
     "Hôm nay", dict(day=None, month=None, relative="today"), "day"),
    ("sang-qua", "Sáng qua, Bộ trưởng Quốc phòng tiếp Tùy viên quân sự Ấn Độ.",
     "Sáng qua", dict(day=None, month=None, relative="yesterday"), "day"),
    ("chieu-qua-paren", "Chiều qua (27/08), Bộ trưởng Tư pháp làm việc với đoàn Mông Cổ.",
     "Chiều qua (27/08)", dict(day=27, month=8, year=None, relative=None), "day"),
    ("weekday-thu-hai", "Chiều thứ Hai (30/11), Chủ tịch nước hội kiến Thủ tướng Na Uy.",
     "Chiều thứ Hai (30/11)", dict(day=30, month=11, year=None, weekday=0), "day"),
    ("weekday-chu-nhat", "Chủ nhật (5/12), đoàn công tác đã tới thăm Cần Thơ.",
     "Chủ nhật (5/12)", dict(day=5, month=12, weekday=6), "day"),
    ("weekday-thu-7-digit", "Sáng thứ 7 (4/12), hai bên tiếp tục làm việc.",
     "Sáng thứ 7 (4/12)", dict(day=4, month=12, weekday=5), "day"),
    ("cung-ngay", "Chiều cùng ngày, Thủ tướng tiếp Chủ tịch tập đoàn Đan Mạch.",
     "Chiều cùng ngày", dict(day=None, month=None, relative="same_day"), "day"),
    ("range-tu-den", "Chuyến thăm diễn ra từ ngày 11 đến 13-3, theo lời mời của phía Bạn.",
     "từ ngày 11 đến 13-3", dict(month=3, year=None, is_range=True), "day"),
    ("range-with-year", "Đoàn thăm Nhật Bản từ 12 đến 16/9/2023 theo lời mời của Thượng viện.",
     "từ 12 đến 16/9/2023", dict(month=9, year=2023, is_range=True), "day"),
    ("bare-dd/mm", "Hội nghị khai mạc 13/2 với sự tham dự của 20 nước.",
     "13/2", dict(day=13, month=2, year=None), "day"),
]


@pytest.mark.parametrize("sentence, text, fields, precision",
                         [f[1:] for f in FORMS], ids=[f[0] for f in FORMS])
def test_find_dates_form(sentence, text, fields, precision):
    found = find_dates(sentence)
    assert len(found) == 1, found
    expr = found[0]
    assert expr.text == text
    assert sentence[expr.start:expr.end].strip() == text
    for name, value in fields.items():
        assert getattr(expr, name) == value, name
    if "is_range" not in fields:
        assert expr.is_range is False
    if "weekday" not in fields:
        assert expr.weekday is None
    assert expr.precision == precision


def test_range_ends_on_the_day_that_carries_the_month():
    (expr,) = find_dates("Chuyến thăm diễn ra từ ngày 11 đến 13-3.")
    assert (expr.day, expr.month, expr.is_range) == (13, 3, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hai bên ký thỏa thuận viện trợ trị giá 2 triệu USD cho các dự án y tế.",
        "Đại sứ quán đã trao tặng 10.000 khẩu trang cho tỉnh bạn.",
        "Việt Nam là Ủy viên không thường trực trong năm 2020-2021.",
        "Việt Nam phối hợp chặt chẽ tại HĐBA/LHQ và ASEAN.",
        "Kim ngạch thương mại đạt 12,5 tỷ USD, tăng 7.5% so với năm trước.",
        "Hai nước có 3 cơ chế đối thoại và 15 dự án chung.",
    ],
    ids=["2-trieu-USD", "10.000-khau-trang", "nam-2020-2021", "HDBA/LHQ", "percent-and-decimals",
         "plain-counts"],
)
def test_find_dates_non_dates(sentence):
    assert find_dates(sentence) == []


def test_find_dates_several_in_order_without_overlap():
    found = find_dates("Sáng 12/3 và chiều 13/3, đoàn làm việc tại Huế; chiều cùng ngày, đoàn về Hà Nội.")
    assert [(d.day, d.month, d.relative) for d in found] == [(12, 3, None), (13, 3, None), (None, None, "same_day")]
    assert [d.start for d in found] == sorted(d.start for d in found)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("sentence", ["Ngày 31/13, hai bên họp.", "Ngày 32/1, hai bên họp."],
                         ids=["month-13", "day-32"])
def test_find_dates_rejects_impossible_day_month(sentence):
    assert find_dates(sentence) == []


# --- resolve: the year of a date ---------------------------------------------------
def one(sentence: str) -> DateExpr:
    found = find_dates(sentence)
    assert len(found) == 1, found
    return found[0]


P = PartialDate

# (id, sentence, published, published_basis, evidence, expected date, confidence)
RESOLVE = [
    ("publication-year", "Ngày 30/10, hai bên hội đàm.", P(2020, 11, 3), Published("header", "2020-11-03"), None,
     P(2020, 10, 30), 3),
    ("day-before-publication", "Chiều 13/2, Thủ tướng tiếp Đại sứ.", P(2026, 2, 14), Published("dateline", "14/02/2026 07:22"),
     None, P(2026, 2, 13), 3),
    ("same-day-as-publication", "Ngày 5/1, Bộ trưởng tiếp Đại sứ.", P(2021, 1, 5), Published("header", "2021-01-05"), None,
     P(2021, 1, 5), 3),
    ("later-day-is-year-before", "Ngày 30/12, Bộ trưởng tiếp Đại sứ.", P(2021, 1, 5), Published("header", "2021-01-05"), None,
     P(2020, 12, 30), 3),
    ("month-only-publication", "Ngày 31/10, hai bên hội đàm.", P(2023, 11), Published("header", "2023-11"), None,
     P(2023, 10, 31), 3),
    ("month-only-publication-same-month", "Ngày 30/11, hai bên hội đàm.", P(2023, 11), Published("header", "2023-11"), None,
     P(2023, 11, 30), 3),
    ("month-only-publication-later-month", "Ngày 1/12, hai bên hội đàm.", P(2023, 11), Published("header", "2023-11"), None,
     P(2022, 12, 1), 3),
    ("year-written-wins", "Ngày 22/2/2023, hai bên hội đàm.", P(2025, 1, 1), Published("header", "2025-01-01"), None,
     P(2023, 2, 22), 3),
    ("month-precision", "Tháng 9/2025, đoàn thăm Ba Lan.", None, NO_PUBLICATION_DATE, None,
     P(2025, 9), 3),
    ("hom-nay", "Hôm nay, Thủ tướng tiếp Đại sứ.", P(2022, 3, 8), Published("dateline", "Thứ Ba, 8/3/2022"), None,
     P(2022, 3, 8), 3),
    ("hom-qua-crosses-month", "Hôm qua, Thủ tướng tiếp Đại sứ.", P(2022, 3, 1), Published("dateline", "Thứ Ba, 1/3/2022"), None,
     P(2022, 2, 28), 3),
    ("hom-nay-month-only-publication", "Hôm nay, Thủ tướng tiếp Đại sứ.", P(2022, 3), Published("header", "2022-03"), None,
     P(2022, 3), 2),
    ("evidence-year", "Ngày 30/10, hai bên hội đàm.", None, NO_PUBLICATION_DATE,
     YearClue(2021, "year", "2021"), P(2021, 10, 30), 1),
    ("publication-beats-evidence", "Ngày 30/10, hai bên hội đàm.", P(2022, 11, 2), Published("header", "2022-11-02"),
     YearClue(2019, "year", "2019"), P(2022, 10, 30), 3),
    ("weekday-corrects-evidence-year", "Chiều thứ Hai (30/11), Chủ tịch nước hội kiến Thủ tướng Na Uy.", None,
     NO_PUBLICATION_DATE, YearClue(2021, "year", "2021"), P(2020, 11, 30), 1),
    ("weekday-agrees-with-evidence", "Chiều thứ Hai (30/11), Chủ tịch nước hội kiến Thủ tướng Na Uy.", None,
     NO_PUBLICATION_DATE, YearClue(2020, "year", "2020"), P(2020, 11, 30), 1),
    ("weekday-fits-no-neighbour", "Sáng thứ Hai (1/12), Chủ tịch nước hội kiến Thủ tướng Na Uy.", None,
     NO_PUBLICATION_DATE, YearClue(2021, "year", "2021"), P(2021, 12, 1), 1),
    ("no-year-anywhere", "Ngày 30/10, hai bên hội đàm.", None, NO_PUBLICATION_DATE, None, None, 0),
]


@pytest.mark.parametrize("sentence, published, basis, evidence, expected, confidence",
                         [r[1:] for r in RESOLVE], ids=[r[0] for r in RESOLVE])
def test_resolve(sentence, published, basis, evidence, expected, confidence):
    got = resolve(one(sentence), published, basis, evidence, None)
    assert isinstance(got, Resolved)
    assert got.date == expected
    assert got.confidence == confidence
    assert isinstance(got.basis, DateBasis) and got.basis.rule  # always says how


def test_weekday_fixture_is_right():
    # the premise of the weekday tests
    assert dt.date(2020, 11, 30).weekday() == 0
    assert dt.date(2021, 11, 30).weekday() != 0
    assert all(dt.date(y, 12, 1).weekday() != 0 for y in (2020, 2021, 2022))


def test_weekday_correction_says_so():
    got = resolve(one("Chiều thứ Hai (30/11), hai bên hội đàm."), None, NO_PUBLICATION_DATE,
                  YearClue(2021, "year", "2021"), None)
    assert got.date == P(2020, 11, 30)
    assert got.basis.rule == "clue_weekday"


def test_resolve_keeps_day_month_without_a_year():
    got = resolve(one("Ngày 30/10, hai bên hội đàm."), None, NO_PUBLICATION_DATE, None, None)
    assert got.date is None
    assert got.day_month == (30, 10)
    assert got.confidence == 0


def test_resolve_day_month_recorded_with_year():
    got = resolve(one("Ngày 30/12, hai bên hội đàm."), P(2021, 1, 5), Published("header", "2021-01-05"), None, None)
    assert got.day_month == (30, 12)
    assert got.basis.rule == "publication_year_before"


def test_cung_ngay_takes_previous():
    first = resolve(one("Chiều 13/2, Thủ tướng tiếp Đại sứ."), P(2026, 2, 14), Published("header", "2026-02-14"), None, None)
    assert first.date == P(2026, 2, 13)
    same = resolve(one("Chiều cùng ngày, Thủ tướng tiếp Chủ tịch tập đoàn."), P(2026, 2, 14),
                   Published("header", "2026-02-14"), None, first)
    assert same.date == first.date
    assert same.confidence == first.confidence
    assert same.day_month == (13, 2)


def test_cung_ngay_keeps_previous_day_month_without_year():
    first = resolve(one("Ngày 30/10, hai bên hội đàm."), None, NO_PUBLICATION_DATE, None, None)
    same = resolve(one("Cùng ngày, đoàn thăm Hải Phòng."), None, NO_PUBLICATION_DATE, None, first)
    assert same.date is None
    assert same.day_month == (30, 10)
    assert same.confidence == 0


def test_cung_ngay_without_previous_is_unknown():
    got = resolve(one("Chiều cùng ngày, Thủ tướng tiếp Chủ tịch tập đoàn."), P(2026, 2, 14),
                  Published("header", "2026-02-14"), None, None)
    assert got.date is None
    assert got.confidence == 0


# --- year_evidence -------------------------------------------------------------------
CONGRESSES = {("VN", 14): (2026, 1), ("VN", 13): (2021, 1), ("CN", 20): (2022, 10)}


def no_countries(sentence: str) -> list[str]:
    return []


def evidence_years(sentences, countries_in=no_countries, relations=None):
    out = year_evidence(sentences, countries_in, relations or {}, CONGRESSES)
    for e in out:
        assert isinstance(e, YearClue)
        assert e.rule and e.read
    return [e.year for e in out]


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("Tổng Bí thư nhấn mạnh ý nghĩa của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng đối với đất nước.",
         [2026]),
        ("Hai bên chúc mừng thành công của Đại hội đại biểu toàn quốc lần thứ XIII của Đảng Cộng sản Việt Nam.",
         [2021]),
        ("Phía Việt Nam chúc mừng thành công của Đại hội XX Đảng Cộng sản Trung Quốc.", [2022]),
        ("Đại hội lần thứ 14 của Hội Nông dân tỉnh đã bế mạc.", []),
    ],
    ids=["congress-XIV", "congress-XIII", "congress-china-XX", "not-a-party-congress"],
)
def test_year_evidence_congress(sentence, years):
    assert evidence_years([sentence]) == years


def test_year_evidence_anniversary_of_relations():
    seen = []

    def countries_in(sentence):
        seen.append(sentence)
        return ["US"]

    sentence = "Hai bên vui mừng kỷ niệm 25 năm thiết lập quan hệ ngoại giao giữa hai nước."
    assert evidence_years([sentence], countries_in, {"US": 1995}) == [2020]
    assert seen == [sentence]


def test_year_evidence_anniversary_needs_one_country():
    sentence = "Hai bên vui mừng kỷ niệm 25 năm thiết lập quan hệ ngoại giao giữa hai nước."
    assert evidence_years([sentence], lambda s: ["US", "JP"], {"US": 1995, "JP": 1973}) == []
    assert evidence_years([sentence], lambda s: ["FR"], {"US": 1995}) == []


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("Ông được bầu giữ chức Chủ tịch Hội hữu nghị nhiệm kỳ 2023-2028.", [2023]),
        ("Nhân dịp kỷ niệm 50 năm quan hệ hai nước (9/1973 - 9/2023), hai bên tổ chức nhiều hoạt động.", [2023]),
        ("Hai Bộ trưởng đã gặp nhau lần đầu vào tháng 4/2021 tại Viêng Chăn.", [2021]),
        ("Hai nước phấn đấu nâng kim ngạch thương mại lên 5 tỷ USD đến năm 2030.", []),
        ("Hai bên thống nhất tầm nhìn 2045 cho quan hệ song phương.", []),
        ("Năm 2022, kim ngạch thương mại hai chiều tăng mạnh.", [2022]),
    ],
    ids=["term-range-start", "anniversary-range-end", "thang-m/yyyy", "future-den-nam-2030",
         "future-tam-nhin-2045", "bare-year-control"],
)
def test_year_evidence_years_written(sentence, years):
    assert evidence_years([sentence]) == years


def test_year_evidence_over_several_sentences():
    years = evidence_years([
        "Hai Bộ trưởng đã gặp nhau lần đầu vào tháng 4/2021 tại Viêng Chăn.",
        "Hai nước phấn đấu đạt mục tiêu đến năm 2030.",
        "Tổng Bí thư nhấn mạnh ý nghĩa của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
    ])
    assert years == [2021, 2026]


# --- roman ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [("XIV", 14), ("XIII", 13), ("IX", 9), ("XX", 20), ("XL", 40), ("xiv", 14), ("ABC", None), ("", None)],
    ids=["XIV", "XIII", "IX", "XX", "XL", "lower-case", "not-roman", "empty"],
)
def test_roman(text, value):
    assert roman(text) == value


@pytest.mark.parametrize("sentence,years", [
    ("Chiến lược phát triển đến năm 2030 và tầm nhìn 2045 đã được thông qua.", []),
    ("Mục tiêu năm 2030 là tăng gấp đôi kim ngạch.", []),
    ("Hai bên ký Kế hoạch hợp tác năm 2022 giữa hai bộ.", [2022]),
], ids=["strategy-and-vision", "target", "cooperation-plan"])
def test_years_the_article_looks_forward_to_are_no_evidence(sentence, years):
    from generator.extract.dates import year_evidence as ye
    assert [e.year for e in ye([sentence], lambda s: [], {}, {})] == years


@pytest.mark.parametrize("sentence,years", [
    ("Cơ chế đối thoại được thiết lập từ năm 2013.", []),
    ("Quan hệ Đối tác chiến lược mà hai nước xác lập năm 2013 tiếp tục phát triển.", []),
    ("Sau gần 70 năm thiết lập quan hệ ngoại giao, hai nước gắn bó.", [2019]),
    ("Hai bên kỷ niệm hơn 25 năm thiết lập quan hệ ngoại giao.", [2021]),
    ("Bộ trưởng thăm Trung Quốc từ ngày 12 đến 16/9/2023.", [2023]),
], ids=["since", "established-in", "nearly-70-years", "more-than-25-years", "full-date"])
def test_years_that_bound_or_state_the_present(sentence, years):
    from generator.extract.dates import year_evidence as ye
    assert [e.year for e in ye([sentence], lambda s: ["RU"] if "70" in s else ["US"], {"RU": 1950, "US": 1995}, {})] == years


@pytest.mark.parametrize("sentence,day,month,year", [
    ("Ngày 3-4/12, tại Hà Nội, đã diễn ra Đối thoại.", 3, 12, None),
    ("Trong hai ngày 3 và 4/12/2023, hai bên đã hội đàm.", 3, 12, 2023),
], ids=["hyphen", "and-with-year"])
def test_two_day_meetings_are_dated_by_their_first_day(sentence, day, month, year):
    (d,) = find_dates(sentence)
    assert (d.day, d.month, d.year, d.is_range) == (day, month, year, False)


@pytest.mark.parametrize("sentence,years", [
    ("Hai nước kỷ niệm 30 năm bình thường hóa quan hệ Việt Nam - Trung Quốc.", [2021]),
    ("Năm 2025, hai bên sẽ tổ chức nhiều hoạt động kỷ niệm.", []),
    ("Hội nghị năm 2027 tới sẽ diễn ra tại Hà Nội.", []),
], ids=["normalisation-anniversary", "will", "coming"])
def test_normalisation_and_future_years(sentence, years):
    from generator.extract.dates import year_evidence as ye
    assert [e.year for e in ye([sentence], lambda s: ["CN"], {"CN": 1950}, {}, {"CN": 1991})] == years


@pytest.mark.parametrize("sentence,years", [
    ("Hai nước kỷ niệm 30 năm ký Hiệp ước hữu nghị (1994).", [2024]),
    ("Hai bên nhất trí tổ chức Đối thoại lần thứ 12 tại Moscow vào năm 2025.", []),
    ("Hai bên chuẩn bị kỷ niệm 75 năm thiết lập quan hệ ngoại giao vào năm tới.", [2024]),
], ids=["anniversary-of-a-bracketed-year", "agreed-plan", "anniversary-next-year"])
def test_anniversaries_and_plans(sentence, years):
    from generator.extract.dates import year_evidence as ye
    assert [e.year for e in ye([sentence], lambda s: ["RU"], {"RU": 1950}, {})] == years


def test_anniversary_of_a_partnership():
    from generator.extract.dates import year_evidence as ye
    got = ye(["Năm nay hai nước kỷ niệm 10 năm thiết lập quan hệ Đối tác toàn diện Việt Nam - Hoa Kỳ."],
             lambda s: ["US"], {"US": 1995}, {}, {}, {("US", "toan dien"): 2013})
    assert [e.year for e in got] == [2023]


# --- occasions.tsv: every row dates its own example ------------------------------------------
from generator.extract.lexicon import lexicon as _lexicon  # noqa: E402

_OCCASIONS = _lexicon().occasions


@pytest.mark.parametrize("occasion", _OCCASIONS, ids=[o.example[:40] for o in _OCCASIONS])
def test_every_occasion_dates_its_example(occasion):
    clues = year_evidence([occasion.example], lambda s: [], {}, {}, occasions=[occasion])
    assert occasion.example_year in [c.year for c in clues if c.rule in ("occasion", "national_anniversary")]


def test_an_anniversary_still_ahead_is_the_year_before():
    (occasion,) = [o for o in _OCCASIONS if o.example.startswith("kỷ niệm 80 năm Cách mạng")]
    clues = year_evidence(["Hai bên hướng tới kỷ niệm 80 năm Cách mạng Tháng Tám."], lambda s: [], {}, {},
                          occasions=[occasion])
    assert [c.year for c in clues] == [2024]


def test_a_year_the_article_looks_forward_to_is_not_its_present():
    clues = year_evidence(["Hai bên hướng tới kỷ niệm 75 năm quan hệ ngoại giao vào năm 2025."], lambda s: [], {}, {})
    assert 2025 not in [c.year for c in clues]
