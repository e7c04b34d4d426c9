"""Text for the terminal: names that come from the file system or from articles are shown, never obeyed.

A file name may hold newlines, escape sequences (`ESC[2J` clears the screen, `ESC]8;;` makes a
link) or bidirectional overrides that reorder what follows. Each is shown as a visible escape
(`\\n`, `\\x1b`, `\\u202e`), so one diagnostic stays one honest line.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(m: re.Match) -> str:
    ch = m[0]
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(text: object) -> str:
    return _HIDDEN.sub(_visible, str(text))


class ProgressBar:
    """One line per stage of a long build on a terminal: `articles extracted [#####.....] 5,120/10,000`.

    Nothing is drawn until the build has run for `delay` seconds (a quick build prints no bar), and
    the line is redrawn at most every `every` seconds. A stage's line is finished (kept, with a
    newline) when the next stage starts or the bar is closed, so the terminal shows what was done.
    """

    WIDTH = 24

    def __init__(self, stream, delay: float = 2.0, every: float = 0.1, clock=None):
        import time
        self.stream, self.delay, self.every = stream, delay, every
        self.clock = clock or time.monotonic
        self.started = self.clock()
        self._stage: str | None = None
        self._drawn = 0.0               # when the current line was last drawn; 0: not drawn
        self._last: tuple[int, int] = (0, 0)

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if stage != self._stage:
            self._finish()
            self._stage, self._drawn = stage, 0.0
        self._last = (done, total)
        if now - self.started < self.delay or (self._drawn and now - self._drawn < self.every and done < total):
            return
        self._draw(now)

    def _draw(self, now: float) -> None:
        done, total = self._last
        filled = self.WIDTH * done // total if total else self.WIDTH
        self.stream.write(f"\r{self._stage:<20} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:,}/{total:,}")
        self.stream.flush()
        self._drawn = now

    def _finish(self) -> None:
        if self._stage is not None and self._drawn:
            self._draw(self.clock())            # its last count, then keep the line
            self.stream.write("\n")
            self.stream.flush()

    def close(self) -> None:
        self._finish()
        self._stage = None
