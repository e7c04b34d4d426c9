"""What each page was rendered from, between builds: a page is rendered again only when that changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator.cache import value_bytes
from generator.state import code_fingerprint, read_pickle, write_pickle


class PageCache:
    """What each page was rendered from, and the stat of each file the writer left, between builds.

    A page is rendered again when its key (a hash of the theme's fingerprint and of its plan, or for
    a meeting's or an official's page of the inputs that decide its plan) differs from the one recorded when its file was written, or when that file is no longer
    as the writer left it (someone deleted or edited it). Kept in `.timeline-cache/pages.pickle`.
    """

    def __init__(self, folder: Path | None):
        self.file = folder / "pages.pickle" if folder else None
        self.keys: dict[str, str] = {}                       # output path -> key of what it was rendered from
        self.written: dict[str, tuple[int, int]] = {}        # output path -> (size, mtime_ns) as written
        kept = read_pickle(self.file) if self.file is not None else None
        if isinstance(kept, dict) and kept.get("code") == code_fingerprint():   # else: render everything
            self.keys, self.written = kept["keys"], kept["written"]

    def key(self, page, theme: str) -> str:
        """The key of a page planned afresh (a listing: meeting and official pages are keyed by their
        inputs, `SitePlan.describe`)."""
        plan = (page.url, page.template, page.title, page.markdown, page.description, page.front_matter, page.data)
        return hashlib.sha256(theme.encode() + value_bytes(plan)).hexdigest()

    def key_of_inputs(self, inputs: bytes, theme: str) -> str:
        """The key of a page decided by its inputs (`SitePlan.describe`), without planning it."""
        return hashlib.sha256(theme.encode() + b"\0inputs\0" + inputs).hexdigest()

    def save(self, keys: dict[str, str]) -> None:
        self.keys = keys
        if self.file is None:
            return
        if not write_pickle(self.file, {"code": code_fingerprint(), "keys": self.keys, "written": self.written}):
            self.file = None
