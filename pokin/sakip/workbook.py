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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .._files import atomic_write
from .model import Lembar, Penilaian, persen

__all__ = ["write_workbook"]

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_ZERO = PatternFill("solid", fgColor="F8CBAD")
_HALF = PatternFill("solid", fgColor="FFE699")
_WRAP = Alignment(wrap_text=True, vertical="top")
_FIRST = 5  # the header row of the tables


def write_workbook(penilaian: Penilaian, path: Path) -> Path:
    """Write the workbook to ``path`` atomically; return the path."""
    book = Workbook()
    book.remove(book.active)
    for sheet in penilaian.lembar:
        _worksheet(book, penilaian, sheet)
    _lke(book, penilaian)
    _table(
        book.create_sheet("1.b.9 Crosscutting"),
        _heading(penilaian, "LKE 1.b.9 — tautan crosscutting per unit"),
        ["Unit", "Mendukung unit lain", "Didukung unit lain", "Sepihak", "Belum dikonfirmasi"],
        [[u["unit"], u["mendukung"], u["didukung"], u["sepihak"], u["belum_dikonfirmasi"]]
         for u in penilaian.crosscutting],
        [40, 18, 18, 12, 18],
    )  # fmt: skip
    _table(
        book.create_sheet("1.b.10 Pegawai"),
        _heading(penilaian, "LKE 1.b.10 — perencanaan kinerja setiap pegawai, per peran"),
        ["Peran", "Jabatan", "Tanpa kinerja", "Tanpa indikator", "Lengkap", "Jabatan kurang"],
        [[r["peran"], r["jabatan"], r["tanpa_kinerja"], r["tanpa_indikator"], r["lengkap"],
          "\n".join(r["kurang"])] for r in penilaian.pegawai],
        [24, 10, 14, 16, 10, 50],
    )  # fmt: skip
    _sources(book, penilaian)
    with atomic_write(path, binary=True) as handle:
        book.save(handle)
    return path


def _heading(penilaian: Penilaian, title: str, source: str = "") -> list[str]:
    year = f" tahun {penilaian.tahun}" if penilaian.tahun else ""
    return [title, f"{penilaian.organisasi}{year}", source]


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _table(
    ws: Worksheet,
    heading: list[str],
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[int],
) -> None:
    for number, line in enumerate(heading, 1):
        ws.cell(number, 1, _text(line)).font = _TITLE if number == 1 else _BOLD
    for col, (title, width) in enumerate(zip(header, widths, strict=True), 1):
        cell = ws.cell(_FIRST, col, title)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEAD, _WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, _FIRST + 1):
        for col, value in enumerate(row, 1):
            cell = ws.cell(r, col, _text(value))
            if isinstance(value, str):
                cell.data_type = "s"  # "=..." from a decree stays a text
            cell.alignment = _WRAP
    ws.freeze_panes = ws.cell(_FIRST + 1, 1)
    if rows:
        ws.auto_filter.ref = f"A{_FIRST}:{get_column_letter(len(header))}{_FIRST + len(rows)}"


def _worksheet(book: Workbook, penilaian: Penilaian, sheet: Lembar) -> None:
    ws = book.create_sheet(sheet.kode)
    scored = [f"{k.judul}\n(LKE {k.kriteria})" for k in sheet.kolom]
    header = ["No", "Jabatan", "Level Hasil", "Kinerja / Sasaran", "Indikator", "ID",
              *scored, "Bukti (kode temuan)", "Keterangan"]  # fmt: skip
    rows = [
        [n, b.jabatan, b.level, b.kinerja, b.indikator, b.id,
         *(b.nilai[k.kode] for k in sheet.kolom), _evidence(sheet, b.bukti), b.keterangan]
        for n, b in enumerate(sheet.baris, 1)
    ]  # fmt: skip
    widths = [6, 28, 24, 40, 44, 22, *([14] * len(sheet.kolom)), 30, 40]
    _table(ws, _heading(penilaian, f"{sheet.kode} — {sheet.judul}", sheet.sumber), header,
           rows, widths)  # fmt: skip
    first = 7
    for r in range(_FIRST + 1, _FIRST + 1 + len(rows)):
        for c in range(first, first + len(sheet.kolom)):
            cell = ws.cell(r, c)
            if cell.value in (0, 0.5):
                cell.fill = _ZERO if cell.value == 0 else _HALF
    end = _FIRST + len(rows) + 1
    ws.cell(end, 2, "Jumlah").font = _BOLD
    ws.cell(end + 1, 2, "Persentase").font = _BOLD
    for offset, kolom in enumerate(sheet.kolom):
        values = [v for b in sheet.baris if (v := b.nilai[kolom.kode]) is not None]
        ws.cell(end, first + offset, sum(values) if values else None)
        share = sheet.share_of(kolom.kode)
        ws.cell(end + 1, first + offset, share).number_format = "0.0%"
    total = ws.cell(end + 1, first + len(sheet.kolom), sheet.share)
    total.number_format, total.font = "0.0%", _BOLD
    ws.cell(end + 2, 2, f"Nilai {sheet.kode}: {persen(sheet.share)}").font = _BOLD


def _evidence(sheet: Lembar, bukti: dict[str, tuple[str, ...]]) -> str:
    parts = []
    for kolom in sheet.kolom:
        codes = bukti.get(kolom.kode, ())
        if codes:
            label = kolom.judul if len(sheet.kolom) > 1 else ""
            parts.append(f"{label}: {', '.join(codes)}" if label else ", ".join(codes))
    return "\n".join(parts)


def _lke(book: Workbook, penilaian: Penilaian) -> None:
    rows = [
        [k.kode, k.uraian, k.dasar, k.nilai, k.jawaban or "tidak dapat dinilai", k.alasan,
         k.perbaikan, _ids(k.baris)]
        for k in penilaian.kriteria
    ]  # fmt: skip
    ws = book.create_sheet("LKE")
    _table(
        ws,
        _heading(penilaian, "Perkiraan nilai kriteria LKE yang menyangkut pohon kinerja",
                 "PermenPAN-RB 88/2021; perkiraan pokin, bukan nilai evaluator"),
        ["Kriteria", "Uraian", "Dasar perhitungan", "Nilai", "Perkiraan jawaban", "Catatan",
         "Perbaikan", "Baris yang mengurangi nilai"],
        rows,
        [9, 50, 44, 10, 12, 40, 50, 50],
    )  # fmt: skip
    for r in range(_FIRST + 1, _FIRST + 1 + len(rows)):
        ws.cell(r, 4).number_format = "0.0%"


def _ids(ids: tuple[str, ...], limit: int = 30) -> str:
    text = "\n".join(ids[:limit])
    return text + (f"\n… dan {len(ids) - limit} lagi" if len(ids) > limit else "")


def _sources(book: Workbook, penilaian: Penilaian) -> None:
    rows = [
        [sheet.kode, k.judul, f"LKE {k.kriteria}", k.sumber, ", ".join(k.temuan), k.perbaikan]
        for sheet in penilaian.lembar
        for k in sheet.kolom
    ]
    _table(
        book.create_sheet("Sumber"),
        _heading(penilaian, "Dasar setiap kolom: kriteria, sumber, dan kode temuan",
                 "kode temuan: pokin rules; aturan penilaian: docs/sakip.md"),
        ["KKE", "Kolom", "Kriteria", "Sumber", "Kode temuan", "Perbaikan"],
        rows,
        [8, 30, 12, 44, 40, 60],
    )  # fmt: skip
