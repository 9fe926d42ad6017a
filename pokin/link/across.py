"""The search outside the atasan chain (crosscutting links). A mixin of
:class:`~pokin.link.index.LinkIndex`, which holds the attributes declared here.

Candidates come from an inverted index of the indicators' texts' words: the texts holding
every word of the node heavy enough that the bar cannot be reached without it (or, without
such a word, a word of the prefix the bar needs), never all pairs; each text is scored
once, however many indicators hold it.
"""

from __future__ import annotations

import itertools
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
    relative: set[str]
    _scores: Callable[[str, str, bool], tuple[float, float]]
    _judged: Callable[[str, float, float], float]
    _rejected: Callable[[str], set[str]]
    strong: Callable[[str], frozenset[str]]
    _words: dict[str, set[int]] | None
    _texts_of: list[tuple[Phrase, list[str]]]
    _keys: dict[tuple[frozenset[str], bool], list[str]] | None

    def crosscutting(
        self, kid: str, jid: str, threshold: float, taken: set[str]
    ) -> list[Candidate]:
        """The one indicator of another unit that a kinerja plainly carries, if any.

        The text must fit one indicator of the whole tree outside the chain: a text that
        several positions carry is a template, and a template proves nothing. Only exact
        words count here (typos are forgiven within the chain only).
        """
        found = self._single_outside(kid, jid, threshold)
        if found is None:
            return []
        target, skor = found
        owner = str(self.owner[target])
        kinds = {KIND[self.jabatan[j].peran] for j in (jid, *self.chain[jid])}
        if (
            not self._eligible(owner, len(self.chain[jid]), kinds)
            or target in self._rejected(kid) | taken
            or self._copied(kid, jid, owner)  # the text of that unit's own table
        ):
            return []
        return [Candidate(target, skor, "crosscutting")]

    def _single_outside(self, kid: str, jid: str, threshold: float) -> tuple[str, float] | None:
        """The one indicator outside ``jid``'s chain scoring ``threshold`` against ``kid``
        (exact words) and its score; ``None`` for none or several (a template).

        Candidates share one of ``kid``'s strong words (:meth:`strong`): only the same text
        as the atasan's own escapes the evidence bar (``_carried``), and the atasan is in
        the chain. They are read as texts (:meth:`_texts_like`): outside the chain a pair's
        score depends on the target only through its text, whether that is relative to its
        holder, and whether it is a generic row (the chain's own evidence, ``_carried`` and
        ``_own_units``, never applies), so the copies of a text in every block or every
        kecamatan of a kabupaten cost one score, and a second hit ends the search.
        """
        strong = self.strong(kid)
        if not strong:
            return None
        mine = {jid, *self.chain[jid]}
        groups = self._retrieve(self.phrases[kid], threshold)
        owner, texts = self.owner, self._texts_of  # (built by the first _retrieve)
        hit: tuple[str, float] | None = None
        for group in groups:
            text, nodes = texts[group]
            if strong.isdisjoint(text.words):
                continue
            outside = (t for t in nodes if owner[t] not in mine)
            first = next(outside, None)
            if first is None:
                continue
            found, held = self._scores(kid, first, False)
            if max(found, held) < threshold:
                continue
            if found >= threshold:  # every one a hit (held counts or not)
                if hit is not None or next(outside, None) is not None:
                    return None  # several positions carry the text: a template
                hit = (first, self._judged(first, found, held))
                continue
            for target in itertools.chain((first,), outside):  # a hit where held counts
                skor = self._judged(target, found, held)
                if skor >= threshold:
                    if hit is not None:
                        return None  # several positions carry the text: a template
                    hit = (target, skor)
        return hit

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
        found = self._single_outside(kid, jid, threshold)
        if found is None or found[0] in self._rejected(kid) | taken:
            return []  # nothing, or several positions carry the text: a template
        target, skor = found
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

    def _retrieve(self, me: Phrase, threshold: float) -> set[int]:
        """The texts of indicators that could score ``threshold`` against ``me`` (exact
        words), as indexes into :attr:`_texts_of`.

        A word of ``me`` weighing more than ``1 - threshold`` of its total must be in any
        such text (the weighted Jaccard index could not reach the bar without it): the
        candidates are the texts holding all of them. Without such a word, the candidates
        share a word of the prefix the bar needs (prefix filtering).
        """
        if self._words is None:
            self._index_texts()
        assert self._words is not None
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
        cum, found = 0.0, set[int]()
        for x, w in ranked:
            found.update(self._words.get(w, ()))
            cum -= x
            if cum > allowed:
                break
        return found

    def _index_texts(self) -> None:
        """The indicators of positions grouped by text (and by whether it is relative to
        its holder: scored alike), and an inverted index of the texts' words."""
        groups: dict[tuple[int, bool], int] = {}
        self._texts_of, self._words = [], defaultdict(set)
        for node, p in self.phrases.items():
            if self.jenis[node] == "indikator" and self.owner[node] is not None:
                key = (id(p), node in self.relative)
                group = groups.get(key)
                if group is None:
                    group = groups[key] = len(self._texts_of)
                    self._texts_of.append((p, []))
                    for w in p.words:
                        self._words[w].add(group)
                self._texts_of[group][1].append(node)

    def _copied(self, kid: str, jid: str, owner: str) -> bool:
        """Whether a kinerja under ``owner`` has the same text (the unit's own table)."""
        return any(
            other != jid and owner in self.chain[other]
            for other in self._kinerja_keys()[self.phrases[kid].key]
        )

    def _kinerja_keys(self) -> dict[tuple[frozenset[str], bool], list[str]]:
        """The positions holding each kinerja text (read once)."""
        if self._keys is None:
            self._keys = defaultdict(list)
            for node, p in self.phrases.items():
                if self.jenis[node] == "kinerja":
                    self._keys[p.key].append(str(self.owner[node]))
        return self._keys
