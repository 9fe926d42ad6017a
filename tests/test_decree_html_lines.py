"""An HTML decree's lines are the lines a browser draws: ``<br>`` (``<br/>``, ``<BR>``) and
block tags end a line outside the tables (QA9 #1).

``html-br-lubukraya.html`` is invented: each position's identity is one paragraph with
``<br>`` breaks ("1. JABATAN : CAMAT LUBUK RAYA<br>ATASAN LANGSUNG : ...<br>TUGAS : ...<br>
FUNGSI :<br>a. ...<br>b. ..."), as Word, Chromium and web editors write a shift-enter; the
title and the signature are ``<br>`` lines too. Before, each paragraph was one line: the
Camat's title took its atasan, tugas and fungsi ("camat-lubuk-raya-atasan-langsung-bupati-
...") and the import was refused with an id error.
"""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree
from pokin.decree.mdpieces import Plain, pieces

FIXTURE = Path(__file__).parent / "fixtures" / "decrees" / "html-br-lubukraya.html"


def test_br_lines_are_the_identity_lines_of_each_position() -> None:
    result = import_decree(FIXTURE)
    camat, sekretaris, kasi = result.tree.jabatan
    assert [j.nama for j in result.tree.jabatan] == [
        "Camat Lubuk Raya",
        "Sekretaris Kecamatan",
        "Kepala Seksi Pelayanan Umum",
    ]
    assert camat.tugas == (
        "Memimpin penyelenggaraan urusan pemerintahan yang dilimpahkan Bupati di wilayah kecamatan."
    )
    assert camat.fungsi == [
        "mengoordinasikan kegiatan pemberdayaan masyarakat",
        "membina penyelenggaraan pemerintahan desa",
    ]
    assert (sekretaris.atasan, kasi.atasan) == (camat.id, camat.id)
    assert (kasi.tugas or "").startswith("Menyiapkan bahan pelayanan perizinan")
    rows = [
        (k.uraian, i.uraian, i.target)
        for j in result.tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]
    assert len(rows) == 4
    assert rows[3][2] == "95"
    assert result.skipped == []


def test_br_lines_of_the_title_and_signature_are_read_as_lines() -> None:
    dokumen = import_decree(FIXTURE).tree.organisasi.dokumen
    assert dokumen is not None
    assert (dokumen.nomor, str(dokumen.tanggal)) == ("800.1/27/LR/2027", "2027-01-04")
    assert dokumen.penandatangan == "ZULKARNAIN, S.Sos."


def test_every_form_of_line_break_and_block_tag_ends_a_line() -> None:
    text = (
        "<p>JABATAN : LURAH X<br>ATASAN LANGSUNG : CAMAT<br/>TUGAS : a<BR />b</p>"
        "<div>FUNGSI :<ol><li>satu</li><li>dua</li></ol></div>\n"
        "<table><tr><td>a<br>b</td></tr></table>\n"
    )
    found = [(p.number, p.text) if isinstance(p, Plain) else p.rows for p in pieces(text)]
    assert found == [
        (1, "<p>JABATAN : LURAH X<br>"),
        (1, "ATASAN LANGSUNG : CAMAT<br/>"),
        (1, "TUGAS : a<BR />"),
        (1, "b</p>"),
        (1, "<div>FUNGSI :<ol>"),  # tags alone stay with the line before
        (1, "<li>satu</li>"),
        (1, "<li>dua</li></ol></div>"),
        [(2, "a<br>b", ["a<br>b"])],  # inside a table a <br> stays in its cell
        (3, ""),
    ]
