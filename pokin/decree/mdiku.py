"""The IKU table of a markdown decree (see :mod:`.markdown`): coded sasaran and indicators.

A row may hold a coded sasaran (``S.1``), its indicators (``I.K.S.1.1``), or both; a two-column
table writes an indicator's explanation and "Sumber Data" on the lines under it.
"""

from __future__ import annotations

from typing import Protocol

from .columns import is_quarter, year_of
from .ikutable import iku_indikator, same_sasaran
from .items import CODE_INDIKATOR, CODE_SASARAN, split_code
from .markup import Cell, read_cell
from .pairing import pair_cells, unit_in_target
from .parts import IkuIndikator, IkuSasaran, ParsedDecree, Skipped

__all__ = ["FIELDS", "MarkdownTable", "cells_by_role", "iku_row"]


class MarkdownTable(Protocol):
    """What the markdown reader's state gives the IKU rows."""

    decree: ParsedDecree
    iku_sumber: bool  # the rows being read are a "Sumber Data" (Kebomas style)
    roles: list[str] | None
    headers: list[str]


FIELDS = ("kinerja", "indikator", "formulasi", "sumber_data", "satuan", "target")
"""The row fields, in the order :func:`.pairing.pair_cells` takes them."""


def cells_by_role(state: MarkdownTable, cells: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """A row's raw cells by role (the first column of a role), and its targets per year
    ("Target 2025 | Target 2026" columns)."""
    raw: dict[str, str] = {}
    years: dict[str, str] = {}
    headers = [*state.headers, *[""] * len(cells)]
    for role, cell, head in zip(state.roles or [], cells, headers, strict=False):
        year = year_of(head) if role == "target" else None
        if year:
            years[year] = read_cell(cell).text
            if is_quarter(year):
                continue  # in per_periode, not the annual target
        if role not in raw or not raw[role]:
            raw[role] = cell
    return raw, years


def iku_row(state: MarkdownTable, number: int, line: str, cells: list[str]) -> None:
    """Add one row of the IKU table: a coded sasaran, its indicator(s), or both."""
    raw, years = cells_by_role(state, cells)
    iku = state.decree.iku
    code_cell = read_cell(raw.get("kode", "") or raw.get("no", ""))
    sasaran_text = read_cell(raw.get("kinerja", "")).text
    indikator = read_cell(raw.get("indikator", ""))
    items = indikator.items or ([indikator.text] if indikator.text else [])
    codes = code_cell.items or ([code_cell.text] if code_cell.text else [])
    if not sasaran_text and len(items) == 1:  # one text column: the code says what it is
        code, rest = split_code(items[0])
        code = code or (codes[0] if codes else None)
        if code and CODE_SASARAN.fullmatch(code):
            iku.append(IkuSasaran(number, rest, code))
            state.iku_sumber = False
            return
        two_columns = not {"formulasi", "sumber_data"} & set(state.roles or [])
        if (
            code is None
            and two_columns
            and iku
            and iku[-1].indikator
            and iku[-1].indikator[-1].kode
        ):
            _describe(state, iku[-1].indikator[-1], items[0])
            return
    if sasaran_text:
        code, rest = split_code(sasaran_text)
        if code is None and codes and CODE_SASARAN.fullmatch(codes[0]):
            code, codes = codes[0], codes[1:]
        if not same_sasaran(iku, rest, code):  # else a merged cell written on each row
            iku.append(IkuSasaran(number, rest, code))
    if not items:
        return
    if not iku:
        state.decree.skipped.append(
            Skipped(number, number, line.strip(), "indikator IKU sebelum sasaran mana pun")
        )
        return
    rows = pair_cells(
        Cell(""),
        indikator,
        *(read_cell(raw.get(role, "")) for role in FIELDS[2:]),
        target_in_formula=False,
    )
    state.iku_sumber = False
    penanggung_jawab = read_cell(raw.get("penanggung_jawab", "")).text
    for n, row in enumerate(rows):
        code, text = split_code(row.indikator)
        if code is None and len(codes) == len(rows) and CODE_INDIKATOR.fullmatch(codes[n]):
            code = codes[n]
        by_role = {
            "formulasi": row.formulasi,
            "sumber_data": row.sumber_data,
            "satuan": row.satuan,
            "target": row.target,
            "penanggung_jawab": penanggung_jawab,
        }
        one = len(rows) == 1  # several indicators in one cell: whose year is which is unsaid
        iku[-1].indikator.append(
            iku_indikator(
                number,
                text,
                code,
                by_role,
                years if one else {},
                catatan=row.catatan,
                unit_in_target=unit_in_target(state.roles or []),
            )
        )


def _describe(state: MarkdownTable, indikator: IkuIndikator, text: str) -> None:
    """A line under a coded IKU indicator: its explanation, or "Sumber Data" and its source."""
    if text.casefold().strip(" :") == "sumber data":
        state.iku_sumber = True
    elif state.iku_sumber:
        indikator.sumber_data = f"{indikator.sumber_data} {text}".strip()
    else:
        indikator.formulasi = f"{indikator.formulasi} {text}".strip()
