"""Table rows a PDF draws without a rule between them, told apart by the white space.

A table ruled only by its columns (a box, the header's rule and the column rules; no rule
between the data rows) is one tall row to ``page.find_tables``: every indicator of a
position in one cell, every target in one cell ("82,5 95 100 14"). The rows are still
there to the eye: between two rows, every column on the right is empty over a band taller
than the gap between two wrapped lines of one cell, while only the columns on the left,
whose cells a decree merges over several rows (No, Kinerja, sometimes Indikator) may run
across it. :func:`split_row` cuts a ruled row at such bands, when each part holds text in
at least half the columns the row fills (so a cell's two paragraphs, or a list beside a
short cell, never make a row of their own). A cell of the left columns (a merged kinerja)
covers rows by how the table sets its cells, which the right columns' cells agree on:
set at the top, from the row it starts in down to the next cell; at the bottom, up to the
cell above; in the middle, the rows around its centre. Its text goes to the first of
them, ``None`` ("the same as above") to the others, as a merged cell's.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

__all__ = ["split_row"]

_Line = tuple[float, float, str]  # top, bottom, text
_Block = tuple[float, float, list[str]]  # top, bottom, its lines


def _lines(chars: list[dict[str, Any]], box: tuple[float, float, float, float]) -> list[_Line]:
    """The text lines of a cell: its characters (those whose centre is in ``box``, as
    ``Table.extract`` takes them) grouped by their height on the page."""
    from pdfplumber.utils.text import extract_text

    x0, top, x1, bottom = box
    mine = [
        char
        for char in chars
        if x0 <= (float(char["x0"]) + float(char["x1"])) / 2 <= x1
        and top <= (float(char["top"]) + float(char["bottom"])) / 2 <= bottom
    ]
    groups: list[list[dict[str, Any]]] = []
    for char in sorted(mine, key=lambda c: (float(c["top"]), float(c["x0"]))):
        height = float(char["bottom"]) - float(char["top"])
        if groups and float(char["top"]) - float(groups[-1][0]["top"]) <= height / 2:
            groups[-1].append(char)
        else:
            groups.append([char])
    lines = [
        (
            min(float(c["top"]) for c in group),
            max(float(c["bottom"]) for c in group),
            extract_text(sorted(group, key=lambda c: float(c["x0"]))).strip(),
        )
        for group in groups
    ]
    return [line for line in lines if line[2]]


def _blocks(lines: list[_Line], gap: float) -> list[_Block]:
    blocks: list[_Block] = []
    for top, bottom, text in sorted(lines):
        if blocks and top - blocks[-1][1] <= gap:
            blocks[-1] = (blocks[-1][0], max(blocks[-1][1], bottom), [*blocks[-1][2], text])
        else:
            blocks.append((top, bottom, [text]))
    return blocks


def _wrap_gap(columns: list[list[_Line]]) -> float:
    """The white space between two wrapped lines of one cell: the smallest gap seen twice
    (the gaps between rows are wider, and may be most of them)."""
    gaps = sorted(
        round(b[0] - a[1], 1)
        for lines in columns
        for a, b in itertools.pairwise(sorted(lines))
        if b[0] > a[1] - 1
    )
    twice = [a for a, b in itertools.pairwise(gaps) if abs(b - a) <= 0.3]
    return twice[0] if twice else (gaps[0] if gaps else 0.0)


def split_row(
    chars: list[dict[str, Any]], boxes: list[tuple[float, float, float, float] | None]
) -> list[list[str | None]] | None:
    """The rows within one ruled row of a table (its cells' boxes, ``None`` for a cell
    another spans; ``chars`` the page's characters), or ``None`` when it is one row."""
    drawn = [box for box in boxes if box is not None]
    if not drawn:
        return None
    upper, lower = min(box[1] for box in drawn), max(box[3] for box in drawn)
    chars = [c for c in chars if upper <= (float(c["top"]) + float(c["bottom"])) / 2 <= lower]
    columns = [_lines(chars, box) if box is not None else [] for box in boxes]
    if sum(len(lines) > 1 for lines in columns) < 2:
        return None
    normal = _wrap_gap(columns)
    gap = max(2 * normal, normal + 2.0)  # a band wider than this parts two rows
    blocks = [_blocks(lines, gap) for lines in columns]
    left = len(columns) // 2  # the columns whose cells may run across a row's end
    cuts = _cuts(blocks, left, gap)
    if not cuts:
        return None
    top = min(line[0] for lines in columns for line in lines)
    bottom = max(line[1] for lines in columns for line in lines)
    parts = _parts(blocks, cuts, left, top, bottom)
    return parts if len(parts) > 1 else None


def _cuts(blocks: list[list[_Block]], left: int, gap: float) -> list[float]:
    """Where the row parts: the middle of each band where only the first ``left`` columns
    have text, at least ``gap`` high, between text above and below."""
    right = [b for col in blocks[left:] for b in col] or [b for col in blocks for b in col]
    right.sort()
    cuts: list[float] = []
    reach = right[0][1]
    for top, bottom, _ in right[1:]:
        if top - reach > gap:
            cuts.append((top + reach) / 2)
        reach = max(reach, bottom)
    return cuts


def _parts(
    blocks: list[list[_Block]], cuts: list[float], left: int, top: float, bottom: float
) -> list[list[str | None]]:
    edges = [top, *cuts, bottom]
    spans = list(itertools.pairwise(edges))
    filled = sum(bool(col) for col in blocks)
    need = max(2, math.ceil(filled / 2))
    # a part with text in too few columns is no row: it joins the part above (or below)
    starts = [sum(any(a <= b[0] < z for b in col) for col in blocks) for a, z in spans]
    keep = [i for i, n in enumerate(starts) if n >= need]
    if len(keep) < 2:
        return []
    bounds = [top, *(spans[i][0] for i in keep[1:]), bottom]
    parts = list(itertools.pairwise(bounds))
    align = _alignment([col for col in blocks[left:] if col] or blocks, parts)
    rows: list[list[str | None]] = [[""] * len(blocks) for _ in parts]
    for c, col in enumerate(blocks):
        placed = _place(col, parts, align if c < left else "top")
        for first, last, lines in placed:
            rows[first][c] = "\n".join(lines)
            for p in range(first + 1, last + 1):
                rows[p][c] = None  # a cell merged over several rows: "the same as above"
    return rows


def _part_of(y: float, parts: list[tuple[float, float]]) -> int:
    return next((i for i, (a, z) in enumerate(parts) if y < z), len(parts) - 1)


def _alignment(columns: list[list[_Block]], parts: list[tuple[float, float]]) -> str:
    """How the table sets its cells in their rows: "top", "middle" or "bottom", the one
    its cells of one row agree on best (their tops, centres or bottoms)."""
    spread = {"top": 0.0, "middle": 0.0, "bottom": 0.0}
    for a, z in parts:
        mine = [b for col in columns for b in col if a <= b[0] < z]
        for name, ys in (
            ("top", [b[0] for b in mine]),
            ("bottom", [b[1] for b in mine]),
            ("middle", [(b[0] + b[1]) / 2 for b in mine]),
        ):
            spread[name] += max(ys) - min(ys) if ys else 0.0
    return min(spread, key=lambda name: spread[name])


def _place(
    col: list[_Block], parts: list[tuple[float, float]], align: str
) -> list[tuple[int, int, list[str]]]:
    """Each block of a column with the parts its cell covers (first, last): a cell set at
    the top of its rows covers them down to the next cell; at the bottom, up from its
    end to the cell above; in the middle, the rows around its centre."""
    placed: list[tuple[int, int, list[str]]] = []
    last = len(parts) - 1
    for k, (top, bottom, lines) in enumerate(col):
        begin, end = _part_of(top, parts), _part_of(bottom, parts)
        after = placed[-1][1] + 1 if placed else 0
        following = _part_of(col[k + 1][0], parts) if k + 1 < len(col) else last + 1
        if align == "top":
            first, stop = begin, following - 1
        elif align == "bottom":
            first, stop = after, end
        else:
            first = after
            centre = (top + bottom) / 2
            stop = min(
                range(end, max(end, following - 1) + 1),
                key=lambda e: abs((parts[first][0] + parts[e][1]) / 2 - centre),
            )
        placed.append((min(first, begin), max(stop, end), lines))
    return placed
