"""`build(config)`: the whole pipeline, top to bottom, with a result the CLI can summarise."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.chronology import build_timeline
from generator.config import SiteConfig
from generator.extract.article import ArticleResult, extract_article
from generator.i18n import Interface
from generator.model import Diagnostic, Registry, Timeline
from generator.output import timeline_json
from generator.pages import SitePlan
from generator.permalinks import RegistryError, assign_permalinks, load_registry, registry_json
from generator.reader import ArticleError, find_articles, read_article
from generator.render import Renderer, ThemeError, render_site
from generator.resolve import resolve
from generator.urls import BaseURL
from generator.writer import Writer


@dataclass
class BuildResult:
    timeline: Timeline
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)      # files whose bytes changed
    removed: list[str] = field(default_factory=list)      # pages of the previous build that are gone
    ok: bool = True                                       # False: nothing was written (theme error)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level in ("warning", "error")]


def extract_all(content: Path) -> tuple[list[ArticleResult], list[Diagnostic]]:
    results, diagnostics = [], []
    if not content.is_dir():
        return [], [Diagnostic(str(content), "content folder not found", "error")]
    for file in find_articles(content):
        rel = file.relative_to(content).as_posix()
        try:
            article = read_article(file, content)
            result = extract_article(article)
        except ArticleError as exc:
            diagnostics.append(Diagnostic(rel, str(exc)))
            continue
        except Exception as exc:  # one bad article must not stop the build
            diagnostics.append(Diagnostic(rel, f"could not be processed ({type(exc).__name__}: {exc})", "error"))
            continue
        results.append(result)
    return results, diagnostics


def build(config: SiteConfig) -> BuildResult:
    """read → extract → resolve → chronology → permalinks → pages → render → write."""
    results, diagnostics = extract_all(config.content)
    candidates = [c for r in results for c in r.candidates]
    events, officials = resolve(candidates, [ref for r in results for ref in r.references])
    timeline = build_timeline(events, officials, config.start, config.end, diagnostics, len(results))
    diagnostics.extend(diagnose(timeline, results))

    registry_file = config.permalinks_file
    try:
        registry = load_registry(registry_file) if registry_file else Registry()
    except RegistryError as exc:       # keep the user's file as it is; build without it
        diagnostics.append(Diagnostic(str(registry_file), f"{exc}; addresses are not recorded this time", "error"))
        registry, registry_file = Registry(), None
    registry, redirects = assign_permalinks(timeline, registry)

    base = BaseURL.parse(config.base_url)
    plan = SitePlan(timeline, Interface(config.language), base, config.title, config.order == "newest")
    try:
        renderer = Renderer(config.theme, config.root, plan.t, base, config.title)
        files = render_site(renderer, plan, plan.pages(redirects))
    except ThemeError as exc:          # the last good site stays as it is
        diagnostics.append(Diagnostic(config.theme, str(exc), "error"))
        return BuildResult(timeline, diagnostics, ok=False)
    files["timeline.json"] = timeline_json(timeline)

    writer = Writer(config.output)
    config.output.mkdir(parents=True, exist_ok=True)
    for rel in sorted(files):
        writer.write(rel, files[rel])
    writer.prune()
    if registry_file:
        try:
            Writer(registry_file.parent).write(registry_file.name, registry_json(registry))
        except OSError as exc:         # a read-only content folder: the site is fine, the record is not kept
            diagnostics.append(Diagnostic(str(registry_file), f"could not record published addresses ({exc.strerror})"))
    return BuildResult(timeline, diagnostics, writer.changed, writer.removed)


def diagnose(timeline: Timeline, results: list[ArticleResult]) -> list[Diagnostic]:
    """What the user should look at: meetings without a date or dated by a guess outside the range,
    officials of no known country, articles in which no meeting was found."""
    out = []
    for e in timeline.undated:
        names = " / ".join(p.name for p in e.participants)
        out += [Diagnostic(s.file, f"meeting without a date, listed as undated: {names}") for s in e.sources]
    for e in timeline.out_of_range:
        if "inferred from" in e.date_basis:
            names = " / ".join(p.name for p in e.participants)
            out += [Diagnostic(s.file, f"meeting dated {e.date.iso()} by inference ({e.date_basis}), "
                                       f"outside the range: {names}") for s in e.sources]
    for o in timeline.officials:
        if o.country is None:
            files = sorted({s.file for e in timeline.events for s in e.sources
                            if any(p.official == o.id for p in e.participants)})
            out.append(Diagnostic(", ".join(files) or "-", f"country unknown for {o.name}"))
    out += [Diagnostic(r.article.path, "no meeting found in this article") for r in results if not r.candidates]
    return out
