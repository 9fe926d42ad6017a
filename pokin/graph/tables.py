"""What the checks read of every indikator and kinerja of a :class:`~pokin.graph.Cascade`,
read once per cascade: a field of every indikator (:meth:`Tables.column`), facts computed
from the cascade (:meth:`Tables.derived`), and the tables the cascade is built on, read-only.

A mixin of :class:`~pokin.graph.Cascade`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models import Indikator

if TYPE_CHECKING:
    from . import Cascade

__all__ = ["Tables"]

_READ_TOGETHER = (
    *("uraian", "id", "formulasi", "sumber_data", "satuan", "target"),
    *("level_hasil", "per_periode", "realisasi"),
)
"""The fields of an indikator the checks read of every one: the first asked for reads them
all in one pass over the models (each alone costs twice as much)."""
_T = TypeVar("_T")


class Tables:
    """Columns and derived facts of :class:`~pokin.graph.Cascade`."""

    indikator: list[Indikator]
    _columns: dict[str, Sequence[Any]]
    _derived: dict[Callable[[Cascade], Any], Any]
    _owner: dict[str, str | None]
    _kinerja_of: dict[str, str]

    def column(self, field: str) -> Sequence[Any]:
        """The ``field`` of every indikator (``"uraian"``, ``"target"`` ...), in
        :attr:`indikator` order: read from the models once per cascade, however many
        checks read it. A tuple: made straight from the pass over the models, not copied
        into a list."""
        try:
            return self._columns[field]
        except KeyError:
            pass
        fields = [f for f in _READ_TOGETHER if f not in self._columns]
        if field in fields and len(fields) > 1:  # in one pass with the others checks read
            rows = map(attrgetter(*fields), self.indikator)
            columns = list(zip(*rows, strict=True)) or [() for _ in fields]
            self._columns.update(zip(fields, columns, strict=True))
            return self._columns[field]
        values = self._columns[field] = tuple(map(attrgetter(field), self.indikator))
        return values

    @property
    def owner_ids(self) -> Mapping[str, str | None]:
        """The id of the jabatan owning each kinerja (``None`` for a sasaran, an indikator of
        the IKU table and :data:`ROOT`); an indikator of a jabatan is not in it: its owner is
        its kinerja's (:attr:`kinerja_holding`)."""
        return self._owner

    @property
    def kinerja_holding(self) -> Mapping[str, str]:
        """The kinerja holding each indikator of a jabatan, by the indikator's id (the IKU
        table's indicators are not in it)."""
        return self._kinerja_of

    def derived(self, compute: Callable[[Cascade], _T]) -> _T:
        """``compute(self)``, computed on first use and kept with the cascade: a fact several
        checks read (which indicators are percentages ...) is computed once per cascade, and
        only when a check that reads it runs."""
        try:
            return cast(_T, self._derived[compute])
        except KeyError:
            value = self._derived[compute] = compute(cast("Cascade", self))
            return value
