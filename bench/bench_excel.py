"""Time the Excel cascade matrix on a kecamatan and a kabupaten-sized tree; print the figures.

    .venv/bin/python bench/bench_excel.py [--kelurahan N]

Figures, not assertions: the unit tests never time anything.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from synthetic import synthetic
from timing import timed

import pokin
import pokin.excel as excel
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
        timed(  # the Saran Tautan suggestions computed in this process, not a forked one
            "  the same, nothing forked",
            lambda: serial(lambda: export_xlsx(tree, path, findings=findings)),
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
        # why read_xlsx reads the values with python-calamine:
        timed(
            "  values: python-calamine, every sheet",
            lambda: calamine(path),
            repeat=repeat,
            seconds=True,
        )
        timed(
            "  values: openpyxl read_only, every sheet",
            lambda: parse(path),
            repeat=repeat,
            seconds=True,
        )
        timed(
            "  XML: ElementTree.iterparse of the rows",
            lambda: iterparse(path),
            repeat=repeat,
            seconds=True,
        )


def serial(export: Callable[[], Path]) -> Path:
    """``export`` with the suggestions computed here (pokin.excel.worker forks none)."""
    forks_from = excel.FORK_FROM
    excel.FORK_FROM = sys.maxsize
    try:
        return export()
    finally:
        excel.FORK_FROM = forks_from


def parse(path: Path) -> int:
    """Just openpyxl: load the workbook and walk every row of every sheet."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for sheet in workbook for _ in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def calamine(path: Path) -> int:
    """Just python-calamine: every sheet's values as lists."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        return sum(
            len(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names
        )
    finally:
        workbook.close()


def iterparse(path: Path) -> int:
    """A direct streaming parse of each sheet's XML (the stdlib's C parser), rows only."""
    rows = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            with archive.open(name) as member:
                for _, element in ElementTree.iterparse(member):
                    if element.tag.endswith("}row"):
                        rows += 1
                        element.clear()
    return rows


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
