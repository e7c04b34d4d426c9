"""The content folder and the settings as an attacker or an unlucky user leaves them: links out of the
folder, loops, unreadable folders, huge files, control characters in names, runaway settings, and
the rule that a build never writes among the articles.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import DATA
from generator.extract import reader
from generator.build import Builder, build
from generator.cli import main
from generator.config import ConfigError, SiteConfig, load_config
from generator.live.dev import DevLoop, Session
from generator.extract.reader import MAX_ARTICLE_BYTES, find_articles

ARTICLE = (" date 2024-05-10 Bộ trưởng tiếp Đại sứ\n\n"
           "Chiều 9/5, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp ngài Hans Müller, "
           "Đại sứ Đức tại Việt Nam.\n")
OTHER = (" date 2023-03-02 Thủ tướng tiếp Bộ trưởng\n\n"
         "Sáng 1/3, tại Hà Nội, Thủ tướng Chính phủ Trần Văn Nam đã tiếp Bộ trưởng Ngoại giao Pháp Jean Dupont.\n")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def timeline_of(site: Path) -> dict:
    return json.loads((site / "timeline.json").read_text(encoding="utf-8"))


# -- 8. links, loops, unreadable folders ------------------------------------------------------------

@pytest.fixture
def linked_content(tmp_path):
    content = tmp_path / "content"
    (content / "2024").mkdir(parents=True)
    (content / "2024" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    outside = tmp_path / "other-project"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (content / "secret.txt").symlink_to(outside / "secret.txt")          # a file outside
    (content / "elsewhere").symlink_to(outside)                          # a folder outside
    (content / "passwd.txt").symlink_to("/etc/passwd")
    (content / "gone.txt").symlink_to(tmp_path / "nothing-here.txt")     # dangling
    (content / "loop1.txt").symlink_to(content / "loop2.txt")            # a loop of two links
    (content / "loop2.txt").symlink_to(content / "loop1.txt")
    (content / "2024" / "up").symlink_to(content)                        # a folder loop
    (content / "latest.txt").symlink_to(content / "2024" / "a.txt")      # a second name for an article
    (content / "alias").symlink_to(content / "2024")                     # a second name for a folder
    return content


def test_links_outside_the_content_folder_are_refused_and_everything_skipped_is_said(linked_content, tmp_path):
    files, skipped = find_articles(linked_content)
    assert [f.relative_to(linked_content).as_posix() for f in files] == ["2024/a.txt"]
    said = {d.file: d.message for d in skipped}
    assert set(said) == {"secret.txt", "elsewhere", "passwd.txt", "gone.txt", "loop1.txt", "loop2.txt",
                         "2024/up", "latest.txt", "alias"}
    assert "outside the content folder" in said["secret.txt"] and "/etc/passwd" in said["passwd.txt"]
    assert "points to nothing" in said["gone.txt"] and "loops" in said["loop1.txt"]
    assert "2024/a.txt" in said["latest.txt"] and "read already" in said["alias"]

    result = build(SiteConfig(content_dir=linked_content, output_dir=tmp_path / "site"))
    assert result.ok and result.timeline.articles == 1
    names = {p["name"] for e in timeline_of(tmp_path / "site")["events"] for p in e["participants"]}
    assert "Jean Dupont" not in names
    site_text = b"".join(tree(tmp_path / "site").values())
    assert b"root:x:0:0" not in site_text and b"Jean Dupont" not in site_text
    assert {d.file for d in result.warnings} >= set(said)


def test_strict_fails_when_anything_was_skipped(linked_content, tmp_path, capsys):
    assert main(["build", "--content", str(linked_content), "--output", str(tmp_path / "site"), "--strict"]) == 1
    assert "passwd.txt: is a link to /etc/passwd" in capsys.readouterr().err


def test_an_unreadable_folder_is_an_error_naming_it(tmp_path, make_content, monkeypatch):
    # root reads any folder, so the refusal comes from the file system call itself
    content = make_content({"a.txt": ARTICLE, "locked/b.txt": OTHER})
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(reader.os, "scandir", scandir)
    result = build(SiteConfig(content_dir=content, output_dir=content.parent / "site"))
    assert result.ok and result.timeline.articles == 1
    error = next(d for d in result.errors if d.file == "locked/")
    assert "Permission denied" in error.message and "left out" in error.message


def test_control_characters_in_file_names_are_shown_not_obeyed(tmp_path, make_content, capsys):
    name = "bad\x1b[2J\x1b]8;;evil\x07\u202e\nname.txt"
    content = make_content({"a.txt": ARTICLE, name: b"\xff\xfe not utf-8"})
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "site")]) == 0
    captured = capsys.readouterr()
    for stream in (captured.err, captured.out):
        assert not any(ch in stream.replace("\n", "") for ch in "\x1b\x07\u202e")
    line = next(line for line in captured.err.splitlines() if "not UTF-8" in line)
    assert "bad\\x1b[2J\\x1b]8;;evil\\x07\\u202e\\nname.txt" in line


# -- 7. limits ------------------------------------------------------------------------------------

def test_an_article_over_the_size_limit_is_skipped_with_a_warning(tmp_path, make_content):
    content = make_content({"a.txt": ARTICLE})
    with open(content / "huge.txt", "wb") as f:           # sparse: no 5 MB written, read or extracted
        f.truncate(MAX_ARTICLE_BYTES + 1)
    result = build(SiteConfig(content_dir=content, output_dir=tmp_path / "site"))
    assert result.ok and result.timeline.articles == 1 and len(result.timeline.events) == 1
    said = next(d for d in result.diagnostics if d.file == "huge.txt")
    assert "MB" in said.message and "skipped" in said.message


@pytest.mark.parametrize("years", ["[1, 9999]", "[0, 2026]", "[2020, 99999]", "[1899, 2026]", "[2020, 2101]"])
def test_a_year_range_outside_1900_2100_is_a_config_error(tmp_path, years):
    (tmp_path / "timeline.toml").write_text(f"years = {years}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="outside 1900–2100"):
        load_config(tmp_path / "timeline.toml")


# -- 10. settings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, words", [
    ('content = 5', "'content' must be a folder"), ('output = ["a"]', "'output' must be a folder"),
    ('base_url = "//evil.example/"', "without http:// or https://"), ('theme = ".."', "'theme' must be the name"),
    ('theme = "../../etc"', "'theme' must be the name"), ('years = "2020-2026"', "'years' must be two years"),
    ('start = 2026-01-01\nend = 2020-12-31', "starts (2026-01-01) after it ends"), ('order = 1', "'order' must be"),
    ('title = ["x"]', "'title' must be text"), ('permalinks = "content/p.json"', "inside the content folder"),
    ('permalinks = 3', "'permalinks' must be a file name"), ('years = [true, 2026]', "'years' must be a year"),
])
def test_each_bad_setting_is_a_clear_error(tmp_path, line, words):
    (tmp_path / "timeline.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "timeline.toml")
    assert words in str(caught.value) and str(tmp_path / "timeline.toml") in str(caught.value)


def test_a_theme_name_cannot_publish_files_outside_themes(tmp_path, make_content, capsys):
    make_content({"a.txt": ARTICLE})
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "private.key").write_text("secret", encoding="utf-8")
    (tmp_path / "timeline.toml").write_text('theme = ".."\n', encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "timeline.toml")]) == 2
    assert "'theme'" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


# -- 11. the content folder is the user's ----------------------------------------------------------

def _project(tmp_path: Path, settings: str = "") -> Path:
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    (tmp_path / "timeline.toml").write_text(settings, encoding="utf-8")
    return tmp_path


def test_the_register_lives_beside_the_settings_and_the_content_folder_is_never_written(tmp_path, monkeypatch):
    project = _project(tmp_path)
    before = tree(project / "content")
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    assert tree(project / "content") == before
    register = json.loads((project / "permalinks.json").read_text(encoding="utf-8"))
    assert len(register["events"]) == len(timeline_of(project / "site")["events"])


def test_another_content_folder_records_nothing_in_the_project(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path / "project")
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    register = (project / "permalinks.json").read_bytes()
    assert main(["build", "--content", str(other), "--output", str(tmp_path / "out")]) == 0
    assert "not recorded" in capsys.readouterr().err
    assert (project / "permalinks.json").read_bytes() == register
    assert sorted(p.name for p in other.iterdir()) == ["a.txt"]


def test_a_register_in_the_content_folder_is_read_once_and_recorded_beside_the_settings(tmp_path, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    published = (project / "permalinks.json").read_bytes()
    (project / "permalinks.json").rename(project / "content" / "permalinks.json")     # an earlier release's place
    legacy = (project / "content" / "permalinks.json").read_bytes()
    article = project / "content" / "000_ecc860b1ee623f88.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Ngày 30/10", "Ngày 29/10"), encoding="utf-8")
    result = Builder(load_config()).build()
    assert result.ok
    assert (project / "content" / "permalinks.json").read_bytes() == legacy          # never written
    moved = json.loads((project / "permalinks.json").read_text(encoding="utf-8"))
    assert set(json.loads(published)["events"]) <= set(moved["events"])               # nothing forgotten
    assert any("delete this copy" in d.message for d in result.warnings)
    assert (project / "site" / "events" / "2020-10-30-to-lam-mike-pompeo" / "index.html").read_text(
        encoding="utf-8").count('http-equiv="refresh"') == 1                            # the old address redirects


def test_the_preview_records_no_address_and_leaves_no_redirect_for_unpublished_pages(tmp_path):
    project = _project(tmp_path)
    config = load_config(project / "timeline.toml")
    assert Builder(config).build().ok                   # published once with `timeline build`
    register = (project / "permalinks.json").read_bytes()
    loop = DevLoop(Session(lambda: load_config(project / "timeline.toml"), project / "timeline.toml"),
                   load_config(project / "timeline.toml"), None, io.StringIO())
    article = project / "content" / "000_ecc860b1ee623f88.txt"
    text = article.read_text(encoding="utf-8")
    for day in ("29", "28", "30"):                      # an editor trying dates: 30 -> 29 -> 28 -> 30
        article.write_text(text.replace("Ngày 30/10", f"Ngày {day}/10"), encoding="utf-8")
        assert loop.build([]).ok
    assert (project / "permalinks.json").read_bytes() == register
    events = project / "site" / "events"
    assert not (events / "2020-10-29-to-lam-mike-pompeo").exists()
    assert not (events / "2020-10-28-to-lam-mike-pompeo").exists()
    assert 'http-equiv="refresh"' not in (events / "2020-10-30-to-lam-mike-pompeo" / "index.html").read_text(
        encoding="utf-8")
