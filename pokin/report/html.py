"""The SAKIP pre-evaluation report as one self-contained HTML page.

The page is the :data:`SECTIONS` in order, each a function of the report's
:class:`~.context.Context` returning an HTML fragment: to add a section, write such a function
(in its own module when it is more than a table) and list it here. The page loads nothing from
the network: styles (``assets/report.css``) and the one small script (``assets/report.js``,
filtering findings by severity) are inlined, the diagram is inline SVG. Every decree text is
escaped with :func:`e`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files

from .._text import format_number, format_value
from ..checks import Finding, Findings
from ..coverage import coverage_note
from ..errors import PokinError, RenderError
from ..findings import SEVERITY_LABELS
from ..graph import Cascade
from ..models import PohonKinerja
from . import explorer, links, sakip, years
from .context import (
    NO_CAPAIAN,
    NO_PENDING,
    Context,
    DiagramFn,
    capaian_rows,
    dasar,
    jabatan_label,
    judul,
    pct,
    pending_rows,
    ratio,
    subtitle,
    version,
)
from .escape import e

__all__ = ["SECTIONS", "Section", "e", "report_html"]

Section = Callable[[Context], str]
"""A part of the page: the report's context in, an HTML fragment out."""


@cache
def asset(name: str) -> str:
    """The text of a file in ``pokin/report/assets``."""
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def report_html(
    tree: PohonKinerja | Cascade,
    *,
    findings: Findings | None = None,
    diagram: DiagramFn | str | None = None,
    previous: PohonKinerja | None = None,
) -> str:
    """The report as one self-contained HTML page.

    ``diagram`` is an SVG text, a function making one, or ``None`` for the default drawing
    of the whole tree (left out, with a note, when Graphviz is not installed). ``previous``
    (last year's tree) adds the section on what changed and the checks across years.
    """
    ctx = Context.of(tree, findings, diagram, previous)
    org = ctx.cascade.tree.organisasi
    title = f"Pohon Kinerja {org.nama}" + (f" {org.tahun}" if org.tahun else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)} — pra-evaluasi SAKIP</title>",
        f"<style>\n{asset('report.css')}</style></head><body>",
        f"<header><h1>{e(title)}</h1><p>{e(subtitle(ctx.cascade))}</p></header><main>",
        *(section(ctx) for section in SECTIONS),
        "</main>",
        f"<footer>Dibuat oleh pokin {version()}. Kode temuan: <code>pokin rules</code>.</footer>",
        f"<script>\n{asset('report.js')}</script>",
        "</body></html>",
    ]
    return "\n".join(parts)


def summary(ctx: Context) -> str:
    """The figures at a glance: positions, kinerja, indicators, coverage, findings."""
    tree = ctx.cascade.tree
    total = ctx.coverage.total
    counts = ctx.findings.counts()
    n_kinerja = sum(len(j.kinerja) for j in tree.jabatan)
    n = format_number
    cards = [
        (n(len(tree.jabatan)), "jabatan", ""),
        (n(n_kinerja), "kinerja", ""),
        (n(total.indikator), "indikator", ""),
        (pct(total.jabatan_share), "jabatan terhubung ke IKU", ""),
        (pct(total.indikator_share), "indikator terhubung ke IKU", ""),
        *((n(counts[key]), word, key) for key, word in SEVERITY_LABELS.items()),
    ]
    body = "".join(
        f'<div class="card {cls}" data-figure="{e(label)}"><b>{e(value)}</b>'
        f"<span>{e(label)}</span></div>"
        for value, label, cls in cards
    )
    return f'<h2>Ringkasan</h2><div class="cards" id="summary">{body}</div>'


def coverage(ctx: Context) -> str:
    """Coverage to the IKU per unit, with a bar per unit."""
    cov, note = ctx.coverage, coverage_note(ctx.cascade)
    rows = []
    for unit in (*cov.units, cov.total):
        share = unit.indikator_share
        rows.append(
            f"<tr><td>{e(unit.unit)}</td><td>{ratio(unit.jabatan_reached, unit.jabatan)}</td>"
            f"<td>{ratio(unit.indikator_reached, unit.indikator)}</td>"
            f'<td><span class="bar"><i style="width:{(share or 0) * 100:.0f}%"></i></span> '
            f"{pct(share)}</td>"
            f"<td>{ratio(unit.indikator_confirmed, unit.indikator)} "
            f"({pct(unit.indikator_confirmed_share)})</td></tr>"
        )
    hint = f'<p class="hint">{e(note)}.</p>' if note else ""
    return (
        f'<h2>Cakupan ke IKU per unit</h2>{hint}<table id="coverage"><thead><tr><th>Unit</th>'
        "<th>Jabatan terhubung</th><th>Indikator terhubung</th><th>Persentase</th>"
        '<th title="tanpa tautan usulan yang belum ditinjau">Terkonfirmasi</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def diagram(ctx: Context) -> str:
    """The cascade diagram, inline SVG (a note instead when it cannot be drawn)."""
    cascade, findings, diagram = ctx.cascade, ctx.findings, ctx.diagram
    try:
        if isinstance(diagram, str):
            svg = diagram
        else:
            svg = (diagram or _default_diagram)(cascade, findings)
    except PokinError as exc:
        return f'<h2>Pohon kinerja</h2><p class="hint">Diagram tidak dibuat: {e(exc)}</p>'
    start = svg.find("<svg")
    return (
        '<h2>Pohon kinerja</h2><button type="button" class="zoom">Ukuran penuh</button>'
        f'<div class="diagram">{svg[start:] if start >= 0 else svg}</div>'
    )


def _default_diagram(cascade: Cascade, findings: Findings) -> str:
    from ..render import MAX_NODES, box_count, to_svg

    boxes = box_count(cascade)
    if boxes > MAX_NODES:
        raise RenderError(
            f"pohon ini punya {boxes} kotak, terlalu besar untuk satu gambar; gambar per unit "
            "ada di folder render (pokin render FILE -o folder/ --pages)"
        )
    return to_svg(cascade, findings=findings)


def findings(ctx: Context) -> str:
    """The findings grouped by position, with a filter per severity."""
    cascade, findings = ctx.cascade, ctx.findings
    if len(findings) == 0:
        return "<h2>Temuan</h2><p>Tidak ada temuan.</p>"
    groups: dict[str | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.jabatan, []).append(finding)
    order: list[str | None] = [None, *(j.id for j in cascade.tree.jabatan)]
    blocks = []
    for jabatan_id in order:
        items = groups.get(jabatan_id)
        if not items:
            continue
        name = jabatan_label(cascade.jabatan.get(jabatan_id)) if jabatan_id else "Organisasi / IKU"
        worst = max(f.severity for f in items)
        rows = "".join(
            f'<tr class="finding {f.severity}"><td><code>{e(f.code)}</code></td>'
            f'<td class="{f.severity}">{f.severity.label}</td>'
            f"<td><b>{e(judul(f))}</b>: {e(f.message)}"
            f'<div class="hint">→ {e(f.hint)}</div><div class="hint">{e(dasar(f))}</div></td>'
            f"<td><code>{e(f.where)}</code></td></tr>"
            for f in items
        )
        blocks.append(
            f"<details{' open' if worst.name == 'ERROR' else ''}><summary>{e(name)} "
            f"({format_number(len(items))})</summary><table><tbody>{rows}</tbody></table></details>"
        )
    filters = "".join(
        f'<label><input type="checkbox" value="{s}" checked> {word}</label>'
        for s, word in SEVERITY_LABELS.items()
    )
    return (
        f'<h2>Temuan per jabatan</h2><div class="filters">{filters}</div>'
        f'<div id="findings">{"".join(blocks)}</div>'
    )


def pending(ctx: Context) -> str:
    """The inferred links awaiting a planner's confirmation."""
    cascade = ctx.cascade
    rows = [
        f"<tr><td>{e(who)}</td><td>{e(what)}</td><td>{e(text)} <code>{e(ke)}</code></td>"
        f"<td>{score}</td><td>{e(why)}</td></tr>"
        for who, what, text, ke, score, why in pending_rows(cascade)
    ]
    if not rows:
        return f"<h2>Tautan usulan</h2><p>{NO_PENDING}</p>"
    return (
        '<h2>Tautan usulan menunggu konfirmasi</h2><table id="pending"><thead><tr>'
        "<th>Jabatan</th><th>Kinerja / indikator</th><th>Mendukung</th><th>Skor</th>"
        f"<th>Alasan</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def capaian(ctx: Context) -> str:
    """Capaian with traffic lights, for every indicator that has one."""
    cascade, values = ctx.cascade, ctx.capaian
    rows = [
        f"<tr><td>{e(who)}</td><td>{e(indikator.uraian)}</td>"
        f"<td>{e(format_value(indikator.target or ''))}</td>"
        f"<td>{e(format_value(indikator.realisasi or ''))}</td>"
        f'<td><span class="lampu {value.lampu}"></span>{value.persen}</td>'
        f"<td>{value.asal}</td></tr>"
        for who, indikator, value in capaian_rows(cascade, values)
    ]
    if not rows:
        return f"<h2>Capaian</h2><p>{NO_CAPAIAN}</p>"
    return (
        '<h2>Capaian</h2><table id="capaian"><thead><tr><th>Jabatan</th><th>Indikator</th>'
        "<th>Target</th><th>Realisasi</th><th>Capaian</th><th>Asal</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


SECTIONS: tuple[Section, ...] = (
    links.roots_html,
    sakip.html_section,
    summary,
    years.html_section,
    coverage,
    diagram,
    explorer.section,
    findings,
    pending,
    links.suggestions_html,
    capaian,
)
"""The sections of the page, in order."""
