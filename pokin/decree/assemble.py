"""Turn paragraphs and tables in document order into a layout-free :class:`ParsedDecree`.

Every reader whose input has a real table grid (Word, PDF, office Excel, and the text
layouts whose grid is recovered first: fixed-width columns, one cell per line, flattened
paragraphs) ends here, so they all read a decree the same way:

- a paragraph (or a table row, or a sheet cell) ``JABATAN : X`` (also ``Nama Jabatan``,
  ``JABATAN. :``, a number before it, or a key-value row ``Jabatan | : | X``) opens a
  position block; ``TUGAS`` and ``FUNGSI`` follow, the fungsi one item per list item (an
  item of a deeper list level belongs to the item above it; after "a." items, a line
  without a mark goes on the item above); a ``KELURAHAN X`` heading places the blocks
  below it in that kelurahan;
- a table is recognised by what its columns mean (:mod:`.columns`); a header split over
  two rows (horizontally merged cells above "Uraian / Formulasi" or years) is combined;
  the column numbers row ("1 2 3 4") is skipped; a header repeated on the next page
  continues the table, also when the page's first row is glued to it;
- a merged (or empty) kinerja cell is the kinerja above, a merged formula, source, unit
  or target cell repeats the value above; a row continued on the next page (no number,
  and no kinerja and indicator, or one of them going on in lower case) is joined to the
  row before the page break; cells beyond the header's columns are kept in ``catatan``;
- a ``Jabatan`` column opens a block wherever its value changes (one long table); a
  table marked ``fresh`` (a new sheet) starts afresh;
- a table whose indicators are "Utama" (or whose kinerja is a "Sasaran Strategis"), or
  under an ``INDIKATOR KINERJA UTAMA`` title outside any block, is the IKU table
  (:mod:`.ikutable`), with one target per year and the penanggung jawab kept;
- a table with a kinerja/indicator column pair per level is a cascading matrix, read by
  :mod:`.matrix` with its links.

Rows that cannot be placed are listed in ``ParsedDecree.skipped`` with their line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .cells import strip_list_punctuation
from .columns import (
    column_role,
    header_roles,
    is_column_numbers,
    is_quarter,
    sub_header,
    year_of,
)
from .document import Item, Paragraph, Table, TableRow
from .header import read_header, title_case
from .ikutable import add_iku_row, pick_year
from .marks import (
    BEHAVIOUR_NOTE,
    FORM_BEHAVIOUR,
    FORM_PART,
    FURNITURE,
    IKU_TITLE,
    JENIS,
    LABEL,
    SECTION,
    UNIT_HEADING,
    atasan_of,
    continues_row,
    form_pair,
    form_row,
    fungsi_items,
    head_field,
    names_superior,
    position_row,
    second_party,
    text_lines,
    title_of,
    title_row,
    without_header,
)
from .matrix import add_row, finish, start
from .parts import Block, ParsedDecree, Skipped
from .rawrows import RawRow, raw_rows

__all__ = ["assemble"]


@dataclass
class _State:
    decree: ParsedDecree
    block: Block | None = None
    section: str | None = None
    roles: list[str] | None = None
    headers: list[str] = field(default_factory=list)
    header_row: bool = False  # the row before was a header row
    iku: bool = False
    raw: list[RawRow] = field(default_factory=list)
    new_table: bool = False
    matrix: object | None = None
    titles: list[str] | None = None  # the row before, when it was skipped (level titles?)
    unit: str | None = None  # the kelurahan a heading placed the next blocks in
    fungsi_level: int = 0  # the numbering level of the block's fungsi items
    fungsi_marked: bool = False  # its fungsi items open with "a." / "1." written out
    sheet: str | None = None  # the workbook sheet being read (named in what is skipped)
    behaviour: bool = False  # in an SKP form's PERILAKU KERJA part
    kinerja: str = ""  # "Kinerja : X" written above a table without a kinerja column


def assemble(items: Iterable[Item], *, source: str, layout: str) -> ParsedDecree:
    """The parts of a decree given as paragraphs and tables (see :mod:`.document`)."""
    items = list(items)
    state = _State(ParsedDecree(source=source, layout=layout))
    for item in items:
        if isinstance(item, Paragraph):
            _paragraph(state, item.line, item.text, item.level)
        else:
            _table(state, item)
    _close(state)
    lines, first = text_lines(items)
    read_header(lines, head_end=first).fill(state.decree)
    return state.decree


def _paragraph(state: _State, line: int, text: str, level: int = 0) -> None:
    text = " ".join(text.split())
    if not text or FURNITURE.match(text):
        return
    title = title_of(text)
    if title is not None:
        _open(state, title, line)
        return
    if names_superior(text) and state.block is not None and not state.raw:
        previous = second_party(state.decree.blocks, state.block)
        if previous is not None:  # a Perjanjian Kinerja's second party: the atasan
            state.block = previous
            return
    atasan = atasan_of(text)
    if atasan is not None and state.block is not None and not state.raw:
        state.block.atasan = atasan  # "ATASAN LANGSUNG : X": the decree names the superior
        return
    unit = UNIT_HEADING.match(text) if text.isupper() and len(text) < 60 else None
    if unit:  # "B. KELURAHAN SUKAMAJU": the blocks below are that kelurahan's
        _close(state)
        state.unit = title_case(unit.group(1)) if unit.group(2) != "KECAMATAN" else None
        return
    if IKU_TITLE.match(text) and "INDIVIDU" not in text.upper() and len(text) < 90:
        if state.block is None or state.block.rows or state.raw:
            _close(state)
            state.iku, state.roles = True, None
        return
    kinerja = _KINERJA_LINE.match(text)
    if kinerja and state.block is not None:  # "Kinerja : X" over a table of its indicators
        state.kinerja, state.section = kinerja.group(1).strip(), None
        return
    section = SECTION.match(text)
    if section and state.block is not None:
        state.section = "tugas" if section.group(1).lower().startswith("tugas") else "fungsi"
        text = (section.group(2) or "").strip()
        if not text:
            return
    block = state.block
    if block is None or state.section is None or state.raw:
        return
    if state.section == "tugas":
        block.tugas = f"{block.tugas} {text}".strip()
        return
    items = fungsi_items(text)
    marked = bool(re.match(r"(?:[a-z]|\d{1,2})[.)]\s", text))
    if not block.fungsi:
        state.fungsi_level = level  # the level of the list's items, whatever it is
        state.fungsi_marked = marked  # "a. ..." written: a line without a mark goes on
    if level > state.fungsi_level and block.fungsi:  # a sub-item of Word's nested numbering
        block.fungsi[-1] = f"{block.fungsi[-1]}; {'; '.join(items)}"
    elif (
        len(items) == 1
        and block.fungsi
        and not marked
        and (
            state.fungsi_marked
            or text[:1].islower()
            or block.fungsi[-1].endswith((",", "yang", "dan"))
        )
    ):
        block.fungsi[-1] = strip_list_punctuation(f"{block.fungsi[-1]} {text}")
    else:
        block.fungsi.extend(items)


_KINERJA_LINE = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?:rencana\s+|hasil\s+)?(?:kinerja(?:\s+utama)?|sasaran(?:\s+kinerja)?"
    r"|hasil\s+kerja)\s*\.?\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
"""A paragraph naming the kinerja whose indicators the table below lists."""


def _open(state: _State, title: str, line: int) -> None:
    _close(state)
    nama = " ".join(title.split())
    jenis = JENIS.search(nama)
    state.block = Block(
        nama=JENIS.sub("", nama).rstrip(" :."),
        line=line,
        unit=state.unit,
        jenis=jenis.group(1) if jenis else None,
    )
    state.section, state.iku, state.behaviour, state.kinerja = None, False, False, ""


def _close(state: _State) -> None:
    """Finish the block being read: its raw rows become rows; the block joins the decree."""
    if state.matrix is not None:
        finish(state)
    block = state.block
    if block is None:
        return
    for raw in state.raw:
        block.rows.extend(raw_rows(raw, target_in_formula="target" not in (state.roles or [])))
    state.decree.blocks.append(block)
    state.block, state.raw, state.section = None, [], None


# -- tables ---------------------------------------------------------------------------------


def _texts(row: TableRow) -> list[str]:
    return [(c or "").strip() for c in row.cells]


def _table(state: _State, table: Table) -> None:
    if table.fresh:  # a new sheet: no block, header or IKU table goes on into it
        _close(state)
        state.roles, state.iku = None, False
    state.new_table, state.header_row, state.sheet = True, False, table.sheet
    for row in table.rows:
        if state.new_table and state.headers:
            row = without_header(row, state.headers)
        texts = _texts(row)
        if not any(texts) or _behaviour(state, row.line, texts):
            continue
        if _as_text(state, row.line, texts):
            state.header_row = False
            continue
        if _header(state, texts):
            continue
        state.header_row = False
        if is_column_numbers(texts):
            continue
        if state.roles is None and title_row(texts):
            _paragraph(state, row.line, next(t for t in texts if t))  # a title, not a lost row
            continue
        if state.roles is None:
            _skip(state, row.line, texts, "baris tabel sebelum kepala tabel yang menamai kolomnya")
            state.titles = texts
            continue
        state.titles = None
        if state.matrix is not None:
            add_row(state, row)
        elif state.iku:
            by_role, years, _ = _by_role(state, row)
            if not add_iku_row(state.decree, row, state.roles or [], by_role, years):
                _skip(state, row.line, _texts(row), "indikator IKU sebelum sasaran mana pun")
        else:
            _data_row(state, row)
        state.new_table = False


def _behaviour(state: _State, line: int, texts: list[str]) -> bool:
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


def _as_text(state: _State, line: int, texts: list[str]) -> bool:
    """A row that is a block title or a TUGAS / FUNGSI entry (key-value tables, sheets)."""
    compact = [t for t in texts if t and t not in (":", "-")]
    compact = [t for n, t in enumerate(compact) if not n or t != compact[n - 1]]  # spans
    if len(compact) == 1 and FORM_PART.match(compact[0]):
        return True  # "HASIL KERJA", "A. UTAMA", "B. TAMBAHAN" of an SKP form
    if state.roles is not None and len(compact) == 1 and position_row(texts, compact[0]):
        _open(state, compact[0], line)  # "LURAH SUKAJADI" merged across the long table
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
                _open(state, rest[0].split("\n")[0], line)
                return True
            return False
        _paragraph(state, line, f"{name.split()[-1] if 'tugas' not in name else 'TUGAS'} :")
        for text in rest:
            for part in text.split("\n"):
                _paragraph(state, line, part)
        return True
    if len(compact) == 2 and atasan_of(f"{compact[0]} : {compact[1]}"):
        _paragraph(state, line, f"{compact[0]} : {compact[1]}")
        return True
    if len(compact) == 1 and (title_of(compact[0]) or SECTION.match(compact[0])):
        for part in compact[0].split("\n"):
            _paragraph(state, line, part)
        return True
    return False


def _form_row(state: _State, line: int, texts: list[str]) -> bool:
    """A row of an SKP form's head (see :func:`.marks.form_row`); whether it was one."""
    form = form_row(texts, line, state.unit)
    if isinstance(form, tuple):
        _close(state)
        state.decree.blocks.append(form[0])
        state.block, state.section, state.iku = form[1], None, False
    return bool(form)


def _header(state: _State, texts: list[str]) -> bool:
    """Read a header row (or the second row of a split header); whether it was one."""
    roles = header_roles(texts)
    combined = sub_header(state.headers, texts) if state.header_row else None
    if combined is not None:
        state.headers = combined
        state.roles = [column_role(h) if h else "lain" for h in state.headers]
        return True
    if roles is None:
        return False
    state.headers, state.roles, state.header_row = texts, roles, True
    if roles.count("indikator") >= 2 and roles.count("kinerja") >= 2:
        _close(state)
        if state.titles is not None and state.decree.skipped:
            state.decree.skipped.pop()  # the level titles above the header: read, not skipped
        start(state, texts, state.titles)
        return True
    state.matrix = None
    upper = " ".join(texts).upper()
    if state.block is None and ("UTAMA" in upper or "STRATEGIS" in upper):
        state.iku = True
    return True


def _pad(texts: list[str], width: int) -> list[str]:
    return [*texts, *[""] * (width - len(texts))][:width]


def _skip(state: _State, line: int, texts: list[str], reason: str) -> None:
    text = " | ".join(t.replace("\n", " ") for t in texts if t)
    if state.sheet is not None:  # a workbook's line is a row of one of its sheets
        reason = f"{reason}; lembar «{state.sheet}» baris {line}"
    state.decree.skipped.append(Skipped(line, line, text, reason))


def _by_role(state: _State, row: TableRow) -> tuple[dict[str, str], dict[str, str], bool]:
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


def _data_row(state: _State, row: TableRow) -> None:
    assert state.roles is not None
    by_role, years, _ = _by_role(state, row)
    texts = _pad(_texts(row), len(state.roles))
    if "jabatan" in state.roles:
        nama = texts[state.roles.index("jabatan")]
        if nama and (state.block is None or " ".join(nama.split()) != state.block.nama):
            _open(state, nama, row.line)
    if state.block is None:
        _skip(state, row.line, texts, "baris tabel sebelum JABATAN pertama")
        return
    numbered = "no" in state.roles and bool(texts[state.roles.index("no")])
    if state.new_table and state.raw and not numbered and continues_row(by_role):
        previous = state.raw[-1]  # a row broken by the page: its rest joins the row above
        for role, text in zip(state.roles, texts, strict=False):
            if text and role not in ("no", "lain", "kode", "jabatan"):
                before = previous.cells.get(role, "")
                previous.cells[role] = f"{before} {text}".strip()
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
    outside = [t for t in _texts(row)[len(state.roles) :] if t and t not in texts]
    if outside:  # more cells than the header has columns: kept, and said
        extra = "sel di luar kolom kepala tabel: " + " | ".join(outside).replace("\n", " ")
        raw.note = "; ".join(n for n in (raw.note, extra) if n)
    state.raw.append(raw)
