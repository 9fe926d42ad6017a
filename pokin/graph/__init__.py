"""The cascade as a directed graph, and the queries a planner asks of it.

:class:`Cascade` reads a :class:`~pokin.models.PohonKinerja` into plain adjacency (lists of
ids, built once, linear in the tree) and answers the questions the checks, the drawings and
the reports ask of it. Two networkx graphs are built from it on first use, for notebooks
and for users who want networkx's algorithms:

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

The same graph without networkx: ``id in cascade``, :meth:`Cascade.jenis`,
:meth:`Cascade.uraian`, :meth:`Cascade.children`, :meth:`Cascade.parents`,
:meth:`Cascade.links`, :meth:`Cascade.cycles`.

What the checks read of 1e5 indicators is read once per cascade, when first asked for:
:meth:`Cascade.column` (a field of every indikator), :meth:`Cascade.derived` (a fact
computed from the cascade), :attr:`Cascade.supported_ids` / :attr:`Cascade.supporting_ids`,
:meth:`Cascade.link_pairs` (the links without their attributes) and
:meth:`Cascade.stops_above` (where a chain of links stops).

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

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, eq, is_not, itemgetter, ne
from typing import TYPE_CHECKING, Any, NoReturn, cast

from .._gc import collector_paused
from .._text import format_number
from ..chart import UnsoundError, read_chart
from ..models import (
    Indikator,
    Jabatan,
    Kinerja,
    PohonKinerja,
    Sasaran,
    Status,
    Tautan,
    ensure_sound,
)

if TYPE_CHECKING:
    import networkx as nx
from . import views
from .links import Links
from .paths import ROOT, Paths
from .tables import Tables

__all__ = ["ROOT", "Cascade"]

_NONE: Sequence[str] = ()
_ID, _KINERJA, _INDIKATOR = attrgetter("id"), attrgetter("kinerja"), attrgetter("indikator")
_KE, _STATUS, _FIRST, _SECOND = attrgetter("ke"), attrgetter("status"), itemgetter(0), itemgetter(1)


class Cascade(Tables, Paths, Links):
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
        self._nodes: dict[str, Sasaran | Kinerja | Indikator] = {}
        self._jenis: dict[str, str] = {ROOT: "organisasi"}
        self._owner: dict[str, str | None] = {ROOT: None}
        self._succ: dict[str, list[str]] = {}
        self._pred: dict[str, list[str]] = {}
        self._links: dict[tuple[str, str], Tautan] = {}  # its attributes built when asked
        self._kinerja_of: dict[str, str] = {}  # indicator of a position -> its kinerja
        self._bawahan: dict[str, list[str]] = {}
        self._derived: dict[Callable[[Cascade], Any], Any] = {}
        self._columns: dict[str, Sequence[Any]] = {}
        self.indikator_rows: list[tuple[Jabatan | None, Indikator]] = []
        """Every (owner, indikator) pair, as ``tree.iter_indikator()`` gives them."""
        self.indikator: list[Indikator] = []
        """Every indikator, as :attr:`indikator_rows` gives them."""
        self.kinerja_rows: list[tuple[Jabatan, Kinerja]] = []
        """Every (jabatan, kinerja) pair, as ``tree.iter_kinerja()`` gives them."""
        self.kinerja_ids: list[str] = []
        """The id of every kinerja, as :attr:`kinerja_rows` gives them."""
        self.link_rows: list[tuple[Kinerja | Indikator, Tautan]] = []
        """Every link as the file writes it (rejected ones too): each kinerja's, then its
        indicators', as :meth:`Kinerja.iter_links` gives them."""
        with collector_paused():
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
        self.jabatan, self._bawahan = read_chart(self.tree.jabatan)
        self._structure()
        self._links_of()

    def _structure(self) -> None:
        """Registers every node, and the edges that are not links, in tree order."""
        top: list[str] = []
        for sasaran in self.tree.iku:
            top.append(self._add(sasaran, "sasaran", None))
            self._hold(top[-1], sasaran.indikator, None)
        self._sasaran = list(top)
        self._positions()
        if not self.tree.iku:
            top.extend(str(k.id) for j, k in self.kinerja_rows if j.atasan is None)
        registered = len(self.tree.iku) + len(self.kinerja_rows) + len(self.indikator_rows)
        nodes, held = self._nodes, self._kinerja_of  # an indicator of a jabatan in the second
        if (
            None in nodes
            or None in held
            or len(nodes) + len(held) != registered
            or not held.keys().isdisjoint(nodes.keys())  # each view: the shorter is read
            or not self.jabatan.keys().isdisjoint(nodes.keys())
            or not self.jabatan.keys().isdisjoint(held.keys())
        ):
            self._refuse()  # a node without an id, or an id used twice
        if top:
            self._succ[ROOT] = top
            for id in top:
                self._pred[id] = [ROOT]

    def _positions(self) -> None:
        """Registers the kinerja of every jabatan and their indicators, each table filled
        in one sweep over the whole tree (in tree order: kinerja, then its indicators)."""
        jabatan = self.tree.jabatan
        per_jabatan = list(map(_KINERJA, jabatan))
        kinerja, held_by = list(chain.from_iterable(per_jabatan)), list(map(len, per_jabatan))
        # each kinerja's jabatan, each indicator's kinerja and jabatan: a list of each
        # repeated as many times as it holds, in C (a comprehension per row costs twice)
        owners = list(chain.from_iterable(map(repeat, jabatan, held_by)))
        self.kinerja_rows = list(zip(owners, kinerja, strict=True))
        # each model's fields read once, then the tables filled from those lists; ids are
        # texts here (a node without one is refused once all are registered)
        kids = self.kinerja_ids = cast(list[str], list(map(_ID, kinerja)))
        held = list(map(_INDIKATOR, kinerja))
        # the kinerja by id; an indicator of a jabatan is found through its kinerja (node)
        self._nodes.update(zip(kids, kinerja, strict=True))
        counts = self._held = list(map(len, held))
        # an indicator of a jabatan is known by _kinerja_of: _jenis, _pred and _owner hold
        # the others (the organisasi, sasaran and their indicators, kinerja) and the links
        self._jenis.update(dict.fromkeys(kids, "kinerja"))
        # the owner of a kinerja; its indicators' is read through _kinerja_of (_owner_id)
        jids = chain.from_iterable(map(repeat, map(_ID, jabatan), held_by))
        self._owner.update(zip(kids, jids, strict=True))
        indikator = list(chain.from_iterable(held))
        self.indikator.extend(indikator)
        self.indikator_rows += zip(
            chain.from_iterable(map(repeat, owners, counts)), indikator, strict=True
        )
        # each indicator's kinerja; each kinerja's indicator ids (the edges down to them),
        # cut out of the ids of all, in order
        ids = cast(list[str], list(map(_ID, indikator)))
        self._kinerja_of = dict(
            zip(ids, chain.from_iterable(map(repeat, kids, counts)), strict=True)
        )
        ends = list(accumulate(counts))
        cuts = map(slice, compress([0, *ends], counts), compress(ends, counts))
        self._succ.update(zip(compress(kids, counts), map(ids.__getitem__, cuts), strict=True))

    def _hold(self, parent: str, indikator: list[Indikator], owner: Jabatan | None) -> None:
        """Registers the indicators of a kinerja or sasaran, and the edges down to them, a
        whole list at a time (ids used twice are found once all are registered)."""
        if not indikator:
            return
        ids = [str(i.id) for i in indikator]
        self._nodes.update(zip(ids, indikator, strict=True))
        self._jenis.update(dict.fromkeys(ids, "indikator"))
        self._owner.update(dict.fromkeys(ids, owner.id if owner else None))
        self._pred.update({iid: [parent] for iid in ids})
        self._succ[parent] = ids
        self.indikator.extend(indikator)
        self.indikator_rows.extend((owner, i) for i in indikator)
        if owner is not None:
            self._kinerja_of.update(dict.fromkeys(ids, parent))
        if any(i.id is None for i in indikator):
            self._refuse()

    def _add(self, node: Sasaran | Kinerja, jenis: str, owner: str | None) -> str:
        id = node.id
        if id is None:
            self._refuse()
        self._nodes[id] = node
        self._jenis[id] = jenis
        self._owner[id] = owner
        return id

    def _refuse(self) -> NoReturn:
        """Raise for the first node, in tree order, without an id of its own."""
        seen: set[str] = set(self.jabatan)
        for node in self._in_order():
            if node.id is None or node.id in seen:
                raise UnsoundError(f"{node.uraian!r} has no id of its own")
            seen.add(node.id)
        raise AssertionError("no node without an id of its own")  # pragma: no cover

    def _in_order(self) -> Iterator[Sasaran | Kinerja | Indikator]:
        for sasaran in self.tree.iku:
            yield sasaran
            yield from sasaran.indikator
        for _, kinerja in self.tree.iter_kinerja():
            yield kinerja
            yield from kinerja.indikator

    def _links_of(self) -> None:
        """Registers the links of every kinerja, then of its indicators (as
        :meth:`Kinerja.iter_links`), each an edge from the node it supports: each field read
        in one sweep, the tables filled from those lists."""
        nodes, kinerja_of = self._nodes, self._kinerja_of
        rows = self.link_rows = [
            (h, link)
            for _, k in self.kinerja_rows
            for h in cast(tuple[Kinerja | Indikator, ...], (k, *k.indikator))
            for link in h.mendukung
        ]  # in one comprehension: measured 0.026 s against 0.030 s at 1e5
        links = list(map(_SECOND, rows))
        parents = cast(list[str], list(map(_KE, links)))  # each checked below
        children = cast(list[str], list(map(_ID, map(_FIRST, rows))))
        # the ids linked to: most are indicators of a jabatan; the others must be nodes
        if not all(map(nodes.__contains__, set(parents) - kinerja_of.keys())) or any(
            map(eq, parents, children)
        ):
            bad = next(
                n for n, p in enumerate(parents) if p not in self or p == ROOT or p == children[n]
            )
            raise UnsoundError(f"a link of {children[bad]!r} points at no id")
        # a rejected proposal does not count (Tautan.active)
        active = list(map(is_not, map(_STATUS, links), repeat(Status.DITOLAK)))
        keys = list(compress(zip(parents, children, strict=True), active))
        # a second link to the same node: one edge, the last link's attributes (as
        # networkx's add_edge keeps it); an indikator supporting its own kinerja: no edge
        self._links.update(zip(keys, compress(links, active), strict=True))
        edges = list(dict.fromkeys(keys))  # each edge once, where it first comes
        froms, tos = list(map(_FIRST, edges)), list(map(_SECOND, edges))
        if not kinerja_of.keys().isdisjoint(tos) and any(  # an indicator's link (few are)
            map(eq, map(kinerja_of.get, tos), froms)
        ):  # to its own kinerja: no edge
            edges = list(compress(edges, map(ne, map(kinerja_of.get, tos), froms)))
            froms, tos = list(map(_FIRST, edges)), list(map(_SECOND, edges))
        succ, pred = self._succ, self._pred
        for parent, child in edges:
            succ.setdefault(parent, []).append(child)
        if len(set(tos)) == len(tos) and pred.keys().isdisjoint(tos):
            pred.update(zip(tos, [[parent] for parent in froms], strict=True))
        else:  # a node supporting several, or the organisasi's too
            for parent, child in edges:
                pred.setdefault(child, []).append(parent)

    # -- networkx views (built on first use) ----------------------------------------------

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The cascade as a networkx ``DiGraph`` (see the module's documentation)."""
        return views.cascade_graph(self)

    @cached_property
    def struktur(self) -> nx.DiGraph:
        """The organisation chart as a networkx ``DiGraph``: atasan → subordinate."""
        return views.chart_graph(self)

    # -- lookups --------------------------------------------------------------------------

    def __contains__(self, id: object) -> bool:
        """Whether ``id`` is a node of the cascade (:data:`ROOT` included)."""
        return id in self._jenis or id in self._kinerja_of

    def __len__(self) -> int:
        """The number of nodes (sasaran, kinerja, indikator; the organisasi not counted)."""
        return len(self._nodes) + len(self._kinerja_of)

    def node(self, id: str) -> Sasaran | Kinerja | Indikator:
        """The model object behind a node id."""
        found = self._nodes.get(id)
        if found is not None:
            return found
        kinerja = self._kinerja_of.get(id)  # an indicator of a jabatan: one of its kinerja's
        if kinerja is None:
            raise self._unknown(id)
        return next(i for i in cast(Kinerja, self._nodes[kinerja]).indikator if i.id == id)

    def nodes(self) -> Iterator[str]:
        """Every node id in tree order, :data:`ROOT` first."""
        return iter(self._order)

    @cached_property
    def _order(self) -> list[str]:
        """Every node id in tree order: the organisasi, the IKU table's, then each kinerja
        followed by its indicators."""
        jenis = self._jenis
        order = [ROOT, *(id for id in self._nodes if jenis.get(id) != "kinerja")]
        held, at = list(self._kinerja_of), 0
        for kinerja, n in zip(self.kinerja_ids, self._held, strict=True):
            order.append(kinerja)
            order += held[at : at + n]
            at += n
        return order

    def jenis(self, id: str) -> str:
        """``"organisasi"``, ``"sasaran"``, ``"kinerja"`` or ``"indikator"``."""
        found = self._jenis.get(id)
        if found is None:
            if id not in self._kinerja_of:
                raise KeyError(id)
            return "indikator"
        return found

    def uraian(self, id: str) -> str:
        """The text of a node (the organisasi's name for :data:`ROOT`)."""
        return self.tree.organisasi.nama if id == ROOT else self.node(id).uraian

    def owner(self, id: str) -> Jabatan | None:
        """The jabatan a node belongs to (``None`` for the organisasi and its IKU table)."""
        owner = self._owner_id(id)
        return self.jabatan[owner] if owner is not None else None

    def children(self, id: str) -> Sequence[str]:
        """The nodes one edge down from ``id`` (its indicators, what supports it);
        :class:`~pokin.errors.UnknownIdError` for an id no node has."""
        found = self._succ.get(id)
        if found is None:
            if id != ROOT:
                self._require(id)
            return _NONE
        return found

    def parents(self, id: str) -> Sequence[str]:
        """The nodes one edge up from ``id`` (its kinerja or sasaran, what it supports);
        :class:`~pokin.errors.UnknownIdError` for an id no node has."""
        found = self._parents(id)
        if not found and id != ROOT:
            self._require(id)
        return found

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
            for child in self._succ.get(current, _NONE):
                hop = hops[current] + ((current, child) in self._links)
                if depth is not None and hop > depth:
                    continue
                if child not in hops or hop < hops[child]:
                    hops[child] = hop
                    keep.add(child)
                    frontier.append(child)
        return self.graph.subgraph(keep).copy()

    def kinerja_of(self, ids: Iterable[str]) -> list[str]:
        """The kinerja among ``ids``."""
        return [i for i in ids if self.jenis(i) == "kinerja"]

    def __repr__(self) -> str:
        return (
            f"<Cascade {self.tree.organisasi.nama!r}: {format_number(len(self))} simpul, "
            f"{format_number(len(self._links))} tautan>"
        )
