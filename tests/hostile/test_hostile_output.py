"""The output folder under attack and bad luck: crafted file names, a tampered manifest, a build
killed half way, a full disk, a read-only folder, modes, and output folders that are not ours.

Each test says what the build says, what the site holds and what is left on disk.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA
from generator.site import writer as writer_module
from generator.build import build
from generator.cli import main
from generator.config import SiteConfig
from generator.site.render import is_safe_url, markdown_to_html
from generator.site.writer import JOURNAL, MANIFEST, Writer

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (" date 2024-05-10 Bộ trưởng tiếp Đại sứ\n\n"
           "Chiều 9/5, tại Hà Nội, Đại tướng Nguyễn Văn Bình, Bộ trưởng Bộ Công an đã tiếp ngài Hans Müller, "
           "Đại sứ Đức tại Việt Nam.\n")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def config_for(content: Path, out: Path) -> SiteConfig:
    return SiteConfig(content_dir=content, output_dir=out)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src") and v is not None]


# -- 1. stored XSS through a file name -------------------------------------------------------------

XSS_NAME = "a\n\n[click](javascript:alert(document.domain))\n\n<img src=x onerror=alert(1)>`b`.txt"


def test_a_crafted_file_name_is_text_on_every_page(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / XSS_NAME).write_text(ARTICLE, encoding="utf-8")
    result = build(config_for(content, tmp_path / "site"))
    assert result.ok
    pages = {rel: data.decode("utf-8") for rel, data in tree(tmp_path / "site").items() if rel.endswith(".html")}
    event = next(html for rel, html in pages.items() if rel.startswith("events/"))
    assert "[click](javascript:alert(document.domain))" in " ".join(event.split())    # shown as text
    for rel, html in pages.items():
        links = _Links()
        links.feed(html)
        assert all(is_safe_url(u) for u in links.urls if u != "data:,"), rel     # the theme's empty icon
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), rel


@pytest.mark.parametrize("markdown", [
    "[a](javascript:alert(1))", "[a](JaVaScRiPt:alert(1))", "[a](java\tscript:alert(1))", "[a]( javascript:x)",
    "[a](&#106;avascript:x)", "[a](&#x6A;avascript&colon;x)", "[a](javascript&#58;x)", "[a](vbscript:x)",
    "[a](data:text/html,<script>alert(1)</script>)", "![i](javascript:x)", "[x][r]\n\n[r]: javascript:x",
    "<javascript:alert(1)>",
], ids=lambda m: re.sub(r"\W+", "-", m)[:30])
def test_the_renderer_lets_no_script_link_through(markdown):
    html = str(markdown_to_html(markdown))
    links = _Links()
    links.feed(html)
    assert all(is_safe_url(u) for u in links.urls), html
    assert "javascript:" not in html.replace("&lt;javascript:alert(1)&gt;", "") or "href" not in html


@pytest.mark.parametrize("url, safe", [("https://vnexpress.net/a", True), ("http://x.y/", True),
                                       ("mailto:toa@soan.vn", True), ("../events/x/", True), ("#main", True),
                                       ("?q=1", True), ("javascript:x", False), ("data:,x", False),
                                       ("file:///etc/passwd", False), ("\x01javascript:x", False)])
def test_safe_urls(url, safe):
    assert is_safe_url(url) is safe


# -- 3. modes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_files_and_folders_get_the_umask_modes(tmp_path, make_content, umask):
    content = make_content({"a.txt": ARTICLE})
    old = os.umask(umask)
    try:
        assert build(config_for(content, tmp_path / "site")).ok
    finally:
        os.umask(old)
    site = tmp_path / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    folders = [site] + [p for p in site.rglob("*") if p.is_dir()]
    assert len(files) > 10
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o666 & ~umask}
    assert {stat.S_IMODE(p.stat().st_mode) for p in folders[1:]} == {0o777 & ~umask}


def test_files_an_older_build_left_private_are_opened_up(tmp_path, make_content):
    content = make_content({"a.txt": ARTICLE})
    site = tmp_path / "site"
    assert build(config_for(content, site)).ok
    # the search bundle is Pagefind's, which no older build of ours wrote; the pages are ours
    ours = [p for p in site.rglob("*") if p.is_file() and "pagefind" not in p.relative_to(site).parts]
    for p in ours:
        p.chmod(0o600)                      # what mkstemp gave before
    old = os.umask(0o022)
    try:
        assert build(config_for(content, site)).ok
    finally:
        os.umask(old)
    assert {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()} == {0o644}


# -- 4. a tampered manifest ------------------------------------------------------------------------

def test_a_tampered_manifest_removes_nothing_outside_the_output_folder(tmp_path, make_content):
    content = make_content({"a.txt": ARTICLE})
    site = tmp_path / "site"
    assert build(config_for(content, site)).ok
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    (site / "linked").symlink_to(precious)                  # a folder link inside the output folder
    listed = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    listed += [str(precious / "thesis.txt"), "../precious/thesis.txt", "linked/thesis.txt",
               "events/../../precious/thesis.txt", "", 42]
    (site / MANIFEST).write_text(json.dumps(listed), encoding="utf-8")
    result = build(config_for(content, site))
    assert result.ok
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    refusals = [d.message for d in result.diagnostics if "not removed" in d.message]
    assert len(refusals) == 6 and all(MANIFEST in m for m in refusals)


def test_a_symlinked_folder_in_the_output_is_not_written_through(tmp_path, make_content):
    content = make_content({"a.txt": ARTICLE})
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    assert build(config_for(content, site)).ok
    shutil.rmtree(site / "events")
    elsewhere.mkdir()
    (site / "events").symlink_to(elsewhere)
    result = build(config_for(content, site))
    assert not result.ok and list(elsewhere.iterdir()) == []
    error = next(d for d in result.diagnostics if d.level == "error")
    assert "events" in error.file and "outside the output folder" in error.message


# -- 5. a build killed at any point ----------------------------------------------------------------

_KILLER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from generator.site import writer
    from generator.build import build
    from generator.config import SiteConfig
    target, after = {target!r}, {after}
    calls = [0]
    def dying(original):
        def call(*args, **kwargs):
            calls[0] += 1
            if calls[0] > after:
                os.kill(os.getpid(), 9)          # no cleanup, no finally: a real kill
            return original(*args, **kwargs)
        return call
    if target == "stage":
        writer._create = dying(writer._create)
    elif target == "rename":
        os.replace = dying(os.replace)
    elif target == "remove":
        os.unlink = dying(os.unlink)
    elif target == "journal":
        os.write = dying(os.write)
    build(SiteConfig(content_dir=Path({content!r}), output_dir=Path({out!r})))
    print("finished without being killed")
""")


def _edit_corpus(content: Path) -> None:
    """What changes between the good build and the killed one: one article gone, one edited, one new."""
    files = sorted(content.iterdir())
    files[0].unlink()
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("Hà Nội", "Thành phố Hồ Chí Minh", 1), encoding="utf-8")
    shutil.copy(sorted((DATA / "dev" / "articles").iterdir())[0], content / "zz-new.txt")


@pytest.mark.parametrize("target, after", [("journal", 0), ("journal", 3), ("stage", 0), ("stage", 7),
                                           ("stage", 14), ("rename", 0), ("rename", 5), ("rename", 14),
                                           ("remove", 1), ("remove", 3)])
def test_after_a_killed_build_the_next_build_equals_a_clean_one(tmp_path, target, after):
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(DATA / "seeds" / "articles", content)
    assert build(config_for(content, site)).ok
    _edit_corpus(content)
    script = _KILLER.format(root=str(ROOT), target=target, after=after, content=str(content), out=str(site))
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stdout, killed.stderr)
    assert build(config_for(content, site)).ok
    clean = tmp_path / "clean"
    assert build(config_for(content, clean)).ok
    got, want = tree(site), tree(clean)
    assert sorted(set(got) ^ set(want)) == []
    assert [rel for rel in got if got[rel] != want[rel]] == []
    assert not (site / JOURNAL).exists()


# -- 6. write failures -----------------------------------------------------------------------------

def _failing(monkeypatch, after: int, error: int, where: str = "_create"):
    """Make the writer's n-th file creation (or folder creation) fail with `error`."""
    calls = [0]
    original = getattr(writer_module, where) if where == "_create" else os.mkdir

    def failing(*args, **kwargs):
        calls[0] += 1
        if calls[0] > after:
            raise OSError(error, os.strerror(error), args[0])
        return original(*args, **kwargs)
    if where == "_create":
        monkeypatch.setattr(writer_module, "_create", failing)
    else:
        monkeypatch.setattr(writer_module.os, "mkdir", failing)


@pytest.mark.parametrize("error, after, where", [(errno.ENOSPC, 5, "_create"), (errno.EACCES, 0, "_create"),
                                                 (errno.EROFS, 12, "_create"), (errno.EACCES, 2, "mkdir")],
                         ids=["disk-full", "read-only-folder", "read-only-file-system", "no-new-folder"])
def test_a_write_failure_is_one_error_and_the_last_good_site_stays_whole(tmp_path, monkeypatch, capsys,
                                                                        error, after, where):
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(DATA / "seeds" / "articles", content)
    assert main(["build", "--content", str(content), "--output", str(site)]) == 0
    good = tree(site)
    _edit_corpus(content)
    capsys.readouterr()
    _failing(monkeypatch, after, error, where)
    assert main(["build", "--content", str(content), "--output", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and os.strerror(error) in err and str(site) in err
    assert "keeps the last good build" in err
    assert tree(site) == good                              # not one file changed, nothing left behind
    monkeypatch.undo()
    assert main(["build", "--content", str(content), "--output", str(site)]) == 0
    clean = tmp_path / "clean"
    assert main(["build", "--content", str(content), "--output", str(clean)]) == 0
    assert tree(site) == tree(clean)


def test_an_output_path_that_is_a_file_is_refused(tmp_path, make_content, capsys):
    content = make_content({"a.txt": ARTICLE})
    (tmp_path / "site").write_text("not a folder", encoding="utf-8")
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "is a file, not a folder" in err and str(tmp_path / "site") in err
    assert (tmp_path / "site").read_text(encoding="utf-8") == "not a folder"


# -- 10. output folders that are not ours ----------------------------------------------------------

def test_a_folder_of_other_files_is_refused_as_output(tmp_path, make_content, capsys, monkeypatch):
    content = make_content({"a.txt": ARTICLE})
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    before = tree(home)
    assert main(["build", "--content", str(content), "--output", "~"]) == 2
    err = capsys.readouterr().err
    assert "holds files that timeline did not write" in err and "notes.txt" in err
    assert tree(home) == before and sorted(p.name for p in home.iterdir()) == ["Documents", "notes.txt"]


def test_empty_new_git_only_and_earlier_output_folders_are_accepted(tmp_path, make_content):
    content = make_content({"a.txt": ARTICLE})
    (tmp_path / "empty").mkdir()
    (tmp_path / "worktree" / ".git").mkdir(parents=True)        # a gh-pages worktree
    for name in ("empty", "new", "worktree"):
        assert main(["build", "--content", str(content), "--output", str(tmp_path / name)]) == 0
    (tmp_path / "empty" / "CNAME").write_text("example.org", encoding="utf-8")   # the user's own file, kept
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "empty")]) == 0
    assert (tmp_path / "empty" / "CNAME").read_text(encoding="utf-8") == "example.org"
    assert (tmp_path / "worktree" / ".git").is_dir()


def test_writer_refuses_paths_of_its_own_that_leave_the_folder(tmp_path):
    w = Writer(tmp_path / "site")
    for rel in ("/etc/x", "../x", "a/../../x", "", "a//b", ".x.timeline-new"):
        with pytest.raises(ValueError):
            w.write(rel, "x")


@pytest.fixture
def small_disk(tmp_path):
    """A real 200 KB file system (tmpfs) to build into; skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({done.stderr.decode().strip() or 'not root'}); "
                    f"the simulated failures above cover the same paths")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_real_full_disk_and_a_read_only_file_system_leave_the_last_good_site(tmp_path, small_disk, capsys):
    content, site = tmp_path / "content", small_disk / "site"
    content.mkdir()
    (content / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", "--content", str(content), "--output", str(site)]) == 0
    good = tree(site)
    for f in sorted((DATA / "seeds" / "articles").iterdir()):      # a site that does not fit in 200 KB
        shutil.copy(f, content / f.name)
    capsys.readouterr()
    assert main(["build", "--content", str(content), "--output", str(site)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert tree(site) == good
    for f in sorted((DATA / "seeds" / "articles").iterdir()):
        (content / f.name).unlink()
    (content / "a.txt").write_text(ARTICLE.replace("Chiều 9/5", "Chiều 8/5"), encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    assert main(["build", "--content", str(content), "--output", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Read-only file system" in err and str(site) in err and "Traceback" not in err
    assert tree(site) == good
