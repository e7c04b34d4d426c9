"""The meeting words of cues.tsv: every row is read in its own example, as the kind the row gives."""
from __future__ import annotations

import pytest

from generator.extract.lexicon import lexicon
from generator.extract.meetings import find_cues, public_kind

ROWS = lexicon().cue_rows


@pytest.mark.parametrize("kind, phrase, example", ROWS, ids=[r[1] for r in ROWS])
def test_every_meeting_word_is_read_in_its_example(kind, phrase, example):
    assert example, f"cues.tsv: '{phrase}' has no example"
    found = [(public_kind(c.kind), c.text.lower()) for c in find_cues(example, lexicon())]
    assert (kind, phrase.lower()) in found, found


def test_phrases_are_unique():
    phrases = [phrase for _, phrase, _ in ROWS]
    assert len(phrases) == len(set(phrases))
