"""The note an imported tree's organisasi carries: its source, what was inferred, what
was not read (see :func:`import_note`)."""

from __future__ import annotations

from ..models import Peran
from .pairing import UNPAIRED
from .parts import ParsedDecree
from .position import Pos

__all__ = ["import_note"]


def import_note(parsed: ParsedDecree, positions: list[Pos]) -> str:
    """The organisasi's ``catatan`` of an imported tree: where it comes from, what was
    inferred, and what the importer could not read or pair."""
    rows = [row for b in parsed.blocks for row in b.rows]
    declares = any(row.mendukung or row.intervensi for row in rows)
    source = f"Diimpor oleh pokin dari {parsed.source} (tata letak {parsed.layout})"
    if not positions:  # an IKU page alone: nothing was inferred, nothing is missing
        indikator = sum(len(s.indikator) for s in parsed.iku)
        parts = [
            f"{source}: halaman IKU saja, {len(parsed.iku)} sasaran dan {indikator} "
            "indikator, tanpa blok jabatan; gabungkan dengan keputusan IKI-nya: "
            "`pokin import IKU IKI --merge`."
        ]
        return " ".join([*parts, *_read_notes(parsed)])
    parts = [
        f"{source}: "
        f"{len(positions)} jabatan. Peran, unit dan atasan disimpulkan dari nama jabatan "
        "(lihat inferensi dan catatan tiap jabatan); "
        + (
            "impor menautkan apa yang dinyatakan keputusan: `pokin link` mengusulkan sisanya."
            if declares
            else "impor tidak menautkan apa pun: `pokin link` mengusulkan tautan cascading."
        )
    ]
    if parsed.nama is None:
        parts.append("Nama kecamatan tidak ditemukan dalam keputusan: isi organisasi.nama.")
    if not any(p.peran is Peran.CAMAT for p in positions):
        tops = [p.block.nama for p in positions if p.atasan is None]
        shown = ", ".join(tops[:6]) + (f" dan {len(tops) - 6} lainnya" if len(tops) > 6 else "")
        parts.append(
            f"Keputusan ini tidak memuat blok Camat: {len(tops)} jabatan tanpa atasan "
            f"({shown}), sehingga indikatornya menjadi akar tempat cascading diperiksa."
        )
    return " ".join([*parts, *_read_notes(parsed)])


def _read_notes(parsed: ParsedDecree) -> list[str]:
    """What the importer could not read or pair, for the organisasi's catatan."""
    parts = []
    unpaired = sorted(
        {row.line for b in parsed.blocks for row in b.rows if UNPAIRED in row.catatan}
    )
    if unpaired:
        shown = ", ".join(map(str, unpaired))
        parts.append(
            f"Baris tabel yang selnya tidak dapat dipasangkan butir demi butir "
            f"({len(unpaired)}): baris {shown}; teksnya disimpan utuh (lihat catatan "
            "indikator tersebut)."
        )
    if parsed.skipped:
        lines = "; ".join(f"baris {s.line}: {s.reason}: {s.text[:120]!r}" for s in parsed.skipped)
        parts.append(f"Baris yang tidak dapat dibaca pengimpor ({len(parsed.skipped)}): {lines}.")
    return parts
