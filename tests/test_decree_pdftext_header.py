"""Poppler's plain ``pdftotext`` (no ``-layout``) of a PDF whose table header is over two
lines ("Target" over "2025 | 2026") may write some labels of a table's header before the
position's JABATAN line, apart from the rest (QA5 #4, left): read against the short header
the rows came out shifted, with warnings. Such a text is refused with its line and the
advice to run ``pdftotext -layout``, never read into a wrong tree; the same text with its
header whole is read. Invented decree: Kecamatan Sukamanah."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin.cli import main
from pokin.decree import import_decree

FULL = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
ROWS = {
    "CAMAT": [
        [
            "1",
            "Meningkatnya kualitas pelayanan publik",
            "Indeks kepuasan masyarakat",
            "Rata-rata nilai survei",
            "Laporan SKM",
            "indeks",
            "82,5",
            "84",
        ],
        [
            "2",
            "Meningkatnya ketenteraman wilayah",
            "Persentase gangguan trantibum tertangani",
            "Gangguan tertangani ÷ gangguan dilaporkan × 100%",
            "Laporan Trantib",
            "%",
            "90",
            "92",
        ],
    ],
    "SEKRETARIS KECAMATAN": [
        [
            "1",
            "Tertibnya administrasi keuangan",
            "Persentase SPJ tepat waktu",
            "SPJ tepat waktu ÷ seluruh SPJ × 100%",
            "Register SPJ",
            "%",
            "95",
            "97",
        ],
        [
            "2",
            "Tersusunnya dokumen perencanaan",
            "Jumlah dokumen perencanaan disusun",
            "Jumlah dokumen",
            "Arsip perencanaan",
            "dokumen",
            "4",
            "4",
        ],
    ],
}


def _text(displaced: bool) -> str:
    """The decree as poppler writes it: a blank line after each cell; when ``displaced``,
    the second table's labels after "Formulasi" come before its JABATAN line."""
    out = ["INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAMANAH TAHUN 2025"]
    for n, (nama, rows) in enumerate(ROWS.items()):
        late = displaced and n > 0
        if late:
            out += [f"{label}\n" for label in FULL[4:]]
        out += [f"JABATAN : {nama}", f"TUGAS : Tugas {nama.lower()} kecamatan."]
        out += [f"{label}\n" for label in (FULL[:4] if late else FULL)]
        out += ["2025\n", "2026\n"]
        out += [f"{cell}\n" for row in rows for cell in row]
    return "\n".join(out) + "\n"


def test_labels_written_apart_from_their_header_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "iki.txt"
    path.write_text(_text(displaced=True), encoding="utf-8")
    with pytest.raises(ImportDocumentError) as caught:
        import_decree(path)
    error = caught.value
    lines = _text(displaced=True).split("\n")
    assert error.line == lines.index("Sumber Data", lines.index("Sumber Data") + 1) + 1
    assert "judul kolom «Sumber Data» tertulis di antara sel tabel" in error.message
    assert error.hint is not None
    assert error.hint.startswith("impor berkas PDF-nya langsung: pokin import BERKAS.pdf")
    assert "pdftotext -layout" in error.hint
    assert main(["import", str(path), "-o", str(tmp_path / "k.yaml")]) == 2
    assert not (tmp_path / "k.yaml").exists()


def test_the_same_text_with_its_header_whole_is_read(tmp_path: Path) -> None:
    path = tmp_path / "iki.txt"
    path.write_text(_text(displaced=False), encoding="utf-8")
    result = import_decree(path)
    assert not result.skipped
    read = [(i.uraian, i.sumber_data, i.satuan, i.target) for _, i in result.tree.iter_indikator()]
    assert read == [(r[2], r[4], r[5], r[6]) for rows in ROWS.values() for r in rows]
