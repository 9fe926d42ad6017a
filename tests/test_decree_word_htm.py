"""A decree saved by Word as "Web Page, Filtered" (.htm) is recognised by its tables, and
read in the character set its ``<meta>`` declares (QA9 #2).

``word-htm-tanjungbatu.htm`` is invented and written as Word writes it: windows-1252 with
CRLF, ``<td><p class=MsoNormal><span lang=IN ...>Indikator ...</span></p></td>`` cells over
several lines, identity paragraphs aligned with ``&nbsp;`` runs, characters outside the
code page as character references (``&#8804;``), rowspan kinerja. Before, the markdown
layout's sniff wanted ``<td>`` followed on its line by the word "indikator", so the page
was refused as "tidak ditemukan blok jabatan" while its reader read it whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from pokin import dumps
from pokin.decree import import_decree
from pokin.decree.markdown import sniff

from .decree_files import indikator_rows

FIXTURE = Path(__file__).parent / "fixtures" / "decrees" / "word-htm-tanjungbatu.htm"


def _rows(path: Path) -> list[tuple[str, ...]]:
    return indikator_rows(import_decree(path).tree)


def test_word_filtered_page_is_read_whole() -> None:
    result = import_decree(FIXTURE)
    assert result.layout == "markdown"
    assert result.skipped == []
    camat, kasi = result.tree.jabatan
    assert (camat.nama, kasi.atasan) == ("Camat Tanjung Batu", camat.id)
    assert (camat.tugas or "").endswith("pembinaan desa–desa pesisir.")
    rows = _rows(FIXTURE)
    assert len(rows) == 5
    assert rows[0][1:] == (
        "Meningkatnya kualitas layanan kepada warga pesisir",
        "Indeks kepuasan warga atas layanan kecamatan",
        "Rerata skor survei kepuasan × 25",
        "Laporan survei ‘Suara Warga’",
        "indeks",
        "82,5",
    )
    assert rows[1][3] == "Pengaduan dijawab ≤ 5 hari / seluruh pengaduan × 100%"
    assert rows[2][5:] == ("m²", "12.500")
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert dokumen.nomor == "050/14/TB/2027"


def test_the_declared_character_set_is_no_guess_to_note() -> None:
    notes = " ".join(note for _, note in import_decree(FIXTURE).notes)
    assert "bukan UTF-8" not in notes


def test_the_same_page_in_utf8_with_bom_or_undeclared_gives_the_same_tree(
    tmp_path: Path,
) -> None:
    page = FIXTURE.read_bytes().decode("cp1252")
    utf8 = tmp_path / "utf8" / FIXTURE.name
    undeclared = tmp_path / "undeclared" / FIXTURE.name
    for path in (utf8, undeclared):
        path.parent.mkdir()
    utf8.write_bytes(b"\xef\xbb\xbf" + page.replace("windows-1252", "utf-8").encode())
    undeclared.write_bytes(re.sub(r"<meta http-equiv[^>]*>", "", page).encode("cp1252"))
    want = dumps(import_decree(FIXTURE).tree)
    assert dumps(import_decree(utf8).tree) == want
    guessed = import_decree(undeclared)
    assert dumps(guessed.tree) == want
    assert any("bukan UTF-8" in note for _, note in guessed.notes)  # a guess is said


def test_sniff_reads_the_header_row_not_a_marker() -> None:
    cell = "<td valign=top>\n<p class=MsoNormal><b><span lang=IN>{}</span></b></p>\n</td>"
    header = "".join(cell.format(label) for label in ("No", "Rencana Kinerja", "Indikator"))
    assert sniff(f"<p>JABATAN : LURAH</p>\n<table>\n<tr>{header}</tr>\n</table>")
    data = "".join(cell.format(t) for t in ("1", "Indikator desa terpenuhi", "Laporan"))
    assert not sniff(f"<table>\n<tr>{data}</tr>\n</table>")  # no header names its columns
