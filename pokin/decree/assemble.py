"""Turn paragraphs and tables in document order into a layout-free :class:`ParsedDecree`.

Every reader whose input has a real table grid (Word, PDF, office Excel, and the text
layouts whose grid is recovered first: fixed-width columns, one cell per line, flattened
paragraphs) ends here, so they all read a decree the same way (paragraphs in
:mod:`.paragraphs`, tables in :mod:`.tablerows`):

- a paragraph (or a table row, or a sheet cell) ``JABATAN : X`` (also ``Nama Jabatan``,
  ``JABATAN. :``, a number before it, or a key-value row ``Jabatan | : | X``) opens a
  position block; ``TUGAS`` and ``FUNGSI`` follow, the fungsi one item per list item (an
  item of a deeper list level belongs to the item above it; after "a." items, a line
  without a mark goes on the item above); a ``KELURAHAN X`` heading places the blocks
  below it in that kelurahan;
- a table is recognised by what its columns mean (:mod:`.columns`); a header split over
  two rows (horizontally merged cells above "Uraian / Formulasi" or years) is combined;
  the column numbers row ("1 2 3 4") is skipped; a header repeated on the next page
  continues the table, also when the page's first row is glued to it;
- a merged (or empty) kinerja cell is the kinerja above, a merged formula, source, unit
  or target cell repeats the value above; a row continued on the next page (no number,
  and no kinerja and indicator, or one of them going on in lower case) is joined to the
  row before the page break; cells beyond the header's columns are kept in ``catatan``;
- a ``Jabatan`` column opens a block wherever its value changes (one long table); a
  table marked ``fresh`` (a new sheet) starts afresh;
- a table whose indicators are "Utama" (or whose kinerja is a "Sasaran Strategis"), or
  under an ``INDIKATOR KINERJA UTAMA`` title outside any block, is the IKU table
  (:mod:`.ikutable`), with one target per year and the penanggung jawab kept; it ends at
  a position's title, at the ``INDIKATOR KINERJA INDIVIDU`` heading, or at the header of
  a table of the positions' indicators (a ``Jabatan`` column, or "Individu");
- a table with a kinerja/indicator column pair per level is a cascading matrix, read by
  :mod:`.matrix` with its links.
- the heading lines above a position's title ("II.3. INDIKATOR KINERJA INDIVIDU ...",
  "IKI JABATAN ...") are held back after a table and dropped when the title comes
  (:mod:`.headings`): no one's text, never the catatan of the position above.

Rows that cannot be placed are listed in ``ParsedDecree.skipped`` with their line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .columns import header_roles
from .document import Item, Paragraph, Table, TableRow
from .header import read_header
from .marks import title_of
from .paragraphs import State, close_block, paragraph
from .parts import ParsedDecree
from .tableframe import signature_table
from .tablerows import read_table

__all__ = ["assemble"]


def assemble(items: Iterable[Item], *, source: str, layout: str) -> ParsedDecree:
    """The parts of a decree given as paragraphs and tables (see :mod:`.document`)."""
    items = list(items)
    state = State(ParsedDecree(source=source, layout=layout))
    for item in items:
        if isinstance(item, Paragraph):
            paragraph(state, item.line, item.text, item.level)
        else:
            read_table(state, item)
    close_block(state)
    lines, first, laid_out = text_lines(items, by_column=signature_table)
    read_header(lines, head_end=first, laid_out=laid_out).fill(state.decree)
    return state.decree


def text_lines(
    items: list[Item], by_column: Callable[[Table], bool] | None = None
) -> tuple[list[str], int | None, list[str]]:
    """Every text of the document, one a line, the index of the first block title, and
    the same lines as laid out (a paragraph's tabs kept: two signatures side by side). A
    table ``by_column`` says yes to (a signature in two columns, "Mengetahui," beside the
    Camat's) gives its columns one after the other, so each side reads top to bottom."""
    lines: list[str] = []
    laid_out: list[str] = []
    first: int | None = None
    for item in items:
        if isinstance(item, Paragraph) and item.laid_out:
            laid_out.extend(lines[len(laid_out) :])
            laid_out.extend(item.laid_out.split("\n"))
        if isinstance(item, Paragraph):
            texts = [(item.text, True)]
        elif by_column is not None and by_column(item):
            texts = [(text, True) for text in _column_texts(item)]
        else:
            texts = _row_texts(item.rows)
        for text, shown in texts:
            if first is None and title_of(text):
                first = len(lines)
            if shown:
                lines.extend(text.split("\n"))
    return lines, first, [*laid_out, *lines[len(laid_out) :]]


def _row_texts(rows: list[TableRow]) -> list[tuple[str, bool]]:
    """Each row's texts on one line (a merged cell once), and whether it is head text.

    A table's data rows (below the header naming its columns, three texts or more) are
    the positions' rows, no text of the decree's head: only a block title among them
    counts. Joined, their cells would make phrases no cell holds ("Sekretaris Kecamatan |
    Camat | Meningkatnya ..." naming a "Kecamatan Camat Meningkatnya")."""
    out: list[tuple[str, bool]] = []
    below_header = False
    for row in rows:
        filled = list(dict.fromkeys(c for c in row.cells if c))
        out.append((" ".join(filled), not below_header or len(filled) < 3))
        below_header = below_header or header_roles([c or "" for c in row.cells]) is not None
    return out


def _column_texts(table: Table) -> list[str]:
    """A table's cells column by column, a cell merged across columns once."""
    width = max((len(row.cells) for row in table.rows), default=0)
    texts = []
    for col in range(width):
        for row in table.rows:
            cell = row.cells[col] if col < len(row.cells) else None
            if cell and cell not in row.cells[:col]:
                texts.append(cell)
    return texts
