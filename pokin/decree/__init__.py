"""Import an IKI/IKU decree (Keputusan Camat) into a pohon kinerja, in the form it comes.

::

    >>> from pokin.decree import read_decree               # doctest: +SKIP
    >>> tree = read_decree("keputusan.docx")               # doctest: +SKIP

The file's kind is told by its content: a Word document (:mod:`.docx`), a PDF with a text
layer (:mod:`.pdffile`), an office's Excel workbook (:mod:`.xlsx`), or text. These readers,
and the text layouts whose grid has to be recovered first (:mod:`.columnar`,
:mod:`.cellines`, :mod:`.flat`), give paragraphs and tables in document order
(:mod:`.document`) that :mod:`.assemble` reads through the one column vocabulary
(:mod:`.columns`). The older text layouts in :data:`LAYOUTS` (each a module with
``sniff(text) -> bool`` and ``parse(text, *, source) -> ParsedDecree``) parse their text
themselves. Every reader ends in the layout-free :class:`~.parts.ParsedDecree`, turned into
a tree by :func:`build_tree`, which infers peran, unit and atasan and marks what it guessed
in ``Jabatan.inferensi``. Lines a parser could not read are listed in
``organisasi.catatan`` and returned by :func:`import_decree`. Human corrections recorded
in a YAML file (see :mod:`.corrections`) are applied after building; :func:`merge_trees`
joins an IKU and an IKI document of one organisasi.

Errors: :class:`~pokin.errors.ImportDocumentError` for an empty, binary, damaged,
encrypted or scanned file, a file that is not UTF-8 text, or one with no position block
and no IKU table.
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .._files import check_archive, check_streams, read_bytes, read_text
from .._text import format_number
from ..errors import ImportDocumentError, PokinFileError
from ..models import PohonKinerja
from . import cellines as _cellines
from . import columnar as _columnar
from . import delimited as _delimited
from . import docx as _docx
from . import flat as _flat
from . import markdown as _decree_markdown
from . import pdf as _decree_pdf
from . import pdffile as _pdffile
from . import tab as _decree_tab
from . import xlsx as _xlsx
from .altchunk import HTML_NOTE as CHUNK_NOTE
from .altchunk import chunk_html
from .assemble import assemble
from .build import build_tree, empty_kinerja
from .charset import declared_charset
from .corrections import Koreksi, apply_corrections, read_corrections
from .document import Item, Table
from .filekind import SAVE_AS, file_kind
from .hygiene import clean_items, clean_text, settle_soft_hyphens
from .hyphens import SOFT_HYPHEN
from .identity import join_identity, renumber, split_flattened, split_headings, split_items
from .labelrows import drop_label_rows
from .longcells import long_cells
from .merge import merge_trees
from .parts import ParsedDecree, Skipped

__all__ = [
    "LAYOUTS",
    "ImportResult",
    "Layout",
    "apply_corrections",
    "build_tree",
    "import_decree",
    "merge_trees",
    "parse",
    "parse_decree",
    "parse_file",
    "read_corrections",
    "read_decree",
]


class Layout(Protocol):
    """A layout parser: recognises a decree text and reads it into parts."""

    def sniff(self, text: str) -> bool: ...  # pragma: no cover - protocol

    def parse(self, text: str, *, source: str) -> ParsedDecree: ...  # pragma: no cover


#: The layout parsers, tried in this order; the first whose ``sniff`` says yes parses:
#: tab-separated tables (also Word's "save as text"), markdown pipe and HTML tables, a
#: spreadsheet's table as CSV or tab-separated text, ``pdftotext -layout`` fixed-width
#: columns, PDF text with broken columns (cells apart), PDF text with one cell per line,
#: PDF text flattened into paragraphs.
LAYOUTS: tuple[Layout, ...] = (
    _decree_tab,
    _decree_markdown,
    _delimited,
    _columnar,
    _decree_pdf,
    _cellines,
    _flat,
)


@dataclass
class ImportResult:
    """A decree's tree, with what the import could not read and the corrections applied."""

    tree: PohonKinerja
    skipped: list[Skipped] = field(default_factory=list)
    corrections: list[Koreksi] = field(default_factory=list)
    layout: str = ""
    notes: list[tuple[int, str]] = field(default_factory=list)
    """(line, note) for table rows read in an unusual way (cells that could not be
    paired item by item, re-aligned columns...): imported, but worth a look."""
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(line, warning) for what was imported with a placeholder where the decree must have
    written something (a position's first kinerja cell): the planner must check it."""


def _error(message: str, *, path: str, hint: str, line: int | None = None) -> ImportDocumentError:
    return ImportDocumentError(message, path=path, line=line, hint=hint)


def parse(text: str, *, source: str) -> ParsedDecree:
    """Recognise the layout of ``text`` and parse it into parts (no tree yet)."""
    if not text.strip():
        raise _error(
            "teks keputusan ini kosong",
            path=source,
            hint="impor berkas keputusannya langsung (Word .docx, PDF, Excel) atau teks "
            "hasil konversinya; pokin membaca tabel IKI/IKU sebuah Keputusan Camat",
        )
    # the one place line ends are settled: Word's "save as text" writes CRLF, or a lone CR
    # with its "CR only" option; every reader below splits on "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, cleaned = clean_text(text)
    text = join_identity(text)  # "JABATAN" / ":" / "CAMAT": one identity row
    origin: list[int] = []  # "JABATAN : X ATASAN LANGSUNG : Y": one label a line, unless
    if not _flat.sniff(text):  # the whole text is flattened (the flat reader's own cutting)
        text, origin = split_flattened(text)
    for layout in LAYOUTS:
        if layout.sniff(text):
            parsed = layout.parse(text, source=source)
            break
    else:
        parsed = ParsedDecree(source=source, layout="none")
    if origin:
        renumber(parsed, origin)
    if SOFT_HYPHEN in text:
        settle_soft_hyphens(parsed)
    parsed.notes = [*cleaned, *parsed.notes]
    if not parsed.blocks and not parsed.iku and (pieces := split_headings(text)):
        line, texts = pieces[0]
        shown = " / ".join(f"«{t}»" for t in texts)
        raise _error(
            f"tidak ditemukan blok jabatan: baris {line}–{line + len(texts) - 1}: {shown} "
            "terbaca sebagai judul jabatan yang terpecah",
            path=source,
            line=line,
            hint="tulis «JABATAN : NAMA JABATAN» pada satu baris, lalu impor ulang",
        )
    return _require_blocks(parsed)


_WHAT_POKIN_READS = (
    'pokin membaca blok jabatan ("JABATAN : ...", lalu TUGAS, FUNGSI dan tabel dengan kolom '
    "Kinerja / Sasaran / Rencana Hasil Kerja, Indikator Kinerja, Formulasi, Sumber Data, "
    "Satuan, Target), formulir SKP (JABATAN : ..., ATASAN LANGSUNG : ..., tabel Rencana "
    "Hasil Kerja / Indikator Kinerja Individu) atau tabel IKU (Sasaran Strategis, Indikator "
    "Kinerja Utama); sebagai teks bertab, markdown, teks PDF, Word (.docx), PDF, Excel "
    "(.xlsx) atau CSV"
)


def _require_blocks(parsed: ParsedDecree) -> ParsedDecree:
    source = parsed.source
    if not parsed.blocks and not parsed.iku:
        raise _error(
            "ini bukan keputusan IKI/IKU yang dapat dibaca pokin: tidak ditemukan blok jabatan",
            path=source,
            hint=_WHAT_POKIN_READS,
        )
    return _require_rows(parsed)


def _require_rows(parsed: ParsedDecree) -> ParsedDecree:
    source = parsed.source
    if not parsed.iku and not any(block.rows for block in parsed.blocks):
        # blocks but not one table row: the tables were not recognised (a layout pokin
        # does not read); a tree of empty positions would lose the whole decree silently
        lost = parsed.skipped
        first = (
            f"; {len(lost)} baris tidak terbaca, mis. baris {lost[0].line}: {lost[0].reason}"
            if lost
            else ""
        )
        raise _error(
            f"{len(parsed.blocks)} blok jabatan ditemukan, tetapi tidak satu pun baris tabel "
            "kinerja/indikator yang dapat dibaca (tata letak tabelnya tidak dikenali)" + first,
            path=source,
            line=parsed.blocks[0].line,
            hint=_WHAT_POKIN_READS,
        )
    return parsed


def parse_decree(text: str, *, source: str) -> PohonKinerja:
    """Build the tree of a decree given as text; ``source`` names it in messages."""
    return build_tree(parse(text, source=source))


_TEXT_HINT = (
    "ekspor keputusan sebagai teks biasa (.txt UTF-8 atau UTF-16) atau markdown, lalu impor "
    "berkas itu"
)
# bytes no text has: control characters other than tab, line feed, form feed, return
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _windows_text(path: Path) -> tuple[str, int | None] | None:
    """The text of a file that is not UTF-8 but Windows-1252 (Word's and Notepad's "save
    as text" on a Windows set to Indonesian or English: curly quotes, "–"), with the line
    of its first non-ASCII byte; or a web page in the character set its ``<meta>``
    declares (Word's "Web Page, Filtered": windows-1252), with ``None`` for the line: no
    guess to note. ``None`` when the file is UTF-8, UTF-16 or binary.

    A UTF-8 byte order mark before bytes that are not UTF-8 is left out: a file once saved
    as UTF-8 with its mark, then edited and saved by a Windows-1252 program, keeps the
    three bytes (they are "ï»¿" in Windows-1252) before its Windows-1252 text."""
    try:
        raw = read_bytes(path)
    except PokinFileError:
        return None  # read_text says why
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _CONTROL.search(raw):
        return None
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    declared = declared_charset(raw)
    if declared is not None and declared != "utf-8":
        try:
            return raw.decode(declared), None
        except UnicodeDecodeError:
            pass  # a page that is not what it says: read as Windows-1252, with the note
    try:
        return raw.decode("cp1252"), line
    except UnicodeDecodeError:
        return None  # bytes Windows-1252 leaves undefined: not that either


def _read_text(path: Path) -> tuple[str, list[tuple[int, str]]]:
    """The file's text, and a note when it was read as Windows-1252."""
    windows = _windows_text(path)
    notes: list[tuple[int, str]] = []
    if windows is None:
        text = read_text(path, error=ImportDocumentError, hint=_TEXT_HINT)
    else:
        text, line = windows
        if line is not None:  # guessed; a page's declared character set is no guess
            notes.append(
                (
                    line,
                    "berkas ini bukan UTF-8; dibaca sebagai teks Windows-1252 (ANSI), "
                    "pengodean bawaan Windows: periksa huruf dan tanda baca di baris ini",
                )
            )
    if not text.strip():
        raise _error(
            "berkas kosong",
            path=str(path),
            hint="ubah keputusan menjadi teks lebih dulu (pokin membaca tabel IKI/IKU)",
        )
    return text, notes


def parse_file(file: Path) -> ParsedDecree:
    """Parse a decree file of any kind pokin reads: Word, PDF, an office workbook, text."""
    kind = file_kind(file)
    try:  # a regular file within the size limits; a .docx/.xlsx no zip bomb, a PDF none
        check_archive(file)
        if kind == "pdf":
            check_streams(file)
    except PokinFileError as exc:
        raise _error(exc.message, path=str(file), hint=exc.hint or "") from None
    if kind in ("pdf", "docx", "xlsx"):
        read: list[tuple[int, str]] = []  # Word: hidden text, tracked changes; Excel:
        chunks: list[tuple[str, bytes]] = []  # a web app's "Unduh Word": HTML inside
        if kind == "docx":  # hidden or summary sheets and rows
            found: list[Item] = list(_docx.read_items(file, read, chunks))
        elif kind == "xlsx":
            found = _xlsx.read_items(file, read)
        else:
            found = list(_pdffile.read_items(file, read))
        items, cleaned = clean_items(found)
        items = split_items(items)  # "JABATAN : X ATASAN LANGSUNG : Y": one a paragraph
        if kind == "pdf" and not any(isinstance(i, Table) and len(i.rows) > 1 for i in items):
            # no ruled table: the columns are read from the words' positions
            parsed = parse(_pdffile.layout_text(file), source=file.name)
            parsed.layout = f"pdf ({parsed.layout})"
            return parsed
        parsed = assemble(items, source=file.name, layout=kind)
        settle_soft_hyphens(parsed)
        parsed.notes = [*read, *cleaned, *parsed.notes]
        if not parsed.blocks and not parsed.iku and chunks:
            parsed = parse(chunk_html(chunks, path=str(file)), source=file.name)
            parsed.layout = f"docx ({parsed.layout})"
            parsed.notes = [(1, CHUNK_NOTE), *parsed.notes]
            return parsed
        if not parsed.blocks and not parsed.iku:
            raise _error(
                "tidak ditemukan blok jabatan maupun tabel IKI/IKU yang dapat dibaca pokin",
                path=str(file),
                hint='pokin mencari "JABATAN : ..." (atau baris tabel Jabatan | : | ...) lalu '
                "tabel yang kolomnya dikenali: Kinerja / Sasaran / Hasil Kerja, Indikator "
                "Kinerja, Formulasi / Cara Perhitungan, Sumber Data, Satuan, Target; atau "
                "tabel IKU (Sasaran Strategis, Indikator Kinerja Utama)",
            )
        return _require_rows(parsed)
    if kind in ("odt", "ods", "odp"):
        raise _error(
            f"berkas ini dokumen OpenDocument (.{kind}, dari LibreOffice/WPS), bukan .docx, "
            ".xlsx atau PDF yang dibaca pokin",
            path=str(file),
            hint=f"buka di LibreOffice, pilih File > Simpan Sebagai, jenis berkas "
            f"'{SAVE_AS.get(kind, 'Word 2007-365 (.docx)')}', lalu impor berkas itu",
        )
    if kind in ("ole", "zip"):
        raise _error(
            "berkas ini rusak, atau bukan .docx, .xlsx atau PDF yang dapat dibaca pokin "
            "(Word/Excel lama .doc/.xls, berkas terenkripsi, atau arsip zip lain)",
            path=str(file),
            hint="buka di Word/Excel/LibreOffice dan simpan ulang sebagai .docx atau .xlsx "
            "tanpa kata sandi, lalu impor ulang",
        )
    text, notes = _read_text(file)
    parsed = parse(text, source=file.name)
    parsed.notes = [*notes, *parsed.notes]
    return parsed


def import_decree(
    path: str | os.PathLike[str], *, corrections: str | os.PathLike[str] | None = None
) -> ImportResult:
    """Import a decree file: the tree, the lines skipped and the corrections applied.

    The file is a Word document (.docx), a PDF with a text layer, an office's Excel
    workbook of IKI/IKU tables, or text (tab-separated, markdown, PDF text); its kind is
    told by its content, not its name.
    """
    file = Path(path)
    try:
        parsed = parse_file(file)
    except ImportDocumentError as exc:  # name the file as the caller gave it
        raise _error(exc.message, path=str(file), line=exc.line, hint=exc.hint or "") from None
    drop_label_rows(parsed)
    tree = build_tree(parsed)
    applied: list[Koreksi] = []
    if corrections is not None:
        applied = read_corrections(corrections)
        tree = apply_corrections(tree, applied, source=str(corrections))
    notes = list(
        dict.fromkeys(
            [
                *parsed.notes,
                *((row.line, row.catatan) for b in parsed.blocks for row in b.rows if row.catatan),
            ]
        )
    )
    warned = sorted([*empty_kinerja(tree), *long_cells(parsed)], key=lambda said: said[0])
    return ImportResult(tree, list(parsed.skipped), applied, parsed.layout, notes, warned)


def read_decree(
    path: str | os.PathLike[str], *, corrections: str | os.PathLike[str] | None = None
) -> PohonKinerja:
    """Import a decree file into a tree (skipped lines are in ``organisasi.catatan``).

    The import's notes and skipped lines are not returned: when there are any, a
    :class:`UserWarning` (in Indonesian, as the planner reads it) counts them and points to
    :func:`import_decree`, which lists them with their lines.
    """
    result = import_decree(path, corrections=corrections)
    if result.notes or result.skipped or result.warnings:
        said = [
            f"{format_number(len(items))} {what}"
            for items, what in (
                (result.skipped, "baris dilewati"),
                (result.warnings, "peringatan"),
                (result.notes, "catatan"),
            )
            if items
        ]
        warnings.warn(
            f"{Path(path).name}: impor keputusan ini memuat {' dan '.join(said)}; "
            "periksa daftarnya dengan pokin.import_decree(path).skipped / .warnings / .notes "
            "(beserta nomor barisnya) atau `pokin import`",
            UserWarning,
            stacklevel=2,
        )
    return result.tree
