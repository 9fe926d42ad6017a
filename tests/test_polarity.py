"""PK712: an indicator worded lower-is-better with ``polaritas`` left ``naik`` (and the
reverse) is named with both capaian (QA round 7, item 6: «Rata-rata waktu penyelesaian
layanan PATEN» 3 → 2 hari showed 66,7 %, red; «temuan yang belum ditindaklanjuti» 2 → 4
showed 200 %, green; no finding)."""

from __future__ import annotations

from typing import Any

import pytest

from pokin import check
from pokin.capaian import compute_capaian
from pokin.checks.lexicon import HIGHER_BETTER, LOWER_BETTER
from pokin.checks.polarity import reading
from pokin.link.lexicon import DEFAULT

from .conftest import jab, make

# Invented indicators in the decrees' style, with the direction their wording says.
LOWER = [
    "Rata-rata waktu penyelesaian layanan PATEN",
    "Lama waktu pelayanan perizinan di kecamatan",
    "Waktu tanggap pengaduan darurat",
    "Jumlah temuan BPK yang belum ditindaklanjuti",
    "Persentase gangguan trantibum yang tidak tertangani",
    "Persentase keterlambatan penyampaian laporan keuangan",
    "Jumlah tunggakan PBB-P2 di kelurahan",
    "Jumlah pelanggaran Perda yang terjadi",
    "Jumlah keluhan masyarakat atas layanan administrasi",
    "Jumlah pengaduan masyarakat",
    "Angka kemiskinan di wilayah kecamatan",
    "Tingkat pengangguran terbuka",
    "Prevalensi stunting pada balita",
    "Jumlah kasus demam berdarah dengue",
    "Persentase rumah tidak layak huni",
    "Menurunnya angka putus sekolah",
    "Berkurangnya kawasan kumuh perkotaan",
    "Jumlah kejadian kebakaran",
    "Persentase surat yang tidak tepat waktu",
    "Jumlah kesalahan input data kependudukan",
    "Persentase sisa anggaran kegiatan",
    "Persentase laporan yang terlambat disampaikan",
]
HIGHER = [
    "Persentase penurunan angka stunting",  # a share of decrease: more is better
    "Tingkat kehadiran pegawai",
    "Jumlah laporan yang diselesaikan tepat waktu",
    "Persentase pengaduan masyarakat yang ditindaklanjuti",
    "Persentase tindak lanjut temuan BPK",
    "Persentase penanganan gangguan ketenteraman dan ketertiban umum",
    "Persentase gangguan trantibum yang tertangani",
    "Persentase penyelesaian tunggakan PBB",
    "Persentase pegawai yang tidak terlambat apel pagi",
    "Persentase desa bebas kasus DBD",
    "Persentase penanganan rumah tidak layak huni",
    "Indeks Kepuasan Masyarakat terhadap layanan PATEN",
    "Ketepatan waktu penyelesaian laporan kinerja",
    "Persentase kasus kekerasan anak yang ditangani",
    "Persentase realisasi anggaran",
]
# QA round 8: a harm naming who is served (a ``yang`` clause of receiving after it), and a
# negated state naming what is handled, with a completion or good state later: higher is
# better. The decoys beside them stay lower-is-better.
SERVED = [
    "Persentase warga miskin yang menerima bantuan sosial",
    "Jumlah keluarga miskin yang mendapatkan bantuan pangan",
    "Jumlah balita stunting yang memperoleh makanan tambahan",
    "Persentase penduduk miskin yang terlayani jaminan kesehatan",
    "Jumlah korban kebakaran yang mendapat bantuan darurat",
    "Persentase anak putus sekolah yang terfasilitasi kembali bersekolah",
    "Jumlah korban kekerasan yang telah menerima pendampingan",
    "Persentase rumah tangga miskin yang terbantu program padat karya",
]
HANDLED = [
    "Persentase berkas yang tidak lengkap dikembalikan tepat waktu",
    "Persentase permohonan yang belum lengkap diverifikasi tepat waktu",
    "Persentase rumah tidak layak huni yang diperbaiki",
    "Jumlah dokumen yang tidak sesuai yang dikoreksi tepat waktu",
    "Persentase usulan yang tidak memenuhi syarat yang diproses ulang",
    "Persentase data yang tidak valid yang diperbaiki",
    "Persentase warga yang tidak memiliki KTP-el yang dilayani perekamannya",
]
DECOYS = [
    "Jumlah warga miskin",
    "Persentase berkas yang tidak lengkap",
    "Jumlah pengaduan yang belum ditindaklanjuti",
    "Jumlah warga miskin yang belum menerima bantuan sosial",
    "Persentase permohonan yang tidak selesai tepat waktu",
    "Persentase pegawai yang tidak hadir tepat waktu",
    "Jumlah keluarga miskin penerima bantuan",  # no ``yang`` clause: the poor are counted
    "Persentase rumah tidak layak huni",
]

UNSAID = [
    "Jumlah dokumen Renja yang disusun",
    "Nilai SAKIP kecamatan",
    "Persentase keputusan camat yang diterbitkan",  # not "putus"
    "Jumlah rapat koordinasi",
    "(indikator tidak tertulis)",  # pokin's placeholder for a missing text
    "Jumlah target waktu penyelesaian",  # targets set, not a duration
    "Jumlah laporan pengaduan pelayanan dari masyarakat",  # papers about complaints
    "Jumlah identifikasi kesalahan dalam hasil kerja bawahan",
    "Jumlah pelanggaran Perda yang ditemukan",  # found: better work or worse order?
    "Mengidentifikasi kesalahan yang dilaksanakan bawahan",  # an activity (PK703)
]


@pytest.mark.parametrize("text", LOWER)
def test_lower_is_better_wording(text: str) -> None:
    read = reading(text)
    assert read is not None
    assert read[0] == "turun", read


@pytest.mark.parametrize("text", HIGHER)
def test_higher_is_better_wording_and_decoys(text: str) -> None:
    read = reading(text)
    assert read is not None
    assert read[0] == "naik", read


@pytest.mark.parametrize("text", SERVED + HANDLED)
def test_served_or_handled_reads_higher_is_better(text: str) -> None:
    read = reading(text)
    assert read is not None
    assert read[0] == "naik", read


@pytest.mark.parametrize("text", DECOYS)
def test_decoys_of_served_or_handled_stay_lower_is_better(text: str) -> None:
    read = reading(text)
    assert read is not None
    assert read[0] == "turun", read


def test_the_qa8_false_alarms_are_gone() -> None:
    for text in (
        "Jumlah warga miskin yang menerima bantuan",
        "Persentase berkas yang tidak lengkap yang dikembalikan tepat waktu",
    ):
        assert list(check(_indikator(text, "80", "70"), select="PK712")) == []


@pytest.mark.parametrize("text", UNSAID)
def test_wording_that_does_not_say_lower(text: str) -> None:
    read = reading(text)
    assert read is None or read[0] == "naik", read


def _indikator(uraian: str, target: str, realisasi: str, polaritas: str | None = None) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        indikator = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        indikator.update(uraian=uraian, target=target, realisasi=realisasi)
        if polaritas is not None:
            indikator["polaritas"] = polaritas

    return make(mutate)


def test_the_qa_cases_are_named_with_both_capaian() -> None:
    tree = _indikator("Rata-rata waktu penyelesaian layanan PATEN", "3", "2")
    (found,) = check(tree, select="PK712")
    assert found.where == "sekretaris.k1.i1"
    assert found.jabatan == "sekretaris"
    assert "tampaknya makin kecil makin baik («waktu penyelesaian»)" in found.message
    assert found.message.endswith(
        "capaian 66,7% dihitung dengan polaritas tertulis, 133,3% dengan `polaritas: turun`"
    )
    assert found.hint.startswith("tulis `polaritas: turun`")
    # the capaian keeps the polarity as written: the finding, not a guess, tells
    assert compute_capaian(tree)["sekretaris.k1.i1"].nilai == pytest.approx(200 / 3)


def test_a_backlog_without_realisasi_is_still_named() -> None:
    tree = _indikator("Jumlah temuan BPK yang belum ditindaklanjuti", "2", "")
    (found,) = check(tree, select="PK712")
    assert "(«belum ditindaklanjuti»)" in found.message
    assert "capaian" not in found.message


def test_written_turun_is_no_finding_and_turun_on_a_good_state_is() -> None:
    tree = _indikator("Persentase gangguan trantibum yang tidak tertangani", "10", "5", "turun")
    assert list(check(tree, select="PK712")) == []
    tree = _indikator("Tingkat kehadiran pegawai", "95", "90", "turun")
    (found,) = check(tree, select="PK712")
    assert "tampaknya makin besar makin baik («kehadiran»), ditulis `polaritas: turun`" in (
        found.message
    )
    assert found.message.endswith("dengan `polaritas: naik`")
    assert found.hint.startswith("hapus `polaritas: turun`")


def test_the_link_lexicons_opposites_read_the_same_way() -> None:
    """One list: each ``kebalikan`` pair of the link lexicon is a lower-is-better word of
    the check lexicon, then a higher-is-better one."""
    for worse, better in DEFAULT.kebalikan:
        assert worse in LOWER_BETTER, worse
        assert better in HIGHER_BETTER, better
