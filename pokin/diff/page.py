"""The diff as one self-contained HTML page: last year's and this year's diagrams side by
side, the changed boxes highlighted, then the tables of changes. Every text is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..errors import PokinError, RenderError
from ..findings import SEVERITY_LABELS
from ..graph import Cascade
from .compare import Diff
from .output import (
    GONE,
    _counts,
    _coverage_pairs,
    _share,
    _title,
    _ubah,
    carried_note,
    jabatan_line,
    link_line,
    node_line,
)

__all__ = ["diff_html", "diff_tables", "highlight"]

DiagramFn = Callable[[Cascade], str]

_COLOURS = {"tambah": "#2e7d32", "hapus": "#c62828", "ubah": "#ef6c00"}
_FILL = {"tambah": "#c8e6c9", "hapus": "#ffcdd2", "ubah": "#ffe0b2"}
_WORD = {"tambah": "baru", "hapus": "dihapus", "ubah": "berubah", "gabung": "digabung"}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733}
header{background:#12355b;color:#fff;padding:20px 32px} header h1{margin:0;font-size:24px}
main{padding:16px 32px} h2{border-bottom:2px solid #12355b;padding-bottom:4px;margin-top:28px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side{border:1px solid #d5dbe3;border-radius:8px;overflow:auto;max-height:80vh}
.side h3{margin:0;padding:6px 10px;background:#f3f5f8;position:sticky;top:0}
.side svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid #e3e7ec;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-size:13px}
del{background:#ffcdd2;text-decoration:line-through} ins{background:#c8e6c9;text-decoration:none}
.tambah{color:#2e7d32} .hapus{color:#c62828} .ubah,.gabung{color:#ef6c00}
.key span{display:inline-block;padding:1px 8px;margin-right:8px;border-radius:4px}
.hint{color:#5b6675;font-size:13px}
"""


def highlight(svg: str, changed: dict[str, str]) -> str:
    """Mark the cells of ``svg`` (a pokin drawing) whose node id is in ``changed``: each
    box header and indicator row links to ``#<id>``; its background takes the colour of
    the change (``tambah`` green, ``hapus`` red, ``ubah`` orange) and a thick border."""

    def mark(found: re.Match[str]) -> str:
        node = html.unescape(found.group(2))
        status = changed.get(node)
        if status is None:
            return found.group(0)
        return f'<a class="pokin-{status}" data-perubahan="{status}"{found.group(1)}'

    marked = re.sub(r'<a( xlink:href="#([^"]*)")', mark, svg)
    rules = "".join(
        f"a.pokin-{s}>polygon:first-of-type,a.pokin-{s}>path:first-of-type"
        f"{{fill:{_FILL[s]};stroke:{_COLOURS[s]};stroke-width:3}}"
        for s in _COLOURS
    )
    start = marked.find("<svg")
    head = marked.find(">", start) + 1 if start >= 0 else 0
    return marked[start if start >= 0 else 0 : head] + f"<style>{rules}</style>" + marked[head:]


def _drawing(cascade: Cascade, draw: DiagramFn | None) -> str:
    if draw is not None:
        return draw(cascade)
    from ..render import MAX_NODES, box_count, to_svg

    if box_count(cascade) > MAX_NODES:
        raise RenderError("pohon ini terlalu besar untuk satu gambar; bandingkan per unit")
    return to_svg(cascade)


def _side(d: Diff, side: str, draw: DiagramFn | None) -> str:
    assert d.findings_before is not None
    assert d.findings_after is not None
    cascade = (d.findings_before if side == "lama" else d.findings_after).cascade
    try:
        svg = highlight(_drawing(cascade, draw), d.changed(side))  # type: ignore[arg-type]
    except PokinError as exc:
        svg = f'<p class="hint">Diagram tidak dibuat: {_e(exc)}</p>'
    return f'<div class="side" id="{side}"><h3>{_e(_title(d, side))}</h3>{svg}</div>'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _words(text: str | None) -> str:
    """A word diff (``[-a-] {+b+}``) with ``<del>`` / ``<ins>``, everything else escaped."""
    if not text:
        return ""
    parts = re.split(r"(\[-.*?-\]|\{\+.*?\+\})", text)
    out = []
    for part in parts:
        if part.startswith("[-") and part.endswith("-]"):
            out.append(f"<del>{_e(part[2:-2])}</del>")
        elif part.startswith("{+") and part.endswith("+}"):
            out.append(f"<ins>{_e(part[2:-2])}</ins>")
        else:
            out.append(_e(part))
    return "".join(out)


_UNITS = '<h2>Unit berganti nama</h2><table id="unit"><tbody>{}</tbody></table>'


def _rows(d: Diff) -> str:
    jabatan = "".join(
        f'<tr><td class="{j.status}">{_WORD[j.status]}</td><td>{_e(jabatan_line(j))}</td>'
        f"<td>{_e('; '.join(_ubah(u) for u in j.kolom))}</td></tr>"
        for j in d.jabatan
    )
    units = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{n}</td></tr>" for a, b, n in d.unit)
    nodes = "".join(
        f'<tr><td>{_e(n.jabatan)}</td><td class="{n.status}">{n.jenis} {_WORD[n.status]}</td>'
        f"<td>{_words(n.kata) if n.kata else _e(node_line(n))}</td>"
        f"<td>{'<br>'.join(_e(_ubah(u)) for u in n.kolom)}</td></tr>"
        for n in d.nodes
    )
    links = "".join(
        f'<tr><td class="{link.status}">{link.status}</td><td>{_e(link_line(link))}</td>'
        f"<td>{_e(link.uraian)}</td></tr>"
        for link in d.links
    )
    coverage = "".join(
        f"<tr><td>{_e(u)}</td><td>{_share(a)}</td><td>{_share(b)}</td></tr>"
        for u, a, b in _coverage_pairs(d)
    )
    old, new = _counts(d)
    findings = "".join(
        f"<tr><td>{word}</td><td>{old[s]}</td><td>{new[s]}</td></tr>"
        for s, word in SEVERITY_LABELS.items()
    )
    fixed = "".join(
        f'<li class="tambah">{_e(f.code)} {_e(f.message)} <code>{_e(f.where)}</code></li>'
        for f in d.fixed
    )
    gone = "".join(
        f"<li>{_e(f.code)} {_e(f.message)} <code>{_e(f.where)}</code></li>" for f in d.gone
    )
    appeared = "".join(
        f'<li class="hapus">{_e(f.code)} {_e(f.message)} <code>{_e(f.where)}</code></li>'
        for f in d.appeared
    )
    return (
        f'<h2>Jabatan</h2><table id="jabatan"><tbody>{jabatan}</tbody></table>'
        + (
            f'<h2>Unit berganti nama</h2><table id="unit"><tbody>{units}</tbody></table>'
            if units
            else ""
        )
        + '<h2>Kinerja dan indikator</h2><table id="node"><thead><tr><th>Jabatan</th><th></th>'
        f"<th>Uraian</th><th>Perubahan</th></tr></thead><tbody>{nodes}</tbody></table>"
        f'<h2>Tautan</h2><table id="tautan"><tbody>{links}</tbody></table>'
        '<h2>Cakupan indikator ke IKU</h2><table id="cakupan"><thead><tr><th>Unit</th>'
        f"<th>Lama</th><th>Baru</th></tr></thead><tbody>{coverage}</tbody></table>"
        '<h2>Temuan</h2><table id="temuan"><thead><tr><th>Tingkat</th><th>Lama</th>'
        f"<th>Baru</th></tr></thead><tbody>{findings}</tbody></table>"
        f"<h3>Diperbaiki ({len(d.fixed)})</h3><ul>{fixed}</ul>"
        + (f"<h3>{_e(GONE.capitalize())} ({len(d.gone)})</h3><ul>{gone}</ul>" * bool(d.gone))
        + f"<h3>Baru muncul ({len(d.appeared)})</h3><ul>{appeared}</ul>"
    )


def diff_tables(d: Diff) -> str:
    """The changes as HTML tables, without the diagrams (what a notebook shows)."""
    style = "".join(f".pokin-diff .{s}{{color:{c}}}" for s, c in _COLOURS.items())
    return f'<div class="pokin-diff"><style>{style}</style>{_rows(d)}</div>'


def diff_html(d: Diff, *, diagram: DiagramFn | None = None) -> str:
    """The diff as one self-contained HTML page (``diagram`` draws a cascade as SVG; the
    default is :func:`pokin.render.to_svg`)."""
    title = f"Perubahan pohon kinerja: {_title(d, 'lama')} → {_title(d, 'baru')}"
    key = "".join(
        f'<span style="background:{_FILL[s]};border:2px solid {_COLOURS[s]}">{_WORD[s]}</span>'
        for s in _COLOURS
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="id"><head><meta charset="utf-8">',
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
            f"<header><h1>{_e(title)}</h1><p>{_e(d.old.summary())} → {_e(d.new.summary())}</p>"
            + (f"<p>{_e(carried_note(d))}</p>" if d.realisasi_lalu else "")
            + "</header><main>",
            f'<p class="key">{key}</p><div class="sides">',
            _side(d, "lama", diagram),
            _side(d, "baru", diagram),
            "</div>",
            _rows(d),
            "</main></body></html>",
        ]
    )
