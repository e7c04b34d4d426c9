"""Every data class of the pipeline, in one place. No I/O here.

What resolve, the chronology and the permalinks hand on (events, participants, officials, the timeline)
is frozen: a later stage makes new records (`dataclasses.replace`) and never changes those it read, so
that what one stage made can be kept and compared across builds.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year (ACLED-style precision).

    Only dates a calendar has can be made: building '31/02/2022' raises. Code that builds
    one from text asks `checked` (None for an impossible date) or `problem` (why).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        # an impossible date would only fail later, far from the text it came from
        why = "a date needs its year" if self.year is None else PartialDate.problem(self.year, self.month, self.day)
        if why:
            raise ValueError(f"impossible date {self.year}-{self.month}-{self.day}: {why}")

    @classmethod
    def checked(cls, year: int, month: int | None = None, day: int | None = None) -> "PartialDate | None":
        """The date, or None when no calendar has it: the constructor for dates read from text."""
        return None if cls.problem(year, month, day) else cls(year, month, day)

    @staticmethod
    def problem(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
        """Why there is no such date ('February 2022 has 28 days'), or None when there is.

        `year=None` checks a day and month whose year is not known yet, against a leap
        year: '29/2' may still be a real day, '30/2' never is.
        """
        if year is not None and not dt.MINYEAR <= year <= dt.MAXYEAR:
            return f"the year {year} is outside the calendar"
        if month is None:
            return "a day without a month" if day is not None else None
        if not 1 <= month <= 12:
            return f"there is no month {month}"
        if day is None:
            return None
        longest = calendar.monthrange(2000 if year is None else year, month)[1]
        if 1 <= day <= longest:
            return None
        if day < 1:
            return f"there is no day {day}"
        if year is None and month == 2:
            return f"{_MONTHS[month - 1]} has at most {longest} days"
        if year is None:
            return f"{_MONTHS[month - 1]} has {longest} days"
        return f"{_MONTHS[month - 1]} {year} has {longest} days"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        # the month's length, not "the day before the next month": December 9999 has no next month
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])


# for messages about impossible dates, which are in English like every diagnostic
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Published:
    """Where an article's publication date was read; `i18n` words it."""

    source: str = "none"           # front_matter | header | dateline | caption | page | editors | none
                                   # (page: the site's bar above the headline, the day it was rendered)
    read: str = ""                 # what was read, as written ('Thứ Ba, 22/6/2021 10:00', '2021-06')


NO_PUBLICATION_DATE = Published()


@dataclass(frozen=True)
class Outlet:
    """The outlet that published an article, and where the page says so; `i18n` words the rule."""

    name: str                      # 'Pháp Luật TP.HCM'
    rule: str                      # front_matter | link | masthead | lead | chrome | file_name (extract/outlets.RULES)
    read: str                      # what was read, as written ('(PLO)-', 'plo.vn', 'outlet: Báo Nhân Dân')


@dataclass(frozen=True)
class YearClue:
    """Something an article says that shows its year: a party congress, an anniversary, a year written.

    rule: congress | anniversary | partnership | anniversary_of_year | full_date | range_anniversary |
    range_term | month_year | year | national_anniversary | occasion. `base` + `count` + `shift` = `year`
    for the counted ones.
    """

    year: int
    rule: str
    read: str                      # the words of the article
    party: str | None = None       # the country of a congress, an anniversary, a partnership
    base: int | None = None        # the year counted from (relations established, the congress held)
    count: int | None = None       # the years counted
    shift: int = 0                 # 'gần 70 năm' -1, 'hơn 25 năm' +1, a congress still ahead -1


@dataclass(frozen=True)
class DateBasis:
    """Where a meeting's date came from: what was read, which rule gave the year, from which article.

    Pages and timeline.json word it through `i18n`; code reads its fields, never its words.
    rule: written | publication | publication_year_before | relative | same_day | context | clue |
    clue_weekday | other_article | no_year_in_article | no_year | no_publication_day | unknown_day |
    impossible | none | publication_month | editors (corrections.toml; `read` is the editors' reason).
    """

    rule: str
    read: str = ""                 # the date words of the sentence ('Chiều 13/2')
    year: int | None = None        # the year the rule gave
    published: PartialDate | None = None      # the publication date the year was taken from
    published_from: Published | None = None   # and where that was read
    clue: YearClue | None = None   # the clue the year was inferred from
    article: str | None = None     # the other article whose stated year was taken
    earlier: PartialDate | None = None        # the date just named, for 'cùng ngày'
    before: DateBasis | None = None           # the basis of the sentence just before, for context dates
    problem: str | None = None     # why no calendar has the day ('February 2023 has 28 days')

    @property
    def inferred(self) -> bool:
        """A year guessed from a clue of the article rather than read or taken from a date."""
        return self.rule in ("clue", "clue_weekday") or (self.before is not None and self.before.inferred)


NO_DATE_GIVEN = DateBasis("none")


@dataclass
class Diagnostic:
    """A warning or error about one input, worded for the user."""

    file: str
    message: str
    level: str = "warning"

    def __str__(self) -> str:
        return f"{self.level}: {self.file}: {self.message}"


@dataclass
class Article:
    """One news article after decoding and cleaning."""

    path: str                      # relative to the content folder, with '/'
    raw: str                       # decoded NFC text as the user saved it
    paragraphs: list[str]          # body paragraphs, page chrome removed
    headline: str | None
    published: PartialDate | None
    published_basis: Published     # where the publication date was read
    sha256: str
    captions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # what the reader could not use, for the user
    outlet: Outlet | None = None   # who published it (extract/outlets)
    link: str | None = None        # where it is online: an http(s) address, checked

    def without_text(self) -> "Article":
        """What later stages keep once the article is extracted: its text stays in its file (an archive of
        100,000 articles would otherwise be held in memory, and in every cache entry, twice)."""
        return replace(self, raw="", paragraphs=[], captions=[])


@dataclass
class Mention:
    """A person named in one sentence, with what the sentence says of them."""

    name: str
    start: int                     # character span of the whole mention in the sentence
    end: int
    titles: list[str] = field(default_factory=list)
    rank: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    title_only: bool = False       # "Tổng Bí thư" standing for a person named elsewhere
    positional: bool = False       # a position spoken of ("vào vị trí Chủ tịch ..."), nobody in particular

    @property
    def title(self) -> str:
        return ", ".join(self.titles)


@dataclass
class Person:
    """One person within one article: every mention of them merged."""

    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    titles: list[str] = field(default_factory=list)   # title chains, in order seen
    rank: str | None = None
    mentions: int = 0

    @property
    def title(self) -> str:
        return max(self.titles, key=len) if self.titles else ""


@dataclass(frozen=True)
class Participant:
    name: str
    title: str
    country: str | None
    role: str                      # host, guest, co-chair
    official: str = ""             # official id: empty in what extraction gives, set in the events resolve makes
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1              # how often the article names the person this way


@dataclass(frozen=True)
class Evidence:
    file: str                      # the article, by its path in the content folder ('' for an address only)
    sentence: str
    link: str | None = None        # a source the editors gave by its address (corrections.toml), not an article


@dataclass
class Candidate:
    """A meeting as one article reports it, before merging across articles."""

    file: str
    date: PartialDate | None
    date_basis: DateBasis
    date_confidence: int           # 3 explicit/publication, 2 context, 1 weak, 0 none
    day_month: tuple[int, int] | None   # the day and month written, when the year is unknown
    kind: str
    online: bool
    location: str | None
    participants: list[Participant]
    evidence: list[str]
    series: tuple[str, int] | None = None   # ("hội nghị", 7): the 7th session of a named mechanism


@dataclass
class Reference:
    """A sentence naming a numbered session ('đồng chủ trì Hội nghị ... lần thứ bảy') without dating it."""

    file: str
    sentence: str
    series: tuple[str, int]
    people: list[str]


@dataclass(frozen=True)
class Correction:
    """One change an editor made in corrections.toml (resolve/corrections), with where and why."""

    target: str                    # meeting | official | article | new_meeting
    id: str                        # as the editor wrote it (an old id that redirects is found too); '' for a new meeting
    field: str                     # a key of resolve/corrections.FIELDS[target]
    value: object                  # checked: text, a flag, a PartialDate, ids, or one of the records below
    reason: str
    line: int                      # in corrections.toml, for the messages


@dataclass(frozen=True)
class PersonGiven:
    """A participant the editors name who need not be on the site yet (add_participant, new_meeting)."""

    name: str
    title: str = ""
    country: str | None = None


@dataclass(frozen=True)
class TitleSpan:
    """A title an official held for a period, as the editors give it; open at either end."""

    title: str
    first: PartialDate | None = None
    last: PartialDate | None = None

    def covers(self, date: PartialDate) -> bool:
        day = date.first_day()
        return (self.first is None or self.first.first_day() <= day) and (self.last is None or day <= self.last.last_day())


@dataclass(frozen=True)
class OfficialSplit:
    """Part of an official who is another person: the meetings named, and those whose sentences write
    one of the names, go to a new official of that name."""

    name: str
    names: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingSplit:
    """Another meeting reported by some of a meeting's articles: their sources go to a new meeting,
    with the participants and date given (else the meeting's own)."""

    articles: tuple[str, ...]
    date: PartialDate | None = None
    participants: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True)
class SourceGiven:
    """A source of a meeting added by hand: an article of the content folder and its sentence, or an address."""

    article: str | None = None
    sentence: str = ""
    url: str | None = None


@dataclass(frozen=True)
class NewMeeting:
    """A meeting the extractor missed, added by hand ([[new_meeting]])."""

    date: PartialDate
    participants: tuple  # of official ids and PersonGiven, the host first
    sources: tuple[SourceGiven, ...]
    kind: str = "other"
    place: str | None = None
    online: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate | None
    date_basis: DateBasis
    kind: str
    online: bool
    location: str | None
    title: str
    participants: list[Participant]
    organizations: list[str]
    sources: list[Evidence]
    corrections: tuple[Correction, ...] = ()      # what the editors changed, and why


@dataclass(frozen=True)
class Position:
    title: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class Official:
    id: str
    name: str
    aliases: list[str]
    country: str | None
    positions: list[Position]
    events: list[str]
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class ArticleSource:
    """An article as the site cites it: what a reader needs to find it and check a meeting against it."""

    file: str                      # its path in the content folder, as `Evidence.file` names it
    id: str                        # its page on the site: articles/<id>/
    headline: str | None
    outlet: Outlet | None
    published: PartialDate | None
    published_basis: Published
    link: str | None               # the original, online
    notes: list[str]               # what the build could not use in it, and why (its warnings)


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    end: dt.date
    events: list[Event]
    officials: list[Official]
    undated: list[Event]
    out_of_range: list[Event]
    diagnostics: list[Diagnostic]
    articles: int
    sources: list[ArticleSource] = field(default_factory=list)    # every article read, in path order
    corrected_out: list[Event] = field(default_factory=list)       # meetings the editors removed, with why


@dataclass
class Page:
    """One page of the site before rendering: its Markdown source and what its template needs."""

    url: str                       # site-relative: '' (home), 'events/<id>/', '404.html'
    template: str                  # e.g. 'event.html'
    title: str
    markdown: str                  # the body; also published as index.md when `front_matter` is set
    description: str = ""
    front_matter: dict | None = None
    data: dict = field(default_factory=dict)

    @property
    def html_path(self) -> str:
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url

    @property
    def markdown_path(self) -> str | None:
        return self.url + "index.md" if self.front_matter is not None else None


@dataclass
class StaticFile:
    """A theme file copied as it is into the output."""

    url: str                       # 'static/style.css'
    source: Path


@dataclass
class Registry:
    """Every page address ever published (content/permalinks.json), with what identifies its page."""

    events: dict[str, dict] = field(default_factory=dict)       # id -> date, kind, officials, sources (+ redirect)
    officials: dict[str, dict] = field(default_factory=dict)    # id -> name, names (+ redirect)
