"""A position being placed by the tree builder: its block, what its title says, its
peran, level, unit and atasan as inferred, and the notes that say how."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Peran
from .parts import Block
from .roles import TitleInfo

__all__ = ["UNKNOWN_KELURAHAN", "Pos", "lurah_of", "set_atasan"]

UNKNOWN_KELURAHAN = "Kelurahan (tidak disebut)"
"""The unit of a kelurahan position whose kelurahan the decree does not name."""


@dataclass
class Pos:
    block: Block
    info: TitleInfo
    peran: Peran
    level: str
    unit: str
    id: str = ""
    atasan: Pos | None = None
    inferensi: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def set_atasan(pos: Pos, atasan: Pos | None, why: str) -> None:
    if atasan is None:
        pos.notes.append(f"Tanpa atasan: keputusan tidak memuat blok {why.split(' (')[0]}.")
        return
    pos.atasan = atasan
    pos.notes.append(f"Atasan disimpulkan: {why}.")


def lurah_of(pos: Pos, lurah: list[Pos]) -> Pos | None:
    named = [p for p in lurah if p.unit == pos.unit] if pos.unit else []
    if named:
        return named[0]
    units = {p.unit for p in lurah}
    return lurah[0] if len(units) == 1 and lurah else None
