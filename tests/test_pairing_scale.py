"""The pairing of two years stays linear in the number of positions: it reads the table of
pairs made so far a bounded number of times, not once per position (it did, in two places:
at 10.000 indicators check --previous took 9 s where check takes 0,2 s). Counted, not
timed: bench/bench_diff.py and bench/bench_sakip.py give the times."""

from __future__ import annotations

from typing import Any

import pytest

from pokin import PohonKinerja, check
from pokin import _pairing as pairing
from pokin.diff import diff


def _kecamatan(tahun: int, kelurahan: int) -> PohonKinerja:
    """An invented kecamatan: a Camat and one Lurah per kelurahan, each Lurah's indicator
    worded a little differently from last year in the later year."""
    lurah: list[dict[str, Any]] = [
        {
            "id": f"lurah-{n}",
            "nama": f"Lurah Sukamaju {n}",
            "peran": "lurah",
            "unit": f"Kelurahan Sukamaju {n}",
            "atasan": "camat",
            "kinerja": [
                {
                    "uraian": f"Meningkatnya pelayanan Kelurahan Sukamaju {n}",
                    "mendukung": ["camat.k1.i1"],
                    "indikator": [
                        {
                            "uraian": f"Persentase layanan Kelurahan Sukamaju {n} selesai"
                            + (" tepat waktu" if tahun > 2025 else ""),
                            "target": "90",
                            "realisasi": "92" if tahun == 2025 else None,
                        }
                    ],
                }
            ],
        }
        for n in range(kelurahan)
    ]
    return PohonKinerja.model_validate(
        {
            "pokin": 1,
            "organisasi": {"nama": "Kecamatan Sukamaju Raya", "tahun": tahun},
            "jabatan": [
                {
                    "id": "camat",
                    "nama": "Camat Sukamaju Raya",
                    "peran": "camat",
                    "kinerja": [
                        {
                            "uraian": "Meningkatnya pelayanan publik",
                            "indikator": [{"uraian": "Indeks kepuasan masyarakat"}],
                        }
                    ],
                },
                *lurah,
            ],
        }
    )


class _Counted(dict[str, tuple[str, float]]):
    reads = 0

    def values(self) -> Any:
        _Counted.reads += 1
        return super().values()


def test_the_table_of_pairs_is_read_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Spy(pairing.TreeMatch):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.nodes = _Counted()

    monkeypatch.setattr(pairing, "TreeMatch", Spy)
    reads = {}
    for kelurahan in (10, 80):
        old, new = _kecamatan(2025, kelurahan), _kecamatan(2026, kelurahan)
        _Counted.reads = 0
        found = check(new, previous=old)
        changes = diff(old, new)
        reads[kelurahan] = _Counted.reads
        # the pairing still pairs every reworded indicator and finds every low target
        assert sum(1 for f in found if f.code == "PK802") == kelurahan
        assert sum(1 for n in changes.nodes if n.jenis == "indikator") == kelurahan
    assert reads[80] == reads[10]
