"""Extraction throughput (articles per second) on the corpora.

A benchmark, not a test: it prints figures and asserts nothing. The peer
measured in the same run is the plain cost of reading and normalising the same
files (`reader.parse_article`), so the ratio says what extraction adds on this
machine, whatever its speed.

    python3 benchmarks/extraction.py [--repeat N] [FOLDER ...]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.build import extract_all
from generator.extract.reader import find_articles, parse_article

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE.parent / "tests" / "data" / "seeds" / "articles", HERE.parent / "tests" / "data" / "dev" / "articles"]


def _forget_sentences() -> None:
    """Empty the caches keyed by a sentence's text, so that a repeat is not a look-up of the round before."""
    from generator.extract import dates, tags, text
    for cached in (text._tokens, dates._scan, tags._countries_named):
        cached.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    for folder in args.folders:
        files, _ = find_articles(folder)
        texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for name, text in texts:
                parse_article(name, text)
        read = time.perf_counter() - t0
        full = 0.0
        for _ in range(args.repeat):
            _forget_sentences()          # each round reads the articles afresh, as a build does
            t0 = time.perf_counter()
            extract_all(folder)
            full += time.perf_counter() - t0
        n = len(files) * args.repeat
        print(f"{folder.name if folder.name != 'articles' else folder.parent.name}: {len(files)} articles x {args.repeat}: "
              f"read+clean {n / read:,.0f} articles/s, read+extract {n / full:,.0f} articles/s, "
              f"extraction costs {read and full / read:.1f}x reading")


if __name__ == "__main__":
    main()
