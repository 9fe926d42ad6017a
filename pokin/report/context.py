"""What every form of the report is made from: the cascade, its findings and capaian,
computed once, and the rows the HTML and Markdown forms both show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .._text import format_date, format_number, format_percent
from .._version import __version__
from ..capaian import Capaian, compute_capaian
from ..checks import RULES, Finding, Findings, check
from ..coverage import Coverage
from ..graph import Cascade
from ..models import Indikator, Jabatan, PohonKinerja

__all__ = [
    "NO_CAPAIAN",
    "NO_PENDING",
    "Context",
    "DiagramFn",
    "capaian_rows",
    "dasar",
    "jabatan_label",
    "judul",
    "pct",
    "pending_rows",
    "ratio",
    "subtitle",
    "version",
]

DiagramFn = Callable[[Cascade, Findings], str]
"""Makes the SVG of the diagram; the default draws the whole tree with pokin.render."""

NO_PENDING = "Tidak ada tautan usulan yang menunggu konfirmasi."
NO_CAPAIAN = "Belum ada indikator dengan target dan realisasi berupa angka."


@dataclass(frozen=True)
class Context:
    """One report's facts: each section of every form reads what it needs from here."""

    cascade: Cascade
    findings: Findings
    diagram: DiagramFn | str | None = None
    previous: PohonKinerja | None = None  # last year's tree: the section on what changed

    @classmethod
    def of(
        cls,
        tree: PohonKinerja | Cascade,
        findings: Findings | None = None,
        diagram: DiagramFn | str | None = None,
        previous: PohonKinerja | None = None,
    ) -> Context:
        """The cascade and findings of a report, each built once (given findings bring
        theirs); with ``previous``, the findings include the checks across years."""
        if findings is not None:
            return cls(findings.cascade, findings, diagram, previous)
        cascade = tree if isinstance(tree, Cascade) else Cascade(tree)
        return cls(cascade, check(cascade, previous=previous), diagram, previous)

    @cached_property
    def coverage(self) -> Coverage:
        """Coverage to the IKU per unit."""
        return self.findings.coverage()

    @cached_property
    def capaian(self) -> dict[str, Capaian]:
        """The capaian of every indicator that has one."""
        return compute_capaian(self.cascade)


def pct(value: float | None) -> str:
    """A share as a whole percentage: ``0.5`` → ``50%``, ``0.125`` → ``13%``; ``None``
    (nothing to count) → ``—``."""
    return format_percent(value, 0)


def ratio(part: int, whole: int) -> str:
    """``1.200/2.039``: a count of a count, the Indonesian way."""
    return f"{format_number(part)}/{format_number(whole)}"


def version() -> str:
    return __version__


def subtitle(cascade: Cascade) -> str:
    org = cascade.tree.organisasi
    bits = [b for b in (org.pemerintah, org.periode) if b]
    doc = org.dokumen
    if doc is not None:
        if doc.judul:
            bits.append(doc.judul)
        if doc.nomor:
            bits.append(f"Nomor {doc.nomor}")
        if doc.tanggal:
            bits.append(format_date(doc.tanggal))
    return " · ".join(bits) or "Pra-evaluasi SAKIP"


def judul(finding: Finding) -> str:
    rule = RULES.get(finding.code)
    return rule.judul if rule is not None and rule.judul else finding.code


def dasar(finding: Finding) -> str:
    """The regulation and SAKIP criterion a finding's rule serves, for planners: ``Dasar:
    PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2``; empty when the rule names none."""
    rule = RULES.get(finding.code)
    return f"Dasar: {rule.sumber}" if rule is not None and rule.sumber else ""


def jabatan_label(jabatan: Jabatan | None) -> str:
    if jabatan is None:
        return "?"
    return jabatan.nama + (f" — {jabatan.unit}" if jabatan.unit else "")


def pending_rows(cascade: Cascade) -> list[tuple[str, str, str, str, str, str]]:
    """(jabatan, kinerja or indikator, supported text, supported id, score, reason)."""
    rows = []
    for jabatan, kinerja in cascade.tree.iter_kinerja():
        for holder, link in kinerja.iter_links():
            if link.pending and link.ke is not None:
                score = format_number(link.skor, 2) if link.skor is not None else ""
                rows.append(
                    (
                        jabatan.nama,
                        holder.uraian,
                        cascade.uraian(link.ke),
                        link.ke,
                        score,
                        link.alasan or "",
                    )
                )
    return rows


def capaian_rows(
    cascade: Cascade, values: dict[str, Capaian]
) -> list[tuple[str, Indikator, Capaian]]:
    """(jabatan or IKU, indikator, capaian) for every indicator that has a capaian."""
    return [
        (owner.nama if owner else "IKU", indikator, values[str(indikator.id)])
        for owner, indikator in cascade.tree.iter_indikator()
        if str(indikator.id) in values
    ]
