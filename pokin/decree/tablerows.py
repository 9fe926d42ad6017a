"""The tables of a decree being assembled (see :mod:`.assemble`): header rows (also split
over two rows), rows read as text (key-value tables, titles merged across), an SKP form's
parts, the IKU table, a cascading matrix, and the data rows of a position's table."""

from __future__ import annotations

import re

from .atasancol import declare_atasan
from .cells import join_wrapped
from .columns import (
    column_role,
    header_roles,
    is_column_numbers,
    is_quarter,
    year_of,
)
from .document import Table, TableRow
from .headrows import parent_header, sub_header
from .ikutable import add_iku_row, ends_iku, pick_year
from .marks import (
    BEHAVIOUR_NOTE,
    CLOSING,
    FORM_BEHAVIOUR,
    FORM_PART,
    LABEL,
    SECTION,
    SIGNATORY,
    atasan_of,
    continues_row,
    form_pair,
    form_row,
    head_field,
    position_row,
    title_of,
    title_row,
    without_header,
)
from .matrix import add_row, start
from .othercols import kept_cells, note_columns
from .paragraphs import State, close_block, open_block, paragraph, release, skip
from .rawrows import RawRow
from .tableframe import caption, caption_above_header, same_across, signature_table

__all__ = ["read_table"]


_CUT = (
    "baris tabel terakhir sebelum halaman {page} terpotong pindah halaman, tetapi baris "
    "pertama di halaman {page} bernomor: dibaca sebagai baris sendiri; periksa apakah "
    "keduanya satu baris"
)


def _texts(row: TableRow) -> list[str]:
    return [(c or "").strip() for c in row.cells]


def read_table(state: State, table: Table) -> None:
    if table.fresh:  # a new sheet: no block, header or IKU table goes on into it
        close_block(state)
        state.roles, state.iku = None, False
    state.new_table, state.header_row, state.sheet = True, False, table.sheet
    state.carried = (table.page or 0) if state.broken else None
    state.broken, state.cut_page = table.broken, table.page or 0
    state.late = False  # a paragraph below this table is no longer TUGAS / FUNGSI text
    if signature_table(table):  # read by the header (tanggal, penandatangan), no rows
        state.signed = True
        return
    grid = [_texts(row) for row in table.rows]
    for index, row in enumerate(table.rows):
        if state.new_table and state.headers:
            row = without_header(row, state.headers)
        texts = _texts(row)
        if not any(texts) or _behaviour(state, row.line, texts):
            continue
        if _as_text(state, row.line, texts):
            state.header_row = False
            continue
        if _header(state, texts, grid[index + 1] if index + 1 < len(grid) else None):
            continue
        state.header_row = False
        if is_column_numbers(texts):
            continue
        if state.new_table and state.block is not None and caption_above_header(grid, index):
            continue  # "RENCANA KINERJA TAHUN 2026" over the header: the table's caption
        if state.roles is None and (title_row(texts) or caption(texts) is not None):
            # a title or subtitle above the header ("Lampiran Keputusan Camat ... Nomor
            # ...", merged across the sheet), not a lost row
            paragraph(state, row.line, next(t for t in texts if t))
            continue
        if state.roles is None:
            skip(state, row.line, texts, "baris tabel sebelum kepala tabel yang menamai kolomnya")
            state.titles = texts
            continue
        state.titles = None
        if _signature(state, row.line, texts):
            continue
        if "jabatan" not in state.roles:
            # a row of the block's table: the lines held above were its text
            release(state.held, state.decree, state.block)
        if state.matrix is not None:
            add_row(state, row)
        elif state.iku:
            by_role, years, _ = _by_role(state, row)
            if not add_iku_row(state.decree, row, state.roles or [], by_role, years):
                skip(state, row.line, _texts(row), "indikator IKU sebelum sasaran mana pun")
        else:
            _data_row(state, row)
        state.new_table = False


def _signature(state: State, line: int, texts: list[str]) -> bool:
    """A row below the table holding the decree's signature in a column or two (a sheet
    or CSV: place and date, "CAMAT X,", the name, the NIP under the last columns), read
    as the signature's lines, not as the last row's cells going on."""
    compact = list(dict.fromkeys(t for t in texts if t))
    if len(compact) > 2 or not (
        state.signed or any(CLOSING.match(t) or SIGNATORY.match(t) for t in compact)
    ):
        return False
    for text in compact:
        paragraph(state, line, text)
    return True


def _behaviour(state: State, line: int, texts: list[str]) -> bool:
    """Whether a row is in (or opens) an SKP form's PERILAKU KERJA part, passed over up
    to the next position's title."""
    joined = " ".join(" ".join(dict.fromkeys(t for t in texts if t)).split())  # spans once
    if FORM_BEHAVIOUR.match(joined):
        state.behaviour = True
        state.decree.notes.append((line, BEHAVIOUR_NOTE))
        return True
    if not state.behaviour:
        return False
    label = LABEL.match(next(t for t in texts if t))
    opens = title_of(joined) or form_pair(texts) or (label and "jabatan" in label.group(1).lower())
    state.behaviour = not opens
    return state.behaviour


def _as_text(state: State, line: int, texts: list[str]) -> bool:
    """A row that is a block title or a TUGAS / FUNGSI entry (key-value tables, sheets)."""
    compact = [t for t in texts if t and t not in (":", "-")]
    compact = [t for n, t in enumerate(compact) if not n or t != compact[n - 1]]  # spans
    if len(compact) == 1 and FORM_PART.match(compact[0]):
        return True  # "HASIL KERJA", "A. UTAMA", "B. TAMBAHAN" of an SKP form
    if len(compact) == 1 and atasan_of(compact[0]) and state.block is not None:
        paragraph(state, line, compact[0])  # "ATASAN LANGSUNG : X" merged across the row
        return True
    one = compact[0] if len(compact) == 1 else ""
    if one and (title_of(one) or atasan_of(one) or SECTION.match(one)):
        for part in one.split("\n"):  # "JABATAN : X", "ATASAN LANGSUNG : Y", "TUGAS : Z"
            paragraph(state, line, part)  # merged across the table, even under its header
        return True
    if state.roles is not None and one and position_row(texts, one):
        open_block(state, one, line)  # "LURAH SUKAJADI" merged across the long table
        return True
    if not compact or state.header_row:
        return False
    if _form_row(state, line, texts):
        return True
    if len(compact) > 4:
        return False
    if state.roles is None and any(head_field(t) for t in compact):
        return True  # "PERIODE PENILAIAN : ..." beside another cell, above the table
    if re.fullmatch(r"\d{1,2}\s*[.)]?", compact[0]) and len(compact) > 1:
        compact = compact[1:]
    if len(compact) <= 2 and head_field(compact[0], colon=False):
        return True  # "UNIT KERJA | : | KECAMATAN X", "PERIODE PENILAIAN": the header's
    label = LABEL.match(compact[0])
    if label:
        rest = [t.lstrip(": ") for t in compact[1:]]
        name = label.group(1).lower()
        if "jabatan" in name:
            if rest and rest[0]:
                open_block(state, rest[0].split("\n")[0], line)
                return True
            return False
        paragraph(state, line, f"{name.split()[-1] if 'tugas' not in name else 'TUGAS'} :")
        for text in rest:
            for part in text.split("\n"):
                paragraph(state, line, part)
        return True
    if len(compact) == 2 and atasan_of(f"{compact[0]} : {compact[1]}"):
        paragraph(state, line, f"{compact[0]} : {compact[1]}")
        return True
    return False


def _form_row(state: State, line: int, texts: list[str]) -> bool:
    """A row of an SKP form's head (see :func:`.marks.form_row`); whether it was one."""
    form = form_row(texts, line, state.unit)
    if isinstance(form, tuple):
        close_block(state)
        state.decree.blocks.append(form[0])
        state.block, state.section, state.iku = form[1], None, False
    return bool(form)


def _header(state: State, texts: list[str], below: list[str] | None) -> bool:
    """Read a header row (or the second row of a split header, or the first when only
    the row ``below`` makes it one); whether it was one."""
    roles = header_roles(texts)
    combined = sub_header(state.headers, texts) if state.header_row else None
    if combined is not None:
        state.headers = combined
        state.roles = [column_role(h) if h else "lain" for h in state.headers]
        return True
    if roles is None and below is not None and parent_header(texts, below) is not None:
        roles = [column_role(t) if t else "lain" for t in texts]  # completed by the next row
    if roles is None:
        return False
    state.headers, state.roles, state.header_row = texts, roles, True
    if roles.count("indikator") >= 2 and roles.count("kinerja") >= 2:
        close_block(state)
        if state.titles is not None and state.decree.skipped:
            state.decree.skipped.pop()  # the level titles above the header: read, not skipped
        start(state, texts, state.titles)
        return True
    state.matrix = None
    upper = " ".join(texts).upper()
    if ends_iku(roles, texts):
        state.iku = False  # a table of the positions' indicators: the IKU table ended above
    elif state.block is None and ("UTAMA" in upper or "STRATEGIS" in upper):
        state.iku = True
    return True


def _pad(texts: list[str], width: int) -> list[str]:
    return [*texts, *[""] * (width - len(texts))][:width]


def _by_role(state: State, row: TableRow) -> tuple[dict[str, str], dict[str, str], bool]:
    """The row's cells by role (merged cells resolved), its targets per year, and whether
    any cell was merged from above."""
    assert state.roles is not None
    cells: list[str | None] = [*row.cells, *[""] * (len(state.roles) - len(row.cells))]
    previous = state.raw[-1] if state.raw else None
    by_role: dict[str, str] = {}
    years: dict[str, str] = {}
    for role, cell, head in zip(state.roles, cells, state.headers + [""] * 99, strict=False):
        text = (
            (cell or "").strip()
            if cell is not None or role in ("kinerja", "indikator")
            else (previous.cells.get(role, "") if previous else "")
        )
        period = year_of(head) if role == "target" else None
        if period:
            years[period] = text
        if role in ("no", "lain") or not text or (period and is_quarter(period)):
            continue  # a quarter's target goes to per_periode, not to the annual target
        by_role[role] = f"{by_role[role]}\n{text}" if role in by_role else text
    return by_role, years, bool(cells and cells[0] is None)


def _data_row(state: State, row: TableRow) -> None:
    assert state.roles is not None
    by_role, years, _ = _by_role(state, row)
    texts = _pad(_texts(row), len(state.roles))
    if "jabatan" in state.roles:
        nama = texts[state.roles.index("jabatan")]
        if nama and (state.block is None or " ".join(nama.split()) != state.block.nama):
            open_block(state, nama, row.line)
    if state.block is None:
        skip(state, row.line, texts, "baris tabel sebelum JABATAN pertama")
        return
    if same_across(texts):
        skip(state, row.line, texts[:1], "satu teks merentang seluruh baris tabel: bukan kinerja")
        return
    if "atasan" in state.roles:  # the "Atasan Langsung" column: the decree names the atasan
        cell = texts[state.roles.index("atasan")]
        declare_atasan(state.block, cell, row.line, state.decree.notes)
    numbered = "no" in state.roles and bool(texts[state.roles.index("no")])
    carried = state.new_table and state.carried is not None
    if carried and numbered:  # cannot be told: kept as a row of its own, and said
        state.decree.notes.append((row.line, _CUT.format(page=state.carried)))
    if state.new_table and state.raw and not numbered and (carried or continues_row(by_role)):
        previous = state.raw[-1]  # a row broken by the page: its rest joins the row above
        for role, text in zip(state.roles, texts, strict=False):
            if text and role not in ("no", "lain", "kode", "jabatan", "atasan"):
                before = previous.cells.get(role, "")
                previous.cells[role] = join_wrapped(before, text)
        return
    if state.kinerja and "kinerja" not in state.roles:
        by_role = {"kinerja": state.kinerja, **by_role}  # the paragraph above the table
        state.kinerja = ""  # the next rows are the same kinerja's
    raw = RawRow(row.line, by_role, years)
    if len(years) > 1:
        raw.cells["target"] = pick_year(years, state.decree.tahun) or raw.cells.get("target", "")
    if "penanggung_jawab" in by_role:
        pj = "penanggung jawab: " + by_role["penanggung_jawab"].replace("\n", ", ")
        raw.note = "; ".join(n for n in (raw.note, pj) if n)
    other = kept_cells(state.roles, state.headers, row.cells)  # "Keterangan: ..."
    if other:
        note_columns(state.decree.notes, row.line, state.roles, state.headers)
        raw.kept = other
    outside = [t for t in _texts(row)[len(state.roles) :] if t and t not in texts]
    if outside:  # more cells than the header has columns: kept, and said
        extra = "sel di luar kolom kepala tabel: " + " | ".join(outside).replace("\n", " ")
        raw.note = "; ".join(n for n in (raw.note, extra) if n)
    state.raw.append(raw)
