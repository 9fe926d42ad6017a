"""How long pokin.diff takes on a kecamatan-sized revision, against the floor of checking
the two trees (which a diff does anyway). Prints figures; times nothing in unit tests.

    python bench/bench_diff.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pokin
from pokin.models import PohonKinerja


def _revised(tree: PohonKinerja) -> PohonKinerja:
    """Every third position renamed with a new id (its kinerja ids change with it), every
    fifth indicator reworded: the pairing must fall back on titles and texts."""
    tree = tree.model_copy(deep=True)
    renamed = {}
    for n, jabatan in enumerate(tree.jabatan):
        if n % 3 == 0 and jabatan.atasan is not None:
            renamed[str(jabatan.id)] = f"{jabatan.id}-baru"
    for jabatan in tree.jabatan:
        old = str(jabatan.id)
        if old in renamed:
            jabatan.id = renamed[old]
            jabatan.nama = f"{jabatan.nama} (Baru)"
        if jabatan.atasan in renamed:
            jabatan.atasan = renamed[jabatan.atasan]
    ids: dict[str, str] = {}
    for jabatan in tree.jabatan:
        for k, kinerja in enumerate(jabatan.kinerja, 1):
            new = f"{jabatan.id}.k{k}"
            ids[str(kinerja.id)] = new
            kinerja.id = new
            for i, indikator in enumerate(kinerja.indikator, 1):
                ids[str(indikator.id)] = f"{new}.i{i}"
                indikator.id = f"{new}.i{i}"
                if i % 5 == 0:
                    indikator.uraian = f"Persentase {indikator.uraian}"
    for _, kinerja in tree.iter_kinerja():
        for _, link in kinerja.iter_links():
            if link.ke in ids:
                link.ke = ids[link.ke]
    return PohonKinerja.model_validate(tree.model_dump())


def main() -> None:
    for name in ("sambutan-2023", "kebomas-2023"):
        old = pokin.datasets.load(name)
        new = _revised(old)
        start = time.perf_counter()
        pokin.check(old)
        pokin.check(new)
        floor = time.perf_counter() - start
        start = time.perf_counter()
        result = pokin.diff(old, new)
        took = time.perf_counter() - start
        print(
            f"{name}: {old.summary()}; diff {took:.2f} s ({took / floor:.1f}× checking both "
            f"trees, {floor:.2f} s); {len(result.match.jabatan)} jabatan paired, "
            f"{len(result.jabatan)} changed, {len(result.nodes)} nodes changed"
        )


if __name__ == "__main__":
    main()
