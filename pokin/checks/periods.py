"""Rule PK811: the quarters' targets end at (or add up to) the year's target."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import compress, count

from .._text import format_decimal
from ..capaian import number
from ..findings import Finding, Severity
from ..graph import Cascade
from ..models import TRIWULAN, Indikator
from .registry import finding, rule, short


def _problem(indikator: Indikator, year: int | None) -> str | None:
    """What is wrong with the periodic targets of ``indikator``, in Indonesian, or None."""
    annual = number(indikator.target) if indikator.per_periode else None
    if annual is None:  # no quarters, or no annual target: nothing to compare
        return None
    if year is not None:
        own = indikator.periode(str(year))
        if own is not None and number(own.target) not in (None, annual):
            return (
                f"target tahun {year} pada per_periode ({own.target}) berbeda dengan target "
                f"tahunan ({indikator.target})"
            )
    quarters = {p.periode: number(p.target) for p in indikator.per_periode if p.triwulan}
    given = {q: v for q, v in quarters.items() if v is not None}
    if not given:
        return None
    if indikator.akumulasi == "jumlah":
        missing = [q for q in TRIWULAN if q not in given]
        if missing:
            return f"target {', '.join(missing)} belum diisi, padahal triwulan dijumlahkan"
        total = math.fsum(given.values())
        if not math.isclose(total, annual, rel_tol=1e-6, abs_tol=1e-9):
            return (
                f"jumlah target TW I–IV {format_decimal(total)} tidak sama dengan target tahunan "
                f"{format_decimal(annual)}"
            )
        return None
    last = given.get("TW IV")
    if last is None:
        return "target TW IV belum diisi: target kumulatif berakhir pada target tahunan"
    if not math.isclose(last, annual, rel_tol=1e-6, abs_tol=1e-9):
        return (
            f"target TW IV {format_decimal(last)} tidak sama dengan target tahunan "
            f"{format_decimal(annual)}"
        )
    return None


@rule(
    "PK811",
    "Target triwulan tidak sesuai target tahunan",
    "periodic-targets-off-annual",
    Severity.WARNING,
    "Quarterly targets are the year's target spread over the year: cumulative ones end at "
    "it (TW IV), per-quarter ones add up to it, as `akumulasi` declares.",
    sumber="PermenPAN-RB 88/2021 LKE 2.b.5 (pemantauan berkala; kaitan ini tafsiran pokin)",
)
def _periodic_targets(c: Cascade) -> Iterator[Finding]:
    year = c.tree.organisasi.tahun
    rows = c.indikator_rows
    # only an indicator with quarters can be wrong: those found in one sweep (in C)
    for owner, indikator in [rows[n] for n in compress(count(), c.column("per_periode"))]:
        problem = _problem(indikator, year)
        if problem is not None:
            who = owner.nama if owner else "IKU"
            yield finding(
                c,
                "PK811",
                str(indikator.id),
                f"{who}: indikator «{short(indikator.uraian)}»: {problem}",
                "samakan target triwulan dengan target tahunan, atau ubah `akumulasi:` "
                "(kumulatif: TW IV = target tahunan; jumlah: TW I–IV dijumlahkan)",
                jabatan=owner,
            )
