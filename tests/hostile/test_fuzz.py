"""A bounded, deterministic fuzz run: the seed articles mutated (lines deleted, doubled and
swapped, odd Unicode and control characters, very long lines, impossible numbers and dates,
truncation, a paragraph repeated 200 times) and read and extracted.

Reading and extracting a mutant may only fail with `ArticleError` (the documented "cannot be
read" path), and must take linear time: catastrophic regex backtracking shows as a mutant
over its time bound. Every mutant is made from a seeded random generator, so a failure names
a mutant that `mutant(seed, index)` makes again.
"""
from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from generator.extract.article import extract_article
from generator.extract.lexicon import lexicon
from generator.extract.reader import ArticleError, parse_bytes

SEEDS = sorted((Path(__file__).parent.parent / "data" / "seeds" / "articles").glob("*.txt"))
PER_SEED = 50
# 2 s for an article of news size; a mutant a hundred times longer (a paragraph repeated 200
# times) gets time in proportion, since extraction is linear (about 8 µs a byte today)
BOUND_SECONDS, BOUND_PER_BYTE = 2.0, 20e-6
HARD_STOP = 30                       # a backtracking regex must fail the test, not hang the suite

COMBINING = [chr(c) for c in range(0x300, 0x370)] + ["\u1ab0", "\u1dc0", "\u20d0", "\ufe20"]
CONTROL = [chr(c) for c in range(1, 32) if c != 10] + ["\x7f", "\x85", "\u2028", "\u2029"]
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u202f", "\u202e", "\u200f", "\u061c",
       "😀", "👨‍👩‍👧", "🇻🇳", "\ufffd", "\U0010fffd", "İ", "ẞ", "ǅ", "ﬁ", "٣", "３", "Ⅻ", "𝟗", "Đ", "ư̛", "ạ̣̣"]
TOKENS = ["99/99/9999", "31/02/2022", "29/2/2023", "29/2", "30/2", "0/0", "00/00/0000", "Ngày 99/99",
          "ngày 31 tháng 4 năm 2022", "31 tháng 4 năm 2022", "tháng 13/2099", "từ 99 đến 99-99", "từ ngày 31 đến 31/2",
          "Chiều thứ Hai (31/4)", "chiều qua (30/02)", "1.000.000", "2020-2021-2022", "Ngày 3-4-5-6/12",
          "date 9999-99-99", "date 2022-02-31", "date 0000-00-00", "31/02/2022 10:00", "Đại hội XIIIIIIII",
          "kỷ niệm 999 năm thiết lập quan hệ", "lần thứ 99999", "(((((((", ")))))))", "hôm nay hôm qua cùng ngày",
          "9" * 40, "1/" * 40, "-" * 80, "." * 80]


def _char(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.3:
        return rng.choice(COMBINING)
    if pick < 0.5:
        return rng.choice(CONTROL)
    if pick < 0.7:
        return rng.choice(ODD)
    code = rng.randrange(1, 0x30000)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _long_line(rng: random.Random) -> str:
    n = rng.randrange(5_000, 30_000)
    unit = rng.choice(["ngày ", "1/", "a", "Bộ trưởng ", "Ngày 3/3, ", "( ", "tiếp ", "9", "Đại sứ Nhật Bản ", " ",
                       "Nguyễn Văn An, ", "tháng 4 năm ", rng.choice(TOKENS) + " ", _char(rng)])
    return (unit * (n // len(unit) + 1))[:n]


def _mutate(lines: list[str], rng: random.Random) -> list[str]:
    op = rng.choice(["delete", "duplicate", "swap", "unicode", "control", "token", "token", "words", "long",
                     "header", "blank"])
    if not lines:
        return [rng.choice(TOKENS)]
    i = rng.randrange(len(lines))
    line = lines[i]
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, line)
    elif op == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op in ("unicode", "control"):
        for _ in range(rng.randrange(1, 20)):
            at = rng.randrange(len(line) + 1)
            ch = rng.choice(CONTROL) if op == "control" else _char(rng)
            line = line[:at] + ch + line[at:]
        lines[i] = line
    elif op == "token":
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + " " + rng.choice(TOKENS) + " " + line[at:]
    elif op == "words":
        words = line.split(" ")
        rng.shuffle(words)
        lines[i] = " ".join(words)
    elif op == "long":
        lines.insert(i, _long_line(rng))
    elif op == "header":
        lines[0] = rng.choice(TOKENS[18:22]) + " " + lines[0]
    elif op == "blank":
        lines.insert(i, rng.choice(["", " ", "\t", "\u3000"]))
    return lines


def mutant(seed: Path, index: int) -> bytes:
    """The `index`th mutant of a seed article: the same bytes on every run and machine."""
    rng = random.Random(f"{seed.name}:{index}")
    lines = seed.read_text(encoding="utf-8").split("\n")
    if index == 0:                   # one mutant per seed repeats a paragraph 200 times: the rest stay quick
        paragraph = rng.choice([x for x in lines if x.strip()])
        at = rng.randrange(len(lines))
        lines[at:at] = [paragraph, ""] * 200
    for _ in range(rng.randrange(1, 5)):
        lines = _mutate(lines, rng)
    text = rng.choice(["\n", "\r\n", "\r"]).join(lines)
    data = text.encode("utf-8")
    if rng.random() < 0.15:          # truncated at any byte: maybe inside a character, maybe to nothing
        data = data[:rng.randrange(len(data) + 1)]
    if rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + data
    return data


class _HardStop(Exception):
    pass


def _stop(signum, frame):
    raise _HardStop(f"still running after {HARD_STOP} s")


@pytest.fixture(scope="module", autouse=True)
def _warm():
    lexicon()                        # loading the word lists is no mutant's time


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_mutants_are_read_or_refused_in_linear_time(seed):
    failures = []
    old = signal.signal(signal.SIGALRM, _stop)
    try:
        for index in range(PER_SEED):
            data = mutant(seed, index)
            bound = max(BOUND_SECONDS, BOUND_PER_BYTE * len(data))
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, HARD_STOP)
            try:
                extract_article(parse_bytes(data, seed.name))
            except ArticleError:
                pass
            except Exception as exc:     # noqa: BLE001 - every other exception is the finding
                failures.append(f"mutant({seed.name!r}, {index}): {type(exc).__name__}: {exc}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - start
            if took > bound:
                failures.append(f"mutant({seed.name!r}, {index}): {took:.2f} s for {len(data)} bytes "
                                f"(bound {bound:.2f} s)")
    finally:
        signal.signal(signal.SIGALRM, old)
    assert failures == []


def test_mutants_are_deterministic_and_varied():
    seed = SEEDS[0]
    assert mutant(seed, 7) == mutant(seed, 7)
    made = {mutant(seed, i) for i in range(PER_SEED)}
    assert len(made) == PER_SEED
    lines = [m.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n") for m in made]
    assert any(max((x.count(line) for line in set(x) if line.strip()), default=0) >= 200 for x in lines)   # a paragraph 200 times
    assert any(len(line) >= 5_000 for x in lines for line in x)
    assert any(m.count(b"\n") == 0 and b"\r" in m for m in made)   # old Mac line ends
    assert any(b"99/99/9999" in m or b"31/02/2022" in m for m in made)
    assert any(m.decode("utf-8", "replace") != m.decode("utf-8", "ignore") for m in made)  # cut inside a character
