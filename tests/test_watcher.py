"""The watcher: which events matter, what they mean, and how bursts become one batch."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from watchdog.events import (DirDeletedEvent, DirModifiedEvent, FileClosedEvent, FileClosedNoWriteEvent,
                             FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileOpenedEvent)

from generator.live.watcher import Change, ChangeFilter, Debouncer, Watcher, is_side_file


@pytest.fixture
def project(tmp_path: Path):
    for d in ("content/sub", "themes/default/templates", "site", ".timeline-cache"):
        (tmp_path / d).mkdir(parents=True)
    (tmp_path / "timeline.toml").write_text("title = 'x'\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def classify(project):
    f = ChangeFilter(project / "content", project / "themes", project / "timeline.toml",
                     [project / "site", project / ".timeline-cache", project / "content" / "permalinks.json"])
    return f


@pytest.mark.parametrize("name", [".a.txt.swp", "a.txt~", ".#a.txt", "#a.txt#", "4913", "a.txt.bck", "a.txt.bak",
                                  "a.txt.swx", "a.txt.tmp", "a.txt___jb_tmp___", ".hidden.txt", "x.kate-swp"])
def test_side_files(name):
    assert is_side_file(name)


@pytest.mark.parametrize("name", ["a.txt", "4913.txt", "bai-viet.md", "ha-noi~x.txt", "swp.txt"])
def test_real_files_are_not_side_files(name):
    assert not is_side_file(name)


def test_classify_by_place_and_name(project, classify):
    c = project / "content"
    assert classify.classify(c / "a.txt") == "article"
    assert classify.classify(c / "sub" / "b.md") == "article"
    assert classify.classify(c / "sub", is_directory=True) == "article"
    assert classify.classify(c / "notes.pdf") is None             # not an article
    assert classify.classify(c / "permalinks.json") is None       # written by the build itself
    assert classify.classify(c / ".git" / "index") is None
    assert classify.classify(c / ".git" / "x.txt") is None
    assert classify.classify(c / "_drafts" / "x.txt") is None     # the reader skips these too
    assert classify.classify(c / "a.txt.swp") is None
    assert classify.classify(project / "themes" / "default" / "templates" / "event.html") == "theme"
    assert classify.classify(project / "themes" / "default" / "templates" / ".event.html.swp") is None
    assert classify.classify(project / "timeline.toml") == "config"
    assert classify.classify(project / "other.toml") is None
    assert classify.classify(project / "site" / "index.html") is None
    assert classify.classify(project / "site" / "events" / "x" / "index.md") is None
    assert classify.classify(project / ".timeline-cache" / "extract" / "ab" / "x.pickle") is None


def test_output_inside_watched_folder_is_never_watched(tmp_path):
    """Even an output folder under the theme folder (odd, but possible) never triggers a build."""
    f = ChangeFilter(tmp_path / "content", tmp_path, None, [tmp_path / "site"])
    assert f.classify(tmp_path / "site" / "index.html") is None
    assert f.classify(tmp_path / "x.html") == "theme"


def test_editor_save_by_rename_is_a_change_of_the_real_file(project, classify):
    real = project / "content" / "a.txt"
    # vim: write 4913 probe, rename a.txt to a.txt~, write a.txt; gedit/others: write .goutputstream-X, rename over
    events = [FileCreatedEvent(str(project / "content" / "4913")), FileDeletedEvent(str(project / "content" / "4913")),
              FileMovedEvent(str(real), str(project / "content" / "a.txt~")),
              FileCreatedEvent(str(real)), FileModifiedEvent(str(real)), FileClosedEvent(str(real)),
              FileDeletedEvent(str(project / "content" / "a.txt~"))]
    changes = [c for e in events for c in classify.changes(e)]
    assert {c.path for c in changes} == {real}
    atomic = classify.changes(FileMovedEvent(str(project / "content" / ".goutputstream-XYZ"), str(real)))
    assert atomic == [Change("article", real, "saved")]
    jetbrains = classify.changes(FileMovedEvent(str(project / "content" / "a.txt___jb_tmp___"), str(real)))
    assert jetbrains == [Change("article", real, "saved")]


def test_rename_is_a_delete_and_a_create(project, classify):
    old, new = project / "content" / "a.txt", project / "content" / "b.txt"
    assert classify.changes(FileMovedEvent(str(old), str(new))) == [
        Change("article", old, "deleted"), Change("article", new, "created")]
    # moved out of the content folder, or into a hidden one: only the deletion counts
    assert classify.changes(FileMovedEvent(str(old), str(project / "attic.txt"))) == [Change("article", old, "deleted")]
    # moved in from elsewhere: a new article
    assert classify.changes(FileMovedEvent(str(project / "x.txt"), str(new))) == [Change("article", new, "saved")]


def test_noise_events(project, classify):
    real = str(project / "content" / "a.txt")
    assert classify.changes(FileOpenedEvent(real)) == []
    assert classify.changes(FileClosedNoWriteEvent(real)) == []
    assert classify.changes(DirModifiedEvent(str(project / "content"))) == []
    assert classify.changes(DirDeletedEvent(str(project / "content" / "sub"))) == [
        Change("article", project / "content" / "sub", "deleted")]
    assert classify.changes(FileModifiedEvent(str(project / "site" / "index.html"))) == []


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def _change(name: str, action: str = "modified") -> Change:
    return Change("article", Path("/c") / name, action)


def test_debounce_waits_for_quiet():
    clock = FakeClock()
    d = Debouncer(quiet=0.1, cap=1.0, clock=clock)
    assert d.due_in() is None
    d.add(_change("a.txt"))
    assert d.due_in() == pytest.approx(0.1)
    clock.now = 0.05
    d.add(_change("b.txt"))                 # the burst goes on: wait again
    assert d.due_in() == pytest.approx(0.1)
    clock.now = 0.16
    assert d.due_in() == 0
    assert [c.path.name for c in d.take()] == ["a.txt", "b.txt"]
    assert d.due_in() is None and d.take() == []


def test_debounce_cap_ends_an_endless_burst():
    clock = FakeClock()
    d = Debouncer(quiet=0.1, cap=1.0, clock=clock)
    for i in range(30):                     # a change every 50 ms for 1.5 s
        clock.now = i * 0.05
        d.add(_change(f"{i}.txt"))
        if d.due_in() == 0:
            break
    assert clock.now == pytest.approx(1.0)  # handed over at the cap, not when the burst ends
    assert len(d.take()) == 21


def test_debounce_keeps_the_last_change_per_path():
    clock = FakeClock()
    d = Debouncer(clock=clock)
    d.add(_change("a.txt", "created"))
    d.add(_change("b.txt", "modified"))
    d.add(_change("a.txt", "deleted"))
    assert [(c.path.name, c.action) for c in d.take()] == [("b.txt", "modified"), ("a.txt", "deleted")]


def test_a_burst_of_hundreds_is_one_batch():
    d = Debouncer(quiet=0.5, cap=5.0)      # generous: a loaded machine may pause the adding thread
    stop = threading.Event()
    batches = []
    worker = threading.Thread(target=lambda: batches.append(d.wait(stop)))
    worker.start()
    for i in range(500):
        d.add(_change(f"{i}.txt"))
    worker.join(10)
    assert not worker.is_alive()
    assert len(batches) == 1 and len(batches[0]) == 500


def test_changes_during_a_build_make_one_more_batch():
    d = Debouncer(quiet=0.02, cap=1.0)
    stop = threading.Event()
    d.add(_change("a.txt"))
    first = d.wait(stop)
    for name in ("b.txt", "c.txt", "b.txt"):   # arrive "while building" the first batch
        d.add(_change(name))
    second = d.wait(stop)
    assert [c.path.name for c in first] == ["a.txt"]
    assert [c.path.name for c in second] == ["c.txt", "b.txt"]
    assert d.due_in() is None


def test_wait_returns_when_stopped():
    d = Debouncer()
    stop = threading.Event()
    threading.Timer(0.1, stop.set).start()
    started = time.monotonic()
    assert d.wait(stop, poll=0.05) == []
    assert time.monotonic() - started < 2


def _collect(watcher: Watcher, stop: threading.Event, timeout: float = 5.0) -> list[Change]:
    timer = threading.Timer(timeout, stop.set)
    timer.start()
    out = watcher.debouncer.wait(stop)
    timer.cancel()
    return out


def test_real_watcher_sees_saves_and_ignores_side_files(project, classify):
    watcher = Watcher(classify, Debouncer(quiet=0.15, cap=2.0))
    watcher.start()
    try:
        content = project / "content"
        # an editor's atomic save: write a temporary file, then rename it over the article
        tmp = content / ".a.txt.tmp123"
        tmp.write_text("Ngày 1/2/2024, ...", encoding="utf-8")
        os.replace(tmp, content / "a.txt")
        batch = _collect(watcher, threading.Event())
        assert {(c.path.name, c.kind) for c in batch} == {("a.txt", "article")}
        # side files, the output and the cache alone: no batch at all
        (content / "a.txt.swp").write_bytes(b"x")
        (content / "4913").write_bytes(b"")
        (content / "b.txt~").write_text("x", encoding="utf-8")
        (project / "site" / "index.html").write_text("x", encoding="utf-8")
        (project / ".timeline-cache" / "x.pickle").write_bytes(b"x")
        (content / "permalinks.json").write_text("{}", encoding="utf-8")
        time.sleep(0.4)
        assert watcher.debouncer.due_in() is None
        # the settings file and a template
        (project / "timeline.toml").write_text("title = 'y'\n", encoding="utf-8")
        (project / "themes" / "default" / "templates" / "event.html").write_text("x", encoding="utf-8")
        batch = _collect(watcher, threading.Event())
        assert {c.kind for c in batch} == {"config", "theme"}
    finally:
        watcher.stop()
    assert not watcher.observer.is_alive()


def test_real_watcher_idles_without_cpu(project, classify):
    """inotify, not polling: a watched, quiet tree costs (almost) no CPU time."""
    for i in range(200):
        (project / "content" / f"{i}.txt").write_text("x", encoding="utf-8")
    watcher = Watcher(classify, Debouncer())
    watcher.start()
    try:
        started = time.process_time()
        time.sleep(1.0)
        used = time.process_time() - started
    finally:
        watcher.stop()
    assert used < 0.1, f"watching an idle tree used {used:.3f} s of CPU in 1 s"
