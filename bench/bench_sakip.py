"""Time pokin.sakip and its workbook on a kecamatan and a kabupaten-sized tree; print figures.

    .venv/bin/python bench/bench_sakip.py [--indikator N]

Figures, not assertions (the unit tests never time anything). Floors measured in the same
run: pokin.check on the same tree (sakip runs it once and adds the worksheets), and openpyxl
writing the same number of plain cells without styles (what any workbook costs).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from openpyxl import Workbook
from synthetic import kelurahan_for, synthetic
from timing import timed

import pokin
from pokin.sakip import write_sakip


def run(indicators: int, repeat: int) -> None:
    tree = synthetic(kelurahan=kelurahan_for(indicators))
    n_ind = sum(1 for _ in tree.iter_indikator())
    print(f"{len(tree.jabatan)} jabatan, {n_ind} indikator")
    floor = timed("check (floor)", lambda: pokin.check(tree), repeat=repeat, seconds=True)
    del floor
    hasil = timed("sakip (check + KKE + LKE)", lambda: pokin.sakip(tree), repeat=repeat,
                  seconds=True)  # fmt: skip
    cells = sum(len(s.baris) * (8 + len(s.kolom)) for s in hasil.lembar)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".json", ".xlsx"):
            path = Path(tmp) / f"kke{suffix}"
            timed(f"write_sakip {suffix}", lambda p=path: write_sakip(hasil, p), seconds=True)
            print(f"  {'size ' + suffix:<40} {path.stat().st_size / 1e6:8.2f} MB")
        timed(f"floor: {cells} plain cells, openpyxl", lambda: _plain(cells, Path(tmp)),
              seconds=True)  # fmt: skip


def _plain(cells: int, folder: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    for n in range(cells // 14):
        sheet.append([n, "jabatan", "level", "kinerja", "indikator", "id", 1, 0, 1, 1, 1, None,
                      "bukti", "keterangan"])  # fmt: skip
    book.save(folder / "plain.xlsx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indikator", type=int, nargs="*", default=[2_000, 20_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    for n in args.indikator:
        run(n, args.repeat)


if __name__ == "__main__":
    main()
