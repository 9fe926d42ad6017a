"""The search outside the atasan chain (crosscutting links). A mixin of
:class:`~pokin.link.index.LinkIndex`, which holds the attributes declared here.

Candidates come from an inverted index of the indicators' words: the indicators holding
every word of the node heavy enough that the bar cannot be reached without it (or, without
such a word, a word of the prefix the bar needs), never all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..models import Jabatan, Peran
from .lexicon import Lexicon
from .search import Candidate
from .similarity import LEAD_WEIGHT, Phrase
from .text import phrase

__all__ = ["KIND", "Crosscutting"]

KIND = {
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


class Crosscutting:
    """The one indicator of another unit a kinerja plainly carries, found by its words."""

    jabatan: dict[str, Jabatan]
    chain: dict[str, list[str]]
    unit: dict[str, str]
    bawahan: set[str | None]
    phrases: dict[str, Phrase]
    owner: dict[str, str | None]
    jenis: dict[str, str]
    weights: dict[str, float]
    lexicon: Lexicon
    _score: Callable[..., float]
    _rejected: Callable[[str], set[str]]
    strong: Callable[[str], frozenset[str]]
    _words: dict[str, set[str]] | None
    _keys: dict[tuple[frozenset[str], bool], list[str]] | None

    def crosscutting(
        self, kid: str, jid: str, threshold: float, taken: set[str]
    ) -> list[Candidate]:
        """The one indicator of another unit that a kinerja plainly carries, if any.

        The text must fit one indicator of the whole tree outside the chain: a text that
        several positions carry is a template, and a template proves nothing. Only exact
        words count here (typos are forgiven within the chain only).
        """
        found = sorted(self._outside(kid, jid, threshold))
        if not found:
            return []
        mine = {jid, *self.chain[jid]}
        rejected = self._rejected(kid) | taken
        # score the few targets that could be carried first, the rest only to rule out ties
        kinds = {KIND[self.jabatan[j].peran] for j in mine}
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

    def _outside(self, kid: str, jid: str, threshold: float) -> list[str]:
        """The indicators outside ``jid``'s chain that could score ``threshold`` against
        ``kid``, and above 0 at all: sharing one of its strong words (:meth:`strong`).

        Only the same text as the atasan's own escapes the evidence bar (``_carried``),
        and the atasan is in the chain: a kinerja without strong words matches nothing
        here, and is answered before the index is asked.
        """
        strong = self.strong(kid)
        if not strong:
            return []
        mine = {jid, *self.chain[jid]}
        phrases, owner = self.phrases, self.owner
        return [
            t
            for t in self._retrieve(phrases[kid], threshold)
            if owner[t] not in mine and not strong.isdisjoint(phrases[t].words)
        ]

    def _eligible(self, owner: str, depth: int, kinds: set[str]) -> bool:
        """Whether a position outside the chain may receive crosscutting support."""
        return (
            len(self.chain[owner]) <= depth  # not below: support flows up
            and owner in self.bawahan  # a leaf's indicators are not for carrying
            and KIND[self.jabatan[owner].peran] not in kinds  # no namesake of the chain
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
        found = self._outside(kid, jid, threshold)
        scored = ((t, self._score(kid, t, typos=False)) for t in found)
        hits = [(t, s) for t, s in scored if s >= threshold]
        if len(hits) != 1 or hits[0][0] in self._rejected(kid) | taken:
            return []  # nothing, or several positions carry the text: a template
        target, skor = hits[0]
        owner = str(self.owner[target])
        rank = _RANK[KIND[self.jabatan[owner].peran]]
        if (
            rank >= _RANK[KIND[self.jabatan[jid].peran]]
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
        weight = self.weights.get
        ranked = sorted([(-weight(w, 1.0), w) for w in me.words])  # heaviest first
        total = sum(-x for x, _ in ranked) + LEAD_WEIGHT * bool(me.lead)
        allowed = (1.0 - threshold) * total
        required = [w for x, w in ranked if -x > allowed]
        if required:
            postings = []
            for w in required:
                holders = self._words.get(w)
                if not holders:
                    return set()  # a word no indicator holds
                postings.append(holders)
            postings.sort(key=len)
            return postings[0].intersection(*postings[1:])
        cum, found = 0.0, set[str]()
        for x, w in ranked:
            found.update(self._words.get(w, ()))
            cum -= x
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
