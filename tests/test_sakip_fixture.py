"""pokin.sakip on an invented kecamatan whose every score was worked out by hand.

The file (tests/fixtures/sakip/kecamatan-uji-2025.yaml) holds one of each fault the scoring
reads; the expected rows below were derived from its text, not from pokin's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import load
from pokin.sakip import Kriteria, Lembar, Penilaian, sakip

FILE = Path(__file__).parent / "fixtures" / "sakip" / "kecamatan-uji-2025.yaml"

KKE1 = {  # S, M, A, R, T
    "I.1": (1, 1, 1, 1, 1),
    "I.2": (1, 1, 1, 0, 1),  # PK702: an IKU counting meetings is not relevant as IKU
    "camat.k1.i1": (1, 1, 1, 1, 1),
    "kasi-pelayanan.k1.i1": (0, 0, 1, 1, 1),  # PK703 "Menyusun ...", PK705 "Laporan bulanan"
    "kasi-pelayanan.k1.i2": (1, 1, 1, 0, 1),  # PK704 a count at an immediate outcome
    "lurah-satu.k1.i1": (1, 1, 0, 1, 1),  # PK707 110 persen
    "staf-pelayanan.k1.i1": (1, 1, 1, 1, 1),  # a count is an output at staff level
}
KKE2 = {
    "I.1": 1.0,
    "I.2": 0.0,  # PK201 carried by no one, PK702
    "camat.k1.i1": 1.0,
    "kasi-pelayanan.k1.i1": 1.0,  # carried by the staff; its wording costs KKE 1, not KKE 2
    "kasi-pelayanan.k1.i2": 0.5,  # PK704, PK202
    "lurah-satu.k1.i1": 0.5,  # rests on a proposed link (PK601)
    "staf-pelayanan.k1.i1": 1.0,
}
KKE5 = {  # formula, komponen, sumber
    "kasi-pelayanan.k1.i1": (0, 0, 1),
}


@pytest.fixture(scope="module")
def hasil() -> Penilaian:
    return sakip(load(FILE))


def _sheet(hasil: Penilaian, kode: str) -> Lembar:
    sheet = hasil[kode]
    assert isinstance(sheet, Lembar)
    return sheet


def _k(hasil: Penilaian, kode: str) -> float | None:
    item = hasil[kode]
    assert isinstance(item, Kriteria)
    return item.nilai


def test_kke1_rows(hasil: Penilaian) -> None:
    rows = {b.id: tuple(b.nilai[k] for k in "SMART") for b in _sheet(hasil, "KKE 1").baris}
    assert rows == KKE1
    assert all(b.nilai["C"] is None for b in _sheet(hasil, "KKE 1").baris)
    assert _sheet(hasil, "KKE 1").share == pytest.approx(30 / 35)


def test_kke2_rows(hasil: Penilaian) -> None:
    assert {b.id: b.nilai["nilai"] for b in _sheet(hasil, "KKE 2").baris} == KKE2
    assert _k(hasil, "1.b.8") == pytest.approx(5 / 7)


def test_kke5_rows(hasil: Penilaian) -> None:
    rows = {
        b.id: tuple(b.nilai[k] for k in ("formula", "komponen", "sumber"))
        for b in _sheet(hasil, "KKE 5").baris
    }
    assert rows == {i: KKE5.get(i, (1, 1, 1)) for i in KKE1}
    assert _k(hasil, "2.a.2") == pytest.approx(19 / 21)


def test_lke_estimates(hasil: Penilaian) -> None:
    assert _k(hasil, "1.b.4") == pytest.approx(4 / 5)  # staf-pelayanan.k1 "Menyusun ..."
    assert _k(hasil, "1.b.5") == pytest.approx(30 / 35)
    assert _k(hasil, "1.b.6") is None
    assert _k(hasil, "1.b.7") == pytest.approx(6 / 7)  # Dapat Dicapai only
    assert _k(hasil, "1.b.9") == 0.0  # the one crosscutting link is unconfirmed
    assert _k(hasil, "1.b.10") == pytest.approx(4 / 5)  # the arsiparis has no kinerja


def test_crosscutting_and_positions(hasil: Penilaian) -> None:
    assert list(hasil.crosscutting) == [
        {"unit": "Kelurahan Satu", "mendukung": 1, "didukung": 0, "sepihak": 0,
         "belum_dikonfirmasi": 1},
        {"unit": "Seksi Pelayanan", "mendukung": 0, "didukung": 1, "sepihak": 0,
         "belum_dikonfirmasi": 0},
    ]  # fmt: skip
    fungsional = next(r for r in hasil.pegawai if r["peran"] == "fungsional")
    assert (fungsional["jabatan"], fungsional["tanpa_kinerja"]) == (1, 1)
    assert [r["peran"] for r in hasil.pegawai] == ["camat", "kasi", "lurah", "pelaksana",
                                                   "fungsional"]  # fmt: skip


def test_levels_in_the_rows(hasil: Penilaian) -> None:
    levels = {b.id: b.level for b in _sheet(hasil, "KKE 2").baris}
    assert levels["I.1"] == "Ultimate Outcome (diturunkan dari tabel IKU)"
    assert levels["camat.k1.i1"] == "Intermediate Outcome (diturunkan dari eselon III.a)"
    assert levels["lurah-satu.k1.i1"] == "Immediate Outcome (diturunkan dari peran lurah)"
    assert levels["staf-pelayanan.k1.i1"] == "Output (diturunkan dari peran pelaksana)"


def test_shares_per_level(hasil: Penilaian, tmp_path: Path) -> None:
    assert _sheet(hasil, "KKE 2").by_level() == [
        ("Ultimate Outcome", 2, 0.5),  # I.1 logis, I.2 tidak
        ("Intermediate Outcome", 1, 1.0),
        ("Immediate Outcome", 3, pytest.approx(2 / 3)),  # 1 + 0,5 + 0,5
        ("Output", 1, 1.0),
    ]
    from openpyxl import load_workbook

    from pokin.sakip import write_sakip

    sheet = load_workbook(write_sakip(hasil, tmp_path / "kke.xlsx"))["KKE 2"]
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1]}
    assert rows["Level Immediate Outcome (3 indikator)"][7] == pytest.approx(2 / 3)
