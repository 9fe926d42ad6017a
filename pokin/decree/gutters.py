"""The columns of a fixed-width table (``pdftotext -layout``): where each one starts.

A table line is cut into pieces (runs of text separated by two spaces or more). The
header's labels say which columns there are; where each column starts is read from the
text under them, because a label is often centred over its column and the page's other
lines (a centred heading between two tables, a page's running head) sit anywhere. The
bound between two labels is the start of a piece between them that the fewest pieces of
the table cross: a real gutter, where every line has a space, is crossed by none (or only
by such a heading), while a start inside a column is crossed by that column's longer
texts. With no piece starting between two labels, the bound is halfway between them.

A piece may still cross a bound: two cells that pdftotext set one space apart (cut at
that space), a heading or paragraph set across the columns (not a table line), or a text
whose column cannot be told (kept in the column it starts in, and reported by the reader).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from .columns import column_role

__all__ = ["UNIT_NUMBER", "Grid", "Piece", "grid", "pieces", "split_at"]


@dataclass
class Piece:
    """A run of text of a line: its first column, the column after its end, its text."""

    start: int
    end: int
    text: str


def pieces(line: str) -> list[Piece]:
    """The runs of text of a line, split at two spaces or more.

    >>> [(p.start, p.text) for p in pieces("  Nilai IKM   Survei  %")]
    [(2, 'Nilai IKM'), (14, 'Survei'), (22, '%')]
    """
    return [
        Piece(match.start(), match.end(), match.group(0))
        for match in re.finditer(r"\S+(?: \S+)*", line)
    ]


@dataclass
class Grid:
    """A table's columns: its header's pieces, the bounds between them, their labels, and
    where the cells of each column start (its left edge)."""

    header: list[Piece]
    bounds: list[float]
    labels: list[str]
    edges: list[int] = field(default_factory=list)

    def column(self, position: int) -> int:
        """The column a text starting at ``position`` is in."""
        return sum(1 for bound in self.bounds if bound <= position)

    def cut(
        self, piece: Piece, running: Collection[int] = ()
    ) -> tuple[list[tuple[int, str]], bool]:
        """The piece's text per column, cut where it crosses a bound (two cells pdftotext
        set one space apart, see :func:`split_at`; ``running``: the columns whose cell
        goes on from the line above, where a text may open in lower case), and whether
        every cut was sure; a crossing with no space near the bound leaves the rest
        whole, in the column it has reached, and is not sure either.

        >>> columns = Grid([], [10.0, 20.0], ["Indikator", "Formulasi", "Satuan"])
        >>> columns.cut(Piece(0, 14, "Nilai IKM Data"))
        ([(0, 'Nilai IKM'), (1, 'Data')], True)
        >>> columns.cut(Piece(0, 14, "Nilai_IKM_Data"))
        ([(0, 'Nilai_IKM_Data')], False)
        """
        col, start, text = self.column(piece.start), piece.start, piece.text
        found: list[tuple[int, str]] = []
        sure = True
        if (unit := self._unit_number(piece)) is not None:
            return unit, True
        for bound in self.bounds[col:]:
            if not start < bound < start + len(text):
                break
            usual = _OPENS.get(self.role(col + 1), _CAPITAL)
            at, certain = split_at(text, bound - start, _ANY if col + 1 in running else usual)
            if at is None:
                return [*found, (col, text)], False
            certain = certain and bool(usual.match(text[at + 1 :]))  # "e-" ends a cell
            found.append((col, text[:at]))
            col, text, start, sure = col + 1, text[at + 1 :], start + at + 1, sure and certain
        return [*found, (col, text)], sure

    def _unit_number(self, piece: Piece) -> list[tuple[int, str]] | None:
        """A satuan and the target beside it that pdftotext set one space apart ("indeks
        82,5"), cut at the number: the piece starts in a Satuan column followed by the
        Target column and reaches under the Target label (or over the bound between them).

        >>> head = [Piece(0, 6, "Satuan"), Piece(7, 13, "Target")]
        >>> Grid(head, [7.0], ["Satuan", "Target"])._unit_number(Piece(0, 9, "persen 85"))
        [(0, 'persen'), (1, '85')]
        """
        col = self.column(piece.start)
        if (self.role(col), self.role(col + 1)) != ("satuan", "target"):
            return None
        under = len(self.header) > col + 1 and piece.end > self.header[col + 1].start
        if not (under or (col < len(self.bounds) and piece.end > self.bounds[col])):
            return None
        number = UNIT_NUMBER.match(piece.text)
        return [(col, number.group(1)), (col + 1, number.group(2))] if number else None

    def drifted(self, piece: Piece, after: int) -> Piece:
        """``piece`` moved onto the start of the next column when pdftotext set it up to
        :data:`_DRIFT` characters left of it on its line, after a text of the same column
        (``after``: the column the line's text before it ended in; two cells apart by a
        gap are two columns). pdftotext places each line on its own, so a line's cells may
        start a little left or right of where the column's other lines start theirs; right
        is inside the column, left would be the column before.

        >>> columns = Grid([], [10.0, 20.0], ["Kinerja", "Indikator", "Target"])
        >>> data = Piece(18, 22, "Data")
        >>> columns.drifted(data, after=1).start, columns.drifted(data, after=0).start
        (20, 18)
        """
        col = self.column(piece.start)
        if col != after or col >= len(self.bounds):
            return piece
        shift = math.ceil(self.bounds[col]) - piece.start
        if not 0 < shift <= _DRIFT:
            return piece
        return Piece(piece.start + shift, piece.end + shift, piece.text)

    def role(self, col: int) -> str:
        """The role of a column (:func:`.columns.column_role` of its label)."""
        return column_role(self.labels[col]) if col < len(self.labels) else "lain"

    def across(self, piece: Piece) -> bool:
        """Whether a piece, alone on its line, is a text set across the columns (a heading
        centred on the page) rather than two cells run together: it crosses a bound, and
        it does not start where the cells of its first column start."""
        first, last = self.column(piece.start), self.column(piece.end - 1)
        if last > first + 1:
            return True
        if last == first or not self.edges:
            return False
        return abs(piece.start - self.edges[first]) > 2


def split_at(text: str, bound: float, opens: re.Pattern[str]) -> tuple[int | None, bool]:
    """Where to cut a text that runs over a column bound (``bound`` counted from its first
    character) into two cells, and whether that is sure: at the space before the text of
    the next cell, which pdftotext may set a few characters left of its column when it
    sets two cells one space apart. ``opens`` tells how a cell of the next column opens
    (a capital, a digit or a sign for most; a target with a digit; a satuan, or a cell
    going on from the line above, with anything). Such a space at the bound (within two
    characters) is sure; else the only one in reach left of it is; of several, the
    nearest is not, nor is a space at the bound before a text that does not open so.

    >>> split_at("Jumlah rumah tangga yang membangun Jumlah rumah tangga", 41, _CAPITAL)
    (34, True)
    >>> split_at("Nilai hasil evaluasi Inspektorat Kota nilai", 38, _ANY)
    (37, True)
    >>> split_at("diselesaikan secara seluruh layanan", 21, _CAPITAL)
    (19, False)
    """
    spaces = [m.start() for m in re.finditer(" ", text)]
    near = [at for at in spaces if abs(at + 1 - bound) <= 2]
    opening = [at for at in near if opens.match(text[at + 1 :])]
    if not opening:
        reach = [at for at in spaces if -_PULLED <= at + 1 - bound < -2]
        opening = [at for at in reach if opens.match(text[at + 1 :])]
        if len(opening) > 1 or (not opening and near):
            return min(opening or near, key=lambda at: (abs(at + 1 - bound), -at)), False
    if not opening:
        return None, False
    return min(opening, key=lambda at: (abs(at + 1 - bound), -at)), True


UNIT_NUMBER = re.compile(r"^([^\d\s][^\d]*?) ((?:[<>≥≤±]\s*)?\d[\d.,]*\s*%?)$")
"""A satuan cell run into the target beside it: words, then the number ("persen 87,5")."""

_PULLED = 8  # how far left of its column pdftotext may set a cell glued to the one before
_ANY = re.compile(r"\S")
_CAPITAL = re.compile(r"[A-Z0-9%(<>≥≤±\"'•-]")
_OPENS = {"satuan": _ANY, "target": re.compile(r"[0-9A-Z%(<>≥≤±-]")}


def grid(header: list[Piece], following: list[str]) -> Grid:
    """The columns of the table under ``header`` (``following``: its lines up to the next
    header or block title), each starting where the column-start rule puts it (see
    :func:`column_starts`), or where the rows with a cell in every column start theirs
    when those rows agree on it and the rule would put two of their cells in one column."""
    labels = [p.text for p in header]
    bounds = column_starts(header, following)
    bounds = _full_rows(header, following, Grid(header, bounds, labels)) or bounds
    columns = Grid(header, bounds, labels)
    found = [p for line in following for p in pieces(line)]
    return Grid(header, columns.bounds, labels, _edges(columns, found))


_DRIFT = 3
"""How far right of its label pdftotext may set the cells of a column."""


def column_starts(header: list[Piece], following: list[str]) -> list[float]:
    """Where each column after the first starts: the **column-start rule**. Every line of a
    cell, wrapped or not, starts at its column's left edge, so a column starts where the
    words of many lines of the table start; a word inside a cell starts where few others
    do, and the longer words of its column run across that place. So between the start
    of the column before (or its label) and a little right of its own label (a label is
    centred over its column, or set a character or two off), a column starts at the place
    where the most lines start a word, less the lines whose word runs across it. The
    gutters between cells may be one space wide; a word after a wider gap counts twice
    (in a short table, the second words of "Jumlah peta", "Jumlah surat" line up too).

    >>> rows = ["1  Naiknya mutu Indeks kepuasan Survei", "   layanan      masyarakat      IKM"]
    >>> column_starts(pieces("No  Kinerja      Indikator        Sumber"), rows)
    [3.0, 16.0, 32.0]
    """
    starts: Counter[int] = Counter()  # a word starts here; twice after a gap of 2 spaces
    across: Counter[int] = Counter()
    for line in following:
        for word in re.finditer(r"\S+", line):
            wide = word.start() < 2 or line[word.start() - 2 : word.start()] == "  "
            starts[word.start()] += 2 if wide else 1
            across.update(range(word.start() + 1, word.end()))
    bounds: list[float] = []
    low = header[0].start
    for before, label in itertools.pairwise(header):
        low = max(low, before.end - 2)  # a label sits over its own column
        inside = [x for x in starts if low < x <= label.start + _DRIFT]
        if inside:
            bound = float(max(inside, key=lambda x: (starts[x] - across[x], -abs(x - label.start))))
        else:
            bound = float(label.start)
        bounds.append(bound)
        low = int(bound)
    return bounds


def _edges(columns: Grid, found: list[Piece]) -> list[int]:
    """Where the cells of each column start: the leftmost piece inside it."""
    edges: list[int] = [int(b) for b in [0.0, *columns.bounds]]
    inside: dict[int, list[int]] = {}
    for p in found:
        col = columns.column(p.start)
        if col == columns.column(p.end - 1):
            inside.setdefault(col, []).append(p.start)
    return [min(inside[col]) if col in inside else edge for col, edge in enumerate(edges)]


def _full_rows(header: list[Piece], following: list[str], columns: Grid) -> list[float] | None:
    """The bounds the rows with a cell in every column give, when the gutters' bounds put
    two cells of such a row in one column (pdftotext spaced the header line unlike the
    rows) and those rows agree with each other; else ``None``."""
    full = [row for row in map(pieces, following) if len(row) == len(header)]
    if len(full) < 2:
        return None
    if all([columns.column(p.start) for p in row] == list(range(len(header))) for row in full):
        return None  # the gutters read every full row right
    starts = list(zip(*([p.start for p in row] for row in full), strict=True))
    if any(max(c) - min(c) > 3 for c in starts):
        return None  # the full rows do not line up: no better evidence than the labels
    if any(max(a) >= min(b) for a, b in itertools.pairwise(starts)):
        return None
    return [float(min(c)) for c in starts[1:]]
