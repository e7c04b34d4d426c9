"""timeline.json: the public, documented data file of the site (eval/TIMELINE_JSON.md)."""
from __future__ import annotations

import json

from dataclasses import fields

from generator.i18n import word_basis
from generator.model import DateBasis, Event, PartialDate, Timeline


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
        "sources": [{"file": s.file, "evidence": s.sentence} for s in e.sources],
    }


def timeline_json(t: Timeline) -> str:
    data = {
        "schema": 1,
        "range": {"start": t.start.isoformat(), "end": t.end.isoformat()},
        "events": [_event(e) for e in t.events],
        "officials": [
            {"id": o.id, "url": f"officials/{o.id}/", "name": o.name, "aliases": o.aliases, "country": o.country,
             "positions": [{"title": p.title, "first_seen": p.first_seen, "last_seen": p.last_seen} for p in o.positions],
             "events": o.events}
            for o in t.officials
        ],
        "undated": [_event(e, published=False) for e in t.undated],
    }
    return _lines(data)


def _lines(data: dict) -> str:
    """Indented at the top, one line per event and official: readable, diff-friendly, and written
    by json's C encoder (indent= falls back to its pure-Python one, ten times slower)."""
    compact = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + compact(item) for item in value)
            parts.append(f"  {compact(key)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
