"""The rows of a fixed-width table (:mod:`.columnar`): which lines open a row, which go on
the cells of the row above, and kinerja cells merged down beside their indicator rows.

A new row starts where the No column holds a number, or, on a line with text in the
indicator column (every row has one), where a column whose cell had ended (a line with
nothing in it) gets text again, or where two cells or more each open like a new text (a
capital, a digit, a sign) under cells already full; every other line continues the row's
cells in their own columns (a word broken at its hyphen joined whole). A kinerja cell
merged down beside its indicators (``rowspan``) may run on beside the next indicator row:
that text goes on the kinerja above (see :func:`spanning`), never a kinerja of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import join_wrapped
from .columns import column_role
from .document import Table, TableRow
from .gutters import Grid

__all__ = ["Flow", "add", "numbered", "running"]


def numbered(grid: Grid, cells: list[str]) -> bool:
    """Whether the line opens a numbered row (its No column holds a number)."""
    roles = [column_role(label) for label in grid.labels]
    return any(
        role == "no" and re.fullmatch(r"\d{1,3}\.?", cells[col])
        for col, role in enumerate(roles)
        if col < len(cells)
    )


@dataclass
class Flow:
    """How the cells of the row being read go on: the columns whose cell has ended (a
    line with nothing in it), and the kinerja cells that span their indicator rows (a
    merged cell whose text runs on beside the next rows), by the row that holds them."""

    closed: set[int] = field(default_factory=set)
    spans: dict[int, TableRow] = field(default_factory=dict)


def add(table: Table, grid: Grid, number: int, cells: list[str], flow: Flow) -> None:
    roles = [column_role(label) for label in table.rows[0].cells if label is not None]
    rows = table.rows
    opens = numbered(grid, cells)
    merged = {} if opens or len(rows) == 1 else spanning(roles, rows, cells, flow)
    # every row has its indicator (else its kinerja): a line without one goes on the row
    # above, whatever its other cells look like (the last line of a wrapped kinerja)
    key = next((roles.index(r) for r in ("indikator", "kinerja") if r in roles), None)
    keyed = key is None or (key < len(cells) and bool(cells[key]))
    reopened = keyed and any(cells[col] and col in flow.closed for col in range(len(cells)))
    filled = [text for col, text in enumerate(cells) if text and col not in merged]
    fresh = (  # several cells that each open like a new text, under cells already full
        len(rows) > 1
        and keyed
        and len(filled) >= 2
        and all(text[0].isupper() or text[0].isdigit() or text[0] in "%(" for text in filled)
        and all(rows[-1].cells[col] for col, text in enumerate(cells) if text)
        and not _short_missing(roles, rows[-1].cells, cells)
    )
    if len(rows) == 1 or opens or reopened or fresh:
        for col, owner in merged.items():  # the merged kinerja cell above runs on
            owner.cells[col] = join_wrapped(owner.cells[col] or "", cells[col])
            cells[col] = ""
        rows.append(TableRow(number, [c or "" for c in cells]))
        flow.closed.clear()
        flow.spans = merged
        return
    row = rows[-1]
    for col, text in enumerate(cells):
        owner = flow.spans.get(col, row) if not row.cells[col] else row
        if text:
            owner.cells[col] = join_wrapped(owner.cells[col] or "", text)  # a wrapped line
        elif owner.cells[col]:
            flow.closed.add(col)
            flow.spans.pop(col, None)


def running(table: Table | None, flow: Flow) -> set[int]:
    """The columns whose cell in the row being read has text and has not ended."""
    if table is None or len(table.rows) < 2:
        return set()
    return {c for c, text in enumerate(table.rows[-1].cells) if text and c not in flow.closed}


def spanning(
    roles: list[str], rows: list[TableRow], cells: list[str], flow: Flow
) -> dict[int, TableRow]:
    """The kinerja cells of an unnumbered line that go on from a kinerja cell above still
    running (no line without it since it opened): a cell merged down beside its
    indicators, its text wrapped past the first indicator row. They go on when the kinerja
    above is numbered (a numbered table numbers each new kinerja) or they open in lower
    case (a kinerja never does), by the row holding that kinerja."""
    found: dict[int, TableRow] = {}
    no = roles.index("no") if "no" in roles else None
    for col, role in enumerate(roles):
        if role != "kinerja" or col >= len(cells) or not cells[col] or col in flow.closed:
            continue
        owner = rows[-1] if rows[-1].cells[col] else flow.spans.get(col)
        if owner is None or not owner.cells[col]:
            continue
        counted = no is not None and bool(re.fullmatch(r"\d{1,3}\.?", owner.cells[no] or ""))
        if counted or cells[col][0].islower():
            found[col] = owner
    return found


def _short_missing(roles: list[str], above: list[str | None], cells: list[str]) -> bool:
    """Whether the row above has a satuan or target and this line has none: a new row of
    such a table opens with its own (a short value fits its first line), so capitals under
    full cells ("Musrenbang Kecamatan", "Kepuasan Masyarakat" wrapped onto the next line)
    are the row's cells going on, not a new row."""
    short = [col for col, role in enumerate(roles) if role in ("satuan", "target")]
    return any(above[col] for col in short if col < len(above)) and not any(
        cells[col] for col in short if col < len(cells)
    )
