"""What a planner deleted from an exported matrix: every row kept, or named on import.

:func:`pokin.excel.export_xlsx` lists every node it writes (jabatan, kinerja, indicator,
IKU sasaran and indicator: kind, id, text) in the hidden sheet :data:`.layout.ISI`. A
planner deletes an indicator by deleting its row, which the reader cannot tell from an
accident; :func:`removed_since_export` compares that list with the tree read back, so
``pokin import`` names every node the workbook no longer holds. A workbook written before
the sheet existed gives nothing to compare (an empty list).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._text import fold
from ..models import PohonKinerja
from .book import open_book
from .layout import ISI

__all__ = ["Removed", "contents", "removed_since_export"]


@dataclass(frozen=True, slots=True)
class Removed:
    """A node the exported workbook held and the re-imported tree lacks."""

    jenis: str
    """``jabatan``, ``kinerja``, ``indikator``, ``sasaran IKU`` or ``indikator IKU``."""
    id: str
    uraian: str


def contents(tree: PohonKinerja) -> Iterator[dict[str, Any]]:
    """The rows of the hidden :data:`.layout.ISI` sheet: every node of ``tree``."""
    for sasaran in tree.iku:
        yield {"jenis": "sasaran IKU", "id": sasaran.id, "uraian": sasaran.uraian}
        for indikator in sasaran.indikator:
            yield {"jenis": "indikator IKU", "id": indikator.id, "uraian": indikator.uraian}
    for jabatan in tree.jabatan:
        yield {"jenis": "jabatan", "id": jabatan.id, "uraian": jabatan.nama}
        for kinerja in jabatan.kinerja:
            yield {"jenis": "kinerja", "id": kinerja.id, "uraian": kinerja.uraian}
            for indikator in kinerja.indikator:
                yield {"jenis": "indikator", "id": indikator.id, "uraian": indikator.uraian}


def removed_since_export(path: str | Path, tree: PohonKinerja) -> list[Removed]:
    """The nodes the workbook at ``path`` was exported with that ``tree`` (the workbook
    read back, see :func:`pokin.excel.read_xlsx`) no longer has, in the export's order.

    A kinerja whose every row was deleted is named with its indicators; a node whose id
    the planner changed is named as removed (its new id is a new node).
    """
    book = open_book(Path(path))
    try:
        titles = {fold(t): t for t in book.sheetnames}
        title = titles.get(fold(ISI.name))
        rows = book.rows(title)[1:] if title is not None else []
    finally:
        book.close()
    present = {str(s.id) for s in tree.iku}
    present.update(str(i.id) for s in tree.iku for i in s.indikator)
    present.update(str(j.id) for j in tree.jabatan)
    present.update(str(k.id) for _, k in tree.iter_kinerja())
    present.update(str(i.id) for _, i in tree.iter_indikator())
    removed = []
    for row in rows:
        jenis, node, uraian = ([*map(str, row), "", "", ""])[:3]
        if node and node not in present:
            removed.append(Removed(jenis, node, uraian))
    return removed
