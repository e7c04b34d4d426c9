"""Incremental builds: after any sequence of edits, adds, deletes and renames the output equals a clean build's."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import Builder
from generator.config import SiteConfig

DATA = Path(__file__).parent / "data"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _assert_same_tree(got: Path, want: Path) -> None:
    a, b = _tree(got), _tree(want)
    assert sorted(a) == sorted(b), f"only incremental: {sorted(set(a) - set(b))[:5]}, only clean: {sorted(set(b) - set(a))[:5]}"
    different = [rel for rel in a if a[rel] != b[rel]]
    assert not different, f"files that differ from a clean build: {different[:10]}"


class Project:
    """A project in tmp_path with a long-lived Builder, checked against clean builds of the same state."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        shutil.copytree(DATA / "seeds" / "articles", self.content)
        for f in sorted((DATA / "dev" / "articles").iterdir())[:10]:
            shutil.copy(f, self.content / f.name)
        self.config = SiteConfig(content_dir=self.content, output_dir=root / "site", root=root,
                                 permalinks=Path("permalinks.json"))
        self.builder = Builder(self.config, root / ".timeline-cache")
        self.checks = 0

    def build_and_compare(self, changed=()):
        # a clean build starts from the same state, the permalink register included
        clean_root = self.root / f"clean{self.checks}"
        shutil.copytree(self.content, clean_root / "content")
        if (self.root / "permalinks.json").is_file():
            shutil.copy(self.root / "permalinks.json", clean_root / "permalinks.json")
        if (self.root / "themes").is_dir():
            shutil.copytree(self.root / "themes", clean_root / "themes")
        result = self.builder.build(changed)
        clean = Builder(SiteConfig(content_dir=clean_root / "content", output_dir=clean_root / "site", root=clean_root,
                                   title=self.config.title, permalinks=Path("permalinks.json")), None).build()
        assert result.ok and clean.ok
        _assert_same_tree(self.root / "site", clean_root / "site")
        assert (self.root / "permalinks.json").read_bytes() == (clean_root / "permalinks.json").read_bytes()
        self.checks += 1
        return result


@pytest.fixture
def project(tmp_path):
    return Project(tmp_path)


def _page_text(project: Project) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (project.root / "site").rglob("*.html"))


def test_a_sequence_of_edits_adds_deletes_and_renames_equals_clean_builds(project):
    first = project.build_and_compare()
    assert len(first.extracted) == 15 and first.rendered == first.pages

    again = project.build_and_compare()                       # nothing changed
    assert again.extracted == [] and again.rendered == 0 and again.written == [] and again.removed == []

    seed = project.content / "001_35425930eadc2db0.txt"     # edit: the place of the meeting
    seed.write_text(seed.read_text(encoding="utf-8").replace("lần thứ 11 tại Hà Nội", "lần thứ 11 tại Đà Nẵng"),
                    encoding="utf-8")
    edited = project.build_and_compare([seed])
    assert edited.extracted == [seed.name]
    assert 0 < edited.rendered < edited.pages / 2
    assert "Đà Nẵng" in _page_text(project)

    new = project.content / "nested" / "21_ttxvn-tolam-kolokoltsev.txt"   # add, in a subfolder
    new.parent.mkdir()
    shutil.copy(DATA / "dev" / "articles" / new.name, new)
    added = project.build_and_compare([new])
    assert added.extracted == ["nested/" + new.name]

    gone = project.content / "03_vietnamplus-sarkheng.txt"   # delete
    gone.unlink()
    deleted = project.build_and_compare([gone])
    assert deleted.extracted == []

    renamed = project.content / "renamed-02.txt"             # rename: a new source name on the pages
    (project.content / "02_vietnamplus-raab.txt").rename(renamed)
    moved = project.build_and_compare([renamed])
    assert moved.extracted == ["renamed-02.txt"]
    assert "02_vietnamplus-raab.txt" not in _page_text(project)

    only = project.content / "04_kgtv-sarkheng.txt"          # the last report of a meeting goes: its page goes
    text = only.read_text(encoding="utf-8")
    only.unlink()
    result = project.build_and_compare()
    assert result.removed, "the meeting's pages should have been removed"
    only.write_text(text, encoding="utf-8")                  # and comes back at its old address
    back = project.build_and_compare()
    assert set(result.removed) & set(back.written)

    template = project.root / "themes" / "default" / "templates" / "event.html"   # a theme override
    template.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parent.parent / "themes" / "default" / "templates" / "event.html", template)
    template.write_text(template.read_text(encoding="utf-8").replace("</article>", "<p>override</p></article>", 1),
                        encoding="utf-8")
    themed = project.build_and_compare()
    assert themed.extracted == [] and themed.rendered == themed.pages   # the theme's fingerprint changed
    assert "<p>override</p>" in _page_text(project)

    project.config.title = "Một tiêu đề khác"                 # a setting
    retitled = project.build_and_compare()
    assert retitled.rendered == retitled.pages


def test_restart_takes_extraction_and_pages_from_the_disk_cache(project):
    project.build_and_compare()
    restarted = Builder(project.config, project.root / ".timeline-cache")
    result = restarted.build()
    assert result.extracted == [] and result.rendered == 0 and result.written == []
    # a page deleted by hand while nothing ran is written again
    (project.root / "site" / "index.html").unlink()
    result = Builder(project.config, project.root / ".timeline-cache").build()
    assert result.written == ["index.html"] and result.rendered == 1


def test_a_broken_cache_entry_is_a_miss(project):
    project.build_and_compare()
    for f in (project.root / ".timeline-cache").rglob("*.pickle"):
        f.write_bytes(b"not a pickle")
    result = Builder(project.config, project.root / ".timeline-cache").build()
    assert len(result.extracted) == 15 and result.ok and result.written == []


def test_an_edit_with_the_same_size_and_time_stamp_is_seen_when_the_watcher_names_it(project):
    project.build_and_compare()
    seed = project.content / "001_35425930eadc2db0.txt"
    before = seed.stat()
    seed.write_text(seed.read_text(encoding="utf-8").replace("Hà Nội", "Hà Nam", 1), encoding="utf-8")
    import os
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert project.build_and_compare([seed]).extracted == [seed.name]


def test_last_good_version_of_an_unreadable_article_in_watch_mode(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "seeds" / "articles", content)
    config = SiteConfig(content_dir=content, output_dir=tmp_path / "site", root=tmp_path, permalinks=None)
    watch = Builder(config, None, keep_last_good=True)
    events = len(watch.build().timeline.events)
    article = content / "001_35425930eadc2db0.txt"
    good = article.read_bytes()
    article.write_bytes(good[:200] + b"\xff\xfe" + good[200:])    # a half-written save, say
    broken = watch.build([article])
    assert [d.file for d in broken.errors] == [article.name]
    assert "not UTF-8" in broken.errors[0].message and "last good version" in broken.errors[0].message
    assert len(broken.timeline.events) == events                 # its meeting is still shown
    one_off = Builder(config, None).build()                      # a one-off build leaves it out
    assert len(one_off.timeline.events) == events - 1
    article.write_bytes(good)
    fixed = watch.build([article])
    assert fixed.errors == [] and len(fixed.timeline.events) == events


def test_theme_error_writes_nothing_and_the_fix_restores_the_site(project):
    project.build_and_compare()
    before = _tree(project.root / "site")
    template = project.root / "themes" / "default" / "templates" / "event.html"
    template.parent.mkdir(parents=True)
    template.write_text("{% if %}", encoding="utf-8")
    broken = project.builder.build()
    assert not broken.ok and broken.errors[0].file.endswith("event.html:1")
    assert _tree(project.root / "site") == before
    template.unlink()
    fixed = project.build_and_compare()
    assert fixed.ok and fixed.written == []


def test_page_keys_depend_on_values_not_on_shared_objects():
    """A plan made from a cached extraction shares strings that a fresh one holds twice: same key."""
    from generator.site.page_cache import PageCache
    from generator.model import Page
    name = "Bộ trưởng " + "X"
    shared = Page("events/a/", "event.html", name, name, data={"who": name})
    separate = Page("events/a/", "event.html", "Bộ trưởng X", "".join(["Bộ trưởng ", "X"]), data={"who": "Bộ trưởng X"})
    assert PageCache(None).key(shared, "t") == PageCache(None).key(separate, "t")
    assert PageCache(None).key(shared, "t") != PageCache(None).key(shared, "other theme")


def _reworded(article: Path) -> None:
    """A paragraph without a meeting added: the article's extraction means what it meant."""
    article.write_text(article.read_text(encoding="utf-8") + "\n\nBài viết được cập nhật lúc 9 giờ sáng.\n",
                       encoding="utf-8")


def _new_meeting(article: Path) -> None:
    article.write_text(article.read_text(encoding="utf-8") + "\n\nNgày 3/5/2024, Bộ trưởng Ngoại giao Bùi Văn A "
                       "tiếp Đại sứ Nhật Bản Tanaka Ichiro tại Hà Nội.\n", encoding="utf-8")


def test_an_edit_that_changes_nothing_extracted_ends_the_rebuild_after_extraction(project):
    first = project.build_and_compare()
    article = sorted(project.content.iterdir())[2]
    _reworded(article)
    again = project.build_and_compare([article])
    assert again.extracted == [article.name] and list(again.seconds) == ["extract"]
    assert again.written == [] and again.rendered == 0 and again.pages == first.pages
    assert again.timeline is first.timeline and again.diagnostics == first.diagnostics
    # a real change to a meeting goes the whole way
    _new_meeting(article)
    changed = project.build_and_compare([article])
    assert "resolve" in changed.seconds and changed.timeline is not first.timeline


def test_a_rewording_after_a_failed_build_still_shows_the_change_the_failed_build_missed(project):
    project.build_and_compare()
    article = sorted(project.content.iterdir())[2]
    template = project.root / "themes" / "default" / "templates" / "event.html"
    template.parent.mkdir(parents=True)
    template.write_text("{% if %}", encoding="utf-8")
    _new_meeting(article)
    assert not project.builder.build([article]).ok          # the meeting changed, but nothing was written
    template.unlink()
    _reworded(article)
    fixed = project.build_and_compare([article])            # the site now shows the changed meeting
    assert "resolve" in fixed.seconds and fixed.written


def test_a_theme_change_after_a_rewording_renders_again(project):
    project.build_and_compare()
    article = sorted(project.content.iterdir())[2]
    _reworded(article)
    project.build_and_compare([article])
    template = project.root / "themes" / "default" / "templates" / "404.html"
    template.parent.mkdir(parents=True)
    template.write_text("<p>Not here.</p>\n", encoding="utf-8")
    themed = project.build_and_compare()
    assert "404.html" in themed.written


def test_a_resident_cache_keeps_one_entry_per_article_on_disk(project):
    project.build_and_compare()
    entries = lambda: sorted(p.name for p in (project.root / ".timeline-cache" / "extract").glob("*/*.pickle"))
    articles = sorted(project.content.iterdir())
    assert len(entries()) == len(articles)
    for n, article in enumerate(articles[:3]):
        _new_meeting(article) if n % 2 else _reworded(article)
        project.builder.build([article])
        assert len(entries()) == len(articles)      # the edited article's former entry went
    articles[4].unlink()
    project.build_and_compare()
    assert len(entries()) == len(articles) - 1
