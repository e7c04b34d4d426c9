"""The `timeline` command: build, summary, warnings, --strict, --version, --help, settings."""
from __future__ import annotations

import json
import subprocess
import sys

from generator.cli import main

ARTICLE = (" date 2024-05-10 Bộ trưởng tiếp Đại sứ\n\n"
           "Chiều 9/5, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp ngài Hans Müller, "
           "Đại sứ Đức tại Việt Nam.\n")


def run(*args: str) -> int:
    return main(list(args))


def test_build_writes_timeline_and_summary(make_content, tmp_path, capsys):
    content = make_content({"a.txt": ARTICLE})
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--output", str(out)) == 0
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert [e["date"] for e in data["events"]] == ["2024-05-09"]
    assert {p["country"] for p in data["events"][0]["participants"]} == {"VN", "DE"}
    summary = capsys.readouterr().out
    assert "1 articles read, 1 events" in summary and "0 warnings" in summary


def test_bad_article_warns_with_its_name_and_the_rest_builds(make_content, tmp_path, capsys):
    content = make_content({"good.txt": ARTICLE, "bad.txt": b"\xff\xfe\x00garbage\xc3"})
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--output", str(out)) == 0
    err = capsys.readouterr().err
    assert "bad.txt" in err
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) == 1


def test_strict_turns_warnings_into_exit_1(make_content, tmp_path):
    content = make_content({"good.txt": ARTICLE, "nothing.txt": "Thời tiết hôm nay đẹp, trời nắng nhẹ và có gió.\n"})
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--output", str(out)) == 0
    assert run("build", "--content", str(content), "--output", str(out), "--strict") == 1


def test_undated_meeting_is_listed_and_warned_not_dropped(make_content, tmp_path, capsys):
    text = ("Thủ tướng Chính phủ Trần Văn Nam đã tiếp Bộ trưởng Ngoại giao Pháp Jean Dupont tại Trụ sở Chính phủ.\n")
    content = make_content({"u.txt": text})
    out = tmp_path / "site"
    run("build", "--content", str(content), "--output", str(out))
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert data["events"] == []
    assert [sorted(p["name"] for p in e["participants"]) for e in data["undated"]] == [["Jean Dupont", "Trần Văn Nam"]]
    assert "undated" in capsys.readouterr().err


def test_config_file_sets_defaults_and_range(tmp_path, make_content):
    make_content({"a.txt": ARTICLE})
    (tmp_path / "timeline.toml").write_text('content = "content"\noutput = "out"\nyears = [2025, 2026]\n', encoding="utf-8")
    assert run("build", "--config", str(tmp_path / "timeline.toml")) == 0
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert data["range"] == {"start": "2025-01-01", "end": "2026-12-31"}
    assert data["events"] == []          # 2024 is outside the configured range


def test_an_unknown_setting_is_a_warning_and_the_site_builds(tmp_path, make_content, capsys):
    make_content({"a.txt": ARTICLE})
    config = tmp_path / "timeline.toml"
    config.write_text("colour = 'blue'\n", encoding="utf-8")
    assert run("build", "--config", str(config)) == 0
    assert "unknown setting 'colour'" in capsys.readouterr().err
    assert (tmp_path / "site" / "index.html").is_file()
    assert run("build", "--config", str(config), "--strict") == 1


def test_every_bad_setting_is_named_at_once(tmp_path, capsys):
    config = tmp_path / "timeline.toml"
    config.write_text('years = [0, 2026]\ncontent = 5\noutput = ["a"]\ntheme = ".."\n'
                      'base_url = "//evil.example/"\nlanguage = "fr"\n', encoding="utf-8")
    assert run("build", "--config", str(config)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(config) in err
    for key in ("'years'", "'content'", "'output'", "'theme'", "'base_url'", "'language'"):
        assert key in err, key
    assert len(err.strip().splitlines()) == 7          # the file, then one line per setting


def test_missing_content_folder(tmp_path, capsys):
    assert run("build", "--content", str(tmp_path / "nope"), "--output", str(tmp_path / "o")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_version_and_help():
    out = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("timeline ")
    out = subprocess.run([sys.executable, "-m", "generator", "build", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "--strict" in out.stdout


def test_user_files_are_never_written(make_content, tmp_path):
    content = make_content({"a.txt": ARTICLE})
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    run("build", "--content", str(content), "--output", str(tmp_path / "site"))
    after = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert after == before


def test_building_twice_gives_identical_bytes(make_content, tmp_path):
    content = make_content({"a.txt": ARTICLE})
    run("build", "--content", str(content), "--output", str(tmp_path / "one"))
    run("build", "--content", str(content), "--output", str(tmp_path / "two"))
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert len(one) > 10 and one == two


def test_output_inside_content_is_refused(make_content, capsys):
    content = make_content({"a.txt": ARTICLE})
    assert run("build", "--content", str(content), "--output", str(content / "site")) == 2
    assert "overlap" in capsys.readouterr().err
    assert not (content / "site").exists()


def test_base_url_option_overrides_the_setting_and_is_checked(make_content, tmp_path, capsys):
    content = make_content({"a.txt": ARTICLE})
    out = tmp_path / "site"
    assert run("build", "--content", str(content), "--output", str(out)) == 0
    assert "has no domain" in capsys.readouterr().out
    assert run("build", "--content", str(content), "--output", str(out),
               "--base-url", "https://user.github.io/repo") == 0
    assert "has no domain" not in capsys.readouterr().out
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/">' in home
    assert run("build", "--content", str(content), "--output", str(out), "--base-url", "ftp://x/") == 2
    assert "--base-url" in capsys.readouterr().err


def test_the_pages_workflow_builds_with_the_published_base_url():
    from conftest import DATA
    workflow = (DATA.parent.parent / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert action in workflow
    assert 'timeline build --base-url "${{ steps.pages.outputs.base_url }}/"' in workflow
    assert "path: site" in workflow and "pages: write" in workflow and "id-token: write" in workflow


def test_many_warnings_are_printed_by_kind_and_all_with_verbose(make_content, tmp_path, capsys):
    files = {f"n{i:02d}.txt": f"Tin ngắn số {i}\n\nHôm nay trời nắng đẹp ở Hà Nội.\n" for i in range(40)}
    files["bad.txt"] = b"\xff\xfe\x00garbage\xc3"
    content = make_content(files)
    assert run("build", "--content", str(content), "--output", str(tmp_path / "a")) == 0
    err = capsys.readouterr().err
    assert "41 warnings of 2 kinds" in err
    assert "    40 × warning: no meeting found in this article" in err and "… and 37 more" in err
    assert "bad.txt" in err                               # the rarer kind is shown too
    assert err.count("no meeting found in this article") == 4      # the kind and its three examples
    assert run("build", "--content", str(content), "--output", str(tmp_path / "b"), "--verbose") == 0
    err = capsys.readouterr().err
    assert err.count("no meeting found in this article") == 40


def test_a_long_build_ends_with_the_time_of_each_stage(make_content, tmp_path, capsys, monkeypatch):
    import generator.cli as cli
    content = make_content({"a.txt": ARTICLE})
    assert run("build", "--content", str(content), "--output", str(tmp_path / "quick")) == 0
    assert "time by stage" not in capsys.readouterr().out          # a quick build says nothing of it
    monkeypatch.setattr(cli, "STAGES_SHOWN_AFTER", 0.0)
    assert run("build", "--content", str(content), "--output", str(tmp_path / "long")) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("time by stage: "))
    stages = [part.split()[0] for part in line[len("time by stage: "):].split(", ")]
    assert stages == ["extract", "resolve", "permalinks", "pages", "search"]


def test_an_english_site_without_a_title_gets_an_english_one(tmp_path):
    from generator.config import load_config
    (tmp_path / "timeline.toml").write_text('language = "en"\n', encoding="utf-8")
    assert load_config(tmp_path / "timeline.toml").title == "Chronology of high-level meetings"
    (tmp_path / "timeline.toml").write_text('language = "en"\ntitle = "Our meetings"\n', encoding="utf-8")
    assert load_config(tmp_path / "timeline.toml").title == "Our meetings"           # a title given stays
    (tmp_path / "timeline.toml").write_text('order = "oldest"\n', encoding="utf-8")
    assert load_config(tmp_path / "timeline.toml").title == "Dòng thời gian các cuộc gặp"
