"""The report's section holding the explorer (:mod:`pokin.explore`): the whole tree to pan,
zoom and search, where a kecamatan too large for one drawing otherwise shows none."""

from __future__ import annotations

from ..explore import explore_html, iframe
from .context import Context

__all__ = ["section"]


def section(ctx: Context) -> str:
    """The explorer page in an ``<iframe srcdoc>`` (its script apart from the report's)."""
    page = explore_html(ctx.cascade, findings=ctx.findings)
    return (
        '<h2 id="penjelajah">Jelajahi pohon kinerja</h2><p class="hint">Geser dan perbesar, '
        "cari teks apa pun, klik kotak untuk melihat jalurnya ke IKU; halaman yang sama "
        "dibuat <code>pokin explore</code>.</p>" + iframe(page, height="760px")
    )
