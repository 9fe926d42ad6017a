"""Rule PK711: a realisasi is one number or a known predikat, so its capaian can be computed.

A planner who types the realisasi in words (``delapan puluh``) or writes two numbers in one
cell gets no capaian for the indicator, and the report says only that none could be
computed; this rule names the cell. A realisasi left blank (or ``-``, ``n/a``) is simply not
reported yet, and is no finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ..graph import Cascade
from .measurability import _missing
from .registry import finding, rule, short
from .wording import target_problem


def _problem(text: str | None) -> str | None:
    """Why a realisasi text gives no number to compute a capaian with, or ``None``."""
    if _missing(text):
        return None
    assert text is not None
    return target_problem(text.strip())


@rule(
    "PK711",
    "Realisasi bukan angka atau predikat",
    "realisasi-not-a-number",
    Severity.WARNING,
    "A realisasi is one number or a known predikat: otherwise no capaian can be computed.",
    sumber="PermenPAN-RB 88/2021 LKE 2.b (pengukuran kinerja; kaitan ini tafsiran pokin)",
)
def _realisasi_number(c: Cascade) -> Iterator[Finding]:
    realisasi, periods = c.column("realisasi"), c.column("per_periode")
    wrong = {text for text in set(realisasi) if _problem(text) is not None}
    rows = c.indikator_rows
    # the indicators with a wrong realisasi or with periods, in one sweep (in C)
    for n in [n for n, text in enumerate(realisasi) if text in wrong or periods[n]]:
        owner, indikator = rows[n]
        cells = [("", indikator.realisasi)]
        cells += [(f" {p.periode}", p.realisasi) for p in indikator.per_periode]
        for when, text in cells:
            problem = _problem(text)
            if problem is None or text is None:
                continue
            yield finding(
                c,
                "PK711",
                str(indikator.id),
                f"{owner.nama if owner else 'IKU'}: realisasi{when} «{short(text, 40)}» "
                f"indikator «{short(indikator.uraian, 50)}» {problem}",
                "tuliskan satu angka (mis. 87,5; satuannya di `satuan:`) atau predikat yang "
                "dikenal, agar capaiannya dapat dihitung; kosongkan bila belum ada realisasi",
                jabatan=owner,
            )
