"""What a decree parser hands to the tree builder: layout-free parts with line numbers.

Every layout parser (tab-separated tables, markdown pipe tables, PDF text) turns a decree's
lines into one :class:`ParsedDecree`; :mod:`pokin.decree` then builds the
:class:`~pokin.models.PohonKinerja` from it (roles, atasan, ids), whatever the layout was.
Line numbers are 1-based and point into the source file, so every message a planner reads
can say where to look.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "BLOCK_AT",
    "Block",
    "IkuIndikator",
    "IkuSasaran",
    "ParsedDecree",
    "Row",
    "Skipped",
    "put_polaritas",
    "put_realisasi",
]

BLOCK_AT = "Blok pada baris"
"""How each imported jabatan's ``catatan`` opens: ``Blok pada baris 13 di x.txt.`` (the
line of its JABATAN block; corrections select a jabatan by it, ``baris:``)."""


@dataclass
class Row:
    """One kinerja–indikator row of a position's table, after cells were split into items.

    An empty ``kinerja`` means "the same kinerja as the row above" (a merged cell).
    ``target`` and ``satuan`` are empty when the table has no such column.
    """

    line: int
    kinerja: str
    indikator: str
    formulasi: str = ""
    sumber_data: str = ""
    satuan: str = ""
    target: str = ""
    realisasi: str = ""  # optional: a "Realisasi" column (a decree re-issued with results)
    polaritas: str = ""  # optional: a "Polaritas" / "Arah" column, as written (Minimize ...)
    catatan: str = ""  # optional: how the parser read an odd row (re-aligned cells...)
    kept: str = ""  # optional: cells of columns pokin has no field for ("Keterangan: ...")
    per_tahun: dict[str, str] = field(default_factory=dict)  # optional: year -> target
    mendukung: list[str] = field(default_factory=list)
    """Optional: the texts of the superior indicators this row's kinerja supports, when the
    layout itself declares the links (a cascading matrix)."""
    intervensi: str = ""
    """Optional: the superior's kinerja or indicator this row says it supports, as written in
    a ``kinerja_atasan`` column (an SKP's "RHK Pimpinan yang Diintervensi"); several are
    separated by newlines. The builder links it when the atasan has that text."""


@dataclass
class Block:
    """One position block: JABATAN / TUGAS / FUNGSI and its table."""

    nama: str  # the title as the decree writes it, cleaned ("KEPALA SEKSI PEMERINTAHAN")
    line: int
    unit: str | None = None  # the unit the context places it in ("Kelurahan Sidomoro")
    tugas: str = ""
    fungsi: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    jenis: str | None = None  # optional: the decree's label after the title ("JFU", "Struktural")
    catatan: str = ""  # optional: what the parser changed in the title (an OCR fix...)
    atasan: str | None = None  # optional: the nama of the atasan's block, when the layout says
    atasan_line: int | None = None  # optional: the line of a table cell naming the atasan


@dataclass
class IkuIndikator:
    line: int
    uraian: str
    kode: str | None = None  # "I.K.S.1.1"
    formulasi: str = ""
    sumber_data: str = ""
    satuan: str = ""
    target: str = ""
    catatan: str = ""  # optional: how the parser read the row (cells it could not pair...)
    per_tahun: dict[str, str] = field(default_factory=dict)  # optional: year -> target


@dataclass
class IkuSasaran:
    line: int
    uraian: str
    kode: str | None = None  # "S.1"
    indikator: list[IkuIndikator] = field(default_factory=list)


@dataclass
class Skipped:
    """Lines inside a table that could not be read; reported, never dropped silently."""

    line: int
    end_line: int
    text: str
    reason: str


@dataclass
class ParsedDecree:
    source: str  # the file name, for messages and `dokumen.sumber`
    layout: str  # "tab", "markdown", "pdf-text"
    nama: str | None = None  # "Kecamatan Wonoasih"
    pemerintah: str | None = None  # "Kota Probolinggo"
    tahun: int | None = None
    periode: str | None = None  # optional: "2021-2026" when the decree gives a period
    judul: str | None = None
    nomor: str | None = None
    tanggal: str | None = None  # YYYY-MM-DD
    penandatangan: str | None = None
    iku: list[IkuSasaran] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, note) on the file


def put_realisasi(rows: list[Row], text: str) -> None:
    """Give the rows one table row was split into its "Realisasi" cell: to the one
    indicator, or, for several, a note that it could not be told whose it is."""
    text = text.strip()
    if not text or not rows:
        return
    if len(rows) == 1:
        rows[0].realisasi = text
        return
    note = f"realisasi «{text}» untuk {len(rows)} indikator sekaligus: isi per indikator"
    rows[0].catatan = f"{rows[0].catatan}; {note}" if rows[0].catatan else note


def put_polaritas(rows: list[Row], text: str) -> None:
    """Give the rows one table row was split into its "Polaritas" cell: one line per
    indicator, or one word for them all (a merged cell: the direction of the kinerja)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or not rows:
        return
    if len(lines) == len(rows):
        for row, line in zip(rows, lines, strict=True):
            row.polaritas = line
    elif len(set(lines)) == 1 or (len(lines) > 1 and len(rows) == 1):
        for row in rows:
            row.polaritas = " ".join(dict.fromkeys(lines))
    else:
        note = f"polaritas «{' / '.join(lines)}» untuk {len(rows)} indikator: isi per indikator"
        rows[0].catatan = f"{rows[0].catatan}; {note}" if rows[0].catatan else note
