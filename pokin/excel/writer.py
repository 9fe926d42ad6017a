"""Writing a cascade-matrix sheet: styled header, column widths, one shared format per
column, texts kept texts; and the instructions sheet.

XlsxWriter makes the workbook (styles, widths, frozen header, autofilter, the drop-down's
data validation, the shared strings, the package) in ``constant_memory`` mode, where each
sheet's rows go to a temporary file in order. The rows themselves are written by
:mod:`.rowxml`, the XML XlsxWriter writes for them: XlsxWriter's per-cell
calls cost five times the rest of the row (bench/bench_excel.py; on 1e4 indicators the
sheets took 4.9 s profiled through ``write_string``, 1.4 s through pokin's rows), and
openpyxl's write-only mode was slower still (export ×105 the csv floor, ×53 with XlsxWriter
and the link suggestions included). Texts go to the shared strings, not inline as
``constant_memory`` writes them: a jabatan's name, unit and kinerja repeat on every row of
its indicators, and the sheet's XML is a third as long, so it reads faster.

Three more shortcuts through XlsxWriter, each writing what it would write (tested against
its own code): the shared strings in one piece when no text needs a special form
(:class:`_SharedStrings`), the drop-downs' plain references without its function-name
rewriting (:class:`_Worksheet`), and the package deflated at zlib level :data:`ZIP_LEVEL`
instead of 6. At 1e5 indicators they took the XlsxWriter part of the export from 3.5 s to
1.6 s (CPU).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from itertools import count, islice
from pathlib import Path
from types import FunctionType
from typing import IO, Any
from zipfile import ZipFile

import xlsxwriter.workbook
from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings, SharedStringTable
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..errors import PokinFileError
from .layout import PETUNJUK
from .layout import Sheet as _Sheet
from .rowxml import Cell, Row, cell_head, rows_xml, with_tail

__all__ = ["Book", "Draft", "discard"]

_EXCEL_MAX = 32_767  # characters in one cell
# What an XML 1.0 file cannot hold (Excel refuses the workbook): the C0 controls but
# tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DATA_FILL = "#DDEBF7"  # light blue: read back
_INFO_FILL = "#E7E6E6"  # grey: copied or computed, ignored


def width(characters: float) -> float:
    """The width to give XlsxWriter so the file stores ``characters``, as openpyxl did.

    XlsxWriter adds the cell padding (5 pixels of 7-pixel digits) to the width it is
    given; the workbooks written before it stored the width as is.
    """
    return characters - 5 / 7


class Book:
    """An XlsxWriter workbook writing into ``handle``, with the formats pokin's sheets use."""

    def __init__(self, handle: IO[bytes] | Path) -> None:
        self.workbook = _Workbook(
            handle,
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        self._formats: dict[tuple[Any, ...], Format] = {}

    def format(self, **properties: Any) -> Format:
        """One shared format per set of properties."""
        key = tuple(sorted(properties.items()))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.workbook.add_format(properties)
        return found

    def write_records(
        self, spec: _Sheet, records: Iterable[dict[str, Any]], *, autofilter: bool = True
    ) -> Worksheet:
        """:meth:`write_sheet` of records given as dicts (column key -> value)."""
        keys = [column.key for column in spec.columns]
        return self.write_sheet(
            spec, [(tuple(map(record.get, keys)),) for record in records], autofilter=autofilter
        )

    def write_sheet(
        self, spec: _Sheet, rows: Sequence[Row], *, autofilter: bool = True
    ) -> Worksheet:
        """A sheet with a bold frozen header, column widths, wrapped texts and an autofilter;
        each row given as parts (:mod:`.rowxml`)."""
        return self.finish(self.draft(spec, rows), autofilter=autofilter)

    def draft(self, spec: _Sheet, rows: Sequence[Row], *, tail: bool = False) -> Draft:
        """The sheet added with its header, its rows made (their texts given their shared
        strings now) but not yet written: with ``tail``, the rows stop before the last
        column, whose cells :meth:`finish` takes (the matrix's Saran Tautan, computed
        aside while the other sheets are written: its texts come after theirs)."""
        sheet = self.workbook.add_worksheet(spec.name, worksheet_class=_Worksheet)
        columns = spec.columns
        for number, column in enumerate(columns):
            sheet.set_column(number, number, width(column.width))
            fill = _DATA_FILL if column.role == "data" else _INFO_FILL
            header = self.format(bold=True, bg_color=fill, text_wrap=True, valign="vcenter")
            sheet.write_string(0, number, column.header, header)
        sheet.freeze_panes(1, 0)
        sheet._write_single_row(1)  # the header goes out now: the rows follow it
        cells: list[Cell] = []
        for number, column in enumerate(columns):
            properties: dict[str, Any] = {"valign": "top", "text_wrap": column.wrap}
            if column.role == "data" and column.key != "skor":
                properties["num_format"] = "@"  # what a planner types stays text: 081, 81,35
            style = self.format(**properties)
            quoted = self.format(**properties, quote_prefix=True)
            cells.append((cell_head(xl_col_to_name(number)), _xf(style), _xf(quoted)))
        strings = self._strings
        known = len(strings)
        pieces = list(rows_xml(rows, cells[:-1] if tail else cells, strings))
        self._check_new(spec, known, rows, ())
        return Draft(sheet, spec, rows, pieces, cells[-1] if tail else None)

    def finish(
        self, draft: Draft, tail: Sequence[str | None] = (), *, autofilter: bool = True
    ) -> Worksheet:
        """Write the ``draft``'s rows, with the ``tail`` cells (one per row, ``None`` for
        none) when it was made without its last column."""
        sheet, spec, rows, pieces = draft.sheet, draft.spec, draft.rows, draft.pieces
        if draft.tail is not None:
            if len(tail) != len(rows):
                raise ValueError(f"{len(tail)} cells for the {len(rows)} rows of {spec.name}")
            known = len(self._strings)
            pieces = list(with_tail(pieces, tail, draft.tail, self._strings))
            self._check_new(spec, known, rows, tail)
        shared = self.workbook.str_table  # the workbook's shared strings, as XlsxWriter's
        for xml, used in pieces:
            sheet.fh.write(xml)
            shared.count += used
        shared.unique_count = len(self._strings)
        if rows:
            sheet._check_dimensions(len(rows), len(spec.columns) - 1)
            sheet.previous_row = len(rows) + 1  # rows XlsxWriter must not write again
        if autofilter:
            sheet.autofilter(0, 0, len(rows), len(spec.columns) - 1)
        return sheet

    @property
    def _strings(self) -> dict[str, int]:
        """The workbook's shared-string table: text -> index, in the order of the indexes."""
        strings: dict[str, int] = self.workbook.str_table.string_table
        return strings

    def _check_new(
        self, spec: _Sheet, known: int, rows: Sequence[Row], tail: Sequence[str | None]
    ) -> None:
        """Every text of a sheet is in the shared strings: the ones added since ``known``
        are checked at once, and only when one cannot be stored are the rows read again
        to name it."""
        fresh = list(islice(self._strings, known, None))
        if fresh and (max(map(len, fresh)) > _EXCEL_MAX or _CONTROL.search("\n".join(fresh))):
            for number, row in enumerate(rows, 2):
                values = [value for part in row for value in part]
                self._check(spec, number, [*values, *tail[number - 2 : number - 1]])

    @staticmethod
    def _check(spec: _Sheet, row: int, values: list[Any]) -> None:
        """Refuse a row with a cell Excel cannot store, naming the cell."""
        for column, value in zip(spec.columns, values, strict=False):
            if not isinstance(value, str):
                continue
            where = f"(lembar {spec.name!r}, baris {row}, kolom {column.header!r})"
            if len(value) > _EXCEL_MAX:
                raise PokinFileError(
                    f"teks {len(value)} karakter lebih panjang daripada isi sel Excel "
                    f"({_EXCEL_MAX}) {where}",
                    hint="perpendek teksnya, atau simpan pohon ini sebagai YAML (pokin.save)",
                )
            if _CONTROL.search(value):
                raise PokinFileError(
                    f"teks {value[:60]!r} memuat karakter kontrol yang tidak dapat disimpan "
                    f"Excel {where}",
                    hint="hapus karakter kontrol itu dari teksnya (di berkas YAML atau model), "
                    "lalu ekspor lagi",
                )

    def write_petunjuk(self) -> None:
        sheet = self.workbook.add_worksheet(PETUNJUK)
        sheet.set_column(0, 0, width(120))
        wrap = self.format(text_wrap=True, valign="top")
        for row, line in enumerate(_PETUNJUK):
            if line:
                sheet.write_string(row, 0, line, wrap)

    def close(self) -> None:
        """Assemble the workbook into its handle."""
        self.workbook.close()


@dataclass(frozen=True, slots=True)
class Draft:
    """A sheet added, its rows made but not written (:meth:`Book.draft`)."""

    sheet: Worksheet
    spec: _Sheet
    rows: Sequence[Row]
    pieces: list[tuple[str, int]]
    """The rows' XML, as :func:`.rowxml.rows_xml` gives it."""
    tail: Cell | None
    """The last column, when its cells are still to come."""


def _xf(style: Format) -> int:
    """The style index a cell names in its ``s`` attribute."""
    return int(style._get_xf_index())


class _Worksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no stubs
    """XlsxWriter's worksheet, minus the formula rewriting a plain reference never needs."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        # XlsxWriter rewrites the names of newer functions (each rule ends in "("): 30
        # to 400 regex passes per formula, 1.2 s for the 4,167 drop-downs of 1e5 indicators
        if "(" in formula:
            return str(super()._prepare_formula(formula, expand_future_functions))
        return formula.removeprefix("{").removeprefix("=").removesuffix("}")


ZIP_LEVEL = 2
"""The zlib level the package is deflated at. XlsxWriter deflates at zlib's default (6):
1.0 s of the export of 1e5 indicators for 8.3 MB; level 2 takes 0.3 s for 10.4 MB, and
reads back as fast (bench/bench_scale.py)."""


def _store_workbook() -> FunctionType:
    """XlsxWriter's own ``Workbook._store_workbook`` (it gathers the parts and zips them),
    run with a ``ZipFile`` deflating at :data:`ZIP_LEVEL`: XlsxWriter has no option for
    the level, and its code is reused as it is rather than copied."""
    code = Workbook._store_workbook
    names = {**vars(xlsxwriter.workbook), "ZipFile": partial(ZipFile, compresslevel=ZIP_LEVEL)}
    return FunctionType(code.__code__, names, code.__name__, code.__defaults__, code.__closure__)


class _Workbook(Workbook):  # type: ignore[misc]
    """XlsxWriter's workbook, writing its shared strings with :class:`_SharedStrings`
    and deflating its package faster (:data:`ZIP_LEVEL`)."""

    _store_workbook = _store_workbook()

    def _get_packager(self) -> Packager:
        return _Packager()

    def _prepare_sst_string_data(self) -> None:
        """The shared strings in the order of their indexes, as XlsxWriter's sort gives
        them (0.2 s for the 324k texts of 1e5 indicators): each text was given the next
        index when first added, so the table's own order is that order; checked, and
        sorted as XlsxWriter does if it is not."""
        table: SharedStringTable = self.str_table
        if not all(map(operator.eq, table.string_table.values(), count())):
            table._sort_string_data()
            return
        table.string_array = list(table.string_table)
        table.string_table = {}


class _Packager(Packager):  # type: ignore[misc]
    def _write_shared_strings_file(self) -> None:  # as XlsxWriter's, with _SharedStrings
        table = self.workbook.str_table
        if not table.count:
            return
        sst = _SharedStrings()
        sst.string_table = table
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


# Where XlsxWriter writes a shared string other than as <si><t>escaped</t></si>: control
# characters (written _xHHHH_), a literal _xHHHH_ (its "_" escaped), whitespace at either
# end (xml:space="preserve"), and a text "<r>...</r>" (taken as rich text); looked for in
# the texts joined by NUL, one simple pattern at a time (together they take ten times as
# long).
_CONTROLS = re.compile(r"[\x01-\x08\x0b-\x1f]")
_ESCAPE = re.compile(r"_x[0-9a-fA-F]{4}_")
_LEADING = re.compile(r"\x00(?:\s|<r>)")  # a NUL first: found ten times faster


def _plain(strings: list[str], blob: str) -> bool:
    """Whether XlsxWriter writes each of ``strings`` (joined by NUL in ``blob``) plainly."""
    return (
        blob.count("\x00") == len(strings) - 1
        and not _CONTROLS.search(blob)
        and not ("_x" in blob and _ESCAPE.search(blob))
        and not _LEADING.search("\x00" + blob)
        and not any(text[-1:].isspace() for text in strings)
    )


class _SharedStrings(SharedStrings):  # type: ignore[misc]
    """The shared-strings part written in one piece when no text needs a special form:
    XlsxWriter's writer spends 5 µs a text in regexes (1.6 s for the 325k texts of 1e5
    indicators); a text needing one sends the whole table through it, as before."""

    def _write_sst_strings(self) -> None:
        strings: list[str] = self.string_table.string_array
        blob = "\x00".join(strings)
        if not _plain(strings, blob):
            super()._write_sst_strings()
            return
        escaped = blob.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        self.fh.write("<si><t>" + escaped.replace("\x00", "</t></si><si><t>") + "</t></si>")


def discard(book: Book) -> None:
    """Drop the temporary files of a workbook that will not be saved."""
    for sheet in book.workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        name = getattr(sheet, "row_data_filename", None)
        with suppress(Exception):
            if handle is not None:
                handle.close()
        if name:
            Path(name).unlink(missing_ok=True)


_PETUNJUK = (
    "Matriks cascading pohon kinerja, ditulis oleh pokin.",
    "",
    "Lembar 'Matriks Cascading': satu baris per indikator. Kolom berjudul biru dibaca kembali "
    "oleh pokin; kolom berjudul abu-abu (level, salinan data jabatan, capaian, indikator atasan, "
    "asal tautan, kode temuan) hanya untuk dibaca dan diabaikan saat impor.",
    "Indikator baru: salin baris kinerjanya, kosongkan 'ID Indikator', isi uraian indikator; "
    "pokin membuat ID-nya.",
    "Kinerja baru: kosongkan 'ID Kinerja' dan 'ID Indikator'. Baris-baris berurutan dengan "
    "jabatan dan uraian kinerja yang sama menjadi satu kinerja.",
    "Kolom '... Mendukung (ID)': ID indikator atasan yang didukung, satu per baris; atau uraian "
    'indikator atasan persis, di antara tanda kutip ("...").',
    "Data jabatan (nama, peran, unit, atasan, tugas, fungsi) diubah di lembar 'Jabatan'.",
    "Lembar 'Tautan': asal, skor, status dan alasan tautan usulan (inferensi); ubah status "
    "menjadi 'diterima' atau 'ditolak' setelah ditinjau. Kolom 'Komponen Formula': 'ya' bila "
    "hasil pemilik menjadi komponen rumus indikator yang didukung (capaiannya ikut dihitung "
    "naik); tambahkan baris untuk tautan deklarasi bila perlu.",
    "Menghapus baris di 'Matriks Cascading' menghapus indikatornya dari pohon saat diimpor "
    "kembali (kinerjanya juga, bila semua barisnya dihapus); begitu pula mengganti 'ID "
    "Indikator' dengan ID lain (yang lama terhapus, yang baru ditambahkan). pokin import "
    "menyebut setiap indikator, kinerja dan jabatan yang dihapus: periksa daftarnya.",
    "Baris kosong dilewati. Sel gabungan (merge) tidak diperbolehkan.",
    "Impor kembali: pokin import matriks.xlsx",
)
