"""Whose result a text is: the words naming a unit or a level of government.

Words naming a unit or a level (:data:`UNITS`) are kept as written, never stemmed: they
say *whose* result a text is ("Rencana Program Kerja Kelurahan" is not the kecamatan's),
see :func:`pokin.link.similarity.other_unit`. :func:`subject` and :func:`levels` read the
most specific unit and level a text names.
"""

from __future__ import annotations

import re

__all__ = ["LEVEL", "UNITS", "levels", "subject"]

UNITS: dict[str, int] = {
    "subbagian": 0,  # within the sekretariat ("sub bagian", "subbag" are read as one word)
    "seksi": 1,
    "sekretariat": 1,
    "desa": 2,
    "kelurahan": 2,
    "kecamatan": 3,
    "kabupaten": 4,
    "kota": 4,
    "provinsi": 5,
}
"""Words naming a unit (below :data:`LEVEL`) or a level of government, most specific first."""
LEVEL = 2
"""The rank from which :data:`UNITS` names a level of government (desa, kelurahan, ...)."""

UNIT_WORDS = frozenset(UNITS)
_LEVELS = "|".join(w for w, rank in UNITS.items() if rank >= LEVEL)
_JOINED = re.compile(rf"\b({_LEVELS})\s*(?:,|/|dan/atau|dan|serta|atau)\s*({_LEVELS})\b")


def _most_specific(words: frozenset[str], rank: int) -> frozenset[str]:
    """The words of :data:`UNITS` from ``rank`` on that name the most specific unit."""
    hits = words & UNIT_WORDS
    if not hits:
        return frozenset()
    ranks = {w: UNITS[w] for w in hits if UNITS[w] >= rank}
    low = min(ranks.values(), default=None)
    return frozenset(w for w, r in ranks.items() if r == low)


def subject(words: frozenset[str], body: str) -> frozenset[str]:
    """The most specific unit a text names; levels joined to it count (see :func:`levels`).

    >>> sorted(subject(frozenset({"seksi", "kecamatan"}), "seksi ... kecamatan"))
    ['seksi']
    """
    found = _most_specific(words, 0)
    return levels(words, body) if found and min(UNITS[w] for w in found) >= LEVEL else found


def levels(words: frozenset[str], body: str) -> frozenset[str]:
    """The most specific level of government a text names, with those joined to it:
    "di lingkup Kecamatan dan Kelurahan" is about both levels, while "Kelurahan
    Kecamatan Kebomas" is about the kelurahan (in that kecamatan).

    >>> sorted(levels(frozenset({"kecamatan", "kelurahan"}), "lingkup kecamatan dan kelurahan"))
    ['kecamatan', 'kelurahan']
    >>> sorted(levels(frozenset({"kecamatan", "kelurahan"}), "kelurahan kecamatan kebomas"))
    ['kelurahan']
    """
    found = _most_specific(words, LEVEL)
    if not found:
        return found
    for a, b in _JOINED.findall(body):
        if a in found or b in found:
            found |= {a, b}
    return found
