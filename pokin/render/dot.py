"""The DOT text of a pohon kinerja diagram: escaping, boxes, edges, legend.

Pure Python and linear in the size of the tree, so it is tested without Graphviz;
:mod:`pokin.render` is the public surface. One box per kinerja (or IKU sasaran), an
HTML-like table whose header is the kinerja and whose rows are its indicators, each row
with a ``PORT`` so a cascade edge leaves from the exact indicator it carries down.

Where the boxes go (rows per level, stacked staff, bands) is :mod:`.layout`; what a
drawing shows is :mod:`.scene`; colours are :mod:`.style`; escaping is :mod:`.labels`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .._text import format_number, format_value
from ..capaian import HIJAU, KUNING, Capaian
from ..models import Indikator, Status
from .labels import (
    escape_html,
    escape_quoted,
    href,
    lines_html,
    shorten,
    tip_with_notes,
    wrap_lines,
)
from .layout import STACK, Box, Layout, Planner
from .scene import Prepared, Scene
from .style import CONTEXT, EDGE_STYLES, FONT, IKU, LAMPU, ORPHAN, PALETTE, UNCASCADED

__all__ = ["build", "edge_kind"]

_CHAR_PT = 5.7  # average width of a 10 pt character
_LINE_PT = 12.5


def _target(indikator: Indikator) -> str:
    """``1.450 surat``: the target (a bare number the Indonesian way) and its satuan."""
    target = indikator.target and format_value(indikator.target)
    return " ".join(v for v in (target, indikator.satuan) if v)


def _indikator_tip(indikator: Indikator) -> list[str]:
    parts = [indikator.uraian]
    for label, value in (
        ("formulasi", indikator.formulasi),
        ("sumber data", indikator.sumber_data),
        ("target", _target(indikator)),
        ("realisasi", indikator.realisasi and format_value(indikator.realisasi)),
    ):
        if value:
            parts.append(f"{label}: {value}")
    parts.append(f"id: {indikator.id}")
    return parts


def _tips(prep: Prepared, box: Box) -> list[str]:
    """The tooltips of a box (its head, then each indicator): the whole text and every
    finding, a finding never cut (QA #19)."""
    node, notes = prep.nodes[box.id], prep.marks.notes
    head = [node.uraian, f"— {_who(prep, box.owner)}", f"id: {box.id}"]
    tips = [tip_with_notes(head, notes.get(box.id, []))]
    tips += [tip_with_notes(_indikator_tip(i), notes.get(str(i.id), [])) for i in node.indikator]
    return tips


def _who(prep: Prepared, owner: str) -> str:
    jabatan = prep.cascade.jabatan.get(owner)
    return jabatan.nama if jabatan else "IKU " + prep.tree.organisasi.nama


def _measure(prep: Prepared, box: Box, wrap: int) -> None:
    """Estimate the drawn size of ``box`` (for folding wide trees into bands)."""
    node = prep.nodes[box.id]
    head, who = (
        wrap_lines(shorten(node.uraian), _bold(wrap)),
        wrap_lines(_who(prep, box.owner), wrap + 8),
    )
    widest = max(max(len(s) for s in head) * 1.1, max(len(s) for s in who) * 0.8)
    lines = len(head) + 0.8 * len(who) + 1.4 * (box.id in prep.marks.orphan)
    for indikator in node.indikator:
        body = wrap_lines(shorten(indikator.uraian), wrap)
        widest = max(widest, max(len(s) for s in body))
        lines += len(body) + 0.8 * bool(indikator.target or indikator.satuan)
        lines += 0.8 * (indikator.id in prep.marks.uncascaded)
        lines += 0.8 * (str(indikator.id) in prep.capaian)
    box.width = widest * _CHAR_PT + 14
    box.height = lines * _LINE_PT + 9 * (1 + len(node.indikator))


def _bold(wrap: int) -> int:
    """The wrap width of bold text: an eighth narrower, so a bold line is no wider than a
    regular one and the box's width never hangs on how a viewer's font sets bold."""
    return max(8, wrap * 7 // 8)


def _lampu(capaian: Capaian) -> str:
    """A traffic light and the capaian, e.g. ``● capaian 92.0%`` in green."""
    colour = LAMPU[capaian.lampu]
    return (
        f'<FONT POINT-SIZE="8"><FONT COLOR="{colour}">●</FONT> capaian '
        f"{escape_html(str(capaian))}</FONT>"
    )


def _table(prep: Prepared, box: Box, wrap: int) -> str:
    """The HTML-like table of a box; sets its ports (``prefix`` + ``h`` / ``i<n>``)."""
    node = prep.nodes[box.id]
    jabatan = prep.cascade.jabatan.get(box.owner)
    marks, context, pre = prep.marks, box.context, box.prefix
    orphan = box.id in marks.orphan and not context
    fill = CONTEXT[1] if context else PALETTE[jabatan.peran if jabatan else IKU][0]
    ink = CONTEXT[0] if context else "#212121"
    border = CONTEXT[0] if context else ORPHAN[0] if orphan else "#546e7a"
    who = _who(prep, box.owner)
    tips = _tips(prep, box)
    style = ' STYLE="dashed"' if context else ""
    rows = [
        f'<TABLE BORDER="{3 if orphan else 1}" CELLBORDER="1" CELLSPACING="0" '
        f'CELLPADDING="4" COLOR="{border}" BGCOLOR="white"{style}>'
        f'<TR><TD PORT="{pre}h" BGCOLOR="{fill}" ALIGN="LEFT" BALIGN="LEFT" '
        f'HREF="{href(box.id)}" TOOLTIP="{tips[0]}"><FONT COLOR="{ink}">'
        f"<B>{lines_html(wrap_lines(shorten(node.uraian), _bold(wrap)))}</B><BR/>"
        f'<FONT POINT-SIZE="8">{lines_html(wrap_lines(who, wrap + 8))}</FONT></FONT></TD></TR>'
    ]
    if orphan:
        rows.append(
            f'<TR><TD BGCOLOR="{ORPHAN[1]}" ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{ORPHAN[0]}">'
            "✖ tidak terhubung ke IKU (PK101)</FONT></TD></TR>"
        )
    for n, indikator in enumerate(node.indikator, 1):
        ind_id = str(indikator.id)
        box.ports[ind_id] = f"i{n}"
        text = lines_html(wrap_lines(shorten(indikator.uraian), wrap))
        target = _target(indikator)
        if target:
            text += f'<BR/><FONT POINT-SIZE="8">target {escape_html(shorten(target, 80))}</FONT>'
        capaian = prep.capaian.get(ind_id)
        if capaian is not None:
            text += "<BR/>" + _lampu(capaian)
        row_fill = ""
        if ind_id in marks.uncascaded and not context:
            row_fill = f' BGCOLOR="{UNCASCADED[1]}"'
            text += f'<BR/><FONT POINT-SIZE="8" COLOR="{UNCASCADED[0]}">⚠ belum diturunkan</FONT>'
        rows.append(
            f'<TR><TD PORT="{pre}i{n}"{row_fill} ALIGN="LEFT" BALIGN="LEFT" '
            f'HREF="{href(ind_id)}" TOOLTIP="{tips[n]}">'
            f'<FONT COLOR="{ink}">{text}</FONT></TD></TR>'
        )
    rows.append("</TABLE>")
    return "".join(rows)


# -- the DOT text -----------------------------------------------------------------------------


def edge_kind(prep: Prepared, parent: str, child: str, data: dict[str, object]) -> str:
    """How a link is drawn: a key of :data:`~.style.EDGE_STYLES` (the diagrams and the
    explorer page share it)."""
    relation = prep.relation(parent, child)
    if relation != "normal":
        code = {"skip": "PK302", "cross": "PK303", "down": "PK304"}[relation]
        if code in prep.marks.flagged.get(child, ()):
            return relation
    if data.get("asal") == "inferensi":
        return "usulan" if data.get("status") == Status.USULAN.value else "diterima"
    return "normal"


def _links(prep: Prepared, boxes: Sequence[Box]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The cascade links between drawn boxes, found from the lower end (linear in a page)."""
    drawn = {b.id for b in boxes}
    for box in boxes:
        for parent, held, data in prep.uplinks(box.id):
            if prep.box_of[parent] in drawn:
                yield parent, held, data


def _end(box: Box, node: str, *, tail: bool) -> str:
    """Where an edge meets a box: an indicator's row; else the top of the box for a head,
    the side of its header for a tail (an edge from the bottom would seem to leave the
    last indicator row)."""
    port = box.ports.get(node)
    if port is not None:
        return f"{box.node}:{box.prefix}{port}:_"
    if tail:  # a kinerja carried down as a whole: from its header's side, not the last row
        return f"{box.node}:{box.prefix}h:e"
    if box.first:
        return f"{box.node}:n"
    return f"{box.node}:{box.prefix}h:_"


def build(prep: Prepared, scene: Scene, *, wrap: int = 32, legend: bool = True) -> str:
    """The DOT text of ``scene``."""
    boxes = [Box(box, prep.jabatan_of[box], box in scene.context) for box in scene.boxes]
    for box in boxes:
        _measure(prep, box, wrap)
    layout = Planner(prep, boxes, stack=scene.stack or STACK).plan()
    out = [
        "digraph pokin {",
        f'  graph [rankdir=TB newrank=true nodesep=0.25 ranksep=0.4 fontname="{FONT}"'
        ' labelloc=t labeljust=l outputorder=edgesfirst pad=0.2 tooltip="pohon kinerja"',
        f"    label=<{_title(prep, scene)}>]",
        f'  node [shape=plain fontname="{FONT}" fontsize=10]',
        '  edge [arrowsize=0.6 penwidth=1.1 color="#37474f"]',
    ]
    out.extend(_node_lines(prep, layout, wrap))
    edges, kinds, linked = _edge_lines(prep, boxes)
    out.extend(edges)
    for tail_node, head_node in layout.anchors:
        if (tail_node.name, head_node.name) not in linked:
            out.append(f"  {tail_node.name} -> {head_node.name} [style=invis]")
    key = _legend(prep, boxes, scene, kinds) if legend and boxes else None
    out.extend(_rank_lines(layout, key))
    out.append("}")
    return "\n".join(out) + "\n"


def _node_lines(prep: Prepared, layout: Layout, wrap: int) -> Iterator[str]:
    """One DOT node per layout node: a box, or a column of stacked boxes."""
    for node in layout.nodes:
        # No node tooltip: Graphviz expands it twice; the cells carry their own.
        tables = [_table(prep, box, wrap) for box in node.boxes]
        label = tables[0]
        if len(tables) > 1:
            label = (
                '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="8" CELLPADDING="0">'
                + "".join(f"<TR><TD>{t}</TD></TR>" for t in tables)
                + "</TABLE>"
            )
        yield f"  {node.name} [label=<{label}>]"


def _edge_lines(
    prep: Prepared, boxes: Sequence[Box]
) -> tuple[list[str], set[str], set[tuple[str, str]]]:
    """The cascade edges, the kinds of link drawn (for the legend), and the node pairs linked."""
    by_id = {b.id: b for b in boxes}
    uraian = prep.cascade.uraian
    lines: list[str] = []
    kinds: set[str] = set()
    linked: set[tuple[str, str]] = set()
    for parent, child, data in _links(prep, boxes):
        upper, lower = by_id[prep.box_of[parent]], by_id[prep.box_of[child]]
        kind = edge_kind(prep, parent, child, data)
        kinds.add(kind)
        linked.add((upper.node, lower.node))
        style, color, _ = EDGE_STYLES[kind]
        attrs = [f"style={style}", f'color="{color}"']
        if kind in ("skip", "cross", "down"):
            attrs.append("penwidth=1.6")
        if prep.relation(parent, child) != "normal" or upper.node == lower.node:
            attrs.append("constraint=false")
        skor = data.get("skor")
        if kind in ("usulan", "diterima") and isinstance(skor, float):
            mark = "✓ " if kind == "diterima" else ""
            attrs.append(f'label="{mark}{format_number(skor, 2)}" fontsize=8 fontcolor="{color}"')
        text = f"{shorten(uraian(parent))} → {shorten(uraian(child))}"
        attrs.append(f'tooltip="{escape_quoted(text)}"')
        tail, head = _end(upper, parent, tail=True), _end(lower, child, tail=False)
        lines.append(f"  {tail} -> {head} [{' '.join(attrs)}]")
    return lines, kinds, linked


def _rank_lines(layout: Layout, legend: str | None) -> Iterator[str]:
    """The invisible spine that keeps the layout's rows in order, the legend on the first."""
    depth = max((n.row for n in layout.nodes), default=0) + 1
    ranks: list[list[str]] = [[f"r{n}"] for n in range(depth)]
    for node in layout.nodes:
        ranks[node.row].append(node.name)
    if legend is not None:
        yield f"  legend [label=<{legend}>]"
        ranks[0].insert(1, "legend")
    yield from (f'  r{n} [shape=point style=invis width=0 height=0 label=""]' for n in range(depth))
    if depth > 1:
        yield "  " + " -> ".join(f"r{n}" for n in range(depth)) + " [style=invis]"
    yield from (f"  {{rank=same; {'; '.join(names)}}}" for names in ranks)


def _title(prep: Prepared, scene: Scene) -> str:
    org = prep.tree.organisasi
    when = str(org.tahun) if org.tahun else org.periode or ""
    head = " ".join(s for s in ("Pohon Kinerja", org.nama, when) if s)
    sub = " · ".join(s for s in (org.pemerintah, scene.subtitle) if s)
    text = f'<FONT POINT-SIZE="18"><B>{escape_html(head)}</B></FONT>'
    if sub:
        text += f'<BR ALIGN="LEFT"/><FONT POINT-SIZE="11">{escape_html(sub)}</FONT>'
    return text + '<BR ALIGN="LEFT"/>'


def _legend(prep: Prepared, boxes: Sequence[Box], scene: Scene, kinds: set[str]) -> str:
    present = {
        prep.cascade.jabatan[b.owner].peran if b.owner != IKU else IKU
        for b in boxes
        if b.id not in scene.context
    }
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Keterangan</B></TD></TR>']
    for key, (fill, name) in PALETTE.items():
        if key in present:
            rows.append(
                f'<TR><TD BGCOLOR="{fill}" WIDTH="22"> </TD><TD ALIGN="LEFT">{name}</TD></TR>'
            )
    if scene.context:
        rows.append(
            f'<TR><TD BGCOLOR="{CONTEXT[1]}" WIDTH="22"> </TD>'
            f'<TD ALIGN="LEFT"><FONT COLOR="{CONTEXT[0]}">konteks (di luar unit)</FONT></TD></TR>'
        )
    drawn = {b.id for b in boxes}
    if prep.marks.orphan & drawn - scene.context:
        rows.append(
            f'<TR><TD BGCOLOR="{ORPHAN[1]}"><FONT COLOR="{ORPHAN[0]}">✖</FONT></TD>'
            '<TD ALIGN="LEFT">kinerja tidak sampai ke IKU (PK101)</TD></TR>'
        )
    if not prep.uncascaded_boxes.isdisjoint(drawn - scene.context):
        rows.append(
            f'<TR><TD BGCOLOR="{UNCASCADED[1]}"><FONT COLOR="{UNCASCADED[0]}">⚠</FONT></TD>'
            '<TD ALIGN="LEFT">indikator belum diturunkan (PK201/PK202)</TD></TR>'
        )
    if not prep.capaian_boxes.isdisjoint(drawn):
        lights = "".join(f'<FONT COLOR="{c}">●</FONT>' for c in LAMPU.values())
        rows.append(
            f'<TR><TD>{lights}</TD><TD ALIGN="LEFT">capaian ≥ {HIJAU:g}% · ≥ {KUNING:g}% · '
            "lebih rendah</TD></TR>"
        )
    glyph = {"solid": "━━━", "dashed": "╍╍╍", "dotted": "┈┈┈"}
    for kind, (style, color, text) in EDGE_STYLES.items():
        if kind in kinds:
            rows.append(
                f'<TR><TD><FONT COLOR="{color}"><B>{glyph[style]}</B></FONT></TD>'
                f'<TD ALIGN="LEFT">{text}</TD></TR>'
            )
    return (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2" COLOR="#90a4ae" '
        f'BGCOLOR="white">{"".join(rows)}</TABLE>'
    )
