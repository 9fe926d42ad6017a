"""The organisation chart as pokin orders and trusts it: units in the order of the chart
(the Camat's, the Sekretariat, its sub bagian, the seksi, the kelurahan) and the check that
no atasan chain goes round in a circle before a :class:`~pokin.graph.Cascade` reads it."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, is_
from typing import NoReturn

from .errors import TreeError
from .models import Jabatan, Peran, PohonKinerja

__all__ = ["NO_UNIT", "OrgChart", "UnsoundError", "read_chart", "refuse_cycles", "unit_rank"]


NO_UNIT = "(tanpa unit)"
"""The unit name shown for positions whose decree names no unit."""

_UNIT_KINDS = {
    "sekretariat": 1,
    "sub bagian": 2,
    "subbagian": 2,
    "seksi": 3,
    "kelurahan": 4,
    "desa": 4,
}


def unit_rank(unit: str) -> int:
    """Units in the order of the organisation chart: the Camat's, the Sekretariat, its
    sub bagian, the seksi, then the kelurahan; decree order within each (a stable sort).

    >>> sorted(["Kelurahan A", "Seksi B", "Sub Bagian C", "Sekretariat"], key=unit_rank)
    ['Sekretariat', 'Sub Bagian C', 'Seksi B', 'Kelurahan A']
    """
    name = unit.casefold()
    return next((rank for kind, rank in _UNIT_KINDS.items() if name.startswith(kind)), 5)


class UnsoundError(TreeError):
    """The tree was edited in memory and not normalised: :meth:`pokin.Cascade.of` normalises it."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the tree is not normalised ({what}): call tree.normalise() after editing it "
            "(pokin.check, the drawings and the reports do it for you)"
        )


def refuse_cycles(jabatan: dict[str, Jabatan]) -> None:
    """Raise :class:`UnsoundError` when an atasan chain goes round in a circle; linear."""
    done: set[str] = set()
    for start in jabatan:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current not in done:
            if current in on_path:
                raise UnsoundError(f"the atasan chain of {current!r} goes round in a circle")
            path.append(current)
            on_path.add(current)
            current = jabatan[current].atasan
        done.update(path)


def read_chart(jabatan: list[Jabatan]) -> tuple[dict[str, Jabatan], dict[str, list[str]]]:
    """The jabatan by id, and the ids of each one's subordinates in file order; raises
    :class:`UnsoundError` for the first jabatan without an id of its own, then an atasan
    that is no jabatan, then an atasan chain going round. Each read a column at a time."""
    ids, atasan = list(map(_ID, jabatan)), list(map(_ATASAN, jabatan))
    by_id = dict(zip(ids, jabatan, strict=True))
    if None in by_id or len(by_id) != len(ids) or not by_id.keys() >= set(atasan) - {None}:
        _refuse_chart(jabatan, by_id)
    bawahan: dict[str, list[str]] = {}
    for id, above in zip(ids, atasan, strict=True):
        if above is not None:
            bawahan.setdefault(above, []).append(id)
    if not _all_under_tops(ids, atasan, bawahan):
        refuse_cycles(by_id)  # some atasan chain goes round: it says which
    return by_id, bawahan


def _refuse_chart(jabatan: list[Jabatan], by_id: dict[str, Jabatan]) -> NoReturn:
    seen: set[str | None] = set()
    for one in jabatan:
        if one.id is None or one.id in seen:
            raise UnsoundError(f"jabatan {one.nama!r} has no id of its own")
        seen.add(one.id)
    for one in jabatan:
        if one.atasan is not None and one.atasan not in by_id:
            raise UnsoundError(f"the atasan of {one.id!r} is not a jabatan")
    raise AssertionError("no jabatan to refuse")  # pragma: no cover


def _all_under_tops(
    ids: list[str], atasan: list[str | None], bawahan: dict[str, list[str]]
) -> bool:
    """Whether every jabatan is under a top one (without atasan): each has one atasan at
    most, so exactly when no atasan chain goes round. A level of the chart at a time."""
    level = list(compress(ids, map(is_, atasan, repeat(None))))
    reached = len(level)
    while level:
        level = list(chain.from_iterable(map(bawahan.get, level, repeat(_NONE))))
        reached += len(level)
    return reached == len(ids)


_ID, _ATASAN = attrgetter("id"), attrgetter("atasan")
_NONE: Sequence[str] = ()


class OrgChart:
    """The organisation chart's queries, as :class:`~pokin.graph.Cascade` answers them."""

    tree: PohonKinerja
    jabatan: dict[str, Jabatan]
    _bawahan: dict[str, list[str]]  # atasan id -> subordinate ids, in file order

    def bawahan(self, jabatan_id: str) -> list[Jabatan]:
        """The direct subordinates of a jabatan, in file order."""
        return [self.jabatan[s] for s in self._bawahan.get(jabatan_id, ())]

    def atasan_chain(self, jabatan_id: str) -> list[Jabatan]:
        """The atasan of a jabatan, theirs, and so on to the top."""
        chain: list[Jabatan] = []
        current = self.jabatan[jabatan_id].atasan
        while current is not None:
            chain.append(self.jabatan[current])
            current = self.jabatan[current].atasan
        return chain

    @cached_property
    def levels(self) -> dict[str, int]:
        """The depth of each jabatan in the organisation chart (the top is 0)."""
        levels: dict[str, int] = {}
        for top in self.tree.top:
            queue = deque([str(top.id)])
            levels[str(top.id)] = 0
            while queue:
                current = queue.popleft()
                for sub in self._bawahan.get(current, ()):
                    levels[sub] = levels[current] + 1
                    queue.append(sub)
        return levels

    def by_peran(self, *peran: Peran | str) -> list[Jabatan]:
        """The jabatan with one of the given roles, in file order."""
        wanted = {Peran(p) for p in peran}
        return [j for j in self.tree.jabatan if j.peran in wanted]

    def by_unit(self, unit: str) -> list[Jabatan]:
        """The jabatan of a unit (case-insensitive), in file order."""
        key = unit.casefold()
        return [j for j in self.tree.jabatan if (j.unit or "").casefold() == key]

    @property
    def units(self) -> list[str]:
        """The units, in order of first appearance."""
        return list(dict.fromkeys(j.unit or "(tanpa unit)" for j in self.tree.jabatan))

    def _chain(self, jabatan_id: str) -> list[str]:
        chain, current = [], self.jabatan[jabatan_id].atasan
        while current is not None:
            chain.append(current)
            current = self.jabatan[current].atasan
        return chain
