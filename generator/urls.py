"""Addresses inside the site, and the base URL the site is published under.

Pages link to each other with relative URLs, so the same files work at a domain root,
under a project subpath and from disk. Only what must be absolute (canonical links,
Open Graph, the sitemap, the feed, the 404 page, which GitHub Pages serves at any depth)
uses the base URL.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from slugify import slugify

SLUG_LENGTH = 100      # folder names stay far below the 255 bytes file systems allow, whatever the meeting


@lru_cache(maxsize=1 << 16)      # every build asks again for the same names; slugify is slow
def slug(text: str) -> str:
    """A URL segment: ASCII, lower case, hyphens, cut at a word boundary when long (a meeting of many)."""
    return slugify(text, max_length=SLUG_LENGTH, word_boundary=True)


class BaseURLError(ValueError):
    pass


@dataclass(frozen=True)
class BaseURL:
    """'https://user.github.io/repo/' → origin 'https://user.github.io', path '/repo/'."""

    origin: str          # scheme://host[:port], or '' when only a path was configured
    path: str            # always starts and ends with '/'

    @classmethod
    def parse(cls, value: str) -> "BaseURL":
        value = (value or "/").strip()
        parts = urlsplit(value)
        if parts.scheme and parts.scheme not in ("http", "https"):
            raise BaseURLError(f"base URL must be http(s) or a path, got {value!r}")
        if parts.scheme and not parts.netloc:
            raise BaseURLError(f"base URL {value!r} has no host")
        if parts.netloc and not parts.scheme:
            raise BaseURLError(f"base URL {value!r} names a host without http:// or https:// "
                               f"(write https:{value} or a path such as /repo/)")
        if parts.query or parts.fragment:
            raise BaseURLError(f"base URL {value!r} may not have a query or fragment")
        path = parts.path or "/"
        if not path.startswith("/"):
            path = "/" + path
        if not path.endswith("/"):
            path += "/"
        path = posixpath.normpath(path) + "/" if path != "/" else "/"
        path = path.replace("//", "/")
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else ""
        return cls(origin, quote(path, safe="/%:@!$&'()*+,;=-._~"))

    @property
    def is_absolute(self) -> bool:
        return bool(self.origin)

    def path_of(self, url: str) -> str:
        """A site-relative URL ('events/x/') as an absolute path ('/repo/events/x/')."""
        return self.path + url

    def full(self, url: str) -> str:
        """The most absolute form known: with the origin when one was configured."""
        return self.origin + self.path_of(url)


def relative(from_url: str, to_url: str, files: bool = False) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative ('' is the home page).

    Directory URLs end with '/', file URLs ('timeline.json', 'static/style.css') do not. `files`
    (the `file_links` setting): a link to a folder names its index.html, as a site opened from disk
    needs (a browser shows file:// folders as listings).
    """
    if files and (to_url == "" or to_url.endswith("/")):
        rel = relative(from_url, to_url)
        return ("" if rel == "./" else rel) + "index.html"
    here = from_url.split("/")[:-1]              # the folder of the page: 'events/x/' -> ['events', 'x']
    there = [p for p in to_url.split("/") if p]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:])
    if not rel:
        return "./"
    if to_url.endswith("/") or to_url == "":
        rel += "/"
    return rel


# the addresses of the site's pages, which every stage from the permalinks on names
def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def official_url(official_id: str) -> str:
    return f"officials/{official_id}/"


def year_url(year: int) -> str:
    return f"years/{year}/"


def country_url(code: str) -> str:
    """A country's page: its meetings with Vietnamese officials, by year, and its officials."""
    return f"countries/{code.lower()}/"


def articles_year_url(year: int | str) -> str:
    """The list of the articles published in a year ('undated': without a date). Two levels deep, so
    that it never meets an article's page (one level: `article_url`)."""
    return f"articles/year/{year}/"


def article_url(article_id: str) -> str:
    """An article's page: what the build read in it (its address is its file's, `resolve.sources`)."""
    return f"articles/{article_id}/"
