"""Parse decrees extracted from PDF as plain text, the table's columns broken across lines.

Text pulled out of a PDF loses the table grid: each cell comes out as its own run of short
lines, a blank line usually between two cells, and cells that sit side by side on the
page may share one line ("Jumlah surat masuk yang tercatat Jumlah surat masuk yang dicatat
di buku"), even glued together ("Arsip pegawaiJumlah surat keluar ..."). The position
blocks are plain: ``1. JABATAN :``, ``2. TUGAS :``, ``3. FUNGSI :`` then a header
``KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA``
(itself maybe broken over lines) and the column numbers ``1 2 3 4``.

The table is rebuilt cell by cell, in reading order KINERJA → INDIKATOR → FORMULASI →
SUMBER DATA, with these rules (best effort; they fit the way PDF tools emit such tables):

- a line split where a new cell starts inside it: before "Jumlah" / "Persentase" (an
  indicator or a formula), and, in the last piece, before a data-source word ("Data",
  "Rekap", "KIB", "Agenda", "Arsip", "Dokumen") that follows three words or more;
- a line starts a new cell after a blank line, when it starts with one of those words or a
  bullet; otherwise it continues the cell above (so does a line starting in lower case or
  with "1." even after a blank line: a cell broken by the page);
- a new cell after a kinerja is its indicator; after an indicator, its formula (or its
  source, when it reads as one); after a formula or source, a source when it reads as one,
  a new kinerja when it reads as one (a narrow paragraph of short lines - the KINERJA
  column is the narrowest - not starting with an indicator or source word), otherwise
  the next indicator of the same kinerja.

A page title ("INDIKATOR KINERJA INDIVIDU") and a repeated header inside a table are page
furniture: the rows go on. Every other line of a table ends up in a
:class:`~._decree_parts.Row` field or, when it cannot (a page number, text before the first
row), in ``ParsedDecree.skipped``: nothing is lost silently, though a cell may be put in
the wrong column - check the result. On ``iki-staf-samarinda.txt`` the rules recover the
11 positions, 30 kinerja and 50 indicators the decree holds, skipping nothing.

>>> rows = parse('''1. JABATAN : PENGOLAH DATA
... KINERJA UTAMA INDIKATOR KINERJA UTAMA FORMULASI PERHITUNGAN/ PENJELASAN SUMBER DATA
... 1 2 3 4
... Tersusunnya laporan
... kinerja
...
... Jumlah laporan kinerja Jumlah laporan kinerja yang
... dibuat
...
... Data laporan''', source="x.txt").blocks[0].rows
>>> [(r.kinerja, r.indikator) for r in rows]
[('Tersusunnya laporan kinerja', 'Jumlah laporan kinerja')]
>>> [(r.formulasi, r.sumber_data) for r in rows]
[('Jumlah laporan kinerja yang dibuat', 'Data laporan')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import join_wrapped, strip_list_punctuation
from .header import read_header
from .headings import HEADING_OPENS, Held, heading_line
from .items import clean_row
from .marks import CLOSING, titled_block
from .parts import Block, ParsedDecree, Row, Skipped

__all__ = ["parse", "sniff"]

KINERJA_WIDTH = 34
"""The longest line of a KINERJA cell: that column is the narrowest of the table."""

_JABATAN = re.compile(r"^(?:\d+\s*\.\s*)?jabatan\s*:\s*(\S.*)$", re.IGNORECASE)
_SECTION = re.compile(r"^(?:\d+\s*\.\s*)?(tugas|fungsi)\s*:\s*(.*)$", re.IGNORECASE)
_TABLE_HEADER = re.compile(r"^KINERJA(?: UTAMA)? +INDIKATOR\b", re.IGNORECASE)
_HEADER_REST = frozenset(
    {"FORMULASI", "PERHITUNGAN", "PERHITUNGAN/", "/", "PENJELASAN", "SUMBER", "DATA"}
    | {"TARGET", "SATUAN"}
)
_BULLET = re.compile(r"^[\uf0b7\uf0a7•▪●◦·-]\s*")
_ITEM = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s")
_GLUED = re.compile(r"(?<=[a-z])(?=(?:Jumlah|Persentase)\b)")
_INDIKATOR_WORDS = ("Jumlah", "Persentase", "Prosentase", "Nilai", "Indeks", "Rasio")
_SUMBER_WORDS = ("Data", "Rekap", "Rekapitulasi", "KIB", "Agenda", "Arsip", "Dokumen", "Buku")
# (the seed's rules: the wider INDIKATOR_WORDS / SUMBER_WORDS of .columns would re-cut it)
_CELL_START = re.compile(r" (?=(?:Jumlah|Persentase)\b)")
_SUMBER_START = re.compile(r" (?=(?:Data|Rekap|KIB|Agenda|Arsip|Dokumen)\b)")
_FIELDS = ("kinerja", "indikator", "formulasi", "sumber_data")


def sniff(text: str) -> bool:
    """Whether ``text`` is PDF text: a JABATAN line and a table header with no tabs or pipes.

    >>> sniff("1. JABATAN : STAF\\nKINERJA UTAMA INDIKATOR KINERJA UTAMA\\n")
    True
    >>> sniff("1. JABATAN : STAF\\nKINERJA UTAMA\\tINDIKATOR KINERJA UTAMA\\n")
    False
    """
    lines = text[:500_000].split("\n")
    if sum(1 for line in lines if "\t" in line or line.lstrip().startswith("|")) > 2:
        return False
    return any(_JABATAN.match(line.strip()) for line in lines) and any(
        _TABLE_HEADER.match(line.strip()) for line in lines
    )


@dataclass
class _Draft:
    """A row being rebuilt: the pieces of each field (a piece per cell, lines joined)."""

    line: int
    cells: dict[str, list[str]] = field(default_factory=dict)
    last: str = ""

    def start(self, role: str, text: str) -> None:
        self.cells.setdefault(role, []).append(text)
        self.last = role

    def extend(self, text: str) -> None:
        pieces = self.cells[self.last]
        pieces[-1] = join_wrapped(pieces[-1], text)


@dataclass
class _State:
    decree: ParsedDecree
    lines: list[str]
    block: Block | None = None
    section: str | None = None
    table: bool = False
    in_header: bool = False
    blank_before: bool = True
    draft: _Draft | None = None
    drafts: list[_Draft] = field(default_factory=list)
    held: Held = field(default_factory=Held)  # heading lines in a table (:mod:`.headings`)


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse a PDF-text decree into layout-free parts (see :mod:`._decree_parts`)."""
    lines = [" ".join(line.replace("\f", " ").split()) for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if _JABATAN.match(line)), None)
    head = read_header(lines, head_end=first)
    decree = head.fill(ParsedDecree(source=source, layout="pdf-text"))
    state = _State(decree, lines)
    for number, line in enumerate(lines, 1):
        _feed(state, number, line)
    _release(state)
    _close_table(state)
    return decree


def _holds(state: _State, line: str) -> bool:
    """Whether a line in a table may be the heading of the next position's part of the
    lampiran ("II.3. INDIKATOR KINERJA INDIVIDU SEKRETARIS", in capitals), or goes on one."""
    if state.held.lines:
        return not line or heading_line(line, going_on=True)
    page_title = line.upper() == "INDIKATOR KINERJA INDIVIDU"
    return state.table and line.isupper() and not page_title and bool(HEADING_OPENS.match(line))


def _release(state: _State) -> None:
    """No position's title came after the held lines: read them as any other line."""
    for number, line in state.held.take():
        _read(state, number, line)


def _feed(state: _State, number: int, line: str) -> None:
    """Read one line: a block title, a table header or page title, a section or a cell."""
    jabatan = _JABATAN.match(line)
    if jabatan:
        state.held.take()  # the heading above a position's title: no one's text
    elif _holds(state, line):
        state.held.lines.append((number, line))
        return
    _release(state)
    _read(state, number, line)


def _read(state: _State, number: int, line: str) -> None:
    jabatan = _JABATAN.match(line)
    if jabatan:
        _close_table(state)
        state.block = titled_block(jabatan.group(1), number)
        state.decree.blocks.append(state.block)
        state.section = None
        return
    if _TABLE_HEADER.match(line):
        state.table, state.in_header, state.section = True, True, None
        return
    if line.upper() == "INDIKATOR KINERJA INDIVIDU":  # a page title: a table may go on
        state.in_header, state.blank_before, state.section = state.table, True, None
        return
    if CLOSING.match(line):
        _close_table(state)
        state.section = None
        return
    if state.table:
        _feed_table(state, number, line)
    elif state.block is not None:
        _feed_section(state, state.block, line)


def _feed_section(state: _State, block: Block, line: str) -> None:
    """A line of TUGAS (joined into one text) or FUNGSI (one item per "a." / "b." ...)."""
    section = _SECTION.match(line)
    if section:
        state.section = section.group(1).lower()
        line = section.group(2).strip()
    if not line or state.section is None:
        return
    if state.section == "tugas":
        block.tugas = f"{block.tugas} {line}".strip()
    elif _ITEM.match(line) or not block.fungsi:
        block.fungsi.append(strip_list_punctuation(re.sub(r"^[a-z][.)]\s+", "", line)))
    else:
        block.fungsi[-1] = strip_list_punctuation(f"{block.fungsi[-1]} {line}")


def _feed_table(state: _State, number: int, line: str) -> None:
    """A line inside a table: split it into cells, each continuing a cell or starting one."""
    if not line:
        state.blank_before = True
        return
    if state.in_header and (set(line.upper().split()) <= _HEADER_REST or _numbers(line)):
        state.blank_before = True
        return  # the rest of the header, or the "1 2 3 4" column numbers
    state.in_header = False
    if _numbers(line):
        _skip(state, number, line, "baris berisi angka saja (nomor halaman?) di dalam tabel")
        return
    bulleted = bool(_BULLET.match(line))
    text = _GLUED.sub(" ", _BULLET.sub("", line))
    pieces = _CELL_START.split(text)
    last = _SUMBER_START.split(pieces[-1], maxsplit=1)
    if len(last) == 2 and len(last[0].split()) >= 3:
        pieces[-1:] = last
    for k, piece in enumerate(pieces):
        new_cell = k > 0 or state.blank_before or bulleted or piece.startswith(_CELL_WORDS)
        if _ITEM.match(piece) or piece[:1].islower():
            new_cell = k > 0  # a numbered item or a lower-case start continues the cell
        draft = state.draft
        if draft is None and not new_cell:
            _skip(state, number, piece, "teks sebelum baris pertama tabel")
        elif draft is not None and not new_cell:
            draft.extend(piece)
        else:
            _start_cell(state, number, piece, paragraph=k == 0 and state.blank_before)
    state.blank_before = False


_CELL_WORDS = (*_INDIKATOR_WORDS, *_SUMBER_WORDS)


def _numbers(line: str) -> bool:
    return bool(re.fullmatch(r"[\d ]+", line))


def _start_cell(state: _State, number: int, text: str, *, paragraph: bool) -> None:
    """Put a new cell in the row being rebuilt, or start the next row with it."""
    draft = state.draft
    last = draft.last if draft else ""
    if draft is None:
        role = "indikator" if text.startswith(_INDIKATOR_WORDS) else "kinerja"
    elif last == "kinerja":
        role = "indikator"
    elif last == "indikator":
        role = "sumber_data" if text.startswith(_SUMBER_WORDS) else "formulasi"
    elif text.startswith(_SUMBER_WORDS):
        role = "sumber_data"
    elif paragraph and _reads_as_kinerja(state.lines, number, text):
        role = "kinerja"
    else:
        role = "indikator"
    if draft is None or role == "kinerja" or (role == "indikator" and last != "kinerja"):
        _close_row(state)
        state.draft = _Draft(number)
    assert state.draft is not None
    state.draft.start(role, text)


def _reads_as_kinerja(lines: list[str], number: int, text: str) -> bool:
    """A kinerja: a paragraph of short lines that does not open like an indicator."""
    if not text[:1].isupper() or text.startswith(_CELL_WORDS):
        return False
    for line in lines[number - 1 :]:
        if not line:
            break
        if len(line) > KINERJA_WIDTH or _CELL_START.search(line):
            return False
    return True


def _close_row(state: _State) -> None:
    if state.draft is not None:
        state.drafts.append(state.draft)
        state.draft = None


def _close_table(state: _State) -> None:
    _close_row(state)
    block = state.block
    for draft in state.drafts:
        if block is None:
            text = " ".join(piece for pieces in draft.cells.values() for piece in pieces)
            _skip(state, draft.line, text, "baris tabel sebelum JABATAN pertama")
            continue
        texts = {role: "; ".join(draft.cells.get(role, [])) for role in _FIELDS}
        block.rows.append(
            clean_row(
                Row(
                    draft.line,
                    texts["kinerja"],
                    texts["indikator"],
                    texts["formulasi"],
                    texts["sumber_data"],
                )
            )
        )
    state.drafts = []
    state.table = state.in_header = False
    state.blank_before = True


def _skip(state: _State, number: int, text: str, reason: str) -> None:
    state.decree.skipped.append(Skipped(number, number, text, reason))
