"""The "Perubahan dari tahun lalu" section, when the report is given last year's tree: what
changed (positions, indicators reworded or re-targeted, links), coverage and findings before
→ after, and the findings of the checks across years (PK801–PK803), from :mod:`pokin.diff`."""

from __future__ import annotations

from collections.abc import Iterator

from .._text import format_number
from ..diff import Diff, diff
from ..diff.output import GONE, jabatan_line, link_line, node_line, pct
from .context import Context
from .escape import e, md

__all__ = ["html_section", "markdown_section"]

_TITLE = "Perubahan dari tahun lalu"
_SHOWN = 12


def _diff(ctx: Context) -> Diff | None:
    return None if ctx.previous is None else diff(ctx.previous, ctx.cascade.tree)


def _facts(d: Diff) -> list[str]:
    counts = d.counts()
    before, after = d.coverage_before.total, d.coverage_after.total
    changes = (
        ", ".join(f"{format_number(n)} {kind}" for kind, n in counts.items())
        or "tidak ada perubahan isi"
    )
    return [
        f"{d.old.summary()} → {d.new.summary()}",
        f"perubahan: {changes}",
        f"indikator terhubung ke IKU: {pct(before.indikator_share)} → {pct(after.indikator_share)}",
        f"temuan tahun lalu yang sudah diperbaiki: {format_number(len(d.fixed))}; "
        f"temuan baru: {format_number(len(d.appeared))}"
        + (f"; {GONE}: {format_number(len(d.gone))}" if d.gone else ""),
    ]


def _lines(d: Diff) -> list[str]:
    """The changes a reviewer reads first: positions, then rewordings, then links."""
    rows = [jabatan_line(j) for j in d.jabatan]
    rows += [node_line(n) for n in d.nodes if n.kata]
    rows += [link_line(link) for link in d.links]
    return rows


def _across(ctx: Context) -> list[str]:
    return [f"{f.code}: {f.message}" for f in ctx.findings if f.code.startswith("PK80")]


def html_section(ctx: Context) -> str:
    """The section as HTML ("" without a previous year)."""

    d = _diff(ctx)
    if d is None:
        return ""
    facts = "".join(f"<li>{e(line)}</li>" for line in _facts(d))
    rows = _lines(d)
    shown = "".join(f"<li>{e(line)}</li>" for line in rows[:_SHOWN])
    more = (
        f"<li>… dan {format_number(len(rows) - _SHOWN)} lainnya (pokin diff)</li>"
        if len(rows) > _SHOWN
        else ""
    )
    across = "".join(f"<li>{e(line)}</li>" for line in _across(ctx)) or (
        "<li>Tidak ada temuan lintas tahun.</li>"
    )
    return (
        f'<h2>{_TITLE}</h2><section id="perubahan"><ul>{facts}</ul>'
        f"<h3>Perubahan utama</h3><ul>{shown}{more}</ul>"
        f"<h3>Temuan lintas tahun (PK801–PK803)</h3><ul>{across}</ul></section>"
    )


def markdown_section(ctx: Context) -> Iterator[str]:
    """The section as Markdown lines (none without a previous year)."""

    d = _diff(ctx)
    if d is None:
        return
    yield from (f"## {_TITLE}", "")
    yield from (f"- {md(line)}" for line in _facts(d))
    yield from ("", "### Perubahan utama", "")
    rows = _lines(d)
    yield from (f"- {md(line)}" for line in rows[:_SHOWN])
    if len(rows) > _SHOWN:
        yield f"- … dan {format_number(len(rows) - _SHOWN)} lainnya (`pokin diff`)"
    yield from ("", "### Temuan lintas tahun (PK801–PK803)", "")
    across = _across(ctx)
    yield from (f"- {md(line)}" for line in across)
    if not across:
        yield "Tidak ada temuan lintas tahun."
