"""Rules PK4xx: every position has kinerja, every kinerja indicators, one top position."""

from __future__ import annotations

from collections.abc import Iterator

from .._text import words
from ..findings import Finding, Severity
from ..graph import Cascade
from ..models import Indikator, Peran
from .registry import finding, rule, short


@rule(
    "PK401",
    "Jabatan tanpa kinerja",
    "jabatan-without-kinerja",
    Severity.ERROR,
    "Every position signs a perjanjian kinerja: it needs at least one kinerja.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.10",
)
def _jabatan_without_kinerja(c: Cascade) -> Iterator[Finding]:
    for jabatan in c.tree.jabatan:
        if not jabatan.kinerja:
            yield finding(
                c,
                "PK401",
                str(jabatan.id),
                f"{jabatan.nama} belum memiliki kinerja",
                "tambahkan kinerja dan indikator jabatan ini sesuai keputusan penetapannya",
                jabatan=jabatan,
            )


@rule(
    "PK402",
    "Kinerja tanpa indikator",
    "kinerja-without-indikator",
    Severity.ERROR,
    "A kinerja is measured by its indicators; without one it cannot be evaluated.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.10 dan 1.b.5, KKE 1",
)
def _kinerja_without_indikator(c: Cascade) -> Iterator[Finding]:
    for jabatan, kinerja in c.kinerja_rows:
        if not kinerja.indikator:
            yield finding(
                c,
                "PK402",
                str(kinerja.id),
                f"{jabatan.nama}: kinerja «{short(kinerja.uraian)}» belum memiliki indikator",
                "tambahkan sekurang-kurangnya satu indikator lengkap dengan formulasi, "
                "sumber data, dan target",
                jabatan=jabatan,
            )


@rule(
    "PK403",
    "Indikator ganda dalam satu jabatan",
    "duplicate-indikator",
    Severity.WARNING,
    "An indicator counted twice in one position inflates its performance agreement.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.5, KKE 1 Spesifik",
)
def _duplicates(c: Cascade) -> Iterator[Finding]:
    seen: dict[str, Indikator] = {}
    current = None
    rows = zip(c.indikator_rows, c.column("uraian"), strict=True)
    for (jabatan, indikator), uraian in rows:  # a jabatan's indicators come together
        if jabatan is None:
            continue  # the IKU table's
        if jabatan is not current:
            seen, current = {}, jabatan
        key = words(uraian)
        if key in seen:
            yield finding(
                c,
                "PK403",
                str(indikator.id),
                f"{jabatan.nama}: indikator «{short(indikator.uraian)}» sama dengan {seen[key].id}",
                "gabungkan keduanya, atau ubah rumusan salah satunya bila keduanya "
                "mengukur hal yang berbeda",
                jabatan=jabatan,
            )
        else:
            seen[key] = indikator


@rule(
    "PK404",
    "Lebih dari satu jabatan puncak",
    "several-tops",
    Severity.WARNING,
    "A kecamatan has one head; positions without atasan are cut off from the cascade.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _several_tops(c: Cascade) -> Iterator[Finding]:
    tops = c.tree.top
    if len(tops) <= 1:
        return
    head = next((t for t in tops if t.peran is Peran.CAMAT), tops[0])
    for jabatan in tops:
        if jabatan is not head:
            yield finding(
                c,
                "PK404",
                str(jabatan.id),
                f"{jabatan.nama} tidak memiliki atasan, padahal {head.nama} sudah menjadi "
                "jabatan puncak",
                f"isi `atasan:` (misalnya `atasan: {head.id}`)",
                jabatan=jabatan,
            )
