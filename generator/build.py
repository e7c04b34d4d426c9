"""`build(config)`: the whole pipeline, top to bottom, with a result the CLI can summarise."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import state
from generator.cache import ExtractionCache, article_key, meaning
from generator.site.calendar import CalendarCache, calendar_files
from generator.site.page_cache import PageCache
from generator.resolve.chronology import build_timeline
from generator.config import SiteConfig
from generator.extract.article import ArticleResult, extract_article
from generator.i18n import Interface, word_basis
from generator.model import Diagnostic, Page, Published, Registry, Timeline
from generator.site.output import timeline_json_pieces
from generator.parallel import can_share, map_ordered
from generator.site.pages import SitePlan
from generator.site.permalinks import (LEGACY_REGISTER, RegistryError, assign_permalinks, editors_pages, load_registry,
                                      record_corrected, registry_json)
from generator.extract.reader import MAX_ARTICLE_BYTES, ArticleError, find_articles, parse_bytes
from generator.site.render import Renderer, ThemeError, render_site, theme_dirs
from generator.site.search import BUNDLE as SEARCH_BUNDLE, SearchIndex, available as search_available
from generator.resolve.correct import apply_corrections
from generator.resolve.corrections import article_corrections, load_corrections
from generator.resolve.merge import resolve
from generator.resolve.sources import article_sources
from generator.urls import BaseURL
from generator.state import Summary
from generator.site.writer import MANIFEST, WriteError, Writer, check_output, write_atomic


@dataclass
class BuildResult:
    timeline: Timeline | None                             # None: nothing changed, the last build's stamp said so
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)      # files whose bytes changed
    removed: list[str] = field(default_factory=list)      # pages of the previous build that are gone
    ok: bool = True                                       # False: nothing was written (theme error)
    extracted: list[str] = field(default_factory=list)    # articles read and extracted afresh (not cached)
    rendered: int = 0                                     # pages rendered afresh
    pages: int = 0                                        # pages in the site
    seconds: dict[str, float] = field(default_factory=dict)   # stage -> seconds it took, in order
    summary: Summary | None = None                        # the figures printed; counted from the timeline
    files: list[str] = field(default_factory=list)        # every file of the site as this build left it
    unchanged: bool = False                               # True: stopped at the stamp, nothing was written
    reread: list[str] = field(default_factory=list)       # articles read again, with the same meaning as before
    search: str | None = None                             # why the search index was not made; None: made or kept

    def __post_init__(self):
        if self.summary is None and self.timeline is not None:
            t = self.timeline
            self.summary = Summary(t.articles, len(t.events), len(t.officials), len(t.undated),
                                   len(t.out_of_range), t.start.year, t.end.year)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level in ("warning", "error")]

    @property
    def errors(self) -> list[Diagnostic]:
        """What keeps the site from being what the content says: shown in the dev server's overlay."""
        return [d for d in self.diagnostics if d.level == "error"]


class _Reuse:
    """Pages of the last build whose files stay: same key (plan and theme) and files as written."""

    def __init__(self, pages: PageCache, theme: str, writer: Writer):
        self.pages, self.theme, self.writer = pages, theme, writer

    def key(self, page: Page) -> str:
        return self.pages.key(page, self.theme)

    def key_of_inputs(self, inputs: bytes) -> str:
        return self.pages.key_of_inputs(inputs, self.theme)

    def same(self, html_path: str, key: str) -> bool:
        return self.pages.keys.get(html_path) == key

    def keep(self, page_files: list[str]) -> bool:
        return self.writer.keep(*page_files)


class _Forced:
    """The articles the watcher says were saved, asked about every article of every build: only a file
    with the name of a saved one has its path resolved (a link to an article is skipped by the reader,
    which reads the article under its own name)."""

    def __init__(self, changed: Iterable[Path]):
        self.paths = {Path(p).resolve() for p in changed}
        self.names = {p.name for p in self.paths} | {Path(p).name for p in changed}

    def __contains__(self, file: Path) -> bool:
        return file.name in self.names and file.resolve() in self.paths


class _StageClock:
    """How long each stage of a build took, for the summary of a long build."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self._last
        self._last = now


def _extract_file(job: tuple[str, str, str]) -> ArticleResult | None:
    """One article in a worker process, read there (the parent holds no article's bytes meanwhile); None
    when it cannot be read or is no longer what the parent hashed (the ordered pass reads it again)."""
    rel, path, key = job
    try:
        data = Path(path).read_bytes()
        return extract_article(parse_bytes(data, rel)) if article_key(rel, data) == key else None
    except Exception:
        return None


def extract_all(content: Path) -> tuple[list[ArticleResult], list[Diagnostic]]:
    """Every article read and extracted, with no cache (benchmarks time this stage alone)."""
    return Builder(SiteConfig(content_dir=content), cache_dir=None).extract()[:2]


def build(config: SiteConfig, cache_dir: Path | None = None,
          progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    """A one-off build; `cache_dir` keeps extraction results for the next one, and the stamp that
    lets a build with nothing to do stop at once."""
    if cache_dir is None:
        return Builder(config, None, progress=progress, resident=False).build()
    try:
        inputs = state.input_fingerprint(config, theme_dirs(config.theme, config.root))
    except ThemeError:
        inputs = None                    # the full build says what is wrong with the theme
    stamp = state.load(cache_dir) if inputs else None
    if stamp is not None and state.unchanged(stamp, inputs):
        return BuildResult(None, stamp.diagnostics, pages=stamp.pages, summary=stamp.summary, unchanged=True)
    touched = state.touched_only(stamp, inputs) if stamp is not None else None
    if touched is not None:
        rels = [Path(path).relative_to(config.content).as_posix() for path in touched]
        if Builder(config, cache_dir, resident=False).same_meaning(rels):
            state.save(cache_dir, replace(stamp, inputs=inputs))
            return BuildResult(None, stamp.diagnostics, pages=stamp.pages, summary=stamp.summary, unchanged=True,
                               reread=rels)
    state.forget(cache_dir)
    result = Builder(config, cache_dir, progress=progress, resident=False).build()
    if inputs and result.ok:
        output = str(config.output)        # joined as text: a large site has hundreds of thousands of files
        bundle = os.path.join(SEARCH_BUNDLE, "pagefind-entry.json")     # a deleted search index is rebuilt
        left = [os.path.join(output, rel) for rel in [*result.files, MANIFEST, bundle]
                if rel != bundle or os.path.isfile(os.path.join(output, rel))] \
            + ([str(config.permalinks_file)] if config.permalinks_file else [])
        state.save(cache_dir, state.Stamp(inputs, state.output_stats(left), result.summary,
                                          result.diagnostics, result.pages))
    return result


class Builder:
    """Builds the site again and again, taking from its caches whatever did not change.

    Articles whose path, size and modification time are as last seen are not even read;
    the others are hashed and extracted only when the extraction cache has no entry for
    them. Resolve, chronology and page plans run over everything in memory (they are
    global: one new report can merge two meetings), and a page is rendered only when its
    plan or the theme changed. The output is the same, byte for byte, as a clean build's.

    `keep_last_good` (watch and serve): an article that cannot be read keeps its last
    good extraction, so a half-saved file does not take its meetings off the preview.
    `record_permalinks` (off in watch and serve): only a published build records its
    addresses in the register; a preview reads the register and keeps its own in memory.
    `resident` (watch and serve): extraction results and page plans stay in memory for the next
    build in this process; a one-off build holds each result once and plans without hashing.
    """

    def __init__(self, config: SiteConfig, cache_dir: Path | None = None, keep_last_good: bool = False,
                 record_permalinks: bool = True, progress: Callable[[str, int, int], None] | None = None,
                 resident: bool = True, index_search: bool = True):
        self.config = config
        # False (serve, watch): the caller indexes the site for search itself, after the build (`search_index`)
        self.index_search = index_search
        self.search_index = SearchIndex(config.output)
        self.progress = progress           # (stage, done, total), for a progress bar; None: silent
        self.keep_last_good = keep_last_good
        self.record_permalinks = record_permalinks
        self.cache = ExtractionCache(cache_dir, resident)
        # article -> (stat signature, cache key), as the last build in this project left it
        self._cache_dir = cache_dir
        self._seen: dict[str, tuple[tuple, str]] = state.load_seen(cache_dir) if cache_dir else {}
        self._last_good: dict[str, str] = {}               # article -> key of its last good extraction
        self._pages = PageCache(cache_dir)
        self._calendars = CalendarCache(cache_dir)          # each meeting's calendar event, made once
        self._corrections: list = []                        # this build's corrections.toml, read by _timeline
        # page plans of the last build, by their inputs; None: a one-off build, which plans every page
        # once and need not hash what each was made from
        self._plans: dict[bytes, Page] | None = {} if resident else None
        # resident: the last complete build, with what it read (context, the articles' cache keys, how many
        # diagnostics extraction gave), so that edits which change nothing extracted end the next build
        # after extraction; and the keys of this build's articles
        self._last: tuple[tuple, dict[str, str], int, BuildResult] | None = None
        self._keys: dict[str, str] = {}
        self._same_meaning = False

    def _progress(self, stage: str, total: int) -> Callable[[int], None] | None:
        """The progress callback of one stage, told how many of `total` items are done."""
        if self.progress is None:
            return None
        return lambda done: self.progress(stage, done, total)

    def extract(self, changed: Iterable[Path] = ()) -> tuple[list[ArticleResult], list[Diagnostic], list[str]]:
        """(results in path order, read errors, articles extracted afresh)."""
        content = self.config.content
        if not content.is_dir():
            return [], [Diagnostic(str(content), "content folder not found", "error")], []
        forced = _Forced(changed)
        files, diagnostics = find_articles(content)
        depth = len(content.parts)        # an article's path in the content folder, without pathlib's cost
        rels = ["/".join(file.parts[depth:]) for file in files]
        stats: dict[str, os.stat_result] = {}
        pooled = self._extract_in_parallel(files, rels, forced, stats)
        results, fresh, keys = [], [], set()
        tell = self._progress("articles read", len(files))
        for done, (file, rel) in enumerate(zip(files, rels), 1):
            if tell and done % 50 == 0:
                tell(done)
            try:
                result, key, extracted = self._article(file, rel, file in forced, stats.get(rel))
                extracted = extracted or rel in pooled
            except ArticleError as exc:
                diagnostics.append(Diagnostic(rel, str(exc), "error"))
                result, key, extracted = self._fallback(rel, diagnostics), None, False
            except Exception as exc:  # one bad article must not stop the build
                diagnostics.append(Diagnostic(rel, f"could not be processed ({type(exc).__name__}: {exc})", "error"))
                result, key, extracted = self._fallback(rel, diagnostics), None, False
            if result is None:
                continue
            key = key or self._last_good.get(rel)
            keys.add(key)
            if extracted:
                fresh.append(rel)
            results.append(result)
            diagnostics += [Diagnostic(rel, warning) for warning in result.warnings]
        if tell:
            tell(len(files))
        for rel in set(self._seen) - {r.article.path for r in results}:
            del self._seen[rel]
        self._last_good = {rel: key for rel, (_, key) in self._seen.items()}
        if self._plans is not None:
            self._keys = {r.article.path: self._seen[r.article.path][1] for r in results if r.article.path in self._seen}
            self._same_meaning = self._last is not None and self._same_as(self._last[1], self._keys)
        self.cache.keep_only(keys)
        if self._cache_dir:
            state.save_seen(self._cache_dir, self._seen)
        return results, diagnostics, fresh

    def same_meaning(self, rels: list[str]) -> bool:
        """True when each of these articles, read again, gives what its last extraction gave in everything
        the site is made from (cache.meaning): their edits change nothing in the site. Records them as
        seen (and their new extraction in the cache) only then."""
        for rel in rels:
            seen = self._seen.get(rel)
            before = self.cache.meaning(seen[1]) if seen else None
            if before is None:
                return False
            try:
                result, _, _ = self._article(self.config.content / rel, rel, True)
            except Exception:
                return False             # the full build says what is wrong with it
            if meaning(result) != before:
                return False
        if self._cache_dir:
            state.save_seen(self._cache_dir, self._seen)
        return True

    def _same_as(self, last: dict[str, str], keys: dict[str, str]) -> bool:
        """The same articles as at the last build, each with the same meaning (cache.meaning)."""
        return list(last) == list(keys) and all(
            key == last[rel] or self.cache.meaning(key) is not None
            and self.cache.meaning(key) == self.cache.meaning(last[rel]) for rel, key in keys.items())

    def _context(self) -> tuple:
        """What a build reads besides the articles: settings, theme files, the register of addresses."""
        try:
            theme = state.files_fingerprint(theme_dirs(self.config.theme, self.config.root))
        except ThemeError:
            theme = None
        registry = self.config.permalinks_file
        try:
            recorded = hashlib.sha256(registry.read_bytes()).digest() if registry else None
        except OSError:
            recorded = None
        corrections = self.config.corrections_file
        try:
            corrected = hashlib.sha256(corrections.read_bytes()).digest() if corrections else None
        except OSError:
            corrected = None
        return repr(self.config), repr(self.config.warnings), theme, corrected, recorded

    def _extract_in_parallel(self, files: list[Path], rels: list[str], forced: "_Forced",
                             stats: dict[str, os.stat_result]) -> set[str]:
        """Many articles to extract afresh (a first build, a new archive): on every core, into the cache,
        so that the path-ordered pass below finds them there. Returns the articles extracted so; `stats`
        is given the stat of each article, taken once for both passes (taken before the file is read,
        it can only make the next build read a file again, never keep a stale extraction)."""
        todo = []
        for file, rel in zip(files, rels):
            seen = self._seen.get(rel)
            try:
                st = stats[rel] = file.stat()
                if st.st_size > MAX_ARTICLE_BYTES or seen and seen[0] == state.signature(st) \
                        and file not in forced and self.cache.has(seen[1]):
                    continue
                data = file.read_bytes()
            except OSError:
                continue                 # the ordered pass says what is wrong with it
            key = article_key(rel, data)
            if self.cache.has(key):              # the ordered pass takes it from the cache without hashing it
                self._seen[rel] = (state.signature(st), key)
            else:
                todo.append((key, rel, str(file), state.signature(st)))
        if not can_share(len(todo)):
            return set()             # the ordered pass extracts them as it goes
        done = set()
        results = map_ordered(_extract_file, [(rel, path, key) for key, rel, path, _ in todo],
                              progress=self._progress("articles extracted", len(todo)))
        for (key, rel, _, signature), result in zip(todo, results):
            if result is not None:
                self.cache.put(key, result)
                self._seen[rel] = (signature, key)
                done.add(rel)
        return done

    def _article(self, file: Path, rel: str, forced: bool,
                 st: os.stat_result | None = None) -> tuple[ArticleResult, str, bool]:
        try:
            st = st or file.stat()
        except OSError as exc:
            raise ArticleError(f"cannot be read ({exc.strerror})") from None
        if st.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"is {st.st_size / 1e6:.1f} MB, more than an article can be "
                               f"({MAX_ARTICLE_BYTES / 1e6:.0f} MB); skipped")
        signature = state.signature(st)
        seen = self._seen.get(rel)
        if seen and seen[0] == signature and not forced:
            result = self.cache.get(seen[1])
            if result is not None:
                return result, seen[1], False
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise ArticleError(f"cannot be read ({exc.strerror})") from None
        key = article_key(rel, data)
        result = self.cache.get(key)
        extracted = result is None
        if result is None:
            self.cache.put(key, extract_article(parse_bytes(data, rel)))
            result = self.cache.get(key)     # as kept: without the article's text
        self._seen[rel] = (signature, key)
        return result, key, extracted

    def _fallback(self, rel: str, diagnostics: list[Diagnostic]) -> ArticleResult | None:
        self._seen.pop(rel, None)
        key = self._last_good.get(rel) if self.keep_last_good else None
        result = self.cache.get(key) if key else None
        if result is not None:
            diagnostics[-1].message += "; its last good version is shown until it is fixed"
            self._seen[rel] = ((), key)     # never matches a real signature: read again next time
        return result

    def build(self, changed: Iterable[Path] = ()) -> BuildResult:
        """read → extract → resolve → chronology → permalinks → pages → render → write."""
        config = self.config
        try:
            check_output(config.output)
        except WriteError as exc:
            return BuildResult(Timeline(config.start, config.end, [], [], [], [], [], 0),
                               [Diagnostic(exc.path, exc.reason, "error")], ok=False)
        clock = _StageClock()
        results, diagnostics, fresh = self.extract(changed)
        clock.lap("extract")
        read = len(diagnostics)
        context = self._context() if self._plans is not None else None
        if self._same_meaning and self._last is not None and self._last[0] == context:
            # the edits changed nothing extracted, and nothing else changed: the site stands
            _, _, last_read, last = self._last
            return BuildResult(last.timeline, self.config.warnings + diagnostics + last.diagnostics[
                len(self.config.warnings) + last_read:], extracted=fresh, pages=last.pages, seconds=clock.seconds,
                files=last.files)
        timeline, diagnostics = self._timeline(results, diagnostics, clock)
        del results                 # not held while the pages are made: resolve keeps what it needs
        timeline, diagnostics, registry, registry_file, redirects = self._placed(timeline, diagnostics)
        clock.lap("permalinks")

        base = BaseURL.parse(config.base_url)
        plan = SitePlan(timeline, Interface(config.language), base, config.title, config.order == "newest",
                        self._plans, search_on=self.search_on, file_links=config.file_links)
        writer = Writer(config.output, self._pages.written)
        try:
            renderer = Renderer(config.theme, config.root, plan.t, base, config.title, config.file_links)
            reuse = _Reuse(self._pages, renderer.fingerprint(plan.years), writer)
            jobs = plan.jobs(redirects)
            counts: dict = {}
            # each page is planned, rendered and staged in turn: neither the plans nor the site are
            # ever held whole. Plans kept for the next build (resident) are made here, not in workers
            for rel, data in render_site(renderer, plan, jobs, reuse, self._progress("pages written", len(jobs)), counts,
                                         share=self._plans is None):
                writer.write(rel, data)
            for rel, data in calendar_files(plan, self._calendars):
                writer.write(rel, data)
            writer.write_pieces("timeline.json", timeline_json_pieces(timeline))
            writer.commit()
        except ThemeError as exc:          # the last good site stays as it is
            writer.abort()
            diagnostics.append(Diagnostic(exc.file, str(exc)[len(exc.file) + 2:], "error") if exc.file
                               else Diagnostic(f"theme '{config.theme}'", str(exc), "error"))
            return BuildResult(timeline, diagnostics, ok=False, extracted=fresh)
        except WriteError as exc:          # a full disk, a read-only folder: staged files are taken back
            diagnostics.append(Diagnostic(exc.path, exc.reason, "error"))
            return BuildResult(timeline, diagnostics, ok=False, extracted=fresh)
        except BaseException:
            writer.abort()
            raise
        finally:
            diagnostics += [Diagnostic(str(config.output), message) for message in writer.refused]
        if self._plans is not None:
            self._plans = plan.reused
        clock.lap("pages")
        self._pages.save(counts["keys"])          # only now: the files on disk are those the keys describe
        self._calendars.save()
        searched = None
        if self.index_search and self.search_needed(writer.changed + writer.removed):
            searched = self.search_index.run()
            clock.lap("search")
        elif not self.config.search:
            self.search_index.remove()          # switched off: a bundle of an earlier build would be stale
        if registry_file and self.record_permalinks:
            recorded = registry_json(registry)
            try:
                write_atomic(registry_file, recorded)
                if context is not None:      # the register as this build leaves it is what the next one reads
                    context = (*context[:-1], hashlib.sha256(recorded.encode()).digest())
            except OSError as exc:         # a read-only project: the site is fine, the record is not kept
                diagnostics.append(Diagnostic(str(registry_file),
                                              f"could not record published addresses ({exc.strerror})"))
        result = BuildResult(timeline, diagnostics, writer.changed, writer.removed, extracted=fresh,
                             rendered=counts["rendered"], pages=counts["pages"], seconds=clock.seconds,
                             files=sorted(writer.written),
                             search=searched or (search_available() if config.search else None))
        if self._plans is not None:
            self._last = (context, self._keys, read, result)
        return result

    @property
    def search_on(self) -> bool:
        return self.config.search and search_available() is None

    def search_needed(self, changed: list[str]) -> bool:
        """The pages changed (or the bundle is missing): Pagefind indexes the site again, all of it."""
        return self.search_on and (
            any(rel.endswith(".html") for rel in changed)
            or not (self.config.output / SEARCH_BUNDLE / "pagefind-entry.json").is_file())

    def _placed(self, timeline: Timeline, diagnostics: list[Diagnostic]) -> tuple:
        """permalinks → corrections: (timeline, diagnostics, registry, its file, redirects)."""
        registry, registry_file = self._registry(diagnostics)
        timeline, registry, redirects = assign_permalinks(timeline, registry)
        undated = len(timeline.undated)
        redirects, made_before = editors_pages(registry, redirects)
        timeline, redirects, notes = apply_corrections(timeline, redirects, self._corrections,
                                                       str(self.config.corrections_file), self._article_text)
        if self._corrections or made_before:
            registry, redirects = record_corrected(registry, timeline, redirects, made_before)
        if len(timeline.undated) != undated:
            timeline, diagnostics = forget_dated(timeline, diagnostics)
        return timeline, diagnostics + notes, registry, registry_file, redirects

    def review_timeline(self) -> tuple[Timeline, list[Diagnostic]]:
        """The timeline as a build would publish it (corrections applied), without writing anything."""
        results, diagnostics, _ = self.extract()
        timeline, diagnostics = self._timeline(results, diagnostics, _StageClock())
        timeline, diagnostics, *_ = self._placed(timeline, diagnostics)
        return timeline, diagnostics

    def _timeline(self, results: list[ArticleResult], diagnostics: list[Diagnostic],
                  clock: _StageClock) -> tuple[Timeline, list[Diagnostic]]:
        """resolve → chronology: the timeline and what to tell the user. The extraction results end
        here: the rest of the build keeps only what resolve made of them."""
        diagnostics[:0] = self.config.warnings
        corrections, problems = load_corrections(self.config.corrections_file)
        self._corrections = corrections
        diagnostics += problems
        source = str(self.config.corrections_file)
        # articles the editors ignore give no meeting (their pages say why); those they date are read again
        ignored, notes = article_corrections(corrections, [r.article.path for r in results], "ignore", source)
        dated, more = article_corrections(corrections, [r.article.path for r in results], "published", source)
        diagnostics += notes + more
        if dated:
            results = [self._published_by_editors(r, dated[r.article.path], diagnostics)
                       if r.article.path in dated else r for r in results]
        used = [r for r in results if r.article.path not in ignored]
        candidates = [c for r in used for c in r.candidates]
        events, officials = resolve(candidates, [ref for r in used for ref in r.references])
        timeline = build_timeline(events, officials, self.config.start, self.config.end, diagnostics, len(results))
        diagnostics.extend(diagnose(timeline, used))
        diagnostics += [Diagnostic(path, f"ignored by the editors: {c.reason}", "info") for path, c in ignored.items()]
        timeline = replace(timeline, sources=article_sources(results, diagnostics))
        clock.lap("resolve")
        return timeline, diagnostics

    def _published_by_editors(self, result: ArticleResult, c, diagnostics: list[Diagnostic]) -> ArticleResult:
        """The article extracted again with the publication date the editors give (corrections.toml): its
        meetings' years follow from it as from a date the article shows. Not cached: editors date few."""
        rel = result.article.path
        try:
            article = parse_bytes((self.config.content / rel).read_bytes(), rel)
        except (OSError, ArticleError) as exc:
            diagnostics.append(Diagnostic(rel, f"could not be read again for its publication date ({exc})"))
            return result
        again = extract_article(replace(article, published=c.value, published_basis=Published("editors", c.reason)))
        said = set(result.warnings)          # what the article said without the date gives way to what it says with it
        diagnostics[:] = [d for d in diagnostics if d.file != rel or d.message not in said]
        diagnostics += [Diagnostic(rel, warning) for warning in again.warnings]
        return replace(again, article=again.article.without_text(), persons=[])

    def _article_text(self, rel: str) -> str | None:
        """An article's text as the reader decodes it (to check a sentence corrections.toml quotes)."""
        try:
            return parse_bytes((self.config.content / rel).read_bytes(), rel).raw
        except (OSError, ArticleError):
            return None

    def _registry(self, diagnostics: list[Diagnostic]) -> tuple[Registry, Path | None]:
        """The register of published addresses and where to record it (None: nowhere)."""
        registry_file = self.config.permalinks_file
        if registry_file is None:
            return Registry(), None
        source = registry_file
        legacy = self.config.content / LEGACY_REGISTER
        if legacy.is_file():
            # earlier releases kept it among the articles; it is read from there until moved, never written there
            if registry_file.exists():
                diagnostics.append(Diagnostic(str(legacy), f"is no longer read: the register of published "
                                                           f"addresses is {registry_file}; delete this copy"))
            else:
                source = legacy
                diagnostics.append(Diagnostic(str(legacy), f"the register of published addresses now lives beside "
                                                           f"the settings: read from here, recorded in "
                                                           f"{registry_file}; delete this copy"))
        try:
            return load_registry(source), registry_file
        except RegistryError as exc:       # keep the user's file as it is; build without it
            diagnostics.append(Diagnostic(str(source), f"{exc}; addresses are not recorded this time", "error"))
            return Registry(), None

UNDATED_NOTE = "meeting without a date, listed as undated"


def forget_dated(timeline: Timeline, diagnostics: list[Diagnostic]) -> tuple[Timeline, list[Diagnostic]]:
    """After the editors dated meetings that had no date: the warnings about them, and the notes of their
    articles' pages, go (those still undated stay)."""
    still = {f"{UNDATED_NOTE}: {' / '.join(p.name for p in e.participants)}" for e in timeline.undated}

    def kept(message: str) -> bool:
        return not message.startswith(UNDATED_NOTE) or message in still
    sources = [replace(s, notes=[n for n in s.notes if kept(n)]) if not all(kept(n) for n in s.notes) else s
               for s in timeline.sources]
    return replace(timeline, sources=sources), [d for d in diagnostics if kept(d.message)]


def diagnose(timeline: Timeline, results: list[ArticleResult]) -> list[Diagnostic]:
    """What the user should look at: meetings without a date or dated by a guess outside the range,
    officials of no known country, articles in which no meeting was found."""
    out = []
    for e in timeline.undated:
        names = " / ".join(p.name for p in e.participants)
        out += [Diagnostic(s.file, f"{UNDATED_NOTE}: {names}") for s in e.sources]
    for e in timeline.out_of_range:
        if e.date_basis.inferred:
            names = " / ".join(p.name for p in e.participants)
            out += [Diagnostic(s.file, f"meeting dated {e.date.iso()} by inference ({word_basis(e.date_basis)}), "
                                       f"outside the range: {names}") for s in e.sources]
    unknown = {o.id: set() for o in timeline.officials if o.country is None}
    for e in timeline.events if unknown else ():
        for p in e.participants:
            if p.official in unknown:
                unknown[p.official].update(s.file for s in e.sources)
    for o in timeline.officials:
        if o.country is None:
            out.append(Diagnostic(", ".join(sorted(unknown[o.id])) or "-", f"country unknown for {o.name}"))
    out += [Diagnostic(r.article.path, "no meeting found in this article") for r in results if not r.candidates]
    return out
