"""The same decree in another form gives the same tree: the seed decrees written as Word
documents and as office workbooks, read back, keep every jabatan, kinerja and indikator."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from pokin import Jabatan, PohonKinerja
from pokin.decree import import_decree, read_decree

from .decree_files import add_table

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
HEADER = ["No", "Rencana Kinerja", "Indikator Kinerja Individu", "Formulasi", "Sumber Data"]


def _rows(jabatan: Jabatan, *, merged: bool) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for k_no, kinerja in enumerate(jabatan.kinerja, 1):
        for i_no, ind in enumerate(kinerja.indikator):
            first = i_no == 0
            rows.append(
                [
                    f"{k_no}." if first else (None if merged else ""),
                    kinerja.uraian if first else (None if merged else ""),
                    ind.uraian,
                    " ".join((ind.formulasi or "").split()),
                    " ".join((ind.sumber_data or "").split()),
                ]
            )
    return rows


def as_docx(tree: PohonKinerja, file: Path) -> Path:
    """Every position as JABATAN / TUGAS / FUNGSI paragraphs and a table, kinerja cells
    merged down."""
    document = docx.Document()
    for jabatan in tree.jabatan:
        document.add_paragraph(f"JABATAN : {jabatan.nama}")
        if jabatan.tugas:
            document.add_paragraph(f"TUGAS : {' '.join(jabatan.tugas.split())}")
        if jabatan.fungsi:
            document.add_paragraph("FUNGSI :")
        for n, fungsi in enumerate(jabatan.fungsi):
            document.add_paragraph(f"{chr(ord('a') + n % 26)}. {fungsi}")
        rows = _rows(jabatan, merged=True)
        if rows:
            add_table(document, [HEADER, *rows])
    document.save(str(file))
    return file


def as_xlsx(tree: PohonKinerja, file: Path) -> Path:
    """One long table with a Jabatan column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Jabatan", *HEADER])
    for jabatan in tree.jabatan:
        for row in _rows(jabatan, merged=False):
            sheet.append([jabatan.nama, *row])
    workbook.save(file)
    return file


def outline(tree: PohonKinerja) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [
        (j.nama, [(k.uraian, [i.uraian for i in k.indikator]) for k in j.kinerja if k.indikator])
        for j in tree.jabatan
    ]


@pytest.mark.parametrize("seed", ["iki-sambutan-2023.txt", "iki-wonoasih-2026.txt"])
@pytest.mark.parametrize("write", [as_docx, as_xlsx])
def test_a_seed_decree_in_word_or_excel_gives_the_same_tree(
    seed: str, write: object, tmp_path: Path
) -> None:
    tree = read_decree(SEEDS / seed)
    assert callable(write)
    suffix = ".docx" if write is as_docx else ".xlsx"
    result = import_decree(write(tree, tmp_path / f"keputusan{suffix}"))
    assert result.skipped == []
    assert result.tree.summary() == tree.summary()
    assert outline(result.tree) == outline(tree)
    perans = [(j.peran, j.atasan) for j in tree.jabatan]
    if write is as_docx:  # with its tugas and fungsi, every atasan is inferred alike
        assert [(j.peran, j.atasan) for j in result.tree.jabatan] == perans
