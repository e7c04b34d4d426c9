"""Output files: written atomically, skipped when the bytes are already there, never twice per build.

The writer keeps a manifest of the files it wrote (`.timeline-manifest` in the output folder),
so the next build can remove pages that no longer exist without touching anything else a
user keeps there.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".timeline-manifest"


class Writer:
    def __init__(self, root: Path, state: dict[str, tuple[int, int]] | None = None):
        self.root = root
        # path -> (size, mtime_ns) of the file as this writer (or an earlier one sharing the state)
        # left it: such a file can be kept without reading it back
        self.state = state if state is not None else {}
        self.written: set[str] = set()
        self.changed: list[str] = []
        self.removed: list[str] = []

    def write(self, rel: str, data: str | bytes) -> None:
        if rel in self.written:
            raise ValueError(f"two pages want the same output path: {rel}")
        self.written.add(rel)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        target = self.root / rel
        if target.is_file() and target.read_bytes() == raw:
            self._record(rel, target)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._record(rel, target)
        self.changed.append(rel)

    def keep(self, *rels: str) -> bool:
        """Count files as written by this build if each is exactly as last written; else change nothing."""
        if any(rel in self.written or self._stat(rel) is None or self._stat(rel) != self.state.get(rel)
               for rel in rels):
            return False
        self.written.update(rels)
        return True

    def _stat(self, rel: str) -> tuple[int, int] | None:
        try:
            st = os.stat(os.path.join(self.root, rel))     # not pathlib: called for every page of every build
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def _record(self, rel: str, target: Path) -> None:
        st = target.stat()
        self.state[rel] = (st.st_size, st.st_mtime_ns)

    def prune(self) -> None:
        """Remove what the previous build wrote and this one did not; record what this one wrote."""
        manifest = self.root / MANIFEST
        try:
            previous = set(json.loads(manifest.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            previous = set()
        for rel in sorted(previous - self.written):
            target = self.root / rel
            if ".." in Path(rel).parts or not target.is_file():
                continue
            target.unlink()
            self.state.pop(rel, None)
            self.removed.append(rel)
            parent = target.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        for rel in set(self.state) - self.written:
            del self.state[rel]
        data = json.dumps(sorted(self.written), ensure_ascii=False, indent=0) + "\n"
        if not manifest.is_file() or manifest.read_text(encoding="utf-8") != data:
            manifest.write_text(data, encoding="utf-8")
