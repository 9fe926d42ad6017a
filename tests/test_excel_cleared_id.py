"""A matrix row whose 'ID Indikator' the planner cleared and retyped is a new indicator
with a new id (QA6 #5): it never takes over the id it had, so the old indicator is named
as removed and nothing that supported it is silently re-pointed to the new text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pokin.cli import main
from pokin.errors import SheetError
from pokin.excel import export_xlsx, read_edited, read_xlsx, removed_since_export
from pokin.io import loads

TREE = """\
pokin: 1
organisasi: {nama: Kecamatan Sukawening, tahun: 2026}
jabatan:
  - id: camat
    nama: Camat Sukawening
    peran: camat
    kinerja:
      - id: camat.k1
        uraian: Meningkatnya kualitas perizinan kecamatan
        indikator:
          - {id: camat.k1.i1, uraian: Indeks kepuasan pemohon izin}
          - {id: camat.k1.i2, uraian: Persentase rekomendasi izin terbit tepat waktu}
          - {id: camat.k1.i3, uraian: Persentase izin usaha mikro yang diterbitkan}
  - id: kasi-pelayanan
    nama: Kepala Seksi Pelayanan
    peran: kasi
    atasan: camat
    kinerja:
      - id: kasi-pelayanan.k1
        uraian: Terbitnya izin usaha mikro tepat waktu
        mendukung: [camat.k1.i3]
        indikator:
          - {id: kasi-pelayanan.k1.i1, uraian: Jumlah izin usaha mikro terbit}
"""


def _cleared(tmp_path: Path, old: str, text: str, *, unlink: bool = False) -> Path:
    """The exported matrix with the ``old`` row's 'ID Indikator' emptied and its text
    replaced, as a planner adds an indicator by overwriting a row; with ``unlink``, the
    rows that supported it no longer say so."""
    path = export_xlsx(loads(TREE), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    header = [c.value for c in sheet[1]]
    ids, texts = header.index("ID Indikator") + 1, header.index("Indikator") + 1
    links = header.index("Kinerja Mendukung (ID)") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, ids).value == old:
            sheet.cell(row, ids).value = None
            sheet.cell(row, texts).value = text
        if unlink and old in str(sheet.cell(row, links).value or ""):
            sheet.cell(row, links).value = None
    edited = tmp_path / "disunting.xlsx"
    book.save(edited)
    return edited


def test_a_cleared_id_is_a_new_indicator_and_the_old_one_is_removed(tmp_path: Path) -> None:
    path = _cleared(tmp_path, "camat.k1.i3", "Jumlah UMKM yang didampingi", unlink=True)
    tree = read_xlsx(path)
    indikator = {i.id: i.uraian for _, i in tree.iter_indikator()}
    assert indikator.get("camat.k1.i3") is None
    new = [i for i, text in indikator.items() if text == "Jumlah UMKM yang didampingi"]
    assert len(new) == 1
    assert new[0].startswith("camat.k1.")
    assert new[0] not in {"camat.k1.i1", "camat.k1.i2", "camat.k1.i3"}
    removed = removed_since_export(path, tree)
    assert [(r.jenis, r.id) for r in removed] == [("indikator", "camat.k1.i3")]


def test_a_supporter_of_the_cleared_row_is_not_re_pointed(tmp_path: Path) -> None:
    """The Kasi's kinerja still names camat.k1.i3: an error at its row and column,
    never a link silently moved to the planner's new indicator."""
    path = _cleared(tmp_path, "camat.k1.i3", "Jumlah UMKM yang didampingi")
    with pytest.raises(SheetError, match=r"camat\.k1\.i3") as error:
        read_xlsx(path)
    assert "Matriks Cascading" in str(error.value)


def test_import_names_the_removed_indicator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _cleared(tmp_path, "camat.k1.i3", "Jumlah UMKM yang didampingi", unlink=True)
    main(["import", str(path), "-o", str(tmp_path / "k.yaml")])
    err = capsys.readouterr().err
    assert "indikator camat.k1.i3 dihapus" in err


def _id_emptied(tmp_path: Path, column: str, old: str) -> tuple[Path, int]:
    """The exported matrix with the ``column`` cell of the row holding ``old`` emptied, its
    text kept (QA7 #12), and that row's number."""
    path = export_xlsx(loads(TREE), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    col = [c.value for c in sheet[1]].index(column) + 1
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col).value == old]
    for row in rows:
        sheet.cell(row, col).value = None
    edited = tmp_path / "disunting.xlsx"
    book.save(edited)
    return edited, rows[0]


@pytest.mark.parametrize(
    ("column", "old"), [("ID Indikator", "camat.k1.i3"), ("ID Kinerja", "kasi-pelayanan.k1")]
)
def test_a_cleared_id_with_its_text_kept_takes_the_exported_id_back(
    tmp_path: Path, column: str, old: str
) -> None:
    """QA7 #12: the row is still the exported node: its id is given back, said at that row,
    and neither a link to it (the Kasi's to camat.k1.i3) is blamed on the linking row, nor
    the node named as deleted."""
    path, row = _id_emptied(tmp_path, column, old)
    with pytest.warns(UserWarning, match="dikosongkan") as caught:
        tree, removed = read_edited(path)
    assert [str(w.message)[:60] for w in caught] == [
        f"lembar 'Matriks Cascading', baris {row}: {column} dikosongkan ({old} «"[:60]
    ]
    assert tree == loads(TREE)
    assert removed == []


def test_pokin_import_names_the_row_whose_id_was_cleared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, row = _id_emptied(tmp_path, "ID Indikator", "camat.k1.i3")
    # a peringatan (the id guessed back): exit 1, as for every layout
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml"), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"baris {row}: ID Indikator dikosongkan (camat.k1.i3 «Persentase izin usaha" in err
    assert "dihapus" not in err


def test_two_rows_of_the_same_text_keep_the_new_id_rule(tmp_path: Path) -> None:
    """Given back only when one row and one exported node match: two rows of the same
    text with no ID are new indicators, as before (QA6 #5)."""
    path = export_xlsx(loads(TREE), tmp_path / "matriks.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    header = [c.value for c in sheet[1]]
    ids = header.index("ID Indikator") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, ids).value == "camat.k1.i1")
    values = [c.value for c in sheet[row]]
    values[ids - 1] = None
    sheet.cell(row, ids).value = None
    sheet.insert_rows(row + 1)
    for n, value in enumerate(values, 1):
        sheet.cell(row + 1, n).value = value
    book.save(path)
    tree, removed = read_edited(path)
    indikator = [
        i.id for _, i in tree.iter_indikator() if i.uraian == "Indeks kepuasan pemohon izin"
    ]
    assert len(indikator) == 2
    assert "camat.k1.i1" not in indikator
    assert [r.id for r in removed] == ["camat.k1.i1"]


def test_an_error_about_a_link_to_a_gone_id_says_what_it_was(tmp_path: Path) -> None:
    """QA6 #5's new-id rule kept (the text changed too), but the error at the Kasi's row
    says what camat.k1.i3 was when exported, not only that no such id exists (QA7 #12)."""
    path = _cleared(tmp_path, "camat.k1.i3", "Jumlah UMKM yang didampingi")
    with pytest.raises(SheetError) as error:
        read_xlsx(path)
    message = str(error.value)
    assert "tidak ada apa pun dalam berkas dengan id 'camat.k1.i3': camat.k1.i3 diekspor" in message
    assert "«Persentase izin usaha mikro yang diterbitkan» dan kini tidak ada" in message
    assert "ID-nya dikosongkan dan teksnya diubah" in message


def test_an_error_about_a_link_names_the_rows_holding_its_text(tmp_path: Path) -> None:
    """Two rows of camat.k1.i3's text without an ID: no id is given back, and the error at
    the linking row names both rows whose ID to fill in."""
    path, row = _id_emptied(tmp_path, "ID Indikator", "camat.k1.i3")
    book = openpyxl.load_workbook(path)
    sheet = book["Matriks Cascading"]
    values = [c.value for c in sheet[row]]
    sheet.insert_rows(row + 1)
    for n, value in enumerate(values, 1):
        sheet.cell(row + 1, n).value = value
    book.save(path)
    with pytest.raises(SheetError) as error:
        read_xlsx(path)
    assert f"(baris {row}, {row + 1} tanpa ID memuat teks itu: isi kembali ID-nya" in str(
        error.value
    )
