"""Join an IKU document and an IKI document of one organisasi into one tree.

An office often publishes its IKU (an e-SAKIP page, a Renstra annex: sasaran strategis,
IKU, targets per year) apart from the IKI decree of its positions. ``pokin import
iku.pdf iki.docx -o kecamatan.yaml --merge`` (or :func:`merge_trees`) takes the IKU table
of the one and the positions of the other; the organisasi must be the same (its name, when
both documents give one), and only one document may bring an IKU table, only one the
positions - nothing is overwritten silently.
"""

from __future__ import annotations

from .._text import fold
from ..errors import ImportDocumentError
from ..models import PohonKinerja, Sasaran
from .build import UNKNOWN_KECAMATAN

__all__ = ["merge_trees"]


def merge_trees(trees: list[tuple[str, PohonKinerja]]) -> PohonKinerja:
    """One tree from ``(source, tree)`` pairs: the IKU of one, the jabatan of another."""
    named = [(source, tree) for source, tree in trees if tree.organisasi.nama != UNKNOWN_KECAMATAN]
    names = {fold(tree.organisasi.nama) for _, tree in named}
    if len(names) > 1:
        listed = "; ".join(f"{source}: {tree.organisasi.nama}" for source, tree in named)
        raise ImportDocumentError(
            f"dokumen-dokumen ini dari organisasi yang berbeda ({listed})",
            path=trees[0][0],
            hint="--merge menggabungkan dokumen IKU dan IKI dari satu kecamatan; impor "
            "dokumen kecamatan lain tanpa --merge",
        )
    with_iku = [(s, t) for s, t in trees if t.iku]
    with_jabatan = [(s, t) for s, t in trees if t.jabatan]
    for what, found in (("tabel IKU", with_iku), ("blok jabatan", with_jabatan)):
        if len(found) > 1:
            raise ImportDocumentError(
                f"lebih dari satu dokumen memuat {what}: "
                + ", ".join(source for source, _ in found),
                path=found[1][0],
                hint="--merge menggabungkan satu dokumen IKU dengan satu dokumen IKI; "
                "impor dokumen lainnya terpisah",
            )
    base = (with_jabatan or named or trees)[0][1]
    iku_tree = with_iku[0][1] if with_iku else None
    # the IKI decree is the year's document: its organisasi (tahun, nomor, judul) leads;
    # an IKU page over a Renstra period brings the periode when the IKI decree has none
    organisasi = base.organisasi if base.organisasi.nama != UNKNOWN_KECAMATAN else None
    organisasi = organisasi or (named or trees)[0][1].organisasi
    if iku_tree is not None and organisasi.periode is None and iku_tree.organisasi.periode:
        organisasi = organisasi.model_copy(update={"periode": iku_tree.organisasi.periode})
    iku = _targets_of_year(iku_tree.iku, organisasi.tahun) if iku_tree is not None else []
    sources = ", ".join(source for source, _ in trees)
    catatan = f"{organisasi.catatan or ''} Digabung oleh pokin dari {sources}.".strip()
    merged = base.model_copy(
        update={"iku": iku, "organisasi": organisasi.model_copy(update={"catatan": catatan})}
    )
    return PohonKinerja.model_validate(merged.model_dump(mode="python", exclude_none=True))


def _targets_of_year(iku: list[Sasaran], tahun: int | None) -> list[Sasaran]:
    """The IKU with each indicator's ``target`` the one of ``tahun`` where its
    ``per_periode`` gives that year (every year stays in ``per_periode``)."""
    if tahun is None:
        return iku
    result = []
    for sasaran in iku:
        indikator = []
        for item in sasaran.indikator:
            year = item.periode(str(tahun))
            if year is not None and year.target:
                item = item.model_copy(update={"target": year.target})
            indikator.append(item)
        result.append(sasaran.model_copy(update={"indikator": indikator}))
    return result
