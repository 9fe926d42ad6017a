"""Ranked suggestions for the kinerja no link reaches: what a planner picks from.

Most decrees never write their links down, and many links hold by meaning only ("sarana
kantor" supports "kepuasan masyarakat"): :func:`~pokin.link.infer_links` never proposes
those, since a wrong link hides a real gap. :func:`suggest_links` offers, for every kinerja
that supports nothing yet, the best few candidates among its atasan's indicators, then
those one level up (the top position: the IKU table), each with a score and a reason in
Indonesian. The planner accepts one (``status: diterima``, see :func:`review`) or rejects
it (``status: ditolak``): a rejected pair is never suggested nor proposed again.

Ranking reads more than the two texts: the kinerja with its indicators, and the candidate
indicator with its kinerja, formulasi and sumber data (Wonoasih's Kasubbag lists "SKP,
cuti pegawai, absensi" in the formulasi of "administrasi kepegawaian"), as bags of roots
weighted by rarity (tf-idf, cosine), plus the fields of work of the lexicon
(:attr:`~pokin.link.lexicon.Lexicon.bidang`: kepegawaian, keuangan, umum...), and near
spellings of roots (rapidfuzz). Candidates one level up count a little less.

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
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .._text import format_number
from ..models import Asal, Indikator, Kinerja, PohonKinerja, Status, Tautan
from .lexicon import DEFAULT, Lexicon
from .similarity import score as link_score
from .text import phrase, stem

__all__ = ["TOP", "Suggestion", "review", "suggest_links"]

TOP = 3
"""How many candidates each kinerja is offered."""
_UP = 0.6
"""A candidate one level up counts this much of one of the atasan's own."""
_FIELD = 0.6
"""The weight of a shared field of work, against the rarest shared root's."""
_RESTATED = 0.95
"""A candidate the kinerja restates (:func:`~pokin.link.similarity.score`) counts this much."""
_NEAR = 88
"""The rapidfuzz ratio from which two roots count as near spellings (half a match)."""


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
    reader = _Reader(tree, lexicon or DEFAULT)
    result: list[Suggestion] = []
    wanted = None if kinerja is None else set(kinerja)
    for jabatan, node in tree.iter_kinerja():
        if any(link.active for _, link in node.iter_links()):
            continue
        if wanted is not None and str(node.id) not in wanted:
            continue
        rejected = {str(link.ke) for _, link in node.iter_links() if not link.active}
        scored = [
            (*reader.score(node, target, level), target)
            for target, level in reader.candidates(str(jabatan.id))
            if target not in rejected
        ]
        scored.sort(key=lambda c: -c[0])  # stable: ties keep the atasan's order
        for rank, (skor, why, target) in enumerate(scored[:top], 1):
            result.append(
                Suggestion(str(node.id), target, round(skor, 3), why, str(jabatan.id), rank)
            )
    return result


class _Reader:
    """The tree read once: each node's bag of weighted roots and fields, and the chart."""

    def __init__(self, tree: PohonKinerja, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.atasan = {str(j.id): j.atasan for j in tree.jabatan}
        self.indikator_of: dict[str, list[str]] = defaultdict(list)
        self.bags: dict[str, dict[str, float]] = {}
        self.texts: dict[str, str] = {}
        self.context: dict[str, list[str]] = {}
        self.iku: list[str] = []
        for sasaran in tree.iku:
            for ind in sasaran.indikator:
                self._add(str(ind.id), [(ind.uraian, 1.0), (sasaran.uraian, 0.5), *_more(ind)])
                self.iku.append(str(ind.id))
            self._add(str(sasaran.id), [(sasaran.uraian, 1.0)])
            self.iku.append(str(sasaran.id))
        for jabatan, kinerja in tree.iter_kinerja():
            own = [(i.uraian, 0.7) for i in kinerja.indikator]
            self._add(str(kinerja.id), [(kinerja.uraian, 1.0), *own])
            for ind in kinerja.indikator:
                self._add(str(ind.id), [(ind.uraian, 1.0), (kinerja.uraian, 0.5), *_more(ind)])
                self.indikator_of[str(jabatan.id)].append(str(ind.id))
        df = Counter(w for bag in self.bags.values() for w in bag)
        n = len(self.bags) + 1
        self.idf = {w: math.log(n / (c + 0.5)) for w, c in df.items()}
        self.weights = {w: 1.0 + x for w, x in self.idf.items()}
        self._vectors: dict[str, tuple[dict[str, float], float, set[str]]] = {}
        self.fields = {
            name: frozenset(stem(w) if " " not in w else w for w in words)
            for name, words in lexicon.bidang.items()
        }

    def _add(self, node: str, texts: Iterable[tuple[str | None, float]]) -> None:
        bag: dict[str, float] = defaultdict(float)
        for text, weight in texts:
            if not text:
                continue
            p = phrase(text, self.lexicon)
            verb = {stem(p.lead)} - self.lexicon.kerja_umum if p.lead else set()
            for word in p.words | verb:  # "Terlaksananya" says nothing of the matter
                bag[word] = max(bag[word], weight)
            low = " ".join(text.casefold().split())
            for word in (w for words in self.lexicon.bidang.values() for w in words if " " in w):
                if word in low:
                    bag[word] = max(bag[word], weight)
        self.bags[node] = bag
        written = [t for t, _ in texts if t]
        self.texts[node] = written[0] if written else ""
        self.context[node] = written[1:]

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

    def score(self, kinerja: Kinerja, target: str, level: int) -> tuple[float, str]:
        """The candidate's score, 0 to 1, and the reason in Indonesian."""
        (vec_a, norm_a, fields_a), (vec_b, norm_b, fields_b) = (
            self._vector(str(kinerja.id)),
            self._vector(target),
        )
        # weight first, then the word: the reason reads the same whatever PYTHONHASHSEED is
        shared = sorted(vec_a.keys() & vec_b.keys(), key=lambda w: (-vec_a[w] * vec_b[w], w))
        dot = math.fsum(vec_a[w] * vec_b[w] for w in shared)
        near = self._near(vec_a.keys() - vec_b.keys(), vec_b.keys() - vec_a.keys())
        dot += math.fsum(0.5 * vec_a[x] * vec_b[y] for x, y in near)
        fields = sorted(fields_a & fields_b)
        top = max((self.idf.get(w, 1.0) for w in shared), default=1.0)
        dot += _FIELD * top * top * len(fields)
        skor = min(1.0, dot / (norm_a * norm_b)) if norm_a and norm_b else 0.0
        restated = 0.0
        if shared:  # a text the kinerja restates ranks first, whatever its context says
            a, b = phrase(kinerja.uraian, self.lexicon), phrase(self.texts[target], self.lexicon)
            restated = _RESTATED * link_score(a, b, self.weights, lexicon=self.lexicon)
        skor = max(skor, restated) * (_UP if level == 2 else 1.0)
        quoted = self._shown([self.texts[target]])
        own = self._shown([kinerja.uraian, *(i.uraian for i in kinerja.indikator)])
        return skor, _reason(
            _Shared(shared, own, quoted, self._shown(self.context[target])),
            near,
            fields,
            level,
            self.texts[target],
        )

    def _shown(self, texts: Iterable[str | None]) -> dict[str, str]:
        """Root -> the word as written, in ``texts`` (first one wins)."""
        shown: dict[str, str] = {}
        for text in texts:
            if not text:
                continue
            p = phrase(text, self.lexicon)
            if p.lead:
                shown.setdefault(stem(p.lead), p.lead)
            for root, word in p.surface:
                shown.setdefault(root, word)
        return shown

    def _vector(self, node: str) -> tuple[dict[str, float], float, set[str]]:
        """A node's tf-idf vector, its norm and its fields of work (kept)."""
        found = self._vectors.get(node)
        if found is None:
            bag = self.bags[node]
            vec = {w: x * self.idf.get(w, 1.0) for w, x in bag.items()}
            norm = math.sqrt(math.fsum(v * v for v in vec.values()))
            found = self._vectors[node] = (vec, norm, self._fields(bag))
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

    def _fields(self, bag: dict[str, float]) -> set[str]:
        return {name for name, words in self.fields.items() if words & bag.keys()}


def _more(ind: Indikator) -> list[tuple[str | None, float]]:
    """An indicator's formulasi and sumber data, read as weaker context."""
    return [(ind.formulasi, 0.4), (ind.sumber_data, 0.3)]


@dataclass(frozen=True, slots=True)
class _Shared:
    """The shared roots, and where each is written: a reason shows words, never roots."""

    roots: list[str]  # best first
    own: dict[str, str]  # root -> as written in the kinerja and its indicators
    quoted: dict[str, str]  # ... in the quoted candidate text
    context: dict[str, str]  # ... in the candidate's context (kinerja, formulasi, sumber)

    def words(self) -> tuple[list[str], list[str]]:
        """The words in both quoted texts, and those shared with the candidate's context
        only; "kinerja/atasan" when they are spelled differently (same root)."""
        both: list[str] = []
        context: list[str] = []
        for root in self.roots:
            mine = self.own.get(root)
            theirs = self.quoted.get(root)
            into = both
            if theirs is None:
                theirs, into = self.context.get(root), context
            if mine is None or theirs is None:
                continue  # a field-of-work phrase: told under "bidang sama"
            mine, theirs = _written(mine), _written(theirs)
            word = mine if mine == theirs else f"{mine}/{theirs}"
            if word not in both and word not in context:  # an abbreviation's roots
                into.append(word)
        return both, context


def _written(shown: str) -> str:
    """A word as the decree writes it: "paten", not "paten=pelayanan ... kecamatan"."""
    return shown.split("=")[0].split("~")[0]


def _reason(
    shared: _Shared, near: list[tuple[str, str]], fields: list[str], level: int, text: str
) -> str:
    parts = []
    both, context = shared.words()
    if both:
        parts.append("kata sama: " + ", ".join(both[:4]))
    if context:
        parts.append("kata sama di konteks indikator atasan: " + ", ".join(context[:3]))
    if near:
        parts.append("kata mirip: " + ", ".join(f"{x}/{y}" for x, y in near[:2]))
    if fields:
        parts.append("bidang sama: " + ", ".join(fields))
    if not parts:
        parts.append("tidak ada kata yang sama; urutan menurut daftar indikator atasan")
    where = "indikator atasan" if level == 1 else "satu jenjang di atas atasan"
    short = text if len(text) <= 70 else text[:67] + "..."
    return f"{where} «{short}»; " + "; ".join(parts)


def review(tree: PohonKinerja, dari: str, ke: str, *, diterima: bool) -> PohonKinerja:
    """A copy of ``tree`` with the planner's verdict on the pair written on ``dari``.

    Accepting writes ``Tautan(ke, asal=inferensi, status=diterima)``: a link that counts
    and that inference leaves alone. Rejecting writes ``status: ditolak``: the pair is
    never suggested nor proposed again (for the kinerja and its indicators alike). An
    earlier verdict or proposal for the same pair is replaced, its evidence (``skor`` and
    ``alasan``) kept: a reviewer later sees why the link was proposed.

    Raises:
        KeyError: ``dari`` names no kinerja or indikator of the tree.
    """
    result = tree.model_copy(deep=True)
    holder: Kinerja | Indikator | None = None
    for _, kinerja in result.iter_kinerja():
        if str(kinerja.id) == dari:
            holder = kinerja
        holder = holder or next((i for i in kinerja.indikator if str(i.id) == dari), None)
    if holder is None:
        raise KeyError(f"no kinerja or indikator has the id {dari!r}")
    status = Status.DITERIMA if diterima else Status.DITOLAK
    earlier = next((t for t in holder.mendukung if str(t.ke) == ke and t.skor is not None), None)
    holder.mendukung[:] = [t for t in holder.mendukung if str(t.ke) != ke]
    skor, why = (earlier.skor, earlier.alasan) if earlier else (None, None)
    holder.mendukung.append(
        Tautan(ke=ke, asal=Asal.INFERENSI, status=status, skor=skor, alasan=why)
    )
    return result
