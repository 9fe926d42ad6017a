"""The reason a suggestion gives (:func:`~pokin.link.suggest_links`), in a planner's words:
where the candidate sits, the words the two texts share, and the priors that ranked it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .morph import roots_of
from .text import phrase
from .themes import NONE, Affinity, Themes

__all__ = ["Evidence", "Shared", "shown", "why"]


@dataclass(frozen=True, slots=True)
class Shared:
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
                continue
            mine, theirs = _written(mine), _written(theirs)
            if len(mine) < 2 or len(theirs) < 2:  # "x" of a formula's "x 100%": no word
                continue
            word = mine if mine == theirs else f"{mine}/{theirs}"
            if word not in both and word not in context:  # an abbreviation's roots
                into.append(word)
        return both, context


def _written(shown: str) -> str:
    """A word as the decree writes it: "paten", not "paten=pelayanan ... kecamatan"."""
    return shown.split("=")[0].split("~")[0]


def why(
    shared: Shared, near: list[tuple[str, str]], level: int, text: str, priors: list[str]
) -> str:
    """The reason: where the candidate ``text`` sits (``level``), the words shared and
    spelled nearly alike, then ``priors`` (themes, the position's other kinerja)."""
    parts = []
    both, context = shared.words()
    if both:
        parts.append("kata sama: " + ", ".join(both[:4]))
    if context:
        parts.append("kata sama di konteks indikator atasan: " + ", ".join(context[:3]))
    if near:
        parts.append("kata mirip: " + ", ".join(f"{x}/{y}" for x, y in near[:2]))
    parts.extend(priors)
    if not parts:
        parts.append("tidak ada kata yang sama; urutan menurut daftar indikator atasan")
    where = "indikator atasan" if level == 1 else "satu jenjang di atas atasan"
    short = text if len(text) <= 70 else text[:67] + "..."
    return f"{where} «{short}»; " + "; ".join(parts)


def shown(texts: Iterable[str | None], lexicon: Lexicon) -> dict[str, str]:
    """Root -> the word as written, in ``texts`` (first one wins)."""
    found: dict[str, str] = {}
    for text in texts:
        if not text:
            continue
        p = phrase(text, lexicon)
        if p.lead:
            for root in roots_of(p.lead):
                found.setdefault(root, p.lead)
        for root, word in p.surface:
            found.setdefault(root, word)
    return found


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a score found (:meth:`~pokin.link.suggest._Reader.score` and ``ranked``)."""

    shared: list[str]  # shared roots, best first
    near: list[tuple[str, str]]  # roots spelled nearly alike
    level: int  # 1: the atasan's indicator; 2: one level up
    restated: bool  # the kinerja restates the candidate (never ranked down as generic)
    theme: Affinity = NONE  # the themes' affinity
    mine: Themes = field(default_factory=dict)  # the kinerja's themes (for the reason)
    sibling: bool = False  # the position's other kinerja support the candidate's kinerja
