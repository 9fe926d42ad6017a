"""The reason a suggestion gives (:func:`~pokin.link.suggest_links`), in a planner's words:
where the candidate sits, the words the two texts share, and the priors that ranked it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Shared", "why"]


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
