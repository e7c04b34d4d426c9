"""Sentences and tokens: the units every extractor works on."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.names import syllable_key

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {"tp", "q", "ts", "ths", "gs", "pgs", "bs", "ks", "mr", "mrs", "ms", "dr", "st", "no", "tr", "ng", "v.v", "vs"}
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-ỸÁ-Ỹ0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Split at . ! ? … followed by a capital, but not after an initial ('R. Kumar') or abbreviation."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        # the word before the mark, found by stepping back: slicing from `start` each time was quadratic
        end = m.start()
        while end > start and paragraph[end - 1] in "\"”’)":
            end -= 1
        begin = end
        while begin > start and not paragraph[begin - 1].isspace():
            begin -= 1
        word = paragraph[begin:end].rstrip(".!?…").lower()
        if len(word) == 1 and word.isalpha() or word in _ABBREVIATIONS:
            continue
        out.append(paragraph[start:m.start()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    # "...; chiều cùng ngày, Bộ trưởng đến chào ...": a clause with a time of its own is a sentence of its own
    return [part.strip() for s in out for part in _NEW_TIME_CLAUSE.split(s) if part.strip()]


_NEW_TIME_CLAUSE = re.compile(r";\s+(?=(?:sáng|chiều|tối|trưa|ngày|hôm|cùng ngày|sau đó|tiếp đó|trước đó)\b)", re.I)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str          # word, initial, num, punct
    # read for every token by every gazetteer: computed once, when the token is made
    key: str = field(init=False, compare=False, repr=False)
    cap: bool = field(init=False, compare=False, repr=False)
    lower: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        wordlike = self.kind in ("word", "initial")
        object.__setattr__(self, "key", _token_key(self.text))
        object.__setattr__(self, "cap", wordlike and self.text[0].isupper())
        object.__setattr__(self, "lower", self.kind == "word" and self.text[0].islower())

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return self.kind == "word" and len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def _token_key(text: str) -> str:
    return "-".join(syllable_key(part) for part in text.split("-"))


_TOKEN = re.compile(
    r"(?P<initial>\b[A-ZĐ]\.(?=\s))"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<num>\d+(?:[.,:/\-]\d+)*)"
    r"|(?P<punct>[^\w\s])"
)


def tokenize(sentence: str) -> list[Token]:
    return list(_tokens(sentence))


@lru_cache(maxsize=8192)
def _tokens(sentence: str) -> tuple[Token, ...]:
    # the mention grammar, the meeting words and the country look-up each read a sentence's tokens
    return tuple(Token(m.group(0), m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(sentence))


_VN_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|ue|uê|ui|uô|uơ|"
    r"ưa|ưi|ươ|ưu|uy|uya|uyê|iêu|yê|yêu|oai|oay|oao|oeo|uôi|ươi|ươu|uây|uyu)"
    r"(c|ch|m|n|ng|nh|p|t)?$"
)
_VN_ONLY = set("ăâđêôơư")


def looks_vietnamese(word: str) -> bool:
    """True when every part of the word is a possible Vietnamese syllable."""
    for part in word.split("-"):
        if any(c.isupper() for c in part[1:]):
            return False                 # McDonald, DeWitt
        key = syllable_key(part)
        base = key.rstrip("012345")
        if any(c in "fjwz" for c in base):
            return False
        if not _VN_SYLLABLE.match(base):
            return False
    return True


def has_vietnamese_marks(word: str) -> bool:
    return any(c in _VN_ONLY for c in word.lower()) or syllable_key(word)[-1:].isdigit() and looks_vietnamese(word)
