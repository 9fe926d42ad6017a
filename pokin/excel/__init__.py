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

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._files import atomic_write
from .._gc import collector_paused
from ..capaian import Capaian, compute_capaian
from ..checks import Findings, check
from ..errors import PokinFileError, SheetError
from ..graph import Cascade
from ..models import (
    FORMAT_VERSION,
    Asal,
    Indikator,
    LevelHasil,
    PohonKinerja,
    Tautan,
)
from .choices import add_choices, suggestion_notes
from .layout import (
    IKU,
    ISI,
    JABATAN,
    MATRIKS,
    ORGANISASI,
    ORGANISASI_KEYS,
    TAUTAN,
    periods_text,
)
from .read import link_text, read_edited, read_xlsx
from .removed import Removed, contents, removed_since_export
from .rowxml import Row
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


def _export(tree: PohonKinerja, target: Path, findings: Findings | None) -> Path:
    cascade = findings.cascade if findings is not None else Cascade.of(tree)
    if findings is None:
        findings = check(cascade)
    context = _Context(tree, cascade, findings)
    rows = list(_matrix_rows(context, suggestion_notes(tree)))
    matrix = [row for _, row in rows]
    sheets = [
        (JABATAN, list(_jabatan_rows(context))),
        *([(IKU, list(_iku_rows(context)))] if tree.iku else []),
        (TAUTAN, list(_tautan_rows(context))),
        (ORGANISASI, list(_organisasi_rows(tree))),
    ]
    try:
        with atomic_write(target, binary=True) as handle:
            book = Book(handle)
            try:
                matrix_sheet = book.write_sheet(MATRIKS, matrix)
                for spec, records in sheets:
                    book.write_records(spec, records, autofilter=spec is not ORGANISASI)
                book.write_petunjuk()
                book.write_records(ISI, contents(tree), autofilter=False).hide()
                # hidden, last: the visible sheets keep their order
                add_choices(book, matrix_sheet, tree, [jabatan for jabatan, _ in rows])
                book.close()
            except BaseException:
                discard(book)
                raise
    except PokinFileError as exc:
        if exc.path is not None:
            raise
        raise PokinFileError(exc.message, path=target, hint=exc.hint) from None  # name it
    return target


class _Context:
    """What the rows are computed from: the tree, its cascade, capaian and findings."""

    def __init__(self, tree: PohonKinerja, cascade: Cascade, findings: Findings) -> None:
        self.tree = tree
        self.levels = cascade.levels
        self.capaian: dict[str, Capaian] = compute_capaian(cascade)
        self.codes: dict[str | None, set[str]] = defaultdict(set)
        for finding in findings:
            self.codes[finding.where].add(finding.code)
        self.uraian: dict[str | None, str] = {s.id: s.uraian for s in tree.iku}
        self.uraian.update((k.id, k.uraian) for _, k in tree.iter_kinerja())
        self.uraian.update((i.id, i.uraian) for _, i in tree.iter_indikator())
        self.nama: dict[str | None, str] = {j.id: j.nama for j in tree.jabatan}
        self._temuan: dict[tuple[int, ...], str] = {}  # the text of a set of codes, made once

    def temuan(self, *ids: str | None) -> str | None:
        found = [codes for codes in map(self.codes.get, ids) if codes]
        if not found:
            return None
        key = tuple(map(id, found))  # the sets live as long as the context: ids are theirs
        text = self._temuan.get(key)
        if text is None:
            codes = found[0] if len(found) == 1 else set().union(*found)
            text = self._temuan[key] = ", ".join(sorted(codes))
        return text

    def capaian_of(self, indikator: Indikator) -> str | None:
        value = self.capaian.get(str(indikator.id))
        return str(value) if value is not None else None

    def didukung(self, links: list[Tautan]) -> str | None:
        lines = []
        for link in links:
            line = f"{link.ke}: {self.uraian.get(link.ke, '?')}" if link.ke else link_text(link)
            lines.append(line + ("" if link.active else " [ditolak]"))
        return "\n".join(lines) or None


def _links(links: list[Tautan]) -> str | None:
    return "\n".join(link_text(link) for link in links) or None


def _asal(links: list[Tautan]) -> str | None:
    lines = []
    for link in links:
        parts = [link.asal.value]
        if link.status is not None:
            parts.append(link.status.value)
        if link.skor is not None:
            parts.append(f"skor {link.skor:g}")
        lines.append(", ".join(parts))
    return "\n".join(lines) or None


def _level(level: LevelHasil | None) -> str | None:
    return level.value if level is not None else None


def _indikator_cells(context: _Context, indikator: Indikator) -> dict[str, Any]:
    return {
        "indikator": indikator.uraian,
        "indikator_id": indikator.id,
        "formulasi": indikator.formulasi,
        "sumber_data": indikator.sumber_data,
        "satuan": indikator.satuan,
        "target": indikator.target,
        "realisasi": indikator.realisasi,
        "polaritas": indikator.polaritas,
        "level_hasil": _level(indikator.level_hasil),
        "akumulasi": indikator.akumulasi
        if indikator.per_periode or indikator.akumulasi != "kumulatif"
        else None,
        "per_periode": periods_text(indikator),
        "capaian": context.capaian_of(indikator),
        "indikator_mendukung": _links(indikator.mendukung),
        "catatan": indikator.catatan,
    }


def _split(*starts: str) -> dict[str, list[str]]:
    """The matrix's column keys in runs, each from one of ``starts`` to the next."""
    keys = [column.key for column in MATRIKS.columns]
    bounds = [0, *map(keys.index, starts[1:]), len(keys)]
    return {name: keys[a:b] for name, a, b in zip(starts, bounds[:-1], bounds[1:], strict=True)}


_PARTS = _split("level", "kinerja", "indikator", "didukung", "level_hasil")
"""The matrix columns in the parts a row is written in (:mod:`.rowxml`): the jabatan's
(from ``level``), the kinerja's, the indicator's, the links' (``didukung``, with the
kinerja's level hasil), and the row's own (the indicator's level hasil, the finding codes,
the suggestion)."""
_EMPTY = {name: (None,) * len(keys) for name, keys in _PARTS.items()}


def _matrix_rows(context: _Context, saran: dict[str, str]) -> Iterator[tuple[str, Row]]:
    """One row per indicator; a kinerja without one, a jabatan without kinerja get a row;
    each with its jabatan's id. A part that is the same on the row above is that very
    tuple (its XML is made once): the jabatan's on all its rows, the kinerja's..."""
    empty = _EMPTY
    last: tuple[Any, ...] = ()
    for jabatan in context.tree.jabatan:
        level = context.levels.get(str(jabatan.id))
        head = (
            level + 1 if level is not None else None,
            jabatan.nama,
            jabatan.id,
            jabatan.peran.value,
            jabatan.eselon,
            jabatan.unit,
            jabatan.atasan,
        )
        jid = str(jabatan.id)
        if not jabatan.kinerja:
            own: tuple[Any, ...] = (None, context.temuan(jabatan.id), None)
            last = last if own == last else own
            yield jid, (head, empty["kinerja"], empty["indikator"], empty["didukung"], last)
        for kinerja in jabatan.kinerja:
            row = (kinerja.uraian, kinerja.id, _links(kinerja.mendukung), kinerja.catatan)
            level_hasil = _level(kinerja.level_hasil)
            links = _links_part(context, kinerja.mendukung, level_hasil)
            note = saran.get(str(kinerja.id))
            if not kinerja.indikator:
                own = (None, context.temuan(jabatan.id, kinerja.id), note)
                last = last if own == last else own
                yield jid, (head, row, empty["indikator"], links, last)
            for indikator in kinerja.indikator:
                cells = _indikator_cells(context, indikator)
                own = (
                    cells["level_hasil"],
                    context.temuan(jabatan.id, kinerja.id, indikator.id),
                    note,
                )
                last = last if own == last else own
                yield (
                    jid,
                    (
                        head,
                        row,
                        tuple(map(cells.get, _PARTS["indikator"])),
                        _links_part(
                            context, [*kinerja.mendukung, *indikator.mendukung], level_hasil
                        )
                        if indikator.mendukung
                        else links,
                        last,
                    ),
                )


def _links_part(context: _Context, mendukung: list[Tautan], level_hasil: Any) -> tuple[Any, ...]:
    """The links part of a row: a kinerja's links (with its indicator's own, if it has any)."""
    return (context.didukung(mendukung), _asal(mendukung), level_hasil)


def _jabatan_rows(context: _Context) -> Iterator[dict[str, Any]]:
    for jabatan in context.tree.jabatan:
        yield {
            "id": jabatan.id,
            "nama": jabatan.nama,
            "peran": jabatan.peran.value,
            "eselon": jabatan.eselon,
            "unit": jabatan.unit,
            "atasan": jabatan.atasan,
            "atasan_nama": context.nama.get(jabatan.atasan) if jabatan.atasan else None,
            "tugas": jabatan.tugas,
            "fungsi": "\n".join(jabatan.fungsi) or None,
            "catatan": jabatan.catatan,
            "inferensi": "\n".join(jabatan.inferensi) or None,
        }


def _iku_rows(context: _Context) -> Iterator[dict[str, Any]]:
    for sasaran in context.tree.iku:
        head = {"sasaran_id": sasaran.id, "sasaran": sasaran.uraian}
        if not sasaran.indikator:
            yield {**head, "temuan": context.temuan(sasaran.id)}
        for indikator in sasaran.indikator:
            yield {
                **head,
                **_indikator_cells(context, indikator),
                "temuan": context.temuan(sasaran.id, indikator.id),
            }


def _tautan_rows(context: _Context) -> Iterator[dict[str, Any]]:
    """The links whose provenance is more than a plain declaration (``_plain``)."""
    tree = context.tree
    owners: list[tuple[str | None, list[Tautan]]] = [
        (i.id, i.mendukung) for s in tree.iku for i in s.indikator
    ]
    for _, kinerja in tree.iter_kinerja():
        owners.append((kinerja.id, kinerja.mendukung))
        owners.extend((i.id, i.mendukung) for i in kinerja.indikator)
    for owner, links in owners:
        # A link repeated under one owner gets a row for each repetition, so the reader
        # pairs the rows with the repetitions in order.
        wanted = {link_text(link) for link in links if not _plain(link)}
        if not wanted:
            continue  # most owners: no link, or declarations only
        for link in links:
            if link_text(link) not in wanted:
                continue
            yield {
                "pemilik": owner,
                "pemilik_uraian": context.uraian.get(owner),
                "ke": link_text(link),
                "ke_uraian": context.uraian.get(link.ke) if link.ke else None,
                "asal": link.asal.value,
                "skor": link.skor,
                "status": link.status.value if link.status is not None else None,
                "alasan": link.alasan,
                "komponen": {True: "ya", False: "tidak", None: None}[link.komponen],
            }


def _plain(link: Tautan) -> bool:
    return (
        link.asal is Asal.DEKLARASI
        and link.skor is None
        and link.alasan is None
        and link.komponen is None
    )


def _organisasi_rows(tree: PohonKinerja) -> Iterator[dict[str, Any]]:
    org = tree.organisasi
    dokumen = org.dokumen
    values: dict[str, Any] = {
        "pokin": FORMAT_VERSION,
        "nama": org.nama,
        "pemerintah": org.pemerintah,
        "tahun": org.tahun,
        "periode": org.periode,
        "catatan": org.catatan,
    }
    if dokumen is not None:
        for name in type(dokumen).model_fields:
            value = getattr(dokumen, name)
            values[f"dokumen.{name}"] = value.isoformat() if name == "tanggal" and value else value
    for key, description in ORGANISASI_KEYS.items():
        yield {"kunci": key, "nilai": values.get(key), "keterangan": description}


# -- the sheets -----------------------------------------------------------------------------
