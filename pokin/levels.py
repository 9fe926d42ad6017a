"""The result level (``level_hasil``) of every kinerja and indikator, written or inferred.

A file may say the level of a kinerja or indikator (``level_hasil: immediate_outcome``);
where it does not, the level follows from who owns the node (PermenPAN-RB 89/2021: each
level of result is owned by a level of jabatan), and is marked as inferred:

==================================  ====================================================
owner                               level
==================================  ====================================================
the IKU table                       ultimate outcome
eselon III, or the camat            intermediate outcome
eselon IV, or sekretaris, kasubbag,  immediate outcome
kasi, lurah, sekretaris / kasi
kelurahan
staff (pelaksana, fungsional,       output
bendahara), or eselon V
==================================  ====================================================

An indikator without its own level takes its kinerja's, when the kinerja has one written.
The eselon, when the file gives it, decides before the role: eselon labels vary by pemda,
and a Lurah is eselon III in one kota and IV in another.

>>> from pokin import datasets
>>> from pokin.graph import Cascade
>>> levels = Levels(Cascade(datasets.load("sambutan-2023")))
>>> level = levels.of("camat.k1.i1")
>>> level.level.label, level.inferred, level.basis
('Intermediate Outcome', True, 'eselon III.a')
>>> levels.of("pengadministrasi-umum.k1.i1").level.label
'Output'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count, islice, repeat
from typing import cast
from weakref import WeakKeyDictionary

from .graph import Cascade
from .models import Indikator, Jabatan, Kinerja, LevelHasil, Peran, Sasaran

__all__ = ["Level", "Levels", "level_of_jabatan"]

_BY_PERAN = {
    Peran.CAMAT: LevelHasil.INTERMEDIATE_OUTCOME,
    Peran.SEKRETARIS: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.KASUBBAG: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.KASI: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.LURAH: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.SEKRETARIS_KELURAHAN: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.KASI_KELURAHAN: LevelHasil.IMMEDIATE_OUTCOME,
    Peran.BENDAHARA: LevelHasil.OUTPUT,
    Peran.PELAKSANA: LevelHasil.OUTPUT,
    Peran.FUNGSIONAL: LevelHasil.OUTPUT,
}

_BY_ESELON = {
    "II": LevelHasil.ULTIMATE_OUTCOME,
    "III": LevelHasil.INTERMEDIATE_OUTCOME,
    "IV": LevelHasil.IMMEDIATE_OUTCOME,
    "V": LevelHasil.OUTPUT,
}


@dataclass(frozen=True, slots=True)
class Level:
    """The level of one node: what it is, whether pokin inferred it, and from what."""

    level: LevelHasil
    inferred: bool
    basis: str  # "ditulis di berkas", "tabel IKU", "eselon III.a", "peran kasi"

    @property
    def label(self) -> str:
        """``Immediate Outcome (diturunkan dari peran kasi)`` or just the level."""
        if not self.inferred:
            return self.level.label
        return f"{self.level.label} (diturunkan dari {self.basis})"


def level_of_jabatan(jabatan: Jabatan) -> Level:
    """The level of the results a position owns, from its eselon or else its role."""
    eselon = (jabatan.eselon or "").strip().upper().removeprefix("ESELON").strip()
    roman = eselon.split(".")[0].split(" ")[0].split("/")[0]
    if roman in _BY_ESELON:
        return Level(_BY_ESELON[roman], True, f"eselon {jabatan.eselon}")
    return Level(_BY_PERAN[jabatan.peran], True, f"peran {jabatan.peran.value}")


class Levels:
    """The level of every node of a cascade (a view: build it again after edits)."""

    def __init__(self, cascade: Cascade) -> None:
        self.cascade = cascade
        self._holding = cascade.kinerja_holding

    @cached_property
    def _table(self) -> dict[str, Level]:
        table = _TABLES.get(self.cascade)
        if table is None:
            table = _TABLES[self.cascade] = _levels(self.cascade)
        return table

    def of(self, node_id: str) -> Level:
        """The level of a sasaran, kinerja or indikator; ``KeyError`` for other ids."""
        found = self.get(node_id)
        if found is None:
            raise KeyError(f"no sasaran, kinerja or indikator has the id {node_id!r}")
        return found

    def all(self) -> list[Level]:
        """The level of every sasaran, kinerja and indikator, in tree order."""
        get = self.get
        return [cast(Level, get(node)) for node in islice(self.cascade.nodes(), 1, None)]

    def get(self, node_id: str) -> Level | None:
        """The level of a node, or ``None`` (the organisasi node, an unknown id)."""
        found = self._table.get(node_id)
        if found is None:  # an indikator of a jabatan without a level of its own
            kinerja = self._holding.get(node_id)
            return None if kinerja is None else self._table[kinerja]
        return found

    def get_many(self, node_ids: Iterable[str]) -> list[Level | None]:
        """:meth:`get` of each of ``node_ids``, a column at a time (in C)."""
        ids = list(node_ids)
        table, holding = self._table, self._holding
        found = list(map(table.get, ids))
        if None not in found:
            return found
        # an indikator of a jabatan without a level of its own: its kinerja's
        held = map(table.get, map(holding.get, ids, repeat("")))
        return [
            level if level is not None else other for level, other in zip(found, held, strict=True)
        ]


_TABLES: WeakKeyDictionary[Cascade, dict[str, Level]] = WeakKeyDictionary()
"""The levels of each cascade, computed once: several rules ask for them."""


def _levels(cascade: Cascade) -> dict[str, Level]:
    """The level of the IKU table's nodes, of each kinerja, and of each indikator that has
    one written (the others take their kinerja's): a level per eselon and role."""
    table: dict[str, Level] = {}
    iku = Level(LevelHasil.ULTIMATE_OUTCOME, True, "tabel IKU")
    for sasaran in cascade.tree.iku:
        table[str(sasaran.id)] = _written(sasaran) or iku
        for indikator in sasaran.indikator:
            table[str(indikator.id)] = _written(indikator) or iku
    written = _WRITTEN
    owners: dict[tuple[str | None, str], Level] = {}  # a level per eselon and role
    by_jabatan: dict[str | None, Level] = {}
    for id, jabatan in cascade.jabatan.items():
        key = (jabatan.eselon, jabatan.peran._value_)
        by_jabatan[id] = owners.get(key) or owners.setdefault(key, level_of_jabatan(jabatan))
    # each kinerja: its owner's level (a column at a time, in C), or its own written one
    kinerja = cascade.kinerja_ids
    levels = list(map(by_jabatan.__getitem__, map(cascade.owner_ids.__getitem__, kinerja)))
    own_kinerja = [k.level_hasil for _, k in cascade.kinerja_rows]
    for n in compress(count(), own_kinerja):
        levels[n] = written[cast(LevelHasil, own_kinerja[n])]
    table.update(zip(kinerja, levels, strict=True))
    start = len(cascade.indikator) - len(cascade.kinerja_holding)  # the IKU table's first
    own = cascade.column("level_hasil")[start:]
    if any(own):
        ids = cascade.column("id")[start:]
        table.update((ids[n], written[own[n]]) for n in compress(count(), own))
    return table


def _written(node: Sasaran | Kinerja | Indikator) -> Level | None:
    value = getattr(node, "level_hasil", None)
    return _WRITTEN[value] if value is not None else None


_WRITTEN = {value: Level(value, False, "ditulis di berkas") for value in LevelHasil}
