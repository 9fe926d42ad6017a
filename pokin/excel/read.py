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
import re
import warnings
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._gc import collector_paused
from .._text import fold
from ..errors import SheetError
from ..models import FORMAT_VERSION, PohonKinerja, Problem, Tautan, resolve_references
from ..models.explain import data_loc, explain
from .book import Book, open_book
from .cells import Loc, NumberFoundError, Table, cell_value, check_sheet
from .cleared import restore
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
from .removed import Exported, Removed, exported
from .rows import iku_data, matrix_data, provenance

__all__ = ["SheetError", "link_text", "read_edited", "read_xlsx"]


def link_text(link: Tautan) -> str:
    """How a link is written in a ``Mendukung (ID)`` cell: its id, or its text in quotes."""
    return link.ke if link.ke is not None else f'"{link.teks}"'


def read_xlsx(path: str | Path) -> PohonKinerja:
    """Read a cascade-matrix workbook written by :func:`pokin.excel.export_xlsx`.

    Raises:
        PokinFileError: the file is missing, not an ``.xlsx`` workbook, or a sheet is not
            readable or not valid; a :class:`SheetError` names the sheet, row and column.
    """
    return _read(Path(path))[0]


def read_edited(path: str | Path) -> tuple[PohonKinerja, list[Removed]]:
    """:func:`read_xlsx`, with the nodes the workbook was exported with that the planner
    deleted since (:func:`pokin.excel.removed_since_export`), its hidden sheet parsed once.
    Without that sheet a :class:`UserWarning` says deleted rows cannot be told; a row whose
    cleared ID was given back (:mod:`pokin.excel.cleared`) is one too, naming its row.

    Raises:
        PokinFileError: as :func:`read_xlsx`.
    """
    tree, listed, notes = _read(Path(path))
    listed.warn()
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=2)
    return tree, listed.removed(tree)


def _read(file: Path) -> tuple[PohonKinerja, Exported, list[str]]:
    # Millions of new objects and no garbage: the collector's passes over them took half
    # of reading 1e5 indicators (17.7 s, 7.7 s held off, same run).
    with collector_paused():
        book = open_book(file)  # the zip guard first
        try:
            reader = _Reader(file, book)
            data = reader.build()
            listed = exported(book)
        finally:
            book.close()
        notes, reader.gone = restore(reader, data, listed)  # a cleared ID (QA7 #12)
        return reader.validate(data, listed.ids), listed, notes


# -- sheets as tables -----------------------------------------------------------------------


class _Reader:
    """Builds the tree's data from the sheets, and maps paths in it back to cells."""

    def __init__(self, file: Path, workbook: Book) -> None:
        self.file = file
        self.workbook = workbook
        # path into the data -> (table, row, column key or None, node kind or None)
        self.marks: dict[Loc, tuple[Table, int | None, str | None, str | None]] = {}
        self.tautan: Table | None = None
        self.provenance: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        self.gone: dict[str, str] = {}  # exported id no longer in the sheet -> what it was

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
                "lembar ini tidak ada",
                f"buku kerja ini memuat lembar {', '.join(map(repr, self.workbook.sheetnames))};"
                f" buku kerja tulisan `pokin export` memilikinya: kembalikan namanya menjadi "
                f"{spec.name!r} bila namanya diubah",
            )
        try:
            rows = self.workbook.rows(title)
        except Exception as exc:  # calamine's own errors on a damaged sheet
            raise self.error(spec, None, None, f"lembar ini tidak dapat dibaca ({exc})") from None
        header = tuple(str(v) if v not in (None, "") else None for v in rows[0]) if rows else ()
        table = self._header(spec, title, header)
        try:
            self._rows(table, rows, None)
        except NumberFoundError:  # read again, with the number format of each number
            table.rows.clear()
            self._rows(table, rows, self.workbook.number_formats(title))
        check_sheet(self.file, self.workbook, table)
        return table

    @staticmethod
    def _rows(
        table: Table, rows: list[list[Any]], formats: dict[tuple[int, int], str] | None
    ) -> None:
        """The sheet's non-empty rows into ``table``. Values alone are fast; a number needs
        its cell's format, so without ``formats`` the first number raises
        :class:`NumberFoundError` (pokin writes none in the data columns but the year and
        the scores), and the sheet is read again with the formats of its numbers."""
        columns = list(table.columns.items())
        absent = table.absent
        for number, raw in enumerate(rows[1:], 2):
            values = dict(absent)
            found = False
            for key, col in columns:
                value = raw[col - 1] if col <= len(raw) else None
                if value.__class__ is str:  # the common case, without a call
                    value = None if not value or value.isspace() else value
                elif value is not None:
                    value = cell_value(
                        value, None if formats is None else formats.get((number, col), "General")
                    )
                values[key] = value
                found = found or value is not None
            if found:
                table.rows.append((number, values))

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
                    f"kolom {spec.column(key).header!r} muncul dua kali",
                    path=self.file,
                    sheet=title,
                    row=1,
                    column=number,
                    header=spec.column(key).header,
                    hint="hapus salah satu dari kedua kolom itu, atau ganti judulnya",
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
                f"kolom {', '.join(map(repr, missing))} tidak ada",
                path=self.file,
                sheet=title,
                row=1,
                hint="baris 1 memuat judul kolom seperti yang ditulis `pokin export` (urutan "
                "bebas; kolom tambahan diabaikan): kembalikan kolom itu atau judulnya",
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
                f"ini bukan matriks cascading pokin (tidak ada lembar {MATRIKS.name!r} atau "
                f"{ORGANISASI.name!r}); buku kerja ini memuat lembar "
                f"{', '.join(map(repr, self.workbook.sheetnames))}",
                path=self.file,
                hint="pokin membaca buku kerja tulisan `pokin export` (juga setelah disunting): "
                "ekspor pohonnya dengan `pokin export` lalu sunting buku kerja itu, atau impor "
                "teks keputusan dengan `pokin import`",
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
                    f"kunci {values['kunci']!r} tidak dikenal",
                    (f"maksudnya {close[0]!r}? " if close else "")
                    + "kunci yang dikenal: "
                    + ", ".join(ORGANISASI_KEYS),
                )
            if key in seen:
                raise self.error(
                    table,
                    row,
                    "kunci",
                    f"kunci {key!r} muncul dua kali (pertama di baris {seen[key]})",
                    "hapus salah satu dari kedua baris itu",
                )
            seen[key] = row
            value = values["nilai"]
            if key == "pokin":
                if value not in (None, str(FORMAT_VERSION)):
                    raise self.error(
                        table,
                        row,
                        "nilai",
                        f"versi format {value!r} tidak didukung",
                        f"pokin ini membaca versi {FORMAT_VERSION}",
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

    def validate(self, data: dict[str, Any], exported: Collection[str] = ()) -> PohonKinerja:
        """The tree of ``data``; a row without an id gets a new one, never one of the ids
        the workbook was ``exported`` with (a cleared ID is a new row, QA6 #5)."""
        try:
            tree = PohonKinerja.model_validate(data, context={"defer_references": True})
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            loc = data_loc(errors[0])
            message, hint = explain(errors[0], PohonKinerja)
            if errors[0]["type"] == "missing":
                hint = None
            if len(errors) > 1:
                message += f" (dan {len(errors) - 1} masalah lain)"
            raise self.at(loc, message, hint) from None
        problems = resolve_references(tree, exported)
        if problems:
            raise self.from_problems(problems)
        return tree

    def from_problems(self, problems: list[Problem]) -> SheetError:
        first = problems[0]
        message = self.places(first.message)
        gone = re.search(r"dengan id '([^']+)'", message)
        if gone and gone.group(1) in self.gone:  # say what the id was, and where (QA7 #12)
            message += f": {self.gone[gone.group(1)]}"
        if len(problems) > 1:
            others = "; ".join(self.places(p.message) for p in problems[1:4])
            message += f" (dan {len(problems) - 1} lagi: {others}{'...' * (len(problems) > 4)})"
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
                "tulis ID indikator atasan (kolom 'ID Indikator'), satu per baris, atau "
                'teksnya persis di antara tanda kutip ("...")'
            )
        elif "per_periode" in loc:
            hint = (
                "tulis satu periode per baris: 'TW I: target 25; realisasi 20', 'TW IV: "
                "target 100', '2023: realisasi 91,5'"
            )
        elif name == "atasan":
            hint = (
                f"tulis ID sebuah jabatan dari lembar {JABATAN.name!r} (kolom 'ID Jabatan'); "
                "kosongkan hanya di puncak pohon"
            )
        if loc[:1] == ("organisasi",) and row is None and name:
            hint = f"tambahkan baris dengan Kunci {'.'.join(map(str, loc[1:]))!r} dan Nilai-nya"
        elif hint is None and key:
            hint = f"isi kolom {table.header(key)!r}"
        return self.error(table, row, key, message, hint)
