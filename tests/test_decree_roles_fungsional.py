"""Jabatan fungsional read from a title: by its name, and by its jenjang whatever the name."""

from __future__ import annotations

import pytest

from pokin.decree.roles import read_title
from pokin.models import Peran

# Titles as kecamatan decrees write them; each a jabatan fungsional.
FUNGSIONAL = [
    "Penggerak Swadaya Masyarakat Ahli Pertama",
    "PENGGERAK SWADAYA MASYARAKAT AHLI MUDA",
    "Penggerak Swadaya Masyarakat",
    "Arsiparis Ahli Pertama",
    "Arsiparis Terampil pada Sub Bagian Umum dan Kepegawaian",
    "Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama",
    "Penata Kelola Pemilihan Umum Ahli Muda",
    "Analis Kebijakan Ahli Muda pada Sekretariat Kecamatan Tegalrejo",
    "Analis Sumber Daya Manusia Aparatur Ahli Madya",
    "Pranata Komputer Terampil",
    "Pranata Komputer Ahli Pertama",
    "Pranata Hubungan Masyarakat Mahir",
    "Polisi Pamong Praja Pemula",
    "POLISI PAMONG PRAJA PENYELIA",
    "Perencana Ahli Utama",
    "Pengelola Pengadaan Barang/Jasa Ahli Pertama",
    "Penyuluh Keluarga Berencana Ahli Muda",
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda",
    "Administrator Database Kependudukan Penyelia",
    "Statistisi Ahli Pertama pada Seksi Pemerintahan",
    "Pamong Budaya Ahli Pertama",
    "Plt. Pranata Komputer Mahir",
    "Jabatan Fungsional Arsiparis",
    "JFT Penggerak Swadaya Masyarakat",
    "Fungsional Tertentu Kecamatan",
]

# Jabatan pelaksana (JFU) names: no jenjang, no fungsional name.
PELAKSANA = [
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengelola Layanan Operasional pada Seksi Pemerintahan",
    "Operator Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengadministrasi Umum pada Kelurahan Mulyorejo",
    "Jabatan Fungsional Umum",
    "Fungsional Umum pada Seksi Ketentraman dan Ketertiban",
    "Tenaga Ahli Pemberdayaan",
    "Pengelola Keuangan",
]


@pytest.mark.parametrize("title", FUNGSIONAL)
def test_fungsional_by_name_or_jenjang(title: str) -> None:
    info = read_title(title)
    assert (info.peran, info.explicit) == (Peran.FUNGSIONAL, True)


@pytest.mark.parametrize("title", PELAKSANA)
def test_pelaksana_stays_pelaksana(title: str) -> None:
    assert read_title(title).peran is Peran.PELAKSANA


def test_structural_heads_not_fungsional() -> None:
    """A head keeps his peran though a jenjang-like word sits in his unit's name."""
    assert read_title("Kepala Seksi Pemberdayaan Masyarakat").peran is Peran.KASI
    assert read_title("Sekretaris Kecamatan").peran is Peran.SEKRETARIS
    assert read_title("Bendahara Pengeluaran").peran is Peran.BENDAHARA
