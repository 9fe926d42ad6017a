"""Score two decree texts for a cascade link: rarity-weighted overlap of their roots.

:func:`score` compares two :class:`~pokin.link.text.Phrase` (roots of the content words,
lead verb apart) as a weighted Jaccard index, 0 to 1, each root weighted by how rare it is
in the tree being linked (smoothed IDF, :func:`idf`): the words that carry the meaning count
more than "kecamatan" or "pelayanan", so "Jumlah laporan" copied everywhere is weak
evidence, and :func:`evidence` tells how much rare text two phrases share at all.

- The lead verb is a half-weight pseudo-word: the same verb in another form matches
  (Melaksanakan / Terlaksananya), a swapped verb costs a little, a text without one costs
  half, and a verbal noun of the other's lead verb stands for it ("Persentase penurunan X"
  carries "Menurunnya X"); a lead verb saying only that something happened
  (Terlaksananya) stands for the passive verb closing the other, a measure text ("Jumlah
  operasi penertiban yang digelar": :attr:`~pokin.link.text.Phrase.done`), when it says
  nothing else (no "pembinaan" of its own: "Terlaksananya pembinaan X" is not "X yang
  dibentuk"). Opposite roots (:attr:`Lexicon.antonim`: tingkat / turun) rule the pair
  out.
- A word of 7+ letters one keystroke from an unshared word of the other text (PENDATAAN /
  PENDATAN, rapidfuzz's optimal string alignment) counts as 0.8 of a match.
- When one text lists items ("di bidang A, B, C dan D") and the other keeps one or some of
  them whole, the items left out are not held against the pair: the child keeping one item
  of its parent's list (:func:`kept_items`).
- Texts about different units or levels (:func:`other_unit`) score 0.

>>> from pokin.link.text import phrase
>>> a = phrase("Terpeliharanya ketentraman dan ketertiban")
>>> score(a, phrase("<p>Terpeliharanya KETENTERAMAN dan ketertiban.</p>"))
1.0
>>> round(score(phrase("Melaksanakan bahan rapat koordinasi"),
...             phrase("Menyiapkan bahan rapat koordinasi")), 2)
0.75
>>> score(phrase("Jumlah Rencana Program Kerja Kelurahan Kecamatan Kebomas"),
...       phrase("Jumlah Rencana Program Kerja Kecamatan Kebomas"))
0.0
>>> score(phrase("Menurunnya gangguan trantibum"),
...       phrase("Persentase penurunan gangguan ketentraman dan ketertiban umum"))
1.0
>>> list_ = phrase("Jumlah tugas bidang administrasi umum, administrasi kepegawaian dan keuangan")
>>> score(phrase("Administrasi kepegawaian"), list_), score(phrase("Laporan kepegawaian"), list_)
(1.0, 0.166667)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .inverse import inverted
from .lexicon import DEFAULT, Lexicon
from .text import LEVEL, UNITS, Phrase, lone_qualities, phrase

__all__ = [
    "LEAD_WEIGHT",
    "LEVEL",
    "TYPO_CREDIT",
    "UNITS",
    "Phrase",
    "contained",
    "evidence",
    "evidence_weight",
    "idf",
    "kept_items",
    "opposed",
    "other_unit",
    "phrase",
    "score",
    "shortened",
    "total",
    "typos",
    "unscoped",
]

LEAD_WEIGHT = 0.5
"""The weight of the lead verb, as a fraction of the lightest word's."""
TYPO_CREDIT = 0.8
"""How much a one-keystroke pair of long words counts, against 1 for the same word."""
KEPT = 0.75
"""The share of a list item's weight the other text must hold for the item to be kept."""
ALIEN = 0.2
"""The most a text keeping items of a list may add of its own, as a share of its weight."""
COVER = 0.9
"""The share of a superior's text (by weight) a subordinate must hold to contain it."""
ADDED = 0.25
SHORTENED = 0.5
"""How much the words a subordinate leaves out of its superior's text count against the
pair (:func:`shortened`), against 1 for an ordinary unshared word."""
"""How much the words a subordinate adds around its superior's whole text count against
the pair (:func:`contained`), against 1 for an ordinary unshared word."""


def idf(texts: Iterable[Phrase]) -> dict[str, float]:
    """Smoothed inverse document frequency of each root: ``1 + ln((n + 1) / (df + 1))``."""
    df: Counter[str] = Counter()
    n = 0
    for p in texts:
        n += 1
        df.update(p.words)
    return {w: 1.0 + math.log((n + 1) / (c + 1)) for w, c in df.items()}


def total(p: Phrase, weights: Mapping[str, float] | None = None) -> float:
    """The summed weight of a phrase's words (the lead verb left out)."""
    w = weights or {}
    return math.fsum(w.get(t, 1.0) for t in p.words)


def other_unit(a: Phrase, b: Phrase) -> bool:
    """Whether two texts are about different units or levels.

    A text is about the most specific unit it names ("Rencana Program Kerja Kelurahan
    Kecamatan Kebomas" is the kelurahan's plan); a text naming none is not contradicted.
    """
    return bool(
        (a.subject and b.subject and not a.subject & b.subject)
        or (a.level and b.level and not a.level & b.level)
    )


def unscoped(p: Phrase) -> Phrase:
    """``p`` (and its clause parts) naming no unit and without its words of a level of
    government: a Lurah's "X kelurahan" restating his Camat's "X kecamatan" says the same
    X, each of his own unit (the caller's to tell: see
    :meth:`~pokin.link.index.LinkIndex._own_units`).

    >>> sorted(unscoped(phrase("Meningkatnya kualitas layanan kelurahan")).words)
    ['kualitas', 'layan']
    """
    none = frozenset[str]()
    parts = tuple(unscoped(q) for q in p.parts)
    words = frozenset(w for w in p.words if UNITS.get(w, -1) < LEVEL)
    return replace(p, words=words, subject=none, level=none, parts=parts)


def opposed(a: Phrase, b: Phrase, lexicon: Lexicon = DEFAULT) -> bool:
    """Whether one text holds a root whose opposite the other holds (meningkat / menurun)."""
    if not lexicon.antonim:
        return False
    mine, theirs = a.words | a.roots, b.words | b.roots
    return any(
        len(pair) == 2 and (pair & mine) and (pair & theirs) and pair & mine != pair & theirs
        for pair in lexicon.antonim
    )


def typos(a: Phrase, b: Phrase) -> list[tuple[str, str]]:
    """Pairs of unshared long words one keystroke apart, as (root here, root there)."""
    theirs = {f: r for r, f in b.forms if r not in a.words}
    pairs: list[tuple[str, str]] = []
    for r, f in a.forms:
        if r in b.words or not theirs:
            continue
        hit = process.extractOne(f, list(theirs), scorer=OSA.distance, score_cutoff=1)
        if hit is not None and hit[1] == 1:
            pairs.append((r, theirs.pop(hit[0])))
    return pairs


def kept_items(
    lister: Phrase, keeper: Phrase, weights: Mapping[str, float] | None = None
) -> frozenset[str]:
    """The words of ``lister``'s list items that ``keeper`` leaves out, when it keeps some.

    ``keeper`` keeps an item when it holds :data:`KEPT` of its weight, and leaves it out
    otherwise. Empty unless ``lister`` has a list, ``keeper`` holds whole items of two
    words or more (one common word, "laporan", proves nothing) and leaves one out, and
    says little else (words not in ``lister`` weigh at most :data:`ALIEN` of its own).
    An item opened by "yang" says what of the item before it is measured ("UMKM binaan
    yang naik kelas"): ``keeper`` holding that item and nothing of its clause keeps no
    item of a list, it drops what ``lister`` measures (empty then too).
    """
    if not lister.chunks:
        return frozenset()
    w = weights or {}
    left, whole = [], set[str]()
    mine = keeper.words | keeper.roots
    kept = False
    for at, (chunk, qualifies) in enumerate(zip(lister.chunks, lister.qualifies, strict=True)):
        weight = math.fsum(w.get(t, 1.0) for t in chunk)
        held = math.fsum(w.get(t, 1.0) for t in chunk & mine)
        if held >= weight:
            whole |= chunk - UNITS.keys()
        elif held < KEPT * weight:
            dropped = qualifies and kept and not held and not _leads_with(keeper, chunk)
            if dropped and not _clause_held(lister, at, mine):
                return frozenset()  # the item kept, all that is said of it dropped
            left.append(chunk)
        kept = held >= KEPT * weight
    extra = math.fsum(w.get(t, 1.0) for t in keeper.words - lister.words - UNITS.keys())
    if not left or len(whole) < 2 or extra > ALIEN * total(keeper, w):
        return frozenset()
    return frozenset().union(*left) - mine


def drops_clause(lister: Phrase, keepers: Iterable[Phrase]) -> bool:
    """Whether ``keepers`` hold an item of ``lister`` that a "yang" clause qualifies and
    none of them anything of what the clause says of it ("Terdampinginya kelompok tani
    binaan" for "Jumlah kelompok tani binaan yang memperoleh sertifikat": the thing, not
    what is measured of it; see :func:`kept_items`)."""
    held = [k.words | k.roots for k in keepers]
    items = list(zip(lister.chunks, lister.qualifies, strict=True))
    for at, (chunk, qualifies) in enumerate(items):
        if not qualifies or at == 0 or not any(items[at - 1][0] <= mine for mine in held):
            continue
        said = any(
            chunk & mine or _leads_with(k, chunk) or _clause_held(lister, at, mine)
            for k, mine in zip(keepers, held, strict=True)
        )
        if not said:
            return True
    return False


def _clause_held(lister: Phrase, at: int, mine: frozenset[str]) -> bool:
    """Whether ``mine`` holds an item of the "yang" clause opened at item ``at`` whole:
    "SPJ yang lengkap dan tepat waktu" kept as "SPJ tepat waktu" says what is measured."""
    rest = zip(lister.chunks[at + 1 :], lister.qualifies[at + 1 :], strict=True)
    for chunk, qualifies in rest:
        if qualifies:
            return False
        if chunk and chunk <= mine:
            return True
    return False


def _leads_with(keeper: Phrase, chunk: frozenset[str]) -> bool:
    """Whether ``keeper``'s lead verb is a word of ``chunk``, as the stemmer reads either
    form: "Tersosialisasinya" comes out as "sosial", "disosialisasikan" as "sosialisasi"
    (a root of four letters or more beginning the other counts)."""
    return any(
        min(len(r), len(w)) >= 4 and (w.startswith(r) or r.startswith(w))
        for r in keeper.roots
        for w in chunk
    )


def score(
    a: Phrase,
    b: Phrase,
    weights: Mapping[str, float] | None = None,
    *,
    lexicon: Lexicon = DEFAULT,
    items: bool = True,
    typo: bool = True,
) -> float:
    """The similarity of two phrases, 0 to 1 (1: the same after normalisation).

    ``weights`` maps roots to weights (1 for a root not in it; see :func:`idf`).
    ``items=False`` holds every word of a list against the pair (no :func:`kept_items`);
    ``typo=False`` counts exact roots only. A text measuring the other side of the same
    thing is read turned to it (:func:`~pokin.link.inverse.inverted`).
    """
    a = inverted(a, b, lexicon) or a
    if other_unit(a, b) or opposed(a, b, lexicon):
        return 0.0
    w = weights or {}
    shared = a.words & b.words
    if a.expanded and b.expanded and a.abbreviations.isdisjoint(b.abbreviations):
        shared -= a.expanded & b.expanded  # LKjIP / SAKIP: two things (laporan / sistem)
    if shared and (a.expanded or b.expanded):
        shared -= _said_of(a, b) | _said_of(b, a)
    near = typos(a, b) if typo else []
    if not shared and not near:  # a lead verb alone says nothing of the matter
        return 0.0
    inter = math.fsum(w.get(t, 1.0) for t in shared)
    union = total(a, w) + total(b, w) - inter
    inter, union = _lead(a, b, w, inter, union)
    for x, y in near:
        mean = (w.get(x, 1.0) + w.get(y, 1.0)) / 2
        inter += TYPO_CREDIT * mean
        union -= mean
    if items:
        left = max(
            (math.fsum(w.get(t, 1.0) for t in kept_items(x, y, w)) for x, y in ((a, b), (b, a))),
            default=0.0,
        )
        union -= left
    return round(min(1.0, inter / union), 6) if union > 0 else 0.0


def _said_of(named: Phrase, other: Phrase) -> frozenset[str]:
    """The roots only ``named``'s abbreviations give it that ``other`` writes only as a
    lone quality of its thing (:func:`lone_qualities`)."""
    return (named.expanded - other.expanded) & lone_qualities(other)


def shortened(
    parent: Phrase,
    child: Phrase,
    weights: Mapping[str, float] | None = None,
    *,
    place: AbstractSet[str] = frozenset(),
) -> float:
    """How closely ``child`` restates ``parent`` with words left out, 0 to 1.

    0 unless ``child`` adds no word of its own (words of ``place`` aside: unit words, the
    unit's name), holds two words or more of ``parent`` and says the same lead verb (or
    neither has one); the words it leaves out weigh :data:`SHORTENED` of their rarity, and
    the items of a list it leaves out whole nothing (as in :func:`kept_items`). A
    Lurah restates his Camat's kinerja for his kelurahan in fewer words ("kualitas layanan
    administrasi kelurahan" for "... administrasi terpadu kecamatan"): whether a pair is
    such a restatement is the caller's to judge.

    >>> round(shortened(phrase("Meningkatnya akuntabilitas kinerja perangkat kecamatan"),
    ...                 phrase("Meningkatnya akuntabilitas kinerja kelurahan")), 2)
    0.83
    >>> shortened(phrase("Meningkatnya akuntabilitas kinerja perangkat"),
    ...           phrase("Meningkatnya akuntabilitas kinerja posyandu"))
    0.0
    """
    w = weights or {}
    mine = child.words - place - UNITS.keys()
    if len(mine) < 2 or not mine <= parent.words or parent.roots != child.roots:
        return 0.0
    held = math.fsum(w.get(t, 1.0) for t in mine) + LEAD_WEIGHT * bool(child.roots)
    items = zip(parent.chunks, parent.qualifies, strict=True)  # whole list items left out
    left = frozenset[str]().union(*(c for c, q in items if not q and c.isdisjoint(mine)))
    dropped = math.fsum(w.get(t, 1.0) for t in parent.words - mine - place - UNITS.keys() - left)
    return round(min(1.0, held / (held + SHORTENED * dropped)), 6)


def contained(
    parent: Phrase,
    child: Phrase,
    weights: Mapping[str, float] | None = None,
    *,
    lexicon: Lexicon = DEFAULT,
    place: AbstractSet[str] = frozenset(),
) -> float:
    """How fully ``child`` holds ``parent``'s text in any order, 0 to 1.

    0 unless ``child`` holds :data:`COVER` of ``parent``'s weight (its lead verb's root
    counts as a word: "Terealisasinya belanja" holds "realisasi belanja"); the words it
    adds weigh :data:`ADDED` of their rarity: a subordinate adds a means, a list item or a
    deadline around its superior's text. A lead verb of ``parent`` saying what was done
    (Mengaktifkan pos kamling) is part of its text: a child doing something else with the
    same nouns (Terlaksananya ronda di pos kamling) does not hold it, but the passive verb
    closing a measure text ("Persentase X yang ditindaklanjuti") is the state a child's
    lead verb says in its own words ("Tertanganinya X"): it is not held against a child
    that has one and adds no word but of place (its verb is then about X). Words of ``place``
    (where, when: "di wilayah Kecamatan") that ``child`` leaves out are not held against
    it: a subordinate's text is about its own unit without saying so. Whether ``parent``
    is specific enough for that to be evidence is the caller's to judge (a generic row
    is held by many texts).

    >>> round(contained(phrase("Jumlah patroli wilayah"),
    ...                 phrase("Terlaksananya patroli di wilayah kecamatan dua kali seminggu")), 2)
    0.62
    >>> contained(phrase("Jumlah patroli wilayah"), phrase("Terlaksananya patroli malam"))
    0.0
    >>> contained(phrase("Mengaktifkan pos kamling"), phrase("Terlaksananya ronda di pos kamling"))
    0.0
    """
    child = inverted(child, parent, lexicon) or child
    if other_unit(parent, child) or opposed(parent, child, lexicon):
        return 0.0
    w = weights or {}
    verb = _verb(parent, child, w, lexicon)
    mine = child.words | child.roots
    left = parent.words & place
    if child.roots and child.words - parent.words - UNITS.keys() <= place:  # verb about X
        left |= parent.done & parent.words  # "Tertanganinya X": "Persentase X yang ditangani"
    dropped = math.fsum(w.get(t, 1.0) for t in left - mine)
    whole = total(parent, w) - dropped + verb
    held = math.fsum(w.get(t, 1.0) for t in parent.words & mine)
    if whole <= 0 or held < COVER * whole:
        return 0.0
    added = math.fsum(w.get(t, 1.0) for t in child.words - parent.words - child.roots)
    inter, union = held, whole + ADDED * added
    if parent.roots and not verb:  # a verb said by the child too, or one saying little
        said = bool(parent.roots & (child.roots | child.words))
        inter, union = inter + LEAD_WEIGHT * said, union + LEAD_WEIGHT
    elif child.roots and not child.roots & parent.words:  # a verb the child adds
        union += LEAD_WEIGHT
    return round(min(1.0, inter / union), 6)


def _verb(parent: Phrase, child: Phrase, w: Mapping[str, float], lexicon: Lexicon) -> float:
    """The weight of ``parent``'s lead verb when ``child`` leaves it out and it says what
    was done (Mengaktifkan, Terbinanya): 0 for a verb saying only that something happened
    (:attr:`Lexicon.kerja_umum`) or which way it went (:attr:`Lexicon.antonim`)."""
    if not parent.roots or parent.roots & (child.roots | child.words):
        return 0.0
    if parent.roots & lexicon.kerja_umum or any(parent.roots & p for p in lexicon.antonim):
        return 0.0
    return max(w.get(r, 1.0) for r in parent.roots)


def _lead(
    a: Phrase, b: Phrase, w: Mapping[str, float], inter: float, union: float
) -> tuple[float, float]:
    """The lead verbs added to (shared, union) weight: see the module docstring."""
    for verb, other in ((a, b), (b, a)):
        if not verb.roots:
            continue
        noun = (verb.roots & other.words) - verb.words
        if not noun and verb.general and verb.words - UNITS.keys() <= other.words:
            noun = other.done & other.words - verb.words  # "Terlaksananya X" / "X yang digelar"
        if verb.roots & other.roots:
            if verb is a:  # the same verb, in any form: counted once
                inter, union = inter + LEAD_WEIGHT, union + LEAD_WEIGHT
        elif noun:  # a noun of the other text stands for the verb
            weight = max(w.get(t, 1.0) for t in noun)
            inter, union = inter + LEAD_WEIGHT, union - weight + LEAD_WEIGHT
        else:
            union += LEAD_WEIGHT
    return inter, union


def evidence(a: Phrase, b: Phrase, weights: Mapping[str, float], most: float) -> float:
    """How much rare text two phrases share: each shared root counts its rarity, 0 to 1.

    A root's rarity is its weight above the commonest possible (1), over the rarest's
    (``most``, the weight of a root in one text only): a word in every text counts 0.
    """
    return math.fsum(evidence_weight(weights.get(t, 1.0), most) for t in a.words & b.words)


def evidence_weight(weight: float, most: float) -> float:
    """The rarity of one root of ``weight`` (see :func:`evidence`), 0 to 1."""
    return max(0.0, (weight - 1.0) / (most - 1.0)) if most > 1.0 else 1.0
