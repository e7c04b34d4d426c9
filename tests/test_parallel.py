"""Extraction shared out over the cores (issue 11.1) gives the same site, byte for byte, as one process."""
from __future__ import annotations

import os

import pytest

import generator.build as build_module
from conftest import DATA
from generator.build import build
from generator.config import SiteConfig


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: extraction is never shared out")
def test_a_parallel_build_equals_a_one_process_build(tmp_path, monkeypatch):
    content = DATA / "realstyle" / "articles"
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 10 ** 9)
    one = build(SiteConfig(content_dir=content, output_dir=tmp_path / "one", permalinks=None))
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 2)
    pooled = []
    original = build_module.Builder._extract_in_parallel

    def spy(self, *args):
        pooled.append(original(self, *args))
        return pooled[-1]
    monkeypatch.setattr(build_module.Builder, "_extract_in_parallel", spy)
    shared = build(SiteConfig(content_dir=content, output_dir=tmp_path / "shared", permalinks=None))
    assert len(pooled[0]) == 195, "the articles were not extracted in worker processes"
    assert sorted(shared.extracted) == sorted(one.extracted) and len(one.extracted) == 195
    assert _tree(tmp_path / "shared") == _tree(tmp_path / "one")
