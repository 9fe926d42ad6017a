"""Clean item texts: list marks off, notes out of the data source, IKU codes apart.

>>> clean_item("- Persentase surat terarsip"), clean_item("• Nilai SKM"), clean_item("a. Jumlah")
('Persentase surat terarsip', 'Nilai SKM', 'Jumlah')
>>> clean_item("1) Persentase aduan"), clean_item("3 (tiga) dokumen")
('Persentase aduan', '3 (tiga) dokumen')
>>> split_catatan("Laporan absensi. Catatan: hari kerja = 240 hari")
('Laporan absensi', 'Catatan: hari kerja = 240 hari')
>>> split_code("I.K.S.1.1 Nilai IKM")
('I.K.S.1.1', 'Nilai IKM')
"""

from __future__ import annotations

import re

from .parts import Row

__all__ = [
    "CODE_INDIKATOR",
    "CODE_SASARAN",
    "clean_item",
    "clean_row",
    "split_catatan",
    "split_code",
]

_MARK = re.compile(r"^(?:[-–•*▪●◦·\uf0b7\uf0a7]\s*|\(?(?:\d{1,2}|[a-zA-Z])[.)]\s+)")
_CATATAN = re.compile(r"(?:^|[\s.;,])\(?(catatan|keterangan|ket\.)\s*:\s*", re.IGNORECASE)
CODE_SASARAN = re.compile(r"(?:S{1,2}|T)[.-]?\d+(?:\.\d+)*")
"""An IKU sasaran's code: ``S.1``, ``SS1``, ``SS-1``, ``T.1`` (a tujuan numbered as one)."""
CODE_INDIKATOR = re.compile(r"(?:I\.?K\.?(?:S|U|SS|T)?[.-]?|IKU[.-]?\s?)\d+(?:\.\d+)*")
"""An IKU indicator's code: ``I.K.S.1.1``, ``IKU 1``, ``IKU-1``, ``IK.1.1``, ``IKSS1.2``."""


def clean_item(text: str) -> str:
    """An item's text without the list mark a decree opens it with ("- ", "•", "a.", "1)").

    A number that is part of the text ("3 (tiga) dokumen", "100% surat") stays.
    """
    text = " ".join(text.split())
    while True:
        stripped = _MARK.sub("", text, count=1)
        if stripped == text or not stripped:
            return text
        text = stripped


def split_catatan(text: str) -> tuple[str, str]:
    """Split a note ("Catatan: ...", "Keterangan: ...") off a cell: ``(rest, note)``."""
    match = _CATATAN.search(text)
    if not match:
        return text, ""
    rest = text[: match.start()].strip(" .;,(")
    note = text[match.start() :].strip(" .;,()")
    return rest, note[:1].upper() + note[1:]


def split_code(text: str) -> tuple[str | None, str]:
    """Split a leading IKU code off a text: ``("S.1", "Meningkatnya ...")``."""
    first, _, rest = text.partition(" ")
    first = first.strip("*:.,")
    if CODE_SASARAN.fullmatch(first) or CODE_INDIKATOR.fullmatch(first):
        return first, rest.strip()
    return None, text


def clean_row(row: Row) -> Row:
    """A row with its kinerja and indicator free of list marks, and a note written in its
    data source or formula ("Catatan: hari kerja = 240 hari") moved to its catatan."""
    row.kinerja, row.indikator = clean_item(row.kinerja), clean_item(row.indikator)
    row.sumber_data, note = split_catatan(row.sumber_data)
    row.formulasi, more = split_catatan(row.formulasi)
    row.catatan = "; ".join(text for text in (row.catatan, note, more) if text)
    return row
