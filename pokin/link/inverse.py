"""Inverse indicators: a child measuring the other side of its parent's thing.

A subordinate often measures the opposite side of what its superior measures: "Menurunnya
keterlambatan penerbitan dokumen perizinan" carries "Persentase dokumen perizinan yang
diterbitkan tepat waktu", "angka putus sekolah" carries "angka partisipasi sekolah",
"tunggakan PBB" carries "realisasi PBB". The lexicon's ``kebalikan`` lists such pairs
of sides (:attr:`~pokin.link.lexicon.Lexicon.kebalikan`). :func:`inverted` reads one text
turned to the other's side (its side's words replaced by the other's, an opposite lead
verb turned too: "Menurunnya keterlambatan X" says "Meningkatnya X tepat waktu"), so the
pair is scored as a restatement, but only when the two texts also share the thing
measured (dokumen perizinan, sekolah, PBB): two sides alone say nothing.

>>> from pokin.link.text import phrase
>>> a = phrase("Menurunnya keterlambatan penyampaian laporan")
>>> b = phrase("Persentase laporan yang disampaikan tepat waktu")
>>> sorted(inverted(a, b).words), sorted(inverted(a, b).roots)
(['lapor', 'sampai', 'tepat', 'waktu'], ['naik', 'tingkat'])
>>> inverse_pair(a, b)
('keterlambatan', 'tepat waktu')
>>> inverted(phrase("Menurunnya keterlambatan gaji"), b) is None
True
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import DEFAULT, Lexicon
from .scope import UNITS
from .text import Phrase, phrase, stem

__all__ = ["inverse_pair", "inverse_side", "inverted", "sides"]

Side = tuple[frozenset[str], frozenset[str], str, str]
"""(roots of one side, roots of the other, the first as written, the other as written)."""

_KEY = ("kebalikan", "sides")  # two words: no word's own key in the cache


def sides(lexicon: Lexicon = DEFAULT) -> tuple[tuple[Side, ...], frozenset[str]]:
    """The lexicon's pairs of sides read as roots, each way round (the pair with the
    larger other side first), and every root of a side (kept with the lexicon)."""
    found = lexicon.cache.get(_KEY)
    if found is None:
        pairs: list[Side] = []
        for x, y in lexicon.kebalikan:
            rx, ry = _roots(x, lexicon), _roots(y, lexicon)
            if rx and ry and rx.isdisjoint(ry):
                pairs += [(rx, ry, x, y), (ry, rx, y, x)]
        pairs.sort(key=lambda p: -len(p[1]))
        every = frozenset[str]().union(*(p[0] for p in pairs))
        found = lexicon.cache[_KEY] = (tuple(pairs), every)
    return found


def _roots(side: str, lexicon: Lexicon) -> frozenset[str]:
    p = phrase(side, lexicon)
    return p.words | p.roots


def _side(a: Phrase, b: Phrase, lexicon: Lexicon) -> Side | None:
    """The pair of sides ``a`` and ``b`` each hold one of, and not the other's."""
    pairs, every = sides(lexicon)
    if a.words.isdisjoint(every) or (b.words | b.roots).isdisjoint(every):
        return None
    mine, theirs = a.words, b.words | b.roots
    for pair in pairs:
        x, y = pair[0], pair[1]
        if (
            x <= mine
            and y <= theirs
            and not y <= a.words | a.roots
            and not x <= theirs
            and _as_written(a, pair[2], lexicon)
            and _as_written(b, pair[3], lexicon)
        ):
            return pair
    return None


def _as_written(p: Phrase, side: str, lexicon: Lexicon) -> bool:
    """Whether ``p`` writes each word of ``side`` that the lexicon writes as a bare root
    as such (or with -nya: kondusifnya): a bare root's derived forms may mean something
    else ("putus" sekolah, but "keputusan" is a decision); a side written affixed
    (keterlambatan, tunggakan) is met by every form of its root (terlambat, menunggak)."""
    shown = {lexicon.reading.get(w, w).removesuffix("nya") for _, w in p.surface}
    for word in side.split():
        root = stem(lexicon.reading.get(word, word))
        if root == word and word not in shown and p.lead != word:
            return False
    return True


def inverse_side(a: Phrase, b: Phrase, lexicon: Lexicon = DEFAULT) -> Side | None:
    """The pair of sides ``a`` is read turned to ``b``'s by, or ``None``: no pair, or
    nothing but the sides shared (the thing measured differs)."""
    pair = _side(a, b, lexicon)
    if pair is None:
        return None
    if not (a.words & b.words) - pair[0] - pair[1] - UNITS.keys() - _where(lexicon):
        return None
    return pair


def inverted(a: Phrase, b: Phrase, lexicon: Lexicon = DEFAULT) -> Phrase | None:
    """``a`` turned to ``b``'s side of an inverse pair (see the module docstring), or
    ``None`` (see :func:`inverse_side`)."""
    pair = inverse_side(a, b, lexicon)
    if pair is None:
        return None
    words = _turned(a.words - pair[0], lexicon) | pair[1]
    return replace(
        a, words=words, roots=_turned(a.roots, lexicon), chunks=(), qualifies=(), parts=()
    )


def inverse_pair(a: Phrase, b: Phrase, lexicon: Lexicon = DEFAULT) -> tuple[str, str] | None:
    """The sides (as the lexicon writes them) ``a`` and ``b`` are read turned by."""
    pair = inverse_side(a, b, lexicon)
    return None if pair is None else (pair[2], pair[3])


def _turned(roots: frozenset[str], lexicon: Lexicon) -> frozenset[str]:
    """``roots`` with each root of an opposite pair (``antonim``) turned to the other (to
    every other, for a root of several pairs)."""
    out = set(roots)
    for pair in lexicon.antonim:  # read from ``roots``: turun is both naik's and tingkat's
        held = roots & pair
        if len(pair) == 2 and len(held) == 1:
            out = (out - held) | (pair - held)
    return frozenset(out)


def _where(lexicon: Lexicon) -> frozenset[str]:
    """The roots of the words of place and time (``kata_keterangan``): no thing measured."""
    key = ("kebalikan", "where")
    found = lexicon.cache.get(key)
    if found is None:
        found = lexicon.cache[key] = frozenset().union(
            *(_roots(w, lexicon) for w in lexicon.kata_keterangan)
        )
    return found
