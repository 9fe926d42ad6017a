"""``pdftotext -layout`` of a narrow table (QA7 #3), invented Cisalak decree:

* the header over two lines, the second line's words under the labels ("Indikator" over
  "Kinerja", "Sumber" over "Data", "Target" over "2028"): the header goes on until the
  first row with a cell in the first column. Before, each table got a phantom first row
  (kinerja not written, indikator «Kinerja», sumber «Data», target «2028»);
* satuan and target set one space apart ("dokumen 12"), the satuan set right in its column
  so the number starts past the Target label's start, too far from the bound for the
  one-space cut: cut at the number. Before, "dokumen 12" was the satuan and the target empty.
"""

from __future__ import annotations

from pokin.decree import parse

COLUMNS = [0, 5, 33, 62, 93, 113, 121]


def _line(*cells: tuple[int, str] | tuple[int, str, int]) -> str:
    """The cells at their columns' starts (a third number: set that much further right)."""
    out = ""
    for col, text, *shift in cells:
        start = COLUMNS[col] + sum(shift)
        out = out.ljust(start if not out else max(start, len(out) + 1)) + text
    return out.rstrip()


HEADER = [
    _line(
        (0, "No"),
        (1, "Kinerja"),
        (2, "Indikator"),
        (3, "Formulasi"),
        (4, "Sumber"),
        (5, "Satuan"),
        (6, "Target"),
    ),
    _line((2, "Kinerja"), (4, "Data"), (6, "2028")),
]

CAMAT = [
    *HEADER,
    _line(
        (0, "1"),
        (1, "Meningkatnya kualitas"),
        (2, "Jumlah dokumen rencana"),
        (3, "Jumlah dokumen yang"),
        (4, "Arsip kecamatan"),
        (5, "dokumen 12", 4),
    ),
    _line((1, "perencanaan kecamatan"), (2, "yang disahkan"), (3, "disahkan camat")),
    "",
    _line(
        (0, "2"),
        (1, "Meningkatnya ketertiban"),
        (2, "Persentase aduan"),
        (3, "Aduan selesai dibagi"),
        (4, "Rekap aduan"),
        (5, "persen 87,5"),
    ),
    _line((1, "umum"), (2, "ketertiban selesai"), (3, "aduan masuk x 100%")),
]


def test_two_line_header_and_unit_target_one_space_apart() -> None:
    text = "\n".join(
        [
            "KEPUTUSAN CAMAT CISALAK NOMOR 061/9/2028",
            "",
            "1. JABATAN : CAMAT CISALAK",
            "2. TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan.",
            "",
            *CAMAT,
        ]
    )
    parsed = parse(text, source="cisalak.txt")
    [block] = parsed.blocks
    got = [(r.kinerja, r.indikator, r.sumber_data, r.satuan, r.target) for r in block.rows]
    assert got == [
        (
            "Meningkatnya kualitas perencanaan kecamatan",
            "Jumlah dokumen rencana yang disahkan",
            "Arsip kecamatan",
            "dokumen",
            "12",
        ),
        (
            "Meningkatnya ketertiban umum",
            "Persentase aduan ketertiban selesai",
            "Rekap aduan",
            "persen",
            "87,5",
        ),
    ]
