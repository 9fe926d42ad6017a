"""A position's atasan as a table's ``atasan`` column names it ("Atasan Langsung", "Jabatan
Atasan"): one declaration per block, like an "ATASAN LANGSUNG : X" line.

Every table reader that knows column roles (Word / PDF / -layout tables in
:mod:`.tablerows`, a cascading :mod:`.matrix`, markdown pipe and HTML tables, tab text)
calls :func:`declare_atasan` with the cell; the builder (:mod:`.atasan`) then prefers it to
what the jabatan names imply, and says so, with the cell's line, when it names no position.

>>> block = Block("PENGELOLA LAYANAN PERIZINAN", 12)
>>> notes: list[tuple[int, str]] = []
>>> declare_atasan(block, "Kepala Seksi\\nPelayanan Umum", 12, notes)
>>> block.atasan, block.atasan_line
('Kepala Seksi Pelayanan Umum', 12)
>>> declare_atasan(block, "", 13, notes)  # a merged or empty cell: the same position's
>>> declare_atasan(block, "Sekretaris Kecamatan", 14, notes)
>>> block.atasan, notes[0][0]
('Kepala Seksi Pelayanan Umum', 14)
"""

from __future__ import annotations

import re

from .parts import Block

__all__ = ["atasan_cell", "declare_atasan"]

_EMPTY = re.compile(r"[-–—.:/\s]*")  # "-", "–": no atasan written


def atasan_cell(cell: str) -> str | None:
    """The atasan an ``atasan`` column's cell names (its lines joined), ``None`` if none.

    >>> atasan_cell(" Camat\\n"), atasan_cell("-"), atasan_cell("")
    ('Camat', None, None)
    """
    nama = " ".join(cell.split()).strip(" :;,")
    return None if _EMPTY.fullmatch(nama) else nama


def declare_atasan(block: Block, cell: str, line: int, notes: list[tuple[int, str]]) -> None:
    """Give ``block`` the atasan its ``atasan`` column's ``cell`` names (on ``line``); an
    empty cell says nothing, a second, different name is noted and not used."""
    nama = atasan_cell(cell)
    if nama is None:
        return
    if block.atasan is None:
        block.atasan, block.atasan_line = nama, line
        return
    if " ".join(block.atasan.casefold().split()) != nama.casefold():
        notes.append(
            (
                line,
                f"{block.nama}: kolom atasan menyebut «{nama}», padahal atasannya sudah "
                f"disebut «{block.atasan}»; dipakai «{block.atasan}», periksa",
            )
        )
