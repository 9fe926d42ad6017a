"""Column labels as decrees print them: letter-spaced ("K I N E R J A"), hyphenated inside a
word ("INDI-KATOR"), with the last letter wrapped ("TARGE T"), or two spaced words whose
wider gap was lost ("I N D I K A T O R K I N E R J A"), written whole for
:func:`~pokin.decree.columns.column_role`."""

from __future__ import annotations

import re

__all__ = ["mended"]


def mended(label: str) -> str:
    """A label in capitals written letter-spaced ("K I N E R J A"), hyphenated inside a
    word ("INDI-KATOR") or with its last letter wrapped ("TARGE T"), written whole.

    >>> mended("S U M B E R  D A T A"), mended("INDI-KATOR KINER-JA"), mended("TARGE T")
    ('SUMBER  DATA', 'INDIKATOR KINERJA', 'TARGET')
    """
    label = re.sub(r"(?<=[A-Z])[-\u00ad]\s*(?=[A-Z])", "", label)
    label = re.sub(r"(?<!\S)[A-Z](?: [A-Z](?!\S))+", _spaced_word, label)
    return re.sub(r"(?<=[A-Z]{4}) (?=[A-Z]$)", "", label)


_LABEL_WORDS = (
    "INDIKATOR", "KINERJA", "SASARAN", "SUMBER", "DATA", "FORMULASI", "SATUAN", "TARGET",
    "TAHUN", "HASIL", "KERJA", "RENCANA", "PROGRAM", "KEGIATAN", "URAIAN", "KETERANGAN",
    "INDIVIDU", "UTAMA", "CARA", "PERHITUNGAN", "DEFINISI", "OPERASIONAL", "PENJELASAN",
    "JABATAN", "ATASAN", "LANGSUNG", "POLARITAS", "REALISASI", "CAPAIAN",
)  # fmt: skip
"""The words of column labels: a letter-spaced label whose gap between words was lost
("I N D I K A T O R K I N E R J A", the spaces collapsed) is cut back into them."""


def _spaced_word(found: re.Match[str]) -> str:
    """A run of letter-spaced capitals written whole, cut into label words when it is
    several of them run together.

    >>> _spaced_word(re.match(r".*", "I N D I K A T O R K I N E R J A"))
    'INDIKATOR KINERJA'
    >>> _spaced_word(re.match(r".*", "K I N E R J A")), _spaced_word(re.match(r".*", "A B C"))
    ('KINERJA', 'ABC')
    """
    word = found.group(0).replace(" ", "")
    cut = _label_words(word)
    return " ".join(cut) if cut else word


def _label_words(word: str) -> list[str] | None:
    """``word`` as two or more :data:`_LABEL_WORDS` run together, or ``None``."""
    for head in _LABEL_WORDS:
        if word.startswith(head) and len(word) > len(head):
            rest = word[len(head) :]
            tail = [rest] if rest in _LABEL_WORDS else _label_words(rest)
            if tail:
                return [head, *tail]
    return None
