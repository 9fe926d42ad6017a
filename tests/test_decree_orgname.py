"""The kecamatan's name from a title in Title Case, else from "CAMAT X" in the heading or
above the signature, else a note asking for it (QA7 #9). Invented decrees."""

from __future__ import annotations

from pathlib import Path

import docx

from pokin.decree import import_decree

from .decree_files import add_table

TABLE = (
    "| No | Kinerja | Indikator Kinerja | Sumber Data | Target |\n|---|---|---|---|---|\n"
    "| 1 | Meningkatnya layanan | Persentase layanan tepat waktu | Register | 95 |\n"
)
NOTE = "nama kecamatan tidak ditemukan: isi organisasi.nama"


def _import(path: Path, text: str) -> tuple[str, list[str], str]:
    path.write_text(text, encoding="utf-8")
    result = import_decree(path)
    organisasi = result.tree.organisasi
    return organisasi.nama, [n for _, n in result.notes], organisasi.catatan or ""


def test_a_title_in_title_case_names_the_kecamatan(tmp_path: Path) -> None:
    text = (
        "## Rencana Kinerja Pegawai di Lingkungan Kecamatan Sumber Wetan Tahun 2025\n\n"
        "1. JABATAN : SEKRETARIS KECAMATAN\n\n" + TABLE
    )
    nama, notes, _ = _import(tmp_path / "a.md", text)
    assert nama == "Kecamatan Sumber Wetan"
    assert NOTE not in notes


def test_the_camat_of_the_heading_or_the_signature_names_it(tmp_path: Path) -> None:
    heading = "# LAMPIRAN II KEPUTUSAN CAMAT BANYUURIP\n\n1. JABATAN : LURAH SUKOREJO\n\n" + TABLE
    assert _import(tmp_path / "b.md", heading)[0] == "Kecamatan Banyuurip"
    own = "## Rencana Kinerja Tahun 2025\n\n1. JABATAN : CAMAT SELOREJO\n\n" + TABLE
    assert _import(tmp_path / "b2.md", own)[0] == "Kecamatan Selorejo"
    d = docx.Document()
    d.add_paragraph("RENCANA KINERJA PEGAWAI TAHUN 2025")
    d.add_paragraph("JABATAN : KEPALA SEKSI PEMERINTAHAN")
    add_table(
        d,
        [
            ["No", "Kinerja", "Indikator Kinerja", "Target"],
            ["1", "Tertibnya administrasi", "Persentase surat selesai", "90"],
        ],
    )
    for text in ("Banyuurip, 2 Januari 2025", "CAMAT NGAWEN KIDUL,", "", "RUDI HARTONO, S.Sos."):
        d.add_paragraph(text)
    path = tmp_path / "c.docx"
    d.save(str(path))
    assert import_decree(path).tree.organisasi.nama == "Kecamatan Ngawen Kidul"


def test_no_name_anywhere_is_said(tmp_path: Path) -> None:
    text = "## Rencana Kinerja Pegawai Tahun 2025\n\n1. JABATAN : SEKRETARIS KECAMATAN\n\n" + TABLE
    nama, notes, catatan = _import(tmp_path / "d.md", text)
    assert nama == "Kecamatan (tidak disebut)"
    assert NOTE in notes
    assert "Nama kecamatan tidak ditemukan dalam keputusan: isi organisasi.nama." in catatan


def test_plt_and_plh_leave_the_name_and_id_for_the_catatan(tmp_path: Path) -> None:
    # QA7 #18: the position is the same whoever acts in it (next year's decree, a diff)
    text = (
        "# KEPUTUSAN CAMAT BANYUURIP\n\n1. JABATAN : Plt. SEKRETARIS KECAMATAN\n\n"
        + TABLE
        + "\n2. JABATAN : KEPALA SEKSI PEMERINTAHAN (Plh.)\n\nATASAN LANGSUNG : Plt. Sekretaris "
        "Kecamatan\n\n" + TABLE
    )
    path = tmp_path / "e.md"
    path.write_text(text, encoding="utf-8")
    sekretaris, kasi = import_decree(path).tree.jabatan
    assert (sekretaris.id, sekretaris.nama) == ("sekretaris-kecamatan", "Sekretaris Kecamatan")
    assert "Dijabat Plt." in (sekretaris.catatan or "")
    assert (kasi.id, kasi.nama) == ("kepala-seksi-pemerintahan", "Kepala Seksi Pemerintahan")
    assert "Dijabat Plh." in (kasi.catatan or "")
    assert kasi.atasan == "sekretaris-kecamatan"
