"""``pdftotext -layout`` places each line on its own, so the cells of a column may start a
character or three left or right of where its other lines start theirs (QA6: 3 rows of the
Mekarsari tables read wrong). A cell set right of its column's start is inside it; one set
left of it, after a gap from the text before it on its line, is the next column's
(:meth:`pokin.decree.gutters.Grid.drifted`), not the end of the column before.

The invented Cigentur table below drifts every column after Kinerja by -3 to +2 characters,
line by line. Before, a line set left was glued to the column before ("Meningkatnya
ketenteraman dan trantibum yang ketertiban umum") and one line opened a row of its own.
"""

from __future__ import annotations

from pokin.decree import parse

STARTS = [0, 5, 28, 52, 76, 94, 103]
HEADER = ["No", "Kinerja", "Indikator", "Formulasi", "Sumber Data", "Satuan", "Target"]
ROWS: list[tuple[list[list[str]], list[int]]] = [  # each cell's lines; each line's drift
    (
        [
            ["1"],
            ["Meningkatnya", "ketenteraman dan", "ketertiban umum"],
            ["Persentase gangguan", "trantibum yang", "tertangani"],
            ["Gangguan tertangani", "dibagi gangguan", "dilaporkan x 100%"],
            ["Laporan Seksi", "Trantibum"],
            ["persen"],
            ["90"],
        ],
        [0, -2, -1],
    ),
    (
        [
            ["2"],
            ["Terlaksananya", "patroli wilayah", "kecamatan"],
            ["Jumlah patroli", "wilayah kecamatan"],
            ["Jumlah patroli dalam", "satu tahun"],
            ["Buku Patroli"],
            ["kali"],
            ["48"],
        ],
        [1, -3, 0],
    ),
    (
        [
            ["3"],
            ["Meningkatnya peran", "Linmas"],
            ["Jumlah anggota", "Linmas aktif"],
            ["Jumlah anggota Linmas", "yang aktif berjaga"],
            ["Data Linmas"],
            ["orang"],
            ["120"],
        ],
        [-1, 2],
    ),
]


def _line(parts: list[tuple[int, str]]) -> str:
    out = ""
    for start, text in parts:
        if text:
            out = out.ljust(max(start, len(out) + 2) if out else start) + text
    return out


def _text() -> str:
    lines = [
        "KEPUTUSAN CAMAT CIGENTUR NOMOR 800/31/2027",
        "",
        "JABATAN : KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
        "",
        _line(list(zip(STARTS, HEADER, strict=True))),
    ]
    for cells, drifts in ROWS:
        for k, drift in enumerate(drifts):
            lines.append(
                _line(
                    [
                        (start + (drift if col >= 2 else 0), cell[k] if k < len(cell) else "")
                        for col, (start, cell) in enumerate(zip(STARTS, cells, strict=True))
                    ]
                )
            )
    return "\n".join(lines) + "\n"


def test_cells_set_left_or_right_of_their_column_are_read_in_it() -> None:
    text = _text()
    assert "     ketenteraman dan     trantibum yang" in text  # drifted 2 left of column 28
    parsed = parse(text, source="cigentur-layout.txt")
    assert parsed.layout == "pdf-layout"
    rows = [
        (r.kinerja, r.indikator, r.formulasi, r.sumber_data, r.satuan, r.target)
        for r in parsed.blocks[0].rows
    ]
    assert rows == [
        (
            "Meningkatnya ketenteraman dan ketertiban umum",
            "Persentase gangguan trantibum yang tertangani",
            "Gangguan tertangani dibagi gangguan dilaporkan x 100%",
            "Laporan Seksi Trantibum",
            "persen",
            "90",
        ),
        (
            "Terlaksananya patroli wilayah kecamatan",
            "Jumlah patroli wilayah kecamatan",
            "Jumlah patroli dalam satu tahun",
            "Buku Patroli",
            "kali",
            "48",
        ),
        (
            "Meningkatnya peran Linmas",
            "Jumlah anggota Linmas aktif",
            "Jumlah anggota Linmas yang aktif berjaga",
            "Data Linmas",
            "orang",
            "120",
        ),
    ]
    assert (parsed.notes, parsed.skipped) == ([], [])
