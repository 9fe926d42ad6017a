"""What frames a Word decree's tables is no data: a caption row above each header, and the
signature written as a borderless table after the last position (QA7 #1). Invented
decree: Kecamatan Mulyosari, Kota Madyapura, 2025."""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree

from .decree_files import add_table

HEADER = ["No", "Sasaran", "Indikator Kinerja", "Formulasi", "Sumber Data", "Satuan", "Target"]
POSITIONS = [
    (
        "CAMAT",
        [
            ("Terwujudnya tata kelola kecamatan yang akuntabel", "Nilai SAKIP kecamatan", "B"),
            ("Meningkatnya kepuasan layanan", "Indeks kepuasan layanan PATEN", "80"),
        ],
    ),
    (
        "SEKRETARIS KECAMATAN",
        [("Nilai SAKIP kecamatan", "Persentase laporan kinerja tepat waktu", "100")],
    ),
    (
        "KEPALA SEKSI KETENTERAMAN DAN KETERTIBAN UMUM",
        [("Meningkatnya kepuasan layanan", "Persentase aduan trantib tertangani", "90")],
    ),
]


def mulyosari(path: Path, *, merged_caption: bool = True, form: str | None = None) -> Path:
    d = docx.Document()
    d.add_paragraph("LAMPIRAN KEPUTUSAN CAMAT MULYOSARI")
    d.add_paragraph("NOMOR 050/12/436.9/2025 TANGGAL 3 FEBRUARI 2025")
    d.add_paragraph("SASARAN DAN INDIKATOR KINERJA PEGAWAI KECAMATAN MULYOSARI TAHUN 2025")
    for n, (nama, rows) in enumerate(POSITIONS, 1):
        d.add_paragraph(f"{n}. JABATAN : {nama}")
        d.add_paragraph("TUGAS : Melaksanakan tugas sesuai ketentuan.")
        caption = "TABEL SASARAN DAN INDIKATOR KINERJA 2025"
        top = [caption, *(["<"] * 6 if merged_caption else [""] * 6)]
        if form is not None:  # the form's number and name in two cells of their own
            top = [form, caption, *[""] * 5]
        body = [
            [f"{k}.", kinerja, indikator, "Realisasi dibagi rencana", "Laporan", "persen", target]
            for k, (kinerja, indikator, target) in enumerate(rows, 1)
        ]
        add_table(d, [top, HEADER, *body])
    sign = d.add_table(rows=5, cols=2)  # borderless: no style
    for r, text in enumerate(
        [
            "Mulyosari, 3 Februari 2025",
            "CAMAT MULYOSARI,",
            "BAMBANG HARIYADI",
            "Pembina Tk. I",
            "NIP. 19700101 199503 1 004",
        ]
    ):
        sign.cell(r, 1).text = text
    d.save(str(path))
    return path


def _rows(path: Path) -> list[tuple[str, str, str]]:
    jabatan = import_decree(path).tree.jabatan
    return [(j.nama, k.uraian, i.uraian) for j in jabatan for k in j.kinerja for i in k.indikator]


def test_a_caption_merged_above_each_header_is_no_kinerja(tmp_path: Path) -> None:
    for merged in (True, False):
        path = mulyosari(tmp_path / f"m{merged}.docx", merged_caption=merged)
        rows = _rows(path)
        assert len(rows) == 4, rows
        assert not any("TABEL" in text for row in rows for text in row)
        tree = import_decree(path).tree
        assert all("TABEL" not in (j.tugas or "") for j in tree.jabatan)


def test_a_caption_in_two_cells_above_each_header_is_no_kinerja(tmp_path: Path) -> None:
    path = mulyosari(tmp_path / "f.docx", form="FORMULIR B")
    rows = _rows(path)
    assert len(rows) == 4, rows
    assert not any("TABEL" in text or "FORMULIR" in text for row in rows for text in row)


def test_the_signature_table_is_the_signatory_not_rows(tmp_path: Path) -> None:
    result = import_decree(mulyosari(tmp_path / "m.docx"))
    kasi = result.tree.jabatan[-1]
    assert [k.uraian for k in kasi.kinerja] == ["Meningkatnya kepuasan layanan"]
    dokumen = result.tree.organisasi.dokumen
    assert dokumen is not None
    assert dokumen.penandatangan == "BAMBANG HARIYADI"
    assert str(dokumen.tanggal) == "2025-02-03"
    assert not result.skipped


def test_a_row_of_one_text_across_the_table_is_reported_not_read(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("JABATAN : LURAH SUMBERAGUNG")
    add_table(
        d,
        [
            HEADER,
            ["1.", "Meningkatnya layanan kelurahan", "Persentase surat selesai", "x", "", "", "95"],
            ["Kegiatan penunjang urusan pemberdayaan", *["<"] * 6],
            ["2.", "Meningkatnya swadaya", "Jumlah kegiatan swadaya", "x", "y", "kali", "4"],
        ],
    )
    path = tmp_path / "l.docx"
    d.save(str(path))
    result = import_decree(path)
    kinerja = [k.uraian for k in result.tree.jabatan[0].kinerja]
    assert kinerja == ["Meningkatnya layanan kelurahan", "Meningkatnya swadaya"]
    skipped = [(s.line, s.text) for s in result.skipped]
    assert skipped == [(4, "Kegiatan penunjang urusan pemberdayaan")]
