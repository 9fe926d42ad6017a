"""A table row the PDF printer broke across a page (its first part at the bottom of one
page with no rule under it, the rest at the top of the next below the repeated header) is
one row: never lost to loose text, never an extra kinerja. The invented Karangmulya
decree (tests/fixtures/readers/make_karangmulya.py), Chromium-printed, read with
pdfplumber; four of its eight rows break over a page."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from pokin.decree import import_decree
from pokin.decree.assemble import assemble
from pokin.decree.document import Item, Paragraph, Table, TableRow

from .scripts import load_script

HERE = Path(__file__).parent / "fixtures" / "readers"


def _source() -> ModuleType:
    return load_script(HERE / "make_karangmulya.py")


SOURCE = _source()


def test_every_row_and_cell_across_page_breaks() -> None:
    result = import_decree(HERE / "karangmulya-2026.pdf")
    [jabatan] = result.tree.jabatan
    assert jabatan.nama == SOURCE.NAMA
    read = [
        (k.uraian, i.uraian, i.formulasi, i.sumber_data, i.satuan, i.target)
        for k in jabatan.kinerja
        for i in k.indikator
    ]
    assert read == [tuple(row) for row in SOURCE.ROWS]
    assert "Teks keputusan" not in (jabatan.catatan or "")


def _cut_table(second: list[str]) -> list[Item]:
    header = ["No", "Kinerja", "Indikator", "Formulasi", "Sumber Data", "Satuan", "Target"]
    first = ["1", "Meningkatnya kualitas pelayanan", "Persentase layanan", "Layanan", "", "", ""]
    return [
        Paragraph(1, "Nama Jabatan : Camat Karangmulya"),
        Table([TableRow(2, [*header]), TableRow(3, [*first])], page=1, broken=True),
        Table([TableRow(4, [*header]), TableRow(5, [*second])], page=2),
    ]


def test_the_rest_of_a_cut_row_joins_it_even_in_capitals() -> None:
    rest = ["", "Kecamatan Karangmulya", "Tepat Waktu", "selesai dibagi diterima", "SKM", "%", "9"]
    decree = assemble(_cut_table(rest), source="x.pdf", layout="pdf")
    [row] = decree.blocks[0].rows
    assert row.kinerja == "Meningkatnya kualitas pelayanan Kecamatan Karangmulya"
    assert row.indikator == "Persentase layanan Tepat Waktu"
    assert row.target == "9"


def test_a_numbered_row_after_a_cut_row_is_kept_and_said() -> None:
    second = ["2", "Meningkatnya ketertiban", "Persentase kasus", "Kasus", "Laporan", "%", "80"]
    decree = assemble(_cut_table(second), source="x.pdf", layout="pdf")
    assert [row.kinerja for row in decree.blocks[0].rows] == [
        "Meningkatnya kualitas pelayanan",
        "Meningkatnya ketertiban",
    ]
    assert any("halaman 2" in note and line == 5 for line, note in decree.notes)
