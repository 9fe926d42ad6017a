"""Word decrees (.docx): paragraphs and tables in order, merged cells, nested numbering."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from pokin import ImportDocumentError, Peran
from pokin.decree import import_decree, read_decree

from .decree_files import add_table, numbered

HEADER = ["No", "Rencana Kinerja", "Indikator Kinerja Individu", "Cara Perhitungan", "Sumber Data"]


def sukamaju(path: Path) -> Path:
    """A Keputusan Camat Sukamaju in Word: key-value block tables, merged kinerja cells."""
    d = docx.Document()
    d.add_paragraph("KEPUTUSAN CAMAT SUKAMAJU")
    d.add_paragraph("NOMOR : 800/17/KEC.SKM/2025")
    d.add_paragraph("TENTANG")
    d.add_paragraph("INDIKATOR KINERJA INDIVIDU KECAMATAN SUKAMAJU TAHUN 2025")
    # the Camat: JABATAN / TUGAS / FUNGSI as a key-value table, fungsi nested numbering
    add_table(d, [["JABATAN", ":", "CAMAT SUKAMAJU"], ["TUGAS", ":", "Memimpin kecamatan."]])
    numbered(d.add_paragraph("FUNGSI :"), 0)  # the sections numbered 1. 2. 3., items a. b.
    for text, level in [
        ("Penyelenggaraan urusan pemerintahan umum;", 1),
        ("koordinasi ketenteraman", 2),
        ("koordinasi pemberdayaan", 2),
        ("Pembinaan kelurahan; dan", 1),
    ]:
        numbered(d.add_paragraph(text), level)
    add_table(
        d,
        [
            ["No", "Rencana Kinerja", "Indikator Kinerja", "<", "Sumber Data"],
            [None, None, "Uraian", "Formulasi", None],
            ["1", "2", "3", "4", "5"],
            [
                "1.",
                "Meningkatnya kualitas pelayanan publik",
                "Nilai IKM",
                "Hasil survei",
                "Laporan SKM",
            ],
            [
                None,
                None,
                "Persentase PATEN tepat waktu",
                "Jumlah tepat waktu / jumlah x 100%",
                "Register PATEN",
            ],
            [
                "2.",
                "Meningkatnya ketenteraman wilayah",
                "- Persentase gangguan tertangani",
                "Tertangani / gangguan x 100%",
                "Laporan trantib",
            ],
        ],
    )
    # a Kasi: title as a paragraph, two tables for one position
    d.add_paragraph("JABATAN : KEPALA SEKSI PEMERINTAHAN")
    d.add_paragraph("TUGAS : Membantu Camat dalam urusan pemerintahan.")
    add_table(
        d,
        [
            HEADER,
            [
                "1.",
                "Meningkatnya tertib administrasi kependudukan",
                "• Persentase surat pengantar selesai",
                "Selesai / masuk x 100%",
                "Agenda surat. Catatan: hari kerja = 240 hari",
            ],
        ],
    )
    d.add_paragraph("Lanjutan")
    add_table(
        d,
        [
            HEADER,
            [
                "2.",
                "Terlaksananya pembinaan RT/RW",
                "a. Jumlah rapat koordinasi RT",
                "Jumlah rapat",
                "Notulen",
            ],
            [None, None, "b. Jumlah RT dibina", "Jumlah RT", "Daftar hadir"],
        ],
    )
    d.add_paragraph("Sukamaju, 2 Januari 2025")
    d.add_paragraph("CAMAT SUKAMAJU")
    file = path / "sukamaju.docx"
    d.save(str(file))
    return file


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> object:
    return read_decree(sukamaju(tmp_path_factory.mktemp("docx")))


def test_counts_and_texts(tmp_path: Path) -> None:
    result = import_decree(sukamaju(tmp_path))
    tree = result.tree
    assert result.layout == "docx"
    assert result.skipped == []
    assert tree.summary().startswith("2 jabatan, 4 kinerja, 6 indikator")
    camat, kasi = tree.jabatan
    assert (camat.nama, camat.peran, kasi.peran, kasi.atasan) == (
        "Camat Sukamaju",
        Peran.CAMAT,
        Peran.KASI,
        camat.id,
    )
    assert camat.tugas == "Memimpin kecamatan."
    assert camat.fungsi == [
        "Penyelenggaraan urusan pemerintahan umum; koordinasi ketenteraman; "
        "koordinasi pemberdayaan",
        "Pembinaan kelurahan",
    ]
    k1 = camat.kinerja[0]
    assert k1.uraian == "Meningkatnya kualitas pelayanan publik"
    assert [(i.uraian, i.formulasi, i.sumber_data) for i in k1.indikator] == [
        ("Nilai IKM", "Hasil survei", "Laporan SKM"),
        ("Persentase PATEN tepat waktu", "Jumlah tepat waktu / jumlah x 100%", "Register PATEN"),
    ]
    assert camat.kinerja[1].indikator[0].uraian == "Persentase gangguan tertangani"
    surat = kasi.kinerja[0].indikator[0]
    assert (surat.uraian, surat.sumber_data) == (
        "Persentase surat pengantar selesai",
        "Agenda surat",
    )
    assert surat.catatan == "baris 21: Catatan: hari kerja = 240 hari"
    assert [i.uraian for i in kasi.kinerja[1].indikator] == [
        "Jumlah rapat koordinasi RT",
        "Jumlah RT dibina",
    ]
    assert tree.organisasi.nama == "Kecamatan Sukamaju"
    assert tree.organisasi.dokumen is not None
    assert tree.organisasi.dokumen.nomor == "800/17/KEC.SKM/2025"


def test_a_damaged_docx_is_one_clear_error(tmp_path: Path) -> None:
    file = tmp_path / "rusak.docx"
    good = sukamaju(tmp_path).read_bytes()
    file.write_bytes(good[:300])
    with pytest.raises(ImportDocumentError, match="rusak"):
        import_decree(file)


def test_a_cascading_matrix_in_word(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("MATRIKS CASCADING KECAMATAN SUKAMAJU")
    add_table(
        d,
        [
            ["CAMAT", "<", "KEPALA SEKSI / SEKRETARIS", "<", "<", "STAF", "<", "<"],
            ["Sasaran", "Indikator", "Jabatan", "Kinerja", "Indikator", "Jabatan", "Kinerja",
             "Indikator"],
            ["Meningkatnya ketertiban", "Persentase gangguan tertangani",
             "Kepala Seksi Trantib", "Meningkatnya penanganan gangguan",
             "Jumlah patroli", "Pengadministrasi Trantib", "Tersusunnya laporan patroli",
             "Jumlah laporan patroli"],
            [None, None, None, None, None, "Pengolah Data Trantib",
             "Tersedianya data gangguan", "Jumlah rekap gangguan"],
            [None, None, None, None, "Jumlah penertiban", "", "", ""],  # no staff carries it
        ],
    )  # fmt: skip
    file = tmp_path / "matriks.docx"
    d.save(str(file))
    tree = read_decree(file)
    assert [(j.nama, j.atasan) for j in tree.jabatan] == [
        ("Camat", None),
        ("Kepala Seksi Trantib", "camat"),
        ("Pengadministrasi Trantib", "kepala-seksi-trantib"),
        ("Pengolah Data Trantib", "kepala-seksi-trantib"),
    ]
    kasi = tree.jabatan[1]
    assert [i.uraian for i in kasi.kinerja[0].indikator] == ["Jumlah patroli", "Jumlah penertiban"]
    assert [t.ke for t in kasi.kinerja[0].mendukung] == ["camat.k1.i1"]
    assert [t.ke for t in tree.jabatan[3].kinerja[0].mendukung] == ["kepala-seksi-trantib.k1.i1"]


def test_blocks_inside_a_content_control_are_read(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement

    d = docx.Document()
    paragraph = d.add_paragraph("JABATAN : PENGELOLA KEUANGAN")
    add_table(d, [HEADER, ["1.", "Tertibnya SPJ", "Jumlah SPJ tepat waktu", "Jumlah SPJ", "Arsip"]])
    body = d.element.body
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    table = body.findall(qn("w:tbl"))[0]
    body.insert(body.index(paragraph._p), sdt)
    content.append(paragraph._p)  # a template's content control around the block
    content.append(table)
    file = tmp_path / "templat.docx"
    d.save(str(file))
    tree = read_decree(file)
    assert tree.summary().startswith("1 jabatan, 1 kinerja, 1 indikator")


def test_a_kelurahan_heading_places_the_blocks_below_it(tmp_path: Path) -> None:
    d = docx.Document()
    for heading in ("B. KELURAHAN SUKA DAMAI", "C. KELURAHAN SUKA MAKMUR"):
        d.add_paragraph(heading)
        d.add_paragraph("JABATAN : LURAH")
        add_table(d, [HEADER, ["1.", "Meningkatnya layanan", "Nilai IKM", "Survei", "SKM"]])
        d.add_paragraph("JABATAN : SEKRETARIS KELURAHAN")
        add_table(d, [HEADER, ["1.", "Tertibnya administrasi", "Jumlah SPJ", "Jumlah", "Arsip"]])
    file = tmp_path / "kelurahan.docx"
    d.save(str(file))
    tree = read_decree(file)
    assert [(j.unit, j.atasan) for j in tree.jabatan] == [
        ("Kelurahan Suka Damai", None),
        ("Kelurahan Suka Damai", "lurah-kelurahan-suka-damai"),
        ("Kelurahan Suka Makmur", None),
        ("Kelurahan Suka Makmur", "lurah-kelurahan-suka-makmur"),
    ]


def test_a_coded_iku_table_before_the_positions(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("INDIKATOR KINERJA UTAMA")
    add_table(
        d,
        [
            ["No", "Kode", "Sasaran / Indikator Kinerja Utama", "Formulasi", "Satuan", "Target"],
            ["1", "S.1", "Meningkatnya kualitas pelayanan publik", "", "", ""],
            ["", "I.K.S.1.1", "Nilai IKM kecamatan", "Hasil survei", "indeks", "82"],
            ["", "I.K.S.1.2", "Persentase PATEN tepat waktu", "Tepat / total x 100%", "persen",
             "95"],
        ],
    )  # fmt: skip
    d.add_paragraph("JABATAN : CAMAT")
    add_table(d, [HEADER, ["1.", "Meningkatnya pelayanan", "Nilai IKM", "Survei", "SKM"]])
    tree = read_decree(_save(d, tmp_path / "iku-iki.docx"))
    (sasaran,) = tree.iku
    assert (sasaran.id, sasaran.uraian) == ("S.1", "Meningkatnya kualitas pelayanan publik")
    assert [(i.id, i.uraian, i.target) for i in sasaran.indikator] == [
        ("I.K.S.1.1", "Nilai IKM kecamatan", "82"),
        ("I.K.S.1.2", "Persentase PATEN tepat waktu", "95"),
    ]
    assert tree.summary().startswith("1 jabatan, 1 kinerja, 1 indikator")


def _save(document: docx.document.Document, file: Path) -> Path:
    document.save(str(file))
    return file
