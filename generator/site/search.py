"""Full-text search: Pagefind indexes the built pages, as a build step (the index is Pagefind's, not ours).

Meeting and official pages mark their text `data-pagefind-body`, so that only they are indexed
(not the listings nor the articles' pages, which repeat them: Pagefind takes about 1 ms a page). Pagefind matches Vietnamese with and without tone
marks ("ha noi" finds "Hà Nội", "da nang" finds "Đà Nẵng").

Filters (country, official, kind, year, type of page) are words of their own that each page
carries in a hidden line (`facet_words`), and that the search page adds to the query: Pagefind
returns the pages having every word of a query. Pagefind's own filter index would do the same,
but it is written in a different order at every run, so that two builds of the same articles
would differ; the words keep the whole site byte-reproducible.

The bundle is written beside the pages (`pagefind/`) by `python -m pagefind` (the PyPI package
`pagefind[bin]`); without it the build succeeds and says that search is off. It is written into
a fresh folder that replaces the old one only once complete, so a site never has half an index.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path

BUNDLE = "pagefind"                    # the bundle's folder in the output
_STAGING = ".pagefind-new"             # where it is written first
# the pages indexed: Pagefind need not open the others (tens of thousands of listings, articles, redirects)
INDEXED = "{events,officials}/*/index.html"

# facet -> the prefix of its words; each word ends in 'z', so that no word is the start of another
# (Pagefind completes the last word of a query: 'tlonguyen_van_a' would also find 'nguyen-van-a-2')
FACETS = {"type": "tlt", "country": "tlc", "kind": "tlk", "year": "tly", "official": "tlo"}


def facet_word(facet: str, value: str | int) -> str:
    """'country', 'US' -> 'tlcusz'; 'official', 'nguyen-van-a' -> 'tlonguyen_van_az'. search.js makes the same words."""
    return FACETS[facet] + re.sub(r"[^a-z0-9]+", "_", str(value).lower()) + "z"


def facet_words(**facets) -> str:
    """The hidden line of a page: each value of each facet as its word, sorted (a stable page)."""
    words = {facet_word(facet, v) for facet, values in facets.items() for v in values if v not in (None, "")}
    return " ".join(sorted(words))


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when Pagefind can run here, else why not (for the build's note)."""
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True,
                              timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"pagefind could not be started ({exc})"
    if done.returncode != 0:
        return "the pagefind binary is not installed (pip install 'pagefind[bin]')"
    return None


class SearchIndex:
    """Runs Pagefind over an output folder; `cancel` (from another thread) stops a run in progress,
    which then leaves the last complete bundle in place."""

    def __init__(self, output: Path):
        self.output = output
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def run(self) -> str | None:
        """Index the site now; None when done, else why it was not (the old bundle stays)."""
        why = available()
        if why:
            return why
        staging = self.output / _STAGING
        shutil.rmtree(staging, ignore_errors=True)
        with self._lock:
            self._cancelled = False
            try:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "pagefind", "--site", str(self.output), "--output-path", str(staging),
                     "--glob", INDEXED, "--silent"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            except OSError as exc:
                return f"pagefind could not be started ({exc.strerror or exc})"
        out, _ = self._process.communicate()
        with self._lock:
            code, cancelled, self._process = self._process.returncode, self._cancelled, None
        if cancelled or code != 0:
            shutil.rmtree(staging, ignore_errors=True)
            return "cancelled" if cancelled else f"pagefind failed ({code}): {out.strip()[-500:]}"
        bundle, old = self.output / BUNDLE, self.output / ".pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        if bundle.exists():
            bundle.rename(old)
        staging.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
        return None

    def remove(self) -> None:
        """No search any more (`search = false`): the bundle goes, so that no stale index is published."""
        shutil.rmtree(self.output / BUNDLE, ignore_errors=True)

    def cancel(self) -> None:
        with self._lock:
            if self._process is not None:
                self._cancelled = True
                self._process.kill()
