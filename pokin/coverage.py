"""Coverage: the share of positions and indicators that reach an IKU, per unit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from .chart import NO_UNIT, unit_rank
from .graph import Cascade
from .models import Peran

__all__ = ["NO_IKU", "NO_JABATAN", "Coverage", "UnitCoverage", "coverage", "coverage_note"]

NO_IKU = "Tanpa IKU (PK103): cakupan dihitung terhadap jabatan puncak, bukan terhadap IKU"
"""The note beside coverage figures of a tree without IKU table nor Camat."""

NO_JABATAN = "Berkas ini tidak memuat jabatan: tidak ada cakupan yang dapat dihitung"
"""The note beside the (empty) coverage figures of a tree without any jabatan."""


def coverage_note(cascade: Cascade) -> str | None:
    """What the coverage figures of ``cascade`` are measured against, when it is not the
    IKU: :data:`NO_IKU`, or :data:`NO_JABATAN` for a tree with no position at all (whose
    figures are dashes, and whose PK103 already says there is no IKU)."""
    if not cascade.tree.jabatan:
        return NO_JABATAN
    return None if cascade.has_iku else NO_IKU


@dataclass(frozen=True, slots=True)
class UnitCoverage:
    """How much of one unit reaches an IKU."""

    unit: str
    jabatan: int
    jabatan_reached: int
    indikator: int
    indikator_reached: int
    jabatan_confirmed: int = 0
    """Positions that reach an IKU through declared or accepted links only."""
    indikator_confirmed: int = 0
    """Indicators that reach an IKU through declared or accepted links only."""

    @property
    def jabatan_share(self) -> float | None:
        """Share of positions with at least one kinerja that reaches an IKU (0 to 1);
        ``None`` when there is no position to count (printed "—", never "0,0%")."""
        return self.jabatan_reached / self.jabatan if self.jabatan else None

    @property
    def indikator_share(self) -> float | None:
        """Share of indicators with a path up to an IKU (0 to 1); ``None`` without any."""
        return self.indikator_reached / self.indikator if self.indikator else None

    @property
    def jabatan_confirmed_share(self) -> float | None:
        """Like :attr:`jabatan_share`, counting no unreviewed proposal (``usulan``)."""
        return self.jabatan_confirmed / self.jabatan if self.jabatan else None

    @property
    def indikator_confirmed_share(self) -> float | None:
        """Like :attr:`indikator_share`, counting no unreviewed proposal (``usulan``)."""
        return self.indikator_confirmed / self.indikator if self.indikator else None

    @property
    def proposed(self) -> int:
        """Indicators that reach an IKU only through a proposal awaiting review."""
        return self.indikator_reached - self.indikator_confirmed

    def to_record(self) -> dict[str, Any]:
        """A flat dict, shares included (``None`` where nothing is counted)."""
        record = asdict(self)
        for name in _SHARES:
            share = getattr(self, name)
            record[name] = None if share is None else round(share, 4)
        return record


@dataclass(frozen=True, slots=True)
class Coverage:
    """Coverage per unit, in the order units first appear, and for the whole tree."""

    units: tuple[UnitCoverage, ...]
    total: UnitCoverage

    def __iter__(self) -> Iterator[UnitCoverage]:
        return iter(self.units)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per unit, then the total."""
        return [u.to_record() for u in (*self.units, self.total)]


def coverage(cascade: Cascade) -> Coverage:
    """The share of positions and of indicators that reach an IKU, per unit.

    ``*_reached`` counts every active link, proposals awaiting review (``status: usulan``)
    included; ``*_confirmed`` counts declared and accepted links only, so a unit that
    reaches its IKU through a guess shows it.
    """
    reached, confirmed = cascade.reached, cascade.confirmed
    tally: dict[str, list[int]] = {}
    for jabatan in cascade.tree.jabatan:
        row = tally.setdefault(jabatan.unit or NO_UNIT, [0] * len(_COUNTS))
        row[0] += 1
        row[1] += any(k.id in reached for k in jabatan.kinerja)
        row[4] += any(k.id in confirmed for k in jabatan.kinerja)
        for indikator in jabatan.iter_indikator():
            row[2] += 1
            row[3] += indikator.id in reached
            row[5] += indikator.id in confirmed
    tops = {j.unit or NO_UNIT for j in cascade.tree.top if j.peran is Peran.CAMAT}
    order = sorted(tally, key=lambda unit: 0 if unit in tops else unit_rank(unit))
    units = tuple(UnitCoverage(unit, *tally[unit]) for unit in order)
    total = UnitCoverage("Jumlah", *(sum(getattr(u, f) for u in units) for f in _COUNTS))
    return Coverage(units, total)


_COUNTS = (
    "jabatan",
    "jabatan_reached",
    "indikator",
    "indikator_reached",
    "jabatan_confirmed",
    "indikator_confirmed",
)

_SHARES = (
    "jabatan_share",
    "indikator_share",
    "jabatan_confirmed_share",
    "indikator_confirmed_share",
)
