"""An office Excel decree whose sheet carries tens of thousands of styled empty rows.

Before, openpyxl built a cell object for every value-less cell (a sheet of 10^6 such rows
took 150 s to import two positions); now the empty cells of a large sheet are left out
before openpyxl reads it, and what is read is the same: the same tree, the same row
numbers in the notes. Counted, not timed: the cells openpyxl builds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import Cell

from pokin.decree import import_decree

EMPTY_ROWS = 60_000


def ujung_gading(path: Path, *, empty_rows: int) -> Path:
    """An invented Kecamatan Ujung Gading workbook: two positions, then (optionally) rows of
    styled empty cells, then a hidden row that still holds a text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "IKI 2026"
    head = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
    for row in [
        ["JABATAN", ":", "CAMAT UJUNG GADING"],
        ["TUGAS", ":", "Memimpin penyelenggaraan pemerintahan kecamatan"],
        head,
        [1, "Meningkatnya pelayanan publik", "Indeks Kepuasan Masyarakat", "Rata-rata SKM",
         "Laporan SKM", "indeks", 84],
        [],
        ["JABATAN", ":", "SEKRETARIS KECAMATAN"],
        ["TUGAS", ":", "Membantu Camat dalam urusan kesekretariatan"],
        head,
        [1, "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "Nilai LHE", "LHE SAKIP",
         "nilai", 71],
    ]:  # fmt: skip
        sheet.append(row)
    book.save(path)
    hidden = 20 + empty_rows
    with zipfile.ZipFile(path) as archive:
        parts = {m.filename: archive.read(m) for m in archive.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    rows = "".join(f'<row r="{n}"><c r="B{n}" s="0"/><c r="C{n}" s="0"></c></row>'
                   for n in range(20, hidden))  # fmt: skip
    rows += f'<row r="{hidden}" hidden="1"><c r="B{hidden}" t="inlineStr"><is><t>JANGAN DICETAK'
    rows += "</t></is></c></row>"
    parts["xl/worksheets/sheet1.xml"] = xml.replace("</sheetData>", rows + "</sheetData>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_styled_empty_rows_are_not_built_and_change_nothing_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = [0]
    init = Cell.__init__

    def counted(self: Cell, *args: Any, **kwargs: Any) -> None:
        built[0] += 1
        init(self, *args, **kwargs)

    (tmp_path / "biasa").mkdir()
    plain = import_decree(ujung_gading(tmp_path / "biasa" / "ujung-gading.xlsx", empty_rows=0))
    monkeypatch.setattr(Cell, "__init__", counted)
    padded = import_decree(ujung_gading(tmp_path / "ujung-gading.xlsx", empty_rows=EMPTY_ROWS))
    assert built[0] < 1_000  # not one per styled empty cell (120.000 of them)
    assert padded.tree.jabatan == plain.tree.jabatan
    hidden = [text for _, text in padded.notes if "tersembunyi" in text]
    assert hidden == [f"lembar 'IKI 2026', baris {20 + EMPTY_ROWS} tersembunyi: dilewati "
                      "(«JANGAN DICETAK»)"]  # fmt: skip
