"""Propose cascade links for a tree that has none: the cascade rule, read backwards.

Decrees list each position's kinerja and indicators but rarely say which superior
indicator a kinerja carries. :func:`infer_links` finds it the way a planner does: the
superior's indicator text reappears as the subordinate's kinerja (``docs/format.md``,
"Links"). For each kinerja it looks, in this order, and stops at the first place where a
text is close enough (:mod:`pokin._similarity` scores the pair):

1. the indicators of its atasan (:attr:`Relasi.ATASAN`);
2. the kinerja of its atasan, repeated a level down (:attr:`Relasi.KINERJA_ATASAN`);
3. the indicators further up the atasan chain, nearest first, then the IKU table: a level
   skip (:attr:`Relasi.LOMPAT_JENJANG`), with a bar of at least :data:`THRESHOLD_SKIP`;
4. the indicators of other units (:attr:`Relasi.CROSSCUTTING`), with a stricter bar.

The top position's kinerja look at the IKU table (:attr:`Relasi.IKU`). Each indicator is
searched too, in the atasan chain only (steps 1 and 3): the variant where a staff position
copies its superior's indicator. Targets scoring within 0.05 of the best in the same step
are proposed with it (a staff indicator "... MUSRENBANG ..." fits the Camat's "...
MUSRENBANG Kecamatan ..." and "... MUSRENBANG Kelurahan ..." alike).

Precision comes first, since a wrong link hides a real gap. Texts about different units or
levels never match, however alike their other words ("Rencana Program Kerja Kelurahan ..."
is not the kecamatan's "Rencana Program Kerja Kecamatan ...": see
:mod:`pokin._similarity`), but for a Lurah restating his atasan's text for his own
kelurahan ("X di Kelurahan Y" for the Camat's "X di Kecamatan Z"). Identical text is not
proof of a link: kelurahan staff copy the kecamatan staff's table word for word, and every
block repeats the managerial cycle (reports, supervision of its staff). So apart from
step 4 only the kinerja's own atasan chain is searched, and step 4 proposes a link only
when all of these hold: the text scores at least ``threshold_crosscutting`` against exactly
one indicator of the whole tree outside the chain (a text several positions carry is a
template); its position is not below the kinerja's in the chart, has subordinates of its
own, and is of another kind than the kinerja's position and every one in its chain (a Kasi
Kelurahan never carries the kecamatan Kasi's indicator, a Lurah never another Lurah's); and
no kinerja under that position has the same text (then the text is a copy of that unit's
own table, not support from outside). Crosscutting proposals that would make positions
support each other in a circle are dropped. Within the chain, a match whose text recurs in
three or more other units (a template row every block repeats) is left out by default; a
unit is a block of positions under one head, so namesake blocks the decree files under one
label (Sekretaris blocks of kelurahan it does not name) count apart. Such a match follows
the cascade rule in form only, and hundreds of such links would make a decree look well
cascaded before anyone reviewed them. ``template=True`` proposes them too, their reason
saying so. A superior's row carried down by the blocks under it is the cascade, not a
template: every Lurah block repeating the Camat's "pengkoordinasian ... bencana" links to
it, unless the row is the managerial cycle (a generic row, one about the holder's own
staff, or a kinerja half of whose indicators are generic rows: see
:meth:`~pokin.link.index.LinkIndex.template_units`).

An imported decree's atasan may be a guess (the importer lists ``"atasan"`` in
:attr:`~pokin.models.Jabatan.inferensi` when the decree did not say it): a staff position
whose title names no unit lands under the Sekretaris. Its chain then proves nothing, and
the guards above that lean on it (a target with subordinates, not below the position, of
another kind than the chain) would hide the one place its text points at. So for such a
position, in their place, step 4 proposes a kinerja whose text scores at least
``threshold_crosscutting`` against exactly one indicator outside the chain, in a position
of a higher kind of post than its own (never a namesake), not in another kelurahan's
block, whose unit's own table does not hold the same text: a crosscutting link whose
reason says the atasan was guessed and the text points elsewhere, so the planner checks
the atasan. Positions whose atasan the decree declared keep every guard.

Existing links are respected: a node with a declared or confirmed (``diterima``) link is
left alone, a rejected (``ditolak``) link is never proposed again. :func:`apply_links`
writes proposals as ``Tautan(asal=inferensi, status=usulan)``; such links count in the
graph and the checks like any active link, and check PK601 lists them for review.

>>> from pokin import datasets
>>> tree = datasets.load("sambutan-2023")
>>> bare = strip_links(tree)
>>> proposals = infer_links(bare)
>>> p = next(p for p in proposals if p.dari == "petugas-peninjau-lapangan.k1")
>>> p.ke, p.relasi.value, p.skor
('kasi-pemerintahan-trantib.k2.i1', 'atasan', 1.0)
>>> p.alasan.split(") ")[-1]
'setelah ejaan diseragamkan: ketentraman / ketenteraman'
>>> linked = apply_links(bare, proposals)
>>> linked.get_jabatan("petugas-peninjau-lapangan").kinerja[0].mendukung[0].status.value
'usulan'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from .._fork import can_fork, cores, cut, in_parts
from .._text import format_number
from .._yaml import no_gc
from ..models import Asal, Jabatan, Kinerja, PohonKinerja, Status, Tautan
from .apply import apply_links, strip_links
from .copies import BOILERPLATE_KINDS
from .index import TEMPLATE, Candidate, LinkIndex
from .learn import taught
from .lexicon import DEFAULT, Lexicon, load_lexicon
from .reasons import alasan
from .review import review
from .search import CLEAR
from .suggest import Suggestion, suggest_links

__all__ = [
    "EVIDENCE",
    "THRESHOLD",
    "THRESHOLD_CROSSCUTTING",
    "THRESHOLD_SKIP",
    "Lexicon",
    "Proposal",
    "Proposals",
    "Relasi",
    "Suggestion",
    "apply_links",
    "infer_links",
    "load_lexicon",
    "review",
    "strip_links",
    "suggest_links",
]

THRESHOLD = 0.7
"""The default score a text needs to be proposed as a link within the atasan chain."""
THRESHOLD_SKIP = 0.8
"""The least score a level skip needs (the atasan said nothing like the text, so the text
must say more to pass over him); a higher ``threshold`` applies to skips too."""
THRESHOLD_CROSSCUTTING = 0.95
"""The default score a text needs to be proposed as a crosscutting link."""
EVIDENCE = 0.5
"""The default rare text a pair must share (in units of the rarest word's weight)."""
PARALLEL_FROM = 20_000
"""From how many kinerja and indicators on the search runs on every core (forked)."""
MAX_PARTS = 4
"""At most this many parts: each reads the texts it meets again."""


class Relasi(StrEnum):
    """Where a proposed link points, seen from the position that would hold it."""

    ATASAN = "atasan"  # an indicator of the direct superior: the cascade rule
    KINERJA_ATASAN = "kinerja-atasan"  # the superior's kinerja, repeated a level down
    LOMPAT_JENJANG = "lompat-jenjang"  # further up the atasan chain: a level skip (PK302)
    CROSSCUTTING = "crosscutting"  # another unit, outside the atasan chain (PK303)
    IKU = "iku"  # the IKU table, for the top position


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed link: the kinerja (or indikator) ``dari`` supports the node ``ke``."""

    dari: str  # the id of the kinerja or indikator that would hold the link
    ke: str  # the id of the indikator, kinerja or IKU sasaran / indikator it supports
    skor: float  # how close the texts are, 0 to 1
    alasan: str  # why, in plain Indonesian words (it ends up in a planner's report)
    relasi: Relasi
    jabatan: str  # the id of the position holding ``dari``

    def to_tautan(self) -> Tautan:
        """The link to write in ``dari``'s ``mendukung``, awaiting review."""
        return Tautan(
            ke=self.ke,
            asal=Asal.INFERENSI,
            skor=round(self.skor, 3),
            alasan=self.alasan,
            status=Status.USULAN,
        )

    def __str__(self) -> str:
        skor = format_number(self.skor, 2)
        return f"{self.dari} → {self.ke} ({self.relasi}, skor {skor}): {self.alasan}"


class Proposals(list[Proposal]):
    """The proposals of :func:`infer_links`, and how many template matches it held back."""

    ditahan: int = 0
    """Matches left out as template rows (``template=False``): texts recurring in
    :data:`~pokin.link.index.TEMPLATE` or more other units, or boilerplate copies
    (:meth:`~pokin.link.copies.Copies.boilerplate`)."""

    @property
    def catatan(self) -> str:
        """What was held back and why, in Indonesian ("" when nothing was).

        >>> held = Proposals()
        >>> held.ditahan = 12
        >>> held.catatan.split(":")[0]
        '12 tautan ditahan'
        """
        if not self.ditahan:
            return ""
        return (
            f"{self.ditahan} tautan ditahan: teksnya baris templat yang berulang di "
            f"{TEMPLATE} unit lain atau lebih, atau baris umum yang sama persis di "
            f"{BOILERPLATE_KINDS} jenis jabatan atau lebih; tambahkan --templates untuk "
            "mengusulkannya"
        )

    @property
    def ringkasan(self) -> str:
        """The one line a planner reads after the proposals (Indonesian)."""
        return "; ".join(filter(None, [f"{len(self)} tautan diusulkan", self.catatan]))


def infer_links(
    tree: PohonKinerja,
    *,
    threshold: float = THRESHOLD,
    threshold_crosscutting: float = THRESHOLD_CROSSCUTTING,
    crosscutting: bool = True,
    indikator: bool = True,
    template: bool = False,
    lexicon: Lexicon | None = None,
    evidence: float = EVIDENCE,
) -> Proposals:
    """Propose the cascade links the texts of ``tree`` imply; the tree is not changed.

    Args:
        tree: the pohon kinerja; its existing links are respected (see the module doc).
        threshold: the score (0 to 1) a text needs within the atasan chain.
        threshold_crosscutting: the score a text needs to link outside the chain.
        crosscutting: whether to look outside the atasan chain at all.
        indikator: whether to propose indicator-to-indicator links too.
        template: whether to propose a link when either text recurs in other units
            (:data:`~pokin._linkindex.TEMPLATE` or more outside the chain): a template
            row that every block of the decree repeats. Its reason says so either way.
        lexicon: the word lists to read texts with (:func:`load_lexicon`: the bundled
            ones, extended with a planner's file); the bundled ones by default.
        evidence: how much rare text (:func:`~pokin.link.similarity.evidence`, in units
            of the rarest word's weight) a pair must share to be proposed: generic rows
            such as "Jumlah laporan" copied everywhere share too little.

    Returns:
        The proposals in file order, kinerja before their indicators; ``ditahan`` counts
        the matches held back as template rows (``catatan`` says so in Indonesian).
    """
    if not 0.0 < threshold <= 1.0 or not 0.0 < threshold_crosscutting <= 1.0:
        raise ValueError("thresholds are scores between 0 (exclusive) and 1")
    with no_gc():  # a kabupaten makes 1e5 phrases, none of them garbage
        return _search(  # (the index is freed before the collector runs again)
            tree,
            (threshold, threshold_crosscutting, crosscutting, indikator, template),
            LinkIndex(tree, lexicon=taught(tree, lexicon or DEFAULT), min_evidence=evidence),
        )


def _search(
    tree: PohonKinerja, options: tuple[float, float, bool, bool, bool], index: LinkIndex
) -> Proposals:
    """:func:`infer_links` over a built index, in parts (see :func:`_parts`)."""
    work = list(tree.iter_kinerja())
    cuts = cut([1 + len(k.indikator) for _, k in work], _parts(work, index))
    found = in_parts(lambda n: _infer(work[cuts[n] : cuts[n + 1]], *options, index), len(cuts) - 1)
    result = Proposals(_without_cycles([p for part, _ in found for p in part], index))
    result.ditahan = sum(held for _, held in found)
    return result


def _parts(work: Sequence[tuple[Jabatan, Kinerja]], index: LinkIndex) -> int:
    """How many parts to search in: one per core (at most :data:`MAX_PARTS`), each in a
    forked child, from :data:`PARALLEL_FROM` kinerja and indicators on where forking is
    safe (the index is only read: the same proposals); the whole-tree structures of the
    index are then built here, once, not in every part."""
    if sum(1 + len(k.indikator) for _, k in work) < PARALLEL_FROM or not can_fork():
        return 1
    index.read_whole()
    return min(cores(), MAX_PARTS)


def _infer(
    work: Sequence[tuple[Jabatan, Kinerja]],
    threshold: float,
    threshold_crosscutting: float,
    crosscutting: bool,
    indikator: bool,
    template: bool,
    index: LinkIndex,
) -> tuple[list[Proposal], int]:
    """The proposals for the kinerja of ``work`` and their indicators, in order, and how
    many matches were held back as templates."""
    proposals: list[Proposal] = []
    held = 0
    for jabatan, kinerja in work:
        jid, kid = str(jabatan.id), str(kinerja.id)
        taken = set(index.targets(kinerja)) if kinerja.mendukung else set()  # supported
        start, held_before, stopped = len(proposals), held, False
        if not index.settled(kinerja):
            found = (
                []
                if index.hopeless(kid, jid, kinerja=True)
                else _first(
                    _kinerja_steps(index, kid, jid, threshold), index, kid, threshold, taken
                )
            )
            if found == [] and crosscutting:
                across = (
                    index.outside_guessed_chain if index.atasan_guessed(jid) else index.crosscutting
                )
                found = across(kid, jid, threshold_crosscutting, taken)
            kept = found if template else _drop_templates(index, kid, found)
            held += len(found or ()) - len(kept or ())
            proposals.extend(_proposal(index, kid, jid, c) for c in kept or ())
            taken.update(c.ke for c in found or ())  # held back: not through an indicator
            stopped = found is None
        else:
            stopped = True  # declared or confirmed
        if indikator:
            held += _indicators(kinerja, jid, taken, threshold, template, index, proposals)
            stopped = stopped or any(ind.mendukung for ind in kinerja.indikator)
        if len(proposals) == start and held == held_before and not (stopped or taken):
            # nothing anywhere for the row: the one text of the atasan it paraphrases
            clear = index.clear_best(kid, jid, threshold)
            if clear is not None:
                kept = [clear] if template else _drop_templates(index, kid, [clear])
                held += not kept
                proposals.extend(_proposal(index, kid, jid, c) for c in kept or ())
    return proposals, held


def _indicators(
    kinerja: Kinerja,
    jid: str,
    taken: set[str],
    threshold: float,
    template: bool,
    index: LinkIndex,
    proposals: list[Proposal],
) -> int:
    """Add the proposals for the indicators of ``kinerja`` (which supports ``taken``) to
    ``proposals``; return how many matches were held back as templates.

    An indicator of a row that supports nothing yet never skips a level past an atasan
    holding a text near it (:meth:`~pokin.link.search.Search.near_atasan`): the Lurah's
    "Indeks Kepuasan Masyarakat pelayanan kelurahan" carries his Camat's "Nilai IKM
    pelayanan PATEN", not the IKU's word-for-word "IKM pelayanan PATEN" above him."""
    held = 0
    steps: list[tuple[str, Sequence[str]]] | None = None  # the same for every indicator
    for ind in kinerja.indikator:
        if index.settled(ind):
            continue
        mine = taken | set(index.targets(ind)) if ind.mendukung else taken  # (read only)
        found: list[Candidate] | None
        if index.hopeless(str(ind.id), jid, kinerja=False):
            found = []
        else:
            steps = _indikator_steps(index, jid, taken, threshold) if steps is None else steps
            mine_steps = (
                steps if mine else _not_past_near(steps, index, str(ind.id), jid, threshold)
            )
            found = _first(mine_steps, index, str(ind.id), threshold, mine)
        kept = found if template else _drop_templates(index, str(ind.id), found)
        held += len(found or ()) - len(kept or ())
        proposals.extend(_proposal(index, str(ind.id), jid, c) for c in kept or ())
    return held


def _kinerja_steps(
    index: LinkIndex, kid: str, jid: str, threshold: float
) -> Iterator[tuple[str, Sequence[str]]]:
    """Where a kinerja looks (:meth:`~pokin.link.search.Search.kinerja_steps`)."""
    return _not_past_near(index.kinerja_steps(jid), index, kid, jid, threshold)


def _not_past_near(
    steps: Iterable[tuple[str, Sequence[str]]],
    index: LinkIndex,
    node: str,
    jid: str,
    threshold: float,
) -> Iterator[tuple[str, Sequence[str]]]:
    """``steps``, stopping before the first past the atasan (a level skip, the IKU) when
    the atasan holds a text near ``node`` (asked only then: most nodes stop earlier)."""
    for relasi, targets in steps:
        if relasi == "lompat-jenjang" and index.near_atasan(node, jid, CLEAR * threshold):
            return
        yield relasi, targets


def _indikator_steps(
    index: LinkIndex, jid: str, taken: set[str], threshold: float
) -> list[tuple[str, Sequence[str]]]:
    """Where an indicator looks, past its atasan not at a text that the atasan's target
    its kinerja supports restates, or that target's kinerja: it reaches it through them."""
    steps = index.indikator_steps(jid)
    chain = index.chain[jid]
    via = index.with_kinerja([t for t in taken if chain and index.owner.get(t) == chain[0]])
    if not via:
        return list(steps)
    return [
        (relasi, [t for t in targets if all(index._score(v, t) < threshold for v in via)])
        if relasi == "lompat-jenjang"
        else (relasi, targets)
        for relasi, targets in steps
    ]


def _drop_templates(
    index: LinkIndex, node: str, found: list[Candidate] | None
) -> list[Candidate] | None:
    if found and any(
        index.template_units(node, c.ke) >= TEMPLATE or index.boilerplate(node, c.ke) for c in found
    ):
        return None
    return found


def _without_cycles(proposals: list[Proposal], index: LinkIndex) -> list[Proposal]:
    """Drop crosscutting proposals that would make two positions support each other.

    Chain links point strictly up the chart and crosscutting ones never down, so a cycle
    can only run through crosscutting links between positions at the same depth.
    """
    across = [p for p in proposals if p.relasi is Relasi.CROSSCUTTING]
    if not across:
        return proposals
    graph = nx.DiGraph((p.jabatan, index.owner[p.ke]) for p in across)
    circular = {n for c in nx.strongly_connected_components(graph) if len(c) > 1 for n in c}
    return [
        p for p in proposals if p.relasi is not Relasi.CROSSCUTTING or p.jabatan not in circular
    ]


def _first(
    steps: Iterable[tuple[str, Sequence[str]]],
    index: LinkIndex,
    node: str,
    threshold: float,
    taken: set[str],
) -> list[Candidate] | None:
    """The best candidates of the first step that has one at or above ``threshold``.

    ``None`` when the best is something the node supports already: nothing to add.
    """
    for relasi, targets in steps:
        bar = max(threshold, THRESHOLD_SKIP) if relasi == "lompat-jenjang" else threshold
        best = index.best(node, targets, bar, exclude=taken, relasi=relasi)
        if best is None or best:
            return best
    return []


def _proposal(index: LinkIndex, node: str, jabatan: str, found: Candidate) -> Proposal:
    return Proposal(
        dari=node,
        ke=found.ke,
        skor=round(found.skor, 4),
        alasan=alasan(index, node, found),
        relasi=Relasi(found.relasi),
        jabatan=jabatan,
    )
