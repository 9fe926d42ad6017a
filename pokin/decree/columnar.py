"""Parse ``pdftotext -layout`` text: tables as fixed-width columns, cells wrapped over lines.

``pdftotext -layout`` keeps the page's geometry: each table row is one or more lines whose
cells sit at the columns' positions, separated by runs of spaces, and a cell too long for
its column goes on under itself on the next lines::

    NO   RENCANA KINERJA         INDIKATOR KINERJA INDIVIDU    CARA PERHITUNGAN
    1.   Meningkatnya kualitas   Persentase permohonan KTP     Jumlah permohonan ...
         pelayanan               yang diproses tepat waktu     dibagi jumlah ...
                                 Nilai IKM pelayanan           Hasil survei ...

The header line is recognised by what its columns mean (:mod:`.columns`), its wrapped
lines below it joined per column. Where each column starts is read from the table's own
gutters (:mod:`.gutters`), on this table's lines only (up to the next header, block
title or document heading), so centred headers and a heading centred between two tables
do not move it. A table line's pieces (runs of text separated by two spaces or more) go
to their columns; a piece run over a bound is cut into its cells, and where that cut is
not sure (or a text ends at the bound of a column left empty between two cells) the
import notes the line, so no word moves column unseen. Which lines open a row and which
go on the row above is :mod:`.layoutrows`' work. A line of three pieces or more that
crosses the column bounds inside a table is a row whose cells cannot be told apart: it
is reported in ``skipped`` with its line (and the lines after it, until a numbered row
or a new header), never dropped; so is a line whose unsure cut :mod:`.misread` judges
wrong (a Chromium PDF's rows, each laid out alone, glued one space apart), with the lines
of the row it goes on, so no row is imported with part of its cells. A single text line
set across the columns (a paragraph, a running head, "INDIKATOR KINERJA INDIVIDU") ends
the table. Line numbers are the file's: a page break (form feed) opens a line, it adds
none. The grid then goes through :mod:`.assemble` like a Word or PDF table.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .assemble import assemble
from .columns import column_role, group_labels, header_roles
from .document import Item, Paragraph, Table, TableRow
from .gutters import Grid, Piece, pieces
from .gutters import grid as grid_of
from .headings import HEADING_OPENS
from .layoutrows import Flow, add, numbered, running
from .marks import CLOSING, FURNITURE, SECTION, title_of
from .misread import buried, glued_line, refuse_doubtful, refused, unit_before_target
from .parts import ParsedDecree, Skipped

__all__ = ["parse", "sniff"]


def _header_at(line: str) -> list[Piece] | None:
    found = pieces(line)
    if len(found) < 3 or header_roles([p.text for p in found]) is None:
        return None
    return [label for piece in found for label in _labels_apart(piece)]


def _labels_apart(piece: Piece) -> list[Piece]:
    """A header piece that holds several labels set one space apart ("Formulasi Sumber
    Data"), cut into them by what the words mean (:func:`.columns.group_labels`).

    >>> [(p.start, p.text) for p in _labels_apart(Piece(4, 25, "Sumber Data Satuan Target"))]
    [(4, 'Sumber Data'), (16, 'Satuan'), (23, 'Target')]
    """
    words = piece.text.split(" ")
    labels, used = group_labels(words, 0)
    roles = [column_role(label) for label in labels]
    if len(labels) < 2 or used < len(words) or " ".join(labels) != piece.text:
        return [piece]
    if any(a == b or "lain" in (a, b) for a, b in itertools.pairwise(roles)) or any(
        column_role(label.split()[0]) == "lain" for label in labels[1:]
    ):
        return [piece]  # "RENCANA" + "HASIL KERJA PIMPINAN": one label
    out: list[Piece] = []
    start = piece.start
    for label in labels:
        out.append(Piece(start, start + len(label), label))
        start += len(label) + 1
    return out


def sniff(text: str) -> bool:
    """Whether ``text`` has a fixed-width table: a header line of 3+ column names apart.

    >>> sniff("JABATAN : STAF\\nNO   KINERJA      INDIKATOR KINERJA     SUMBER DATA\\n")
    True
    >>> sniff("JABATAN : STAF\\nKINERJA INDIKATOR KINERJA SUMBER DATA\\n")
    False
    >>> sniff("NO   JABATAN     ATASAN LANGSUNG     KINERJA     INDIKATOR KINERJA\\n")
    True
    """
    lines = text[:500_000].split("\n")
    if sum(1 for line in lines if "\t" in line or line.lstrip().startswith("|")) > 2:
        return False
    headers = [found for line in lines if (found := _header_at(line.replace("\f", " ")))]
    return bool(headers) and (  # position blocks, or one table with a Jabatan column
        any(title_of(line) for line in lines)
        or any(column_role(p.text) == "jabatan" for found in headers for p in found)
    )


def _cells(
    line: str,
    grid: Grid,
    doubts: list[str] | None = None,
    running: Collection[int] = (),
    wrong: list[str] | None = None,
) -> list[str] | None:
    """The line's text per column, or ``None`` when it is not a table line (a text across
    the columns: a paragraph, a heading centred on the page). A text run over a column
    bound is cut into its cells (:meth:`.gutters.Grid.cut`; ``running``: the columns whose
    cell goes on from the line above); when that cut is not sure, ``doubts`` gets a note
    saying how the text was read, for the planner to check, and ``wrong`` the texts
    whose cut is a misreading (:mod:`.misread`)."""
    cells = [""] * len(grid.labels)
    found = pieces(line)
    after = -1  # the column the line's text so far ended in
    for k, raw in enumerate(found):
        raw = found[k] = grid.drifted(raw, after)
        first, last = grid.column(raw.start), grid.column(raw.end - 1)
        if len(found) == 1 and grid.across(raw):
            return None
        cut, sure = grid.cut(raw, running)
        if last > first + 1 and not sure:
            return None  # across several columns, not at their starts: no table line
        if not sure and wrong is not None and buried([text for _, text in cut]):
            wrong.append(raw.text)
        if not sure and doubts is not None:
            read = "; ".join(f"{grid.labels[col]}: «{text}»" for col, text in cut)
            doubts.append(
                f"teks «{raw.text}» melintasi batas kolom tanpa jarak yang jelas; dibaca "
                f"sebagai {read}. Periksa sel baris ini di dokumen aslinya"
            )
        for col, text in cut:
            cells[col] = f"{cells[col]} {text}".strip()
        after = cut[-1][0]
    if doubts is not None:
        doubts.extend(_touching(found, grid, cells))
    if unit_before_target(cells, grid) is False and wrong is not None:
        wrong.append(line.strip())
    return cells


def _touching(found: list[Piece], grid: Grid, cells: list[str]) -> list[str]:
    """Notes on texts that end at the bound of a column left empty between two cells of
    their line: pdftotext may have set that column's cell (a satuan "%") there, no gap."""
    notes: list[str] = []
    for raw in found:
        col = grid.column(raw.end - 1)
        hole = col + 2 < len(cells) and not cells[col + 1] and any(cells[col + 2 :])
        if hole and grid.bounds[col] - raw.end < 3:
            notes.append(
                f"teks «{raw.text}» di kolom {grid.labels[col]} berakhir tepat di batas kolom "
                f"{grid.labels[col + 1]} yang kosong: kata terakhirnya mungkin isi kolom "
                f"{grid.labels[col + 1]}. Periksa sel baris ini di dokumen aslinya"
            )
    return notes


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse ``pdftotext -layout`` text into parts (via :func:`.assemble.assemble`)."""
    lines = text.replace("\r\n", "\n").replace("\f", "").split("\n")  # a page break opens a line
    lost: list[Skipped] = []
    unsure: list[tuple[int, str]] = []
    items = _items(lines, lost, unsure)
    refuse_doubtful(items, unsure, source)
    decree = assemble(items, source=source, layout="pdf-layout")
    decree.skipped = sorted([*decree.skipped, *lost], key=lambda s: s.line)
    gone = {n for s in lost for n in range(s.line, s.end_line + 1)}  # no note on those
    unsure = [note for note in unsure if note[0] not in gone]
    decree.notes = sorted([*decree.notes, *unsure], key=lambda note: note[0])
    return decree


_UNALIGNED = "baris tabel yang teksnya melintasi batas kolom; kolomnya tidak dapat dipisahkan"


def _items(lines: list[str], lost: list[Skipped], unsure: list[tuple[int, str]]) -> list[Item]:
    """The paragraphs and tables of the text; table lines whose cells cannot be told
    apart (a text across the column bounds) go to ``lost``, with the lines after them."""
    items: list[Item] = []
    grid: Grid | None = None
    table: Table | None = None
    flow = Flow()
    in_header = garbled = False
    years = _Years()
    raw_header: list[Piece] = []
    top = TableRow(0, [])  # the header row of the table being read
    for number, line in enumerate(lines, 1):
        stripped = " ".join(line.split())
        if not stripped or FURNITURE.match(stripped):
            continue
        header = _header_at(line)
        if header is not None:
            grid, in_header, garbled = grid_of(header, _table_lines(lines, number)), True, False
            table = Table([TableRow(number, list(grid.labels))])
            items.append(table)
            flow, raw_header, top = Flow(), header, table.rows[0]
            grid = years.repeat(header, grid, table.rows[0], _table_lines(lines, number))
            continue
        doubts: list[str] = []
        wrong: list[str] = []
        going = running(table, flow)
        cells = _cells(line, grid, doubts, going, wrong) if grid is not None else None
        title = title_of(stripped) or _heading(line)
        if garbled and grid is not None and cells is not None and numbered(grid, cells):
            table, garbled = Table([TableRow(number, list(top.cells))]), False  # resumed
            items.append(table)
        several = len(pieces(line)) >= (2 if garbled else 3)
        plain = not title and not CLOSING.match(stripped)
        misread = plain and (
            bool(wrong) or (cells is None and grid is not None and glued_line(pieces(line), grid))
        )
        if misread and table is not None and grid is not None:
            lost.extend(refused(table, grid, number, cells, flow))
        going_on = garbled and plain and line[:1].isspace()  # a misread row's next lines
        if misread or going_on:
            unsure.extend((number, doubt) for doubt in doubts)  # counted, not shown
        if (
            (misread and table is not None)
            or going_on
            or (not title and several and (garbled or (table is not None and cells is None)))
        ):
            lost.append(Skipped(number, number, stripped, _UNALIGNED))  # never dropped
            table, garbled = None, True  # the grid stays: a numbered row resumes the table
            continue
        if table is None or grid is None or cells is None or title or CLOSING.match(stripped):
            grid, table, garbled = None, None, False
            items.append(Paragraph(number, stripped))
            continue
        if in_header and table is not None and _years(line):  # "Target" over "2025  2026"
            following = _table_lines(lines, number)
            grid = years.split(raw_header, table.rows[0], pieces(line), following)
            continue
        if in_header and (_header_words(cells) or _header_rest(cells)):
            top = table.rows[0]
            # a label wrapped in its cell: "INDIKATOR" over "KINERJA" is "INDIKATOR KINERJA"
            top.cells = [f"{a or ''} {b}".strip() for a, b in zip(top.cells, cells, strict=True)]
            continue
        in_header = False
        add(table, grid, number, cells, flow)
        unsure.extend((number, doubt) for doubt in doubts)
    return items


_YEAR = re.compile(r"(?:TAHUN\s+)?(?:19|20)\d\d", re.IGNORECASE)


def _years(line: str) -> bool:
    """Whether the line is the years under a merged "Target" header cell."""
    found = pieces(line)
    return len(found) >= 2 and all(_YEAR.fullmatch(p.text) for p in found)


@dataclass
class _Years:
    """The years under a merged "Target" header cell, kept for the header's repeats on
    the next pages: a repeat may come without its years line, and at other positions."""

    labels: list[str] = field(default_factory=list)  # the header's labels before the split
    column: int = 0  # the column over the years
    start: int = 0  # where that column's label starts
    years: list[Piece] = field(default_factory=list)

    def split(
        self, header: list[Piece], top: TableRow, years: list[Piece], following: list[str]
    ) -> Grid:
        """The grid of ``header`` split at ``years``; remembered for its repeats."""
        grid = grid_of(header, following)
        if any(_YEAR.search(label) for label in top.cells if label):  # split by a repeat
            top.cells = [p.text for p in header]
        self.labels = [p.text for p in header]
        self.column = min(grid.column(years[0].start), len(header) - 1)
        self.start, self.years = header[self.column].start, years
        return _split_years(grid, top, years, following)

    def repeat(self, header: list[Piece], grid: Grid, top: TableRow, following: list[str]) -> Grid:
        """A header repeated without its years: split as the first one was."""
        if not self.years or [p.text for p in header] != self.labels:
            return grid
        shift = header[self.column].start - self.start
        moved = [Piece(y.start + shift, y.end + shift, y.text) for y in self.years]
        return _split_years(grid, top, moved, following)


def _split_years(grid: Grid, top: TableRow, years: list[Piece], following: list[str]) -> Grid:
    """The grid with the column over the years split into one column per year ("Target
    2025", "Target 2026"), the header row relabelled to match."""
    labels = [cell or "" for cell in top.cells]
    under: dict[int, list[Piece]] = {}
    for year in years:
        under.setdefault(min(grid.column(year.start), len(labels) - 1), []).append(year)
    header: list[Piece] = []
    for col, piece in enumerate(grid.header):
        if col not in under:
            header.append(Piece(piece.start, piece.end, labels[col]))
            continue
        header.extend(Piece(y.start, y.end, f"{labels[col]} {y.text}") for y in under[col])
    new = grid_of(header, following)
    top.cells = list(new.labels)
    return new


def _table_lines(lines: list[str], start: int) -> list[str]:
    """The lines below a header, up to the next header: another table (another page, or
    the next position's) may sit at other positions and must not move this one's bounds."""
    following = lines[start : start + 200]
    end = next((n for n, line in enumerate(following) if _ends_table(line)), len(following))
    return following[:end]


def _ends_table(line: str) -> bool:
    """A header (the next table), or the next block's title or TUGAS / FUNGSI, or the
    signature: the lines from there on have their own geometry ("1. JABATAN    : X" pads
    its label) and must not move this table's column bounds."""
    text = " ".join(line.split())
    return bool(
        _header_at(line)
        or title_of(text)
        or SECTION.match(text)
        or CLOSING.match(text)
        or _heading(line)
    )


_PART = re.compile(
    r"(?:[A-Z]{1,3}[.)] ?|\d{1,2}[.)] ?)?(?:INDIKATOR KINERJA (?:UTAMA|INDIVIDU)|LAMPIRAN"
    r"|POHON KINERJA|PERJANJIAN KINERJA|RENCANA KINERJA|(?:KELURAHAN|DESA|KECAMATAN) [A-Z])"
)


_NOTE = re.compile(r"(?:catatan|keterangan|ket\.|nb)\s*:", re.IGNORECASE)


def _heading(line: str) -> bool:
    """Whether a line is a heading of the document alone on its line, in capitals ("INDIKATOR
    KINERJA INDIVIDU", "LAMPIRAN", "B. KELURAHAN SUKAMAJU", "II.6. INDIKATOR KINERJA
    INDIVIDU", "IKI JABATAN ..."), wherever the page centres it, or at the left margin a
    "Lampiran II.5" or a "Catatan: ..." note: it ends the table above, never a cell of its
    last row.

    >>> _heading("          INDIKATOR KINERJA INDIVIDU"), _heading("   INDIKATOR   KINERJA")
    (True, False)
    >>> _heading("II.6. INDIKATOR KINERJA INDIVIDU"), _heading("IKI JABATAN ANALIS KEBIJAKAN")
    (True, True)
    >>> _heading("Lampiran II.5"), _heading("Catatan: arsip inaktif"), _heading("   Catatan: x")
    (True, True, False)
    """
    found = pieces(line)
    if len(found) != 1:
        return False
    text = found[0].text
    if text.isupper():
        return bool(_PART.match(text) or HEADING_OPENS.match(text))
    # at the margin, where no cell but the row number starts: "Lampiran II.5", "Catatan: ..."
    return found[0].start == 0 and bool(HEADING_OPENS.match(text) or _NOTE.match(text))


def _header_rest(cells: list[str]) -> bool:
    """Whether a line right under the header is more of it, not the first row: the header
    goes on until a row has a cell in the first column (a number under "No"); poppler
    writes a narrow header over two lines ("Indikator" over "Kinerja", "Sumber" over
    "Data", "Target" over "2026"), in any case, short words under the labels.

    >>> _header_rest(["", "", "Kinerja", "", "Data", "", "2026"])
    True
    >>> _header_rest(["", "", "Persentase", "", "", "persen", "95"])
    False
    """
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and not cells[0]
        and all(
            len(c.split()) <= 2 and (_YEAR.fullmatch(c) or not re.search(r"\d", c)) for c in filled
        )
    )


def _header_words(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and all(c.isupper() and len(c) <= 30 and not re.search(r"\d", c) for c in filled)
        and any(column_role(c) == "lain" or len(c.split()) == 1 for c in filled)
    )
