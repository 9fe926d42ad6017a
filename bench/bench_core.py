"""Time the core on a kecamatan and on a kabupaten-sized tree; print the figures.

    .venv/bin/python bench/bench_core.py [--kelurahan N]

Figures, not assertions: the unit tests never time anything.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic
from timing import timed

import pokin


def run(name: str, tree: pokin.PohonKinerja) -> None:
    n_ind = sum(1 for _ in tree.iter_indikator())
    print(f"{name}: {len(tree.jabatan)} jabatan, {n_ind} indikator")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.yaml"
        timed("save (YAML, atomic)", lambda: pokin.save(tree, path))
        print(f"  {'file size':<34} {path.stat().st_size / 1e6:9.2f} MB")
        timed("load (YAML + validation)", lambda: pokin.load(path), repeat=1)
    cascade = timed("build Cascade graph", lambda: pokin.Cascade(tree))
    findings = timed("check (all rules)", lambda: pokin.check(cascade))
    timed("coverage", findings.coverage)
    timed("text report", findings.to_text)
    leaf = tree.jabatan[-1].kinerja[0].id
    timed("path_to_iku (one leaf)", lambda: cascade.path_to_iku(leaf))
    print(f"  findings: {findings.counts()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kelurahan", type=int, default=250)
    args = parser.parse_args()
    for name in pokin.datasets.names():
        run(name, pokin.datasets.load(name))
    run("synthetic kecamatan", synthetic(kelurahan=8))
    run("synthetic kabupaten", synthetic(kelurahan=args.kelurahan))


if __name__ == "__main__":
    main()
