"""A word broken at a hyphen over two lines: the typesetter's break, or a real hyphen?

A decree printed to PDF breaks long words at the end of a cell's line ("Mening-" /
"katnya": Word's optional hyphen, Chromium's ``&shy;``), and it breaks compounds at their
own hyphen ("kader-" / "kader", "e-" / "KTP", "SP4N-" / "LAPOR"). The PDF text keeps no
sure sign of which is which (Chromium writes its break as U+2010, Word as ``-``, and
:mod:`.hygiene` makes both ``-``), so the two halves decide:

- a **real hyphen** joins a reduplication (kader-kader, Rata-rata, sehari-hari, tolong-
  menolong, sayur-mayur: the halves share a run of three letters), a prefix of one letter
  (e-KTP, e-kinerja), a half in capitals or with a digit (SP4N-LAPOR, PBB-P2, ke-2,
  se-Kecamatan): the hyphen stays;
- otherwise, a word of letters with a lower-case letter broken before a lower-case letter
  is a **word broken by the typesetter**: the hyphen goes ("Meningkatnya").

The rule is the halves' shape, not a dictionary: a compound of two distinct lower-case
words broken exactly at its hyphen at a line end ("non-" / "fisik") is written whole
("nonfisik", as KBBI spells it).

A **soft hyphen** (U+00AD, Word's optional hyphen, Chromium's ``&shy;``) is an invisible
hyphenation point inside a word, never a hyphen of the text: a line ending in one (with or
without the U+2010 a typesetter draws for it) is a word broken there, joined **without a
hyphen** whatever the halves look like ("kader\u00ad" + "kader" is "kaderkader"). This
module is the one place that decides it. :mod:`.hygiene` keeps a word's last soft hyphen
(as one :data:`SOFT_HYPHEN`, for :func:`join_wrapped` to see, in every reader and both the
text and the PDF/Word paths) and drops every other; one that no line followed is shown
as the hyphen the page draws there (:func:`shown_breaks`).
"""

from __future__ import annotations

import re

__all__ = ["SOFT_HYPHEN", "join_wrapped", "shown_breaks", "typeset_break"]

SOFT_HYPHEN = "\u00ad"
"""The mark of a word broken over two lines without a hyphen of its own."""

_HEAD = re.compile(r"(?:^|(?<=[\s(\"'/]))([^\W\d_]+)[-\u2010\u2011]$")
"""The word before a line-end hyphen, letters only, not itself part of a compound."""
_TAIL = re.compile(r"[^\W\d_]+")
_BROKEN_AT_HYPHEN = re.compile(r"(?<=\w)(\u00ad?)[-\u2010\u2011]$|(?<=\w)(\u00ad)$")
"""A line ending in a hyphen (the ASCII one, or the typesetter's U+2010/U+2011) right
after a letter, or in a soft hyphen U+00AD (with or without its U+2010): a sure break."""


def typeset_break(head: str, tail: str) -> bool:
    """Whether ``head`` + "-" at a line end and ``tail`` on the next line are one word the
    typesetter broke (the hyphen is dropped), not a compound written with a hyphen.

    >>> typeset_break("Mening", "katnya"), typeset_break("admini", "strasi")
    (True, True)
    >>> typeset_break("kader", "kader"), typeset_break("sehari", "hari")
    (False, False)
    >>> typeset_break("e", "kinerja"), typeset_break("SP4N", "LAPOR"), typeset_break("se", "Kota")
    (False, False, False)
    """
    if len(head) < 2 or not head.isalpha() or head.isupper():
        return False
    if not tail[:1].islower() or not tail.isalpha():
        return False
    head, tail = head.casefold(), tail.casefold()
    return not any(head[i : i + 3] in tail for i in range(len(head) - 2))


def join_wrapped(text: str, more: str) -> str:
    """A text and the next line it wraps onto: joined with a space, except after a word
    ending in a hyphen. There the word goes on without a space: the hyphen dropped when
    the typesetter broke the word (:func:`typeset_break`), kept when a compound or an
    abbreviation was broken at its hyphen ("SP4N-" + "LAPOR", "kader-" + "kader").

    >>> join_wrapped("pengaduan SP4N-", "LAPOR"), join_wrapped("mengisi e-", "Kinerja tepat")
    ('pengaduan SP4N-LAPOR', 'mengisi e-Kinerja tepat')
    >>> join_wrapped("Mening-", "katnya kualitas"), join_wrapped("pelatihan kader-", "kader")
    ('Meningkatnya kualitas', 'pelatihan kader-kader')
    >>> join_wrapped("Mening\u00ad\u2010", "katnya"), join_wrapped("kader\u00ad", "kader")
    ('Meningkatnya', 'kaderkader')
    >>> join_wrapped("Jumlah laporan -", "triwulan"), join_wrapped("", "Nilai IKM")
    ('Jumlah laporan - triwulan', 'Nilai IKM')
    """
    if not text or not more:
        return text or more
    broken = _BROKEN_AT_HYPHEN.search(text)
    if broken and more[0].isalnum():
        head, tail = _HEAD.search(text), _TAIL.match(more)
        if any(broken.groups()) or (head and tail and typeset_break(head[1], tail.group())):
            return text[: broken.start()] + more
        return text + more
    return f"{text} {more}"


def shown_breaks(text: str) -> str:
    """``text`` with each soft hyphen left in it written as the hyphen the page shows at
    that break: one that ended a line no reader joined to the next (a word cut by a
    misread cell, a line kept aside), so the planner sees the word is cut.

    >>> shown_breaks("Jumlah kader\u00ad"), shown_breaks("Nilai IKM")
    ('Jumlah kader-', 'Nilai IKM')
    """
    return text.replace(SOFT_HYPHEN, "-") if SOFT_HYPHEN in text else text
