"""Time the diagrams on a kecamatan and on a kabupaten-sized tree; print the figures.

    .venv/bin/python bench/bench_render.py [--kelurahan N]

Figures, not assertions: the unit tests never time anything. Drawing needs Graphviz's
``dot``; without it only the pure-Python steps are timed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic
from timing import timed

import pokin
from pokin.render import measure, paginate, run_dot, to_dot


def kecamatan(name: str, tree: pokin.PohonKinerja) -> None:
    boxes = sum(len(j.kinerja) for j in tree.jabatan)
    print(f"{name}: {len(tree.jabatan)} jabatan, {boxes} kinerja boxes")
    dot = timed("to_dot (check included)", lambda: to_dot(tree))
    if shutil.which("dot") is None:
        print("  (Graphviz's dot is not installed: nothing drawn)")
        return
    svg = timed("dot -Tsvg", lambda: run_dot(dot).decode("utf-8"))
    timed("to_dot + dot -Tsvg", lambda: run_dot(to_dot(tree)))
    width, height = measure(svg)
    print(f"  {'drawing (points)':<40} {width:6.0f} x {height:.0f}, ratio {width / height:.2f}")


def kabupaten(kelurahan: int) -> None:
    tree = synthetic(kelurahan=kelurahan)
    n_ind = sum(1 for _ in tree.iter_indikator())
    print(f"synthetic kabupaten: {len(tree.jabatan)} jabatan, {n_ind} indikator")
    cascade = pokin.Cascade(tree)
    findings = timed("check", lambda: pokin.check(cascade), repeat=1)
    dot = timed("to_dot (findings given)", lambda: to_dot(cascade, findings=findings))
    print(f"  {'DOT text':<40} {len(dot) / 1e6:9.1f} MB")
    pages = timed("paginate (max 400 boxes)", lambda: paginate(cascade, findings=findings))
    print(f"  {'pages':<40} {len(pages):9d} (largest {max(p.boxes for p in pages)} boxes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kelurahan", type=int, default=222, help="222: about 20,000 indikator")
    args = parser.parse_args()
    for name in pokin.datasets.names():
        kecamatan(name, pokin.datasets.load(name))
    kecamatan("synthetic kecamatan", synthetic(kelurahan=4))
    kabupaten(args.kelurahan)


if __name__ == "__main__":
    main()
