"""``pdftotext -layout`` of a narrow table whose cells sit one space apart (QA6 #2).

The columns are found by the column-start rule (where the words of many lines start,
less the words running across) instead of the double-space gutters: the Sekretaris table
of the invented Tanjungsari decree has its formula column's words set one space after
the indicator's, and its first lines were lost ("kolomnya tidak dapat dipisahkan").
A text whose columns still cannot be told apart on several lines of a table is refused,
with its file and line, instead of being read into the wrong cells.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin.decree import import_decree
from pokin.decree.columnar import _labels_apart
from pokin.decree.gutters import Piece

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "pdf-layout-tanjungsari-one-space.txt"


def _rows(path: Path) -> list[tuple[str | None, ...]]:
    tree = import_decree(path).tree
    return [
        (k.uraian, i.uraian, i.formulasi, i.sumber_data, i.satuan, i.target)
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


def test_every_row_in_its_columns() -> None:
    assert _rows(FIXTURE) == [
        (
            "Meningkatnya kualitas layanan publik Kecamatan Tanjungsari",
            "Indeks Kepuasan Masyarakat terhadap layanan kecamatan",
            "Rata-rata tertimbang nilai unsur layanan x 25",
            "Laporan Survei Kepuasan Masyarakat",
            "indeks",
            "80,5",
        ),
        (
            "Meningkatnya kualitas layanan publik Kecamatan Tanjungsari",
            "Persentase permohonan IMB yang diterbitkan tepat waktu",
            "Jumlah permohonan IMB terbit tepat waktu dibagi jumlah permohonan IMB x 100%",
            "Register IMB",
            "persen",
            "90",
        ),
        (
            "Meningkatnya ketertiban umum kecamatan",
            "Persentase pelanggaran perda yang ditegakkan",
            "Jumlah pelanggaran perda ditegakkan dibagi jumlah pelanggaran x 100%",
            "Laporan Seksi Trantib",
            "persen",
            "85",
        ),
        (
            "Meningkatnya akuntabilitas kinerja dan keuangan kecamatan",
            "Nilai evaluasi SAKIP Kecamatan Tanjungsari",
            "Nilai hasil evaluasi Inspektorat",
            "LHE SAKIP",
            "nilai",
            "75",
        ),
        (
            "Meningkatnya akuntabilitas kinerja dan keuangan kecamatan",
            "Persentase realisasi belanja kecamatan",
            "Realisasi belanja dibagi pagu belanja x 100%",
            "Laporan Realisasi Belanja",
            "persen",
            "95",
        ),
    ]


def test_no_table_line_is_lost() -> None:
    skipped = import_decree(FIXTURE).skipped
    assert all("judul kolom" in s.reason for s in skipped)  # only the headers' 2nd lines


def test_header_labels_one_space_apart() -> None:
    labels = _labels_apart(Piece(10, 31, "Formulasi Sumber Data"))
    assert [(p.start, p.text) for p in labels] == [(10, "Formulasi"), (20, "Sumber Data")]
    assert _labels_apart(Piece(0, 26, "Indikator Kinerja Individu"))[0].text == (
        "Indikator Kinerja Individu"
    )


def test_columns_that_cannot_be_told_apart_are_refused(tmp_path: Path) -> None:
    """pdftotext glued the kinerja's words to the indicator's ("kualitasKepuasan") on
    five lines of a table: no place to cut them, so the table is refused, not guessed."""
    text = FIXTURE.read_text(encoding="utf-8")
    for kinerja in ("kualitas", "layanan ", "publik", "Tanjungsari", "umum"):
        text = re.sub(rf"(?m)^( +{kinerja.strip()}) +(\S)", r"\1\2", text, count=1)
    broken = tmp_path / "lekat.txt"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ImportDocumentError) as error:
        import_decree(broken)
    message = str(error.value)
    assert "lekat.txt" in message
    assert "tidak dapat dipisahkan dengan pasti" in message
    assert "pokin import BERKAS.pdf" in message
