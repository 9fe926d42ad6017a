"""A matrix row whose ID the planner cleared but whose text is still the exported one.

A planner who empties 'ID Kinerja' or 'ID Indikator' and keeps the text has not written a new
node: the row is the node the workbook was exported with (QA7 #12). Read as a new node, its
old id looked deleted ("dihapus (barisnya tidak ada lagi di matriks)" while the row was
there) and every link to it was blamed on the linking row. So such a row takes back the id
the hidden :data:`.layout.ISI` sheet lists for the same jabatan, kind and text, when exactly
one row and one listed node match, and :func:`restore` says so at that row.

A row whose text changed too is a new node with a new id (QA6 #5): nothing is restored, and
:func:`exported_text` lets an error about a link to the old id say what that id was.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .._text import fold
from .cells import Reader
from .removed import Exported

__all__ = ["restore"]

_Key = tuple[str, str, str]
"""(kind, jabatan id, folded text)."""
_Blank = dict[_Key, list[tuple[tuple[Any, ...], dict[str, Any]]]]
"""Nodes without an id by key, each with its path in the data."""


def _listed(listed: Exported) -> dict[_Key, list[tuple[str, str]]]:
    """The exported kinerja and indicators by jabatan and text: [(id, text)]."""
    found: dict[_Key, list[tuple[str, str]]] = defaultdict(list)
    owner = ""
    for jenis, node, uraian in listed.nodes:
        if jenis == "jabatan":
            owner = node
        elif jenis in ("kinerja", "indikator"):
            found[(jenis, owner, fold(uraian))].append((node, uraian))
    return found


def _rows(
    data: dict[str, Any],
) -> tuple[set[str], dict[_Key, list[tuple[tuple[Any, ...], dict[str, Any]]]]]:
    """The ids written in ``data``, and its kinerja and indicators without one (by key),
    each with its path in the data."""
    ids: set[str] = set()
    blank: _Blank = defaultdict(list)
    for j_no, jabatan in enumerate(data.get("jabatan", [])):
        owner = str(jabatan.get("id", "")).strip()
        for k_no, kinerja in enumerate(jabatan.get("kinerja", [])):
            nodes: list[tuple[tuple[Any, ...], str, dict[str, Any]]]
            nodes = [(("kinerja", k_no), "kinerja", kinerja)]
            nodes += [
                (("kinerja", k_no, "indikator", i_no), "indikator", item)
                for i_no, item in enumerate(kinerja.get("indikator", []))
            ]
            for path, jenis, node in nodes:
                if node.get("id") is not None:
                    ids.add(str(node["id"]).strip())
                elif isinstance(node.get("uraian"), str):
                    key = (jenis, owner, fold(node["uraian"]))
                    blank[key].append((("jabatan", j_no, *path), node))
    return ids, blank


def restore(
    reader: Reader, data: dict[str, Any], listed: Exported
) -> tuple[list[str], dict[str, str]]:
    """Give each cleared row the exported id of its jabatan, kind and text (in ``data``).

    Returns a note per row given its id back, naming its sheet, row and column, and for
    each exported id still missing what to add to an error about a link to it: its text,
    and the rows without an ID holding that text (Indonesian)."""
    notes: list[str] = []
    gone: dict[str, str] = {}
    if not listed.nodes:
        return notes, gone
    ids, blank = _rows(data)
    for key, candidates in _listed(listed).items():
        missing = [(node, text) for node, text in candidates if node not in ids]
        rows = blank.get(key, [])
        if len(missing) != 1 or len(rows) != 1 or len(candidates) != 1:
            numbers = sorted({reader.marks[path][1] or 0 for path, _ in rows})
            where = ", ".join(map(str, numbers))
            for node, text in missing:
                gone[node] = (
                    f"{node} diekspor sebagai {key[0]} «{text[:70]}» dan kini tidak ada "
                    + (
                        f"(baris {where} tanpa ID memuat teks itu: isi kembali ID-nya di salah "
                        "satunya)"
                        if rows
                        else "(barisnya dihapus, atau ID-nya dikosongkan dan teksnya diubah)"
                    )
                )
            continue
        (node, text), (path, item) = missing[0], rows[0]
        item["id"] = node
        table, row, _, _ = reader.marks[path]
        column = "ID Kinerja" if key[0] == "kinerja" else "ID Indikator"
        notes.append(
            f"lembar {table.title!r}, baris {row}: {column} dikosongkan ({node} «{text[:70]}»); "
            f"teksnya sama dengan yang diekspor, jadi id {node} dipakai kembali (untuk "
            f"{key[0]} baru, tulis teks baru)"
        )
    return notes, gone
