"""Numbers written as words, read as digits (``dua puluh lima`` → ``25``)."""

from __future__ import annotations

from functools import cache

__all__ = ["BOUND_TAIL", "numbers", "without_bound"]

BOUND_TAIL = 3
"""How many words of its unit may follow a bound's number ("5 hari kerja")."""
_SCALES = {"belas": 0, "puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000}


def numbers(tokens: list[str], bilangan: dict[str, int]) -> list[str]:
    """Numbers written as words read as digits: ``dua puluh lima`` → ``25``.

    >>> from pokin.link.lexicon import DEFAULT
    >>> numbers("dalam satu hari , seratus dua puluh lima persen".split(), DEFAULT.bilangan)
    ['dalam', '1', 'hari', ',', '125', 'persen']
    """
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if token in bilangan or (run and token in _SCALES):
            run.append(token)
            continue
        if run:
            out.append(str(_value(run, bilangan)))
            run = []
        if token:
            out.append(token)
    return out


def _value(run: list[str], bilangan: dict[str, int]) -> int:
    """The value of number words (see :func:`numbers`): units, then tens, hundreds..."""
    total = group = small = 0
    for word in run:
        if word == "belas":
            small += 10
        elif word == "puluh":
            small *= 10
        elif word == "ratus":
            group, small = group + (small or 1) * 100, 0
        elif word in _SCALES:
            total, group, small = total + (group + small or 1) * _SCALES[word], 0, 0
        elif (value := bilangan[word]) >= 1000:
            total += value
        elif value >= 100:
            group += value
        else:
            small += value
    return total + group + small


def without_bound(tokens: list[str], bounds: tuple[str, ...], breaks: frozenset[str]) -> list[str]:
    """``tokens`` without the bound closing them: a word of ``bounds`` (``kata_batas``:
    minimal, paling lama) with a number after it and at most :data:`BOUND_TAIL` words of
    its unit, none of them in ``breaks`` (a list or a clause goes on). How much a target
    asks is no part of what it measures, and a subordinate drops it.

    >>> b = ("minimal", "paling lama")
    >>> without_bound("kader terlatih minimal 5 orang".split(), b, frozenset())
    ['kader', 'terlatih']
    >>> without_bound("dijawab paling lama 5 hari kerja".split(), b, frozenset())
    ['dijawab']
    >>> without_bound("capaian skp minimal baik".split(), b, frozenset())
    ['capaian', 'skp', 'minimal', 'baik']
    >>> without_bound("minimal 5 orang dan aktif".split(), b, frozenset({"dan"}))
    ['minimal', '5', 'orang', 'dan', 'aktif']
    """
    split = _split(bounds)
    if split[1].isdisjoint(tokens):
        return tokens
    for i in range(1, len(tokens) - 1):
        for bound in split[0]:
            at = i + len(bound)
            number = tokens[at : at + 1]
            if tuple(tokens[i:at]) != bound or not number or not number[0][:1].isdigit():
                continue
            tail = tokens[at + 1 :]
            if len(tail) <= BOUND_TAIL and all(t.isalpha() and t not in breaks for t in tail):
                return tokens[:i]
    return tokens


@cache
def _split(bounds: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """The bounds as token tuples ("sekurang-kurangnya": two tokens), and their first words."""
    split = tuple(tuple(b.replace("-", " ").split()) for b in bounds)
    return split, frozenset(b[0] for b in split if b)
