"""The link column's drop-down: a planner links a whole kecamatan in Excel.

Each row of the cascade matrix gets, in its ``Kinerja Mendukung (ID)`` cell, a drop-down
(an Excel data validation) of the ids of its atasan's indicators (the IKU indicators for a
position without atasan), and the derived ``Saran Tautan`` column names the best candidate
for a kinerja no link reaches yet (:func:`pokin.link.suggest_links`), with its score and
reason. The lists live in a hidden sheet (:data:`CHOICES`), one column per atasan, so a
list of any length fits (an inline list is limited to 255 characters). The validation
only informs (``errorStyle="information"``): a planner may still type several ids, one
per line, or a quoted text, as the reader accepts. The workbook reads back as before:
``Saran Tautan`` is a derived column, the hidden sheet is not read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from .._text import format_number
from ..link import suggest_links
from ..models import PohonKinerja
from .layout import MATRIKS
from .writer import Book

__all__ = ["CHOICES", "add_choices", "suggestion_notes"]

CHOICES = "Pilihan Tautan"
"""The hidden sheet holding each atasan's indicator ids, one column per atasan."""
_TOP = "(IKU)"


def suggestion_notes(tree: PohonKinerja) -> dict[str, str]:
    """The ``Saran Tautan`` cell of each kinerja no link reaches yet, by its id."""
    return {
        found.dari: f"{found.ke} (skor {format_number(found.skor, 2)}): {found.alasan}"
        for found in suggest_links(tree, top=1)
    }


def add_choices(book: Book, matrix: Worksheet, tree: PohonKinerja, jabatan: list[str]) -> None:
    """Give the ``matrix`` sheet's link column its drop-downs; ``jabatan`` holds the id of
    the jabatan of each of its rows."""
    lists = _lists(tree)
    rows: dict[str, list[int]] = defaultdict(list)
    atasan = {str(j.id): j.atasan or _TOP for j in tree.jabatan}
    for number, jid in enumerate(jabatan, 1):  # XlsxWriter counts rows from 0
        owner = atasan.get(jid)
        if owner is not None and lists.get(owner):
            rows[owner].append(number)
    if not rows:
        return
    sheet = book.workbook.add_worksheet(CHOICES)
    sheet.hide()
    order = sorted(rows)
    sheet.write_row(0, 0, order)
    for depth in range(max(len(lists[o]) for o in order)):
        for index, owner in enumerate(order):
            if depth < len(lists[owner]):
                sheet.write_string(depth + 1, index, lists[owner][depth])
    column = [c.key for c in MATRIKS.columns].index("kinerja_mendukung")
    letter = xl_col_to_name(column)
    for index, owner in enumerate(order):
        source = xl_col_to_name(index)
        ranges = [(start, end) for start, end in _runs(rows[owner])]
        matrix.data_validation(
            ranges[0][0],
            column,
            ranges[0][1],
            column,
            {
                "validate": "list",
                "source": f"={quote_sheetname(CHOICES)}!${source}$2:${source}$"
                f"{len(lists[owner]) + 1}",
                "ignore_blank": True,
                "error_type": "information",
                "error_title": "Bukan indikator atasan",
                "error_message": "ID ini tidak ada di daftar indikator atasan. Tetap dipakai?",
                "input_title": "Indikator atasan",
                "input_message": "Pilih indikator atasan yang didukung; lihat kolom Saran Tautan.",
                # one validation per atasan, on every block of rows of its staff
                "multi_range": " ".join(f"{letter}{a + 1}:{letter}{b + 1}" for a, b in ranges),
            },
        )


def _lists(tree: PohonKinerja) -> dict[str, list[str]]:
    """Each atasan's indicator ids (the IKU table's under :data:`_TOP`)."""
    lists = {str(j.id): [str(i.id) for i in j.iter_indikator()] for j in tree.jabatan}
    lists[_TOP] = [str(i.id) for s in tree.iku for i in s.indikator]
    return lists


def _runs(numbers: list[int]) -> Iterable[tuple[int, int]]:
    """Consecutive row numbers as (first, last) ranges: one sqref range per block."""
    start = previous = numbers[0]
    for n in numbers[1:]:
        if n != previous + 1:
            yield start, previous
            start = n
        previous = n
    yield start, previous
