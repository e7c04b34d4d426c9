"""File changes that matter, in batches: watchdog's events filtered, classified and debounced.

What is watched: the content folder (articles), the project's theme folders and the
settings file. What is never a change: editors' side files (`.swp`, `4913`, `~`, `.#…`,
`*.bck`), hidden folders such as `.git/`, the cache, the output folder and the permalink
register that the build itself writes, so a build never triggers the next one. An
editor's save-by-rename arrives as a move whose destination is the real file, and counts
as a change of that file.

A burst of events (a `git checkout` of hundreds of files) becomes one batch: the batch is
handed over once no event came for `quiet` seconds, or `cap` seconds after its first
event if events keep coming. Events that arrive while a batch is being built go into the
next one. The watcher knows nothing of building.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.extract.reader import ARTICLE_SUFFIXES

# editors' and tools' side files: vim (.swp, 4913, ~), emacs (.#x, #x#), kate/others (.bck, .bak),
# JetBrains (___jb_tmp___), downloads and partial writes
_SIDE_FILE = re.compile(r"(^\.|^#.*#$|~$|^4913$|\.(swp|swo|swx|swn|bck|bak|tmp|temp|part|crdownload|orig|rej)$"
                        r"|___jb_(tmp|old)___$|^\.?~lock\.|\.kate-swp$)", re.I)


def is_side_file(name: str) -> bool:
    return bool(_SIDE_FILE.search(name))


@dataclass(frozen=True)
class Change:
    kind: str        # "article", "theme" or "config"
    path: Path
    action: str      # "created", "modified", "deleted", or "saved" (a temporary file renamed to this name)

    def __str__(self) -> str:
        return f"{self.path.name} ({self.action})"


class ChangeFilter:
    """Says which paths matter and what kind of change they are."""

    def __init__(self, content: Path, themes: Path | None, config_file: Path | None, ignored: list[Path],
                 corrections_file: Path | None = None):
        self.content = content.resolve()
        self.themes = themes.resolve() if themes else None
        self.config_file = config_file.resolve() if config_file else None
        self.corrections_file = corrections_file.resolve() if corrections_file else None
        self.ignored = [p.resolve() for p in ignored]

    def classify(self, path: Path, is_directory: bool = False) -> str | None:
        path = Path(path).resolve() if not Path(path).is_absolute() else Path(path)
        if self.config_file and path == self.config_file:
            return "config"
        if self.corrections_file and path == self.corrections_file:
            return "corrections"
        if any(path == p or p in path.parents for p in self.ignored):
            return None
        for root, kind in ((self.content, "article"), (self.themes, "theme")):
            if root is None or not (path == root or root in path.parents):
                continue
            parts = path.relative_to(root).parts
            if any(part.startswith(".") for part in parts) or (parts and is_side_file(parts[-1])):
                return None
            if kind == "article" and any(part.startswith("_") for part in parts):
                return None          # the reader skips these folders too
            if kind == "article" and not is_directory and path.suffix.lower() not in ARTICLE_SUFFIXES:
                return None
            return kind
        return None

    def changes(self, event: FileSystemEvent) -> list[Change]:
        """The changes one watchdog event stands for (none for noise, two for a move between two kept names)."""
        if event.event_type not in ("created", "modified", "deleted", "moved", "closed"):
            return []                # opened, closed without writing
        if event.is_directory and event.event_type == "modified":
            return []                # a folder's own time stamp: its files report themselves
        action = "modified" if event.event_type == "closed" else event.event_type
        found = []
        src = Path(_text(event.src_path))
        kind = self.classify(src, event.is_directory)
        if kind:
            found.append(Change(kind, src, "deleted" if action == "moved" else action))
        if event.event_type == "moved" and event.dest_path:
            dest = Path(_text(event.dest_path))
            kind = self.classify(dest, event.is_directory)
            if kind:                 # a rename between two real names, or an editor's save-by-rename
                found.append(Change(kind, dest, "created" if found else "saved"))
        return found


def _text(path) -> str:
    return path.decode() if isinstance(path, bytes) else path


class Debouncer:
    """Collects changes (the last one per path) and hands them over as one batch after a quiet period."""

    def __init__(self, quiet: float = 0.1, cap: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.quiet, self.cap, self.clock = quiet, cap, clock
        self._pending: dict[Path, Change] = {}
        self._first = self._last = 0.0
        self._lock = threading.Condition()

    def add(self, change: Change) -> None:
        with self._lock:
            now = self.clock()
            if not self._pending:
                self._first = now
            self._last = now
            self._pending.pop(change.path, None)       # keep the order of the latest event
            self._pending[change.path] = change
            self._lock.notify_all()

    def due_in(self) -> float | None:
        """Seconds until the pending batch is due (0: now); None when nothing is pending."""
        with self._lock:
            if not self._pending:
                return None
            now = self.clock()
            return max(0.0, min(self._last + self.quiet, self._first + self.cap) - now)

    def take(self) -> list[Change]:
        with self._lock:
            batch = list(self._pending.values())
            self._pending.clear()
            return batch

    def wait(self, stop: threading.Event, poll: float = 0.5) -> list[Change]:
        """Block until a batch is due, then return it; [] once `stop` is set."""
        while not stop.is_set():
            with self._lock:
                due = self.due_in()
                if due is None:
                    self._lock.wait(poll)    # woken by add(); the timeout only rechecks `stop`
                    continue
                if due > 0:
                    self._lock.wait(due)
                    continue
            return self.take()
        return []


class Watcher:
    """A watchdog observer (inotify where the system has it: no polling) feeding a Debouncer."""

    def __init__(self, change_filter: ChangeFilter, debouncer: Debouncer):
        self.filter, self.debouncer = change_filter, debouncer
        self.observer = Observer()
        self._handler = _Handler(self)
        self._themes_watched = False
        self.observer.schedule(self._handler, str(change_filter.content), recursive=True)
        self.watch_themes()
        if change_filter.config_file:        # its folder, not recursively: the file may be replaced by a rename
            self.observer.schedule(self._handler, str(change_filter.config_file.parent), recursive=False)
        watched = {change_filter.config_file.parent} if change_filter.config_file else set()
        if change_filter.themes and change_filter.themes.parent not in watched:
            self.observer.schedule(self._handler, str(change_filter.themes.parent), recursive=False)
            watched.add(change_filter.themes.parent)
        corrections = change_filter.corrections_file
        if corrections and corrections.parent not in watched and corrections.parent.is_dir():
            self.observer.schedule(self._handler, str(corrections.parent), recursive=False)

    def watch_themes(self) -> None:
        """The themes folder, once it exists (a project may add its first theme override while watched)."""
        themes = self.filter.themes
        if themes and not self._themes_watched and themes.is_dir():
            self.observer.schedule(self._handler, str(themes), recursive=True)
            self._themes_watched = True

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join()


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        for change in self.watcher.filter.changes(event):
            if change.kind == "theme" and change.path == self.watcher.filter.themes:
                self.watcher.watch_themes()
            self.watcher.debouncer.add(change)
