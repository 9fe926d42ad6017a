"""Text keys: the one place pokin decides which differences in a text matter.

Two keys, chosen on purpose:

- :func:`fold` ignores case and spacing only. It compares names a planner typed
  (ids in references, column headers, unit names), where punctuation carries meaning:
  "No." is not "No", "S.1" is not "S1".
- :func:`words` also ignores punctuation, every run of it being a word break. It compares
  prose (kinerja and indikator texts, titles after "membantu"), where "Camat;" and "Camat"
  name the same thing and "Umum & Kepegawaian" keeps its words.

:func:`slugify` and :func:`unique` make ids from titles.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["fold", "slugify", "unique", "words"]

_PUNCTUATION = re.compile(r"[^\w]+")


def fold(text: Any) -> str:
    """Case and runs of whitespace ignored; punctuation kept.

    >>> fold("  Seksi   PEMERINTAHAN ")
    'seksi pemerintahan'
    >>> fold("No.") == fold("no")
    False
    """
    return " ".join(str(text).split()).casefold()


def words(text: Any) -> str:
    """Case, whitespace and punctuation ignored: the words, lower-case, one space apart.

    >>> words("Membantu CAMAT; dalam  urusan Umum & Kepegawaian.")
    'membantu camat dalam urusan umum kepegawaian'
    """
    return " ".join(_PUNCTUATION.sub(" ", str(text).casefold()).split())


def slugify(text: str) -> str:
    """Lower-case, ASCII, dash-separated form of a title, for ids.

    >>> slugify("KASUBBAG UMUM & KEPEGAWAIAN")
    'kasubbag-umum-kepegawaian'
    >>> slugify("Plt. Lurah  Kebomas")
    'plt-lurah-kebomas'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def unique(candidate: str, taken: set[str] | set[str | None]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... the first not in ``taken`` (then taken).

    >>> taken = {"sekretaris"}
    >>> unique("sekretaris", taken), unique("sekretaris", taken), unique("camat", taken)
    ('sekretaris-2', 'sekretaris-3', 'camat')
    """
    result, n = candidate, 1
    while result in taken:
        n += 1
        result = f"{candidate}-{n}"
    taken.add(result)
    return result
