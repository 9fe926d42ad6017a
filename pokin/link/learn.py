"""Abbreviations a tree teaches: the lexicon extended with what its own texts define.

Decrees write an abbreviation out in one row and use it in another ("Persentase usaha
mikro yang memiliki Nomor Induk Berusaha (NIB)" above, "... yang memiliki NIB" below).
The bundled lexicon cannot list every one, so :func:`learned` reads the tree's texts:

1. **Defined**: words followed by an abbreviation in parentheses, "Nomor Induk Berusaha
   (NIB)", "Badan Usaha Milik Desa (BUMDes)": the shortest run of words before it whose
   letters spell the abbreviation in order, its first word starting with its first letter
   (the Schwartz-Hearst rule).
2. **By initials**: a word of 3 to 6 capitals in a text that is not all capitals (SPIP)
   which the lexicon lacks and the dictionary does not know, and which the initials of
   one run of as many consecutive content words spell somewhere in the tree (Sistem
   Pengendalian Intern Pemerintah), one run only: two different runs spelling it leave
   it unread.

What the lexicon already holds is kept. A tree teaching nothing gets the same lexicon
back (its cache of read texts with it).

>>> lexicon = learned(["Tingkat maturitas SPIP", "Nilai Sistem Pengendalian Intern Pemerintah"])
>>> lexicon.singkatan["spip"]
'sistem pengendalian intern pemerintah'
>>> learned(["Jumlah usaha yang memiliki Nomor Induk Berusaha (NIB)"]).singkatan["nib"]
'nomor induk berusaha'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate

from ..models import PohonKinerja
from .lexicon import DEFAULT, Lexicon
from .morph import known

__all__ = ["forget", "learned", "taught"]

_DEFINED = re.compile(r"\(\s*([^\W\d_][^\W\d_-]{1,11})\s*\)")
_WORD = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile(r"\b[A-Z]{3,6}\b")
_BEFORE = 8
"""The most words an abbreviation's written-out form is looked for in."""


def taught(tree: PohonKinerja, lexicon: Lexicon = DEFAULT) -> Lexicon:
    """:func:`learned` over every text of ``tree`` (IKU, kinerja, indikator)."""
    texts = [s.uraian for s in tree.iku]
    texts += [k.uraian for _, k in tree.iter_kinerja()]
    texts += [i.uraian for _, i in tree.iter_indikator()]
    return learned(texts, lexicon)


def learned(texts: Iterable[str], lexicon: Lexicon = DEFAULT) -> Lexicon:
    """``lexicon`` with the abbreviations ``texts`` define or spell out (module docstring).

    The answer for the last texts and lexicon is kept, keyed by the texts themselves (not
    by a tree, which a notebook may edit): :func:`~pokin.link.infer_links` and then
    :func:`~pokin.link.suggest_links` on the same tree, or on the copy
    :func:`~pokin.link.apply_links` makes, read it once and share its phrases.
    """
    texts = frozenset(t for t in texts if t)
    if _last and _last[0][0] is lexicon and _last[0][1] == texts:
        return _last[0][2]
    found = _learned(texts, lexicon)
    _last[:] = [(lexicon, texts, found)]
    return found


_last: list[tuple[Lexicon, frozenset[str], Lexicon]] = []
"""The last :func:`learned` asked: the lexicon, the texts, the answer."""


def forget() -> None:
    """Drop the answer :func:`learned` keeps (and the phrases its lexicon holds)."""
    _last.clear()


def _learned(texts: frozenset[str], lexicon: Lexicon) -> Lexicon:
    found: dict[str, str] = {}
    for text in texts:
        if "(" in text:
            for short, long in _definitions(text):
                if short not in lexicon.singkatan and short not in lexicon.ejaan:
                    found.setdefault(short, long)
    wanted = _wanted(texts, lexicon, found)
    if wanted:
        found.update(_initials(texts, wanted, lexicon))
    if not found:
        return lexicon
    return replace(lexicon, singkatan={**lexicon.singkatan, **found}, cache={})


def _definitions(text: str) -> Iterable[tuple[str, str]]:
    """(abbreviation, written out) of each "words (ABBR)" in ``text``, lower case."""
    for match in _DEFINED.finditer(text):
        short = match.group(1)
        if short.islower():
            continue  # "(baik)" is a remark, not an abbreviation
        words = _WORD.findall(text[: match.start()])[-_BEFORE:]
        long = _spelled(short.casefold(), [w.casefold() for w in words])
        if long:
            yield short.casefold(), long


def _spelled(short: str, words: list[str]) -> str | None:
    """The shortest run of the last ``words`` whose letters hold ``short`` in order, its
    first word starting with ``short``'s first letter; None when none does."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if run[0][0] != short[0] or len(run) < 2:
            continue
        letters, at = "".join(run), 0
        for c in short:
            at = letters.find(c, at) + 1
            if not at:
                break
        else:
            return " ".join(run)
    return None


def _wanted(texts: frozenset[str], lexicon: Lexicon, found: dict[str, str]) -> set[str]:
    """The words of capitals (module docstring, 2) no reading knows yet, lower case."""
    listed = list(texts)
    ends = list(accumulate(len(t) + 1 for t in listed))  # where the next text starts
    lower: dict[int, bool] = {}
    wanted = set()
    for match in _CAPITALS.finditer("\n".join(listed)):  # one pass: most texts hold none
        at = bisect_right(ends, match.start())
        if at not in lower:
            lower[at] = any(c.islower() for c in listed[at])
        if not lower[at]:
            continue  # a text in capitals says nothing of which words are abbreviations
        short = match.group().casefold()
        if short not in lexicon.singkatan and short not in lexicon.ejaan:
            wanted.add(short)
    return {w for w in wanted - found.keys() if not known(w) and w not in lexicon.kata_tugas}


def _initials(texts: frozenset[str], wanted: set[str], lexicon: Lexicon) -> dict[str, str]:
    """The one run of consecutive content words whose initials spell each of ``wanted``."""
    pattern = re.compile("(?=(" + "|".join(sorted(wanted, key=len, reverse=True)) + "))")
    runs: dict[str, set[str]] = {}
    for text in texts:
        words = [w for w in _WORD.findall(text.casefold()) if len(w) > 1]
        if len(words) < 3:
            continue
        initials = "".join(w[0] for w in words)
        for match in pattern.finditer(initials):
            short, at = match.group(1), match.start()
            run = words[at : at + len(short)]
            if short not in run and not lexicon.kata_tugas.intersection(run):
                runs.setdefault(short, set()).add(" ".join(run))
    return {short: next(iter(found)) for short, found in runs.items() if len(found) == 1}
