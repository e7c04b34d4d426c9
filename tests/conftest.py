"""Shared fixtures: the corpora copied under tests/data, and throw-away content folders."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
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


CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
# TIMELINE_CHROMIUM names another Chromium or Chrome binary; TIMELINE_REQUIRE_BROWSER=1 (set by .ci/run)
# makes a missing browser a failure instead of a skip, so that CI never passes without running them
BROWSER_VARIABLE, REQUIRE_VARIABLE = "TIMELINE_CHROMIUM", "TIMELINE_REQUIRE_BROWSER"


def find_chromium() -> Path | None:
    named = os.environ.get(BROWSER_VARIABLE)
    if named:
        return Path(named) if Path(named).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _no_browser_reason() -> str | None:
    if find_chromium() is None:
        where = os.environ.get(BROWSER_VARIABLE) or "/usr/bin/chromium or on PATH"
        return (f"no Chromium at {where}: install Debian's Chromium (apt-get install chromium) "
                f"or set {BROWSER_VARIABLE} to a Chromium binary")
    return None


def pytest_collection_modifyitems(config, items):
    """Without a browser, the browser tests are left out with one line saying why (a failure instead
    when TIMELINE_REQUIRE_BROWSER=1, as in CI)."""
    reason = _no_browser_reason()
    if reason is None or os.environ.get(REQUIRE_VARIABLE) == "1":
        return
    browser = [item for item in items if "chromium" in getattr(item, "fixturenames", ())]
    if browser:
        items[:] = [item for item in items if item not in browser]
        config.hook.pytest_deselected(items=browser)
        config._timeline_no_browser = f"{len(browser)} browser tests not run: {reason}"


def pytest_terminal_summary(terminalreporter, config):
    said = getattr(config, "_timeline_no_browser", None)
    if said:
        terminalreporter.write_line(said, yellow=True)
    # the accessibility check's results (test_browser.py), in the output of every run that made them
    for report in sorted((Path(__file__).parent / "artifacts").glob("axe-*.json")):
        if report.stat().st_mtime >= getattr(config, "_timeline_started", 0):
            found = json.loads(report.read_text(encoding="utf-8"))
            violations = [f"{page}: {v['impact']} {v['id']}" for page, vs in found.items() for v in vs]
            terminalreporter.write_line(f"axe at {report.stem[4:]}px: {len(found)} kinds of page, "
                                        f"{len(violations)} violations" + (": " + "; ".join(violations) if violations else ""))


def pytest_configure(config):
    import time
    config._timeline_started = time.time()


@pytest.fixture(scope="module")
def chromium(request):
    """Debian's headless Chromium through Playwright, once per module. (Not named 'browser':
    pytest-playwright, when installed, would take that name over and parametrize the tests.)"""
    reason = _no_browser_reason()
    if reason is not None:
        pytest.fail(f"{reason} ({REQUIRE_VARIABLE}=1: a missing browser is a failure)", pytrace=False)
    from playwright.sync_api import sync_playwright
    binary = find_chromium()
    if request.config.pluginmanager.hasplugin("playwright"):
        # pytest-playwright keeps one Playwright per session, and the sync API cannot run two at once
        yield from _launch(request.getfixturevalue("playwright"), binary)
    else:
        with sync_playwright() as p:
            yield from _launch(p, binary)


def _launch(p, binary: Path):
    b = p.chromium.launch(executable_path=str(binary), args=CHROMIUM_ARGS)
    try:
        yield b
    finally:
        b.close()
