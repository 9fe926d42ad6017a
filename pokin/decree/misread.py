"""Signs that a fixed-width table line (:mod:`.columnar`) was cut into the wrong cells.

``pdftotext -layout`` sets each line of a table on its own: two cells may sit one space
apart, and a row's columns a few characters off where the other rows have them (a
Chromium PDF, where every table row is laid out alone). The reader cuts such text at the
column bounds and notes the cuts it is unsure of; these signs tell a cut that is wrong,
so the row is refused (reported with its lines, exit 1) instead of read into shifted cells:

- a cell read with a word opening a new text inside it: a capitalised word right after a
  lower-case one ("Persentase dokumen Jumlah dokumen yang", "tepat waktu Sekretariat"):
  the next cell's first word, glued on one space apart (a name or an acronym inside a cell
  is capitalised too, so only cuts the reader was already unsure of are judged so);
- a line of one text in lower case, running from a column's start over the next columns:
  the cells of a row going on, glued, not a paragraph or a heading;
- a target cell holding a unit and a number ("kali 1.200") while the satuan cell beside it
  got another text: the satuan bound is not where the text is.
"""

from __future__ import annotations

import copy
import itertools
import math
import re

from ..errors import ImportDocumentError
from .document import Item, Table
from .gutters import UNIT_NUMBER, Grid, Piece
from .layoutrows import Flow, add, numbered
from .parts import Skipped

__all__ = ["buried", "glued_line", "refuse_doubtful", "refused", "unit_before_target"]

_BURIED = re.compile(r"(?:^| )[a-z][\w-]*,? (?=[A-Z][a-z])")


def buried(texts: list[str]) -> bool:
    """Whether a cell of an unsure cut has a new text's first word inside it.

    >>> buried(["Persentase dokumen Jumlah dokumen yang"]), buried(["pelayanan KTP", "yang"])
    (True, False)
    >>> buried(["Kantor Kecamatan Karangtengah Lor"])
    False
    """
    return any(_BURIED.search(text) for text in texts)


def glued_line(found: list[Piece], grid: Grid) -> bool:
    """Whether a line of one piece is a row's cells run together: it starts in lower case
    where a column's cells start and runs over the next column's start.

    >>> g = Grid([], [5.0, 20.0, 40.0], ["No", "Kinerja", "Indikator", "Formulasi"], [0, 5, 20, 40])
    >>> glued_line([Piece(5, 45, "publik kecamatan pelaporan kinerja dibagi")], g)
    True
    >>> glued_line([Piece(12, 45, "INDIKATOR KINERJA INDIVIDU KECAMATAN")], g)
    False
    """
    if len(found) != 1 or not found[0].text[:1].islower():
        return False
    piece = found[0]
    at_edge = any(abs(piece.start - edge) <= 2 for edge in grid.edges[1:])
    return at_edge and grid.column(piece.end - 1) > grid.column(piece.start)


def unit_before_target(cells: list[str], grid: Grid) -> bool | None:
    """A target cell holding a unit and a number ("persen 90"): ``True`` when the satuan
    cell beside it is empty (the two are cut apart, in place), ``False`` when that cell has
    another text (a misread line), ``None`` when there is no such cell."""
    for col in range(1, len(cells)):
        if (grid.role(col - 1), grid.role(col)) != ("satuan", "target"):
            continue
        found = UNIT_NUMBER.match(cells[col])
        if not found or not re.search(r"[a-z%]", found.group(1)):
            continue
        if cells[col - 1]:
            return False
        cells[col - 1], cells[col] = found.group(1), found.group(2)
        return True
    return None


_PART_READ = (
    "baris tabel yang lanjutannya di baris berikut melintasi batas kolom; kolomnya tidak "
    "dapat dipisahkan"
)


def refused(
    table: Table, grid: Grid, number: int, cells: list[str] | None, flow: Flow
) -> list[Skipped]:
    """The row a misread line goes on, taken out of ``table`` and reported (its lines up
    to the misread one), so no row is imported with part of its cells; nothing when the
    line opens a row of its own (a number under "No", or as :func:`.layoutrows.add` would
    start one) or the table has no row yet."""
    if len(table.rows) < 2 or (cells is not None and numbered(grid, cells)):
        return []
    if cells is not None:
        probe, trial = copy.deepcopy((table, flow))
        add(probe, grid, number, list(cells), trial)
        if len(probe.rows) > len(table.rows):
            return []
    row = table.rows.pop()
    text = " ".join(cell for cell in row.cells if cell)
    return [Skipped(row.line, number - 1, text, _PART_READ)]


_DOUBTFUL = 4
"""Lines of one table whose cells were cut with doubt, from which the text is refused."""


def refuse_doubtful(items: list[Item], unsure: list[tuple[int, str]], source: str) -> None:
    """Refuse the text when a table's columns were found on too few sure lines: in
    ``_DOUBTFUL`` of its lines or more a text crossed a column start with no gap to cut
    it at (gutters of one space), so its rows would be read wrong, not just noted."""
    lines = sorted({line for line, note in unsure if "melintasi batas kolom" in note})
    # a table's lines: up to the next header, with its refused rows and the rows that
    # resumed it after them (a table whose header row is a copy on its first row's line)
    tables = [
        item
        for item in items
        if isinstance(item, Table)
        and not (len(item.rows) > 1 and item.rows[1].line == item.rows[0].line)
    ]
    for table, after in itertools.zip_longest(tables, tables[1:]):
        first = table.rows[0].line
        last = after.rows[0].line - 1 if after is not None else math.inf
        inside = [line for line in lines if first <= line <= last]
        if len(inside) >= _DOUBTFUL:
            raise ImportDocumentError(
                f"kolom tabel yang mulai di baris {first} tidak dapat dipisahkan dengan pasti: "
                f"di {len(inside)} barisnya (baris {', '.join(map(str, inside[:6]))}) teks "
                "melintasi batas kolom tanpa jarak yang jelas (jarak antarkolom hanya satu "
                "spasi), sehingga sel-selnya akan terbaca di kolom yang salah",
                path=source,
                line=inside[0],
                hint="impor PDF-nya langsung (pokin import BERKAS.pdf), atau buat teksnya "
                "lagi dengan pdftotext -layout dari PDF yang kolomnya lebih renggang",
            )
