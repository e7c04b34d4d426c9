"""Who published an article and where it is online, from what the saved page says of itself.

A reader checking a meeting needs each source's outlet, date, headline and link. The headline and
the date are the reader's (`reader.parse_article`); this module finds the outlet and the link. The
outlet is read by the first of `RULES` that finds one, most trusted first: what the user wrote in
the front matter, the domain of the article's link, the masthead line above the headline, the mark
that opens the lead ("(PLO)-", "TGVN.", "Hà Nội (TTXVN) -"), a web address the page's chrome
names, and last the file's own name ("02_vietnamplus-raab.txt"). Outlets are known from a
gazetteer (`data/outlets.tsv`: names, marks, domains); a masthead may also name one it lacks.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from generator.model import Outlet
from generator.names import fold


@dataclass(frozen=True)
class Gazetteer:
    """The outlets of `data/outlets.tsv`, looked up by any of their names, marks or domains."""

    by_key: dict[str, str]          # folded name, mark or domain -> the outlet's name
    by_domain: dict[str, str]       # domain (lower case, no 'www.') -> the outlet's name
    by_label: dict[str, str]        # a domain's first label or a one-word mark ('plo', 'vietnamplus') -> name
    domains: re.Pattern             # any known domain, as a word of a line

    def named(self, text: str) -> str | None:
        return self.by_key.get(fold(text)) if text else None

    def of_host(self, host: str) -> str | None:
        """The outlet of a web address's host, also of its subdomains ('en.vietnamplus.vn')."""
        host = host.lower().rstrip(".")
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.partition(".")[2]
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_key, by_domain, by_label = {}, {}, {}
    text = resources.files("generator.extract").joinpath("data", "outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, marks, domains, others = (line.split("\t") + ["", "", ""])[:4]
        marks, domains, others = (_items(x) for x in (marks, domains, others))
        for key in [name, *marks, *domains, *others]:
            by_key.setdefault(fold(key), name)
        for domain in domains:
            by_domain[domain.lower()] = name
            by_label.setdefault(domain.split(".")[0].lower(), name)
        for word in [*marks, *others]:
            if re.fullmatch(r"\w{3,}", fold(word)):
                by_label.setdefault(fold(word), name)
    pattern = "|".join(re.escape(d) for d in sorted(by_domain, key=len, reverse=True))
    # a known domain or a subdomain of one ('baodientu.chinhphu.vn'), as a word of a line
    return Gazetteer(by_key, by_domain, by_label,
                     re.compile(rf"(?<![\w.-])((?:[\w-]+\.)*(?:{pattern}))(?![\w-])", re.I))


def _items(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


@lru_cache(maxsize=1)
def _sections() -> frozenset[str]:
    text = resources.files("generator.extract").joinpath("data", "sections.txt").read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


# --- the article's link --------------------------------------------------------
_LINK_KEYS = ("url", "link", "source_url", "canonical", "source")
# "Nguồn: https://...", "Link bài viết: https://...": the page's own address, written in by whoever saved it
LINK_LINE = re.compile(r"^\s*(?:nguồn|source|url|link(?: bài(?: viết)?)?|bài gốc|xem bài gốc)\s*:\s*(https?://\S+)\s*$",
                       re.I)
_BARE_URL = re.compile(r"^\s*<?(https?://\S+?)>?\s*$", re.I)


def safe_url(text: str | None) -> str | None:
    """An http(s) address fit to link to, or None: no other scheme, no spaces, a host."""
    if not text or len(text) > 2000 or re.search(r"[\s\x00-\x1f\x7f<>\"']", text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def find_link(meta: dict[str, str], lines: list[str]) -> str | None:
    """The article's address: from the front matter, a 'Nguồn: <url>' line, or a line that is only an
    address at the top or the bottom of the page (anywhere else it is a link to another story)."""
    for key in _LINK_KEYS:
        url = safe_url(meta.get(key))
        if url:
            return url
    for line in lines:
        m = LINK_LINE.match(line)
        if m and safe_url(m.group(1)):
            return m.group(1)
    for line in [*lines[:3], *lines[-3:]]:
        m = _BARE_URL.match(line)
        if m and safe_url(m.group(1)):
            return m.group(1)
    return None


# --- the outlet ---------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    """What the rules read of a saved page."""

    path: str                      # the file's path in the content folder
    meta: dict[str, str]           # front matter
    head: list[str]                # the page's first lines, cleaned
    lead: str | None               # the outlet's mark cut off the lead ('(PLO)- ')
    first: str | None              # the report's first paragraph after its headline, as the reader kept it
    chrome: list[str]              # lines that are not the report: menus, credits, widgets
    link: str | None               # the article's address


def _front_matter(page: Page) -> tuple[str, str] | None:
    for key in ("outlet", "publisher"):
        written = " ".join(page.meta.get(key, "").split())[:120]
        if written:
            return gazetteer().named(written) or written, f"{key}: {written}"
    return None


def _link(page: Page) -> tuple[str, str] | None:
    host = urlsplit(page.link).hostname if page.link else None
    name = gazetteer().of_host(host) if host else None
    return (name, host) if name else None


_MASTHEAD_SPLIT = re.compile(r"\s*\|\s*|\s+[-–—]\s+")
_HOST = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.I)       # 'baodientu.chinhphu.vn' on a line of its own
_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")          # 'Le Courrier du Vietnam (bản tiếng Việt)'



def _masthead(page: Page) -> tuple[str, str] | None:
    """'Pháp Luật TP.HCM | Thời sự', 'Báo Bình Dương điện tử - Chính trị', 'VOV.VN': a known outlet
    first on one of the page's first lines; or an unknown name before a '|' that is not a section."""
    for line in page.head[:4]:
        first, *rest = _MASTHEAD_SPLIT.split(line, maxsplit=1)
        first = _ASIDE.sub("", first).strip()
        if first.startswith("(") or rest and (len(rest[0].split()) > 6 or re.search(r"[,.;!?]", rest[0])):
            continue                 # the lead, not a masthead: '(VOV5) - Bộ Công an ...', 'Chinhphu.vn - Ngày ...'
        name = gazetteer().named(first) or (gazetteer().of_host(first) if _HOST.fullmatch(first) else None)
        if name:
            return name, first
        if "|" in line and _could_be_outlet(first):
            return first, first
    return None


def is_host(line: str) -> bool:
    """A line that is only a web address's host ('baodientu.chinhphu.vn'): the page's, never report."""
    return bool(_HOST.fullmatch(line.strip()))


def is_masthead(line: str) -> bool:
    """A line that only names the outlet and its sections ('Báo Bình Dương điện tử - Chính trị'): page
    chrome, never the headline."""
    first, *rest = [part.strip() for part in _MASTHEAD_SPLIT.split(line)]
    first = _ASIDE.sub("", first)
    return bool(rest) and (gazetteer().named(first) is not None or "|" in line and _could_be_outlet(first)) \
        and all(not part or fold(part) in _sections() for part in rest)


def _could_be_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and text[0].isupper() and not re.search(r"\d", text) \
        and fold(text) not in _sections() and not re.match(r"(thứ|chủ nhật)\b", fold(text))


_MARK_IN_BRACKETS = re.compile(r"\(([^()]{2,30})\)")      # 'Hà Nội (TTXVN) - ', '(PLO)- '
_MARK_FIRST = re.compile(r"\s*([\w.]{2,20})")               # 'TGVN. ', 'VOV.VN - '


# an outlet named before a dash at the very start of the report, as a word the reader keeps ('Chinhphu.vn - ')
_NAMED_LEAD = re.compile(r"^\s*([^\W\d][\w.&+ ]{1,38}?)\s*[-–—]\s")


def _lead(page: Page) -> tuple[str, str] | None:
    if page.lead:
        m = _MARK_IN_BRACKETS.search(page.lead) or _MARK_FIRST.match(page.lead)
        name = gazetteer().named(m.group(1)) if m else None
        return (name, page.lead.strip()) if name else None
    m = _NAMED_LEAD.match(page.first or "")
    name = gazetteer().named(m.group(1)) if m else None
    return (name, m.group(0).strip()) if name else None


def _chrome(page: Page) -> tuple[str, str] | None:
    for line in page.chrome:
        m = gazetteer().domains.search(line)
        if m:
            return gazetteer().of_host(m.group(1)), m.group(0)
    return None


def _file_name(page: Page) -> tuple[str, str] | None:
    stem = page.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for token in re.split(r"[^a-z0-9]+", stem.lower()):
        name = gazetteer().by_label.get(token)
        if name:
            return name, token
    return None


@dataclass(frozen=True)
class Rule:
    """One way of finding the outlet, with pages it finds one in: (file name, text, outlet found).
    tests/test_outlets.py reads every example through the reader."""

    name: str
    find: Callable[[Page], tuple[str, str] | None]
    examples: tuple[tuple[str, str, str], ...]


RULES: tuple[Rule, ...] = (
    Rule("front_matter", _front_matter, (
        ("a.md", "---\ntitle: Bộ trưởng tiếp Đại sứ\noutlet: Báo Nhân Dân\n---\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",
         "Nhân Dân"),)),
    Rule("link", _link, (
        ("a.txt", "Bộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.\n"
                  "Nguồn: https://www.vietnamplus.vn/bo-truong-tiep.vnp", "VietnamPlus"),)),
    Rule("masthead", _masthead, (
        ("a.txt", "Pháp Luật TP.HCM | Thời sự\nBộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",
         "Pháp Luật TP.HCM"),
        ("a.txt", "Công an tỉnh Bắc Giang | Tin tức - Sự kiện\nBộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",
         "Công an tỉnh Bắc Giang"),
        ("a.txt", "Bộ trưởng sang thăm Trung Quốc\nbaodientu.chinhphu.vn\n12:00, 26/10/2014\n"
                  "Ngày 26/10, Bộ trưởng lên đường sang thăm Trung Quốc.", "Báo Chính phủ"))),
    Rule("lead", _lead, (
        ("a.txt", "Bộ trưởng tiếp Đại sứ\n(PLO)- Chiều 5/3, Bộ trưởng tiếp Đại sứ.", "Pháp Luật TP.HCM"),
        ("a.txt", "Bộ trưởng tiếp Đại sứ\nHà Nội (TTXVN) - Chiều 5/3, Bộ trưởng tiếp Đại sứ.", "TTXVN"),
        ("a.txt", "Bộ trưởng tiếp Đại sứ\nChinhphu.vn - Chiều 5/3, Bộ trưởng tiếp Đại sứ.", "Báo Chính phủ"))),
    Rule("chrome", _chrome, (
        ("a.txt", "Bộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.\nTheo dõi Baoquocte.vn trên Google News",
         "Thế giới & Việt Nam"),
        ("a.txt", "Bộ trưởng sang thăm Trung Quốc\nNgày 26/10, Bộ trưởng lên đường sang thăm Trung Quốc.\n"
                  "Theo dõi baodientu.chinhphu.vn trên Google News", "Báo Chính phủ"))),
    Rule("file_name", _file_name, (
        ("14_thanhnien-bo-truong-tiep-dai-su.txt", "Bộ trưởng tiếp Đại sứ\nChiều 5/3, Bộ trưởng tiếp Đại sứ.",
         "Thanh Niên"),)),
)


def find_outlet(page: Page) -> Outlet | None:
    """The outlet the first rule finds, with the rule and what it read; None when no rule finds one."""
    for rule in RULES:
        found = rule.find(page)
        if found:
            return Outlet(found[0], rule.name, found[1])
    return None
