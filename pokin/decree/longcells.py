"""Cells too long to be a decree's: imported, with a peringatan naming the line.

No IKI/IKU decree writes a cell of more than a few hundred words; one longer than an Excel
cell can hold (:data:`CELL_LIMIT`) is a reading gone wrong (a table's cells run together
into one, a PDF's text layer repeated) or a file made to be hostile. It is imported as it
is, so nothing is lost, but said: the planner must look, and ``pokin export`` (the matrix a
planner edits in Excel) would refuse it.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._text import format_number
from .parts import ParsedDecree

__all__ = ["CELL_LIMIT", "long_cells"]

CELL_LIMIT = 32_767
"""The most characters one Excel cell holds."""

_ROW_FIELDS = ("kinerja", "indikator", "formulasi", "sumber_data", "satuan", "target", "realisasi")


def long_cells(parsed: ParsedDecree) -> list[tuple[int, str]]:
    """(line, peringatan) for each text of ``parsed`` longer than :data:`CELL_LIMIT`.

    >>> from .parts import Block, Row
    >>> parsed = ParsedDecree(source="x.txt", layout="tab")
    >>> parsed.blocks = [Block("CAMAT", 3, rows=[Row(5, "K", "I", formulasi="x" * 40_000)])]
    >>> long_cells(parsed)  # doctest: +ELLIPSIS
    [(5, 'formulasi jabatan «CAMAT» sepanjang 40.000 karakter ...')]
    """
    return [
        (line, f"{name} {owner} sepanjang {format_number(len(text))} karakter "
         f"(satu sel Excel memuat paling banyak {format_number(CELL_LIMIT)}): diimpor apa "
         "adanya, tetapi periksa keputusannya (sel-sel yang terbaca menyatu, atau teks "
         "yang berulang); `pokin export` tidak dapat menulisnya ke matriks")
        for line, owner, name, text in _texts(parsed)
        if len(text) > CELL_LIMIT
    ]  # fmt: skip


def _texts(parsed: ParsedDecree) -> Iterator[tuple[int, str, str, str]]:
    """(line, owner, field, text) of every text the tree is built from."""
    for sasaran in parsed.iku:
        yield sasaran.line, "tabel IKU", "sasaran", sasaran.uraian
        for iku in sasaran.indikator:
            for name in ("uraian", "formulasi", "sumber_data", "satuan", "target"):
                yield iku.line, "tabel IKU", name, getattr(iku, name)
    for block in parsed.blocks:
        owner = f"jabatan «{block.nama[:60]}»"
        yield block.line, owner, "nama", block.nama
        yield block.line, owner, "tugas", block.tugas
        for fungsi in block.fungsi:
            yield block.line, owner, "fungsi", fungsi
        for row in block.rows:
            for name in _ROW_FIELDS:
                yield row.line, owner, name, getattr(row, name)
