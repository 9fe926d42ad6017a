"""A row deleted from an exported matrix is never lost silently (QA5 #9): the Petunjuk
sheet says that deleting a row deletes its indicator, and ``pokin import`` names every
node the re-imported workbook no longer holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pokin.cli import main
from pokin.excel import export_xlsx, read_edited, read_xlsx, removed, removed_since_export
from pokin.excel.removed import contents
from pokin.io import loads

TREE = """\
pokin: 1
organisasi: {nama: Kecamatan Tirtamulya, tahun: 2026}
jabatan:
  - id: camat
    nama: Camat Tirtamulya
    peran: camat
    kinerja:
      - id: camat.k1
        uraian: Meningkatnya kualitas pelayanan administrasi terpadu
        indikator:
          - {id: camat.k1.i1, uraian: Indeks kepuasan masyarakat atas layanan PATEN}
          - {id: camat.k1.i2, uraian: Persentase permohonan PATEN selesai tepat waktu}
      - id: camat.k2
        uraian: Meningkatnya ketenteraman wilayah
        indikator:
          - {id: camat.k2.i1, uraian: Persentase gangguan trantibum yang tertangani}
  - id: sekretaris-kecamatan
    nama: Sekretaris Kecamatan
    peran: sekretaris
    atasan: camat
    kinerja:
      - id: sekretaris-kecamatan.k1
        uraian: Tertibnya administrasi keuangan kecamatan
        indikator:
          - {id: sekretaris-kecamatan.k1.i1, uraian: Persentase laporan keuangan tepat waktu}
"""


def _edited(tmp_path: Path, delete: tuple[str, ...] = (), drop_sheet: bool = False) -> Path:
    """The exported matrix with the rows of the indicators ``delete`` removed in Excel."""
    path = export_xlsx(loads(TREE), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    column = [c.value for c in sheet[1]].index("ID Indikator") + 1
    for row in range(sheet.max_row, 1, -1):
        if sheet.cell(row, column).value in delete:
            sheet.delete_rows(row)
    if drop_sheet:
        del book["Isi Ekspor"]
    edited = tmp_path / "disunting.xlsx"
    book.save(edited)
    return edited


def test_the_petunjuk_sheet_says_a_deleted_row_deletes_its_indicator(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export_xlsx(loads(TREE), tmp_path / "m.xlsx"))
    text = " ".join(str(row[0]) for row in book["Petunjuk"].values if row[0])
    assert "Menghapus baris di 'Matriks Cascading' menghapus indikatornya" in text
    assert "pokin import menyebut setiap indikator" in text
    assert book["Isi Ekspor"].sheet_state == "hidden"


def test_nothing_removed_when_no_row_was_deleted(tmp_path: Path) -> None:
    path = _edited(tmp_path)
    assert removed_since_export(path, read_xlsx(path)) == []


def test_every_deleted_indicator_and_kinerja_is_named(tmp_path: Path) -> None:
    path = _edited(tmp_path, delete=("camat.k1.i2", "camat.k2.i1"))
    tree = read_xlsx(path)
    removed = removed_since_export(path, tree)
    assert [(r.jenis, r.id) for r in removed] == [
        ("indikator", "camat.k1.i2"),
        ("kinerja", "camat.k2"),  # its only row went: the kinerja goes with it
        ("indikator", "camat.k2.i1"),
    ]
    assert removed[0].uraian == "Persentase permohonan PATEN selesai tepat waktu"


def test_a_workbook_without_the_list_compares_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA7 #16: the matrix copied into another workbook lost the hidden sheet; the deleted
    row cannot be told, and the planner is told that (never a silent "nothing deleted")."""
    path = _edited(tmp_path, delete=("camat.k1.i2",), drop_sheet=True)
    with pytest.warns(UserWarning, match="lembar 'Isi Ekspor' tidak ada: baris yang dihapus"):
        assert removed_since_export(path, read_xlsx(path)) == []
    with pytest.warns(UserWarning, match="tidak dapat diperiksa"):
        tree, removed = read_edited(path)
    assert removed == []
    assert len(list(tree.iter_indikator())) == 3
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml"), "-q"]) == 1  # peringatan
    err = capsys.readouterr().err
    assert "peringatan: " in err
    assert "lembar 'Isi Ekspor' tidak ada" in err


def test_a_link_written_as_a_kinerja_text_finds_the_kinerja(tmp_path: Path) -> None:
    """QA7 #16: the export writes a link to a kinerja as its id (camat.k2); the planner
    rewrites it as the kinerja's text in quotes, as for an indicator: accepted."""
    path = export_xlsx(loads(TREE), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    header = [c.value for c in sheet[1]]
    row = next(
        r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(r, header.index("ID Kinerja") + 1).value == "sekretaris-kecamatan.k1"
    )
    sheet.cell(
        row, header.index("Kinerja Mendukung (ID)") + 1
    ).value = "“Meningkatnya ketenteraman wilayah”"
    book.save(path)
    tree = read_xlsx(path)
    kinerja = tree.jabatan[1].kinerja[0]
    assert [link.ke for link in kinerja.mendukung] == ["camat.k2"]


def test_pokin_import_warns_of_each_deleted_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _edited(tmp_path, delete=("camat.k1.i2", "sekretaris-kecamatan.k1.i1"))
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml"), "-q"]) == 1  # peringatan
    err = capsys.readouterr().err
    assert "indikator camat.k1.i2 dihapus (barisnya tidak ada lagi di matriks)" in err
    assert "Persentase permohonan PATEN selesai tepat waktu" in err
    assert "kinerja sekretaris-kecamatan.k1 dihapus" in err
    assert "dihapus sejak diekspor: 2 indikator, 1 kinerja" in err


def test_a_large_tree_is_listed_whole_in_cells_excel_can_hold() -> None:
    tree = loads(TREE)
    kinerja = tree.jabatan[0].kinerja[0]
    extra = [
        kinerja.indikator[0].model_copy(update={"id": f"camat.k1.x{n}", "uraian": "Ü" * 200})
        for n in range(2_000)
    ]
    big = tree.model_copy(deep=True)
    big.jabatan[0].kinerja[0].indikator.extend(extra)
    cells = [row["isi"] for row in contents(big)]
    assert len(cells) > 1
    assert all(len(cell) <= 32_767 for cell in cells)
    listed = [item for cell in cells for item in json.loads(cell)]
    nodes = len(big.iku) + sum(len(s.indikator) for s in big.iku) + len(big.jabatan)
    nodes += sum(1 + len(k.indikator) for _, k in big.iter_kinerja())
    assert len(listed) == nodes
    assert ["indikator", "camat.k1.x1999", "Ü" * 200] in listed


def test_read_edited_reads_the_tree_and_names_the_deleted_rows(tmp_path: Path) -> None:
    path = _edited(tmp_path, delete=("camat.k1.i2",))
    tree, removed = read_edited(path)
    assert tree == read_xlsx(path)
    assert removed == removed_since_export(path, tree)
    assert [(r.jenis, r.id) for r in removed] == [("indikator", "camat.k1.i2")]


def test_pokin_import_parses_the_hidden_sheet_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``read_xlsx`` parses the 'Isi Ekspor' list for the ids a new row must not take;
    ``pokin import`` names the deleted rows from that same list, never reopening it."""
    path = _edited(tmp_path, delete=("camat.k1.i2",))
    parsed: list[int] = []

    def counted(rows: list[list[Any]]) -> Iterator[tuple[str, str, str]]:
        parsed.append(len(rows))
        return listed(rows)

    listed = removed._listed
    monkeypatch.setattr(removed, "_listed", counted)
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml"), "-q"]) == 1  # peringatan
    assert "indikator camat.k1.i2 dihapus" in capsys.readouterr().err
    assert parsed == [1]  # one row of JSON: the small tree's whole list
