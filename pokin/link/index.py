"""The search structures behind :func:`pokin.link.infer_links`.

:class:`LinkIndex` reads a tree once: the normalised text of every node, the word weights,
the atasan chain and depth of every position, the links already there, and an inverted
index of the indicators' words for the crosscutting search.

The reasons of a proposal are written by :mod:`pokin.link.reasons`. The search never
compares everything with everything: within the chain (:mod:`pokin.link.search`) a node
meets the few dozen texts of its own superiors, those sharing none of its strong words
skipped before scoring; across units (:mod:`pokin.link.across`), candidates come from the
inverted index: the indicators holding every word of the node heavy enough that the bar
cannot be reached without it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..models import Asal, Indikator, Jabatan, Kinerja, Peran, PohonKinerja, Status
from .across import KIND, Crosscutting
from .copies import PLACE_WEIGHT, TEMPLATE_UNITS, Copies
from .holds import Holds, chains, place_words, proper_names
from .lexicon import DEFAULT, Lexicon
from .search import Candidate, Search
from .similarity import Phrase, evidence_weight, other_unit, score, shortened, unscoped
from .text import phrase, stem

__all__ = ["Candidate", "LinkIndex"]


TEMPLATE = TEMPLATE_UNITS
"""From how many other units holding the same text on, a reason warns of a template row."""
_NONE: set[str] = set()


class LinkIndex(Search, Crosscutting, Copies, Holds):
    """Everything :func:`~pokin.link.infer_links` looks up, built once per tree."""

    def __init__(
        self, tree: PohonKinerja, *, lexicon: Lexicon = DEFAULT, min_evidence: float = 0.0
    ) -> None:
        self.lexicon = lexicon
        self.min_evidence = min_evidence
        self.jabatan: dict[str, Jabatan] = {str(j.id): j for j in tree.jabatan}
        self.chain: dict[str, list[str]] = chains(self.jabatan)
        self.unit: dict[str, str] = {jid: self._unit(jid) for jid in self.jabatan}
        self.kind = {jid: KIND[j.peran] for jid, j in self.jabatan.items()}
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
            rejected = (
                {str(t.ke) for _, t in kinerja.iter_links() if t.status is Status.DITOLAK}
                if kinerja.mendukung or any(i.mendukung for i in kinerja.indikator)
                else _NONE
            )
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
        self._forget()

    def _forget(self) -> None:
        """Empty the indexes and answers built on the first question that needs them."""
        self._words: dict[str, set[int]] | None = None
        self._texts_of: list[tuple[Phrase, list[str]]] = []
        self._keys: dict[tuple[frozenset[str], bool], list[str]] | None = None
        self._holders: dict[tuple[frozenset[str], bool], set[str]] | None = None  # jabatan
        self._copies: Counter[tuple[str, str]] | None = None
        self._recur: dict[tuple[str, bool], tuple[int, dict[str, int]]] = {}
        self._units_of: dict[tuple[frozenset[str], bool], Counter[str]] = {}
        self._under_of: dict[str | None, list[str]] | None = None
        self._units: dict[tuple[str, str], int] = {}
        self._carry: dict[tuple[str, str], float] = {}
        self._sibling: dict[tuple[tuple[frozenset[str], bool], str], frozenset[str]] = {}
        self._holding: dict[str, set[str]] | None = None
        self._generic: dict[str, bool] = {}
        self._under: Counter[str] | None = None
        self._subtree: dict[str, set[str]] | None = None
        self._read: dict[str, frozenset[str]] | None = None
        self._levels: dict[str, frozenset[str]] = {}
        self._strong: dict[frozenset[str], frozenset[str]] = {}
        self._nearest: dict[str, float] = {}  # see Search.near_atasan
        self._reach: dict[tuple[str, bool], tuple[frozenset[str], frozenset[str]]] = {}
        self._row_of: dict[str, str] | None = None
        self._pairs: dict[tuple[int, int, bool, bool], tuple[float, float]] = {}
        self._rare: dict[tuple[int, int], float | None] = {}
        self._unscoped_of: dict[int, tuple[Phrase, Phrase]] = {}  # (the text kept alive)

    def read_whole(self) -> None:
        """Build now the structures read from the whole tree that most searches build on
        their first question: searches forked after this find them, rather than each
        reading the tree again. (Those few trees need are left to be built there: the
        word index of :meth:`_holding_all`, the kinerja texts of :meth:`_copied`.)"""
        if self._words is None:
            self._index_texts()
        self._copy_counts()
        self._all_holders()
        self._children()
        self._read_words()
        self._nodes_below("")
        self._below("")
        self.with_kinerja([])

    def _weights(self, tree: PohonKinerja) -> dict[str, float]:
        """Each root's rarity weight (:func:`idf`), a quarter for words of place.

        Words of place: the lexicon's ``kata_keterangan``, the unit words and the proper
        names of the organisation and its units ("Kebomas", "Tunggulunan").
        """
        self.df: Counter[str] = Counter(
            itertools.chain.from_iterable(p.words for p in self.phrases.values())
        )
        n = len(self.phrases)
        weights = {w: 1.0 + math.log((n + 1) / (c + 1)) for w, c in self.df.items()}
        self.where = frozenset(stem(w) for w in self.lexicon.kata_tempat)  # see contained()
        self.place = place_words(tree, self.lexicon) & weights.keys()
        self.where |= self.place & proper_names(tree)  # a unit's name, left out below it
        for word in self.place:
            weights[word] *= PLACE_WEIGHT
        return weights

    def _relative(self, tree: PohonKinerja) -> set[str]:
        """The nodes whose text, or whose kinerja's, is relative to its holder (bawahan...)."""
        words = frozenset(stem(w) for w in self.lexicon.kata_relatif)
        found = {n for n, p in self.phrases.items() if not p.words.isdisjoint(words)}
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
        return bool(node.mendukung) and any(
            link.asal is Asal.DEKLARASI or link.status is Status.DITERIMA for link in node.mendukung
        )

    def targets(self, node: Kinerja | Indikator) -> Iterator[str]:
        """What a node already supports through its active links (proposed ones too)."""
        return (str(link.ke) for link in node.mendukung if link.active and link.ke)

    def _rejected(self, node: str) -> set[str]:
        """The targets rejected for the node, its kinerja or that kinerja's indicators."""
        return self.rejected.get(node, _NONE)

    # -- the search order -----------------------------------------------------------------

    def _score(self, node: str, target: str, *, typos: bool = True) -> float:
        """The score of ``node`` against ``target``: 0 when both texts are relative to
        their holders (a supervisory row each level repeats for its own staff) or share
        too little rare text (:data:`~pokin.link.EVIDENCE`)."""
        return self._judged(target, *self._scores(node, target, typos))

    def _judged(self, target: str, found: float, held: float) -> float:
        """The score of a pair from :meth:`_scores`: ``held`` counts for a target that is
        no generic row."""
        return held if held > found and not self.generic(target) else found

    def _scores(self, node: str, target: str, typos: bool) -> tuple[float, float]:
        """:meth:`_score` but for the last step: the score of the texts and of their
        parts, and the score of ``target`` held whole in ``node`` (0 when not asked)."""
        me, other = self.phrases[node], self.phrases[target]
        shared = self._shared(me, other)
        if shared is None or (node in self.relative and target in self.relative):
            return 0.0, 0.0
        scoped = node in self.lurah and other_unit(me, other) and self._own_units(node, target)
        if scoped:
            me, other = self._unscoped(me), self._unscoped(other)
        if (
            self.min_evidence
            and shared < self.min_evidence
            and (me.plain != other.plain or self._carried(node, target) < self.min_evidence)
        ):  # (_carried is 0 unless the texts are the same)
            return 0.0, 0.0
        shorten = node in self.lurah and self.jenis[target] == "kinerja"
        shorten = shorten and not other_unit(me, other)
        key = (id(me), id(other), typos, shorten)  # phrases kept: alive as long
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._texts(me, other, typos, shorten)
        return found

    def _unscoped(self, p: Phrase) -> Phrase:
        """:func:`unscoped` of a text of the tree (kept)."""
        found = self._unscoped_of.get(id(p))
        if found is None:
            found = self._unscoped_of[id(p)] = (p, unscoped(p))
        return found[1]

    def _shared(self, me: Phrase, other: Phrase) -> float | None:
        """The rarity of the words two texts of the tree share, ``None`` for none (kept
        per pair: the copies of a text in every block meet the same superiors' texts)."""
        key = (id(me), id(other))
        if key in self._rare:
            return self._rare[key]
        shared = me.words & other.words
        found = self._rare[key] = (
            math.fsum(map(self.rarity.__getitem__, shared)) if shared else None
        )
        return found

    def _texts(self, me: Phrase, other: Phrase, typos: bool, shorten: bool) -> tuple[float, float]:
        """:meth:`_scores` of two texts past the evidence bar: theirs alone."""
        found = score(me, other, self.weights, lexicon=self.lexicon, items=typos, typo=typos)
        if shorten:
            found = max(found, shortened(other, me, self.weights, place=self.place))
        if found >= 1.0:
            return found, 0.0
        part, held = self._held(me, other)  # held: only for a target that is no generic row
        return max(found, part), held

    def with_kinerja(self, nodes: list[str]) -> list[str]:
        """``nodes`` and the kinerja holding each indicator among them: a text that
        kinerja restates is reached through a link to its indicator."""
        if self._row_of is None:
            self._row_of = {i: k for k, rows in self.indikator_rows.items() for i in rows}
        return [*nodes, *(self._row_of[n] for n in nodes if n in self._row_of)]

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
