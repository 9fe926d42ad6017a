"""A planner's verdict on a suggested or proposed link, written into the tree.

Accepting makes the link count and leaves it to the planner; rejecting keeps the pair out
of every later proposal and suggestion (:func:`~pokin.link.infer_links`,
:func:`~pokin.link.suggest_links`).
"""

from __future__ import annotations

from ..models import Asal, Indikator, Kinerja, PohonKinerja, Status, Tautan

__all__ = ["review"]


def review(tree: PohonKinerja, dari: str, ke: str, *, diterima: bool) -> PohonKinerja:
    """A copy of ``tree`` with the planner's verdict on the pair written on ``dari``.

    Accepting writes ``Tautan(ke, asal=inferensi, status=diterima)``: a link that counts
    and that inference leaves alone. Rejecting writes ``status: ditolak``: the pair is
    never suggested nor proposed again (for the kinerja and its indicators alike). An
    earlier verdict or proposal for the same pair is replaced, its evidence (``skor`` and
    ``alasan``) kept: a reviewer later sees why the link was proposed.

    Raises:
        KeyError: ``dari`` names no kinerja or indikator of the tree.
    """
    result = tree.model_copy(deep=True)
    holder: Kinerja | Indikator | None = None
    for _, kinerja in result.iter_kinerja():
        if str(kinerja.id) == dari:
            holder = kinerja
        holder = holder or next((i for i in kinerja.indikator if str(i.id) == dari), None)
    if holder is None:
        raise KeyError(f"no kinerja or indikator has the id {dari!r}")
    status = Status.DITERIMA if diterima else Status.DITOLAK
    earlier = next((t for t in holder.mendukung if str(t.ke) == ke and t.skor is not None), None)
    holder.mendukung[:] = [t for t in holder.mendukung if str(t.ke) != ke]
    skor, why = (earlier.skor, earlier.alasan) if earlier else (None, None)
    holder.mendukung.append(
        Tautan(ke=ke, asal=Asal.INFERENSI, status=status, skor=skor, alasan=why)
    )
    return result
