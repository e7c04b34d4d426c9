"""Work shared out over the cores, in order, or not at all.

Extraction and rendering are pure functions of their input, so a build may share them out over
forked worker processes and get, in input order, exactly what one process would compute. Forking
is quick (the workers start with the parent's compiled patterns, gazetteers and templates) but
safe only while the parent runs one thread: the CLI's build. The dev loop builds beside the
server's threads, and changes few articles at a time anyway: its work is done in its own process.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

# below this many items, starting workers costs more than it saves
PARALLEL_FROM = 200
CHUNK = 100            # items a worker takes at a time, at most
IN_FLIGHT = 2          # chunks given to each worker ahead of the one the caller waits for

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


def map_ordered(fn: Callable[[Any], Any], items: Sequence, minimum: int | None = None,
                progress: Callable[[int], None] | None = None) -> Iterator:
    """fn(item) for each item, yielded in order as they are done: by forked workers when the work is
    worth sharing out (`can_share`), else here. Workers read the items from the forked memory, so only
    the results travel back: `fn` itself is not pickled (any callable will do), its results are. If
    the workers cannot be had or break, what they did not do is done here. An exception raised by
    `fn` is raised to the caller either way. `progress(done)` is told how many items are done."""
    done = 0
    if can_share(len(items), minimum):
        global _WORK
        jobs = cores()
        # small chunks, so that slow items do not pile up on one worker, and few of them in flight, so
        # that results waiting for the caller (a site's pages) are never held in memory all at once
        step = min(CHUNK, max(1, len(items) // (jobs * 8)))
        ranges = iter([(i, min(i + step, len(items))) for i in range(0, len(items), step)])
        _WORK = (fn, items)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                pending = deque(pool.submit(_run, r) for r in islice(ranges, jobs * IN_FLIGHT))
                while pending:
                    chunk = pending.popleft().result()
                    pending.extend(pool.submit(_run, r) for r in islice(ranges, 1))
                    if progress:                 # told first: a consumer may stop at the last item
                        progress(done + len(chunk))
                    for result in chunk:
                        yield result
                        done += 1
        except (OSError, BrokenProcessPool):
            pass                         # no workers to be had, or one died: the rest is done here
        finally:
            _WORK = None
    for item in items[done:]:
        result = fn(item)
        done += 1
        if progress and (done % 100 == 0 or done == len(items)):
            progress(done)
        yield result
