"""Read an office's own Excel workbook of IKI/IKU tables (not pokin's matrix), with openpyxl.

Offices keep the decree's tables in Excel as one sheet per position (a ``Jabatan : X``
cell above the table, else the sheet's name is the position) or as one long table with a
``Jabatan`` column; merged cells (a kinerja over its indicators), header rows repeated
down the sheet and numbered rows are all common. Each sheet becomes one
:class:`~.document.Table` whose ``line`` is the sheet's row number; a cell covered by a
vertically merged cell is ``None`` (the same as above), a horizontally merged header cell
fills every column it spans. :mod:`.assemble` reads them through the one column
vocabulary (:mod:`.columns`).

:func:`is_pokin_matrix` tells pokin's own cascade matrix (read by :mod:`pokin.excel`)
from an office workbook by its content: its sheets.
"""

from __future__ import annotations

import io
import re
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from .._files import check_archive, damage_reason, read_bytes
from .._numbers import number_text
from .._text import fold, format_moment
from ..errors import ImportDocumentError, PokinFileError, SheetError
from .columns import column_role, header_roles
from .document import Item, Table, TableRow
from .marks import position_row, title_of
from .sheetxml import without_empty_cells

__all__ = ["POKIN_SHEETS", "is_pokin_matrix", "read_items"]

POKIN_SHEETS = ("Matriks Cascading", "Organisasi")
"""The sheets of the workbook ``pokin export`` writes."""


def _open(path: Path, *, read_only: bool, data_only: bool = True) -> Any:
    from openpyxl import load_workbook

    try:  # missing, a folder, too large, a zip bomb: said as for every other input
        check_archive(path)
        raw = read_bytes(path)
        data = io.BytesIO(raw if read_only else without_empty_cells(raw))
    except PokinFileError as exc:
        raise ImportDocumentError(exc.message, path=str(path), hint=exc.hint or "") from None
    try:  # a file object: openpyxl would refuse a workbook by its name (".docx")
        return load_workbook(data, read_only=read_only, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ImportDocumentError(
            f"bukan buku kerja Excel (.xlsx), atau berkasnya rusak ({damage_reason(exc)})",
            path=str(path),
            hint="simpan ulang dari Excel atau LibreOffice sebagai 'Excel Workbook "
            "(*.xlsx)'; berkas .xls, .ods dan .csv tidak dibaca",
        ) from None


def is_pokin_matrix(path: Path) -> bool:
    """Whether the workbook is pokin's own matrix (a ``Matriks Cascading`` or
    ``Organisasi`` sheet), not an office's table."""
    workbook = _open(path, read_only=True)
    try:
        names = {fold(name) for name in workbook.sheetnames}
    finally:
        workbook.close()
    return bool(names & {fold(name) for name in POKIN_SHEETS})


def read_items(path: Path, notes: list[tuple[int, str]] | None = None) -> list[Item]:
    """Every visible sheet's rows as a table (and the sheet's name as the title where
    needed). Hidden sheets, rows and columns are left out and said in ``notes``, with a sheet that
    is no IKI table (a summary of counts); a formula the workbook keeps no value for is
    refused (:meth:`~pokin.errors.SheetError.uncalculated`)."""
    said = notes if notes is not None else []
    workbook = _open(path, read_only=False)
    formulas = _open(path, read_only=False, data_only=False)
    items: list[Item] = []
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                said.append((1, f"lembar {sheet.title!r} tersembunyi: dilewati"))
                continue
            hidden = _hidden_columns(sheet)
            rows = _rows(sheet, said, hidden)
            if not rows:
                continue
            _refuse_uncalculated(path, sheet, formulas[sheet.title], rows, hidden)
            if is_count_sheet(rows):
                said.append((1, f"lembar {sheet.title!r} dilewati: bukan tabel IKI"))
                continue
            if _needs_title(rows, sheet.title):  # the sheet's name is the position's title
                rows.insert(0, TableRow(rows[0].line, [f"JABATAN : {sheet.title}"]))
            items.append(Table(rows, fresh=True, sheet=sheet.title))
    finally:
        workbook.close()
        formulas.close()
    return items


def _refuse_uncalculated(
    path: Path, sheet: Any, formulas: Any, rows: list[TableRow], hidden: set[int]
) -> None:
    """A read cell left empty whose formula the workbook keeps no value for (written by a
    program that never calculated it): its value would be lost without a word."""
    header: list[str] = []
    for row in rows:
        texts = [c or "" for c in row.cells]
        if header_roles(texts) is not None:
            header = texts
            continue
        for col in range(1, sheet.max_column + 1):
            if col in hidden:
                continue
            if col <= len(row.cells) and row.cells[col - 1] is not None and row.cells[col - 1]:
                continue
            formula = formulas.cell(row.line, col).value
            if isinstance(formula, str) and formula.startswith("="):
                raise SheetError.uncalculated(
                    formula,
                    path=path,
                    sheet=sheet.title,
                    row=row.line,
                    column=col,
                    header=header[col - 1] if col <= len(header) else None,
                )


def _text(value: Any, number_format: str = "General") -> str:
    """A cell as the sheet shows it, as pokin's matrix reads it: ``0.95`` formatted ``0%``
    is "95%", ``82.0`` is "82", ``82.5`` is "82,5" (the Indonesian decimal comma)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value, number_format)
    if isinstance(value, _MOMENTS):  # "31 Desember 2026", not "2026-12-31 00:00:00"
        return format_moment(value)
    return str(value).replace("\r\n", "\n").strip()


_MOMENTS = (date, time, timedelta)
"""What openpyxl gives for a cell Excel shows as a date, a time or a duration."""


def _hidden_columns(sheet: Any) -> set[int]:
    """The sheet's hidden columns (1-based); one dimension may hide a range min..max."""
    from openpyxl.utils import column_index_from_string

    hidden: set[int] = set()
    for key, dimension in sheet.column_dimensions.items():
        if dimension.hidden:
            first = dimension.min or column_index_from_string(key)
            hidden.update(range(first, max(dimension.max or first, first) + 1))
    return hidden


def _rows(sheet: Any, notes: list[tuple[int, str]], hidden: set[int]) -> list[TableRow]:
    covered: dict[tuple[int, int], str | None] = {}
    for merged in sheet.merged_cells.ranges:
        first = sheet.cell(merged.min_row, merged.min_col)
        top = _text(first.value, first.number_format)
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) != (merged.min_row, merged.min_col):
                    covered[row, col] = top if row == merged.min_row else None
    rows, seen = [], []
    moments: dict[int, list[tuple[int, str]]] = {}  # column -> (row, text) of date cells
    # only the rows holding a cell: iter_rows() from row 1 builds every cell of every row
    # up to the last one (10^5 empty rows above a note at the bottom)
    for number in sorted({row for row, _ in sheet._cells}):
        row = next(sheet.iter_rows(min_row=number, max_row=number))
        cells: list[str | None] = []
        for col, cell in enumerate(row, 1):
            here = (number, col)
            cells.append(
                covered[here] if here in covered else _text(cell.value, cell.number_format)
            )
            if here not in covered and isinstance(cell.value, _MOMENTS) and col not in hidden:
                moments.setdefault(col, []).append((number, cells[-1] or ""))
        if hidden and not sheet.row_dimensions[number].hidden:
            seen.append(TableRow(number, list(cells)))
        for col in hidden:  # "" (not None: None is "the cell above")
            if col <= len(cells):
                cells[col - 1] = ""
        while cells and not cells[-1]:
            cells.pop()
        if any(cells) and sheet.row_dimensions[number].hidden:
            shown = max((c or "" for c in cells), key=len)[:60]
            said = f"lembar {sheet.title!r}, baris {number} tersembunyi: dilewati («{shown}»)"
            notes.append((number, said))
        elif any(cells):
            rows.append(TableRow(number, cells))
    _say_hidden_columns(sheet.title, seen, hidden, notes)
    _say_moments(sheet.title, rows, moments, notes)
    return rows


def _say_moments(
    title: str,
    rows: list[TableRow],
    moments: dict[int, list[tuple[int, str]]],
    notes: list[tuple[int, str]],
) -> None:
    """One note per column holding cells Excel keeps as a date, a time or a duration: read
    the Indonesian way ("31 Desember 2026"), but Excel also turns what was typed as "1-12"
    or "3/4" into a date, so the planner is told where."""
    from openpyxl.utils import get_column_letter

    header = next((r for r in rows if header_roles([c or "" for c in r.cells]) is not None), None)
    for col, cells in sorted(moments.items()):
        name = header.cells[col - 1] if header and col <= len(header.cells) else None
        named = f" ({name})" if name else ""
        at = ", ".join(str(number) for number, _ in cells[:5]) + (", ..." if len(cells) > 5 else "")
        notes.append(
            (
                cells[0][0],
                f"lembar {title!r}, kolom {get_column_letter(col)}{named}, baris {at}: Excel "
                f"menyimpan tanggal atau jam, ditulis «{cells[0][1]}»; bila yang diketik bukan "
                "tanggal, format selnya sebagai Teks lalu ketik ulang",
            )
        )


def _say_hidden_columns(
    title: str, seen: list[TableRow], hidden: set[int], notes: list[tuple[int, str]]
) -> None:
    """One note per hidden column that holds something, with its letter and header."""
    from openpyxl.utils import get_column_letter

    header = next((r for r in seen if header_roles([c or "" for c in r.cells]) is not None), None)
    for col in sorted(hidden):
        filled = [r for r in seen if col <= len(r.cells) and r.cells[col - 1]]
        if not filled:
            continue
        name = header.cells[col - 1] if header and col <= len(header.cells) else None
        named = f" ({name})" if name else ""
        line = header.line if header and name else filled[0].line
        letter = get_column_letter(col)
        notes.append((line, f"lembar {title!r}, kolom {letter}{named} tersembunyi: dilewati"))


def _needs_title(rows: list[TableRow], name: str) -> bool:
    """A sheet whose table names no position (no ``Jabatan`` title or column before it)
    and is not the IKU table (a sheet named IKU, a "Sasaran Strategis" column)."""
    for at, row in enumerate(rows):
        texts = [c or "" for c in row.cells]
        if any(title_of(t) or t.strip().lower().rstrip(" :") in _LABELS for t in texts):
            return False
        roles = header_roles(texts)
        if roles is not None:
            iku = "STRATEGIS" in " ".join(texts).upper() or re.search(r"\bIKU\b", name, re.I)
            named = any(_names_position(r) for r in rows[at + 1 :])  # "CAMAT" merged across
            return "jabatan" not in roles and not iku and not named
    return False


def _names_position(row: TableRow) -> bool:
    texts = [c or "" for c in row.cells]
    filled = {t for t in texts if t}
    return len(filled) == 1 and position_row(texts, min(filled))


_LABELS = ("jabatan", "nama jabatan")


def is_count_sheet(rows: list[TableRow]) -> bool:
    """A summary sheet ("Rekap": No | Jabatan | Jumlah Kinerja | Jumlah Indikator): its
    first row naming a kinerja or indicator column has only numbers under those columns.
    An IKI table writes the kinerja and indicators as words."""
    for at, row in enumerate(rows):
        texts = [c or "" for c in row.cells]
        if len({t for t in texts if t}) < 3:
            continue  # a title ("REKAPITULASI IKI ..."), not the header of columns
        columns = [
            col
            for col, text in enumerate(texts)
            if _COUNTED.search(text.upper())
            and column_role(text) in ("kinerja", "indikator", "lain")
        ]
        if not columns:
            continue
        below = [
            (r.cells[col] or "").strip()
            for r in rows[at + 1 :]
            for col in columns
            if col < len(r.cells)
        ]
        values = [v for v in below if v]
        return bool(values) and all(_NUMBER.fullmatch(v) for v in values)
    return False


_COUNTED = re.compile(r"\b(?:KINERJA|INDIKATOR|IKI|RHK)\b")
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*\s*%?")
