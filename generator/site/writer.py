"""Output files: staged, then swapped in together; never written twice per build; never outside the
output folder.

A build writes in two steps. `write()` puts each changed file beside its target as a hidden
temporary (`.index.html.timeline-new`), after noting its path in a journal (`.timeline-journal`);
`commit()` renames them all into place, removes what the previous build wrote and this one did
not, and records what this one wrote in the manifest (`.timeline-manifest`), so that the next
build can do the same without touching anything else a user keeps in the folder.

- A failure while staging (a full disk, a read-only folder, a file where a folder should be)
  removes the temporaries and folders made so far: the last good site stays whole.
- A build killed at any point leaves its journal; the next build removes the temporaries it
  lists and counts its files as written before, so pruning brings the site back to what a clean
  build gives.
- Every path written or removed lies inside the output folder once links are resolved: a
  tampered manifest or a symlinked folder cannot make the writer touch anything else.
- Files get `0666 & ~umask`, folders `0777 & ~umask`, as Hugo's and Jekyll's do (a web server
  running as another user must be able to read them).
"""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

MANIFEST = ".timeline-manifest"
JOURNAL = ".timeline-journal"
_STAGED = ".timeline-new"
# an output folder holding only these was not written by anyone else (a gh-pages worktree)
_NOT_CONTENT = {".git"}


class WriteError(Exception):
    """The output could not be written: `path` and `reason`, worded for the user."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~_umask()


def _valid(rel: str) -> bool:
    """A relative path of ours: no absolute path, no '..', '.', empty or hidden-temporary parts."""
    if not isinstance(rel, str) or not rel or "\0" in rel or rel.startswith("/") or "\\" in rel:
        return False
    parts = rel.split("/")
    return all(p not in ("", ".", "..") for p in parts) and not parts[-1].endswith(_STAGED)


def staged_path(rel: str) -> str:
    head, _, name = rel.rpartition("/")
    return f"{head}/.{name}{_STAGED}" if head else f".{name}{_STAGED}"


def check_output(root: Path) -> None:
    """Refuse an output path that is a file, or a folder holding files that timeline did not write
    (a mistyped `--output ~` must not become a site, nor have its files pruned later)."""
    if root.is_symlink() and not root.exists():
        raise WriteError(root, "the output folder is a broken link")
    if root.exists() and not root.is_dir():
        raise WriteError(root, "the output path is a file, not a folder")
    if not root.is_dir() or (root / MANIFEST).exists() or (root / JOURNAL).exists():
        return
    try:
        names = sorted(name for name in os.listdir(root) if name not in _NOT_CONTENT)
    except OSError as exc:
        raise WriteError(root, f"the output folder cannot be read ({exc.strerror})") from None
    if names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise WriteError(root, f"the output folder holds files that timeline did not write ({shown}); "
                               f"choose a new or empty folder")


def write_atomic(path: Path, data: str | bytes) -> bool:
    """One file replaced as a whole (a temporary renamed over it); False when the bytes were already there."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            if stat.S_IMODE(path.stat().st_mode) != file_mode():
                path.chmod(file_mode())              # left by an older release with mode 0600
            return False
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}{_STAGED}")
    try:
        _create(str(tmp), raw)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True


def _create(path: str, raw: bytes | Iterable[bytes]) -> None:
    """A new file with the umask's mode; a leftover of the same name (or a link there) is replaced.
    `raw` may come in pieces, so that a large file is never held whole."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    with os.fdopen(fd, "wb") as f:
        if isinstance(raw, bytes):
            f.write(raw)
        else:
            f.writelines(raw)


def _same_files(a: str, b: str) -> bool:
    """Whether two files hold the same bytes, read a block at a time."""
    try:
        if os.path.getsize(a) != os.path.getsize(b):
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                block = fa.read(1 << 20)
                if block != fb.read(1 << 20):
                    return False
                if not block:
                    return True
    except OSError:
        return False


class Writer:
    def __init__(self, root: Path, state: dict[str, tuple[int, int]] | None = None):
        self.root = Path(os.path.abspath(root))
        self._real = os.path.realpath(root)
        self._mode = file_mode()
        # path -> (size, mtime_ns) of the file as this writer (or an earlier one sharing the state)
        # left it: such a file can be kept without reading it back
        self.state = state if state is not None else {}
        self.written: set[str] = set()
        self.changed: list[str] = []
        self.removed: list[str] = []
        self.refused: list[str] = []          # what the writer would not do, worded for the user
        self._staged: list[str] = []
        self._made: list[str] = []            # folders made for staged files, parents first
        self._journal: int | None = None      # fd, open while files are staged
        self._carried: set[str] | None = None  # what an interrupted build's journal lists
        self._folders: dict[str, bool] = {}    # folder -> inside the output folder once links are resolved

    # -- staging --------------------------------------------------------------------------------

    def write(self, rel: str, data: str | bytes) -> None:
        """Stage `data` for `rel` unless the file already holds exactly these bytes."""
        target = self._claim(rel)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            st = os.lstat(target)
            if stat.S_ISREG(st.st_mode) and st.st_size == len(raw) and self._inside(target):
                with open(target, "rb") as f:
                    if f.read() == raw:
                        if stat.S_IMODE(st.st_mode) != self._mode:
                            os.chmod(target, self._mode)      # left by an older build with mode 0600
                        self._record(rel)
                        return
        except OSError:
            pass
        self._stage(rel, target, raw)

    def write_pieces(self, rel: str, pieces: Iterable[str]) -> None:
        """As `write`, for a file too large to hold whole (timeline.json of a large archive): staged as
        it comes, then kept only if it differs from the file already there."""
        target = self._claim(rel)
        self._stage(rel, target, (piece.encode("utf-8") for piece in pieces))
        staged = os.path.join(self.root, staged_path(rel))
        if not os.path.islink(target) and self._inside(target) and _same_files(staged, target):
            os.unlink(staged)                # the same bytes: the file stays as it is
            self._staged.remove(rel)
            if stat.S_IMODE(os.stat(target).st_mode) != self._mode:
                os.chmod(target, self._mode)
            self._record(rel)

    def _claim(self, rel: str) -> str:
        """`rel` as this build's (once only, inside the site): its path on disk."""
        if rel in self.written:
            raise ValueError(f"two pages want the same output path: {rel}")
        if not _valid(rel):
            raise ValueError(f"not a path inside the site: {rel!r}")
        self.written.add(rel)
        self._recover()
        return os.path.join(self.root, rel)

    def _stage(self, rel: str, target: str, raw: bytes | Iterable[bytes]) -> None:
        try:
            self._note(rel)
            self._makedirs(os.path.dirname(target))
            if not self._inside(target):
                raise WriteError(target, f"leads outside the output folder {self.root} (a link); not written")
            self._staged.append(rel)
            _create(os.path.join(self.root, staged_path(rel)), raw)
        except OSError as exc:
            self.abort()
            raise WriteError(exc.filename or target, f"cannot be written ({exc.strerror}); "
                             f"nothing was changed, {self.root} keeps the last good build") from None
        except WriteError:
            self.abort()
            raise

    def _note(self, rel: str) -> None:
        """Journal first: a build killed after this line leaves a trace of the file."""
        if self._journal is None:
            self._makedirs(str(self.root))
            self._journal = os.open(os.path.join(self.root, JOURNAL),
                                    os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        os.write(self._journal, rel.encode("utf-8") + b"\n")

    def _makedirs(self, folder: str) -> None:
        missing = []
        while not os.path.isdir(folder):
            missing.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for d in reversed(missing):
            os.mkdir(d)            # 0777 & ~umask
            self._made.append(d)

    def _inside(self, target: str) -> bool:
        folder = os.path.dirname(target)
        inside = self._folders.get(folder)
        if inside is None:           # pages come two to a folder (index.html, index.md): resolve each folder once
            real = os.path.realpath(folder)
            inside = self._folders[folder] = real == self._real or real.startswith(self._real + os.sep)
        return inside

    def keep(self, *rels: str) -> bool:
        """Count files as written by this build if each is exactly as last written; else change nothing."""
        for rel in rels:
            if rel in self.written:
                return False
            now = self._stat(rel)
            if now is None or now != self.state.get(rel):
                return False
        self.written.update(rels)
        return True

    def _stat(self, rel: str) -> tuple[int, int] | None:
        try:
            st = os.lstat(os.path.join(self.root, rel))     # not pathlib: called for every page of every build
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def _record(self, rel: str) -> None:
        self.state[rel] = self._stat(rel)

    def abort(self) -> None:
        """Take back everything staged: temporaries, the folders made for them, the journal."""
        for rel in self._staged:
            try:
                os.unlink(os.path.join(self.root, staged_path(rel)))
            except OSError:
                pass
        for d in reversed(self._made):
            try:
                os.rmdir(d)
            except OSError:
                pass
        self._staged, self._made = [], []
        self._close_journal(remove=not self._carried)

    def _close_journal(self, remove: bool) -> None:
        if self._journal is not None:
            os.close(self._journal)
            self._journal = None
        if remove:
            try:
                os.unlink(os.path.join(self.root, JOURNAL))
            except OSError:
                pass

    # -- an interrupted build -------------------------------------------------------------------

    def _recover(self) -> None:
        """Once per build: clear the temporaries an interrupted build left, remember its files."""
        if self._carried is not None:
            return
        self._carried = set()
        try:
            lines = Path(self.root, JOURNAL).read_bytes().decode("utf-8", "replace").splitlines()
        except OSError:
            return
        for rel in lines:
            if not _valid(rel):
                continue
            self._carried.add(rel)
            tmp = os.path.join(self.root, staged_path(rel))
            if os.path.lexists(tmp) and self._inside(tmp):
                try:
                    os.unlink(tmp)
                except OSError:
                    continue
                self._remove_empty_parents(os.path.dirname(tmp))

    # -- committing -----------------------------------------------------------------------------

    def commit(self) -> None:
        """Swap the staged files in, remove what the previous build wrote and this one did not,
        record what this one wrote."""
        self._recover()
        for rel in self._staged:
            target = os.path.join(self.root, rel)
            try:
                os.replace(os.path.join(self.root, staged_path(rel)), target)
            except OSError as exc:
                self._close_journal(remove=False)      # it tells the next build what to complete
                raise WriteError(target, f"cannot be replaced ({exc.strerror}); the site is partly updated "
                                         f"and the next build completes it") from None
            self._record(rel)
            self.changed.append(rel)
        self._staged, self._made = [], []
        manifest = Path(self.root, MANIFEST)
        previous = self._read_manifest(manifest) | self._carried
        for rel in sorted(previous - self.written):
            self._remove(rel)
        for rel in set(self.state) - self.written:
            del self.state[rel]
        data = json.dumps(sorted(self.written), ensure_ascii=False, indent=0) + "\n"
        try:
            if self.written or manifest.exists():
                write_atomic(manifest, data)
        except OSError as exc:
            raise WriteError(manifest, f"cannot be written ({exc.strerror})") from None
        self._close_journal(remove=True)

    def _read_manifest(self, manifest: Path) -> set[str]:
        try:
            listed = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        if not isinstance(listed, list):
            return set()
        for rel in listed:
            if not _valid(rel):
                self.refused.append(f"{MANIFEST} lists {rel!r}, which is not a path inside the output folder; "
                                    f"not removed")
        return {rel for rel in listed if _valid(rel)}

    def _remove(self, rel: str) -> None:
        target = os.path.join(self.root, rel)
        try:
            st = os.lstat(target)
        except OSError:
            return
        if stat.S_ISDIR(st.st_mode):
            return
        if not self._inside(target):
            self.refused.append(f"{MANIFEST} lists {rel!r}, which leads outside the output folder; not removed")
            return
        try:
            os.unlink(target)        # a link itself goes, never what it points to
        except OSError as exc:
            self.refused.append(f"{target}: could not be removed ({exc.strerror})")
            return
        self.state.pop(rel, None)
        self.removed.append(rel)
        self._remove_empty_parents(os.path.dirname(target))

    def _remove_empty_parents(self, folder: str) -> None:
        root = os.path.normpath(self.root)
        folder = os.path.normpath(folder)
        while folder.startswith(root + os.sep) and os.path.isdir(folder) and not os.listdir(folder):
            try:
                os.rmdir(folder)
            except OSError:
                return
            folder = os.path.dirname(folder)
