"""A large corpus for benchmarks: the test corpora copied until N articles, with new people in each copy.

Copy 0 is the corpora as they are. In copy k every official named in any gold
answer gets another name (first and last word replaced by words chosen by k), in
every article, so each copy reports meetings of other people: distinct events and
official pages, as a real collection of 10,000 reports would have, rather than
10,000 sources of the same 150 meetings. Short forms the gold does not list keep
their old spelling; that costs extraction quality, not size.

    python3 benchmarks/corpus.py OUT --articles 10000

Returns (prints) the number of articles written. Deterministic: the same N gives
the same files.
"""
from __future__ import annotations

import argparse
import json
import re
import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# invented name parts, none of them a word of the articles' ordinary vocabulary
_FIRST = ["Hà", "Lê", "Vũ", "Đỗ", "Lý", "Mai", "Tạ", "Đào", "Kha", "Lục", "Mạc", "Ninh", "Quách", "Tăng", "Văn", "Yên"]
_LAST = ["Khải", "Tuệ", "Diệp", "Thạc", "Bảo", "Quyết", "Khuê", "Đoan", "Nhạn", "Triệu", "Hiếu", "Tường", "Lạc",
         "Vĩnh", "Uyên", "Phiên", "Khiêm", "Doãn", "Giám", "Thịnh", "Tiệp", "Hoằng", "Cẩn", "Duệ", "Lẫm"]


def _articles() -> tuple[list[Path], list[str]]:
    """Every article of the corpora under tests/data, and every official's name in their gold, longest first."""
    files, names = [], set()
    for gold_file in sorted(DATA.glob("*/gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for event in gold.get("events", []):
            for p in event.get("participants", []):
                names.update(n for n in [p["name"], *p.get("aliases", [])] if len(n.split()) >= 2)
        files += [f for f in sorted((gold_file.parent / "articles").iterdir()) if f.is_file()]
    return files, sorted(names, key=len, reverse=True)


def _renamed(name: str, k: int) -> str:
    """Copy k's spelling of a name: its first and last words replaced, chosen by k and by the name
    itself, so that two officials of one copy keep two names."""
    words = name.split()
    h = zlib.crc32(name.encode("utf-8"))
    last = _LAST[(k + h) % len(_LAST)]
    if len(words) == 1:
        return words[0] + last.lower()
    words[-1] = last
    words[0] = _FIRST[(k // len(_LAST) + h // len(_LAST)) % len(_FIRST)] if k >= len(_LAST) else words[0]
    return " ".join(words)


def generate(out: Path, count: int) -> int:
    sources, names = _articles()
    everyone = re.compile("|".join(re.escape(n) for n in names))
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    k = 0
    while written < count:
        for f in sources:
            if written >= count:
                break
            text = f.read_text(encoding="utf-8")
            if k:
                text = everyone.sub(lambda m: _renamed(m.group(0), k - 1), text)
            (out / f"c{k:04d}-{f.parent.parent.name}-{f.name}").write_text(text, encoding="utf-8")
            written += 1
        k += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    print(generate(args.out, args.articles))


if __name__ == "__main__":
    main()
