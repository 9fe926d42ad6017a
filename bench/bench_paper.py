"""Print on paper (``pokin render --paper``): how many pages, and how long the plan takes.

    .venv/bin/python bench/bench_paper.py [--indicators 1000 10000] [--papers A4L A3]

For synthetic trees of about 1e3 and 1e4 indicators, per paper (``A4L`` is A4 landscape):
the pages planned (overview and unit pages), the boxes and positions per unit page, the
smallest print scale, and the seconds of ``plan_paper`` against a floor timed in the same
run: drawing each planned page once with ``dot`` (what printing them costs at the least).
Figures, not assertions: the unit tests never time anything. Needs Graphviz's ``dot``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import kelurahan_for, synthetic

from pokin.render import run_dot
from pokin.render.paper import plan_paper

PAPERS = {"A4L": ("A4", True), "A4": ("A4", False), "A3": ("A3", False), "A3L": ("A3", True)}


def _draw_all(dots: list[str]) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda dot: run_dot(dot, timeout=600), dots))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--indicators", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--papers", nargs="+", default=["A4L", "A3"], choices=list(PAPERS))
    args = parser.parse_args()
    if shutil.which("dot") is None:
        sys.exit("bench_paper needs Graphviz's dot")
    print(
        f"{'tree':>24} {'paper':>5} {'pages':>6} {'boxes/p':>8} {'pos/p':>6} {'scale':>6}"
        f" {'plan s':>7} {'floor s':>8} {'ratio':>6}"
    )
    for wanted in args.indicators:
        tree = synthetic(kelurahan=kelurahan_for(wanted))
        indicators = sum(len(k.indikator) for j in tree.jabatan for k in j.kinerja)
        name = f"{indicators:,} ind, {sum(len(j.kinerja) for j in tree.jabatan):,} boxes"
        for key in args.papers:
            paper, landscape = PAPERS[key]
            start = time.perf_counter()
            pages = plan_paper(tree, paper=paper, landscape=landscape, findings=None, timeout=600)
            plan = time.perf_counter() - start
            floor = _draw_all([p.dot for p in pages])
            body = [p for p in pages if p.own]
            boxes = sum(len(p.own) for p in body) / max(len(body), 1)
            positions = sum(len({b.rsplit(".", 1)[0] for b in p.own}) for p in body)
            print(
                f"{name:>24} {key:>5} {len(pages):>6} {boxes:>8.1f} "
                f"{positions / max(len(body), 1):>6.1f} {min(p.scale for p in pages):>6.2f} "
                f"{plan:>7.1f} {floor:>8.1f} {plan / floor:>6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
