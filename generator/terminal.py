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
