"""A stable, readable text of a tree, one fact per line: what ``git diff`` compares when a
pokin YAML file is given the textconv of the README (``pokin show``).

Each line names the node it belongs to, so a changed target shows as one changed line under
its indicator, not as YAML indentation noise; the order is the file's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Indikator, PohonKinerja, Tautan

__all__ = ["show"]

_FIELDS = ("formulasi", "sumber_data", "satuan", "target", "realisasi")


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _links(links: list[Tautan]) -> Iterator[str]:
    for link in links:
        mark = ""
        if link.status is not None:
            mark = f" ({link.asal.value}, {link.status.value})"
        yield f"mendukung: {link.ke or link.teks}{mark}"


def _indikator(indikator: Indikator, prefix: str) -> Iterator[str]:
    yield f"{prefix}indikator {indikator.id}: {_flat(indikator.uraian)}"
    for name in _FIELDS:
        value = getattr(indikator, name)
        if value:
            yield f"{prefix}  {name}: {_flat(value)}"
    if indikator.polaritas != "naik":
        yield f"{prefix}  polaritas: {indikator.polaritas}"
    if indikator.per_periode:
        if indikator.akumulasi != "kumulatif":
            yield f"{prefix}  akumulasi: {indikator.akumulasi}"
        for p in indikator.per_periode:
            yield f"{prefix}  {p.periode}: target {p.target or '–'}, realisasi {p.realisasi or '–'}"
    yield from (f"{prefix}  {line}" for line in _links(indikator.mendukung))


def show(tree: PohonKinerja) -> str:
    """The readable text of ``tree`` (see the module)."""
    org = tree.organisasi
    out = [f"organisasi: {org.nama}" + (f" ({org.pemerintah})" if org.pemerintah else "")]
    out += [f"{k}: {v}" for k, v in (("tahun", org.tahun), ("periode", org.periode)) if v]
    for sasaran in tree.iku:
        out.append(f"IKU sasaran {sasaran.id}: {_flat(sasaran.uraian)}")
        for indikator in sasaran.indikator:
            out.extend(_indikator(indikator, "  "))
    for jabatan in tree.jabatan:
        out.append("")
        out.append(f"jabatan {jabatan.id}: {jabatan.nama} ({jabatan.peran.value})")
        for name in ("unit", "eselon", "atasan"):
            value = getattr(jabatan, name)
            if value:
                out.append(f"  {name}: {value}")
        for kinerja in jabatan.kinerja:
            out.append(f"  kinerja {kinerja.id}: {_flat(kinerja.uraian)}")
            out.extend(f"    {line}" for line in _links(kinerja.mendukung))
            for indikator in kinerja.indikator:
                out.extend(_indikator(indikator, "    "))
    return "\n".join(out) + "\n"
