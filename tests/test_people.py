"""Person mentions by pattern: title chains, ranks, forms of address, appositions, countries.

Sentences are invented in the style of Vietnamese news; none is copied from the corpora.
"""
from __future__ import annotations

import pytest

from generator.extract.people import find_mentions
from generator.extract.tags import countries_named


def named(sentence):
    return [(m.name, m.title, m.country) for m in find_mentions(sentence) if not m.title_only]


CASES = [
    ("title-org-name",
     "Bộ trưởng Bộ Công an Nguyễn Văn An đã tiếp Đại sứ Australia Andrew Smith.",
     [("Nguyễn Văn An", "Bộ trưởng Bộ Công an", None), ("Andrew Smith", "Đại sứ Australia", "AU")]),
    ("rank-name-apposition-chain",
     "Ngày 3/5, Đại tướng Trần Văn Bình, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng đã hội đàm với Bộ trưởng Quốc phòng Nhật Bản Kishida Taro.",
     [("Trần Văn Bình", "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng", None),
      ("Kishida Taro", "Bộ trưởng Quốc phòng Nhật Bản", "JP")]),
    ("honorific-apposition-ambassador-serves-in-vietnam",
     "Thứ trưởng Lê Văn Hòa đã tiếp ngài Pierre Martin, Đại sứ Pháp tại Việt Nam.",
     [("Lê Văn Hòa", "Thứ trưởng", None), ("Pierre Martin", "Đại sứ Pháp tại Việt Nam", "FR")]),
    ("bare-name-apposition",
     "Chiều cùng ngày, Phó Thủ tướng Hồ Đức Minh đã tiếp John Carter, Trợ lý Ngoại trưởng Hoa Kỳ.",
     [("Hồ Đức Minh", "Phó Thủ tướng", None), ("John Carter", "Trợ lý Ngoại trưởng Hoa Kỳ", "US")]),
    ("two-titles-before-name",
     "Tổng Bí thư, Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào Somphet Vongsa tiếp đoàn.",
     [("Somphet Vongsa", "Tổng Bí thư, Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào", "LA")]),
    ("dash-before-name",
     "Bộ trưởng, Chủ tịch Ủy ban An ninh Quốc gia Hàn Quốc - Park Min Soo phát biểu.",
     [("Park Min Soo", "Bộ trưởng, Chủ tịch Ủy ban An ninh Quốc gia Hàn Quốc", "KR")]),
    ("region-before-foreign-name",
     "Trợ lý Ngoại trưởng Hoa Kỳ phụ trách khu vực Đông Á-Thái Bình Dương Sarah Jones đã tới.",
     [("Sarah Jones", "Trợ lý Ngoại trưởng Hoa Kỳ phụ trách khu vực Đông Á-Thái Bình Dương", "US")]),
    ("chinese-name-in-vietnamese-form-takes-country-from-title",
     "Ông Lưu Kiến Quốc, Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc, đã hội đàm với Bộ trưởng Lê Minh.",
     [("Lưu Kiến Quốc", "Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc", "CN"), ("Lê Minh", "Bộ trưởng", None)]),
    ("alias-in-brackets",
     "Ông Vương Nghị (Wang Yi), Bộ trưởng Ngoại giao Trung Quốc, đã gặp Phó Thủ tướng Trần Hồng Hà.",
     [("Vương Nghị", "Bộ trưởng Ngoại giao Trung Quốc", "CN"), ("Trần Hồng Hà", "Phó Thủ tướng", None)]),
    ("kiem-joins-two-titles",
     "Ngày 4/4, bà Maria Lopez, Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ Tây Ban Nha, đã tới Hà Nội.",
     [("Maria Lopez", "Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ Tây Ban Nha", "ES")]),
    ("particles-in-a-foreign-name",
     "Chủ tịch nước tiếp bà Anna van der Berg, Chủ tịch Hạ viện Hà Lan.",
     [("Anna van der Berg", "Chủ tịch Hạ viện Hà Lan", "NL")]),
    ("organisation-initials-in-title",
     "Thứ trưởng Phạm Quang Huy tiếp Giám đốc Cục Điều tra Liên bang Mỹ (FBI) Robert King.",
     [("Phạm Quang Huy", "Thứ trưởng", None), ("Robert King", "Giám đốc Cục Điều tra Liên bang Mỹ (FBI)", "US")]),
    ("initial-in-name",
     "Bộ trưởng Tô Văn Hải điện đàm với ông R. Kumar, Bộ trưởng Bộ Nội vụ Ấn Độ.",
     [("Tô Văn Hải", "Bộ trưởng", None), ("R. Kumar", "Bộ trưởng Bộ Nội vụ Ấn Độ", "IN")]),
    ("ocean-is-not-a-country",
     "Đô đốc Mark Reed, Tư lệnh Bộ Tư lệnh Ấn Độ Dương - Thái Bình Dương của Hoa Kỳ đã tới.",
     [("Mark Reed", "Tư lệnh Bộ Tư lệnh Ấn Độ Dương - Thái Bình Dương của Hoa Kỳ", "US")]),
    ("word-that-contains-a-country-name",
     "Ông Hà Văn Tú, Bí thư Ủy ban Chính trị - Pháp luật Trung ương Đảng Cộng sản Trung Quốc, phát biểu.",
     [("Hà Văn Tú", "Bí thư Ủy ban Chính trị - Pháp luật Trung ương Đảng Cộng sản Trung Quốc", "CN")]),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mentions(sentence, expected):
    assert named(sentence) == expected


NOT_PEOPLE = [
    ("place-after-tai", "Ngày 18/1, tại Thành phố Hồ Chí Minh, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã phát biểu."),
    ("ministry-only", "Bộ trưởng Bộ Công an Việt Nam đã có thư chúc mừng."),
    ("country-after-title", "Tổng thống Hoa Kỳ đã gửi lời chúc mừng."),
    ("acronym-after-title", "Việt Nam giữ vai trò Chủ tịch ASEAN năm 2020."),
    ("institution", "Người phát ngôn Nhà Trắng cho biết như vậy."),
    ("two-places-hyphenated", "Đối thoại cấp Thứ trưởng Việt Nam-Nhật Bản được thiết lập từ năm 2013."),
    ("palace-is-not-a-title", "Chiều 16-9, tại Phủ Chủ tịch, đã diễn ra lễ ký."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_PEOPLE], ids=[c[0] for c in NOT_PEOPLE])
def test_no_person_where_there_is_none(sentence):
    assert named(sentence) == []


def test_a_title_alone_is_a_title_only_mention():
    ms = find_mentions("Tại buổi tiếp, Tổng Bí thư đề nghị hai bên tăng cường hợp tác.")
    assert [(m.title_only, m.title) for m in ms] == [(True, "Tổng Bí thư")]


def test_a_position_spoken_of_is_not_a_person():
    ms = find_mentions("Chúc mừng ông Kenji Sato được bổ nhiệm vào vị trí Chủ tịch Ủy ban Công an Quốc gia Nhật Bản, Bộ trưởng Lê An khẳng định.")
    people = [(m.name, m.title) for m in ms if not m.title_only]
    assert ("Lê An", "Bộ trưởng") in people
    assert all("Nhật Bản" not in t for n, t in people if n == "Lê An")


def test_countries_named_skips_oceans_and_words():
    assert countries_named("Hợp tác Ấn Độ Dương - Thái Bình Dương giữa Việt Nam và Ấn Độ về pháp luật") == ["VN", "IN"]


@pytest.mark.parametrize("sentence,name", [
    ("Thứ trưởng Nguyễn Tuấn Anh đã tiếp đoàn.", "Nguyễn Tuấn Anh"),
    ("Phó Thủ tướng Hồ Đức Minh phát biểu.", "Hồ Đức Minh"),
    ("Đại sứ Lê Thị Mỹ Hạnh cho biết như vậy.", "Lê Thị Mỹ Hạnh"),
    ("Bộ trưởng Trần Nhật Quang đã tới.", "Trần Nhật Quang"),
], ids=["anh", "duc", "my", "nhat"])
def test_country_words_inside_vietnamese_names(sentence, name):
    assert [m.name for m in find_mentions(sentence) if not m.title_only] == [name]


@pytest.mark.parametrize("sentence,expected", [
    ("Thủ tướng Đoàn Văn Hải đã tiếp đoàn.", [("Đoàn Văn Hải", "Thủ tướng")]),
    ("Chủ tịch Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Bùi Văn Cường phát biểu.",
     [("Bùi Văn Cường", "Chủ tịch Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam")]),
    ("Chánh Văn phòng Chủ tịch nước Lê Khánh Hải đã tới.", [("Lê Khánh Hải", "Chánh Văn phòng Chủ tịch nước")]),
], ids=["surname-doan", "presidium", "office-of-the-president"])
def test_organisation_words_that_are_also_names_or_titles(sentence, expected):
    assert [(m.name, m.title) for m in find_mentions(sentence) if not m.title_only] == expected


def test_country_in_brackets_after_a_name():
    (m,) = [m for m in find_mentions("Bộ trưởng đã tiếp ông John Smith (Canada) tại Hà Nội.") if not m.title_only]
    assert (m.name, m.country) == ("John Smith", "CA")


@pytest.mark.parametrize("sentence,expected", [
    ("Thứ trưởng Lê Văn An tiếp Phó Trợ lý Ngoại trưởng Hoa Kỳ John Smith.",
     [("Lê Văn An", "Thứ trưởng"), ("John Smith", "Phó Trợ lý Ngoại trưởng Hoa Kỳ")]),
    ("Quyền Bộ trưởng Quốc phòng Mỹ Mark Evans đã tới.", [("Mark Evans", "Quyền Bộ trưởng Quốc phòng Mỹ")]),
    ("Tân Đại sứ Nhật Bản Ito Kenji trình Quốc thư.", [("Ito Kenji", "Tân Đại sứ Nhật Bản")]),
], ids=["deputy", "acting", "new"])
def test_title_prefixes(sentence, expected):
    assert [(m.name, m.title) for m in find_mentions(sentence) if not m.title_only] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Bộ trưởng Lê Văn An đã hội đàm với người đồng cấp Nhật Bản Kishida Taro.",
     [("Lê Văn An", None), ("Kishida Taro", "JP")]),
    ("Bộ trưởng Lê Văn An điện đàm với người đồng cấp Maria Silva.", [("Lê Văn An", None), ("Maria Silva", None)]),
], ids=["with-country", "without-country"])
def test_counterpart(sentence, expected):
    assert [(m.name, m.country) for m in find_mentions(sentence) if not m.title_only] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Thượng tướng Nguyễn Tân Cương, Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam phát biểu.",
     [("Nguyễn Tân Cương", "Thượng tướng")]),
    ("Đại tướng Cảnh sát Ivan Petrov, Bộ trưởng Bộ Nội vụ Liên bang Nga, phát biểu.",
     [("Ivan Petrov", "Đại tướng Cảnh sát")]),
], ids=["region-inside-a-name", "rank-with-its-force"])
def test_ranks_and_names_that_contain_place_words(sentence, expected):
    assert [(m.name, m.rank) for m in find_mentions(sentence) if not m.title_only] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Cũng trong ngày 14/4, tổng bí thư Đảng Cộng sản Việt Nam Lê Văn Quý đã hội đàm với ông Li Wei.",
     [("Lê Văn Quý", "VN"), ("Li Wei", None)]),
    ("Việt Nam giữ vai trò chủ tịch ASEAN năm 2020.", []),
], ids=["lower-case-title-before-a-name", "lower-case-title-alone"])
def test_lower_case_titles(sentence, expected):
    assert [(m.name, m.country) for m in find_mentions(sentence)] == expected


def test_a_company_name_before_its_chairman():
    ms = [m for m in find_mentions("Thủ tướng tiếp Chủ tịch Tập đoàn Samsung Lee Jae-yong.") if not m.title_only]
    assert [(m.name, m.title) for m in ms] == [("Lee Jae-yong", "Chủ tịch Tập đoàn Samsung")]


# --- the gazetteers of titles and ranks: every row heads a mention of the name after it ----------------
from generator.extract.lexicon import _lines  # noqa: E402

_HEADS = [("title", e) for e in _lines("titles.txt")] + [("rank", e) for e in _lines("ranks.txt")]


@pytest.mark.parametrize("kind, entry", _HEADS, ids=[f"{k}:{e}" for k, e in _HEADS])
def test_every_title_and_rank_heads_the_name_after_it(kind, entry):
    mentions = find_mentions(f"Hôm qua, {entry} Trần Văn Bình phát biểu tại hội nghị.")
    (m,) = [m for m in mentions if m.name == "Trần Văn Bình"]
    if kind == "title":
        assert m.title.startswith(entry.split()[0]), m
    else:
        assert m.rank == entry, m


# --- the title phrase's steps: every step's example reads as the step says ---------------------------------
from generator.extract.people import PHRASE_STEPS  # noqa: E402


@pytest.mark.parametrize("name, step, example", PHRASE_STEPS, ids=[s[0] for s in PHRASE_STEPS])
def test_every_step_of_the_title_phrase_reads_its_example(name, step, example):
    sentence, want_name, want_title = example
    named = [(m.name, m.title) for m in find_mentions(sentence) if not m.title_only]
    if want_name is None:
        assert named == []
    else:
        assert (want_name, want_title) in named, named


def test_steps_are_named_once():
    assert len({s[0] for s in PHRASE_STEPS}) == len(PHRASE_STEPS)
