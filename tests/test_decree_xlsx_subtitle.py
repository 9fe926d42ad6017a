"""Rows above an office workbook's header that hold one text (a title or a subtitle merged
across the sheet) are the decree's head, not lost table rows (QA9 #3).

The invented Batu Belah workbook has a title row and a subtitle "Lampiran Keputusan Camat
Batu Belah Nomor 800/9/BB/2027" merged across all columns, in Title Case. Before, the
subtitle was a "baris tabel sebelum kepala tabel" warning (exit 1 for a clean decree),
shown as the merged text once per column, and the nomor was not read.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from pokin.cli import main
from pokin.decree import import_decree

HEADER = ["No", "Nama Jabatan", "Sasaran Kinerja", "Indikator Kinerja", "Satuan", "Target"]


def _workbook(path: Path, rows_above: list[str], *, stray: list[str] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "IKI 2027"
    for text in rows_above:
        ws.append([text])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
    if stray is not None:  # a row of two merged texts no reader can place
        ws.append(stray)
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=3)
        ws.merge_cells(start_row=ws.max_row, start_column=4, end_row=ws.max_row, end_column=6)
    ws.append([])
    ws.append(HEADER)
    ws.append(
        [1, "Camat Batu Belah", "Meningkatnya layanan", "Indeks kepuasan warga", "indeks", 81]
    )
    ws.append(
        [2, "Sekretaris Kecamatan", "Tertibnya keuangan", "Persentase SPJ tepat waktu", "%", 95]
    )
    wb.save(path)
    return path


def test_a_merged_subtitle_is_the_decrees_head_not_a_lost_row(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "batu-belah.xlsx",
        [
            "INDIKATOR KINERJA INDIVIDU KECAMATAN BATU BELAH TAHUN 2027",
            "Lampiran Keputusan Camat Batu Belah Nomor 800/9/BB/2027",
        ],
    )
    result = import_decree(path)
    assert result.skipped == []
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert dokumen.nomor == "800/9/BB/2027"
    assert [j.nama for j in result.tree.jabatan] == ["Camat Batu Belah", "Sekretaris Kecamatan"]
    assert main(["import", str(path), "-o", str(tmp_path / "out.yaml")]) == 0


def test_a_skipped_rows_merged_cells_are_shown_once(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "batu-belah.xlsx",
        ["INDIKATOR KINERJA INDIVIDU KECAMATAN BATU BELAH TAHUN 2027"],
        stray=["Kode formulir: F-IKI/01", "", "", "Revisi: 2", "", ""],
    )
    (skipped,) = import_decree(path).skipped
    assert skipped.text == "Kode formulir: F-IKI/01 | Revisi: 2"
