"""The cascade as a networkx graph, and the queries a planner asks of it.

:class:`Cascade` holds two directed graphs built from a :class:`~pokin.models.PohonKinerja`:

``graph``
    the pohon kinerja itself. Nodes are ids (plus :data:`ROOT`, the organisasi); every node
    has ``jenis`` (``"organisasi"``, ``"sasaran"``, ``"kinerja"``, ``"indikator"``),
    ``uraian`` and ``jabatan`` (the owner's id, ``None`` for the IKU table). Edges point
    down the cascade, from the superior to what supports it, with ``jenis``:
    ``"iku"`` (organisasi → sasaran / top kinerja), ``"indikator"`` (kinerja or sasaran →
    its indicator) and ``"kaskade"`` (a link: superior indikator → the supporting kinerja,
    carrying ``asal``, ``skor``, ``status`` and ``alasan``). Rejected links are left out.
``struktur``
    the organisation chart: jabatan ids, an edge from each atasan to each subordinate.

>>> from pokin import datasets
>>> c = Cascade(datasets.load("sambutan-2023"))
>>> c.reaches_iku("kasi-kebersihan-lh.k1")
False
>>> c.path_to_iku("pengadministrasi-prasarana-sarana-umum.k1")
['pengadministrasi-prasarana-sarana-umum.k1', 'camat.k4.i1']
>>> c.path_to_iku("kasubbag-umum-kepegawaian.k1")
['kasubbag-umum-kepegawaian.k1', 'sekretaris.k1.i1', 'sekretaris.k1', 'camat.k1']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any

import networkx as nx

from .chart import UnsoundError, refuse_cycles
from .models import Indikator, Jabatan, Kinerja, Peran, PohonKinerja, Sasaran, ensure_sound

__all__ = ["ROOT", "Cascade"]

ROOT = "@organisasi"
"""The node standing for the organisasi, above the IKU."""


class Cascade:
    """The cascade graph of a normalised pohon kinerja, with its queries.

    ``Cascade(tree)`` only reads the tree: every id given, every link an id that exists,
    as :func:`pokin.load` leaves a tree and :meth:`PohonKinerja.normalise` makes an edited
    one whole again; anything else raises :class:`~pokin.errors.TreeError` and leaves the
    tree as it was. :meth:`of` (what :func:`pokin.check`, the drawings and the reports use)
    normalises an edited tree first. Build it once per tree state; after editing the tree
    (fixing a link in a notebook), build a new one: it is a view, it does not follow edits.
    """

    def __init__(self, tree: PohonKinerja) -> None:
        self.tree = tree
        self.jabatan: dict[str, Jabatan] = {}
        self.graph: nx.DiGraph = nx.DiGraph()
        self.struktur: nx.DiGraph = nx.DiGraph()
        self._nodes: dict[str, Sasaran | Kinerja | Indikator] = {}
        self._build()

    @classmethod
    def of(cls, source: PohonKinerja | Cascade) -> Cascade:
        """The cascade of ``source``: a cascade as it is, a tree as :class:`Cascade` reads
        it, normalised first (:meth:`PohonKinerja.normalise`) when it was edited in memory:
        the notebook path, where a planner adds a kinerja without an id or links by text.

        Raises:
            TreeError: the edited tree does not hold together (the message says where).
        """
        if isinstance(source, Cascade):
            return source
        try:
            return cls(source)
        except UnsoundError:
            ensure_sound(source)
            return cls(source)

    # -- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        g = self.graph
        org = self.tree.organisasi
        g.add_node(ROOT, jenis="organisasi", uraian=org.nama, jabatan=None)
        for jabatan in self.tree.jabatan:
            if jabatan.id is None or jabatan.id in self.jabatan:
                raise UnsoundError(f"jabatan {jabatan.nama!r} has no id of its own")
            self.jabatan[jabatan.id] = jabatan
            self.struktur.add_node(jabatan.id, peran=jabatan.peran, unit=jabatan.unit)
        for jabatan in self.tree.jabatan:
            if jabatan.atasan is not None:
                if jabatan.atasan not in self.jabatan:
                    raise UnsoundError(f"the atasan of {jabatan.id!r} is not a jabatan")
                self.struktur.add_edge(jabatan.atasan, jabatan.id)
        refuse_cycles(self.jabatan)

        for sasaran in self.tree.iku:
            self._add(sasaran, "sasaran", None)
            g.add_edge(ROOT, sasaran.id, jenis="iku")
            for indikator in sasaran.indikator:
                self._add(indikator, "indikator", None)
                g.add_edge(sasaran.id, indikator.id, jenis="indikator")
        for jabatan in self.tree.jabatan:
            for kinerja in jabatan.kinerja:
                self._add(kinerja, "kinerja", jabatan.id)
                if not self.tree.iku and jabatan.atasan is None:
                    g.add_edge(ROOT, kinerja.id, jenis="iku")
                for indikator in kinerja.indikator:
                    self._add(indikator, "indikator", jabatan.id)
                    g.add_edge(kinerja.id, indikator.id, jenis="indikator")
        for jabatan in self.tree.jabatan:
            for kinerja in jabatan.kinerja:
                for holder, link in kinerja.iter_links():
                    if link.ke is None or link.ke not in self._nodes or link.ke == holder.id:
                        raise UnsoundError(f"a link of {holder.id!r} points at no id")
                    if link.active:
                        g.add_edge(
                            link.ke,
                            holder.id,
                            jenis="kaskade",
                            asal=link.asal.value,
                            skor=link.skor,
                            status=link.status.value if link.status else None,
                            alasan=link.alasan,
                        )

    def _add(self, node: Sasaran | Kinerja | Indikator, jenis: str, owner: str | None) -> None:
        if node.id is None or node.id in self._nodes or node.id in self.jabatan:
            raise UnsoundError(f"{node.uraian!r} has no id of its own")
        self._nodes[node.id] = node
        self.graph.add_node(node.id, jenis=jenis, uraian=node.uraian, jabatan=owner)

    # -- lookups --------------------------------------------------------------------------

    def node(self, id: str) -> Sasaran | Kinerja | Indikator:
        """The model object behind a node id."""
        try:
            return self._nodes[id]
        except KeyError:
            raise KeyError(f"no sasaran, kinerja or indikator has the id {id!r}") from None

    def owner(self, id: str) -> Jabatan | None:
        """The jabatan a node belongs to (``None`` for the organisasi and its IKU table)."""
        owner = self.graph.nodes[id]["jabatan"] if id in self.graph else None
        return self.jabatan[owner] if owner is not None else None

    @cached_property
    def iku(self) -> list[str]:
        """The ids of the root indicators: the IKU table's, or the top jabatan's."""
        if self.tree.iku:
            return [str(i.id) for s in self.tree.iku for i in s.indikator]
        return [str(i.id) for j in self.tree.top for i in j.iter_indikator()]

    @property
    def has_iku(self) -> bool:
        """Whether the roots are real IKU: an IKU table, or a Camat at the top.

        Without either (a decree of staff only, or without the Camat's table), the top
        positions' indicators stand in, and coverage says less than it seems (PK103).
        """
        return bool(self.tree.iku) or any(t.peran is Peran.CAMAT for t in self.tree.top)

    @cached_property
    def reached(self) -> frozenset[str]:
        """Every node connected to an IKU (the organisasi node excluded).

        A node is connected when a path leads down to it from the organisasi, or, for a
        kinerja, when one of its own indicators supports a superior's (the variant where
        staff copy their atasan's indicator): then the kinerja and all it holds count.
        """
        return self._reach(proposed=True)

    @cached_property
    def confirmed(self) -> frozenset[str]:
        """Like :attr:`reached`, through declared and accepted links only: an inferred
        link nobody has reviewed yet (``status: usulan``) does not count."""
        return self._reach(proposed=False)

    def _reach(self, *, proposed: bool) -> frozenset[str]:
        seen = {ROOT}
        queue = deque([ROOT])
        while queue:
            node = queue.popleft()
            for nxt in self._down(node, proposed=proposed):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        seen.discard(ROOT)
        return frozenset(seen)

    def _down(self, node: str, *, proposed: bool = True) -> Iterator[str]:
        if proposed:
            yield from self.graph.succ[node]
        else:
            for nxt, data in self.graph.succ[node].items():
                if data.get("status") != "usulan":
                    yield nxt
        kinerja = self._kinerja_of.get(node)
        if kinerja is not None:
            yield kinerja

    def up(self, node: str) -> Iterator[str]:
        """The nodes one step up: predecessors, and for a kinerja its linked indicators."""
        yield from self.graph.pred[node]
        if self.graph.nodes[node]["jenis"] == "kinerja":
            yield from (i for i in self.graph.succ[node] if i in self._kinerja_of)

    @cached_property
    def _kinerja_of(self) -> dict[str, str]:
        """Indicator id → its kinerja id, for the indicators of positions."""
        return {str(i.id): str(k.id) for _, k in self.tree.iter_kinerja() for i in k.indikator}

    @cached_property
    def _tops(self) -> frozenset[str]:
        """Where a path up ends: IKU indicators, and the nodes right under the organisasi."""
        return frozenset(self.iku) | frozenset(self.graph.succ[ROOT])

    def reaches_iku(self, id: str) -> bool:
        """Whether the node ``id`` is connected to an IKU (see :attr:`reached`)."""
        self._require(id)
        return id in self.reached

    def path_to_iku(self, id: str) -> list[str]:
        """The shortest path from ``id`` up to an IKU indicator, both ends included.

        The path climbs the graph: ``[kinerja, superior indikator, its kinerja, its
        superior indikator, ...]``, passing through one of the kinerja's own indicators
        where that indicator carries the link. It ends at an IKU indicator, or at the top
        kinerja when the link above is kinerja-to-kinerja. Empty when the node is an orphan.
        """
        self._require(id)
        if id not in self.reached:
            return []
        parents: dict[str, str | None] = {id: None}
        queue = deque([id])
        found: str | None = id if id in self._tops else None
        while queue and found is None:
            current = queue.popleft()
            for parent in self.up(current):
                if parent in parents or parent == ROOT or parent not in self.reached:
                    continue
                parents[parent] = current
                if parent in self._tops:
                    found = parent
                    break
                queue.append(parent)
        path: list[str] = []
        step: str | None = found
        while step is not None:
            path.append(step)
            step = parents[step]
        path.reverse()
        return path

    def ancestors(self, id: str) -> set[str]:
        """Everything above ``id`` in the cascade (the organisasi node excluded)."""
        self._require(id)
        return set(nx.ancestors(self.graph, id)) - {ROOT}

    def descendants(self, id: str) -> set[str]:
        """Everything that cascades from ``id``."""
        self._require(id)
        return set(nx.descendants(self.graph, id))

    def supporters(self, id: str) -> list[str]:
        """The kinerja / indicators that support the node ``id`` through a cascade link."""
        self._require(id)
        return [child for child, data in self.graph.succ[id].items() if data["jenis"] == "kaskade"]

    def supported(self, id: str) -> list[str]:
        """The superior nodes that ``id`` supports through its links."""
        self._require(id)
        return [
            parent for parent, data in self.graph.pred[id].items() if data["jenis"] == "kaskade"
        ]

    def subtree(self, id: str, *, depth: int | None = None) -> nx.DiGraph:
        """The part of the graph under a node, or under a jabatan's kinerja.

        ``id`` is a node id or a jabatan id. ``depth`` limits how many cascade links are
        followed down (``depth=1``: the node, its indicators and the kinerja supporting
        them, no further).
        """
        starts = self._starts(id)
        keep = set(starts)
        frontier = list(starts)
        hops = dict.fromkeys(starts, 0)
        while frontier:
            current = frontier.pop()
            for child, data in self.graph.succ[current].items():
                hop = hops[current] + (data["jenis"] == "kaskade")
                if depth is not None and hop > depth:
                    continue
                if child not in hops or hop < hops[child]:
                    hops[child] = hop
                    keep.add(child)
                    frontier.append(child)
        return self.graph.subgraph(keep).copy()

    def _starts(self, id: str) -> list[str]:
        if id in self.jabatan:
            return [str(k.id) for k in self.jabatan[id].kinerja]
        self._require(id)
        return [id]

    def _require(self, id: str) -> None:
        if id not in self.graph:
            hint = " (that is a jabatan id; use a kinerja or indikator id)" * (id in self.jabatan)
            raise KeyError(f"no node of the cascade has the id {id!r}{hint}")

    # -- the organisation chart -----------------------------------------------------------

    def bawahan(self, jabatan_id: str) -> list[Jabatan]:
        """The direct subordinates of a jabatan, in file order."""
        return [self.jabatan[s] for s in self.struktur.succ[jabatan_id]]

    def atasan_chain(self, jabatan_id: str) -> list[Jabatan]:
        """The atasan of a jabatan, theirs, and so on to the top."""
        chain: list[Jabatan] = []
        current = self.jabatan[jabatan_id].atasan
        while current is not None:
            chain.append(self.jabatan[current])
            current = self.jabatan[current].atasan
        return chain

    @cached_property
    def levels(self) -> dict[str, int]:
        """The depth of each jabatan in the organisation chart (the top is 0)."""
        levels: dict[str, int] = {}
        for top in self.tree.top:
            levels.update(nx.single_source_shortest_path_length(self.struktur, top.id))
        return levels

    def by_peran(self, *peran: Peran | str) -> list[Jabatan]:
        """The jabatan with one of the given roles, in file order."""
        wanted = {Peran(p) for p in peran}
        return [j for j in self.tree.jabatan if j.peran in wanted]

    def by_unit(self, unit: str) -> list[Jabatan]:
        """The jabatan of a unit (case-insensitive), in file order."""
        key = unit.casefold()
        return [j for j in self.tree.jabatan if (j.unit or "").casefold() == key]

    @property
    def units(self) -> list[str]:
        """The units, in order of first appearance."""
        return list(dict.fromkeys(j.unit or "(tanpa unit)" for j in self.tree.jabatan))

    def links(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every active cascade link as ``(superior node, supporting node, attributes)``."""
        for parent, child, data in self.graph.edges(data=True):
            if data["jenis"] == "kaskade":
                yield parent, child, data

    def kinerja_of(self, ids: Iterable[str]) -> list[str]:
        """The kinerja among ``ids``."""
        return [i for i in ids if self.graph.nodes[i]["jenis"] == "kinerja"]

    def link_kind(self, parent: str, child: str) -> str:
        """How the link from node ``parent`` to node ``child`` relates to the atasan chain:
        ``normal`` (the direct atasan's), ``skip`` (further up), ``cross`` (outside the
        chain), ``down`` (a subordinate's) or ``self`` (the same position's)."""
        upper, lower = self.owner(parent), self.owner(child)
        if lower is None:
            return "normal"
        if upper is None:  # the IKU table: carried by the top position
            return "normal" if lower.atasan is None else "skip"
        if upper.id == lower.id:
            return "self"
        if lower.atasan == upper.id:
            return "normal"
        if upper.id in [j.id for j in self.atasan_chain(str(lower.id))]:
            return "skip"
        if lower.id in [j.id for j in self.atasan_chain(str(upper.id))]:
            return "down"
        return "cross"

    def __repr__(self) -> str:
        return (
            f"<Cascade {self.tree.organisasi.nama!r}: {self.graph.number_of_nodes() - 1} "
            f"nodes, {sum(1 for _ in self.links())} links>"
        )
