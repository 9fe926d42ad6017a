"""Read a cascade-matrix workbook back into a pohon kinerja (see :mod:`pokin.excel`).

The sheets are turned into the same nested data a YAML file holds, remembering the sheet,
row and column each value came from; the model's validation then applies exactly as for
YAML (:func:`pokin.models.resolve_references`), and any error is reported at its cell.

Rules a planner can rely on: columns are found by their header (any order; extra columns
are ignored; a missing data column is an error); rows may be sorted; empty rows are
skipped; merged cells are refused (their value would belong to one row only). How a
cell's value becomes text (numbers, percentages, dates, formulas): :mod:`pokin.excel.cells`.
"""

from __future__ import annotations

import difflib
import io
import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from pydantic import ValidationError

from .._files import check_archive, read_bytes
from .._text import fold
from ..errors import PokinError, PokinFileError, SheetError
from ..io.careful import data_loc, explain
from ..models import FORMAT_VERSION, PohonKinerja, Problem, Tautan, resolve_references
from .cells import Loc, NumberFoundError, Table, cell_value, check_xml
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


class _Reader:
    """Builds the tree's data from the sheets, and maps paths in it back to cells."""

    def __init__(self, file: Path, workbook: Workbook) -> None:
        self.file = file
        self.workbook = workbook
        # path into the data -> (table, row, column key or None, node kind or None)
        self.marks: dict[Loc, tuple[Table, int | None, str | None, str | None]] = {}
        self.tautan: Table | None = None
        self.provenance: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}

    def error(
        self,
        table: Table | Sheet,
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

    def table(self, spec: Sheet) -> Table | None:
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
        except NumberFoundError:  # read again, with the number format of each cell
            table = self._rows(spec, title, sheet, cells=True)
        check_xml(self.file, self.workbook, table, sheet)
        return table

    def _rows(self, spec: Sheet, title: str, sheet: Any, *, cells: bool) -> Table:
        """The sheet's rows. Values alone are fast; a number needs its cell's format, so
        the values raise :class:`NumberFoundError` at the first number (pokin writes none in
        the data columns but the year and the scores) and the sheet is read as cells."""
        rows = sheet.iter_rows(values_only=not cells)
        try:
            header = next(rows, None) or ()
            table = self._header(spec, title, tuple(c.value for c in header) if cells else header)
            for number, raw in enumerate(rows, 2):
                if cells:
                    values = {
                        key: cell_value(raw[col - 1].value, raw[col - 1])
                        if col <= len(raw)
                        else None
                        for key, col in table.columns.items()
                    }
                else:
                    values = {
                        key: cell_value(raw[col - 1]) if col <= len(raw) else None
                        for key, col in table.columns.items()
                    }
                if any(v is not None for v in values.values()):
                    table.rows.append((number, {**table.absent, **values}))
        except (PokinError, NumberFoundError):
            raise
        except Exception as exc:
            raise self.error(spec, None, None, f"the sheet cannot be read ({exc})") from None
        finally:
            rows.close()  # the sheet's stream, so the file is closed with the workbook
        return table

    def _header(self, spec: Sheet, title: str, header: tuple[Any, ...]) -> Table:
        wanted = {fold(c.header): c.key for c in spec.columns if c.role == "data"}
        columns: dict[str, int] = {}
        table = Table(spec, title, columns)
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

    def mark(self, loc: Loc) -> tuple[Table, int | None, str | None, str | None]:
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
