"""A data row of a position table by role, before its cells are split into items, and the
split itself (:func:`raw_rows`, through :func:`.pairing.pair_cells`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .marks import grid_cell
from .pairing import pair_cells
from .parts import Row, put_polaritas, put_realisasi

__all__ = ["FIELDS", "RawRow", "raw_rows"]


@dataclass
class RawRow:
    """A data row of a position table, by role, before its cells are split into items."""

    line: int
    cells: dict[str, str]
    targets: dict[str, str] = field(default_factory=dict)  # year -> target
    note: str = ""
    kept: str = ""  # cells of columns pokin has no field for (:mod:`.othercols`)


def raw_rows(raw: RawRow, *, target_in_formula: bool, unit_in_target: bool = False) -> list[Row]:
    cells = {role: grid_cell(raw.cells.get(role, "")) for role in FIELDS}
    result = []
    for item in pair_cells(
        *(cells[r] for r in FIELDS),
        target_in_formula=target_in_formula,
        unit_in_target=unit_in_target,
    ):
        row = item.to_row(raw.line, note=raw.note)
        row.per_tahun = dict(raw.targets) if len(raw.targets) > 1 else {}
        row.intervensi = raw.cells.get("kinerja_atasan", "")
        row.kept = raw.kept
        result.append(row)
    put_realisasi(result, raw.cells.get("realisasi", ""))
    put_polaritas(result, raw.cells.get("polaritas", ""))
    return result


FIELDS = ("kinerja", "indikator", "formulasi", "sumber_data", "satuan", "target")
