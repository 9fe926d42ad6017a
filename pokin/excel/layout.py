"""The layout of the cascade-matrix workbook, shared by the writer and the reader.

Each sheet is a header row and one record per row. A column is *data* (read back into the
tree), a *copy* (a value repeated from another sheet for the reader's convenience, ignored on
reading) or *derived* (computed for humans: level, capaian, findings; ignored on reading).
The reader finds columns by their header text, so a planner may reorder them or add columns
of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import Indikator

__all__ = [
    "FIELDS",
    "IKU",
    "ISI",
    "JABATAN",
    "MATRIKS",
    "ORGANISASI",
    "ORGANISASI_KEYS",
    "PETUNJUK",
    "QUOTES",
    "TAUTAN",
    "Column",
    "Sheet",
    "lines",
    "quoted",
]

Role = Literal["data", "copy", "derived"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the key the code uses, the header a planner sees, its width and role."""

    key: str
    header: str
    width: float
    role: Role = "data"
    wrap: bool = True
    optional: bool = False  # a data column older workbooks lack: read as empty when absent


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet's name, its columns and whether a workbook must have it."""

    name: str
    columns: tuple[Column, ...]
    required: bool = True

    @property
    def data_keys(self) -> list[str]:
        """The keys of the columns read back into the tree."""
        return [c.key for c in self.columns if c.role == "data"]

    def column(self, key: str) -> Column:
        """The column with this key."""
        return next(c for c in self.columns if c.key == key)


def _c(
    key: str,
    header: str,
    width: float,
    role: Role = "data",
    *,
    wrap: bool = True,
    optional: bool = False,
) -> Column:
    return Column(key, header, width, role, wrap, optional)


_INDIKATOR_COLUMNS = (
    _c("formulasi", "Formulasi", 34),
    _c("sumber_data", "Sumber Data", 20),
    _c("satuan", "Satuan", 10),
    _c("target", "Target", 10),
    _c("realisasi", "Realisasi", 10),
    _c("polaritas", "Polaritas", 10, wrap=False),
    _c("capaian", "Capaian", 12, "derived"),
    _c("indikator_mendukung", "Indikator Mendukung (ID)", 20),
    _c("catatan", "Catatan Indikator", 22),
    _c("akumulasi", "Akumulasi Triwulan", 12, wrap=False, optional=True),
    _c("per_periode", "Target/Realisasi per Periode", 26, optional=True),
)
"""The columns of an indicator's own fields, alike on the matrix and the IKU sheet."""

MATRIKS = Sheet(
    "Matriks Cascading",
    (
        _c("level", "Level", 7, "derived", wrap=False),
        _c("jabatan", "Jabatan", 26, "copy"),
        _c("jabatan_id", "ID Jabatan", 20),
        _c("peran", "Peran", 13, "copy", wrap=False),
        _c("eselon", "Eselon", 8, "copy", wrap=False),
        _c("unit", "Unit", 24, "copy"),
        _c("atasan", "Atasan", 20, "copy"),
        _c("kinerja", "Kinerja", 42),
        _c("kinerja_id", "ID Kinerja", 18),
        _c("kinerja_mendukung", "Kinerja Mendukung (ID)", 20),
        _c("kinerja_catatan", "Catatan Kinerja", 22),
        _c("indikator", "Indikator", 42),
        _c("indikator_id", "ID Indikator", 20),
        *_INDIKATOR_COLUMNS,
        _c("didukung", "Indikator Atasan yang Didukung", 44, "derived"),
        _c("asal_tautan", "Asal Tautan", 22, "derived"),
        # after the others, so the columns of workbooks from before them keep their letters
        _c("kinerja_level_hasil", "Level Hasil Kinerja", 18, wrap=False, optional=True),
        _c("level_hasil", "Level Hasil Indikator", 18, wrap=False, optional=True),
        _c("temuan", "Kode Temuan", 14, "derived"),
        _c("saran", "Saran Tautan", 44, "derived"),
    ),
)

JABATAN = Sheet(
    "Jabatan",
    (
        _c("id", "ID Jabatan", 20),
        _c("nama", "Jabatan", 30),
        _c("peran", "Peran", 14, wrap=False),
        _c("eselon", "Eselon", 8, wrap=False),
        _c("unit", "Unit", 26),
        _c("atasan", "Atasan (ID)", 20),
        _c("atasan_nama", "Nama Atasan", 26, "derived"),
        _c("tugas", "Tugas", 50),
        _c("fungsi", "Fungsi (satu per baris)", 60),
        _c("catatan", "Catatan", 26),
        _c("inferensi", "Inferensi", 16),
    ),
)

IKU = Sheet(
    "IKU",
    (
        _c("sasaran_id", "ID Sasaran", 12),
        _c("sasaran", "Sasaran", 42),
        _c("indikator_id", "ID Indikator", 14),
        _c("indikator", "Indikator", 42),
        *_INDIKATOR_COLUMNS,
        _c("level_hasil", "Level Hasil Indikator", 18, wrap=False, optional=True),
        _c("temuan", "Kode Temuan", 14, "derived"),
    ),
    required=False,
)

TAUTAN = Sheet(
    "Tautan",
    (
        _c("pemilik", "ID Pemilik", 20),
        _c("pemilik_uraian", "Pemilik (uraian)", 40, "derived"),
        _c("ke", "Mendukung (ID)", 20),
        _c("ke_uraian", "Mendukung (uraian)", 40, "derived"),
        _c("asal", "Asal", 12, wrap=False),
        _c("skor", "Skor", 8, wrap=False),
        _c("status", "Status", 12, wrap=False),
        _c("alasan", "Alasan", 50),
        _c("komponen", "Komponen Formula", 12, wrap=False, optional=True),
    ),
    required=False,
)

ISI = Sheet(
    "Isi Ekspor",
    (_c("isi", "Isi (JSON: jenis, ID, uraian)", 60, "copy", wrap=False),),
    required=False,
)
"""A hidden sheet listing every node the workbook was exported with (never read into the
tree): on import, what it lists and the tree no longer has was deleted by the planner.
Each cell holds a JSON list of ``[jenis, id, uraian]`` triples (a few hundred cells for a
kabupaten, where a row per node cost as much to write as the matrix itself)."""

ORGANISASI = Sheet(
    "Organisasi",
    (
        _c("kunci", "Kunci", 24, wrap=False),
        _c("nilai", "Nilai", 60),
        _c("keterangan", "Keterangan", 50, "derived"),
    ),
)

ORGANISASI_KEYS: dict[str, str] = {
    "pokin": "versi format berkas pokin",
    "nama": "nama organisasi (wajib)",
    "pemerintah": "pemerintah kota / kabupaten",
    "tahun": "tahun (angka)",
    "periode": "atau periode, mis. 2021-2026",
    "dokumen.judul": "judul dokumen sumber",
    "dokumen.nomor": "nomor dokumen",
    "dokumen.tanggal": "tanggal dokumen (YYYY-MM-DD)",
    "dokumen.penandatangan": "penandatangan",
    "dokumen.sumber": "berkas sumber",
    "catatan": "catatan",
}
"""The keys of the Organisasi sheet, with the description written beside each."""

PETUNJUK = "Petunjuk"
"""The sheet of instructions for planners (written, never read)."""


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a cell, stripped."""
    return [s.strip() for s in (text or "").splitlines() if s.strip()]


QUOTES: dict[str, tuple[str, ...]] = {
    '"': ('"',),
    "\u201c": ("\u201d",),  # “...” (autocorrect in Word, LibreOffice, Excel on a Mac)
    "\u201e": ("\u201c", "\u201d"),  # „...“ and „...”
    "\u00ab": ("\u00bb",),  # «...»
    "'": ("'",),
    "\u2018": ("\u2019",),  # ‘...’
}
"""The quotes around an indicator's text in a ``Mendukung (ID)`` cell: opening -> closing."""


def periods_text(indikator: Indikator) -> str | None:
    """An indicator's ``per_periode`` in one cell, a period a line:
    ``TW I: target 150; realisasi 162``."""
    out = []
    for p in indikator.per_periode:
        parts = [f"target {p.target}"] * bool(p.target) + [f"realisasi {p.realisasi}"] * bool(
            p.realisasi
        )
        out.append(f"{p.periode}: " + "; ".join(parts))
    return "\n".join(out) or None


_PERIOD_LINE = re.compile(
    r"\s*(?P<periode>[^:]+?)\s*:\s*(?:target\s+(?P<target>.*?))?\s*;?\s*"
    r"(?:realisasi\s+(?P<realisasi>.*?))?\s*",
    re.IGNORECASE,
)


def read_periods(cell: str) -> list[dict[str, str]]:
    r"""The ``per_periode`` items of a cell written by :func:`periods_text`; a line that
    does not read is kept whole as its period, which validation then refuses with its row.

    >>> read_periods("TW I: target 150; realisasi 162\n2023: realisasi 1.000 orang/ tamu")[1]
    {'periode': '2023', 'realisasi': '1.000 orang/ tamu'}
    >>> read_periods("TW I: target 150; realisasi 162")
    [{'periode': 'TW I', 'target': '150', 'realisasi': '162'}]
    """
    out = []
    for line in cell.splitlines():
        if not line.strip():
            continue
        found = _PERIOD_LINE.fullmatch(line)
        if found is None:
            out.append({"periode": line.strip()})
            continue
        out.append({k: v for k, v in found.groupdict().items() if v})
    return out


def quoted(line: str) -> str | None:
    """The text inside the quotes of a link written as ``"text"`` (or with curly quotes)."""
    if len(line) >= 2 and line[-1] in QUOTES.get(line[0], ()):
        return line[1:-1]
    return None


_INDIKATOR = {
    "id": "indikator_id",
    "uraian": "indikator",
    "mendukung": "indikator_mendukung",
    **{k: k for k in ("formulasi", "sumber_data", "satuan", "target", "realisasi")},
    **{k: k for k in ("polaritas", "level_hasil", "akumulasi", "per_periode", "catatan")},
}
FIELDS: dict[str, dict[str, str]] = {
    "jabatan": {c.key: c.key for c in JABATAN.columns},
    "kinerja": {
        "id": "kinerja_id",
        "uraian": "kinerja",
        "mendukung": "kinerja_mendukung",
        "catatan": "kinerja_catatan",
        "level_hasil": "kinerja_level_hasil",
    },
    "indikator": _INDIKATOR,
    "sasaran": {"id": "sasaran_id", "uraian": "sasaran"},
    "tautan": {k: k for k in ("ke", "asal", "skor", "status", "alasan", "komponen")},
}
"""For each kind of node, the column key of each model field (for reading and errors)."""
