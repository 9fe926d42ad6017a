"""Poppler's plain ``pdftotext`` (no ``-layout``) of a Chromium PDF with narrow cells may
write a table column by column (QA6 #1): ``No`` and the row numbers, then ``Kinerja`` and
the kinerja cells, then ``Indikator`` / ``Kinerja`` and the indicator cells, ... Read as
rows it gave a tree with most rows missing or garbled, with only ``catatan`` notes and
exit 0. Such a text is refused with the line of its first stray label and the advice to
run ``pdftotext -layout``; the same cells written row by row are read. Invented decree:
Kecamatan Sindangwangi."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin.cli import main
from pokin.decree import import_decree

LABELS = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
ROWS = {
    "CAMAT SINDANGWANGI": [
        [
            "1",
            "Meningkatnya mutu layanan administrasi terpadu",
            "Indeks kepuasan pemohon layanan",
            "Rata-rata nilai survei pemohon",
            "Laporan survei layanan",
            "indeks",
            "83",
        ],
        [
            "2",
            "Meningkatnya ketertiban pasar desa",
            "Persentase pelanggaran pasar yang ditindak",
            "Pelanggaran ditindak dibagi pelanggaran dicatat x 100%",
            "Laporan Seksi Trantib",
            "persen",
            "85",
        ],
    ],
    "SEKRETARIS KECAMATAN": [
        [
            "1",
            "Tertibnya pengelolaan arsip kecamatan",
            "Persentase arsip yang terdaftar",
            "Arsip terdaftar dibagi arsip masuk x 100%",
            "Buku agenda arsip",
            "persen",
            "95",
        ],
    ],
}


def _text(by_columns: bool) -> str:
    """The decree as poppler writes it, a blank line after each cell: row by row, or
    (``by_columns``) each column's label and cells one after another, labels on one
    line each ("Sumber" / "Data"); in the second table "Indikator", "Formulasi" and the
    "Kinerja" under "Indikator" come together, then those three columns' cells."""
    out = ["INDIKATOR KINERJA INDIVIDU KECAMATAN SINDANGWANGI TAHUN 2026"]
    for n, (nama, rows) in enumerate(ROWS.items()):
        out += [f"JABATAN : {nama}", ""]
        if not by_columns:
            out += [f"{label}\n" for label in LABELS]
            out += [f"{cell}\n" for row in rows for cell in row]
            continue
        for column, label in enumerate(LABELS):
            if n and column in (2, 3):
                if column == 2:
                    out += ["Indikator", "Formulasi", "Kinerja"]
                    out += [row[c] for row in rows for c in (1, 2, 3)] + [""]
                continue
            out += [*label.split(), ""]
            if not (n and column == 1):
                out += [f"{row[column]}\n" for row in rows]
    return "\n".join(out) + "\n"


def test_a_table_written_column_by_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "iki.txt"
    path.write_text(_text(by_columns=True), encoding="utf-8")
    with pytest.raises(ImportDocumentError) as caught:
        import_decree(path)
    error = caught.value
    assert error.line == _text(by_columns=True).split("\n").index("No") + 1
    assert "kolom demi kolom" in error.message
    assert "«No», «Kinerja»" in error.message
    assert error.hint is not None
    # the PDF itself first (QA7 #3: -layout text of narrow columns may read wrong), -layout next
    assert error.hint.startswith("impor berkas PDF-nya langsung: pokin import BERKAS.pdf")
    assert "pdftotext -layout" in error.hint
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml")]) == 2
    assert not (tmp_path / "k.yaml").exists()


def test_the_same_cells_row_by_row_are_read(tmp_path: Path) -> None:
    path = tmp_path / "iki.txt"
    path.write_text(_text(by_columns=False), encoding="utf-8")
    result = import_decree(path)
    assert not result.skipped
    read = [(i.uraian, i.sumber_data, i.satuan, i.target) for _, i in result.tree.iter_indikator()]
    assert read == [(r[2], r[4], r[5], r[6]) for rows in ROWS.values() for r in rows]
