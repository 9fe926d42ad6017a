"""A superior's text held whole in a subordinate's, among words of its own: when that is
evidence of a link. A mixin of :class:`~pokin.link.index.LinkIndex`, which holds the
attributes declared here.

A subordinate restates its superior's text and adds to it: a purpose or means clause
("... dalam rangka ...", "melalui ...", "sesuai ..."), a list item, a deadline. So a
node is also compared part by part (the text before each clause it adds, and each
clause: :attr:`~pokin.link.text.Phrase.parts`), and the target held whole in it counts
(:func:`~pokin.link.similarity.contained`). A part restating the target is judged as the
same text without the clause would be. Holding the target whole among words of one's own
counts only for a target that is not a generic row (:meth:`Holds.generic`): "Jumlah
kegiatan yang dilaksanakan" is held whole by every "Terlaksananya kegiatan ..." below it,
and holding it proves nothing. A row restated down the chart for each subordinate's own
unit (every Lurah carrying the Camat's "koordinasi pelaksanaan program" for his
kelurahan) is that row's cascade, and does not make it generic.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..models import Jabatan
from .lexicon import Lexicon
from .similarity import Phrase, contained, score

__all__ = ["GENERIC", "GENERIC_SHARE", "Holds"]

GENERIC = 3
"""A text whose words recur in the texts of more positions than this below its own, and
more than :data:`GENERIC_SHARE` of them, is a generic row ("Jumlah kegiatan yang
dilaksanakan"): a subordinate holding it among words of its own (a clause, a list item)
is no evidence of a link."""
GENERIC_SHARE = 1 / 3
"""See :data:`GENERIC`."""


class Holds:
    """Scores of a target held whole in a node or a part of it; generic targets told."""

    jabatan: dict[str, Jabatan]
    chain: dict[str, list[str]]
    phrases: dict[str, Phrase]
    owner: dict[str, str | None]
    place: set[str]
    where: frozenset[str]
    weights: dict[str, float]
    rarity: dict[str, float]
    lexicon: Lexicon
    min_evidence: float
    _holding: dict[str, set[str]] | None
    _generic: dict[str, bool]
    _under: Counter[str] | None

    def _held(self, me: Phrase, other: Phrase) -> tuple[float, float]:
        """How ``me`` restates ``other`` part by part, and holds it whole.

        The best score of a part of ``me`` (the text before a clause it adds, or the
        clause) against ``other``: a part restating it is judged as a whole text would
        be. And the best score of ``other`` held whole among words of ``me``'s own, in
        ``me`` or a part (:func:`contained`): evidence only for a target that is no
        generic row (the caller's to tell, :meth:`generic`).
        """
        part_best = held_best = 0.0
        for part in (me, *me.parts):
            shared = part.words & other.words
            if not shared or math.fsum(map(self.rarity.__getitem__, shared)) < self.min_evidence:
                continue
            held = contained(other, part, self.weights, lexicon=self.lexicon, place=self.where)
            held_best = max(held_best, held)
            if part is not me:
                part_best = max(part_best, score(part, other, self.weights, lexicon=self.lexicon))
        return part_best, held_best

    def generic(self, target: str) -> bool:
        """Whether the words of ``target`` (those of place aside) recur in the texts of
        more than :data:`GENERIC` positions below its own (below the top for the IKU).

        A text below that is the target's own said of another unit (the same words once
        those of place are aside, while the target's names its own unit) is its cascade,
        not a use of its words, and does not count. Word-for-word copies do count: the
        boilerplate every block repeats ("Jumlah bahan-bahan pelaksanaan tugas").
        """
        found = self._generic.get(target)
        if found is not None:
            return found
        if self._holding is None:
            self._holding = defaultdict(set)
            for node, p in self.phrases.items():
                if self.owner[node] is not None:
                    for w in p.words | p.roots:
                        self._holding[w].add(node)
        required = [w for w in self.phrases[target].words if w not in self.place]
        up = self.owner[target]
        postings = sorted((self._holding.get(w, _EMPTY) for w in required), key=len)
        holders = set[str]()
        words, content = self.phrases[target].words, frozenset(required)
        if postings:
            for node in set(postings[0]).intersection(*postings[1:]):
                owner = self.owner[node]
                if (
                    owner is not None
                    and (up is None or up in self.chain[owner])
                    and not self._rescoped(self.phrases[node].words, words, content)
                ):
                    holders.add(owner)
        below = self._below(up)
        found = self._generic[target] = not required or (
            len(holders) > GENERIC and len(holders) > GENERIC_SHARE * below
        )
        return found

    def _rescoped(
        self, mine: frozenset[str], words: frozenset[str], content: frozenset[str]
    ) -> bool:
        """Whether a text of words ``mine`` is the target's (``words``, ``content`` once
        words of place are aside) said of another unit."""
        return mine != words and mine - self.place == content

    def _below(self, up: str | None) -> int:
        """How many positions stand below ``up`` (all of them for ``None``, the IKU)."""
        if up is None:
            return len(self.jabatan)
        if self._under is None:
            self._under = Counter(a for chain in self.chain.values() for a in chain)
        return self._under[up]


_EMPTY: set[str] = set()
