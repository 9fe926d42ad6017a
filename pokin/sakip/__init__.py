"""Score the cascade the way the SAKIP evaluator will (PermenPAN-RB 88/2021).

:func:`sakip` fills the evaluator's worksheets from the tree and its findings: KKE 1
(Spesifik, Dapat Diukur, Dapat Dicapai, Relevan, Berbatas Waktu, Menantang per indicator),
KKE 2 (each indicator's cascade: 1 logis, 0,5 kurang logis, 0 tidak logis) and KKE 5
(formula, komponen pembentuk, sumber data), each tick backed by the finding codes that took
it away; then estimates the LKE criteria the cascade touches (1.b.4 to 1.b.10, 2.a.2) with
the rows that cost points and the fix. :func:`write_sakip` writes it as an Excel workbook
(one sheet per KKE) or JSON. The rules and their sources are in docs/sakip.md.

>>> from pokin import datasets
>>> hasil = sakip(datasets.load("sambutan-2023"))
>>> hasil["1.b.6"].nilai is None  # IKU stability needs the previous year's tree
True
>>> [k.kode for k in hasil.kriteria]
['1.b.4', '1.b.5', '1.b.6', '1.b.7', '1.b.8', '1.b.9', '1.b.10', '2.a.2']
"""

from __future__ import annotations

import json
from pathlib import Path

from .._files import atomic_write, output_suffix
from ..checks import Findings, check
from ..graph import Cascade
from ..models import PohonKinerja
from .criteria import criteria, crosscutting_units, pegawai_roles
from .kke import KKE1, KKE2, KKE5, Evidence, kke1, kke2, kke5
from .model import Baris, Kolom, Kriteria, Lembar, Penilaian, angka, jawaban, persen

__all__ = [
    "KKE1",
    "KKE2",
    "KKE5",
    "SUFFIXES",
    "Baris",
    "Kolom",
    "Kriteria",
    "Lembar",
    "Penilaian",
    "angka",
    "jawaban",
    "persen",
    "sakip",
    "write_sakip",
]

SUFFIXES = (".xlsx", ".json")
"""The files :func:`write_sakip` writes."""


def sakip(
    tree: PohonKinerja | Cascade,
    *,
    previous: PohonKinerja | None = None,
    findings: Findings | None = None,
) -> Penilaian:
    """The SAKIP pre-evaluation of ``tree``: KKE 1, 2 and 5 and the LKE criteria.

    Args:
        tree: the pohon kinerja (or its cascade).
        previous: the previous year's tree; without it, KKE 1 Menantang and LKE 1.b.6 are
            "tidak dapat dinilai" (not assessable), never guessed.
        findings: the findings of every rule on ``tree`` (and, with ``previous``, the rules
            across years), computed when not given; a selection of rules would leave ticks
            unearned: pass all of them.
    """
    if findings is None:
        findings = check(tree, previous=previous)
    evidence = Evidence(findings)
    sheets = {s.kode: s for s in (kke1(evidence, previous), kke2(evidence), kke5(evidence))}
    org = evidence.cascade.tree.organisasi
    notes = []
    if any(level.inferred for level in evidence.levels.all()):
        notes.append(
            "level hasil yang tidak ditulis di berkas diturunkan dari eselon atau peran "
            "jabatan (ditandai «diturunkan dari ...»); tulis `level_hasil:` untuk memastikannya"
        )
    return Penilaian(
        organisasi=org.nama,
        tahun=org.tahun,
        lembar=tuple(sheets.values()),
        kriteria=criteria(evidence, sheets, previous),
        crosscutting=tuple(crosscutting_units(evidence.cascade)),
        pegawai=tuple(pegawai_roles(evidence.cascade)),
        catatan=tuple(notes),
    )


def write_sakip(penilaian: Penilaian, path: str | Path) -> Path:
    """Write a pre-evaluation as an Excel workbook (``.xlsx``) or JSON, atomically.

    Raises:
        ValueError: ``path`` has another suffix.
    """
    target = Path(path)
    suffix = output_suffix(target, SUFFIXES, "lembar kerja SAKIP")
    if suffix == ".json":
        text = json.dumps(penilaian.to_json(), ensure_ascii=False, indent=2) + "\n"
        with atomic_write(target) as handle:
            handle.write(text)
        return target
    from .workbook import write_workbook

    return write_workbook(penilaian, target)
