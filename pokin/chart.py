"""The organisation chart as pokin orders and trusts it: units in the order of the chart
(the Camat's, the Sekretariat, its sub bagian, the seksi, the kelurahan) and the check that
no atasan chain goes round in a circle before a :class:`~pokin.graph.Cascade` reads it."""

from __future__ import annotations

from .errors import TreeError
from .models import Jabatan

__all__ = ["NO_UNIT", "UnsoundError", "refuse_cycles", "unit_rank"]


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
