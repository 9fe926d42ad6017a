"""The SAKIP pre-evaluation report: one self-contained HTML page (or Markdown) to hand over.

The page holds the summary figures (positions, indicators, coverage to the IKU per unit,
findings by severity), the cascade diagram, the findings grouped by position with their
hints, the inferred links awaiting confirmation, and the capaian with traffic lights. It
loads nothing from the network: styles are inline, the diagram is inline SVG, and the one
small script (filtering findings by severity) is optional. Every decree text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from .._files import atomic_write
from ..capaian import Capaian, compute_capaian
from ..checks import RULES, Finding, Findings, check
from ..coverage import NO_IKU, Coverage
from ..errors import PokinError, RenderError
from ..graph import Cascade
from ..models import Indikator, Jabatan, PohonKinerja

__all__ = ["SUFFIXES", "report_html", "report_markdown", "write_report"]

DiagramFn = Callable[[Cascade, Findings], str]
"""Makes the SVG of the diagram; the default draws the whole tree with pokin.render."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733}
header{background:#12355b;color:#fff;padding:20px 32px}
header h1{margin:0 0 4px;font-size:24px} header p{margin:0;opacity:.85}
main{padding:16px 32px;max-width:1400px}
h2{border-bottom:2px solid #12355b;padding-bottom:4px;margin-top:32px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #d5dbe3;border-radius:8px;padding:10px 16px;min-width:140px}
.card b{display:block;font-size:26px} .card span{color:#5b6675;font-size:13px}
td.error,.card.error{color:#b71c1c} td.warning,.card.warning{color:#e65100}
td.info,.card.info{color:#0d47a1}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid #e3e7ec;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-size:13px}
.bar{background:#e9edf2;border-radius:4px;height:10px;width:160px;display:inline-block}
.bar i{display:block;height:10px;border-radius:4px;background:#2e7d32}
.hint{color:#5b6675;font-size:13px}
details{margin:6px 0} summary{cursor:pointer;font-weight:600}
.diagram{overflow:auto;border:1px solid #d5dbe3;border-radius:8px}
.diagram svg{width:100%;height:auto}
.diagram.full svg{width:auto}
button.zoom{margin:0 0 6px;font:inherit;padding:2px 10px;border:1px solid #90a4ae;
  border-radius:6px;background:#fff;cursor:pointer}
.lampu{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px}
.hijau{background:#2e7d32} .kuning{background:#f9a825} .merah{background:#c62828}
.filters label{margin-right:14px}
code{font-size:12px;background:#f3f5f8;padding:1px 4px;border-radius:3px}
footer{padding:16px 32px;color:#5b6675;font-size:13px}
"""

_SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('tr.finding.' + box.value).forEach(function (row) {
      row.hidden = !box.checked;
    });
  });
});
document.querySelectorAll('button.zoom').forEach(function (button) {
  button.addEventListener('click', function () {
    var full = button.nextElementSibling.classList.toggle('full');
    button.textContent = full ? 'Muat selebar halaman' : 'Ukuran penuh';
  });
});
document.documentElement.dataset.pokin = "ready";
"""


def report_html(
    tree: PohonKinerja | Cascade,
    *,
    findings: Findings | None = None,
    diagram: DiagramFn | str | None = None,
) -> str:
    """The report as one self-contained HTML page.

    ``diagram`` is an SVG text, a function making one, or ``None`` for the default drawing
    of the whole tree (left out, with a note, when Graphviz is not installed).
    """
    cascade, findings = _prepare(tree, findings)
    values = compute_capaian(cascade)
    org = cascade.tree.organisasi
    title = f"Pohon Kinerja {org.nama}" + (f" {org.tahun}" if org.tahun else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — pra-evaluasi SAKIP</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><p>{_e(_subtitle(cascade))}</p></header><main>",
        _summary(cascade, findings),
        _coverage_table(findings.coverage(), has_iku=cascade.has_iku),
        _diagram_section(cascade, findings, diagram),
        _findings_section(cascade, findings),
        _pending_section(cascade),
        _capaian_section(cascade, values),
        "</main>",
        f"<footer>Dibuat oleh pokin {_version()}. Kode temuan: <code>pokin rules</code>.</footer>",
        f"<script>{_SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _prepare(tree: PohonKinerja | Cascade, findings: Findings | None) -> tuple[Cascade, Findings]:
    """The cascade and findings of a report, each built once (given findings bring theirs)."""
    if findings is not None:
        return findings.cascade, findings
    cascade = tree if isinstance(tree, Cascade) else Cascade(tree)
    return cascade, check(cascade)


def _version() -> str:
    from .. import __version__

    return __version__


def _subtitle(cascade: Cascade) -> str:
    org = cascade.tree.organisasi
    bits = [b for b in (org.pemerintah, org.periode) if b]
    doc = org.dokumen
    if doc is not None:
        if doc.judul:
            bits.append(doc.judul)
        if doc.nomor:
            bits.append(f"Nomor {doc.nomor}")
        if doc.tanggal:
            bits.append(doc.tanggal.isoformat())
    return " · ".join(bits) or "Pra-evaluasi SAKIP"


def _summary(cascade: Cascade, findings: Findings) -> str:
    tree = cascade.tree
    total = findings.coverage().total
    counts = findings.counts()
    n_kinerja = sum(len(j.kinerja) for j in tree.jabatan)
    cards = [
        (len(tree.jabatan), "jabatan", ""),
        (n_kinerja, "kinerja", ""),
        (total.indikator, "indikator", ""),
        (_pct(total.jabatan_share), "jabatan terhubung ke IKU", ""),
        (_pct(total.indikator_share), "indikator terhubung ke IKU", ""),
        (counts["error"], "error", "error"),
        (counts["warning"], "warning", "warning"),
        (counts["info"], "info", "info"),
    ]
    body = "".join(
        f'<div class="card {cls}" data-figure="{_e(label)}"><b>{_e(value)}</b>'
        f"<span>{_e(label)}</span></div>"
        for value, label, cls in cards
    )
    return f'<h2>Ringkasan</h2><div class="cards" id="summary">{body}</div>'


def _coverage_table(cov: Coverage, *, has_iku: bool = True) -> str:
    rows = []
    for unit in (*cov.units, cov.total):
        share = unit.indikator_share
        rows.append(
            f"<tr><td>{_e(unit.unit)}</td><td>{unit.jabatan_reached}/{unit.jabatan}</td>"
            f"<td>{unit.indikator_reached}/{unit.indikator}</td>"
            f'<td><span class="bar"><i style="width:{share * 100:.0f}%"></i></span> '
            f"{_pct(share)}</td></tr>"
        )
    note = "" if has_iku else f'<p class="hint">{_e(NO_IKU)}.</p>'
    return (
        f'<h2>Cakupan ke IKU per unit</h2>{note}<table id="coverage"><thead><tr><th>Unit</th>'
        "<th>Jabatan terhubung</th><th>Indikator terhubung</th><th>Persentase</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _diagram_section(cascade: Cascade, findings: Findings, diagram: DiagramFn | str | None) -> str:
    try:
        if isinstance(diagram, str):
            svg = diagram
        else:
            svg = (diagram or _default_diagram)(cascade, findings)
    except PokinError as exc:
        return f'<h2>Pohon kinerja</h2><p class="hint">Diagram tidak dibuat: {_e(exc)}</p>'
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


def _findings_section(cascade: Cascade, findings: Findings) -> str:
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
        name = _jabatan_label(cascade.jabatan.get(jabatan_id)) if jabatan_id else "Organisasi / IKU"
        worst = max(f.severity for f in items)
        rows = "".join(
            f'<tr class="finding {f.severity}"><td><code>{_e(f.code)}</code></td>'
            f'<td class="{f.severity}">{f.severity}</td><td><b>{_e(_judul(f))}</b>: {_e(f.message)}'
            f'<div class="hint">→ {_e(f.hint)}</div></td><td><code>{_e(f.where)}</code></td></tr>'
            for f in items
        )
        blocks.append(
            f"<details{' open' if worst.name == 'ERROR' else ''}><summary>{_e(name)} "
            f"({len(items)})</summary><table><tbody>{rows}</tbody></table></details>"
        )
    filters = "".join(
        f'<label><input type="checkbox" value="{s}" checked> {s}</label>'
        for s in ("error", "warning", "info")
    )
    return (
        f'<h2>Temuan per jabatan</h2><div class="filters">{filters}</div>'
        f'<div id="findings">{"".join(blocks)}</div>'
    )


def _judul(finding: Finding) -> str:
    rule = RULES.get(finding.code)
    return rule.judul if rule is not None and rule.judul else finding.code


def _jabatan_label(jabatan: Jabatan | None) -> str:
    if jabatan is None:
        return "?"
    return jabatan.nama + (f" — {jabatan.unit}" if jabatan.unit else "")


def _pending_rows(cascade: Cascade) -> list[tuple[str, str, str, str, str, str]]:
    """(jabatan, kinerja or indikator, supported text, supported id, score, reason)."""
    rows = []
    for jabatan, kinerja in cascade.tree.iter_kinerja():
        for holder, link in kinerja.iter_links():
            if link.pending and link.ke is not None:
                target = cascade.graph.nodes[link.ke]
                score = f"{link.skor:.2f}" if link.skor is not None else ""
                rows.append(
                    (
                        jabatan.nama,
                        holder.uraian,
                        target["uraian"],
                        link.ke,
                        score,
                        link.alasan or "",
                    )
                )
    return rows


def _pending_section(cascade: Cascade) -> str:
    rows = [
        f"<tr><td>{_e(who)}</td><td>{_e(what)}</td><td>{_e(text)} <code>{_e(ke)}</code></td>"
        f"<td>{score}</td><td>{_e(why)}</td></tr>"
        for who, what, text, ke, score, why in _pending_rows(cascade)
    ]
    if not rows:
        return f"<h2>Tautan usulan</h2><p>{_NO_PENDING}</p>"
    return (
        '<h2>Tautan usulan menunggu konfirmasi</h2><table id="pending"><thead><tr>'
        "<th>Jabatan</th><th>Kinerja / indikator</th><th>Mendukung</th><th>Skor</th>"
        f"<th>Alasan</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


_NO_PENDING = "Tidak ada tautan usulan yang menunggu konfirmasi."
_NO_CAPAIAN = "Belum ada indikator dengan target dan realisasi berupa angka."


def _capaian_rows(
    cascade: Cascade, values: dict[str, Capaian]
) -> list[tuple[str, Indikator, Capaian]]:
    """(jabatan or IKU, indikator, capaian) for every indicator that has a capaian."""
    return [
        (owner.nama if owner else "IKU", indikator, values[str(indikator.id)])
        for owner, indikator in cascade.tree.iter_indikator()
        if str(indikator.id) in values
    ]


def _capaian_section(cascade: Cascade, values: dict[str, Capaian]) -> str:
    rows = [
        f"<tr><td>{_e(who)}</td><td>{_e(indikator.uraian)}</td>"
        f"<td>{_e(indikator.target or '')}</td><td>{_e(indikator.realisasi or '')}</td>"
        f'<td><span class="lampu {value.lampu}"></span>{value.persen}</td>'
        f"<td>{value.asal}</td></tr>"
        for who, indikator, value in _capaian_rows(cascade, values)
    ]
    if not rows:
        return f"<h2>Capaian</h2><p>{_NO_CAPAIAN}</p>"
    return (
        '<h2>Capaian</h2><table id="capaian"><thead><tr><th>Jabatan</th><th>Indikator</th>'
        "<th>Target</th><th>Realisasi</th><th>Capaian</th><th>Asal</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


# -- Markdown -------------------------------------------------------------------------------


def _md(text: object) -> str:
    """Text safe in a Markdown table cell: no pipes, no raw HTML, one line."""
    flat = " ".join(str(text).split())
    return html.escape(flat, quote=False).replace("|", "\\|")


def report_markdown(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> str:
    """The report as Markdown (without the diagram): summary, coverage, findings, links."""
    cascade, findings = _prepare(tree, findings)
    org = cascade.tree.organisasi
    counts = findings.counts()
    cov = findings.coverage()
    lines = [
        f"# Pohon Kinerja {_md(org.nama)}" + (f" {org.tahun}" if org.tahun else ""),
        "",
        f"_{_md(_subtitle(cascade))}_",
        "",
        "## Ringkasan",
        "",
        f"- {len(cascade.tree.jabatan)} jabatan, {cov.total.indikator} indikator",
        f"- indikator terhubung ke IKU: {_pct(cov.total.indikator_share)}; jabatan: "
        f"{_pct(cov.total.jabatan_share)}",
        f"- temuan: {counts['error']} error, {counts['warning']} warning, {counts['info']} info",
        "",
        "## Cakupan ke IKU per unit",
        "",
        *([] if cascade.has_iku else [f"_{NO_IKU}._", ""]),
        "| Unit | Jabatan terhubung | Indikator terhubung | % |",
        "|---|---|---|---|",
        *(
            f"| {_md(u.unit)} | {u.jabatan_reached}/{u.jabatan} | "
            f"{u.indikator_reached}/{u.indikator} | {_pct(u.indikator_share)} |"
            for u in (*cov.units, cov.total)
        ),
        "",
        "## Temuan",
        "",
        "| Kode | Tingkat | Jabatan | Temuan | Saran |",
        "|---|---|---|---|---|",
        *(
            f"| {f.code} | {f.severity} | {_md(f.jabatan or 'IKU')} | "
            f"**{_md(_judul(f))}**: {_md(f.message)} | "
            f"{_md(f.hint)} |"
            for f in findings
        ),
        "",
        "## Tautan usulan menunggu konfirmasi",
        "",
    ]
    pending = _pending_rows(cascade)
    if pending:
        lines += [
            "| Jabatan | Kinerja / indikator | Mendukung | Skor | Alasan |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {_md(who)} | {_md(what)} | {_md(text)} (`{_md(ke)}`) | {score} | {_md(why)} |"
            for who, what, text, ke, score, why in pending
        ]
    else:
        lines.append(_NO_PENDING)
    lines += ["", "## Capaian", ""]
    capaian = _capaian_rows(cascade, compute_capaian(cascade))
    if capaian:
        lines += [
            "| Jabatan | Indikator | Target | Realisasi | Capaian | Asal |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {_md(who)} | {_md(ind.uraian)} | {_md(ind.target or '')} | "
            f"{_md(ind.realisasi or '')} | {_LAMPU_MD[value.lampu]} {value.persen} | "
            f"{value.asal} |"
            for who, ind, value in capaian
        ]
    else:
        lines.append(_NO_CAPAIAN)
    lines.append("")
    return "\n".join(lines)


_LAMPU_MD = {"hijau": "🟢", "kuning": "🟡", "merah": "🔴"}


SUFFIXES = (".html", ".htm", ".md")
"""The report files :func:`write_report` writes: an HTML page, or Markdown."""


def write_report(
    tree: PohonKinerja | Cascade,
    path: str | Path,
    *,
    findings: Findings | None = None,
    diagram: DiagramFn | str | None = None,
) -> Path:
    """Write the report to ``path`` (``.html`` or ``.md``), atomically.

    ``diagram`` as for :func:`report_html` (an SVG already drawn is not drawn again).

    Raises:
        ValueError: ``path`` has another suffix.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(
            f"cannot write a report as {suffix or 'a file without suffix'} ({target}): "
            "name it .html or .md"
        )
    if suffix == ".md":
        text = report_markdown(tree, findings=findings)
    else:
        text = report_html(tree, findings=findings, diagram=diagram)
    with atomic_write(target) as handle:
        handle.write(text)
    return target
