"""A .docx that holds the decree as an HTML "altChunk" (a web application's "Unduh Word")
is read with the HTML reader; a chunk of another kind, and an OpenDocument file (.odt,
.ods, also one renamed .docx), are refused saying what the file is and how to save it
(QA9 #15, #10). Invented decree: Kecamatan Tanjung Seruni."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pokin import ImportDocumentError
from pokin.decree import import_decree

HTML = (
    "<html><head><meta charset='utf-8'></head><body>"
    "<h3>KEPUTUSAN CAMAT TANJUNG SERUNI</h3>"
    "<p>Nama Jabatan : Kepala Seksi Ketenteraman dan Ketertiban Umum</p>"
    "<p>Tugas : Menyiapkan koordinasi ketenteraman dan ketertiban umum kecamatan.</p>"
    "<table><tr><th>No</th><th>Sasaran Kinerja</th><th>Indikator Kinerja</th>"
    "<th>Formulasi</th><th>Sumber Data</th><th>Satuan</th><th>Target</th></tr>"
    "<tr><td>1.</td><td>Tertanganinya gangguan ketertiban di pasar</td>"
    "<td>Jumlah patroli pasar terpadu</td><td>Hitungan patroli</td>"
    "<td>Laporan Satpol PP</td><td>kali</td><td>24</td></tr>"
    "</table></body></html>"
)
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Default Extension="{ext}" ContentType="{type}"/><Override PartName='
    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="chunk1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.{ext}"/>'
    "</Relationships>"
)
_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
    '.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><w:body><w:altChunk r:id="chunk1"/><w:sectPr/>'
    "</w:body></w:document>"
)


def _chunked(path: Path, ext: str, kind: str, data: bytes) -> Path:
    """A .docx whose body is one altChunk part ``chunk.<ext>`` of content type ``kind``."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _TYPES.format(ext=ext, type=kind))
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", _DOCUMENT)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS.format(ext=ext))
        archive.writestr(f"word/chunk.{ext}", data)
    return path


def _check(path: Path) -> None:
    result = import_decree(path)
    (jabatan,) = result.tree.jabatan
    assert jabatan.nama == "Kepala Seksi Ketenteraman dan Ketertiban Umum"
    (kinerja,) = jabatan.kinerja
    (indikator,) = kinerja.indikator
    assert (kinerja.uraian, indikator.uraian, indikator.satuan, str(indikator.target)) == (
        "Tertanganinya gangguan ketertiban di pasar",
        "Jumlah patroli pasar terpadu",
        "kali",
        "24",
    )
    assert any("potongan HTML (altChunk)" in note for _, note in result.notes)


def test_an_html_chunk_is_read_with_the_html_reader(tmp_path: Path) -> None:
    html = HTML.encode("utf-8")
    _check(_chunked(tmp_path / "unduh.docx", "htm", "application/xhtml+xml", html))


def test_a_web_archive_chunk_is_read_too(tmp_path: Path) -> None:
    mht = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n'
        '--b1\r\nContent-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + HTML.replace("=", "=3D")
        + "\r\n--b1--\r\n"
    ).encode("ascii")
    _check(_chunked(tmp_path / "unduh-mht.docx", "mht", "message/rfc822", mht))


def test_a_chunk_of_another_kind_is_refused_with_how_to_convert(tmp_path: Path) -> None:
    path = _chunked(tmp_path / "rtf.docx", "rtf", "application/rtf", b"{\\rtf1 IKI}")
    with pytest.raises(ImportDocumentError, match=r"application/rtf.*altChunk") as caught:
        import_decree(path)
    assert "simpan ulang" in (caught.value.hint or "")


@pytest.mark.parametrize(
    ("name", "mimetype", "save_as"),
    [
        ("iki.odt", "text", "Word 2007-365 (.docx)"),
        ("iki-diganti-nama.docx", "text", "Word 2007-365 (.docx)"),
        ("iki.ods", "spreadsheet", "Excel 2007-365 (.xlsx)"),
    ],
)
def test_an_opendocument_file_is_named_and_how_to_save_it(
    tmp_path: Path, name: str, mimetype: str, save_as: str
) -> None:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{mimetype}")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ImportDocumentError, match="dokumen OpenDocument") as caught:
        import_decree(path)
    assert "rusak" not in caught.value.message
    assert save_as in (caught.value.hint or "")
