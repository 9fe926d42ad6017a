"""Headings that open a position's part of a decree's lampiran, read as no one's text.

Decrees title each position's part of the lampiran above the position's opening lines:
"II.3. INDIKATOR KINERJA INDIVIDU SEKRETARIS KECAMATAN" (wrapped over two lines in a PDF),
"IKI JABATAN KEPALA SEKSI PEMERINTAHAN", "A. CAMAT", "Lampiran II.4". Read in document
order such a heading comes after the previous position's table, where a paragraph is that
position's (its catatan) or a lost table line. The readers hold back the heading-like
lines that follow a table (:class:`Held`): dropped when a position's title comes next (the
title says what the heading said), given back where they were going otherwise.

>>> heading_line("II.3. INDIKATOR KINERJA INDIVIDU KEPALA SUB BAGIAN UMUM DAN")
True
>>> heading_line("KEPEGAWAIAN"), heading_line("Lampiran II.4"), heading_line("A. Camat")
(True, True, True)
>>> heading_line("Catatan: target menyesuaikan APBD Perubahan.")
False
>>> heading_line("1. Target dihitung dari data tahun berjalan")
False
>>> heading_line("Kepegawaian"), heading_line("Kepegawaian", going_on=True)
(False, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["HEADING_OPENS", "Held", "heading_line"]

_NUMBER = r"(?:[IVXL]{1,4}|[A-Z]|\d{1,2})(?:\s*\.\s*(?:\d{1,2}|[A-Z]))*\s*[.)]?"
HEADING_OPENS = re.compile(
    rf"^(?:{_NUMBER}\s*)?(?:LAMPIRAN\b|IKI\b|INDIKATOR\s+KINERJA\s+(?:INDIVIDU|UTAMA)\b"
    r"|RENCANA\s+KINERJA\b|PERJANJIAN\s+KINERJA\b|POHON\s+KINERJA\b)",
    re.IGNORECASE,
)
"""A line that opens like a part of the lampiran: "II.3. INDIKATOR KINERJA INDIVIDU ...",
"IKI JABATAN ...", "Lampiran II.4"."""
_NUMBERED = re.compile(rf"^{_NUMBER}\s+(?=\S)")
_NOTE = re.compile(r"^\W*(?:catatan|keterangan|ket\.|sumber|nb)\b", re.IGNORECASE)
_SMALL = {"dan", "di", "ke", "pada", "yang", "serta", "atau", "untuk", "&", "/", "-"}
_LONGEST = 200


def _title_cased(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'-]*", text)
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL for w in words)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def heading_line(text: str, *, going_on: bool = False) -> bool:
    """Whether a line reads as a heading of the lampiran: in capitals, opening like a
    part of it (:data:`HEADING_OPENS`), or numbered ("A.", "II.3.") and title-cased;
    ``going_on`` (a heading line just above): a title-cased line goes on with it."""
    text = " ".join(text.split())
    if not text or len(text) > _LONGEST or _NOTE.match(text) or text.endswith(";"):
        return False
    if text.endswith(".") and len(text.split()) >= 4:  # a sentence of the decree
        return False
    if HEADING_OPENS.match(text) or _capitals(text):
        return True
    numbered = _NUMBERED.match(text)
    if numbered and len(text.split()) <= 12:
        return _title_cased(text[numbered.end() :])
    return going_on and _title_cased(text)


@dataclass
class Held:
    """Heading-like lines held back after a table until what follows says whose they are."""

    lines: list[tuple[int, str]] = field(default_factory=list)

    def take(self) -> list[tuple[int, str]]:
        """The held lines, in order; none are held after."""
        lines, self.lines = self.lines, []
        return lines
