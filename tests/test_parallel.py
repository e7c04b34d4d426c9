"""Extraction and rendering shared out over the cores (issue 11.1, 11.3) give the same site, byte for byte, as one process.

The build shares articles out only while its process runs one thread (workers are forked), so the
comparison runs in a fresh interpreter: the test session itself keeps other tests' threads."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import DATA

SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    import generator.build as b
    from generator.config import SiteConfig

    content, out = Path(sys.argv[1]), Path(sys.argv[2])
    import generator.parallel as par
    par.PARALLEL_FROM = 10 ** 9
    one = b.build(SiteConfig(content_dir=content, output_dir=out / "one", permalinks=None))
    par.PARALLEL_FROM = 2
    pooled = []
    original = b.Builder._extract_in_parallel
    def spy(self, *args):
        pooled.append(original(self, *args))
        return pooled[-1]
    b.Builder._extract_in_parallel = spy
    import generator.site.render as r
    rendered = []
    def render_spy(fn, items, **kw):
        rendered.append(par.can_share(len(items)))
        return par.map_ordered(fn, items, **kw)
    r.map_ordered = render_spy
    shared = b.build(SiteConfig(content_dir=content, output_dir=out / "shared", permalinks=None))
    tree = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    # the workers also find the pages a cached build keeps; one changed by hand is rendered again here
    cache = out / "cache"
    b.build(SiteConfig(content_dir=content, output_dir=out / "again", permalinks=None), cache)
    victim = sorted((out / "again" / "officials").rglob("index.html"))[3]
    victim.write_text("edited by hand", encoding="utf-8")
    again = b.build(SiteConfig(content_dir=content, output_dir=out / "again", permalinks=None), cache)
    print(len(pooled[0]), len(one.extracted), len(shared.extracted), tree(out / "one") == tree(out / "shared"),
          rendered[0], shared.rendered == shared.pages, again.rendered, tree(out / "one") == tree(out / "again"))
""")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: extraction is never shared out")
def test_a_parallel_build_equals_a_one_process_build(tmp_path):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(DATA / "realstyle" / "articles"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pooled, one, shared, same, rendered, all_pages, again_rendered, again_same = done.stdout.split()
    assert (pooled, one, shared) == ("195", "195", "195"), done.stdout
    assert rendered == all_pages == "True"              # every page rendered by the workers
    assert same == "True"
    assert again_rendered == "1" and again_same == "True", done.stdout     # only the page edited by hand


MAP_SCRIPT = textwrap.dedent("""
    import os
    from generator import parallel
    pids, told = set(), []
    def square(x):
        return x * x, os.getpid()
    out = list(parallel.map_ordered(square, list(range(1000)), minimum=2, progress=told.append))
    assert [r for r, _ in out] == [x * x for x in range(1000)], "out of order"
    workers = {pid for _, pid in out} - {os.getpid()}
    assert len(workers) >= 2, workers
    assert told == sorted(told) and told[-1] == 1000, told[-5:]
    def fails(x):
        if x == 777:
            raise ValueError("item 777")
        return x
    try:
        list(parallel.map_ordered(fails, list(range(1000)), minimum=2))
    except ValueError as exc:
        assert "777" in str(exc)
    else:
        raise AssertionError("the worker's exception was lost")
    small = list(parallel.map_ordered(square, [1, 2, 3]))      # too few to share: done here
    assert [r for r, _ in small] == [1, 4, 9] and {pid for _, pid in small} == {os.getpid()}
    print("ok")
""")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: work is never shared out")
def test_map_ordered_keeps_order_tells_progress_and_raises_what_a_worker_raised():
    done = subprocess.run([sys.executable, "-c", MAP_SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
