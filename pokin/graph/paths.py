"""Reach and paths up the cascade: what reaches an IKU, and by which way.

A mixin of :class:`~pokin.graph.Cascade`, over its plain adjacency.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from itertools import islice
from operator import itemgetter

from .._digraph import reachable
from ..errors import UnknownIdError
from ..models import Jabatan, Peran, PohonKinerja, Status, Tautan

__all__ = ["ROOT", "Paths"]

ROOT = "@organisasi"
"""The node standing for the organisasi, above the IKU."""

_NONE: Sequence[str] = ()


class Paths:
    """Reach, paths, ancestors and subtrees of :class:`~pokin.graph.Cascade`."""

    _jenis: dict[str, str]
    _succ: dict[str, list[str]]
    _pred: dict[str, list[str]]
    _links: dict[tuple[str, str], Tautan]
    _kinerja_of: dict[str, str]
    _sasaran: list[str]
    tree: PohonKinerja
    jabatan: dict[str, Jabatan]

    @cached_property
    def top(self) -> list[Jabatan]:
        """``tree.top`` (the positions without atasan), read once per cascade."""
        return self.tree.top

    @cached_property
    def iku(self) -> list[str]:
        """The ids of the root indicators: the IKU table's, or the top jabatan's."""
        if self.tree.iku:
            return [str(i.id) for s in self.tree.iku for i in s.indikator]
        return [str(i.id) for j in self.top for i in j.iter_indikator()]

    @property
    def has_iku(self) -> bool:
        """Whether the roots are real IKU: an IKU table, or a Camat at the top.

        Without either (a decree of staff only, or without the Camat's table), the top
        positions' indicators stand in, and coverage says less than it seems (PK103).
        """
        return bool(self.tree.iku) or any(t.peran is Peran.CAMAT for t in self.top)

    def nodes(self) -> Iterator[str]:
        raise NotImplementedError  # pragma: no cover (Cascade's)

    def _starts(self, id: str) -> list[str]:
        if id in self.jabatan:
            return [str(k.id) for k in self.jabatan[id].kinerja]
        self._require(id)
        return [id]

    def _require(self, id: str) -> None:
        if id not in self._jenis and id not in self._kinerja_of:
            raise self._unknown(id)

    def _unknown(self, id: str) -> UnknownIdError:
        """The planner's error for an id no node of the cascade has (a ``KeyError``)."""
        if id in self.jabatan:
            return UnknownIdError(
                f"«{id}» adalah id jabatan, bukan id kinerja atau indikator: beri id salah satu "
                f"kinerjanya (misalnya {', '.join(self._starts(id)[:3]) or '-'})"
            )
        known = list(islice(self.nodes(), 1, 4))
        return UnknownIdError(
            f"tidak ada kinerja atau indikator ber-id «{id}» di pohon ini (misalnya "
            f"{', '.join(known) or '-'}; `pokin show` mencetak semua id)"
        )

    @cached_property
    def reached(self) -> frozenset[str]:
        """Every node connected to an IKU (the organisasi node excluded).

        A node is connected when a path leads down to it from the organisasi, or, for a
        kinerja, when one of its own indicators supports a superior's (the variant where
        staff copy their atasan's indicator): then the kinerja and all it holds count.
        """
        group = self._kinerja_of
        groups = self.reached_groups
        seen = {indikator for indikator, kinerja in group.items() if kinerja in groups}
        return frozenset(seen | groups)

    @cached_property
    def reached_groups(self) -> frozenset[str]:
        """The sasaran, kinerja and IKU-table indicators in :attr:`reached` (a kinerja is
        reached exactly when it is in this): what the checks of reach ask, without the
        indicators of every reached kinerja."""
        return self._reach_kinerja()

    @cached_property
    def confirmed(self) -> frozenset[str]:
        """Like :attr:`reached`, through declared and accepted links only: an inferred
        link nobody has reviewed yet (``status: usulan``) does not count."""
        return self._reach(proposed=False)

    def _reach_kinerja(self) -> frozenset[str]:
        """:meth:`_reach` with every link counted, a kinerja and its indicators at a time:
        they reach each other (the kinerja holds them; each, reached, brings its kinerja),
        so the walk need only follow the links between these groups, a quarter of the
        edges, and the sasaran and the organisasi's edges."""
        succ: dict[str, list[str]] = {
            node: list(self._succ.get(node, _NONE)) for node in (ROOT, *self._sasaran)
        }
        for upper, lower in self._group_links:
            succ.setdefault(upper, []).append(lower)
        groups = reachable([ROOT], succ)
        groups.discard(ROOT)
        return frozenset(groups)

    def _reach(self, *, proposed: bool) -> frozenset[str]:
        # level by level, in bulk: the same nodes as a walk one node at a time
        succ, kinerja_of, links = self._succ, self._kinerja_of, self._links
        seen = {ROOT}
        frontier: Iterable[str] = [ROOT]
        while frontier:
            if proposed:
                found = {n for node in frontier for n in succ.get(node, _NONE)}
            else:
                found = {
                    n
                    for node in frontier
                    for n in succ.get(node, _NONE)
                    if (link := links.get((node, n))) is None or link.status is not Status.USULAN
                }
            found.update(kinerja_of[node] for node in frontier if node in kinerja_of)
            found -= seen
            seen |= found
            frontier = found
        seen.discard(ROOT)
        return frozenset(seen)

    def up(self, node: str) -> Iterator[str]:
        """The nodes one step up: predecessors, and for a kinerja its linked indicators."""
        kinerja = self._kinerja_of.get(node)  # an indicator of a jabatan: its kinerja first
        if kinerja is not None:
            yield kinerja
        yield from self._pred.get(node, _NONE)
        if kinerja is None and self._jenis[node] == "kinerja":
            yield from (i for i in self._succ.get(node, _NONE) if i in self._kinerja_of)

    def stops_above(self, start: str) -> set[str]:
        """The kinerja at or above ``start``, climbing as :meth:`up` does, that support
        nothing above: neither they nor one of their indicators carries a link. Where the
        chain of links from ``start`` stops (``start`` itself when it has no link)."""
        if start not in self._kinerja_of and self._jenis.get(start) != "kinerja":
            return self._stops_one_node_at_a_time(start)
        # the climb reaches every node of a kinerja group it enters (a kinerja brings its
        # indicators, an indicator its kinerja): it is walked a group at a time
        above, linked, jenis = self._groups_above, self._linked_kinerja, self._jenis
        first = self._kinerja_of.get(start, start)
        seen, stack = {first}, [first]
        while stack:
            for group in above.get(stack.pop(), _NONE):
                if group not in seen:
                    seen.add(group)
                    stack.append(group)
        return {g for g in seen if g not in linked and jenis.get(g) == "kinerja"}

    @cached_property
    def _groups_above(self) -> dict[str, list[str]]:
        """Where :meth:`up` leads from each kinerja group: the groups of what its nodes
        support, and for a kinerja the groups of other indicators linked to it (``up``
        yields a kinerja's indicators, its own and those supporting it)."""
        jenis = self._jenis
        above: dict[str, list[str]] = {}
        for (parent, child), (upper, lower) in zip(self._links, self._group_links, strict=True):
            above.setdefault(lower, []).append(upper)
            # an indicator of another kinerja supporting a kinerja: an edge of the graph
            # (every link is one but an indicator's to its own kinerja), so up() yields it
            if lower != child and lower != upper and jenis.get(parent) == "kinerja":
                above.setdefault(upper, []).append(lower)
        return above

    def _stops_one_node_at_a_time(self, start: str) -> set[str]:
        pred, succ, kinerja_of, jenis = self._pred, self._succ, self._kinerja_of, self._jenis
        linked = self._linked_kinerja
        seen, stack, stops = {start}, [start], set()
        while stack:
            node = stack.pop()
            above: Iterable[str] = pred.get(node, _NONE)
            kinerja = kinerja_of.get(node)
            if kinerja is not None:  # an indicator of a jabatan: its kinerja first
                above = [kinerja, *above]
            elif jenis[node] == "kinerja":
                if node not in linked:
                    stops.add(node)
                above = [*above, *(i for i in succ.get(node, _NONE) if i in kinerja_of)]
            for parent in above:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return stops

    @cached_property
    def _pred_all(self) -> dict[str, list[str]]:
        """Every node's parents (:meth:`parents`), the indicators' kinerja included."""
        pred = {node: list(parents) for node, parents in self._pred.items()}
        for indikator, kinerja in self._kinerja_of.items():
            pred[indikator] = [kinerja, *pred.get(indikator, _NONE)]
        return pred

    @cached_property
    def _group_links(self) -> list[tuple[str, str]]:
        """Every link between kinerja groups (a kinerja with its indicators; a sasaran or an
        IKU indicator stands for itself), as ``(upper, lower)``, in link order."""
        get = self._kinerja_of.get
        parents, children = (
            list(map(itemgetter(0), self._links)),
            list(map(itemgetter(1), self._links)),
        )
        return list(zip(map(get, parents, parents), map(get, children, children), strict=True))

    @cached_property
    def _linked_kinerja(self) -> frozenset[str]:
        """The kinerja that, or one of whose indicators, support something through a link."""
        return frozenset(map(itemgetter(1), self._group_links))

    @cached_property
    def _tops(self) -> frozenset[str]:
        """Where a path up ends: IKU indicators, and the nodes right under the organisasi."""
        return frozenset(self.iku) | frozenset(self._succ.get(ROOT, _NONE))

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
        return reachable([id], self._pred_all) - {id, ROOT}

    def descendants(self, id: str) -> set[str]:
        """Everything that cascades from ``id``."""
        self._require(id)
        return reachable([id], self._succ) - {id}

    def supporters(self, id: str) -> list[str]:
        """The kinerja / indicators that support the node ``id`` through a cascade link."""
        self._require(id)
        return [child for child in self._succ.get(id, _NONE) if (id, child) in self._links]

    def supported(self, id: str) -> list[str]:
        """The superior nodes that ``id`` supports through its links."""
        self._require(id)
        return [parent for parent in self._parents(id) if (parent, id) in self._links]

    def _parents(self, id: str) -> Sequence[str]:
        kinerja = self._kinerja_of.get(id)  # an indicator of a jabatan: its kinerja first
        if kinerja is None:
            return self._pred.get(id, _NONE)
        return [kinerja, *self._pred.get(id, _NONE)]
