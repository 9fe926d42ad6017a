"""Rule PK601: inferred links wait for a planner's review."""

from __future__ import annotations

from collections.abc import Iterator

from .._text import format_number
from ..findings import Finding, Severity
from ..graph import Cascade
from .registry import finding, rule, short


@rule(
    "PK601",
    "Tautan usulan menunggu konfirmasi",
    "inferred-link-pending",
    Severity.INFO,
    "An inferred link is a proposal: a planner must confirm it before it counts as evidence.",
    sumber="PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2",
)
def _pending(c: Cascade) -> Iterator[Finding]:
    # every link of each kinerja, then of its indicators (as Kinerja.iter_links)
    pending = [(holder, link) for holder, link in c.link_rows if link.pending]
    for holder, link in pending:
        score = f" (skor {format_number(link.skor, 2)})" if link.skor is not None else ""
        yield finding(
            c,
            "PK601",
            str(holder.id),
            f"«{short(holder.uraian, 50)}» → {link.ke}: tautan hasil inferensi{score}, "
            "menunggu pemeriksaan perencana",
            "isi `status: diterima` untuk menyetujui atau `status: ditolak` untuk menolak",
        )
