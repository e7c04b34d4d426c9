"""The build stamp: a build with nothing to do stops at once, and anything a build reads or left breaks it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import state
from generator.build import build
from generator.cli import main
from generator.config import SiteConfig

DATA = Path(__file__).parent / "data"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    return tmp_path


def _config(root: Path, **settings) -> SiteConfig:
    return SiteConfig(content_dir=Path("content"), output_dir=Path("site"), root=root,
                      permalinks=Path("permalinks.json"), **settings)


def _build(root: Path, **settings):
    return build(_config(root, **settings), root / ".timeline-cache")


def test_second_build_stops_at_the_stamp_with_the_same_figures_and_warnings(project):
    first = _build(project)
    site = _tree(project / "site")
    second = _build(project)
    assert not first.unchanged and second.unchanged
    assert second.timeline is None and second.written == [] and second.removed == []
    assert second.summary == first.summary and second.summary.events > 0
    assert second.diagnostics == first.diagnostics and second.pages == first.pages
    assert _tree(project / "site") == site


def test_a_build_without_cache_never_uses_the_stamp(project):
    _build(project)
    result = build(_config(project), None)
    assert not result.unchanged and result.timeline is not None


@pytest.mark.parametrize("save", ["in_place", "through_a_temporary"])
def test_an_edit_that_changes_nothing_extracted_reads_only_that_article_and_writes_nothing(project, monkeypatch, save):
    first = _build(project)
    site = _tree(project / "site")
    article = sorted((project / "content").iterdir())[0]
    text = article.read_text(encoding="utf-8") + "\n\nThêm một đoạn không nói về cuộc gặp nào.\n"
    if save == "in_place":
        article.write_text(text, encoding="utf-8")
    else:                     # as many editors save: a new file renamed over the old (the folder changes too)
        temporary = article.with_name(".saving.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, article)
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    second = _build(project)
    assert second.unchanged and second.reread == [article.name] and second.timeline is None
    assert article.name in read and not any(name.endswith(".txt") and name != article.name for name in read)
    assert second.summary == first.summary and second.diagnostics == first.diagnostics
    assert _tree(project / "site") == site
    # the stamp moved on: the next build stops at once, and the site is a clean build's
    assert _build(project).unchanged and not _build(project).reread
    clean = project / "clean"
    shutil.copytree(project / "content", clean / "content")
    shutil.copy(project / "permalinks.json", clean / "permalinks.json")
    build(_config(clean), None)
    assert _tree(project / "site") == _tree(clean / "site")


def test_the_command_says_an_edit_changed_nothing_extracted(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    (project / "timeline.toml").write_text('content = "content"\noutput = "site"\n', encoding="utf-8")
    args = ["build"]
    assert main(args) == 0
    article = sorted((project / "content").iterdir())[1]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nMột đoạn khác.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 0
    assert "1 article edited, without changing what is extracted from it: nothing written" in capsys.readouterr().out


@pytest.mark.parametrize("edit", [
    "append",            # an article edited: a meeting sentence added
    "same_mtime",        # edited, modification time put back: the change time still moves
    "new_article",
    "removed_article",
    "renamed_article",
])
def test_any_change_to_the_content_is_a_full_build(project, edit):
    _build(project)
    article = sorted((project / "content").iterdir())[0]
    if edit == "append":
        article.write_text(article.read_text(encoding="utf-8") + "\nNgày 3/5/2024, Bộ trưởng Ngoại giao Bùi Văn A "
                           "tiếp Đại sứ Nhật Bản Tanaka Ichiro tại Hà Nội.\n", encoding="utf-8")
    elif edit == "same_mtime":
        st = article.stat()
        article.write_bytes(article.read_bytes().replace(b"a", b"b", 1))
        os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif edit == "new_article":
        shutil.copy(article, project / "content" / "zz_copy.txt")
    elif edit == "removed_article":
        article.unlink()
    else:
        article.rename(article.with_name("renamed_" + article.name))
    result = _build(project)
    assert not result.unchanged and result.timeline is not None
    # and the site is then what a clean build of the new content gives
    clean = project / "clean"
    shutil.copytree(project / "content", clean / "content")
    shutil.copy(project / "permalinks.json", clean / "permalinks.json")
    build(_config(clean), None)
    assert _tree(project / "site") == _tree(clean / "site")


def test_an_output_file_deleted_or_edited_by_hand_is_written_again(project):
    _build(project)
    site = _tree(project / "site")
    (project / "site" / "index.html").unlink()
    restored = _build(project)
    assert not restored.unchanged and "index.html" in restored.written
    page = project / "site" / "timeline.json"
    page.write_text("{}", encoding="utf-8")
    assert not _build(project).unchanged
    assert _tree(project / "site") == site


def test_settings_theme_and_register_are_inputs(project):
    _build(project)
    assert not _build(project, base_url="https://example.org/repo/").unchanged
    assert _build(project, base_url="https://example.org/repo/").unchanged
    theme = project / "themes" / "default" / "static"
    theme.mkdir(parents=True)
    (theme / "extra.css").write_text("body{}", encoding="utf-8")
    assert not _build(project, base_url="https://example.org/repo/").unchanged
    (project / "permalinks.json").write_text((project / "permalinks.json").read_text(encoding="utf-8") + " ",
                                             encoding="utf-8")
    assert not _build(project, base_url="https://example.org/repo/").unchanged


def test_a_damaged_stamp_is_a_full_build_not_an_error(project):
    _build(project)
    (project / ".timeline-cache" / state.STAMP).write_bytes(b"\x80\x05not a pickle")
    result = _build(project)
    assert result.ok and not result.unchanged and result.errors == []
    assert _build(project).unchanged


def test_a_new_release_is_a_full_build(project, monkeypatch):
    _build(project)
    monkeypatch.setattr(state, "code_fingerprint", lambda only=None: "another release")
    assert not _build(project).unchanged


def test_the_command_says_nothing_changed_and_keeps_strict_meaning(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    (project / "timeline.toml").write_text('content = "content"\noutput = "site"\n', encoding="utf-8")
    first = main(["build", "--strict"])
    out_first = capsys.readouterr()
    second = main(["build", "--strict"])
    out_second = capsys.readouterr()
    assert "nothing changed since the last build" in out_second.out
    assert "files written" in out_first.out
    assert first == second                                  # --strict fails alike when there are warnings
    assert out_second.err == out_first.err                  # the same warnings, said again
    assert out_first.out.split(";")[0] == out_second.out.split(";")[0]   # the same figures


def test_the_extraction_fingerprint_covers_every_module_extraction_imports():
    import subprocess
    import sys
    listed = subprocess.run([sys.executable, "-c", "import sys, generator.extract.article, "
                             "generator.extract.reader; print(' '.join(m for m in sys.modules if m.startswith('generator')))"],
                            capture_output=True, text=True, check=True).stdout.split()
    files = [m.removeprefix("generator.").replace(".", "/") for m in listed if m != "generator"]
    uncovered = [f for f in files if not (f + ".py").startswith(state.EXTRACTION_CODE)
                 and not (f + "/").startswith(state.EXTRACTION_CODE)]
    assert uncovered == [], f"extraction imports code its cache key does not hash: {uncovered}"


def test_site_code_is_outside_the_extraction_fingerprint():
    assert state.code_fingerprint(state.EXTRACTION_CODE) != state.code_fingerprint()
    assert not "site/render.py".startswith(state.EXTRACTION_CODE)


def test_a_new_process_takes_unchanged_articles_from_the_cache_without_reading_them(project, monkeypatch):
    import generator.build as b
    config = _config(project)
    b.Builder(config, project / ".timeline-cache").build()
    hashed = []
    original = b.article_key
    monkeypatch.setattr(b, "article_key", lambda rel, data: hashed.append(rel) or original(rel, data))
    again = b.Builder(config, project / ".timeline-cache").build()       # as the next `timeline build` would
    assert again.ok and hashed == [] and again.extracted == []
    article = sorted((project / "content").iterdir())[0]
    st = article.stat()
    article.write_bytes(article.read_bytes().replace(b"a", b"b", 1))
    os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns))                # same size and modification time
    third = b.Builder(config, project / ".timeline-cache").build()
    assert set(hashed) == {article.name} and third.extracted == [article.name]


def test_articles_seen_by_another_extractor_are_read_again(project, monkeypatch):
    _build(project)
    assert state.load_seen(project / ".timeline-cache")
    monkeypatch.setattr(state, "code_fingerprint", lambda only=None: "another extractor")
    assert state.load_seen(project / ".timeline-cache") == {}


def test_a_link_out_of_the_content_folder_is_not_walked(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "big").mkdir()
    (outside / "big" / "note.txt").write_text("x", encoding="utf-8")
    (project / "content" / "elsewhere").symlink_to(outside, target_is_directory=True)
    _build(project)
    assert _build(project).unchanged
    # what lies behind the link is not read by the build, so changing it is no change
    (outside / "big" / "note.txt").write_text("changed", encoding="utf-8")
    assert _build(project).unchanged
    # the link itself is part of the content folder
    (project / "content" / "elsewhere").unlink()
    assert not _build(project).unchanged
