"""Read a cascading matrix: one row per path, a kinerja / indicator column pair per level.

Pemda templates ("matriks cascading", pohon kinerja tables) write the cascade itself: the
Camat's sasaran and indicator in the first column pair, the Sekretaris' / a Kasi's in the
next (often with a ``Jabatan`` column naming who), a staff member's kinerja and indicator
in the last, each cell merged down over the rows it heads. Here the links are the
layout: a level's kinerja supports the indicator of the level before it in the same row,
and that level's jabatan is its atasan. Both are imported as declared (``Block.atasan``,
``Row.mendukung``), not as proposals.

A level is named by its ``Jabatan`` cell, else by a title row above the header
("CAMAT | SEKRETARIS / KASI | STAF"), else by what its headers add to the column words
("Sasaran Camat" -> Camat). A merged (or empty) cell is the cell above; a level whose
cells are all empty ends the path in that row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from .atasancol import atasan_cell, declare_atasan
from .columns import column_role
from .document import TableRow
from .items import clean_item
from .parts import Block, ParsedDecree, Row


class Host(Protocol):
    """What the matrix reader uses of the assembler's state (``assemble`` calls it, so it
    cannot import the assembler)."""

    decree: ParsedDecree
    matrix: object | None
    roles: list[str] | None


__all__ = ["Matrix", "add_row", "finish", "start"]


@dataclass
class _Level:
    name: str
    kinerja: int
    indikator: int
    jabatan: int | None = None
    atasan: int | None = None  # an "Atasan Langsung" column: wins over the level before
    extra: dict[str, int] = field(default_factory=dict)  # satuan / target / formulasi ...


@dataclass
class _Position:
    block: Block
    kinerja: dict[str, list[tuple[Row, list[str]]]] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Matrix:
    levels: list[_Level]
    above: list[str | None] = field(default_factory=list)  # the row above, per column
    positions: dict[tuple[int, str], _Position] = field(default_factory=dict)


_ROLE_WORDS = re.compile(
    r"\b(?:sasaran|strategis|kinerja|indikator|hasil|kerja|rencana|utama|individu|jabatan"
    r"|nama|uraian)\b|[/()]",
    re.IGNORECASE,
)


def _name(header: str) -> str:
    return " ".join(_ROLE_WORDS.sub(" ", header).split()).strip(" -:")


def start(state: Host, headers: list[str], titles: list[str] | None = None) -> None:
    """Begin a matrix whose header row is ``headers`` (``titles``: a level-title row above)."""
    roles = [column_role(h) if h else "lain" for h in headers]
    levels: list[_Level] = []
    pending: dict[str, int] = {}  # the jabatan / atasan columns before a level's kinerja
    for col, role in enumerate(roles):
        if role in ("jabatan", "atasan"):
            pending[role] = col
        elif role == "kinerja":
            title = (titles[col] if titles and col < len(titles) else "") or ""
            name = title or _name(headers[col]) or f"Tingkat {len(levels) + 1}"
            jabatan, atasan = pending.pop("jabatan", None), pending.pop("atasan", None)
            levels.append(_Level(" ".join(name.split()), col, -1, jabatan, atasan))
        elif role == "indikator" and levels and levels[-1].indikator < 0:
            levels[-1].indikator = col
        elif role in ("formulasi", "sumber_data", "satuan", "target") and levels:
            levels[-1].extra.setdefault(role, col)
    state.matrix = Matrix([level for level in levels if level.indikator >= 0])
    state.roles = roles


def add_row(state: Host, row: TableRow) -> None:
    """Add one path of the matrix: each level's position, kinerja and indicator, linked."""
    matrix = state.matrix
    assert isinstance(matrix, Matrix)
    cells = [*row.cells, *[""] * (len(state.roles or []) - len(row.cells))]
    filled: list[str | None] = []
    for col, cell in enumerate(cells):
        filled.append(matrix.above[col] if cell is None and col < len(matrix.above) else cell)
    parent: tuple[_Position, str] | None = None
    for level_no, level in enumerate(matrix.levels):
        kinerja = clean_item(_at(filled, level.kinerja))
        indikator = clean_item(_at(filled, level.indikator))
        if not kinerja and not indikator:
            break
        if not kinerja:
            kinerja = clean_item(_at(matrix.above, level.kinerja))
        nama = " ".join(_at(filled, level.jabatan).split()) if level.jabatan is not None else ""
        if level.jabatan is not None and not nama:
            nama = " ".join(_at(matrix.above, level.jabatan).split())
        position = _position(state, matrix, level_no, nama or level.name, row.line, parent)
        if level.atasan is not None:
            _column_atasan(state, position.block, _at(filled, level.atasan), row.line)
        _add(position, row.line, kinerja, indikator, parent, level, filled)
        parent = (position, indikator)
    matrix.above = filled


def _column_atasan(state: Host, block: Block, cell: str, line: int) -> None:
    """The atasan an "Atasan Langsung" column names wins over the level before in the row."""
    if block.atasan_line is None and atasan_cell(cell):
        block.atasan = None  # so far only the layout's: the level before
    declare_atasan(block, cell, line, state.decree.notes)


def _at(cells: list[str | None], col: int | None) -> str:
    if col is None or col >= len(cells):
        return ""
    return cells[col] or ""


def _position(
    state: Host,
    matrix: Matrix,
    level_no: int,
    nama: str,
    line: int,
    parent: tuple[_Position, str] | None,
) -> _Position:
    key = (level_no, nama.casefold())
    position = matrix.positions.get(key)
    if position is None:
        block = Block(nama=nama, line=line)
        block.atasan = parent[0].block.nama if parent else None
        position = _Position(block)
        matrix.positions[key] = position
    return position


def _add(
    position: _Position,
    line: int,
    kinerja: str,
    indikator: str,
    parent: tuple[_Position, str] | None,
    level: _Level,
    cells: list[str | None],
) -> None:
    rows = position.kinerja.setdefault(kinerja, [])
    supports = position.parents.setdefault(kinerja, [])
    if parent and parent[1] and parent[1] not in supports:
        supports.append(parent[1])
    if indikator and all(row.indikator != indikator for row, _ in rows):
        extra = {role: " ".join(_at(cells, col).split()) for role, col in level.extra.items()}
        row = Row(line, "", indikator)
        for role, text in extra.items():
            setattr(row, role, text)
        rows.append((row, supports))


def finish(state: Host) -> None:
    """Write the matrix's positions into the decree, in the order they first appeared."""
    matrix = state.matrix
    if not isinstance(matrix, Matrix):
        return
    for position in sorted(matrix.positions.values(), key=lambda p: p.block.line):
        block = position.block
        for kinerja, rows in position.kinerja.items():
            if not rows:
                block.rows.append(Row(block.line, kinerja, "", mendukung=position.parents[kinerja]))
                continue
            for n, (row, supports) in enumerate(rows):
                if n == 0:
                    row.kinerja, row.mendukung = kinerja, list(supports)
                block.rows.append(row)
        state.decree.blocks.append(block)
    state.matrix = None
