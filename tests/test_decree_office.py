"""Office Excel workbooks, cascading matrices, IKU-only documents and --merge."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pokin import Peran
from pokin.cli import main
from pokin.decree import import_decree, merge_trees, read_decree
from pokin.excel import export_xlsx, read_xlsx
from pokin.io import load

from .decree_files import add_table

HEADER = ["No", "Kinerja", "Indikator Kinerja Individu", "Definisi Operasional", "Sumber Data"]


def per_sheet(path: Path) -> Path:
    """One sheet per position: a JABATAN cell (merged across) or only the sheet's name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kasi Trantib"
    ws.append(["JABATAN : KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM"])
    ws.merge_cells("A1:E1")
    ws.append(["TUGAS : Membantu Camat dalam ketenteraman dan ketertiban umum."])
    ws.append([])
    ws.append([*HEADER, "Satuan", "Target"])
    ws.append(
        [
            1,
            "Meningkatnya ketertiban umum",
            "Persentase gangguan trantib tertangani",
            "Tertangani / dilaporkan x 100%",
            "Laporan trantib",
            "persen",
            100,
        ]
    )
    ws.append([None, None, "Jumlah patroli wilayah", "Jumlah patroli", "Buku patroli", "kali", 24])
    ws["G5"].number_format = "0%"  # typed as 100% in Excel
    ws["G5"].value = 1
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    ws.append([*HEADER, "Satuan", "Target"])  # the header repeated on the next page
    ws.append(
        [
            2,
            "Terlaksananya penegakan Perda",
            "Jumlah pelanggaran Perda ditindak",
            "Jumlah penindakan",
            "Register penindakan",
            "kasus",
            12,
        ]
    )
    staf = wb.create_sheet("Pengadministrasi Trantib")
    staf.append(HEADER)
    staf.append(
        [
            "1.",
            "Tersusunnya laporan patroli",
            "Jumlah laporan patroli",
            "Jumlah laporan",
            "Arsip laporan",
        ]
    )
    file = path / "trantib.xlsx"
    wb.save(file)
    return file


def test_one_sheet_per_position(tmp_path: Path) -> None:
    result = import_decree(per_sheet(tmp_path))
    tree = result.tree
    assert result.layout == "xlsx"
    assert result.skipped == []
    assert tree.summary().startswith("2 jabatan, 3 kinerja, 4 indikator")
    kasi, staf = tree.jabatan
    assert (kasi.peran, staf.nama) == (Peran.KASI, "Pengadministrasi Trantib")
    assert [(i.uraian, i.satuan, i.target) for i in kasi.kinerja[0].indikator] == [
        ("Persentase gangguan trantib tertangani", "persen", "100%"),
        ("Jumlah patroli wilayah", "kali", "24"),
    ]
    assert kasi.kinerja[1].uraian == "Terlaksananya penegakan Perda"
    assert staf.kinerja[0].indikator[0].sumber_data == "Arsip laporan"


def test_one_long_table_with_a_jabatan_column(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Jabatan", "No", "Sasaran", "Indikator", "Formulasi", "Sumber Data", "Target"])
    ws.append(
        [
            "Sekretaris Kecamatan",
            1,
            "Meningkatnya akuntabilitas",
            "Nilai SAKIP",
            "Nilai LHE",
            "LHE Inspektorat",
            "70",
        ]
    )
    ws.append(
        [
            None,
            2,
            "Meningkatnya tertib keuangan",
            "Persentase SPJ tepat waktu",
            "SPJ tepat / SPJ x 100%",
            "Register SPJ",
            "100%",
        ]
    )
    ws.merge_cells("A2:A3")
    ws.append(
        [
            "Bendahara Pengeluaran",
            1,
            "Tertibnya penatausahaan keuangan",
            "Jumlah laporan keuangan",
            "Jumlah laporan",
            "Arsip SPJ",
            "12 laporan",
        ]
    )
    file = tmp_path / "panjang.xlsx"
    wb.save(file)
    tree = read_decree(file)
    assert [(j.nama, j.peran, len(j.kinerja)) for j in tree.jabatan] == [
        ("Sekretaris Kecamatan", Peran.SEKRETARIS, 2),
        ("Bendahara Pengeluaran", Peran.BENDAHARA, 1),
    ]
    split = tree.jabatan[0].kinerja[1].indikator[0]
    assert (split.target, split.satuan) == ("100", "%")  # no Satuan column


def test_import_tells_pokins_matrix_from_an_office_workbook(tmp_path: Path) -> None:
    office = per_sheet(tmp_path)
    assert main(["import", str(office), "-o", str(tmp_path / "a.yaml"), "-q"]) == 0
    assert load(tmp_path / "a.yaml").summary().startswith("2 jabatan")
    matrix = export_xlsx(load(tmp_path / "a.yaml"), tmp_path / "matriks.xlsx")
    assert main(["import", str(matrix), "-o", str(tmp_path / "b.yaml"), "-q"]) == 0
    assert load(tmp_path / "b.yaml") == read_xlsx(matrix)


def cascading(path: Path) -> Path:
    """A matriks cascading in Excel: level titles, a column pair per level, merged down."""
    wb = Workbook()
    ws = wb.active
    ws.append(["CAMAT", None, "ESELON IV", None, None, "STAF", None, None])
    ws.merge_cells("A1:B1")
    ws.merge_cells("C1:E1")
    ws.merge_cells("F1:H1")
    ws.append(
        [
            "Sasaran",
            "Indikator",
            "Jabatan",
            "Sasaran",
            "Indikator",
            "Jabatan",
            "Kinerja",
            "Indikator",
        ]
    )
    ws.append(
        [
            "Meningkatnya pelayanan publik",
            "Nilai IKM",
            "Kepala Seksi Pelayanan",
            "Meningkatnya kualitas layanan PATEN",
            "Persentase PATEN tepat waktu",
            "Pengadministrasi Layanan",
            "Terlayaninya permohonan PATEN",
            "Jumlah permohonan terlayani",
        ]
    )
    ws.append(
        [
            None,
            None,
            None,
            None,
            None,
            "Pengolah Data Layanan",
            "Tersedianya data layanan",
            "Jumlah rekap layanan",
        ]
    )
    ws.append(
        [
            None,
            None,
            "Kasubbag Umum",
            "Meningkatnya tertib administrasi",
            "Persentase surat tertib",
            None,
            None,
            None,
        ]
    )
    ws.append([None, "Persentase aduan selesai", None, None, None, None, None, None])
    for ref in ("A3:A6", "B3:B5", "C3:C4", "D3:D4", "E3:E4"):
        ws.merge_cells(ref)
    file = path / "cascading.xlsx"
    wb.save(file)
    return file


def test_a_cascading_matrix_declares_its_links(tmp_path: Path) -> None:
    tree = read_decree(cascading(tmp_path))
    names = [(j.nama, j.peran, j.atasan) for j in tree.jabatan]
    assert names == [
        ("Camat", Peran.CAMAT, None),
        ("Kepala Seksi Pelayanan", Peran.KASI, "camat"),
        ("Pengadministrasi Layanan", Peran.PELAKSANA, "kepala-seksi-pelayanan"),
        ("Pengolah Data Layanan", Peran.PELAKSANA, "kepala-seksi-pelayanan"),
        ("Kasubbag Umum", Peran.KASUBBAG, "camat"),
    ]
    assert tree.summary().startswith("5 jabatan, 5 kinerja, 6 indikator")
    camat = tree.jabatan[0]
    assert [i.uraian for i in camat.kinerja[0].indikator] == [
        "Nilai IKM",
        "Persentase aduan selesai",
    ]
    kasi, admin, data, kasubbag = tree.jabatan[1:]
    assert [t.ke for t in kasi.kinerja[0].mendukung] == ["camat.k1.i1"]
    assert [t.ke for t in admin.kinerja[0].mendukung] == ["kepala-seksi-pelayanan.k1.i1"]
    assert [t.ke for t in data.kinerja[0].mendukung] == ["kepala-seksi-pelayanan.k1.i1"]
    assert [t.ke for t in kasubbag.kinerja[0].mendukung] == ["camat.k1.i1"]
    assert all(
        t.asal.value == "deklarasi" for j in tree.jabatan for k in j.kinerja for t in k.mendukung
    )


def iku_pdf(path: Path) -> Path:
    """An e-SAKIP IKU page: sasaran strategis, IKU, satuan, a target per year, PJ."""
    data = [
        [
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja Utama",
            "Satuan",
            "Target",
            "",
            "Penanggung Jawab",
        ],
        ["", "", "", "", "2025", "2026", ""],
        ["1", "Meningkatnya pelayanan publik", "Nilai IKM", "indeks", "82", "84", "Kasi Pelayanan"],
        ["", "", "Persentase PATEN tepat waktu", "persen", "95", "97", "Kasi Pelayanan"],
        [
            "2",
            "Meningkatnya akuntabilitas kinerja",
            "Nilai SAKIP",
            "nilai",
            "70",
            "72",
            "Sekretaris",
        ],
    ]
    table = Table(data)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (4, 0), (5, 0)),
                *[("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 3, 6)],
                ("SPAN", (0, 2), (0, 3)),
                ("SPAN", (1, 2), (1, 3)),
            ]
        )
    )
    file = path / "iku.pdf"
    style = getSampleStyleSheet()["BodyText"]
    story = [
        Paragraph("INDIKATOR KINERJA UTAMA", style),
        Paragraph("KECAMATAN SUKAMAJU", style),
        table,
    ]
    SimpleDocTemplate(str(file), pagesize=landscape(A4)).build(story)
    return file


def test_an_iku_only_document(tmp_path: Path) -> None:
    tree = read_decree(iku_pdf(tmp_path))
    assert tree.jabatan == []
    assert [(s.uraian, [i.uraian for i in s.indikator]) for s in tree.iku] == [
        ("Meningkatnya pelayanan publik", ["Nilai IKM", "Persentase PATEN tepat waktu"]),
        ("Meningkatnya akuntabilitas kinerja", ["Nilai SAKIP"]),
    ]
    ikm = tree.iku[0].indikator[0]
    assert (ikm.satuan, ikm.target) == ("indeks", "82")
    assert [(p.periode, p.target) for p in ikm.per_periode] == [("2025", "82"), ("2026", "84")]
    assert ikm.catatan is not None
    assert "penanggung jawab: Kasi Pelayanan" in ikm.catatan


def iki_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("KECAMATAN SUKAMAJU")
    d.add_paragraph("JABATAN : CAMAT")
    add_table(d, [HEADER, ["1.", "Meningkatnya pelayanan publik", "Nilai IKM", "Survei", "SKM"]])
    file = path / "iki.docx"
    d.save(str(file))
    return file


def test_merge_an_iku_and_an_iki_document(tmp_path: Path) -> None:
    iku, iki = iku_pdf(tmp_path), iki_docx(tmp_path)
    out = tmp_path / "kecamatan.yaml"
    assert main(["import", str(iku), str(iki), "-o", str(out), "--merge", "-q"]) == 0
    tree = load(out)
    assert (tree.organisasi.nama, len(tree.iku), len(tree.jabatan)) == ("Kecamatan Sukamaju", 2, 1)
    with pytest.raises(Exception, match="lebih dari satu dokumen memuat blok jabatan"):
        merge_trees([("a", read_decree(iki)), ("b", read_decree(iki))])


def test_files_without_a_decree_are_one_clear_error_each(tmp_path: Path) -> None:
    from pokin import ImportDocumentError

    docx.Document().save(str(tmp_path / "kosong.docx"))
    wb = Workbook()
    wb.active.append(["halo", "dunia"])
    wb.save(tmp_path / "lain.xlsx")
    (tmp_path / "menyamar.docx").write_bytes((tmp_path / "lain.xlsx").read_bytes())
    for name in ("kosong.docx", "lain.xlsx", "menyamar.docx"):  # kind told by content
        with pytest.raises(ImportDocumentError, match="tidak ditemukan blok jabatan"):
            import_decree(tmp_path / name)


def test_an_iku_sheet_beside_the_position_sheets(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Camat"
    ws.append(HEADER)
    ws.append(["1.", "Meningkatnya pelayanan", "Nilai IKM", "Hasil survei", "Laporan SKM"])
    iku = wb.create_sheet("IKU")
    iku.append(
        [
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja Utama",
            "Satuan",
            "Target 2025",
            "Target 2026",
        ]
    )
    iku.append([1, "Meningkatnya kualitas pelayanan", "Nilai IKM", "indeks", 82, 84])
    file = tmp_path / "iku-iki.xlsx"
    wb.save(file)
    tree = read_decree(file)
    assert tree.summary().startswith("1 jabatan, 1 kinerja, 1 indikator")
    (sasaran,) = tree.iku
    assert [(i.uraian, i.target) for i in sasaran.indikator] == [("Nilai IKM", "82")]
    assert [p.periode for p in sasaran.indikator[0].per_periode] == ["2025", "2026"]
