"""The records of a SAKIP pre-evaluation: worksheets (KKE), their rows, LKE criteria.

Frozen data only; :mod:`pokin.sakip.kke` and :mod:`pokin.sakip.criteria` compute them.
Values are numbers (``1``, ``0.5``, ``0`` or ``None`` when a cell cannot be assessed);
texts for planners are Indonesian, numbers written the Indonesian way (:func:`persen`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import LevelHasil

__all__ = ["Baris", "Kolom", "Kriteria", "Lembar", "Penilaian", "angka", "jawaban", "persen"]


def angka(value: float) -> str:
    """``0,5``, ``1``, ``87,5``: a number as Indonesian documents write it.

    >>> angka(0.5), angka(1.0), angka(1234.0), angka(87.26)
    ('0,5', '1', '1.234', '87,3')
    """
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole = f"{value:,.1f}"
    return whole.replace(",", "_").replace(".", ",").replace("_", ".")


def persen(value: float | None) -> str:
    """A share from 0 to 1 as a percentage: ``87,5%``; ``—`` when there is none.

    >>> persen(0.875), persen(1.0), persen(None)
    ('87,5%', '100,0%', '—')
    """
    if value is None:
        return "—"
    return f"{value * 100:.1f}%".replace(".", ",")


def jawaban(value: float | None) -> str | None:
    """The LKE answer a share suggests: ``A`` (above 80%) down to ``E`` (20% or less).

    pokin's own convention (see docs/sakip.md: not confirmed in the regulation's text).

    >>> [jawaban(v) for v in (1.0, 0.8, 0.61, 0.5, 0.25, 0.0, None)]
    ['A', 'B', 'B', 'C', 'D', 'E', None]
    """
    if value is None:
        return None
    for letter, floor in (("A", 0.8), ("B", 0.6), ("C", 0.4), ("D", 0.2)):
        if value > floor:
            return letter
    return "E"


@dataclass(frozen=True, slots=True)
class Kolom:
    """A scored column of a worksheet: what it asks, the criterion it serves, its evidence."""

    kode: str  # "S", "M", "nilai" ...
    judul: str  # "Spesifik"
    kriteria: str  # "1.b.5"
    sumber: str  # "PermenPAN-RB 88/2021, KKE 1"
    temuan: tuple[str, ...]  # the finding codes that take the tick away
    perbaikan: str  # how to earn the tick

    def to_record(self) -> dict[str, Any]:
        """A flat dict."""
        return {
            "kode": self.kode,
            "judul": self.judul,
            "kriteria": self.kriteria,
            "sumber": self.sumber,
            "temuan": list(self.temuan),
            "perbaikan": self.perbaikan,
        }


@dataclass(frozen=True, slots=True)
class Baris:
    """One row of a worksheet: one indicator, its values and the evidence behind each."""

    id: str
    jabatan: str  # the position's name, or "IKU"
    level: str  # "Immediate Outcome (diturunkan dari peran kasi)"
    kinerja: str
    indikator: str
    nilai: dict[str, float | None]  # column code → 1 / 0,5 / 0, None when not assessable
    bukti: dict[str, tuple[str, ...]]  # column code → finding codes (or notes) behind it
    keterangan: str = ""
    level_hasil: str = ""  # the level's code: "immediate_outcome"

    def to_record(self) -> dict[str, Any]:
        """A flat dict (lists for the evidence)."""
        return {
            "id": self.id,
            "jabatan": self.jabatan,
            "level": self.level,
            "level_hasil": self.level_hasil,
            "kinerja": self.kinerja,
            "indikator": self.indikator,
            "nilai": dict(self.nilai),
            "bukti": {k: list(v) for k, v in self.bukti.items()},
            "keterangan": self.keterangan,
        }


@dataclass(frozen=True, slots=True)
class Lembar:
    """A worksheet (KKE): its columns, one row per indicator, and its percentages."""

    kode: str  # "KKE 1"
    judul: str
    sumber: str
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]

    def share_of(self, *kode: str) -> float | None:
        """Σ of the assessable cells of these columns / their number (0 to 1): a column
        with few assessable rows weighs as many cells as it has, not as a whole column."""
        values = [v for b in self.baris for k in kode if (v := b.nilai.get(k)) is not None]
        return sum(values) / len(values) if values else None

    def assessed(self, kode: str) -> int:
        """How many rows can be scored in one column."""
        return sum(1 for b in self.baris if b.nilai.get(kode) is not None)

    def by_level(self) -> list[tuple[str, int, float]]:
        """Per result level, top down: (level as evaluators write it, rows, share 0 to 1),
        over the rows and cells that can be assessed."""
        tally: dict[str, list[float]] = {}
        for row in self.baris:
            values = [v for v in row.nilai.values() if v is not None]
            tally.setdefault(row.level_hasil, []).extend(values)
        order = [level.value for level in LevelHasil]
        return [
            (LevelHasil(code).label, sum(1 for b in self.baris if b.level_hasil == code),
             sum(values) / len(values))
            for code in sorted(tally, key=order.index)
            if (values := tally[code])
        ]  # fmt: skip

    @property
    def share(self) -> float | None:
        """Σ of the assessable cells / their number: the worksheet's percentage (0 to 1)."""
        values = [v for b in self.baris for v in b.nilai.values() if v is not None]
        return sum(values) / len(values) if values else None

    def to_record(self) -> dict[str, Any]:
        """The worksheet as JSON-ready data."""
        return {
            "kode": self.kode,
            "judul": self.judul,
            "sumber": self.sumber,
            "persen": _pct(self.share),
            "per_level": [
                {"level": level, "indikator": n, "persen": _pct(share)}
                for level, n, share in self.by_level()
            ],
            "kolom": [{**k.to_record(), "persen": _pct(self.share_of(k.kode))} for k in self.kolom],
            "baris": [b.to_record() for b in self.baris],
        }


@dataclass(frozen=True, slots=True)
class Kriteria:
    """The estimate of one LKE criterion, with the rows that cost points and the fix."""

    kode: str  # "1.b.8"
    uraian: str  # the criterion as the LKE words it (paraphrased where not confirmed)
    dasar: str  # how pokin computes it: "KKE 2: Σ nilai / jumlah indikator"
    nilai: float | None  # 0 to 1; None when it cannot be assessed from the tree
    alasan: str = ""  # why it cannot be assessed, or a note on the figure
    baris: tuple[str, ...] = ()  # ids of the rows that cost points (most important first)
    perbaikan: str = ""
    sebagian: bool = False  # only part of the criterion judged (1.b.7 without Menantang)

    @property
    def jawaban(self) -> str | None:
        """The LKE answer the figure suggests (A–E), ``None`` when not assessable or only
        partly judged: an A on half a criterion is no A."""
        return None if self.sebagian else jawaban(self.nilai)

    @property
    def jawaban_teks(self) -> str:
        """:attr:`jawaban` as reports print it: the letter, ``sebagian dinilai`` or
        ``tidak dapat dinilai``."""
        if self.jawaban is not None:
            return self.jawaban
        return "sebagian dinilai" if self.sebagian else "tidak dapat dinilai"

    @property
    def saran(self) -> str:
        """The fix, unless nothing lowers the figure ("" at 100%: a fix for a full score is
        no advice to act on); a criterion that cannot be assessed keeps its fix."""
        return "" if self.nilai is not None and self.nilai >= 1 else self.perbaikan

    def to_record(self) -> dict[str, Any]:
        """A flat dict."""
        return {
            "kode": self.kode,
            "uraian": self.uraian,
            "dasar": self.dasar,
            "nilai": _pct(self.nilai),
            "persen": persen(self.nilai),
            "jawaban": self.jawaban,
            "sebagian": self.sebagian,
            "alasan": self.alasan,
            "baris": list(self.baris),
            "perbaikan": self.perbaikan,
        }


@dataclass(frozen=True, slots=True)
class Penilaian:
    """A SAKIP pre-evaluation of one tree: KKE 1, 2 and 5, LKE criteria, 1.b.9 and 1.b.10."""

    organisasi: str
    tahun: int | None
    lembar: tuple[Lembar, ...]
    kriteria: tuple[Kriteria, ...]
    crosscutting: tuple[dict[str, Any], ...] = ()  # per unit, for 1.b.9
    pegawai: tuple[dict[str, Any], ...] = ()  # per role, for 1.b.10
    catatan: tuple[str, ...] = field(default=())

    def __getitem__(self, kode: str) -> Lembar | Kriteria:
        """A worksheet by code (``"KKE 2"``) or a criterion (``"1.b.8"``)."""
        items: list[Lembar | Kriteria] = [*self.lembar, *self.kriteria]
        for item in items:
            if item.kode == kode:
                return item
        known = ", ".join(i.kode for i in items)
        raise KeyError(f"no worksheet or criterion {kode!r} (known: {known})")

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON-ready data (shares as fractions, texts in Indonesian)."""
        return {
            "organisasi": self.organisasi,
            "tahun": self.tahun,
            "kriteria": [k.to_record() for k in self.kriteria],
            "lembar": [sheet.to_record() for sheet in self.lembar],
            "crosscutting": list(self.crosscutting),
            "pegawai": list(self.pegawai),
            "catatan": list(self.catatan),
        }

    def __repr__(self) -> str:
        scores = ", ".join(f"{k.kode} {persen(k.nilai)}" for k in self.kriteria)
        return f"<Penilaian SAKIP {self.organisasi!r}: {scores}>"


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
