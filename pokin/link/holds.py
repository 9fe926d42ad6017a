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
from collections.abc import Iterable, Iterator

from ..models import Jabatan, PohonKinerja
from .lexicon import Lexicon
from .morph import roots_of
from .similarity import Phrase, contained, score
from .text import LEVEL, UNITS, phrase, stem

__all__ = ["GENERIC", "GENERIC_SHARE", "GenericRows", "Holds", "chains", "place_words"]

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
    _subtree: dict[str, set[str]] | None
    _read: dict[str, frozenset[str]] | None

    def _held(self, me: Phrase, other: Phrase) -> tuple[float, float]:
        """How ``me`` restates ``other`` part by part, and holds it whole.

        The best score of a part of ``me`` (the text before a clause it adds, or the
        clause) against ``other``: a part restating it is judged as a whole text would
        be; and of ``me``, a kinerja with a lead verb and no clause, against the text
        before the clause ``other`` adds ("Terpeliharanya X" / "X dalam kondisi baik"). And
        the best score of ``other`` held whole among words of ``me``'s own, in
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
        if other.parts and me.lead and not me.parts:  # "Terpeliharanya X": "X dalam kondisi baik"
            main = score(me, other.parts[0], self.weights, lexicon=self.lexicon)
            part_best = max(part_best, main)
        return part_best, held_best

    def generic(self, target: str) -> bool:
        """Whether the words of ``target`` (those of place aside) recur in the texts of
        more than :data:`GENERIC` positions below its own (below the top for the IKU).

        Texts below that are the target's own are its cascade, not uses of its words, and
        do not count: said of another unit (the same words once those of place are
        aside), or word for word by direct subordinates of one kind (every Lurah block
        carrying the Camat's row). Word-for-word copies by subordinates of several kinds
        do count: the boilerplate every block repeats ("Jumlah laporan yang disusun" in
        the Sekretaris's, the Kasi's and the Lurah's tables alike).
        """
        found = self._generic.get(target)
        if found is not None:
            return found
        words = self.phrases[target].words
        content = frozenset(w for w in words if w not in self.place)
        up = self.owner[target]
        below = self._below(up)
        if content and below <= GENERIC:  # too few positions below to recur in
            self._generic[target] = False
            return False
        holders, copies = set[str](), set[str]()
        for node in self._holding_all(content, up):
            owner = self.owner[node]
            if owner is None:
                continue
            mine = self.phrases[node].words
            if mine != words and mine - self.place == content:
                continue  # the target's text said of another unit: its cascade
            if mine == words and up is not None and self.jabatan[owner].atasan == up:
                copies.add(owner)  # word for word, one level down
            else:
                holders.add(owner)
        if len({self.jabatan[o].peran for o in copies}) > 1:
            holders |= copies  # copied by every kind of block: boilerplate
        found = self._generic[target] = not content or (
            len(holders) > GENERIC and len(holders) > GENERIC_SHARE * below
        )
        return found

    def _holding_all(self, content: frozenset[str], up: str | None) -> Iterable[str]:
        """The texts below ``up`` (anywhere for ``None``) holding every word of ``content``:
        the few below a position read one by one, the many through an index of words."""
        below = self._nodes_below(up) if up is not None else None
        if below is not None and len(below) <= _SCAN:
            read = self._read_words()
            return [n for n in below if content <= read[n]]
        holding = self._holding_index()
        postings = sorted((holding.get(w, _EMPTY) for w in content), key=len)
        if below is not None:
            postings.insert(0, below)
        return set(postings[0]).intersection(*postings[1:]) if postings else ()

    def _holding_index(self) -> dict[str, set[str]]:
        """The texts of positions holding each word or root (read once)."""
        if self._holding is None:
            self._holding = defaultdict(set)
            for node, p in self.phrases.items():
                if self.owner[node] is not None:
                    for w in p.words | p.roots:
                        self._holding[w].add(node)
        return self._holding

    def _read_words(self) -> dict[str, frozenset[str]]:
        """Each text's words and their roots together (read once, once per text)."""
        if self._read is None:
            by_text: dict[int, frozenset[str]] = {}
            self._read = {}
            for node, p in self.phrases.items():
                found = by_text.get(id(p))
                if found is None:
                    found = by_text[id(p)] = p.words | p.roots
                self._read[node] = found
        return self._read

    def _nodes_below(self, up: str) -> set[str]:
        """The texts of the positions below ``up`` (all of them read once, on the first
        question)."""
        if self._subtree is None:
            self._subtree = defaultdict(set)
            for node, owner in self.owner.items():
                for above in self.chain[owner] if owner is not None else ():
                    self._subtree[above].add(node)
        return self._subtree.get(up, _EMPTY)

    def _below(self, up: str | None) -> int:
        """How many positions stand below ``up`` (all of them for ``None``, the IKU)."""
        if up is None:
            return len(self.jabatan)
        if self._under is None:
            self._under = Counter(a for chain in self.chain.values() for a in chain)
        return self._under[up]


_EMPTY: set[str] = set()
_SCAN = 2000
"""Up to this many texts below a position are read one by one rather than indexed."""


class GenericRows(Holds):
    """:meth:`Holds.generic` alone, over a tree: for ranking suggestions, where nothing
    else of :class:`~pokin.link.index.LinkIndex` is needed."""

    def __init__(self, tree: PohonKinerja, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.jabatan = {str(j.id): j for j in tree.jabatan}
        self.chain = chains(self.jabatan)
        self.phrases, self.owner = {}, {}
        for sasaran in tree.iku:
            for node, text in (
                (sasaran.id, sasaran.uraian),
                *((i.id, i.uraian) for i in sasaran.indikator),
            ):
                self.phrases[str(node)], self.owner[str(node)] = phrase(text, lexicon), None
        for jabatan, kinerja in tree.iter_kinerja():
            jid = str(jabatan.id)
            self.phrases[str(kinerja.id)] = phrase(kinerja.uraian, lexicon)
            self.owner[str(kinerja.id)] = jid
            for ind in kinerja.indikator:
                self.phrases[str(ind.id)], self.owner[str(ind.id)] = (
                    phrase(ind.uraian, lexicon),
                    jid,
                )
        self.place = place_words(tree, lexicon)
        self._holding, self._generic, self._under, self._subtree = None, {}, None, None
        self._read = None


def chains(jabatan: dict[str, Jabatan]) -> dict[str, list[str]]:
    """Each position's atasan, theirs, up to the top (a cycle stops the walk)."""
    found: dict[str, list[str]] = {}
    for jid in jabatan:
        chain, current = [], jabatan[jid].atasan
        while current is not None and current not in chain and current in jabatan:
            chain.append(current)
            current = jabatan[current].atasan
        found[jid] = chain
    return found


def place_words(tree: PohonKinerja, lexicon: Lexicon) -> set[str]:
    """Words of place: the lexicon's ``kata_keterangan``, the unit words and the proper
    names of the organisation and its units ("Kebomas", "Tunggulunan")."""
    return {stem(w) for w in lexicon.kata_keterangan} | set(UNITS) | proper_names(tree)


def proper_names(tree: PohonKinerja) -> set[str]:
    """The roots of the proper names in the organisation's and its units' names."""
    names = [tree.organisasi.nama, tree.organisasi.pemerintah or ""]
    names += [j.unit or "" for j in tree.jabatan]
    return {
        root for name in names for w in _proper(name.casefold().split()) for root in roots_of(w)
    }


def _proper(words: list[str]) -> Iterator[str]:
    """The words of the proper names in a unit's name: every word after a level word up
    to the next unit word ("kecamatan rawa bening" gives both "rawa" and "bening")."""
    named = False
    for word in words:
        if word in UNITS:
            named = UNITS[word] >= LEVEL
        elif named:
            yield word
