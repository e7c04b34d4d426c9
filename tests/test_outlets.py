"""Who published an article and where it is online (extract/outlets), read through the reader."""
from __future__ import annotations

import pytest

from generator.extract.outlets import RULES, find_link, gazetteer, safe_url
from generator.extract.reader import parse_article

EXAMPLES = [(rule.name, *example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize("rule, path, text, outlet", EXAMPLES)
def test_every_rule_finds_the_outlet_of_its_example(rule, path, text, outlet):
    article = parse_article(path, text)
    assert article.outlet is not None, f"{rule}: nothing found"
    assert (article.outlet.name, article.outlet.rule) == (outlet, rule)
    assert article.outlet.read            # what was read is kept, for the article's page


def test_the_more_trusted_rule_wins():
    text = "---\noutlet: Tuổi Trẻ\n---\n(PLO)- Chiều 5/3, Bộ trưởng tiếp Đại sứ."
    assert parse_article("14_thanhnien-a.md", text).outlet.name == "Tuổi Trẻ"
    text = "Bộ trưởng tiếp Đại sứ\n(PLO)- Chiều 5/3, Bộ trưởng tiếp Đại sứ."
    assert parse_article("14_thanhnien-a.txt", text).outlet.name == "Pháp Luật TP.HCM"


def test_an_outlet_unknown_to_the_gazetteer_is_kept_as_the_front_matter_writes_it():
    article = parse_article("a.md", "---\noutlet: Báo Điện Biên Phủ\n---\nChiều 5/3, Bộ trưởng tiếp Đại sứ.")
    assert article.outlet.name == "Báo Điện Biên Phủ"


@pytest.mark.parametrize("text", [
    "Bộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.\nẢnh: Báo Công an nhân dân",   # a picture's credit
    "Thời sự | Chính trị\nBộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",        # sections, no outlet
    "Bắc Kinh (Tân Hoa xã) - Chiều 5/3, Bộ trưởng tiếp Đại sứ.",        # a foreign agency the report quotes
    "Thứ Ba, 22/6/2021 | 10:00\nBộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",
])
def test_what_is_not_an_outlet_gives_none(text):
    assert parse_article("a.txt", text).outlet is None


def test_a_masthead_line_is_chrome_not_the_headline():
    article = parse_article("a.txt", "Báo Bình Dương điện tử - Chính trị\nViệt Nam - Singapore tăng cường hợp tác\n"
                                     "Ngày 30/11, Bộ trưởng điện đàm với Bộ trưởng Singapore.")
    assert article.outlet.name == "Báo Bình Dương" and article.outlet.rule == "masthead"
    assert article.headline == "Việt Nam - Singapore tăng cường hợp tác"
    assert "Báo Bình Dương điện tử - Chính trị" not in article.paragraphs


def test_the_link_comes_from_the_front_matter_or_a_source_line_which_is_not_report():
    assert parse_article("a.md", "---\nurl: https://plo.vn/a-1.html\n---\nChiều 5/3, Bộ trưởng tiếp Đại sứ.").link \
        == "https://plo.vn/a-1.html"
    article = parse_article("a.txt", "Nguồn: https://vov.vn/chinh-tri/a-123.vov\n"
                                     "Bộ trưởng Bộ Công an tiếp Đại sứ Nhật Bản tại Việt Nam\n"
                                     "Chiều 5/3, Bộ trưởng tiếp Đại sứ.")
    assert article.link == "https://vov.vn/chinh-tri/a-123.vov"
    assert article.headline == "Bộ trưởng Bộ Công an tiếp Đại sứ Nhật Bản tại Việt Nam"
    assert not any("http" in p for p in article.paragraphs)
    assert (article.outlet.name, article.outlet.rule) == ("VOV", "link")


def test_a_bare_address_counts_only_at_the_top_or_the_bottom_of_the_page():
    lines = ["Tiêu đề", "Đoạn một.", "Đoạn hai.", "https://dantri.com.vn/the-gioi/khac.htm", "Đoạn ba.", "Đoạn bốn.",
             "Đoạn năm.", "Đoạn sáu."]
    assert find_link({}, lines) is None                       # a link to another story, mid-page
    assert find_link({}, lines[:-1] + ["https://nld.com.vn/a.htm"]) == "https://nld.com.vn/a.htm"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "https://a.vn/x\"onmouseover=1",
                                 "https://a.vn/<script>", "ftp://a.vn/x", "https:///nohost", "https://a.vn/a b",
                                 "//a.vn/x", ""])
def test_only_plain_http_addresses_are_links(url):
    assert safe_url(url) is None
    assert parse_article("a.md", f"---\nurl: {url}\n---\nChiều 5/3, Bộ trưởng tiếp Đại sứ.").link is None


def test_a_host_is_known_by_its_domain_and_subdomains():
    g = gazetteer()
    assert g.of_host("www.vietnamplus.vn") == g.of_host("en.vietnamplus.vn") == "VietnamPlus"
    assert g.of_host("notvietnamplus.vn") is None


def test_the_gazetteer_gives_each_domain_and_mark_one_outlet():
    rows = [line.split("\t") for line in
            __import__("importlib.resources").resources.files("generator.extract").joinpath("data", "outlets.tsv")
            .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert all(len(row) == 4 and row[0].strip() for row in rows), "name, marks, domains, other names"
    domains = [d for row in rows for d in row[2].split(",") if d]
    assert len(domains) == len(set(domains))
    assert all(not d.startswith("www.") and d == d.lower() for d in domains)


def test_a_line_that_is_only_a_host_is_chrome_and_names_the_outlet():
    article = parse_article("a.txt", "Bộ trưởng Bộ Công an sang thăm Trung Quốc dự hội nghị\nbaodientu.chinhphu.vn\n"
                                     "12:00, 26/10/2014\nNgày 26/10, Bộ trưởng lên đường sang thăm Trung Quốc.")
    assert article.headline == "Bộ trưởng Bộ Công an sang thăm Trung Quốc dự hội nghị"   # not joined to the host
    assert all("chinhphu" not in p for p in article.paragraphs)
    assert (article.outlet.name, article.outlet.rule) == ("Báo Chính phủ", "masthead")


def test_a_lead_that_opens_with_an_outlet_and_a_dash_is_the_lead_not_a_masthead():
    article = parse_article("a.txt", "Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n"
                                     "VietNamNet - Chiều 5/3, Bộ trưởng tiếp Đại sứ Nhật Bản.")
    assert (article.outlet.name, article.outlet.rule) == ("VietNamNet", "lead")
