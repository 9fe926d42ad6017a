"""Writing a cascade-matrix sheet with openpyxl's write-only workbook: styled header,
column widths, one shared style per column, texts kept texts; and the instructions sheet.

The write-only mode streams rows to a temporary file (lxml's serializer when installed);
every data cell shares its column's style record instead of getting its own.
"""

from __future__ import annotations

from contextlib import suppress
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..errors import PokinFileError
from .layout import PETUNJUK
from .layout import Sheet as _Sheet

__all__ = ["discard", "write_petunjuk", "write_sheet"]

_BOLD = Font(bold=True)
_FILL_DATA = PatternFill("solid", fgColor="DDEBF7")  # light blue: read back
_FILL_INFO = PatternFill("solid", fgColor="E7E6E6")  # grey: copied or computed, ignored
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_HEADER = Alignment(wrap_text=True, vertical="center")
_EXCEL_MAX = 32_767  # characters in one cell


def discard(workbook: Workbook) -> None:
    """Close the sheets of a workbook that will not be saved, and drop their temp files."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        with suppress(Exception):
            if not sheet.closed:
                sheet.close()
        if writer is not None:
            with suppress(Exception):
                writer.cleanup()


def write_sheet(
    workbook: Workbook,
    spec: _Sheet,
    records: list[dict[str, Any]],
    *,
    autofilter: bool = True,
) -> None:
    """A sheet with a bold frozen header, column widths, wrapped texts and an autofilter."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(spec.name)
    for number, column in enumerate(spec.columns, 1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(sheet, column.header)
        cell.font = _BOLD
        cell.fill = _FILL_DATA if column.role == "data" else _FILL_INFO
        cell.alignment = _HEADER
        header.append(cell)
    last = f"{get_column_letter(len(spec.columns))}{len(records) + 1}"
    # The size, written before the rows: a reader in read-only mode need not parse twice.
    sheet.calculate_dimension = lambda: f"A1:{last}"
    sheet.append(header)
    # One styled template per column; new cells share its style record (fast).
    templates = []
    for column in spec.columns:
        template = WriteOnlyCell(sheet)
        template.alignment = _WRAP if column.wrap else _TOP
        if column.role == "data" and column.key != "skor":
            template.number_format = "@"  # what a planner types stays text: 081, 81,35
        templates.append(template._style)
    for number, record in enumerate(records, 2):
        sheet.append(
            [
                _cell(sheet, record.get(column.key), style, spec, column.header, number)
                for column, style in zip(spec.columns, templates, strict=True)
            ]
        )
    if autofilter:
        sheet.auto_filter.ref = f"A1:{last}"


def _cell(
    sheet: WriteOnlyWorksheet, value: Any, style: Any, spec: _Sheet, header: str, row: int
) -> WriteOnlyCell | None:
    if value is None:
        return None  # an empty cell is not written at all
    if isinstance(value, str) and len(value) > _EXCEL_MAX:
        raise PokinFileError(
            f"teks {len(value)} karakter lebih panjang daripada isi sel Excel "
            f"({_EXCEL_MAX}) (lembar {spec.name!r}, baris {row}, kolom {header!r})",
            hint="perpendek teksnya, atau simpan pohon ini sebagai YAML (pokin.save)",
        )
    try:
        cell = WriteOnlyCell(sheet, value)
    except IllegalCharacterError:
        raise PokinFileError(
            f"teks {value[:60]!r} memuat karakter kontrol yang tidak dapat disimpan Excel "
            f"(lembar {spec.name!r}, baris {row}, kolom {header!r})",
            hint="hapus karakter kontrol itu dari teksnya (di berkas YAML atau model), "
            "lalu ekspor lagi",
        ) from None
    if cell.data_type == "f":  # a text starting with "=" stays a text, never a formula
        cell.data_type = "s"
        style = copy(style)
        style.quotePrefix = 1  # and Excel keeps it a text when the cell is edited
    cell._style = style  # shared, never mutated: the writer only reads it
    return cell


_PETUNJUK = (
    "Matriks cascading pohon kinerja, ditulis oleh pokin.",
    "",
    "Sheet 'Matriks Cascading': satu baris per indikator. Kolom berjudul biru dibaca kembali "
    "oleh pokin; kolom berjudul abu-abu (level, salinan data jabatan, capaian, indikator atasan, "
    "asal tautan, kode temuan) hanya untuk dibaca dan diabaikan saat impor.",
    "Indikator baru: salin baris kinerjanya, kosongkan 'ID Indikator', isi uraian indikator; "
    "pokin membuat ID-nya.",
    "Kinerja baru: kosongkan 'ID Kinerja' dan 'ID Indikator'. Baris-baris berurutan dengan "
    "jabatan dan uraian kinerja yang sama menjadi satu kinerja.",
    "Kolom '... Mendukung (ID)': ID indikator atasan yang didukung, satu per baris; atau uraian "
    'indikator atasan persis, di antara tanda kutip ("...").',
    "Data jabatan (nama, peran, unit, atasan, tugas, fungsi) diubah di sheet 'Jabatan'.",
    "Sheet 'Tautan': asal, skor, status dan alasan tautan usulan (inferensi); ubah status "
    "menjadi 'diterima' atau 'ditolak' setelah ditinjau. Kolom 'Komponen Formula': 'ya' bila "
    "hasil pemilik menjadi komponen rumus indikator yang didukung (capaiannya ikut dihitung "
    "naik); tambahkan baris untuk tautan deklarasi bila perlu.",
    "Baris kosong dilewati. Sel gabungan (merge) tidak diperbolehkan.",
    "Impor kembali: pokin import matriks.xlsx",
)


def write_petunjuk(workbook: Workbook) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet(PETUNJUK)
    sheet.column_dimensions["A"].width = 120
    for line in _PETUNJUK:
        cell = WriteOnlyCell(sheet, line)
        cell.alignment = _WRAP
        sheet.append([cell])
