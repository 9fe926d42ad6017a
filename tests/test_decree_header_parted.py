"""A header written over two rows where a parent label spans sub-labels that name the
columns: "Target" over "Volume | Satuan" (QA9 #16). The sub-labels name the columns; a
sub-label naming no role of its own (Volume, Kuantitas) takes its parent's (the target).
Before, the second header row was read as a phantom kinerja with the target «Volume
Satuan» in Word, and as a header of its own in HTML (no target on any row, the numbers
in catatan), in silence. Invented decree: Kecamatan Lembah Teratai.
"""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree
from pokin.decree.columns import column_role
from pokin.decree.headrows import sub_header

from .decree_files import add_table

ROWS = [
    ("Meningkatnya pelayanan perizinan kecamatan", "Jumlah izin usaha mikro yang diterbitkan",
     "Hitungan izin terbit", "Register PATEN", "izin", "150"),
    ("Meningkatnya pelayanan perizinan kecamatan", "Persentase izin terbit tepat waktu",
     "Izin tepat waktu / izin terbit x 100%", "Register PATEN", "persen", "95"),
    ("Terselenggaranya musrenbang kecamatan", "Jumlah usulan musrenbang yang diverifikasi",
     "Hitungan usulan", "Berita acara musrenbang", "usulan", "60"),
]  # fmt: skip


def _read(path: Path) -> list[tuple[str, ...]]:
    result = import_decree(path)
    assert result.skipped == []
    return [
        (k.uraian, i.uraian, i.formulasi or "", i.sumber_data or "", i.satuan or "", str(i.target))
        for j in result.tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


def test_word_target_over_volume_and_satuan(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT LEMBAH TERATAI")
    for jabatan, rows in (("KEPALA SEKSI PELAYANAN", ROWS[:2]), ("KEPALA SEKSI PEMBANGUNAN",
                                                                 ROWS[2:])):  # fmt: skip
        d.add_paragraph(f"JABATAN : {jabatan}")
        body: list[list[str | None]] = []
        for n, (kinerja, indikator, formulasi, sumber, satuan, target) in enumerate(rows):
            first = n == 0 or rows[n - 1][0] != kinerja
            body.append([f"{n + 1}." if first else None, kinerja if first else None, indikator,
                         formulasi, sumber, target, satuan])  # fmt: skip
        add_table(
            d,
            [
                ["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data",
                 "Target", "<"],
                [None, None, None, None, None, "Volume", "Satuan"],
                *body,
            ],
        )  # fmt: skip
    path = tmp_path / "lembah-teratai.docx"
    d.save(str(path))
    assert _read(path) == ROWS


def test_html_target_over_satuan_and_kuantitas(tmp_path: Path) -> None:
    cells = "".join(
        f"<tr><td>{n}.</td><td>{k}</td><td>{i}</td><td>{f}</td><td>{s}</td><td>{sat}</td>"
        f"<td>{t}</td></tr>"
        for n, (k, i, f, s, sat, t) in enumerate(ROWS, 1)
    )
    path = tmp_path / "lembah-teratai.html"
    path.write_text(
        "<html><body><h3>KEPUTUSAN CAMAT LEMBAH TERATAI</h3>"
        "<p>Nama Jabatan : Kepala Seksi Pelayanan</p>"
        "<table><tr><th rowspan=2>No</th><th rowspan=2>Sasaran Kinerja</th>"
        "<th rowspan=2>Indikator Kinerja</th><th rowspan=2>Formulasi</th>"
        "<th rowspan=2>Sumber Data</th><th colspan=2>Target</th></tr>"
        f"<tr><th>Satuan</th><th>Kuantitas</th></tr>{cells}</table></body></html>",
        encoding="utf-8",
    )
    assert _read(path) == ROWS


def test_sub_labels_name_the_columns_under_their_parent() -> None:
    top = ["No", "Sasaran", "Sasaran", "Formulasi", "2026", "2026"]
    below = ["", "Kinerja", "Indikator", "", "Target", "Realisasi"]
    labels = sub_header(top, below)
    assert labels is not None
    assert [column_role(label) for label in labels] == [
        "no", "kinerja", "indikator", "formulasi", "target", "realisasi"
    ]  # fmt: skip
    assert labels[4:] == ["Target 2026", "Realisasi 2026"]  # the year stays said
    # a data row under a spanning "Target" is no header: figures, one label, long text
    assert sub_header(["Indikator", "Target", "Target"], ["Jumlah izin", "150", "izin"]) is None
    assert sub_header(["No", "Target", "Target"], ["", "izin", "izin"]) is None


def test_word_sasaran_over_kinerja_and_indikator_in_every_table(tmp_path: Path) -> None:
    """The upper row names no indicator column: only the row below makes it a header,
    in the first table and in the next position's (where a header was already known)."""
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT LEMBAH TERATAI")
    for jabatan, rows in (("KEPALA SEKSI PELAYANAN", ROWS[:2]), ("KEPALA SEKSI PEMBANGUNAN",
                                                                 ROWS[2:])):  # fmt: skip
        d.add_paragraph(f"JABATAN : {jabatan}")
        body: list[list[str | None]] = []
        for n, (kinerja, indikator, formulasi, sumber, satuan, target) in enumerate(rows):
            first = n == 0 or rows[n - 1][0] != kinerja
            body.append([kinerja if first else None, indikator, formulasi, sumber, satuan,
                         target])  # fmt: skip
        add_table(
            d,
            [
                ["Sasaran", "<", "Cara Perhitungan", "Sumber Data", "Satuan", "Target 2026"],
                ["Kinerja", "Indikator", None, None, None, None],
                *body,
            ],
        )  # fmt: skip
    path = tmp_path / "sasaran.docx"
    d.save(str(path))
    assert _read(path) == ROWS


def test_html_sasaran_over_kinerja_and_indikator(tmp_path: Path) -> None:
    cells = "".join(
        f"<tr><td>{k}</td><td>{i}</td><td>{f}</td><td>{s}</td><td>{sat}</td><td>{t}</td></tr>"
        for k, i, f, s, sat, t in ROWS
    )
    path = tmp_path / "sasaran.html"
    path.write_text(
        "<html><body><h3>KEPUTUSAN CAMAT LEMBAH TERATAI</h3>"
        "<p>Nama Jabatan : Kepala Seksi Pelayanan</p>"
        "<table><tr><th colspan=2>Sasaran</th><th rowspan=2>Formulasi</th>"
        "<th rowspan=2>Sumber Data</th><th rowspan=2>Satuan</th><th rowspan=2>Target</th></tr>"
        f"<tr><th>Kinerja</th><th>Indikator</th></tr>{cells}</table></body></html>",
        encoding="utf-8",
    )
    assert _read(path) == ROWS


def test_office_excel_target_merged_over_volume_and_satuan(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["INDIKATOR KINERJA INDIVIDU KECAMATAN LEMBAH TERATAI"])
    sheet.append(["JABATAN : KEPALA SEKSI PELAYANAN"])
    sheet.append(["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data",
                  "Target", None])  # fmt: skip
    sheet.append([None, None, None, None, None, "Volume", "Satuan"])
    sheet.merge_cells("F3:G3")
    for column in "ABCDE":
        sheet.merge_cells(f"{column}3:{column}4")
    for n, (kinerja, indikator, formulasi, sumber, satuan, target) in enumerate(ROWS, 1):
        sheet.append([n, kinerja, indikator, formulasi, sumber, int(target), satuan])
    path = tmp_path / "lembah-teratai.xlsx"
    book.save(path)
    assert _read(path) == ROWS
