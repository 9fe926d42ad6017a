"""Hostile Word and Excel files: XML entities (XXE, "billion laughs") and macro-enabled
Word files.

Before: a .docx whose document.xml declared an external entity imported with exit 0 and
the entity's text left out in silence (lxml leaves it unresolved), the same in an .xlsx was
"isinya tidak dapat dibaca", and the matrix reader named ElementTree's class ("ParseError:
undefined entity"). A macro-enabled Word file (.docm, as Word saves one with a macro) was
refused as "rusak atau bukan .docx". Now any XML part declaring a DOCTYPE is refused naming
the part, and a .docm is read as the document it is, its macros never read, with a note.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from pokin import ImportDocumentError, PokinFileError
from pokin.decree import import_decree
from pokin.excel import export_xlsx, read_xlsx

from .conftest import make
from .decree_files import add_table

Rewrite = Callable[[str, bytes], bytes]


def pagar_alam(path: Path) -> Path:
    """An invented Keputusan Camat Pagar Alam in Word: two positions, one table each."""
    d = docx.Document()
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN PAGAR ALAM TAHUN 2026")
    head = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Target"]
    add_table(d, [["JABATAN", ":", "CAMAT PAGAR ALAM"], ["TUGAS", ":", "Memimpin kecamatan."]])
    add_table(
        d,
        [
            head,
            ["1.", "Meningkatnya pelayanan publik", "Indeks Kepuasan Masyarakat", "Rata-rata "
             "nilai survei", "Laporan SKM", "82"],
        ],
    )  # fmt: skip
    add_table(d, [["JABATAN", ":", "SEKRETARIS KECAMATAN"], ["TUGAS", ":", "Membantu Camat."]])
    add_table(
        d,
        [
            head,
            ["1.", "Meningkatnya tata kelola keuangan", "Persentase SPJ tepat waktu", "SPJ "
             "tepat waktu / seluruh SPJ x 100%", "Register SPJ", "95"],
        ],
    )  # fmt: skip
    d.save(str(path))
    return path


def rewritten(source: Path, target: Path, change: Rewrite, extra: dict[str, bytes]) -> Path:
    """``source`` with each member's bytes passed through ``change``, and ``extra`` added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            new.writestr(member.filename, change(member.filename, old.read(member)))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def with_doctype(part: str, doctype: bytes, before: bytes, entity: bytes) -> Rewrite:
    """A change giving ``part`` a DOCTYPE and using ``entity`` before the text ``before``."""

    def change(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        end = data.index(b"?>") + 2
        return (data[:end] + doctype + data[end:]).replace(before, entity + before, 1)

    return change


XXE = b'<!DOCTYPE x [<!ENTITY rahasia SYSTEM "file:///etc/hostname">]>'
LAUGHS = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize(("doctype", "entity"), [(XXE, b"&rahasia;"), (LAUGHS, b"&b;")])
def test_a_word_decree_declaring_xml_entities_is_refused(
    tmp_path: Path, doctype: bytes, entity: bytes
) -> None:
    change = with_doctype("word/document.xml", doctype, b"CAMAT PAGAR ALAM", entity)
    evil = rewritten(pagar_alam(tmp_path / "a.docx"), tmp_path / "pagar-alam.docx", change, {})
    with pytest.raises(ImportDocumentError) as caught:
        import_decree(evil)
    message = str(caught.value)
    assert "'word/document.xml'" in message
    assert "DOCTYPE" in message
    assert caught.value.hint is not None
    assert "XXE" in caught.value.hint


def test_a_matrix_declaring_xml_entities_is_refused(tmp_path: Path) -> None:
    exported = export_xlsx(make(), tmp_path / "m.xlsx")
    change = with_doctype("xl/sharedStrings.xml", XXE, b"Camat", b"&rahasia;")
    evil = rewritten(exported, tmp_path / "matriks.xlsx", change, {})
    with pytest.raises(PokinFileError) as caught:
        read_xlsx(evil)
    assert "'xl/sharedStrings.xml'" in str(caught.value)
    assert "ParseError" not in str(caught.value)


def test_a_damaged_part_of_a_matrix_is_said_without_a_class_name(tmp_path: Path) -> None:
    exported = export_xlsx(make(), tmp_path / "m.xlsx")

    def cut(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/workbook.xml" else data

    damaged = rewritten(exported, tmp_path / "matriks.xlsx", cut, {})
    with pytest.raises(PokinFileError) as caught:
        read_xlsx(damaged)
    assert "isi XML-nya rusak" in str(caught.value)
    assert "ParseError" not in str(caught.value)


MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def test_a_macro_enabled_word_decree_is_read_and_its_macros_left_alone(tmp_path: Path) -> None:
    def macro_enabled(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(MAIN.encode(), MACRO.encode())
        return data

    plain = pagar_alam(tmp_path / "biasa.docx")
    docm = rewritten(
        plain, tmp_path / "pagar-alam.docm", macro_enabled, {"word/vbaProject.bin": b"\xd0\xcf"}
    )
    result = import_decree(docm)
    expected = import_decree(plain).tree
    assert [j.nama for j in result.tree.jabatan] == [j.nama for j in expected.jabatan]
    assert [i.uraian for _, i in result.tree.iter_indikator()] == [
        i.uraian for _, i in expected.iter_indikator()
    ]
    assert len(list(expected.iter_indikator())) == 2
    assert any("bermakro (.docm)" in text and "tidak dijalankan" in text for _, text in
               result.notes)  # fmt: skip
