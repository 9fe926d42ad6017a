"""Read a cascade-matrix workbook back into a pohon kinerja (see :mod:`pokin.excel`).

The sheets are turned into the same nested data a YAML file holds, remembering the sheet,
row and column each value came from; the model's validation then applies exactly as for
YAML (:func:`pokin.models.resolve_references`), and any error is reported at its cell.

Rules a planner can rely on: columns are found by their header (any order; extra columns
are ignored; a missing data column is an error); rows may be sorted; empty rows are
skipped; merged cells are refused (their value would belong to one row only).

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
such a cell in a data column is refused, naming it, rather than read as empty.
"""

from __future__ import annotations

import difflib
import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
)
from openpyxl.workbook.workbook import Workbook
from pydantic import ValidationError

from .._files import check_archive, read_bytes
from .._text import fold
from ..errors import PokinError, PokinFileError, SheetError
from ..io.careful import data_loc, explain
from ..models import FORMAT_VERSION, PohonKinerja, Problem, Tautan, resolve_references
from .layout import (
    FIELDS,
    IKU,
    JABATAN,
    MATRIKS,
    ORGANISASI,
    ORGANISASI_KEYS,
    TAUTAN,
    Sheet,
    lines,
)
from .rows import iku_data, matrix_data, provenance

__all__ = ["SheetError", "link_text", "read_xlsx"]

Loc = tuple[str | int, ...]


def link_text(link: Tautan) -> str:
    """How a link is written in a ``Mendukung (ID)`` cell: its id, or its text in quotes."""
    return link.ke if link.ke is not None else f'"{link.teks}"'


def read_xlsx(path: str | Path) -> PohonKinerja:
    """Read a cascade-matrix workbook written by :func:`pokin.excel.export_xlsx`.

    Raises:
        PokinFileError: the file is missing, not an ``.xlsx`` workbook, or a sheet is not
            readable or not valid; a :class:`SheetError` names the sheet, row and column.
    """
    file = Path(path)
    workbook = _open(file)
    try:
        reader = _Reader(file, workbook)
        data = reader.build()
    finally:
        workbook.close()
    return reader.validate(data)


def _open(file: Path) -> Workbook:
    check_archive(file)  # a regular file, within the size limits, no zip bomb
    data = io.BytesIO(read_bytes(file))  # no file handle left open by a damaged workbook
    try:
        return load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise PokinFileError(
            f"not an Excel workbook (.xlsx), or a damaged one ({type(exc).__name__}: {exc})",
            path=file,
            hint="save it from Excel or LibreOffice as 'Excel Workbook (*.xlsx)'; "
            ".xls, .ods and .csv files are not read",
        ) from None


# -- sheets as tables -----------------------------------------------------------------------


@dataclass
class _Table:
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


class _NumberFoundError(Exception):
    """A number in a sheet read by its values: it needs its cell's number format."""


def _cell_value(raw: Any, cell: Any = None) -> Any:
    """A cell's value as the text the model expects: numbers and dates as Excel shows them.

    A number needs the ``cell`` (its number format): without it, :class:`_NumberFoundError`.
    """
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        return raw if raw.strip() else None
    if isinstance(raw, int | float):
        if cell is None:
            raise _NumberFoundError
        return number_text(raw, cell.number_format)
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


# The parts of a number format that do not change the number shown: texts in quotes,
# escaped characters, spacing (_x) and fill (*x), colours and conditions ([Red], [<100]).
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
_FORMAT_SCALE = re.compile(r"[0#?](,+)(?![,0#?])")  # 0.0,, shows millions


def number_text(value: int | float, number_format: str | None) -> str:
    """A number as a cell with this number format shows it (see the module docstring)."""
    spec = _number_format(number_format or "General")
    if spec is None:
        if isinstance(value, int) or value.is_integer():
            return str(int(value))
        return f"{value:.15g}".replace(".", ",")  # Excel shows 15 digits: 79,5 not 79,4999...
    percent, scale, shown, kept = spec
    number = Decimal(value if isinstance(value, int) else repr(value))
    number = number.scaleb(2 * percent - 3 * scale)
    with localcontext(prec=400):  # a float has at most 309 digits before the point
        number = number.quantize(Decimal(1).scaleb(-kept), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0.00"
    text = f"{number:f}"
    if kept > shown:  # 0.0# shows 85.5 as 85.5 and 85.25 as 85.25, never 85.50
        whole, _, decimals = text.partition(".")
        decimals = decimals.rstrip("0").ljust(shown, "0")
        text = f"{whole}.{decimals}" if decimals else whole
    return text.replace(".", ",") + "%" * percent  # the Indonesian decimal comma


def _number_format(number_format: str) -> tuple[bool, int, int, int] | None:
    """(percent, thousands scaled away, decimals always shown, decimals shown at most) of
    the format's first section, or ``None`` for General and the formats read as General."""
    section = _FORMAT_LITERAL.sub("", number_format).split(";")[0]
    if re.search(r"[A-Za-z@/]", section) or not re.search(r"[0#?]", section):
        return None  # General, text, dates (read as dates), scientific, fractions
    found = _FORMAT_SCALE.search(section)
    scale = len(found.group(1)) if found else 0
    _, dot, decimals = section.partition(".")
    shown = decimals.count("0") if dot else 0
    kept = sum(decimals.count(c) for c in "0#?") if dot else 0
    return "%" in section, scale, shown, kept


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_CELL_START = re.compile(rb"<(?:\w+:)?c(?:\s([^>]*))?>\s*$")
_ATTRIBUTE = re.compile(rb'(?<![\w:])(r|t)\s*=\s*"([^"]*)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]+)<")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")


class _Reader:
    """Builds the tree's data from the sheets, and maps paths in it back to cells."""

    def __init__(self, file: Path, workbook: Workbook) -> None:
        self.file = file
        self.workbook = workbook
        # path into the data -> (table, row, column key or None, node kind or None)
        self.marks: dict[Loc, tuple[_Table, int | None, str | None, str | None]] = {}
        self.tautan: _Table | None = None
        self.provenance: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}

    def error(
        self,
        table: _Table | Sheet,
        row: int | None,
        key: str | None,
        message: str,
        hint: str | None = None,
    ) -> SheetError:
        if isinstance(table, Sheet):
            return SheetError(message, path=self.file, sheet=table.name, row=row, hint=hint)
        column = table.columns.get(key) if key else None
        return SheetError(
            message,
            path=self.file,
            sheet=table.title,
            row=row,
            column=column,
            header=table.header(key) if key and column else None,
            hint=hint,
        )

    def table(self, spec: Sheet) -> _Table | None:
        titles = {fold(t): t for t in self.workbook.sheetnames}
        title = titles.get(fold(spec.name))
        if title is None:
            if not spec.required:
                return None
            raise self.error(
                spec,
                None,
                None,
                "the sheet is missing",
                f"the workbook has {', '.join(map(repr, self.workbook.sheetnames))}; a "
                f"workbook written by pokin export has it: rename the sheet back to "
                f"{spec.name!r} if it was renamed",
            )
        sheet = self.workbook[title]
        try:
            table = self._rows(spec, title, sheet, cells=False)
        except _NumberFoundError:  # read again, with the number format of each cell
            table = self._rows(spec, title, sheet, cells=True)
        self._check_xml(table, sheet)
        return table

    def _rows(self, spec: Sheet, title: str, sheet: Any, *, cells: bool) -> _Table:
        """The sheet's rows. Values alone are fast; a number needs its cell's format, so
        the values raise :class:`_NumberFoundError` at the first number (pokin writes none in
        the data columns but the year and the scores) and the sheet is read as cells."""
        rows = sheet.iter_rows(values_only=not cells)
        try:
            header = next(rows, None) or ()
            table = self._header(spec, title, tuple(c.value for c in header) if cells else header)
            for number, raw in enumerate(rows, 2):
                if cells:
                    values = {
                        key: _cell_value(raw[col - 1].value, raw[col - 1])
                        if col <= len(raw)
                        else None
                        for key, col in table.columns.items()
                    }
                else:
                    values = {
                        key: _cell_value(raw[col - 1]) if col <= len(raw) else None
                        for key, col in table.columns.items()
                    }
                if any(v is not None for v in values.values()):
                    table.rows.append((number, {**table.absent, **values}))
        except (PokinError, _NumberFoundError):
            raise
        except Exception as exc:
            raise self.error(spec, None, None, f"the sheet cannot be read ({exc})") from None
        finally:
            rows.close()  # the sheet's stream, so the file is closed with the workbook
        return table

    def _check_xml(self, table: _Table, sheet: Any) -> None:
        """Refuse what the values alone do not show: merged cells, formulas not calculated."""
        archive = getattr(self.workbook, "_archive", None)
        member = getattr(sheet, "_worksheet_path", None)
        if not isinstance(archive, zipfile.ZipFile) or not member:
            return
        xml = archive.read(member)
        self._refuse_merged(table, xml)
        self._refuse_uncalculated(table, xml)

    def _refuse_merged(self, table: _Table, xml: bytes) -> None:
        found = _MERGE.search(xml)
        if found:
            ref = found.group(1).decode()
            letters, row = coordinate_from_string(ref.split(":")[0])
            number = column_index_from_string(letters)
            raise SheetError(
                f"the cells {ref} are merged",
                path=self.file,
                sheet=table.title,
                row=row,
                column=number,
                header=table.header_at(number),
                hint="unmerge them (Excel: Home > Merge & Center > Unmerge Cells) and write "
                "the value on every row it belongs to: pokin reads one row at a time",
            )

    def _refuse_uncalculated(self, table: _Table, xml: bytes) -> None:
        """A formula in a data column without the value Excel stores when it calculates.

        In read-only mode with ``data_only`` openpyxl gives such a cell as empty. A cell's
        ``<f>`` comes first in it, right after the cell's start tag, whose ``r`` names it.
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
                letters, row = coordinate_from_string(ref.decode())
                column = column_index_from_string(letters)
                if row < 2 or column not in data_columns:
                    continue  # the header, or a column pokin does not read
            formula = html.unescape(re.sub(rb"<[^>]*>", b"", body).decode(errors="replace"))
            formula = formula.strip()
            raise SheetError(
                "this cell holds a formula Excel has not calculated"
                + (f" (={formula})" if formula else "")
                + ": the file does not hold its value",
                path=self.file,
                sheet=table.title,
                row=row,
                column=column,
                header=table.header_at(column),
                hint="type the value, or open and save the file in Excel or LibreOffice "
                "(they store the value of each formula)",
            )

    def _header(self, spec: Sheet, title: str, header: tuple[Any, ...]) -> _Table:
        wanted = {fold(c.header): c.key for c in spec.columns if c.role == "data"}
        columns: dict[str, int] = {}
        table = _Table(spec, title, columns)
        for number, value in enumerate(header, 1):
            key = wanted.get(fold(value)) if value is not None else None
            if key is None:
                continue
            if key in columns:
                raise SheetError(
                    f"the column {spec.column(key).header!r} appears twice",
                    path=self.file,
                    sheet=title,
                    row=1,
                    column=number,
                    header=spec.column(key).header,
                    hint="delete or rename one of the two columns",
                )
            columns[key] = number
        table.absent = {k: None for k in spec.data_keys if k not in columns}
        missing = [
            spec.column(k).header
            for k in spec.data_keys
            if k not in columns and not spec.column(k).optional
        ]
        if missing:
            raise SheetError(
                f"the column{'s' * (len(missing) > 1)} {', '.join(map(repr, missing))} "
                f"{'are' if len(missing) > 1 else 'is'} missing",
                path=self.file,
                sheet=title,
                row=1,
                hint="row 1 must hold the headers as pokin export writes them (any order; "
                "extra columns are ignored); restore the column or its header",
            )
        return table

    # -- building the data ----------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        self._refuse_foreign()
        organisasi = self._organisasi()
        jabatan = self._jabatan()
        self.tautan = self.table(TAUTAN)
        self.provenance = provenance(self, self.tautan) if self.tautan else {}

        data: dict[str, Any] = {"pokin": FORMAT_VERSION, "organisasi": organisasi}
        iku = self.table(IKU)
        if iku is not None:
            data["iku"] = iku_data(self, iku)
        matrix = self.table(MATRIKS)
        assert matrix is not None
        matrix_data(self, matrix, jabatan)
        data["jabatan"] = jabatan
        return data

    def _refuse_foreign(self) -> None:
        """A workbook without the matrix and the Organisasi sheet is not pokin's at all."""
        found = {fold(t) for t in self.workbook.sheetnames}
        if not found & {fold(MATRIKS.name), fold(ORGANISASI.name)}:
            raise SheetError(
                f"this is not a pokin cascade matrix (no sheet {MATRIKS.name!r} or "
                f"{ORGANISASI.name!r}); the workbook has the sheet"
                f"{'s' * (len(self.workbook.sheetnames) != 1)} "
                f"{', '.join(map(repr, self.workbook.sheetnames))}",
                path=self.file,
                hint="pokin reads the workbooks written by `pokin export` (and edited since); "
                "export the tree with `pokin export` and edit that workbook, or import a "
                "decree's text with `pokin import`",
            )

    def _organisasi(self) -> dict[str, Any]:
        table = self.table(ORGANISASI)
        assert table is not None
        self.marks[("organisasi",)] = (table, None, None, None)
        organisasi: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for row, values in table.rows:
            key = fold(values["kunci"] or "")
            if key not in ORGANISASI_KEYS:
                close = difflib.get_close_matches(key, list(ORGANISASI_KEYS), n=1)
                raise self.error(
                    table,
                    row,
                    "kunci",
                    f"unknown key {values['kunci']!r}",
                    (f"did you mean {close[0]!r}? " if close else "")
                    + "allowed: "
                    + ", ".join(ORGANISASI_KEYS),
                )
            if key in seen:
                raise self.error(
                    table, row, "kunci", f"the key {key!r} appears twice (first on row {seen[key]})"
                )
            seen[key] = row
            value = values["nilai"]
            if key == "pokin":
                if value not in (None, str(FORMAT_VERSION)):
                    raise self.error(
                        table,
                        row,
                        "nilai",
                        f"format version {value!r} is not supported",
                        f"this pokin reads version {FORMAT_VERSION}",
                    )
                continue
            if value is None:
                continue
            *parents, name = key.split(".")
            target = organisasi
            for parent in parents:  # dokumen.judul -> organisasi["dokumen"]["judul"]
                target = target.setdefault(parent, {})
            target[name] = value
            self.marks[("organisasi", *parents, name)] = (table, row, "nilai", None)
        return organisasi

    def _jabatan(self) -> list[dict[str, Any]]:
        table = self.table(JABATAN)
        assert table is not None
        result: list[dict[str, Any]] = []
        for row, values in table.rows:
            item = {k: v for k, v in values.items() if v is not None}
            for key in ("fungsi", "inferensi"):
                if key in item:
                    item[key] = lines(item[key])
            if "peran" in item and isinstance(item["peran"], str):
                item["peran"] = item["peran"].strip().casefold()
            self.marks[("jabatan", len(result))] = (table, row, None, "jabatan")
            result.append(item)
        return result

    # -- validation -----------------------------------------------------------------------

    def validate(self, data: dict[str, Any]) -> PohonKinerja:
        try:
            tree = PohonKinerja.model_validate(data, context={"defer_references": True})
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            loc = data_loc(errors[0])
            message, hint = explain(errors[0])
            if errors[0]["type"] == "missing":
                hint = None
            if len(errors) > 1:
                message += f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})"
            raise self.at(loc, message, hint) from None
        problems = resolve_references(tree)
        if problems:
            raise self.from_problems(problems)
        return tree

    def from_problems(self, problems: list[Problem]) -> SheetError:
        first = problems[0]
        message = self.places(first.message)
        if len(problems) > 1:
            others = "; ".join(self.places(p.message) for p in problems[1:4])
            message += f" (and {len(problems) - 1} more: {others}{'...' * (len(problems) > 4)})"
        return self.at(first.path, message, first.hint)

    def places(self, message: str) -> str:
        """Replace the data paths in a model message (``jabatan[2].kinerja[0]``) by rows."""

        def place(match: re.Match[str]) -> str:
            loc: Loc = tuple(
                int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", match.group(0)) if p
            )
            table, row, _, _ = self.mark(loc)
            return f"lembar {table.title!r}, baris {row}" if row else match.group(0)

        return re.sub(r"\b(?:jabatan|iku)\[\d+\](?:\.\w+\[\d+\])*", place, message)

    def mark(self, loc: Loc) -> tuple[_Table, int | None, str | None, str | None]:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.marks:
                table, row, key, kind = self.marks[loc[:end]]
                if key is None and kind and end < len(loc) and isinstance(loc[end], str):
                    key = FIELDS[kind].get(str(loc[end]))
                return table, row, key, kind
        table = self.marks[("organisasi",)][0]
        return table, None, None, None

    def at(self, loc: Loc, message: str, hint: str | None) -> SheetError:
        table, row, key, _ = self.mark(loc)
        name = str(loc[-1]) if loc and isinstance(loc[-1], str) else None
        if "mendukung" in loc and name in ("ke", "teks"):
            hint = (
                "write the ID of a superior indikator (column 'ID Indikator'), one per line, "
                'or its exact text in double quotes ("...")'
            )
        elif "per_periode" in loc:
            hint = (
                "tulis satu periode per baris: 'TW I: target 25; realisasi 20', 'TW IV: "
                "target 100', '2023: realisasi 91,5'"
            )
        elif name == "atasan":
            hint = (
                f"write the id of a position of sheet {JABATAN.name!r} (column 'ID Jabatan'); "
                "leave it empty only at the top of the tree"
            )
        if loc[:1] == ("organisasi",) and row is None and name:
            hint = f"add a row with Kunci {'.'.join(map(str, loc[1:]))!r} and its Nilai"
        elif hint is None and key:
            hint = f"fill in the column {table.header(key)!r}"
        return self.error(table, row, key, message, hint)
