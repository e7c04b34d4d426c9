"""`build(config)`: the whole pipeline, top to bottom, with a result the CLI can summarise."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.chronology import build_timeline
from generator.config import SiteConfig
from generator.extract.article import ArticleResult, extract_article
from generator.model import Diagnostic, Timeline
from generator.output import timeline_json
from generator.reader import ArticleError, find_articles, read_article
from generator.resolve import resolve
from generator.writer import Writer


@dataclass
class BuildResult:
    timeline: Timeline
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

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
    results, diagnostics = extract_all(config.content)
    candidates = [c for r in results for c in r.candidates]
    events, officials = resolve(candidates, [ref for r in results for ref in r.references])
    timeline = build_timeline(events, officials, config.start, config.end, diagnostics, len(results))
    diagnostics.extend(diagnose(timeline, results))
    writer = Writer(config.output)
    config.output.mkdir(parents=True, exist_ok=True)
    writer.write("timeline.json", timeline_json(timeline))
    return BuildResult(timeline, diagnostics, writer.changed)


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
