"""Page plans: every page of the site as Markdown plus the data its template needs.

Markdown comes first: meeting and official pages are published as `index.md` next to
their `index.html`, and the HTML body is rendered from that same Markdown. Links between
pages are relative, so the site works at any base URL. Article text is escaped here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from urllib.parse import urlsplit
from collections import Counter, defaultdict

from generator.cache import value_bytes
from generator.resolve.chronology import event_title
from generator.i18n import Interface, word_basis
from generator.site.mdtext import escape, external_link, link, table, vietnamese
from generator.model import ArticleSource, Evidence, Event, Official, Page, PartialDate, Timeline
from generator.names import fold
from generator.site.search import facet_words
from generator.site.strip import strip
from generator.urls import BaseURL, article_url, articles_year_url, country_url, event_url, official_url, relative, year_url

FEED_SIZE = 100
# meetings of each year the home page lists; the year's page lists them all. A home page of every
# meeting would be megabytes for a large archive (10 MB of HTML at 56,000 meetings)
HOME_PER_YEAR = 30
# a page job's kind -> the SitePlan method that plans it
_MAKERS = {"home": "home", "officials": "officials_index", "404": "not_found", "year": "year",
           "articles": "articles_index", "articles_year": "articles_of_year", "unplaced": "unplaced",
           "event": "_event_page",
           "official": "_official_page", "article": "_article_page", "redirect": "redirect", "search": "search",
           "countries": "countries_index", "country": "country"}
COUNTRIES_URL = "countries/"
UNPLACED_URL = "unplaced/"
SEARCH_URL = "search/"
ARTICLES_URL = "articles/"


class SitePlan:
    """Builds the Page list of one timeline; `t` is the interface language, `base` the base URL."""

    def __init__(self, timeline: Timeline, t: Interface, base: BaseURL, title: str, newest_first: bool = True,
                 previous: dict[bytes, Page] | None = None, search_on: bool = True, file_links: bool = False):
        self.timeline, self.t, self.base, self.site_title = timeline, t, base, title
        self.file_links = file_links         # links name index.html: the site works from disk (urls.relative)
        self.search_on = search_on           # False: no search index is built (the search page says so)
        # meeting and official pages of the previous build, by a hash of everything they are made from:
        # a rebuild makes again only those whose inputs changed (`reused` for the next build). None: no
        # build follows this one in this process, so nothing is hashed for it
        self._previous = previous
        self.reused: dict[bytes, Page] = {}
        self._digests: dict[int, bytes] = {}          # id() of a meeting or official of this timeline -> its hash
        self.newest_first = newest_first
        self.officials = {o.id: o for o in timeline.officials}
        self.events = {e.id: e for e in timeline.events}
        self.years = list(range(timeline.start.year, timeline.end.year + 1))
        self.by_year: dict[int, list[Event]] = defaultdict(list)
        for e in timeline.events:
            self.by_year[e.date.year].append(e)
        self.sources = {s.file: s for s in timeline.sources}
        # every country of a meeting of the chronology, or of an official, has a page
        self.country_codes = sorted({p.country for e in timeline.events for p in e.participants if p.country}
                                    | {o.country for o in timeline.officials if o.country},
                                    key=lambda c: (c != "VN", fold(t.country(c)), c))
        self._by_file: dict[str, list[Event]] | None = None         # made when first asked for (by_file)
        self._by_country: dict[str, list[Event]] | None = None      # (by_country)

    def jobs(self, redirects: dict[str, str]) -> list[tuple]:
        """Every page of the site as a small description, in site order; `make` plans one. A build
        plans, renders and writes one page at a time, so the plans are never held all at once."""
        return [("home",), ("officials",), ("articles",), *(("articles_year", y) for y in self.article_years),
                ("unplaced",), ("search",), ("countries",), *(("country", c) for c in self.country_codes),
                ("404",), *(("year", y) for y in self.years),
                *(("event", i) for i in range(len(self.timeline.events))),
                *(("official", i) for i in range(len(self.timeline.officials))),
                *(("article", i) for i in range(len(self.timeline.sources))),
                *(("redirect", old, new) for old, new in sorted(redirects.items()))]

    def make(self, job: tuple) -> Page:
        kind, *args = job
        return getattr(self, _MAKERS[kind])(*args)

    def pages(self, redirects: dict[str, str]) -> list[Page]:
        return [self.make(job) for job in self.jobs(redirects)]

    def _event_page(self, i: int) -> Page:
        return self._again(lambda: self.event(self.timeline.events[i], i), *self._event_inputs(i))

    def _official_page(self, i: int) -> Page:
        return self._again(lambda: self.official(self.timeline.officials[i]), *self._official_inputs(i))

    def _article_page(self, i: int) -> Page:
        return self._again(lambda: self.article(self.timeline.sources[i]), *self._article_inputs(i))

    def describe(self, job: tuple) -> tuple[list[str], dict, bytes] | None:
        """(its files, sitemap line, hash of its inputs) of a meeting's, an official's or an article's page,
        without planning it: such a page is decided by its inputs (`_again`), so the same hash is the same
        page. None for the listings, whose inputs are the whole timeline."""
        kind, *args = job
        if kind == "event":
            e = self.timeline.events[args[0]]
            url = event_url(e.id)
            return [url + "index.html", url + "index.md"], self._sitemap_line(url, e), \
                self._inputs_key(*self._event_inputs(args[0]))
        if kind == "official":
            url = official_url(self.timeline.officials[args[0]].id)
            return [url + "index.html", url + "index.md"], self._sitemap_line(url, None), \
                self._inputs_key(*self._official_inputs(args[0]))
        if kind == "article":
            url = article_url(self.timeline.sources[args[0]].id)
            return [url + "index.html"], self._sitemap_line(url, None), self._inputs_key(*self._article_inputs(args[0]))
        return None

    def _event_inputs(self, i: int) -> tuple:
        events, e = self.timeline.events, self.timeline.events[i]
        return e, events[i - 1] if i else None, events[i + 1:i + 2], [p.official in self.officials for p in e.participants], \
            [self.sources.get(s.file) for s in e.sources]

    def _official_inputs(self, i: int) -> tuple:
        o = self.timeline.officials[i]
        return o, [self.events[eid] for eid in o.events], \
            [p.official in self.officials for eid in o.events for p in self.events[eid].participants]

    def _article_inputs(self, i: int) -> tuple:
        src = self.timeline.sources[i]
        events = self.by_file.get(src.file, [])
        return src, events, [e.id in self.events and self.events[e.id] is e for e in events], \
            [p.official in self.officials for e in events for p in e.participants], \
            [p.country in self.country_codes for e in events for p in e.participants]

    @property
    def by_file(self) -> dict[str, list[Event]]:
        """Each article's meetings: in the chronology, then undated, then outside the range."""
        if self._by_file is None:
            self._by_file = defaultdict(list)
            for e in [*self.timeline.events, *self.timeline.undated, *self.timeline.out_of_range]:
                for f in dict.fromkeys(s.file for s in e.sources):
                    self._by_file[f].append(e)
        return self._by_file

    def inputs_key(self, *inputs) -> bytes:
        """A hash of these inputs (meetings, officials and articles by their digests) and of the site's
        settings that word them: the same hash, the same words."""
        return self._inputs_key(*inputs)

    def _inputs_key(self, *inputs) -> bytes:
        return hashlib.sha256(value_bytes((self.t.language, self.base, self.site_title, self.newest_first,
                                           self.file_links, self._digested(inputs)))).digest()

    def _again(self, make, *inputs) -> Page:
        """The previous build's page when it was made from the same inputs, else a new one."""
        if self._previous is None:
            return make()
        key = self._inputs_key(*inputs)
        page = self._previous.get(key) or make()
        self.reused[key] = page
        return page

    def _digested(self, value):
        """`value` with each meeting and official in it replaced by a hash of its value, taken once a build:
        a meeting is an input of its page, of its neighbours' and of each of its officials' pages."""
        if isinstance(value, (Event, Official, ArticleSource)):
            digest = self._digests.get(id(value))
            if digest is None:
                digest = self._digests[id(value)] = hashlib.sha256(value_bytes(value)).digest()
            return digest
        if isinstance(value, (list, tuple)):
            if value and type(value[0]) is bool:
                return tuple(value)            # flags (is there a page for each?): nothing to replace
            return tuple(self._digested(v) for v in value)
        return value

    # -- words ------------------------------------------------------------------------------------

    def _ordered(self, events: list[Event]) -> list[Event]:
        return list(reversed(events)) if self.newest_first else list(events)

    def headline(self, e: Event) -> str:
        """'Bộ trưởng X tiếp Đại sứ Y' in the interface language (the title timeline.json gives, in Vietnamese)."""
        if self.t.language == "vi" and e.title:
            return e.title
        return event_title(e, self.t) or self.t.kind(e.kind)

    def summary(self, e: Event) -> str:
        """One sentence: when, who with whom, where."""
        where = f" {self.t('at')} {e.location}" if e.location else ""
        online = f" ({self.t('online')})" if e.online else ""
        return f"{self.t.when(e.date)}, {self.headline(e)}{where}{online}."

    def title_md(self, title: str) -> str:
        """A position as Markdown: in the interface language, or as written and marked Vietnamese."""
        if self.t.language == "vi":
            return escape(title)
        worded = self.t.title(title)
        return escape(worded) if worded != title else vietnamese(title)

    def rel(self, from_url: str, to_url: str) -> str:
        return relative(from_url, to_url, self.file_links)

    def country_link(self, code: str | None, from_url: str) -> str:
        """A country's name, linked to its page when it has one."""
        name = self.t.country(code)
        return link(name, self.rel(from_url, country_url(code))) if code in self.country_codes else escape(name)

    def strip(self, events: list[Event], caption: str) -> dict:
        """The picture of these meetings by month (site/strip.py), for a page's template."""
        def month_label(year: int, month: int, counts: Counter) -> str:
            return f"{month:02d}/{year}: " + ", ".join(f"{n} {self.t.kind(k).lower()}" for k, n in counts.items())
        return {"strip": strip(events, self.years[0], self.years[-1],
                               lambda e: f"{self.t.short_date(e.date)} · {self.t.kind(e.kind)} · {self.headline(e)}",
                               month_label, lambda e: event_url(e.id), year_url),
                "strip_caption": caption}

    def _event_line(self, e: Event, from_url: str) -> str:
        return (f"{self.t.short_date(e.date)} · {self.t.kind(e.kind)} · "
                f"{link(self.headline(e), self.rel(from_url, event_url(e.id)))}")

    # -- pages ------------------------------------------------------------------------------------

    def home(self) -> Page:
        total = len(self.timeline.events)
        order = self.t("newest_first") if self.newest_first else self.t("oldest_first")
        lines = [f"# {escape(self.site_title)}", "",
                 f"{self.t('chronology')} {self.years[0]}–{self.years[-1]}: "
                 f"{self.t.count(total)}, {len(self.timeline.officials)} {self.t('officials_count')} ({order}).", ""]
        unplaced = len(self.timeline.undated) + len(self.timeline.out_of_range)
        built = self.t("built_from").format(articles=link(f"{len(self.timeline.sources)} {self.t('articles_count')}",
                                                            self.rel("", ARTICLES_URL)))
        if unplaced:
            built += " " + link(self.t("unplaced_link").format(count=self.t.count(unplaced)), self.rel("", UNPLACED_URL)) + "."
        lines += [built, ""]
        years = list(reversed(self.years)) if self.newest_first else self.years
        for y in years:
            events = self.by_year.get(y, [])
            if not events:
                continue                 # said once, below
            lines += [f"## {link(str(y), self.rel('', year_url(y)))} · {self.t.count(len(events))}", ""]
            lines += [f"- {self._event_line(e, '')}" for e in self._ordered(events)[:HOME_PER_YEAR]]
            if len(events) > HOME_PER_YEAR:
                lines.append("- " + link(self.t("all_of_year").format(count=self.t.count(len(events)), year=y),
                                         self.rel("", year_url(y))))
            lines.append("")
        empty = [y for y in years if not self.by_year.get(y)]
        if empty:
            lines += [f"{self.t('years_without')}: " + ", ".join(link(str(y), self.rel("", year_url(y))) for y in empty)
                      + ".", ""]
        counts = {y: len(self.by_year.get(y, [])) for y in self.years}
        return Page("", "home.html", self.site_title, "\n".join(lines),
                    description=f"{self.t('chronology')} {self.years[0]}–{self.years[-1]}: {self.t.count(total)}",
                    data={"counts": counts, "total": total, "unplaced": unplaced,
                          **self.strip(self.timeline.events, self.t("strip_caption").format(
                              start=self.years[0], end=self.years[-1]))})

    def year(self, y: int) -> Page:
        url = year_url(y)
        events = self.by_year.get(y, [])
        title = f"{self.t('year')} {y}"
        lines = [f"# {title}", "", f"{self.t.count(len(events))}.", ""]
        lines += [f"- {self._event_line(e, url)}" for e in self._ordered(events)] or [self.t("no_meetings")]
        i = self.years.index(y)
        return Page(url, "year.html", title, "\n".join(lines) + "\n", description=f"{title}: {self.t.count(len(events))}",
                    data={"year": y, "count": len(events),
                          "previous": year_url(self.years[i - 1]) if i > 0 else None,
                          "next": year_url(self.years[i + 1]) if i + 1 < len(self.years) else None})

    def event(self, e: Event, i: int | None = None) -> Page:
        url = event_url(e.id)
        title = self.headline(e)
        lines = [f"# {escape(title)}", "", escape(self.summary(e)), "", *self._corrected(e.corrections),
                 f"- **{self.t('date')}:** {escape(self.t.date(e.date))}",
                 f"- **{self.t('kind')}:** {escape(self.t.kind(e.kind))}"
                 + (f" ({self.t('online')})" if e.online else "")]
        if e.location:
            lines.append(f"- **{self.t('place')}:** {escape(e.location)}")
        lines += ["", f"## {self.t('participants')}", ""]
        for p in e.participants:
            who = link(p.name, self.rel(url, official_url(p.official))) if p.official in self.officials else escape(p.name)
            details = ", ".join([self.title_md(p.title)] * bool(p.title) + [self.country_link(p.country, url)])
            lines.append(f"- {who} — {details} ({self.t.role(p.role)})")
        lines += ["", f"## {self.t('evidence')}", ""]
        for s in e.sources:
            lines += [f"> {escape(s.sentence)}", ">", f"> — {self.cite(s, url)}", ""] if s.sentence else [
                f"- {self.cite(s, url)}", ""]
        lines += [f"## {self.t('date_found')}", "", escape(self.t.date_basis(e.date_basis)), ""]
        meta = {
            "id": e.id, "url": url, "title": title, "date": e.date.iso(), "precision": e.date.precision,
            "date_basis": word_basis(e.date_basis), "kind": e.kind, "online": e.online, "location": e.location,
            "participants": [{"official": p.official, "name": p.name, "title": p.title, "country": p.country,
                              "role": p.role} for p in e.participants],
            "sources": [self._source_meta(s) for s in e.sources],
        }
        events = self.timeline.events
        i = events.index(e) if i is None else i
        return Page(url, "event.html", title, "\n".join(lines), description=self.summary(e), front_matter=meta,
                    data={"event": e, "jsonld": self.event_jsonld(e, url), "search_words": facet_words(
                              type=["event"], country=[p.country for p in e.participants], kind=[e.kind],
                              year=[e.date.year], official=[p.official for p in e.participants if p.official in self.officials]),
                          "previous": self._neighbour(events[i - 1]) if i > 0 else None,
                          "next": self._neighbour(events[i + 1]) if i + 1 < len(events) else None,
                          "year": year_url(e.date.year)})

    def _corrected(self, corrections) -> list[str]:
        """A small note that the editors corrected this page, what and why (corrections.toml)."""
        if not corrections:
            return []
        said = "; ".join(f"{self.t.corrected(c.target, c.field)} ({escape(c.reason)})" for c in corrections)
        return [f"*{self.t('corrected_by')}: {said}.*", ""]

    def cite(self, s: Evidence, from_url: str) -> str:
        """A source as a reader checks it: outlet · publication date · headline (linked to the original) ·
        the article's page here, which shows what was read in it."""
        src = self.sources.get(s.file)
        if src is None and s.link:                 # a source the editors gave by its address
            return external_link(urlsplit(s.link).hostname or s.link, s.link)
        if src is None:
            return f"{self.t('source')} {escape(s.file)}"
        parts = [escape(src.outlet.name)] if src.outlet else []
        if src.published:
            parts.append(self.t.short_date(src.published))
        if src.headline:
            parts.append(external_link(src.headline, src.link) if src.link else f"“{escape(src.headline)}”")
        elif src.link:
            parts.append(external_link(self.t("original"), src.link))
        parts.append(link(s.file, self.rel(from_url, article_url(src.id))))
        return " · ".join(parts)

    def source_line(self, s: Evidence) -> str:
        """A source as plain text (for the calendar): outlet · date · headline · the article's file."""
        src = self.sources.get(s.file)
        if src is None:
            return s.link or s.file
        parts = [src.outlet.name] if src.outlet else []
        parts += [self.t.short_date(src.published)] if src.published else []
        parts += [src.headline] if src.headline else []
        return " · ".join(parts + [src.link or s.file])

    def _source_meta(self, s: Evidence) -> dict:
        src = self.sources.get(s.file)
        meta = {"file": s.file, "evidence": s.sentence, **({"link": s.link} if s.link else {})}
        if src is not None:
            meta.update(article=article_url(src.id), headline=src.headline,
                        outlet=src.outlet.name if src.outlet else None,
                        published=src.published.iso() if src.published else None, link=src.link)
        return meta

    def _neighbour(self, e: Event) -> dict:
        return {"url": event_url(e.id), "date": self.t.short_date(e.date), "title": self.headline(e)}

    def event_jsonld(self, e: Event, url: str) -> str:
        """schema.org Event, safe inside <script>: '<', '>' and '&' are escaped in the JSON."""
        online = "Online" if e.online else "Offline"
        data = {
            "@context": "https://schema.org", "@type": "Event", "name": self.headline(e),
            "description": self.summary(e), "startDate": e.date.iso(), "url": self.base.full(url),
            "eventAttendanceMode": f"https://schema.org/{online}EventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": ({"@type": "VirtualLocation", "url": self.base.full(url)} if e.online and not e.location
                         else {"@type": "Place", "name": e.location or "?"}),
            "attendee": [{"@type": "Person", "name": p.name, "jobTitle": self.t.title(p.title) or None,
                          "nationality": {"@type": "Country", "name": self.t.country(p.country)} if p.country else None,
                          "url": self.base.full(official_url(p.official)) if p.official in self.officials else None}
                         for p in e.participants],
        }
        data["attendee"] = [{k: v for k, v in a.items() if v is not None} for a in data["attendee"]]
        text = json.dumps(data, ensure_ascii=False)
        return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")

    def official(self, o: Official) -> Page:
        url = official_url(o.id)
        lines = [f"# {escape(o.name)}", "", *self._corrected(o.corrections),
                 f"- **{self.t('country')}:** {self.country_link(o.country, url)}"]
        if o.aliases:
            lines.append(f"- **{self.t('aliases')}:** " + ", ".join(escape(a) for a in o.aliases))
        met = [self.events[eid] for eid in o.events]
        lines += ["", f"## {self.t('summary')}", ""] + self._official_summary(o, met, url)
        lines += ["", f"## {self.t('positions')}", ""]
        if o.positions:
            lines.append(table([self.t("position"), self.t("first_seen"), self.t("last_seen")],
                               [[self.title_md(p.title), self.t.short_date(_parse(p.first_seen)),
                                 self.t.short_date(_parse(p.last_seen))] for p in o.positions]))
        lines += ["", f"## {self.t('meetings_of')} ({len(o.events)})", ""]
        for e in self._ordered(met):
            others = [p for p in e.participants if p.official != o.id]
            with_ = ", ".join((link(p.name, self.rel(url, official_url(p.official))) if p.official in self.officials
                               else escape(p.name)) + (f" ({self.country_link(p.country, url)})" if p.country else "")
                              for p in others)
            lines.append(f"- {self._event_line(e, url)}" + (f" — {self.t('with')} {with_}" if with_ else ""))
        meta = {"id": o.id, "url": url, "name": o.name, "aliases": o.aliases, "country": o.country,
                "positions": [{"title": p.title, "first_seen": p.first_seen, "last_seen": p.last_seen}
                              for p in o.positions],
                "events": o.events}
        title = o.name
        described = f"{o.name}: {self.t.country(o.country)}, {self.t.count(len(o.events))}"
        words = facet_words(type=["official"], country=[o.country], official=[o.id], year={e.date.year for e in met},
                            kind={e.kind for e in met})
        return Page(url, "official.html", title, "\n".join(lines) + "\n", description=described, front_matter=meta,
                    data={"official": o, "search_words": words,
                          **self.strip(met, self.t("strip_of").format(name=o.name))})

    def _official_summary(self, o: Official, met: list[Event], url: str) -> list[str]:
        """Meetings per year, then the counterparts by country (most met first): the page at a glance."""
        per_year = Counter(e.date.year for e in met)
        years = sorted(per_year, reverse=self.newest_first)
        lines = [f"- **{self.t('per_year')}:** " + ", ".join(f"{y}: {per_year[y]}" for y in years)]
        met_with: dict[str | None, Counter] = defaultdict(Counter)
        names: dict[str, str] = {}
        for e in met:
            for p in e.participants:
                if p.official != o.id:
                    met_with[p.country][p.official] += 1
                    names.setdefault(p.official, p.name)
        for country in sorted(met_with, key=lambda c: (-sum(met_with[c].values()), c is None,
                                                        fold(self.t.country(c)), c or "")):
            people = sorted(met_with[country].items(), key=lambda item: (-item[1], fold(names[item[0]]), item[0]))
            who = ", ".join((link(names[i], self.rel(url, official_url(i))) if i in self.officials else escape(names[i]))
                            + (f" ({n})" if n > 1 else "") for i, n in people)
            lines.append(f"- **{self.country_link(country, url)}:** {who}")
        return lines

    def officials_index(self) -> Page:
        """Every official as a row: name, country, title last seen, meetings. Việt Nam first (the chronology
        is about its leaders), then by country and name; the theme's sort.js sorts by any column."""
        url = "officials/"
        countries = {o.country for o in self.timeline.officials if o.country}
        # a name by its last word (the given name of a Vietnamese name), letters before tone marks
        people = sorted(self.timeline.officials, key=lambda o: (
            o.country is None, o.country != "VN", fold(self.t.country(o.country)), self.t.country(o.country),
            [fold(w) for w in o.name.split()[-1:]], fold(o.name), o.name))
        lines = [f"# {self.t('all_officials')}", "",
                 f"{len(people)} {self.t('officials_count')}, {len(countries)} {self.t('countries_count')}.", "",
                 table([self.t("name"), self.t("country"), self.t("title_last_seen"), self.t("meetings_of")],
                       [[link(o.name, self.rel(url, official_url(o.id))), self.country_link(o.country, url),
                         self.title_md(o.positions[-1].title) if o.positions else "–", str(len(o.events))]
                        for o in people])]
        return Page(url, "officials.html", self.t("all_officials"), "\n".join(lines) + "\n",
                    description=self.t("all_officials"))

    def article(self, src: ArticleSource) -> Page:
        """What the build read in one article: where it is from, the meetings it reports (with its own
        sentences), the officials it names, and what it could not use."""
        url = article_url(src.id)
        title = src.headline or src.file
        unknown = f"*{self.t('not_known')}*"
        outlet = f"{escape(src.outlet.name)} ({escape(self.t.outlet_basis(src.outlet))})" if src.outlet else unknown
        published = escape(self.t.date(src.published)) + (
            f" ({escape(self.t.published_basis(src.published_basis))})" if src.published_basis.read else "") \
            if src.published else unknown
        lines = [f"# {escape(title)}", "",
                 f"- **{self.t('outlet')}:** {outlet}",
                 f"- **{self.t('published')}:** {published}",
                 f"- **{self.t('original')}:** {external_link(src.link, src.link) if src.link else unknown}",
                 f"- **{self.t('file')}:** {escape(src.file)}"]
        events = self.by_file.get(src.file, [])
        lines += ["", f"## {self.t('reported_meetings')} ({len(events)})", ""]
        for e in events:
            if self.events.get(e.id) is e:
                head = self._event_line(e, url)
            else:
                placed = self.t("undated") if e.date is None else self.t("outside").format(
                    start=self.years[0], end=self.years[-1])
                when = f"{self.t.short_date(e.date)} · " if e.date else ""
                head = f"{when}{escape(self.headline(e))} ({link(placed, self.rel(url, UNPLACED_URL))})"
            lines += [f"- {head}", ""]
            lines += [f"    > {escape(s.sentence)}" for s in e.sources if s.file == src.file]
            lines.append("")
        if not events:
            lines += [self.t("no_meeting_found"), ""]
        named = {p.official: p for e in events for p in e.participants}
        lines += [f"## {self.t('officials_named')} ({len(named)})", ""]
        for official, p in sorted(named.items(), key=lambda item: (fold(item[1].name), item[1].name)):
            who = link(p.name, self.rel(url, official_url(official))) if official in self.officials else escape(p.name)
            details = ", ".join([self.title_md(p.title)] * bool(p.title) + [self.country_link(p.country, url)])
            lines.append(f"- {who} — {details}")
        lines += ["", f"## {self.t('not_used')}", ""]
        lines += [f"- {escape(note)}" for note in src.notes] or [self.t("nothing_skipped")]
        # HTML only: timeline.json lists the articles, and an archive has tens of thousands of them
        listed = articles_year_url(src.published.year if src.published else "undated")
        # not in the search index: its meetings' pages carry the same sentences (and the index grows by
        # about 1 ms of Pagefind a page)
        return Page(url, "article.html", title, "\n".join(lines) + "\n", description=title,
                    data={"source": src, "listed": listed})

    @property
    def article_years(self) -> list[int | str]:
        """The years articles were published in, in the site's order, then 'undated' if any has no date:
        the articles are listed a year a page (a newsroom archive has tens of thousands)."""
        years = sorted({s.published.year for s in self.timeline.sources if s.published}, reverse=self.newest_first)
        return [*years, *(["undated"] if any(s.published is None for s in self.timeline.sources) else [])]

    def articles_index(self) -> Page:
        """How many articles were read, by year of publication (each year a page) and by outlet."""
        url = ARTICLES_URL
        sources = self.timeline.sources
        per_year = Counter(s.published.year if s.published else "undated" for s in sources)
        per_outlet = Counter(s.outlet.name if s.outlet else None for s in sources)
        lines = [f"# {self.t('all_articles')}", "", f"{len(sources)} {self.t('articles_count')}.", ""]
        if sources:
            lines += [f"## {self.t('by_year')}", "",
                      table([self.t("year"), self.t("articles")],
                            [[link(str(y) if y != "undated" else self.t("no_date"), self.rel(url, articles_year_url(y))),
                              str(per_year[y])] for y in self.article_years]), "",
                      f"## {self.t('by_outlet')}", "",
                      table([self.t("outlet"), self.t("articles")],
                            [[escape(name) if name else f"*{self.t('not_known')}*", str(n)] for name, n in
                             sorted(per_outlet.items(), key=lambda item: (-item[1], item[0] is None,
                                                                          fold(item[0] or ""), item[0] or ""))])]
        return Page(url, "articles.html", self.t("all_articles"), "\n".join(lines) + "\n",
                    description=self.t("all_articles"))

    def articles_of_year(self, year: int | str) -> Page:
        """The articles published in one year (or without a date), with outlet and meetings reported."""
        url = articles_year_url(year)
        chosen = [s for s in self.timeline.sources if (s.published.year if s.published else "undated") == year]
        chosen.sort(key=lambda s: (s.published.iso() if s.published else "", s.file), reverse=self.newest_first)
        title = f"{self.t('all_articles')}: {year if year != 'undated' else self.t('no_date')}"
        lines = [f"# {escape(title)}", "", f"{len(chosen)} {self.t('articles_count')}.", "",
                 table([self.t("published"), self.t("outlet"), self.t("headline"), self.t("meetings_of")],
                       [[self.t.short_date(s.published) if s.published else "–",
                         escape(s.outlet.name) if s.outlet else "–",
                         link(s.headline or s.file, self.rel(url, article_url(s.id))),
                         str(len(self.by_file.get(s.file, [])))] for s in chosen])]
        return Page(url, "articles.html", title, "\n".join(lines) + "\n", description=title)

    def unplaced(self) -> Page:
        """The meetings the chronology cannot show: without a date, or dated outside the range; each with
        why and its sources, so that an editor can place it."""
        url = UNPLACED_URL
        start, end = self.years[0], self.years[-1]
        undated, outside = self.timeline.undated, sorted(self.timeline.out_of_range,
                                                          key=lambda e: (e.date.iso(), self.headline(e)))
        lines = [f"# {self.t('unplaced')}", "",
                 self.t("unplaced_intro").format(undated=self.t.count(len(undated)), outside=self.t.count(len(outside)),
                                                 start=start, end=end), ""]
        for heading, events in ((self.t("undated"), undated),
                                (self.t("outside").format(start=start, end=end), outside)):
            lines += [f"## {heading} ({len(events)})", ""]
            for e in events:
                when = f"{self.t.short_date(e.date)} · " if e.date else ""
                lines += [f"- {when}{escape(self.headline(e))}", "",
                          f"    {self.t('why')}: {escape(self.t.date_basis(e.date_basis))}", ""]
                if e.id:                     # what corrections.toml calls it, to give it its date
                    lines += [f"    {self.t('correction_id')}: {escape(e.id)}", ""]
                for s in e.sources:
                    lines += [f"    > {escape(s.sentence)}", "    >", f"    > — {self.cite(s, url)}", ""]
        return Page(url, "unplaced.html", self.t("unplaced"), "\n".join(lines) + "\n",
                    description=self.t("unplaced"))

    @property
    def by_country(self) -> dict[str, list[Event]]:
        """The meetings of the chronology with each country, in date order."""
        if self._by_country is None:
            self._by_country = defaultdict(list)
            for e in self.timeline.events:
                for c in dict.fromkeys(p.country for p in e.participants if p.country):
                    self._by_country[c].append(e)
        return self._by_country

    def countries_index(self) -> Page:
        """Every country with a page: its meetings and officials, most meetings first."""
        url = COUNTRIES_URL
        officials = Counter(o.country for o in self.timeline.officials)
        order = sorted(self.country_codes, key=lambda c: (c != "VN", -len(self.by_country.get(c, [])),
                                                          fold(self.t.country(c)), c))
        lines = [f"# {self.t('countries')}", "", f"{len(order)} {self.t('countries_count')}.", "",
                 table([self.t("country"), self.t("meetings_of"), self.t("officials")],
                       [[self.country_link(c, url), str(len(self.by_country.get(c, []))), str(officials[c])]
                        for c in order])]
        return Page(url, "countries.html", self.t("countries"), "\n".join(lines) + "\n", description=self.t("countries"))

    def country(self, code: str) -> Page:
        """One country: its officials (with the title last seen and their meetings) and, for a foreign
        country, its meetings with Vietnamese officials by year, in the site's order."""
        url = country_url(code)
        name = self.t.country(code)
        events = self.by_country.get(code, [])
        people = sorted((o for o in self.timeline.officials if o.country == code),
                        key=lambda o: (-len(o.events), fold(o.name), o.id))
        lines = [f"# {escape(name)}", "",
                 f"{self.t.count(len(events))}, {len(people)} {self.t('officials_count')}.", ""]
        lines += [f"## {self.t('officials')} ({len(people)})", ""]
        for o in people:
            title = f" — {self.title_md(o.positions[-1].title)}" if o.positions else ""
            lines.append(f"- {link(o.name, self.rel(url, official_url(o.id)))}{title} · {self.t.count(len(o.events))}")
        lines.append("")
        if code != "VN":           # Việt Nam's meetings are the whole chronology
            lines += [f"## {self.t('meetings_of')} ({len(events)})", ""]
            by_year: dict[int, list[Event]] = defaultdict(list)
            for e in events:
                by_year[e.date.year].append(e)
            for y in sorted(by_year, reverse=self.newest_first):
                lines += [f"### {y} ({len(by_year[y])})", ""]
                lines += [f"- {self._event_line(e, url)}" for e in self._ordered(by_year[y])]
                lines.append("")
        return Page(url, "country.html", name, "\n".join(lines), description=f"{name}: {self.t.count(len(events))}",
                    data={"country": code, "search_country": code,
                          **self.strip(events, self.t("strip_of").format(name=name))})

    def search(self) -> Page:
        """The search page: a form (words; country, kind, year, official, type of page) that search.js runs
        through Pagefind's index; without JavaScript or without the index it says how else to look."""
        countries = sorted({p.country for e in self.timeline.events for p in e.participants if p.country},
                           key=lambda c: (c != "VN", fold(self.t.country(c)), c))
        kinds = sorted({e.kind for e in self.timeline.events}, key=lambda k: fold(self.t.kind(k)))
        officials = sorted(self.timeline.officials, key=lambda o: (fold(o.name), o.name, o.id))
        body = f"# {self.t('search')}\n"
        return Page(SEARCH_URL, "search.html", self.t("search"), body, description=self.t("search"),
                    data={"countries": [(c, self.t.country(c)) for c in countries],
                          "kinds": [(k, self.t.kind(k)) for k in kinds], "search_years": list(reversed(self.years)),
                          "search_officials": [(o.id, o.name, self.t.country(o.country)) for o in officials],
                          "search_on": self.search_on})

    def not_found(self) -> Page:
        # GitHub Pages serves 404.html at any depth, so its links carry the base path
        home = self.base.path_of("")
        body = f"# {self.t('not_found_title')}\n\n{self.t('not_found_text')} {link(self.t('home'), home)}\n"
        return Page("404.html", "404.html", self.t("not_found_title"), body, data={"absolute": True})

    def redirect(self, old: str, new: str) -> Page:
        body = f"# {self.t('moved_title')}\n\n{self.t('moved_text')} {link(new or self.t('home'), self.rel(old, new))}\n"
        return Page(old, "redirect.html", self.t("moved_title"), body, data={"target": new})

    # -- feeds --------------------------------------------------------------------------------------

    def feed_entries(self) -> list[dict]:
        newest = sorted(self.timeline.events, key=lambda e: (e.date.iso(), e.id), reverse=True)[:FEED_SIZE]
        return [{"title": self.headline(e), "url": self.base.full(event_url(e.id)),
                 "id": self.base.full(event_url(e.id)) if self.base.is_absolute else f"urn:timeline:event:{e.id}",
                 "updated": _timestamp(e), "summary": self.summary(e),
                 "authors": [p.name for p in e.participants]} for e in newest]

    def sitemap_entry(self, page: Page) -> dict | None:
        """The page's line in the sitemap, or None (redirects and the 404 page are not listed)."""
        if page.template in ("redirect.html", "404.html"):
            return None
        return self._sitemap_line(page.url, page.data.get("event"))

    def _sitemap_line(self, url: str, e: Event | None) -> dict:
        return {"loc": self.base.full(url), "lastmod": e.date.last_day().isoformat() if e else None}


def _parse(iso: str) -> PartialDate | None:
    parts = [int(x) for x in iso.split("-")] if iso else []
    return PartialDate(*parts) if parts else None


def _timestamp(e: Event) -> str:
    """A meeting's time in the feed: its (last possible) day, so builds stay byte-identical."""
    return dt.datetime.combine(e.date.last_day(), dt.time()).isoformat() + "Z"
