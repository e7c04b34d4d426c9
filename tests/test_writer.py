"""The writer: atomic, idempotent, no double writes, and removal of pages that went away."""
from __future__ import annotations

import pytest

from generator.site.writer import MANIFEST, Writer


def test_identical_bytes_are_not_rewritten(tmp_path):
    w = Writer(tmp_path)
    w.write("a/index.html", "x")
    w.commit()
    mtime = (tmp_path / "a/index.html").stat().st_mtime_ns
    w2 = Writer(tmp_path)
    w2.write("a/index.html", "x")
    assert w2.changed == [] and (tmp_path / "a/index.html").stat().st_mtime_ns == mtime


def test_one_path_twice_is_refused(tmp_path):
    w = Writer(tmp_path)
    w.write("a.html", "x")
    with pytest.raises(ValueError, match="same output path: a.html"):
        w.write("a.html", "y")


def test_prune_removes_only_what_a_previous_build_wrote(tmp_path):
    first = Writer(tmp_path)
    for rel in ("index.html", "events/old/index.html", "events/old/index.md", "events/kept/index.html"):
        first.write(rel, rel)
    first.commit()
    (tmp_path / "CNAME").write_text("example.org")              # the user's own file
    (tmp_path / "events" / "notes.txt").write_text("mine")
    second = Writer(tmp_path)
    for rel in ("index.html", "events/kept/index.html"):
        second.write(rel, rel)
    second.commit()
    assert second.removed == ["events/old/index.html", "events/old/index.md"]
    assert not (tmp_path / "events/old").exists()                 # emptied folders go too
    assert (tmp_path / "CNAME").read_text() == "example.org"
    assert (tmp_path / "events/notes.txt").read_text() == "mine"
    assert (tmp_path / MANIFEST).is_file()


def test_a_damaged_manifest_removes_nothing(tmp_path):
    (tmp_path / MANIFEST).write_text("not json")
    (tmp_path / "keep.html").write_text("x")
    w = Writer(tmp_path)
    w.write("index.html", "y")
    w.commit()
    assert (tmp_path / "keep.html").exists() and w.removed == []


def test_manifest_entries_cannot_escape_the_output_folder(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    site = tmp_path / "site"
    site.mkdir()
    (site / MANIFEST).write_text('["../outside.txt"]')
    w = Writer(site)
    w.commit()
    assert outside.read_text() == "precious"


def test_a_file_written_in_pieces_is_staged_as_it_comes_and_kept_when_unchanged(tmp_path):
    pieces = ["{\n", "  \"a\": 1", ",\n  \"b\": \"Tô Lâm\"", "\n}\n"]
    first = Writer(tmp_path)
    first.write_pieces("timeline.json", iter(pieces))
    first.commit()
    assert (tmp_path / "timeline.json").read_text(encoding="utf-8") == "".join(pieces)
    assert first.changed == ["timeline.json"]
    mtime = (tmp_path / "timeline.json").stat().st_mtime_ns
    same = Writer(tmp_path)
    same.write_pieces("timeline.json", iter(pieces))
    same.commit()
    assert same.changed == [] and (tmp_path / "timeline.json").stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".timeline-new")] == []
    other = Writer(tmp_path)
    other.write_pieces("timeline.json", iter(pieces[:-1] + ["\n, \"c\": 2}\n"]))
    other.commit()
    assert other.changed == ["timeline.json"]
    assert (tmp_path / "timeline.json").read_text(encoding="utf-8").endswith("\"c\": 2}\n")


def test_pieces_and_whole_give_the_same_file(tmp_path):
    text = "x" * 100_000 + "ư\n"
    whole, pieces = Writer(tmp_path / "whole"), Writer(tmp_path / "pieces")
    whole.write("f.json", text)
    pieces.write_pieces("f.json", (text[i:i + 999] for i in range(0, len(text), 999)))
    whole.commit()
    pieces.commit()
    assert (tmp_path / "whole" / "f.json").read_bytes() == (tmp_path / "pieces" / "f.json").read_bytes()
    with pytest.raises(ValueError):
        pieces.write_pieces("f.json", iter(["again"]))
