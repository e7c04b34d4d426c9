"""Files -> `Article`: decode, normalise, strip page chrome, find the publication date.

Scraped articles carry the page around them: font-size controls, share and
subscribe widgets, photo captions, bylines, breadcrumbs, lines in other
scripts and, at the end, teasers of related articles whose names and dates are
not events of this article. This module removes them so that extraction only
sees the report itself. It interprets no meaning beyond that.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path

from generator.extract.dates import DateExpr, scan_dates
from generator.extract.outlets import LINK_LINE, Page, find_link, find_outlet, is_host, is_masthead
from generator.model import NO_PUBLICATION_DATE, Article, Diagnostic, PartialDate, Published
from generator.names import clean_spaces

ARTICLE_SUFFIXES = (".txt", ".md")


class ArticleError(ValueError):
    """An article that cannot be read; the message says why."""


# --- publication date -------------------------------------------------------
_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b\s*(.*)$")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# the dates themselves are read with the one date grammar (extract/dates.FORMS); these say where
# a full date stands. A headline ending in its own dateline: "... hàng đầu 14/02/2026 07:22"
_AFTER_TAIL = re.compile(r"\s*[|,]?\s*" + _TIME + r"\s*(?:\(?GMT[+-]\d+\)?)?\s*$")
# Sputnik's picture captions: "... - Sputnik Việt Nam, 1920, 15.07.2021" (1920 is an image width)
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_IMAGE_WIDTH = re.compile(r",\s*\d{3,4},\s*$")
# what a dateline holds besides its date: "Thứ Sáu, 15.09.2023 10:41 (GMT+7)", "Cập nhật: ... | 11:52"
_DATELINE_REST = re.compile(r"(thứ\s+(hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|monday|tuesday|wednesday|thursday|friday|"
                            r"saturday|sunday|cập nhật|đăng|ngày|lúc|" + _TIME + r"|\(?GMT\s*[+-]\s*\d+\)?|[\s,|:\-–])+", re.I)
_WEEKDAY = re.compile(r"^(thứ\s+(hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật)\b", re.I)

# --- page chrome ---------------------------------------------------------------
# One row per pattern in data/page_chrome.tsv, each with an example; a kind's rows make one pattern,
# anchored as the kind is read: at the start of the line, or (credits, a linked story's date) anywhere.
CHROME_ROWS: list[tuple[str, str, str]] = []
for _line in resources.files("generator.extract").joinpath("data", "page_chrome.tsv").read_text(encoding="utf-8").splitlines():
    if _line.strip() and not _line.startswith("#"):
        _kind, _pattern, _example = _line.split("\t")
        CHROME_ROWS.append((_kind, _pattern, _example))


def _chrome(kind: str, frame: str) -> re.Pattern:
    body = "|".join(f"(?:{pattern})" for k, pattern, _ in CHROME_ROWS if k == kind)
    return re.compile(frame.format(body), re.I)


_TEASER_HEADER = _chrome("teaser_header", r"^({})\b\s*:?")
# widgets: dropped when short (a sentence may start with "Chia sẻ ...")
_CHROME = _chrome("widget", r"^({})\b")
# page footer and form text: dropped whatever their length
_FOOTER = _chrome("footer", r"^({})")
_CAPTION = _chrome("credit", r"({})")
_SCENE_CAPTION = _chrome("scene", r"^({})\b")
_OUTLET_PREFIX = re.compile("|".join(f"^{pattern}" for k, pattern, _ in CHROME_ROWS if k == "outlet"))
# "Thủ tướng tiếp Đại sứ ... (05/03/2024)", "... - 16:05 10/09/2025", "... 01/04/2025 18:18"
_TEASER_TAIL = _chrome("teaser_tail", r"({})\s*$")
CHROME_PATTERNS = {"teaser_header": _TEASER_HEADER, "widget": _CHROME, "footer": _FOOTER, "credit": _CAPTION,
                   "scene": _SCENE_CAPTION, "outlet": _OUTLET_PREFIX, "teaser_tail": _TEASER_TAIL}
_END_MARK = re.compile(r"\s*\.?/\.\s*$")
_TERMINAL = re.compile(r"[.!?…:;\"”)»]\s*$")


# characters outside Latin, its extensions and Vietnamese: only a line with a letter among them can be
# of another script, and most lines have none (the test runs on every line of every article)
_OUTSIDE_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")


def _is_other_script(line: str) -> bool:
    if not any(c.isalpha() for c in _OUTSIDE_LATIN.findall(line)):
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    foreign = sum(1 for c in letters if not _is_latin(c))
    return foreign / len(letters) > 0.3


def _is_latin(ch: str) -> bool:
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return code > 0x40              # Latin, Latin-1 and extended, Vietnamese letters: no lookup
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:
        return False


def _word_count(line: str) -> int:
    return len(line.split())


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) to NFC text; anything else is an ArticleError."""
    if b"\x00" in data[:4096]:
        raise ArticleError("looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _full_dates(line: str) -> list[DateExpr]:
    """The dates with day, month and year in a line, impossible ones included."""
    if not _A_YEAR.search(line):
        return []
    return [d for d in scan_dates(line) if d.year and d.day and not d.is_range]


def _caption_dateline(line: str) -> DateExpr | None:
    """'... - Sputnik Việt Nam, 1920, 15.07.2021': a picture's caption ending in its date."""
    dates = _full_dates(line)
    last = dates[-1] if dates else None
    if last and not line[last.end:].strip() and _IMAGE_WIDTH.search(line[:last.start]):
        return last
    return None


def _dateline_tail(line: str) -> DateExpr | None:
    """'... hàng đầu 14/02/2026 07:22': a line ending in a date and a time."""
    dates = _full_dates(line)
    last = dates[-1] if dates else None
    return last if last and _AFTER_TAIL.fullmatch(line[last.end:]) else None


def _dateline(line: str) -> tuple[PartialDate | None, Published, str | None] | None:
    """The date of a dateline: a short line that is mostly a date, or a headline's date+time tail
    (with how it was found, and what is wrong with it when no calendar has it)."""
    d = _caption_dateline(line)
    if d:
        return _dated(d, Published("caption", line[_IMAGE_WIDTH.search(line[:d.start]).start():].strip(", ")))
    d = _dateline_tail(line)
    if d:
        return _dated(d, Published("dateline", line[d.start:].strip()))
    if _TERMINAL_SENTENCE.search(line):
        return None
    dates = _full_dates(line)
    if dates:
        rest = line[:dates[0].start] + line[dates[0].end:]
        if len(_DATELINE_REST.sub(" ", rest).strip()) <= 45:
            return _dated(dates[0], Published("dateline", line.strip()))
    return None


def _find_dateline(lines: list[str]) -> tuple[PartialDate | None, Published, list[str]]:
    """The article's dateline above the body, and the impossible ones met before it.

    A page can carry two: the site's header ('Chủ Nhật, 24/11/2024 21:25', the day the page was
    rendered) above the headline, and the article's own under it. The one nearest the report is the
    article's."""
    problems = []
    best = None
    for i, line in enumerate(lines):
        if _is_body(line):
            break
        found = _dateline(line)
        if found and found[0]:
            best = found
            if i == 0 and i + 1 < len(lines) and len(lines[i + 1].strip()) <= 6 \
                    and not _TERMINAL_SENTENCE.search(lines[i + 1]):
                # "18/03/2026" then "x", "+", "aa": the site's bar of widgets, the day the page was rendered
                best = (found[0], Published("page", found[1].read), None)
        elif found:
            problems.append(found[2])
        elif best and _word_count(line) >= 12 and _TERMINAL_SENTENCE.search(line):
            break                        # the report has begun
    if best and best[1].source == "page":
        # the site's bar shows the day the page was saved, not when the report was written: no publication
        # date, though the record says what was seen
        return None, best[1], problems
    if best:
        return best[0], best[1], problems
    for line in lines:
        # none above the report: a line that is a dateline and nothing else, below it ('Thứ hai,
        # 22/05/2023 08:41'), is the article's
        found = _dateline(line) if len(line) <= 60 else None
        if found and found[0] and _only_a_date(line):
            return found[0], found[1], problems
    return None, NO_PUBLICATION_DATE, problems


def _only_a_date(line: str) -> bool:
    dates = _full_dates(line)
    rest = line[:dates[0].start] + line[dates[0].end:] if dates else line
    return bool(dates) and len(_DATELINE_REST.sub("", rest).strip()) <= 3


_TERMINAL_SENTENCE = re.compile(r"\w[.!?]\s*$")


_WHERE = {"front_matter": "front matter date", "header": "header date", "dateline": "dateline",
          "caption": "dateline of a picture caption", "page": "date of the page"}


def _dated(d: DateExpr, where: Published) -> tuple[PartialDate | None, Published, str | None]:
    """The date read, where it was read, and, for an impossible one, no date and why (the article
    carries that to the user as a warning)."""
    date = PartialDate.checked(d.year, d.month, d.day)
    if date is not None:
        return date, where, None
    why = PartialDate.problem(d.year, d.month, d.day)
    return None, NO_PUBLICATION_DATE, (f"the {_WHERE[where.source]} '{where.read}' names an impossible date ({why}); "
                                       "it is not the publication date")


def _written(m: re.Match) -> DateExpr:
    """The ISO year, month and day of a header or front matter ('2021-06', '2021-06-22')."""
    return DateExpr(m.start(), m.end(), m.group(0), day=int(m.group(3)) if m.group(3) else None,
                    month=int(m.group(2)), year=int(m.group(1)))


def _is_body(line: str) -> bool:
    return len(line) > 160 and bool(_TERMINAL_SENTENCE.search(line))


def _strip_teasers(lines: list[str]) -> list[str]:
    """Drop related-article blocks: after a teaser header, and the TGVN/Sputnik forms without one."""
    out: list[str] = []
    dropping = False
    seen_caption_dateline = False
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if _TEASER_HEADER.match(line):
            dropping = True
            continue
        if dropping:
            if _is_body(line) and _word_count(line) >= 25:
                dropping = False       # a teaser box inside the article; the report goes on
            else:
                continue
        if line.startswith(">>") or line.startswith("»"):
            continue
        if _caption_dateline(line):
            if seen_caption_dateline:  # a teaser's picture; its headline follows
                skip_next = True
                continue
            seen_caption_dateline = True
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt == line and not _is_body(line):
            # a teaser headline printed twice (picture alt text + title), then its lead
            skip_next = True
            if i + 2 < len(lines) and lines[i + 2].rstrip().endswith(("...", "…")):
                lines[i + 2] = ""
            continue
        out.append(line)
    return out


def _is_chrome(line: str) -> bool:
    if _FOOTER.match(line) or " > " in line and not _TERMINAL_SENTENCE.search(line):
        return True
    if _CHROME.match(line) and (_word_count(line) <= 12 or not _TERMINAL_SENTENCE.search(line)):
        return True
    if _is_other_script(line):
        return True
    if " | " in line and (len(line) < 90 or line.count(" | ") >= 3) and not _TERMINAL_SENTENCE.search(line):
        return True                      # breadcrumbs and menus: "Công an nhân dân | Lãnh đạo Bộ Công an"
    if line.startswith("[") and not _TERMINAL_SENTENCE.search(line):
        return True                      # "[Facebook] [Zalo] [Chia sẻ]"
    if _word_count(line) <= 6 and not re.search(r"\w[.!?…]\s*$", line):
        return True                      # labels and bylines: "Thời sự", "P.V (theo TTXVN)"
    return False


def _is_caption(line: str) -> bool:
    if _CAPTION.search(line):
        # a picture's caption is a line or two; a page saved as one long line holds its captions inside
        return _word_count(line) <= 80
    return bool(_SCENE_CAPTION.match(line)) and _word_count(line) <= 10


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def _markdown_to_text(text: str) -> tuple[str, dict[str, str]]:
    """Plain text of a Markdown article, and its front matter's simple 'key: value' lines."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("'\"")
        text = text[m.end():]
    lines = []
    for line in text.split("\n"):
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_PREFIX.sub("", line)
        lines.append(_MD_EMPHASIS.sub("", line))
    return "\n".join(lines), meta


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines.

    A line that goes on in lower case, or after a comma, continues the one before. In
    a text wrapped at a fixed width (most lines 55-100 characters, cut mid-sentence),
    any line after a cut one does.
    """
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    cut = [line for line in lines if 55 <= len(line) <= 100 and not _TERMINAL.search(line)]
    wrapped = 55 <= width <= 100 and len(cut) >= 5 and len(cut) * 2 >= len(lengths)
    out: list[str] = []
    raw_prev = ""
    for line in lines:
        prev = out[-1] if out else ""
        joins = prev and line and not _TERMINAL_SENTENCE.search(prev) and not _caption_dateline(prev) \
            and not is_host(line) and not is_host(prev) \
            and not (len(line) < 70 and _dateline(line)) and (
            line[0].islower() or prev.endswith(",") or (wrapped and len(raw_prev) >= width - 15))
        raw_prev = line
        if joins:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def parse_article(path: str, text: str) -> Article:
    """Clean one article's text; `path` is its name relative to the content folder."""
    raw = unicodedata.normalize("NFC", text)
    published = None
    basis = NO_PUBLICATION_DATE
    problems: list[str] = []             # what the user should hear of: impossible dates above the report
    headline = None
    body = raw
    meta: dict[str, str] = {}
    if path.lower().endswith(".md"):
        body, meta = _markdown_to_text(raw)
        m = re.match(r"((?:19|20)\d\d)-(\d{2})(?:-(\d{2}))?", meta.get("date", ""))
        if m:
            published, basis, problem = _dated(_written(m), Published("front_matter", m.group(0)))
            problems += filter(None, [problem])
        headline = meta.get("title") or None
    lines = [line for line in _unwrap([clean_spaces(line) for line in body.split("\n")]) if line]
    link = find_link(meta, lines)
    lines = [line for line in lines if not LINK_LINE.match(line)]     # the page's address, not its report
    head = list(lines[:4])
    for i, line in enumerate(lines[:4]):
        m = _HEADER.match(line)
        if m and published is None:
            published, basis, problem = _dated(_written(m), Published(
                "header", f"{m.group(1)}-{m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")))
            problems += filter(None, [problem])
            tail = _dateline_tail(m.group(4))
            rest = (m.group(4)[:tail.start] if tail else m.group(4)).strip()
            if rest:
                lines[i] = rest
                # a page saved as one line after its date: the headline is its first sentence
                headline = rest if not _is_body(rest) else re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
            else:
                lines[i] = ""
            break
    lines = _strip_teasers([line for line in lines if line])
    if published is None:
        published, basis, impossible = _find_dateline(lines)
        problems += impossible
    paragraphs: list[str] = []
    captions: list[str] = []
    chrome: list[str] = []               # what is not the report, for the outlet's name
    lead = None                          # the outlet's mark cut off the lead
    for line in lines:
        if not line:
            continue
        chrome.append(line)
        if any(_TERMINAL_SENTENCE.search(p) and _word_count(p) >= 12 for p in paragraphs) \
                and _TEASER_TAIL.search(line) and not _TERMINAL_SENTENCE.search(line):
            continue                     # a related article's headline with its date, after the report
        if _is_caption(line):
            captions.append(line)
            continue
        if _caption_dateline(line):
            continue
        tail = _dateline_tail(line)
        if tail and _word_count(line[:tail.start]) >= 3:
            line = line[:tail.start].strip()    # a headline that ends in its own dateline
        elif _dateline(line) and len(line) < 70:
            continue                     # datelines are metadata, not report
        if _is_chrome(line) or is_masthead(line) or is_host(line):
            continue
        mark = _OUTLET_PREFIX.match(line)
        if mark:
            lead = lead or mark.group(0)
            line = line[mark.end():]
        line = _END_MARK.sub(".", line).strip()
        if not line:
            continue
        if headline is None and not paragraphs and not _TERMINAL_SENTENCE.search(line):
            headline = line
        paragraphs.append(line)
        chrome.pop()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lead_paragraph = next((p for p in paragraphs if p != headline), None)      # the report's first, after its headline
    outlet = find_outlet(Page(path, meta, head, lead, lead_paragraph, chrome, link))
    return Article(path=path, raw=raw, paragraphs=paragraphs, headline=headline,
                   published=published, published_basis=basis, sha256=digest, captions=captions, problems=problems,
                   outlet=outlet, link=link)


def read_article(file: Path, content_root: Path) -> Article:
    rel = file.relative_to(content_root).as_posix()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror})") from None
    return parse_bytes(data, rel)


def parse_bytes(data: bytes, rel: str) -> Article:
    """An article from the bytes of the file `rel` (its path relative to the content folder)."""
    text = decode(data, rel)
    if not text.strip():
        raise ArticleError("is empty")
    return parse_article(rel, text)


MAX_ARTICLE_BYTES = 5_000_000      # some fifty times the longest news report; extraction takes ~8 s a megabyte


def _skipped_silently(name: str) -> bool:
    """Hidden and '_' files and folders, editors' backups and lock files: never articles, never warned about."""
    return name.startswith((".", "_", "#")) or name.endswith("~")


def find_articles(content_root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every article file under the content folder, in path order, and what was left out and why.

    Links are followed only while they stay inside the content folder: a link to `/etc/passwd`
    or to another project's article is refused, not published. Dangling links, loops, unreadable
    folders and a second name for a file already read are each reported, never silently dropped.
    """
    root = os.path.realpath(content_root)
    found: list[tuple[tuple[str, ...], bool, str]] = []      # (parts, reached through a link, real path)
    skipped: list[Diagnostic] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(root, ())]   # real paths: an entry's own path is real
    linked: list[tuple[str, tuple[str, ...]]] = []             # folders reached through a link: after the rest
    visited = {root}
    while folders or linked:
        if folders:
            folder, parts = folders.pop()
        else:
            folder, parts = linked.pop(0)
            if folder in visited:
                skipped.append(Diagnostic("/".join(parts), "is a link to a folder that is read already; skipped"))
                continue
        visited.add(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            skipped.append(Diagnostic("/".join(parts) + "/" if parts else "./",
                                      f"folder cannot be read ({exc.strerror}); its articles are left out", "error"))
            continue
        for entry in entries:
            if _skipped_silently(entry.name):
                continue
            here = parts + (entry.name,)
            real, link = entry.path, entry.is_symlink()
            if link:
                try:
                    os.stat(entry.path)            # a dangling link or a loop raises here
                except OSError as exc:
                    why = "loops back on itself" if exc.errno == errno.ELOOP else "points to nothing"
                    skipped.append(Diagnostic("/".join(here), f"is a link that {why}; skipped"))
                    continue
                real = os.path.realpath(entry.path)
                if not (real == root or real.startswith(root + os.sep)):
                    skipped.append(Diagnostic("/".join(here), f"is a link to {real}, outside the content folder; "
                                                              f"not read"))
                    continue
            if entry.is_dir():
                (linked if link else folders).append((real, here))
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                found.append((here, link, real))
    files, first_name = [], {}
    for parts, link, real in sorted(found, key=lambda f: (f[1], f[0])):    # a file's own name before its links
        if real in first_name:
            skipped.append(Diagnostic("/".join(parts), f"is another name for {first_name[real]}, "
                                                        f"which is read already; skipped"))
            continue
        first_name[real] = "/".join(parts)
        files.append(parts)
    return [content_root.joinpath(*parts) for parts in sorted(files)], sorted(skipped, key=lambda d: d.file)
