"""Output files: written atomically, skipped when the bytes are already there, never twice per build."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class Writer:
    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()
        self.changed: list[str] = []

    def write(self, rel: str, data: str | bytes) -> None:
        if rel in self.written:
            raise ValueError(f"two pages want the same output path: {rel}")
        self.written.add(rel)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        target = self.root / rel
        if target.is_file() and target.read_bytes() == raw:
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
        self.changed.append(rel)
