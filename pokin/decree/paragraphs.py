"""The paragraphs of a decree being assembled (see :mod:`.assemble`): position titles,
TUGAS / FUNGSI, atasan, kelurahan headings, the IKU title, a "Kinerja : X" line; the state
the assembly keeps, opening and closing position blocks, and what it skips."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import strip_list_punctuation
from .header import title_case
from .headings import Held, heading_line
from .marks import (
    CLOSING,
    FURNITURE,
    IKU_TITLE,
    RUNNING_HEAD,
    SECTION,
    SIGNATORY,
    UNIT_HEADING,
    atasan_of,
    fungsi_items,
    head_field,
    names_superior,
    second_party,
    title_of,
    titled_block,
)
from .matrix import finish
from .pairing import unit_in_target
from .parts import Block, ParsedDecree, Skipped
from .rawrows import RawRow, raw_rows

__all__ = ["State", "aside", "close_block", "open_block", "paragraph", "release", "skip"]

IKI_TITLE = re.compile(r"^\W*INDIKATOR\s+KINERJA\s+INDIVIDU\b", re.IGNORECASE)
"""The heading of a decree's IKI part: the IKU table above it has ended."""


@dataclass
class State:
    decree: ParsedDecree
    block: Block | None = None
    section: str | None = None
    roles: list[str] | None = None
    headers: list[str] = field(default_factory=list)
    header_row: bool = False  # the row before was a header row
    iku: bool = False
    raw: list[RawRow] = field(default_factory=list)
    new_table: bool = False
    broken: bool = False  # the last table read ended in a row the page break cut
    cut_page: int = 0  # the page of that table
    carried: int | None = None  # this table's page when its first row is that row's rest
    matrix: object | None = None
    titles: list[str] | None = None  # the row before, when it was skipped (level titles?)
    unit: str | None = None  # the kelurahan a heading placed the next blocks in
    fungsi_level: int = 0  # the numbering level of the block's fungsi items
    fungsi_marked: bool = False  # its fungsi items open with "a." / "1." written out
    sheet: str | None = None  # the workbook sheet being read (named in what is skipped)
    behaviour: bool = False  # in an SKP form's PERILAKU KERJA part
    kinerja: str = ""  # "Kinerja : X" written above a table without a kinerja column
    late: bool = False  # a TUGAS / FUNGSI label written after the block's table
    signed: bool = False  # past the decree's signature (place and date, "CAMAT X,")
    held: Held = field(default_factory=Held)  # heading lines after a table (:mod:`.headings`)


def paragraph(state: State, line: int, text: str, level: int = 0) -> None:
    text = " ".join(text.split())
    if not text or FURNITURE.match(text):
        return
    title = title_of(text)
    if title is not None:
        open_block(state, title, line)
        return
    if state.broken and state.block is not None:  # not a table: the cut row's rest is lost
        state.broken = False
        state.decree.notes.append((line, _REST_AS_TEXT.format(page=state.cut_page)))
    if not heading_line(text, going_on=True):
        release(state.held, state.decree, state.block)
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
        state.held.take()
        close_block(state)
        state.unit = title_case(unit.group(1)) if unit.group(2) != "KECAMATAN" else None
        return
    if IKU_TITLE.match(text) and "INDIVIDU" not in text.upper() and len(text) < 90:
        if state.block is None or state.block.rows or state.raw:
            close_block(state)
            state.iku, state.roles = True, None
        return
    if state.iku and IKI_TITLE.match(text):  # "INDIKATOR KINERJA INDIVIDU": IKU table ends
        state.iku, state.roles = False, None
        return
    kinerja = _KINERJA_LINE.match(text)
    if kinerja and state.block is not None:  # "Kinerja : X" over a table of its indicators
        state.kinerja, state.section = kinerja.group(1).strip(), None
        return
    section = SECTION.match(text)
    if section and state.block is not None:
        state.section = "tugas" if section.group(1).lower().startswith("tugas") else "fungsi"
        state.late = bool(state.raw)  # "TUGAS : ..." below the table is the block's too
        text = (section.group(2) or "").strip()
        if not text:
            return
    block = state.block
    if block is None:
        return
    if state.signed or CLOSING.match(text) or SIGNATORY.match(text):
        state.signed = True  # the decree's signature block: no text of the position
        return
    if state.section is None or (state.raw and not state.late):
        if heading_line(text, going_on=bool(state.held.lines)):
            state.held.lines.append((line, text))  # whose it is, the next line says
            return
        release(state.held, state.decree, state.block)
        aside(state.decree, block, line, text)
        return
    if state.section == "tugas":
        block.tugas = f"{block.tugas} {text}".strip()
        return
    _fungsi(state, block, text, level)


_REST_AS_TEXT = (
    "baris tabel terakhir di halaman {page} terpotong pindah halaman, tetapi lanjutannya "
    "tidak terbaca sebagai tabel: teksnya dibaca sebagai teks jabatan ini (lihat catatannya); "
    "periksa sel baris itu di dokumen aslinya"
)


def aside(decree: ParsedDecree, block: Block, line: int, text: str) -> None:
    """A paragraph in a position block that is no TUGAS / FUNGSI text and no table row
    (most often one written below the table): kept in the position's catatan, and said.
    The decree's own running heads and header fields are passed over."""
    if RUNNING_HEAD.match(text) or head_field(text):
        return
    block.catatan = f"{block.catatan} Teks keputusan di blok ini (baris {line}): {text}".strip()
    decree.notes.append(
        (
            line,
            f"teks di blok {block.nama} yang bukan tugas, fungsi atau baris tabel; "
            "disimpan di catatan jabatannya",
        )
    )


def release(held: Held, decree: ParsedDecree, block: Block | None) -> None:
    """Give the held heading lines back to the block they were read in (no position's
    title came after them): its catatan, as any other text there (every reader that holds
    heading lines: paragraphs, markdown)."""
    for line, text in held.take():
        if block is not None:
            aside(decree, block, line, text)


def _fungsi(state: State, block: Block, text: str, level: int) -> None:
    """A paragraph of the block's FUNGSI list: new items, or the rest of the item above."""
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


def open_block(state: State, title: str, line: int) -> None:
    state.held.take()  # the heading above a position's title: no one's text
    close_block(state)
    state.block = titled_block(title, line, state.unit)
    state.section, state.iku, state.behaviour, state.kinerja = None, False, False, ""
    state.late = state.signed = state.broken = False  # no row's rest after a new title


def close_block(state: State) -> None:
    """Finish the block being read: its raw rows become rows; the block joins the decree."""
    release(state.held, state.decree, state.block)
    if state.matrix is not None:
        finish(state)
    block = state.block
    if block is None:
        return
    roles = state.roles or []
    for raw in state.raw:
        block.rows.extend(
            raw_rows(
                raw,
                target_in_formula="target" not in roles,
                unit_in_target=unit_in_target(roles),
            )
        )
    state.decree.blocks.append(block)
    state.block, state.raw, state.section = None, [], None


def skip(state: State, line: int, texts: list[str], reason: str) -> None:
    spans = [t for n, t in enumerate(texts) if t and (not n or t != texts[n - 1])]
    text = " | ".join(t.replace("\n", " ") for t in spans)  # a merged cell's text once
    if state.sheet is not None:  # a workbook's line is a row of one of its sheets
        reason = f"{reason}; lembar «{state.sheet}» baris {line}"
    state.decree.skipped.append(Skipped(line, line, text, reason))
