"""What a drawing shows: a :class:`Scene` of boxes, drawn from a :class:`Prepared` cascade
(the tree, its findings and capaian, indexed once for every drawing made from them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..capaian import compute_capaian
from ..checks import Findings, check
from ..graph import Cascade
from ..models import Kinerja, PohonKinerja, Sasaran
from .style import IKU

__all__ = ["Prepared", "Scene", "ordered"]


@dataclass(frozen=True)
class Scene:
    """What one drawing shows: boxes (kinerja / sasaran ids) and which are greyed context."""

    boxes: tuple[str, ...]
    context: frozenset[str] = frozenset()
    subtitle: str = ""
    stack: int | None = None  # the most staff boxes a column holds (None: layout.STACK)


@dataclass
class _Marks:
    orphan: set[str] = field(default_factory=set)  # PK101
    uncascaded: set[str] = field(default_factory=set)  # PK201 / PK202
    flagged: dict[str, set[str]] = field(default_factory=dict)  # child id -> link codes
    notes: dict[str, list[str]] = field(default_factory=dict)  # node id -> messages


class Prepared:
    """A cascade and its findings, indexed once for every drawing made from them."""

    def __init__(
        self, source: PohonKinerja | Cascade, findings: Findings | bool | None = True
    ) -> None:
        self.cascade = source if isinstance(source, Cascade) else Cascade(source)
        tree = self.cascade.tree
        self.tree = tree
        self.box_of: dict[str, str] = {}
        self.jabatan_of: dict[str, str] = {}  # box id -> jabatan id (IKU for sasaran)
        self.nodes: dict[str, Kinerja | Sasaran] = {}
        for sasaran in tree.iku:
            self._box(sasaran, IKU)
        for jabatan, kinerja in tree.iter_kinerja():
            self._box(kinerja, str(jabatan.id))
        self.order = {box: n for n, box in enumerate(self.nodes)}
        has_realisasi = any(i.realisasi for _, i in tree.iter_indikator())
        self.capaian = compute_capaian(self.cascade) if has_realisasi else {}
        self.marks = _Marks()
        if findings is True:
            findings = check(self.cascade)
        if findings:
            self._mark(findings)

    def _box(self, node: Kinerja | Sasaran, owner: str) -> None:
        box = str(node.id)
        self.nodes[box] = node
        self.jabatan_of[box] = owner
        self.box_of[box] = box
        for indikator in node.indikator:
            self.box_of[str(indikator.id)] = box

    def _mark(self, findings: Findings) -> None:
        marks = self.marks
        for finding in findings:
            where = finding.where
            if finding.code == "PK101":
                marks.orphan.add(where)
            elif finding.code in ("PK201", "PK202"):
                marks.uncascaded.add(where)
            elif finding.code in ("PK302", "PK303", "PK304"):
                marks.flagged.setdefault(where, set()).add(finding.code)
            if where in self.box_of:
                marks.notes.setdefault(where, []).append(f"{finding.code}: {finding.message}")

    @cached_property
    def uncascaded_boxes(self) -> frozenset[str]:
        """The boxes holding an indicator not cascaded further (PK201 / PK202)."""
        return frozenset(self.box_of[u] for u in self.marks.uncascaded if u in self.box_of)

    @cached_property
    def capaian_boxes(self) -> frozenset[str]:
        """The boxes holding an indicator with a capaian."""
        return frozenset(self.box_of[n] for n in self.capaian if n in self.box_of)

    def uplinks(self, box: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """The links a box holds (on its kinerja or its indicators): (superior, held, data)."""
        cascade = self.cascade
        for held in (box, *(str(i.id) for i in self.nodes[box].indikator)):
            for parent in cascade.parents(held):
                data = cascade.link(parent, held)
                if data is not None and data["jenis"] == "kaskade":
                    yield parent, held, data

    def context(self, boxes: Iterable[str]) -> set[str]:
        """The boxes outside ``boxes`` that the links of ``boxes`` point up to."""
        chosen = set(boxes)
        return {self.box_of[parent] for b in chosen for parent, _, _ in self.uplinks(b)} - chosen

    def level(self, owner: str) -> int:
        """The depth of a position in the organisation chart (the IKU table is -1)."""
        return -1 if owner == IKU else self.cascade.levels.get(owner, 0)

    def atasan(self, owner: str) -> str | None:
        """The superior of a position in the drawing's forest (the IKU above the top)."""
        if owner == IKU:
            return None
        jabatan = self.cascade.jabatan[owner]
        return jabatan.atasan if jabatan.atasan is not None else (IKU if self.tree.iku else None)

    def relation(self, parent: str, child: str) -> str:
        """normal, skip, cross or down (a link to one's own node is drawn as down)."""
        kind = self.cascade.link_kind(parent, child)
        return "down" if kind == "self" else kind


def ordered(prep: Prepared, boxes: Iterable[str]) -> tuple[str, ...]:
    """``boxes`` in the order of the file (positions, then their kinerja)."""
    return tuple(sorted(boxes, key=prep.order.__getitem__))
