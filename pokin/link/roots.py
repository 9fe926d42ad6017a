"""Root causes: the few missing links high in the chart that leave most of it orphaned.

When a high position's kinerja reach no IKU, everything cascading below them is an orphan
too, and a planner reading hundreds of orphan findings cannot see where to start.
:func:`root_causes` finds the positions whose unconnected kinerja hold up the most of the
tree, and for each of their kinerja the best candidate link (:func:`suggest_links`) with
what it would add: the kinerja that would reach an IKU through it (a what-if computed on
the cascade graph, :class:`~pokin.graph.Cascade`).

>>> from pokin import datasets
>>> from pokin.link import strip_links
>>> cause = root_causes(strip_links(datasets.load("kebomas-2023")))[0]
>>> print(cause)  # doctest: +NORMALIZE_WHITESPACE
Kepala Kecamatan Kebomas: 12 kinerja tidak mendukung baik IKU S.1 maupun IKU S.2: 377
kinerja di bawahnya bergantung padanya (cakupan indikator ke IKU sekarang 0,0%)

A fix is offered only from :data:`MIN_SKOR` up: below it the texts share a word or two
("hasil", "tepat waktu") and the link would most likely be wrong, so the cause says that no
candidate was found and a planner must choose. Coverage is the indicator share of
:func:`pokin.coverage.coverage` (the table ``pokin check`` prints), before and after.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .. import checks  # noqa: F401  (registers the rules --select / --ignore name)
from ..coverage import coverage
from ..findings import select_rules
from ..graph import Cascade
from ..models import Jabatan, PohonKinerja
from .lexicon import Lexicon
from .suggest import Suggestion, suggest_links

__all__ = ["MIN_SKOR", "RULE", "Fix", "RootCause", "root_causes"]

MIN_SKOR = 0.3
"""The least suggestion score (:func:`suggest_links`) offered as a root-cause fix. Wrong
candidates that share one common word score 0.05-0.2 on the bundled decrees; a restated
or same-matter indicator scores 0.4 and more."""

RULE = "PK101"
"""The check whose findings root causes explain (kinerja that reach no IKU): the section
is left out when ``select`` / ``ignore`` leave this rule out."""


@dataclass(frozen=True, slots=True)
class Fix:
    """A link that would connect a root cause, and what it would add."""

    saran: Suggestion  # the link: ``saran.dari`` supports ``saran.ke``
    tambah: int  # kinerja that would reach an IKU through it (itself included)
    cakupan: float | None  # the indicator share reaching an IKU with it, 0 to 1
    # (:attr:`pokin.coverage.UnitCoverage.indikator_share` of the whole tree);
    # None when its target reaches no IKU yet either (a cause higher up comes first)

    def __str__(self) -> str:
        s = self.saran
        gain = f"+{_angka(self.tambah)} kinerja tersambung ke IKU"
        then = (
            f" (cakupan indikator menjadi {_persen(self.cakupan)})"
            if self.cakupan is not None
            else " setelah atasannya tersambung"
        )
        return f"tautkan {s.dari} → {s.ke} (skor {_angka(s.skor, 2)}): {gain}{then}; {s.alasan}"


@dataclass(frozen=True, slots=True)
class RootCause:
    """A position whose kinerja reach no IKU while much of the tree hangs on them."""

    jabatan: str
    nama: str
    kinerja: int  # its kinerja that reach no IKU
    semua: int  # all its kinerja
    iku: tuple[str, ...]  # what they should carry: IKU sasaran, or the atasan's name
    bawah: int  # kinerja of the positions below that reach no IKU because of them
    cakupan: float  # the indicator share reaching an IKU today (pokin.coverage)
    perbaikan: tuple[Fix, ...]  # the links that would connect the most, best first
    tanpa_calon: tuple[str, ...] = ()  # its loose kinerja without a candidate >= MIN_SKOR

    def __str__(self) -> str:
        which = (
            f"{self.kinerja} dari {self.semua} kinerja"
            if self.kinerja < self.semua
            else f"{self.kinerja} kinerja"
        )
        hanging = (
            f": {_angka(self.bawah)} kinerja di bawahnya bergantung padanya" if self.bawah else ""
        )
        return (
            f"{self.nama}: {which} tidak mendukung {_either(self.iku)}{hanging} "
            f"(cakupan indikator ke IKU sekarang {_persen(self.cakupan)})"
        )

    def lines(self) -> list[str]:
        """The cause and its fixes, as a planner reads them (Indonesian)."""
        lines = [str(self), *(f"  {fix}" for fix in self.perbaikan)]
        if self.tanpa_calon:
            which = ", ".join(self.tanpa_calon)
            lines.append(f"  {which}: {NONE_FOUND}" if self.perbaikan else f"  {NONE_FOUND}")
        return lines


NONE_FOUND = (
    f"tidak ada calon tautan dengan skor minimal {str(MIN_SKOR).replace('.', ',')}: "
    "perencana perlu memilih sendiri indikator atasan yang didukung"
)
"""What a cause says when no suggestion reaches :data:`MIN_SKOR`."""


def root_causes(
    tree: PohonKinerja,
    *,
    limit: int = 3,
    fixes: int = 5,
    lexicon: Lexicon | None = None,
    min_skor: float = MIN_SKOR,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> list[RootCause]:
    """The ``limit`` positions whose unconnected kinerja leave the most kinerja orphaned.

    A position counts when some of its kinerja reach no IKU and support nothing yet (a
    link that exists but leads nowhere is a cause higher up); it weighs the unreached
    kinerja of its own and of every position under it in the chart. Each comes with up to
    ``fixes`` links, the best suggestion of each such kinerja, ordered by the kinerja each
    would connect at once (a what-if on the cascade graph); suggestions scoring below
    ``min_skor`` are no fix. Empty when every kinerja reaches an IKU, or when ``select`` /
    ``ignore`` (as in :func:`pokin.check`) leave :data:`RULE` out.
    """
    if RULE not in {r.code for r in select_rules(select, ignore)}:
        return []
    cascade = Cascade.of(tree)
    reached = cascade.reached
    total = sum(1 for _ in tree.iter_kinerja())
    if not total or len(reached & {str(k.id) for _, k in tree.iter_kinerja()}) == total:
        return []
    table = coverage(cascade).total
    below = _Below(cascade)
    causes = _heaviest(tree, below, reached, limit)
    wanted = {k for _, _, loose in causes for k in loose}
    best = {
        s.dari: s
        for s in suggest_links(tree, top=1, lexicon=lexicon, kinerja=wanted)
        if s.skor >= min_skor
    }
    indikator = table.indikator or 1
    found = []
    for hanging, jabatan, every in causes:
        gains = [
            Fix(best[k], len(kin), (table.indikator_reached + ind) / indikator if linked else None)
            for k in every
            if k in best
            for kin, ind in [below.split(below.of([k]))]
            for linked in [_connects(best[k].ke, reached, cascade)]
        ]
        gains.sort(key=lambda f: -f.tambah)
        found.append(
            RootCause(
                jabatan=str(jabatan.id),
                nama=jabatan.nama,
                kinerja=len(_open(jabatan.kinerja, reached)),
                semua=len(jabatan.kinerja),
                iku=_targets(tree, str(jabatan.id)),
                bawah=hanging - sum(str(k.id) not in reached for k in jabatan.kinerja),
                cakupan=table.indikator_reached / indikator,
                perbaikan=tuple(gains[:fixes]),
                tanpa_calon=tuple(k for k in every if k not in best),
            )
        )
    return found


def _heaviest(
    tree: PohonKinerja, below: _Below, reached: frozenset[str], limit: int
) -> list[tuple[int, Jabatan, list[str]]]:
    """The ``limit`` positions with kinerja that reach no IKU and support nothing yet,
    heaviest first: (kinerja hanging on the position, the position, its loose kinerja)."""
    weight = below.chart()
    causes = []
    for jabatan in tree.jabatan:
        loose = [
            str(k.id)
            for k in jabatan.kinerja
            if str(k.id) not in reached and not any(t.active for _, t in k.iter_links())
        ]
        if loose:
            causes.append((weight[str(jabatan.id)], jabatan, loose))
    causes.sort(key=lambda c: -c[0])
    return causes[:limit]


class _Below:
    """The kinerja that reach no IKU and would through a given kinerja (what-if)."""

    def __init__(self, cascade: Cascade) -> None:
        self.cascade = cascade
        self.reached = cascade.reached
        self.kinerja_of = {
            str(i.id): str(k.id) for _, k in cascade.tree.iter_kinerja() for i in k.indikator
        }
        self.kinds = {n: d["jenis"] for n, d in cascade.graph.nodes(data=True)}

    def chart(self) -> dict[str, int]:
        """For each position, the unreached kinerja of its own and of every position under
        it in the chart: what hangs on it, linked yet or not (one pass up the chart)."""
        counts = {
            jid: sum(str(k.id) not in self.reached for k in j.kinerja)
            for jid, j in self.cascade.jabatan.items()
        }
        for jid in reversed(list(nx.topological_sort(self.cascade.struktur))):
            for up in self.cascade.struktur.pred[jid]:
                counts[up] += counts[jid]
        return counts

    def split(self, nodes: set[str]) -> tuple[set[str], int]:
        """The kinerja among ``nodes``, and how many indicators."""
        kinerja = {n for n in nodes if self.kinds.get(n) == "kinerja"}
        return kinerja, sum(self.kinds.get(n) == "indikator" for n in nodes)

    def of(self, starts: Iterable[str]) -> set[str]:
        """The unreached nodes reachable down from ``starts`` (themselves included)."""
        seen = set(starts)
        queue = deque(seen)
        while queue:
            node = queue.popleft()
            nexts = list(self.cascade.graph.succ[node])
            if node in self.kinerja_of:
                nexts.append(self.kinerja_of[node])
            for nxt in nexts:
                if nxt not in seen and nxt not in self.reached:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen


def _open(kinerja: Iterable[object], reached: frozenset[str]) -> list[str]:
    return [str(k.id) for k in kinerja if str(k.id) not in reached]  # type: ignore[attr-defined]


def _connects(target: str, reached: frozenset[str], cascade: Cascade) -> bool:
    return target in reached or target in cascade.iku


def _targets(tree: PohonKinerja, jid: str) -> tuple[str, ...]:
    atasan = tree.get_jabatan(jid).atasan
    if atasan is not None:
        return (f"indikator {tree.get_jabatan(atasan).nama}",)
    if tree.iku:
        return tuple(f"IKU {s.id}" for s in tree.iku)
    return ("IKU",)


def _either(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return "baik " + ", ".join(names[:-1]) + " maupun " + names[-1]


def _angka(value: float, digits: int = 0) -> str:
    """A number the Indonesian way: 1.234 and 0,42."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _persen(share: float) -> str:
    return _angka(100 * share, 1) + "%"
