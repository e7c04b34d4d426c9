"""Page plans and their Markdown: escaping, summaries, official pages, the home page, languages."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import markdown
import pytest

from generator.build import build
from generator.config import SiteConfig
from generator.i18n import Interface
from generator.site.mdtext import escape, front_matter
from generator.model import (NO_DATE_GIVEN, ArticleSource, DateBasis, Evidence, Event, Official, Outlet, Participant,
                             PartialDate, Position, Published, Timeline, YearClue)
from generator.site.pages import SitePlan
from generator.site.render import markdown_to_html
from generator.urls import BaseURL

HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "*bold* _em_ `code` <b>b</b>",
    "&lt;script&gt; &#60;script&#62;",
    "- looks like a list",
    "1. looks like a list",
    "# looks like a heading",
    "a | b | c",
    "<https://evil.example>",
    "\\*escaped\\*",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text):
    html = markdown_to_html(escape(text))
    assert "<script" not in html and "<a " not in html and "<img" not in html and "<b>" not in html
    assert "<em>" not in html and "<strong>" not in html and "<code>" not in html and "<h1" not in html
    assert "<li>" not in html and "<table" not in html
    # what the reader sees is the text as written
    assert markdown_to_html(escape(text)).striptags() == " ".join(text.split())


def test_markdown_never_passes_raw_html_through():
    html = markdown_to_html("<div onclick=x>hi</div>\n\ntext <span>inline</span>")
    assert "<div" not in html and "<span" not in html


def test_front_matter_is_yaml_made_of_json_scalars():
    text = front_matter({"id": "x", "title": 'Say "hi": ok', "online": False, "location": None,
                         "participants": [{"name": "A", "role": "host"}], "aliases": []})
    assert text.splitlines() == ["---", 'id: "x"', 'title: "Say \\"hi\\": ok"', "online: false", "location: null",
                                 "participants:", '  - name: "A"', '    role: "host"', "aliases: []", "---"]
    assert front_matter({"t": "<b>&"}) == '---\nt: "\\u003cb\\u003e\\u0026"\n---\n'
    assert json.loads(front_matter({"t": "<b>&"}).split("t: ")[1].split("\n")[0]) == "<b>&"


def _timeline() -> Timeline:
    host = Participant("Nguyễn Văn Bình", "Bộ trưởng Bộ Công an", "VN", "host", "nguyen-van-binh")
    guests = [Participant("Hans Müller", "Đại sứ Đức", "DE", "guest", "hans-muller"),
              Participant("Kim Dong Soo", "Đại sứ Hàn Quốc", "KR", "guest", "kim-dong-soo")]
    events = [
        Event("2024-05-09-a", PartialDate(2024, 5, 9), DateBasis("publication", "Chiều 9/5", 2024, PartialDate(2024, 5), Published("header", "2024-05")),
              "reception", False,
              "Hà Nội", "Bộ trưởng Nguyễn Văn Bình tiếp Đại sứ Hans Müller", [host, guests[0]], [],
              [Evidence("a.txt", "Chiều 9/5, tại Hà Nội, ... <script>x</script>"), Evidence("b.txt", "Ngày 9/5 ...")]),
        Event("2025-03-02-b", PartialDate(2025, 3), DateBasis("written", "tháng 3/2025", 2025), "call", True, None,
              "Bộ trưởng Nguyễn Văn Bình điện đàm với Đại sứ Kim Dong Soo", [host, guests[1]], [],
              [Evidence("c.txt", "Tháng 3/2025 ...")]),
    ]
    officials = [
        Official("hans-muller", "Hans Müller", [], "DE", [Position("Đại sứ Đức", "2024-05-09", "2024-05-09")],
                 ["2024-05-09-a"]),
        Official("kim-dong-soo", "Kim Dong Soo", [], "KR", [], ["2025-03-02-b"]),
        Official("nguyen-van-binh", "Nguyễn Văn Bình", ["Nguyễn Bình"], "VN",
                 [Position("Bộ trưởng Bộ Công an", "2024-05-09", "2025-03")], ["2024-05-09-a", "2025-03-02-b"]),
    ]
    return Timeline(dt.date(2020, 1, 1), dt.date(2026, 12, 31), events, officials, [], [], [], 3)


def _plan(language="vi", newest_first=True, base="/") -> SitePlan:
    return SitePlan(_timeline(), Interface(language), BaseURL.parse(base), "Site", newest_first)


def test_event_page_markdown_has_front_matter_summary_people_evidence_and_date_basis():
    plan = _plan()
    page = plan.event(plan.timeline.events[0])
    assert page.url == "events/2024-05-09-a/" and page.markdown_path == "events/2024-05-09-a/index.md"
    fm = page.front_matter
    assert fm["date"] == "2024-05-09" and fm["precision"] == "day" and fm["kind"] == "reception"
    assert [p["official"] for p in fm["participants"]] == ["nguyen-van-binh", "hans-muller"]
    assert [s["file"] for s in fm["sources"]] == ["a.txt", "b.txt"]
    md = page.markdown
    assert "Ngày 9 tháng 5 năm 2024, Bộ trưởng Nguyễn Văn Bình tiếp Đại sứ Hans Müller tại Hà Nội." in md
    assert "[Hans Müller](../../officials/hans-muller/) — Đại sứ Đức, [Đức](../../countries/de/) (khách)" in md
    assert "&lt;script&gt;x&lt;/script&gt;" in md and "<script>" not in md
    assert "— Bài a.txt" in md and "— Bài b.txt" in md
    assert "'Chiều 9/5' + năm của ngày ghi ở đầu bài (2024-05)" in md
    assert fm["date_basis"] == "'Chiều 9/5' + year of the header date 2024-05"


def test_event_json_ld_is_a_schema_org_event_safe_inside_script():
    timeline = _timeline()
    e = replace(timeline.events[0], location="</script><script>alert(1)</script>")
    plan = SitePlan(replace(timeline, events=[e, *timeline.events[1:]]), Interface("vi"),
                    BaseURL.parse("https://example.org/repo/"), "Site", True)
    text = plan.event(e).data["jsonld"]
    assert "</script" not in text and "<" not in text
    data = json.loads(text)
    assert data["@type"] == "Event" and data["startDate"] == "2024-05-09"
    assert data["url"] == "https://example.org/repo/events/2024-05-09-a/"
    assert data["location"]["name"] == "</script><script>alert(1)</script>"
    assert data["attendee"][1]["url"] == "https://example.org/repo/officials/hans-muller/"
    online = plan.event(plan.timeline.events[1]).data["jsonld"]
    assert "OnlineEventAttendanceMode" in online and "VirtualLocation" in online


def test_official_page_lists_positions_and_meetings_in_date_order_with_counterparts():
    plan = _plan()
    page = plan.official(plan.timeline.officials[2])
    md = page.markdown
    assert "- **Tên khác:** Nguyễn Bình" in md
    assert "| Bộ trưởng Bộ Công an | 09/05/2024 | 03/2025 |" in md
    first, second = md.index("09/05/2024 · "), md.index("03/2025 · ")
    assert second < first                                   # the site's order: newest first
    oldest = _plan(newest_first=False).official(plan.timeline.officials[2]).markdown
    assert oldest.index("09/05/2024 · ") < oldest.index("03/2025 · ")
    assert "với [Hans Müller](../hans-muller/) ([Đức](../../countries/de/))" in md
    assert "với [Kim Dong Soo](../kim-dong-soo/) ([Hàn Quốc](../../countries/kr/))" in md
    assert page.front_matter["events"] == ["2024-05-09-a", "2025-03-02-b"]
    # at a glance, before the list: meetings a year, counterparts by country
    assert md.index("## Tóm tắt") < md.index("## Các cuộc gặp")
    assert "- **Số cuộc gặp mỗi năm:** 2025: 1, 2024: 1" in md
    assert "- **[Đức](../../countries/de/):** [Hans Müller](../hans-muller/)" in md


def test_home_groups_by_year_with_counts_in_the_configured_order():
    newest = _plan().home()
    assert newest.data["counts"] == {2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 1, 2025: 1, 2026: 0}
    assert newest.markdown.index("## [2025]") < newest.markdown.index("## [2024]")
    assert "## [2024](years/2024/) · 1 cuộc gặp" in newest.markdown
    # the years without a meeting: one line, not a heading each
    assert "## [2026]" not in newest.markdown
    assert ("Các năm chưa có cuộc gặp nào: [2026](years/2026/), [2023](years/2023/), [2022](years/2022/), "
            "[2021](years/2021/), [2020](years/2020/).") in newest.markdown
    oldest = _plan(newest_first=False).home()
    assert oldest.markdown.index("## [2024]") < oldest.markdown.index("## [2025]")


@pytest.mark.parametrize("language, more", [("vi", "Xem tất cả 45 cuộc gặp năm 2024 →"), ("en", "All 45 meetings of 2024 →")])
def test_home_lists_a_few_meetings_a_year_and_links_to_the_rest(language, more):

    from generator.site.pages import HOME_PER_YEAR

    timeline = _timeline()
    first = timeline.events[0]
    many = [replace(first, id=f"2024-05-09-m{i:02d}", title=f"Cuộc gặp {i:02d}") for i in range(45)]
    timeline = replace(timeline, events=many + timeline.events[1:])
    home = SitePlan(timeline, Interface(language), BaseURL.parse("/"), "Site").home().markdown
    listed = [line for line in home.splitlines() if "events/2024-05-09-m" in line]
    assert len(listed) == HOME_PER_YEAR < 45
    assert f"- [{more}](years/2024/)" in home
    assert "events/2025-03-02-b/" in home          # a year with fewer meetings lists them all, with no link


def test_english_interface():
    plan = _plan(language="en")
    md = plan.event(plan.timeline.events[0]).markdown
    assert "On 9 May 2024, Minister of Public Security Nguyễn Văn Bình received Ambassador of Germany Hans Müller in Hà Nội." in md
    assert "[Hans Müller](../../officials/hans-muller/) — Ambassador of Germany, [Germany](../../countries/de/)" in md
    assert "[Germany](../../countries/de/) (guest)" in md
    assert "## [2024](years/2024/) · 1 meeting" in plan.home().markdown
    call = plan.event(plan.timeline.events[1]).markdown
    assert "In March 2025, " in call and "held a phone call with" in call and "(online)" in call


def test_the_404_page_links_with_the_base_path():
    page = _plan(base="https://example.org/repo/").not_found()
    assert "](/repo/)" in page.markdown and page.data["absolute"]


def test_feed_entries_are_newest_first_and_dated_by_the_meeting():
    entries = _plan(base="https://example.org/").feed_entries()
    assert [e["url"] for e in entries] == ["https://example.org/events/2025-03-02-b/",
                                           "https://example.org/events/2024-05-09-a/"]
    assert entries[0]["updated"] == "2025-03-31T00:00:00Z"
    assert entries[1]["id"] == "https://example.org/events/2024-05-09-a/"
    assert _plan().feed_entries()[0]["id"] == "urn:timeline:event:2025-03-02-b"


def test_hostile_article_text_is_escaped_in_every_output(make_content, tmp_path):
    content = make_content({"a.txt": (
        " date 2024-05-10 <script>alert('h')</script>\n\n"
        "Chiều 9/5, tại Hà Nội <img src=x onerror=alert(1)>, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an "
        "đã tiếp ngài Hans Müller, Đại sứ Đức tại Việt Nam. <script>alert(2)</script>\n")})
    out = tmp_path / "site"
    assert build(SiteConfig(content_dir=content, output_dir=out)).ok
    for f in out.rglob("*"):
        if f.suffix in (".html", ".xml", ".md"):
            text = f.read_text(encoding="utf-8")
            assert "<script>alert" not in text and "<img src=x" not in text, f
    page = next((out / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_markdown_bodies_render_with_the_markdown_package():
    plan = _plan()
    page = plan.event(plan.timeline.events[0])
    ours = markdown_to_html(page.markdown)
    plain = markdown.markdown(page.markdown, extensions=["tables"])
    assert ours == plain


_CONGRESS = YearClue(2021, "congress", "XIII", party="VN", base=2021)
_ANNIVERSARY = YearClue(2023, "anniversary", "50 năm thiết lập quan hệ", party="GB", base=1973, count=50)
_HEADER = Published("header", "2024-05")


# one row per rule that the pages word: (record, English, Vietnamese)
@pytest.mark.parametrize("basis,en,vi", [
    (DateBasis("publication", "Chiều 9/5", 2024, PartialDate(2024, 5), _HEADER),
     "'Chiều 9/5' + year of the header date 2024-05", "'Chiều 9/5' + năm của ngày ghi ở đầu bài (2024-05)"),
    (DateBasis("context", before=DateBasis("publication", "Ngày 22/9", 2022, PartialDate(2022, 9, 23),
                                          Published("dateline", "23/9/2022"))),
     "'Ngày 22/9' + year of the publication date 2022-09-23, the date of the meeting or sentence just before",
     "'Ngày 22/9' + năm của ngày đăng bài (2022-09-23), ngày của cuộc gặp hoặc câu ngay trước"),
    (DateBasis("clue", "Sáng 19-2", 2021, clue=_CONGRESS),
     "'Sáng 19-2' + year 2021 inferred from the XIII party congress (VN, 2021)",
     "'Sáng 19-2' + năm 2021, suy ra từ Đại hội XIII (VN, 2021)"),
    (DateBasis("clue", "Ngày 5/9", 2023, clue=_ANNIVERSARY),
     "'Ngày 5/9' + year 2023 inferred from '50 năm thiết lập quan hệ' with GB (1973 + 50)",
     "'Ngày 5/9' + năm 2023, suy ra từ '50 năm thiết lập quan hệ' với GB (1973 + 50)"),
    (DateBasis("written", "tháng 9/2021", 2021), "'tháng 9/2021' (year written)", "'tháng 9/2021' (năm được ghi rõ)"),
    (DateBasis("other_article", "Ngày 5/3", 2024, article="b.txt"),
     "'Ngày 5/3' + year 2024 from b.txt, which reports the same meeting",
     "'Ngày 5/3' + năm 2024 theo bài b.txt, bài cũng đưa tin cuộc gặp này"),
    (NO_DATE_GIVEN, "the article gives no date for this meeting", "bài không nêu ngày của cuộc gặp này"),
])
def test_date_basis_is_worded_from_its_record(basis, en, vi):
    assert Interface("en").date_basis(basis) == en
    assert Interface("vi").date_basis(basis) == vi


def test_every_rule_has_words_in_every_language():
    from generator.i18n import _BASIS, _CLUES
    assert set(_BASIS["en"]) == set(_BASIS["vi"]) and set(_CLUES["en"]) == set(_CLUES["vi"])


def test_quoted_evidence_is_marked_vietnamese_on_english_pages():
    plan = _plan(language="en")
    md = plan.event(plan.timeline.events[0]).markdown
    assert '<blockquote lang="vi">' in markdown_to_html(md, quotes_lang="vi")
    assert "<blockquote>" in markdown_to_html(md)


def test_officials_index_sorts_countries_by_letters_before_tone_marks():
    timeline = _timeline()
    officials = [replace(timeline.officials[0], country="US"),      # Hoa Kỳ
                 replace(timeline.officials[1], country="IN"),      # Ấn Độ
                 *timeline.officials[2:]]
    plan = SitePlan(replace(timeline, officials=officials), Interface("vi"), BaseURL.parse("/"), "Site", True)
    md = plan.officials_index().markdown
    rows = [line for line in md.splitlines() if line.startswith("| [")]
    assert [r.split(" | ")[1] for r in rows] == ["[Việt Nam](../countries/vn/)", "[Ấn Độ](../countries/in/)",
                                                 "[Hoa Kỳ](../countries/us/)"]
    assert rows[0] == ("| [Nguyễn Văn Bình](nguyen-van-binh/) | [Việt Nam](../countries/vn/) | Bộ trưởng Bộ Công an "
                       "| 2 |")                              # with the title last seen and the meetings


def test_a_page_decided_by_its_inputs_is_described_without_planning_it():
    plan, again = _plan(), _plan()
    files, sitemap, inputs = plan.describe(("event", 0))
    page = plan.make(("event", 0))
    assert files == [page.html_path, page.markdown_path] and sitemap == plan.sitemap_entry(page)
    assert again.describe(("event", 0))[2] == inputs            # the same inputs, another build: the same hash
    # the next meeting is shown on the page (its neighbour link), so a change to it is a change to the page
    timeline = _timeline()
    timeline.events[1] = replace(timeline.events[1], title="Một tiêu đề khác")
    changed = SitePlan(timeline, Interface("vi"), BaseURL.parse("/"), "Site", True)
    assert changed.describe(("event", 0))[2] != inputs
    assert changed.describe(("official", 0))[2] == plan.describe(("official", 0))[2]    # Hans Müller: not in it
    assert plan.describe(("home",)) is None                    # listings are planned every time


def test_an_articles_page_is_described_by_its_one_file_and_changes_with_its_meetings():
    plan = _sourced([_source("a.txt", "a"), _source("c.txt", "c")])
    files, sitemap, inputs = plan.describe(("article", 0))
    page = plan.make(("article", 0))
    assert files == [page.html_path] == ["articles/a/index.html"] and sitemap == plan.sitemap_entry(page)
    assert _sourced([_source("a.txt", "a"), _source("c.txt", "c", headline="Khác")]).describe(("article", 0))[2] \
        == inputs                                              # another article's headline: not on this page
    t = _timeline()
    t.events[0] = replace(t.events[0], location="Đà Nẵng")     # a meeting it reports
    moved = SitePlan(replace(t, sources=[_source("a.txt", "a"), _source("c.txt", "c")]), Interface("vi"),
                     BaseURL.parse("/"), "Site", True)
    assert moved.describe(("article", 0))[2] != inputs


# -- articles as sources -------------------------------------------------------------------------

def _sourced(sources, undated=(), out_of_range=()) -> SitePlan:
    t = _timeline()
    return SitePlan(replace(t, sources=list(sources), undated=list(undated), out_of_range=list(out_of_range)),
                    Interface("vi"), BaseURL.parse("/"), "Site", True)


def _source(file, id_, headline="Bộ trưởng tiếp Đại sứ Đức", outlet="Pháp Luật TP.HCM", link=None, notes=()):
    return ArticleSource(file, id_, headline, Outlet(outlet, "lead", "(PLO)-") if outlet else None,
                         PartialDate(2024, 5, 10), Published("dateline", "10/05/2024 08:00"), link, list(notes))


def test_a_source_is_cited_by_outlet_date_headline_and_its_page_here():
    plan = _sourced([_source("a.txt", "a", link="https://plo.vn/bo-truong-tiep-(1).html"),
                     _source("b.txt", "b", headline=None, outlet=None)])
    md = plan.event(plan.timeline.events[0]).markdown
    assert ("> — Pháp Luật TP.HCM · 10/05/2024 · [Bộ trưởng tiếp Đại sứ Đức](https://plo.vn/bo-truong-tiep-%281%29.html)"
            " · [a.txt](../../articles/a/)") in md
    assert "> — 10/05/2024 · [b.txt](../../articles/b/)" in md
    html = markdown_to_html(md)
    assert 'href="https://plo.vn/bo-truong-tiep-%281%29.html"' in html and 'href="../../articles/a/"' in html
    source = plan.event(plan.timeline.events[0]).front_matter["sources"][0]
    assert source["outlet"] == "Pháp Luật TP.HCM" and source["article"] == "articles/a/" and \
        source["published"] == "2024-05-10" and source["link"].startswith("https://plo.vn/")


@pytest.mark.parametrize("text", HOSTILE)
def test_an_articles_headline_and_outlet_are_escaped_and_a_bad_link_is_no_link(text):
    plan = _sourced([_source("a.txt", "a", headline=text, outlet=text, link="javascript:alert(1)")])
    for page in (plan.event(plan.timeline.events[0]), plan.article(plan.timeline.sources[0]), plan.articles_index(),
                 plan.articles_of_year(2024)):
        html = markdown_to_html(page.markdown)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert 'href="javascript' not in html and 'href="https://evil' not in html


def test_an_articles_page_shows_where_it_is_from_what_it_reports_and_what_was_not_used():
    undated = replace(_timeline().events[1], id="undated-x", date=None, date_basis=NO_DATE_GIVEN,
                      sources=[Evidence("a.txt", "Trước đó, Bộ trưởng điện đàm với Đại sứ.")])
    plan = _sourced([_source("a.txt", "a", link="https://plo.vn/x.html", notes=["no meeting found in this article"])],
                    undated=[undated])
    page = plan.article(plan.timeline.sources[0])
    md = page.markdown
    assert page.url == "articles/a/" and page.markdown_path is None      # timeline.json lists the articles
    assert "- **Báo:** Pháp Luật TP.HCM (ký hiệu mở đầu bài: '(PLO)-')" in md
    assert "- **Ngày đăng:** ngày 10 tháng 5 năm 2024 (dòng ngày đăng: '10/05/2024 08:00')" in md
    assert "- **Bài gốc:** [https://plo.vn/x.html](https://plo.vn/x.html)" in md
    assert "## Các cuộc gặp bài đưa tin (2)" in md
    assert "[Bộ trưởng Nguyễn Văn Bình tiếp Đại sứ Hans Müller](../../events/2024-05-09-a/)" in md
    assert "    > Chiều 9/5, tại Hà Nội, ... &lt;script&gt;x&lt;/script&gt;" in md     # its own sentence
    assert "([Không có ngày](../../unplaced/))" in md and "    > Trước đó, Bộ trưởng điện đàm với Đại sứ." in md
    assert "[Hans Müller](../../officials/hans-muller/) — Đại sứ Đức, [Đức](../../countries/de/)" in md
    assert "- no meeting found in this article" in md


def test_the_not_placed_page_gives_each_meeting_its_reason_and_sources():
    undated = replace(_timeline().events[1], id="undated-x", date=None, date_basis=NO_DATE_GIVEN)
    early = replace(_timeline().events[0], id="", date=PartialDate(2017, 1, 9),
                    date_basis=DateBasis("publication", "Chiều 9.1", 2017, PartialDate(2017, 1, 9),
                                         Published("dateline", "09/01/2017")))
    plan = _sourced([_source("a.txt", "a"), _source("c.txt", "c")], undated=[undated], out_of_range=[early])
    md = plan.unplaced().markdown
    assert "1 cuộc gặp không có ngày và 1 cuộc gặp ngoài khoảng 2020–2026." in md
    assert "## Không có ngày (1)" in md and "## Ngoài khoảng 2020–2026 (1)" in md
    assert "    Lý do: bài không nêu ngày của cuộc gặp này" in md
    assert "    Mã để sửa (corrections.toml): undated-x" in md
    assert "- 09/01/2017 · Bộ trưởng Nguyễn Văn Bình tiếp Đại sứ Hans Müller" in md
    assert "[c.txt](../articles/c/)" in md and "[a.txt](../articles/a/)" in md
    home = plan.home().markdown
    assert "[2 cuộc gặp chưa xếp được vào dòng thời gian](unplaced/)" in home and "[2 bài báo](articles/)" in home
    assert "unplaced/" not in _sourced([_source("a.txt", "a")]).home().markdown     # nothing to point to


def test_the_articles_are_listed_a_year_a_page_newest_first_with_a_summary_by_year_and_outlet():
    older = replace(_source("b.txt", "b", headline="Cũ hơn", outlet="TTXVN"), published=PartialDate(2021, 3))
    later = replace(_source("d.txt", "d", headline="Muộn hơn"), published=PartialDate(2024, 11, 2))
    undated = replace(_source("c.txt", "c", headline="Không ngày", outlet=None), published=None)
    plan = _sourced([_source("a.txt", "a"), older, undated, later])
    assert plan.article_years == [2024, 2021, "undated"]
    assert ("articles_year", 2021) in plan.jobs({})
    index = plan.articles_index().markdown
    assert "| [2024](year/2024/) | 2 |" in index and "| [Không rõ ngày đăng](year/undated/) | 1 |" in index
    assert index.index("| Pháp Luật TP.HCM | 2 |") < index.index("| TTXVN | 1 |") < index.index("| *chưa rõ* | 1 |")
    page = plan.articles_of_year(2024)
    assert page.url == "articles/year/2024/"
    rows = [line for line in page.markdown.splitlines() if line.startswith("| ") and "](" in line]
    assert rows == ["| 02/11/2024 | Pháp Luật TP.HCM | [Muộn hơn](../../d/) | 0 |",
                    "| 10/05/2024 | Pháp Luật TP.HCM | [Bộ trưởng tiếp Đại sứ Đức](../../a/) | 1 |"]
    assert "[Không ngày](../../c/)" in plan.articles_of_year("undated").markdown
    assert plan.article(undated).data["listed"] == "articles/year/undated/"


def test_a_build_publishes_each_articles_page_and_lists_the_articles_in_timeline_json(make_content, tmp_path):
    content = make_content({
        "2024/plo-tiep.md": "---\ntitle: Bộ trưởng tiếp Đại sứ Đức\ndate: 2024-05-10\nurl: https://plo.vn/tiep-1.html\n"
                            "---\nChiều 9/5, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp "
                            "ngài Hans Müller, Đại sứ Đức tại Việt Nam.\n",
        "ghi-chu.txt": "Một ghi chú không có cuộc gặp nào, viết cho đủ dài để được đọc như một bài báo.\n"})
    out = tmp_path / "site"
    assert build(SiteConfig(content_dir=content, output_dir=out)).ok
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    articles = {a["file"]: a for a in data["articles"]}
    assert articles["2024/plo-tiep.md"] == {
        "file": "2024/plo-tiep.md", "url": "articles/2024-plo-tiep/", "headline": "Bộ trưởng tiếp Đại sứ Đức",
        "outlet": "Pháp Luật TP.HCM", "outlet_found": {"rule": "link", "read": "plo.vn"}, "published": "2024-05-10",
        "link": "https://plo.vn/tiep-1.html"}
    assert (out / "articles" / "2024-plo-tiep" / "index.html").is_file()
    note = (out / "articles" / "ghi-chu" / "index.html").read_text(encoding="utf-8")
    assert "no meeting found in this article" in note
    event = next((out / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'href="https://plo.vn/tiep-1.html"' in event and 'href="../../articles/2024-plo-tiep/"' in event


def test_a_country_page_lists_its_officials_and_its_meetings_by_year():
    plan = _plan()
    assert plan.country_codes == ["VN", "DE", "KR"]       # Việt Nam first, then by name: Đức, Hàn Quốc
    assert ("country", "DE") in plan.jobs({}) and ("countries",) in plan.jobs({})
    page = plan.country("DE")
    assert page.url == "countries/de/" and page.title == "Đức"
    md = page.markdown
    assert "- [Hans Müller](../../officials/hans-muller/) — Đại sứ Đức · 1 cuộc gặp" in md
    assert "### 2024 (1)" in md and "[Bộ trưởng Nguyễn Văn Bình tiếp Đại sứ Hans Müller](../../events/2024-05-09-a/)" in md
    vietnam = plan.country("VN").markdown
    assert "[Nguyễn Văn Bình](../../officials/nguyen-van-binh/)" in vietnam
    assert "events/" not in vietnam                        # its meetings are the chronology itself
    index = plan.countries_index().markdown
    assert index.index("[Việt Nam](vn/)") < index.index("[Đức](de/)") and "| [Đức](de/) | 1 | 1 |" in index


def test_a_country_without_a_page_is_named_without_a_link():
    plan = _plan()
    assert plan.country_link("FR", "events/x/") == "Pháp" and plan.country_link(None, "") == "Chưa rõ quốc gia"
    assert plan.country_link("DE", "events/x/") == "[Đức](../../countries/de/)"



@pytest.mark.parametrize("vi, en", [
    ("Bộ trưởng Bộ Công an", "Minister of Public Security"),
    ("Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an", "Politburo member, Minister of Public Security"),
    ("Đại sứ Nhật Bản tại Việt Nam", "Ambassador of Japan to Vietnam"),
    ("Phó Thủ tướng, Bộ trưởng Bộ Nội vụ Campuchia", "Deputy Prime Minister, Minister of Home Affairs of Cambodia"),
    ("Bộ trưởng Bộ Nội vụ kiêm Bộ trưởng Bộ Luật pháp Singapore", "Minister of Home Affairs, Minister of Law of Singapore"),
    ("Thư ký Hội đồng An ninh Liên bang Nga", "Secretary of the Security Council of Russia"),
    ("Thứ trưởng Bộ Ngoại giao", "Deputy Minister of Foreign Affairs"),
    ("Tổng Bí thư", "General Secretary"),
])
def test_a_title_the_table_can_word_is_in_english(vi, en):
    from generator.i18n import english_title
    assert english_title(vi) == en
    assert Interface("en").title(vi) == en and Interface("vi").title(vi) == vi


@pytest.mark.parametrize("vi", ["Trợ lý Ngoại trưởng Hoa Kỳ phụ trách khu vực Đông Á-Thái Bình Dương",
                                "Bộ trưởng Bộ Một Bộ Không Có Thật", "Chánh Văn phòng Trung ương Đảng"])
def test_a_title_with_a_part_the_table_cannot_word_stays_as_written(vi):
    from generator.i18n import english_title
    assert english_title(vi) is None and Interface("en").title(vi) == vi



def test_on_an_english_page_a_title_left_in_vietnamese_is_marked_so(tmp_path, make_content):
    plan = _plan(language="en")
    t = plan.timeline
    odd = replace(t.events[0], participants=[replace(t.events[0].participants[0], title="Chánh Văn phòng <b>Bộ</b>"),
                                             t.events[0].participants[1]])
    page = SitePlan(replace(t, events=[odd, t.events[1]]), Interface("en"), BaseURL.parse("/"), "Site").event(odd)
    html = markdown_to_html(page.markdown)
    assert '<span lang="vi">Chánh Văn phòng &lt;b&gt;Bộ&lt;/b&gt;</span>' in html
    assert '<span lang="vi">' not in markdown_to_html(plan.event(t.events[0]).markdown)     # all in English
    content = make_content({"a.txt": " date 2024-05-10 Tiếp\n\nChiều 9/5, tại Hà Nội, Chánh Văn phòng Trung ương Đảng "
                                     "Nguyễn Văn Bình đã tiếp ngài Hans Müller, Đại sứ Đức tại Việt Nam.\n"})
    site = tmp_path / "site"
    assert build(SiteConfig(content_dir=content, output_dir=site, language="en", search=False)).ok
    md = next((site / "events").glob("*/index.md")).read_text(encoding="utf-8")
    assert "\ue000" not in md and "\ue001" not in md                  # the published Markdown is plain
