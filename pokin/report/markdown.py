"""The SAKIP pre-evaluation report as Markdown (without the diagram).

Like the HTML page, the file is :data:`SECTIONS` in order, each a function of the report's
:class:`~.context.Context` returning lines. Every decree text goes through :func:`md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .._text import format_number, format_value
from ..checks import Findings
from ..coverage import coverage_note
from ..findings import counts_text
from ..graph import Cascade
from ..models import PohonKinerja
from . import links, sakip, years
from .context import (
    NO_CAPAIAN,
    NO_PENDING,
    Context,
    capaian_rows,
    dasar,
    judul,
    pct,
    pending_rows,
    ratio,
    subtitle,
)
from .escape import md

__all__ = ["SECTIONS", "md", "report_markdown"]

Section = Callable[[Context], Iterator[str]]
"""A part of the file: the report's context in, Markdown lines out."""

_LAMPU_MD = {"hijau": "🟢", "kuning": "🟡", "merah": "🔴"}


def report_markdown(
    tree: PohonKinerja | Cascade,
    *,
    findings: Findings | None = None,
    previous: PohonKinerja | None = None,
) -> str:
    """The report as Markdown (without the diagram): summary, coverage, findings, links;
    with ``previous`` (last year's tree), what changed and the checks across years."""
    ctx = Context.of(tree, findings, previous=previous)
    org = ctx.cascade.tree.organisasi
    lines = [
        f"# Pohon Kinerja {md(org.nama)}" + (f" {org.tahun}" if org.tahun else ""),
        "",
        f"_{md(subtitle(ctx.cascade))}_",
        "",
    ]
    for section in SECTIONS:
        lines.extend(section(ctx))
        lines.append("")
    return "\n".join(lines)


def summary(ctx: Context) -> Iterator[str]:
    """The figures at a glance."""
    counts, total = ctx.findings.counts(), ctx.coverage.total
    yield from ("## Ringkasan", "")
    jabatan = format_number(len(ctx.cascade.tree.jabatan))
    yield f"- {jabatan} jabatan, {format_number(total.indikator)} indikator"
    yield (
        f"- indikator terhubung ke IKU: {pct(total.indikator_share)}; jabatan: "
        f"{pct(total.jabatan_share)}"
    )
    yield f"- temuan: {counts_text(counts)}"


def coverage(ctx: Context) -> Iterator[str]:
    """Coverage to the IKU per unit."""
    cov = ctx.coverage
    yield from ("## Cakupan ke IKU per unit", "")
    note = coverage_note(ctx.cascade)
    if note:
        yield from (f"_{note}._", "")
    yield "| Unit | Jabatan terhubung | Indikator terhubung | % |"
    yield "|---|---|---|---|"
    for u in (*cov.units, cov.total):
        yield (
            f"| {md(u.unit)} | {ratio(u.jabatan_reached, u.jabatan)} | "
            f"{ratio(u.indikator_reached, u.indikator)} | {pct(u.indikator_share)} |"
        )


def findings(ctx: Context) -> Iterator[str]:
    """Every finding with its hint."""
    yield from ("## Temuan", "")
    yield "| Kode | Tingkat | Jabatan | Temuan | Saran |"
    yield "|---|---|---|---|---|"
    for f in ctx.findings:
        yield (
            f"| {f.code} | {f.severity.label} | {md(f.jabatan or 'IKU')} | "
            f"**{md(judul(f))}**: {md(f.message)} | {md(f.hint)}"
            + (f" ({md(dasar(f))})" if dasar(f) else "")
            + " |"
        )


def pending(ctx: Context) -> Iterator[str]:
    """The inferred links awaiting confirmation."""
    yield from ("## Tautan usulan menunggu konfirmasi", "")
    rows = pending_rows(ctx.cascade)
    if not rows:
        yield NO_PENDING
        return
    yield "| Jabatan | Kinerja / indikator | Mendukung | Skor | Alasan |"
    yield "|---|---|---|---|---|"
    for who, what, text, ke, score, why in rows:
        yield f"| {md(who)} | {md(what)} | {md(text)} (`{md(ke)}`) | {score} | {md(why)} |"


def capaian(ctx: Context) -> Iterator[str]:
    """Capaian with traffic lights."""
    yield from ("## Capaian", "")
    rows = capaian_rows(ctx.cascade, ctx.capaian)
    if not rows:
        yield NO_CAPAIAN
        return
    yield "| Jabatan | Indikator | Target | Realisasi | Capaian | Asal |"
    yield "|---|---|---|---|---|---|"
    for who, ind, value in rows:
        yield (
            f"| {md(who)} | {md(ind.uraian)} | {md(format_value(ind.target or ''))} | "
            f"{md(format_value(ind.realisasi or ''))} | {_LAMPU_MD[value.lampu]} {value.persen} | "
            f"{value.asal} |"
        )


SECTIONS: tuple[Section, ...] = (
    links.roots_markdown,
    sakip.markdown_section,
    summary,
    years.markdown_section,
    coverage,
    findings,
    pending,
    links.suggestions_markdown,
    capaian,
)
"""The sections of the file, in order."""
