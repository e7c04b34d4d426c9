"""The articles as sources: each one's headline, outlet, date, link, page address and what was not used."""
from __future__ import annotations

from collections import Counter, defaultdict

from generator.extract.article import ArticleResult
from generator.model import ArticleSource, Diagnostic
from generator.urls import slug


def page_base(path: str) -> str:
    """The address an article's page takes before -2, -3: its path without the extension, as a slug."""
    return slug(path.rsplit(".", 1)[0]) or "article"


def article_sources(results: list[ArticleResult], diagnostics: list[Diagnostic]) -> list[ArticleSource]:
    """One record per article, in path order. An article's page address is its path without the
    extension ('2021/vov-tiep.txt' -> '2021-vov-tiep'): it stays as long as the file keeps its name;
    two paths that make one address get -2, -3 in path order. Its notes are the build's warnings
    about it, as the terminal gives them."""
    notes: dict[str, list[str]] = defaultdict(list)
    for d in diagnostics:
        notes[d.file].append(d.message)
    used: Counter = Counter()
    out = []
    for r in sorted(results, key=lambda r: r.article.path):
        a = r.article
        base = page_base(a.path)
        used[base] += 1
        out.append(ArticleSource(a.path, base if used[base] == 1 else f"{base}-{used[base]}", a.headline, a.outlet,
                                 a.published, a.published_basis, a.link, list(dict.fromkeys(notes[a.path]))))
    return out
