"""The link column's drop-down and suggestions: a whole kecamatan linked in Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import pokin
from pokin.excel import export_xlsx, read_xlsx
from pokin.excel.choices import CHOICES
from pokin.excel.layout import MATRIKS
from pokin.link import strip_links


def test_each_row_offers_its_atasans_indicators_and_notes_the_best(tmp_path: Path) -> None:
    tree = strip_links(pokin.datasets.load("wonoasih-2026"))
    workbook = openpyxl.load_workbook(export_xlsx(tree, tmp_path / "w.xlsx"))
    assert workbook[CHOICES].sheet_state == "hidden"
    sheet = workbook[MATRIKS.name]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    link = header.index("Kinerja Mendukung (ID)")
    row = next(
        n
        for n, r in enumerate(rows[1:], 2)
        if r[header.index("ID Kinerja")] == "analis-sumber-daya-manusia-aparatur.k2"
    )
    cell = f"{openpyxl.utils.get_column_letter(link + 1)}{row}"
    (validation,) = [v for v in sheet.data_validations.dataValidation if cell in v.sqref]
    sheet_name, cells = validation.formula1.split("!")
    assert sheet_name == f"'{CHOICES}'"
    column = cells.split(":")[0].strip("$").rstrip("0123456789$")
    choices = [c.value for c in workbook[CHOICES][column]]
    assert choices[0] == "kepala-sub-bagian-tata-usaha"  # the atasan
    assert choices[1:4] == [
        "kepala-sub-bagian-tata-usaha.k1.i1",
        "kepala-sub-bagian-tata-usaha.k2.i1",
        "kepala-sub-bagian-tata-usaha.k3.i1",
    ]
    saran = rows[row - 1][header.index("Saran Tautan")]
    assert saran.startswith("kepala-sub-bagian-tata-usaha.k1.i1 (skor 0,")
    assert "cuti" in saran


def test_a_link_picked_in_excel_reads_back_as_a_link(tmp_path: Path) -> None:
    tree = strip_links(pokin.datasets.load("wonoasih-2026"))
    path = export_xlsx(tree, tmp_path / "w.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[MATRIKS.name]
    header = [c.value for c in sheet[1]]
    link, kinerja = header.index("Kinerja Mendukung (ID)"), header.index("ID Kinerja")
    picked = 0
    for row in sheet.iter_rows(min_row=2):
        saran = row[header.index("Saran Tautan")].value
        if saran and row[kinerja].value.startswith("analis-sumber-daya-manusia-aparatur."):
            row[link].value = saran.split(" ", 1)[0]  # the planner takes the suggestion
            picked += 1
    workbook.save(path)
    linked = read_xlsx(path)
    analis = linked.get_jabatan("analis-sumber-daya-manusia-aparatur")
    assert picked == 9  # one row per indicator; the kinerja on lines 133-134 has two
    assert len(analis.kinerja) == 8
    assert all(
        k.mendukung and k.mendukung[0].ke.startswith("kepala-sub-bagian-tata-usaha.")
        for k in analis.kinerja
    )
    cascade = pokin.Cascade(linked)
    assert all(cascade.supported(str(k.id)) for k in analis.kinerja)


def test_a_tree_without_atasan_or_iku_gets_no_choices_sheet(tmp_path: Path) -> None:
    tree = pokin.PohonKinerja.model_validate(
        {
            "pokin": 1,
            "organisasi": {"nama": "Kecamatan X"},
            "jabatan": [
                {"id": "camat", "nama": "Camat", "peran": "camat", "kinerja": [{"uraian": "A"}]}
            ],
        }
    )
    workbook = openpyxl.load_workbook(export_xlsx(tree, tmp_path / "x.xlsx"))
    assert CHOICES not in workbook.sheetnames
