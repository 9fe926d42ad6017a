"""Time the Excel cascade matrix on a kecamatan and a kabupaten-sized tree; print the figures.

    .venv/bin/python bench/bench_excel.py [--kelurahan N]

Figures, not assertions: the unit tests never time anything.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from synthetic import synthetic
from timing import timed

import pokin
from pokin.excel import export_xlsx, read_xlsx


def run(name: str, tree: pokin.PohonKinerja, repeat: int) -> None:
    n_ind = sum(1 for _ in tree.iter_indikator())
    print(f"{name}: {len(tree.jabatan)} jabatan, {n_ind} indikator")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "matriks.xlsx"
        findings = timed(
            "check (for the finding codes)", lambda: pokin.check(tree), repeat=repeat, seconds=True
        )
        timed(
            "export_xlsx (findings given)",
            lambda: export_xlsx(tree, path, findings=findings),
            seconds=True,
        )
        timed(
            "export_xlsx (runs the checks)",
            lambda: export_xlsx(tree, path),
            repeat=repeat,
            seconds=True,
        )
        print(f"  {'file size':<40} {path.stat().st_size / 1e6:8.2f} MB")
        back = timed(
            "read_xlsx (+ validation)", lambda: read_xlsx(path), repeat=repeat, seconds=True
        )
        print(f"  {'round trip lossless':<40} {pokin.dumps(back) == pokin.dumps(tree)!s:>8}")
        # why read_xlsx uses openpyxl's read-only mode:
        timed(
            "  openpyxl parse, read_only=True",
            lambda: parse(path, read_only=True),
            repeat=repeat,
            seconds=True,
        )
        timed(
            "  openpyxl parse, read_only=False",
            lambda: parse(path, read_only=False),
            repeat=repeat,
            seconds=True,
        )


def parse(path: Path, *, read_only: bool) -> int:
    """Just openpyxl: load the workbook and walk every row of every sheet."""
    workbook = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    try:
        return sum(1 for sheet in workbook for _ in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kelurahan", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    for name in pokin.datasets.names():
        run(name, pokin.datasets.load(name), 3)
    run("synthetic kecamatan", synthetic(kelurahan=8), 3)
    run("synthetic kabupaten", synthetic(kelurahan=args.kelurahan), args.repeat)


if __name__ == "__main__":
    main()
