"""The search structures behind :func:`pokin.link.infer_links`.

:class:`LinkIndex` reads a tree once: the normalised text of every node, the word weights,
the atasan chain and depth of every position, the links already there, and an inverted
index of the indicators' words for the crosscutting search.

The reasons of a proposal are written by :mod:`pokin.link.reasons`. The search never
compares everything with everything: within the chain a node meets the few dozen texts of
its own superiors (those sharing no root skipped before scoring); across units, candidates
come from the inverted index: the indicators holding every word of the node heavy enough
that the bar cannot be reached without it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import Asal, Indikator, Jabatan, Kinerja, Peran, PohonKinerja, Status
from .copies import PLACE_WEIGHT, TEMPLATE_UNITS, Copies
from .holds import Holds, chains, place_words
from .lexicon import DEFAULT, Lexicon
from .similarity import (
    LEAD_WEIGHT,
    Phrase,
    evidence_weight,
    other_unit,
    score,
    total,
    unscoped,
)
from .text import phrase, stem

__all__ = ["Candidate", "LinkIndex"]

_KIND = {
    Peran.CAMAT: "kepala",
    Peran.LURAH: "kepala",
    Peran.SEKRETARIS: "sekretaris",
    Peran.SEKRETARIS_KELURAHAN: "sekretaris",
    Peran.KASUBBAG: "kasubbag",
    Peran.KASI: "kasi",
    Peran.KASI_KELURAHAN: "kasi",
    Peran.BENDAHARA: "staf",
    Peran.PELAKSANA: "staf",
    Peran.FUNGSIONAL: "staf",
}
"""Namesake kinds: a kecamatan Kasi and a Kasi Kelurahan hold the same kind of post."""
_RANK = {"kepala": 0, "sekretaris": 1, "kasubbag": 2, "kasi": 2, "staf": 3}
"""How high each kind of post stands in a kecamatan chart, whoever the decree says is atasan."""
_KELURAHAN = frozenset({Peran.LURAH, Peran.SEKRETARIS_KELURAHAN, Peran.KASI_KELURAHAN})

TEMPLATE = TEMPLATE_UNITS
"""From how many other units holding the same text on, a reason warns of a template row."""
_NONE: set[str] = set()
_TIE = 0.05
"""Targets scoring within this of the best are proposed with it: the text fits them all."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A target found for a node: its id, the score and the step that found it."""

    ke: str
    skor: float
    relasi: str
    atasan_ditebak: bool = False  # found because the position's atasan was only guessed


class LinkIndex(Copies, Holds):
    """Everything :func:`~pokin.link.infer_links` looks up, built once per tree."""

    def __init__(
        self, tree: PohonKinerja, *, lexicon: Lexicon = DEFAULT, min_evidence: float = 0.0
    ) -> None:
        self.lexicon = lexicon
        self.min_evidence = min_evidence
        self.jabatan: dict[str, Jabatan] = {str(j.id): j for j in tree.jabatan}
        self.chain: dict[str, list[str]] = chains(self.jabatan)
        self.unit: dict[str, str] = {jid: self._unit(jid) for jid in self.jabatan}
        self.kind = {jid: _KIND[j.peran] for jid, j in self.jabatan.items()}
        self.bawahan = {j.atasan for j in tree.jabatan if j.atasan is not None}
        self.phrases: dict[str, Phrase] = {}
        self.owner: dict[str, str | None] = {}
        self.jenis: dict[str, str] = {}
        self.indikator_of: dict[str, list[str]] = defaultdict(list)
        self.kinerja_of: dict[str, list[str]] = defaultdict(list)
        self.iku_indikator: list[str] = []
        self.iku_sasaran: list[str] = []
        for sasaran in tree.iku:
            self._add(str(sasaran.id), sasaran.uraian, None, "sasaran")
            self.iku_sasaran.append(str(sasaran.id))
            for ind in sasaran.indikator:
                self._add(str(ind.id), ind.uraian, None, "indikator")
                self.iku_indikator.append(str(ind.id))
        self.rejected: dict[str, set[str]] = {}
        self.lurah: set[str] = set()  # the nodes of Lurah positions
        self.indikator_rows: dict[str, list[str]] = {}
        for jabatan, kinerja in tree.iter_kinerja():
            jid = str(jabatan.id)
            rejected = {str(t.ke) for _, t in kinerja.iter_links() if t.status is Status.DITOLAK}
            if rejected:  # a pair rejected on the kinerja or an indicator: for them all
                self.rejected[str(kinerja.id)] = rejected
                self.rejected.update((str(i.id), rejected) for i in kinerja.indikator)
            if jabatan.peran is Peran.LURAH:  # see _own_units
                self.lurah.add(str(kinerja.id))
                self.lurah.update(str(i.id) for i in kinerja.indikator)
            self._add(str(kinerja.id), kinerja.uraian, jid, "kinerja")
            self.kinerja_of[jid].append(str(kinerja.id))
            rows = self.indikator_rows[str(kinerja.id)] = []
            for ind in kinerja.indikator:
                self._add(str(ind.id), ind.uraian, jid, "indikator")
                self.indikator_of[jid].append(str(ind.id))
                rows.append(str(ind.id))
        self.weights = self._weights(tree)
        self.relative = self._relative(tree)
        most = 1.0 + math.log((len(self.phrases) + 1) / 2)
        self.rarity = {w: evidence_weight(x, most) for w, x in self.weights.items()}
        self.total = {node: total(p, self.weights) for node, p in self.phrases.items()}
        self._words: dict[str, set[str]] | None = None
        self._keys: dict[tuple[frozenset[str], bool], list[str]] | None = None
        self._holders: dict[tuple[frozenset[str], bool], set[str]] | None = None  # jabatan
        self._copies: Counter[tuple[str, str]] | None = None
        self._recur: dict[tuple[str, bool], frozenset[str]] = {}
        self._sibling: dict[tuple[tuple[frozenset[str], bool], str], frozenset[str]] = {}
        self._holding: dict[str, set[str]] | None = None
        self._generic: dict[str, bool] = {}
        self._under: Counter[str] | None = None
        self._subtree: dict[str, set[str]] | None = None
        self._levels: dict[str, frozenset[str]] = {}

    def _weights(self, tree: PohonKinerja) -> dict[str, float]:
        """Each root's rarity weight (:func:`idf`), a quarter for words of place.

        Words of place: the lexicon's ``kata_keterangan``, the unit words and the proper
        names of the organisation and its units ("Kebomas", "Tunggulunan").
        """
        self.df: Counter[str] = Counter(w for p in self.phrases.values() for w in p.words)
        n = len(self.phrases)
        weights = {w: 1.0 + math.log((n + 1) / (c + 1)) for w, c in self.df.items()}
        self.where = frozenset(stem(w) for w in self.lexicon.kata_tempat)  # see contained()
        self.place = place_words(tree, self.lexicon) & weights.keys()
        for word in self.place:
            weights[word] *= PLACE_WEIGHT
        return weights

    def _relative(self, tree: PohonKinerja) -> set[str]:
        """The nodes whose text, or whose kinerja's, is relative to its holder (bawahan...)."""
        words = frozenset(stem(w) for w in self.lexicon.kata_relatif)
        found = {n for n, p in self.phrases.items() if p.words & words}
        for _, kinerja in tree.iter_kinerja():
            if str(kinerja.id) in found:
                found.update(str(i.id) for i in kinerja.indikator)
        return found

    def _add(self, node: str, text: str, owner: str | None, jenis: str) -> None:
        self.phrases[node] = phrase(text, self.lexicon)
        self.owner[node] = owner
        self.jenis[node] = jenis

    def _unit(self, jid: str) -> str:
        """The unit a position belongs to, for telling template rows: its label and block.

        A unit is the block of positions sharing a label under one head. A label the
        decree gives several separate blocks (ten Sekretaris Kelurahan filed under one
        "Kelurahan (tidak disebut)", each under the Camat or under none) is as many units:
        each block belongs to a kelurahan of its own, only its name is unknown. Without a
        label, each position is its own unit.
        """
        label = self.jabatan[jid].unit
        if label is None:
            return jid
        head = jid
        for up in self.chain[jid]:
            if self.jabatan[up].unit != label:
                break
            head = up
        return f"{label}\x00{head}"

    # -- existing links -------------------------------------------------------------------

    def settled(self, node: Kinerja | Indikator) -> bool:
        """Whether a node already has a declared or confirmed link."""
        return any(
            link.asal is Asal.DEKLARASI or link.status is Status.DITERIMA for link in node.mendukung
        )

    def targets(self, node: Kinerja | Indikator) -> Iterator[str]:
        """What a node already supports through its active links (proposed ones too)."""
        return (str(link.ke) for link in node.mendukung if link.active and link.ke)

    def _rejected(self, node: str) -> set[str]:
        """The targets rejected for the node, its kinerja or that kinerja's indicators."""
        return self.rejected.get(node, _NONE)

    # -- the search order -----------------------------------------------------------------

    def kinerja_steps(self, jid: str) -> Iterator[tuple[str, Sequence[str]]]:
        """Where to look for a kinerja's target, in order (see :mod:`pokin.link`)."""
        chain = self.chain[jid]
        if not chain:
            yield "iku", self.iku_indikator
            yield "iku", self.iku_sasaran
            return
        yield "atasan", self.indikator_of[chain[0]]
        yield "kinerja-atasan", self.kinerja_of[chain[0]]
        for up in chain[1:]:
            yield "lompat-jenjang", self.indikator_of[up]
        yield "lompat-jenjang", self.iku_indikator

    def indikator_steps(self, jid: str) -> Iterator[tuple[str, Sequence[str]]]:
        """Where to look for an indicator copying a superior's: the chain's indicators."""
        chain = self.chain[jid]
        if not chain:
            yield "iku", self.iku_indikator
            return
        yield "atasan", self.indikator_of[chain[0]]
        for up in chain[1:]:
            yield "lompat-jenjang", self.indikator_of[up]
        yield "lompat-jenjang", self.iku_indikator

    def best(
        self,
        node: str,
        targets: Sequence[str],
        threshold: float,
        *,
        exclude: set[str],
        relasi: str,
    ) -> list[Candidate] | None:
        """The top-scoring targets at or above ``threshold`` (ties all kept).

        ``None`` when the top is a target in ``exclude`` (already supported): the search
        stops there rather than settle for something weaker further on.
        """
        rejected, words, phrases = self._rejected(node), self.phrases[node].words, self.phrases
        scored = [
            (s, t)
            for t in targets
            if not words.isdisjoint(phrases[t].words)  # cheap: most targets share nothing
            and t not in rejected
            and (s := self._score(node, t)) >= threshold
        ]
        if not scored:
            return []
        top = max(s for s, _ in scored)
        winners = [(s, t) for s, t in scored if s >= top - _TIE]
        if any(t in exclude for _, t in winners):
            return None
        return [Candidate(t, s, relasi) for s, t in sorted(winners, key=lambda w: -w[0])]

    def _score(self, node: str, target: str, *, typos: bool = True) -> float:
        """The score of ``node`` against ``target``: 0 when both texts are relative to
        their holders (a supervisory row each level repeats for its own staff) or share
        too little rare text (:data:`~pokin.link.EVIDENCE`)."""
        me, other = self.phrases[node], self.phrases[target]
        shared = me.words & other.words
        if not shared or (node in self.relative and target in self.relative):
            return 0.0
        if node in self.lurah and other_unit(me, other) and self._own_units(node, target):
            me, other = unscoped(me), unscoped(other)
        if (
            self.min_evidence
            and math.fsum(map(self.rarity.__getitem__, shared)) < self.min_evidence
            and (me.plain != other.plain or self._carried(node, target) < self.min_evidence)
        ):  # (_carried is 0 unless the texts are the same)
            return 0.0
        found = score(me, other, self.weights, lexicon=self.lexicon, items=typos, typo=typos)
        if found >= 1.0:
            return found
        part, held = self._held(me, other)  # held: only for a target that is no generic row
        found = max(found, part)
        return held if held > found and not self.generic(target) else found

    def _own_units(self, node: str, target: str) -> bool:
        """Whether a Lurah's text and his atasan's name each their holder's own unit: the
        Camat's "X di Kecamatan Z" restated as "X di Kelurahan Y" is the same result, for
        the Lurah's part of the area (a Lurah is the head of a kelurahan; staff of one are
        not: their text naming the kelurahan is their unit's own table)."""
        holder, up = self.owner[node], self.owner[target]
        if holder is None or up is None or self.jabatan[holder].peran is not Peran.LURAH:
            return False
        if up not in self.chain[holder]:
            return False
        mine, theirs = self._unit_level(holder), self._unit_level(up)
        return bool(
            mine
            and theirs
            and self.phrases[node].level <= mine
            and self.phrases[target].level <= theirs
        )

    def _unit_level(self, jid: str) -> frozenset[str]:
        """The level of government a position's unit names (kelurahan, kecamatan...)."""
        found = self._levels.get(jid)
        if found is None:
            found = self._levels[jid] = phrase(self.jabatan[jid].unit or "", self.lexicon).level
        return found

    # -- crosscutting ---------------------------------------------------------------------

    def crosscutting(
        self, kid: str, jid: str, threshold: float, taken: set[str]
    ) -> list[Candidate]:
        """The one indicator of another unit that a kinerja plainly carries, if any.

        The text must fit one indicator of the whole tree outside the chain: a text that
        several positions carry is a template, and a template proves nothing. Only exact
        words count here (typos are forgiven within the chain only).
        """
        me = self.phrases[kid]
        mine = {jid, *self.chain[jid]}
        rejected = self._rejected(kid) | taken
        found = sorted(t for t in self._retrieve(me, threshold) if self.owner[t] not in mine)
        # score the few targets that could be carried first, the rest only to rule out ties
        kinds = {_KIND[self.jabatan[j].peran] for j in mine}
        owners = {str(self.owner[t]) for t in found}
        allowed = {o for o in owners if self._eligible(o, len(self.chain[jid]), kinds)}
        eligible = [t for t in found if self.owner[t] in allowed]
        hits = [
            Candidate(t, s, "crosscutting")
            for t in eligible
            if t not in rejected and (s := self._score(kid, t, typos=False)) >= threshold
        ]
        if len(hits) != 1:
            return []
        for other in found:
            if other != hits[0].ke and self._score(kid, other, typos=False) >= threshold:
                return []  # several positions carry the text: a template
        if self._copied(kid, jid, str(self.owner[hits[0].ke])):
            return []  # the text of that unit's own table
        return hits

    def _eligible(self, owner: str, depth: int, kinds: set[str]) -> bool:
        """Whether a position outside the chain may receive crosscutting support."""
        return (
            len(self.chain[owner]) <= depth  # not below: support flows up
            and owner in self.bawahan  # a leaf's indicators are not for carrying
            and _KIND[self.jabatan[owner].peran] not in kinds  # no namesake of the chain
        )

    def atasan_guessed(self, jid: str) -> bool:
        """Whether the importer guessed the position's atasan (the decree did not say)."""
        return "atasan" in self.jabatan[jid].inferensi

    def outside_guessed_chain(
        self, kid: str, jid: str, threshold: float, taken: set[str]
    ) -> list[Candidate]:
        """The one indicator a kinerja plainly carries when its atasan was only guessed.

        The guessed chain proves nothing, so the guards on it (a target not below the
        position in the chart, with subordinates of its own, of another kind than every
        position of the chain) give way to ones on the position itself: the text scores at
        least ``threshold`` (exact words only) against exactly one indicator of the whole
        tree outside the chain; that indicator's position ranks above the kinerja's own by
        its kind of post (a Pengadministrasi under a Kasi, a Kasi under a Sekretaris or the
        Camat: never a namesake), is not in the block of another kelurahan, and has no
        kinerja under it with the same text (then the text is a copy of that unit's table).
        """
        me = self.phrases[kid]
        mine = {jid, *self.chain[jid]}
        found = [t for t in self._retrieve(me, threshold) if self.owner[t] not in mine]
        scored = ((t, self._score(kid, t, typos=False)) for t in found)
        hits = [(t, s) for t, s in scored if s >= threshold]
        if len(hits) != 1 or hits[0][0] in self._rejected(kid) | taken:
            return []  # nothing, or several positions carry the text: a template
        target, skor = hits[0]
        owner = str(self.owner[target])
        rank = _RANK[_KIND[self.jabatan[owner].peran]]
        if (
            rank >= _RANK[_KIND[self.jabatan[jid].peran]]
            or (self._in_kelurahan(owner) and self.unit[owner] != self.unit[jid])
            or self._copied(kid, jid, owner)
        ):
            return []
        return [Candidate(target, skor, "crosscutting", atasan_ditebak=True)]

    def _in_kelurahan(self, jid: str) -> bool:
        """Whether a position belongs to a kelurahan (or desa) block."""
        jabatan = self.jabatan[jid]
        return jabatan.peran in _KELURAHAN or bool(
            phrase(jabatan.unit or "", self.lexicon).level & {"kelurahan", "desa"}
        )

    def _retrieve(self, me: Phrase, threshold: float) -> set[str]:
        """The indicators that could score ``threshold`` against ``me`` (exact words).

        A word of ``me`` weighing more than ``1 - threshold`` of its total must be in any
        such indicator (the weighted Jaccard index could not reach the bar without it):
        the candidates are the indicators holding all of them. Without such a word, the
        candidates share a word of the prefix the bar needs (prefix filtering).
        """
        if self._words is None:
            self._words = defaultdict(set)
            for node, p in self.phrases.items():
                if self.jenis[node] == "indikator" and self.owner[node] is not None:
                    for w in p.words:
                        self._words[w].add(node)
        ranked = sorted(me.words, key=lambda w: (-self.weights.get(w, 1.0), w))
        total = sum(self.weights.get(w, 1.0) for w in ranked) + LEAD_WEIGHT * bool(me.lead)
        allowed = (1.0 - threshold) * total
        required = [w for w in ranked if self.weights.get(w, 1.0) > allowed]
        if required:
            postings = sorted((self._words.get(w, set()) for w in required), key=len)
            return set(postings[0]).intersection(*postings[1:])
        cum, found = 0.0, set[str]()
        for w in ranked:
            found.update(self._words.get(w, ()))
            cum += self.weights.get(w, 1.0)
            if cum > allowed:
                break
        return found

    def _copied(self, kid: str, jid: str, owner: str) -> bool:
        """Whether a kinerja under ``owner`` has the same text (the unit's own table)."""
        if self._keys is None:
            self._keys = defaultdict(list)
            for node, p in self.phrases.items():
                if self.jenis[node] == "kinerja":
                    self._keys[p.key].append(str(self.owner[node]))
        return any(
            other != jid and owner in self.chain[other]
            for other in self._keys[self.phrases[kid].key]
        )
