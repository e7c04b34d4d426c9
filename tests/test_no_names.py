"""Officials are found by pattern: no person named in the gold files appears in generator/."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from conftest import gold

ROOT = Path(__file__).resolve().parent.parent


def gold_names() -> set[str]:
    names = set()
    for corpus in ("seeds", "dev", "realstyle", "synthetic_a", "synthetic_b", "synthetic_c", "synthetic_d", "synthetic_e",
                   "synthetic_f", "synthetic_g"):
        data = gold(corpus)
        for event in data["events"]:
            for p in event["participants"]:
                names.update([p["name"], *p.get("aliases", [])])
        names.update(data.get("officials_mentioned_only", []))
    return {unicodedata.normalize("NFC", n) for n in names if len(n) > 4}


def test_no_person_from_the_corpora_is_named_in_the_package():
    names = gold_names()
    assert len(names) > 40
    found = []
    for file in (ROOT / "generator").rglob("*"):
        if file.is_file() and file.suffix in {".py", ".toml", ".json", ".txt", ".tsv", ".yaml", ".yml", ".csv"}:
            text = unicodedata.normalize("NFC", file.read_text(encoding="utf-8", errors="ignore"))
            # a city named after a person is a place: "Thành phố Hồ Chí Minh" in the gazetteer of places
            text = re.sub(r"(Thành phố|thành phố|TP\.?|Tp\.?)\s*Hồ Chí Minh", "", text)
            found += [f"{file.relative_to(ROOT)}: {n}" for n in names if n in text]
    assert found == []
