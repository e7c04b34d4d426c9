"""Impossible dates ('31/02/2022', '31 tháng 4 năm 2022', '29/2/2023') in articles: never a
`PartialDate`, never a crash; the meeting is kept undated and the article says why.

All articles and names are invented for these tests.
"""
from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from generator.build import build, extract_all
from generator.config import SiteConfig
from generator.extract.article import ArticleResult, extract_article
from generator.extract.dates import find_dates, impossible_dates, resolve
from generator.model import PartialDate
from generator.extract.reader import parse_article

HOST = "Bộ trưởng Bộ Ngoại giao Nguyễn Văn An"
GUEST = "Đại sứ Nhật Bản Yamada Taro"
MEETING = f"{HOST} đã tiếp {GUEST} tại Hà Nội."


def article(body: str, header: str = "date 2022-03-05") -> str:
    return f"{header} Bộ trưởng tiếp Đại sứ Nhật Bản\n\n{body}\n"


def extract(text: str, name: str = "a.txt") -> ArticleResult:
    return extract_article(parse_article(name, text))


# --- the date grammar ------------------------------------------------------------------
@pytest.mark.parametrize("sentence, written, why", [
    ("Ngày 31/02/2022, hai bên họp.", "31/02/2022", "February 2022 has 28 days"),
    ("Ngày 31 tháng 4 năm 2022, hai bên họp.", "31 tháng 4 năm 2022", "April 2022 has 30 days"),
    ("Sáng 31 tháng 4 năm 2022, hai bên họp.", "31 tháng 4 năm 2022", "April 2022 has 30 days"),
    ("Hội nghị họp 29/2/2023 tại Huế.", "29/2/2023", "February 2023 has 28 days"),
    ("Chiều thứ Hai (30/2), hai bên họp.", "30/2", "February has at most 29 days"),
    ("Chiều 31-6, hai bên họp.", "31-6", "June has 30 days"),
    ("Ngày 30-31/4, hai bên họp.", "30-31/4", "April has 30 days"),
], ids=["dd/mm/yyyy", "ngay-thang-nam", "sang-thang-nam", "bare-leap", "weekday-30/2", "dash-31-6", "span-to-31/4"])
def test_impossible_day_is_no_date_but_is_named(sentence, written, why):
    assert find_dates(sentence) == []
    (bad,) = impossible_dates(sentence)
    assert (bad.written, bad.problem) == (written, why)


def test_impossible_day_holds_its_place():
    # without it, "tháng 4 năm 2022" inside the impossible day would date the meeting to April 2022
    assert find_dates("Ngày 31 tháng 4 năm 2022, hai bên họp.") == []


@pytest.mark.parametrize("sentence, day", [
    ("Ngày 29/2/2024, hai bên họp.", (2024, 2, 29)),
    ("Ngày 29/2, hai bên họp.", (None, 2, 29)),      # the year is not known yet: it may be a leap year
    ("Ngày 30/4/2022, hai bên họp.", (2022, 4, 30)),
    ("Ngày 29 tháng 2 năm 2000, hai bên họp.", (2000, 2, 29)),
], ids=["leap-2024", "29/2-no-year", "30/4", "leap-2000"])
def test_possible_days_are_kept(sentence, day):
    (expr,) = find_dates(sentence)
    assert (expr.year, expr.month, expr.day) == day
    assert impossible_dates(sentence) == []


def test_resolve_gives_an_impossible_day_no_date():
    (bad,) = impossible_dates("Ngày 31/02/2022, hai bên họp.")
    got = resolve(bad, PartialDate(2022, 3, 5), "header date 2022-03-05", None, None)
    assert got.date is None and got.confidence == 0 and got.day_month is None
    assert got.problem == "impossible date '31/02/2022' (February 2022 has 28 days)"


@pytest.mark.parametrize("published, expected", [
    (PartialDate(2023, 3, 5), None),
    (PartialDate(2024, 3, 5), PartialDate(2024, 2, 29)),
    (PartialDate(2024, 1, 5), None),            # later in the year than the publication: 2023, no 29 February
])
def test_a_year_inferred_for_29_february_is_checked(published, expected):
    (expr,) = find_dates("Ngày 29/2, hai bên họp.")
    got = resolve(expr, published, f"header date {published.iso()}", None, None)
    assert got.date == expected
    if expected is None:
        assert "February 2023 has 28 days" in got.problem


# --- PartialDate: only days that exist ---------------------------------------------------
@pytest.mark.parametrize("year, month, day, why", [
    (2022, 2, 31, "February 2022 has 28 days"),
    (2023, 2, 29, "February 2023 has 28 days"),
    (1900, 2, 29, "February 1900 has 28 days"),
    (2022, 13, None, "there is no month 13"),
    (2022, 4, 0, "there is no day 0"),
    (2022, None, 5, "a day without a month"),
    (0, 1, 1, "the year 0 is outside the calendar"),
    (10000, None, None, "the year 10000 is outside the calendar"),
])
def test_partial_date_refuses_days_that_do_not_exist(year, month, day, why):
    assert PartialDate.problem(year, month, day) == why
    assert PartialDate.checked(year, month, day) is None
    with pytest.raises(ValueError, match=why):
        PartialDate(year, month, day)


def test_partial_date_last_day_of_the_last_month_of_the_calendar():
    assert PartialDate(9999, 12).last_day() == dt.date(9999, 12, 31)
    assert PartialDate(9999).last_day() == dt.date(9999, 12, 31)
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)


# --- an article ---------------------------------------------------------------------------
@pytest.mark.parametrize("date, written, why", [
    ("Ngày 31/02/2022", "31/02/2022", "February 2022 has 28 days"),
    ("Ngày 31 tháng 4 năm 2022", "31 tháng 4 năm 2022", "April 2022 has 30 days"),
    ("Ngày 29/2/2023", "29/2/2023", "February 2023 has 28 days"),
], ids=["31/02/2022", "31-thang-4", "29/2/2023"])
def test_meeting_on_an_impossible_day_is_kept_undated_with_a_warning(date, written, why):
    result = extract(article(f"{date}, {MEETING}"))
    (c,) = result.candidates
    assert c.date is None and c.date_confidence == 0
    assert {p.name for p in c.participants} == {"Nguyễn Văn An", "Yamada Taro"}
    assert c.date_basis.rule == "impossible" and c.date_basis.read == written and c.date_basis.problem == why
    assert result.warnings == [f"impossible date '{written}' ({why}); the meeting is listed as undated"]


def test_year_inferred_from_the_publication_makes_29_february_impossible():
    result = extract(article(f"Ngày 29/2, {MEETING}", header="date 2023-03-05"))
    (c,) = result.candidates
    assert c.date is None
    (warning,) = result.warnings
    assert "'29/2'" in warning and "February 2023 has 28 days" in warning


def test_same_day_after_an_impossible_day_is_not_the_day_before_it():
    text = article(f"Ngày 3/3, {MEETING}\n\nNgày 31/02/2022, Thủ tướng Lê Hoàng Nam tiếp Đại sứ Pháp Jean Dupont.\n\n"
                   "Chiều cùng ngày, Chủ tịch nước Trần Quốc Huy hội kiến Đại sứ Pháp Jean Dupont.")
    dates = {frozenset(p.name for p in c.participants): c.date for c in extract(text).candidates}
    assert dates[frozenset({"Nguyễn Văn An", "Yamada Taro"})] == PartialDate(2022, 3, 3)
    assert dates[frozenset({"Lê Hoàng Nam", "Jean Dupont"})] is None
    assert dates[frozenset({"Trần Quốc Huy", "Jean Dupont"})] is None


def test_impossible_dateline_is_no_publication_date():
    text = f"Bộ trưởng tiếp Đại sứ Nhật Bản\n31/02/2022 10:00\n\nChiều 3/3, {MEETING}\n"
    result = extract(text)
    assert result.article.published is None
    assert result.article.problems == result.warnings == [
        "the dateline '31/02/2022 10:00' names an impossible date (February 2022 has 28 days); "
        "it is not the publication date"]


@pytest.mark.parametrize("header", ["date 2022-02-31", "date 0000-01-01"])
def test_impossible_header_date_is_no_publication_date(header):
    result = extract(article(f"Hôm qua, {MEETING}", header=header))
    assert result.article.published is None
    assert len(result.article.problems) == 1 and "impossible date" in result.article.problems[0]
    assert result.article.problems[0] in result.warnings
    (c,) = result.candidates
    assert c.date is None


def test_warnings_survive_pickling():
    result = extract(article(f"Ngày 31/02/2022, {MEETING}"))
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.warnings == result.warnings != []
    assert ArticleResult(result.article, [], []).warnings == []


# --- a whole build -------------------------------------------------------------------------
def test_build_goes_on_past_an_impossible_date(make_content, tmp_path):
    content = make_content({
        "bad.txt": article(f"Ngày 31/02/2022, {MEETING}"),
        "good.txt": article("Chiều 3/3, Thủ tướng Lê Hoàng Nam đã tiếp Đại sứ Pháp Jean Dupont tại Hà Nội."),
    })
    out = tmp_path / "site"
    result = build(SiteConfig(content_dir=content, output_dir=out, permalinks=None))
    assert result.ok
    site = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert [(e["date"], {p["name"] for p in e["participants"]}) for e in site["events"]] == \
        [("2022-03-03", {"Lê Hoàng Nam", "Jean Dupont"})]
    (undated,) = site["undated"]
    assert {p["name"] for p in undated["participants"]} == {"Nguyễn Văn An", "Yamada Taro"}
    assert "31/02/2022" in undated["date_basis"]
    assert [e.date for e in result.timeline.undated] == [None]


def test_extraction_of_a_content_folder_carries_the_warning(make_content):
    content = make_content({"bad.txt": article(f"Ngày 31/02/2022, {MEETING}"),
                            "good.txt": article(f"Chiều 3/3, {MEETING}")})
    results, diagnostics = extract_all(content)
    assert [(d.file, d.message, d.level) for d in diagnostics] == [
        ("bad.txt", "impossible date '31/02/2022' (February 2022 has 28 days); the meeting is listed as undated",
         "warning")]
    warnings = {r.article.path: r.warnings for r in results}
    assert warnings == {"bad.txt": ["impossible date '31/02/2022' (February 2022 has 28 days); "
                                    "the meeting is listed as undated"],
                        "good.txt": []}


def test_the_build_warns_naming_the_file_and_strict_fails(make_content, tmp_path, capsys):
    from generator.cli import main
    content = make_content({"bad.txt": article(f"Ngày 31/02/2022, {MEETING}"),
                            "good.txt": article(f"Chiều 3/3, {MEETING}")})
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "site")]) == 0
    err = capsys.readouterr().err
    assert "warning: bad.txt: impossible date '31/02/2022' (February 2022 has 28 days)" in err
    assert "Traceback" not in err
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "site"), "--strict"]) == 1
