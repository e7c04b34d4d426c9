"""A link checker for a built site folder, standard library only.

    from linkcheck import check_site
    broken = check_site(site_dir, "https://example.org/repo/")   # [] when every link works

Every internal link is resolved the way a browser resolves it for a site published under a
base URL (an origin such as 'https://example.org' and a base path such as '/' or '/repo/'):

- relative links against the URL the page is served at ('events/x/index.html' is served at
  '<base>events/x/');
- links starting with '/' (and absolute links on the same origin) must start with the base
  path, or they leave the site: the classic breakage of a site moved under a subpath;
- the query and the fragment are dropped, a URL ending in '/' means its 'index.html';
- the 404 page is served by GitHub Pages at any depth, so its links are resolved from a deep
  unknown URL ('<base>nope/a/b/'), and a relative link there is broken by definition.

Links to other origins, 'mailto:' (any non-http scheme) and '#fragment'-only links are ignored.
What is checked: href and src of any element, srcset, the target of a meta refresh, og:url and
og:image, "url" values of JSON-LD blocks, url() and @import in CSS files, <loc> of sitemap.xml,
href attributes of feed.xml, and the Sitemap: lines of robots.txt.

Run as a script: python3 tests/linkcheck.py SITE_DIR [BASE_URL]

The checker needs nothing but the standard library; `copy_seeds` and `build_site` at the end
are small helpers the tests share (building imports the generator).
"""
from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

DEFAULT_ORIGIN = "http://localhost"
NOT_FOUND_PAGE = "404.html"
DEEP_UNKNOWN = "nope/a/b/"          # where the 404 page is pretended to be served, under the base path


class Broken(NamedTuple):
    page: str        # the file holding the link, relative to the site folder ('events/x/index.html')
    link: str        # the link as written
    reason: str


class Link(NamedTuple):
    kind: str        # 'a[href]', 'link[href]', 'img[src]', 'meta[refresh]', 'loc', 'css url()', ...
    url: str


class Base(NamedTuple):
    origin: str      # 'https://example.org'
    path: str        # '/repo/': starts and ends with '/'

    def url(self, rel: str = "") -> str:
        return self.origin + self.path + rel


def parse_base(base_url: str = "/", origin: str = DEFAULT_ORIGIN) -> Base:
    """'https://example.org/repo' → ('https://example.org', '/repo/'); '/repo/' takes `origin`."""
    parts = urlsplit(base_url or "/")
    if parts.scheme:
        origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path or "/"
    if not path.startswith("/"):
        path = "/" + path
    if not path.endswith("/"):
        path += "/"
    return Base(origin.rstrip("/"), path)


# -- collecting links ----------------------------------------------------------------------------

_REFRESH_URL = re.compile(r"""^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(?P<url>[^'"]*)\1\s*$""", re.I)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]*)\3""", re.I)


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.base_href: str | None = None
        self._jsonld: list[str] | None = None
        self.jsonld_blocks: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and "href" in a and self.base_href is None:
            self.base_href = a["href"].strip()
        for attr in ("href", "src"):
            if attr in a:
                self.links.append(Link(f"{tag}[{attr}]", a[attr].strip()))
        if "srcset" in a:
            for candidate in a["srcset"].split(","):
                if candidate.strip():
                    self.links.append(Link(f"{tag}[srcset]", candidate.split()[0]))
        if tag == "meta":
            if a.get("http-equiv", "").lower() == "refresh":
                m = _REFRESH_URL.match(a.get("content", ""))
                if m and m.group("url").strip():
                    self.links.append(Link("meta[refresh]", m.group("url").strip()))
            if a.get("property", "").lower() in ("og:url", "og:image") and a.get("content"):
                self.links.append(Link(f"meta[{a['property']}]", a["content"].strip()))
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._jsonld = []

    def handle_data(self, data):
        if self._jsonld is not None:
            self._jsonld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._jsonld is not None:
            self.jsonld_blocks.append("".join(self._jsonld))
            self._jsonld = None


def _jsonld_urls(value) -> list[str]:
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "url" and isinstance(v, str):
                out.append(v)
            else:
                out += _jsonld_urls(v)
    elif isinstance(value, list):
        for v in value:
            out += _jsonld_urls(v)
    return out


def html_links(text: str) -> tuple[list[Link], str | None, list[str]]:
    """The links of an HTML document, its <base href> if any, and problems found while reading it."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    links, problems = list(parser.links), []
    for block in parser.jsonld_blocks:
        try:
            links += [Link("json-ld url", u) for u in _jsonld_urls(json.loads(block))]
        except ValueError as exc:
            problems.append(f"JSON-LD block is not valid JSON ({exc})")
    return links, parser.base_href, problems


def css_links(text: str) -> list[Link]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [Link("css url()" if m.group("url") is not None else "css @import", (m.group("url") or m.group("imp")).strip())
            for m in _CSS_URL.finditer(text)]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xml_links(text: str, name: str) -> list[Link]:
    """sitemap.xml: the <loc>s; any other XML (the feed): every href attribute. Raises ET.ParseError."""
    root = ET.fromstring(text.encode("utf-8"))
    links = []
    for el in root.iter():
        if name == "sitemap.xml" and _local(el.tag) == "loc":
            links.append(Link("loc", (el.text or "").strip()))
        for k, v in el.attrib.items():
            if _local(k) == "href":
                links.append(Link(f"{_local(el.tag)}[href]", v.strip()))
    return links


def robots_links(text: str) -> list[Link]:
    return [Link("robots Sitemap", line.split(":", 1)[1].strip()) for line in text.splitlines()
            if line.lower().startswith("sitemap:")]


def collect_links(site: Path, rel: str) -> tuple[list[Link], str | None, list[str]]:
    """Every link of one file of the site (HTML, CSS, XML, robots.txt), its <base href>, read problems."""
    path = site / rel
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return html_links(text)
    if suffix == ".css":
        return css_links(text), None, []
    if suffix == ".xml":
        try:
            return xml_links(text, path.name), None, []
        except ET.ParseError as exc:
            return [], None, [f"not well-formed XML ({exc})"]
    if path.name == "robots.txt":
        return robots_links(text), None, []
    return [], None, []


def checked_files(site: Path) -> list[str]:
    files = []
    for p in sorted(site.rglob("*")):
        if p.is_file() and (p.suffix.lower() in (".html", ".htm", ".css", ".xml") or p.name == "robots.txt"):
            files.append(p.relative_to(site).as_posix())
    return files


# -- resolving -----------------------------------------------------------------------------------

def page_url(rel: str, base: Base) -> str:
    """The URL a file is served at: 'x/index.html' at '<base>x/', the 404 page at a deep unknown URL."""
    if rel == NOT_FOUND_PAGE:
        return base.url(DEEP_UNKNOWN)
    if rel == "index.html" or rel.endswith("/index.html"):
        return base.url(rel[: -len("index.html")])
    return base.url(rel)


def _is_relative(link: str) -> bool:
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc and not link.startswith("/")


def resolve(link: str, from_url: str, base: Base, site: Path) -> tuple[str | None, str | None]:
    """(file relative to the site, None) for a working internal link; (None, reason) for a broken
    one; (None, None) for a link that is not checked (other origin, mailto:, #fragment)."""
    if not link or link.startswith("#"):
        return None, None
    target = urlsplit(urljoin(from_url, link))
    if target.scheme not in ("http", "https"):
        return None, None                       # mailto:, tel:, javascript:, data:
    if f"{target.scheme}://{target.netloc}".lower() != base.origin.lower():
        return None, None                       # another origin
    path = unquote(target.path or "/")
    if not (path + ("" if path.endswith("/") else "/")).startswith(base.path):
        return None, f"leaves the base path {base.path}: resolves to {path}"
    rel = path[len(base.path):] if len(path) >= len(base.path) else ""
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    if ".." in rel.split("/"):
        return None, f"resolves outside the site: {path}"
    file = site / rel
    if file.is_file():
        return rel, None
    if file.is_dir() and (file / "index.html").is_file():
        return rel + "/index.html", None        # servers redirect 'x' to 'x/'
    return None, f"no such file: {rel}"


def check_site(site: Path | str, base_url: str = "/", origin: str = DEFAULT_ORIGIN) -> list[Broken]:
    """Every broken link of the site at `site` published at `base_url` (a path like '/repo/',
    taking `origin`, or a full URL like 'https://example.org/repo/')."""
    site = Path(site)
    base = parse_base(base_url, origin)
    broken: list[Broken] = []
    for rel in checked_files(site):
        links, base_href, problems = collect_links(site, rel)
        broken += [Broken(rel, "", p) for p in problems]
        url = page_url(rel, base)
        if base_href:
            url = urljoin(url, base_href)
        for link in links:
            if rel == NOT_FOUND_PAGE and link.url and not link.url.startswith("#") and _is_relative(link.url):
                broken.append(Broken(rel, link.url, f"relative {link.kind} on the 404 page, which is served "
                                                    f"at any depth: it must be absolute (start with {base.path})"))
                continue
            _, reason = resolve(link.url, url, base, site)
            if reason:
                broken.append(Broken(rel, link.url, f"{link.kind}: {reason}"))
    return broken


# -- helpers for the tests: a throw-away copy of the seed articles, a build ----------------------

SEEDS = Path(__file__).parent / "data" / "seeds" / "articles"


def copy_seeds(dest: Path) -> Path:
    """The seed articles copied into `dest` (created), so a build may write its permalinks.json there."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(SEEDS.iterdir()):
        if f.is_file():
            (dest / f.name).write_bytes(f.read_bytes())
    return dest


def build_site(content: Path, output: Path, base_url: str | None = None) -> Path:
    """`timeline build` in-process with a config file of its own (so no ./timeline.toml is read);
    the base URL goes into that file until the command line has an option for it."""
    from generator.cli import main as timeline_main     # not needed by the checker itself

    config = output.parent / f"{output.name}.timeline.toml"
    config.write_text("# written by tests/linkcheck.py\n"
                      + (f"base_url = {json.dumps(base_url)}\n" if base_url is not None else ""), encoding="utf-8")
    code = timeline_main(["build", "--config", str(config), "--content", str(content), "--output", str(output)])
    assert code == 0, f"timeline build exited with {code}"
    return output


def format_broken(broken: list[Broken]) -> str:
    return "\n".join(f"{b.page}: {b.link!r}: {b.reason}" for b in broken)


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print("usage: linkcheck.py SITE_DIR [BASE_URL]", file=sys.stderr)
        return 2
    broken = check_site(Path(argv[0]), argv[1] if len(argv) > 1 else "/")
    if broken:
        print(format_broken(broken))
    print(f"{len(broken)} broken links", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
