"""Article reader: decoding, publication date, page-chrome stripping (generator/reader.py).

The article texts are invented for these tests; they imitate the page layouts
of Vietnamese news sites (blank-line separated paragraphs, as saved by users).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.model import NO_PUBLICATION_DATE, Article, PartialDate, Published
from generator.extract.reader import ArticleError, decode, find_articles, parse_article, read_article

HEADLINE = "Phó Thủ tướng tiếp Bộ trưởng Ngoại giao Cộng hòa Séc"
LEAD = "Hai bên nhất trí thúc đẩy hợp tác kinh tế, giáo dục và lao động."
MEETING = ("Chiều 13/2, tại Hà Nội, Phó Thủ tướng Trần Quang Bình đã tiếp Bộ trưởng Ngoại giao "
           "Cộng hòa Séc Jan Dvořák đang thăm chính thức Việt Nam.")
MORE = "Phó Thủ tướng đề nghị hai bên tăng cường trao đổi đoàn các cấp và mở thêm đường bay thẳng."
# a paragraph long enough to count as report text (> 160 characters, >= 25 words)
LONG = ("Tại buổi tiếp, Phó Thủ tướng Trần Quang Bình khẳng định Việt Nam luôn coi trọng quan hệ hữu nghị "
        "truyền thống với Cộng hòa Séc và mong muốn hai bên tiếp tục mở rộng hợp tác trong các lĩnh vực "
        "năng lượng, chế tạo máy, giáo dục đào tạo và du lịch.")

TEASER_TITLE = "Chủ tịch nước tiếp Bộ trưởng Quốc phòng Lào tại Phủ Chủ tịch"
TEASER_LEAD = ("Ngày 5/3, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Bộ trưởng Quốc phòng Lào "
               "Khamphet Vongsay đang thăm làm việc tại Việt Nam.")


def article(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def parse(*lines: str) -> Article:
    return parse_article("news/test.txt", article(*lines))


def mentions(paragraphs: list[str], text: str) -> bool:
    return any(text in p for p in paragraphs)


def test_test_texts_are_sized_as_intended():
    assert len(MEETING) <= 160 and len(MORE) <= 160 and len(LEAD) <= 160
    assert len(LONG) > 160 and len(LONG.split()) >= 25


# --- publication date ---------------------------------------------------------------
# (id, lines, the metadata text that must not stay in the report, expected date)
DATES = [
    ("header-month", [" date 2020-10 " + HEADLINE, LEAD, MEETING], "date 2020-10", PartialDate(2020, 10)),
    ("header-day", [" date 2026-02-14 " + HEADLINE, LEAD, MEETING], "date 2026-02-14", PartialDate(2026, 2, 14)),
    ("header-day-with-dateline-tail", [" date 2026-02-14 " + HEADLINE + " 14/02/2026 07:22", LEAD, MEETING],
     "14/02/2026", PartialDate(2026, 2, 14)),
    ("headline-tail", [HEADLINE + " 14/02/2026 07:22", LEAD, MEETING], "14/02/2026", PartialDate(2026, 2, 14)),
    ("thu-sau-lower", [HEADLINE, "Thứ sáu, 13/10/2017 08:22", LEAD, MEETING], "13/10/2017",
     PartialDate(2017, 10, 13)),
    ("thu-ba-no-time", [HEADLINE, "Thứ Ba, 22/6/2021", LEAD, MEETING], "22/6/2021", PartialDate(2021, 6, 22)),
    ("dotted", [HEADLINE, "Thứ Sáu, 15.09.2023 10:41", LEAD, MEETING], "15.09.2023", PartialDate(2023, 9, 15)),
    ("cap-nhat-dashes", [HEADLINE, "Cập nhật: 01-12-2020 | 11:52:41", LEAD, MEETING], "01-12-2020",
     PartialDate(2020, 12, 1)),
    ("time-first", ["Thời sự", HEADLINE, "18:04 07/10/2025", LEAD, MEETING], "07/10/2025",
     PartialDate(2025, 10, 7)),
    ("sputnik-caption", [HEADLINE, "Phó Thủ tướng Trần Quang Bình - Sputnik Việt Nam, 1920, 15.07.2021",
                         LEAD, MEETING], "15.07.2021", PartialDate(2021, 7, 15)),
    ("chu-nhat-section", ["Chủ nhật, 19/1/2020 | Chính trị", HEADLINE, LEAD, MEETING], "19/1/2020",
     PartialDate(2020, 1, 19)),
]


@pytest.mark.parametrize("lines, meta, expected", [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_publication_date(lines, meta, expected):
    art = parse(*lines)
    assert art.published == expected
    assert art.published_basis.source != "none"
    # the meeting survives; the dateline is metadata, not report text
    assert MEETING in art.paragraphs
    assert LEAD in art.paragraphs
    assert not mentions(art.paragraphs, meta)


def test_header_line_is_not_a_paragraph_and_gives_the_headline():
    art = parse(" date 2026-02-14 " + HEADLINE + " 14/02/2026 07:22", LEAD, MEETING)
    assert art.headline == HEADLINE
    assert not mentions(art.paragraphs, "date 2026")
    assert not mentions(art.paragraphs, "07:22")
    assert art.published_basis == Published("header", "2026-02-14")


def test_header_date_beats_a_dateline():
    art = parse(" date 2021-06 " + HEADLINE, "Thứ Ba, 22/5/2021", LEAD, MEETING)
    assert art.published == PartialDate(2021, 6)


def test_sputnik_image_width_is_not_a_year():
    art = parse(HEADLINE, "Phó Thủ tướng Trần Quang Bình - Sputnik Việt Nam, 1920, 15.07.2021", LEAD, MEETING)
    assert art.published.year == 2021
    assert art.published_basis == Published("caption", "1920, 15.07.2021")
    assert not mentions(art.paragraphs, "Sputnik")


def test_no_date():
    art = parse(HEADLINE, LEAD, MEETING, MORE)
    assert art.published is None
    assert art.published_basis == NO_PUBLICATION_DATE
    assert MEETING in art.paragraphs


def test_date_inside_a_sentence_is_not_a_dateline():
    art = parse(HEADLINE, "Hai bên đã gặp nhau tại Praha vào ngày 12/3/2019 bên lề hội nghị.", MEETING)
    assert art.published is None


def test_headline_with_dateline_tail_keeps_the_headline():
    art = parse(HEADLINE + " 14/02/2026 07:22", LEAD, MEETING)
    assert art.headline == HEADLINE


def test_long_headline_with_dateline_tail_keeps_the_headline():
    long_headline = HEADLINE + " nhân dịp kỷ niệm quan hệ ngoại giao hai nước"
    assert len(long_headline + " 14/02/2026 07:22") >= 70
    art = parse(long_headline + " 14/02/2026 07:22", LEAD, MEETING)
    assert art.headline == long_headline
    assert art.published == PartialDate(2026, 2, 14)


# a teaser after a 'Tin liên quan' header: its dateline is not the publication date
TEASER_WITH_DATE = ["Tin liên quan", "Thủ tướng tiếp Đại sứ Hàn Quốc 10/01/2019 08:00",
                    "Ngày 10/1, Thủ tướng đã tiếp Đại sứ Hàn Quốc nhân dịp bắt đầu nhiệm kỳ."]


def test_teaser_date_is_not_the_publication_date():
    art = parse(HEADLINE, LEAD, MEETING, MORE, *TEASER_WITH_DATE)
    assert art.published is None
    assert MEETING in art.paragraphs
    assert not mentions(art.paragraphs, "Hàn Quốc")


def test_teaser_date_control_without_header():
    # the same lines without the header would be read as a dateline: the header is what protects
    art = parse(HEADLINE, LEAD, MEETING, MORE, *TEASER_WITH_DATE[1:])
    assert art.published == PartialDate(2019, 1, 10)


def test_teaser_date_does_not_override_header():
    art = parse(" date 2024-05-20 " + HEADLINE, LEAD, MEETING, *TEASER_WITH_DATE)
    assert art.published == PartialDate(2024, 5, 20)


# --- page chrome --------------------------------------------------------------------------
# (id, lines before the meeting, lines after it, texts that must not be report paragraphs)
CHROME = [
    ("font-size", ["Nhỏ Bình thường Lớn"], [], ["Bình thường"]),
    ("font-size-A", ["A- A A+"], [], ["A+"]),
    ("share", ["Chia sẻ"], ["Chia sẻ Facebook Zalo"], ["Chia sẻ", "Zalo"]),
    ("subscribe", [], ["Đăng ký nhận tin", "Theo dõi Báo Thời Đại trên Google News"],
     ["Đăng ký", "Google News"]),
    ("byline-name", [], ["Phương Vy"], ["Phương Vy"]),
    ("byline-pv-theo", [], ["P.V (theo TTXVN)"], ["P.V", "theo TTXVN"]),
    ("byline-before-body", ["Minh Châu"], [], ["Minh Châu"]),
    ("cyrillic", [], ["Вице-премьер Вьетнама принял министра иностранных дел Чехии в Ханое"], ["Вьетнама"]),
    ("breadcrumb", ["Trang chủ > Thời sự > Đối ngoại"], [], ["Trang chủ", "Đối ngoại"]),
    ("breadcrumb-pipe", ["Công an nhân dân | Lãnh đạo Bộ"], [], ["Lãnh đạo Bộ"]),
    ("footer", [], ["Tổng biên tập: Nguyễn Văn Ân", "Bản quyền thuộc về Báo Thời Đại. Ghi rõ nguồn khi phát hành lại."],
     ["Tổng biên tập", "Bản quyền"]),
    ("gt-gt-teasers", [], [">> Chủ tịch nước tiếp Bộ trưởng Quốc phòng Lào tại Phủ Chủ tịch",
                           ">>Thủ tướng điện đàm với Thủ tướng Hàn Quốc về hợp tác bán dẫn"],
     ["Bộ trưởng Quốc phòng Lào", "bán dẫn"]),
]


@pytest.mark.parametrize("before, after, gone", [c[1:] for c in CHROME], ids=[c[0] for c in CHROME])
def test_chrome_is_stripped(before, after, gone):
    art = parse(HEADLINE, *before, LEAD, MEETING, MORE, *after)
    assert MEETING in art.paragraphs
    assert MORE in art.paragraphs
    for text in gone:
        assert not mentions(art.paragraphs, text), text


def test_sentence_starting_like_a_widget_is_kept():
    sentence = ("Chia sẻ tại buổi tiếp, Phó Thủ tướng Trần Quang Bình cho biết Việt Nam đánh giá cao sự hỗ trợ "
                "của Cộng hòa Séc trong đào tạo nguồn nhân lực chất lượng cao cho các ngành công nghiệp mới.")
    art = parse(HEADLINE, LEAD, MEETING, sentence)
    assert sentence in art.paragraphs


@pytest.mark.parametrize(
    "caption",
    [
        "Phó Thủ tướng Trần Quang Bình tiếp Bộ trưởng Jan Dvořák. Ảnh: Ngọc Lan",
        "Phó Thủ tướng Trần Quang Bình tiếp Bộ trưởng Ngoại giao Cộng hòa Séc Jan Dvořák. (Ảnh: TTXVN)",
        "Quang cảnh buổi tiếp - Ảnh: Hoàng Nam",
        "Toàn cảnh buổi tiếp",
    ],
    ids=["anh-colon", "paren-anh", "dash-anh", "scene-caption"],
)
def test_caption_goes_to_captions(caption):
    art = parse(HEADLINE, LEAD, caption, MEETING, MORE)
    assert caption in art.captions
    assert caption not in art.paragraphs
    assert MEETING in art.paragraphs
    assert MEETING not in art.captions


def test_outlet_prefix_is_removed_from_the_body():
    art = parse(HEADLINE, "Hà Nội (TTXVN) - " + MEETING, MORE)
    assert MEETING in art.paragraphs


# --- related-article teasers at the end ---------------------------------------------------
@pytest.mark.parametrize(
    "header",
    ["Tin liên quan", "TIN LIÊN QUAN", "Tin cùng chuyên mục", "Xem thêm:", "Đọc tiếp", "Có thể bạn quan tâm",
     "Bài viết liên quan"],
    ids=["tin-lien-quan", "TIN-LIEN-QUAN", "tin-cung-chuyen-muc", "xem-them", "doc-tiep", "co-the-ban-quan-tam",
         "bai-viet-lien-quan"],
)
def test_teasers_after_header_are_dropped(header):
    art = parse(HEADLINE, LEAD, MEETING, MORE, header, TEASER_TITLE, TEASER_LEAD)
    assert MEETING in art.paragraphs
    assert MORE in art.paragraphs
    assert not mentions(art.paragraphs, "Lào")
    assert not mentions(art.paragraphs, header.rstrip(":"))


def test_teasers_control_without_header_are_kept():
    # the teaser lines pass as report text on their own: the header is what removes them
    art = parse(HEADLINE, LEAD, MEETING, MORE, TEASER_TITLE, TEASER_LEAD)
    assert TEASER_TITLE in art.paragraphs
    assert TEASER_LEAD in art.paragraphs


def test_teaser_box_inside_the_article_ends_at_report_text():
    art = parse(HEADLINE, LEAD, MEETING, "Tin liên quan", TEASER_TITLE, TEASER_LEAD, LONG)
    assert MEETING in art.paragraphs
    assert LONG in art.paragraphs
    assert TEASER_LEAD not in art.paragraphs
    assert TEASER_TITLE not in art.paragraphs


def test_tgvn_headline_printed_twice_and_lead_are_dropped():
    lead = "Ngày 5/3, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Bộ trưởng Quốc phòng Lào Khamphet Vongsay..."
    art = parse(HEADLINE, LEAD, MEETING, MORE, TEASER_TITLE, TEASER_TITLE, lead)
    assert MEETING in art.paragraphs
    assert MORE in art.paragraphs
    assert not mentions(art.paragraphs, "Lào")


def test_tgvn_control_headline_once_is_kept():
    lead = "Ngày 5/3, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Bộ trưởng Quốc phòng Lào Khamphet Vongsay..."
    art = parse(HEADLINE, LEAD, MEETING, MORE, TEASER_TITLE, lead)
    assert TEASER_TITLE in art.paragraphs
    assert lead in art.paragraphs


SPUTNIK_TOP = "Phó Thủ tướng Trần Quang Bình - Sputnik Việt Nam, 1920, 15.07.2021"
SPUTNIK_TEASER_PICTURE = "Chủ tịch nước và Tổng thống Nga - Sputnik Việt Nam, 1920, 10.07.2021"
SPUTNIK_TEASER_TITLE = "Chủ tịch nước điện đàm với Tổng thống Liên bang Nga về hợp tác năng lượng"


def test_sputnik_inline_teaser_is_dropped():
    art = parse(HEADLINE, SPUTNIK_TOP, LEAD, MEETING, SPUTNIK_TEASER_PICTURE, SPUTNIK_TEASER_TITLE, MORE)
    assert art.published == PartialDate(2021, 7, 15)
    assert MEETING in art.paragraphs
    assert MORE in art.paragraphs
    assert SPUTNIK_TEASER_TITLE not in art.paragraphs
    assert not mentions(art.paragraphs, "Sputnik")


def test_sputnik_control_without_teaser_picture():
    art = parse(HEADLINE, SPUTNIK_TOP, LEAD, MEETING, SPUTNIK_TEASER_TITLE, MORE)
    assert SPUTNIK_TEASER_TITLE in art.paragraphs


# --- Unicode and files --------------------------------------------------------------------
def test_nfd_input_comes_out_nfc():
    nfd = unicodedata.normalize("NFD", article(HEADLINE, LEAD, MEETING))
    assert nfd != unicodedata.normalize("NFC", nfd)
    art = parse_article("news/test.txt", nfd)
    assert MEETING in art.paragraphs
    assert art.headline == HEADLINE
    assert unicodedata.is_normalized("NFC", art.raw)
    assert all(unicodedata.is_normalized("NFC", p) for p in art.paragraphs)


def test_decode_nfd_bytes_to_nfc():
    data = unicodedata.normalize("NFD", MEETING).encode("utf-8")
    assert decode(data, "a.txt") == MEETING


def test_decode_accepts_bom_and_crlf():
    data = b"\xef\xbb\xbf" + article(" date 2021-06-22 " + HEADLINE, MEETING).replace("\n", "\r\n").encode("utf-8")
    text = decode(data, "a.txt")
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    assert text.startswith(" date 2021-06-22")


def test_read_article_with_bom_finds_header_date(tmp_path):
    file = tmp_path / "news" / "bom.txt"
    file.parent.mkdir()
    file.write_bytes(b"\xef\xbb\xbf" + article(" date 2021-06-22 " + HEADLINE, LEAD, MEETING).encode("utf-8"))
    art = read_article(file, tmp_path)
    assert art.path == "news/bom.txt"
    assert art.published == PartialDate(2021, 6, 22)
    assert MEETING in art.paragraphs


@pytest.mark.parametrize(
    "data",
    [MEETING.encode("cp1258", errors="replace"), b"Ph\xf3 Th\xfa t\xfd\xf4ng", b"\xff\xfe\x00"[:2] + b"abc"],
    ids=["cp1258", "latin1", "utf16-bom"],
)
def test_decode_rejects_non_utf8(data):
    with pytest.raises(ArticleError, match="not UTF-8"):
        decode(data, "a.txt")


def test_article_error_is_a_value_error():
    assert issubclass(ArticleError, ValueError)


def test_decode_rejects_binary():
    with pytest.raises(ArticleError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt")


def test_read_article_invalid_utf8(tmp_path):
    file = tmp_path / "old.txt"
    file.write_bytes("Phó Thủ tướng tiếp Đại sứ".encode("cp1258", errors="replace") + b"\xff")
    with pytest.raises(ArticleError, match="not UTF-8"):
        read_article(file, tmp_path)


@pytest.mark.parametrize("data", [b"", b"\n\n  \t\n", b"\xef\xbb\xbf\n"], ids=["empty", "blank", "bom-only"])
def test_read_article_empty_file(tmp_path, data):
    file = tmp_path / "empty.txt"
    file.write_bytes(data)
    with pytest.raises(ArticleError, match="empty"):
        read_article(file, tmp_path)


def test_parse_empty_text():
    art = parse_article("empty.txt", "")
    assert art.paragraphs == []
    assert art.published is None
    assert art.headline is None


def test_sha256_is_of_the_text():
    import hashlib
    text = article(HEADLINE, MEETING)
    assert parse_article("a.txt", text).sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_find_articles_skips_hidden_backup_and_other_files(tmp_path):
    root = tmp_path / "content"
    wanted = ["a.txt", "b.md", "2021/c.txt", "2021/deep/d.txt", "UPPER.TXT"]
    skipped = [".hidden.txt", ".git/x.txt", ".drafts/y.txt", "_private/z.txt", "a.txt~", "2021/c.txt~",
               ".#a.txt", "2021/.#lock.md", "#a.txt#", "photo.jpg", "data.json", "page.html", "notes"]
    for name in wanted + skipped:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MEETING, encoding="utf-8")
    (root / "folder.txt").mkdir()      # a directory with an article-like name
    found, skipped_with_reason = find_articles(root)
    assert skipped_with_reason == []           # nothing there is worth a warning
    assert sorted(p.relative_to(root).as_posix() for p in found) == sorted(wanted)
    assert all(isinstance(p, Path) and p.is_file() for p in found)
    assert found == sorted(found)


@pytest.mark.parametrize("dateline", ["Thứ tư, ngày 5 tháng 3 năm 2024", "2024-03-05 10:30",
                                      "Cập nhật lúc 10:30, ngày 05/03/2024", "Hà Nội, ngày 5/3/2024"],
                         ids=["text", "iso", "updated-at", "place-date"])
def test_more_dateline_forms(dateline):
    art = parse_article("x.txt", "Tiêu đề bài báo về cuộc gặp cấp cao hai nước\n" + dateline + "\n\n"
                        "Chiều 4/3, tại Hà Nội, Bộ trưởng Lê Văn Tâm đã tiếp Đại sứ Chile Pedro Soto. "
                        "Hai bên trao đổi nhiều vấn đề cùng quan tâm trong quan hệ song phương hai nước.\n")
    assert art.published == PartialDate(2024, 3, 5)
    assert all(dateline not in p for p in art.paragraphs)


def test_markdown_article_with_front_matter():
    text = ("---\ntitle: \"Bộ trưởng tiếp Đại sứ\"\ndate: 2024-03-05\n---\n\n# Bộ trưởng tiếp Đại sứ Chile\n\n"
            "![ảnh](a.jpg)\n\n**Chiều 4/3**, tại [Hà Nội](https://example.org), Bộ trưởng Lê Văn Tâm đã tiếp "
            "Đại sứ Chile Pedro Soto. Hai bên trao đổi nhiều vấn đề cùng quan tâm trong quan hệ song phương.\n")
    art = parse_article("a.md", text)
    assert art.published == PartialDate(2024, 3, 5)
    assert art.headline == "Bộ trưởng tiếp Đại sứ"
    assert any(p.startswith("Chiều 4/3, tại Hà Nội, Bộ trưởng Lê Văn Tâm") for p in art.paragraphs)
    assert not any("a.jpg" in p or "example.org" in p or "**" in p for p in art.paragraphs)


def test_related_headlines_with_dates_after_the_report_are_dropped_without_a_header():
    body = ("Chiều 4/3, tại Hà Nội, Bộ trưởng Lê Văn Tâm đã tiếp Đại sứ Chile Pedro Soto. "
            "Hai bên trao đổi nhiều vấn đề cùng quan tâm trong quan hệ song phương hai nước.")
    art = parse_article("x.txt", "Tiêu đề của bài báo về cuộc tiếp Đại sứ\n\n" + body + "\n\n"
                        "Thủ tướng tiếp Đại sứ Hàn Quốc Kim Min Su (05/03/2023)\n"
                        "Bộ trưởng hội đàm với Bộ trưởng Nội vụ Lào - 16:05 10/09/2022\n")
    assert art.paragraphs[-1] == body


def test_hard_wrapped_lines_are_joined():
    text = ("Tiêu đề của bài báo về cuộc tiếp Đại sứ Chile\n\n"
            "Chiều 4/3, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Lê Văn Tâm đã tiếp Đại sứ\n"
            "Chile Pedro Soto nhân dịp ông đến chào từ biệt. Hai bên trao đổi nhiều vấn\n"
            "đề cùng quan tâm trong quan hệ song phương giữa hai nước, nhất là hợp tác\n"
            "kinh tế, thương mại và đầu tư, giáo dục, đào tạo và giao lưu nhân dân giữa\n"
            "hai nước. Bộ trưởng Lê Văn Tâm đánh giá cao những đóng góp của Đại sứ Pedro\n"
            "Soto trong nhiệm kỳ công tác tại Việt Nam.\n")
    art = parse_article("x.txt", text)
    assert art.paragraphs[1].startswith("Chiều 4/3, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Lê Văn Tâm đã tiếp "
                                        "Đại sứ Chile Pedro Soto nhân dịp")
    assert art.paragraphs[1].endswith("của Đại sứ Pedro Soto trong nhiệm kỳ công tác tại Việt Nam.")


def test_a_headline_without_full_stop_is_not_joined_to_the_lead():
    art = parse_article("x.txt", "Bộ trưởng tiếp Đại sứ Chile tại trụ sở Bộ Ngoại giao\n"
                        "Chiều 4/3, tại Hà Nội, Bộ trưởng Lê Văn Tâm đã tiếp Đại sứ Chile Pedro Soto. "
                        "Hai bên trao đổi nhiều vấn đề cùng quan tâm trong quan hệ song phương hai nước.\n")
    assert art.paragraphs[0] == "Bộ trưởng tiếp Đại sứ Chile tại trụ sở Bộ Ngoại giao"


# --- page chrome: every row of data/page_chrome.tsv is read in its own example -------------------
from generator.extract.reader import CHROME_PATTERNS, CHROME_ROWS  # noqa: E402


@pytest.mark.parametrize("kind, pattern, example", CHROME_ROWS, ids=[f"{r[0]}:{r[2][:30]}" for r in CHROME_ROWS])
def test_every_chrome_row_reads_its_example(kind, pattern, example):
    found = CHROME_PATTERNS[kind].search(example) if kind in ("credit", "teaser_tail") else CHROME_PATTERNS[kind].match(example)
    assert found, f"{kind} row '{pattern}' does not read its example"


def test_a_lead_keeps_its_words_when_the_outlet_mark_is_cut():
    for kind, _, example in CHROME_ROWS:
        if kind == "outlet":
            assert CHROME_PATTERNS["outlet"].sub("", example, count=1) == "Chiều 5/3, Bộ trưởng tiếp Đại sứ."
