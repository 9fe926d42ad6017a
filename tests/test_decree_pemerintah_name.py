"""A kabupaten or kota named in two or three words is read whole ("Kabupaten Tanjung Jabung
Barat", "Kota Tanjung Balai"), in capitals or Title Case, and ends at the next label on its
line ("... KECAMATAN SEI RAMPAH"). Invented decrees in the fixtures' style."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.decree.header import read_header

FIXTURES = Path(__file__).parent / "fixtures" / "decrees"


@pytest.mark.parametrize(
    ("name", "pemerintah", "nama"),
    [
        ("tab-sei-rampah-kab3.txt", "Kabupaten Tanjung Jabung Barat", "Kecamatan Sei Rampah"),
        ("md-kota-tanjung-balai-datuk.md", "Kota Tanjung Balai", "Kecamatan Datuk Bandar"),
        ("html-br-lubukraya.html", "Kabupaten Muara Siak", None),
        ("word-htm-tanjungbatu.htm", "Kabupaten Pesisir Raya", None),
    ],
)
def test_a_pemerintah_of_several_words_is_read_whole(
    name: str, pemerintah: str, nama: str | None
) -> None:
    organisasi = import_decree(FIXTURES / name).tree.organisasi
    assert organisasi.pemerintah == pemerintah
    if nama is not None:
        assert organisasi.nama == nama


@pytest.mark.parametrize(
    ("line", "pemerintah"),
    [
        ("PEMERINTAH KABUPATEN PESISIR RAYA KECAMATAN MUARA INDAH", "Kabupaten Pesisir Raya"),
        ("PEMERINTAH KOTA SAMARINDA", "Kota Samarinda"),
        ("PEMERINTAH KABUPATEN GRESIK TAHUN 2025", "Kabupaten Gresik"),
        ("Pemerintah Kota Tanjung Balai Kecamatan Datuk Bandar", "Kota Tanjung Balai"),
        ("PEMERINTAH KABUPATEN LEMBAYUNG          NOMOR : 1/2025", "Kabupaten Lembayung"),
        ("PEMERINTAH KABUPATEN BATU BARA, PROVINSI SUMATERA UTARA", "Kabupaten Batu Bara"),
        ("KECAMATAN MEDANG DERAS KABUPATEN BATU BARA", "Kabupaten Batu Bara"),
        ("KECAMATAN WONOASIH KOTA PROBOLINGGO TAHUN 2026", "Kota Probolinggo"),
    ],
)
def test_the_name_ends_at_the_next_label_or_column(line: str, pemerintah: str) -> None:
    assert read_header([line]).pemerintah == pemerintah


def test_the_kecamatan_on_the_same_line_is_not_swallowed() -> None:
    head = read_header(["PEMERINTAH KABUPATEN TANJUNG JABUNG BARAT KECAMATAN SEI RAMPAH"])
    assert (head.pemerintah, head.nama) == (
        "Kabupaten Tanjung Jabung Barat",
        "Kecamatan Sei Rampah",
    )
