"""A markdown decree whose table header writes INDIKATOR letter-spaced, in bold, is still a
markdown decree (QA8: refused as "tidak ditemukan blok jabatan" while the same label worked
in tab text). Invented decree: Kecamatan Wanareja Kidul, 2027."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree

HEADERS = [
    "| No. | **I N D I K A T O R** | **Hasil Kerja** | Target | Satuan | Sumber Data |",
    # two words letter-spaced, a wider gap between them (lost when spaces are collapsed)
    "| No. | I N D I K A T O R   K I N E R J A | K I N E R J A | Target | S A T U A N"
    " | Sumber Data |",
]
RULE = "|:---:|:---|:---|---:|:---:|---|"


def _decree(header: str) -> str:
    return "\n".join(
        [
            "# LAMPIRAN KEPUTUSAN CAMAT WANAREJA KIDUL",
            "",
            "## Indikator Kinerja Individu Kecamatan Wanareja Kidul Tahun 2027",
            "",
            "### 1. Jabatan: Camat",
            "",
            header,
            RULE,
            "| 1 | Indeks kepuasan layanan administrasi terpadu | Meningkatnya mutu layanan"
            " | 84 | indeks | Laporan survei |",
            "",
            "### 2. Jabatan: Sekretaris Kecamatan",
            "",
            header,
            RULE,
            "| 1 | Persentase laporan keuangan tepat waktu | Tertibnya tata usaha keuangan"
            " | 100 | persen | Arsip keuangan |",
            "",
        ]
    )


@pytest.mark.parametrize("header", HEADERS)
def test_a_letter_spaced_indikator_header_is_read(tmp_path: Path, header: str) -> None:
    path = tmp_path / "wanareja.md"
    path.write_text(_decree(header), encoding="utf-8")
    tree = import_decree(path).tree
    rows = [
        (j.nama, k.uraian, i.uraian, i.target)
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]
    assert rows == [
        (
            "Camat",
            "Meningkatnya mutu layanan",
            "Indeks kepuasan layanan administrasi terpadu",
            "84",
        ),
        (
            "Sekretaris Kecamatan",
            "Tertibnya tata usaha keuangan",
            "Persentase laporan keuangan tepat waktu",
            "100",
        ),
    ]
