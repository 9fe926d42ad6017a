"""The columns of a decree table pokin has no field for ("Keterangan", "Capaian", a column
without a label): their cells are kept in the row's ``catatan`` ("Keterangan: direviu
triwulanan"), and the decree's notes name each such column once, so nothing a planner
wrote is dropped silently. Every table reader (Word, PDF, Excel, tab text, markdown, HTML)
that reads columns by role (:mod:`.columns`) uses these two helpers.

>>> kept_cells(["no", "indikator", "lain"], ["No", "Indikator", "KETERANGAN"],
...     ["1.", "Persentase aduan", "dicek  tiap bulan"])
'Keterangan: dicek tiap bulan'
>>> notes = []
>>> note_columns(notes, 7, ["kinerja", "lain", "lain"], ["Kinerja", "Keterangan", ""])
>>> note_columns(notes, 30, ["kinerja", "lain", "lain"], ["Kinerja", "Keterangan", ""])
>>> notes
[(7, 'kolom «Keterangan» tidak dikenal pokin: isinya disimpan di catatan indikator tiap baris')]
"""

from __future__ import annotations

from collections.abc import Sequence

from .header import title_case
from .parts import Row

__all__ = ["keep_on", "kept_cells", "note_columns"]

_NOTE = "kolom «{}» tidak dikenal pokin: isinya disimpan di catatan indikator tiap baris"
_UNNAMED = "kolom tanpa judul"


def _label(header: str) -> str:
    return title_case(" ".join(header.split())) or _UNNAMED


def kept_cells(roles: list[str], headers: list[str], cells: Sequence[str | None]) -> str:
    """The cells of a row under the columns of role ``lain`` that hold text, as
    ``Label: text`` joined by "; " (a column without a label is "kolom tanpa judul")."""
    parts = []
    for n, (role, cell) in enumerate(zip(roles, cells, strict=False)):
        text = " ".join((cell or "").split())
        if role == "lain" and text:
            parts.append(f"{_label(headers[n] if n < len(headers) else '')}: {text}")
    return "; ".join(parts)


def note_columns(
    notes: list[tuple[int, str]], line: int, roles: list[str], headers: list[str]
) -> None:
    """Say once per decree that a labelled column is unknown and where its cells go."""
    said = {text for _, text in notes}
    for n, role in enumerate(roles):
        label = " ".join((headers[n] if n < len(headers) else "").split())
        note = _NOTE.format(_label(label))
        if role == "lain" and label and note not in said:
            notes.append((line, note))
            said.add(note)


def keep_on(
    rows: list[Row],
    notes: list[tuple[int, str]],
    line: int,
    roles: list[str],
    headers: list[str],
    cells: Sequence[str | None],
) -> None:
    """Give the rows one table row was read into the cells of its unknown columns
    (:func:`kept_cells`), and say once which columns they were (:func:`note_columns`)."""
    kept = kept_cells(roles, headers, cells)
    if kept:
        note_columns(notes, line, roles, headers)
        for row in rows:
            row.kept = kept
