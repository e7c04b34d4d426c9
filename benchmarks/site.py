"""Whole-site build: time per stage, peers measured in the same run, memory.

A benchmark, not a test: it prints figures and asserts nothing. Every article of
every corpus (tests/data/*/articles) is copied into one temporary content folder
and built into temporary output folders with
`SiteConfig(content_dir=..., output_dir=..., permalinks=None)`.

Stages are timed by calling what `generator.build.build` calls, in its order:
extract_all, resolve, build_timeline (+ diagnose), assign_permalinks (empty
Registry), SitePlan.pages, Renderer + render_site (+ timeline_json), Writer.
Each figure is the median of --repeat runs, the pipeline run afresh each time.

Peers, measured in the same run so that the ratios hold whatever the machine:

- render vs minimal SSG: `markdown.markdown(body)` + a one-line Jinja2 template
  (`<html><body>{{ content }}</body></html>`, autoescape on, body passed as
  Markup) over the same pages' Markdown. That is the least any Python generator
  built on these two libraries pays per page; "3.0x" means our render stage
  costs three such generators. The "markdown only" line splits off our
  Markdown conversion (`render.markdown_to_html`) from template work.
- write vs `Path.write_bytes`: the same files and bytes written plainly. First
  build: every file is new, so the ratio is the price of atomic writes
  (temp file + rename) and of the manifest. Unchanged build: our writer reads
  and compares instead of writing, while a naive generator rewrites everything;
  below 1.0x means skipping pays for itself.
- no-op rebuild: `build()` a second time into the same output. "files written"
  should be 0; the ratio is its time over the first build's. Since nothing is
  cached between builds, it stays close to 1.0x: only the write stage gets
  cheaper.

Memory: tracemalloc peak of the first build in this process (Python
allocations only, caches filled then included), and the peak RSS of a child
process that imports the generator and runs one build (the whole process, as
the CLI would be).

    python3 benchmarks/site.py [--repeat N] [--copies K [--shift-years]]

--copies K builds K copies of the corpus (files renamed "copyK--..."), to see how
the stages scale. Plain copies repeat the same meetings: more articles and
sources, not more pages. With --shift-years, copy k has every year moved back
by k, so its meetings are distinct ones with their own pages; the year range
stays as configured, so meetings pushed out of it are dropped (a widened range
would confound the figures: every page carries the navigation of all years).

Sample output (2 cores, one of them busy elsewhere; Python 3.11, ext4; run-to-run
spread was about +-15% on the ratios, more on the write lines, which depend on the disk):

    site: 117 articles from 9 corpora -> 157 meetings, 130 officials, 297 pages, 591 files (2.1 MB); median of 5

    stage                time   share  throughput
    extract            1348ms     49%  87 articles/s
    resolve              94ms      3%
    chronology           45ms      2%
    permalinks           11ms      0%
    pages                42ms      2%
    render              492ms     18%  604 pages/s
    timeline.json         9ms      0%
    write (new)         713ms     26%  829 files/s
    write (same)         15ms          40,397 files/s (a rebuild's write)
    total              2755ms          (first build: stages to 'write (new)')

    peer                                             ours     peer   ratio
    render vs minimal SSG (markdown + jinja2)       492ms    301ms   1.63x
      of which markdown_to_html vs minimal SSG      323ms    301ms   1.07x
    write, all new: Writer vs write_bytes           713ms    704ms   1.01x
    write, unchanged: Writer vs write_bytes          15ms     84ms   0.17x
    no-op rebuild: build() again vs first          2347ms   2706ms   0.87x
    minimal SSG: 987 pages/s; ours 604 pages/s
    no-op rebuild wrote 0 files, removed 0 (first build wrote 590)

    memory: tracemalloc peak of first build 15.0 MiB; child process peak RSS 44 MiB (24 MiB after imports)
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))      # benchmark this checkout, whatever is installed

import markdown
from jinja2 import Environment
from markupsafe import Markup

from generator.build import build, diagnose, extract_all
from generator.resolve.chronology import build_timeline
from generator.config import SiteConfig
from generator.i18n import Interface
from generator.model import Registry
from generator.site.output import timeline_json
from generator.site.pages import SitePlan
from generator.site.permalinks import assign_permalinks
from generator.extract.reader import find_articles
from generator.site.render import Renderer, markdown_to_html, render_site
from generator.resolve.merge import resolve
from generator.urls import BaseURL
from generator.site.writer import Writer

DATA = ROOT / "tests" / "data"
_YEAR = re.compile(r"(?<!\d)(19|20)(\d\d)(?!\d)")


def corpora() -> list[Path]:
    return [d for d in sorted(DATA.glob("*/articles")) if d.is_dir() and find_articles(d)[0]]


def gather(content: Path, copies: int, shift_years: bool) -> tuple[int, bool]:
    """Copy every corpus's articles into `content`; prefix names with the corpus if any collide."""
    files = [(d.parent.name, f) for d in corpora() for f in find_articles(d)[0]]
    names = [f.relative_to(d).as_posix() for d in corpora() for f in find_articles(d)[0]]
    prefixed = len(set(names)) != len(names)
    for k in range(copies):
        for corpus, f in files:
            name = f"{corpus}--{f.name}" if prefixed else f.name
            if k:
                name = f"copy{k}--{name}"
            target = content / name
            if shift_years and k:
                text = f.read_text(encoding="utf-8")
                target.write_text(_YEAR.sub(lambda m, k=k: str(int(m.group(0)) - k), text), encoding="utf-8")
            else:
                shutil.copyfile(f, target)
    return len(files) * copies, prefixed


class Stages:
    """One pass of build()'s pipeline, stage by stage; keeps the last pass's pages and files."""

    NAMES = ("extract", "resolve", "chronology", "permalinks", "pages", "render", "timeline.json",
             "write (new)", "write (same)")

    def __init__(self, config: SiteConfig, scratch: Path):
        self.config, self.scratch = config, scratch
        self.times: dict[str, list[float]] = {n: [] for n in self.NAMES}
        self.runs = 0

    def run(self) -> None:
        c, lap = self.config, self._lap()
        results, diagnostics = extract_all(c.content)
        lap("extract")
        candidates = [x for r in results for x in r.candidates]
        events, officials = resolve(candidates, [ref for r in results for ref in r.references])
        lap("resolve")
        timeline = build_timeline(events, officials, c.start, c.end, diagnostics, len(results))
        diagnostics.extend(diagnose(timeline, results))
        lap("chronology")
        timeline, _, redirects = assign_permalinks(timeline, Registry())
        lap("permalinks")
        base = BaseURL.parse(c.base_url)
        plan = SitePlan(timeline, Interface(c.language), base, c.title, c.order == "newest")
        pages = plan.pages(redirects)
        lap("pages")
        renderer = Renderer(c.theme, c.root, plan.t, base, c.title)
        files = dict(render_site(renderer, plan, plan.jobs(redirects)))     # plans each page again as it renders
        lap("render")
        files["timeline.json"] = timeline_json(timeline)
        lap("timeline.json")
        self.runs += 1
        out = self.scratch / f"stages-{self.runs}"
        for name in ("write (new)", "write (same)"):
            writer = Writer(out)
            out.mkdir(parents=True, exist_ok=True)
            for rel in sorted(files):
                writer.write(rel, files[rel])
            writer.commit()
            lap(name)
        self.written = len(writer.written) + 1          # + the manifest
        shutil.rmtree(out)
        self.timeline, self.pages, self.files, self.quotes_lang = timeline, pages, files, \
            None if c.language == "vi" else "vi"

    def _lap(self):
        last = [time.perf_counter()]

        def lap(name: str) -> None:
            now = time.perf_counter()
            self.times[name].append(now - last[0])
            last[0] = time.perf_counter()
        return lap

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])


def plain_write(files: dict, out: Path) -> None:
    for rel in sorted(files):
        data = files[rel]
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def child_memory(config: SiteConfig) -> dict:
    """Peak resident memory (KiB) of a fresh process: after imports, after one build.

    VmHWM from /proc where there is one: ru_maxrss would carry over this (larger) process's
    figure through fork and exec.
    """
    code = f"""
import datetime, json, pathlib, resource, sys
sys.path.insert(0, {str(ROOT)!r})
from generator.build import build
from generator.config import SiteConfig

def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = peak()
build(SiteConfig(content_dir=pathlib.Path({str(config.content)!r}), output_dir=pathlib.Path({str(config.output)!r}),
                 permalinks=None, start={config.start!r}, end={config.end!r}))
print(json.dumps({{"imports": before, "build": peak()}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is reported (default 5)")
    ap.add_argument("--copies", type=int, default=1, help="build K copies of the corpus (default 1)")
    ap.add_argument("--shift-years", action="store_true", help="make copies distinct meetings (copy k: years - k)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        scratch = Path(tmp)
        content = scratch / "content"
        content.mkdir()
        n_articles, prefixed = gather(content, args.copies, args.shift_years)
        config = SiteConfig(content_dir=content, output_dir=scratch / "site", permalinks=None)

        # peak memory: the first build of this process, as a one-shot CLI run would be (also warms caches)
        tracemalloc.start()
        first = build(config)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        shutil.rmtree(config.output)
        rss = child_memory(config)
        shutil.rmtree(config.output)

        # one round per repeat, every peer measured right after the stages it is compared with,
        # so that the machine's drift (turbo, page cache, neighbours) hits both sides alike
        template = Environment(autoescape=True).from_string("<html><body>{{ content }}</body></html>")
        stages = Stages(config, scratch)
        t = {k: [] for k in ("minimal", "markdown", "plain new", "plain same", "build", "rebuild")}
        written_again, removed_again = set(), set()
        for i in range(args.repeat):
            stages.run()
            pages, files = stages.pages, stages.files
            bodies = [p.markdown for p in pages]

            t0 = time.perf_counter()                 # peer: minimal SSG over the same Markdown bodies
            for body in bodies:
                template.render(content=Markup(markdown.markdown(body)))
            t["minimal"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()                 # our Markdown conversion alone
            for body in bodies:
                markdown_to_html(body, stages.quotes_lang)
            t["markdown"].append(time.perf_counter() - t0)

            out = scratch / f"plain-{i}"             # peer: write_bytes of the same files, new then unchanged
            for key in ("plain new", "plain same"):
                t0 = time.perf_counter()
                plain_write(files, out)
                t[key].append(time.perf_counter() - t0)
            shutil.rmtree(out)

            cfg = SiteConfig(content_dir=content, output_dir=scratch / f"site-{i}", permalinks=None,
                             start=config.start, end=config.end)
            for key in ("build", "rebuild"):         # no-op rebuild: build() twice into the same output
                t0 = time.perf_counter()
                result = build(cfg)
                t[key].append(time.perf_counter() - t0)
            written_again.add(len(result.written))
            removed_again.add(len(result.removed))
            shutil.rmtree(cfg.output)
        t_minimal, t_markdown = statistics.median(t["minimal"]), statistics.median(t["markdown"])
        t_plain_new, t_plain_same = statistics.median(t["plain new"]), statistics.median(t["plain same"])
        t_full, t_again = statistics.median(t["build"]), statistics.median(t["rebuild"])

    # -- report ---------------------------------------------------------------------------------
    tl = stages.timeline
    n_files = stages.written
    print(f"site: {n_articles} articles from {len(corpora())} corpora"
          f"{' (names prefixed by corpus)' if prefixed else ''}"
          f"{f', {args.copies} copies' + (' with years shifted' if args.shift_years else '') if args.copies > 1 else ''}"
          f" -> {len(tl.events)} meetings, {len(tl.officials)} officials, "
          f"{len(pages)} pages, {n_files} files ({sum(len(v) for v in files.values()) / 1e6:.1f} MB); "
          f"median of {args.repeat}")
    total = sum(stages.median(n) for n in Stages.NAMES[:-1])
    print(f"\n{'stage':<15}{'time':>10}{'share':>8}  throughput")
    for name in Stages.NAMES:
        t = stages.median(name)
        share = f"{100 * t / total:.0f}%" if name != "write (same)" else ""
        rate = {"extract": f"{n_articles / t:,.0f} articles/s",
                "render": f"{len(pages) / t:,.0f} pages/s",
                "write (new)": f"{n_files / t:,.0f} files/s",
                "write (same)": f"{n_files / t:,.0f} files/s (a rebuild's write)"}.get(name, "")
        print(f"{name:<15}{t * 1e3:>8.0f}ms{share:>8}  {rate}".rstrip())
    print(f"{'total':<15}{total * 1e3:>8.0f}ms          (first build: stages to 'write (new)')")

    render = stages.median("render")
    print(f"\n{'peer':<44}{'ours':>9}{'peer':>9}{'ratio':>8}")
    rows = [
        ("render vs minimal SSG (markdown + jinja2)", render, t_minimal),
        ("  of which markdown_to_html vs minimal SSG", t_markdown, t_minimal),
        ("write, all new: Writer vs write_bytes", stages.median("write (new)"), t_plain_new),
        ("write, unchanged: Writer vs write_bytes", stages.median("write (same)"), t_plain_same),
        ("no-op rebuild: build() again vs first", t_again, t_full),
    ]
    for label, ours, peer in rows:
        print(f"{label:<44}{ours * 1e3:>7.0f}ms{peer * 1e3:>7.0f}ms{ours / peer:>7.2f}x")
    print(f"minimal SSG: {len(pages) / t_minimal:,.0f} pages/s; ours {len(pages) / render:,.0f} pages/s")
    print(f"no-op rebuild wrote {'/'.join(map(str, sorted(written_again)))} files, "
          f"removed {'/'.join(map(str, sorted(removed_again)))} (first build wrote {len(first.written)})")
    print(f"\nmemory: tracemalloc peak of first build {peak / 2**20:.1f} MiB; "
          f"child process peak RSS {rss['build'] / 1024:.0f} MiB ({rss['imports'] / 1024:.0f} MiB after imports)")


if __name__ == "__main__":
    main()
