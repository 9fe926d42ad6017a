"""Numbers written as words, read as digits (``dua puluh lima`` → ``25``)."""

from __future__ import annotations

__all__ = ["numbers"]

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
