"""A decree's table saved from a spreadsheet as CSV (``;`` or ``,``) or tab-separated text
is read through the same table reading as a sheet, a Word or a PDF table (QA9 #4).

``csv-muara-enggang.csv`` is invented and written as Excel in an Indonesian locale saves
it: ``;`` between cells, Windows-1252, CRLF, the title and NOMOR rows above the header
padded with ``;;;``, one long table with Jabatan and Atasan Langsung columns left empty
under the position above, quoted cells holding a ``;``, a doubled quote and line breaks,
the signature in the Sumber Data column below. Before, every such file was refused with
the generic "tidak ditemukan blok jabatan".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pokin import dumps
from pokin.decree import import_decree, parse
from pokin.decree.delimited import separator, sniff
from pokin.errors import ImportDocumentError

from .decree_files import indikator_rows

FIXTURE = Path(__file__).parent / "fixtures" / "decrees" / "csv-muara-enggang.csv"


def _records() -> list[list[str]]:
    text = FIXTURE.read_bytes().decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _rows(path: Path) -> list[tuple[str, ...]]:
    return indikator_rows(import_decree(path).tree)


def test_an_excel_csv_in_an_indonesian_locale_is_read_whole() -> None:
    result = import_decree(FIXTURE)
    assert result.layout == "csv"
    assert result.skipped == []
    camat, sekretaris, kasi, lurah = result.tree.jabatan
    assert [j.atasan for j in (sekretaris, kasi, lurah)] == [camat.id] * 3
    assert (lurah.nama, lurah.unit) == ("Lurah Tanjung Lais", "Kelurahan Tanjung Lais")
    rows = _rows(FIXTURE)
    assert len(rows) == 7
    assert rows[0][2:] == (
        'Indeks kepuasan warga atas layanan "PATEN"',
        "Nilai survei kepuasan warga; skala 0–100",
        "Laporan survei semesteran",
        "indeks",
        "87,5",
    )
    assert rows[1][1] == rows[0][1]  # an empty Kinerja cell: the kinerja above
    assert rows[2][5:] == ("m²", "4.800")
    assert rows[4][3].endswith("setahun: 1. patroli pasar 2. patroli malam")
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert (dokumen.nomor, str(dokumen.tanggal)) == ("800/45/ME/2027", "2027-01-08")
    assert dokumen.penandatangan == "HARIS MUNANDAR, S.Sos., M.Si."
    assert result.tree.organisasi.nama == "Kecamatan Muara Enggang"


def test_blocks_start_at_the_line_their_row_starts_on() -> None:
    """A quoted cell spans lines: the next record's line is where it starts in the file."""
    tree = import_decree(FIXTURE).tree
    assert [(j.catatan or "").split(" di ")[0] for j in tree.jabatan] == [
        f"Blok pada baris {n}" for n in (6, 10, 11, 15)
    ]


@pytest.mark.parametrize(
    ("delimiter", "encoding", "keep_title"),
    [(",", "utf-8-sig", True), ("\t", "utf-8", True), ("\t", "utf-8", False)],
)
def test_comma_and_tab_separated_copies_give_the_same_rows(
    tmp_path: Path, delimiter: str, encoding: str, keep_title: bool
) -> None:
    records = _records()
    if not keep_title:  # a table copied out of the sheet: its header is the first line
        records = records[4:]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(records)
    copy = tmp_path / ("salinan.csv" if delimiter == "," else "salinan.txt")
    copy.write_bytes(buffer.getvalue().encode(encoding))
    assert _rows(copy) == _rows(FIXTURE)
    assert import_decree(copy).skipped == []


def test_per_position_tables_in_a_csv_open_their_blocks() -> None:
    text = (
        "JABATAN : SEKRETARIS KELURAHAN TANJUNG LAIS;;;\n"
        "TUGAS : Membantu Lurah dalam ketatausahaan.;;;\n"
        "Kinerja;Indikator Kinerja;Satuan;Target\n"
        "Tertibnya administrasi kelurahan;Persentase surat yang diarsipkan;persen;100\n"
        "JABATAN : KEPALA SEKSI PEMERINTAHAN KELURAHAN TANJUNG LAIS;;;\n"
        "Kinerja;Indikator Kinerja;Satuan;Target\n"
        "Terdatanya penduduk;Persentase data penduduk yang diperbarui;persen;95\n"
    )
    parsed = parse(text, source="blok.csv")
    assert parsed.layout == "csv"
    assert [(b.nama, b.tugas, [r.indikator for r in b.rows]) for b in parsed.blocks] == [
        (
            "SEKRETARIS KELURAHAN TANJUNG LAIS",
            "Membantu Lurah dalam ketatausahaan.",
            ["Persentase surat yang diarsipkan"],
        ),
        (
            "KEPALA SEKSI PEMERINTAHAN KELURAHAN TANJUNG LAIS",
            "",
            ["Persentase data penduduk yang diperbarui"],
        ),
    ]


def test_the_separator_is_the_one_that_reads_a_header() -> None:
    assert separator("No;Kinerja;Indikator, Target\n1;a, b;c;d\n") is None  # no fit
    assert separator('No,Kinerja,Indikator,Target\n1,"Naik, baik",Indeks,82\n') == ","
    # a header split by ";" alone, whatever the commas in its cells
    assert separator("No;Kinerja, Sasaran;Indikator;Target\n1;a, b;c;82,5\n") == ";"
    prose = "Kolom yang dibaca: Kinerja, Indikator, Target.\nIsi tabel, satu baris per indikator."
    assert not sniff(prose)


def test_a_broken_csv_cell_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rusak.csv"
    huge = "x" * (csv.field_size_limit() + 10)
    path.write_text(f'Kinerja;Indikator;Target\na;b;1\na;"{huge}";2\n', encoding="utf-8")
    with pytest.raises(ImportDocumentError, match="baris CSV ini tidak dapat dibaca") as err:
        import_decree(path)
    assert err.value.line == 3


def test_the_csv_tree_is_the_long_markdown_tables_tree(tmp_path: Path) -> None:
    """The same rows as a pipe table (a layout read before) give the same positions."""
    records = [r for r in _records()[4:13] if any(r)]
    lines = ["| " + " | ".join(c.replace("\n", "<br>") for c in r) + " |" for r in records]
    lines.insert(1, "|" + "---|" * len(records[0]))
    markdown = tmp_path / "tabel.md"
    markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    want = [row[:3] + row[4:] for row in _rows(FIXTURE)]  # <br> lines read as items there
    assert [row[:3] + row[4:] for row in _rows(markdown)] == want
    assert dumps(import_decree(markdown).tree).count("atasan:") == 3
