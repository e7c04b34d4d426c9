"""Meetings from whole articles: anchors, sides, kinds, dates, places, fills. Invented articles."""
from __future__ import annotations

from generator.extract.article import extract_article
from generator.extract.reader import parse_article


def meetings(text: str, name: str = "a.txt"):
    result = extract_article(parse_article(name, text))
    return [(c.date.iso() if c.date else None, c.kind, c.online, c.location,
             sorted((p.name, p.country) for p in c.participants)) for c in result.candidates]


def test_three_meetings_the_same_afternoon():
    text = """ date 2024-06-06 Hợp tác an ninh

Chiều 5/6, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp ông David Brown, Bộ trưởng Nội vụ Canada.

Tại buổi tiếp, Bộ trưởng Nguyễn Văn Bình đề nghị hai bên tăng cường hợp tác.

Chiều cùng ngày, tại Trụ sở Chính phủ, Thủ tướng Chính phủ Lê Hoàng Nam đã tiếp Bộ trưởng David Brown.

Cũng trong chiều 5/6, Chủ tịch nước Trần Quốc Huy đã hội kiến Bộ trưởng Nội vụ Canada David Brown.
"""
    assert meetings(text) == [
        ("2024-06-05", "reception", False, "Hà Nội", [("David Brown", "CA"), ("Nguyễn Văn Bình", "VN")]),
        ("2024-06-05", "reception", False, "Trụ sở Chính phủ, Hà Nội", [("David Brown", "CA"), ("Lê Hoàng Nam", "VN")]),
        ("2024-06-05", "talks", False, "Hà Nội", [("David Brown", "CA"), ("Trần Quốc Huy", "VN")]),
    ]


def test_online_talks_and_a_call():
    text = """Thứ Năm, 10/3/2022 09:00

Sáng 9/3, Bộ trưởng Bộ Quốc phòng Phạm Văn Đức đã hội đàm trực tuyến với Bộ trưởng Quốc phòng Đan Mạch Lars Nielsen.

Chiều cùng ngày, Thứ trưởng Bộ Quốc phòng Hoàng Minh Tâm điện đàm với Thứ trưởng Quốc phòng Na Uy Erik Hansen về phòng chống tội phạm lừa đảo trực tuyến.
"""
    got = meetings(text)
    assert [(d, k, o) for d, k, o, _, _ in got] == [("2022-03-09", "talks", True), ("2022-03-09", "call", False)]


def test_passive_reception_and_trailing_date():
    text = """Thứ Hai, 20/11/2023

Ông Carlos Ruiz, Bộ trưởng Bộ Nội vụ Mexico, người đang thăm và làm việc tại Việt Nam, đã được Phó Thủ tướng Vũ Đức Long tiếp tại Hà Nội chiều 19/11.
"""
    assert meetings(text) == [("2023-11-19", "reception", False, "Hà Nội", [("Carlos Ruiz", "MX"), ("Vũ Đức Long", "VN")])]


def test_co_chairs_named_after_the_dated_sentence():
    text = """Thứ Tư, 15/3/2023

Đối thoại Chiến lược Quốc phòng Việt Nam - Ấn Độ lần thứ 5 đã diễn ra ngày 14/3/2023 tại New Delhi.

Đồng chủ trì Đối thoại là Thượng tướng Hoàng Văn Sơn, Thứ trưởng Bộ Quốc phòng Việt Nam và ông Rajesh Gupta, Thứ trưởng Quốc phòng Ấn Độ.
"""
    got = meetings(text)
    assert got == [("2023-03-14", "dialogue", False, "New Delhi", [("Hoàng Văn Sơn", "VN"), ("Rajesh Gupta", "IN")])]


def test_delegation_head_named_in_the_next_sentence():
    text = """Ngày 18-1, đoàn đại biểu cấp cao Bộ Công an Việt Nam do Đại tướng Đinh Văn Lâm, Bộ trưởng Bộ Công an làm trưởng đoàn đã hội đàm với đoàn đại biểu Bộ Nội vụ Thái Lan.

Đoàn Thái Lan do ông Somchai Prasert, Bộ trưởng Bộ Nội vụ, dẫn đầu.

Hai bên ký Kế hoạch hợp tác năm 2022.
"""
    got = meetings(text)
    assert got == [("2022-01-18", "talks", False, None, [("Somchai Prasert", "TH"), ("Đinh Văn Lâm", "VN")])]


def test_undated_article_takes_year_from_party_congress():
    text = """Sáng 20/2, Tổng Bí thư Nguyễn Văn Khánh đã tiếp ông Li Ming, Bộ trưởng Thương mại Trung Quốc.

Ông Li Ming chúc mừng thành công của Đại hội lần thứ XIII của Đảng Cộng sản Việt Nam.
"""
    result = extract_article(parse_article("a.txt", text))
    (c,) = result.candidates
    assert c.date.iso() == "2021-02-20"
    assert c.date_basis.rule == "clue" and c.date_basis.clue.rule == "congress" and c.date_basis.clue.read == "XIII"
    assert c.date_confidence == 2


def test_future_plans_and_passing_visits_are_not_meetings():
    text = """ date 2024-09-10 Tin ngắn

Ngày 9/9, Bộ trưởng Ngoại giao Đỗ Minh Tuấn đã tiếp Đại sứ Brazil Paulo Silva.

Tổng thống Brazil Luiz Costa mời Chủ tịch nước Phan Thanh Hải sớm thăm Brazil.

Dự kiến ngày 20/9, Thủ tướng Đặng Văn Phú sẽ hội đàm với Thủ tướng Brazil Ana Souza.
"""
    got = meetings(text)
    assert [sorted(n for n, _ in p) for *_, p in got] == [["Paulo Silva", "Đỗ Minh Tuấn"]]


def test_meeting_between_two_vietnamese_officials_is_not_a_foreign_meeting():
    text = """ date 2024-05-02 Tin

Ngày 1/5, Thủ tướng Lê Văn Tám đã tiếp Đại sứ Việt Nam tại Pháp Nguyễn Thị Lan.
"""
    assert meetings(text) == []


def test_relative_dates():
    text = """ date 2025-04-11 Tin

Hôm nay, Bộ trưởng Trần Văn Khoa đã tiếp Đại sứ Italy Marco Rossi.

Chiều qua (10/4), Thứ trưởng Lý Thị Hà đã điện đàm với Thứ trưởng Ngoại giao Chile Pedro Soto.
"""
    got = meetings(text)
    assert [d for d, *_ in got] == ["2025-04-11", "2025-04-10"]


def test_headline_restatement_merges_into_the_dated_meeting():
    text = """Thủ tướng Vũ Minh Châu điện đàm với Thủ tướng New Zealand Jack Wilson

Chiều 12/5/2021, Thủ tướng Chính phủ Vũ Minh Châu đã có cuộc điện đàm với Thủ tướng New Zealand Jack Wilson.
"""
    got = meetings(text)
    assert len(got) == 1 and got[0][0] == "2021-05-12" and got[0][1] == "call"


def test_numbered_session_named_without_date_becomes_a_source_of_the_dated_report(tmp_path):
    from generator.build import build
    from generator.config import SiteConfig
    import json
    content = tmp_path / "content"
    content.mkdir()
    (content / "dated.txt").write_text(
        " date 2022-03 Tin\n\nNgày 9/3, tại Hà Nội, Bộ trưởng Mai Văn Tài và Bộ trưởng Nội vụ Lào Khamla Phommavong "
        "đồng chủ trì Hội nghị hợp tác phòng, chống tội phạm lần thứ 5 giữa hai bộ.\n", encoding="utf-8")
    (content / "mention.txt").write_text(
        "Tin\n\nÔng Khamla Phommavong đang dẫn đầu đoàn sang thăm Việt Nam và đồng chủ trì Hội nghị hợp tác "
        "phòng, chống tội phạm lần thứ năm giữa Bộ Công an hai nước.\n", encoding="utf-8")
    build(SiteConfig(content_dir=content, output_dir=tmp_path / "site"))
    (event,) = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert [s["file"] for s in event["sources"]] == ["dated.txt", "mention.txt"]
    assert event["kind"] == "conference"


def test_meeting_takes_the_date_of_the_sentence_before():
    text = """ date 2023-05-12 Tin

Ngày 11/5, đoàn đại biểu cấp cao Bộ Nội vụ Hungary đã tới Hà Nội.

Trong chuyến thăm, Thứ trưởng Bộ Công an Lưu Văn Hòa đã hội đàm với Bộ trưởng Nội vụ Hungary Peter Nagy.

Trước đó, Thứ trưởng Lưu Văn Hòa đã gặp Thứ trưởng Nội vụ Hungary Laszlo Kiss.
"""
    got = meetings(text)
    assert [(d, sorted(n for n, _ in p)) for d, _, _, _, p in got] == [
        ("2023-05-11", ["Lưu Văn Hòa", "Peter Nagy"]),
        (None, ["Laszlo Kiss", "Lưu Văn Hòa"]),
    ]


def test_one_meeting_per_guest_of_another_country():
    text = """ date 2024-07-02 Tin

Chiều 1/7, Thủ tướng Đoàn Văn Hải đã tiếp Đại sứ Nhật Bản Sato Kenji, Đại sứ Hàn Quốc Choi Young Sam và Đại sứ Ấn Độ Ravi Kumar.
"""
    got = meetings(text)
    assert sorted(sorted(n for n, _ in p) for *_, p in got) == [
        ["Choi Young Sam", "Đoàn Văn Hải"], ["Ravi Kumar", "Đoàn Văn Hải"], ["Sato Kenji", "Đoàn Văn Hải"]]


def test_signing_by_two_ministers():
    text = """ date 2024-07-02 Tin

Ngày 1/7, Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh và Bộ trưởng Tư pháp Hungary Bence Tuzson đã ký Bản ghi nhớ hợp tác.
"""
    assert [(d, k) for d, k, *_ in meetings(text)] == [("2024-07-01", "signing")]


def test_meeting_word_before_both_sides():
    text = """ date 2024-03-06 Tin

Sáng 5/3, tiếp Đại sứ Nhật Bản Yamada Taro tại Hà Nội, Thủ tướng Chính phủ Đinh Công Sơn đề nghị hai bên tăng cường hợp tác.
"""
    got = meetings(text)
    assert [(d, k, sorted(n for n, _ in p)) for d, k, _, _, p in got] == [
        ("2024-03-05", "reception", ["Yamada Taro", "Đinh Công Sơn"])]


def test_plans_are_not_meetings():
    text = """ date 2024-03-10 Tin

Theo kế hoạch, ngày 15/3, Thủ tướng Hà Văn Lộc hội đàm với Thủ tướng Ba Lan Jan Nowak.

Ngày 20/3 tới, Chủ tịch nước Mai Văn Tiến tiếp Tổng thống Chile Pablo Diaz.

Ngày 9/3, Bộ trưởng Lê Văn Tâm đã tiếp Đại sứ Ba Lan Adam Kowalski.
"""
    assert [d for d, *_ in meetings(text)] == ["2024-03-09"]


def test_vietnamese_spelled_foreign_leader_takes_the_article_country():
    text = """ date 2024-08-20 Tin

Chiều 19/8, tại Bắc Kinh, Tổng Bí thư Lê Văn Quý đã hội đàm với Tổng Bí thư, Chủ tịch nước Trung Quốc Vương Minh.

Sáng cùng ngày, Tổng Bí thư Lê Văn Quý đã hội kiến Thủ tướng Quốc vụ viện Lưu Cường.
"""
    got = meetings(text)
    assert [sorted(p) for *_, p in got] == [
        [("Lê Văn Quý", "VN"), ("Vương Minh", "CN")], [("Lê Văn Quý", "VN"), ("Lưu Cường", "CN")]]


def test_a_caption_spells_out_a_fuller_name():
    text = """ date 2024-02-14 Tin

Chiều 13/2, Bộ trưởng Lê Văn Hà đã tiếp Trợ lý Ngoại trưởng Hoa Kỳ John Smith.

Bộ trưởng Lê Văn Hà tiếp Trợ lý Ngoại trưởng Hoa Kỳ John Peter Smith. Ảnh: TTXVN
"""
    (c,) = extract_article(parse_article("a.txt", text)).candidates
    guest = next(p for p in c.participants if p.country == "US")
    assert guest.name == "John Smith" and "John Peter Smith" in guest.aliases


def test_the_day_named_last_before_the_meeting_word_dates_it():
    text = """ date 2024-03-06 Tin

Tiếp nối chuyến thăm của Thủ tướng ngày 3/3, chiều 5/3 Bộ trưởng Lê Văn Tâm đã hội đàm với Bộ trưởng Ngoại giao Peru Luis Vega.
"""
    assert [d for d, *_ in meetings(text)] == ["2024-03-05"]


def test_a_call_on_the_sidelines_takes_the_date_of_the_meeting():
    text = """Trong hai ngày 4-5/12/2023, tại Canberra, Thứ trưởng Bộ Quốc phòng Trần Văn Hưng và ông Peter Brown, Tổng Thư ký Bộ Quốc phòng Australia đã đồng chủ trì Đối thoại Chiến lược lần thứ 5.

Bên lề Đối thoại, Thứ trưởng Trần Văn Hưng đã đến chào Phó Thủ tướng Australia Richard Miles.
"""
    got = meetings(text)
    assert [(d, k) for d, k, *_ in got] == [("2023-12-04", "dialogue"), ("2023-12", "reception")]


def test_a_meeting_recalled_by_its_month_and_a_month_that_belongs_to_something_else():
    text = """ date 2023-04-13 Tin

Tháng 7-2021, Bộ trưởng Bộ Công an Lê Văn Hòa đã hội đàm trực tuyến với Bộ trưởng Nội vụ Pháp Jean Martin.

Tại hội đàm, hai bên nhắc lại chuyến thăm của Thủ tướng Pháp (tháng 6/2020).

Chiều 12/4, tại Hà Nội, Bộ trưởng Lê Văn Hòa tiếp Đại sứ Pháp Paul Durand. Chiều cùng ngày, Thứ trưởng Vũ Văn Hải tiếp Đại sứ Đức Hans Weber.
"""
    got = meetings(text)
    assert [d for d, *_ in got] == ["2021-07", "2023-04-12", "2023-04-12"]


def test_the_meeting_word_with_two_sides_decides():
    text = """ date 2025-08-20 Tin

Trước đó, chiều 17/8, tại Hà Nội, Bộ trưởng Mai Văn Tài đã tiếp ông Lưu Minh, Thứ trưởng Bộ An ninh Quốc gia Trung Quốc, dẫn đầu Đoàn đại biểu cấp cao sang Việt Nam dự Lễ kỷ niệm 80 năm Ngày truyền thống và đồng chủ trì Đối thoại An ninh chiến lược cấp Thứ trưởng lần thứ 7.
"""
    assert [(d, k) for d, k, *_ in meetings(text)] == [("2025-08-17", "reception")]


def test_words_of_an_opening_aside_are_not_the_meeting_word():
    text = """ date 2022-09-09 Tin

Ngày 8/9, Bộ trưởng Đinh Văn Nam đã tiếp ông Tom Reed, Tư lệnh Cảnh sát Liên bang Australia.

Trước buổi tiếp, Thứ trưởng Hà Văn Lộc và Tư lệnh Tom Reed đã ký Bản ghi nhớ hợp tác phòng, chống tội phạm.
"""
    assert [(d, k) for d, k, *_ in meetings(text)] == [("2022-09-08", "reception"), ("2022-09-08", "signing")]


def test_credentials_are_received_from_each_ambassador():
    text = """ date 2024-01-16 Tin

Sáng 15/1, tại Phủ Chủ tịch, Chủ tịch nước Võ Văn An đã nhận Quốc thư của Đại sứ Chile Pedro Soto và Đại sứ Peru Luis Vega.

Tags: Chủ tịch nước, Quốc thư, Đại sứ Chile Pedro Soto, Đại sứ Peru
"""
    got = meetings(text)
    assert [(d, k, sorted(n for n, _ in p)) for d, k, _, _, p in got] == [
        ("2024-01-15", "reception", ["Pedro Soto", "Võ Văn An"]), ("2024-01-15", "reception", ["Luis Vega", "Võ Văn An"])]


def test_the_two_who_just_met_co_chair_the_session_after_their_talks():
    text = """ date 2024-01-06 Tin

Sáng 6-1, Thủ tướng Lê Văn Định đã hội đàm với Thủ tướng Lào Somsak Vong.

Chiều cùng ngày, hai Thủ tướng đồng chủ trì Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào.

Sau hội đàm, hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác.
"""
    got = meetings(text)
    assert [(d, k) for d, k, *_ in got] == [("2024-01-06", "talks"), ("2024-01-06", "conference")]
    from generator.config import SiteConfig
    import tempfile, pathlib, json
    from generator.build import build
    with tempfile.TemporaryDirectory() as tmp:
        content = pathlib.Path(tmp, "content")
        content.mkdir()
        (content / "a.txt").write_text(text, encoding="utf-8")
        build(SiteConfig(content_dir=content, output_dir=pathlib.Path(tmp, "site")))
        events = json.loads(pathlib.Path(tmp, "site", "timeline.json").read_text(encoding="utf-8"))["events"]
    assert sorted(e["kind"] for e in events) == ["conference", "talks"]      # two events, not merged


def test_a_clause_with_its_own_time_after_a_semicolon():
    text = """ date 2024-01-13 Tin

Sáng 12/1, Bộ trưởng Lê Văn Tân đã hội đàm với Bộ trưởng Nội vụ Campuchia Sok Dara; chiều cùng ngày, Bộ trưởng đến chào Thủ tướng Campuchia Hun Vichet.
"""
    got = meetings(text)
    assert [sorted(n for n, _ in p) for *_, p in got] == [["Lê Văn Tân", "Sok Dara"], ["Hun Vichet", "Lê Văn Tân"]]


def test_a_session_numbered_in_words():
    from generator.extract.meetings import series
    assert series("Đối thoại Chính sách Quốc phòng lần thứ mười bốn vừa diễn ra") == ("đối thoại", 14)
    assert series("Hội nghị hợp tác lần thứ hai mươi mốt") == ("hội nghị", 21)
    assert series("Kỳ họp lần thứ XIV của Ủy ban") == ("kỳ họp", 14)


def test_guests_received_in_turn_are_separate_meetings():
    text = """ date 2024-03-06 Tin

Chiều 5/3, Chủ tịch nước Mai Văn Hòa đã lần lượt tiếp Đại sứ Hoa Kỳ John Smith và Tổng Lãnh sự Hoa Kỳ Susan Lee.
"""
    got = meetings(text)
    assert sorted(sorted(n for n, _ in p) for *_, p in got) == [["John Smith", "Mai Văn Hòa"], ["Mai Văn Hòa", "Susan Lee"]]
