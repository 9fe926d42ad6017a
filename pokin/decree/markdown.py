r"""Parse decrees converted to markdown: paragraphs for each position, pipe tables for rows.

A decree run through a converter (pandoc, docling, an online PDF-to-markdown tool) keeps
``JABATAN`` / ``TUGAS`` / ``FUNGSI`` as headings or paragraphs and each table as a pipe
table (``| KINERJA | INDIKATOR | FORMULASI | SUMBER DATA |``, maybe with ``No``, ``SATUAN``
and ``TARGET`` columns). What the cells may hold, and how it is read:

- ``<ul><li>`` / ``<ol><li>`` lists, ``<p>`` fragments and ``<br>`` lines (numbered or
  not; a wrapped line continues its item): each item of the INDIKATOR (or KINERJA) cell
  is one indicator (kinerja); a list in another cell is paired by position only when it
  has exactly as many items; beside one indicator it stays one text ("Jumlah dokumen: 1.
  LKjIP; 2. Renja"); beside another number of indicators it is kept whole on each and
  the rows' ``catatan`` say the cells could not be paired - see
  :func:`.pairing.pair_cells`;
- LaTeX (``$\frac{a}{b} \times 100\%$``, ``\(...\)``, ``$$...$$``) made readable, keeping
  its content: ``a / b × 100%`` (see :mod:`._decree_markup`);
- ``<br>`` line breaks, escaped pipes ``\|``, bold ``**...**``, HTML entities;
- an empty KINERJA cell, or one repeating the kinerja above, means "the same kinerja"; an
  empty INDIKATOR cell, or one repeating the indicator above, gives a row with an empty
  ``indikator``: one more formula / source of the indicator above (the tree builder
  merges it, as it does for the tab layout);
- a table split by a page break, its header row repeated: the rows go on in one block.

A table under an "INDIKATOR KINERJA UTAMA" heading, or before the first JABATAN with codes
like ``S.1`` / ``I.K.S.1.1`` in its rows, is the IKU table. Rows pokin cannot place go to
``ParsedDecree.skipped`` with their line and a reason.

>>> doc = '''1. JABATAN : CAMAT
... | KINERJA | INDIKATOR | FORMULASI | SUMBER DATA |
... |---|---|---|---|
... | Meningkatnya pelayanan | <ul><li>Nilai SKM</li><li>Aduan selesai</li></ul> | \
... $\\frac{a}{b} \\times 100\\%$ | Laporan |'''
>>> sniff(doc)
True
>>> [(r.kinerja, r.indikator, r.formulasi) for r in parse(doc, source="x.md").blocks[0].rows]
[('Meningkatnya pelayanan', 'Nilai SKM', 'a / b × 100%'), ('', 'Aduan selesai', 'a / b × 100%')]
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .atasancol import declare_atasan
from .cells import lettered_items, strip_list_punctuation
from .columns import column_role, header_roles
from .header import read_header, title_case
from .headings import Held, heading_line
from .headrows import parent_header, sub_header
from .identity import flattened_pieces
from .ikutable import ends_iku
from .items import split_code
from .marks import (
    CLOSING,
    FORM_PART,
    SIGNATORY,
    atasan_of,
    form_row,
    head_field,
    names_superior,
    second_party,
    titled_block,
)
from .markup import MARKER, Cell, read_cell
from .mdiku import FIELDS, cells_by_role, iku_row
from .mdpieces import Hidden, Rows, pieces
from .othercols import keep_on
from .pairing import pair_cells, unit_in_target
from .paragraphs import aside, release
from .parts import Block, ParsedDecree, Skipped, put_polaritas, put_realisasi
from .pipes import is_separator, split_row

__all__ = ["parse", "sniff"]

_JABATAN = re.compile(r"^(?:\d+\s*[.)]\s*)?(?:nama\s+)?jabatan\s*:\s*(\S.*)$", re.IGNORECASE)
_SECTION = re.compile(r"^(?:\d+\s*[.)]\s*)?(?:uraian\s+)?(tugas|fungsi)\s*:\s*(.*)$", re.I)
_UNIT = re.compile(r"^(?:unit\s+kerja\s*:\s*)?((?:kelurahan|kecamatan|desa)\s+\S.*)$", re.I)


def sniff(text: str) -> bool:
    """Whether ``text`` is a markdown decree: a pipe table whose header names INDIKATOR,
    or an HTML ``<table>`` (a converter's output for merged cells, a web page, Word's "Web
    Page, Filtered") with a row that reads as a header (:func:`.columns.header_roles`: an
    indicator column and one more), however its cells are marked up.

    >>> sniff("| KINERJA | INDIKATOR |\\n|---|---|\\n| a | b |")
    True
    >>> sniff("KINERJA\\tINDIKATOR\\nMeningkatnya\\tNilai")
    False
    >>> sniff("JABATAN : CAMAT\\n<table>\\n<tr><th>Kinerja</th><th>Indikator</th></tr>")
    True
    >>> sniff('<table><tr><td>\\n<p class=MsoNormal><span lang=IN>Indikator Kinerja</span></p>'
    ...       '</td><td><p><b>Target</b></p></td></tr></table>')
    True
    """
    sample = text[:500_000]
    previous = before = ""
    for line in sample.split("\n"):
        if is_separator(line) and any(  # the header, maybe over two rows ("2025 | 2026")
            above.lstrip().startswith("|") and _names_indikator(above)
            for above in (previous, before)
        ):
            return True
        previous, before = line, previous
    return "<table" in sample.lower() and any(
        _header_roles(cells) is not None
        for piece in pieces(sample)
        if isinstance(piece, Rows)
        for _, _, cells in piece.rows
    )


def _names_indikator(header: str) -> bool:
    """Whether a pipe-table header line names an indicator column, however the label is
    written: "INDIKATOR", "**Indikator Kinerja**", letter-spaced "I N D I K A T O R".

    >>> _names_indikator("| No | **I N D I K A T O R** | Hasil Kerja |")
    True
    >>> _names_indikator("| No | Jabatan | Jumlah Kegiatan |")
    False
    """
    if "INDIKATOR" in header.upper():
        return True
    return any(column_role(read_cell(cell).text) == "indikator" for cell in split_row(header))


def _parent_of(texts: list[str], below: list[str] | None) -> bool:
    """Whether ``texts`` is a header's upper row that the row ``below`` completes."""
    lower = [read_cell(cell).text for cell in below or []]
    return below is not None and parent_header(texts, lower) is not None


def _header_roles(cells: list[str]) -> list[str] | None:
    """The column roles of a header row (see :mod:`.columns`), or ``None`` for a data row."""
    return header_roles([read_cell(cell).text for cell in cells])


@dataclass
class _State:
    decree: ParsedDecree
    block: Block | None = None
    section: str | None = None
    unit: str | None = None
    in_iku: bool = False
    iku_sumber: bool = False  # the IKU rows being read are a "Sumber Data" (Kebomas style)
    roles: list[str] | None = None
    headers: list[str] = field(default_factory=list)  # the texts of the header row
    plain: list[str] = field(default_factory=list)
    closed: bool = False  # past a signature block: table rows are no kinerja until a JABATAN
    held: Held = field(default_factory=Held)  # heading lines after a table (:mod:`.headings`)


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse a markdown decree into layout-free parts (see :mod:`._decree_parts`)."""
    state = _State(ParsedDecree(source=source, layout="markdown"))
    first_block: int | None = None
    for piece in pieces(text):
        if isinstance(piece, Hidden):
            shown = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", piece.text)).split())
            state.decree.notes.append(
                (piece.number, f"teks HTML tersembunyi (tidak tampil di peramban) dilewati: "
                 f"«{shown[:80]}{'…' if len(shown) > 80 else ''}»")
            )  # fmt: skip
        elif isinstance(piece, Rows):
            state.decree.notes += [(line, _hidden_row(cells)) for line, cells in piece.hidden]
            _table(state, piece.rows)
        else:  # "JABATAN : X ATASAN LANGSUNG : Y" in one <p>: one label a line
            parts = flattened_pieces(read_cell(piece.text).text)
            for part in parts if len(parts) > 1 else [piece.text]:
                first_block = _plain(state, piece.number, part, first_block)
    release(state.held, state.decree, state.block)
    head = read_header(state.plain, head_end=first_block)
    decree = state.decree
    head.fill(decree)
    return decree


def _hidden_row(cells: list[str]) -> str:
    shown = " | ".join(text for cell in cells if (text := read_cell(cell).text))
    return f"baris tabel HTML tersembunyi (tidak tampil di peramban) dilewati: «{shown}»"


def _plain(state: _State, number: int, raw: str, first_block: int | None) -> int | None:
    """Read one line outside the tables; the index in ``state.plain`` of the first
    JABATAN line (where the decree's head ends), once read."""
    plain = read_cell(re.sub(r"^\s*(?:#+|>)\s*", "", raw)).text
    state.plain.append(plain)
    if first_block is None and _JABATAN.match(plain):
        first_block = len(state.plain) - 1
    _line(state, number, raw, plain)
    return first_block


def _line(state: _State, number: int, raw: str, plain: str) -> None:
    """Read one line outside the tables: a block title, TUGAS / FUNGSI, a unit heading."""
    bulleted = bool(re.match(r"\s*(?:[-*+]\s|(?:<[ou]l\b[^>]*>\s*)*<li\b)", raw, re.I))
    text = re.sub(r"^[-*+]\s+", "", plain)
    if not text:
        return
    jabatan = _JABATAN.match(text)
    if jabatan:
        _open(state, jabatan.group(1), number)
        state.roles = None
        return
    if CLOSING.match(text):
        state.closed = True
    if names_superior(text) and _take_second_party(state):
        return
    atasan = atasan_of(text)
    if atasan is not None and state.block is not None and not state.block.rows:
        state.block.atasan = atasan  # "ATASAN LANGSUNG : X": the decree names the superior
        return
    upper = text.upper()
    if "INDIKATOR KINERJA UTAMA" in upper and "INDIVIDU" not in upper and len(text) < 80:
        state.in_iku, state.section = True, None
        return
    unit = _UNIT.match(text) if raw.lstrip().startswith("#") else None
    if unit:
        state.unit, state.section = title_case(unit.group(1)), None
        return
    section = _SECTION.match(text)
    if section and state.block is not None:
        state.section = section.group(1).lower()
        text = section.group(2).strip()
        if not text:
            return
    if state.block is None or "INDIKATOR KINERJA" in upper:
        state.section = None if "INDIKATOR KINERJA" in upper else state.section
        return
    if state.closed or SIGNATORY.match(text):
        state.closed = True  # the decree's signature block: no text of the position
        return
    if state.section is None:  # below the table (which ends TUGAS / FUNGSI), or above it
        if state.block.rows and heading_line(text, going_on=bool(state.held.lines)):
            state.held.lines.append((number, text))  # whose it is, the next line says
            return
        release(state.held, state.decree, state.block)
        aside(state.decree, state.block, number, text)
        return
    if state.section == "tugas":
        state.block.tugas = f"{state.block.tugas} {text}".strip()
        return
    fungsi = state.block.fungsi
    items = lettered_items(text)
    if items:
        fungsi.extend(items)
    elif bulleted or MARKER.match(text) or not fungsi:
        fungsi.append(strip_list_punctuation(MARKER.sub("", text)))
    else:
        fungsi[-1] = strip_list_punctuation(f"{fungsi[-1]} {text}")


def _open(state: _State, title: str, number: int) -> None:
    """Open the block of a position titled ``title`` (a JABATAN line or a Jabatan cell)."""
    state.held.take()  # the heading above a position's title: no one's text
    state.block = titled_block(title, number, state.unit)
    state.decree.blocks.append(state.block)
    state.section, state.in_iku, state.closed = None, False, False


def _position_cells(state: _State, number: int, cells: list[str]) -> None:
    """A table's ``Jabatan`` column opens a block wherever its value changes (one long
    table for the whole office); its ``Atasan Langsung`` column names the block's atasan."""
    roles = state.roles or []
    texts = [read_cell(cell).text for cell in [*cells, *[""] * len(roles)]]
    nama = " ".join(texts[roles.index("jabatan")].split()) if "jabatan" in roles else ""
    same = state.block is not None and titled_block(nama, number).nama == state.block.nama
    if nama and not same:
        _open(state, nama, number)
    if "atasan" in roles and state.block is not None:
        declare_atasan(state.block, texts[roles.index("atasan")], number, state.decree.notes)


def _take_second_party(state: _State) -> bool:
    """A Perjanjian Kinerja's second party ("selaku atasan pihak pertama") is the atasan of
    the block before it, not a position: that block is read on (see
    :func:`.marks.second_party`). Here a block joins ``blocks`` when its title is read."""
    blocks, block = state.decree.blocks, state.block
    if block is None or block.rows or not blocks or blocks[-1] is not block:
        return False
    blocks.pop()
    previous = second_party(blocks, block)
    if previous is None:
        blocks.append(block)
        return False
    blocks.append(previous)
    state.block = previous
    return True


def _table(state: _State, rows: list[tuple[int, str, list[str]]]) -> None:
    """Read one table: ``(line number, line, cells)`` per row, separators left out."""
    state.section = None
    is_iku = state.in_iku or (
        state.block is None
        and any(split_code(read_cell(cell).text)[0] for _, _, row in rows for cell in row[:3])
    )
    header: list[str] | None = None
    for index, (number, line, cells) in enumerate(rows):
        texts = [read_cell(cell).text for cell in cells]
        combined = sub_header(header, texts) if header is not None else None
        if combined is not None:
            state.roles, header = [column_role(label) for label in combined], None
            state.headers = combined
            continue
        roles = _header_roles(cells)
        below = rows[index + 1][2] if index + 1 < len(rows) else None
        if roles is None and _parent_of(texts, below):  # "Sasaran" over "Kinerja | Indikator"
            roles = [column_role(t) if t else "lain" for t in texts]
        header = texts if roles is not None else None
        if roles is not None:
            state.roles, state.headers = roles, texts
            if ends_iku(roles, texts):  # the positions' table, no IKU
                is_iku = state.in_iku = False
            continue
        texts = [read_cell(cell).text for cell in cells]
        if not any(texts) or all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts if t):
            continue  # an empty row, or the "1 2 3 4" column numbers
        joined = " ".join(text for text in texts if text)
        if _form_row(state, number, texts) or FORM_PART.match(joined):
            continue  # the head of an SKP form; "A. UTAMA", "B. TAMBAHAN"
        if _JABATAN.match(joined) or _SECTION.match(joined):  # "| Jabatan: | LURAH X |"
            roles = state.roles
            _line(state, number, joined, joined)
            state.roles, is_iku = roles, False
            continue
        if not is_iku and state.block is not None and CLOSING.match("\t".join(texts)):
            state.closed = True
        if state.roles is not None and not is_iku and not state.closed:
            _position_cells(state, number, cells)
        if state.closed and not is_iku and len(cells) == 2:  # a signature in two columns:
            state.plain.append("\t".join(texts))  # each side read by the header (its cells)
        elif state.closed and not is_iku:
            _skip(state, number, line, "baris tabel setelah tanda tangan")
        elif state.roles is None:
            _skip(state, number, line, "baris tabel sebelum kepala tabel yang menamai kolomnya")
        elif len(cells) > len(state.roles) and any(cells[len(state.roles) :]):
            _skip(
                state,
                number,
                line,
                f"{len(cells)} sel untuk {len(state.roles)} kolom ('|' di dalam sel tanpa '\\'?)",
            )
        elif is_iku:
            iku_row(state, number, line, cells)
        elif state.block is None:
            _skip(state, number, line, "baris tabel sebelum JABATAN pertama")
        else:
            note = (
                f"baris ini hanya punya {len(cells)} sel untuk {len(state.roles)} kolom: "
                "dibaca dari kiri, periksa"
                if len(cells) < len(state.roles)
                else ""
            )
            raw, years = cells_by_role(state, cells)
            release(state.held, state.decree, state.block)
            before = len(state.block.rows)
            _row(state, state.block, number, raw, note=note, years=years)
            new = state.block.rows[before:]  # "Keterangan" cells: kept in their catatan
            keep_on(new, state.decree.notes, number, state.roles, state.headers, texts)


def _form_row(state: _State, number: int, texts: list[str]) -> bool:
    """A row of an SKP form's head (see :func:`.marks.form_row`); whether it was one."""
    form = form_row(texts, number, state.unit)
    if isinstance(form, tuple):
        state.decree.blocks.extend(form)
        state.block, state.section, state.roles, state.in_iku = form[1], None, None, False
        return True
    return form or (state.roles is None and any(head_field(t) for t in texts))


def _skip(state: _State, number: int, line: str, reason: str) -> None:
    state.decree.skipped.append(Skipped(number, number, line.strip(), reason))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _row(
    state: _State,
    block: Block,
    number: int,
    raw: dict[str, str],
    *,
    note: str = "",
    years: dict[str, str] | None = None,
) -> None:
    """Add the rows of one table row to ``block``, pairing items as the tab layout does."""
    cells = {role: read_cell(raw.get(role, "")) for role in FIELDS}
    current = next((r.kinerja for r in reversed(block.rows) if r.kinerja), "")
    if cells["kinerja"].text and _same(cells["kinerja"].text, current):
        cells["kinerja"] = Cell("")  # a merged cell repeated by the converter
    if not cells["kinerja"].text and not cells["indikator"].text and not block.rows:
        _skip(
            state, number, "| " + " | ".join(raw.values()), "baris tanpa kinerja maupun indikator"
        )
        return
    indikator = next((r.indikator for r in reversed(block.rows) if r.indikator), "")
    if not cells["kinerja"].text and _same(cells["indikator"].text, indikator):
        cells["indikator"] = Cell("")  # the indicator above, with one more formula / source
    paired = pair_cells(
        *(cells[role] for role in FIELDS),
        target_in_formula="target" not in (state.roles or []),
        unit_in_target=unit_in_target(state.roles or []),
    )
    for item in paired:
        row = item.to_row(number, note=note)
        row.intervensi = _lines(read_cell(raw.get("kinerja_atasan", "")))
        if years and len(years) > 1 and len(paired) == 1:
            row.per_tahun = dict(years)  # "Target 2025 | Target 2026": the builder picks
        block.rows.append(row)
    made = block.rows[len(block.rows) - len(paired) :]
    put_realisasi(made, read_cell(raw.get("realisasi", "")).text)
    put_polaritas(made, read_cell(raw.get("polaritas", "")).text)


def _lines(cell: Cell) -> str:
    """A cell's lines (``<br>``) or list items (``<li>``), one a line, else its text."""
    parts = cell.lines if len(cell.lines) > 1 else cell.items
    return "\n".join(parts) if len(parts) > 1 else cell.text
