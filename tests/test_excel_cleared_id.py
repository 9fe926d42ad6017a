"""A matrix row whose 'ID Indikator' the planner cleared and retyped is a new indicator
with a new id (QA6 #5): it never takes over the id it had, so the old indicator is named
as removed and nothing that supported it is silently re-pointed to the new text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pokin.cli import main
from pokin.errors import SheetError
from pokin.excel import export_xlsx, read_xlsx, removed_since_export
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
