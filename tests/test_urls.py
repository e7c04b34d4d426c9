"""Relative links between pages and the base URL the site is published under."""
from __future__ import annotations

import pytest

from generator.urls import BaseURL, BaseURLError, relative


@pytest.mark.parametrize("src,dst,link", [
    ("", "events/x/", "events/x/"),
    ("events/x/", "", "../../"),
    ("events/x/", "officials/y/", "../../officials/y/"),
    ("events/x/", "static/style.css", "../../static/style.css"),
    ("years/2026/", "years/2026/", "./"),
    ("", "", "./"),
    ("officials/", "officials/a/", "a/"),
    ("404.html", "timeline.json", "timeline.json"),
])
def test_relative(src, dst, link):
    assert relative(src, dst) == link


@pytest.mark.parametrize("value,origin,path", [
    ("/", "", "/"),
    ("", "", "/"),
    ("https://user.github.io/repo", "https://user.github.io", "/repo/"),
    ("https://user.github.io/repo/", "https://user.github.io", "/repo/"),
    ("/repo", "", "/repo/"),
    ("repo/sub/", "", "/repo/sub/"),
    ("https://example.org", "https://example.org", "/"),
    ("http://localhost:8000/a b/", "http://localhost:8000", "/a%20b/"),
])
def test_base_url_parse(value, origin, path):
    base = BaseURL.parse(value)
    assert (base.origin, base.path) == (origin, path)
    assert base.full("events/x/") == origin + path + "events/x/"


@pytest.mark.parametrize("value", ["ftp://x/", "https:///nohost", "https://x.org/?q=1", "https://x.org/#f"])
def test_bad_base_urls_are_refused(value):
    with pytest.raises(BaseURLError):
        BaseURL.parse(value)
