"""The worksheets (KKE 1, 2 and 5): one row per indicator, each tick backed by findings.

A column loses its tick on an indicator when one of the column's finding codes was found on
the indicator, on its kinerja, or on the whole tree (PK708). The columns, what takes their
tick and which LKE criterion they serve are declared once, below; docs/sakip.md lists them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from .._pairing import match_trees
from .._text import words
from ..capaian import comparable, number
from ..checks import Findings
from ..checks.years import last_realisasi
from ..graph import ROOT, Cascade
from ..levels import Levels
from ..models import Indikator, Jabatan, PohonKinerja
from .model import Baris, Kolom, Lembar, angka

__all__ = ["KKE1", "KKE2", "KKE5", "Evidence", "implied_satuan", "kke1", "kke2", "kke5"]

_M88 = "PermenPAN-RB 88/2021"

KKE1 = (
    Kolom("S", "Spesifik", "1.b.5", f"{_M88}, KKE 1", ("PK403", "PK703"),
          "rumuskan satu ukuran hasil yang jelas, bukan kegiatan, tanpa indikator ganda"),
    Kolom("M", "Dapat Diukur", "1.b.5", f"{_M88}, KKE 1", ("PK501", "PK503", "PK705"),
          "lengkapi formulasi yang menyebut cara menghitung, dan satuannya"),
    Kolom("A", "Dapat Dicapai", "1.b.7", f"{_M88}, KKE 1", ("PK504", "PK706", "PK707"),
          "tetapkan target berupa satu angka (atau predikat) yang mungkin dicapai"),
    Kolom("R", "Relevan", "1.b.5", f"{_M88}, KKE 1",
          ("PK101", "PK505", "PK701", "PK702", "PK704"),
          "tautkan ke indikator atasan sampai IKU, pada level hasil yang sesuai jabatannya"),
    Kolom("T", "Berbatas Waktu", "1.b.5", f"{_M88}, KKE 1", ("PK708",),
          "sebutkan tahun atau periode perjanjian kinerja"),
    Kolom("C", "Menantang", "1.b.7", f"{_M88}, KKE 1 (dibandingkan dengan tahun sebelumnya)",
          ("PK802",), "tetapkan target tidak lebih rendah dari realisasi tahun sebelumnya"),
)  # fmt: skip

KKE2 = (
    Kolom("nilai", "Cascading logis (1 / 0,5 / 0)", "1.b.8", f"{_M88}, KKE 2",
          ("PK101", "PK103", "PK201", "PK301", "PK304", "PK701", "PK702",
           "PK202", "PK302", "PK505", "PK601", "PK704"),
          "tautkan setiap indikator ke indikator atasan langsung pada level hasil yang "
          "lebih rendah; konfirmasi tautan usulan"),
)  # fmt: skip
_TIDAK_LOGIS = frozenset({"PK101", "PK103", "PK201", "PK301", "PK304", "PK701", "PK702"})
"""A cascade that breaks, has no IKU to start from, loops, points down or climbs: 0."""
_KURANG_LOGIS = frozenset({"PK202", "PK302", "PK505", "PK601", "PK704"})
"""A cascade that holds but skips a level, rests on an unconfirmed link, is not carried
down, or counts activities at an outcome level: 0,5."""

KKE5 = (
    Kolom("formula", "Formula", "2.a.2", f"{_M88}, KKE 5", ("PK501", "PK705"),
          "tuliskan rumus atau cara menghitung indikator"),
    Kolom("komponen", "Komponen Pembentuk", "2.a.2", f"{_M88}, KKE 5",
          ("PK501", "PK705", "PK709"),
          "sebutkan komponen pembentuk: pembilang dan penyebut, atau apa yang dihitung"),
    Kolom("sumber", "Sumber Data", "2.a.2", f"{_M88}, KKE 5", ("PK502",),
          "sebutkan dokumen atau sistem sumber datanya"),
)  # fmt: skip


class Evidence:
    """The finding codes on each node, and the rows of the worksheets in tree order."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.cascade: Cascade = findings.cascade
        self.levels = Levels(self.cascade)
        self._codes: dict[str, set[str]] = defaultdict(set)
        for f in findings:
            self._codes[f.where].add(f.code)
        for component in self.cascade.cycles():  # PK301 names one member; all are in it
            for member in component:
                self._codes[member].add("PK301")
        self._kinerja_of = {
            str(i.id): str(k.id) for _, k in self.cascade.tree.iter_kinerja() for i in k.indikator
        }

    def codes(self, indikator_id: str) -> set[str]:
        """The codes found on an indicator, its kinerja and the whole tree."""
        kinerja = self._kinerja_of.get(indikator_id, "")
        return self._codes[indikator_id] | self._codes[kinerja] | self._codes[ROOT]

    def codes_of(self, node_id: str) -> set[str]:
        """The codes found on one node only."""
        return set(self._codes.get(node_id, ()))

    def rows(self) -> Iterator[tuple[Jabatan | None, str, Indikator]]:
        """(owner, kinerja or sasaran text, indikator) for every indicator, IKU first."""
        tree = self.cascade.tree
        for sasaran in tree.iku:
            for indikator in sasaran.indikator:
                yield None, sasaran.uraian, indikator
        for jabatan, kinerja in tree.iter_kinerja():
            for indikator in kinerja.indikator:
                yield jabatan, kinerja.uraian, indikator

    def row(
        self,
        owner: Jabatan | None,
        kinerja: str,
        indikator: Indikator,
        columns: tuple[Kolom, ...],
        *,
        score: Callable[[set[str]], float] = lambda hits: 0.0 if hits else 1.0,
        given: dict[str, tuple[float | None, tuple[str, ...]]] | None = None,
        keterangan: str = "",
    ) -> Baris:
        """A row scoring each column from the finding codes present (1 when none), unless
        ``given`` holds the column's value and evidence already."""
        found = self.codes(str(indikator.id))
        nilai: dict[str, float | None] = {}
        bukti: dict[str, tuple[str, ...]] = {}
        for column in columns:
            if given and column.kode in given:
                nilai[column.kode], bukti[column.kode] = given[column.kode]
                continue
            hits = found & set(column.temuan)
            nilai[column.kode], bukti[column.kode] = score(hits), tuple(sorted(hits))
        return Baris(
            id=str(indikator.id),
            jabatan=owner.nama if owner else "IKU",
            level=self.levels.of(str(indikator.id)).label,
            level_hasil=self.levels.of(str(indikator.id)).level.value,
            kinerja=kinerja,
            indikator=indikator.uraian,
            nilai=nilai,
            bukti=bukti,
            keterangan=keterangan,
        )

    def supported(self, indikator_id: str) -> list[str]:
        """The superior nodes an indicator (or its kinerja) supports."""
        c = self.cascade
        kinerja = self._kinerja_of.get(indikator_id)
        parents = c.supported(indikator_id) + (c.supported(kinerja) if kinerja else [])
        return list(dict.fromkeys(parents))


def kke1(evidence: Evidence, previous: PohonKinerja | None = None) -> Lembar:
    """KKE 1: Spesifik, Dapat Diukur, Dapat Dicapai, Relevan, Berbatas Waktu (from the
    findings) and Menantang (against the previous year's tree, when given)."""
    tree = evidence.cascade.tree
    before = _Previous(previous, tree) if previous is not None else None
    rows = []
    for owner, kinerja, indikator in evidence.rows():
        value, note = (
            before.challenging(indikator, evidence.codes(str(indikator.id)))
            if before
            else (None, "tidak dapat dinilai tanpa pohon kinerja tahun sebelumnya")
        )
        given: dict[str, tuple[float | None, tuple[str, ...]]] = {"C": (value, (note,))}
        hits = evidence.codes(str(indikator.id)) & set(KKE1[1].temuan)
        unit = implied_satuan(indikator)
        if hits == {"PK503"} and unit:
            given["M"] = (1.0, (f"PK503, tetapi satuan tersirat: {unit}",))
        rows.append(evidence.row(owner, kinerja, indikator, KKE1, given=given))
    return Lembar("KKE 1", "Kriteria indikator kinerja (SMART dan menantang)",
                  f"{_M88}, Kertas Kerja Evaluasi 1", KKE1, tuple(rows))  # fmt: skip


def kke2(evidence: Evidence) -> Lembar:
    """KKE 2: each indicator's cascade, 1 logis / 0,5 kurang logis / 0 tidak logis."""
    rows = []
    for owner, kinerja, indikator in evidence.rows():
        hits = evidence.codes(str(indikator.id))
        value = _logis(hits)
        word = {1.0: "logis", 0.5: "kurang logis", 0.0: "tidak logis"}[value]
        parents = evidence.supported(str(indikator.id))
        note = f"{angka(value)} ({word})" + (f"; mendukung {', '.join(parents)}" * bool(parents))
        rows.append(evidence.row(owner, kinerja, indikator, KKE2, score=_logis, keterangan=note))
    return Lembar("KKE 2", "Keselarasan cascading per level (logis, kurang logis, tidak logis)",
                  f"{_M88}, Kertas Kerja Evaluasi 2", KKE2, tuple(rows))  # fmt: skip


def _logis(hits: set[str]) -> float:
    if hits & _TIDAK_LOGIS:
        return 0.0
    return 0.5 if hits & _KURANG_LOGIS else 1.0


def kke5(evidence: Evidence) -> Lembar:
    """KKE 5: formula, komponen pembentuk and sumber data of each indicator."""
    rows = [
        evidence.row(owner, kinerja, indikator, KKE5, keterangan=indikator.formulasi or "")
        for owner, kinerja, indikator in evidence.rows()
    ]
    return Lembar("KKE 5", "Definisi operasional dan cara pengukuran indikator",
                  f"{_M88}, Kertas Kerja Evaluasi 5", KKE5, tuple(rows))  # fmt: skip


_UNIT_AFTER = re.compile(r"\d[\d.,]*\s*(%|[^\W\d_][\w/ ]*)")
_UNIT_WORDS = {"persentase": "persen", "prosentase": "persen", "indeks": "indeks",
               "nilai": "nilai", "rasio": "rasio"}  # fmt: skip


def implied_satuan(indikator: Indikator) -> str | None:
    """The unit an indicator without ``satuan`` still states: in its target (``100%``,
    ``500 surat``) or its first word (Persentase, Indeks, Nilai, Rasio).

    >>> implied_satuan(Indikator(uraian="Jumlah surat", target="500 surat"))
    'surat'
    >>> implied_satuan(Indikator(uraian="Persentase aduan selesai")), implied_satuan(
    ...     Indikator(uraian="Dokumen", target="1"))
    ('persen', None)
    """
    found = _UNIT_AFTER.search(indikator.target or "")
    if found:
        return found.group(1).strip()
    first = next(iter(words(indikator.uraian).split()), "")
    return _UNIT_WORDS.get(first)


class _Previous:
    """The previous year's indicators paired with this year's (the pairing PK802 uses)."""

    def __init__(self, old: PohonKinerja, new: PohonKinerja) -> None:
        match = match_trees(old, new)
        olds = {str(i.id): i for _, i in old.iter_indikator()}
        self.before = {new_id: olds[o] for o, (new_id, _) in match.nodes.items() if o in olds}
        self.year = new.organisasi.tahun

    def challenging(self, indikator: Indikator, codes: set[str]) -> tuple[float | None, str]:
        """0 with PK802 (target below last year's realisasi), 1 when the two compare (as
        PK802 compares them: numbers, or predikat of one scale; last year's realisasi from
        the old tree or this indicator's ``per_periode``), ``None`` otherwise."""
        if "PK802" in codes:
            return 0.0, "PK802"
        before = self.before.get(str(indikator.id))
        if before is None:
            return None, "indikator baru: tidak ada pada tahun sebelumnya"
        real = last_realisasi(before, indikator, self.year)
        if not (real or "").strip():
            return None, "realisasi tahun sebelumnya tidak tercatat"
        if comparable(indikator.target, real) is None:
            return None, "target dan realisasi tahun sebelumnya tidak dapat dibandingkan"
        return 1.0, f"target {_shown(indikator.target)}, realisasi tahun sebelumnya {_shown(real)}"


def _shown(text: str | None) -> str:
    value = number(text)
    return angka(value) if value is not None else " ".join((text or "").split())
