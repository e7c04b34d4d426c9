"""Every operation of corrections.toml, one row each: applied and shown on its page; kept when the articles
are extracted again, with the incremental build byte-equal to a clean one; warned about, by line, when
its target is gone."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pytest

from generator.build import build
from generator.config import SiteConfig

DATA = Path(__file__).parent / "data"
TO_LAM_CALL = "2021-07-14-to-lam-tanahashi-yasufumi"
POMPEO = "2020-10-30-to-lam-mike-pompeo"
RECEPTION = "2026-02-13-to-lam-michael-desombre"
TWO_SOURCES = "2026-02-13-luong-tam-quang-michael-desombre"
ALSO_THAT_DAY = "2026-02-13-phan-van-giang-michael-desombre"
UNDATED_ARTICLE = "08_nhandan-tolam-tranvanthanh.txt"       # its header date is not read: its meeting has no year


@dataclass
class Operation:
    name: str
    toml: str                                   # the correction, its reason included
    check: Callable[[dict, Path], None]         # on timeline.json and the site: applied, and said on the page
    stale: str                                  # the same correction with its target gone
    warned: str                                 # what the warning about it says


def _event(data: dict, event_id: str) -> dict:
    return next(e for e in data["events"] if e["id"] == event_id)


def _official(data: dict, official_id: str) -> dict:
    return next(o for o in data["officials"] if o["id"] == official_id)


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _leads_to(site: Path, url: str, target: str) -> bool:
    return f"url={target}" in _page(site, url)


def _check_date(data, site):
    moved = _event(data, "2020-10-31-to-lam-mike-pompeo")
    assert moved["date"] == "2020-10-31" and moved["date_found"]["rule"] == "editors"
    assert _leads_to(site, f"events/{POMPEO}", "../2020-10-31-to-lam-mike-pompeo/")
    assert "Biên tập viên đã sửa: ngày (The ministry dates it the 31st)" in _page(site, "events/2020-10-31-to-lam-mike-pompeo")


def _check_fields(data, site):
    e = _event(data, RECEPTION)
    assert (e["kind"], e["location"], e["online"]) == ("talks", "Trụ sở Trung ương", True)
    assert "loại cuộc gặp (Its own report)" in _page(site, f"events/{RECEPTION}")


def _check_remove(data, site):
    assert POMPEO not in {e["id"] for e in data["events"]}
    assert data["corrected_out"][0]["corrections"][0]["reason"] == "Not a meeting"
    assert _leads_to(site, f"events/{POMPEO}", "../../years/2020/")


def _check_add_participant(data, site):
    people = _event(data, RECEPTION)["participants"]
    assert [(p["official"], p["title"], p["country"]) for p in people[-2:]] == [
        ("luong-tam-quang", "Bộ trưởng Bộ Công an", "VN"), ("jane-roe", "Đại sứ Anh", "GB")]
    assert _official(data, "jane-roe")["events"] == [RECEPTION]          # not on the site before: now an official
    assert "Jane Roe" in _page(site, "officials/jane-roe") and "thêm thành phần (They sat in)" in _page(
        site, f"events/{RECEPTION}")


def _check_remove_participant(data, site):
    assert [p["official"] for p in _event(data, POMPEO)["participants"]] == ["to-lam"]
    assert "mike-pompeo" not in {o["id"] for o in data["officials"]}
    assert _leads_to(site, "officials/mike-pompeo", "../")
    assert "bớt thành phần (He did not come)" in _page(site, f"events/{POMPEO}")


def _check_merge_meetings(data, site):
    e = _event(data, RECEPTION)
    assert [p["official"] for p in e["participants"]] == ["to-lam", "michael-desombre", "phan-van-giang"]
    assert ALSO_THAT_DAY not in {x["id"] for x in data["events"]}
    assert _official(data, "phan-van-giang")["events"] == [RECEPTION]
    assert _leads_to(site, f"events/{ALSO_THAT_DAY}", f"../{RECEPTION}/")
    assert "gộp với cuộc gặp được đưa tin riêng (One reception)" in _page(site, f"events/{RECEPTION}")


def _check_split_meeting(data, site):
    kept, new = _event(data, TWO_SOURCES), _event(data, "2026-02-14-luong-tam-quang-michael-desombre")
    assert [s["file"] for s in kept["sources"]] == ["002_66657b37b6429b82.txt"]
    assert [s["file"] for s in new["sources"]] == ["003_66a2be22f014ea4f.txt"]
    assert new["date_found"]["rule"] == "editors" and new["corrections"][0]["field"] == "split"
    assert len(_official(data, "luong-tam-quang")["events"]) == 2
    assert "tách khỏi cuộc gặp khác (Two days)" in _page(site, "events/2026-02-14-luong-tam-quang-michael-desombre")


def _check_official_fields(data, site):
    o = _official(data, "michael-desombre")
    assert (o["name"], o["country"]) == ("Michael G. DeSombre", "US") and "Michael DeSombre" in o["aliases"]
    assert all(p["name"] == "Michael G. DeSombre" for p in _event(data, RECEPTION)["participants"]
               if p["official"] == "michael-desombre")
    assert "tên (His full name)" in _page(site, "officials/michael-desombre")


def _check_merge_officials(data, site):
    o = _official(data, "luong-tam-quang")
    assert "Phan Văn Giang" in o["aliases"] and ALSO_THAT_DAY in o["events"]
    assert _leads_to(site, "officials/phan-van-giang", "../luong-tam-quang/")
    assert "gộp với quan chức khác (One person)" in _page(site, "officials/luong-tam-quang")


def _check_split_official(data, site):
    assert _official(data, "to-lam-b")["events"] == [TO_LAM_CALL]
    assert TO_LAM_CALL not in _official(data, "to-lam")["events"]
    assert [p["official"] for p in _event(data, TO_LAM_CALL)["participants"]][0] == "to-lam-b"
    assert "Tô Lâm B" in _page(site, f"events/{TO_LAM_CALL}")
    assert "tách khỏi một người khác (Two people)" in _page(site, "officials/to-lam")


def _check_title(data, site):
    assert _event(data, POMPEO)["participants"][0]["title"] == "Thứ trưởng Bộ Công an"
    assert _official(data, "to-lam")["positions"][0]["title"] == "Thứ trưởng Bộ Công an"
    assert _event(data, TO_LAM_CALL)["participants"][0]["title"] != "Thứ trưởng Bộ Công an"     # outside the period
    assert "chức vụ trong một thời kỳ (His title then)" in _page(site, "officials/to-lam")


def _check_new_meeting(data, site):
    e = _event(data, "2024-03-05-to-lam-jane-roe")
    assert (e["kind"], e["date_found"]["rule"]) == ("call", "editors")
    assert e["participants"][0]["title"] == "Bộ trưởng Bộ Công an"       # the title he held then, not his last
    assert [(s["file"], s.get("link")) for s in e["sources"]] == [("000_ecc860b1ee623f88.txt", None),
                                                                  ("", "https://example.org/call")]
    page = _page(site, "events/2024-03-05-to-lam-jane-roe")
    assert 'href="https://example.org/call"' in page and "thêm cuộc gặp này (Missed)" in page
    assert "2024-03-05-to-lam-jane-roe" in _official(data, "to-lam")["events"]


def _check_ignore(data, site):
    assert all(s["file"] != "000_ecc860b1ee623f88.txt" for e in data["events"] for s in e["sources"])
    assert "ignored by the editors: A digest" in _page(site, "articles/000-ecc860b1ee623f88")


def _check_published(data, site):
    article = next(a for a in data["articles"] if a["file"] == UNDATED_ARTICLE)
    assert article["published"] == "2023-09-15"
    e = next(e for e in data["events"] if any(s["file"] == UNDATED_ARTICLE for s in e["sources"]))
    assert e["date"] == "2023-09-14" and e["date_found"]["published"] == "2023-09-15"
    assert "ngày đăng do biên tập viên đặt" in _page(site, f"events/{e['id']}")


OPERATIONS = [
    Operation("meeting date", f'[[meeting]]\nid = "{POMPEO}"\ndate = "2020-10-31"\nreason = "The ministry dates it the 31st"\n',
              _check_date, '[[meeting]]\nid = "2020-10-29-gone"\ndate = "2020-10-31"\nreason = "r"\n',
              "no meeting '2020-10-29-gone' any more"),
    Operation("meeting kind, place, online", f'[[meeting]]\nid = "{RECEPTION}"\nkind = "talks"\nplace = "Trụ sở Trung ương"\n'
                                             f'online = true\nreason = "Its own report"\n', _check_fields,
              '[[meeting]]\nid = "gone"\nkind = "talks"\nreason = "r"\n', "no meeting 'gone' any more"),
    Operation("meeting removed", f'[[meeting]]\nid = "{POMPEO}"\nremove = true\nreason = "Not a meeting"\n', _check_remove,
              '[[meeting]]\nid = "gone"\nremove = true\nreason = "r"\n', "no meeting 'gone' any more"),
    Operation("participant added", f'[[meeting]]\nid = "{RECEPTION}"\nadd_participant = ["luong-tam-quang", '
                                   f'{{ name = "Jane Roe", title = "Đại sứ Anh", country = "GB" }}]\nreason = "They sat in"\n',
              _check_add_participant, f'[[meeting]]\nid = "{RECEPTION}"\nadd_participant = ["gone-official"]\nreason = "r"\n',
              f"no official 'gone-official' to add to meeting '{RECEPTION}'"),
    Operation("participant removed", f'[[meeting]]\nid = "{POMPEO}"\nremove_participant = ["mike-pompeo"]\n'
                                     f'reason = "He did not come"\n', _check_remove_participant,
              f'[[meeting]]\nid = "{POMPEO}"\nremove_participant = ["gone-official"]\nreason = "r"\n',
              f"'gone-official' is not a participant of meeting '{POMPEO}'"),
    Operation("meetings merged", f'[[meeting]]\nid = "{RECEPTION}"\nmerge = ["{ALSO_THAT_DAY}"]\nreason = "One reception"\n',
              _check_merge_meetings, f'[[meeting]]\nid = "{RECEPTION}"\nmerge = ["gone"]\nreason = "r"\n',
              f"cannot merge meeting 'gone' into '{RECEPTION}': no meeting 'gone' any more"),
    Operation("meeting split", f'[[meeting]]\nid = "{TWO_SOURCES}"\nsplit = {{ articles = ["003-66a2be22f014ea4f"], '
                               f'date = "2026-02-14" }}\nreason = "Two days"\n', _check_split_meeting,
              f'[[meeting]]\nid = "{TWO_SOURCES}"\nsplit = {{ articles = ["gone.txt"] }}\nreason = "r"\n',
              f"meeting '{TWO_SOURCES}' has no source from gone.txt"),
    Operation("official name and country", '[[official]]\nid = "michael-desombre"\nname = "Michael G. DeSombre"\n'
                                           'country = "US"\nreason = "His full name"\n', _check_official_fields,
              '[[official]]\nid = "gone"\nname = "X"\nreason = "r"\n', "no official 'gone' any more"),
    Operation("officials merged", '[[official]]\nid = "luong-tam-quang"\nmerge = ["phan-van-giang"]\nreason = "One person"\n',
              _check_merge_officials, '[[official]]\nid = "luong-tam-quang"\nmerge = ["gone"]\nreason = "r"\n',
              "cannot merge official 'gone' into 'luong-tam-quang': no official 'gone' any more"),
    Operation("official split", f'[[official]]\nid = "to-lam"\nsplit = {{ name = "Tô Lâm B", meetings = ["{TO_LAM_CALL}"] }}\n'
                                f'reason = "Two people"\n', _check_split_official,
              '[[official]]\nid = "to-lam"\nsplit = { name = "Tô Lâm B", names = ["Tô Lâm Bê"] }\nreason = "r"\n',
              "no meeting of official 'to-lam' goes to 'Tô Lâm B': nothing is split"),
    Operation("title for a period", '[[official]]\nid = "to-lam"\ntitle = { title = "Thứ trưởng Bộ Công an", from = "2020", '
                                    'to = "2020-12" }\nreason = "His title then"\n', _check_title,
              '[[official]]\nid = "gone"\ntitle = { title = "x" }\nreason = "r"\n', "no official 'gone' any more"),
    Operation("meeting added by hand", '[[new_meeting]]\ndate = "2024-03-05"\nkind = "call"\nparticipants = ["to-lam", '
                                       '{ name = "Jane Roe", title = "Đại sứ Anh", country = "GB" }]\nsource = ['
                                       '{ article = "000_ecc860b1ee623f88.txt", sentence = "Bộ trưởng Tô Lâm và Ngoại '
                                       'trưởng Hoa Kỳ Mike Pompeo." }, { url = "https://example.org/call" }]\n'
                                       'reason = "Missed"\n', _check_new_meeting,
              '[[new_meeting]]\ndate = "2024-03-05"\nparticipants = ["to-lam"]\nsource = { article = "gone.txt", '
              'sentence = "x" }\nreason = "r"\n', "a meeting added by hand needs a source that is found"),
    Operation("article ignored", '[[article]]\nid = "000_ecc860b1ee623f88.txt"\nignore = true\nreason = "A digest"\n',
              _check_ignore, '[[article]]\nid = "gone.txt"\nignore = true\nreason = "r"\n', "no article 'gone.txt' any more"),
    Operation("publication date", f'[[article]]\nid = "{UNDATED_ARTICLE}"\npublished = "2023-09-15"\nreason = "The page\'s date"\n',
              _check_published, '[[article]]\nid = "gone.txt"\npublished = "2023-09-15"\nreason = "r"\n',
              "no article 'gone.txt' any more"),
]


def _project(tmp_path: Path, corrections: str) -> SiteConfig:
    shutil.copytree(DATA / "seeds" / "articles", tmp_path / "content")
    shutil.copy(DATA / "dev" / "articles" / UNDATED_ARTICLE, tmp_path / "content")
    (tmp_path / "corrections.toml").write_text(corrections, encoding="utf-8")
    return SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site", root=tmp_path,
                      corrections=Path("corrections.toml"), permalinks=Path("permalinks.json"), search=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.name)
def test_applied_shown_kept_after_re_extraction_and_incremental_equals_clean(tmp_path, op):
    config = _project(tmp_path, op.toml)
    cache = tmp_path / "cache"
    first = build(config, cache)
    assert first.ok and not [w for w in first.warnings if "corrections.toml" in w.file], first.warnings
    op.check(json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8")), tmp_path / "site")
    for article in (tmp_path / "content").glob("00[0-4]_*.txt"):          # every seed article extracted again
        article.write_text(article.read_text(encoding="utf-8") + "\nMột câu nữa, không có cuộc gặp nào.\n",
                           encoding="utf-8")
    assert build(config, cache).ok                # new texts: new cache keys, extracted afresh
    op.check(json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8")), tmp_path / "site")
    assert build(replace(config, output_dir=tmp_path / "clean")).ok
    assert _tree(tmp_path / "site") == _tree(tmp_path / "clean")


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.name)
def test_a_correction_whose_target_is_gone_is_a_warning_naming_its_line(tmp_path, op):
    result = build(_project(tmp_path, "# corrections\n\n" + op.stale))
    said = [f"{w.file}: {w.message}" for w in result.warnings]
    assert any(s.startswith(f"{tmp_path / 'corrections.toml'}:3: {op.warned}") for s in said), said
