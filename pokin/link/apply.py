"""Writing proposals into a tree, and taking every link out of one (see :mod:`pokin.link`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import Indikator, Kinerja, PohonKinerja

if TYPE_CHECKING:
    from . import Proposal

__all__ = ["apply_links", "strip_links"]


def apply_links(tree: PohonKinerja, proposals: Iterable[Proposal]) -> PohonKinerja:
    """A copy of ``tree`` with the proposals written as links awaiting review.

    The tree itself is not changed. Each proposal becomes ``Tautan(ke=..., asal=inferensi,
    skor=..., alasan=..., status=usulan)`` in the ``mendukung`` of its kinerja or
    indikator, so :func:`pokin.save` writes it and a planner confirms it (``status:
    diterima``) or rejects it (``status: ditolak``) in the YAML. A proposal for a link that
    the node already has (to the same ``ke``, in any state) is skipped.

    Raises:
        KeyError: a proposal names a node that is not in the tree.
    """
    result = tree.model_copy(deep=True)
    holders: dict[str, Kinerja | Indikator] = {}
    for _, kinerja in result.iter_kinerja():
        holders[str(kinerja.id)] = kinerja
        holders.update((str(i.id), i) for i in kinerja.indikator)
    for proposal in proposals:
        try:
            holder = holders[proposal.dari]
        except KeyError:
            raise KeyError(f"no kinerja or indikator has the id {proposal.dari!r}") from None
        if all(link.ke != proposal.ke for link in holder.mendukung):
            holder.mendukung.append(proposal.to_tautan())
    return result


def strip_links(tree: PohonKinerja) -> PohonKinerja:
    """A copy of ``tree`` without any link, as a decree imported to YAML arrives."""
    result = tree.model_copy(deep=True)
    for _, kinerja in result.iter_kinerja():
        kinerja.mendukung.clear()
        for ind in kinerja.indikator:
            ind.mendukung.clear()
    return result
