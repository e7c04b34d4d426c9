"""The `timeline` command: argument parsing, exit codes and one-line messages; no logic."""
from __future__ import annotations

import argparse
import gc
import re
import sys
from pathlib import Path

from generator import __version__
from generator.state import CACHE_DIR
from generator.config import ConfigError, SiteConfig, check, load_config
from generator.terminal import ProgressBar, printable
from generator.site.writer import WriteError, check_output
from generator.urls import BaseURL


def _site_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", type=Path, help="folder of articles (default: from timeline.toml, else content/)")
    p.add_argument("--output", type=Path, help="output folder (default: from timeline.toml, else site/)")
    p.add_argument("--config", type=Path, help="settings file (default: ./timeline.toml when present)")
    p.add_argument("--base-url", help="where the site is published, e.g. https://user.github.io/repo/ "
                                      "(default: base_url from timeline.toml, else /)")
    p.add_argument("--no-search", action="store_true",
                   help="make no search index this time (Pagefind takes about 1 ms a page; default: "
                        "search from timeline.toml, else on)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=
                                     "Build a chronology of official meetings from Vietnamese news articles.")
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("build", help="read the articles and write the site")
    _site_options(b)
    b.add_argument("--strict", action="store_true", help="exit with status 1 when there are warnings")
    b.add_argument("--no-cache", action="store_true",
                   help=f"extract every article afresh and keep no {CACHE_DIR}/ (a clean build)")
    b.add_argument("--verbose", action="store_true",
                   help=f"print every warning (a build with more than {WARNINGS_IN_FULL} prints them by kind)")
    r = sub.add_parser("review", help="list what an editor should check, with corrections to paste (writes no site)")
    _site_options(r)
    r.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    w = sub.add_parser("watch", help="build, then rebuild whenever an article, the theme or the settings change")
    _site_options(w)
    s = sub.add_parser("serve", help="watch, and serve the site locally with live reload")
    _site_options(s)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return parser


def _configure(args) -> SiteConfig:
    """Settings from the file, then the command line's overrides; ConfigError when they cannot be used."""
    config = load_config(args.config)
    if args.content:
        content = args.content.expanduser().resolve()
        if content != config.content.resolve():
            config.corrections = None     # the project's corrections are about the project's own articles
        if content != config.content.resolve() and config.permalinks is not None:
            # the register records the addresses of the project's own articles, not of another folder's
            config.permalinks = None
            config.notes.append(f"{content} is not the project's content folder: published addresses are not "
                                f"recorded (give that folder a timeline.toml of its own to keep them)")
        config.content_dir = content
    if args.output:
        config.output_dir = args.output.expanduser().resolve()
    if args.base_url is not None:
        config.base_url = args.base_url
    if args.no_search:
        config.search = False
    problems = check(config)       # the file's settings were checked as it was read: these come with the options
    if problems:
        given = [f"--{name.replace('_', '-')}" for name in ("content", "output", "base_url")
                 if getattr(args, name) is not None]
        raise ConfigError(", ".join(given) or str(args.config or "settings"), problems)
    if not config.content.is_dir():
        raise ConfigError(str(config.content), ["the content folder does not exist"])
    try:
        check_output(config.output)
    except WriteError as exc:
        raise ConfigError(exc.path, [exc.reason]) from None
    return config


# a large archive's build can warn about thousands of articles: beyond this many, by kind
WARNINGS_IN_FULL = 30
# a build longer than this ends with the time each stage took
STAGES_SHOWN_AFTER = 2.0
_EXAMPLES = 3


def warning_kind(d) -> str:
    """What a warning says with its particulars (quoted words, names, numbers) taken out, so that the
    warnings of one kind group together: 'meeting without a date, listed as undated: …'."""
    message = re.sub(r"'[^']*'|\d+", "…", d.message)
    return f"{d.level}: " + re.sub(r"(:\s).*$", r"\1…", message, count=1)


def _print_by_kind(diagnostics) -> None:
    groups: dict[str, list] = {}
    for d in diagnostics:
        groups.setdefault(warning_kind(d), []).append(d)
    print(f"{len(diagnostics)} warnings of {len(groups)} kinds (all of them: timeline build --verbose):",
          file=sys.stderr)
    for kind, items in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
        print(f"  {len(items):6d} × {printable(kind)}", file=sys.stderr)
        for d in items[:_EXAMPLES]:
            print(f"           {printable(d)}", file=sys.stderr)
        if len(items) > _EXAMPLES:
            print(f"           … and {len(items) - _EXAMPLES} more", file=sys.stderr)


# A build makes millions of small objects that live until it ends, few of them in cycles: with the
# default threshold (700) the cycle collector walks them again and again, a sixth of a build's time
_GC_THRESHOLD = (100_000, 50, 100)


def main(argv: list[str] | None = None) -> int:
    gc.set_threshold(*_GC_THRESHOLD)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command not in ("build", "watch", "serve", "review"):
        parser.print_help()
        return 0 if args.command is None else 2
    try:
        config = _configure(args)
    except ConfigError as exc:
        print(f"timeline: {exc.worded(printable)}", file=sys.stderr)
        return 2
    for note in config.notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    if args.command in ("watch", "serve"):
        from generator.live.dev import Session, run     # the watcher and server load only when asked for
        config_file = args.config.resolve() if args.config else (Path("timeline.toml").resolve()
                                                                 if Path("timeline.toml").is_file() else None)
        session = Session(lambda: _configure(args), config_file)
        address = (args.host, args.port) if args.command == "serve" else None
        return run(session, config, address)
    if args.command == "review":
        return _review(config, args.format)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        from generator.build import build      # here: `--help` and `--version` need none of the pipeline
        result = build(config, None if args.no_cache else config.root / CACHE_DIR, progress=bar)
    finally:
        if bar:
            bar.close()
    shown = [d for d in result.diagnostics if d.level != "info"]
    if args.verbose or len(shown) <= WARNINGS_IN_FULL:
        for d in shown:
            print(printable(d), file=sys.stderr)
    else:
        _print_by_kind(shown)
    t = result.summary
    if not result.ok:
        print(f"timeline: the site was not written; {printable(config.output)} keeps the last good build",
              file=sys.stderr)
        return 1
    if result.reread:
        done = (f"{len(result.reread)} article{'s' * (len(result.reread) > 1)} edited, without changing what is "
                f"extracted from {'them' if len(result.reread) > 1 else 'it'}: nothing written")
    elif result.unchanged:
        done = "nothing changed since the last build, nothing written"
    else:
        done = f"{len(result.written)} files written, {len(result.removed)} removed"
    print(f"{t.articles} articles read, {t.events} events {t.first_year}–{t.last_year}, "
          f"{t.officials} officials, {t.undated} undated, {t.out_of_range} outside the range, "
          f"{len(result.warnings)} warnings; {done} -> {printable(config.output)}")
    if sum(result.seconds.values()) > STAGES_SHOWN_AFTER:
        print("time by stage: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.seconds.items()))
    if result.search and not result.unchanged:
        print(f"note: search is off: {printable(result.search)}", file=sys.stderr)
    if not BaseURL.parse(config.base_url).is_absolute:
        print(f"note: base_url {config.base_url!r} has no domain, so no sitemap.xml and no feed.xml are written "
              f"(they need absolute addresses) and canonical links carry paths only; set base_url or --base-url "
              f"to the published address")
    if args.strict and result.warnings:
        return 1
    return 0


def _review(config, form: str) -> int:
    """`timeline review`: the checklist on standard output; the build's warnings on standard error."""
    import json

    from generator.build import Builder
    from generator.review import as_json, as_text, review
    timeline, diagnostics = Builder(config, config.root / CACHE_DIR, resident=False,
                                    index_search=False).review_timeline()
    for d in diagnostics:
        if d.level in ("warning", "error") and "corrections" in d.file:
            print(printable(d), file=sys.stderr)         # a stale correction is part of the review
    items = review(timeline)
    if form == "json":
        print(json.dumps(as_json(items), ensure_ascii=False, indent=1))
    else:
        print(as_text(items), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
