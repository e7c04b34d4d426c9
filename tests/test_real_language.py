"""Meetings as real Vietnamese news pages phrase them: one test per behaviour of the real-page rules
(issue 10). Every article here is invented, and so is every person named in it."""
from __future__ import annotations

import pytest

from generator.extract.article import extract_article
from generator.extract.reader import parse_article
from generator.resolve.merge import resolve


def candidates(text: str, name: str = "a.txt"):
    return extract_article(parse_article(name, text)).candidates


def names(c) -> list[str]:
    return sorted(p.name for p in c.participants)


def person(c, name: str):
    (p,) = [p for p in c.participants if p.name == name]
    return p


def test_two_meetings_in_one_sentence():
    text = """ date 2024-10-16 Thủ tướng tiếp Bộ trưởng Ngoại giao Ấn Độ

Chiều 15/10, tại Trụ sở Chính phủ, Thủ tướng Nguyễn Văn An tiếp Bộ trưởng Ngoại giao Ấn Độ Rahul Mehta chào xã giao, sau khi Bộ trưởng Rahul Mehta hội đàm với Bộ trưởng Ngoại giao Trần Thị Bình.

Thủ tướng Nguyễn Văn An đề nghị hai bên sớm nâng kim ngạch thương mại lên 20 tỷ USD.
"""
    got = [(c.date.iso(), c.kind, names(c)) for c in candidates(text)]
    assert sorted(got) == [
        ("2024-10-15", "reception", ["Nguyễn Văn An", "Rahul Mehta"]),
        ("2024-10-15", "talks", ["Rahul Mehta", "Trần Thị Bình"]),
    ]


ON_A_VISIT = """ date 2023-06-21 Bộ trưởng Bộ Công an thăm chính thức Lào

Ngày 20/6, tại Viêng Chăn, Bộ trưởng Bộ Công an Lê Quang Minh hội đàm với Bộ trưởng Bộ An ninh Lào Somsak Phommachanh và có các cuộc gặp với Phó Thủ tướng Lào Bounmy Keovongsa; Chủ tịch Quốc hội Lào Khamphone Sisavath.
"""

AT_A_CONFERENCE = """ date 2023-06-21 Bộ trưởng Bộ Công an dự Hội nghị Bộ trưởng ASEAN

Ngày 20/6, bên lề Hội nghị Bộ trưởng ASEAN về phòng, chống tội phạm xuyên quốc gia tại Viêng Chăn, Bộ trưởng Bộ Công an Lê Quang Minh hội đàm với Bộ trưởng Bộ An ninh Lào Somsak Phommachanh và có các cuộc gặp với Bộ trưởng Nội vụ Campuchia Sok Dara; Bộ trưởng Nội vụ Thái Lan Somchai Wongsa.
"""


@pytest.mark.parametrize("text, guests", [
    pytest.param(AT_A_CONFERENCE, ["Sok Dara", "Somchai Wongsa"], id="guests-of-two-countries"),
    pytest.param(ON_A_VISIT, ["Bounmy Keovongsa", "Khamphone Sisavath"], id="guests-of-one-country"),
])
def test_an_elided_subject_is_the_one_before(text, guests):
    got = sorted((c.date.iso(), names(c)) for c in candidates(text))
    assert got == sorted([
        ("2023-06-20", ["Lê Quang Minh", "Somsak Phommachanh"]),
        ("2023-06-20", sorted(["Lê Quang Minh", guests[0]])),
        ("2023-06-20", sorted(["Lê Quang Minh", guests[1]])),
    ])


LIST = ("Bộ trưởng Hoàng Văn Nam gặp Bộ trưởng Lào Khamsing Vongphachan. Bộ trưởng Đỗ Thị Hạnh gặp Bộ trưởng "
        "Campuchia Sok Chanthy. Thứ trưởng Vũ Đức Long gặp Thứ trưởng Thái Lan Somchai Wongsa.")


@pytest.mark.parametrize("text", [
    pytest.param(" date 2024-11-22 Các cuộc gặp song phương bên lề Hội nghị\n\nNgày 21/11, tại Viêng Chăn, bên lề Hội "
                 "nghị hợp tác an ninh khu vực, lãnh đạo các bộ, ngành đã có các cuộc gặp song phương: " + LIST + "\n",
                 id="lead-ends-with-a-colon"),
    pytest.param(" date 2024-11-22 Các cuộc gặp song phương bên lề Hội nghị\n\nNgày 21/11, tại Viêng Chăn, nhiều cuộc "
                 "gặp song phương đã diễn ra bên lề Hội nghị hợp tác an ninh khu vực.\n\n" + LIST + "\n",
                 id="lead-names-nobody"),
])
def test_a_roundup_of_short_meeting_sentences_is_all_on_the_day_of_its_lead(text):
    got = sorted(((c.date.iso() if c.date else "", names(c)) for c in candidates(text)), key=lambda g: g[1])
    assert got == [
        ("2024-11-21", ["Hoàng Văn Nam", "Khamsing Vongphachan"]),
        ("2024-11-21", ["Sok Chanthy", "Đỗ Thị Hạnh"]),
        ("2024-11-21", ["Somchai Wongsa", "Vũ Đức Long"]),
    ]


def test_people_before_the_next_meeting_word_are_its_subject():
    text = """ date 2024-05-10 Các hoạt động bên lề Hội nghị

Chiều 9/5, bên lề Hội nghị, Bộ trưởng Nguyễn Văn Phúc gặp Bộ trưởng Ngoại giao Singapore Tan Wei Ming; Thứ trưởng Lê Thị Hoa cùng Đại sứ Việt Nam tại Nhật Bản Đặng Minh Khôi gặp Thứ trưởng Ngoại giao Nhật Bản Suzuki Hiroshi.
"""
    got = sorted((c.date.iso(), names(c)) for c in candidates(text))
    assert got == [
        ("2024-05-09", ["Lê Thị Hoa", "Suzuki Hiroshi", "Đặng Minh Khôi"]),
        ("2024-05-09", ["Nguyễn Văn Phúc", "Tan Wei Ming"]),
    ]


def test_a_working_breakfast_of_three_prime_ministers_is_one_meeting():
    text = """ date 2024-10-10 Thủ tướng ăn sáng làm việc với Thủ tướng Campuchia và Thủ tướng Lào

Sáng 9/10, tại Viêng Chăn, Thủ tướng Nguyễn Minh Quân chủ trì bữa ăn sáng làm việc với Thủ tướng Campuchia Chea Vannak và Thủ tướng Lào Bounthanh Keomany nhân dịp ba Thủ tướng tham dự Hội nghị Cấp cao ASEAN.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2024-10-09"
    assert sorted((p.name, p.country) for p in c.participants) == [
        ("Bounthanh Keomany", "LA"), ("Chea Vannak", "KH"), ("Nguyễn Minh Quân", "VN")]


def test_the_attendance_list_names_the_principals_of_a_meeting_of_three_ministers():
    text = """ date 2024-09-06 Gặp mặt ba Bộ trưởng Quốc phòng

Chiều 5/9, tại Hà Nội đã diễn ra cuộc gặp giữa ba Bộ trưởng Quốc phòng Việt Nam - Lào - Campuchia.

Tham dự gồm có Đại tướng Trần Văn Thắng - Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng Việt Nam; Đại tướng Vilay Sengdara - Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Lào; Đại tướng Chhum Sokhom - Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Campuchia.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2024-09-05"
    assert sorted((p.name, p.country, p.title) for p in c.participants) == [
        ("Chhum Sokhom", "KH", "Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Campuchia"),
        ("Trần Văn Thắng", "VN", "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng Việt Nam"),
        ("Vilay Sengdara", "LA", "Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Lào"),
    ]


DIALOGUE = """Đối thoại chiến lược Việt Nam - {country} lần thứ 3

Đối thoại Chiến lược Ngoại giao - Quốc phòng - An ninh Việt Nam - {country} lần thứ 3 đã diễn ra tại Hà Nội ngày 24/11/2021.

Đoàn Việt Nam do Thứ trưởng Bộ Ngoại giao Phạm Quốc Việt dẫn đầu; đoàn {country} do Thứ trưởng Bộ Ngoại giao {name} làm Trưởng đoàn.

Hai bên trao đổi về tình hình quan hệ hai nước thời gian qua.
"""


@pytest.mark.parametrize("country, name, code", [
    pytest.param("Nhật Bản", "Suzuki Kenji", "JP", id="japanese-head"),
    pytest.param("Trung Quốc", "Trương Học Minh", "CN", id="chinese-head-in-sino-vietnamese"),
])
def test_a_dialogue_between_delegations_named_in_the_next_sentence(country, name, code):
    (c,) = candidates(DIALOGUE.format(country=country, name=name))
    assert (c.date.iso(), c.kind) == ("2021-11-24", "dialogue")
    assert sorted((p.name, p.country) for p in c.participants) == sorted([("Phạm Quốc Việt", "VN"), (name, code)])


def test_the_two_ministers_are_the_two_just_named_not_the_last_meeting_pair():
    text = """ date 2023-03-16 Việt Nam - Australia thúc đẩy hợp tác kinh tế

Sáng 15/3, tại Hà Nội, Bộ trưởng Ngoại giao Vũ Hải Đăng hội đàm với Bộ trưởng Ngoại giao Australia Emma Clarke.

Chuyến thăm Việt Nam của Bộ trưởng Thương mại Australia James Porter diễn ra theo lời mời của Bộ trưởng Bộ Công Thương Ngô Thị Lan.

Chiều cùng ngày, hai Bộ trưởng đồng chủ trì Kỳ họp lần thứ 4 Ủy ban hỗn hợp về hợp tác kinh tế - thương mại Việt Nam - Australia.
"""
    got = [(c.date.iso(), c.kind, names(c)) for c in candidates(text)]
    assert got == [
        ("2023-03-15", "talks", ["Emma Clarke", "Vũ Hải Đăng"]),
        ("2023-03-15", "conference", ["James Porter", "Ngô Thị Lan"]),
    ]


def test_a_guest_named_by_title_is_the_person_of_that_country():
    text = """ date 2024-07-03 Thủ tướng tiếp Bộ trưởng Ngoại giao Hàn Quốc

Sáng 2/7, tại Hà Nội, Bộ trưởng Ngoại giao Lê Hoài Nam hội đàm với Bộ trưởng Ngoại giao Hàn Quốc Kim Min-su.

Chiều cùng ngày, Thủ tướng Đặng Quốc Bảo cũng tiếp Bộ trưởng Ngoại giao Hàn Quốc.
"""
    got = [(c.date.iso(), c.kind, sorted((p.name, p.country) for p in c.participants)) for c in candidates(text)]
    assert got == [
        ("2024-07-02", "talks", [("Kim Min-su", "KR"), ("Lê Hoài Nam", "VN")]),
        ("2024-07-02", "reception", [("Kim Min-su", "KR"), ("Đặng Quốc Bảo", "VN")]),
    ]


def test_the_dateline_nearest_the_report_is_the_articles_not_the_sites_render_date():
    text = """Chủ Nhật, 24/11/2024 21:25 (GMT +7)

Chủ tịch Quốc hội tiếp Chủ tịch Thượng viện Philippines

Thứ 4, 22/11/2023 | 11:36:23

Sáng nay, 22-11, tại Nhà Quốc hội, Chủ tịch Quốc hội Hoàng Trung Kiên tiếp Chủ tịch Thượng viện Philippines Jose Ramirez.

Chủ tịch Quốc hội Hoàng Trung Kiên đánh giá cao vai trò của ngoại giao nghị viện.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2023-11-22"
    assert names(c) == ["Hoàng Trung Kiên", "Jose Ramirez"]


def test_a_dateline_below_the_headline_is_not_part_of_it():
    text = """Thủ tướng Lý Văn Sáng tiếp Đại sứ Ai Cập Ahmed Farouk
thứ sáu, 20/2/2026

Ngày 19/2, tại Trụ sở Chính phủ, Thủ tướng Lý Văn Sáng đã tiếp Đại sứ Ai Cập Ahmed Farouk.

Thủ tướng Lý Văn Sáng đề nghị hai nước mở rộng hợp tác nông nghiệp.
"""
    got = [(c.date.iso(), c.kind, names(c)) for c in candidates(text)]
    assert got == [("2026-02-19", "reception", ["Ahmed Farouk", "Lý Văn Sáng"])]


def test_a_weeks_roundup_across_new_year_dates_its_days_without_a_publication_date():
    text = """Điểm tin hoạt động đối ngoại

Trong tuần từ ngày 27/12/2021-1/1/2022, Bộ Ngoại giao đã có nhiều hoạt động đối ngoại quan trọng.

Chiều 30/12, tại Hà Nội, Thứ trưởng Ngoại giao Tô Minh Đức tiếp Đại sứ Israel David Levin.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2021-12-30"
    assert c.date_basis.rule == "clue"
    assert (c.date_basis.clue.rule, c.date_basis.clue.read) == ("full_date", "27/12/2021-1/1/2022")


def test_an_anniversary_of_a_national_event_gives_the_year():
    text = """Bộ trưởng tiếp Đại sứ Cuba

Chiều 20/8, tại Hà Nội, Bộ trưởng Bộ Công an Trịnh Văn Hải đã tiếp Đại sứ Cuba tại Việt Nam Alejandro Fuentes.

Đại sứ Alejandro Fuentes chúc mừng Việt Nam nhân dịp kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2025-08-20"
    assert c.date_basis.rule == "clue"
    assert (c.date_basis.clue.rule, c.date_basis.clue.base, c.date_basis.clue.count) == ("national_anniversary", 1945, 80)


def test_a_numbered_asean_summit_gives_the_year():
    text = """Thủ tướng gặp Thủ tướng Malaysia

Ngày 26/5, bên lề Hội nghị Cấp cao ASEAN lần thứ 46 tại Kuala Lumpur, Thủ tướng Phạm Đức Thịnh đã gặp Thủ tướng Malaysia Ahmad Rizal.

Hai nhà lãnh đạo nhất trí tăng cường hợp tác kinh tế.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2025-05-26"
    assert c.date_basis.rule == "clue"
    assert (c.date_basis.clue.rule, c.date_basis.clue.year) == ("occasion", 2025)   # 36th in 2020, two a year


def test_a_reporters_post_is_not_the_place_the_next_sentence_is():
    text = """ date 2024-06-13 Chủ tịch Quốc hội hội đàm với Chủ tịch nước Lào

Theo phóng viên TTXVN tại Lào, chiều 12/6, Chủ tịch Quốc hội Đỗ Văn Tùng đã hội đàm với Chủ tịch nước Lào Somphong Inthavong.

Cuộc hội đàm diễn ra tại Phủ Chủ tịch nước Lào ở Thủ đô Viêng Chăn.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2024-06-12"
    assert names(c) == ["Somphong Inthavong", "Đỗ Văn Tùng"]
    assert c.location is not None and "Phủ Chủ tịch" in c.location and "Viêng Chăn" in c.location


@pytest.mark.parametrize("guest", [
    pytest.param("ông Sok Vanna, Tổng Lãnh sự Campuchia tại TP Hồ Chí Minh", id="name-then-post"),
    pytest.param("Tổng Lãnh sự Campuchia tại TP Hồ Chí Minh Sok Vanna", id="post-then-name"),
])
def test_a_provincial_host_meets_in_his_province_not_where_the_consul_is_posted(guest):
    text = f""" date 2024-04-10 Lãnh đạo tỉnh tiếp Tổng Lãnh sự Campuchia

Chiều 9/4, Chủ tịch UBND tỉnh An Giang Lâm Quốc Hưng tiếp {guest}.

Hai bên trao đổi về hợp tác quản lý biên giới và thương mại qua cửa khẩu.
"""
    (c,) = candidates(text)
    assert c.date.iso() == "2024-04-09"
    assert sorted((p.name, p.country) for p in c.participants) == [("Lâm Quốc Hưng", "VN"), ("Sok Vanna", "KH")]
    assert c.location == "An Giang"


def test_a_chinese_provincial_secretary_is_chinese_though_his_name_reads_vietnamese():
    text = """ date 2024-05-22 Thủ tướng tiếp Bí thư Tỉnh ủy Sơn Đông

Chiều 21/5, tại Hà Nội, Thủ tướng Võ Thanh Bình tiếp Bí thư Tỉnh ủy Sơn Đông Lâm Văn Khải.
"""
    (c,) = candidates(text)
    assert sorted((p.name, p.country) for p in c.participants) == [("Lâm Văn Khải", "CN"), ("Võ Thanh Bình", "VN")]


def test_a_country_after_a_ministry_is_not_part_of_the_name():
    text = """ date 2023-08-16 Hợp tác công thương Việt Nam - Lào

Sáng 15/8, tại Hà Nội, Bộ trưởng Bộ Công Thương Nguyễn Hữu Định hội đàm với Bộ trưởng Công Thương Lào Malaythong Sisouk.
"""
    (c,) = candidates(text)
    assert sorted((p.name, p.country) for p in c.participants) == [("Malaythong Sisouk", "LA"), ("Nguyễn Hữu Định", "VN")]


def test_an_honorific_between_title_and_name():
    text = """ date 2024-12-12 Chủ tịch Quốc hội hội kiến Thủ tướng Campuchia

Chiều 11/12, tại Phnom Penh, Chủ tịch Quốc hội Trần Văn Lực hội kiến Thủ tướng Campuchia Samdech Thipadei Chea Vannak.
"""
    (c,) = candidates(text)
    assert names(c) == ["Chea Vannak", "Trần Văn Lực"]
    guest = person(c, "Chea Vannak")
    assert (guest.title, guest.country) == ("Thủ tướng Campuchia", "KH")


def test_a_report_without_a_day_takes_the_month_of_the_page():
    text = """ date 2025-09-12 Bộ trưởng Bộ Công an tiếp Đại sứ Nhật Bản

Bộ trưởng Bộ Công an Trịnh Quốc Toàn đã tiếp Đại sứ Nhật Bản tại Việt Nam Tanaka Ichiro.

Tại buổi tiếp, hai bên trao đổi về hợp tác phòng, chống tội phạm xuyên quốc gia.
"""
    (c,) = candidates(text)
    assert names(c) == ["Tanaka Ichiro", "Trịnh Quốc Toàn"]
    assert (c.date.iso(), c.date.precision) == ("2025-09", "month")
    assert c.date_basis.rule == "publication_month"


def test_across_articles_the_surer_year_wins_and_short_given_names_meet_full_ones():
    weak = """Bộ trưởng Bộ Tài chính tiếp Đại sứ Australia

Chiều 14/4, tại Hà Nội, Bộ trưởng Bộ Tài chính Lê Minh Khôi tiếp Đại sứ Australia Mike Doe.

Năm 2023, kim ngạch thương mại hai nước đạt hơn 15 tỷ USD.
"""
    strong = """ date 2024-04-15 Tăng cường hợp tác tài chính Việt Nam - Australia

Chiều 14/4, tại Hà Nội, Bộ trưởng Bộ Tài chính Lê Minh Khôi đã tiếp Đại sứ Australia tại Việt Nam Michael R. Doe.
"""
    (w,) = candidates(weak, "weak.txt")
    # the year of 'Năm 2023' is only a guess
    assert (w.date.iso(), w.date_confidence, w.date_basis.rule, w.date_basis.clue.rule) == ("2023-04-14", 1, "clue", "year")
    (s,) = candidates(strong, "strong.txt")
    assert (s.date.iso(), s.date_confidence) == ("2024-04-14", 3)
    events, officials = resolve([w, s])
    assert [(e.date.iso(), sorted(src.file for src in e.sources)) for e in events] == [
        ("2024-04-14", ["strong.txt", "weak.txt"])]
    australians = [o for o in officials if o.country == "AU"]
    assert len(australians) == 1
    assert {australians[0].name, *australians[0].aliases} == {"Mike Doe", "Michael R. Doe"}
    assert len(officials) == 2


def test_today_on_a_page_dated_to_its_month_is_that_month():
    text = """ date 2021-08 Phó Thủ tướng tiếp Đại sứ Ấn Độ

Hôm nay, tại Hà Nội, Phó Thủ tướng Vũ Thành Nam tiếp Đại sứ Ấn Độ Rajiv Sharma.
"""
    (c,) = candidates(text)
    assert names(c) == ["Rajiv Sharma", "Vũ Thành Nam"]
    assert (c.date.iso(), c.date.precision) == ("2021-08", "month")


def test_a_conference_named_beside_two_people_is_not_their_meeting():
    text = """ date 2024-09-27 Bộ trưởng Ngoại giao tiếp Thứ trưởng Ngoại giao Chile

Sáng 26/9, tại Hà Nội, Bộ trưởng Ngoại giao Lê Văn Thanh tiếp Thứ trưởng Ngoại giao Chile Pedro Alvarez.

Bộ trưởng Lê Văn Thanh cho rằng chuyến thăm của Thứ trưởng Pedro Alvarez, cùng thành công của Hội nghị Hợp tác Kinh tế Việt Nam - Mỹ Latinh tổ chức chiều 25/9, góp phần thúc đẩy quan hệ hai nước.
"""
    got = [(c.date.iso(), c.kind, names(c)) for c in candidates(text)]
    assert got == [("2024-09-26", "reception", ["Lê Văn Thanh", "Pedro Alvarez"])]


def test_a_site_toolbar_date_is_not_the_publication_date():
    text = """18/03/2026
x
+
aa
-

Bộ trưởng Quốc phòng tiếp Đại sứ Hàn Quốc

Chiều 6/12, tại Trụ sở Bộ Quốc phòng, Đại tướng Nguyễn Văn An, Bộ trưởng Bộ Quốc phòng đã tiếp Đại sứ Hàn Quốc Kim Min-su đến chào nhân dịp nhận nhiệm vụ.
"""
    art = parse_article("a.txt", text)
    assert art.published is None and art.published_basis.source == "page"
    (c,) = candidates(text)
    assert c.date is None and c.day_month == (6, 12)       # undated, not 2025-12-06


def test_people_who_attended_are_not_principals():
    text = """ date 2021-05-19 Hội nghị trực tuyến giữa lãnh đạo hai tỉnh

Ngày 18/5/2021, Tỉnh ủy Lào Cai và Tỉnh ủy Vân Nam tổ chức Hội nghị trực tuyến giữa lãnh đạo hai tỉnh.

Tham dự Hội nghị về phía Trung Quốc có các đồng chí: Tôn Minh Lượng, Trưởng Ban Liên lạc Đối ngoại tỉnh Vân Nam; Cát Văn Đào, Đại sứ Trung Quốc tại Việt Nam.
"""
    assert candidates(text) == []
