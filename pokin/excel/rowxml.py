"""The XML of a sheet's rows, as XlsxWriter writes it, without its per-cell calls.

A row is given as *parts*: tuples of the values of consecutive columns (a sheet of plain
records has one part per row). The cascade matrix gives a jabatan's cells as one part
that every row of the jabatan holds (the same tuple object), its kinerja's cells as
another, and so on: the XML of a part that is the very object of the row above is not
made again. A text cell names its shared string by index (the workbook's table, filled
here), a number is written in its shortest form, an empty value (``None``) is not
written at all, and a text starting with "=" gets the quote-prefix style (it stays a
text in Excel). At 1e5 indicators, of a row's 22 filled cells 8 repeat the row above's
jabatan and kinerja: the 75 MB of the matrix sheet take about a tenth less time than with
a dict per row and every cell made (1.14-1.25 s CPU against 1.27-1.34 s, alternated in one
process at load 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = ["Cell", "Row", "rows_xml", "with_tail"]

Row = Sequence[Sequence[Any]]
"""A row: its parts, each the values of consecutive columns, in column order."""

Cell = tuple[str, int, int]
"""A column's cell head (``<c r="B#" s="``, :data:`_ROW` for the row number), its style
and the style of a text starting with "=" (quote prefix)."""

_ROW = "#"
"""Where a row's XML takes its row number: no other part of it holds "#" (texts are in
the shared strings, numbers are digits)."""

CHUNK = 4096
"""Rows joined into one piece of XML at a time."""


def cell_head(letter: str) -> str:
    """The start of a cell of column ``letter``, up to its style."""
    return f'<c r="{letter}{_ROW}" s="'


def rows_xml(
    rows: Sequence[Row],
    columns: Sequence[Cell],
    strings: dict[str, int],
    numbers: Sequence[int] | None = None,
) -> Iterator[tuple[str, int]]:
    """The XML of ``rows`` (numbered from 2, under the header, or by ``numbers``),
    :data:`CHUNK` rows at a time, with how many texts each piece uses; ``strings`` is the
    shared-string table (text -> index), new texts are added to it in the order of their
    first cell. Every row has parts of the same lengths (a row that has not is refused:
    ValueError)."""
    if not rows:
        return
    numbers = numbers or range(2, len(rows) + 2)
    places: list[Sequence[Cell]] = []  # the columns of each part
    for part in rows[0]:
        at = sum(map(len, places))
        places.append(columns[at : at + len(part)])
    last: list[Sequence[Any] | None] = [None] * len(places)  # the row above's parts
    made = [""] * len(places)  # and their XML
    index = strings.setdefault
    for start in range(0, len(rows), CHUNK):
        pieces = []
        for number, row in zip(
            numbers[start : start + CHUNK], rows[start : start + CHUNK], strict=True
        ):
            xml = []
            for place, (part, above, part_columns) in enumerate(
                zip(row, last, places, strict=True)
            ):
                if part is not above:
                    made[place] = "".join(
                        [
                            f'{head}{quoted if value[:1] == "=" else style}" t="s">'
                            f"<v>{index(value, len(strings))}</v></c>"
                            if isinstance(value, str)
                            else f'{head}{style}"><v>{value:.16G}</v></c>'
                            for (head, style, quoted), value in zip(part_columns, part, strict=True)
                            if value is not None
                        ]
                    )
                    last[place] = part
                xml.append(made[place])
            pieces.append(f'<row r="{_ROW}">{"".join(xml)}</row>'.replace(_ROW, str(number)))
        chunk = "".join(pieces)
        yield chunk, chunk.count('" t="s">')  # the texts: no other part of a cell holds that


def with_tail(
    pieces: Iterable[tuple[str, int]],
    tail: Sequence[Any],
    column: Cell,
    strings: dict[str, int],
) -> Iterator[tuple[str, int]]:
    """The ``pieces`` of :func:`rows_xml` with one more cell ending each row: ``tail``'s
    value for that row (``None``: no cell) in ``column``; its new texts are added to
    ``strings`` after those of the rows, in row order. A piece whose rows get no cell is
    given as it is."""
    marked = [number for number, value in enumerate(tail) if value is not None]
    at, start = 0, 0
    for xml, used in pieces:
        ends = xml.split("</row>")  # no other part of a row holds it (texts are shared)
        stop = start + len(ends) - 1
        rows = []
        while at < len(marked) and marked[at] < stop:
            rows.append(marked[at])
            at += 1
        if rows:
            numbers = [n + 2 for n in rows]
            cells, more = next(rows_xml([((tail[n],),) for n in rows], [column], strings, numbers))
            for n, cell in zip(rows, cells.split("</row>"), strict=False):
                ends[n - start] += cell.partition(">")[2]  # the cell, not its <row ...>
            xml, used = "</row>".join(ends), used + more
        start = stop
        yield xml, used
