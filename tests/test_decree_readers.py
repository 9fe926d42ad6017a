"""The decree readers on layouts that misled them (notes/readers.md): invented decrees in
the blind decrees' styles, each failing before its fix."""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree

from .decree_files import add_table

FULL = ["<"] * 5  # the rest of a row merged into its first cell


def _heading_rows(path: Path) -> Path:
    """A Keputusan Camat Sukaraharja in Word: each position's JABATAN / ATASAN LANGSUNG /
    TUGAS written as rows merged across the table, one long table for two positions."""
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT SUKARAHARJA")
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN SUKARAHARJA TAHUN 2026")
    head = ["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Satuan", "Target"]
    add_table(
        d,
        [
            ["JABATAN : CAMAT SUKARAHARJA", *FULL],
            ["TUGAS : Memimpin penyelenggaraan pemerintahan di wilayah kecamatan.", *FULL],
            head,
            ["1.", "Menurunnya prevalensi stunting", "Prevalensi stunting balita", "a/b", "%", "9"],
            ["", "", "Persentase balita ditimbang", "c/d", "%", "90"],
            ["JABATAN : SEKRETARIS KECAMATAN", *FULL],
            ["ATASAN LANGSUNG : CAMAT SUKARAHARJA", *FULL],
            ["TUGAS : Mengoordinasikan administrasi kecamatan.", *FULL],
            head,
            ["1.", "Meningkatnya realisasi PBB-P2", "Realisasi PBB-P2", "e/f", "%", "85"],
            ["2.", "Tertibnya arsip kecamatan", "Jumlah arsip tertata", "Jumlah", "berkas", "400"],
        ],
    )
    add_table(
        d,
        [
            ["JABATAN : PENGOLAH DATA DAN INFORMASI", *FULL],
            [
                "ATASAN LANGSUNG : KEPALA SUB BAGIAN PERENCANAAN EVALUASI DAN PELAPORAN KEUANGAN",
                *FULL,
            ],
            ["TUGAS : Mengolah data kinerja kecamatan.", *FULL],
            head,
            ["1.", "Tersedianya data kinerja", "Jumlah data diolah", "Jumlah", "data", "12"],
        ],
    )
    file = path / "sukaraharja.docx"
    d.save(str(file))
    return file


def test_word_heading_rows_merged_across_the_table(tmp_path: Path) -> None:
    """An "ATASAN LANGSUNG : X" row merged across a position's table names the superior:
    it opens no position and is no kinerja (defect 1 of notes/blind2.md)."""
    result = import_decree(_heading_rows(tmp_path))
    positions = [(j.nama, j.atasan, len(j.kinerja)) for j in result.tree.jabatan]
    assert positions == [
        ("Camat Sukaraharja", None, 1),
        ("Sekretaris Kecamatan", "camat-sukaraharja", 2),
        ("Pengolah Data dan Informasi", "sekretaris-kecamatan", 1),  # no such Kasubbag
    ]
    staff = result.tree.jabatan[2]
    assert [k.uraian for k in staff.kinerja] == ["Tersedianya data kinerja"]
    assert "«KEPALA SUB BAGIAN PERENCANAAN EVALUASI DAN PELAPORAN KEUANGAN»" in (
        staff.catatan or ""
    )  # the superior the decree names, kept for the planner
    assert result.skipped == []
