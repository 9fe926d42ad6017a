"""Where a decree's IKU table ends (issue-11-blind.md, "Import defect found": the Camat's
"Tugas:" line after the IKU table was read as an IKU row). The IKU table ends at a
position's title (the tab reader's fix), and also at the heading of the IKI part
("INDIKATOR KINERJA INDIVIDU") and at the header of a table of the positions' own
indicators (a Jabatan column, or "Individu"): a long IKI table right below the IKU table
was read as IKU rows, a tree of 0 jabatan, exit 0. Invented decree: Kecamatan Sukamanah."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pokin.decree import import_decree
from pokin.models import PohonKinerja

from .decree_files import add_table

IKU = [
    ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"],
    ["1", "Meningkatnya kualitas pelayanan publik", "Indeks kepuasan masyarakat", "82"],
]
IKI = [
    ["No", "Jabatan", "Kinerja", "Indikator Kinerja", "Formulasi", "Target"],
    [
        "1",
        "CAMAT SUKAMANAH",
        "Meningkatnya kualitas pelayanan publik",
        "Indeks kepuasan masyarakat",
        "Rata-rata nilai survei",
        "82",
    ],
    [
        "2",
        "SEKRETARIS KECAMATAN",
        "Tertibnya administrasi keuangan",
        "Persentase SPJ tepat waktu",
        "SPJ tepat waktu ÷ seluruh SPJ × 100%",
        "95",
    ],
]


def _iki(tree: PohonKinerja) -> list[str]:
    return [i.uraian for j in tree.jabatan for k in j.kinerja for i in k.indikator]


@pytest.mark.parametrize("headings", [True, False])
def test_a_long_iki_table_below_the_iku_table_is_no_iku(tmp_path: Path, headings: bool) -> None:
    document = docx.Document()
    if headings:
        document.add_paragraph("INDIKATOR KINERJA UTAMA KECAMATAN SUKAMANAH")
    add_table(document, [list(r) for r in IKU])
    if headings:
        document.add_paragraph("INDIKATOR KINERJA INDIVIDU")
    add_table(document, [list(r) for r in IKI])
    path = tmp_path / "iku-iki.docx"
    document.save(str(path))
    result = import_decree(path)
    assert [s.uraian for s in result.tree.iku] == ["Meningkatnya kualitas pelayanan publik"]
    assert [j.nama for j in result.tree.jabatan] == ["Camat Sukamanah", "Sekretaris Kecamatan"]
    assert _iki(result.tree) == [r[3] for r in IKI[1:]]
    assert not result.skipped


def test_the_iki_heading_ends_an_iku_table_its_header_does_not_name(tmp_path: Path) -> None:
    """Under an "INDIKATOR KINERJA UTAMA" title a table "Sasaran | Indikator" is the IKU
    table; after the IKI heading, the Camat's table (under his JABATAN) is his. (A guard:
    this passed before too; the new ends must not cut an IKU table short.)"""
    document = docx.Document()
    document.add_paragraph("INDIKATOR KINERJA UTAMA")
    add_table(document, [["No", "Sasaran", "Indikator", "Target"], IKU[1]])
    document.add_paragraph("INDIKATOR KINERJA INDIVIDU")
    document.add_paragraph("JABATAN : CAMAT SUKAMANAH")
    document.add_paragraph("TUGAS : Memimpin penyelenggaraan pemerintahan kecamatan.")
    add_table(
        document,
        [["No", "Kinerja", "Indikator Kinerja", "Target"], IKI[1][:1] + IKI[1][2:4] + ["82"]],
    )
    path = tmp_path / "iku-iki.docx"
    document.save(str(path))
    result = import_decree(path)
    assert len(result.tree.iku) == 1
    (camat,) = result.tree.jabatan
    assert camat.tugas == "Memimpin penyelenggaraan pemerintahan kecamatan."
    assert _iki(result.tree) == ["Indeks kepuasan masyarakat"]
    assert not result.skipped
