"""The pre-evaluation as plain text, for the terminal (``pokin sakip FILE``)."""

from __future__ import annotations

from .._text import format_number
from .model import Penilaian, persen

__all__ = ["text_summary"]


def text_summary(penilaian: Penilaian, *, rows: int = 3) -> str:
    """The worksheets' percentages, then each LKE criterion with its estimate, the first
    ``rows`` rows that cost points, and the fix."""
    year = f" ({penilaian.tahun})" if penilaian.tahun else ""
    lines = [f"pokin sakip: {penilaian.organisasi}{year}", ""]
    for sheet in penilaian.lembar:
        columns = " · ".join(
            f"{k.judul} {persen(sheet.share_of(k.kode))}"
            + (
                f" ({format_number(n)} dinilai)"
                if 0 < (n := sheet.assessed(k.kode)) < len(sheet.baris)
                else ""
            )
            for k in sheet.kolom
        )
        lines.append(f"{sheet.kode}  {persen(sheet.share):>7}  {sheet.judul}")
        if len(sheet.kolom) > 1:
            lines.append(f"         {columns}")
        levels = " · ".join(
            f"{lv} {persen(share)} ({format_number(n)})" for lv, n, share in sheet.by_level()
        )
        if levels:
            lines.append(f"         per level: {levels}")
    lines += ["", "Perkiraan nilai kriteria LKE (PermenPAN-RB 88/2021; perkiraan, bukan nilai "
              "evaluator):"]  # fmt: skip
    for k in penilaian.kriteria:
        answer = k.jawaban_teks
        lines.append(f"  {k.kode:<7}{persen(k.nilai):>7}  {answer:<3}  {k.uraian}")
        if k.alasan:
            lines.append(f"           {k.alasan}")
        if k.baris:
            more = (
                f" … dan {format_number(len(k.baris) - rows)} lagi" if len(k.baris) > rows else ""
            )
            lines.append(f"           mengurangi nilai: {', '.join(k.baris[:rows])}{more}")
        if k.saran:
            lines.append(f"           → {k.saran}")
    lines += [f"catatan: {note}" for note in penilaian.catatan]
    return "\n".join(lines) + "\n"
