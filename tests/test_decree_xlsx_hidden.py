"""An office's Excel decree that holds more than its tables (QA7 #2, #4): formulas never
calculated, hidden sheets, rows and columns, a summary sheet of counts. Invented Kecamatan Cibodas
Wetan workbooks, one sheet per position."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pokin.cli import main
from pokin.decree import import_decree
from pokin.errors import SheetError

HEADER = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
POSITIONS = {
    "Camat": (
        "CAMAT CIBODAS WETAN",
        [
            [
                "Meningkatnya kualitas pelayanan publik",
                "Indeks kepuasan masyarakat",
                "Survei IKM",
                "Laporan survei",
                "indeks",
                84.5,
            ],
            [
                None,
                "Persentase layanan PATEN selesai",
                "Selesai / masuk x 100",
                "Register PATEN",
                "persen",
                97,
            ],
        ],
    ),
    "Sekcam": (
        "SEKRETARIS KECAMATAN",
        [
            [
                "Tersusunnya dokumen perencanaan",
                "Jumlah dokumen perencanaan",
                "Dokumen disahkan",
                "Arsip Sekretariat",
                "dokumen",
                5,
            ],
            [
                None,
                "Persentase realisasi anggaran",
                "Realisasi / pagu x 100",
                "Laporan keuangan",
                "persen",
                95,
            ],
        ],
    ),
}


def _position_sheet(ws: Worksheet, nama: str, rows: list[list[object]]) -> None:
    ws.append([f"JABATAN : {nama}"])
    ws.merge_cells("A1:G1")
    ws.append(HEADER)
    for number, row in enumerate(rows, 1):
        ws.append([number, *row])


def workbook(path: Path, *, rekap: bool = False, hidden: bool = False) -> Path:
    wb = Workbook()
    first = wb.active
    if rekap:  # the office's summary first, as offices add it
        first.title = "Rekapitulasi"
        first.append(["REKAPITULASI IKI KECAMATAN CIBODAS WETAN 2027"])
        first.merge_cells("A1:F1")
        first.append(
            ["No", "Nama Jabatan", "Jumlah Kinerja", "Jumlah Indikator", "Capaian Kinerja"]
        )
        first.append([1, "Camat", 1, 2, "100%"])
        first.append([2, "Sekretaris Kecamatan", 1, 2, "100%"])
    else:
        wb.remove(first)
    for title, (nama, rows) in POSITIONS.items():
        _position_sheet(wb.create_sheet(title), nama, rows)
    if hidden:
        old = wb.create_sheet("Camat 2026 (arsip)")
        _position_sheet(
            old, "CAMAT CIBODAS WETAN", [["Kinerja lama", "Indikator lama", "-", "-", "indeks", 70]]
        )
        old.sheet_state = "hidden"
        sekcam = wb["Sekcam"]
        sekcam.append(
            [3, None, "Jumlah rapat staf (tidak dipakai lagi)", "Rapat", "Notulen", "kali", 12]
        )
        sekcam.row_dimensions[5].hidden = True
    wb.save(path)
    return path


def test_a_target_formula_never_calculated_is_refused_with_its_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "cibodas.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["Sekcam"]["G4"] = "=90+5"  # written by a program that never calculated it
    wb.save(path)
    with pytest.raises(SheetError) as caught:
        import_decree(path)
    text = str(caught.value)
    assert "lembar 'Sekcam', baris 4, kolom G (Target)" in text
    assert "rumus yang belum dihitung Excel (=90+5)" in text
    assert "LibreOffice" in text


def test_the_cli_exits_2_on_an_uncalculated_formula(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "cibodas.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["Camat"]["G3"] = "=ROUND(84.49,1)"
    wb.save(path)
    out = tmp_path / "cibodas.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 2
    assert "rumus yang belum dihitung Excel (=ROUND(84.49,1))" in capsys.readouterr().err
    assert not out.exists()


def test_hidden_sheets_and_rows_are_left_out_and_said(tmp_path: Path) -> None:
    result = import_decree(workbook(tmp_path / "cibodas.xlsx", hidden=True))
    tree = result.tree
    assert [j.nama for j in tree.jabatan] == ["Camat Cibodas Wetan", "Sekretaris Kecamatan"]
    uraian = [i.uraian for j in tree.jabatan for k in j.kinerja for i in k.indikator]
    assert len(uraian) == 4
    assert not any("tidak dipakai" in u or "lama" in u for u in uraian)
    notes = [note for _, note in result.notes]
    assert "lembar 'Camat 2026 (arsip)' tersembunyi: dilewati" in notes
    assert (
        5,
        "lembar 'Sekcam', baris 5 tersembunyi: dilewati («Jumlah rapat staf (tidak dipakai lagi)»)",
    ) in result.notes


def test_a_summary_sheet_of_counts_is_no_decree_table(tmp_path: Path) -> None:
    result = import_decree(workbook(tmp_path / "cibodas.xlsx", rekap=True))
    tree = result.tree
    assert [j.nama for j in tree.jabatan] == ["Camat Cibodas Wetan", "Sekretaris Kecamatan"]
    assert [j.id for j in tree.jabatan if j.atasan is None] == [tree.jabatan[0].id]
    assert tree.summary().startswith("2 jabatan, 2 kinerja, 4 indikator")
    assert (1, "lembar 'Rekapitulasi' dilewati: bukan tabel IKI") in result.notes


def test_hidden_columns_are_left_out_and_said(tmp_path: Path) -> None:
    """QA8 C: a hidden 'Target 2026' column and a hidden internal-notes column were read
    into every indicator in silence; a hidden range of columns (min..max) too."""
    path = workbook(tmp_path / "cibodas.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for sheet in wb.worksheets:
        sheet["H2"], sheet["I2"], sheet["J2"] = "Target 2026", "Catatan Internal", "Keterangan"
        for row in range(3, sheet.max_row + 1):
            sheet.cell(row, 8, 70)
            sheet.cell(row, 9, "JANGAN DICETAK")
            sheet.cell(row, 10, "draf lama")
    wb["Camat"].column_dimensions["H"].hidden = True  # one column
    wb["Sekcam"].column_dimensions.group("H", "J", hidden=True)  # a range H..J
    wb["Camat"].column_dimensions["J"].hidden = True
    wb.save(path)
    result = import_decree(path)
    tree = result.tree
    indikator = [i for j in tree.jabatan for k in j.kinerja for i in k.indikator]
    assert len(indikator) == 4
    dumped = repr([i.model_dump() for i in indikator])
    assert "JANGAN DICETAK" in dumped  # Camat's column I is not hidden
    assert "draf lama" not in dumped
    assert "70" not in dumped
    assert "2026" not in dumped
    notes = [note for _, note in result.notes]
    for said in (
        "lembar 'Camat', kolom H (Target 2026) tersembunyi: dilewati",
        "lembar 'Camat', kolom J (Keterangan) tersembunyi: dilewati",
        "lembar 'Sekcam', kolom H (Target 2026) tersembunyi: dilewati",
        "lembar 'Sekcam', kolom I (Catatan Internal) tersembunyi: dilewati",
        "lembar 'Sekcam', kolom J (Keterangan) tersembunyi: dilewati",
    ):
        assert said in notes
    assert not any("'Camat', kolom I" in n for n in notes)
    assert (2, "lembar 'Sekcam', kolom I (Catatan Internal) tersembunyi: dilewati") in result.notes
