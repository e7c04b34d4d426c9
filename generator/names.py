"""Name identity: keys that make spellings of one name equal and keep different names apart.

NFC alone is not enough for Vietnamese names: "Hoà"/"Hòa" and "Thuỷ"/"Thủy"
differ only in which vowel carries the tone mark, and articles carry
non-breaking or zero-width spaces. `name_key` reduces every syllable to its
letters (with their vowel shapes) plus one tone number, so those spellings meet
while "Thủy" and "Thúy" (different tones) stay apart. `fold` is the looser,
accent-blind key the scorer uses; it is for matching, never for identity.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five Vietnamese tone marks as combining characters.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# letters that look like Vietnamese ones and are typed for them: the Icelandic eth for đ ("Ấn Ðộ")
_INVISIBLE.update({0x00D0: "\u0110", 0x00F0: "\u0111"})
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def clean_spaces(text: str) -> str:
    """NFC, invisible characters removed, look-alike letters made Vietnamese, every run of spaces one plain space."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def syllable_key(word: str) -> str:
    """Lower-case letters of a syllable with its tone as a trailing digit."""
    tone = ""
    kept = []
    # "İ".lower() is "i" plus a combining dot above, which no letter takes back in NFC and which
    # would split the key's word in two when it is keyed again; "İlham" is "Ilham"
    for ch in unicodedata.normalize("NFD", word.lower().replace("i\u0307", "i")):
        if ch in _TONES:
            tone = tone or _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


@lru_cache(maxsize=1 << 16)      # resolve asks for the same few thousand names many times
def name_key(name: str) -> str:
    """Identity key of a name: spacing, Unicode form, case and tone placement ignored."""
    words = re.findall(r"[^\W_]+", clean_spaces(name))
    return " ".join(syllable_key(w) for w in words)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-blind key ('Lương  Tam Quang' -> 'luong tam quang')."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def order_free(key: str) -> str:
    """The same key with its words sorted: 'Tanaka Ichiro' meets 'Ichiro Tanaka'."""
    return " ".join(sorted(key.split()))
