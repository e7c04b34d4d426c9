"""Editors' corrections (resolve/corrections): read with their lines, applied by id, kept across builds."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from generator.build import build
from generator.cli import main
from generator.config import SiteConfig
from generator.live.watcher import ChangeFilter
from generator.resolve.correct import apply_corrections
from generator.resolve.corrections import load_corrections

DATA = Path(__file__).parent / "data"
MEETING = "2026-02-13-to-lam-michael-desombre"


def _project(tmp_path: Path, corrections: str) -> SiteConfig:
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    (tmp_path / "corrections.toml").write_text(corrections, encoding="utf-8")
    return SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", root=tmp_path,
                      corrections=Path("corrections.toml"), search=False)


def test_the_file_is_read_with_each_corrections_line_and_every_problem_is_named(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text('[[meeting]]\nid = "a"\nkind = "talks"\nonline = true\nreason = "r1"\n\n'
                    '[[official]]\nid = "b"\ncountry = "us"\nreason = "r2"\n\n'
                    '[[meeting]]\nid = "c"\nkind = "party"\nreason = "r3"\n\n'
                    '[[meeting]]\nid = "d"\nplace = "Huế"\n\n'
                    '[[official]]\nid = "e"\nrank = "x"\nreason = "r5"\n\n'
                    '[[speech]]\nid = "f"\nreason = "r6"\n', encoding="utf-8")
    found, problems = load_corrections(path)
    assert [(c.target, c.id, c.field, c.value, c.line) for c in found] == [
        ("meeting", "a", "kind", "talks", 1), ("meeting", "a", "online", True, 1), ("official", "b", "country", "US", 7)]
    said = [f"{d.file}: {d.message}" for d in problems]
    assert any(s.startswith(f"{path}:12: 'kind' must be one of") for s in said)
    assert f"{path}:17: a correction needs its reason (reason = \"...\")" in said
    assert any(s.startswith(f"{path}:21: 'rank' cannot be corrected on a official") for s in said)
    assert any("unknown kind of correction [[speech]]" in s for s in said)


def test_broken_toml_is_an_error_and_nothing_applies(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text("[[meeting]\nid = ", encoding="utf-8")
    found, problems = load_corrections(path)
    assert found == [] and problems[0].level == "error" and "not valid TOML" in problems[0].message
    assert load_corrections(tmp_path / "missing.toml") == ([], [])


def test_a_build_applies_them_shows_them_and_records_them(tmp_path):
    config = _project(tmp_path, f'''
[[meeting]]
id = "{MEETING}"
kind = "talks"
place = "Trụ sở Trung ương Đảng"
reason = "The Party's own report calls it talks"

[[meeting]]
id = "2020-10-30-to-lam-mike-pompeo"
remove = true
reason = "Not a meeting of this chronology"

[[official]]
id = "michael-desombre"
name = "Michael G. DeSombre"
reason = "His full name"
''')
    result = build(config)
    assert result.ok and not result.warnings
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    event = next(e for e in data["events"] if e["id"] == MEETING)
    assert (event["kind"], event["location"]) == ("talks", "Trụ sở Trung ương Đảng")
    assert event["corrections"][0] == {"field": "kind", "value": "talks", "reason": "The Party's own report calls it talks"}
    assert "Michael G. DeSombre" in event["title"] and "hội đàm với" in event["title"]
    assert [e["id"] for e in data["corrected_out"]] == ["2020-10-30-to-lam-mike-pompeo"]
    assert data["corrected_out"][0]["corrections"][0]["reason"] == "Not a meeting of this chronology"
    assert all(e["id"] != "2020-10-30-to-lam-mike-pompeo" for e in data["events"])
    assert "mike-pompeo" not in {o["id"] for o in data["officials"]}          # met nobody else
    page = (tmp_path / "site" / "events" / MEETING / "index.md").read_text(encoding="utf-8")
    assert "*Biên tập viên đã sửa: loại cuộc gặp (The Party's own report calls it talks); địa điểm (" in page
    gone = (tmp_path / "site" / "events" / "2020-10-30-to-lam-mike-pompeo" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../years/2020/' in gone                                     # the address still leads somewhere
    official = (tmp_path / "site" / "officials" / "michael-desombre" / "index.md").read_text(encoding="utf-8")
    assert official.count("# Michael G. DeSombre") == 1 and "Biên tập viên đã sửa: tên (His full name)" in official


def test_a_correction_without_its_target_waits_and_fails_strict(tmp_path, capsys):
    config = _project(tmp_path, '[[meeting]]\nid = "2099-01-01-nobody"\nkind = "call"\nreason = "x"\n')
    (tmp_path / "timeline.toml").write_text('content = "content"\noutput = "site"\nsearch = false\n', encoding="utf-8")
    assert main(["build", "--config", str(tmp_path / "timeline.toml"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'corrections.toml'}:1: no meeting '2099-01-01-nobody' any more" in err


def test_an_old_id_that_redirects_finds_its_meeting_and_contradictions_are_named(tmp_path):
    config = _project(tmp_path, "")
    timeline = build(config).timeline
    from generator.model import Correction
    old = "events/2026-02-13-an-old-id/"
    corrections = [Correction("meeting", "2026-02-13-an-old-id", "kind", "talks", "r", 3),
                   Correction("meeting", MEETING, "kind", "call", "r", 9)]
    out, redirects, notes = apply_corrections(timeline, {old: f"events/{MEETING}/"}, corrections, "corrections.toml")
    assert next(e for e in out.events if e.id == MEETING).kind == "call"        # the later line applies
    assert [f"{d.file}: {d.message}" for d in notes] == [
        f"corrections.toml:9: contradicts line 3 on kind of meeting '{MEETING}'; this one applies"]
    assert redirects[old] == f"events/{MEETING}/"
    assert timeline.events == build(config).timeline.events                    # the given timeline is unchanged


def test_corrections_survive_an_edit_and_the_incremental_build_equals_a_clean_one(tmp_path):
    config = _project(tmp_path, f'[[meeting]]\nid = "{MEETING}"\nonline = true\nreason = "It was online"\n')
    cache = tmp_path / "cache"
    assert build(config, cache).ok
    article = tmp_path / "content" / "003_66a2be22f014ea4f.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu nữa, không có cuộc gặp nào.\n", encoding="utf-8")
    (tmp_path / "corrections.toml").write_text(
        f'[[meeting]]\nid = "{MEETING}"\nonline = true\nplace = "Hà Nội"\nreason = "It was online"\n', encoding="utf-8")
    assert build(config, cache).ok                                              # re-extracted, corrected again
    clean = replace(config, output_dir=tmp_path / "clean")
    assert build(clean).ok
    a = (tmp_path / "site" / "timeline.json").read_bytes()
    assert a == (tmp_path / "clean" / "timeline.json").read_bytes()
    event = next(e for e in json.loads(a)["events"] if e["id"] == MEETING)
    assert event["online"] is True and event["location"] == "Hà Nội"


def test_the_watcher_sees_the_corrections_file(tmp_path):
    f = ChangeFilter(tmp_path / "content", None, None, [], tmp_path / "corrections.toml")
    assert f.classify(tmp_path / "corrections.toml") == "corrections"



def test_a_date_set_by_the_editors_moves_the_meeting_its_address_and_its_officials_positions(tmp_path):
    config = _project(tmp_path, '''
[[meeting]]
id = "2020-09-23-nguyen-minh-vu-clark-cooper"
date = "2020-09-24"
reason = "The ministry's note is dated the 24th"

[[meeting]]
id = "2021-07-14-to-lam-tanahashi-yasufumi"
date = "2019-07"
reason = "The call was in July 2019"
''')
    result = build(config)
    assert result.ok and not result.warnings
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    moved = next(e for e in data["events"] if e["id"] == "2020-09-24-nguyen-minh-vu-clark-cooper")
    assert moved["date"] == "2020-09-24" and moved["date_basis"] == "set by the editors: The ministry's note is dated the 24th"
    assert moved["date_found"]["rule"] == "editors"
    assert [e["date"] for e in data["events"]] == sorted(e["date"] for e in data["events"])
    site = tmp_path / "site"
    old = (site / "events" / "2020-09-23-nguyen-minh-vu-clark-cooper" / "index.html").read_text(encoding="utf-8")
    assert "url=../2020-09-24-nguyen-minh-vu-clark-cooper/" in old                 # the old address leads on
    assert all(e["id"] != "2021-07-14-to-lam-tanahashi-yasufumi" for e in data["events"])   # left the range
    assert "url=../../unplaced/" in (site / "events" / "2021-07-14-to-lam-tanahashi-yasufumi" / "index.html").read_text(
        encoding="utf-8")
    assert "The call was in July 2019" in (site / "unplaced" / "index.html").read_text(encoding="utf-8")
    to_lam = next(o for o in data["officials"] if o["id"] == "to-lam")
    assert "2021-07-14-to-lam-tanahashi-yasufumi" not in to_lam["events"]
    assert to_lam["positions"][0]["first_seen"] == "2020-10-30"                  # no longer from the moved meeting
    clark = next(o for o in data["officials"] if o["id"] == "clark-cooper")
    assert clark["events"] == ["2020-09-24-nguyen-minh-vu-clark-cooper"] and clark["positions"][0]["first_seen"] == "2020-09-24"


def test_a_date_is_checked_like_any_date(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text('[[meeting]]\nid = "a"\ndate = "2023-02-29"\nreason = "r"\n', encoding="utf-8")
    found, problems = load_corrections(path)
    assert found == [] and "'date' must be a date" in problems[0].message


def test_officials_merged_into_one_have_one_page_and_their_names_become_aliases(tmp_path):
    config = _project(tmp_path, '[[official]]\nid = "luong-tam-quang"\nmerge = ["phan-van-giang", "nobody-here"]\n'
                                'reason = "One person written two ways"\n')
    result = build(config)
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    one = next(o for o in data["officials"] if o["id"] == "luong-tam-quang")
    assert "Phan Văn Giang" in one["aliases"] and len(one["events"]) == 2
    assert one["events"] == sorted(one["events"]) and one["corrections"][0]["field"] == "merge"
    assert "phan-van-giang" not in {o["id"] for o in data["officials"]}
    assert all(p["official"] != "phan-van-giang" for e in data["events"] for p in e["participants"])
    gone = (tmp_path / "site" / "officials" / "phan-van-giang" / "index.html").read_text(encoding="utf-8")
    assert "url=../luong-tam-quang/" in gone
    assert [d.message for d in result.warnings] == [
        "cannot merge official 'nobody-here' into 'luong-tam-quang': no official 'nobody-here' any more"]


def test_an_ignored_article_gives_no_meeting_and_its_page_says_why(tmp_path):
    config = _project(tmp_path, '[[article]]\nid = "000_ecc860b1ee623f88.txt"\nignore = true\nreason = "A digest"\n\n'
                                '[[article]]\nid = "001-35425930eadc2db0"\nignore = true\nreason = "By its page id"\n\n'
                                '[[article]]\nid = "nope.txt"\nignore = true\nreason = "x"\n')
    result = build(config)
    files = {s.file for e in result.timeline.events for s in e.sources}
    assert not files & {"000_ecc860b1ee623f88.txt", "001_35425930eadc2db0.txt"} and files
    page = (tmp_path / "site" / "articles" / "000-ecc860b1ee623f88" / "index.html").read_text(encoding="utf-8")
    assert "ignored by the editors: A digest" in page
    assert [f"{d.file}: {d.message}" for d in result.warnings] == [
        f"{tmp_path / 'corrections.toml'}:11: no article 'nope.txt' any more; the correction waits for it"]


def test_participants_added_and_taken_out_change_the_meeting_and_their_officials_lists(tmp_path):
    config = _project(tmp_path, f'[[meeting]]\nid = "{MEETING}"\nadd_participant = ["luong-tam-quang"]\n'
                                f'remove_participant = ["nobody"]\nreason = "He was there too"\n\n'
                                '[[meeting]]\nid = "2020-10-30-to-lam-mike-pompeo"\nremove_participant = ["mike-pompeo"]\n'
                                'reason = "He did not come"\n')
    result = build(config)
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    meeting = next(e for e in data["events"] if e["id"] == MEETING)
    added = meeting["participants"][-1]
    assert (added["official"], added["title"], added["role"]) == ("luong-tam-quang", "Bộ trưởng Bộ Công an", "participant")
    assert MEETING in next(o for o in data["officials"] if o["id"] == "luong-tam-quang")["events"]
    other = next(e for e in data["events"] if e["id"] == "2020-10-30-to-lam-mike-pompeo")
    assert [p["official"] for p in other["participants"]] == ["to-lam"]
    assert "mike-pompeo" not in {o["id"] for o in data["officials"]}           # no meeting left: no page
    assert [d.message for d in result.warnings] == [f"'nobody' is not a participant of meeting '{MEETING}'"]


def test_a_meeting_without_a_date_is_dated_by_the_editors_and_enters_the_chronology(tmp_path):
    (tmp_path / "content").mkdir()
    shutil.copy(DATA / "dev" / "articles" / "08_nhandan-tolam-tranvanthanh.txt", tmp_path / "content")
    (tmp_path / "corrections.toml").write_text('[[meeting]]\nid = "undated-to-lam-vuong-tieu-hong"\ndate = "2023-09-13"\n'
                                               'reason = "The ministry reported it on the 13th"\n', encoding="utf-8")
    config = SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", root=tmp_path,
                        corrections=Path("corrections.toml"), search=False)
    result = build(config)
    assert result.ok and not result.warnings and result.timeline.undated == []
    dated = next(e for e in result.timeline.events if e.id == "2023-09-13-to-lam-vuong-tieu-hong")
    assert dated.date_basis.rule == "editors" and dated.date_basis.read == "The ministry reported it on the 13th"
    assert not (tmp_path / "site" / "events" / "undated-to-lam-vuong-tieu-hong").exists()   # it never had a page
    assert (tmp_path / "site" / "events" / "2023-09-13-to-lam-vuong-tieu-hong" / "index.html").is_file()
    article = (tmp_path / "site" / "articles" / "08-nhandan-tolam-tranvanthanh" / "index.html").read_text(encoding="utf-8")
    assert "listed as undated" not in article                      # its page no longer says it has no date


def test_an_official_split_by_the_names_the_sentences_write(tmp_path):
    config = _project(tmp_path, '[[official]]\nid = "to-lam"\nsplit = { name = "Tô Lâm (Tổng Bí thư)", '
                                'names = ["Tổng Bí thư Tô Lâm"] }\nreason = "Told apart by his title"\n')
    result = build(config)
    assert result.ok and not result.warnings
    new = next(o for o in result.timeline.officials if o.name == "Tô Lâm (Tổng Bí thư)")
    assert new.events == [MEETING] and new.aliases == ["Tổng Bí thư Tô Lâm"]
    old = next(o for o in result.timeline.officials if o.id == "to-lam")
    assert MEETING not in old.events and len(old.events) == 2


def test_a_meeting_added_by_hand_quotes_a_sentence_its_article_has(tmp_path):
    config = _project(tmp_path, '[[new_meeting]]\ndate = "2024-03-05"\nparticipants = ["to-lam"]\nsource = ['
                                '{ article = "000_ecc860b1ee623f88.txt", sentence = "A sentence it does not have." }, '
                                '{ url = "https://example.org/a" }]\nreason = "Missed"\n')
    result = build(config)
    added = next(e for e in result.timeline.events if e.date.iso() == "2024-03-05")
    assert [s.link for s in added.sources] == ["https://example.org/a"]          # the address only
    assert [w.message for w in result.warnings] == [
        "article '000_ecc860b1ee623f88.txt' has no sentence \"A sentence it does not have.\"; "
        "the meeting is added without it"]


def test_nested_values_are_checked_and_named(tmp_path):
    path = tmp_path / "corrections.toml"
    path.write_text('[[official]]\nid = "a"\ntitle = { from = "2021" }\nreason = "r"\n\n'
                    '[[official]]\nid = "b"\nsplit = { name = "X" }\nreason = "r"\n\n'
                    '[[new_meeting]]\ndate = "2024-01-01"\nparticipants = ["a"]\nsource = { url = "javascript:x" }\nreason = "r"\n\n'
                    '[[meeting]]\nid = "c"\nadd_participant = [{ name = "Y", rank = "z" }]\nreason = "r"\n', encoding="utf-8")
    found, problems = load_corrections(path)
    assert found == []
    assert [f"{d.file}: {d.message}" for d in problems] == [
        f"{path}:17: 'add_participant' has no 'rank' (known: name, title, country)",
        f"{path}:1: 'title' needs 'title'",
        f"{path}:6: 'split' needs 'names' (the names written of the other person) or 'meetings' (theirs)",
        f"{path}:11: a [[new_meeting]] 'source' 'url' must be an http(s) address"]


def test_every_field_s_example_and_the_readme_s_worked_examples_read_without_a_problem(tmp_path):
    from generator.resolve.corrections import FIELDS, WHOLE
    path = tmp_path / "corrections.toml"
    for target, fields in FIELDS.items():
        for field, (_, example) in fields.items():
            path.write_text(f'[[{target}]]\nid = "x"\n{example}\nreason = "r"\n', encoding="utf-8")
            found, problems = load_corrections(path)
            assert problems == [] and [c.field for c in found] == [field], example
    for target, (_, example) in WHOLE.items():
        path.write_text(f'{example}\nreason = "r"\n', encoding="utf-8")
        assert [c.target for c in load_corrections(path)[0]] == [target]
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    path.write_text(block, encoding="utf-8")
    found, problems = load_corrections(path)
    assert problems == []
    shown = {(c.target, c.field) for c in found}
    assert shown == {(t, f) for t, fields in FIELDS.items() for f in fields} | {("new_meeting", "added")}


def test_meetings_merged_in_a_chain_become_one_and_both_addresses_lead_to_it(tmp_path):
    config = _project(tmp_path, f'[[meeting]]\nid = "{MEETING}"\nmerge = ["2026-02-13-phan-van-giang-michael-desombre"]\n'
                                f'reason = "One"\n\n[[meeting]]\nid = "2026-02-13-luong-tam-quang-michael-desombre"\n'
                                f'merge = ["{MEETING}"]\nreason = "One too"\n\n[[meeting]]\nid = "{MEETING}"\n'
                                f'merge = ["2026-02-13-luong-tam-quang-michael-desombre"]\nreason = "Round"\n')
    result = build(config)
    kept = [e for e in result.timeline.events if e.date.iso() == "2026-02-13"]
    assert [e.id for e in kept] == ["2026-02-13-luong-tam-quang-michael-desombre"]
    assert {p.official for p in kept[0].participants} == {"luong-tam-quang", "michael-desombre", "to-lam", "phan-van-giang"}
    for gone in (MEETING, "2026-02-13-phan-van-giang-michael-desombre"):
        page = (tmp_path / "site" / "events" / gone / "index.html").read_text(encoding="utf-8")
        assert "url=../2026-02-13-luong-tam-quang-michael-desombre/" in page
    assert [w.message for w in result.warnings] == [
        f"cannot merge meeting '2026-02-13-luong-tam-quang-michael-desombre' into '{MEETING}': it is that meeting"]


def test_a_meeting_dated_outside_the_range_is_named_and_can_be_brought_back(tmp_path):
    config = _project(tmp_path, '')
    (tmp_path / "timeline.toml").write_text('content = "content"\noutput = "site"\nsearch = false\nstart = 2021\n',
                                            encoding="utf-8")
    from generator.config import load_config
    config = load_config(tmp_path / "timeline.toml")
    data = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8")) if build(config).ok else {}
    outside = {e["id"]: e["date"] for e in data["out_of_range"]}
    assert outside == {"2020-09-23-nguyen-minh-vu-clark-cooper": "2020-09-23", "2020-10-30-to-lam-mike-pompeo": "2020-10-30"}
    (tmp_path / "corrections.toml").write_text('[[meeting]]\nid = "2020-10-30-to-lam-mike-pompeo"\ndate = "2021-10-30"\n'
                                               'reason = "The year was misread"\n', encoding="utf-8")
    result = build(config)
    assert result.ok and [w.file for w in result.warnings] == ["001_35425930eadc2db0.txt"]   # the other one
    assert "2021-10-30-to-lam-mike-pompeo" in {e.id for e in result.timeline.events}


def test_pages_the_corrections_make_keep_their_address_and_lead_on_when_the_correction_goes(tmp_path):
    config = _project(tmp_path, '[[new_meeting]]\ndate = "2024-03-05"\nparticipants = ["to-lam", { name = "Jane Roe", '
                                'country = "GB" }]\nsource = { article = "000_ecc860b1ee623f88.txt", sentence = '
                                '"Bộ trưởng Tô Lâm và Ngoại trưởng Hoa Kỳ Mike Pompeo." }\nreason = "Missed"\n\n'
                                '[[meeting]]\nid = "2020-10-30-to-lam-mike-pompeo"\ndate = "2020-10-31"\nreason = "r"\n')
    config = replace(config, permalinks=Path("permalinks.json"))
    site = tmp_path / "site"
    for _ in range(2):                                       # the same ids build after build, no -2
        result = build(config)
        assert result.ok and not result.warnings
        assert {"2024-03-05-to-lam-jane-roe", "2020-10-31-to-lam-mike-pompeo"} <= {e.id for e in result.timeline.events}
        assert "jane-roe" in {o.id for o in result.timeline.officials}
    registry = json.loads((tmp_path / "permalinks.json").read_text(encoding="utf-8"))
    assert registry["events"]["2024-03-05-to-lam-jane-roe"]["editors"] is True
    assert "editors" not in registry["events"]["2020-10-30-to-lam-mike-pompeo"]
    (tmp_path / "corrections.toml").write_text("", encoding="utf-8")
    result = build(config)
    assert "2020-10-30-to-lam-mike-pompeo" in {e.id for e in result.timeline.events}      # the articles' id again
    def leads(url):
        return (site / url / "index.html").read_text(encoding="utf-8").split("url=", 1)[1].split('"', 1)[0]
    assert leads("events/2020-10-31-to-lam-mike-pompeo") == "../2020-10-30-to-lam-mike-pompeo/"
    assert leads("officials/jane-roe") == "../"
    assert leads("events/2024-03-05-to-lam-jane-roe") != ""                               # never a dead link


def test_a_meeting_added_by_hand_that_the_articles_now_give_is_a_warning(tmp_path):
    config = _project(tmp_path, '[[new_meeting]]\ndate = "2020-10-30"\nparticipants = ["to-lam", "mike-pompeo"]\n'
                                'source = { url = "https://example.org/a" }\nreason = "Missed by the old extractor"\n')
    result = build(config)
    assert [f"{w.file}: {w.message}" for w in result.warnings] == [
        f"{tmp_path / 'corrections.toml'}:1: the articles now give this meeting ('2020-10-30-to-lam-mike-pompeo'): "
        f"merge into it what this one adds, or take this [[new_meeting]] out"]
    assert {e.id for e in result.timeline.events} >= {"2020-10-30-to-lam-mike-pompeo", "2020-10-30-to-lam-mike-pompeo-2"}


def test_a_correction_of_a_meeting_merged_away_and_a_participant_added_and_taken_out_are_named(tmp_path):
    other = "2026-02-13-phan-van-giang-michael-desombre"
    config = _project(tmp_path, f'[[meeting]]\nid = "{MEETING}"\nmerge = ["{other}"]\nreason = "One"\n\n'
                                f'[[meeting]]\nid = "{other}"\nkind = "talks"\nreason = "Talks"\n\n'
                                f'[[meeting]]\nid = "{MEETING}"\nadd_participant = ["luong-tam-quang"]\n'
                                f'remove_participant = ["luong-tam-quang"]\nreason = "?"\n')
    result = build(config)
    path = tmp_path / "corrections.toml"
    assert [f"{w.file}: {w.message}" for w in result.warnings] == [
        f"{path}:6: meeting '{other}' is merged into '{MEETING}'; this correction applies to that meeting",
        f"{path}:11: contradicts line 11: luong-tam-quang both added to and taken out of meeting '{MEETING}'; taken out"]
    merged = next(e for e in result.timeline.events if e.id == MEETING)
    assert merged.kind == "talks" and "luong-tam-quang" not in {p.official for p in merged.participants}


def test_a_quoted_sentence_is_found_whatever_its_unicode_form_and_spacing(tmp_path):
    import unicodedata
    quoted = unicodedata.normalize("NFD", "Bộ trưởng Tô Lâm  và Ngoại trưởng Hoa Kỳ Mike Pompeo.")
    config = _project(tmp_path, '[[new_meeting]]\ndate = "2024-03-05"\nparticipants = ["to-lam", "nobody-here"]\n'
                                f'source = {{ article = "000-ecc860b1ee623f88", sentence = "{quoted}" }}\nreason = "Missed"\n')
    result = build(config)
    added = next(e for e in result.timeline.events if e.date.iso() == "2024-03-05")
    assert [s.file for s in added.sources] == ["000_ecc860b1ee623f88.txt"]          # by its page id, found
    assert [w.message for w in result.warnings] == ["no official 'nobody-here' to add to meeting of 2024-03-05"]
