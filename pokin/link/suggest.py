"""Ranked suggestions for the kinerja no link reaches: what a planner picks from.

Most decrees never write their links down, and many links hold by meaning only ("sarana
kantor" supports "kepuasan masyarakat"): :func:`~pokin.link.infer_links` never proposes
those, since a wrong link hides a real gap. :func:`suggest_links` offers, for every kinerja
that supports nothing yet, the best few candidates among its atasan's indicators, then
those one level up (the top position: the IKU table), each with a score and a reason in
Indonesian. The planner accepts one (``status: diterima``) or rejects it (``status:
ditolak``, :func:`~pokin.link.review.review`): a rejected pair is never suggested nor
proposed again.

Ranking reads more than the two texts: the kinerja with its indicators, and the candidate
indicator with its kinerja, formulasi and sumber data (Wonoasih's Kasubbag lists "SKP,
cuti pegawai, absensi" in the formulasi of "administrasi kepegawaian"), as bags of roots
weighted by rarity (tf-idf, cosine), and near spellings of roots (rapidfuzz). When the
texts share little, two priors rank the candidates (:meth:`_Reader.ranked`): the
lexicon's theme map (:mod:`pokin.link.themes`: a theme both hold, "tema sama: pelayanan
publik", or one the kinerja's supporting function serves, "fungsi pendukung: sarana →
pelayanan publik", the position's unit read too), and the atasan's kinerja the
position's other kinerja support (by a link, or by restating one of its indicators).
Both only rank: a candidate the kinerja shares real words with stays ahead, and neither
ever proposes a link. Candidates one level up count a little less.

>>> from pokin import datasets
>>> from pokin.link import strip_links
>>> tree = strip_links(datasets.load("sambutan-2023"))
>>> best = next(s for s in suggest_links(tree) if s.dari == "registrasi-pelayanan-umum.k2")
>>> best.ke, best.peringkat
('kasi-pelayanan-umum.k2.i1', 1)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

from rapidfuzz import fuzz, process

from .._gc import collector_paused
from .._text import format_number
from ..models import Jabatan, Kinerja, PohonKinerja
from .holds import GenericRows
from .learn import taught
from .lexicon import DEFAULT, Lexicon
from .morph import roots_of
from .similarity import score as link_score
from .suggest_reason import Evidence, Shared, shown, why
from .text import lone_qualities, phrase
from .themes import ThemeReader, Themes
from .themes import reason as theme_reason

__all__ = ["TOP", "Suggestion", "suggest_links"]

TOP = 3
"""How many candidates each kinerja is offered."""
_UP = 0.6
"""A candidate one level up counts this much of one of the atasan's own."""
_THEME = 0.3
"""What a full theme affinity (:mod:`pokin.link.themes`) adds, of what the texts leave."""
_SIBLING = 0.15
"""What the atasan's kinerja the position's other kinerja support adds, likewise."""
_UNIT = 0.5
"""The weight of the position's unit (and name) among a kinerja's texts, for themes."""
_RESTATED = 0.95
"""A candidate the kinerja restates (:func:`~pokin.link.similarity.score`) counts this much."""
_GENERIC = 0.25
"""A candidate whose own text says little (a generic row) counts this much."""
_PLAIN = 0.9
"""A candidate the kinerja restates at least this closely is never demoted as generic."""
_NEAR = 88
"""The rapidfuzz ratio from which two roots count as near spellings (half a match)."""
_ROOTS = ("suggest", "roots")
"""The key of the texts' roots in the lexicon's cache."""
_KEEP = 500_000
"""How many texts' roots are kept, at most."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate for a kinerja no link reaches: ``dari`` may support ``ke``."""

    dari: str  # the kinerja
    ke: str  # an indicator of the atasan (or one level up), or an IKU indikator / sasaran
    skor: float  # 0 to 1: how much the texts and their context share
    alasan: str  # why, in Indonesian
    jabatan: str  # the position holding ``dari``
    peringkat: int  # 1 for the best candidate of ``dari``

    def __str__(self) -> str:
        skor = format_number(self.skor, 2)
        return f"{self.dari} → {self.ke} (saran {self.peringkat}, skor {skor}): {self.alasan}"


def suggest_links(
    tree: PohonKinerja,
    *,
    top: int = TOP,
    lexicon: Lexicon | None = None,
    kinerja: Collection[str] | None = None,
) -> list[Suggestion]:
    """The ``top`` best candidates for every kinerja that supports nothing yet.

    A kinerja supports something when it or one of its indicators has an active link
    (declared, confirmed or proposed). Candidates are the atasan's indicators, then the
    indicators one level up; for a position without atasan, the IKU indicators and
    sasaran. Pairs rejected on the kinerja or any of its indicators are left out. The
    tree is not changed. ``kinerja``, if given, limits the suggestions to those ids.
    """
    with collector_paused():  # as infer_links: a kabupaten's phrases and bags, no garbage
        return _suggest(tree, top, lexicon or DEFAULT, kinerja)


def _suggest(
    tree: PohonKinerja, top: int, lexicon: Lexicon, kinerja: Collection[str] | None
) -> list[Suggestion]:
    """:func:`suggest_links`, the collector paused."""
    reader = _Reader(tree, taught(tree, lexicon))
    result: list[Suggestion] = []
    wanted = None if kinerja is None else set(kinerja)
    for jabatan in tree.jabatan:
        jid = str(jabatan.id)
        asked = [
            (node, reader.scored(node, jid))
            for node in jabatan.kinerja
            if not any(link.active for _, link in node.iter_links())
            and (wanted is None or str(node.id) in wanted)
        ]
        supported = reader.supported(jabatan, asked) if asked else {}
        for node, scored in asked:
            kid = str(node.id)
            anchors = {a for a, by in supported.items() if by - {kid}}
            ranked = reader.generic_last(reader.ranked(node, jid, scored, anchors), top)
            for rank, (skor, evidence, target) in enumerate(ranked[:top], 1):
                said = reader.reason(node, target, evidence)  # for the kept ones only
                result.append(Suggestion(kid, target, round(skor, 3), said, jid, rank))
    return result


class _Reader:
    """The tree read once: each node's bag of weighted roots and themes, and the chart."""

    def __init__(self, tree: PohonKinerja, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.atasan = {str(j.id): j.atasan for j in tree.jabatan}
        self.indikator_of: dict[str, list[str]] = defaultdict(list)
        # node -> its texts (None when not written) and the weight of each
        self.sources: dict[str, tuple[tuple[str | None, ...], tuple[float, ...]]] = {}
        self.iku: list[str] = []
        self.anchor: dict[str, str] = {}  # indicator -> its kinerja (or IKU sasaran)
        self.unit: dict[str, tuple[str | None, ...]] = {}  # jabatan -> its unit and name
        # text -> its roots (see _roots_of), kept per lexicon like its phrases
        self._keys: dict[str, frozenset[str]] = lexicon.cache.setdefault(_ROOTS, {})
        if len(self._keys) >= _KEEP:
            self._keys.clear()
        roots: dict[str, frozenset[str]] = {}  # node -> the roots of all its texts
        for sasaran in tree.iku:
            for ind in sasaran.indikator:
                texts = (ind.uraian, sasaran.uraian, ind.formulasi, ind.sumber_data)
                roots[str(ind.id)] = self._add(str(ind.id), texts, _INDIKATOR)
                self.iku.append(str(ind.id))
                self.anchor[str(ind.id)] = str(sasaran.id)
            roots[str(sasaran.id)] = self._add(str(sasaran.id), (sasaran.uraian,), (1.0,))
            self.iku.append(str(sasaran.id))
        # a kinerja's weights: its own text's, then each of its indicators'
        weights: list[tuple[float, ...]] = [(1.0,)]
        for jabatan, kinerja in tree.iter_kinerja():
            inds = kinerja.indikator
            while len(weights) <= len(inds):
                weights.append((*weights[-1], _OWN))
            own = (kinerja.uraian, *(ind.uraian for ind in inds))
            roots[str(kinerja.id)] = self._add(str(kinerja.id), own, weights[len(inds)])
            staff = self.indikator_of[str(jabatan.id)]
            self.unit[str(jabatan.id)] = (jabatan.unit, jabatan.nama)
            for ind in inds:
                texts = (ind.uraian, kinerja.uraian, ind.formulasi, ind.sumber_data)
                roots[str(ind.id)] = self._add(str(ind.id), texts, _INDIKATOR)
                staff.append(str(ind.id))
                self.anchor[str(ind.id)] = str(kinerja.id)
        df = Counter(chain.from_iterable(roots.values()))
        n = len(roots) + 1
        self.idf = {w: math.log(n / (c + 0.5)) for w, c in df.items()}
        self.weights = {w: 1.0 + x for w, x in self.idf.items()}
        self.tree = tree
        self._rows: GenericRows | None = None
        self._vectors: dict[str, tuple[dict[str, float], float]] = {}
        self._sense: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._scores: dict[tuple[object, ...], tuple[float, Evidence]] = {}
        self.themes = ThemeReader(lexicon)
        self._themes: dict[str, Themes] = {}

    def _add(
        self, node: str, texts: tuple[str | None, ...], weights: tuple[float, ...]
    ) -> frozenset[str]:
        """Keep ``node``'s texts; return the roots they hold (its bag's words)."""
        self.sources[node] = (texts, weights)
        keys = self._keys
        return frozenset().union(*[keys.get(t) or self._roots_of(t) for t in texts if t])

    def _written(self, node: str) -> list[str]:
        """The texts written for ``node``: its own first, then its context."""
        return [t for t in self.sources[node][0] if t]

    def _roots_of(self, text: str) -> frozenset[str]:
        """A text's roots and lead verb's root ("Terlaksananya" says nothing of the
        matter); once per distinct text."""
        found = self._keys.get(text)
        if found is None:
            p = phrase(text, self.lexicon)
            verb = set(roots_of(p.lead)) - self.lexicon.kerja_umum if p.lead else set()
            found = self._keys[text] = p.words | verb
        return found

    def _bag(self, node: str) -> dict[str, float]:
        """A node's roots, each with the weight of the strongest text holding it."""
        bag: dict[str, float] = {}
        for text, weight in zip(*self.sources[node], strict=True):
            if not text:
                continue
            for word in self._roots_of(text):
                if bag.get(word, 0.0) < weight:
                    bag[word] = weight
        return bag

    def candidates(self, jid: str) -> Iterator[tuple[str, int]]:
        """(target, level): the atasan's indicators (1), one level up (2); IKU at the top."""
        up = self.atasan.get(jid)
        if up is None:
            yield from ((t, 1) for t in self.iku)
            return
        yield from ((t, 1) for t in self.indikator_of[up])
        higher = self.atasan.get(up)
        targets = self.indikator_of[higher] if higher is not None else self.iku
        yield from ((t, 2) for t in targets)

    def scored(self, node: Kinerja, jid: str) -> list[tuple[float, Evidence, str]]:
        """Every candidate of ``node`` (of position ``jid``) with its text score, those
        rejected on the kinerja or any of its indicators left out."""
        rejected = {str(link.ke) for _, link in node.iter_links() if not link.active}
        return [
            (*self.score(node, target, level), target)
            for target, level in self.candidates(jid)
            if target not in rejected
        ]

    def score(self, kinerja: Kinerja, target: str, level: int) -> tuple[float, Evidence]:
        """The candidate's text score, 0 to 1, and what :meth:`reason` tells of it: kept
        per pair of the two nodes' texts (the copies of a block meet the same texts)."""
        key = (self.sources[str(kinerja.id)], self.sources[target], level)
        found = self._scores.get(key)
        if found is None:
            found = self._scores[key] = self._score(kinerja, target, level)
        return found

    def _score(self, kinerja: Kinerja, target: str, level: int) -> tuple[float, Evidence]:
        """:meth:`score`, worked out."""
        (vec_a, norm_a), (vec_b, norm_b) = self._vector(str(kinerja.id)), self._vector(target)
        # weight first, then the word: the reason reads the same whatever PYTHONHASHSEED is
        shared = sorted(vec_a.keys() & vec_b.keys(), key=lambda w: (-vec_a[w] * vec_b[w], w))
        if shared:
            odd = self._odd(str(kinerja.id), target)
            shared = [w for w in shared if w not in odd] if odd else shared
        dot = math.fsum(vec_a[w] * vec_b[w] for w in shared)
        near = self._near(vec_a.keys() - vec_b.keys(), vec_b.keys() - vec_a.keys())
        dot += math.fsum(0.5 * vec_a[x] * vec_b[y] for x, y in near)
        skor = min(1.0, dot / (norm_a * norm_b)) if norm_a and norm_b else 0.0
        restated = 0.0
        if shared:  # a text the kinerja restates ranks first, whatever its context says
            a, b = phrase(kinerja.uraian, self.lexicon), phrase(self._text(target), self.lexicon)
            restated = _RESTATED * link_score(a, b, self.weights, lexicon=self.lexicon)
        skor = max(skor, restated) * (_UP if level == 2 else 1.0)
        return skor, Evidence(shared, near, level, restated >= _RESTATED * _PLAIN)

    def _odd(self, node: str, target: str) -> frozenset[str]:
        """The roots one node holds only as a lone quality and the other only through an
        abbreviation (:func:`~pokin.link.similarity.lone_qualities`): not shared."""
        (lone_a, short_a), (lone_b, short_b) = self._senses(node), self._senses(target)
        return (lone_a & short_b) | (short_a & lone_b)

    def _senses(self, node: str) -> tuple[frozenset[str], frozenset[str]]:
        """(roots ``node``'s texts hold only as a lone quality, roots only abbreviations give
        its own text), kept per node."""
        found = self._sense.get(node)
        if found is None:
            lone, plain = set[str](), set[str]()
            texts = self._written(node)
            for text in texts:
                p = phrase(text, self.lexicon)
                quality = lone_qualities(p)
                lone |= quality
                plain |= p.words - quality
            own = phrase(texts[0], self.lexicon).expanded if texts else frozenset[str]()
            found = self._sense[node] = (frozenset(lone - plain), own)
        return found

    def supported(
        self, jabatan: Jabatan, asked: list[tuple[Kinerja, list[tuple[float, Evidence, str]]]]
    ) -> dict[str, set[str]]:
        """The atasan's kinerja (or sasaran) the kinerja of ``jabatan`` support, each with
        the kinerja supporting it: by an active link, or by restating one of its
        indicators (a candidate of ``asked`` the kinerja restates)."""
        found: dict[str, set[str]] = defaultdict(set)
        for node in jabatan.kinerja:
            for _, link in node.iter_links():
                if link.active:
                    found[self.anchor.get(str(link.ke), str(link.ke))].add(str(node.id))
        for node, scored in asked:
            for _, evidence, target in scored:
                if evidence.restated:
                    found[self.anchor.get(target, target)].add(str(node.id))
        return found

    def ranked(
        self,
        node: Kinerja,
        jid: str,
        scored: list[tuple[float, Evidence, str]],
        anchors: Collection[str],
    ) -> list[tuple[float, Evidence, str]]:
        """``scored`` with the priors added, best first: the themes the kinerja (and its
        position's unit) share with the candidate or serve (:mod:`pokin.link.themes`),
        and whether the position's other kinerja support the candidate's kinerja
        (``anchors``). Each adds its share of what the text score leaves (1 - score), so a
        candidate the texts match stays ahead of one the priors alone bring."""
        unit = tuple((t, _UNIT, True) for t in self.unit.get(jid, ()))
        inds = tuple((i.uraian, _OWN, False) for i in node.indikator)
        mine = self.themes.of(((node.uraian, 1.0, False), *inds, *unit))
        out = []
        for skor, evidence, target in scored:
            found = self.themes.affinity(mine, self._themes_of(target))
            sibling = self.anchor.get(target, target) in anchors
            prior = (_THEME * found.value + _SIBLING * sibling) * (
                _UP if evidence.level == 2 else 1.0
            )
            evidence = replace(evidence, theme=found, mine=mine, sibling=sibling)
            out.append((skor + (1.0 - skor) * prior, evidence, target))
        out.sort(key=lambda c: -c[0])  # stable: ties keep the atasan's order
        return out

    def _themes_of(self, target: str) -> Themes:
        """A candidate's themes: its text's and its kinerja's (or sasaran's); a formula
        or a data source names a theme only in passing (and reading them costs time)."""
        found = self._themes.get(target)
        if found is None:
            texts, weights = self.sources[target]
            found = self._themes[target] = self.themes.of(
                (t, w, False) for t, w in zip(texts[:2], weights[:2], strict=True)
            )
        return found

    def generic_last(
        self, scored: list[tuple[float, Evidence, str]], top: int
    ) -> list[tuple[float, Evidence, str]]:
        """``scored`` (best first) with the generic rows among the best ``top`` counting
        :data:`_GENERIC` of their score (unless the kinerja restates them), re-ranked;
        each candidate asked once, only while it is among the best (the question reads
        the whole chart)."""
        asked: set[str] = set()
        while True:
            new = [c for c in scored[:top] if c[2] not in asked and not c[1].restated]
            if not new:
                return scored
            asked.update(c[2] for c in new)
            weak = {c[2] for c in new if self._generic(c[2])}
            if weak:
                scored = [(s * _GENERIC, e, t) if t in weak else (s, e, t) for s, e, t in scored]
                scored.sort(key=lambda c: -c[0])

    def _generic(self, target: str) -> bool:
        """Whether ``target`` is a generic row (:meth:`~pokin.link.holds.Holds.generic`:
        its words recur in the texts of many positions below its own, "Jumlah kegiatan
        yang dilaksanakan"); the chart read for it on the first question only."""
        if self._rows is None:
            self._rows = GenericRows(self.tree, self.lexicon)
        return self._rows.generic(target)

    def reason(self, kinerja: Kinerja, target: str, evidence: Evidence) -> str:
        """Why ``target`` is suggested for ``kinerja``, in Indonesian (see :meth:`score`
        and :meth:`ranked`)."""
        written = self._written(target)
        quoted = shown(written[:1], self.lexicon)
        own = shown(self._written(str(kinerja.id)), self.lexicon)
        context = shown(written[1:], self.lexicon)
        priors = [theme_reason(evidence.theme, evidence.mine)] if evidence.theme.value else []
        if evidence.sibling:
            priors.append("kinerja lain jabatan ini mendukung kinerja atasan yang sama")
        shared = Shared(evidence.shared, own, quoted, context)
        return why(shared, evidence.near, evidence.level, self._text(target), priors)

    def _text(self, node: str) -> str:
        """The text a suggestion quotes: the node's own (or its first written one)."""
        return next((t for t in self.sources[node][0] if t), "")

    def _vector(self, node: str) -> tuple[dict[str, float], float]:
        """A node's tf-idf vector and its norm (kept)."""
        found = self._vectors.get(node)
        if found is None:
            bag = self._bag(node)
            vec = {w: x * self.idf.get(w, 1.0) for w, x in bag.items()}
            norm = math.sqrt(math.fsum(v * v for v in vec.values()))
            found = self._vectors[node] = (vec, norm)
        return found

    def _near(self, mine: Iterable[str], theirs: Iterable[str]) -> list[tuple[str, str]]:
        """Unshared roots spelled nearly alike (rapidfuzz ratio), each used once."""
        choices = sorted(w for w in theirs if len(w) >= 5)
        pairs = []
        for x in sorted(w for w in mine if len(w) >= 5):
            hit = process.extractOne(x, choices, scorer=fuzz.ratio, score_cutoff=_NEAR)
            if hit is not None:
                pairs.append((x, hit[0]))
                choices.remove(hit[0])
        return pairs


_INDIKATOR = (1.0, 0.5, 0.4, 0.3)
"""An indicator's weights: its text, its kinerja's (or sasaran's), formulasi, sumber data."""
_OWN = 0.7
"""A kinerja's indicators' weight in its bag, against its own text's."""
