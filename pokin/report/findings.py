"""The findings of the checks as a planner reads them: text by position, JSON, an HTML table."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

from .._text import format_number, format_percent
from ..coverage import Coverage, coverage, coverage_note
from ..findings import Finding, Findings, counts_text

__all__ = ["coverage_text", "findings_html", "json_report", "json_text", "text_report"]


def _pct(share: float | None) -> str:
    return f"{format_percent(share):>6}"


def coverage_text(cov: Coverage) -> str:
    """Coverage as an aligned text table."""
    width = max(len(u.unit) for u in (*cov.units, cov.total))
    width = min(width, 60)
    lines = [
        f"{'unit':<{width}}  jabatan ke IKU        indikator ke IKU       "
        "terkonfirmasi (tanpa usulan)",
    ]
    n = format_number
    for unit in (*cov.units, cov.total):
        name = unit.unit if len(unit.unit) <= width else unit.unit[: width - 1] + "…"
        lines.append(
            f"{name:<{width}}  {n(unit.jabatan_reached):>3}/{n(unit.jabatan):<3} "
            f"{_pct(unit.jabatan_share)}   {n(unit.indikator_reached):>4}/{n(unit.indikator):<4} "
            f"{_pct(unit.indikator_share)}   "
            f"{n(unit.indikator_confirmed):>4}/{n(unit.indikator):<4} "
            f"{_pct(unit.indikator_confirmed_share)}"
        )
    if cov.total.proposed:
        lines.append(
            f"{n(cov.total.proposed)} indikator sampai ke IKU hanya lewat tautan usulan yang "
            "belum ditinjau (status: usulan): terima atau tolak di `pokin link`"
        )
    return "\n".join(lines)


def text_report(findings: Findings, *, fold: int = 3, lead: str = "") -> str:
    """Findings grouped by position (in file order), counts, and coverage per unit.

    Within a position, a code found more than ``fold + 1`` times shows its first ``fold``
    findings and then one line listing the others (``fold=0`` shows everything). ``lead``
    (the root causes, say) comes right under the heading naming the organisasi.
    """
    tree = findings.cascade.tree
    org = tree.organisasi
    counts = findings.counts()
    title = org.nama + (f" ({org.tahun})" if org.tahun else "")
    out = [
        f"pokin check: {title}",
        f"{tree.summary()}; {counts_text(counts)}",
        "",
        *([lead.rstrip("\n"), ""] if lead else []),
    ]
    groups: dict[str | None, list[Any]] = {None: []}
    groups.update({j.id: [] for j in tree.jabatan})
    for finding in findings:
        groups.setdefault(finding.jabatan, []).append(finding)
    names = {j.id: f"{j.nama} [{j.id}]" for j in tree.jabatan}
    for jabatan_id, items in groups.items():
        if not items:
            continue
        out.append(names.get(jabatan_id, "Organisasi / IKU") if jabatan_id else "Organisasi / IKU")
        out.extend(_position_lines(items, fold=fold))
        out.append("")
    if len(findings) == 0:
        out.append("Tidak ada temuan.")
        out.append("")
    out.append("Cakupan ke IKU per unit:")
    note = coverage_note(findings.cascade)
    if note:
        out.append(f"({note})")
    out.append(coverage_text(coverage(findings.cascade)))
    return "\n".join(out) + "\n"


def _position_lines(items: list[Finding], *, fold: int) -> Iterator[str]:
    by_code: dict[str, list[Finding]] = {}
    for finding in sorted(items, key=lambda f: (-f.severity, f.code)):
        by_code.setdefault(finding.code, []).append(finding)
    for code, group in by_code.items():
        shown = group if not fold or len(group) <= fold + 1 else group[:fold]
        for f in shown:
            yield f"  {f.code} {f.severity.label:<10} {f.message}"
            yield f"        → {f.hint}"
        rest = group[len(shown) :]
        if rest:
            ids = ", ".join(f.where for f in rest)
            more = f"… dan {format_number(len(rest))} lagi yang serupa"
            yield f"  {code} {rest[0].severity.label:<10} {more}: {ids}"


def json_report(findings: Findings) -> dict[str, Any]:
    """Findings, counts and coverage as JSON-ready data."""
    org = findings.cascade.tree.organisasi
    return {
        "organisasi": org.nama,
        "tahun": org.tahun,
        "counts": findings.counts(),
        "by_code": findings.by_code(),
        "findings": findings.to_records(),
        "coverage": coverage(findings.cascade).to_records(),
    }


def json_text(reports: list[dict[str, Any]]) -> str:
    """JSON reports as one indented JSON list (a list for one file too, so scripts
    read every run the same way)."""
    return json.dumps(reports, ensure_ascii=False, indent=2)


_SEVERITY_COLOUR = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}


HTML_ROWS = 300
"""The most findings a notebook table shows; the rest are counted, not drawn."""


def findings_html(findings: Findings) -> str:
    """Findings as an HTML table (for notebooks); every text is escaped."""
    if len(findings) == 0:
        return "<p><b>pokin</b>: tidak ada temuan.</p>"
    counts = findings.counts()
    rows = []
    for f in findings[:HTML_ROWS]:
        colour = _SEVERITY_COLOUR[str(f.severity)]
        rows.append(
            "<tr>"
            f"<td><code>{html.escape(f.code)}</code></td>"
            f'<td style="color:{colour}">{html.escape(f.severity.label)}</td>'
            f"<td>{html.escape(f.message)}<br><small>→ {html.escape(f.hint)}</small></td>"
            f"<td><code>{html.escape(f.where)}</code></td>"
            "</tr>"
        )
    return (
        f"<p><b>pokin</b>: {counts_text(counts)}</p>"
        "<table><thead><tr><th>kode</th><th>tingkat</th><th>temuan</th><th>lokasi</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        + (
            f"<p>… dan {format_number(len(findings) - HTML_ROWS)} lagi: saring dengan "
            "<code>findings.filter(select=..., severity=..., jabatan=...)</code>, atau ambil "
            "semuanya dengan <code>findings.to_records()</code>.</p>"
            if len(findings) > HTML_ROWS
            else ""
        )
    )
