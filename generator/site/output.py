"""timeline.json: the public, documented data file of the site (eval/TIMELINE_JSON.md)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields

from generator.i18n import word_basis
from generator.model import ArticleSource, Event, Official, PartialDate, Timeline
from generator.urls import article_url


def basis_record(value):
    """A date basis as JSON: its fields, dates in ISO form, empty fields left out."""
    if isinstance(value, PartialDate):
        return value.iso()
    if hasattr(value, "__dataclass_fields__"):
        out = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if v not in (None, "", 0) or f.name in ("rule", "year"):
                out[f.name] = basis_record(v)
        return out
    return value


def _event(e: Event, published: bool = True) -> dict:
    return {
        "id": e.id,
        "url": f"events/{e.id}/" if published else None,
        "date": e.date.iso() if e.date else None,
        "precision": e.date.precision if e.date else None,
        "date_basis": word_basis(e.date_basis),
        "date_found": basis_record(e.date_basis),
        "kind": e.kind,
        "online": e.online,
        "location": e.location,
        "title": e.title,
        "participants": [
            {"official": p.official, "name": p.name, "title": p.title, "country": p.country, "role": p.role}
            for p in e.participants
        ],
        "organizations": e.organizations,
        "sources": [{"file": s.file, "evidence": s.sentence, **({"link": s.link} if s.link else {})} for s in e.sources],
        **({"corrections": _corrections(e.corrections)} if e.corrections else {}),
    }


def _corrections(corrections) -> list[dict]:
    return [{"field": c.field, "value": _value(c.value), "reason": c.reason} for c in corrections]


def _value(value):
    """A corrected value as JSON: dates in ISO form, records as objects of their fields set."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, (tuple, list)):
        return [_value(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _value(getattr(value, f.name)) for f in fields(value)
                if getattr(value, f.name) not in (None, "", ())}
    return value


def _article(a: ArticleSource) -> dict:
    return {"file": a.file, "url": article_url(a.id), "headline": a.headline,
            "outlet": a.outlet.name if a.outlet else None,
            "outlet_found": {"rule": a.outlet.rule, "read": a.outlet.read} if a.outlet else None,
            "published": a.published.iso() if a.published else None, "link": a.link}


def timeline_json(t: Timeline) -> str:
    return "".join(timeline_json_pieces(t))


def timeline_json_pieces(t: Timeline) -> Iterator[str]:
    """timeline.json a line at a time (each event and official on its own line): a large archive's
    file, hundreds of megabytes, is never held in memory whole, nor as one tree of dicts."""
    sections = {
        "schema": 1,
        "range": {"start": t.start.isoformat(), "end": t.end.isoformat()},
        "events": (_event(e) for e in t.events) if t.events else [],
        "officials": (_official(o) for o in t.officials) if t.officials else [],
        "undated": (_event(e, published=False) for e in t.undated) if t.undated else [],
        "out_of_range": (_event(e, published=False) for e in t.out_of_range) if t.out_of_range else [],
        "articles": (_article(a) for a in t.sources) if t.sources else [],
        "corrected_out": (_event(e, published=False) for e in t.corrected_out) if t.corrected_out else [],
    }
    yield from _lines(sections)


def _official(o: Official) -> dict:
    return {"id": o.id, "url": f"officials/{o.id}/", "name": o.name, "aliases": o.aliases, "country": o.country,
            "positions": [{"title": p.title, "first_seen": p.first_seen, "last_seen": p.last_seen} for p in o.positions],
            "events": o.events, **({"corrections": _corrections(o.corrections)} if o.corrections else {})}


def _lines(data: dict) -> Iterator[str]:
    """Indented at the top, one line per event and official: readable, diff-friendly, and written
    by json's C encoder (indent= falls back to its pure-Python one, ten times slower). A section
    given as an iterator is a non-empty list, written as it is read."""
    compact = json.JSONEncoder(ensure_ascii=False).encode
    yield "{\n"
    for n, (key, value) in enumerate(data.items()):
        head = ",\n" if n else ""
        if isinstance(value, Iterator):
            yield f"{head}  {compact(key)}: [\n"
            for i, item in enumerate(value):
                yield (",\n    " if i else "    ") + compact(item)
            yield "\n  ]"
        elif isinstance(value, list) and value:
            yield f"{head}  {compact(key)}: [\n" + ",\n".join("    " + compact(item) for item in value) + "\n  ]"
        else:
            yield f"{head}  {compact(key)}: {compact(value)}"
    yield "\n}\n"
