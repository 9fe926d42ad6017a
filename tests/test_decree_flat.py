"""Flattened PDF text: a row's cells are told apart by what each cell says (QA7 #8).

The fixtures are invented decrees in the flattened layout (one paragraph per position,
no cell bounds): Kelurahan Tegalsari with a 4-column table (No, Rencana Kinerja, Indikator,
Sumber Data), Kecamatan Sumberagung with a 7-column one (No ... Satuan, Target). Kinerja
that restate the superior's indicator open "Persentase", "Indeks" or "Jumlah" as an
indicator does; they are still the kinerja, since they come right after the row number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.cli import main
from pokin.decree import import_decree
from pokin.decree.flatcells import cut_row

DECREES = Path(__file__).parent / "fixtures" / "decrees"


def rows(name: str) -> list[tuple[str, ...]]:
    tree = import_decree(DECREES / name).tree
    return [
        tuple(
            x or ""
            for x in (
                j.nama, k.uraian, i.uraian, i.formulasi, i.sumber_data, i.satuan,
                None if i.target is None else str(i.target),
            )
        )
        for j in tree.jabatan
        for k in j.kinerja
        for i in k.indikator
    ]  # fmt: skip


def test_a_four_column_table_whose_kinerja_open_like_indicators() -> None:
    lurah = "Lurah Tegalsari"
    sekretaris = "Sekretaris Kelurahan"
    kasi = "Kasi Pemberdayaan Masyarakat"
    musrenbang = "Jumlah usulan Musrenbang Kelurahan yang diakomodasi"
    ikm = "Indeks Kepuasan Masyarakat Kelurahan"
    kerja_bakti = "Persentase RW yang aktif dalam kerja bakti"
    partisipasi = "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan"
    assert [row[:5] for row in rows("pdf-flat-tegalsari.txt")] == [
        (lurah, partisipasi, musrenbang, "", "Berita Acara Musrenbang Kelurahan"),
        (lurah, partisipasi, kerja_bakti, "", "Laporan Kegiatan RW"),
        (lurah, ikm, "Nilai IKM layanan kelurahan", "", "Laporan Survei Kepuasan Masyarakat"),
        (sekretaris, ikm, "Persentase surat keterangan yang selesai dalam 1 hari kerja", "",
         "Buku Register Surat Keluar"),
        (sekretaris, ikm, "Rata-rata waktu pelayanan surat pengantar", "", "Rekap Antrean Layanan"),
        (kasi, musrenbang, "Jumlah kelompok PKK yang dibina", "", "Daftar Hadir Pembinaan PKK"),
        (kasi, musrenbang, "Persentase posyandu yang aktif", "", "Data Posyandu Puskesmas Wates"),
        (kasi, kerja_bakti, "Jumlah kerja bakti yang dilaksanakan", "", "Dokumentasi Kegiatan RW"),
    ]  # fmt: skip


def test_a_table_with_satuan_and_target_columns() -> None:
    paten = "Indeks Kepuasan Masyarakat atas Layanan PATEN"
    tepat = "Persentase permohonan PATEN selesai tepat waktu"
    miskin = "Jumlah warga miskin yang diverifikasi"
    layanan = "Meningkatnya kualitas layanan administrasi terpadu"
    assert rows("pdf-flat-sumberagung.txt") == [
        ("Camat", layanan, paten, "Nilai rata-rata unsur layanan x 25",
         "Laporan Survei IKM Kecamatan", "indeks", "84"),
        ("Camat", layanan, tepat, "Permohonan selesai tepat waktu / seluruh permohonan x 100%",
         "Register PATEN", "persen", "95"),
        ("Camat", "Menurunnya gangguan ketertiban umum", "Jumlah kejadian gangguan trantibum",
         "Jumlah kejadian yang dilaporkan dalam setahun", "Laporan Kasi Trantib", "kejadian",
         "12"),
        ("Sekretaris Kecamatan", paten, "Persentase pengaduan yang dijawab dalam 3 hari kerja",
         "Pengaduan dijawab dalam 3 hari dibagi seluruh pengaduan x 100%", "Rekap SP4N LAPOR",
         "persen", "90"),
        ("Sekretaris Kecamatan", "Meningkatnya akuntabilitas kinerja kecamatan",
         "Nilai SAKIP Kecamatan", "Nilai evaluasi SAKIP oleh Inspektorat", "LHE SAKIP", "nilai",
         "70"),
        ("Kepala Seksi Kesejahteraan Sosial", tepat,
         "Persentase rekomendasi bantuan sosial yang terbit tepat waktu",
         "Jumlah rekomendasi tepat waktu dibagi jumlah permohonan x 100%",
         "Buku register rekomendasi", "persen", "100"),
        ("Kepala Seksi Kesejahteraan Sosial", tepat, miskin,
         "Jumlah warga yang diverifikasi dalam DTKS", "Data DTKS Dinas Sosial", "orang", "350"),
        ("Pengelola Layanan Kesejahteraan Sosial", miskin, "Jumlah berkas DTKS yang dientri",
         "Jumlah berkas yang dientri ke SIKS-NG", "Aplikasi SIKS-NG", "berkas", "400"),
    ]  # fmt: skip


def test_a_row_whose_cells_cannot_be_told_apart_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Terdatanya Penduduk Rentan Pendataan Penduduk Rentan Kelurahan ...": no cell says
    # where the kinerja ends and the indicator and formula start
    (skipped,) = import_decree(DECREES / "pdf-flat-sumberagung.txt").skipped
    assert skipped.line == 6
    assert skipped.text.startswith("2. Terdatanya Penduduk Rentan")
    assert "tidak dapat dipisahkan dengan pasti" in skipped.reason
    out = tmp_path / "s.yaml"
    assert main(["import", str(DECREES / "pdf-flat-sumberagung.txt"), "-o", str(out)]) == 1
    assert "pdf-flat-sumberagung.txt:6: tidak diimpor" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "kinerja", "groups"),
    [
        (  # a kinerja opening "Indeks": not cut after its first word
            "Indeks Kepuasan Masyarakat atas Layanan Kantor Persentase aduan selesai "
            "Aduan selesai dibagi aduan masuk x 100% Rekap aduan",
            "Indeks Kepuasan Masyarakat atas Layanan Kantor",
            [["Persentase aduan selesai", "Aduan selesai dibagi aduan masuk x 100%",
              "Rekap aduan"]],
        ),
        (  # no formula column: an indicator does not end in a source's first word
            "Meningkatnya kualitas pelayanan Indeks Kepuasan Masyarakat terhadap layanan "
            "PATEN Laporan Survei Kepuasan Masyarakat Persentase aduan yang selesai Rekap "
            "aduan SP4N LAPOR",
            "Meningkatnya kualitas pelayanan",
            [["Indeks Kepuasan Masyarakat terhadap layanan PATEN",
              "Laporan Survei Kepuasan Masyarakat"],
             ["Persentase aduan yang selesai", "Rekap aduan SP4N LAPOR"]],
        ),
        (  # a formula restating its indicator, in title case: cut where it restates it
            "Tersusunnya Laporan Keuangan Jumlah Laporan Keuangan Perangkat Daerah "
            "Jumlah Laporan Keuangan Perangkat Daerah SIPD",
            "Tersusunnya Laporan Keuangan",
            [["Jumlah Laporan Keuangan Perangkat Daerah",
              "Jumlah Laporan Keuangan Perangkat Daerah", "SIPD"]],
        ),
        (  # formula and source glued in a run of names: the source word opens the source
            "Meningkatnya akuntabilitas Nilai SAKIP Kantor Nilai hasil evaluasi Inspektorat "
            "LHE SAKIP Inspektorat",
            "Meningkatnya akuntabilitas",
            [["Nilai SAKIP Kantor", "Nilai hasil evaluasi Inspektorat", "LHE SAKIP Inspektorat"]],
        ),
    ],
)  # fmt: skip
def test_cells_cut_by_their_evidence(text: str, kinerja: str, groups: list[list[str]]) -> None:
    roles = ["indikator", "formulasi", "sumber_data"][: len(groups[0])]
    if len(groups[0]) == 2:
        roles = ["indikator", "sumber_data"]
    reading = cut_row(text, roles, lead=True, target=False)
    assert reading is not None
    assert (reading.kinerja, reading.groups) == (kinerja, groups)


def test_an_ambiguous_row_is_not_read() -> None:
    text = "Tertibnya Arsip Kantor Arsip Aktif Kantor Arsip Inaktif Kantor"
    assert cut_row(text, ["indikator", "sumber_data"], lead=True, target=False) is None


def test_a_cell_longer_than_any_cell_is_not_read() -> None:
    # a paragraph whose row numbers were lost: the kinerja would run for 70 words
    text = "Meningkatnya " + "pelayanan " * 70 + "Persentase aduan selesai Rekap aduan"
    assert cut_row(text, ["indikator", "sumber_data"], lead=True, target=False) is None
    shorter = "Meningkatnya " + "pelayanan " * 20 + "Persentase aduan selesai Rekap aduan"
    assert cut_row(shorter, ["indikator", "sumber_data"], lead=True, target=False) is not None
