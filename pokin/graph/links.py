"""The cascade links of :class:`~pokin.graph.Cascade`: each link's attributes, their order,
their kinds against the atasan chain, and whether they go round in a circle.

A mixin over the Cascade's plain tables (see :mod:`pokin.graph`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from functools import cached_property
from itertools import compress, count, repeat, takewhile
from operator import eq, is_, itemgetter, not_, or_
from typing import Any

from .._digraph import strongly_connected
from ..chart import OrgChart
from ..models import Tautan
from . import views

__all__ = ["Links"]

_NONE: Sequence[str] = ()


class Links(OrgChart):
    """The links of :class:`~pokin.graph.Cascade`, read from its tables."""

    _jenis: dict[str, str]
    _succ: dict[str, list[str]]
    _pred: dict[str, list[str]]
    _links: dict[tuple[str, str], Tautan]
    _kinerja_of: dict[str, str]
    _owner: dict[str, str | None]
    _nodes: dict[str, Any]
    kinerja_ids: list[str]

    @property
    def _group_links(self) -> list[tuple[str, str]]:
        raise NotImplementedError  # pragma: no cover (Paths', first in Cascade's order)

    def nodes(self) -> Iterator[str]:
        raise NotImplementedError  # pragma: no cover (Cascade's)

    def _owner_id(self, id: str) -> str | None:
        kinerja = self._kinerja_of.get(id)  # an indicator of a jabatan: its kinerja's
        return self._owner.get(id if kinerja is None else kinerja)

    def link(self, parent: str, child: str) -> dict[str, Any] | None:
        """The attributes of the active link from ``parent`` down to ``child``, if any."""
        found = self._links.get((parent, child))
        return None if found is None else views.link_attributes(found)

    def cycles(self) -> list[list[str]]:
        """The groups of nodes that support each other round in a circle, each sorted."""
        if not self._may_cycle():
            return []
        return strongly_connected(list(self.nodes()), self._succ)  # its edges reversed there

    def _may_cycle(self) -> bool:
        """Whether the links, between kinerja (each with its indicators) and sasaran, go
        round: a circle of the cascade goes round these too, and a quarter of the nodes
        are searched to find there is none."""
        if not self._unusual_links[0]:  # every link down one step of the atasan chain (or from
            return False  # the IKU table, which nothing supports): the chart has no circle
        succ: dict[str, list[str]] = {}
        into: dict[str, int] = {}  # links coming into each group
        for upper, lower in self._group_links:
            if upper == lower:
                return True
            succ.setdefault(upper, []).append(lower)
            into[lower] = into.get(lower, 0) + 1
        # Kahn: take away the groups nothing comes into, and the links out of them; the
        # links go round exactly when some are left
        stack = [node for node in succ if node not in into]
        left = len(self._links)
        while stack:
            for lower in succ.get(stack.pop(), _NONE):
                left -= 1
                into[lower] -= 1
                if not into[lower]:
                    stack.append(lower)
        return left > 0

    def links(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every active cascade link as ``(superior node, supporting node, attributes)``,
        superior nodes in tree order."""
        links, attributes = self._links, views.link_attributes
        return ((parent, child, attributes(links[parent, child])) for parent, child in self._pairs)

    def link_pairs(self) -> Sequence[tuple[str, str]]:
        """Every active cascade link as ``(superior node, supporting node)``, in
        :meth:`links` order, without building their attributes."""
        return self._pairs

    def link_keys(self) -> Collection[tuple[str, str]]:
        """Every active cascade link as ``(superior node, supporting node)``, in the order
        the links were read (not :meth:`links` order): for a pass over all of them that
        orders only what it finds (:meth:`in_link_order`)."""
        return self._links.keys()

    def in_link_order(self, pairs: Collection[tuple[str, str]]) -> list[tuple[str, str]]:
        """The active links among ``pairs`` in :meth:`links` order (as filtering
        :meth:`link_pairs`), without ordering every link when they are few."""
        if not pairs:
            return []
        if len(pairs) * 8 > len(self._links):
            return [pair for pair in self._pairs if pair in pairs]
        links = self._links
        parents = {parent for parent, _ in pairs}
        by_parent: dict[str, list[str]] = {}
        for parent, child in links:
            if parent in parents:
                by_parent.setdefault(parent, []).append(child)
        order: list[tuple[str, str]] = []
        for parent in sorted(by_parent, key=self._position):  # as _pairs: in tree order
            children = by_parent[parent]
            if len(children) > 1:
                children = [c for c in self._succ[parent] if (parent, c) in links]
            order.extend((parent, child) for child in children if (parent, child) in pairs)
        return order

    def _position(self, node: str) -> tuple[int, int]:
        """Where ``node`` comes in :meth:`nodes` (tree order), without listing them all."""
        if node in self._kinerja_position:  # a kinerja: its indicators follow it
            return self._kinerja_position[node], 0
        kinerja = self._kinerja_of.get(node)
        if kinerja is not None:  # its indicators come first among what it holds
            return self._kinerja_position[kinerja], 1 + self._succ[kinerja].index(node)
        return -1, self._head.index(node) if node in self._head else -1  # the IKU table's

    @cached_property
    def _kinerja_position(self) -> dict[str, int]:
        return {kinerja: n for n, kinerja in enumerate(self.kinerja_ids)}

    @cached_property
    def _head(self) -> list[str]:
        """The nodes before the first kinerja: the sasaran of the IKU table and theirs."""
        return list(takewhile(lambda node: self._jenis.get(node) != "kinerja", self._nodes))

    @cached_property
    def _pairs(self) -> list[tuple[str, str]]:
        links = self._links
        by_parent: dict[str, list[str]] = {}
        for parent, child in links:
            by_parent.setdefault(parent, []).append(child)
        order: list[tuple[str, str]] = []
        for parent in [p for p in self.nodes() if p in by_parent]:  # superiors in tree order
            children = by_parent[parent]
            if len(children) > 1:  # as they come down from the node (see _link)
                children = [c for c in self._succ[parent] if (parent, c) in links]
            order.extend((parent, child) for child in children)
        return order

    @cached_property
    def supported_ids(self) -> frozenset[str]:
        """The nodes some active cascade link supports (those with :meth:`supporters`)."""
        return frozenset(parent for parent, _ in self._links)

    @cached_property
    def supporting_ids(self) -> frozenset[str]:
        """The nodes that support something through an active cascade link (those with
        :meth:`supported`)."""
        return frozenset(child for _, child in self._links)

    def link_kind(self, parent: str, child: str) -> str:
        """How the link from node ``parent`` to node ``child`` relates to the atasan chain:
        ``normal`` (the direct atasan's), ``skip`` (further up), ``cross`` (outside the
        chain), ``down`` (a subordinate's) or ``self`` (the same position's)."""
        upper, lower = self._owner_id(parent), self._owner_id(child)
        if lower is None:
            return "normal"
        atasan = self.jabatan[lower].atasan
        if upper is None:  # the IKU table: carried by the top position
            return "normal" if atasan is None else "skip"
        if upper == lower:
            return "self"
        if atasan == upper:
            return "normal"
        if upper in self._chain(lower):
            return "skip"
        if lower in self._chain(upper):
            return "down"
        return "cross"

    def links_by_kind(self) -> dict[str, list[tuple[str, str]]]:
        """The active links grouped by :meth:`link_kind`, each group in :meth:`links` order."""
        return self._by_kind

    def links_of_kind(self, kind: str) -> Sequence[tuple[str, str]]:
        """``links_by_kind().get(kind, [])``; for a kind other than ``normal`` (those the
        checks report), found without ordering every link."""
        if kind == "normal" or "_by_kind" in self.__dict__:
            return self._by_kind.get(kind, [])
        return self._unusual.get(kind, [])

    @cached_property
    def _unusual_links(self) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """The links that are not from a node of the direct atasan, then those from the IKU
        table (never supporting anything): found in one pass over the groups' links."""
        owner, jabatan, pairs = self._owner, self.jabatan, list(self._links)
        uppers = list(map(owner.get, map(itemgetter(0), self._group_links)))
        lowers = list(map(owner.get, map(itemgetter(1), self._group_links)))
        # the usual link, to the direct atasan's, told apart in one sweep (in C); the others
        # (and those from the IKU table, whose owner None may be a top's atasan) read after
        atasan: dict[str | None, str | None] = {id: j.atasan for id, j in jabatan.items()}
        usual = map(eq, map(atasan.get, lowers, repeat("")), uppers)
        from_iku = map(is_, uppers, repeat(None))
        odd: set[tuple[str, str]] = set()
        iku: set[tuple[str, str]] = set()
        for n in compress(count(), map(or_, map(not_, usual), from_iku)):
            pair, upper, lower = pairs[n], uppers[n], lowers[n]
            if upper is None or lower is None:
                # a node of the IKU table (never supporting anything) over a jabatan's
                (iku if lower is not None else odd).add(pair)
            elif upper == lower or jabatan[lower].atasan != upper:
                odd.add(pair)
        return odd, iku

    @cached_property
    def _unusual(self) -> dict[str, list[tuple[str, str]]]:
        """:meth:`links_by_kind` without the ``normal`` links, which most are: the usual
        link, to the direct atasan's, is told apart in one pass over the kinerja groups'
        links, and only the others are ordered and classified."""
        kinds: dict[str, list[tuple[str, str]]] = {}
        odd, from_iku = self._unusual_links
        for parent, child in self.in_link_order(odd | from_iku):
            kind = self.link_kind(parent, child)
            if kind != "normal":
                kinds.setdefault(kind, []).append((parent, child))
        return kinds

    @cached_property
    def _by_kind(self) -> dict[str, list[tuple[str, str]]]:
        kinds: dict[str, list[tuple[str, str]]] = {}
        owner, jabatan, group = self._owner, self.jabatan, self._kinerja_of
        for parent, child in self._pairs:
            upper = owner.get(group.get(parent, parent))  # as _owner_id, without the calls
            lower = owner.get(group.get(child, child))
            if upper is not None and lower is not None and upper != lower:
                # the usual link, to the direct atasan's, without the call
                kind = "normal" if jabatan[lower].atasan == upper else self.link_kind(parent, child)
            else:
                kind = self.link_kind(parent, child)
            kinds.setdefault(kind, []).append((parent, child))
        return kinds
