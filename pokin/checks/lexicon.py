"""The words that tell an activity from a result (:mod:`pokin.checks.wording` reads them):
a nominalised activity (*pelaksanaan*, *penyusunan* ...) or an active ``me-`` verb without
the ``-nya`` that makes *meningkatnya* a state, as the first word of a text.

>>> activity_words(["Melaksanakan rapat", "Meningkatnya mutu", "2. Penyusunan Renja"])
{0: 'melaksanakan', 2: 'penyusunan'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from operator import not_

__all__ = ["activity_word", "activity_words", "first_word", "lexicon"]


def lexicon(text: str, sep: str | None = None) -> frozenset[str]:
    """The entries of a word list written as one text (split on ``sep``, stripped)."""
    return frozenset(item.strip() for item in text.split(sep))


_NOT_VERBS = lexicon(
    "media menara meja metode mekanisme merek menu mental meter medis mesin menteri menit "
    "mei melati merah mekar megah"
)
_NOMINAL = lexicon(
    "pelaksanaan penyusunan penyelenggaraan fasilitasi koordinasi pengoordinasian "
    "pengkoordinasian pengelolaan pembinaan pemantauan pendampingan penyiapan pembuatan "
    "pengumpulan penyampaian penginputan pengadministrasian penyaluran pendistribusian "
    "penatausahaan pengurusan pemrosesan penginventarisasian inventarisasi rekapitulasi "
    "kegiatan rapat"
)
_VERB = re.compile(r"^(?:me|mem|men|meng|meny|menge)[a-z]{3,}$")
_LEAD = re.compile(r"^\s*(?:\(?[0-9a-z]{1,3}[.)]\s+)")
_ASCII_HEAD = re.compile(r"(?>(?:\s*(?:\(?[0-9a-z]{1,3}[.)]\s+))?)[^A-Za-z0-9_]*([A-Za-z0-9_]+)")
"""On ASCII text, :data:`_LEAD` when it matches (atomic: never given back) and the first
word after it, as :func:`first_word` finds it (casefold is lower, ``\\w`` is
``[A-Za-z0-9_]``)."""


_WORD = re.compile(r"\w+")


def first_word(text: str) -> str:
    """The first of :func:`~pokin._text.words` of ``text`` ('' when none), without the rest.

    >>> first_word(" «Persentase» capaian"), first_word("--")
    ('persentase', '')
    """
    found = _WORD.search(text.casefold())
    return found.group() if found else ""


def activity_word(text: str) -> str | None:
    """The first word of ``text`` when it names an activity rather than a result."""
    if text.isascii():  # one match: the lead (kept once found, as below), then the word
        head = _ASCII_HEAD.match(text)
        first = head.group(1).lower() if head else ""
    else:
        lead = _LEAD.match(text)
        first = first_word(text[lead.end() :] if lead else text)
    if first in _NOMINAL:
        return first
    if first.endswith("nya") or first in _NOT_VERBS or not _VERB.match(first):
        return None
    return first


def _by_prefix(entries: frozenset[str]) -> str:
    """A regex alternation of ``entries``, case-insensitive, grouped by the first two
    letters (Python's ``re`` tries each alternative in turn)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(entries, key=len, reverse=True):
        groups.setdefault(word[:2], []).append(re.escape(word[2:]))
    return "|".join(f"(?i:{head})(?i:{'|'.join(rest)})" for head, rest in groups.items())


_MAYBE_ACTIVITY = re.compile(
    r"(?>(?:\s*(?:\(?[0-9a-z]{1,3}[.)]\s+))?)[^A-Za-z0-9_]*(?:"
    + _by_prefix(_NOMINAL)
    + r"|(?i:me)[A-Za-z]{3,}(?<![Nn][Yy][Aa]))(?![A-Za-z0-9_])"
)
"""On ASCII text, :data:`_ASCII_HEAD` where its word may name an activity (a nominalised
activity, or ``me-`` and three letters more without ``-nya``): the texts
:func:`activity_word` must read, of many."""


def activity_words(texts: Sequence[str]) -> dict[int, str]:
    """:func:`activity_word` of each of ``texts`` that names an activity, by position: one
    regex sweep (in C) finds the few it must read."""
    n = len(texts)
    maybe = set(compress(range(n), map(_MAYBE_ACTIVITY.match, texts)))
    if not all(map(str.isascii, texts)):  # the sweep reads ASCII text
        maybe.update(compress(range(n), map(not_, map(str.isascii, texts))))
    found = {at: activity_word(texts[at]) for at in sorted(maybe)}
    return {at: word for at, word in found.items() if word is not None}
