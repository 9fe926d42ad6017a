"""HTML decree tables with merged cells: a ``rowspan`` / ``colspan`` cell fills every grid
cell it covers, and a sasaran (or kinerja) written again on each row it spans is one node.

The fixture ``html-spans-tanjungsari.html`` is invented: an IKU table whose No, Kode and
Sasaran cells are merged down over their coded indicators (``S.1`` / ``I.K.S.1.1``), a
"Target" header spanning two year columns, a target merged across both years and a source
merged over two indicators; IKI tables with merged No / Sasaran / Sumber Data cells and an
indicator merged over two formula rows.
"""

from __future__ import annotations

from pathlib import Path

from pokin import import_decree
from pokin.decree import parse
from pokin.decree.htmltable import html_rows

FIXTURE = Path(__file__).parent / "fixtures" / "decrees" / "html-spans-tanjungsari.html"


def test_rowspan_sasaran_is_one_sasaran_with_all_its_indicators() -> None:
    tree = import_decree(FIXTURE).tree
    assert [(s.id, [i.id for i in s.indikator]) for s in tree.iku] == [
        ("S.1", ["I.K.S.1.1", "I.K.S.1.2", "I.K.S.1.3"]),
        ("S.2", ["I.K.S.2.1"]),
        ("S.3", ["I.K.S.3.1", "I.K.S.3.2"]),
    ]
    s1 = tree.iku[0]
    assert s1.uraian == "Meningkatnya mutu layanan administrasi terpadu kecamatan"
    assert [i.sumber_data for i in s1.indikator] == [  # "Sumber Data" merged over two
        "Laporan survei kepuasan masyarakat",
        "Laporan survei kepuasan masyarakat",
        "Rekap kanal pengaduan",
    ]
    merged_years = tree.iku[2].indikator[0]  # one target cell spanning 2026 and 2027
    assert [(p.periode, p.target) for p in merged_years.per_periode] == [
        ("2026", "90"),
        ("2027", "90"),
    ]
    assert [(p.periode, p.target) for p in tree.iku[2].indikator[1].per_periode] == [
        ("2026", "80"),
        ("2027", "100"),
    ]


def test_rowspan_cells_of_position_tables() -> None:
    result = import_decree(FIXTURE)
    camat, sekcam = result.tree.jabatan
    assert [len(k.indikator) for k in camat.kinerja] == [2, 1]
    assert [i.sumber_data for i in camat.kinerja[0].indikator] == ["Laporan layanan PATEN"] * 2
    assert [i.target for i in camat.kinerja[0].indikator] == ["83", "95"]
    (kinerja,) = sekcam.kinerja  # an indicator merged over two rows: one indicator
    (indikator,) = kinerja.indikator
    assert indikator.uraian == "Nilai evaluasi SAKIP kecamatan"
    assert "Kertas kerja evaluasi mandiri" in (indikator.sumber_data or "")
    assert result.skipped == []


def test_same_text_under_another_code_is_another_sasaran() -> None:
    text = (
        "INDIKATOR KINERJA UTAMA\n\n"
        "| Kode | Sasaran Strategis | Indikator Kinerja Utama | Satuan |\n"
        "|---|---|---|---|\n"
        "| S.1 | Meningkatnya layanan | I.K.S.1.1 Nilai SKM | Nilai |\n"
        "| S.1 | Meningkatnya  layanan | I.K.S.1.2 Aduan selesai | % |\n"
        "| S.2 | Meningkatnya layanan | I.K.S.2.1 Waktu layanan | Hari |\n\n"
        "1. JABATAN : CAMAT\n\n"
        "| Kinerja | Indikator |\n|---|---|\n| Meningkatnya layanan | Nilai SKM |\n"
    )
    iku = parse(text, source="x.md").iku
    assert [(s.kode, [i.kode for i in s.indikator]) for s in iku] == [
        ("S.1", ["I.K.S.1.1", "I.K.S.1.2"]),
        ("S.2", ["I.K.S.2.1"]),
    ]


def test_html_rows_fill_the_grid_under_and_beside_spans() -> None:
    html = (
        "<table><tr><td rowspan='3'>1.</td><td rowspan='2'>A</td><td colspan='2'>x</td></tr>"
        "<tr><td>b</td><td>c</td></tr>"
        "<tr><td>B</td><td rowspan='2' colspan='2'>d</td></tr>"
        "<tr><td>2.</td><td>C</td></tr></table>"
    )
    assert [cells for _, cells, _ in html_rows(html)] == [
        ["1.", "A", "x", "x"],
        ["1.", "A", "b", "c"],
        ["1.", "B", "d", "d"],
        ["2.", "C", "d", "d"],
    ]


def test_tables_opening_and_closing_mid_line() -> None:
    """``<div><table>`` and ``</table></div><p>Nama Jabatan : ...</p>`` on one line: the
    table is read whole, the text around it too, every row keeps its line number."""
    text = FIXTURE.read_text(encoding="utf-8")
    wrapped = text.replace("\n<table", '\n<div class="lampiran"><table').replace(
        "</tbody></table>\n", "</tbody></table></div>"
    )
    assert wrapped.count("</div><p>Nama Jabatan") == 1
    plain, mid_line = parse(text, source="a.html"), parse(wrapped, source="b.html")
    assert [(b.nama, [r.indikator for r in b.rows]) for b in mid_line.blocks] == [
        (b.nama, [r.indikator for r in b.rows]) for b in plain.blocks
    ]
    assert [r.line for r in mid_line.blocks[-1].rows] == [27, 28]  # two lines fewer above
    assert [(s.kode, s.line, len(s.indikator)) for s in mid_line.iku] == [
        ("S.1", 11, 3),
        ("S.2", 14, 1),
        ("S.3", 15, 2),
    ]
    assert mid_line.skipped == plain.skipped == []
