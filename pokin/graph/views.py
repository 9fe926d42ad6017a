"""The networkx views of a :class:`~pokin.graph.Cascade`, built only when asked for
(``cascade.graph``, ``cascade.struktur``): the checks read the cascade's plain adjacency."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Tautan
from .paths import ROOT

if TYPE_CHECKING:
    import networkx as nx

    from . import Cascade

__all__ = ["cascade_graph", "chart_graph", "link_attributes"]


def cascade_graph(c: Cascade) -> nx.DiGraph:
    """The pohon kinerja as a ``DiGraph``: nodes in tree order, each node's edges in the
    order the cascade holds them (as when the cascade was built on networkx)."""
    import networkx as nx

    g = nx.DiGraph()
    for id in c.nodes():
        owner = c.owner(id)
        g.add_node(id, jenis=c.jenis(id), uraian=c.uraian(id), jabatan=owner and owner.id)
    links = c._links  # the package's own state: the links in the order they were made
    for parent in c.nodes():
        for child in c.children(parent):
            # the edge to an indicator from its kinerja or sasaran, its first parent, is
            # structural, even when the indicator also links to it
            if parent == ROOT or (c.jenis(child) == "indikator" and c.parents(child)[0] == parent):
                jenis = "iku" if parent == ROOT else "indikator"
                g.add_edge(parent, child, **(c.link(parent, child) or {"jenis": jenis}))
    for (parent, child), link in links.items():
        g.add_edge(parent, child, **link_attributes(link))
    return g


def link_attributes(link: Tautan) -> dict[str, Any]:
    """A cascade link's edge attributes: ``jenis`` (``"kaskade"``), ``asal``, ``skor``,
    ``status`` and ``alasan``, texts as the file writes them."""
    status = link.status
    return {
        "jenis": "kaskade",
        "asal": link.asal._value_,  # .value, without the enum property's call
        "skor": link.skor,
        "status": status._value_ if status else None,
        "alasan": link.alasan,
    }


def chart_graph(c: Cascade) -> nx.DiGraph:
    """The organisation chart as a ``DiGraph``: an edge from each atasan to each subordinate."""
    import networkx as nx

    g = nx.DiGraph()
    for id, jabatan in c.jabatan.items():
        g.add_node(id, peran=jabatan.peran, unit=jabatan.unit)
    g.add_edges_from((j.atasan, id) for id, j in c.jabatan.items() if j.atasan)
    return g
