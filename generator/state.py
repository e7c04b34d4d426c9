"""The build stamp: what the last complete build read and left, so that a build that would change
nothing says what it said last time and stops, without reading an article.

A build depends on the generator's code and data, the settings, every file under the content
folder, the theme's files and the output it left. The stamp keeps a hash of the first four
(files by their stat: size, modification and change times, inode; the change time moves on every
write, even one that restores the modification time) taken *before* the build read anything, the
stat of every file it wrote (the register of published addresses included), and the summary and
diagnostics the command printed. The next `timeline build` takes the same hash; when it and every
output file's stat match, the site is what a build would write again, byte for byte, and nothing
more is done. When only articles were touched, the build reads those again: if what is extracted
from each is what was before (a typo fixed outside the meetings), the site stands and the stamp
moves on. Anything else (a new or changed meeting, an article added or removed, a page deleted or
edited by hand, a new release, another `--base-url`) is a full build, which writes a new stamp when
it succeeds.

Kept in `.timeline-cache/build.stamp` (git-ignored); an unreadable stamp is a full build, never an
error. This module imports nothing heavy: it is what a no-op build costs besides Python itself.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import generator
from generator.model import Diagnostic

CACHE_DIR = ".timeline-cache"      # beside timeline.toml: the stamp, the articles seen, the caches
STAMP = "build.stamp"
SEEN = "articles.seen"
_FORMAT = 2


# what an article's extraction depends on besides its bytes: changing the site's code keeps the cache
EXTRACTION_CODE = ("extract/", "model.py", "names.py", "cache.py", "__init__.py")


@lru_cache(maxsize=4)
def code_fingerprint(only: tuple[str, ...] | None = None) -> str:
    """A hash of the package's code and data files (`only`: those whose path in the package starts so):
    a new release invalidates what was made by the old one."""
    root = Path(generator.__file__).resolve().parent
    digest = hashlib.sha256(generator.__version__.encode())
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root).as_posix()
        if f.is_file() and f.suffix in (".py", ".tsv", ".json", ".txt", ".js") and "themes" not in rel.split("/") \
                and "__pycache__" not in rel and (only is None or rel.startswith(only)):
            digest.update(rel.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Summary:
    """The figures of a build the command prints, without the timeline they were counted from."""

    articles: int
    events: int
    officials: int
    undated: int
    out_of_range: int
    first_year: int
    last_year: int


@dataclass
class Stamp:
    inputs: Inputs                                            # input_fingerprint() before the build
    outputs: dict[str, tuple]                                 # output file -> its signature()
    summary: Summary
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: int = 0


@dataclass(frozen=True)
class Inputs:
    """What a build reads, as the stamp compares it: one hash of all but the content folder's files,
    and the stat of each of those, so that a build can tell which articles alone were touched."""

    settled: str                       # code, settings, theme files, the content tree's names and folders
    files: dict[str, tuple]            # every plain file under the content folder -> its signature()


def _walk(folder: str, digest, seen: set[str], top: str, files: dict[str, tuple] | None = None) -> None:
    """Every entry under `folder` by path and stat, in a fixed order; with `files`, a plain file's stat
    goes there and only its name into the digest. Folders are entered once each and only while they
    stay inside `top` once links are resolved, as the reader reads them: a link to `/` among the
    articles is one entry, not a walk of the whole disk."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        digest.update(f"!{folder}:{exc.errno}\n".encode("utf-8", "surrogateescape"))
        return
    for entry in entries:
        try:
            st = entry.stat()                     # follows links: a link's target edited is a change
            link = entry.is_symlink()
        except OSError:
            digest.update(f"?{entry.path}\n".encode("utf-8", "surrogateescape"))
            continue
        if files is not None and not link and stat.S_ISREG(st.st_mode):
            files[entry.path] = signature(st)
            digest.update(f"{entry.path}\0file\n".encode("utf-8", "surrogateescape"))
            continue
        if files is not None and not link and stat.S_ISDIR(st.st_mode):
            # its entries are walked; its own times move whenever an editor saves through a temporary file
            digest.update(f"{entry.path}\0dir\n".encode("utf-8", "surrogateescape"))
        else:
            digest.update(f"{entry.path}\0{st.st_mode}\0{signature(st)}\0{link}\n".encode("utf-8", "surrogateescape"))
        if entry.is_dir():
            real = os.path.realpath(entry.path)
            if real not in seen and (real == top or real.startswith(top + os.sep)):
                seen.add(real)
                _walk(entry.path, digest, seen, top, files)


def input_fingerprint(config, theme_folders: list[Path]) -> Inputs:
    """Everything a build reads: code, settings, the content tree, the theme's files."""
    digest = hashlib.sha256(f"{_FORMAT}\0{code_fingerprint()}\0{config!r}\0{config.root.resolve()}\0"
                            f"{config.warnings!r}\n".encode("utf-8", "surrogateescape"))
    files: dict[str, tuple] = {}
    corrections = getattr(config, "corrections_file", None)
    if corrections is not None:             # the editors' corrections: an input like the articles
        try:
            st = os.stat(corrections)
            digest.update(f"corrections {st.st_size} {st.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(b"no corrections\n")
    _walk_folder(config.content, digest, files)
    for folder in theme_folders:
        _walk_folder(folder, digest)
    return Inputs(digest.hexdigest(), files)


def files_fingerprint(folders: list[Path]) -> str:
    """One hash of the files under these folders (a theme's), by path and stat."""
    digest = hashlib.sha256()
    for folder in folders:
        _walk_folder(folder, digest)
    return digest.hexdigest()


def _walk_folder(folder: Path, digest, files: dict[str, tuple] | None = None) -> None:
    digest.update(f"#{folder}\n".encode("utf-8", "surrogateescape"))
    top = os.path.realpath(folder)
    _walk(str(folder), digest, {top}, top, files)


def touched_only(stamp: "Stamp", inputs: Inputs) -> list[str] | None:
    """The content files whose stat alone changed since the stamped build (same names, same everything
    else, every output file as it was left), or None when anything else changed."""
    if stamp.inputs.settled != inputs.settled or stamp.inputs.files.keys() != inputs.files.keys() \
            or not _outputs_as_left(stamp):
        return None
    return [path for path, seen in inputs.files.items() if stamp.inputs.files[path] != seen]


def signature(st: os.stat_result) -> tuple:
    """What tells a file unchanged since it was last seen, without reading it (the change time moves on
    any write, even one that puts the modification time back)."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _stat(path: str) -> tuple | None:
    try:
        return signature(os.lstat(path))
    except OSError:
        return None


def output_stats(files: list[str | Path]) -> dict[str, tuple]:
    return {str(f): _stat(str(f)) for f in files}


def load(cache_dir: Path) -> Stamp | None:
    stamp = read_pickle(cache_dir / STAMP)
    # none yet, or another release's: build
    return stamp if isinstance(stamp, Stamp) and isinstance(stamp.inputs, Inputs) else None


def unchanged(stamp: Stamp, inputs: str) -> bool:
    """The inputs are those of the stamped build and every file it wrote is still as it left it."""
    return stamp.inputs == inputs and _outputs_as_left(stamp)


def _outputs_as_left(stamp: Stamp) -> bool:
    return all(_stat(path) == seen for path, seen in stamp.outputs.items())


def save(cache_dir: Path, stamp: Stamp) -> None:
    write_pickle(cache_dir / STAMP, stamp)      # read-only project: none, and every build is a full one


def forget(cache_dir: Path) -> None:
    """Before a full build: if it fails half-way, no stamp may vouch for what it left."""
    try:
        (cache_dir / STAMP).unlink()
    except OSError:
        pass


# -- articles seen ---------------------------------------------------------------------------------
# Which cache entry holds each article's extraction, by the stat of the file it was read from: the
# next process takes an unchanged article from the cache without reading or hashing the file. Kept
# with the fingerprint of the extraction code, so that a new extractor starts from nothing.

def load_seen(cache_dir: Path) -> dict[str, tuple[tuple, str]]:
    kept = read_pickle(cache_dir / SEEN)
    if isinstance(kept, dict) and kept.get("extraction") == code_fingerprint(EXTRACTION_CODE) \
            and isinstance(kept.get("seen"), dict):
        return kept["seen"]
    return {}                    # none yet, unreadable, or another extractor's: every article is read once more


def save_seen(cache_dir: Path, seen: dict[str, tuple[tuple, str]]) -> None:
    write_pickle(cache_dir / SEEN, {"extraction": code_fingerprint(EXTRACTION_CODE), "seen": seen})


def read_pickle(path: Path):
    """What `write_pickle` left in `path`, or None when there is nothing readable there (missing,
    truncated, written by another Python): a cache or stamp that is not there."""
    try:
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


def write_pickle(path: Path, value) -> bool:
    """`value` pickled into `path` as a whole (a temporary renamed over it); False when it could not be
    written (a read-only project, a full disk): caches and stamps are then simply not kept."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False
