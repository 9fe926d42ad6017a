"""Time the core on a kecamatan and on a kabupaten-sized tree; print the figures.

    .venv/bin/python bench/bench_core.py [--kelurahan N]

Figures, not assertions: the unit tests never time anything. Load and save are shown
beside the way pokin did them before the fast path (``before``): the careful reader that
keeps every position with the garbage collector running, and ``yaml.dump`` through the
representer (tests/test_io.py shows both give the same trees and the same bytes).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from enum import StrEnum
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from synthetic import synthetic
from timing import timed

import pokin
from pokin import io as pokin_io


class _BeforeDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BeforeDumper.add_representer(str, _text)
_BeforeDumper.add_multi_representer(StrEnum, lambda d, v: _text(d, v.value))


def save_before(tree: pokin.PohonKinerja, path: Path) -> None:
    """``pokin.save`` before the fast path (without the atomic write: a plain write)."""
    text = yaml.dump(
        pokin_io._clean(tree),
        Dumper=_BeforeDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    path.write_text(text, encoding="utf-8")


def load_before(path: Path) -> pokin.PohonKinerja:
    """``pokin.load`` before the fast path: positions for every node, collector running."""
    return pokin_io._careful_loads(path.read_text(encoding="utf-8"), path)


def load_error(text: str) -> None:
    """Load a file whose last line repeats a key: the fast path gives up, then explains."""
    try:
        pokin.loads(text + "organisasi: {nama: X}\n")
    except pokin.PokinFileError:
        return
    raise AssertionError("the duplicate key was not refused")


def run(name: str, tree: pokin.PohonKinerja) -> None:
    n_ind = sum(1 for _ in tree.iter_indikator())
    print(f"{name}: {len(tree.jabatan)} jabatan, {n_ind} indikator")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.yaml"
        timed("save before (yaml.dump)", lambda: save_before(tree, path), repeat=1)
        timed("save (YAML, atomic)", lambda: pokin.save(tree, path))
        print(f"  {'file size':<34} {path.stat().st_size / 1e6:9.2f} MB")
        timed("load before (careful reader)", lambda: load_before(path), repeat=1)
        timed("load (YAML + validation)", lambda: pokin.load(path), repeat=1)
        timed("load, then a full gc.collect()", lambda: (pokin.load(path), gc.collect()))
        text = path.read_text(encoding="utf-8")
        timed("load of a file with an error", lambda: load_error(text), repeat=1)
    cascade = timed("build Cascade graph", lambda: pokin.Cascade(tree))
    findings = timed("check (all rules)", lambda: pokin.check(cascade))
    timed("coverage", findings.coverage)
    timed("text report", findings.to_text)
    leaf = str(tree.jabatan[-1].kinerja[0].id)
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
