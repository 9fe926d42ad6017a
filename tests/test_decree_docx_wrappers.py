"""Word tables whose rows or cells stand inside another element, and rows that leave grid
columns out (QA9 #13, #14). Invented decree of Kecamatan Bukit Lembayung.

Word's schema lets a content control (``w:sdt``, a form template's repeating section or
text field) or a custom XML element stand between a table and its rows, and between a row
and its cells; a table pasted from a web page or Excel writes rows that start or end with
``w:gridBefore`` / ``w:gridAfter`` instead of cells. Each was read with rows lost or cells
shifted one column to the left, in silence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pokin.decree import import_decree, read_decree

from .decree_files import add_table

HEADER = ["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Satuan", "Target"]
ROWS: list[list[str | None]] = [
    ["1.", "Meningkatnya tertib arsip kecamatan", "Persentase arsip aktif terdaftar",
     "Arsip terdaftar / arsip aktif x 100%", "persen", "90"],
    [None, None, "Jumlah berkas arsip inaktif yang dipindahkan", "Hitungan berkas", "berkas",
     "120"],
    ["2.", "Terlaksananya pembinaan RT/RW", "Jumlah RT/RW yang dibina", "Hitungan RT/RW",
     "RT/RW", "34"],
]  # fmt: skip
WANT = [
    ("Meningkatnya tertib arsip kecamatan", "Persentase arsip aktif terdaftar",
     "Arsip terdaftar / arsip aktif x 100%", "persen", "90"),
    ("Meningkatnya tertib arsip kecamatan", "Jumlah berkas arsip inaktif yang dipindahkan",
     "Hitungan berkas", "berkas", "120"),
    ("Terlaksananya pembinaan RT/RW", "Jumlah RT/RW yang dibina", "Hitungan RT/RW", "RT/RW",
     "34"),
]  # fmt: skip


def _decree() -> tuple[Any, Any]:
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT BUKIT LEMBAYUNG")
    d.add_paragraph("JABATAN : SEKRETARIS KECAMATAN")
    add_table(d, [HEADER, *ROWS])
    return d, d.tables[0]._tbl


def _rows(path: Path) -> list[tuple[str, ...]]:
    tree = read_decree(path)
    return [
        (k.uraian, i.uraian, i.formulasi or "", i.satuan or "", str(i.target))
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]


def _wrap(nodes: list[Any], tag: str = "w:sdt") -> Any:
    """Put ``nodes`` (siblings) into a content control (or a custom XML element)."""
    first = nodes[0]
    wrapper = OxmlElement(tag)
    if tag == "w:sdt":
        props, content = OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
        alias = OxmlElement("w:alias")
        alias.set(qn("w:val"), "Baris IKI")
        props.append(alias)
        wrapper.append(props)
        wrapper.append(content)
    else:
        wrapper.set(qn("w:element"), "indikator")
        content = wrapper
    first.addprevious(wrapper)
    for node in nodes:
        content.append(node)
    return wrapper


def _save(d: Any, path: Path) -> Path:
    d.save(str(path))
    return path


def test_rows_inside_a_repeating_section_are_read(tmp_path: Path) -> None:
    d, tbl = _decree()
    rows = tbl.findall(qn("w:tr"))
    section = _wrap(rows[1:])  # the data rows, as a form template's repeating section
    _wrap([section.find(qn("w:sdtContent")).findall(qn("w:tr"))[2]])  # one item nested
    assert _rows(_save(d, tmp_path / "repeating.docx")) == WANT


def test_rows_inside_custom_xml_are_read(tmp_path: Path) -> None:
    d, tbl = _decree()
    _wrap(tbl.findall(qn("w:tr"))[1:3], "w:customXml")
    assert _rows(_save(d, tmp_path / "customxml.docx")) == WANT


def test_a_cell_inside_a_content_control_keeps_its_column(tmp_path: Path) -> None:
    d, tbl = _decree()
    for tr in tbl.findall(qn("w:tr"))[1:]:
        _wrap([tr.findall(qn("w:tc"))[2]])  # the Indikator cell is a text field
    _wrap([tbl.findall(qn("w:tr"))[3].findall(qn("w:tc"))[3]], "w:customXml")
    assert _rows(_save(d, tmp_path / "field.docx")) == WANT


def _omit_first(tr: Any, count: int = 1) -> None:
    """The row leaves its first ``count`` grid columns out (``w:gridBefore``)."""
    for tc in tr.findall(qn("w:tc"))[:count]:
        tr.remove(tc)
    props = tr.find(qn("w:trPr"))
    if props is None:
        props = OxmlElement("w:trPr")
        tr.insert(0, props)
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), str(count))
    props.append(before)


def test_a_row_starting_with_grid_before_keeps_its_columns(tmp_path: Path) -> None:
    d, tbl = _decree()
    _omit_first(tbl.findall(qn("w:tr"))[2])  # the merged "No" of the continuation row
    assert _rows(_save(d, tmp_path / "web.docx")) == WANT


def test_grid_before_two_columns_then_a_spanning_cell_and_grid_after(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT BUKIT LEMBAYUNG")
    d.add_paragraph("JABATAN : KEPALA SEKSI KESEJAHTERAAN SOSIAL")
    add_table(
        d,
        [
            ["No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Satuan", "Target",
             "Ket."],
            ["1.", "Tersalurkannya bantuan sosial tepat sasaran",
             "Persentase penerima bantuan yang diverifikasi", "Diverifikasi / penerima x 100%",
             "persen", "100", ""],
            [None, None, "Jumlah musyawarah desa/kelurahan yang difasilitasi",
             "Hitungan musyawarah", "kali", "12", ""],
        ],
    )  # fmt: skip
    rows = d.tables[0]._tbl.findall(qn("w:tr"))
    _omit_first(rows[2], 2)  # "No" and "Sasaran Kinerja" continue from above
    last = rows[2].findall(qn("w:tc"))[-1]
    rows[2].remove(last)  # and the row stops before "Ket."
    after = OxmlElement("w:gridAfter")
    after.set(qn("w:val"), "1")
    rows[2].find(qn("w:trPr")).append(after)
    # Formulasi and Satuan written once, merged across both columns, after the gap
    cells = rows[2].findall(qn("w:tc"))
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "2")
    cells[1].get_or_add_tcPr().append(span)
    rows[2].remove(cells[2])
    tree = read_decree(_save(d, tmp_path / "kesos.docx"))
    (kinerja,) = tree.jabatan[0].kinerja
    assert kinerja.uraian == "Tersalurkannya bantuan sosial tepat sasaran"
    second = kinerja.indikator[1]
    assert second.uraian == "Jumlah musyawarah desa/kelurahan yang difasilitasi"
    assert (second.formulasi, str(second.target)) == ("Hitungan musyawarah", "12")


def test_an_unfilled_field_shows_its_prompt_and_is_read_empty(tmp_path: Path) -> None:
    d, tbl = _decree()
    cell = tbl.findall(qn("w:tr"))[3].findall(qn("w:tc"))[3]  # the third row's Formulasi
    for t in cell.iter(qn("w:t")):
        t.text = "Klik atau ketuk di sini untuk memasukkan teks."
    run = next(cell.iter(qn("w:r")))
    field = _wrap([run])
    field.find(qn("w:sdtPr")).append(OxmlElement("w:showingPlcHdr"))
    filled = tbl.findall(qn("w:tr"))[2].findall(qn("w:tc"))[3]
    _wrap([next(filled.iter(qn("w:r")))])  # a filled field in the row above stays
    path = _save(d, tmp_path / "isian.docx")
    assert _rows(path) == [*WANT[:2], (*WANT[2][:2], "", *WANT[2][3:])]
    notes = [note for _, note in import_decree(path).notes]
    assert any("belum diisi" in note and "Klik atau ketuk" in note for note in notes)
