"""``pokin.read_decree`` returns only the tree: an import's notes and skipped lines would be
lost without a word, so it warns (in Indonesian) with their count and where to read them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import pokin

HEADER = "No\tKinerja\tIndikator\tFormulasi\tSumber Data\tSatuan\tTarget"
CAMAT = [
    "1",
    "Meningkatnya kualitas pelayanan publik",
    "Indeks kepuasan masyarakat",
    "Nilai survei",
    "Laporan SKM",
    "indeks",
    "82",
]
SEKRETARIS = [
    "1",
    "Tertibnya administrasi kecamatan",
    "Persentase dokumen tertib",
    "Jumlah dokumen tertib / seluruh dokumen x 100",
    "Arsip",
    "persen",
    "95",
]


def _write(tmp_path: Path, extra: list[str]) -> Path:
    lines = [
        "KEPUTUSAN CAMAT SUKAREJA NOMOR 12 TAHUN 2026",
        "TENTANG INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAREJA",
        "",
        "JABATAN\t:\tCAMAT",
        "TUGAS\t:\tmemimpin penyelenggaraan pemerintahan kecamatan",
        HEADER,
        "\t".join(CAMAT),
        *(["\t".join(extra)] if extra else []),
        "",
        "JABATAN\t:\tSEKRETARIS KECAMATAN",
        "TUGAS\t:\tmengoordinasikan administrasi umum kecamatan",
        HEADER,
        "\t".join(SEKRETARIS),
    ]
    path = tmp_path / "sukareja.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_import_with_notes_warns_with_their_count(tmp_path: Path) -> None:
    cells = ["2", "Kegiatan lain-lain", "catatan", "lebih", "sel", "berlebih", "di", "sini"]
    path = _write(tmp_path, [*cells, "juga"])
    result = pokin.import_decree(path)
    assert result.notes or result.skipped  # the input has something to say
    with pytest.warns(UserWarning, match=r"sukareja\.txt: impor keputusan ini memuat \d+ "):
        tree = pokin.read_decree(path)
    assert tree == result.tree


def test_a_clean_import_does_not_warn(tmp_path: Path) -> None:
    path = _write(tmp_path, [])
    result = pokin.import_decree(path)
    assert not result.notes
    assert not result.skipped
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pokin.read_decree(path)
