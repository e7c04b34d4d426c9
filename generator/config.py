"""Site settings from `timeline.toml`, every one with a default, checked against a declared schema.

Each setting is one row of `SETTINGS`: its type, what it accepts and what it means. Reading a
file reports every problem at once (a `ConfigError` listing them) instead of stopping at the
first; an unknown key is a warning, as in MkDocs, so a typo is seen but an old file still builds.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from generator.model import Diagnostic
from generator.urls import BaseURL, BaseURLError

CONFIG_NAME = "timeline.toml"
FIRST_YEAR, LAST_YEAR = 1900, 2100          # a range outside these is a typo, and would make a build run away
_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class ConfigError(ValueError):
    """Settings that cannot be used; the message names the file and every key at fault."""

    def __init__(self, where: str, problems: list[str]):
        self.where, self.problems = where, problems
        super().__init__(self.worded())

    def worded(self, show: Callable[[str], str] = str) -> str:
        """'file: problem', or the file and one problem a line; `show` makes each part printable."""
        if len(self.problems) == 1:
            return f"{show(self.where)}: {show(self.problems[0])}"
        return f"{show(self.where)}:" + "".join(f"\n  - {show(p)}" for p in self.problems)


@dataclass
class SiteConfig:
    title: str = "Dòng thời gian các cuộc gặp"
    base_url: str = "/"
    language: str = "vi"
    content_dir: Path = Path("content")
    output_dir: Path = Path("site")
    start: dt.date = dt.date(2020, 1, 1)
    end: dt.date = dt.date(2026, 12, 31)
    theme: str = "default"
    order: str = "newest"          # the chronology: "newest" or "oldest" first
    search: bool = True            # a Pagefind search index (site/search.py)
    file_links: bool = False       # links name index.html, so that the site works opened from disk
    # the register of published addresses, relative to `root`; None keeps none. A project read
    # from timeline.toml has one by default; a SiteConfig made in code has none unless given.
    permalinks: Path | None = None
    # the editors' corrections, relative to `root`; None reads none (a project has one by default)
    corrections: Path | None = None
    root: Path = field(default=Path("."), repr=False)   # folder relative paths are taken from
    warnings: list[Diagnostic] = field(default_factory=list, repr=False)   # unknown keys
    notes: list[str] = field(default_factory=list, repr=False)             # said once, not warnings

    @property
    def content(self) -> Path:
        return self.content_dir if self.content_dir.is_absolute() else self.root / self.content_dir

    @property
    def permalinks_file(self) -> Path | None:
        if self.permalinks is None:
            return None
        return self.permalinks if self.permalinks.is_absolute() else self.root / self.permalinks

    @property
    def corrections_file(self) -> Path | None:
        if self.corrections is None:
            return None
        return self.corrections if self.corrections.is_absolute() else self.root / self.corrections

    @property
    def output(self) -> Path:
        return self.output_dir if self.output_dir.is_absolute() else self.root / self.output_dir


# -- the schema: one row per setting ----------------------------------------------------------------

def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be text, got {_kind(value)}")
    return value


def _path(value) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a folder or file name as text, got {_kind(value)}")
    if "\0" in value:
        raise ValueError("may not contain a NUL character")
    return Path(value).expanduser()


def _one_of(*choices: str) -> Callable[[Any], str]:
    def check(value) -> str:
        if value not in choices:
            raise ValueError("must be " + " or ".join(f'"{c}"' for c in choices) + f", got {value!r}")
        return value
    return check


def _base_url(value) -> str:
    try:
        BaseURL.parse(_text(value))
    except BaseURLError as exc:
        raise ValueError(str(exc)) from None
    return value


def _theme(value) -> str:
    if not _THEME_NAME.match(_text(value)) or ".." in value:
        raise ValueError(f"must be the name of a folder under themes/ (letters, digits, '-', '_', '.'), "
                         f"got {value!r}")
    return value


def _year(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a year, got {_kind(value)}")
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueError(f"the year {value} is outside {FIRST_YEAR}–{LAST_YEAR}")
    return value


def _years(value) -> tuple[dt.date, dt.date]:
    if not (isinstance(value, list) and len(value) == 2):
        raise ValueError(f"must be two years, like [2020, 2026], got {value!r}")
    first, last = _year(value[0]), _year(value[1])
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, int) and not isinstance(value, bool):
        value = dt.date(_year(value), 1, 1)
    elif isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"must be a date like 2020-01-01, got {value!r}") from None
    if not isinstance(value, dt.date):
        raise ValueError(f"must be a date like 2020-01-01, got {_kind(value)}")
    _year(value.year)
    return value


def _permalinks(value) -> Path | None:
    if value is False or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a file name, or false to keep no register, got {_kind(value)}")
    return _path(value)


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, got {_kind(value)}")
    return value


def _kind(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table",
            str: "text"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Setting:
    key: str                           # in timeline.toml
    attributes: tuple[str, ...]        # SiteConfig fields it sets
    parse: Callable[[Any], Any]        # value -> field value(s); ValueError says what is wrong
    example: str                       # a valid line, for the README and the messages


SETTINGS = (
    Setting("title", ("title",), _text, 'title = "Các cuộc gặp cấp cao"'),
    Setting("base_url", ("base_url",), _base_url, 'base_url = "https://user.github.io/repo/"'),
    Setting("language", ("language",), _one_of("vi", "en"), 'language = "en"'),
    Setting("content", ("content_dir",), _path, 'content = "articles"'),
    Setting("output", ("output_dir",), _path, 'output = "public"'),
    Setting("years", ("start", "end"), _years, "years = [2020, 2026]"),
    Setting("start", ("start",), _date, "start = 2021-06-01"),
    Setting("end", ("end",), _date, "end = 2025-12-31"),
    Setting("theme", ("theme",), _theme, 'theme = "newsroom"'),
    Setting("order", ("order",), _one_of("newest", "oldest"), 'order = "oldest"'),
    Setting("permalinks", ("permalinks",), _permalinks, 'permalinks = "permalinks.json"'),
    Setting("search", ("search",), _flag, "search = false"),
    Setting("file_links", ("file_links",), _flag, "file_links = true"),
    Setting("corrections", ("corrections",), _permalinks, 'corrections = "corrections.toml"'),
)
_BY_KEY = {s.key: s for s in SETTINGS}
# the site's title when the settings give none, in the interface language
DEFAULT_TITLES = {"vi": "Dòng thời gian các cuộc gặp", "en": "Chronology of high-level meetings"}


def load_config(path: Path | None = None, root: Path | None = None) -> SiteConfig:
    """Read settings; a missing default file gives the defaults, a missing named file is an error."""
    explicit = path is not None
    path = Path(path) if explicit else Path(root or ".") / CONFIG_NAME
    config = SiteConfig(root=path.parent if explicit else Path(root or "."), permalinks=Path("permalinks.json"),
                        corrections=Path("corrections.toml"))
    if not path.exists():
        if explicit:
            raise ConfigError(str(path), ["no such configuration file"])
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(str(path), [f"not valid TOML ({exc})"]) from None
    settings = data.get("site", data) if isinstance(data.get("site"), dict) else data
    problems: list[str] = []
    for key, value in settings.items():
        setting = _BY_KEY.get(key)
        if setting is None:
            known = ", ".join(sorted(_BY_KEY))
            config.warnings.append(Diagnostic(str(path), f"unknown setting '{key}', ignored (the settings are: {known})"))
            continue
        try:
            parsed = setting.parse(value)
        except ValueError as exc:
            problems.append(f"'{key}' {exc} (for example: {setting.example})")
            continue
        values = parsed if len(setting.attributes) > 1 else (parsed,)
        for attribute, v in zip(setting.attributes, values):
            setattr(config, attribute, v)
    if "title" not in settings:
        config.title = DEFAULT_TITLES.get(config.language, config.title)      # an English site, an English title
    if not problems:
        problems = check(config)
    if problems:
        raise ConfigError(str(path), problems)
    return config


def check(config: SiteConfig) -> list[str]:
    """What is wrong with settings taken together (or changed on the command line)."""
    problems = []
    for setting in SETTINGS:
        if len(setting.attributes) == 1 and setting.key not in ("content", "output", "permalinks", "corrections"):
            try:
                setting.parse(getattr(config, setting.attributes[0]))
            except ValueError as exc:
                problems.append(f"'{setting.key}' {exc}")
    if config.start > config.end:
        problems.append(f"the range starts ({config.start}) after it ends ({config.end})")
    content, output = config.content.resolve(), config.output.resolve()
    if output == content or output in content.parents or content in output.parents:
        problems.append(f"the output folder {output} and the content folder {content} overlap; "
                        f"choose another output so that no article is overwritten")
    register = config.permalinks_file
    if register is not None:
        register = register.resolve()
        if content == register or content in register.parents:
            problems.append(f"the permalink register {register} is inside the content folder, which is the "
                            f"user's: keep it beside {CONFIG_NAME} (permalinks = \"permalinks.json\")")
        if output in register.parents:
            problems.append(f"the permalink register {register} is inside the output folder, "
                            f"which each build rewrites")
    return problems
