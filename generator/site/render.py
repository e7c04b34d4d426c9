"""HTML from Jinja2 templates: theme lookup, Markdown bodies, feeds. Returns text; writes nothing.

Themes: `theme = "name"` looks in `<project>/themes/<name>/` and falls back, template by
template and file by file, to the default theme that ships with the package. A user's
theme may therefore hold a single template.
"""
from __future__ import annotations

import hashlib
import html
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Protocol

import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup

from generator.state import code_fingerprint
from generator.i18n import Interface
from generator.site.mdtext import VI_END, VI_START, front_matter
from generator.model import Page, StaticFile
from generator.site.pages import SitePlan
from generator.parallel import map_ordered
from generator.urls import BaseURL, relative

class ThemeError(ValueError):
    """A theme that cannot be used or a template that fails; the message names the file."""

    def __init__(self, message: str, file: str = ""):
        super().__init__(message)
        self.file = file              # the template at fault ('path:line'), when one is

    def __reduce__(self):             # raised in a rendering worker, it reaches the build whole
        return ThemeError, (self.args[0], self.file)


def _packaged_themes() -> Path:
    """The shipped themes: `themes/` beside the package in a checkout, `generator/themes` once installed."""
    package = Path(__file__).resolve().parent.parent
    return package / "themes" if (package / "themes" / "default").is_dir() else package.parent / "themes"


def theme_dirs(name: str, project_root: Path) -> list[Path]:
    """The theme's folders, most specific first: the project's `themes/<name>`, then the default theme."""
    candidates = [project_root / "themes" / name, _packaged_themes() / name,
                  project_root / "themes" / "default", _packaged_themes() / "default"]
    dirs: list[Path] = []
    for d in candidates:
        if d.is_dir() and d.resolve() not in [x.resolve() for x in dirs]:
            dirs.append(d)
    if not any(d.name == name for d in dirs):
        raise ThemeError(f"theme '{name}' not found: no folder {project_root / 'themes' / name}")
    return dirs


class _VietnameseSpan(InlineProcessor):
    """Words marked Vietnamese by `mdtext.vietnamese` (a title the English table cannot word): a span
    with lang="vi", for screen readers and hyphenation."""

    def handleMatch(self, m, data):
        span = etree.Element("span")
        span.set("lang", "vi")
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class _QuotesLanguage(Treeprocessor):
    """Quoted evidence is Vietnamese article text: say so when the interface is in another language."""

    def __init__(self, md, lang: str):
        super().__init__(md)
        self.lang = lang

    def run(self, root):
        for quote in root.iter("blockquote"):
            quote.set("lang", self.lang)


# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_url(url: str) -> bool:
    """http(s), mailto, or relative (a path, '#fragment', '?query'): nothing a browser would run."""
    m = _SCHEME.match(_URL_NOISE.sub("", html.unescape(url)))     # the browser decodes '&#106;' too
    return m is None or m[1].lower() in SAFE_SCHEMES


class _SafeLinks(Treeprocessor):
    """Whatever wrote the Markdown (our pages, a theme, a bug), only safe links reach the HTML:
    a link to another scheme loses its address and stays as text."""

    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]


def markdown_to_html(text: str, quotes_lang: str | None = None) -> Markup:
    """Markdown → HTML with raw HTML switched off and unsafe links dropped: page bodies never carry
    markup or scripts of their own."""
    return Markup(_converter(quotes_lang).reset().convert(text))


_CONVERTERS = threading.local()
# Inline syntax our pages never write, and escaped article text cannot (mdtext.escape escapes '[', '`'
# and '<'): each pattern is a search of every text node, and together they were a third of rendering
_UNUSED_INLINE = ("backtick", "reference", "image_link", "image_reference", "short_reference", "short_image_ref",
                  "autolink", "automail", "linebreak")


def _converter(quotes_lang: str | None) -> markdown.Markdown:
    """One converter per thread and quotes language, reset between pages: building one costs more than
    converting a page (issue 11.3)."""
    kept = getattr(_CONVERTERS, "by_lang", None)
    if kept is None:
        kept = _CONVERTERS.by_lang = {}
    md = kept.get(quotes_lang)
    if md is None:
        md = markdown.Markdown(extensions=["tables"], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        for unused in _UNUSED_INLINE:
            md.inlinePatterns.deregister(unused)
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
        if quotes_lang:
            md.treeprocessors.register(_QuotesLanguage(md, quotes_lang), "quotes_lang", 1)
        # the marks are taken out of any text written (mdtext.escape); in Vietnamese they mean nothing
        md.inlinePatterns.register(_VietnameseSpan(f"{VI_START}(.+?){VI_END}", md), "vietnamese", 200)
        kept[quotes_lang] = md
    return md


def _templates_digest(dirs: list[Path]) -> str:
    """A hash of every template of the theme, by path and content."""
    digest = hashlib.sha256()
    for d in dirs:
        for f in sorted((d / "templates").rglob("*")):
            if f.is_file():
                digest.update(f.as_posix().encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _environment(dirs: tuple[Path, ...], templates: str) -> Environment:
    """One Jinja2 environment per set of templates (`templates` is their digest): a rebuild with the
    same theme reuses compiled templates, and any change to a template, or a new override, gives a
    new environment."""
    loader = ChoiceLoader([FileSystemLoader(str(d / "templates")) for d in dirs])
    return Environment(loader=loader, autoescape=select_autoescape(["html", "xml"], default=True),
                       undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


class Renderer:
    """A theme ready to render: Jinja2 with autoescaping and StrictUndefined, and the static files."""

    def __init__(self, theme: str, project_root: Path, t: Interface, base: BaseURL, site_title: str,
                 file_links: bool = False):
        self.dirs = theme_dirs(theme, project_root)
        self.t, self.base, self.site_title = t, base, site_title
        self.file_links = file_links
        self.templates = _templates_digest(self.dirs)
        self.env = _environment(tuple(self.dirs), self.templates)
        self.static = self._static_files()
        self.versions = {f.url: hashlib.sha256(f.source.read_bytes()).hexdigest()[:10] for f in self.static}

    def _static_files(self) -> list[StaticFile]:
        found: dict[str, Path] = {}
        for d in reversed(self.dirs):            # the most specific theme wins
            static = d / "static"
            if static.is_dir():
                for f in sorted(static.rglob("*")):
                    if f.is_file() and not f.name.startswith("."):
                        found["static/" + f.relative_to(static).as_posix()] = f
        return [StaticFile(url, path) for url, path in sorted(found.items())]

    def fingerprint(self, years: list[int]) -> str:
        """A hash of everything a page's HTML depends on besides its own plan: templates, static
        files, interface language, base URL, title, the years of the navigation, our code."""
        digest = hashlib.sha256("\0".join([code_fingerprint(), self.t.language, self.base.full(""), self.site_title,
                                            repr(years), repr(sorted(self.versions.items())),
                                            repr(self.file_links)]).encode())
        digest.update(self.templates.encode())
        return digest.hexdigest()

    def _links(self, page: Page):
        """url(target): a link from this page to another (absolute path for the 404 page)."""
        absolute = page.data.get("absolute", False)

        def url(target: str) -> str:
            link = self.base.path_of(target) if absolute else relative(page.url, target, self.file_links)
            return link + (f"?v={self.versions[target]}" if target in self.versions else "")
        return url

    def render_page(self, page: Page, years: list[int]) -> str:
        quotes_lang = None if self.t.language == "vi" else "vi"
        return self._render(page.template, page=page, content=markdown_to_html(page.markdown, quotes_lang),
                            url=self._links(page),
                            canonical=self.base.full(page.url), years=years, **page.data)

    def render_file(self, template: str, **context) -> str:
        return self._render(template, **context)

    def _render(self, template: str, **context) -> str:
        try:
            return self.env.get_template(template).render(t=self.t, lang=self.t.language, site_title=self.site_title,
                                                          base=self.base, **context)
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or template
            line = getattr(exc, "lineno", None)
            file = f"{where}{f':{line}' if line else ''}"
            raise ThemeError(f"{file}: {type(exc).__name__}: {exc}", file) from None


class Reuse(Protocol):
    """What a build already has on disk: pages whose files need not be rendered again."""

    def key(self, page: Page) -> str:
        """What the page's files depend on, hashed (computed where the page is planned)."""

    def key_of_inputs(self, inputs: bytes) -> str:
        """The same for a page its inputs decide (`SitePlan.describe`), without planning it."""

    def same(self, html_path: str, key: str) -> bool:
        """The page's files were last rendered from this key (a pure test, asked where it is planned)."""

    def keep(self, page_files: list[str]) -> bool:
        """Asked in order, in the building process, of each page found `same`: True when its files are
        as they were written, so they are kept."""


@dataclass(frozen=True)
class _Made:
    """One page as a worker hands it back: its files, its key, its sitemap line, and its HTML and
    Markdown unless the page was found unchanged."""

    files: list[str]
    key: str | None
    sitemap: dict | None
    html: str | None
    markdown: str | None


def _make(renderer: Renderer, plan: SitePlan, reuse: Reuse | None, job: tuple, render: bool = False) -> _Made:
    described = plan.describe(job) if reuse else None
    if described is not None:
        # a meeting's, official's or article's page: its files, kept without planning the page when its
        # inputs are those it was last rendered from
        files, sitemap, inputs = described
        key = reuse.key_of_inputs(inputs)
        if not render and reuse.same(files[0], key):
            return _Made(files, key, sitemap, None, None)
        page = plan.make(job)
    else:
        page = plan.make(job)
        files = [page.html_path, *filter(None, [page.markdown_path])]
        key = reuse.key(page) if reuse else None
        if not render and reuse and reuse.same(files[0], key):
            return _Made(files, key, plan.sitemap_entry(page), None, None)
    # the published Markdown is plain: the marks of Vietnamese words are for the HTML only
    markdown_file = front_matter(page.front_matter) + "\n" + page.markdown.replace(VI_START, "").replace(VI_END, "") \
        if page.markdown_path else None
    return _Made(files, key, plan.sitemap_entry(page), renderer.render_page(page, plan.years), markdown_file)


def render_site(renderer: Renderer, plan: SitePlan, jobs: list[tuple], reuse: Reuse | None = None,
                progress: Callable[[int], None] | None = None, counts: dict | None = None,
                share: bool = True) -> Iterator[tuple[str, str | bytes]]:
    """Every output file but timeline.json as (path, bytes or text), as each is made: pages, their
    Markdown, feeds, static files. Each page is planned, rendered and handed over in turn, so neither
    the plans nor the site are ever held whole; many pages are shared out over the cores (a page
    depends on nothing but its plan and the theme) unless `share` is False. A page `reuse` keeps is
    not rendered (its files stay as they are). `counts` is told {"pages", "rendered", "keys"}."""
    counts = {} if counts is None else counts
    counts.update(pages=len(jobs), rendered=0, keys={})
    sitemap = []
    made = map_ordered(partial(_make, renderer, plan, reuse), jobs, progress=progress,
                       minimum=None if share else len(jobs) + 1)
    for job, page in zip(jobs, made):
        if page.key is not None:
            counts["keys"][page.files[0]] = page.key
        if page.sitemap:
            sitemap.append(page.sitemap)
        if page.html is None:
            if reuse.keep(page.files):
                continue
            page = _make(renderer, plan, reuse, job, render=True)     # its files were changed by hand
        counts["rendered"] += 1
        yield page.files[0], page.html
        if page.markdown is not None:
            yield page.files[1], page.markdown
    # a feed and a sitemap need absolute addresses: without a domain in base_url they are not written
    # (the build says so); robots.txt is read only at a domain's root
    if renderer.base.is_absolute:
        entries = plan.feed_entries()
        yield "feed.xml", renderer.render_file("feed.xml", entries=entries, feed_id=renderer.base.full("feed.xml"),
                                               updated=entries[0]["updated"] if entries else "2000-01-01T00:00:00Z")
        yield "sitemap.xml", renderer.render_file("sitemap.xml", urls=sorted(sitemap, key=lambda u: u["loc"]))
    if renderer.base.path == "/":
        yield "robots.txt", renderer.render_file("robots.txt")
    yield ".nojekyll", ""        # GitHub Pages: publish as is, folders starting with '_' included
    for f in renderer.static:
        yield f.url, f.source.read_bytes()
