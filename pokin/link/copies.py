"""Texts copied across positions: the normal cascade (staff carrying their atasan's text)
told from template rows (a text every block of a decree repeats). A mixin of
:class:`~pokin.link.index.LinkIndex`, which holds the attributes declared here."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable

from ..models import Jabatan
from .lexicon import Lexicon
from .similarity import Phrase, evidence_weight

__all__ = ["BOILERPLATE_KINDS", "PLACE_WEIGHT", "TEMPLATE_UNITS", "Copies"]

TEMPLATE_UNITS = 3
"""From how many other units holding the same text on, a match is a template row."""

BOILERPLATE_KINDS = 3
"""From how many kinds of post (kepala, sekretaris, kasubbag, kasi, staf) holding a text of
little content word for word on, a copy of it is boilerplate (:meth:`Copies.boilerplate`)."""

PLACE_WEIGHT = 0.25
"""The weight of a word of place (see :meth:`LinkIndex._weights`) against its rarity's."""


class Copies:
    """Where a text recurs: :meth:`template_units`, and the evidence of a staff copy."""

    jabatan: dict[str, Jabatan]
    chain: dict[str, list[str]]
    unit: dict[str, str]
    bawahan: set[str | None]
    phrases: dict[str, Phrase]
    owner: dict[str, str | None]
    jenis: dict[str, str]
    df: Counter[str]
    place: set[str]
    relative: set[str]
    indikator_rows: dict[str, list[str]]
    kinerja_of: dict[str, list[str]]
    generic: Callable[[str], bool]
    kind: dict[str, str]
    min_evidence: float
    lexicon: Lexicon
    _copies: Counter[tuple[str, str]] | None
    _holders: dict[tuple[frozenset[str], bool], set[str]] | None
    _recur: dict[tuple[str, bool], tuple[int, dict[str, int]]]
    _units_of: dict[tuple[frozenset[str], bool], Counter[str]]
    _under_of: dict[str | None, list[str]] | None
    _units: dict[tuple[str, str], int]
    _carry: dict[tuple[str, str], float]
    _sibling: dict[tuple[tuple[frozenset[str], bool], str], frozenset[str]]

    def _staff(self, jid: str, up: str) -> bool:
        """Whether ``jid`` is staff in ``up``'s own office: directly under it, heading no
        one, in no unit or in ``up``'s."""
        unit = self.jabatan[jid].unit
        return (
            self.jabatan[jid].atasan == up
            and jid not in self.bawahan
            and (unit is None or unit == self.jabatan[up].unit)
        )

    def _carried(self, node: str, target: str) -> float:
        """The evidence of a kinerja restating its atasan's own text word for word, its
        staff's copies counted once: sixty staff each carrying the Camat's indicator is a
        cascade, and counting every copy would make its words common (0 otherwise)."""
        me, other = self.phrases[node], self.phrases[target]
        owner = self.owner[node]
        if self.jenis[node] != "kinerja" or me.plain != other.plain or owner is None:
            return 0.0
        up = self.jabatan[owner].atasan
        if up is None or self.owner[target] != str(up):
            return 0.0
        found = self._carry.get((str(up), me.plain))  # the same for every copy of the text
        if found is None:
            found = self._carry[(str(up), me.plain)] = self._carried_text(str(up), me)
        return found

    def _carried_text(self, up: str, me: Phrase) -> float:
        """:meth:`_carried` of a kinerja with ``me``'s text under ``up``."""
        extra = self._copy_counts()[(up, me.plain)] - 1
        n = len(self.phrases) - extra
        most = 1.0 + math.log((n + 1) / 2)
        found = []
        for word in me.words:
            weight = 1.0 + math.log((n + 1) / (self.df[word] - extra + 1))
            weight *= PLACE_WEIGHT if word in self.place else 1.0
            found.append(evidence_weight(weight, most))
        return math.fsum(found)

    def _copy_counts(self) -> Counter[tuple[str, str]]:
        """How many kinerja under each atasan have each text (read once)."""
        if self._copies is None:
            self._copies = Counter(
                (str(self.jabatan[jid].atasan), self.phrases[k].plain)
                for jid, kinerja in self.kinerja_of.items()
                for k in kinerja
            )
        return self._copies

    def template_units(self, node: str, target: str) -> int:
        """In how many other units a text of the pair recurs as a template row (kept per
        pair: the search and the reason both ask): see :meth:`_template_units`."""
        found = self._units.get((node, target))
        if found is None:
            found = self._units[(node, target)] = self._template_units(node, target)
        return found

    def _template_units(self, node: str, target: str) -> int:
        """In how many other units a text of the pair recurs as a template row.

        The target's text, in units outside the node's chain: matching a row many blocks
        repeat proves nothing. The staff of the target's holder (:meth:`_staff`) and its
        direct subordinates carrying its text are the normal cascade (sixty staff copying
        the Camat's indicator, every Lurah block carrying the Camat's row), not template
        units; deeper copies are. The node's text, in units whose head shares the node's
        atasan, counts only for a row of the managerial cycle (:meth:`_managerial`): every
        block repeating its superior's report row is one template, not a dozen links,
        while every Lurah repeating the Camat's bencana row is a dozen links. Copies
        elsewhere are no such sign (kelurahan blocks copy the kecamatan Kasi's table; the
        Kasi's own link to the Camat stays true). Units as :meth:`_unit` tells them:
        namesake blocks under one label count apart. A managerial target counts all its
        copies but its holder's staff's.
        """
        self._holders_of(self.phrases[target].key)
        me = str(self.owner[node])
        related = {self.unit[j] for j in (me, *self.chain[me])}
        theirs = self._recurring(target, True, related)
        atasan = self.jabatan[me].atasan
        siblings = self._siblings(self.phrases[node].key, atasan) - {self.unit[me]}
        most = max(theirs, len(siblings))
        if most < TEMPLATE_UNITS or self._managerial(target):  # (asked only when it matters)
            return most
        return self._recurring(target, False, related)  # carried down: a cascade

    def boilerplate(self, node: str, target: str) -> bool:
        """Whether ``target`` is boilerplate and ``node`` copies it or is as thin: held
        word for word by positions of :data:`BOILERPLATE_KINDS` or more kinds of post, and
        of little content (a word at most beyond measure words, the lexicon's
        ``kerja_umum`` and ``kata_keluaran`` and words of place: "Jumlah laporan yang
        disusun", "Jumlah rapat koordinasi yang dilaksanakan" in the Camat's, the
        Sekretaris's, a Kasi's and a staff table). Such a copy says nothing of what the
        node supports, and nor does a node of as little content restating it in other
        words ("Tersusunnya laporan pelaksanaan kegiatan" for "Jumlah laporan kegiatan
        yang tersusun"). A superior's row with content of its own ("Indeks kepuasan
        masyarakat") copied by every kind of post, or any row copied by every Lurah (one
        kind of post), is its cascade and stays a link.
        """
        me, other = self.phrases[node], self.phrases[target]
        if not self.min_evidence or not self._thin(other):
            return False
        if me.plain != other.plain and not self._thin(me):
            return False
        return len({self.kind[j] for j in self._holders_of(other.key)}) >= BOILERPLATE_KINDS

    def _thin(self, p: Phrase) -> bool:
        """Whether a text has a word at most beyond the lexicon's ``kerja_umum`` and
        ``kata_keluaran`` and words of place (measure words are none)."""
        lexicon, place = self.lexicon, self.place
        own = [
            w
            for w in p.words
            if w not in lexicon.kerja_umum and w not in lexicon.kata_keluaran and w not in place
        ]
        return len(own) <= 1

    def _holders_of(self, key: tuple[frozenset[str], bool]) -> set[str]:
        """The positions holding a text of ``key`` (every text's, read once)."""
        return self._all_holders()[key]

    def _all_holders(self) -> dict[tuple[frozenset[str], bool], set[str]]:
        if self._holders is None:
            self._holders = defaultdict(set)
            for n, p in self.phrases.items():
                owner = self.owner[n]
                if owner is not None:
                    self._holders[p.key].add(owner)
        return self._holders

    def _managerial(self, target: str) -> bool:
        """Whether ``target`` is a row of the managerial cycle every block repeats: an
        indicator that is a generic row or about the holder's own staff ("Jumlah laporan
        yang disusun", "... tugas bawahan"), or a kinerja (or its indicator) at least half
        of whose indicators are generic rows (a report row measured by "Jumlah laporan
        pelaksanaan tugas" and "Jumlah catatan/perbaikan")."""
        if self.jenis[target] == "indikator" and (target in self.relative or self.generic(target)):
            return True
        kinerja = target if self.jenis[target] == "kinerja" else target.rpartition(".")[0]
        rows = self.indikator_rows.get(kinerja, ())
        weak = sum(1 for i in rows if self.generic(i))
        return weak * 2 >= len(rows) > 0

    def _recurring(self, target: str, managerial: bool, related: set[str]) -> int:
        """How many units outside ``related`` hold ``target``'s text, its holder's own
        staff aside, and unless the row is ``managerial`` its holder's direct subordinates:
        they carry it down.

        Counted from the units holding the text (:meth:`_unit_counts`) less those whose
        every holder is set aside, found among the holder's direct subordinates (kept per
        target: the staff of one position all ask for it): a text every kecamatan of a
        kabupaten holds costs its holder's subordinates, not its thousand holders.
        """
        key = self.phrases[target].key
        counts = self._unit_counts(key)
        found = self._recur.get((target, managerial))
        if found is None:
            left: dict[str, int] = {}  # units with holders set aside: how many are not
            up = self.owner[target]
            holders = self._holders_of(key)
            for j in self._children().get(up, ()) if up is not None else ():
                if j in holders and (self._staff(j, str(up)) or not managerial):
                    left[self.unit[j]] = left.get(self.unit[j], counts[self.unit[j]]) - 1
            total = len(counts) - sum(1 for n in left.values() if n == 0)
            found = self._recur[(target, managerial)] = (total, left)
        total, left = found
        return total - sum(1 for u in related if left.get(u, counts.get(u, 0)) > 0)

    def _unit_counts(self, key: tuple[frozenset[str], bool]) -> Counter[str]:
        """How many positions of each unit hold a text of ``key`` (kept)."""
        found = self._units_of.get(key)
        if found is None:
            found = self._units_of[key] = Counter(self.unit[j] for j in self._holders_of(key))
        return found

    def _children(self) -> dict[str | None, list[str]]:
        """The positions directly under each position (read once)."""
        if self._under_of is None:
            self._under_of = defaultdict(list)
            for jid, jabatan in self.jabatan.items():
                self._under_of[jabatan.atasan].append(jid)
        return self._under_of

    def _siblings(self, key: tuple[frozenset[str], bool], atasan: str | None) -> frozenset[str]:
        """The units whose heads share ``atasan`` holding a text of ``key`` (kept)."""
        if atasan is None:
            return frozenset()
        found = self._sibling.get((key, atasan))
        if found is None:
            holders = self._holders_of(key)
            found = self._sibling[(key, atasan)] = frozenset(
                self.unit[j]
                for j in self._children().get(atasan, ())
                if j in holders and not self._staff(j, atasan)
            )
        return found
