"""The whole tree: :class:`PohonKinerja`, validated with its references resolved."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import (
    Field,
    ValidationInfo,
    model_validator,
)

from .._text import format_number
from ..errors import UnknownIdError
from .fields import FORMAT_VERSION, Model
from .parts import Indikator, Jabatan, Kinerja, Organisasi, Sasaran
from .references import dotted, ensure_sound, resolve_references

__all__ = ["PohonKinerja"]


class PohonKinerja(Model):
    """A whole pohon kinerja: one organisasi, its IKU table and its positions.

    Validation fills in missing ids (see ``docs/format.md``), resolves links given by text,
    and checks every reference: unique ids, an existing ``atasan`` without cycles, links
    that point at something. Pass ``context={"defer_references": True}`` to
    ``model_validate`` to get the problems from :func:`resolve_references` yourself (the
    generated ids too: call it before reading the tree).
    """

    pokin: Literal[1] = FORMAT_VERSION
    organisasi: Organisasi
    iku: list[Sasaran] = Field(default_factory=list)
    jabatan: list[Jabatan] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> PohonKinerja:
        if info.context and info.context.get("defer_references"):
            return self  # the ids too: resolve_references gives the missing ones
        problems = resolve_references(self)
        if problems:
            raise ValueError(
                "; ".join(f"{dotted(p.path)}: {p.message}" for p in problems[:5])
                + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
            )
        return self

    def normalise(self) -> PohonKinerja:
        """Make a tree edited in memory whole again, and return it: ids for the nodes added
        without one, links given by text resolved to ids, every reference checked as
        :func:`pokin.load` does. A loaded tree is already normalised; :class:`pokin.Cascade`
        only reads, so call this after editing (:func:`pokin.check`, the drawings and the
        reports call it for you when they find the tree edited).

        Raises:
            TreeError: an id is used twice, a link or an atasan points nowhere, ...
        """
        ensure_sound(self)
        return self

    # -- navigation ------------------------------------------------------------------------

    def iter_kinerja(self) -> Iterator[tuple[Jabatan, Kinerja]]:
        """Every (jabatan, kinerja) pair, in file order."""
        for jabatan in self.jabatan:
            for kinerja in jabatan.kinerja:
                yield jabatan, kinerja

    def iter_indikator(self) -> Iterator[tuple[Jabatan | None, Indikator]]:
        """Every (owner, indikator) pair; the owner is ``None`` for IKU indicators."""
        for sasaran in self.iku:
            for indikator in sasaran.indikator:
                yield None, indikator
        for jabatan in self.jabatan:
            for indikator in jabatan.iter_indikator():
                yield jabatan, indikator

    def get_jabatan(self, id: str) -> Jabatan:
        """The jabatan with this id; :class:`~pokin.errors.UnknownIdError` (a ``KeyError``)
        naming the known ids otherwise."""
        for jabatan in self.jabatan:
            if jabatan.id == id:
                return jabatan
        known = ", ".join(str(j.id) for j in self.jabatan[:12])
        more = ", ..." if len(self.jabatan) > 12 else ""
        raise UnknownIdError(
            f"tidak ada jabatan ber-id «{id}» (id yang ada: {known}{more}; "
            "`pokin show` mencetak semua id)"
        )

    @property
    def top(self) -> list[Jabatan]:
        """The positions without atasan (normally just the Camat)."""
        return [j for j in self.jabatan if j.atasan is None]

    def summary(self) -> str:
        """``"77 jabatan, 659 kinerja, 2.039 indikator + 2 IKU"``: the positions' indicators
        and the IKU table's counted apart, as every report writes them (a planner's text:
        thousands with a dot, the Indonesian way)."""
        kinerja = sum(len(j.kinerja) for j in self.jabatan)
        indikator = sum(1 for j in self.jabatan for _ in j.iter_indikator())
        iku = sum(len(s.indikator) for s in self.iku)
        n = format_number
        text = f"{n(len(self.jabatan))} jabatan, {n(kinerja)} kinerja, {n(indikator)} indikator"
        return text + (f" + {n(iku)} IKU" if iku else "")

    def __repr__(self) -> str:
        return f"<PohonKinerja {self.organisasi.nama!r}: {self.summary()}>"
