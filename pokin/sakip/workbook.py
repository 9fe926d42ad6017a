"""The SAKIP worksheets as an Excel workbook, in the evaluator's column layout.

One sheet per worksheet (``KKE 1``, ``KKE 2``, ``KKE 5``): a title block naming the
regulation, then one row per indicator (No, Jabatan, Level Hasil, Kinerja/Sasaran,
Indikator, the scored columns, the evidence, the notes) and two closing rows (Jumlah,
Persentase). Then ``LKE`` (the criteria with their estimate, the rows that cost points and
the fix), ``1.b.9 Crosscutting``, ``1.b.10 Pegawai`` and ``Sumber`` (each column's
criterion, source and the finding codes behind it). The workbook is for reading; pokin
never reads it back. Texts starting with ``=`` stay texts, never formulas.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .._files import atomic_write
from .._text import format_number
from .model import Lembar, Penilaian, persen

__all__ = ["write_workbook"]

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_ZERO = PatternFill("solid", fgColor="F8CBAD")
_HALF = PatternFill("solid", fgColor="FFE699")
_WRAP = Alignment(wrap_text=True, vertical="top")
_FIRST = 5  # the header row of the tables

Row = Sequence[Any]


def write_workbook(penilaian: Penilaian, path: Path) -> Path:
    """Write the workbook to ``path`` atomically; return the path.

    openpyxl's write-only mode: rows are streamed, each cell sharing one style record per
    kind (a kabupaten-sized tree of 20.000 indicators writes in seconds, bench/bench_sakip.py).
    """
    book = Workbook(write_only=True)
    styles = _Styles(book)
    for sheet in penilaian.lembar:
        _worksheet(book, styles, penilaian, sheet)
    _lke(book, styles, penilaian)
    _table(
        book, styles, "1.b.9 Crosscutting",
        _heading(penilaian, "LKE 1.b.9 — tautan crosscutting per unit"),
        ["Unit", "Mendukung unit lain", "Didukung unit lain", "Sepihak", "Belum dikonfirmasi"],
        [[u["unit"], u["mendukung"], u["didukung"], u["sepihak"], u["belum_dikonfirmasi"]]
         for u in penilaian.crosscutting],
        [40, 18, 18, 12, 18],
    )  # fmt: skip
    _table(
        book, styles, "1.b.10 Pegawai",
        _heading(penilaian, "LKE 1.b.10 — perencanaan kinerja setiap pegawai, per peran"),
        ["Peran", "Jabatan", "Tanpa kinerja", "Tanpa indikator", "Lengkap", "Jabatan kurang"],
        [[r["peran"], r["jabatan"], r["tanpa_kinerja"], r["tanpa_indikator"], r["lengkap"],
          "\n".join(r["kurang"])] for r in penilaian.pegawai],
        [24, 10, 14, 16, 10, 50],
    )  # fmt: skip
    _sources(book, styles, penilaian)
    # The whole workbook in memory first: openpyxl streams each write-only sheet from a
    # generator, and a target pokin may not write (a read-only folder) would leave them
    # half-consumed, printing their tracebacks when collected ("Exception ignored in").
    content = io.BytesIO()
    book.save(content)
    with atomic_write(path, binary=True) as handle:
        handle.write(content.getbuffer())
    return path


class _Styles:
    """One template cell per look; cells share its style record (never mutated)."""

    def __init__(self, book: Workbook) -> None:
        sheet = book.create_sheet("_styles")
        self.plain = self._make(sheet, alignment=_WRAP)
        self.title = self._make(sheet, font=_TITLE)
        self.bold = self._make(sheet, font=_BOLD)
        self.head = self._make(sheet, font=_BOLD, fill=_HEAD, alignment=_WRAP)
        self.zero = self._make(sheet, fill=_ZERO, alignment=_WRAP)
        self.half = self._make(sheet, fill=_HALF, alignment=_WRAP)
        self.share = self._make(sheet, number_format="0.0%")
        self.share_bold = self._make(sheet, font=_BOLD, number_format="0.0%")
        book.remove(sheet)

    @staticmethod
    def _make(sheet: WriteOnlyWorksheet, **look: Any) -> Any:
        cell = WriteOnlyCell(sheet)
        for name, value in look.items():
            setattr(cell, name, value)
        return cell._style


def _heading(penilaian: Penilaian, title: str, source: str = "") -> list[str]:
    year = f" tahun {penilaian.tahun}" if penilaian.tahun else ""
    return [title, f"{penilaian.organisasi}{year}", source]


def _cell(sheet: WriteOnlyWorksheet, value: Any, style: Any) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=..." from a decree stays a text, never a formula
    cell._style = style
    return cell


def _table(
    book: Workbook,
    styles: _Styles,
    name: str,
    heading: list[str],
    header: Sequence[str],
    rows: Sequence[Row],
    widths: Sequence[int],
    *,
    looks: Callable[[int, Any], Any] | None = None,
    footer: Sequence[Row] = (),
) -> None:
    """A sheet: heading lines, a blank line, the header (row 5), the rows, the footer.

    ``looks(column, value)`` picks a style for a cell of the rows (``None``: plain); the
    footer's cells are bold, shares among them formatted as percentages.
    """
    sheet: WriteOnlyWorksheet = book.create_sheet(name)
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = f"A{_FIRST + 1}"
    if rows:
        sheet.auto_filter.ref = f"A{_FIRST}:{get_column_letter(len(header))}{_FIRST + len(rows)}"
    for number, line in enumerate(heading):
        sheet.append([_cell(sheet, line, styles.title if number == 0 else styles.bold)])
    sheet.append([])
    sheet.append([_cell(sheet, title, styles.head) for title in header])
    for row in rows:
        sheet.append(
            [
                _cell(sheet, value, (looks and looks(col, value)) or styles.plain)
                for col, value in enumerate(row)
            ]
        )
    for row in footer:
        sheet.append(
            [
                _cell(sheet, v, styles.share_bold if isinstance(v, float) else styles.bold)
                if v is not None
                else None
                for v in row
            ]
        )


def _worksheet(book: Workbook, styles: _Styles, penilaian: Penilaian, sheet: Lembar) -> None:
    scored = [f"{k.judul}\n(LKE {k.kriteria})" for k in sheet.kolom]
    header = ["No", "Jabatan", "Level Hasil", "Kinerja / Sasaran", "Indikator", "ID",
              *scored, "Bukti (kode temuan)", "Keterangan"]  # fmt: skip
    first, last = 6, 6 + len(sheet.kolom)  # the scored columns, counted from 0
    rows = [
        [n, b.jabatan, b.level, b.kinerja, b.indikator, b.id,
         *(b.nilai[k.kode] for k in sheet.kolom), _evidence(sheet, b.bukti), b.keterangan]
        for n, b in enumerate(sheet.baris, 1)
    ]  # fmt: skip

    def looks(col: int, value: Any) -> Any:
        if first <= col < last and value in (0, 0.5):
            return styles.zero if value == 0 else styles.half
        return None

    sums: list[Any] = [None] * len(header)
    shares: list[Any] = [None] * len(header)
    sums[1], shares[1] = "Jumlah", "Persentase"
    for offset, kolom in enumerate(sheet.kolom):
        values = [v for b in sheet.baris if (v := b.nilai[kolom.kode]) is not None]
        sums[first + offset] = float(sum(values)) if values else None
        shares[first + offset] = sheet.share_of(kolom.kode)
    shares[last] = sheet.share
    total: list[Any] = [None, f"Nilai {sheet.kode}: {persen(sheet.share)}"]
    per_level: list[list[Any]] = []
    for level, n, share in sheet.by_level():
        row: list[Any] = [None] * len(header)
        row[1], row[last] = f"Level {level} ({format_number(n)} indikator)", share
        per_level.append(row)
    widths = [6, 28, 24, 40, 44, 22, *([14] * len(sheet.kolom)), 30, 40]
    _table(book, styles, sheet.kode, _heading(penilaian, f"{sheet.kode} — {sheet.judul}",
           sheet.sumber), header, rows, widths, looks=looks,
           footer=[_ints(sums), shares, total, *per_level])  # fmt: skip


def _evidence(sheet: Lembar, bukti: dict[str, tuple[str, ...]]) -> str:
    parts = []
    for kolom in sheet.kolom:
        codes = bukti.get(kolom.kode, ())
        if codes:
            label = kolom.judul if len(sheet.kolom) > 1 else ""
            parts.append(f"{label}: {', '.join(codes)}" if label else ", ".join(codes))
    return "\n".join(parts)


def _ints(row: list[Any]) -> list[Any]:
    """Sums of ticks written as whole numbers where they are (``80``, not ``80.0``)."""
    return [int(v) if isinstance(v, float) and v.is_integer() else v for v in row]


def _lke(book: Workbook, styles: _Styles, penilaian: Penilaian) -> None:
    rows = [
        [k.kode, k.uraian, k.dasar, k.nilai, k.jawaban_teks, k.alasan,
         k.saran, _ids(k.baris)]
        for k in penilaian.kriteria
    ]  # fmt: skip
    _table(
        book,
        styles,
        "LKE",
        _heading(penilaian, "Perkiraan nilai kriteria LKE yang menyangkut pohon kinerja",
                 "PermenPAN-RB 88/2021; perkiraan pokin, bukan nilai evaluator"),
        ["Kriteria", "Uraian", "Dasar perhitungan", "Nilai", "Perkiraan jawaban", "Catatan",
         "Perbaikan", "Baris yang mengurangi nilai"],
        rows,
        [9, 50, 44, 10, 12, 40, 50, 50],
        looks=lambda col, value: styles.share if col == 3 else None,
    )  # fmt: skip


def _ids(ids: tuple[str, ...], limit: int = 30) -> str:
    text = "\n".join(ids[:limit])
    return text + (f"\n… dan {len(ids) - limit} lagi" if len(ids) > limit else "")


def _sources(book: Workbook, styles: _Styles, penilaian: Penilaian) -> None:
    rows = [
        [sheet.kode, k.judul, f"LKE {k.kriteria}", k.sumber, ", ".join(k.temuan), k.perbaikan]
        for sheet in penilaian.lembar
        for k in sheet.kolom
    ]
    _table(
        book,
        styles,
        "Sumber",
        _heading(penilaian, "Dasar setiap kolom: kriteria, sumber, dan kode temuan",
                 "kode temuan: pokin rules; aturan penilaian: docs/sakip.md"),
        ["KKE", "Kolom", "Kriteria", "Sumber", "Kode temuan", "Perbaikan"],
        rows,
        [8, 30, 12, 44, 40, 60],
    )  # fmt: skip
