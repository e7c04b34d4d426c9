"""Extraction results kept between builds, in memory and on disk, keyed by what they depend on.

An article's extraction depends on its path (its name is a source; `.md` is read as
Markdown), its bytes and the code and data of extraction (`state.EXTRACTION_CODE`). The
key hashes all three, so an edited article, a renamed one or a new extractor is extracted
again, and nothing else is (a change to the site's code re-renders, it does not re-extract).
Entries are pickles in `.timeline-cache/extract/` beside `timeline.toml` (git-ignored); a
missing, truncated or foreign entry is a miss, never an error. Results are handed out as they are kept:
the stages after extraction read them and never change them.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from dataclasses import replace
from pathlib import Path

from generator.extract.article import ArticleResult
from generator.state import EXTRACTION_CODE, code_fingerprint, read_pickle, write_pickle

_SUFFIX = ".pickle"


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
    """key -> ArticleResult, in memory and (unless `folder` is None) on disk as pickles."""

    def __init__(self, folder: Path | None, resident: bool = True):
        self.folder = folder / "extract" if folder else None
        # resident (watch, serve): results stay in memory for the next build. Not resident (a one-off
        # build): an entry leaves memory when it is taken, so no result is held twice
        self.resident = resident
        self._memory: dict[str, ArticleResult] = {}
        self._meanings: dict[str, bytes] = {}
        self._swept = False

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / (key + _SUFFIX)

    def get(self, key: str) -> ArticleResult | None:
        """The result kept under `key` (to be read, never changed), or None."""
        result = self._memory.get(key) if self.resident else self._memory.pop(key, None)
        if result is not None:
            return result
        result = read_pickle(self._file(key)) if self.folder is not None else None
        if not isinstance(result, ArticleResult):      # missing, truncated or foreign: extract again
            return None
        if self.resident:
            self._memory[key] = result
        return result

    def meaning(self, key: str) -> bytes | None:
        """`meaning()` of the entry, as it was extracted (not as resolve changed a copy), or None."""
        if key not in self._meanings:
            result = self._memory.get(key)
            if result is None and self.folder is not None:
                result = read_pickle(self._file(key))
            if not isinstance(result, ArticleResult):
                return None
            self._meanings[key] = meaning(result)
        return self._meanings[key]

    def has(self, key: str) -> bool:
        return key in self._memory or self.folder is not None and self._file(key).is_file()

    def put(self, key: str, result: ArticleResult) -> None:
        # kept: what the stages after extraction read. The article's text and the people of the article
        # as extraction gathered them (a quarter of a result) stay behind
        result = replace(result, article=result.article.without_text(), persons=[])
        self._memory[key] = result
        if self.folder is None:
            return
        if not write_pickle(self._file(key), result):
            self.folder = None       # a read-only project: the cache lives in memory only

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries of articles that no longer exist in this form."""
        dropped = set(self._memory) - keys
        for key in dropped:
            del self._memory[key]
        self._meanings = {key: m for key, m in self._meanings.items() if key in keys}
        if self.folder is None or not self.folder.is_dir():
            return
        swept, self._swept = self._swept, True
        if self.resident and swept:
            # since its first sweep a resident cache's folder holds what its memory held: only what went
            for key in dropped:
                self._file(key).unlink(missing_ok=True)
            return
        for f in self.folder.glob("*/*" + _SUFFIX):
            if f.name[:-len(_SUFFIX)] not in keys:
                f.unlink(missing_ok=True)
