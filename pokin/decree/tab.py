"""Parse decrees whose tables are tab-separated text (Sambutan, Wonoasih, Kebomas).

A position block starts at a ``JABATAN : ...`` line (``1. JABATAN : CAMAT``, ``Jabatan:
<tab>KEPALA KELURAHAN INDRO (Struktural)``), gives its TUGAS and FUNGSI, then a table whose
header names the columns (``KINERJA UTAMA / INDIKATOR / FORMULASI / SUMBER DATA``, or
``No. / Rencana Kinerja / Indikator Kinerja Individu / Formulasi / Sumber Data``). What the
parser repairs, and how:

- a table split across pages repeats its header (or a blank line / an ``INDIKATOR KINERJA
  INDIVIDU`` title) between two parts of one row: the first row after the break continues
  the row before when its kinerja and indicator cells are empty, or its kinerja cell
  starts in lower case; its cells are appended to the row above;
- a row with fewer cells than the header lost its leading (merged) cells: right-aligned;
  a row whose ``No.`` column holds text, or whose indicator cell holds a target while the
  last cell is empty, was shifted left: its cells are moved back (noted in ``Row.catatan``);
- ``99KINERJA`` headers (a stray page number) and ``1 2 3 4`` column-number rows;
- cells packing several items, targets in the formula column: see :mod:`.cells` and :mod:`.pairing`;
- a Kebomas-style IKU table (``Kode / Indikator Kinerja Utama``, ``S.1``, ``I.K.S.1.1``).

Rows the parser cannot place (a separator ``--- | --``, a row before any header) go to
``ParsedDecree.skipped``; nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atasancol import declare_atasan
from .cells import clean_cell, lettered_items, strip_list_punctuation
from .columns import column_role, header_roles, is_quarter, year_of
from .continued import join_continued
from .header import read_header
from .headings import Held, heading_line
from .headrows import sub_header
from .ikutable import add_coded_iku_row
from .marks import (
    BEHAVIOUR_NOTE,
    CLOSING,
    FORM_BEHAVIOUR,
    FORM_PART,
    FURNITURE,
    atasan_of,
    form_row,
    head_field,
    names_superior,
    second_party,
    titled_block,
)
from .othercols import kept_cells, note_columns
from .pairing import pair_cells, split_target, unit_in_target
from .parts import Block, ParsedDecree, Skipped, put_polaritas, put_realisasi

__all__ = ["parse", "sniff"]

_JABATAN = re.compile(r"^\s*(?:-\s*)?(?:\d+\.\s*)?(?:nama\s+)?jabatan\s*:\s*(.*)$", re.IGNORECASE)
_SECTION = re.compile(r"^\s*(?:-\s*)?(?:\d+\.\s*)?(tugas|fungsi)\s*:\s*(.*)$", re.IGNORECASE)
_PAGE_TITLE = re.compile(r"^\W*INDIKATOR KINERJA (INDIVIDU|UTAMA)\W*$")


def sniff(text: str) -> bool:
    """Whether ``text`` looks like a decree with tab-separated tables.

    >>> sniff("1. JABATAN : CAMAT\\nKINERJA\\tINDIKATOR\\n")
    True
    >>> sniff("| KINERJA | INDIKATOR |")
    False
    """
    head = text[:200_000]
    titled = re.search(r"^\s*(?:\d+\.\s*)?(?:nama\s+)?jabatan\s*:", head, re.I | re.M) or re.search(
        r"^[^\n]*\tjabatan\t[^\n]*\tjabatan\t", head, re.I | re.M
    )  # an SKP form: the pegawai's and the penilai's JABATAN side by side
    return bool(titled) and bool(re.search(r"^[^\t\n]*\t[^\n]*" + _INDIKATOR, head, re.I | re.M))


_INDIKATOR = r"i ?n ?d ?i ?-? ?k ?a ?t ?o ?r"  # also "I N D I K A T O R", "INDI-KATOR"


def _header_roles(cells: list[str]) -> list[str] | None:
    """The column roles of a header line (see :mod:`.columns`); a code column is a No."""
    roles = header_roles(cells)
    return [("no" if role == "kode" else role) for role in roles] if roles else None


@dataclass
class _RawRow:
    line: int
    end_line: int
    cells: dict[str, str]
    catatan: str = ""
    years: dict[str, str] = field(default_factory=dict)  # "Target 2025 | 2026": per year
    kept: str = ""  # cells of columns pokin has no field for (:mod:`.othercols`)


@dataclass
class _State:
    decree: ParsedDecree
    roles: list[str] | None = None
    headers: list[str] = field(default_factory=list)  # the header's texts, for its years
    after_header: bool = False  # the line before was a header: this one may complete it
    block: Block | None = None
    raw: list[_RawRow] = field(default_factory=list)
    section: str | None = None
    page_break: bool = False
    in_iku: bool = False
    closed: bool = False
    behaviour: bool = False  # in an SKP form's PERILAKU KERJA part
    held: Held = field(default_factory=Held)  # heading lines after a table (:mod:`.headings`)


def parse(text: str, *, source: str) -> ParsedDecree:
    """Parse a tab-layout decree into layout-free parts (see :mod:`._decree_parts`)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if _block_title(line) is not None), None)
    head = read_header(lines, head_end=first)
    state = _State(head.fill(ParsedDecree(source=source, layout="tab")))
    for number, line in enumerate(lines, 1):
        _feed(state, number, line)
    _close_block(state)
    return state.decree


def _block_title(line: str) -> str | None:
    cells = [c.strip() for c in line.split("\t")]
    match = _JABATAN.match(cells[0])
    if not match:
        return None
    return match.group(1).strip() or next((c for c in cells[1:] if c), "")


_LABEL_CELL = re.compile(r"(?:\d+\.\s*)?(?:nama\s+)?(?:jabatan|tugas|fungsi)", re.IGNORECASE)
_MARK_CELL = re.compile(r"[a-z]\.|\d{1,2}[.)]|[-•]")
_NUMBER_CELL = re.compile(r"\d{1,2}[.)]?")


def _plain(state: _State, line: str) -> str:
    """Word's "save as text" writes a label and its colon, or a list mark, as cells of their
    own ("JABATAN<tab>:<tab>X", "a.<tab>Y"): read them as the text lines they are."""
    filled = [c.strip() for c in line.split("\t") if c.strip()]
    if len(filled) >= 3 and _NUMBER_CELL.fullmatch(filled[0]) and filled[2].startswith(":"):
        filled = filled[1:]  # "1.<tab>JABATAN<tab>:<tab>X": a numbered label, its number apart
    if len(filled) >= 2 and filled[1].startswith(":") and _LABEL_CELL.fullmatch(filled[0]):
        return f"{filled[0]} : {' '.join([filled[1][1:].strip(), *filled[2:]]).strip()}".rstrip()
    listed = state.section == "fungsi" and not state.raw and len(filled) == 2
    if listed and _MARK_CELL.fullmatch(filled[0]) and line.lstrip().startswith(filled[0]):
        return f"{filled[0]} {filled[1]}"
    return line


def _feed(state: _State, number: int, line: str) -> None:
    line = _plain(state, line)
    stripped = line.strip()
    if "\t" in line and _form_row(state, number, line.split("\t")):
        return
    if FORM_PART.match(stripped):
        return  # "HASIL KERJA", "A. UTAMA", "B. TAMBAHAN" of an SKP form
    title = _block_title(line)
    if FORM_BEHAVIOUR.match(" ".join(line.split())):
        state.behaviour = True
        state.decree.notes.append((number, BEHAVIOUR_NOTE))
        return
    if state.behaviour and title is None:
        return
    if title is not None:
        state.held.take()  # the heading above a position's title: no one's text
        _close_block(state)
        state.block = titled_block(title, number)
        state.closed = state.behaviour = state.in_iku = False  # the IKU table ends here
        return
    cells = [c.strip() for c in line.split("\t")] if "\t" in line else None
    if cells is not None and [c.lower() for c in cells[:2]] == ["kode", "indikator kinerja utama"]:
        state.in_iku = True
        return
    combined = sub_header(state.headers, cells) if cells and state.after_header else None
    state.after_header = False
    if combined is not None:  # "Target" over "2025 | 2026": the header's second line
        state.headers = combined
        state.roles = [("no" if r == "kode" else r) for r in map(column_role, combined)]
        return
    if cells is not None and _header_roles(cells):
        state.roles, state.headers, state.after_header = _header_roles(cells), cells, True
        state.page_break = bool(state.raw)
        state.in_iku = False
        return
    if not stripped or _PAGE_TITLE.match(stripped) or (cells is None and FURNITURE.match(stripped)):
        state.page_break = bool(state.raw)
        return
    if state.in_iku and cells is not None:
        if not add_coded_iku_row(state.decree, number, cells):
            text = "\t".join(cells)
            _skip(state, number, text, "baris tabel IKU yang tidak dapat ditempatkan pokin")
        return
    if CLOSING.match(stripped):
        state.closed = True
    if state.closed or state.block is None:
        if cells is not None and any(cells) and not any(head_field(c) for c in cells):
            where = "setelah tanda tangan" if state.closed else "di luar blok jabatan mana pun"
            _skip(state, number, line, f"baris tabel {where}")
        return
    _feed_block(state, number, line, cells)


def _feed_block(state: _State, number: int, line: str, cells: list[str] | None) -> None:
    """A line inside a position block: its atasan, TUGAS / FUNGSI, or a table row."""
    assert state.block is not None
    stripped = line.strip()
    plain = " ".join(c for c in (cells or [stripped]) if c)
    if names_superior(plain) and not state.raw:
        previous = second_party(state.decree.blocks, state.block)
        if previous is not None:  # a Perjanjian Kinerja's second party: the atasan
            state.block = previous
            return
    atasan = atasan_of(plain)
    if atasan is not None and not state.raw:
        state.block.atasan = atasan  # "ATASAN LANGSUNG : X": the decree names the superior
        return
    section = _SECTION.match(plain)
    if section and (cells is None or _SECTION.match(cells[0])):
        state.section = section.group(1).lower()
        _add_section_text(state.block, state.section, section.group(2))
        return
    if head_field(plain) and not state.raw:
        return  # "UNIT KERJA : ...", "PERIODE PENILAIAN : ...": read by the header
    if cells is None:
        if state.section and not state.raw:
            _add_section_text(state.block, state.section, stripped)
        elif state.raw and heading_line(stripped, going_on=bool(state.held.lines)):
            state.held.lines.append((number, line))  # whose it is, the next line says
        elif state.raw:
            _release(state)
            _skip(state, number, line, _IN_TABLE)
        else:
            _skip(state, number, line, "baris teks di antara JABATAN dan tabelnya, tidak dikenali")
        return
    if not any(cells):
        return
    if state.roles is None:
        _skip(state, number, line, "baris tabel sebelum kepala tabel")
        return
    if all(re.fullmatch(r"-*", c) for c in cells):
        _skip(state, number, line, "garis pemisah (tanda hubung), bukan baris tabel")
        return
    filled = [c for c in cells if c]
    if len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]:
        return  # the "1 2 3 4" column-number row
    state.section = None
    _release(state)
    _add_row(state, number, cells)


def _form_row(state: _State, number: int, cells: list[str]) -> bool:
    """A row of an SKP form's head (see :func:`.marks.form_row`); whether it was one."""
    form = form_row(cells, number)
    if isinstance(form, tuple):
        _close_block(state)
        state.decree.blocks.append(form[0])
        state.block, state.closed, state.behaviour = form[1], False, False
    return bool(form)


def _add_section_text(block: Block, section: str, text: str) -> None:
    text = clean_cell(re.sub(r"^\s*-\s*", "", text))
    text = re.sub(r"\*{1,2}([^*\n]+?)\*{1,2}", r"\1", text)  # markdown *emphasis* of a converter
    if not text or text == "-":
        return
    if section == "tugas":
        text = re.sub(r"\s*\bFungsi\s*:\s*$", "", text)  # a label run into the tugas cell
        block.tugas = f"{block.tugas}\n{text}" if block.tugas else text
        return
    inline = lettered_items(text)
    if inline:
        block.fungsi.extend(inline)
        return
    item = re.sub(r"^[a-z]\.\s+", "", text)
    block.fungsi.append(strip_list_punctuation(item))


def _skip(state: _State, number: int, line: str, reason: str) -> None:
    state.decree.skipped.append(Skipped(number, number, line.strip(), reason))


_IN_TABLE = "baris teks di dalam tabel, bukan baris tabel"


def _release(state: _State) -> None:
    """The held heading lines were no position's heading: skipped, as any text there."""
    for number, line in state.held.take():
        _skip(state, number, line, _IN_TABLE)


def _align(roles: list[str], cells: list[str]) -> tuple[list[str], str]:
    """Put a row's cells back under their columns; say how when they had moved."""
    width = len(roles)
    if len(cells) > width and roles[-1] == "target" and cells[width - 1].strip():
        # a note typed beyond the table: the target stays a number, the rest is the catatan
        extra = [c.strip() for c in cells[width:] if c.strip()]
        note = f"sel di luar tabel, disimpan di catatan: {' | '.join(extra)}" if extra else ""
        return cells[:width], note
    if len(cells) > width:
        extra = [c for c in cells[width - 1 :] if c]
        return [*cells[: width - 1], " ".join(extra)], "sel berlebih digabung ke sel terakhir"
    if len(cells) < width:
        return [""] * (width - len(cells)) + cells, (
            f"{len(cells)} sel untuk {width} kolom: dibaca sebagai {len(cells)} kolom terakhir "
            "(sel gabungan di depannya hilang di pergantian halaman)"
        )
    if roles[0] == "no" and cells[0] and not re.fullmatch(r"\d+\.?", cells[0]):
        filled = [c for c in cells if c]
        return [""] * (width - len(filled)) + filled, (
            f"sel bergeser ke kiri di bawah kolom No.: dibaca sebagai {len(filled)} kolom terakhir"
        )
    if "indikator" in roles and not cells[-1] and "kinerja" in roles:
        ind, kin = roles.index("indikator"), roles.index("kinerja")
        if cells[kin] and split_target(cells[ind]) and not split_target(cells[kin]):
            return ["", *cells[:-1]], (
                "sel bergeser satu kolom ke kiri (kolom terakhir kosong dan kolom indikator "
                "berisi target): dibaca satu kolom ke kanan"
            )
    return cells, ""


def _add_row(state: _State, number: int, cells: list[str]) -> None:
    assert state.roles is not None
    aligned, note = _align(state.roles, cells)
    by_role: dict[str, str] = {}
    years: dict[str, str] = {}
    heads = [*state.headers, *[""] * len(state.roles)]
    for role, cell, head in zip(state.roles, aligned, heads, strict=False):
        year = year_of(head) if role == "target" else None
        if year and year not in years:
            years[year] = cell  # one target per period: the builder picks the decree's year
            if is_quarter(year) or sum(not is_quarter(y) for y in years) > 1:
                continue
        if role not in ("no", "lain"):
            by_role[role] = f"{by_role[role]} {cell}".strip() if role in by_role else cell
    other = kept_cells(state.roles, state.headers, aligned)  # "Keterangan: ..."
    if other:
        note_columns(state.decree.notes, number, state.roles, state.headers)
    numbered = "no" in state.roles and bool(aligned[state.roles.index("no")])
    continues = state.page_break and state.raw and not numbered and _continues(by_role)
    state.page_break = False
    if continues:
        previous = state.raw[-1]
        for role, cell in by_role.items():
            if cell:
                previous.cells[role] = join_continued(role, previous.cells.get(role, ""), cell)
        previous.end_line = number
        previous.kept = "; ".join(k for k in (previous.kept, other) if k)
        return
    per_year = years if len(years) > 1 else {}
    state.raw.append(_RawRow(number, number, by_role, note, per_year, other))


def _continues(cells: dict[str, str]) -> bool:
    kinerja, indikator = cells.get("kinerja", ""), cells.get("indikator", "")
    if not kinerja and not indikator:
        return True
    return bool(kinerja) and kinerja[0].islower()


def _close_block(state: _State) -> None:
    _release(state)
    block = state.block
    if block is None:
        return
    for raw in state.raw:
        cells = raw.cells  # an "Atasan Langsung" column names the block's atasan
        declare_atasan(block, cells.get("atasan", ""), raw.line, state.decree.notes)
        rows = []
        for item in pair_cells(
            cells.get("kinerja", ""),
            cells.get("indikator", ""),
            cells.get("formulasi", ""),
            cells.get("sumber_data", ""),
            cells.get("satuan", ""),
            cells.get("target", ""),
            target_in_formula="target" not in cells,
            unit_in_target=unit_in_target(cells.keys()),
        ):
            row = item.to_row(raw.line, note=raw.catatan)
            row.intervensi = cells.get("kinerja_atasan", "")
            row.kept = raw.kept
            if raw.years and not row.per_tahun:
                row.per_tahun = dict(raw.years)
            rows.append(row)
        put_realisasi(rows, cells.get("realisasi", ""))
        put_polaritas(rows, cells.get("polaritas", ""))
        block.rows.extend(rows)
    state.decree.blocks.append(block)
    state.block, state.raw, state.section, state.page_break = None, [], None, False
