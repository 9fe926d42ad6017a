"""Where the boxes of a diagram go: rows per level, stacked staff, bands for wide trees.

A position sits on the row of its level (:data:`TIERS`: the Camat; Sekretaris, Kasi, Lurah;
Kasubbag and the kelurahan's Sekretaris and Kasi; staff), so the same level lines up across
units, and never above its atasan; the staff under one superior (positions without
subordinates) stack in columns of at most :data:`STACK` boxes; and when a kecamatan is too
wide for a screen, the units under the top position fold into bands, one under the other,
so the drawing stays under :data:`MAX_RATIO` wide to 1 high. The sizes are estimates made
before Graphviz runs (see :func:`pokin._dot.build`), which is what keeps this linear.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..models import Peran

if TYPE_CHECKING:
    from ..graph import Cascade
    from .scene import Prepared

from .style import IKU

__all__ = ["MAX_RATIO", "STACK", "TIERS", "Box", "Layout", "Planner", "tiers"]

STACK = 3
"""The most staff boxes stacked in one column under their superior."""

MAX_RATIO = 1.8
"""The estimated width : height above which the units fold into bands (dot adds some)."""

OWN = 4
"""The most kinerja of one position drawn side by side; more are stacked in columns."""

BLOCK_RATIO = 2.5
"""The width : height a block of stacked boxes may reach before its columns grow taller."""


TIERS: dict[Peran, int] = {
    Peran.CAMAT: 0,
    Peran.SEKRETARIS: 1,
    Peran.KASI: 1,
    Peran.LURAH: 1,
    Peran.KASUBBAG: 2,
    Peran.SEKRETARIS_KELURAHAN: 2,
    Peran.KASI_KELURAHAN: 2,
    Peran.BENDAHARA: 3,
    Peran.PELAKSANA: 3,
    Peran.FUNGSIONAL: 3,
}
"""The row of each role in a drawing, so the same level lines up across units: the Camat;
the Sekretaris, Kasi and Lurah; the Kasubbag and the kelurahan's Sekretaris and Kasi; staff."""


def tiers(cascade: Cascade) -> dict[str, int]:
    """The row of every jabatan: its role's :data:`TIERS`, or one below its atasan's
    when the chart puts it deeper (a staff under a staff), so a row never holds a
    superior and its subordinate.

    >>> from pokin import Cascade, datasets
    >>> rows = tiers(Cascade(datasets.load("sambutan-2023")))
    >>> rows["camat"], rows["sekretaris"], rows["kasi-kebersihan-lh"]
    (0, 1, 1)
    >>> rows["kasubbag-umum-kepegawaian"], rows["pengelola-data-kecamatan"]
    (2, 3)
    """
    known = _TIERS.get(cascade)
    if known is not None:
        return known  # every page of a gallery asks again: computed once per cascade
    found: dict[str, int] = {}

    def tier(jabatan_id: str, seen: frozenset[str]) -> int:
        if jabatan_id not in found:
            jabatan = cascade.jabatan[jabatan_id]
            row = TIERS[jabatan.peran]
            atasan = jabatan.atasan
            if atasan is not None and atasan in cascade.jabatan and atasan not in seen:
                row = max(row, tier(atasan, seen | {jabatan_id}) + 1)
            found[jabatan_id] = row
        return found[jabatan_id]

    for jabatan_id in cascade.jabatan:
        tier(jabatan_id, frozenset())
    _TIERS[cascade] = found
    return found


_TIERS: WeakKeyDictionary[Cascade, dict[str, int]] = WeakKeyDictionary()


@dataclass
class Box:
    """One kinerja (or sasaran) box; ``node`` and ``prefix`` say where its ports live."""

    id: str
    owner: str  # jabatan id, or IKU
    context: bool
    width: float = 0.0  # estimated, in points
    height: float = 0.0
    ports: dict[str, str] = field(default_factory=dict)  # indikator id -> port suffix
    node: str = ""  # the DOT node holding the box
    prefix: str = ""  # the box's port prefix inside a column node
    first: bool = True  # the box at the top of its node


@dataclass
class _Node:
    """A DOT node: one box, or a column of stacked staff boxes."""

    name: str
    boxes: list[Box]
    row: int

    @property
    def width(self) -> float:
        return max(b.width for b in self.boxes)

    @property
    def height(self) -> float:
        return sum(b.height for b in self.boxes) + 8 * (len(self.boxes) - 1)


@dataclass
class Layout:
    nodes: list[_Node] = field(default_factory=list)
    anchors: list[tuple[_Node, _Node]] = field(default_factory=list)  # invisible, structure


class Planner:
    """Rows for every box: positions on the row of their level (:func:`tiers`), staff
    stacked, bands."""

    def __init__(self, prep: Prepared, boxes: Sequence[Box], *, stack: int = STACK) -> None:
        self.stack = stack  # boxes a staff column holds at most (fewer: a wider drawing)
        self.boxes: dict[str, list[Box]] = {}
        for box in boxes:
            self.boxes.setdefault(box.owner, []).append(box)
        self.kids: dict[str, list[str]] = {owner: [] for owner in self.boxes}
        self.roots: list[str] = []
        for owner in self.boxes:
            parent = self._drawn_atasan(prep, owner)
            if parent is None:
                self.roots.append(owner)
            else:
                self.kids[parent].append(owner)
        rows = tiers(prep.cascade)
        self.tier = {owner: -1 if owner == IKU else rows[owner] for owner in self.boxes}
        base = min((self.tier[r] for r in self.roots), default=0)
        self.start = {r: self.tier[r] - base for r in self.roots}

    def _step(self, owner: str, kid: str) -> int:
        """How many rows below ``owner`` its subordinate ``kid`` sits: one, or more where
        the subordinate's level is further down (a staff right under a Kasi sits on the
        staff row, below the Kasubbag's)."""
        return max(1, self.tier[kid] - self.tier[owner])

    def _drawn_atasan(self, prep: Prepared, owner: str) -> str | None:
        """The nearest superior that is drawn (a unit view may leave a level out)."""
        parent = prep.atasan(owner)
        seen = {owner}
        while parent is not None and parent not in self.boxes and parent not in seen:
            seen.add(parent)
            parent = prep.atasan(parent)
        return parent

    def plan(self) -> Layout:
        """Place every box."""
        out = Layout()
        roots = self.roots
        leaves = [r for r in roots if not self.kids[r]]
        if len(leaves) > 1:  # tops without subordinates: stacked together, like staff
            row = min(self.start[r] for r in leaves)
            tops = [box for r in leaves for box in self.boxes[r]]
            out.nodes.extend(_Node("", column, row) for column in _stack(tops, self.stack))
            roots = [r for r in roots if self.kids[r]]
        main = max(roots, key=lambda r: len(self._under(r)), default=None)
        for root in roots:
            self._place(root, self.start[root], out, fold=root == main)
        for n, node in enumerate(out.nodes):
            node.name = f"b{n}" if len(node.boxes) == 1 else f"c{n}"
            for k, box in enumerate(node.boxes):
                box.node, box.first = node.name, k == 0
                box.prefix = "" if len(node.boxes) == 1 else f"b{k}"
        return out

    def _under(self, owner: str) -> list[Box]:
        found, stack = [], [owner]
        while stack:
            current = stack.pop()
            found.extend(self.boxes[current])
            stack.extend(self.kids[current])
        return found

    def _place(
        self, owner: str, row: int, out: Layout, *, fold: bool = False, above: float = 0.0
    ) -> None:
        own = self.boxes[owner]
        mine = [
            _Node("", group, row)
            for group in (_stack(own, self.stack) if len(own) > OWN else [[b] for b in own])
        ]
        out.nodes.extend(mine)
        anchor = mine[len(mine) // 2]
        kids = self.kids[owner]
        branches = [k for k in kids if self.kids[k]]
        steps = sorted({self._step(owner, k) for k in kids if not self.kids[k]})
        columns = [
            _Node("", column, row + step)
            for step in steps
            for column in _stack(
                [
                    b
                    for k in kids
                    if not self.kids[k] and self._step(owner, k) == step
                    for b in self.boxes[k]
                ],
                self.stack,
            )
        ]
        out.nodes.extend(columns)
        out.anchors.extend((anchor, column) for column in columns)
        above += max(n.height for n in mine) + 40
        offsets = {kid: row + self._step(owner, kid) for kid in branches}
        if fold and len(branches) > 1:
            tallest = max((c.height for c in columns), default=0.0)
            leads = [self._step(owner, kid) - 1 for kid in branches]
            offsets = self._bands(branches, leads, row + 1, above + tallest)
        for kid in branches:
            first = len(out.nodes)
            chain = fold and len(branches) == 1 and not columns
            self._place(kid, offsets[kid], out, fold=chain, above=above)
            out.anchors.append((anchor, out.nodes[first]))

    # -- folding a wide kecamatan into bands ----------------------------------------------------

    def _profile(self, owner: str, lead: int) -> tuple[list[float], list[float]]:
        """Estimated widths and heights of the rows a position and those under it take,
        starting ``lead`` empty rows down (where its level begins)."""
        probe = Layout()
        self._place(owner, lead, probe)
        depth = max(n.row for n in probe.nodes) + 1
        widths, heights = [0.0] * depth, [0.0] * depth
        for node in probe.nodes:
            widths[node.row] += node.width + 18
            heights[node.row] = max(heights[node.row], node.height)
        return widths, heights

    def _bands(
        self, branches: list[str], leads: list[int], first: int, above: float
    ) -> dict[str, int]:
        """The first row of each branch, in as few bands as keep the drawing readable."""
        profiles = [self._profile(b, lead) for b, lead in zip(branches, leads, strict=True)]
        offsets: dict[str, int] = {}
        for count in range(1, len(branches) + 1):
            bands = _split(list(range(len(branches))), [max(p[0]) for p in profiles], count)
            offsets, width, height, row = {}, 0.0, above, first
            for band in bands:
                widths: list[float] = []
                heights: list[float] = []
                for n in band:
                    offsets[branches[n]] = row + leads[n]
                    for depth, (w, h) in enumerate(zip(*profiles[n], strict=True)):
                        if depth == len(widths):
                            widths.append(0.0)
                            heights.append(0.0)
                        widths[depth] += w
                        heights[depth] = max(heights[depth], h)
                width = max(width, *widths)
                height += sum(heights) + 40 * len(heights)
                row += len(heights)
            if width / height <= MAX_RATIO or len(bands) < count:
                break
        return offsets


def _stack(boxes: list[Box], stack: int = STACK) -> list[list[Box]]:
    """Boxes in columns of ``stack`` (:data:`STACK`) or, when that makes the block wider
    than :data:`BLOCK_RATIO` to 1 (dozens of staff under one head), in fewer, taller columns.
    """
    while True:
        columns = _columns(boxes, stack)
        if len(columns) <= 1:
            return columns
        width = sum(max(b.width for b in c) + 18 for c in columns)
        height = max(sum(b.height for b in c) + 8 * (len(c) - 1) for c in columns)
        if width <= BLOCK_RATIO * height:
            return columns
        stack += 1


def _columns(boxes: list[Box], stack: int = STACK) -> list[list[Box]]:
    """Boxes in columns of at most ``stack``, in order, balanced by height.

    The fewest columns whose tallest is within a quarter of what that many columns
    could at best achieve; so one tall box does not pile up over the others.
    """
    if not boxes:
        return []
    heights = [b.height for b in boxes]
    tallest, total, lowest = max(heights), sum(heights), min(heights)
    limit = total
    for count in range(math.ceil(len(boxes) / stack), len(boxes) + 1):
        bound = max(tallest, total / count, math.ceil(len(boxes) / count) * lowest)
        low, limit = bound, total
        while limit - low > 0.5:  # the lowest height limit that packs into `count`
            middle = (low + limit) / 2
            fits = len(_pack(heights, middle, stack)) <= count
            low, limit = (low, middle) if fits else (middle, limit)
        if limit <= 1.25 * bound:
            break
    columns = _pack(heights, limit, stack)
    return [[boxes[n] for n in column] for column in columns]


def _pack(heights: list[float], limit: float, stack: int = STACK) -> list[list[int]]:
    """Indexes of ``heights``, in order, in columns of at most ``stack`` under ``limit``."""
    columns: list[list[int]] = [[]]
    used = 0.0
    for n, height in enumerate(heights):
        if columns[-1] and (len(columns[-1]) == stack or used + height > limit):
            columns.append([])
            used = 0.0
        columns[-1].append(n)
        used += height
    return columns


def _split(items: list[int], widths: list[float], count: int) -> list[list[int]]:
    """``items`` in at most ``count`` consecutive groups of balanced total width."""
    target = sum(widths) / count
    groups: list[list[int]] = [[]]
    used = 0.0
    for item, width in zip(items, widths, strict=True):
        if groups[-1] and used + width / 2 > target and len(groups) < count:
            groups.append([])
            used = 0.0
        groups[-1].append(item)
        used += width
    return groups
