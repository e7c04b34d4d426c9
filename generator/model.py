"""Every data class of the pipeline, in one place. No I/O here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year (ACLED-style precision)."""

    year: int
    month: int | None = None
    day: int | None = None

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
        if self.month:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)


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
    published_basis: str           # how the publication date was found
    sha256: str
    captions: list[str] = field(default_factory=list)


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


@dataclass
class Participant:
    name: str
    title: str
    country: str | None
    role: str                      # host, guest, co-chair
    official: str = ""             # official id, set by resolve
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1              # how often the article names the person this way


@dataclass
class Evidence:
    file: str
    sentence: str


@dataclass
class Candidate:
    """A meeting as one article reports it, before merging across articles."""

    file: str
    date: PartialDate | None
    date_basis: str
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


@dataclass
class Event:
    id: str
    date: PartialDate | None
    date_basis: str
    kind: str
    online: bool
    location: str | None
    title: str
    participants: list[Participant]
    organizations: list[str]
    sources: list[Evidence]


@dataclass
class Position:
    title: str
    first_seen: str
    last_seen: str


@dataclass
class Official:
    id: str
    name: str
    aliases: list[str]
    country: str | None
    positions: list[Position]
    events: list[str]


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    events: list[Event]
    officials: list[Official]
    undated: list[Event]
    out_of_range: list[Event]
    diagnostics: list[Diagnostic]
    articles: int


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
