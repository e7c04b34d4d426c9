"""`timeline watch` and `timeline serve`: build, then rebuild whenever a watched file changes.

This module drives the pipeline and owns nothing of it: the Builder builds (with its
caches), the Watcher says what changed, the DevServer serves and tells open pages. One
worker thread runs the builds, one at a time; changes that arrive during a build make one
more build after it. The main thread only waits for Ctrl-C, then stops the watcher, lets
a running build finish (so the output and its manifest stay consistent), stops the
server and joins every thread.
"""
from __future__ import annotations

import errno
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from generator.build import Builder, BuildResult
from generator.state import CACHE_DIR
from generator.config import ConfigError, SiteConfig
from generator.live.server import BuildStatus, DevServer
from generator.terminal import printable
from generator.urls import BaseURL
from generator.live.watcher import Change, ChangeFilter, Debouncer, Watcher


@dataclass
class Session:
    """What a watch or serve session needs: how to (re)load the settings, where the settings file is."""

    load_config: Callable[[], SiteConfig]          # raises ConfigError; applies command-line overrides
    config_file: Path | None
    quiet: float = 0.1                             # debounce: quiet period and cap, in seconds
    cap: float = 1.0


def describe(result: BuildResult, batch: list[Change], seconds: float) -> str:
    """One line per rebuild: what changed, what was redone, how long it took."""
    t = result.timeline
    changed = ", ".join(str(c) for c in batch[:5]) + (f" and {len(batch) - 5} more" if len(batch) > 5 else "")
    head = f"changed: {changed} · " if batch else ""
    if not result.ok:
        return f"{head}build failed, nothing written ({seconds:.2f} s)"
    return (f"{head}re-extracted {len(result.extracted)} of {t.articles} articles · {len(t.events)} events · "
            f"rendered {result.rendered} of {result.pages} pages · {len(result.written)} files written, "
            f"{len(result.removed)} removed · {seconds:.2f} s")


class DevLoop:
    def __init__(self, session: Session, config: SiteConfig, status: BuildStatus | None = None,
                 log: TextIO = sys.stdout):
        self.session, self.config, self.status, self.log = session, config, status, log
        # the search index is made after each build, on a thread of its own (`_index_search`), so that the
        # reload does not wait for Pagefind (seconds for a large site); a new build stops it first
        self.builder = Builder(config, config.root / CACHE_DIR, keep_last_good=True, record_permalinks=False,
                               index_search=False)
        self._indexing: threading.Thread | None = None
        self.last: BuildResult | None = None           # the last good build, for the review page
        self.debouncer = Debouncer(session.quiet, session.cap)
        self.stop_event = threading.Event()
        self.builds = 0
        self.watcher = Watcher(ChangeFilter(config.content, config.root / "themes", session.config_file,
                                            [config.output, config.root / CACHE_DIR] + list(
                                                filter(None, [config.permalinks_file])),
                                            config.corrections_file), self.debouncer)
        self._worker = threading.Thread(target=self._run, name="timeline-builder")

    def _say(self, line: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {printable(line)}", file=self.log, flush=True)

    def build(self, batch: list[Change]) -> BuildResult | None:
        errors: list[dict] = []
        if any(c.kind == "config" for c in batch):
            errors = self._reload_config()
        self._stop_indexing()
        started = time.perf_counter()
        result = self.builder.build(c.path for c in batch if c.kind == "article")
        seconds = time.perf_counter() - started
        self.builds += 1
        self._say(describe(result, batch, seconds))
        for d in result.errors:
            self._say(f"error: {d.file}: {d.message}")
        for e in errors:
            self._say(f"error: {e['file']}: {e['message']}")
        if self.status is not None:
            errors += [{"file": d.file, "message": d.message} for d in result.errors]
            self.status.update(bool(result.written or result.removed), errors)
        if result.ok and result.timeline is not None:
            self.last = result
        if result.ok and self.builder.search_needed(result.written + result.removed):
            self._indexing = threading.Thread(target=self._index_search, name="timeline-search", daemon=True)
            self._indexing.start()
        return result

    def review(self):
        """timeline review's items for the last good build (the dev server's private review page)."""
        from generator.review import review
        return review(self.last.timeline) if self.last is not None and self.last.timeline is not None else None

    def _index_search(self) -> None:
        started = time.perf_counter()
        why = self.builder.search_index.run()
        if why is None:
            self._say(f"search index updated · {time.perf_counter() - started:.2f} s")
        elif why != "cancelled":
            self._say(f"note: search index not updated: {why}")

    def _stop_indexing(self) -> None:
        """A build changes the pages under Pagefind: its run stops, and starts again after the build."""
        if self._indexing is not None:
            self.builder.search_index.cancel()
            self._indexing.join()
            self._indexing = None

    def _reload_config(self) -> list[dict]:
        """New settings apply from this build on; a broken file keeps the last good ones."""
        try:
            config = self.session.load_config()
        except ConfigError as exc:
            return [{"file": str(self.session.config_file), "message": f"{exc}; the last good settings are used"}]
        if (config.content.resolve(), config.output.resolve()) != (self.config.content.resolve(),
                                                                    self.config.output.resolve()):
            self._say("note: content and output folders stay as they were; restart to use the new ones")
            config.content_dir, config.output_dir, config.root = self.config.content, self.config.output, self.config.root
        self.config = self.builder.config = config
        return []

    def start(self) -> None:
        self.build([])
        self.watcher.start()
        self._worker.start()

    def _run(self) -> None:
        while not self.stop_event.is_set():
            batch = self.debouncer.wait(self.stop_event)
            if batch:
                try:
                    self.build(batch)
                except Exception as exc:     # a bug of ours must not end the session; say it and go on
                    self._say(f"error: the build failed unexpectedly ({type(exc).__name__}: {exc})")
                    if self.status is not None:
                        self.status.update(False, [{"file": "timeline", "message": f"{type(exc).__name__}: {exc}"}])

    def stop(self) -> None:
        self.stop_event.set()
        self.watcher.stop()
        if self._worker.is_alive():
            self._worker.join()
        self._stop_indexing()


def run(session: Session, config: SiteConfig, address: tuple[str, int] | None, log: TextIO = sys.stdout) -> int:
    """Watch (and serve when `address` is given) until Ctrl-C; the exit status."""
    server = None
    if address is not None:
        try:
            server = DevServer(address[0], address[1], config.output, BaseURL.parse(config.base_url).path)
        except OSError as exc:
            reason = "is already in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
            print(f"timeline: port {address[1]} on {address[0]} {reason}; choose another with --port "
                  f"(or --host)", file=sys.stderr)
            return 1
    loop = DevLoop(session, config, server.status if server else None, log)
    if server:
        server.review = loop.review
    serving = threading.Thread(target=server.serve_forever, args=(0.2,), name="timeline-server") if server else None
    previous = signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() else None
    try:
        loop.start()
        if serving:
            serving.start()
            print(f"Serving {printable(config.output)} at {server.url} (live reload on); Ctrl-C to stop", file=log, flush=True)
        else:
            print(f"Watching {printable(config.content)} (Ctrl-C to stop)", file=log, flush=True)
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        loop.stop()
        if server:
            if serving and serving.is_alive():
                server.stop()
                serving.join()
            else:
                server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print("stopped", file=log, flush=True)
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt
