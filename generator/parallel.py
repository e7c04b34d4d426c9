"""Work shared out over the cores, in order, or not at all.

Extraction and rendering are pure functions of their input, so a build may share them out over
forked worker processes and get, in input order, exactly what one process would compute. Forking
is quick (the workers start with the parent's compiled patterns, gazetteers and templates) but
safe only while the parent runs one thread: the CLI's build. The dev loop builds beside the
server's threads, and changes few articles at a time anyway; it gets None and works alone.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

# below this many items, starting workers costs more than it saves
PARALLEL_FROM = 200

_WORK: tuple[Callable, Sequence] | None = None       # what the forked workers read their items from


def _run(index_range: tuple[int, int]) -> list:
    fn, items = _WORK
    return [fn(items[i]) for i in range(*index_range)]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def can_share(count: int, minimum: int | None = None) -> bool:
    return count >= (PARALLEL_FROM if minimum is None else minimum) and cores() >= 2 \
        and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def map_forked(fn: Callable[[Any], Any], items: Sequence, minimum: int | None = None,
               progress: Callable[[int], None] | None = None) -> list | None:
    """[fn(item) for item in items], computed by forked workers; None when it cannot or should not be
    shared out (too few items, one core, threads running, no fork) or the workers could not run:
    the caller then does the work itself. Workers read the items from the forked memory, so only
    the results travel back: `fn` itself is not pickled (any callable will do), its results are.
    `progress(done)` is told how many items are done as the chunks come back."""
    global _WORK
    if not can_share(len(items), minimum):
        return None
    jobs = cores()
    step = max(1, len(items) // (jobs * 8))          # small chunks: the slow items do not pile up on one worker
    ranges = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
    _WORK = (fn, items)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results: list = []
            for chunk in pool.map(_run, ranges):
                results += chunk
                if progress:
                    progress(len(results))
            return results
    except (OSError, BrokenProcessPool):
        return None                  # no workers to be had
    except Exception:
        return None                  # an item failed: done again in the caller, whose error says which
    finally:
        _WORK = None
