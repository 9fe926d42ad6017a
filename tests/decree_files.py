"""Decree files in the forms planners receive, written by the tests (invented content).

Word files with python-docx, PDFs with reportlab, office workbooks with openpyxl; each
helper returns the path it wrote. :func:`indikator_rows` reads an imported tree back as
the rows a decree's table holds.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pokin import PohonKinerja

Cells = Sequence[str | None]


def numbered(paragraph: object, level: int) -> None:
    """Give a Word paragraph automatic numbering at ``level`` (the number is not text)."""
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "1")
    num_pr.append(ilvl)
    num_pr.append(num_id)
    p_pr.append(num_pr)


def add_table(document: docx.document.Document, rows: list[Cells]) -> None:
    """A table; ``None`` merges the cell with the one above, ``"<"`` with the one left."""
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            elif text == "<":
                table.cell(r, c - 1).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = text


def indikator_rows(tree: PohonKinerja) -> list[tuple[str, ...]]:
    """Each indicator as its table row: (jabatan, kinerja, indikator, formulasi, sumber
    data, satuan, target), an empty cell as ""."""
    return [
        (j.nama, k.uraian, i.uraian, i.formulasi or "", i.sumber_data or "", i.satuan or "",
         str(i.target))
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]  # fmt: skip
