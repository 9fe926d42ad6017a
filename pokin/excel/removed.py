"""What a planner deleted from an exported matrix: every row kept, or named on import.

:func:`pokin.excel.export_xlsx` lists every node it writes (jabatan, kinerja, indicator,
IKU sasaran and indicator: kind, id, text) in the hidden sheet :data:`.layout.ISI`, as JSON. A
planner deletes an indicator by deleting its row, which the reader cannot tell from an
accident; :func:`removed_since_export` compares that list with the tree read back, so
``pokin import`` names every node the workbook no longer holds. A workbook written before
the sheet existed gives nothing to compare (an empty list).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._text import fold
from ..models import PohonKinerja
from .book import Book, open_book
from .layout import ISI

__all__ = ["MISSING", "Exported", "Removed", "contents", "exported", "removed_since_export"]


@dataclass(frozen=True, slots=True)
class Removed:
    """A node the exported workbook held and the re-imported tree lacks."""

    jenis: str
    """``jabatan``, ``kinerja``, ``indikator``, ``sasaran IKU`` or ``indikator IKU``."""
    id: str
    uraian: str


_CELL = 30_000
"""Characters of JSON per cell of the hidden sheet, under Excel's 32,767."""


def _nodes(tree: PohonKinerja) -> Iterator[tuple[str, str, str]]:
    """Every node of ``tree``: its kind, id and text, in the export's order."""
    for sasaran in tree.iku:
        yield "sasaran IKU", str(sasaran.id), sasaran.uraian
        for indikator in sasaran.indikator:
            yield "indikator IKU", str(indikator.id), indikator.uraian
    for jabatan in tree.jabatan:
        yield "jabatan", str(jabatan.id), jabatan.nama
        for kinerja in jabatan.kinerja:
            yield "kinerja", str(kinerja.id), kinerja.uraian
            for indikator in kinerja.indikator:
                yield "indikator", str(indikator.id), indikator.uraian


_TEXT = 1_000
"""Characters of a node's text the sheet keeps: enough to name it, never a cell too long."""


def contents(tree: PohonKinerja) -> Iterator[dict[str, Any]]:
    """The rows of the hidden :data:`.layout.ISI` sheet: every node of ``tree`` as
    ``[jenis, id, uraian]``, packed into cells of at most :data:`_CELL` characters."""
    nodes = [(jenis, node, uraian[:_TEXT]) for jenis, node, uraian in _nodes(tree)]
    for start in range(0, len(nodes), 256):
        yield from _cells(nodes[start : start + 256])


def _cells(nodes: list[tuple[str, str, str]]) -> Iterator[dict[str, Any]]:
    """``nodes`` as one cell of JSON, or halved until each part fits one."""
    text = json.dumps(nodes, ensure_ascii=False)
    if len(text) <= _CELL or len(nodes) == 1:
        yield {"isi": text}
    else:
        half = len(nodes) // 2
        yield from _cells(nodes[:half])
        yield from _cells(nodes[half:])


def _listed(rows: list[list[Any]]) -> Iterator[tuple[str, str, str]]:
    """The nodes the hidden sheet's rows list (a cell that is not such a list is passed
    over: the sheet is pokin's, not the planner's)."""
    for row in rows:
        try:
            items = json.loads(str(row[0])) if row else []
        except ValueError:
            continue
        for item in items if isinstance(items, list) else []:
            if isinstance(item, list) and len(item) == 3:
                yield str(item[0]), str(item[1]), str(item[2])


@dataclass(frozen=True, slots=True)
class Exported:
    """The nodes a workbook was exported with (its hidden sheet, parsed once)."""

    nodes: list[tuple[str, str, str]]
    """Each node's kind, id and text, in the export's order (none for a workbook written
    before the sheet existed)."""
    sheet: bool = True
    """Whether the workbook has the hidden sheet at all (copied into another workbook, or
    deleted: then deleted rows cannot be told, QA7 #16)."""

    def warn(self) -> None:
        """A :class:`UserWarning` when the hidden sheet is gone: nothing to compare with."""
        if not self.sheet:
            warnings.warn(MISSING, UserWarning, stacklevel=3)

    @property
    def ids(self) -> set[str]:
        return {node for _, node, _ in self.nodes if node}

    def removed(self, tree: PohonKinerja) -> list[Removed]:
        """The nodes listed that ``tree`` no longer has, in the export's order."""
        present = {node for _, node, _ in _nodes(tree)}
        return [
            Removed(jenis, node, uraian)
            for jenis, node, uraian in self.nodes
            if node and node not in present
        ]


MISSING = (
    f"lembar {ISI.name!r} tidak ada: baris yang dihapus sejak ekspor tidak dapat diperiksa "
    "(salin lembar-lembar matriks bersama lembar tersembunyi itu, atau sunting buku kerja "
    "hasil `pokin export` itu sendiri)"
)
"""The warning when the hidden sheet is gone (Indonesian: the planner reads it)."""


def exported(book: Book) -> Exported:
    """What the open workbook was exported with: its hidden sheet's list, parsed."""
    titles = {fold(t): t for t in book.sheetnames}
    title = titles.get(fold(ISI.name))
    if title is None:
        return Exported([], sheet=False)
    return Exported(list(_listed(book.rows(title)[1:])))


def removed_since_export(path: str | Path, tree: PohonKinerja) -> list[Removed]:
    """The nodes the workbook at ``path`` was exported with that ``tree`` (the workbook
    read back, see :func:`pokin.excel.read_xlsx`) no longer has, in the export's order.

    A kinerja whose every row was deleted is named with its indicators; a node whose id
    the planner changed or cleared is named as removed (the row is a new node, with a new
    id: :func:`pokin.excel.read_xlsx` never gives it one of the exported ids). This opens
    the workbook again: to read it and compare in one pass, use
    :func:`pokin.excel.read_edited`. Without the hidden sheet (the matrix copied into
    another workbook) nothing can be compared: a :class:`UserWarning` says so.
    """
    book = open_book(Path(path))
    try:
        listed = exported(book)
    finally:
        book.close()
    listed.warn()
    return listed.removed(tree)
