"""Extraction results kept between builds, in memory and on disk, keyed by what they depend on.

An article's extraction depends on its path (its name is a source; `.md` is read as
Markdown), its bytes and the code and data of extraction (`state.EXTRACTION_CODE`). The
key hashes all three, so an edited article, a renamed one or a new extractor is extracted
again, and nothing else is (a change to the site's code re-renders, it does not re-extract).
Entries are pickles, the rows of one SQLite file, `.timeline-cache/extract.sqlite` beside
`timeline.toml` (git-ignored): a build reads every article's entry, and one file read row by row costs
a fraction of opening 100,000 small files. A missing, truncated or foreign entry is a miss, and a file
SQLite cannot read is started afresh, never an error. Results are handed out as they are kept: the
stages after extraction read them and never change them.
"""
from __future__ import annotations

import hashlib
import io
import pickle
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from generator.extract.article import ArticleResult
from generator.state import EXTRACTION_CODE, code_fingerprint

STORE = "extract.sqlite"


def value_bytes(obj) -> bytes:
    """Pickle bytes that depend only on values: without the memo, a string shared by two fields
    and two equal strings pickle the same (pages made from cached or fresh extractions agree)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True          # no memo: fine for page plans, which hold no cycles
    pickler.dump(obj)
    return buffer.getvalue()


def meaning(result: ArticleResult) -> bytes:
    """A hash of everything the site is made from in an extraction result: all of it but the hash of
    the article's bytes. Two versions of an article with the same meaning differ in wording the
    extractor did not use (a typo fixed in a paragraph without a meeting), and give the same site."""
    return hashlib.sha256(value_bytes(replace(result, article=replace(result.article, sha256="")))).digest()


def article_key(rel: str, data: bytes) -> str:
    return hashlib.sha256(code_fingerprint(EXTRACTION_CODE).encode() + b"\0" + rel.encode() + b"\0" + data).hexdigest()


class ExtractionCache:
    """key -> ArticleResult, in memory and (unless `folder` is None) on disk, in one SQLite file."""

    def __init__(self, folder: Path | None, resident: bool = True):
        self.path = folder / STORE if folder else None
        # resident (watch, serve): results stay in memory for the next build. Not resident (a one-off
        # build): an entry leaves memory when it is taken, so no result is held twice
        self.resident = resident
        self._memory: dict[str, ArticleResult] = {}
        self._meanings: dict[str, bytes] = {}
        self._db: sqlite3.Connection | None = None
        self._old_folder = folder / "extract" if folder else None     # where earlier releases kept entries

    def _store(self) -> sqlite3.Connection | None:
        """The open store, made when first needed; None when there is none to be had (a read-only
        project: the cache then lives in memory only)."""
        if self._db is None and self.path is not None:
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError):
                try:                     # not a store SQLite can read (truncated, overwritten): afresh
                    self.path.unlink(missing_ok=True)
                    self._db = self._open()
                except (sqlite3.Error, OSError):
                    self.path = None
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)      # transactions said explicitly
        # a write-ahead log: a build reads while another process (serve) writes; a cache needs no fsync
        # at each entry (an entry lost to a power cut is extracted again)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)")
        db.execute("SELECT count(*) FROM entries").fetchone()       # a damaged file says so here
        return db

    def _failed(self) -> None:
        """The store went wrong mid-build (a full disk, a file replaced meanwhile): memory only from now."""
        try:
            self._db.close()
        except (sqlite3.Error, AttributeError):
            pass
        self._db, self.path = None, None

    def _read(self, key: str) -> ArticleResult | None:
        db = self._store()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._failed()
            return None
        try:
            result = pickle.loads(row[0]) if row else None
        except Exception:
            return None
        return result if isinstance(result, ArticleResult) else None     # foreign: extract again

    def get(self, key: str) -> ArticleResult | None:
        """The result kept under `key` (to be read, never changed), or None."""
        result = self._memory.get(key) if self.resident else self._memory.pop(key, None)
        if result is not None:
            return result
        result = self._read(key)
        if result is not None and self.resident:
            self._memory[key] = result
        return result

    def meaning(self, key: str) -> bytes | None:
        """`meaning()` of the entry, as it was extracted (not as resolve changed a copy), or None."""
        if key not in self._meanings:
            result = self._memory.get(key) or self._read(key)
            if result is None:
                return None
            self._meanings[key] = meaning(result)
        return self._meanings[key]

    def has(self, key: str) -> bool:
        if key in self._memory:
            return True
        db = self._store()
        try:
            return db is not None and db.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone() is not None
        except sqlite3.Error:
            self._failed()
            return False

    def put(self, key: str, result: ArticleResult) -> None:
        # kept: what the stages after extraction read. The article's text and the people of the article
        # as extraction gathered them (a quarter of a result) stay behind
        result = replace(result, article=result.article.without_text(), persons=[])
        self._memory[key] = result
        db = self._store()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?)",
                       (key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)))
        except sqlite3.Error:
            self._failed()

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries of articles that no longer exist in this form; what was put is kept for good."""
        dropped = set(self._memory) - keys
        for key in dropped:
            del self._memory[key]
        self._meanings = {key: m for key, m in self._meanings.items() if key in keys}
        if self._old_folder is not None and self._old_folder.is_dir():
            shutil.rmtree(self._old_folder, ignore_errors=True)      # an earlier release's entries
        db = self._store()
        if db is None:
            return
        try:
            gone = [(key,) for (key,) in db.execute("SELECT key FROM entries") if key not in keys]
            if gone:
                with db:                 # one transaction
                    db.execute("BEGIN")
                    db.executemany("DELETE FROM entries WHERE key = ?", gone)
        except sqlite3.Error:
            self._failed()
