"""A Word decree whose tables stand inside a frame table (invented Teluk Sebong Hulu decree).

Some offices lay each position out in a borderless two- or three-column table: JABATAN,
":", the title, TUGAS ... in its rows, and the IKI table nested in a cell of its last row.
The frame was read as one table whose cell held the whole IKI table as text: every block
found, not one indikator ("tidak satu pun baris tabel"). A small table nested in a
formula cell is still that cell's text.
"""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree

from .decree_files import indikator_rows

HEADER = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
POSITIONS = [
    ("KEPALA SEKSI PEMERINTAHAN", "Menyiapkan bahan urusan pemerintahan umum.", [
        ["1", "Meningkatnya tertib administrasi kelurahan",
         "Persentase kelurahan yang melapor tepat waktu", "Kelurahan melapor / kelurahan x 100%",
         "Laporan kelurahan", "persen", "100"],
        [None, None, "Jumlah pembinaan administrasi RT/RW", "Jumlah kegiatan pembinaan",
         "Daftar hadir", "kegiatan", "6"],
    ]),
    ("LURAH TELUK LOBAM", "Menyelenggarakan pemerintahan di Kelurahan Teluk Lobam.", [
        ["1", "Meningkatnya ketahanan pangan keluarga nelayan",
         "Jumlah kelompok pengolah hasil laut yang aktif", "Kelompok berproduksi 6 bulan",
         "Data kelompok usaha", "kelompok", "5"],
    ]),
]  # fmt: skip


def _nested(cell: object, rows: list[list[str | None]]) -> None:
    table = cell.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = text


def framed(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT TELUK SEBONG HULU")
    for title, tugas, rows in POSITIONS:
        frame = d.add_table(rows=3, cols=3)
        for r, (label, value) in enumerate([("JABATAN", title), ("TUGAS", tugas)]):
            frame.cell(r, 0).text, frame.cell(r, 1).text, frame.cell(r, 2).text = label, ":", value
        holder = frame.cell(2, 0).merge(frame.cell(2, 2))
        _nested(holder, [HEADER, *rows])
        d.add_paragraph("")
    d.save(str(path))
    return path


def test_an_iki_table_nested_in_a_frame_table_is_read(tmp_path: Path) -> None:
    result = import_decree(framed(tmp_path / "bingkai.docx"))
    assert [(j.nama, j.tugas) for j in result.tree.jabatan] == [
        ("Kepala Seksi Pemerintahan", "Menyiapkan bahan urusan pemerintahan umum."),
        ("Lurah Teluk Lobam", "Menyelenggarakan pemerintahan di Kelurahan Teluk Lobam."),
    ]
    seksi, lurah = "Kepala Seksi Pemerintahan", "Lurah Teluk Lobam"
    assert indikator_rows(result.tree) == [
        (seksi, "Meningkatnya tertib administrasi kelurahan",
         "Persentase kelurahan yang melapor tepat waktu",
         "Kelurahan melapor / kelurahan x 100%", "Laporan kelurahan", "persen", "100"),
        (seksi, "Meningkatnya tertib administrasi kelurahan",
         "Jumlah pembinaan administrasi RT/RW", "Jumlah kegiatan pembinaan", "Daftar hadir",
         "kegiatan", "6"),
        (lurah, "Meningkatnya ketahanan pangan keluarga nelayan",
         "Jumlah kelompok pengolah hasil laut yang aktif", "Kelompok berproduksi 6 bulan",
         "Data kelompok usaha", "kelompok", "5"),
    ]  # fmt: skip
    assert result.skipped == []


def test_a_small_table_in_a_formula_cell_stays_its_text(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("JABATAN : KEPALA SEKSI PEMERINTAHAN")
    table = d.add_table(rows=2, cols=len(HEADER))
    table.style = "Table Grid"
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    row = ["1", "Tertibnya data RT/RW", "Persentase RT/RW terdata", "", "Data RT/RW", "persen",
           "100"]  # fmt: skip
    for c, text in enumerate(row):
        table.cell(1, c).text = text
    _nested(table.cell(1, 3), [["RT/RW terdata", "x 100%"], ["jumlah RT/RW", ""]])
    file = tmp_path / "rumus.docx"
    d.save(str(file))
    (only,) = indikator_rows(import_decree(file).tree)
    assert only[2] == "Persentase RT/RW terdata"
    assert "RT/RW terdata" in only[3]
    assert "jumlah RT/RW" in only[3]
    assert only[4:] == ("Data RT/RW", "persen", "100")
