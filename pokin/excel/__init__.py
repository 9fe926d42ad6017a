"""The cascade matrix planners exchange: a pohon kinerja as an Excel workbook, and back.

:func:`export_xlsx` writes one row per indicator on the sheet ``Matriks Cascading`` (level,
jabatan, unit, kinerja, indikator, formulasi, sumber data, satuan, target, realisasi,
polaritas, level hasil of kinerja and indikator, capaian, the superior indicators supported,
how each link was made, and the finding codes), plus the sheets that make the workbook a
complete copy of the tree (a workbook from before the level hasil columns still reads):

``Jabatan``
    one row per position: id, nama, peran, eselon, unit, atasan, tugas, fungsi (one per
    line), catatan, inferensi. The positions' fields are edited here; the jabatan columns
    of the matrix are copies for filtering, ignored on reading.
``IKU``
    the office's IKU table, one row per indicator (only when the tree has one).
``Tautan``
    the provenance of the links that are not plain declarations (asal, skor, status,
    alasan, komponen): the reviewer of proposed links sets ``status`` here, and
    ``Komponen Formula`` (``ya``) marks a link whose holder is a component of the formula
    of the indicator it supports. Which links exist is
    read from the ``... Mendukung (ID)`` columns of the matrix (one id per line, or an
    indicator's exact text in double quotes, also the curly ``“...”``, ``„...“``,
    ``«...»``, ``‘...’`` or ``'...'`` that autocorrect types); a link written there without
    a row here is a declaration.
``Organisasi``
    key / value: nama, pemerintah, tahun or periode, the decree's fields, catatan.
``Petunjuk``
    how to edit the workbook (never read).
``Isi Ekspor`` (hidden)
    every node exported (kind, id, text), never read into the tree:
    :func:`removed_since_export` names what a planner deleted (:mod:`.removed`), and
    :func:`read_edited` reads the workbook and names them in one pass.

:func:`read_xlsx` reads such a workbook back, also after a planner edited it: texts
changed, rows sorted or added (a new indicator with an empty id gets one generated), a
parent id changed. Grey headers mark copied and computed columns, which are ignored.
Columns are found by their header (any order; extra columns are ignored), empty rows are
skipped, merged cells are refused. The model's validation applies as for YAML, and every
error names the file, the sheet, the row and the column. The round trip loses nothing:

>>> import pathlib, tempfile, pokin
>>> tree = pokin.datasets.load("sambutan-2023")
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = export_xlsx(tree, pathlib.Path(tmp) / "matriks.xlsx")
...     read_xlsx(path) == tree
True

Every data cell is written as text (number format ``@``), so Excel never turns a target
``081`` or ``81,35`` into a number; only the scores of the ``Tautan`` sheet and the format
version and year of ``Organisasi`` are numbers, which the reader reads as written. Numbers
a planner types are read as Excel shows them: ``85%`` as ``"85%"``, ``81.50`` in a
``0.00`` cell as ``"81.50"``, and with the ``General`` format as ``"81.5"``, which is what
Excel shows then (type ``'81.50`` to keep the zero). Dates are read as ISO dates, formulas
as the value Excel calculated; a formula never calculated (a file saved by a script) is
refused. See :mod:`pokin._excel_read` for the rules.

Known limits: a ``fungsi`` or ``inferensi`` item is one line of its cell (an item with a
line break comes back as two); a carriage return in a text comes back as a line feed; an
empty ``dokumen`` mapping comes back as none; texts holding control characters or longer
than an Excel cell (32,767 characters) are refused on export.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO

from .._files import atomic_write
from .._gc import collector_paused
from ..checks import Findings, check
from ..errors import PokinFileError, SheetError
from ..graph import Cascade
from ..models import PohonKinerja
from .choices import add_choices, suggestion_notes
from .layout import (
    IKU,
    ISI,
    JABATAN,
    MATRIKS,
    ORGANISASI,
    TAUTAN,
)
from .read import read_edited, read_xlsx
from .records import Context, iku_rows, jabatan_rows, matrix_rows, organisasi_rows, tautan_rows
from .removed import Removed, contents, removed_since_export
from .worker import handed_over
from .writer import Book, discard

__all__ = [
    "Removed",
    "SheetError",
    "export_xlsx",
    "read_edited",
    "read_xlsx",
    "removed_since_export",
]


def export_xlsx(tree: PohonKinerja, path: str | Path, *, findings: Findings | None = None) -> Path:
    """Write ``tree`` as a cascade-matrix workbook at ``path``, atomically; return the path.

    Args:
        tree: the pohon kinerja (validated: links hold ids).
        path: where to write the ``.xlsx``; an existing file is replaced only once the new
            one is complete.
        findings: the findings whose codes fill the ``Kode Temuan`` column; computed with
            :func:`pokin.check` when not given.

    Raises:
        PokinFileError: a text holds a control character Excel cannot store.
    """
    with collector_paused():  # as when reading: millions of new objects, no garbage
        return _export(tree, Path(path), findings)


FORK_FROM = 1_000
"""The kinerja from which the workbook is written by a forked child while this process
computes the Saran Tautan suggestions (:mod:`.worker`): below it they take less than the
fork."""


def _export(tree: PohonKinerja, target: Path, findings: Findings | None) -> Path:
    kinerja = sum(len(jabatan.kinerja) for jabatan in tree.jabatan)
    try:
        with atomic_write(target, binary=True) as handle:

            def reset() -> None:
                handle.seek(0)
                handle.truncate()

            handed_over(
                partial(_write, handle, tree, findings),
                partial(suggestion_notes, tree),
                reset=reset,
                fork=kinerja >= FORK_FROM,
            )
    except PokinFileError as exc:
        if exc.path is not None:
            raise
        raise PokinFileError(exc.message, path=target, hint=exc.hint) from None  # name it
    return target


def _write(
    handle: IO[bytes],
    tree: PohonKinerja,
    findings: Findings | None,
    saran: Callable[[], dict[str, str]],
) -> None:
    """The workbook into ``handle``, the sheets in their order; the matrix's Saran Tautan
    cells (``saran()``, computed meanwhile) last, their texts after every other sheet's
    (written by a child or here, the same workbook)."""
    cascade = findings.cascade if findings is not None else Cascade.of(tree)
    if findings is None:
        findings = check(cascade)
    context = Context(tree, cascade, findings)
    rows = list(matrix_rows(context))
    sheets = [
        (JABATAN, list(jabatan_rows(context))),
        *([(IKU, list(iku_rows(context)))] if tree.iku else []),
        (TAUTAN, list(tautan_rows(context))),
        (ORGANISASI, list(organisasi_rows(tree))),
    ]
    book = Book(handle)
    try:
        matrix = book.draft(MATRIKS, [row for _, _, row in rows], tail=True)
        for spec, records in sheets:
            book.write_records(spec, records, autofilter=spec is not ORGANISASI)
        book.write_petunjuk()
        book.write_records(ISI, contents(tree), autofilter=False).hide()
        # hidden, last: the visible sheets keep their order
        add_choices(book, matrix.sheet, tree, [jabatan for jabatan, _, _ in rows])
        notes = saran()
        book.finish(matrix, [notes.get(kinerja) if kinerja else None for _, kinerja, _ in rows])
        book.close()
    except BaseException:
        discard(book)
        raise
    handle.flush()  # all of it in the file, whichever process wrote it
