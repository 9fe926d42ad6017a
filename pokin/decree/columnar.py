"""Parse ``pdftotext -layout`` text: tables as fixed-width columns, cells wrapped over lines.

``pdftotext -layout`` keeps the page's geometry: each table row is one or more lines whose
cells sit at the columns' positions, separated by runs of spaces, and a cell too long for
its column goes on under itself on the next lines::

    NO   RENCANA KINERJA         INDIKATOR KINERJA INDIVIDU    CARA PERHITUNGAN
    1.   Meningkatnya kualitas   Persentase permohonan KTP     Jumlah permohonan ...
         pelayanan               yang diproses tepat waktu     dibagi jumlah ...
                                 Nilai IKM pelayanan           Hasil survei ...

The header line is recognised by what its columns mean (:mod:`.columns`), its wrapped
lines below it joined per column. A column starts where the data under its label starts
(the leftmost text between two labels), so centred headers work too. A table line's
pieces (runs of text separated by two spaces or more; a piece crossing a boundary at a
single space is cut there) go to their columns; the bounds are taken from this table's
lines only (up to the next header). A new row starts where the No column holds a number,
or, on a line with text in the indicator column (every row has one), where a column whose
cell had ended (a line with nothing in it) gets text again, or where two cells or more
each open like a new text (a capital, a digit) under cells already full; every other line
continues the row's cells in their own columns. A line of three pieces or more that
crosses the column bounds inside a table is a row whose cells cannot be told apart: it
is reported in ``skipped`` with its line (and the lines after it, until a numbered row
or a new header), never dropped. A single text line spanning the columns (a paragraph, a
running head) ends the table. The grid then goes through :mod:`.assemble` like a Word or
PDF table.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .assemble import assemble
from .columns import column_role, header_roles
from .document import Item, Paragraph, Table, TableRow
from .marks import CLOSING, FURNITURE, SECTION, title_of
from .parts import ParsedDecree, Skipped

__all__ = ["parse", "sniff"]


@dataclass
class _Piece:
    start: int
    end: int
    text: str


def _pieces(line: str) -> list[_Piece]:
    """The runs of text of a line, split at two spaces or more."""
    return [
        _Piece(match.start(), match.end(), match.group(0))
        for match in re.finditer(r"\S+(?: \S+)*", line)
    ]


def _header_at(line: str) -> list[_Piece] | None:
    pieces = _pieces(line)
    if len(pieces) < 3 or header_roles([p.text for p in pieces]) is None:
        return None
    return pieces


def sniff(text: str) -> bool:
    """Whether ``text`` has a fixed-width table: a header line of 3+ column names apart.

    >>> sniff("JABATAN : STAF\\nNO   KINERJA      INDIKATOR KINERJA     SUMBER DATA\\n")
    True
    >>> sniff("JABATAN : STAF\\nKINERJA INDIKATOR KINERJA SUMBER DATA\\n")
    False
    """
    lines = text[:500_000].split("\n")
    if sum(1 for line in lines if "\t" in line or line.lstrip().startswith("|")) > 2:
        return False
    return any(title_of(line) for line in lines) and any(
        _header_at(line.replace("\f", " ")) for line in lines
    )


@dataclass
class _Grid:
    header: list[_Piece]
    bounds: list[float]
    labels: list[str]

    def column(self, position: int) -> int:
        return sum(1 for bound in self.bounds if bound <= position)


def _grid(header: list[_Piece], following: list[str]) -> _Grid:
    """Column bounds: where the data under each header label starts (the leftmost piece
    start between two labels), else halfway between them; or, when the rows that fill
    every column disagree with that, where those rows' cells start."""
    starts = [p.start for line in following for p in _pieces(line)]
    bounds: list[float] = []
    for a, b in itertools.pairwise(header):
        inside = [s for s in starts if a.start + 1 < s <= b.start]
        bounds.append(min(inside) if inside else (a.end + b.start) / 2)
    grid = _Grid(header, bounds, [p.text for p in header])
    return _Grid(header, _full_rows(header, following, grid) or bounds, grid.labels)


def _full_rows(header: list[_Piece], following: list[str], grid: _Grid) -> list[float] | None:
    """The bounds the rows with a cell in every column give, when the labels' bounds put
    two cells of such a row in one column (pdftotext spaced the header line unlike the
    rows) and those rows agree with each other; else ``None``."""
    full = [pieces for pieces in map(_pieces, following) if len(pieces) == len(header)]
    if len(full) < 2:
        return None
    if all([grid.column(p.start) for p in row] == list(range(len(header))) for row in full):
        return None  # the labels' bounds read every full row right
    columns = list(zip(*([p.start for p in row] for row in full), strict=True))
    if any(max(c) - min(c) > 3 for c in columns):
        return None  # the full rows do not line up: no better evidence than the labels
    if any(max(a) >= min(b) for a, b in itertools.pairwise(columns)):
        return None
    return [float(min(c)) for c in columns[1:]]


def _cut(piece: _Piece, grid: _Grid) -> list[_Piece]:
    """Cut a piece that crosses a column boundary at the single space nearest to it."""
    for bound in grid.bounds:
        if piece.start < bound < piece.end - 1:
            spaces = [m.start() + piece.start for m in re.finditer(" ", piece.text)]
            near = [s for s in spaces if abs(s + 1 - bound) <= 2]
            if near:
                at = min(near, key=lambda s: abs(s - bound))
                left = _Piece(piece.start, at, piece.text[: at - piece.start])
                right = _Piece(at + 1, piece.end, piece.text[at + 1 - piece.start :])
                return [left, *_cut(right, grid)]
    return [piece]


def _cells(line: str, grid: _Grid) -> list[str] | None:
    """The line's text per column, or ``None`` when it is not a table line."""
    cells = [""] * len(grid.labels)
    for raw in _pieces(line):
        if grid.column(raw.end - 1) > grid.column(raw.start) + 1:
            return None  # a text across the columns: a paragraph, not a table line
        for piece in _cut(raw, grid):
            col = grid.column(piece.start)
            cells[col] = f"{cells[col]} {piece.text}".strip()
    return cells


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse ``pdftotext -layout`` text into parts (via :func:`.assemble.assemble`)."""
    lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    lost: list[Skipped] = []
    decree = assemble(_items(lines, lost), source=source, layout="pdf-layout")
    decree.skipped = sorted([*decree.skipped, *lost], key=lambda s: s.line)
    return decree


_UNALIGNED = "baris tabel yang teksnya melintasi batas kolom; kolomnya tidak dapat dipisahkan"


def _items(lines: list[str], lost: list[Skipped]) -> list[Item]:
    """The paragraphs and tables of the text; table lines whose cells cannot be told
    apart (a text across the column bounds) go to ``lost``, with the lines after them."""
    items: list[Item] = []
    grid: _Grid | None = None
    table: Table | None = None
    closed: set[int] = set()
    in_header = garbled = False
    years = _Years()
    raw_header: list[_Piece] = []
    for number, line in enumerate(lines, 1):
        stripped = " ".join(line.split())
        if not stripped or FURNITURE.match(stripped):
            continue
        header = _header_at(line)
        if header is not None:
            grid, in_header, garbled = _grid(header, _table_lines(lines, number)), True, False
            table = Table([TableRow(number, list(grid.labels))])
            items.append(table)
            closed, raw_header = set(), header
            grid = years.repeat(header, grid, table.rows[0], _table_lines(lines, number))
            continue
        cells = _cells(line, grid) if grid is not None else None
        title = title_of(stripped)
        if garbled and grid is not None and cells is not None and _numbered(grid, cells):
            table, garbled = Table([TableRow(number, list(grid.labels))]), False  # resumed
            items.append(table)
        several = len(_pieces(line)) >= (2 if garbled else 3)
        if not title and several and (garbled or (table is not None and cells is None)):
            lost.append(Skipped(number, number, stripped, _UNALIGNED))  # never dropped
            table, garbled = None, True  # the grid stays: a numbered row resumes the table
            continue
        if table is None or grid is None or cells is None or title or CLOSING.match(stripped):
            grid, table, garbled = None, None, False
            items.append(Paragraph(number, stripped))
            continue
        if in_header and table is not None and _years(line):  # "Target" over "2025  2026"
            following = _table_lines(lines, number)
            grid = years.split(raw_header, table.rows[0], _pieces(line), following)
            continue
        if in_header and _header_words(cells):
            top = table.rows[0]
            # a label wrapped in its cell: "INDIKATOR" over "KINERJA" is "INDIKATOR KINERJA"
            top.cells = [f"{a or ''} {b}".strip() for a, b in zip(top.cells, cells, strict=True)]
            continue
        in_header = False
        _add(table, grid, number, cells, closed)
    return items


_YEAR = re.compile(r"(?:TAHUN\s+)?(?:19|20)\d\d", re.IGNORECASE)


def _years(line: str) -> bool:
    """Whether the line is the years under a merged "Target" header cell."""
    pieces = _pieces(line)
    return len(pieces) >= 2 and all(_YEAR.fullmatch(p.text) for p in pieces)


@dataclass
class _Years:
    """The years under a merged "Target" header cell, kept for the header's repeats on
    the next pages: a repeat may come without its years line, and at other positions."""

    labels: list[str] = field(default_factory=list)  # the header's labels before the split
    column: int = 0  # the column over the years
    start: int = 0  # where that column's label starts
    years: list[_Piece] = field(default_factory=list)

    def split(
        self, header: list[_Piece], top: TableRow, years: list[_Piece], following: list[str]
    ) -> _Grid:
        """The grid of ``header`` split at ``years``; remembered for its repeats."""
        grid = _grid(header, following)
        if any(_YEAR.search(label) for label in top.cells if label):  # split by a repeat
            top.cells = [p.text for p in header]
        self.labels = [p.text for p in header]
        self.column = min(grid.column(years[0].start), len(header) - 1)
        self.start, self.years = header[self.column].start, years
        return _split_years(grid, top, years, following)

    def repeat(
        self, header: list[_Piece], grid: _Grid, top: TableRow, following: list[str]
    ) -> _Grid:
        """A header repeated without its years: split as the first one was."""
        if not self.years or [p.text for p in header] != self.labels:
            return grid
        shift = header[self.column].start - self.start
        moved = [_Piece(y.start + shift, y.end + shift, y.text) for y in self.years]
        return _split_years(grid, top, moved, following)


def _split_years(grid: _Grid, top: TableRow, years: list[_Piece], following: list[str]) -> _Grid:
    """The grid with the column over the years split into one column per year ("Target
    2025", "Target 2026"), the header row relabelled to match."""
    labels = [cell or "" for cell in top.cells]
    under: dict[int, list[_Piece]] = {}
    for year in years:
        under.setdefault(min(grid.column(year.start), len(labels) - 1), []).append(year)
    header: list[_Piece] = []
    for col, piece in enumerate(grid.header):
        if col not in under:
            header.append(_Piece(piece.start, piece.end, labels[col]))
            continue
        header.extend(_Piece(y.start, y.end, f"{labels[col]} {y.text}") for y in under[col])
    new = _grid(header, following)
    top.cells = list(new.labels)
    return new


def _table_lines(lines: list[str], start: int) -> list[str]:
    """The lines below a header, up to the next header: another table (another page, or
    the next position's) may sit at other positions and must not move this one's bounds."""
    following = lines[start : start + 200]
    end = next((n for n, line in enumerate(following) if _ends_table(line)), len(following))
    return following[:end]


def _ends_table(line: str) -> bool:
    """A header (the next table), or the next block's title or TUGAS / FUNGSI, or the
    signature: the lines from there on have their own geometry ("1. JABATAN    : X" pads
    its label) and must not move this table's column bounds."""
    text = " ".join(line.split())
    return bool(_header_at(line) or title_of(text) or SECTION.match(text) or CLOSING.match(text))


def _header_words(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and all(c.isupper() and len(c) <= 30 and not re.search(r"\d", c) for c in filled)
        and any(column_role(c) == "lain" or len(c.split()) == 1 for c in filled)
    )


def _numbered(grid: _Grid, cells: list[str]) -> bool:
    """Whether the line opens a numbered row (its No column holds a number)."""
    roles = [column_role(label) for label in grid.labels]
    return any(
        role == "no" and re.fullmatch(r"\d{1,3}\.?", cells[col])
        for col, role in enumerate(roles)
        if col < len(cells)
    )


def _add(table: Table, grid: _Grid, number: int, cells: list[str], closed: set[int]) -> None:
    roles = [column_role(label) for label in table.rows[0].cells if label is not None]
    numbered = _numbered(grid, cells)
    # every row has its indicator (else its kinerja): a line without one goes on the row
    # above, whatever its other cells look like (the last line of a wrapped kinerja)
    key = next((roles.index(r) for r in ("indikator", "kinerja") if r in roles), None)
    keyed = key is None or (key < len(cells) and bool(cells[key]))
    reopened = keyed and any(cells[col] and col in closed for col in range(len(cells)))
    rows = table.rows
    filled = [text for text in cells if text]
    fresh = (  # several cells that each open like a new text, under cells already full
        len(rows) > 1
        and keyed
        and len(filled) >= 2
        and all(text[0].isupper() or text[0].isdigit() for text in filled)
        and all(rows[-1].cells[col] for col, text in enumerate(cells) if text)
        and not _short_missing(roles, rows[-1].cells, cells)
    )
    if len(rows) == 1 or numbered or reopened or fresh:
        rows.append(TableRow(number, [c or "" for c in cells]))
        closed.clear()
        return
    row = rows[-1]
    for col, text in enumerate(cells):
        if text:
            row.cells[col] = f"{row.cells[col]} {text}".strip()  # a wrapped line, never an item
        elif row.cells[col]:
            closed.add(col)


def _short_missing(roles: list[str], above: list[str | None], cells: list[str]) -> bool:
    """Whether the row above has a satuan or target and this line has none: a new row of
    such a table opens with its own (a short value fits its first line), so capitals under
    full cells ("Musrenbang Kecamatan", "Kepuasan Masyarakat" wrapped onto the next line)
    are the row's cells going on, not a new row."""
    short = [col for col, role in enumerate(roles) if role in ("satuan", "target")]
    return any(above[col] for col in short if col < len(above)) and not any(
        cells[col] for col in short if col < len(cells)
    )
