"""Defects of the third QA pass on the decree importer (numbers from notes/qa3.md).

Every fixture is invented ("Kecamatan Sukamekar", "Kota Lembah Hijau"), in the decrees'
style, not a copy of the QA inputs.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from pokin import ImportDocumentError
from pokin.cli import main
from pokin.decree import import_decree, read_decree
from pokin.decree.header import read_header
from pokin.io import load

from .decree_files import add_table

SKP_HEADER = "Rencana Hasil Kerja\tAspek\tIndikator Kinerja Individu\tTarget\tSatuan"
SKP_ROW = "Meningkatnya layanan administrasi\tKuantitas\tPersentase surat selesai\t95\t%"


# -- #10: a missing workbook ------------------------------------------------------------------


def test_a_missing_workbook_is_said_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA3 #10: a mistyped .xlsx name was "bukan buku kerja Excel ... (FileNotFoundError)"."""
    missing = tmp_path / "salah-ketik.xlsx"
    with pytest.raises(ImportDocumentError, match="berkas tidak ada"):
        import_decree(missing)
    assert main(["import", str(missing), "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "berkas tidak ada" in err
    assert "periksa path-nya" in err
    assert "FileNotFoundError" not in err
    assert not (tmp_path / "x.yaml").exists()


# -- #5, #6, #7: the header of SKP forms and of a Keputusan Camat ----------------------------


@pytest.mark.parametrize(
    ("lines", "nama", "tahun"),
    [
        (
            ["SASARAN KINERJA PEGAWAI KECAMATAN BATU AMPAR HILIR TAHUN 2026"],
            "Kecamatan Batu Ampar Hilir",
            2026,
        ),
        (
            ["SASARAN KINERJA PEGAWAI", "UNIT KERJA : Kecamatan Sukamekar",
             "PERIODE PENILAIAN : 2 Januari s.d. 31 Desember 2026"],
            "Kecamatan Sukamekar",
            2026,
        ),
        (
            ["SASARAN KINERJA PEGAWAI", "Periode Penilaian : 01 Januari 2026 sd 31 Desember 2026",
             "Unit Kerja : KECAMATAN SUKA MEKAR JAYA"],
            "Kecamatan Suka Mekar Jaya",
            2026,
        ),
        (["KEPUTUSAN CAMAT SUKAMEKAR", "NOMOR : 800/4/2026"], "Kecamatan Sukamekar", None),
        (
            ["KEPUTUSAN CAMAT SUKAMEKAR NOMOR 061/2/2026 TENTANG RENCANA KINERJA TAHUN 2026"],
            "Kecamatan Sukamekar",
            2026,
        ),
        (
            ["# KEPUTUSAN CAMAT SUKAMEKAR TENTANG INDIKATOR KINERJA INDIVIDU TAHUN 2026"],
            "Kecamatan Sukamekar",
            2026,
        ),
    ],
)  # fmt: skip
def test_the_header_names_the_organisasi_and_the_year(
    lines: list[str], nama: str, tahun: int | None
) -> None:
    """QA3 #5-#7: "UNIT KERJA :", "PERIODE PENILAIAN :", an SKP title with the
    organisation before the year, and "KEPUTUSAN CAMAT X" gave no name or no year."""
    head = read_header(lines)
    assert (head.nama, head.tahun) == (nama, tahun)


def test_an_skp_title_gives_the_judul() -> None:
    head = read_header(["SASARAN KINERJA PEGAWAI KECAMATAN SUKAMEKAR TAHUN 2026", "", "X"])
    assert head.judul == "Sasaran Kinerja Pegawai Kecamatan Sukamekar Tahun 2026"


def test_a_camat_title_is_not_the_organisasi_of_a_kelurahan_decree() -> None:
    head = read_header(["KEPUTUSAN LURAH MEKARWANGI", "KECAMATAN SUKAMEKAR"])
    assert head.nama == "Kecamatan Sukamekar"


def test_skp_text_header_lines_are_read_not_skipped(tmp_path: Path) -> None:
    """QA3 #5 (text): UNIT KERJA / PERIODE PENILAIAN above the table were "tidak diimpor
    (baris teks di dalam tabel ...)" and the organisasi stayed unnamed."""
    file = tmp_path / "skp-sukamekar.txt"
    file.write_text(
        "SASARAN KINERJA PEGAWAI\n"
        "PERIODE PENILAIAN : 2 JANUARI 2026 s.d. 31 DESEMBER 2026\n\n"
        "JABATAN : SEKRETARIS KECAMATAN\n"
        "UNIT KERJA : KECAMATAN SUKAMEKAR\n"
        "ATASAN LANGSUNG : CAMAT\n\n"
        f"{SKP_HEADER}\n{SKP_ROW}\n",
        encoding="utf-8",
    )
    result = import_decree(file)
    assert not [s for s in result.skipped if "UNIT KERJA" in s.text.upper()]
    organisasi = result.tree.organisasi
    assert (organisasi.nama, organisasi.tahun) == ("Kecamatan Sukamekar", 2026)


def test_a_text_line_above_any_table_is_not_said_inside_one(tmp_path: Path) -> None:
    file = tmp_path / "skp.txt"
    file.write_text(
        "JABATAN : SEKRETARIS KECAMATAN\n"
        "KETERANGAN LAIN : DITETAPKAN OLEH CAMAT\n\n"
        f"{SKP_HEADER}\n{SKP_ROW}\n",
        encoding="utf-8",
    )
    for skipped in import_decree(file).skipped:
        assert "di dalam tabel" not in skipped.reason


def test_skp_workbook_header_rows_name_the_organisasi(tmp_path: Path) -> None:
    """QA3 #5 (xlsx): a sheet per position with SASARAN KINERJA PEGAWAI / PERIODE PENILAIAN /
    JABATAN / UNIT KERJA / ATASAN LANGSUNG rows gave exit 1 and an unnamed organisasi."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sekcam"
    ws.append(["SASARAN KINERJA PEGAWAI"])
    ws.append(["PERIODE PENILAIAN", ":", "2 Januari s.d. 31 Desember 2026"])
    ws.append(["JABATAN", ":", "SEKRETARIS KECAMATAN"])
    ws.append(["UNIT KERJA", ":", "KECAMATAN SUKAMEKAR"])
    ws.append(["ATASAN LANGSUNG", ":", "CAMAT SUKAMEKAR"])
    ws.append(SKP_HEADER.split("\t"))
    ws.append(SKP_ROW.split("\t"))
    file = tmp_path / "skp.xlsx"
    wb.save(file)
    out = tmp_path / "skp.yaml"
    assert main(["import", str(file), "-o", str(out), "-q"]) == 0
    organisasi = load(out).organisasi
    assert (organisasi.nama, organisasi.tahun) == ("Kecamatan Sukamekar", 2026)


# -- #13: "(Plt.)" after a title ------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM (Plt.)",
        "KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM, Plt",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum (PLH)",
        "PLT. KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
    ],
)
def test_an_acting_mark_is_not_part_of_the_unit(tmp_path: Path, title: str) -> None:
    file = tmp_path / "plt.txt"
    file.write_text(
        "JABATAN : CAMAT\n\nKinerja\tIndikator\tFormulasi\tSumber Data\n"
        "Meningkatnya ketertiban\tIndeks ketertiban\tSurvei\tLaporan\n\n"
        f"JABATAN : {title}\n\nKinerja\tIndikator\tFormulasi\tSumber Data\n"
        "Terlaksananya patroli\tJumlah patroli\tHitung\tLaporan patroli\n",
        encoding="utf-8",
    )
    kasi = read_decree(file).jabatan[1]
    assert kasi.unit == "Seksi Ketenteraman dan Ketertiban Umum"


# -- #9: the note of an IKU page imported alone -----------------------------------------------

IKU_MD = (
    "# INDIKATOR KINERJA UTAMA KECAMATAN SUKAMEKAR TAHUN 2026-2027\n\n"
    "| No | Sasaran Strategis | Indikator Kinerja Utama | Satuan | Target 2026 "
    "| Target 2027 | Penanggung Jawab |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Meningkatnya akuntabilitas kinerja kecamatan | Nilai SAKIP Kecamatan | nilai "
    "| 71,5 | 73 | Sekretaris Kecamatan |\n"
    "| 2 | Meningkatnya kualitas pelayanan publik | Indeks Kepuasan Masyarakat | indeks "
    "| 80 | 81,25 | Kasi Pelayanan Umum |\n"
)


def test_an_iku_page_alone_has_no_note_about_positions(tmp_path: Path) -> None:
    file = tmp_path / "iku.md"
    file.write_text(IKU_MD, encoding="utf-8")
    catatan = read_decree(file).organisasi.catatan or ""
    assert "0 jabatan" not in catatan
    assert "()" not in catatan
    assert "blok Camat" not in catatan
    assert "2 indikator" in catatan


# -- #2: per-year targets and penanggung jawab of an IKU page in markdown ---------------------


def test_a_markdown_iku_page_keeps_every_year_and_the_penanggung_jawab(tmp_path: Path) -> None:
    """QA3 #2: only the last year's target was kept, the penanggung jawab lost."""
    file = tmp_path / "iku.md"
    file.write_text(IKU_MD, encoding="utf-8")
    tree = read_decree(file)
    sakip, ikm = tree.iku[0].indikator[0], tree.iku[1].indikator[0]
    assert (sakip.satuan, sakip.target) == ("nilai", "71,5")
    assert [(p.periode, p.target) for p in sakip.per_periode] == [("2026", "71,5"), ("2027", "73")]
    assert [(p.periode, p.target) for p in ikm.per_periode] == [("2026", "80"), ("2027", "81,25")]
    assert "penanggung jawab: Sekretaris Kecamatan" in (sakip.catatan or "")
    assert "penanggung jawab: Kasi Pelayanan Umum" in (ikm.catatan or "")


def test_a_markdown_iku_page_takes_the_target_of_the_decree_year(tmp_path: Path) -> None:
    file = tmp_path / "iku.md"
    file.write_text(
        "KECAMATAN SUKAMEKAR\n\nINDIKATOR KINERJA UTAMA TAHUN 2026\n\n"
        "| Sasaran Strategis | Indikator Kinerja Utama | Target 2025 | Target 2026 "
        "| Target 2027 |\n|---|---|---|---|---|\n"
        "| Meningkatnya akuntabilitas | Nilai SAKIP Kecamatan | 70 | 71,5 | 73 |\n",
        encoding="utf-8",
    )
    tree = read_decree(file)
    assert tree.organisasi.tahun == 2026
    sakip = tree.iku[0].indikator[0]
    assert sakip.target == "71,5"
    assert [p.periode for p in sakip.per_periode] == ["2025", "2026", "2027"]


# -- #4: the individual SKP form --------------------------------------------------------------


def test_a_refused_document_says_in_indonesian_what_pokin_reads(tmp_path: Path) -> None:
    file = tmp_path / "surat.txt"
    file.write_text("NAMA\tNIP\nBUDI\t1990\n", encoding="utf-8")
    with pytest.raises(ImportDocumentError) as caught:
        import_decree(file)
    hint = caught.value.hint or ""
    assert "pokin.decree" not in hint
    assert "JABATAN" in hint


FORM_TOP = [
    ["SASARAN KINERJA PEGAWAI"],
    ["PEMERINTAH KOTA LEMBAH HIJAU", "", "", "PERIODE PENILAIAN : 2 JANUARI SD 31 DESEMBER 2026"],
    ["KECAMATAN SUKAMEKAR"],
    [],
    ["NO", "PEGAWAI YANG DINILAI", "", "NO", "PEJABAT PENILAI KINERJA"],
    ["1", "NAMA", "SITI RAHMAWATI, S.Sos", "1", "NAMA", "H. MUHAMMAD YUSUF, S.IP"],
    ["2", "NIP", "199003122015022001", "2", "NIP", "197505051998031004"],
    ["3", "PANGKAT / GOL. RUANG", "Penata Muda / III.a", "3", "PANGKAT / GOL. RUANG", "IV.a"],
    ["4", "JABATAN", "KEPALA SEKSI KESEJAHTERAAN SOSIAL", "4", "JABATAN", "CAMAT SUKAMEKAR"],
    ["5", "UNIT KERJA", "KECAMATAN SUKAMEKAR", "5", "UNIT KERJA", "KECAMATAN SUKAMEKAR"],
    [],
    ["HASIL KERJA"],
]
FORM_TABLE = [
    ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
     "INDIKATOR KINERJA INDIVIDU", "TARGET", "SATUAN"],
    ["A. UTAMA"],
    ["1", "Meningkatnya kesejahteraan masyarakat", "Tersalurkannya bantuan sosial tepat sasaran",
     "Kuantitas", "Jumlah penerima bantuan sosial yang diverifikasi", "350", "orang"],
    ["", "", "", "Kualitas", "Persentase bantuan sosial yang tepat sasaran", "98", "%"],
    ["", "", "", "Waktu", "Jumlah bulan penyaluran bantuan", "12", "bulan"],
    ["B. TAMBAHAN"],
    ["1", "-", "Terlaksananya tugas kepanitiaan hari besar", "Kuantitas",
     "Jumlah kegiatan hari besar yang dilaksanakan", "3", "kegiatan"],
]  # fmt: skip


def _form_text(tmp_path: Path) -> Path:
    file = tmp_path / "skp-formulir.txt"
    file.write_text("\n".join("\t".join(r) for r in FORM_TOP + FORM_TABLE) + "\n", "utf-8")
    return file


def _form_workbook(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "SKP"
    for row in FORM_TOP + FORM_TABLE:
        ws.append(row or [None])
    file = tmp_path / "skp-formulir.xlsx"
    wb.save(file)
    return file


def _form_docx(tmp_path: Path) -> Path:
    d = docx.Document()
    for row in FORM_TOP[:3]:
        d.add_paragraph("    ".join(c for c in row if c))
    add_table(d, FORM_TOP[4:10])
    d.add_paragraph("HASIL KERJA")
    rows = [
        [*r, *[""] * (7 - len(r))] if len(r) > 1 else [r[0], *["<"] * 6] for r in FORM_TABLE if r
    ]
    add_table(d, rows)
    file = tmp_path / "skp-formulir.docx"
    d.save(str(file))
    return file


def _form_markdown(tmp_path: Path) -> Path:
    lines = [" ".join(c for c in row if c) for row in FORM_TOP[:3]]
    for rows in (FORM_TOP[4:10], FORM_TABLE):
        width = max(len(r) for r in rows)
        cells = [[*r, *[""] * (width - len(r))] for r in rows]
        lines += ["", *("| " + " | ".join(r) + " |" for r in cells[:1]), "|---" * width + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    file = tmp_path / "skp-formulir.md"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


@pytest.mark.parametrize("write", [_form_text, _form_workbook, _form_docx, _form_markdown])
def test_the_skp_form_is_one_position_under_its_pejabat_penilai(
    tmp_path: Path, write: object
) -> None:
    """QA3 #4: the form (PEGAWAI YANG DINILAI | PEJABAT PENILAI KINERJA side by side) was
    refused as "not a decree"."""
    assert callable(write)
    result = import_decree(write(tmp_path))
    assert result.skipped == []
    tree = result.tree
    assert (tree.organisasi.nama, tree.organisasi.tahun) == ("Kecamatan Sukamekar", 2026)
    penilai, kasi = tree.jabatan
    assert (penilai.nama, penilai.kinerja) == ("Camat Sukamekar", [])
    assert kasi.nama == "Kepala Seksi Kesejahteraan Sosial"
    assert kasi.atasan == penilai.id
    assert [(k.uraian, [(i.uraian, i.target) for i in k.indikator]) for k in kasi.kinerja] == [
        (
            "Tersalurkannya bantuan sosial tepat sasaran",
            [
                ("Jumlah penerima bantuan sosial yang diverifikasi", "350"),
                ("Persentase bantuan sosial yang tepat sasaran", "98"),
                ("Jumlah bulan penyaluran bantuan", "12"),
            ],
        ),
        (
            "Terlaksananya tugas kepanitiaan hari besar",
            [("Jumlah kegiatan hari besar yang dilaksanakan", "3")],
        ),
    ]


def test_a_dash_in_the_superior_column_declares_no_link(tmp_path: Path) -> None:
    """An SKP's tambahan row writes "-" for the RHK pimpinan: nothing to look for."""
    result = import_decree(_form_text(tmp_path))
    assert not [n for _, n in result.notes if "«-»" in n]


def test_a_position_table_with_a_target_per_year_takes_the_decree_year(tmp_path: Path) -> None:
    """The IKU fix's twin: a position's table with "Target 2025 | 2026 | 2027" columns kept
    the last year (markdown) or the first (Word), whatever the decree's year."""
    header = ["Kinerja", "Indikator", "Formulasi", "Target 2025", "Target 2026", "Target 2027"]
    row = ["Meningkatnya pelayanan", "Nilai IKM", "Survei", "80", "81,5", "83"]
    md = tmp_path / "iki.md"
    md.write_text(
        "KECAMATAN SUKAMEKAR\n\nINDIKATOR KINERJA INDIVIDU TAHUN 2026\n\nJABATAN : CAMAT\n\n"
        + "\n".join("| " + " | ".join(r) + " |" for r in (header, ["---"] * 6, row))
        + "\n",
        encoding="utf-8",
    )
    d = docx.Document()
    for text in ("KECAMATAN SUKAMEKAR", "INDIKATOR KINERJA INDIVIDU TAHUN 2026", "JABATAN : CAMAT"):
        d.add_paragraph(text)
    add_table(d, [header, row])
    word = tmp_path / "iki.docx"
    d.save(str(word))
    for file in (md, word):
        tree = read_decree(file)
        assert tree.organisasi.tahun == 2026
        ikm = tree.jabatan[0].kinerja[0].indikator[0]
        assert ikm.target == "81,5", file
        assert [p.periode for p in ikm.per_periode] == ["2025", "2026", "2027"], file


def test_a_data_cell_that_looks_like_a_form_field_is_still_a_row(tmp_path: Path) -> None:
    """The SKP head fields are read only above a table: a formula "Periode : ..." inside
    one is a row's cell, never dropped."""
    row = ["Meningkatnya ketertiban", "Indeks ketertiban", "Periode : tahunan", "Laporan"]
    md = tmp_path / "iki.md"
    md.write_text(
        "JABATAN : CAMAT\n\n| Kinerja | Indikator | Formulasi | Sumber Data |\n|---|---|---|---|\n"
        + "| "
        + " | ".join(row)
        + " |\n",
        encoding="utf-8",
    )
    wb = Workbook()
    for cells in (
        ["JABATAN", ":", "CAMAT"],
        ["Kinerja", "Indikator", "Formulasi", "Sumber Data"],
        row,
    ):
        wb.active.append(cells)
    xlsx = tmp_path / "iki.xlsx"
    wb.save(xlsx)
    for file in (md, xlsx):
        result = import_decree(file)
        assert result.skipped == [], file
        [indikator] = result.tree.jabatan[0].kinerja[0].indikator
        assert indikator.formulasi == "Periode : tahunan", file


BEHAVIOUR = [
    ["PERILAKU KERJA"],
    ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"],
    ["1", "Berorientasi Pelayanan", "Cepat tanggap terhadap pengaduan warga"],
    ["2", "Akuntabel", "Menyampaikan laporan tepat waktu"],
]


@pytest.mark.parametrize("write", [_form_text, _form_workbook, _form_docx])
def test_the_perilaku_kerja_part_of_the_form_is_passed_over_and_said(
    tmp_path: Path, write: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's second part (behaviour, not results) became indicators of the position."""
    assert callable(write)
    monkeypatch.setitem(globals(), "FORM_TABLE", [*FORM_TABLE, [], *BEHAVIOUR])
    result = import_decree(write(tmp_path))
    kasi = result.tree.jabatan[1]
    assert sum(len(k.indikator) for k in kasi.kinerja) == 4
    assert result.skipped == []
    assert [line for line, note in result.notes if "PERILAKU KERJA" in note]
