"""The interface language: every word the site prints around the articles' own text, and date formats.

Article text (names, titles, places, evidence) stays as the articles wrote it; only the
interface around it changes with `language`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import re

from generator.extract.lexicon import lexicon
from generator.names import fold
from generator.model import DateBasis, Outlet, PartialDate, Published, YearClue

LANGUAGES = ("vi", "en")

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "home": "Trang chủ", "officials": "Quan chức", "years": "Các năm", "meetings": "cuộc gặp",
        "meeting": "cuộc gặp", "chronology": "Dòng thời gian", "all_officials": "Quan chức", "name": "Tên", "title_last_seen": "Chức vụ gần nhất", "summary": "Tóm tắt", "corrected_by": "Biên tập viên đã sửa", "correction_id": "Mã để sửa (corrections.toml)",
        "calendar": "Lịch (.ics)", "calendar_of": "Lịch các cuộc gặp của {name} (.ics)", "strip_caption": "Các cuộc gặp theo tháng, {start}–{end}, theo loại.",
        "strip_of": "Các cuộc gặp của {name} theo tháng, theo loại.", "years_without": "Các năm chưa có cuộc gặp nào", "per_year": "Số cuộc gặp mỗi năm",
        "participants": "Thành phần", "evidence": "Nguồn và bằng chứng", "date_found": "Ngày được xác định thế nào",
        "positions": "Chức vụ theo thời gian", "position": "Chức vụ", "first_seen": "Lần đầu thấy",
        "last_seen": "Lần cuối thấy", "aliases": "Tên khác", "country": "Quốc gia", "kind": "Loại",
        "place": "Địa điểm", "online": "trực tuyến", "date": "Ngày", "with": "với", "source": "Bài",
        "unknown_country": "Chưa rõ quốc gia", "no_meetings": "Chưa có cuộc gặp nào.",
        "all_of_year": "Xem tất cả {count} năm {year} →",
        "not_found_title": "Không tìm thấy trang", "not_found_text": "Trang này không có trên trang web.",
        "moved_title": "Trang đã chuyển", "moved_text": "Trang này đã chuyển tới",
        "gone_text": "Cuộc gặp này không còn trong dòng thời gian; xem", "feed": "Nguồn tin Atom",
        "data": "Dữ liệu (timeline.json)", "skip": "Bỏ qua, tới nội dung chính", "in_total": "tổng cộng",
        "year": "Năm", "meetings_of": "Các cuộc gặp", "menu": "Điều hướng", "on_page": "Trên trang",
        "role_host": "chủ nhà", "role_guest": "khách", "role_co-chair": "đồng chủ trì", "role_participant": "tham dự",
        "kind_reception": "Tiếp", "kind_talks": "Hội đàm", "kind_call": "Điện đàm", "kind_dialogue": "Đối thoại",
        "kind_visit": "Chuyến thăm", "kind_signing": "Ký kết", "kind_conference": "Hội nghị", "kind_other": "Gặp gỡ",
        "generated": "Trang được tạo từ các bài báo bằng timeline.", "newest_first": "mới nhất trước",
        "oldest_first": "cũ nhất trước", "officials_count": "quan chức", "countries_count": "quốc gia",
        "at": "tại",
        "articles": "Bài báo", "all_articles": "Các bài báo đã đọc", "outlet": "Báo", "published": "Ngày đăng",
        "original": "Bài gốc", "file": "Tệp", "not_known": "chưa rõ", "articles_count": "bài báo",
        "headline": "Tiêu đề", "reported_meetings": "Các cuộc gặp bài đưa tin", "officials_named": "Quan chức được nêu",
        "not_used": "Những gì không dùng được", "nothing_skipped": "Không có cảnh báo nào.",
        "no_meeting_found": "Không tìm thấy cuộc gặp nào trong bài.", "built_from": "Trang được dựng từ {articles}.",
        "unplaced": "Cuộc gặp chưa xếp được vào dòng thời gian",
        "unplaced_intro": "{undated} không có ngày và {outside} ngoài khoảng {start}–{end}.",
        "unplaced_link": "{count} chưa xếp được vào dòng thời gian",
        "undated": "Không có ngày", "outside": "Ngoài khoảng {start}–{end}", "why": "Lý do",
        "in_article": "Trong bài", "sources_count": "nguồn", "by_year": "Theo năm đăng", "by_outlet": "Theo báo",
        "no_date": "Không rõ ngày đăng", "countries": "Quốc gia", "search_in_country": "Tìm trong các cuộc gặp với {name}",
        "search": "Tìm kiếm", "search_go": "Tìm", "search_words": "Từ khóa",
        "search_placeholder": "tên, chức vụ, nơi chốn… (có dấu hay không dấu)", "any": "Tất cả",
        "page_type": "Loại trang", "official": "Quan chức",
        "search_none": "Không tìm thấy trang nào.", "search_found": "{count} trang phù hợp.",
        "search_loading": "Đang tìm…", "search_failed": "Không tải được chỉ mục tìm kiếm.",
        "search_needs_js": "Tìm kiếm cần JavaScript; hãy xem theo năm, theo quan chức hoặc theo bài báo.",
        "search_off": "Bản dựng này không có chỉ mục tìm kiếm; hãy xem theo năm, theo quan chức hoặc theo bài báo.",
    },
    "en": {
        "home": "Home", "officials": "Officials", "years": "Years", "meetings": "meetings",
        "meeting": "meeting", "chronology": "Chronology", "all_officials": "Officials", "name": "Name", "title_last_seen": "Last title seen", "summary": "At a glance", "corrected_by": "Corrected by the editors", "correction_id": "Id for corrections.toml",
        "calendar": "Calendar (.ics)", "calendar_of": "Calendar of {name}'s meetings (.ics)", "strip_caption": "Meetings by month, {start}–{end}, by kind.",
        "strip_of": "Meetings of {name} by month, by kind.", "years_without": "Years without meetings", "per_year": "Meetings a year",
        "participants": "Participants", "evidence": "Sources and evidence", "date_found": "How the date was found",
        "positions": "Positions over time", "position": "Position", "first_seen": "First seen",
        "last_seen": "Last seen", "aliases": "Also written", "country": "Country", "kind": "Kind",
        "place": "Place", "online": "online", "date": "Date", "with": "With", "source": "Article",
        "unknown_country": "Country unknown", "no_meetings": "No meetings yet.",
        "all_of_year": "All {count} of {year} →",
        "not_found_title": "Page not found", "not_found_text": "This page is not on the site.",
        "moved_title": "Page moved", "moved_text": "This page has moved to",
        "gone_text": "This meeting is no longer in the chronology; see", "feed": "Atom feed",
        "data": "Data (timeline.json)", "skip": "Skip to main content", "in_total": "in total",
        "year": "Year", "meetings_of": "Meetings", "menu": "Navigation", "on_page": "On this page",
        "role_host": "host", "role_guest": "guest", "role_co-chair": "co-chair", "role_participant": "participant",
        "kind_reception": "Reception", "kind_talks": "Talks", "kind_call": "Phone call", "kind_dialogue": "Dialogue",
        "kind_visit": "Visit", "kind_signing": "Signing", "kind_conference": "Conference", "kind_other": "Meeting",
        "generated": "Built from news articles with timeline.", "newest_first": "newest first",
        "oldest_first": "oldest first", "officials_count": "officials", "countries_count": "countries",
        "at": "in",
        "articles": "Articles", "all_articles": "Articles read", "outlet": "Outlet", "published": "Published",
        "original": "Original", "file": "File", "not_known": "not known", "articles_count": "articles",
        "headline": "Headline", "reported_meetings": "Meetings it reports", "officials_named": "Officials it names",
        "not_used": "What could not be used", "nothing_skipped": "No warnings.",
        "no_meeting_found": "No meeting was found in this article.", "built_from": "Built from {articles}.",
        "unplaced": "Meetings not placed in the chronology",
        "unplaced_intro": "{undated} without a date and {outside} outside {start}–{end}.",
        "unplaced_link": "{count} not placed in the chronology",
        "undated": "Without a date", "outside": "Outside {start}–{end}", "why": "Why",
        "in_article": "In the article", "sources_count": "sources", "by_year": "By year published",
        "by_outlet": "By outlet", "no_date": "No publication date", "countries": "Countries",
        "search_in_country": "Search the meetings with {name}", "search": "Search", "search_go": "Search",
        "search_words": "Words", "search_placeholder": "names, titles, places… (with or without tone marks)",
        "any": "Any", "page_type": "Type of page", "official": "Official",
        "search_none": "No page found.", "search_found": "{count} pages found.",
        "search_loading": "Searching…", "search_failed": "The search index could not be loaded.",
        "search_needs_js": "Search needs JavaScript; browse by year, official or article instead.",
        "search_off": "This build has no search index; browse by year, official or article instead.",
    },
}

# how one side meets the other, for the one-sentence summary of a meeting
_VERBS = {
    "vi": {"reception": "tiếp", "talks": "hội đàm với", "call": "điện đàm với", "dialogue": "đồng chủ trì đối thoại với",
           "conference": "đồng chủ trì hội nghị với", "visit": "thăm", "signing": "ký kết với", "other": "gặp"},
    "en": {"reception": "received", "talks": "held talks with", "call": "held a phone call with",
           "dialogue": "co-chaired a dialogue with", "conference": "co-chaired a conference with", "visit": "visited",
           "signing": "signed an agreement with", "other": "met"},
}


# How a date was found: one frame per rule of `DateBasis`, per language. What a frame quotes
# (the date as written, an article's words) stays as the article wrote it.
_BASIS: dict[str, dict[str, str]] = {
    "en": {
        "written": "'{read}' (year written)",
        "publication": "'{read}' + year of the {published_from} {published}",
        "publication_year_before": "'{read}' + the year before the {published_from} {published} "
                                   "(the day is later in the year)",
        "relative": "'{read}' relative to the publication date {published}",
        "same_day": "'{read}' = the date just named ({earlier})",
        "context": "{before}, the date of the meeting or sentence just before",
        "clue": "'{read}' + year {year} inferred from {clue}",
        "clue_weekday": "'{read}' + year {year}, the year near {clue} in which that day has that weekday",
        "other_article": "'{read}' + year {year} from {article}, which reports the same meeting",
        "no_year_in_article": "'{read}' with no year in the article",
        "no_year": "'{read}' has no year",
        "no_publication_day": "'{read}' but the publication day is unknown",
        "unknown_day": "'{read}' refers to a date the article does not give",
        "impossible": "impossible date '{read}' ({problem})",
        "impossible_year": "impossible date '{read}' in the year {year} ({problem})",
        "none": "the article gives no date for this meeting",
        "editors": "set by the editors: {read}",
        "publication_month": "no day in the article; the month of the {published_from} {published}",
    },
    "vi": {
        "written": "'{read}' (năm được ghi rõ)",
        "publication": "'{read}' + năm của {published_from} ({published})",
        "publication_year_before": "'{read}' + năm trước năm của {published_from} {published} "
                                   "(ngày này muộn hơn ngày đăng)",
        "relative": "'{read}' tính từ ngày đăng bài {published}",
        "same_day": "'{read}' = ngày vừa nêu trước đó ({earlier})",
        "context": "{before}, ngày của cuộc gặp hoặc câu ngay trước",
        "clue": "'{read}' + năm {year}, suy ra từ {clue}",
        "clue_weekday": "'{read}' + năm {year}, năm gần {clue} mà ngày ấy đúng thứ ấy",
        "other_article": "'{read}' + năm {year} theo bài {article}, bài cũng đưa tin cuộc gặp này",
        "no_year_in_article": "'{read}' không có năm trong bài",
        "no_year": "'{read}' không có năm",
        "no_publication_day": "'{read}' nhưng không rõ ngày đăng bài",
        "unknown_day": "'{read}' chỉ một ngày mà bài không nêu",
        "impossible": "ngày không có thật '{read}' ({problem})",
        "impossible_year": "ngày không có thật '{read}' trong năm {year} ({problem})",
        "none": "bài không nêu ngày của cuộc gặp này",
        "editors": "biên tập viên đặt: {read}",
        "publication_month": "bài không nêu ngày; tháng của {published_from} ({published})",
    },
}
# where a publication date was read, as the frames above name it
_PUBLISHED = {
    "en": {"header": "header date", "front_matter": "publication date", "dateline": "publication date",
           "caption": "publication date", "page": "page's date", "none": "publication date",
           "editors": "publication date set by the editors"},
    "vi": {"header": "ngày ghi ở đầu bài", "front_matter": "ngày đăng bài", "dateline": "ngày đăng bài",
           "caption": "ngày đăng bài", "page": "ngày của trang", "none": "ngày đăng bài",
           "editors": "ngày đăng do biên tập viên đặt"},
}
# where an article's publication date was read (`Published.source`), for its page
_PUBLISHED_WHERE = {
    "en": {"header": "the header line", "front_matter": "the front matter", "dateline": "the dateline",
           "caption": "a picture's caption", "page": "the site's bar above the headline (the day the page was saved)",
           "editors": "the editors (corrections.toml)"},
    "vi": {"header": "dòng đầu bài", "front_matter": "phần thông tin đầu tệp (front matter)", "dateline": "dòng ngày đăng",
           "caption": "chú thích ảnh", "page": "thanh ngày của trang web (ngày trang được lưu)",
           "editors": "biên tập viên (corrections.toml)"},
}
# what the editors corrected (`Correction.target`, `.field`: resolve/corrections.FIELDS), for the note on a page
_CORRECTED = {
    "en": {("meeting", "date"): "date", ("meeting", "kind"): "kind", ("meeting", "place"): "place",
           ("meeting", "online"): "online or not", ("meeting", "remove"): "removed",
           ("meeting", "add_participant"): "participant added", ("meeting", "remove_participant"): "participant removed",
           ("meeting", "merge"): "merged with a meeting reported apart", ("meeting", "split"): "split from another meeting",
           ("new_meeting", "added"): "meeting added", ("official", "name"): "name", ("official", "country"): "country",
           ("official", "merge"): "merged with another official", ("official", "split"): "told apart from another person",
           ("official", "title"): "title for a period", ("official", "added"): "added by the editors",
           ("article", "published"): "publication date", ("article", "ignore"): "ignored"},
    "vi": {("meeting", "date"): "ngày", ("meeting", "kind"): "loại cuộc gặp", ("meeting", "place"): "địa điểm",
           ("meeting", "online"): "hình thức trực tuyến", ("meeting", "remove"): "bỏ đi",
           ("meeting", "add_participant"): "thêm thành phần", ("meeting", "remove_participant"): "bớt thành phần",
           ("meeting", "merge"): "gộp với cuộc gặp được đưa tin riêng", ("meeting", "split"): "tách khỏi cuộc gặp khác",
           ("new_meeting", "added"): "thêm cuộc gặp này", ("official", "name"): "tên", ("official", "country"): "quốc gia",
           ("official", "merge"): "gộp với quan chức khác", ("official", "split"): "tách khỏi một người khác",
           ("official", "title"): "chức vụ trong một thời kỳ", ("official", "added"): "biên tập viên thêm vào",
           ("article", "published"): "ngày đăng", ("article", "ignore"): "bỏ qua"},
}
# where an article's outlet was read (`Outlet.rule`, extract/outlets.RULES)
_OUTLET_WHERE = {
    "en": {"front_matter": "the front matter", "link": "the original's address", "masthead": "the masthead",
           "lead": "the mark opening the lead", "chrome": "an address the page shows", "file_name": "the file's name"},
    "vi": {"front_matter": "phần thông tin đầu tệp (front matter)", "link": "địa chỉ bài gốc",
           "masthead": "dòng tên báo đầu trang", "lead": "ký hiệu mở đầu bài", "chrome": "địa chỉ web trên trang",
           "file_name": "tên tệp"},
}
# what a year was inferred from: one frame per rule of `YearClue`
_CLUES: dict[str, dict[str, str]] = {
    "en": {
        "congress": "the {read} party congress ({party}, {base}{ahead})",
        "anniversary": "'{read}' with {party} ({base} + {count}{shift})",
        "partnership": "'{read}' with {party} ({base} + {count})",
        "anniversary_of_year": "'{read}' ({base} + {count})",
        "full_date": "the date '{read}' written in the article",
        "range_anniversary": "'{read}' (an anniversary)",
        "range_term": "'{read}' (a term that has begun)",
        "month_year": "'{read}' written in the article",
        "year": "the year {read} written in the article",
        "national_anniversary": "'{read}' ({base} + {count}{shift})",
        "occasion": "'{read}', held in {year}",
        "ahead": ", still ahead",
    },
    "vi": {
        "congress": "Đại hội {read} ({party}, {base}{ahead})",
        "anniversary": "'{read}' với {party} ({base} + {count}{shift})",
        "partnership": "'{read}' với {party} ({base} + {count})",
        "anniversary_of_year": "'{read}' ({base} + {count})",
        "full_date": "ngày '{read}' ghi trong bài",
        "range_anniversary": "'{read}' (một dịp kỷ niệm)",
        "range_term": "'{read}' (một nhiệm kỳ đã bắt đầu)",
        "month_year": "'{read}' ghi trong bài",
        "year": "năm {read} ghi trong bài",
        "national_anniversary": "'{read}' ({base} + {count}{shift})",
        "occasion": "'{read}', diễn ra năm {year}",
        "ahead": ", sắp diễn ra",
    },
}


def word_clue(clue: YearClue, language: str = "en") -> str:
    frames = _CLUES[language]
    return frames[clue.rule].format(
        read=clue.read, party=clue.party, base=clue.base, count=clue.count, year=clue.year,
        shift=f" {clue.shift:+d}" if clue.shift and clue.rule in ("anniversary", "national_anniversary") else "",
        ahead=frames["ahead"] if clue.rule == "congress" and clue.shift else "")


def word_basis(basis: DateBasis, language: str = "en") -> str:
    """A date's basis in words: the pages' 'how the date was found' and timeline.json's `date_basis`."""
    rule = basis.rule
    if rule == "impossible" and basis.year is not None:
        rule = "impossible_year"
    published_from = basis.published_from.source if basis.published_from else "none"
    return _BASIS[language][rule].format(
        read=basis.read, year=basis.year, problem=basis.problem, article=basis.article,
        published=basis.published.iso() if basis.published else "",
        published_from=_PUBLISHED[language][published_from],
        earlier=basis.earlier.iso() if basis.earlier else "",
        clue=word_clue(basis.clue, language) if basis.clue else "",
        before=word_basis(basis.before, language) if basis.before else "")


class Interface:
    """Words and date formats for one language; templates get it as `t`."""

    def __init__(self, language: str):
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        self.language = language
        self.strings = STRINGS[language]

    def __call__(self, key: str) -> str:
        return self.strings[key]

    def kind(self, kind: str) -> str:
        return self.strings.get(f"kind_{kind}", kind)

    def role(self, role: str) -> str:
        return self.strings.get(f"role_{role}", role)

    def verb(self, kind: str) -> str:
        return _VERBS[self.language].get(kind, _VERBS[self.language]["other"])

    def count(self, n: int, noun: str = "meetings") -> str:
        if self.language == "en" and n == 1 and noun == "meetings":
            noun = "meeting"
        return f"{n} {self.strings[noun]}"

    def country(self, code: str | None) -> str:
        if not code:
            return self.strings["unknown_country"]
        names = lexicon().country_names if self.language == "vi" else _english_countries()
        return names.get(code, code)

    def date_basis(self, basis: DateBasis) -> str:
        return word_basis(basis, self.language)

    def title(self, title: str) -> str:
        """A position in the interface language: through data/titles_en.tsv in English, as written when
        the table cannot word all of it."""
        if self.language == "vi" or not title:
            return title
        return english_title(title) or title

    def published_basis(self, published: Published) -> str:
        """Where a publication date was read: "the dateline: 'Thứ Ba, 22/6/2021'"."""
        where = _PUBLISHED_WHERE[self.language].get(published.source)
        return f"{where}: '{published.read}'" if where else ""

    def corrected(self, target: str, field: str) -> str:
        """What a correction changed, in a word or two ('kind', 'merged with another official')."""
        return _CORRECTED[self.language][(target, field)]

    def outlet_basis(self, outlet: Outlet) -> str:
        """Where an outlet's name was read: "the mark opening the lead: '(PLO)-'"."""
        return f"{_OUTLET_WHERE[self.language][outlet.rule]}: '{outlet.read}'"

    def date(self, date: PartialDate | None) -> str:
        """A date in words: 'ngày 12 tháng 1 năm 2026' / '12 January 2026'."""
        if date is None:
            return "?"
        if self.language == "vi":
            if date.day:
                return f"ngày {date.day} tháng {date.month} năm {date.year}"
            return f"tháng {date.month} năm {date.year}" if date.month else f"năm {date.year}"
        if date.day:
            return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
        return f"{_MONTHS_EN[date.month - 1]} {date.year}" if date.month else str(date.year)

    def when(self, date: PartialDate | None) -> str:
        """A date opening a sentence: 'Ngày 12 tháng 1 năm 2026' / 'On 12 January 2026', 'In March 2025'."""
        words = self.date(date)
        if self.language == "vi":
            return words[0].upper() + words[1:]
        return f"{'On' if date and date.day else 'In'} {words}"

    def short_date(self, date: PartialDate | None) -> str:
        """A date for lists: '12/01/2026' / '12 Jan 2026'; a missing day or month is left out."""
        if date is None:
            return "?"
        if self.language == "vi":
            if date.day:
                return f"{date.day:02d}/{date.month:02d}/{date.year}"
            return f"{date.month:02d}/{date.year}" if date.month else str(date.year)
        if date.day:
            return f"{date.day} {_MONTHS_EN[date.month - 1][:3]} {date.year}"
        return f"{_MONTHS_EN[date.month - 1][:3]} {date.year}" if date.month else str(date.year)


@lru_cache(maxsize=1)
def _title_table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(heads, organisations, wholes) of data/titles_en.tsv, by their Vietnamese words folded."""
    tables: dict[str, dict[str, str]] = {"head": {}, "org": {}, "whole": {}}
    path = Path(__file__).with_name("data") / "titles_en.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, vi, en = line.split("\t")
            tables[kind][fold(vi)] = en
    return tables["head"], tables["org"], tables["whole"]


@lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, str]:
    """A country's Vietnamese name folded ('hoa ky', 'nhat ban') -> its code."""
    return {" ".join(words): code for code, names in lexicon().country_keys.items() for words in names}


def _country_in_english(words: str) -> str | None:
    code = _countries_by_name().get(words)
    return _english_countries().get(code) if code else None


def _part_in_english(part: str) -> str | None:
    """One position of a title chain in English, or None when a word of it is not in the table."""
    heads, orgs, wholes = _title_table()
    key = fold(part)
    if key in wholes:
        return wholes[key]
    words = key.split()
    for n in range(len(words), 0, -1):          # the longest head first: 'Thứ trưởng Ngoại giao' before 'Thứ trưởng'
        head = " ".join(words[:n])
        if head not in heads:
            continue
        rest = words[n:]
        if not rest:
            return heads[head]
        where = rest.index("tai") if "tai" in rest else len(rest)     # '... tại Việt Nam': posted to
        what, posted = " ".join(rest[:where]), " ".join(rest[where + 1:])
        posted_en = _country_in_english(posted) if posted else ""
        if posted_en is None:
            return None
        of = _of(what, orgs)
        if of is None:
            return None
        return f"{heads[head]}{of}" + (f" to {posted_en}" if posted_en else "")
    return None


def _of(words: str, orgs: dict[str, str]) -> str | None:
    """' of Public Security', ' of Home Affairs of Cambodia', ' of Japan', '' — or None when unknown."""
    if not words:
        return ""
    country = _country_in_english(words)
    if country:
        return f" of {country}"
    parts = words.split()
    for n in range(len(parts), 0, -1):
        org = " ".join(parts[:n])
        if org in orgs:
            rest = " ".join(parts[n:])
            country = _country_in_english(rest) if rest else ""
            return None if country is None else f" of {orgs[org]}" + (f" of {country}" if country else "")
    return None


@lru_cache(maxsize=1 << 14)
def english_title(title: str) -> str | None:
    """'Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an' -> 'Politburo member, Minister of Public Security';
    None when a position of the chain is not in data/titles_en.tsv (the title then stays Vietnamese)."""
    if not title:
        return title
    chain = [p.strip() for p in re.split(r",| kiêm ", title) if p.strip()]
    english = [_part_in_english(p) for p in chain]
    return None if any(e is None for e in english) else ", ".join(english)


@lru_cache(maxsize=1)
def _english_countries() -> dict[str, str]:
    path = Path(__file__).with_name("data") / "countries_en.tsv"
    names = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name = line.split("\t")
            names[code.strip()] = name.strip()
    return names
