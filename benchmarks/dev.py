"""Dev loop: save -> reload in a browser on the seeds, and incremental rebuilds of a large corpus.

A benchmark, not a test: it prints figures and asserts nothing. Two parts (--only
reload / --only rebuild to run one):

1. Save -> reload (`timeline serve` on the seeds). The seed articles are copied into a
   temporary project and `python3 -m generator serve` (the `timeline` command of this
   checkout) is started on a free port. Headless Chromium (Playwright, /usr/bin/chromium)
   opens the meeting page of 001_35425930eadc2db0.txt and waits until the page's reload
   stream is open. Then, --repeat times (after one warm-up save that is reported apart),
   the article is saved as an editor does (temp file beside it, then os.replace),
   alternating "tại Hà Nội" and "tại Đà Nẵng" so that every save changes the page. The
   figure is the time from just before os.replace to the page's next 'load' event
   (`page.expect_event("load")`, time.perf_counter in this process). It is split with
   the server's log line (one per rebuild, ending in "N.NN s": the build) and with
   timestamps taken in the page by an init script (when the reload stream delivered the
   message that made the page reload, when the reloaded page fired 'load'):

     save -> build starts      inotify, the watcher's filter, the debounce's quiet period
     build                     the server's own figure (Builder.build)
     build end -> message      BuildStatus.update -> Server-Sent Event -> the page
     message -> load           location.reload(): request, parse, style sheet, 'load'
     load -> Python            Playwright telling this process (the rest of the total)

   The browser and this process read the same wall clock; the parts are medians, so
   they need not add up exactly to the total's median.

   Peers, measured in the same run and interleaved with the saves (one of each per save):
   a second copy of the project gets the same edit and a one-off `timeline build`
   subprocess (warm .timeline-cache, as a user without the watcher would run it; their
   own reload not counted), the same with --no-cache (a clean build), and the bare cost
   of starting the command (`timeline --version`, which imports the whole generator).
   The debounce's quiet period (Session.quiet in generator/dev.py, as configured) is
   given for reference: no save can reload faster. The design aim is a median
   save -> reload under 0.5 s; the report says whether it is met.

   With --reload-articles N the same is measured on the corpus of part 2 (N articles, made
   in --work as part 2 makes it, with its extraction cache when part 2 left one), editing
   the corpus's copy of the same article: issue 11's aim of a reload within 0.5 s at
   10,000 articles. The location toggled is part of a meeting, so each save changes what
   is extracted and the whole pipeline runs. At that size the --no-cache peer (a clean
   build per save) is left out.

2. Incremental rebuilds of a large corpus (benchmarks/corpus.py, --articles, default
   10,000), in this process: `Builder(config, cache_dir)` with the default permalink
   register. First a clean build (no cache, no output, no register; extraction takes
   minutes at this size, so progress is printed), then --rounds rounds (default 3) of: a
   no-op rebuild, a rebuild after one article's edit (the same Hà Nội / Đà Nẵng toggle in
   the corpus's copy of the seed article; its path passed as `changed`), after adding one
   article (seed article 000 with its two officials renamed as no copy of the corpus
   renames them: a new meeting with new officials), after deleting it again, and a
   restart: a new Builder on the same cache folder in a fresh child process, as after
   restarting `timeline serve` (it writes nothing, so this process's Builder goes on in
   step). Each figure is the median over the rounds, split by stage: Builder's
   collaborators are wrapped with timers for the run (Builder.extract and, inside it,
   find_articles, article_key, ExtractionCache, extract_article; resolve; build_timeline +
   diagnose; load_registry + assign_permalinks + registry_json; SitePlan.pages; the
   Renderer; Builder._render and, inside it, page keys and Writer.keep; Renderer.render_page;
   Writer.write_pieces (timeline.json); Writer.write/commit + PageCache.save), "other" is the rest of build().
   The wrappers see 35,000-45,000 calls per build at 10,000 articles: milliseconds. One
   more edit rebuild runs under cProfile (which slows it about twofold), and its top
   functions are printed, by cumulative and by own time.

   Peers in the same run: the clean build (ratio incremental / clean) and the restart.
   Memory: the restart child's peak RSS after imports and after its build (/proc's
   VmHWM: a restarted `timeline serve` holding the whole corpus), this process's peak
   (it ran the clean build), and the size of .timeline-cache/ on disk.

   The corpus, its cache and output live in --work DIR (default: a temporary folder,
   removed afterwards), in n<N>/. The corpus is made again only when --articles or
   benchmarks/corpus.py changed. With a --work folder that already holds a cache, the
   clean build is not run again: its figures, recorded when it ran, are printed and
   marked "recorded" (--fresh measures it again; a changed generator makes it run again
   by itself, since the cache would miss anyway). An interrupted run's edit and added
   article are undone at the next start.

    python3 benchmarks/dev.py [--repeat N] [--articles N] [--rounds K] [--work DIR] [--fresh]
                              [--only reload|rebuild] [--reload-articles N]

After commit 4fb1b74, permalink matching, Jinja2 environments and page keys were made cheaper
(the three costs this benchmark found). `--articles 1000 --rounds 2 --repeat 6` then gave:
save -> reload median 221 ms (p90 236 ms; build 40 ms, was 65 ms), 0.44x a one-off `timeline
build`; at 1,000 articles edit one 1.31 s (0.048x the clean build's 27.1 s), no-op 1.51 s,
add one 1.92 s, delete one 1.92 s, restart 2.60 s with 0 pages rendered again (was 3 of
11,968 at 10k, from pickle's object sharing). The 10k figures below predate those changes.

Sample output of `python3 benchmarks/dev.py --work /tmp/devbench` at commit 4fb1b74 (2 cores,
at times shared with another job's tests; Python 3.11.7, ext4, Chromium 156). The whole run
took 10 minutes, 4 of them the clean build. In three runs the save -> reload median was
261-291 ms and its p90 289-317 ms (with the other job's browser tests running alongside:
up to 420 ms and 590 ms); the rounds of a rebuild spread by up to +-15% around their median,
more for the small stages:

    save -> reload: 5 seed articles, page events/2020-09-23-nguyen-minh-vu-clark-cooper/, 10 saves (+1 warm-up); `timeline serve` debounce quiet 0.10 s, cap 1.00 s

                                             median      p90
    save -> reload ('load' event)             262ms    289ms
      save -> build starts                    102ms    107ms
      build (server's log line)                65ms     81ms
      build end -> message in page              1ms      2ms
      message -> 'load' (reload)               78ms    108ms
      'load' -> Python (Playwright)            10ms     26ms
    everything but the build                  185ms    236ms
    page live again (stream open) after load     34ms     59ms
    rebuilds per save: 1; warm-up save: 1,363ms (build 430ms)

    peer (median of the same saves)                    ours     peer   ratio
    save->reload vs one-off `timeline build`          262ms    501ms   0.52x
    save->reload vs `timeline build --no-cache`       262ms    701ms   0.37x
    save->reload vs `timeline --version` (start)      262ms    328ms   0.80x
    save->reload vs quiet period (Session.quiet)      262ms    100ms   2.62x
      server build vs one-off `timeline build`         65ms    501ms   0.13x
    design aim, save -> reload under 0.5 s on the seeds: met (median 262ms, p90 289ms)

    incremental rebuilds: corpus of 10,000 articles in /tmp/devbench
      corpus: 10,000 articles written to /tmp/devbench/n10000/content in 4.4 s
      clean build (no cache, no output, no permalink register) ...
      extracted 1,000/10,000 articles in 20 s (50/s; 179 s to go)
      extracted 10,000/10,000 articles in 207 s (48/s; 0 s to go)
      clean build   253.5 s  wrote 23,932 files
      no-op        12.96 s  re-extracted 0, rendered 0, 0 files written, 0 removed
      edit one     13.63 s  re-extracted 1, rendered 1, 3 files written, 0 removed
      add one      17.29 s  re-extracted 1, rendered 8, 13 files written, 0 removed
      delete one   19.60 s  re-extracted 0, rendered 8, 10 files written, 3 removed
      restart      21.49 s  re-extracted 0, rendered 3, 0 files written, 0 removed
      ... (rounds 2 and 3)

    incremental rebuilds: 10,000 articles -> 7,542 meetings, 4,416 officials, 11,968 pages; median of 3

    stage                         clean      no-op   edit one    add one delete one    restart
                             (this run)                                                (child)
    extract                   206,844ms    1,188ms    1,620ms    1,624ms    1,626ms    4,443ms
      list articles               352ms      291ms      282ms      408ms      427ms      358ms
      hash (article_key)          359ms        0ms        0ms        0ms        0ms      117ms
      cache get                   992ms      175ms      248ms      254ms      247ms    2,242ms
      extract_article         171,220ms        0ms       23ms       22ms        0ms        0ms
      parse_bytes              24,682ms        0ms        2ms        3ms        0ms        0ms
      cache put                 6,776ms        0ms        1ms        1ms        0ms        0ms
      cache keep_only              43ms       37ms       60ms       51ms       69ms       67ms
    resolve                     3,991ms    2,746ms    3,627ms    3,575ms    3,367ms    3,631ms
    chronology                    995ms    1,021ms    1,161ms    1,191ms    1,738ms      999ms
    permalinks                    603ms    4,747ms    5,934ms    6,125ms    6,462ms    6,533ms
    pages                       4,730ms    1,312ms    1,362ms    1,400ms    1,301ms    3,971ms
    theme                           2ms        1ms        1ms        1ms        1ms        2ms
    render                     31,297ms      679ms    1,410ms    3,214ms    3,380ms    1,261ms
      theme fingerprint             1ms        1ms        1ms        1ms        1ms        1ms
      page keys                   590ms       32ms       29ms       30ms       28ms      598ms
      keep checks                   0ms      335ms      358ms      352ms      372ms      359ms
      render_site              30,661ms      130ms      918ms    2,722ms    2,901ms      245ms
    timeline.json                 380ms    1,118ms      379ms      369ms      419ms    1,080ms
    write                       4,575ms       74ms      138ms      169ms      135ms       75ms
    other                         122ms       66ms       67ms       67ms       69ms       53ms
    total                     253,539ms   12,957ms   14,783ms   17,779ms   17,323ms   21,798ms
    edit one: permalinks 40%, resolve 25%, extract 11% of the total
    restart: permalinks 30%, extract 20%, pages 18% of the total
    re-extracted, rendered, written, removed: no-op 0,0,0,0; edit one 1,1,3,0; add one 1,8,13,0; delete one 0,8,10,3; restart 0,3,0,0

    peer                                      ours        peer    ratio
    no-op vs clean build                  12,957ms   253,539ms   0.051x
    edit one vs clean build               14,783ms   253,539ms   0.058x
    add one vs clean build                17,779ms   253,539ms   0.070x
    delete one vs clean build             17,323ms   253,539ms   0.068x
    restart vs clean build                21,798ms   253,539ms   0.086x
    no-op vs restart                      12,957ms    21,798ms   0.594x
    edit one vs restart                   14,783ms    21,798ms   0.678x
    add one vs restart                    17,779ms    21,798ms   0.816x
    delete one vs restart                 17,323ms    21,798ms   0.795x
    clean build: extraction 58 articles/s; resolve 2% of it

    one edit rebuild under cProfile: 27.30 s (unprofiled median 14.78 s)

      top 15 by cumulative (of 27,227 ms)                           cum ms    own ms        calls
      generator/build.py:141(build)                                 27,227        48            1
      generator/permalinks.py:76(assign_permalinks)                 12,538       660            1
      <built-in method builtins.sorted>                             12,360       367      351,907
      generator/permalinks.py:184(_assign)                          11,341         6            2
      generator/permalinks.py:186(<genexpr>)                        11,327       599       12,426
      generator/permalinks.py:271(_settle_events)                   11,085        10            1
      generator/permalinks.py:275(<lambda>)                         10,092       436      856,710
      generator/permalinks.py:260(_match_score)                      9,657     4,986      856,788
      generator/resolve.py:169(resolve)                              6,228       150            1
      generator/build.py:78(extract)                                 3,276        81            1
      generator/resolve.py:281(_merge_events)                        2,498       379            1
      generator/model.py:21(iso)                                     2,015     2,015    1,000,078
      <built-in method builtins.any>                                 1,614       307      406,492
      generator/resolve.py:140(fix_years)                            1,588       204            1
      generator/resolve.py:312(<listcomp>)                           1,367        17            1

      top 15 by own time (of 27,227 ms)                             cum ms    own ms        calls
      generator/permalinks.py:260(_match_score)                      9,657     4,986      856,788
      generator/model.py:21(iso)                                     2,015     2,015    1,000,078
      __init__.py:587(__init__)                                        834       770       56,842
      <method 'get' of 'dict' objects>                                 690       690    4,564,749
      generator/permalinks.py:264(<setcomp>)                           677       677      856,788
      generator/permalinks.py:76(assign_permalinks)                 12,538       660            1
      generator/permalinks.py:263(<listcomp>)                          826       623      856,788
      generator/permalinks.py:186(<genexpr>)                        11,327       599       12,426
      ...

    memory: restart (child process) peak RSS 430 MiB (30 MiB after imports); this process 635 MiB (it ran the clean build); .timeline-cache/ on disk 67.6 MiB in 10,001 files

With --articles 1000 (same commit, the next run; part 1's figures were alike: median
261 ms, p90 317 ms, design aim met), part 2 reports:

    incremental rebuilds: 1,000 articles -> 1,385 meetings, 1,056 officials, 2,451 pages; median of 3

    stage                         clean      no-op   edit one    add one delete one    restart
                             (this run)                                                (child)
    extract                    19,815ms      198ms      198ms      192ms      114ms      424ms
      list articles                35ms       40ms       39ms       34ms       21ms       33ms
      hash (article_key)           36ms        0ms        0ms        0ms        0ms       12ms
      cache get                   101ms       37ms       34ms       31ms       22ms      233ms
      extract_article          16,542ms        0ms       18ms       20ms        0ms        0ms
      parse_bytes               2,389ms        0ms        3ms        3ms        0ms        0ms
      cache put                   526ms        0ms        1ms        1ms        0ms        0ms
      cache keep_only               7ms       13ms       10ms       11ms        9ms        9ms
    resolve                       366ms      275ms      292ms      280ms      287ms      391ms
    chronology                     87ms      109ms      129ms      106ms      125ms      178ms
    permalinks                     70ms      262ms      301ms      267ms      400ms      433ms
    pages                         883ms      262ms      240ms      229ms      244ms      732ms
    theme                           1ms        1ms        1ms        1ms        1ms        1ms
    render                      6,324ms      161ms      161ms      597ms      622ms      226ms
      theme fingerprint             1ms        1ms        1ms        1ms        1ms        1ms
      page keys                   110ms        6ms        5ms        6ms        4ms       97ms
      keep checks                   0ms       81ms       74ms       77ms       60ms       74ms
      render_site               6,205ms       50ms       64ms      503ms      533ms       43ms
    timeline.json                  87ms      196ms       80ms       71ms       84ms       86ms
    write                         960ms       18ms       24ms       27ms       32ms       16ms
    other                          24ms       11ms       12ms        9ms       10ms        9ms
    total                      28,618ms    1,464ms    1,498ms    1,877ms    1,985ms    2,514ms
    edit one: permalinks 20%, resolve 20%, pages 16% of the total
    restart: pages 29%, permalinks 17%, extract 17% of the total
    re-extracted, rendered, written, removed: no-op 0,0,0,0; edit one 1,1,3,0; add one 1,8,13,0; delete one 0,8,10,3; restart 0,0,0,0

    peer                                      ours        peer    ratio
    no-op vs clean build                   1,464ms    28,618ms   0.051x
    edit one vs clean build                1,498ms    28,618ms   0.052x
    add one vs clean build                 1,877ms    28,618ms   0.066x
    delete one vs clean build              1,985ms    28,618ms   0.069x
    restart vs clean build                 2,514ms    28,618ms   0.088x
    no-op vs restart                       1,464ms     2,514ms   0.582x
    edit one vs restart                    1,498ms     2,514ms   0.596x
    add one vs restart                     1,877ms     2,514ms   0.746x
    delete one vs restart                  1,985ms     2,514ms   0.789x
    clean build: extraction 60 articles/s; resolve 1% of it

    memory: restart (child process) peak RSS 98 MiB (30 MiB after imports); this process 148 MiB (it ran the clean build); .timeline-cache/ on disk 7.4 MiB in 1,001 files
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))      # benchmark this checkout, whatever is installed
sys.path.insert(0, str(HERE))      # corpus.py

import generator.build as gbuild
from generator.build import Builder
from generator.cache import ExtractionCache
from generator.state import CACHE_DIR
from generator.site.page_cache import PageCache
from generator.state import code_fingerprint
from generator.config import SiteConfig
from generator.live.dev import Session
from generator.site.pages import SitePlan
from generator.site.render import Renderer
from generator.site.writer import Writer

SEEDS = ROOT / "tests" / "data" / "seeds" / "articles"
ARTICLE = "001_35425930eadc2db0.txt"                  # the article edited
ADDED_FROM = "000_ecc860b1ee623f88.txt"               # the seed article an added article is made from
VERSIONS = ("tại Hà Nội", "tại Đà Nẵng")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
CLI = [sys.executable, "-m", "generator"]            # the `timeline` command of this checkout
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
       "PYTHONUNBUFFERED": "1"}


# -- shared helpers ---------------------------------------------------------------------------------

def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p90(xs: list[float]) -> float:
    if len(xs) < 2:
        return xs[0] if xs else float("nan")
    return statistics.quantiles(xs, n=10, method="inclusive")[-1]


def ms(x: float) -> str:
    return "-" if x != x else f"{x * 1e3:,.0f}ms"


def save_like_editor(target: Path, text: str) -> tuple[float, float]:
    """Write a hidden temp file beside `target`, then os.replace it; (perf_counter, wall time) just before the replace."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    started, wall = time.perf_counter(), time.time()
    os.replace(tmp, target)
    return started, wall


def toggled(text: str, version: int) -> str:
    """The article with every occurrence of the other version replaced by VERSIONS[version]."""
    return text.replace(VERSIONS[1 - version], VERSIONS[version])


def peak_rss_kib() -> int:
    """This process's peak resident memory (KiB): VmHWM where /proc has it."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# == 1. save -> reload ==============================================================================

BUILD_LINE = re.compile(r"changed: .* (\d+\.\d+) s$")

# timestamps the page keeps for us: when its reload stream opened, and (in sessionStorage, so that
# the reloaded page can read it) when the message came that makes it reload
INIT_SCRIPT = """
(() => {
  const Native = window.EventSource;
  if (!Native) return;
  function Recorded(url, options) {
    const source = new Native(url, options);
    source.addEventListener("open", () => { window.__benchStreamOpen = Date.now(); });
    source.addEventListener("message", (m) => {   // registered before the page's own handler
      window.__benchFirstMessage = window.__benchFirstMessage || Date.now();
      try {
        const served = window.__timelineServed;
        if (served && JSON.parse(m.data).build !== served.build)
          sessionStorage.setItem("bench-reload-message", String(Date.now()));
      } catch (e) {}
    });
    return source;
  }
  Recorded.prototype = Native.prototype;
  window.EventSource = Recorded;
})();
"""

PAGE_TIMES = """() => {
  const n = performance.getEntriesByType("navigation")[0];
  const message = Number(sessionStorage.getItem("bench-reload-message") || 0);
  sessionStorage.removeItem("bench-reload-message");
  return {origin: performance.timeOrigin, load: n.loadEventStart, message: message};
}"""


class Serve:
    """`timeline serve` as a subprocess; its output lines kept with the wall time they arrived."""

    def __init__(self, project: Path):
        self.lines: list[tuple[float, str]] = []
        self._new = threading.Condition()
        for _ in range(5):
            self.port = _free_port()
            self.proc = subprocess.Popen(CLI + ["serve", "--content", "content", "--output", "site",
                                                "--port", str(self.port)], cwd=project, env=ENV,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                         encoding="utf-8")
            self._reader = threading.Thread(target=self._read, daemon=True)
            self._reader.start()
            line = self.wait_for(lambda s: s.startswith("Serving ") or "already in use" in s, 0, 60)
            if line and line.startswith("Serving "):
                self.url = re.search(r" at (\S+)", line).group(1)
                return
            self.stop()
        raise RuntimeError("timeline serve did not start:\n" + "\n".join(s for _, s in self.lines))

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._new:
                self.lines.append((time.time(), line.rstrip("\n")))
                self._new.notify_all()

    def wait_for(self, match, start: int, timeout: float) -> str | None:
        """The first line from index `start` on for which match(line) holds, waiting up to `timeout` s."""
        deadline = time.monotonic() + timeout
        with self._new:
            while True:
                for _, line in self.lines[start:]:
                    if match(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    return None
                self._new.wait(left)

    def builds_since(self, since: float) -> list[tuple[float, float]]:
        """(arrival wall time, seconds) of every rebuild line that arrived after `since`."""
        with self._new:
            return [(at, float(m.group(1))) for at, line in self.lines
                    if at >= since and (m := BUILD_LINE.search(line))]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)      # Ctrl-C: the server stops its threads and exits
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(5)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _timed_run(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _project(root: Path, corpus: Path | None = None) -> Path:
    """A project of the seed articles, or of part 2's corpus project `corpus` (its articles and its
    extraction cache, so that the first build need not extract them all again)."""
    if corpus is None:
        shutil.copytree(SEEDS, root / "content")
        return root
    shutil.copytree(corpus / "content", root / "content")
    if (corpus / CACHE_DIR).is_dir():
        shutil.copytree(corpus / CACHE_DIR, root / CACHE_DIR)
    return root


def reload_benchmark(repeat: int, scratch: Path, articles: int = 0, work: Path | None = None) -> None:
    from playwright.sync_api import sync_playwright

    corpus = edited_name = None
    if articles:
        _, _, edited = prepare(work, articles)
        corpus, edited_name = edited.parent.parent, edited.name
        print(f"  save -> reload on {articles:,} articles: copying the corpus and building it "
              f"(the first build renders every page)", flush=True)
    project = _project(scratch / "serve", corpus)
    peers = {"one-off": _project(scratch / "peer", corpus)}
    if not articles:
        peers["no-cache"] = _project(scratch / "peer-no-cache")
    for key, folder in peers.items():             # built once: the output is there, the cache warm
        subprocess.run(CLI + ["build", "--content", "content", "--output", "site"]
                       + (["--no-cache"] if key == "no-cache" else []), cwd=folder, env=ENV, check=True,
                       capture_output=True)
    edited_name = edited_name or ARTICLE
    article = project / "content" / edited_name
    original = article.read_text(encoding="utf-8")
    quiet = Session.__dataclass_fields__["quiet"].default
    cap = Session.__dataclass_fields__["cap"].default

    serve = Serve(project)
    timeline = json.loads((project / "site" / "timeline.json").read_text(encoding="utf-8"))
    url = next(e["url"] for e in timeline["events"] if any(s["file"] == edited_name for s in e["sources"]))
    del timeline
    rows: list[dict] = []
    failures = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            page.add_init_script(INIT_SCRIPT)
            page.set_default_timeout(20_000)

            def open_page():
                page.goto(serve.url + url, wait_until="load")
                page.wait_for_function("() => window.__benchFirstMessage", polling="raf")

            open_page()
            for i in range(repeat + 1):                  # save 0: warm-up, reported apart
                version = (i + 1) % 2                        # 1, 0, 1, ...: every save changes the page
                text = toggled(original, version)
                try:
                    with page.expect_event("load", timeout=20_000):
                        started, wall = save_like_editor(article, text)
                    total = time.perf_counter() - started
                except Exception as exc:                     # no reload: say so, open the page again
                    failures += 1
                    print(f"  save {i}: no reload within 20 s ({type(exc).__name__})", flush=True)
                    open_page()
                    continue
                loaded_wall = time.time()
                times = page.evaluate(PAGE_TIMES)
                page.wait_for_function("() => window.__benchFirstMessage", polling="raf")   # live again
                live = page.evaluate("() => window.__benchStreamOpen") / 1e3
                builds = serve.builds_since(wall)
                while not builds and time.time() - loaded_wall < 2:
                    time.sleep(0.01)
                    builds = serve.builds_since(wall)
                row = {"total": total, "builds": len(builds), "not build": total - sum(b[1] for b in builds)}
                if builds:
                    end, seconds = builds[-1][0], sum(b[1] for b in builds)
                    load = (times["origin"] + times["load"]) / 1e3
                    message = times["message"] / 1e3 if times["message"] else float("nan")
                    row.update({"to build": end - seconds - wall, "build": seconds, "notify": message - end,
                                "reload": load - message, "to python": (wall + total) - load,
                                "live": live - load})
                rows.append(row)

                # the peers: the same edit in each peer project, then its one-off build; a bare start
                for key, folder in peers.items():
                    save_like_editor(folder / "content" / edited_name, text)
                    row[key] = _timed_run(CLI + ["build", "--content", "content", "--output", "site"]
                                          + (["--no-cache"] if key == "no-cache" else []), folder)
                row["start"] = _timed_run(CLI + ["--version"], project)
                time.sleep(0.3)                               # let the machine settle before the next save
            browser.close()
    finally:
        serve.stop()

    warm_up, rows = (rows[0], rows[1:]) if rows else (None, [])
    col = lambda key: [r[key] for r in rows if key in r]
    print(f"save -> reload: {len(list((project / 'content').glob('*.txt'))):,} {'' if articles else 'seed '}"
          f"articles, page {url}, "
          f"{len(rows)} saves (+1 warm-up){f', {failures} without reload' if failures else ''}; "
          f"`timeline serve` debounce quiet {quiet:.2f} s, cap {cap:.2f} s")
    if not rows:
        return
    print(f"\n{'':<38}{'median':>9}{'p90':>9}")
    parts = [("save -> reload ('load' event)", "total"), ("  save -> build starts", "to build"),
             ("  build (server's log line)", "build"), ("  build end -> message in page", "notify"),
             ("  message -> 'load' (reload)", "reload"), ("  'load' -> Python (Playwright)", "to python"),
             ("everything but the build", "not build")]
    for label, key in parts:
        print(f"{label:<38}{ms(median(col(key))):>9}{ms(p90(col(key))):>9}")
    print(f"{'page live again (stream open) after load':<38}{ms(median(col('live'))):>9}{ms(p90(col('live'))):>9}")
    builds = sorted(set(col("builds")))
    print(f"rebuilds per save: {'/'.join(map(str, builds))}; warm-up save: {ms(warm_up['total'])} "
          f"(build {ms(warm_up.get('build', float('nan')))})")

    total = median(col("total"))
    print(f"\n{'peer (median of the same saves)':<46}{'ours':>9}{'peer':>9}{'ratio':>8}")
    for label, key in [("save->reload vs one-off `timeline build`", "one-off"),
                       ("save->reload vs `timeline build --no-cache`", "no-cache"),
                       ("save->reload vs `timeline --version` (start)", "start")]:
        if not col(key):
            continue
        peer_t = median(col(key))
        print(f"{label:<46}{ms(total):>9}{ms(peer_t):>9}{total / peer_t:>7.2f}x")
    print(f"{'save->reload vs quiet period (Session.quiet)':<46}{ms(total):>9}{ms(quiet):>9}{total / quiet:>7.2f}x")
    print(f"{'  server build vs one-off `timeline build`':<46}{ms(median(col('build'))):>9}"
          f"{ms(median(col('one-off'))):>9}{median(col('build')) / median(col('one-off')):>7.2f}x")
    met = total < 0.5
    where = f"at {articles:,} articles" if articles else "on the seeds"
    print(f"design aim, save -> reload under 0.5 s {where}: {'met' if met else 'NOT met'} "
          f"(median {ms(total)}, p90 {ms(p90(col('total')))}{'' if p90(col('total')) < 0.5 else ', p90 over'})")


# == 2. incremental rebuilds of a large corpus ======================================================

class Split:
    """Cumulative time spent in wrapped functions, by label, while active."""

    # (owner, attribute, label, parent label or None for a top-level stage)
    PLAN = [
        (Builder, "extract", "extract", None),
        (gbuild, "find_articles", "list articles", "extract"),
        (gbuild, "article_key", "hash (article_key)", "extract"),
        (ExtractionCache, "get", "cache get", "extract"),
        (gbuild, "extract_article", "extract_article", "extract"),
        (gbuild, "parse_bytes", "parse_bytes", "extract"),
        (ExtractionCache, "put", "cache put", "extract"),
        (ExtractionCache, "keep_only", "cache keep_only", "extract"),
        (gbuild, "resolve", "resolve", None),
        (gbuild, "build_timeline", "chronology", None),
        (gbuild, "diagnose", "chronology", None),
        (gbuild, "load_registry", "permalinks", None),
        (gbuild, "assign_permalinks", "permalinks", None),
        (gbuild, "registry_json", "permalinks", None),
        # each page is planned, keyed, kept or rendered, and written in turn (render_site yields):
        # a page's times are those of SitePlan.make, PageCache.key, Writer.keep and render_page
        (SitePlan, "make", "pages", None),
        (Renderer, "__init__", "theme", None),
        (Renderer, "fingerprint", "theme fingerprint", None),
        (PageCache, "key", "page keys", None),
        (Writer, "keep", "keep checks", None),
        (Renderer, "render_page", "render pages", None),
        (Writer, "write_pieces", "timeline.json", None),
        (Writer, "write", "write", None),
        (Writer, "commit", "write", None),
        (PageCache, "save", "write", None),
    ]
    ORDER = ["extract", "list articles", "hash (article_key)", "cache get", "extract_article",
             "parse_bytes", "cache put", "cache keep_only", "resolve", "chronology", "permalinks", "pages", "theme",
             "theme fingerprint", "page keys", "keep checks", "render pages", "timeline.json", "write"]
    PARENT = {label: parent for _, _, label, parent in PLAN}

    def __init__(self):
        self.times: dict[str, float] = defaultdict(float)
        self._saved = []

    def _wrap(self, fn, label):
        times, clock = self.times, time.perf_counter

        def timed(*a, **k):
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                times[label] += clock() - t0
        timed.__wrapped__ = fn
        return timed

    @contextmanager
    def active(self):
        self.times.clear()
        for owner, name, label, _ in self.PLAN:
            raw = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
            if raw is None:          # renamed in the generator: its time falls into its caller's or "other"
                continue
            self._saved.append((owner, name, raw))
            if isinstance(raw, staticmethod):
                setattr(owner, name, staticmethod(self._wrap(raw.__func__, label)))
            else:
                setattr(owner, name, self._wrap(raw, label))
        try:
            yield self.times
        finally:
            for owner, name, raw in reversed(self._saved):
                setattr(owner, name, raw)
            self._saved.clear()


def timed_build(builder: Builder, changed=()) -> tuple[float, dict[str, float], gbuild.BuildResult]:
    split = Split()
    with split.active() as times:
        t0 = time.perf_counter()
        result = builder.build(changed)
        total = time.perf_counter() - t0
    stages = dict(times)
    stages["other"] = total - sum(v for k, v in stages.items() if Split.PARENT.get(k) is None)
    return total, stages, result


@contextmanager
def progress(total: int, every: int):
    """Print extraction progress during a clean build (extract_article wrapped)."""
    original = gbuild.extract_article
    count, t0 = [0], time.perf_counter()

    def counting(article):
        result = original(article)
        count[0] += 1
        if count[0] % every == 0 or count[0] == total:
            dt = time.perf_counter() - t0
            rate = count[0] / dt
            print(f"  extracted {count[0]:,}/{total:,} articles in {dt:,.0f} s ({rate:.0f}/s; "
                  f"{(total - count[0]) / rate:,.0f} s to go)", flush=True)
        return result
    gbuild.extract_article = counting
    try:
        yield
    finally:
        gbuild.extract_article = original


def project_config(project: Path) -> SiteConfig:
    return SiteConfig(content_dir=project / "content", output_dir=project / "site", root=project)


def prepare(work: Path, n: int) -> tuple[SiteConfig, Path, Path]:
    """The corpus of `n` articles in work/n<N>/content (made once), its config, its cache folder and the
    article that is edited; a leftover of an interrupted run (the edit, the added article) is undone."""
    from corpus import generate

    project = work / f"n{n}"
    content = project / "content"
    done = project / "corpus.done"
    made_by = f"{n} {hashlib.sha256((HERE / 'corpus.py').read_bytes()).hexdigest()}"     # a changed corpus.py: again
    if not (done.is_file() and done.read_text().strip() == made_by):
        shutil.rmtree(project, ignore_errors=True)
        t0 = time.perf_counter()
        written = generate(content, n)
        print(f"  corpus: {written:,} articles written to {content} in {time.perf_counter() - t0:.1f} s", flush=True)
        edited = next(f for f in sorted(content.iterdir()) if f.name.endswith(ARTICLE))
        (project / "edit.original").write_bytes(edited.read_bytes())
        (project / "edit.name").write_text(edited.name)
        done.write_text(made_by)
    edited = content / (project / "edit.name").read_text()
    if edited.read_bytes() != (project / "edit.original").read_bytes():
        edited.write_bytes((project / "edit.original").read_bytes())
    (content / _added_name()).unlink(missing_ok=True)
    return project_config(project), project / CACHE_DIR, edited


def _added_name() -> str:
    return f"zz-added-{ADDED_FROM}"


def added_article() -> str:
    """Seed article 000 with each gold participant renamed (names and aliases alike) as no copy of the
    corpus renames them, and each to another name: a new meeting between new officials."""
    from corpus import DATA, _renamed

    gold = json.loads((DATA / "seeds" / "gold.json").read_text(encoding="utf-8"))
    people: dict[str, list[str]] = {}
    for event in gold["events"]:
        if any(src == ADDED_FROM for src in event.get("sources", [])):
            for p in event["participants"]:
                people.setdefault(p["name"], [p["name"], *p.get("aliases", [])])
    renames = [(form, _renamed(form, 397 - 26 * j)) for j, forms in enumerate(people.values()) for form in forms]
    text = (DATA / "seeds" / "articles" / ADDED_FROM).read_text(encoding="utf-8")
    for form, renamed in sorted(renames, key=lambda r: len(r[0]), reverse=True):
        text = text.replace(form, renamed)
    return text


def restart_in_child(project: Path) -> dict:
    """The restart: a fresh process (as after restarting `timeline serve`), a new Builder on the cache;
    its time, stages and peak RSS (after imports, after the build)."""
    code = (f"import json, sys, pathlib; sys.path.insert(0, {str(HERE)!r}); import dev; "
            f"print(json.dumps(dev.restart(pathlib.Path({str(project)!r}))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=ENV)
    if proc.returncode:
        raise RuntimeError(f"the restart in a child process failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def restart(project: Path) -> dict:
    """(In the child process.) One build by a new Builder on the project's cache."""
    imports = peak_rss_kib()
    total, stages, result = timed_build(Builder(project_config(project), project / CACHE_DIR))
    return {"imports": imports, "peak": peak_rss_kib(), "total": total, "stages": stages,
            "facts": [len(result.extracted), result.rendered, len(result.written), len(result.removed)]}


def _where(key: tuple) -> str:
    file, line, func = key
    if file == "~":
        return func
    path = Path(file)
    try:
        file = path.relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        file = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else path.name
    return f"{file}:{line}({func})"


def print_profile(profile: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profile).stats
    rows = [(ct, tt, nc, key) for key, (cc, nc, tt, ct, _) in stats.items()]
    total = max(r[0] for r in rows)
    for title, index in (("cumulative", 0), ("own time", 1)):
        print(f"\n  {f'top {top} by {title} (of {total * 1e3:,.0f} ms)':<58}{'cum ms':>10}{'own ms':>10}{'calls':>13}")
        for ct, tt, nc, key in sorted(rows, key=lambda r: r[index], reverse=True)[:top]:
            print(f"  {_where(key)[:58]:<58}{ct * 1e3:>10,.0f}{tt * 1e3:>10,.0f}{nc:>13,}")


def rebuild_benchmark(n: int, rounds: int, work: Path, fresh: bool) -> None:
    print(f"incremental rebuilds: corpus of {n:,} articles in {work}", flush=True)
    config, cache, edited = prepare(work, n)
    project = config.root
    record = project / "clean.json"
    fingerprint = code_fingerprint()
    recorded = json.loads(record.read_text()) if record.is_file() else None
    clean_here = fresh or not cache.is_dir() or not recorded or recorded.get("code") != fingerprint
    if clean_here:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(config.output, ignore_errors=True)
        if config.permalinks_file:
            config.permalinks_file.unlink(missing_ok=True)
        print("  clean build (no cache, no output, no permalink register) ...", flush=True)
        with progress(n, max(n // 10, 1)):
            builder = Builder(config, cache)
            t_clean, s_clean, r_clean = timed_build(builder)
        recorded = {"code": fingerprint, "total": t_clean, "stages": s_clean, "when": time.strftime("%Y-%m-%d %H:%M"),
                    "written": len(r_clean.written), "events": len(r_clean.timeline.events),
                    "officials": len(r_clean.timeline.officials), "pages": r_clean.pages}
        record.write_text(json.dumps(recorded, indent=1))
        print(f"  clean build {t_clean:>7.1f} s  wrote {len(r_clean.written):,} files", flush=True)
    else:
        print(f"  clean build not run: cache and output of {recorded['when']} reused (--fresh to measure it)",
              flush=True)
        builder = Builder(config, cache)
        t0 = time.perf_counter()
        builder.build()                          # this process's Builder learns the state, as a restart would
        print(f"  first build of this process (not in the figures) {time.perf_counter() - t0:.2f} s", flush=True)
    t_clean, s_clean = recorded["total"], recorded["stages"]

    added = added_article()
    original = edited.read_text(encoding="utf-8")
    new = config.content / _added_name()
    ops = ["no-op", "edit one", "add one", "delete one", "restart"]
    t: dict[str, list[float]] = {op: [] for op in ops}
    s: dict[str, list[dict]] = {op: [] for op in ops}
    facts: dict[str, set] = {op: set() for op in ops}
    child_rss: list[dict] = []

    def note(op: str, total: float, stages: dict, done: list[int]) -> None:
        t[op].append(total)
        s[op].append(stages)
        facts[op].add(tuple(done))
        print(f"  {op:<11}{total:>7.2f} s  re-extracted {done[0]}, rendered {done[1]}, "
              f"{done[2]} files written, {done[3]} removed", flush=True)

    def run(op: str, changed=()) -> None:
        total, stages, result = timed_build(builder, changed)
        note(op, total, stages, [len(result.extracted), result.rendered, len(result.written), len(result.removed)])

    version = 0
    try:
        for _ in range(rounds):
            run("no-op")
            version = 1 - version
            edited.write_text(toggled(original, version), encoding="utf-8")
            run("edit one", [edited])
            new.write_text(added, encoding="utf-8")
            run("add one", [new])
            new.unlink()
            run("delete one", [new])
            child = restart_in_child(project)    # writes nothing: this process's Builder stays in step
            note("restart", child["total"], child["stages"], child["facts"])
            child_rss.append(child)

        version = 1 - version                    # one more edit, under cProfile (back to the original
        edited.write_text(toggled(original, version), encoding="utf-8")     # text after an odd number of rounds)
        profile = cProfile.Profile()
        t0 = time.perf_counter()
        profile.enable()
        builder.build([edited])
        profile.disable()
        t_profiled = time.perf_counter() - t0
    finally:
        new.unlink(missing_ok=True)
        if edited.read_text(encoding="utf-8") != original:
            edited.write_text(original, encoding="utf-8")
            print("  (one more rebuild, untimed: the edited article back as it was)", flush=True)
            builder.build([edited])              # leave site and cache as the corpus says, for the next run
    rss_here = peak_rss_kib()
    on_disk = [f.stat().st_size for f in cache.rglob("*") if f.is_file()]

    # -- report -----------------------------------------------------------------------------------
    print(f"\nincremental rebuilds: {n:,} articles -> {recorded['events']:,} meetings, "
          f"{recorded['officials']:,} officials, {recorded['pages']:,} pages; median of {rounds}")
    cols = ["clean"] + ops
    print(f"\n{'stage':<24}" + "".join(f"{c:>11}" for c in cols))
    print(f"{'':<24}{'(this run)' if clean_here else '(recorded)':>11}{'':>44}{'(child)':>11}")
    keys = Split.ORDER + ["other"]
    med = {op: {k: median([x.get(k, 0.0) for x in s[op]]) for k in keys} for op in ops}
    med["clean"] = {k: s_clean.get(k, 0.0) for k in keys}
    for k in keys:
        if any(med[c][k] >= 0.0005 for c in cols):
            label = ("  " if Split.PARENT.get(k) else "") + k
            print(f"{label:<24}" + "".join(f"{ms(med[c][k]):>11}" for c in cols))
    totals = {"clean": t_clean, **{op: median(t[op]) for op in ops}}
    print(f"{'total':<24}" + "".join(f"{ms(totals[c]):>11}" for c in cols))
    for op in ("edit one", "restart"):
        top = sorted((k for k in keys if Split.PARENT.get(k) is None), key=lambda k: med[op][k], reverse=True)[:3]
        print(f"{op}: " + ", ".join(f"{k} {med[op][k] / totals[op]:.0%}" for k in top) + " of the total")
    print("re-extracted, rendered, written, removed: " +
          "; ".join(f"{op} {' / '.join(','.join(map(str, f)) for f in sorted(facts[op]))}" for op in ops))

    recorded_note = "" if clean_here else f"  (clean: recorded {recorded['when']})"
    print(f"\n{'peer':<34}{'ours':>12}{'peer':>12}{'ratio':>9}")
    for op in ops:
        print(f"{op + ' vs clean build':<34}{ms(totals[op]):>12}{ms(t_clean):>12}{totals[op] / t_clean:>8.3f}x"
              + recorded_note)
    for op in ops[:-1]:
        print(f"{op + ' vs restart':<34}{ms(totals[op]):>12}{ms(totals['restart']):>12}"
              f"{totals[op] / totals['restart']:>8.3f}x")
    if s_clean.get("extract_article"):
        print(f"clean build: extraction {n / s_clean['extract_article']:,.0f} articles/s; resolve "
              f"{s_clean['resolve'] / t_clean:.0%} of it")

    print(f"\none edit rebuild under cProfile: {t_profiled:,.2f} s (unprofiled median {totals['edit one']:,.2f} s)")
    print_profile(profile, 15)

    child = max(child_rss, key=lambda c: c["peak"])
    print(f"\nmemory: restart (child process) peak RSS {child['peak'] / 1024:,.0f} MiB "
          f"({child['imports'] / 1024:,.0f} MiB after imports); this process {rss_here / 1024:,.0f} MiB"
          f"{' (it ran the clean build)' if clean_here else ''}; {CACHE_DIR}/ on disk "
          f"{sum(on_disk) / 2**20:,.1f} MiB in {len(on_disk):,} files")


# ==================================================================================================

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10, help="saves timed in part 1 (default 10; +1 warm-up)")
    ap.add_argument("--articles", type=int, default=10_000, help="corpus size in part 2 (default 10,000)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of rebuilds in part 2; medians (default 3)")
    ap.add_argument("--work", type=Path, help="keep part 2's corpus, cache and output here and reuse them "
                                              "(default: a temporary folder, removed afterwards)")
    ap.add_argument("--fresh", action="store_true", help="part 2: run the clean build even if --work has a cache")
    ap.add_argument("--only", choices=["reload", "rebuild"], help="run one part only")
    ap.add_argument("--reload-articles", type=int, default=0,
                    help="part 1 on part 2's corpus of this many articles instead of the seeds")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="timeline-dev-bench-") as tmp:
        work = args.work.resolve() if args.work else Path(tmp) / "work"
        work.mkdir(parents=True, exist_ok=True)
        if args.only != "rebuild":
            reload_benchmark(args.repeat, Path(tmp), args.reload_articles, work)
            print(flush=True)
        if args.only != "reload":
            rebuild_benchmark(args.articles, args.rounds, work, args.fresh)


if __name__ == "__main__":
    main()
