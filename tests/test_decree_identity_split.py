"""An identity row over several lines (:mod:`pokin.decree.identity`): plain ``pdftotext``
writes a Word table ``JABATAN | : | X`` one cell per line, some decrees put the value under
its label ("1. NAMA JABATAN" / ": X"), some letter-space the label. Label, colon and value
are read as one identity row; before, each of these was refused as "tidak ditemukan blok
jabatan". A heading still in pieces is named in the refusal. Invented Cikondang decree.
"""

from __future__ import annotations

import pytest

from pokin.decree import parse
from pokin.errors import ImportDocumentError

HEADER = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
CAMAT = [
    "1.",
    "Meningkatnya akuntabilitas kinerja kecamatan",
    "Nilai SAKIP kecamatan",
    "Nilai hasil evaluasi inspektorat daerah",
    "LHE SAKIP",
    "nilai",
    "72",
]
KASI = [
    "1.",
    "Tertibnya administrasi kependudukan di kecamatan",
    "Persentase berkas kependudukan yang terverifikasi",
    "Berkas terverifikasi / berkas masuk x 100%",
    "Register pelayanan",
    "persen",
    "95",
]


def _cells(title: list[str], duty: list[str], row: list[str]) -> list[str]:
    return [*title, *duty, *HEADER, *row]


def _rows(text: str) -> list[tuple[str, str, str]]:
    parsed = parse(text, source="cikondang.txt")
    return [(b.nama, r.indikator, r.target) for b in parsed.blocks for r in b.rows]


EXPECTED = [
    ("CAMAT CIKONDANG", "Nilai SAKIP kecamatan", "72"),
    ("KEPALA SEKSI PEMERINTAHAN", "Persentase berkas kependudukan yang terverifikasi", "95"),
]


def test_cells_label_colon_value_on_three_lines() -> None:
    lines = [
        "KEPUTUSAN CAMAT CIKONDANG",
        "NOMOR : 050/3/2029",
        *_cells(["JABATAN", ":", "CAMAT CIKONDANG"], ["TUGAS", ":", "Memimpin kecamatan."], CAMAT),
        *_cells(
            ["JABATAN", ":", "KEPALA SEKSI PEMERINTAHAN"],
            ["TUGAS", ":", "Membantu camat di bidang pemerintahan."],
            KASI,
        ),
    ]
    assert _rows("\n".join(lines)) == EXPECTED


def test_tab_value_under_its_label_and_letter_spaced_label() -> None:
    header = "\t".join(HEADER)
    lines = [
        "KEPUTUSAN CAMAT CIKONDANG NOMOR 050/3/2029",
        "1. NAMA JABATAN",
        ": CAMAT CIKONDANG",
        "TUGAS\t:\tMemimpin kecamatan.",
        header,
        "\t".join(CAMAT),
        "",
        "J A B A T A N : KEPALA SEKSI PEMERINTAHAN",
        header,
        "\t".join(KASI),
    ]
    assert _rows("\n".join(lines)) == EXPECTED


def test_a_heading_left_in_pieces_is_named() -> None:
    lines = ["KEPUTUSAN CAMAT CIKONDANG", "", "JABATAN", "CAMAT CIKONDANG", "", *HEADER, *CAMAT]
    with pytest.raises(ImportDocumentError) as caught:
        parse("\n".join(lines), source="cikondang.txt")
    assert caught.value.line == 3
    assert "«JABATAN» / «CAMAT CIKONDANG»" in caught.value.message
