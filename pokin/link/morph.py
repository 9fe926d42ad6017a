"""Indonesian word forms: roots (Sastrawi), compounds, verb forms and typos.

:func:`stem` reduces a word to its root with the Sastrawi stemmer (PySastrawi:
meningkatnya / peningkatan / ditingkatkan → tingkat). A word its dictionary lacks has its
affixes cut by rule, and when what is left is two dictionary roots written as one (a
compound: ditindaklanjuti → tindak lanjut, dikerjasamakan → kerja sama) both roots come
back, so the verb written as one word meets the two words of its noun ("tindak lanjut
pengaduan" / "pengaduan yang ditindaklanjuti").

:func:`verb_form` tells a word shaped like a verb (Meningkatnya, Terlaksananya,
ditindaklanjuti, Pelaksanaan) from nouns that merely look like one (Persentase,
Pemerintahan); :func:`typo` tells two long words one keystroke apart.

>>> stem("ditindaklanjuti"), stem("penindakan"), stem("kelurahan")
('tindak lanjut', 'tindak', 'kelurahan')
>>> verb_form("ditindaklanjuti"), verb_form("persentase"), passive("digelar")
(True, False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from .lexicon import Lexicon
from .scope import UNITS

__all__ = [
    "COMPOUND_PART",
    "TYPO_LENGTH",
    "known",
    "roots_of",
    "stem",
    "synonym_roots",
    "typo",
    "verb_form",
]

TYPO_LENGTH = 7
"""From this many letters on, a word one keystroke from another is read as a typo of it."""
COMPOUND_PART = 4
"""The least letters of each root a compound is split into (tindak + lanjut, kerja + sama)."""

_LEAD = re.compile(r"^(?:(?:ter|ber)\w{3,}|me\w{4,}|di\w{3,}(?:kan|i|nya)|pe\w{3,}an|\w{4,}nya)$")
_NOT_LEAD = frozenset(  # nouns that look like verb forms
    {
        "persentase",
        "pemerintahan",
        "pembangunan",
        "pendapatan",
        "perencanaan",
        "pelayanan",
        "perumahan",
        "permukiman",
        "pendidikan",
        "penduduk",
        "pegawai",
        "perangkat",
        "peraturan",
        "media",
        "menara",
        "meter",
        "metode",
        "mekanisme",
        "dinas",
        "dokumen",
        "data",
    }
)
_PASSIVE = re.compile(r"^(?:di|ter)\w{3,}$")
_STEMMER = StemmerFactory().create_stemmer()
_DICTIONARY = _STEMMER.delegatedStemmer.dictionary


def known(word: str) -> bool:
    """Whether the stemmer's dictionary holds ``word`` as a root."""
    return bool(_DICTIONARY.contains(word))


def verb_form(word: str) -> bool:
    """Whether a word is shaped like a verb or a verbal noun (a lead verb, see
    :mod:`pokin.link.text`); ``passive`` forms (di-, ter-) are tested by :func:`passive`."""
    return bool(_LEAD.match(word)) and word not in _NOT_LEAD


def passive(word: str) -> bool:
    """Whether a word is shaped like a passive verb (digelar, ditindaklanjuti, tercatat)."""
    return bool(_PASSIVE.match(word)) and word not in _NOT_LEAD


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root of an Indonesian word (Sastrawi), unit words and numbers as they are.

    A word Sastrawi's dictionary lacks comes back whole; its affixes are then cut by
    rule (ditindaklanjutinya → tindaklanjut), so two forms of it still meet, and what is
    left is split into the two dictionary roots it is made of, if it is (a compound,
    returned as two words: "tindak lanjut"). Only an affixed word is split: a name
    written as one word (Cempakasari) is no compound of two ordinary words.

    >>> stem("terlaksananya"), stem("pelaksanaan"), stem("kelurahan")
    ('laksana', 'laksana', 'kelurahan')
    >>> stem("ditindaklanjutinya") == stem("ditindaklanjuti") == "tindak lanjut"
    True
    >>> stem("terealisasinya"), stem("tersosialisasinya"), stem("disosialisasikan")
    ('realisasi', 'sosialisasi', 'sosialisasi')
    >>> stem("sukamaju")
    'sukamaju'
    """
    if word in UNITS or not word.isalpha() or len(word) < 4:
        return word
    root = str(_STEMMER.stem(word)) or word
    if root != word:
        return _loanword(word, root)
    cut = _cut(word) if len(word) >= 8 else word
    return (_compound(cut) or cut) if cut != word else word


_LOAN_SUFFIXES = ("isasi", "sasi", "asi", "si")


def _loanword(word: str, root: str) -> str:
    """``root``, or the loanword in -(is)asi it was cut from when the word holds it whole:
    Sastrawi reads "tersosialisasinya" as "sosial" but "disosialisasikan" as
    "sosialisasi", "terealisasinya" as "real" but "terealisasi" as "realisasi"."""
    for suffix in _LOAN_SUFFIXES:
        whole = root + suffix
        if whole in word and _DICTIONARY.contains(whole):
            return whole
    return root


def roots_of(word: str) -> list[str]:
    """The roots of a word: one, or the two of a compound (see :func:`stem`)."""
    return stem(word).split()


def _cut(word: str) -> str:
    """Affixes cut by rule, for words Sastrawi lacks: a -nya, then a di-/ter-/ber- prefix
    with the -kan/-i of its confix (never the -i of a loanword in -si: verifikasi)."""
    if word.endswith("nya") and len(word) >= 8:
        word = word[:-3]
    for prefix in ("di", "ter", "ber"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            word = word[len(prefix) :]
            for suffix in ("kan", "i"):
                if word.endswith(suffix) and not word.endswith("si") and len(word) >= 7:
                    return word[: -len(suffix)]
            return word
    return word


def _compound(word: str) -> str | None:
    """``word`` as the two dictionary roots it is written of ("tindak lanjut"), if any:
    the split with the longest first root that leaves a root too."""
    if len(word) < 2 * COMPOUND_PART or _DICTIONARY.contains(word):
        return None
    for cut in range(len(word) - COMPOUND_PART, COMPOUND_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if _DICTIONARY.contains(head) and _DICTIONARY.contains(tail):
            return f"{head} {tail}"
    return None


def typo(a: str, b: str) -> bool:
    """Whether two long words are one keystroke apart (a swap counts as one)."""
    return a != b and min(len(a), len(b)) >= TYPO_LENGTH and OSA.distance(a, b, score_cutoff=1) <= 1


def synonym_roots(lexicon: Lexicon) -> dict[str, str]:
    """The roots of the one-word ``sinonim`` entries, each to its word's root: every form
    of the word reads as the other ("tertanggulanginya" as "tertanganinya")."""
    found = lexicon.cache.get(_SYNONYMS)
    if found is None:
        found = lexicon.cache[_SYNONYMS] = {
            stem(k): stem(v)
            for k, v in lexicon.sinonim.items()
            if " " not in k and " " not in v and stem(k) != stem(v)
        }
    return found


_SYNONYMS = ("sinonim", "roots")
