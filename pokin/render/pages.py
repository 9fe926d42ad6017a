"""Trees too large for one drawing: pages per unit (then per position) and an index.

:func:`paginate` never hands ``dot`` more than ``max_nodes`` boxes at once; the index page
links to the pages' SVG files, which :func:`pokin.render.render_gallery` writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from .._text import slugify, unique
from ..chart import NO_UNIT, unit_rank
from ..checks import Findings
from ..graph import Cascade
from ..models import Peran, PohonKinerja
from .dot import build
from .labels import escape_html
from .scene import Prepared, Scene, ordered
from .style import IKU

__all__ = ["MAX_NODES", "Page", "index_page", "paginate", "unit_pages"]

MAX_NODES = 400
"""The most boxes handed to ``dot`` in one drawing by :func:`paginate` and the gallery."""


@dataclass(frozen=True, slots=True)
class Page:
    """One drawing of a paginated tree: a file stem, a title, its DOT text and box count
    (and, for the unit pages, the boxes it is about, context left out)."""

    name: str
    title: str
    dot: str
    boxes: int
    own: frozenset[str] = frozenset()


def paginate(
    tree: PohonKinerja | Cascade,
    *,
    max_nodes: int = MAX_NODES,
    name: str = "pokin",
    findings: Findings | bool | None = True,
    wrap: int = 32,
) -> list[Page]:
    """The tree as drawings of at most ``max_nodes`` boxes each.

    A tree that fits gives one page (named ``name``). A larger one gives an index page
    (named ``name``, linking to ``<page>.svg``) then a page per unit, named
    ``<name>-<unit>``; a unit still too large is split per top-level position, then
    per position, and a position with more kinerja than ``max_nodes`` into parts.

    >>> from pokin import datasets
    >>> tree = datasets.load("sambutan-2023")
    >>> [p.name for p in paginate(tree)]
    ['pokin']
    >>> [p.name for p in paginate(tree, max_nodes=10, name="sambutan")][:3]
    ['sambutan', 'sambutan-kecamatan-sambutan', 'sambutan-sekretariat']
    """
    if max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    prep = Prepared(Cascade.of(tree), findings)
    if len(prep.nodes) <= max_nodes:
        scene = Scene(ordered(prep, prep.nodes))
        return [
            Page(name, prep.tree.organisasi.nama, build(prep, scene, wrap=wrap), len(prep.nodes))
        ]
    pages = list(unit_pages(prep, max_nodes=max_nodes, name=name, wrap=wrap))
    return [index_page(prep, pages, name), *pages]


def unit_pages(
    prep: Prepared,
    *,
    max_nodes: int,
    name: str,
    wrap: int,
    legend: bool = True,
    stack: int | None = None,
) -> Iterator[Page]:
    """The pages of the units, each made when asked for (the gallery lays out each one while
    the next is planned)."""
    taken: set[str] = {name}
    c = prep.cascade
    # The IKU table goes on the first page of the head's unit (the Camat's), so the root
    # of the tree is drawn somewhere, with the kinerja that carry it.
    iku = {box for box, owner in prep.jabatan_of.items() if owner == IKU}
    heads = {str(j.id) for j in c.tree.top if j.peran is Peran.CAMAT} or {
        str(j.id) for j in c.tree.top[:1]
    }
    by_unit: dict[str, list[str]] = {}
    for jabatan in prep.tree.jabatan:
        by_unit.setdefault(jabatan.unit or NO_UNIT, []).append(str(jabatan.id))
    for unit in _units_by_rank(c, heads):
        members = by_unit[unit]
        for group in _groups(prep, members, max_nodes):
            for part, (boxes, context) in enumerate(_chunks(prep, group, max_nodes), 1):
                title = unit
                if len(group) < len(members):
                    title += f" — {c.jabatan[group[0]].nama}"
                if part > 1 or len(boxes) < sum(len(c.jabatan[j].kinerja) for j in group):
                    title += f" ({part})"
                stem = unique(f"{name}-{slugify(title)}", taken)
                if iku and heads & set(group):
                    boxes, iku = boxes | iku, set()
                scene = Scene(
                    ordered(prep, boxes | context), frozenset(context), title, stack=stack
                )
                dot = build(prep, scene, wrap=wrap, legend=legend)
                yield Page(stem, title, dot, len(scene.boxes), frozenset(boxes))


def _units_by_rank(c: Cascade, heads: set[str]) -> list[str]:
    """The units in the order of the chart (the head's first), decree order within."""
    first = {c.jabatan[h].unit or NO_UNIT for h in heads}
    return sorted(c.units, key=lambda unit: 0 if unit in first else unit_rank(unit))


def _boxes(prep: Prepared, jabatan: Iterable[str]) -> set[str]:
    return {str(k.id) for j in jabatan for k in prep.cascade.jabatan[j].kinerja}


def _groups(prep: Prepared, members: list[str], max_nodes: int) -> list[list[str]]:
    """``members`` split into groups of positions under one head, small enough to draw."""
    boxes = _boxes(prep, members)
    if len(members) <= 1 or len(boxes) + len(prep.context(boxes)) <= max_nodes:
        return [members]
    inside = set(members)
    kids: dict[str, list[str]] = {m: [] for m in members}
    heads: list[str] = []
    for member in members:
        atasan = prep.cascade.jabatan[member].atasan
        (kids[atasan] if atasan in inside else heads).append(member)
    if len(heads) == 1:
        head = heads[0]
        parts = [[head], *(_family(k, kids) for k in kids[head])]
    else:
        parts = [_family(h, kids) for h in heads]
    return [group for part in parts for group in _groups(prep, part, max_nodes)]


def _family(head: str, kids: dict[str, list[str]]) -> list[str]:
    """``head`` and everyone under it, level by level."""
    found = [head]
    for current in found:  # grows while it is walked
        found.extend(kids[current])
    return found


def _chunks(prep: Prepared, group: list[str], max_nodes: int) -> list[tuple[set[str], set[str]]]:
    """The boxes of ``group`` in parts of at most ``max_nodes``, each with its context."""
    own = list(ordered(prep, _boxes(prep, group)))
    parts = [own[i : i + max_nodes] for i in range(0, len(own), max_nodes)] or [[]]
    result = []
    for part in parts:
        context = ordered(prep, prep.context(part))
        room = max(max_nodes - len(part), 0)
        result.append((set(part), set(context[:room])))
    return result


def index_page(prep: Prepared, pages: Sequence[Page], name: str) -> Page:
    org = prep.tree.organisasi
    rows = "".join(
        f'<TR><TD ALIGN="LEFT" HREF="{escape_html(quote(p.name, safe="._-"))}.svg" '
        f'TOOLTIP="{escape_html(p.title)}">'
        f'<FONT COLOR="#1565c0"><U>{escape_html(p.title)}</U></FONT></TD>'
        f'<TD ALIGN="RIGHT">{p.boxes}</TD></TR>'
        for p in pages
    )
    head = escape_html(f"Pohon Kinerja {org.nama}: {len(pages)} halaman")
    label = (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="#90a4ae">'
        f'<TR><TD ALIGN="LEFT"><B>{head}</B></TD><TD ALIGN="RIGHT"><B>kotak</B></TD></TR>'
        f"{rows}</TABLE>"
    )
    dot = (
        'digraph index {\n  node [shape=plain fontname="Arial,Helvetica,sans-serif" '
        f"fontsize=11]\n  index [label=<{label}>]\n}}\n"
    )
    return Page(name, f"{org.nama} (indeks)", dot, 1)
