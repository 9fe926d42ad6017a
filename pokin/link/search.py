"""The search within the atasan chain, step by step (see :mod:`pokin.link`). A mixin of
:class:`~pokin.link.index.LinkIndex`, which holds the attributes declared here.

A node meets the few dozen texts of its own superiors, never the whole tree, and most of
them not even that: a pair scores 0 unless the texts share enough rare words
(:data:`~pokin.link.EVIDENCE`) or are the same text, so only the node's *strong* words
count for finding candidates (:meth:`Search.strong`: without one of them the shared
rarity cannot reach the bar). A node sharing no strong word with any text of its whole
chain, nor its text, is answered before any step is tried (:meth:`Search.hopeless`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .similarity import Phrase, drops_clause

__all__ = ["Candidate", "Search"]

_TIE = 0.05
"""Targets scoring within this of the best are proposed with it: the text fits them all."""
CLEAR = 0.72
"""A kinerja none of whose texts reaches the threshold still links to its atasan's one
indicator that scores at least this share of the threshold (0,5 at the default 0,7)..."""
MARGIN = 0.6
"""...when every other text of the atasan scores at most this share of that one."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A target found for a node: its id, the score and the step that found it."""

    ke: str
    skor: float
    relasi: str
    atasan_ditebak: bool = False  # found because the position's atasan was only guessed
    sendiri: bool = False  # under the threshold, but the atasan's one text near (clear_best)


class Search:
    """Where a node's target is looked for, in order, and the best of each step."""

    chain: dict[str, list[str]]
    phrases: dict[str, Phrase]
    rarity: dict[str, float]
    min_evidence: float
    indikator_of: dict[str, list[str]]
    kinerja_of: dict[str, list[str]]
    iku_indikator: list[str]
    iku_sasaran: list[str]
    _score: Callable[..., float]
    _rejected: Callable[[str], set[str]]
    relative: set[str]
    jenis: dict[str, str]
    indikator_rows: dict[str, list[str]]
    with_kinerja: Callable[[list[str]], list[str]]
    generic: Callable[[str], bool]
    _strong: dict[frozenset[str], frozenset[str]]
    _nearest: dict[str, float]
    _reach: dict[tuple[str, bool], tuple[frozenset[str], frozenset[str]]]

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
        rejected, phrases = self._rejected(node), self.phrases
        strong, plain = self.strong(node), phrases[node].plain
        every = [
            (self._score(node, t), t)
            for t in targets
            # cheap: most targets share no strong word, and then score 0
            if (not strong.isdisjoint(phrases[t].words) or phrases[t].plain == plain)
            and t not in rejected
        ]
        if every:  # for near_atasan: the best the node's search has met so far
            self._nearest[node] = max(self._nearest.get(node, 0.0), *(s for s, _ in every))
        scored = [(s, t) for s, t in every if s >= threshold]
        if not scored:
            return []
        top = max(s for s, _ in scored)
        winners = [(s, t) for s, t in scored if s >= top - _TIE]
        if any(t in exclude for _, t in winners):
            return None
        return [Candidate(t, s, relasi) for s, t in sorted(winners, key=lambda w: -w[0])]

    def near_atasan(self, node: str, jid: str, bar: float) -> bool:
        """Whether a text of ``jid``'s direct atasan (an indicator or a kinerja) scores at
        least ``bar`` against ``node``: the cascade passes through him. Asked before the
        node's first step past the atasan: the texts of his its search met are read from
        :meth:`best`, the rest (his kinerja, for an indicator) scored here."""
        chain = self.chain[jid]
        if not chain:
            return False
        if self._nearest.get(node, 0.0) >= bar:
            return True
        strong, phrases = self.strong(node), self.phrases
        return any(
            not strong.isdisjoint(phrases[t].words) and self._score(node, t) >= bar
            for t in self.kinerja_of[chain[0]]
        )

    def clear_best(self, kinerja: str, jid: str, threshold: float) -> Candidate | None:
        """The one indicator of the atasan a kinerja row paraphrases, below ``threshold``.

        Planners paraphrase: "Meningkatnya penegakan Perda dan Perkada" carries the Camat's
        "Persentase pelanggaran Perda dan Perkada yang ditindaklanjuti" with no measure and
        another verb, and scores under the threshold. When no text of the row (the kinerja
        and its indicators) reached the threshold anywhere, the best of the atasan's
        indicators is still proposed if the row scores at least ``CLEAR * threshold``
        against it, the kinerja's own text shares rare words with it (a row linked only
        by one of its indicators, "Jumlah laporan ...", says nothing of the kinerja), it
        is no generic row, and every other text of the atasan (its kinerja aside) scores at
        most ``MARGIN`` of it: the one place the row points at. A row holding the thing a
        "yang" clause of the target qualifies and nothing of the clause
        (:func:`~pokin.link.similarity.drops_clause`) is about the thing, not the measure.
        Never for a text relative to its holder (bawahan), nor past the direct atasan.
        """
        chain = self.chain[jid]
        if not chain or kinerja in self.relative:
            return None
        up, rows = chain[0], [kinerja, *self.indikator_rows[kinerja]]
        rejected, phrases = self._rejected(kinerja), self.phrases
        strong = [(n, self.strong(n)) for n in rows]
        scored: list[tuple[float, str]] = []
        for target in (*self.indikator_of[up], *self.kinerja_of[up]):
            words = phrases[target].words
            s = max(
                (self._score(n, target) for n, mine in strong if not mine.isdisjoint(words)),
                default=0.0,
            )
            if s > 0:
                scored.append((s, target))
        indicators = [(s, t) for s, t in scored if self.jenis[t] == "indikator"]
        if not indicators:
            return None
        best, target = max(indicators)
        if best < CLEAR * threshold or target in rejected:
            return None
        row = self.with_kinerja([target])[-1]  # the target's kinerja says it too
        if any(s > MARGIN * best for s, t in scored if t not in (target, row)):
            return None
        if self._score(kinerja, target) <= 0 or self.generic(target):
            return None
        if drops_clause(phrases[target], [phrases[n] for n in rows]):
            return None  # the thing the target measures, with what it measures dropped
        return Candidate(target, best, "atasan", sendiri=True)

    def strong(self, node: str) -> frozenset[str]:
        """The words of ``node`` a text must share one of to score above 0 against it,
        unless it is the same text (kept per set of words).

        ``_score`` gives 0 to a pair whose shared words' rarity sums under
        ``min_evidence`` (the same text aside): the node's rarest-first words are left
        out while their own rarity sums under it, so a text sharing only those fails.
        """
        words = self.phrases[node].words
        found = self._strong.get(words)  # (the same for every text of these words)
        if found is None:
            weak: list[str] = []
            if self.min_evidence:
                rarity, held = self.rarity, list[float]()
                for weight, word in sorted([(rarity[w], w) for w in words]):
                    held.append(weight)
                    if math.fsum(held) >= self.min_evidence:
                        break
                    weak.append(word)
            found = self._strong[words] = words.difference(weak)
        return found

    def hopeless(self, node: str, jid: str, *, kinerja: bool) -> bool:
        """Whether no step of ``jid``'s search (:meth:`kinerja_steps` for a kinerja,
        :meth:`indikator_steps` for an indicator) can find anything for ``node``: no text
        of the whole chain is its text, and the words it shares with all of them together
        are too few or too common to pass the evidence bar of ``_score``."""
        words, plains = self._reach_of(jid, kinerja)
        me = self.phrases[node]
        if me.plain in plains:
            return False
        shared = me.words & words
        if not self.min_evidence or not shared:
            return not shared
        return math.fsum(map(self.rarity.__getitem__, shared)) < self.min_evidence

    def _reach_of(self, jid: str, kinerja: bool) -> tuple[frozenset[str], frozenset[str]]:
        """The words and the texts of every target of ``jid``'s steps (kept per position):
        an indicator's are its atasan's indicators and the atasan's own reach, a
        kinerja's add the atasan's kinerja."""
        found = self._reach.get((jid, kinerja))
        if found is not None:
            return found
        chain = self.chain[jid]
        if chain and self.chain[chain[0]] == chain[1:]:  # (not so in a circle of atasan)
            up = chain[0]
            words, plains = self._reach_of(up, False)
            more = [self.phrases[t] for t in self.indikator_of[up]]
            if kinerja:
                more += [self.phrases[t] for t in self.kinerja_of[up]]
        else:
            words, plains = frozenset(), frozenset()
            steps = self.kinerja_steps(jid) if kinerja else self.indikator_steps(jid)
            more = [self.phrases[t] for _, targets in steps for t in targets]
        found = self._reach[(jid, kinerja)] = (
            words.union(*(p.words for p in more)),
            plains.union(p.plain for p in more),
        )
        return found
