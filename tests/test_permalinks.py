"""Published addresses keep working: the permalink registry, moves, redirects, collisions."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from generator.build import build
from generator.config import SiteConfig


def article(day: str = "9/5", host: str = "Nguyễn Văn Bình", guest: str = "Hans Müller", country: str = "Đức",
            verb: str = "đã tiếp", header: str = "2024-05-10") -> str:
    return (f" date {header} Bộ trưởng tiếp Đại sứ\n\n"
            f"Chiều {day}, tại Hà Nội, Đại tướng {host}, Bộ trưởng Bộ Công an {verb} ngài {guest}, "
            f"Đại sứ {country} tại Việt Nam.\n")


class Site:
    """A content folder and its output, rebuilt on demand."""

    def __init__(self, root: Path):
        self.root, self.content, self.out = root, root / "content", root / "site"
        self.register = root / "permalinks.json"          # beside timeline.toml, never among the articles
        self.content.mkdir(parents=True, exist_ok=True)

    def config(self, **settings) -> SiteConfig:
        return SiteConfig(**{"content_dir": self.content, "output_dir": self.out, "root": self.root,
                             "permalinks": Path("permalinks.json"), **settings})

    def put(self, name: str, text: str) -> "Site":
        (self.content / name).write_text(text, encoding="utf-8")
        return self

    def build(self) -> dict:
        result = build(self.config())
        assert result.ok
        return json.loads((self.out / "timeline.json").read_text(encoding="utf-8"))

    def registry(self) -> dict:
        return json.loads(self.register.read_text(encoding="utf-8"))

    def redirect_target(self, url: str) -> str | None:
        html = (self.out / url / "index.html").read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:
            return None
        return html.split('content="0; url=')[1].split('"')[0]


def event_urls(data: dict) -> list[str]:
    return [e["url"] for e in data["events"]]


def test_first_build_records_every_page(tmp_path):
    site = Site(tmp_path).put("a.txt", article())
    data = site.build()
    reg = site.registry()
    assert event_urls(data) == ["events/2024-05-09-nguyen-van-binh-hans-muller/"]
    assert set(reg["events"]) == {"2024-05-09-nguyen-van-binh-hans-muller"}
    assert set(reg["officials"]) == {"nguyen-van-binh", "hans-muller"}
    assert reg["events"]["2024-05-09-nguyen-van-binh-hans-muller"]["sources"] == ["a.txt"]


def test_another_report_of_a_known_meeting_keeps_its_url(tmp_path):
    site = Site(tmp_path).put("a.txt", article())
    before = event_urls(site.build())
    # a second outlet writes the guest's full name: the canonical spelling may change, the URLs may not
    site.put("b.txt", article(guest="Hans Peter Müller", verb="đã có cuộc tiếp"))
    site.put("c.txt", article(guest="Hans Peter Müller"))
    data = site.build()
    assert event_urls(data) == before
    assert len(data["events"][0]["sources"]) == 3
    assert "officials/hans-muller/" in [o["url"] for o in data["officials"]]


def test_a_corrected_date_moves_the_page_and_the_old_url_redirects(tmp_path):
    site = Site(tmp_path).put("a.txt", article(day="9/5"))
    old = event_urls(site.build())[0]
    site.put("a.txt", article(day="8/5"))
    data = site.build()
    new = event_urls(data)[0]
    assert new == "events/2024-05-08-nguyen-van-binh-hans-muller/"
    assert site.redirect_target(old) == "../2024-05-08-nguyen-van-binh-hans-muller/"
    assert not (site.out / old / "index.md").exists()          # no outdated copy left behind
    assert old.split("/")[1] not in json.dumps(data["events"])
    # a third build changes nothing: the redirect stays, nothing is rewritten
    before = {p: p.read_bytes() for p in site.out.rglob("*") if p.is_file()}
    site.build()
    assert {p: p.read_bytes() for p in site.out.rglob("*") if p.is_file()} == before


def test_a_corrected_name_moves_the_official_and_the_old_url_redirects(tmp_path):
    site = Site(tmp_path).put("a.txt", article(guest="Hans Muler"))
    site.build()
    site.put("a.txt", article(guest="Hans Müller"))
    data = site.build()
    assert [o["id"] for o in data["officials"]] == ["hans-muller", "nguyen-van-binh"]
    assert site.redirect_target("officials/hans-muler/") == "../hans-muller/"
    assert site.redirect_target("events/2024-05-09-nguyen-van-binh-hans-muler/") == \
        "../2024-05-09-nguyen-van-binh-hans-muller/"


def test_a_vanished_meeting_redirects_and_comes_back_at_its_old_url(tmp_path):
    site = Site(tmp_path).put("a.txt", article()).put("b.txt", article(day="3/5", guest="Kim Dong Soo",
                                                                       country="Hàn Quốc"))
    first = event_urls(site.build())
    gone = "events/2024-05-09-nguyen-van-binh-hans-muller/"
    assert gone in first
    (site.content / "a.txt").unlink()
    data = site.build()
    assert gone not in event_urls(data)
    assert site.redirect_target(gone) == "../../years/2024/"
    assert site.redirect_target("officials/hans-muller/") == "../"
    assert not (site.out / gone / "index.md").exists()
    assert not (site.out / "officials/hans-muller/index.md").exists()
    site.put("a.txt", article())
    assert event_urls(site.build()) == first
    assert site.redirect_target(gone) is None


@pytest.mark.parametrize("one,other,slug", [("Lê Văn Thành", "Lê Văn Thanh", "le-van-thanh"),
                                             ("Nguyễn Thị Thủy", "Nguyễn Thị Thúy", "nguyen-thi-thuy")])
def test_officials_whose_names_fold_to_one_slug_get_two_stable_pages(tmp_path, one, other, slug):
    site = Site(tmp_path)
    site.put("a.txt", article(host=one, guest="Hans Müller"))
    site.put("b.txt", article(day="3/5", host=other, guest="Kim Dong Soo", country="Hàn Quốc"))
    data = site.build()
    pages = {o["name"]: o for o in data["officials"]}
    assert {pages[one]["id"], pages[other]["id"]} == {slug, f"{slug}-2"}
    for name, guest in ((one, "hans-muller"), (other, "kim-dong-soo")):
        o = pages[name]
        assert len(o["events"]) == 1 and o["events"][0].endswith(guest)
        md = (site.out / o["url"] / "index.md").read_text(encoding="utf-8")
        assert f'name: "{name}"' in md
    ids = {n: o["id"] for n, o in pages.items() if n in (one, other)}
    # a new article that sorts first and names the other one: nobody's URL changes
    site.put("0.txt", article(day="1/5", host=other, guest="Ivan Petrov", country="Nga"))
    again = {o["name"]: o["id"] for o in site.build()["officials"] if o["name"] in (one, other)}
    assert again == ids


def test_nfd_and_nfc_spellings_give_one_page(tmp_path):
    site = Site(tmp_path)
    site.put("a.txt", article())
    site.put("b.txt", unicodedata.normalize("NFD", article(day="3/5", guest="Kim Dong Soo", country="Hàn Quốc")))
    data = site.build()
    hosts = [o for o in data["officials"] if o["name"] == "Nguyễn Văn Bình"]
    assert len(hosts) == 1 and hosts[0]["url"] == "officials/nguyen-van-binh/" and len(hosts[0]["events"]) == 2
    assert sorted(p.name for p in (site.out / "officials").iterdir() if p.is_dir()) == \
        ["hans-muller", "kim-dong-soo", "nguyen-van-binh"]


def test_two_meetings_with_one_slug_get_distinct_stable_urls(tmp_path):
    site = Site(tmp_path)
    talks = (" date 2024-05-10 Hội đàm\n\nChiều 9/5, tại Hà Nội, Bộ trưởng Bộ Công an Nguyễn Văn Bình đã hội đàm "
             "với Bộ trưởng Nội vụ Đức Hans Müller.\n")
    signing = (" date 2024-05-10 Ký kết\n\nChiều 9/5, tại Hà Nội, Bộ trưởng Bộ Công an Nguyễn Văn Bình và Bộ trưởng "
               "Nội vụ Đức Hans Müller đã ký Bản ghi nhớ hợp tác phòng chống tội phạm.\n")
    site.put("a.txt", talks).put("b.txt", signing)
    data = site.build()
    ids = sorted(e["id"] for e in data["events"])
    assert ids == ["2024-05-09-nguyen-van-binh-hans-muller", "2024-05-09-nguyen-van-binh-hans-muller-2"]
    kinds = {e["id"]: e["kind"] for e in data["events"]}
    # the same meeting keeps the same URL whichever article is read first
    (site.content / "a.txt").rename(site.content / "z.txt")
    again = {e["id"]: e["kind"] for e in site.build()["events"]}
    assert again == kinds


def test_a_broken_registry_is_reported_and_left_alone(tmp_path, capsys):
    site = Site(tmp_path).put("a.txt", article())
    site.register.write_text("{ not json", encoding="utf-8")
    result = build(site.config())
    assert result.ok
    errors = [d for d in result.diagnostics if d.level == "error"]
    assert errors and "permalinks.json" in errors[0].file and "not valid JSON" in errors[0].message
    assert site.register.read_text(encoding="utf-8") == "{ not json"
    assert (site.out / "events/2024-05-09-nguyen-van-binh-hans-muller/index.html").exists()


def test_no_registry_when_switched_off(tmp_path):
    site = Site(tmp_path).put("a.txt", article())
    build(site.config(permalinks=None))
    assert not site.register.exists() and not (site.content / "permalinks.json").exists()
    assert (site.out / "timeline.json").exists()


def test_registered_ids_win_over_the_order_resolve_gives():
    import datetime as dt

    from generator.model import Evidence, Event, Official, Participant, PartialDate, Timeline
    from generator.names import name_key
    from generator.model import Registry
    from generator.site.permalinks import assign_permalinks

    def official(oid, name):
        return Official(oid, name, [], "VN", [], [])

    def event(day, host_id, host):
        return Event("x", PartialDate(2024, 5, day), "", "reception", False, None, "",
                     [Participant(host, "", "VN", "host", host_id), Participant("Hans Müller", "", "DE", "guest", "hans-muller")],
                     [], [Evidence(f"{day}.txt", "...")])
    # resolve happened to give Thành the plain slug this time; the registry gave it to Thanh earlier
    timeline = Timeline(dt.date(2020, 1, 1), dt.date(2026, 12, 31),
                        [event(1, "le-van-thanh", "Lê Văn Thành"), event(2, "le-van-thanh-2", "Lê Văn Thanh")],
                        [official("le-van-thanh", "Lê Văn Thành"), official("le-van-thanh-2", "Lê Văn Thanh"),
                         official("hans-muller", "Hans Müller")], [], [], [], 2)
    registry = Registry(officials={"le-van-thanh": {"names": [name_key("Lê Văn Thanh")]},
                                   "le-van-thanh-2": {"names": [name_key("Lê Văn Thành")]}})
    given = timeline
    timeline, new, redirects = assign_permalinks(given, registry)
    assert [o.id for o in given.officials] == ["le-van-thanh", "le-van-thanh-2", "hans-muller"]   # not changed
    assert [e.id for e in given.events] == ["x", "x"]
    ids = {o.name: o.id for o in timeline.officials}
    assert ids == {"Lê Văn Thanh": "le-van-thanh", "Lê Văn Thành": "le-van-thanh-2", "Hans Müller": "hans-muller"}
    hosts = {e.date.day: e.participants[0].official for e in timeline.events}
    assert hosts == {1: "le-van-thanh-2", 2: "le-van-thanh"}
    assert [e.id for e in timeline.events] == ["2024-05-01-le-van-thanh-2-hans-muller",
                                               "2024-05-02-le-van-thanh-hans-muller"]
    assert redirects == {}
    assert set(new.officials) == {"le-van-thanh", "le-van-thanh-2", "hans-muller"}


def test_a_registry_that_cannot_be_written_is_a_warning_not_a_failure(tmp_path):
    # (a read-only project folder behaves the same; root ignores permissions, so block the path instead)
    site = Site(tmp_path).put("a.txt", article())
    (site.root / "blocked").write_text("a file where the register's folder should be", encoding="utf-8")
    result = build(site.config(permalinks=Path("blocked/p.json")))
    assert result.ok and (site.out / "timeline.json").exists()
    assert any("could not record published addresses" in d.message for d in result.diagnostics)


def test_a_published_meeting_that_named_nobody_keeps_its_address_through_its_article():
    """Entries are matched to meetings through their date and officials, and through their articles
    when they name no official (a register written by hand, or by an older release)."""
    import datetime as dt

    from generator.model import Evidence, Event, Participant, PartialDate, Registry, Timeline
    from generator.site.permalinks import assign_permalinks

    meeting = Event("x", PartialDate(2024, 5, 1), "", "reception", False, None, "",
                    [Participant("Hans Müller", "", "DE", "guest", "hans-muller")], [], [Evidence("a.txt", "...")])
    other = Event("y", PartialDate(2024, 5, 1), "", "reception", False, None, "",
                  [Participant("Hans Müller", "", "DE", "guest", "hans-muller")], [], [Evidence("b.txt", "...")])
    timeline = Timeline(dt.date(2020, 1, 1), dt.date(2026, 12, 31), [meeting, other], [], [], [], [], 2)
    registry = Registry(events={"the-first-address": {"date": "2024-05-01", "kind": "reception", "officials": [],
                                                      "sources": ["a.txt"]}})
    made, _, redirects = assign_permalinks(timeline, registry)
    ids = {e.sources[0].file: e.id for e in made.events}
    assert ids["a.txt"] == "the-first-address" and ids["b.txt"] != "the-first-address"
    assert redirects == {}
