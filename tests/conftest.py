"""Tiny fixture trees shared by the tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pokin import PohonKinerja


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """pokin.load's parse cache never writes into the user's ~/.cache from the tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POKIN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("POKIN_CACHE", raising=False)
        yield


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _ind(uraian: str, **extra: Any) -> dict[str, Any]:
    return {
        "uraian": uraian,
        "formulasi": f"rumus {uraian} / jumlah seluruhnya",
        "sumber_data": "laporan",
        "satuan": "persen",
        "target": "100",
        **extra,
    }


BASE: dict[str, Any] = {
    "pokin": 1,
    "organisasi": {"nama": "Kecamatan Contoh", "pemerintah": "Kota Contoh", "tahun": 2024},
    "jabatan": [
        {
            "id": "camat",
            "nama": "Camat",
            "peran": "camat",
            "unit": "Kecamatan",
            "kinerja": [
                {
                    "uraian": "Meningkatnya kualitas pelayanan publik",
                    "indikator": [
                        _ind("Persentase layanan selesai tepat waktu"),
                        _ind("Indeks kepuasan masyarakat"),
                    ],
                }
            ],
        },
        {
            "id": "sekretaris",
            "nama": "Sekretaris",
            "peran": "sekretaris",
            "unit": "Sekretariat",
            "atasan": "camat",
            "kinerja": [
                {
                    "uraian": "Persentase layanan selesai tepat waktu",
                    "mendukung": ["camat.k1.i1"],
                    "indikator": [_ind("Persentase dokumen administrasi selesai")],
                }
            ],
        },
        {
            "id": "kasi",
            "nama": "Kasi Pelayanan",
            "peran": "kasi",
            "unit": "Seksi Pelayanan",
            "atasan": "camat",
            "kinerja": [
                {
                    "uraian": "Indeks kepuasan masyarakat",
                    "mendukung": ["camat.k1.i2"],
                    "indikator": [_ind("Nilai SKM seksi pelayanan")],
                }
            ],
        },
        {
            "id": "staf",
            "nama": "Pengadministrasi Umum",
            "peran": "pelaksana",
            "unit": "Sekretariat",
            "atasan": "sekretaris",
            "kinerja": [
                {
                    "uraian": "Persentase dokumen administrasi selesai",
                    "mendukung": ["sekretaris.k1.i1"],
                    "indikator": [_ind("Jumlah surat yang dicatat", satuan="surat")],
                }
            ],
        },
    ],
}


def make(mutate: Any = None) -> PohonKinerja:
    """A valid copy of the base tree, after ``mutate(data)`` changed its raw data."""
    data = copy.deepcopy(BASE)
    if mutate is not None:
        mutate(data)
    return PohonKinerja.model_validate(data)


def jab(data: dict[str, Any], id: str) -> dict[str, Any]:
    """The raw jabatan ``id`` of ``data``."""
    return next(j for j in data["jabatan"] if j["id"] == id)


@pytest.fixture
def tree() -> PohonKinerja:
    return make()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS
