"""A decree row continued on the next line(s), and across a page break, keeps every later
line of its cells: the quarterly targets written one per line under the first (issue 12).

The fixtures are invented (Kecamatan Mekar Sari) in the decrees' style, one per layout that
carries a row over lines: Word "save as text" (tabs) and markdown pipe tables, each with the
table broken by a page number and the header repeated on the next page.
"""

from __future__ import annotations

import pytest

from pokin.decree import parse_decree

TARGETS = "TW I: 20%\nTW II: 45%\nTW III: 70%\nTW IV: 95%"
"""What the first indicator's target cell holds, one quarter per line, as written."""

_ROW = (
    "Meningkatnya kualitas pelayanan administrasi",
    "Persentase permohonan selesai tepat waktu",
    "Jumlah permohonan selesai tepat waktu / jumlah permohonan masuk x 100%",
    "Register layanan",
    "Persen",
)
_NEXT = ("", "Indeks kepuasan layanan seksi", "Nilai rata-rata survei", "Laporan SKM", "Indeks")
_HEAD = ("NO", "KINERJA", "INDIKATOR", "FORMULASI", "SUMBER DATA", "SATUAN", "TARGET")


def _tab(rows: list[tuple[str, ...]], page_break_after: int) -> str:
    head = "\t".join(_HEAD)
    lines = ["INDIKATOR KINERJA INDIVIDU", "KECAMATAN MEKAR SARI TAHUN 2025", ""]
    lines += ["1. JABATAN : KEPALA SEKSI PELAYANAN UMUM", "2. TUGAS : Melayani masyarakat.", head]
    for n, row in enumerate(rows):
        lines.append("\t".join(row))
        if n == page_break_after:
            lines += ["", "- 7 -", "", head]
    return "\r\n".join(lines) + "\r\n"


def _markdown(rows: list[tuple[str, ...]], page_break_after: int) -> str:
    head = "| " + " | ".join(_HEAD) + " |\n|" + "---|" * len(_HEAD)
    lines = ["# INDIKATOR KINERJA INDIVIDU", "", "KECAMATAN MEKAR SARI TAHUN 2025", ""]
    lines += ["1. JABATAN : KEPALA SEKSI PELAYANAN UMUM", "", "2. TUGAS : Melayani.", "", head]
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(row) + " |")
        if n == page_break_after:
            lines += ["", "- 7 -", "", head]
    return "\n".join(lines) + "\n"


def _rows() -> list[tuple[str, ...]]:
    first, *rest = TARGETS.split("\n")
    rows = [("1.", *_ROW, first)]
    rows += [("", "", "", "", "", "", target) for target in rest]
    rows.append(("", *_NEXT, "3,5"))
    return rows


@pytest.mark.parametrize(("layout", "source"), [(_tab, "x.txt"), (_markdown, "x.md")])
@pytest.mark.parametrize("page_break_after", [None, 0, 1, 2])
def test_a_continued_row_keeps_its_later_target_lines(
    layout: object, source: str, page_break_after: int | None
) -> None:
    text = layout(_rows(), -1 if page_break_after is None else page_break_after)  # type: ignore[operator]
    tree = parse_decree(text, source=source)
    (jabatan,) = tree.jabatan
    (kinerja,) = jabatan.kinerja
    first, second = kinerja.indikator
    assert first.uraian == _ROW[1]
    assert first.target == TARGETS
    assert (second.uraian, second.target) == (_NEXT[1], "3,5")
    assert "tidak dapat dibaca" not in str(tree.organisasi.catatan)  # the page number is no row
