"""Shared fixtures: the corpora copied under tests/data, and throw-away content folders."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", DATA / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scorer():
    return load_scorer()


@pytest.fixture
def make_content(tmp_path):
    """Write {name: text} as articles into a fresh content folder and return it."""
    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "content"
        root.mkdir(exist_ok=True)
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return root
    return make


def gold(corpus: str) -> dict:
    return json.loads((DATA / corpus / "gold.json").read_text(encoding="utf-8"))
