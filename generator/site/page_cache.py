"""What each page was rendered from, between builds: a page is rendered again only when that changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator.cache import value_bytes
from generator.state import code_fingerprint, read_pickle, write_pickle


class PageCache:
    """What each page was rendered from, and the stat of each file the writer left, between builds.

    A page is rendered again when its key (a hash of its plan and of the theme's fingerprint)
    differs from the one recorded when its file was written, or when that file is no longer
    as the writer left it (someone deleted or edited it). Kept in `.timeline-cache/pages.pickle`.
    """

    def __init__(self, folder: Path | None, resident: bool = True):
        self.file = folder / "pages.pickle" if folder else None
        # resident (watch, serve): each plan's key is remembered with the plan, for the next build in this
        # process to reuse without hashing it again. A one-off build remembers none: holding them would
        # hold every page of the site until the build ends
        self.resident = resident
        self.keys: dict[str, str] = {}                       # output path -> key of what it was rendered from
        self.written: dict[str, tuple[int, int]] = {}        # output path -> (size, mtime_ns) as written
        self._known: dict[int, tuple] = {}                   # id(page) -> (page, theme, key), last build's plans
        self._next: dict[int, tuple] = {}
        kept = read_pickle(self.file) if self.file is not None else None
        if isinstance(kept, dict) and kept.get("code") == code_fingerprint():   # else: render everything
            self.keys, self.written = kept["keys"], kept["written"]

    def key(self, page, theme: str) -> str:
        known = self._known.get(id(page))
        if known and known[0] is page and known[1] == theme:   # a plan reused from the last build
            self._next[id(page)] = known
            return known[2]
        plan = (page.url, page.template, page.title, page.markdown, page.description, page.front_matter, page.data)
        key = hashlib.sha256(theme.encode() + value_bytes(plan)).hexdigest()
        if self.resident:
            self._next[id(page)] = (page, theme, key)
        return key

    def save(self, keys: dict[str, str]) -> None:
        self.keys = keys
        self._known, self._next = self._next, {}
        if self.file is None:
            return
        if not write_pickle(self.file, {"code": code_fingerprint(), "keys": self.keys, "written": self.written}):
            self.file = None
