"""Cascade's plain adjacency against the networkx view built from it, and the cycle search
against networkx's own algorithm: the checks read the first, users may read the second."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

import pokin
from pokin import ROOT, Cascade, datasets
from pokin._digraph import reachable, strongly_connected

from .conftest import jab, make


def _cyclic(d: dict[str, Any]) -> None:
    # sekretaris.k1 supports camat.k1.i1 and staf.k1.i1 (its own subordinate's): a circle
    jab(d, "sekretaris")["kinerja"][0]["mendukung"] = ["camat.k1.i1", "staf.k1.i1"]


def _own_kinerja(d: dict[str, Any]) -> None:
    # an indicator supporting its own kinerja, and a link written twice: one edge each
    kinerja = jab(d, "staf")["kinerja"][0]
    kinerja["indikator"][0]["mendukung"] = ["staf.k1"]
    kinerja["mendukung"] = ["sekretaris.k1.i1", "sekretaris.k1.i1"]


def _indikator_to_kinerja(d: dict[str, Any]) -> None:
    # staf.k1's indicator supports sekretaris.k1 itself (no link of its own), staf.k1 the
    # camat's: the climb from sekretaris.k1 comes back down through that indicator (as
    # up() does), and on to the camat's kinerja
    kinerja = jab(d, "staf")["kinerja"][0]
    kinerja["indikator"][0]["mendukung"] = ["sekretaris.k1"]
    kinerja["mendukung"] = ["camat.k1.i1"]
    jab(d, "sekretaris")["kinerja"][0]["mendukung"] = []


TREES = {
    **{name: lambda name=name: datasets.load(name) for name in datasets.names()},
    "made": make,
    "cyclic": lambda: make(_cyclic),
    "own-kinerja": lambda: make(_own_kinerja),
    "indikator-to-kinerja": lambda: make(_indikator_to_kinerja),
}


@pytest.mark.parametrize("name", sorted(TREES))
def test_the_plain_adjacency_is_the_networkx_graph(name: str) -> None:
    c = Cascade.of(TREES[name]())
    g = c.graph
    assert list(c.nodes()) == list(g.nodes)
    assert len(c) == g.number_of_nodes() - 1
    for node in g.nodes:
        assert node in c
        assert list(c.children(node)) == list(g.succ[node])
        assert list(c.parents(node)) == list(g.pred[node])
        assert c.jenis(node) == g.nodes[node]["jenis"]
        assert c.uraian(node) == g.nodes[node]["uraian"]
        owner = c.owner(node)
        assert (owner.id if owner else None) == g.nodes[node]["jabatan"]
    kaskade = [(u, v, d) for u, v, d in g.edges(data=True) if d["jenis"] == "kaskade"]
    assert list(c.links()) == kaskade
    assert list(c.link_pairs()) == [(u, v) for u, v, _ in kaskade]
    indikator = [i for _, i in c.tree.iter_indikator()]
    assert c.indikator == indikator
    assert [i for _, i in c.indikator_rows] == indikator
    for field in ("id", "uraian", "target", "satuan", "formulasi", "per_periode"):
        assert list(c.column(field)) == [getattr(i, field) for i in indikator]
        assert c.column(field) is c.column(field)  # read once
    for u, v, d in g.edges(data=True):
        assert c.link(u, v) == (d if d["jenis"] == "kaskade" else None)
    expected = sorted(sorted(s) for s in nx.strongly_connected_components(g) if len(s) > 1)
    assert c.cycles() == expected
    for id in c.jabatan:
        assert [j.id for j in c.bawahan(id)] == list(c.struktur.succ[id])
    for node in list(g.nodes)[1:]:
        assert c.ancestors(node) == set(nx.ancestors(g, node)) - {ROOT}
        assert c.descendants(node) == set(nx.descendants(g, node))
        assert (node in c.supported_ids) == bool(c.supporters(node))
        assert (node in c.supporting_ids) == bool(c.supported(node))
    assert c.reached == _reach_one_at_a_time(c, g, proposed=True)
    for jabatan in c.tree.jabatan:  # each node's owner, from the tree itself
        for kinerja in jabatan.kinerja:
            for node in (kinerja, *kinerja.indikator):
                assert c.owner(str(node.id)) is jabatan
    for sasaran in c.tree.iku:
        assert c.owner(str(sasaran.id)) is None
        assert all(c.owner(str(i.id)) is None for i in sasaran.indikator)
    for node in list(c.nodes())[1:]:  # from every kinerja, indicator and sasaran
        assert c.stops_above(node) == _stops_one_at_a_time(c, node)
    for kinerja in c.kinerja_of(list(c.nodes())[1:]):
        assert c.reaches_iku(kinerja) == (kinerja in c.reached_groups)
    assert c.confirmed == _reach_one_at_a_time(c, g, proposed=False)
    assert c.levels == {
        n: d
        for t in c.tree.top
        for n, d in nx.single_source_shortest_path_length(c.struktur, t.id).items()
    }


def _stops_one_at_a_time(c: Cascade, start: str) -> set[str]:
    """:meth:`Cascade.stops_above` as documented: climb by ``up``, keep the kinerja that
    neither themselves nor by an indicator support anything."""
    seen, stack, stops = {start}, [start], set()
    while stack:
        node = stack.pop()
        if c.jenis(node) == "kinerja":
            held = [node, *(str(i.id) for i in c.node(node).indikator)]  # type: ignore[union-attr]
            if not any(c.supported(n) for n in held):
                stops.add(node)
        for parent in c.up(node):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return stops


def _reach_one_at_a_time(c: Cascade, g: nx.DiGraph, *, proposed: bool) -> frozenset[str]:
    """:attr:`Cascade.reached` as documented, walked on the networkx view a node at a time."""
    seen, stack = {ROOT}, [ROOT]
    while stack:
        node = stack.pop()
        below = [n for n in g.succ[node] if proposed or g.edges[node, n].get("status") != "usulan"]
        if c.jenis(node) == "indikator" and c.parents(node):
            kinerja = c.parents(node)[0]
            if c.jenis(kinerja) == "kinerja":
                below.append(kinerja)
        for n in below:
            if n not in seen:
                seen.add(n)
                stack.append(n)
    return frozenset(seen - {ROOT})


def test_an_indicator_supporting_its_own_kinerja_is_one_edge_a_link() -> None:
    c = Cascade(make(_own_kinerja))
    assert list(c.children("staf.k1")).count("staf.k1.i1") == 1
    assert c.link("staf.k1", "staf.k1.i1") is not None
    assert c.graph.edges["staf.k1", "staf.k1.i1"]["jenis"] == "kaskade"
    assert list(c.parents("staf.k1")).count("sekretaris.k1.i1") == 1


def test_check_reads_no_networkx_graph() -> None:
    findings = pokin.check(make(_cyclic))
    assert [f.code for f in findings.filter(select="PK301")] == ["PK301"]
    assert "graph" not in vars(findings.cascade)  # the cached networkx view was never built
    assert "struktur" not in vars(findings.cascade)


def test_report_sakip_diff_and_drawing_read_no_networkx_graph() -> None:
    """The networkx view costs about a second at 1e5 indicators: only users ask for it."""
    from pokin.render import to_dot
    from pokin.report import report_html

    def pending(d: dict[str, Any]) -> None:
        _cyclic(d)
        jab(d, "staf")["kinerja"][0]["mendukung"] = [
            {"ke": "sekretaris.k1.i1", "asal": "inferensi", "status": "usulan", "skor": 0.8}
        ]

    tree = make(pending)
    cascade = Cascade(tree)
    findings = pokin.check(cascade)
    assert "usulan" in report_html(cascade, findings=findings, diagram="")
    assert pokin.sakip(cascade, findings=findings).lembar
    assert "->" in to_dot(cascade)
    pokin.frames(cascade, findings=findings)
    pokin.diff(make(_cyclic), tree)
    assert "graph" not in vars(cascade)
    assert "struktur" not in vars(cascade)


def test_strongly_connected_agrees_with_networkx_on_random_graphs() -> None:
    rng = random.Random(13)
    for _ in range(300):
        nodes = [f"n{i}" for i in range(rng.randint(1, 25))]
        succ: dict[str, list[str]] = {}
        for _ in range(rng.randint(0, 50)):
            a, b = rng.choice(nodes), rng.choice(nodes)
            if a != b and b not in succ.get(a, []):
                succ.setdefault(a, []).append(b)
        g = nx.DiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from((a, b) for a, bs in succ.items() for b in bs)
        expected = sorted(sorted(s) for s in nx.strongly_connected_components(g) if len(s) > 1)
        assert strongly_connected(nodes, succ) == expected
        start = rng.choice(nodes)
        assert reachable([start], succ) == nx.descendants(g, start) | {start}


def _own_indikator(d: dict[str, Any]) -> None:
    # a kinerja supporting its own indicator: the two nodes go round in a circle
    jab(d, "staf")["kinerja"][0]["mendukung"] = ["staf.k1.i1"]


def test_a_kinerja_supporting_its_own_indicator_is_a_cycle() -> None:
    c = Cascade(make(_own_indikator))
    assert c.cycles() == [["staf.k1", "staf.k1.i1"]]


@pytest.mark.parametrize(
    ("kinerja", "indikator", "id"),
    [
        (0, 0, None),  # no id
        (0, 0, "camat.k1.i1"),  # an indicator's id given twice
        (0, 0, "sekretaris"),  # a jabatan's id
        (0, None, "camat.k1"),  # a kinerja's id given twice
    ],
)
def test_an_id_missing_or_given_twice_names_the_node(
    kinerja: int, indikator: int | None, id: str | None
) -> None:
    tree = make()
    node: Any = tree.get_jabatan("staf").kinerja[kinerja]
    if indikator is not None:
        node = node.indikator[indikator]
    node.id = id  # the camat and sekretaris come first in the file: this is the second
    with pytest.raises(pokin.TreeError, match=f"{node.uraian!r} has no id of its own"):
        Cascade(tree)


def test_a_derived_fact_is_computed_once_per_cascade() -> None:
    calls: list[Cascade] = []

    def fact(c: Cascade) -> int:
        calls.append(c)
        return len(c)

    c = Cascade.of(make())
    assert c.derived(fact) == c.derived(fact) == len(c)
    assert calls == [c]
    other = Cascade.of(make())
    assert other.derived(fact) == len(other)
    assert calls == [c, other]


def _own_kinerja_and_more(d: dict[str, Any]) -> None:
    # staf.k1 holds a link from its own indicator and one from a subordinate-less kinerja:
    # a node with more than one link child, one of them no edge
    _own_kinerja(d)
    jab(d, "sekretaris")["kinerja"][0]["mendukung"] = ["camat.k1.i1", "staf.k1"]


@pytest.mark.parametrize("name", [*sorted(TREES), "own-kinerja-and-more"])
def test_links_ordered_or_by_kind_as_from_every_link_in_order(name: str) -> None:
    tree = make(_own_kinerja_and_more) if name == "own-kinerja-and-more" else TREES[name]()
    everything = Cascade(tree)
    pairs = list(everything.link_pairs())
    rnd = random.Random(name)
    for share in (0.0, 0.05, 0.3, 1.0):
        wanted = {pair for pair in everything.link_keys() if rnd.random() < share}
        c = Cascade(tree)  # nothing ordered yet
        assert c.in_link_order(wanted) == [pair for pair in pairs if pair in wanted]
    by_kind = everything.links_by_kind()
    fresh = Cascade(tree)
    for kind in ("skip", "cross", "down", "self", "normal"):
        assert list(fresh.links_of_kind(kind)) == by_kind.get(kind, [])
    assert sorted(everything.link_keys()) == sorted(pairs) or name.startswith("own-kinerja")


_NO_ID = "jabatan 'Pengadministrasi Umum' has no id"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: setattr(t.get_jabatan("staf"), "id", None), _NO_ID),
        (lambda t: setattr(t.get_jabatan("staf"), "id", "camat"), _NO_ID),
        (lambda t: setattr(t.get_jabatan("staf"), "atasan", "lurah"), "atasan of 'staf' is not"),
        (lambda t: setattr(t.get_jabatan("camat"), "atasan", "staf"), "goes round in a circle"),
        (lambda t: setattr(t.get_jabatan("sekretaris"), "atasan", "staf"), "goes round"),
    ],
)
def test_an_unsound_chart_is_refused_with_the_first_fault(edit: Any, message: str) -> None:
    """An organisation chart edited in memory: a jabatan without an id of its own, an atasan
    that is no jabatan, an atasan chain going round (the top one's, or under it)."""
    tree = make()
    edit(tree)
    with pytest.raises(pokin.TreeError, match=message):
        Cascade(tree)


def test_a_sound_chart_of_several_tops_and_levels_is_read() -> None:
    tree = make()
    tree.get_jabatan("staf").atasan = None  # a second top: still no circle
    assert Cascade(tree).bawahan("camat")
    assert not Cascade(tree).atasan_chain("staf")
