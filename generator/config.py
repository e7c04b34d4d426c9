"""Site settings from `timeline.toml`, every one with a default."""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from generator.urls import BaseURL, BaseURLError

CONFIG_NAME = "timeline.toml"


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the file and the key."""


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
    permalinks: Path | None = Path("permalinks.json")   # relative to the content folder; None: not kept
    root: Path = field(default=Path("."), repr=False)   # folder relative paths are taken from

    @property
    def content(self) -> Path:
        return self.content_dir if self.content_dir.is_absolute() else self.root / self.content_dir

    @property
    def permalinks_file(self) -> Path | None:
        if self.permalinks is None:
            return None
        return self.permalinks if self.permalinks.is_absolute() else self.content / self.permalinks

    @property
    def output(self) -> Path:
        return self.output_dir if self.output_dir.is_absolute() else self.root / self.output_dir


_KEYS = {f.name for f in fields(SiteConfig)} - {"root", "content_dir", "output_dir", "start", "end", "permalinks"}


def _as_date(value, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return dt.date(value, 1, 1)
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expected a date like 2020-01-01, got {value!r}") from None


def load_config(path: Path | None = None, root: Path | None = None) -> SiteConfig:
    """Read settings; a missing default file gives the defaults, a missing named file is an error."""
    explicit = path is not None
    path = Path(path) if explicit else Path(root or ".") / CONFIG_NAME
    config = SiteConfig(root=path.parent if explicit else Path(root or "."))
    if not path.exists():
        if explicit:
            raise ConfigError(f"{path}: no such configuration file")
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    site = data.get("site", data)
    for key, value in site.items():
        if key == "content":
            config.content_dir = Path(value)
        elif key == "output":
            config.output_dir = Path(value)
        elif key == "permalinks":
            if value is False or value == "":
                config.permalinks = None
            elif isinstance(value, str):
                config.permalinks = Path(value)
            else:
                raise ConfigError(f"{path}: 'permalinks' must be a file name, or false to keep no registry")
        elif key == "years":
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
                raise ConfigError(f"{path}: 'years' must be two years, like [2020, 2026]")
            config.start, config.end = dt.date(value[0], 1, 1), dt.date(value[1], 12, 31)
        elif key in ("start", "end"):
            setattr(config, key, _as_date(value, f"{path}: '{key}'"))
        elif key in _KEYS:
            if not isinstance(value, str):
                raise ConfigError(f"{path}: '{key}' must be text")
            setattr(config, key, value)
        elif isinstance(value, dict):
            continue          # other tables belong to later features
        else:
            raise ConfigError(f"{path}: unknown setting '{key}'")
    if config.start > config.end:
        raise ConfigError(f"{path}: the year range starts after it ends")
    check(config, str(path))
    return config


def check(config: SiteConfig, where: str) -> None:
    """Settings that may also come from the command line are checked here, once for both."""
    if config.language not in ("vi", "en"):
        raise ConfigError(f"{where}: 'language' must be \"vi\" or \"en\"")
    if config.order not in ("newest", "oldest"):
        raise ConfigError(f"{where}: 'order' must be \"newest\" or \"oldest\"")
    try:
        BaseURL.parse(config.base_url)
    except BaseURLError as exc:
        raise ConfigError(f"{where}: 'base_url': {exc}") from None
