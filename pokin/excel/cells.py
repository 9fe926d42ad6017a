"""The cells of a cascade-matrix workbook: a sheet's rows, the text a cell shows, and
what only the sheet's XML tells (merged cells, formulas never calculated).

A cell is read as the text Excel shows in it, as far as the file tells: pokin writes every
data cell as text, but a planner may type a number into a cell, and Excel then stores a
number and a *number format*:

- a percent format shows the value x 100 with its decimals: ``85%`` typed is stored as
  0.85 with the format ``0%`` and read as ``"85%"``; ``0.0%`` gives ``"85,5%"``;
- a format with fixed decimals shows them: 81.5 with ``0.00`` is read as ``"81,50"``,
  with ``0`` as ``"82"``; thousands separators are left out (``#,##0.00``: ``"1234,50"``);
- the ``General`` format (and the Text format ``@``, which a number typed before the
  cell was made Text keeps) shows the number in its shortest form, at most 15 digits as
  Excel shows it: ``87,5`` typed is read as ``"87,5"`` (never ``87.49999999999999``);
  type ``'81,50`` (or format the cell as Text first) to keep the zero.

Numbers come back with the Indonesian decimal comma, as a planner typed them (the file
stores numbers without the locale; a text ``81.35`` typed into a Text cell stays as it
is). The link scores of sheet ``Tautan`` are read back as numbers. Dates are read as ISO dates
(``2024-01-03``). Currency symbols and other texts of a format are left out; scientific
and fraction formats are read as ``General``.

A formula is read as the value Excel calculated and stored with it. A workbook written by
a script (openpyxl, pandas) and never opened in Excel holds formulas without their value:
such a cell in a data column is refused, naming it, rather than read as empty. The values
come from :mod:`pokin.excel.book`; merged cells and formulas from the sheet's own XML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Protocol

from .._numbers import number_text
from ..errors import SheetError
from .book import Book, cell_ref, column_letter
from .layout import Sheet

__all__ = [
    "Loc",
    "NumberFoundError",
    "Reader",
    "Table",
    "cell_value",
    "check_sheet",
    "number_text",
]

Loc = tuple[str | int, ...]
"""A path into the tree's data (``("jabatan", 2, "kinerja", 0)``), mapped back to a cell."""


@dataclass
class Table:
    """The non-empty rows of one sheet, by column key."""

    spec: Sheet
    title: str
    columns: dict[str, int]  # column key -> column number
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    absent: dict[str, Any] = field(default_factory=dict)  # optional columns not in the sheet

    def header(self, key: str) -> str:
        return self.spec.column(key).header

    def header_at(self, column: int | None) -> str | None:
        """The header of the column numbered ``column``, if pokin reads that column."""
        key = next((k for k, n in self.columns.items() if n == column), None)
        return self.header(key) if key else None


class NumberFoundError(Exception):
    """A number in a sheet read by its values: it needs its cell's number format."""


def cell_value(raw: Any, number_format: str | None = None) -> Any:
    """A cell's value as the text the model expects: numbers and dates as Excel shows them.

    A number needs its cell's ``number_format``: without it, :class:`NumberFoundError`.
    """
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        return raw if raw.strip() else None
    if isinstance(raw, int | float):
        if number_format is None:
            raise NumberFoundError
        return number_text(raw, number_format)
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_CELL_START = re.compile(rb"<(?:\w+:)?c(?:\s([^>]*))?>\s*$")
_ATTRIBUTE = re.compile(rb'(?<![\w:])(r|t)\s*=\s*"([^"]*)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]+)<")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")


def check_sheet(file: Path, book: Book, table: Table) -> None:
    """Refuse what the values alone do not show: merged cells, formulas not calculated."""
    _refuse_merged(file, table, book.merged(table.title))
    if any(_has_formula(chunk) for chunk in book.chunks(table.title)):
        _refuse_uncalculated(file, table, book.xml(table.title))


def _has_formula(xml: bytes) -> bool:
    """Whether an ``<f>`` element may be in this piece of a sheet's XML (a plain substring
    search first: pokin's own sheets have none, and it is ten times the regex's speed)."""
    if b"<f" not in xml and b":f" not in xml:
        return False
    return _FORMULA.search(xml) is not None


def _refuse_merged(file: Path, table: Table, merged: list[tuple[int, int, int, int]]) -> None:
    if not merged:
        return
    row, column, last_row, last_column = min(merged)
    ref = f"{column_letter(column)}{row}:{column_letter(last_column)}{last_row}"
    raise SheetError(
        f"sel {ref} digabung (merge)",
        path=file,
        sheet=table.title,
        row=row,
        column=column,
        header=table.header_at(column),
        hint="pisahkan lagi (Excel: Home > Merge & Center > Unmerge Cells) lalu tulis "
        "nilainya di setiap baris tempatnya: pokin membaca baris demi baris",
    )


def _refuse_uncalculated(file: Path, table: Table, xml: bytes) -> None:
    """A formula in a data column without the value Excel stores when it calculates.

    The values read give such a cell as empty. A cell's ``<f>`` comes first in it, right
    after the cell's start tag, whose ``r`` names it.
    """
    data_columns = set(table.columns.values())
    for found in _FORMULA.finditer(xml):
        start = xml.rfind(b"<", 0, found.start())
        cell = _CELL_START.match(xml, start, found.start())
        if cell is None:
            continue  # an <f> outside the cells (a data validation's list, say)
        attributes = dict(_ATTRIBUTE.findall(cell.group(1) or b""))
        end = _CELL_END.search(xml, found.start())
        body = xml[found.start() : end.start() if end else len(xml)]
        if _VALUE.search(body) or attributes.get(b"t") in (b"str", b"inlineStr"):
            continue  # calculated (t="str" with an empty value: the empty text)
        column: int | None = None
        row: int | None = None
        ref = attributes.get(b"r")
        if ref:
            row, column = cell_ref(ref.decode())
            if row < 2 or column not in data_columns:
                continue  # the header, or a column pokin does not read
        formula = html.unescape(re.sub(rb"<[^>]*>", b"", body).decode(errors="replace"))
        raise SheetError.uncalculated(
            formula,
            path=file,
            sheet=table.title,
            row=row,
            column=column,
            header=table.header_at(column),
        )


class Reader(Protocol):
    """What the row readers (:mod:`.rows`) use of the workbook reader: where each path of
    the data came from, the Tautan sheet and its rows, and an error naming a cell."""

    marks: dict[Loc, tuple[Table, int | None, str | None, str | None]]
    tautan: Table | None
    provenance: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]]

    def error(
        self,
        table: Table | Sheet,
        row: int | None,
        key: str | None,
        message: str,
        hint: str | None = None,
    ) -> SheetError: ...
