"""An identity flattened onto one line ("JABATAN : X ATASAN LANGSUNG : Y TUGAS : Z", text
from a PDF or an HTML page without line breaks) is cut at its labels before any reader, so
the title is X, the atasan Y and the tugas Z; line numbers stay the file's. It was read as
one title and refused with an id error. Invented decrees in the fixtures' style."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pokin.decree import import_decree, parse
from pokin.decree.identity import flattened_pieces

FIXTURES = Path(__file__).parent / "fixtures" / "decrees"


@pytest.mark.parametrize(
    "name", ["txt-flat-identity-lubuk-pinang.txt", "html-flat-identity-lubuk-pinang.html"]
)
def test_a_flattened_identity_gives_title_atasan_and_tugas(name: str) -> None:
    tree = import_decree(FIXTURES / name).tree
    kasi = tree.jabatan[0]
    assert kasi.id == "kepala-seksi-pelayanan-umum"
    assert kasi.tugas.startswith("Membantu Camat dalam pelayanan administrasi")


def test_the_second_block_names_its_atasan_and_lines_stay_the_files() -> None:
    parsed = parse((FIXTURES / "txt-flat-identity-lubuk-pinang.txt").read_text(), source="x")
    assert [(b.nama, b.line, b.atasan) for b in parsed.blocks] == [
        ("KEPALA SEKSI PELAYANAN UMUM", 6, "CAMAT LUBUK PINANG"),
        ("Pengadministrasi Umum", 11, "Kepala Seksi Pelayanan Umum"),
    ]
    assert [r.line for b in parsed.blocks for r in b.rows] == [9, 14]


def test_a_word_paragraph_is_cut_too(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN LUBUK PINANG TAHUN 2026")
    document.add_paragraph(
        "JABATAN : SEKRETARIS KECAMATAN ATASAN LANGSUNG : CAMAT LUBUK PINANG "
        "TUGAS : Membantu Camat dalam urusan kesekretariatan."
    )
    table = document.add_table(rows=2, cols=5)
    cells = [
        ["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"],
        ["1", "Tertibnya administrasi", "Persentase surat diarsipkan", "persen", "100"],
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    path = tmp_path / "sekcam.docx"
    document.save(str(path))
    jabatan = import_decree(path).tree.jabatan[0]
    assert (jabatan.id, jabatan.tugas) == (
        "sekretaris-kecamatan",
        "Membantu Camat dalam urusan kesekretariatan.",
    )


@pytest.mark.parametrize(
    "line",
    [
        "1. JABATAN. : KEPALA SEKSI PEMERINTAHAN 2. TUGAS : Membantu Camat",  # the flat reader's
        "| JABATAN : CAMAT | ATASAN : BUPATI |",
        "JABATAN : KEPALA SEKSI PEMERINTAHAN",
        "TUGAS : Membantu Camat. FUNGSI : a. koordinasi",
    ],
)
def test_other_lines_are_left_whole(line: str) -> None:
    assert flattened_pieces(line) == [line]
