"""HTML decree rows a browser does not show are left out and said, not imported.

An office's web page keeps an old indicator in its table, hidden (``<tr hidden>``,
``style="display:none"``, or a class its stylesheet hides); the planner reading the page
never sees it, so it must not become an indikator (invented Teluk Sebong Hulu decree).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.cli import main
from pokin.decree import import_decree

from .decree_files import indikator_rows

HEAD = "<tr><th>No</th><th>Kinerja</th><th>Indikator Kinerja</th><th>Formulasi</th>" \
    "<th>Sumber Data</th><th>Satuan</th><th>Target</th></tr>"  # fmt: skip
OLD = "<td>Jumlah kegiatan lama (revisi 2024)</td><td>Rumus lama</td><td>Arsip lama</td>" \
    "<td>kegiatan</td><td>99</td>"  # fmt: skip


def page(hidden_tr: str, style: str = "") -> str:
    return f"""<html><head><meta charset="utf-8">{style}</head><body>
<p>KEPUTUSAN CAMAT TELUK SEBONG HULU</p>
<p>JABATAN : KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM</p>
<p>TUGAS : Menyiapkan bahan pembinaan ketenteraman dan ketertiban umum.</p>
<table border="1">{HEAD}
<tr><td rowspan="3">1.</td><td rowspan="3">Menurunnya gangguan trantibum di pesisir</td>
<td>Persentase gangguan trantibum yang ditangani</td><td>Ditangani / dilaporkan x 100%</td>
<td>Buku laporan kejadian</td><td>persen</td><td>100</td></tr>
{hidden_tr}{OLD}</tr>
<tr><td>Jumlah patroli pesisir bersama Satpol PP</td><td>Jumlah patroli gabungan</td>
<td>Laporan patroli</td><td>kali</td><td>24</td></tr>
<tr><td>2.</td><td>Meningkatnya kesiapsiagaan linmas</td>
<td>Jumlah anggota linmas yang dilatih</td><td>Jumlah peserta pelatihan</td>
<td>Daftar hadir</td><td>orang</td><td>40</td></tr>
</table></body></html>
"""


SEKSI = "Kepala Seksi Ketenteraman dan Ketertiban Umum"
ROWS = [
    (SEKSI, "Menurunnya gangguan trantibum di pesisir",
     "Persentase gangguan trantibum yang ditangani", "Ditangani / dilaporkan x 100%",
     "Buku laporan kejadian", "persen", "100"),
    (SEKSI, "Menurunnya gangguan trantibum di pesisir",
     "Jumlah patroli pesisir bersama Satpol PP", "Jumlah patroli gabungan", "Laporan patroli",
     "kali", "24"),
    (SEKSI, "Meningkatnya kesiapsiagaan linmas", "Jumlah anggota linmas yang dilatih",
     "Jumlah peserta pelatihan", "Daftar hadir", "orang", "40"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("hidden_tr", "style"),
    [
        ("<tr hidden>", ""),
        ('<tr style="display:none">', ""),
        ("<tr style='color: grey; DISPLAY : none;'>", ""),
        ('<tr style="visibility: collapse">', ""),
        ('<tr class="baris d-none">', "<style>/* lama */ .x, .d-none { display: none }</style>"),
        ('<tr class="arsip">', "<style>tr.arsip{visibility:hidden}</style>"),
    ],
)
def test_a_hidden_row_in_a_rowspan_group_is_left_out_and_said(
    tmp_path: Path, hidden_tr: str, style: str
) -> None:
    file = tmp_path / "trantib.html"
    file.write_text(page(hidden_tr, style), encoding="utf-8")
    result = import_decree(file)
    assert indikator_rows(result.tree) == ROWS  # the rowspan still covers the row below
    said = [(line, note) for line, note in result.notes if "tersembunyi" in note]
    assert said == [
        (
            9,  # the line of its <tr>; the cells the rowspan above lays over it included
            "baris tabel HTML tersembunyi (tidak tampil di peramban) dilewati: «1. | Menurunnya "
            "gangguan trantibum di pesisir | Jumlah kegiatan lama (revisi 2024) | Rumus lama"
            " | Arsip lama | kegiatan | 99»",
        )
    ]


def test_a_shown_row_with_a_class_or_style_is_read(tmp_path: Path) -> None:
    style = "<style>.d-none { display: none } .lama { color: grey }</style>"
    file = tmp_path / "trantib.html"
    file.write_text(page('<tr class="lama" style="display: table-row">', style), "utf-8")
    result = import_decree(file)
    assert len(indikator_rows(result.tree)) == 4
    assert not [note for _, note in result.notes if "tersembunyi" in note]


def test_the_cli_prints_the_hidden_row_as_a_catatan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "trantib.html"
    file.write_text(page("<tr hidden>"), encoding="utf-8")
    code = main(["import", str(file), "-o", str(tmp_path / "out.yaml")])
    err = capsys.readouterr().err
    assert "baris tabel HTML tersembunyi" in err
    assert "Jumlah kegiatan lama" not in (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert code == 0  # a note, not a warning: nothing the planner sees was lost


def test_the_rows_of_a_hidden_tbody_are_left_out_and_the_next_tbody_read(tmp_path: Path) -> None:
    hidden = page("<tr>").replace(
        "<tr><td>2.</td>", '</tbody><tbody style="display:none"><tr><td>2.</td>'
    ).replace("</table>", "</tbody><tbody><tr><td>3.</td><td>Tertibnya arsip linmas</td>"
              "<td>Jumlah arsip linmas</td><td>Hitungan</td><td>Buku arsip</td>"
              "<td>berkas</td><td>12</td></tr></tbody></table>")  # fmt: skip
    file = tmp_path / "trantib.html"
    file.write_text(hidden, encoding="utf-8")
    result = import_decree(file)
    assert [row[1:3] for row in indikator_rows(result.tree)] == [
        (
            "Menurunnya gangguan trantibum di pesisir",
            "Persentase gangguan trantibum yang ditangani",
        ),
        ("Menurunnya gangguan trantibum di pesisir", "Jumlah kegiatan lama (revisi 2024)"),
        ("Menurunnya gangguan trantibum di pesisir", "Jumlah patroli pesisir bersama Satpol PP"),
        ("Tertibnya arsip linmas", "Jumlah arsip linmas"),
    ]
    said = [note for _, note in result.notes if "tersembunyi" in note]
    assert len(said) == 1
    assert "Meningkatnya kesiapsiagaan linmas" in said[0]
