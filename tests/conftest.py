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


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def chromium(request):
    """Debian's headless Chromium through Playwright, once per module. (Not named 'browser':
    pytest-playwright, when installed, would take that name over and parametrize the tests.)"""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
                    f"(apt-get install chromium); CI installs it", pytrace=False)
    from playwright.sync_api import sync_playwright
    if request.config.pluginmanager.hasplugin("playwright"):
        # pytest-playwright keeps one Playwright per session, and the sync API cannot run two at once
        yield from _launch(request.getfixturevalue("playwright"))
    else:
        with sync_playwright() as p:
            yield from _launch(p)


def _launch(p):
    b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield b
    finally:
        b.close()
