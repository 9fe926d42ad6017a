"""The reasons a proposed link gives, in plain Indonesian words (they end up in a
planner's report): where the target sits in the chart and how the two texts differ."""

from __future__ import annotations

from .explain import describe
from .index import TEMPLATE, Candidate, LinkIndex

__all__ = ["alasan"]


def alasan(index: LinkIndex, node: str, found: Candidate) -> str:
    """Why ``node`` is proposed to support ``found.ke``, in plain Indonesian words."""
    return _match(index, node, found) + _alone(found) + _template(index, node, found.ke)


def _alone(found: Candidate) -> str:
    if not found.sendiri:
        return ""
    return (
        " (di bawah ambang, tetapi satu-satunya teks atasan yang sejalan dengan kinerja ini "
        "dan indikatornya: periksa)"
    )


def _match(index: LinkIndex, node: str, found: Candidate) -> str:
    where = _where(index, node, found)
    notes = describe(index.phrases[node], index.phrases[found.ke], index.lexicon)
    if found.atasan_ditebak:
        me = index.jabatan[str(index.owner[node])]
        guess = index.jabatan[me.atasan].nama if me.atasan else "tidak ada"
        text = "teks sama persis dengan" if not notes else "teks hampir sama dengan"
        detail = "" if not notes else " (" + "; ".join(notes) + ")"
        return (
            f"atasan hanya tebakan impor ({guess}), bukan dari SK; {text} {where}{detail}: "
            "periksa atasan"
        )
    if not notes:
        return f"teks sama dengan {where}"
    if all(n.startswith(("ejaan ", "singkatan ")) for n in notes):
        what = "ejaan dan singkatan" if any(n.startswith("singkatan ") for n in notes) else "ejaan"
        return f"teks sama dengan {where} setelah {what} diseragamkan: " + "; ".join(
            n.removeprefix("ejaan ") for n in notes
        )
    if notes == ["beda hanya pada huruf besar/kecil, tanda baca atau kata tugas"]:
        return f"teks sama dengan {where}, kecuali huruf besar/kecil, tanda baca atau kata tugas"
    return f"mirip dengan {where}: " + "; ".join(notes)


def _template(index: LinkIndex, node: str, target: str) -> str:
    units = index.template_units(node, target)
    if units < TEMPLATE:
        if index.boilerplate(node, target):
            return " (baris umum, sama persis di berbagai jenis jabatan: baris templat, periksa)"
        return ""
    return f" (teks berulang di {units} unit lain: mungkin baris templat, periksa)"


def _where(index: LinkIndex, node: str, found: Candidate) -> str:
    target, jenis = found.ke, index.jenis[found.ke]
    owner = index.owner[target]
    if owner is None:
        what = f"{'sasaran' if jenis == 'sasaran' else 'indikator'} IKU {target}"
        return what + (", melompati jenjang" if found.relasi == "lompat-jenjang" else "")
    upper = index.jabatan[owner]
    what = f"{'kinerja' if jenis == 'kinerja' else 'indikator'} {target}"
    if found.relasi == "kinerja-atasan":
        return f"{what} milik atasan ({upper.nama}), diulang satu jenjang di bawahnya"
    if found.relasi == "atasan":
        return f"{what} milik atasan ({upper.nama})"
    me = index.owner[node]
    assert me is not None
    if found.relasi == "lompat-jenjang":
        chain = index.chain[me]
        skipped = ", ".join(index.jabatan[j].nama for j in chain[: chain.index(owner)])
        return f"{what} milik {upper.nama}, melompati jenjang {skipped}"
    unit = upper.unit or "tanpa unit"
    if found.atasan_ditebak:
        return f"{what} milik {upper.nama} ({unit})"
    return f"{what} milik {upper.nama} ({unit}), di luar rantai atasan"
