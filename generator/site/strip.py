"""A picture of the chronology: meetings by month over the years of the range, coloured by kind.

The picture is drawn on the server (SVG, by the theme's `_strip.html` from what `strip` computes
here), so it shows without JavaScript. While no month has more than `MARKS_A_MONTH` meetings,
each meeting is a mark of its own that links to its page; a larger archive is drawn as a bar a
month, in segments by kind, each linking to its year's page. Every mark and segment has a text
alternative (its date, kind and title, or its counts), and the legend names the colours.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from generator.model import Event

MARKS_A_MONTH = 12         # beyond this, a month is a bar: marks would be too small to see or to click
MONTH = 12                 # width of a month, in the picture's units
MARK = 12                  # height of one meeting's mark
GAP = 2
KINDS = ("reception", "talks", "call", "dialogue", "conference", "visit", "signing", "other")


def strip(events: list[Event], first_year: int, last_year: int, label: Callable[[Event], str],
          month_label: Callable[[int, int, Counter], str], event_href: Callable[[Event], str],
          year_href: Callable[[int], str], height: int = 120) -> dict:
    """What `_strip.html` draws: the picture's size, the year ticks, and each mark or segment with its
    place, kind, link and text. `label` words a meeting, `month_label` a month's counts by kind."""
    months = (last_year - first_year + 1) * 12
    by_month: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        if e.date.month and first_year <= e.date.year <= last_year:
            by_month[(e.date.year - first_year) * 12 + e.date.month - 1].append(e)
    busiest = max((len(v) for v in by_month.values()), default=0)
    marks = []
    if busiest <= MARKS_A_MONTH:
        height = max(height, busiest * (MARK + GAP))
        for m, group in sorted(by_month.items()):
            for i, e in enumerate(sorted(group, key=lambda e: (e.date.iso(), e.id))):
                marks.append({"x": m * MONTH + 1, "y": height - (i + 1) * (MARK + GAP), "w": MONTH - 2, "h": MARK,
                              "kind": _kind(e.kind), "href": event_href(e), "text": label(e)})
    else:
        for m, group in sorted(by_month.items()):
            year, month = first_year + m // 12, m % 12 + 1
            counts = Counter(_kind(e.kind) for e in group)
            text, top = month_label(year, month, counts), height
            for kind in KINDS:
                if counts[kind]:
                    h = max(1.0, round(counts[kind] / busiest * (height - GAP), 1))
                    top = round(top - h, 1)
                    marks.append({"x": m * MONTH + 1, "y": top, "w": MONTH - 2, "h": h, "kind": kind,
                                  "href": year_href(year), "text": text})
    ticks = [{"x": (y - first_year) * 12 * MONTH, "year": y} for y in range(first_year, last_year + 1)]
    kinds = [k for k in KINDS if any(m["kind"] == k for m in marks)]
    return {"width": months * MONTH, "height": height, "marks": marks, "ticks": ticks, "kinds": kinds,
            "bars": busiest > MARKS_A_MONTH, "count": len(events)}


def _kind(kind: str) -> str:
    return kind if kind in KINDS else "other"
