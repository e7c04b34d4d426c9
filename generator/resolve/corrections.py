"""Editors' corrections (`corrections.toml`): what the file says, checked, with the line of each.

The articles are the record and stay as published; an editor writes what to change in a file
beside `timeline.toml`, one table per correction, addressed by the ids the site shows (a meeting's,
an official's, an article's page; an old id that now redirects still finds its target), each with
its reason. What each kind of table can change, and how a value is checked, is the table `FIELDS`
(one row a field, with an example); `resolve/correct` applies them, `ignored_articles` and
`publication_dates` are the two that act before resolve. The README has a worked example of each.
"""
from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from pathlib import Path

from generator.extract.outlets import safe_url
from generator.model import (Correction, Diagnostic, MeetingSplit, NewMeeting, OfficialSplit, PartialDate, PersonGiven,
                             SourceGiven, TitleSpan)
from generator.resolve.sources import page_base

KINDS = ("reception", "talks", "call", "dialogue", "visit", "signing", "conference", "other")


def _kind(value) -> str:
    if value not in KINDS:
        raise ValueError(f"must be one of {', '.join(KINDS)}")
    return value


def _text(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be text")
    return " ".join(value.split())


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _date(value) -> PartialDate:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value) if not isinstance(value, bool) else "")
    date = PartialDate.checked(*(int(g) if g else None for g in m.groups())) if m else None
    if date is None:
        raise ValueError("must be a date: \"2024-03-05\", \"2024-03\" (a month) or \"2024\" (a year)")
    return date


def _ids(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be an id, or a list of them")
    return tuple(value)


def _country(value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ValueError("must be a two-letter country code, such as \"US\"")
    return value.upper()


def _tables(value, what: str) -> list[dict]:
    """A table or a list of tables (TOML's { ... } or [[...]] both read so)."""
    tables = [value] if isinstance(value, dict) else value
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise ValueError(f"must be {what} in {{ ... }}, or a list of them")
    return tables


def _fields(table: dict, checks: dict, required: tuple[str, ...] = ()) -> dict:
    """A nested table's values, checked: a missing or unknown key is named, as is a bad value."""
    for key in table:
        if key not in checks:
            raise ValueError(f"has no '{key}' (known: {', '.join(checks)})")
    for key in required:
        if key not in table:
            raise ValueError(f"needs '{key}'")
    out = {}
    for key, value in table.items():
        try:
            out[key] = checks[key](value)
        except ValueError as exc:
            raise ValueError(f"'{key}' {exc}") from None
    return out


def _person(value) -> str | PersonGiven:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, dict):
        return PersonGiven(**_fields(value, {"name": _text, "title": _text, "country": _country}, ("name",)))
    raise ValueError("must be an official's id, or a person as { name = \"...\", title = \"...\", country = \"XX\" }")


def _people(value) -> tuple:
    values = value if isinstance(value, list) else [value]
    if not values:
        raise ValueError("must name someone")
    return tuple(_person(v) for v in values)


def _title_spans(value) -> tuple[TitleSpan, ...]:
    spans = []
    for table in _tables(value, '{ title = "...", from = "2021-04", to = "2024-08" }'):
        got = _fields(table, {"title": _text, "from": _date, "to": _date}, ("title",))
        spans.append(TitleSpan(got["title"], got.get("from"), got.get("to")))
    return tuple(spans)


def _official_split(value) -> OfficialSplit:
    got = _fields(_tables(value, '{ name = "...", names = [...], meetings = [...] }')[0],
                  {"name": _text, "names": lambda v: tuple(_text(n) for n in _ids(v)), "meetings": _ids}, ("name",))
    if not got.get("names") and not got.get("meetings"):
        raise ValueError("needs 'names' (the names written of the other person) or 'meetings' (theirs)")
    return OfficialSplit(got["name"], got.get("names", ()), got.get("meetings", ()))


def _meeting_splits(value) -> tuple[MeetingSplit, ...]:
    out = []
    for table in _tables(value, '{ articles = [...], date = "...", participants = [...] }'):
        got = _fields(table, {"articles": _ids, "date": _date, "participants": _ids, "kind": _kind}, ("articles",))
        out.append(MeetingSplit(got["articles"], got.get("date"), got.get("participants", ()), got.get("kind")))
    return tuple(out)


def _source(table: dict) -> SourceGiven:
    got = _fields(table, {"article": _text, "sentence": _text, "url": _text})
    if ("article" in got) == ("url" in got):
        raise ValueError("needs either 'article' (with its 'sentence') or 'url'")
    if "article" in got and "sentence" not in got:
        raise ValueError("needs the 'sentence' of its article that reports the meeting")
    if "url" in got and safe_url(got["url"]) is None:
        raise ValueError("'url' must be an http(s) address")
    return SourceGiven(got.get("article"), got.get("sentence", ""), got.get("url"))


def _new_meeting(table: dict) -> NewMeeting:
    got = _fields(table, {"date": _date, "participants": _people, "kind": _kind, "place": _text, "online": _flag,
                          "source": lambda v: tuple(_source(t) for t in _tables(v, "a source"))},
                  ("date", "participants", "source"))
    return NewMeeting(got["date"], got["participants"], got["source"], got.get("kind", "other"), got.get("place"),
                      got.get("online", False))


# what each kind of table can correct: field -> (how its value is checked, an example)
FIELDS = {
    "meeting": {
        "date": (_date, 'date = "2021-06-22"  # or "2021-06", "2021"'),
        "kind": (_kind, 'kind = "talks"'),
        "place": (_text, 'place = "Hà Nội"'),
        "online": (_flag, "online = true"),
        "remove": (_flag, "remove = true  # not a meeting: out of the chronology"),
        "add_participant": (_people, 'add_participant = ["an-official-id", { name = "Jane Doe", title = "Đại sứ", country = "GB" }]'),
        "remove_participant": (_ids, 'remove_participant = ["an-official-id"]'),
        "merge": (_ids, 'merge = ["2021-06-23-another-meeting-id"]  # the same meeting, reported twice'),
        "split": (_meeting_splits, 'split = { articles = ["an-article-id"], date = "2021-06-25" }'),
    },
    "official": {
        "name": (_text, 'name = "John A. Smith"'),
        "country": (_country, 'country = "GB"'),
        "merge": (_ids, 'merge = ["john-smith-2"]  # one person written two ways'),
        "split": (_official_split, 'split = { name = "Nguyễn Văn B", names = ["Nguyễn Văn B"], meetings = ["2024-05-02-a-b"] }'),
        "title": (_title_spans, 'title = { title = "Bộ trưởng Bộ Ngoại giao", from = "2021-04", to = "2024-08" }'),
    },
    "article": {
        "ignore": (_flag, "ignore = true  # gives no meeting"),
        "published": (_date, 'published = "2021-06-22"  # the day the article came out'),
    },
}
# a table without an id: the whole table is its one value
WHOLE = {"new_meeting": (_new_meeting, '[[new_meeting]]\ndate = "2021-06-22"\nkind = "call"\n'
                                       'participants = ["an-official-id", { name = "Jane Doe", country = "GB" }]\n'
                                       'source = { article = "an-article.txt", sentence = "..." }')}


def load_corrections(path: Path | None) -> tuple[list[Correction], list[Diagnostic]]:
    """The corrections of the file (none when there is no file), and what is wrong in it, by line."""
    if path is None or not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        return [], [Diagnostic(str(path), f"not valid TOML ({exc}); no correction is applied", "error")]
    lines = _table_lines(text)
    out, problems = [], []
    for target in data:
        if target not in FIELDS and target not in WHOLE:
            problems.append(Diagnostic(str(path), f"unknown kind of correction [[{target}]] (known: "
                                                  f"{', '.join(f'[[{k}]]' for k in [*FIELDS, *WHOLE])})"))
    for target in [*FIELDS, *WHOLE]:
        entries = data.get(target, [])
        if not isinstance(entries, list):
            problems.append(Diagnostic(str(path), f"'{target}' must be tables [[{target}]]"))
            continue
        for n, entry in enumerate(entries):
            line = lines[target][n] if n < len(lines[target]) else 0
            found, wrong = _entry(target, entry, line)
            out += found
            problems += [Diagnostic(f"{path}:{line}" if line else str(path), message) for message in wrong]
    return out, problems


def _entry(target: str, entry, line: int) -> tuple[list[Correction], list[str]]:
    """One table's corrections, and what is wrong in it."""
    if not isinstance(entry, dict):
        return [], [f"[[{target}]] must be a table"]
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        return [], ["a correction needs its reason (reason = \"...\")"]
    reason = " ".join(reason.split())
    if target in WHOLE:
        try:
            value = WHOLE[target][0]({k: v for k, v in entry.items() if k != "reason"})
        except ValueError as exc:
            return [], [f"a [[{target}]] {exc}"]
        return [Correction(target, "", "added", value, reason, line)], []
    if not isinstance(entry.get("id"), str) or not entry["id"]:
        return [], [f"a [[{target}]] needs the id of its {target}"]
    fields = FIELDS[target]
    changes = {k: v for k, v in entry.items() if k not in ("id", "reason")}
    if not changes:
        return [], [f"nothing to change (one of: {', '.join(fields)})"]
    out, wrong = [], []
    for key, value in changes.items():
        if key not in fields:
            wrong.append(f"'{key}' cannot be corrected on a {target} (one of: {', '.join(fields)})")
            continue
        try:
            out.append(Correction(target, entry["id"], key, fields[key][0](value), reason, line))
        except ValueError as exc:
            wrong.append(f"'{key}' {exc}")
    return out, wrong


def _table_lines(text: str) -> dict[str, list[int]]:
    """The line of each [[meeting]], [[official]], ... header, in order: the n-th entry's line."""
    found: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[\[\s*(\w+)\s*\]\]", line)
        if m:
            found[m.group(1)].append(number)
    return found


def article_corrections(corrections: list[Correction], paths: list[str], field: str,
                        source: str) -> tuple[dict[str, Correction], list[Diagnostic]]:
    """The articles one kind of [[article]] correction names (by their path in the content folder, or
    the id of their page), and a warning for each that no article answers to."""
    by_page = {page_base(path): path for path in paths}
    known = set(paths)
    found, notes = {}, []
    for c in corrections:
        if c.target != "article" or c.field != field or c.value is False:
            continue
        path = c.id if c.id in known else by_page.get(c.id)
        if path is None:
            notes.append(Diagnostic(f"{source}:{c.line}", f"no article '{c.id}' any more; the correction waits for it"))
        else:
            found[path] = c
    return found, notes
