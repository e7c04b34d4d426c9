"""The terminal: progress bars of a long build, and what a build tells them."""
from __future__ import annotations

import io
import shutil

from conftest import DATA
from generator.build import Builder
from generator.config import SiteConfig
from generator.terminal import ProgressBar


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def _lines(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().replace("\r", "\n").split("\n") if line]


def test_a_quick_build_draws_nothing():
    out, clock = io.StringIO(), Clock()
    bar = ProgressBar(out, delay=2.0, clock=clock)
    for done in range(1, 101):
        clock.now = done / 100            # the whole build within one second
        bar("articles read", done, 100)
    bar.close()
    assert out.getvalue() == ""


def test_a_long_build_draws_each_stage_and_keeps_its_last_count():
    out, clock = io.StringIO(), Clock()
    bar = ProgressBar(out, delay=2.0, every=0.1, clock=clock)
    clock.now = 3.0
    for done in range(1, 1001):
        clock.now += 0.001
        bar("articles extracted", done, 1000)
    for done in range(1, 11):
        clock.now += 0.5
        bar("pages written", done, 10)
    bar.close()
    lines = _lines(out)
    assert lines[-1].startswith("pages written") and lines[-1].endswith("10/10") and "#" * ProgressBar.WIDTH in lines[-1]
    extracted = [line for line in lines if line.startswith("articles extracted")]
    assert extracted[-1].endswith("1,000/1,000")
    assert 5 <= len(extracted) <= 15                 # throttled: about one line each 0.1 s, not 1,000
    assert out.getvalue().count("\n") == 2           # one finished line per stage shown


def test_a_build_tells_each_counted_stage_up_to_its_total(tmp_path):
    shutil.copytree(DATA / "dev" / "articles", tmp_path / "content")
    told: dict[str, list[tuple[int, int]]] = {}
    config = SiteConfig(content_dir=tmp_path / "content", output_dir=tmp_path / "site")
    result = Builder(config, None, progress=lambda stage, done, total: told.setdefault(stage, []).append((done, total))).build()
    assert result.ok
    assert set(told) >= {"articles read", "pages written"}
    for stage, calls in told.items():
        counts = [done for done, _ in calls]
        assert counts == sorted(counts) and counts[-1] == calls[-1][1], (stage, calls[-3:])
    assert told["articles read"][-1][1] == result.timeline.articles
    assert told["pages written"][-1][1] == result.pages
