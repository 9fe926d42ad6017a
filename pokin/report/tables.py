"""Small HTML tables a notebook shows for pokin's results: coverage per unit and the links
:func:`pokin.infer_links` proposes (registered by :mod:`pokin._notebook`). Every text is
escaped; numbers are written the Indonesian way."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .._text import format_number, format_percent
from ..coverage import Coverage, UnitCoverage
from ..link import Proposal

__all__ = ["HTML_ROWS", "coverage_html", "proposals_html"]

HTML_ROWS = 300
"""The most rows a notebook table shows; the rest are counted, not drawn."""


def _reached(reached: int, of: int, share: float | None) -> str:
    return f"{format_number(reached)}/{format_number(of)} ({format_percent(share)})"


def _unit_row(unit: UnitCoverage, *, total: bool = False) -> str:
    cells = (
        escape(unit.unit),
        _reached(unit.jabatan_reached, unit.jabatan, unit.jabatan_share),
        _reached(unit.indikator_reached, unit.indikator, unit.indikator_share),
        _reached(unit.indikator_confirmed, unit.indikator, unit.indikator_confirmed_share),
    )
    tag = "th" if total else "td"
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def coverage_html(cov: Coverage) -> str:
    """Coverage to the IKU per unit, then the whole tree, as an HTML table.

    >>> from pokin import check, datasets
    >>> "<th>Jumlah</th>" in coverage_html(check(datasets.load("sambutan-2023")).coverage())
    True
    """
    rows = "".join(_unit_row(u) for u in cov.units) + _unit_row(cov.total, total=True)
    proposed = cov.total.proposed
    note = (
        f"<p>{format_number(proposed)} indikator sampai ke IKU hanya lewat tautan usulan yang "
        "belum ditinjau (status: usulan).</p>"
        if proposed
        else ""
    )
    return (
        "<p><b>pokin</b>: cakupan ke IKU per unit</p><table><thead><tr><th>unit</th>"
        "<th>jabatan ke IKU</th><th>indikator ke IKU</th><th>terkonfirmasi (tanpa usulan)</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>{note}"
    )


def proposals_html(proposals: Sequence[Proposal], summary: str = "") -> str:
    """Proposed links (:func:`pokin.infer_links`) as an HTML table, best first as given."""
    if not proposals:
        return f"<p><b>pokin</b>: tidak ada tautan yang diusulkan. {escape(summary)}</p>"
    rows = "".join(
        "<tr>"
        f"<td><code>{escape(p.dari)}</code></td><td><code>{escape(p.ke)}</code></td>"
        f"<td>{escape(str(p.relasi))}</td><td>{format_number(p.skor, 2)}</td>"
        f"<td>{escape(p.alasan)}</td>"
        "</tr>"
        for p in proposals[:HTML_ROWS]
    )
    more = len(proposals) - HTML_ROWS
    return (
        f"<p><b>pokin</b>: {escape(summary or f'{format_number(len(proposals))} tautan')}</p>"
        "<table><thead><tr><th>dari</th><th>ke</th><th>relasi</th><th>skor</th><th>alasan</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        + (f"<p>… dan {format_number(more)} lagi.</p>" if more > 0 else "")
    )
