"""What frames a decree's tables without being their data: a caption row above the header
("RENCANA KINERJA TAHUN 2026" merged across the table, or written in its first cell only)
and the signature written as a borderless table after the last position (place and date,
"CAMAT X", the name, "NIP. ..."). Word decrees carry both; :mod:`.tablerows` passes them
over, and the signature's lines are read by :mod:`.header` for ``tanggal`` and
``penandatangan`` like a signature written as paragraphs.

>>> caption(["RENCANA KINERJA TAHUN 2026"] * 5), caption(["Sasaran", "", ""])
('RENCANA KINERJA TAHUN 2026', 'Sasaran')
>>> caption(["1.", "Meningkatnya", "Persentase"]) is None, caption(["KINERJA : X", ""]) is None
(True, True)
>>> same_across(["SEKSI PEMERINTAHAN"] * 4), same_across(["a", "a"]), same_across(["a", "b", "a"])
(True, False, False)
"""

from __future__ import annotations

import re

from .columns import header_roles
from .document import Table
from .marks import UNIT_HEADING, title_of

__all__ = ["caption", "caption_above_header", "same_across", "signature_table"]


def caption(texts: list[str]) -> str | None:
    """The text of a row that holds one text only (one cell merged across the row, or its
    first cell alone) and reads as a caption, no ``Label : value`` line; else ``None``."""
    filled = {t for t in texts if t}
    if len(texts) < 2 or len(filled) != 1:
        return None
    text = next(iter(filled))
    if ":" in text or len(text) > 150 or UNIT_HEADING.match(text):
        return None
    return text


def caption_above_header(rows: list[list[str]], index: int) -> bool:
    """Whether row ``index`` of a table (its cells' texts) is a caption directly above the
    table's header row: no kinerja, whatever roles the table above had. Above a header a
    caption may also take a few cells of its own ("LAMPIRAN II | FORMULIR RENCANA KINERJA",
    the rest empty): no data row sits above the header naming its columns.

    >>> header = ["No", "Kinerja", "Indikator", "Target"]
    >>> caption_above_header([["LAMPIRAN II", "FORMULIR RENCANA KINERJA", "", ""], header], 0)
    True
    >>> caption_above_header([["1.", "Meningkatnya layanan", "Indeks kepuasan", "80"], header], 0)
    False
    """
    if caption(rows[index]) is None and not _framing(rows[index]):
        return False
    below = next((r for r in rows[index + 1 :] if any(r)), None)
    return below is not None and header_roles(below) is not None


_ORDINAL = re.compile(r"^\(?[0-9]{1,3}[.)]?$|^[a-z][.)]$")


def _framing(texts: list[str]) -> bool:
    """Whether a row holds a few short texts that frame a table (a form's name, a lampiran
    number) rather than a row's cells: two or three texts, the rest of the row empty, no
    ``Label : value``, no row number, no unit heading."""
    filled = [t for t in texts if t]
    if not 2 <= len(filled) <= 3 or len(filled) > len(texts) // 2:
        return False
    return not any(
        ":" in t or len(t) > 80 or _ORDINAL.match(t) or UNIT_HEADING.match(t) for t in filled
    )


def same_across(texts: list[str]) -> bool:
    """Whether every cell of a row (three or more) holds the same text: a title merged
    across the table, never a kinerja and its indicator."""
    return len(texts) >= 3 and all(texts) and len(set(texts)) == 1


_NIP = re.compile(r"^NIP\b\.?\s*:?\s*\d", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}|(?i:ditetapkan\s+di)\b)"
)


def signature_table(table: Table) -> bool:
    """Whether a table is the decree's signature: a few rows of at most two filled cells,
    no header row, no position title, and a place and date ("Karangtengah, 6 Januari
    2026", "Ditetapkan di ...") or a NIP with its number in one of its lines."""
    rows = [[(c or "").strip() for c in row.cells] for row in table.rows]
    rows = [r for r in rows if any(r)]
    if not rows or len(rows) > 10:
        return False
    if any(len({t for t in r if t}) > 2 or header_roles(r) is not None for r in rows):
        return False
    lines = [line.strip() for r in rows for cell in r for line in cell.split("\n")]
    if any(title_of(line) for line in lines):
        return False
    return any(_NIP.match(line) or _PLACE_DATE.match(line) for line in lines)
