from __future__ import annotations

from typing import Any

import pytest

from pokin.capaian import Capaian, compute_capaian, lampu, measured, number
from pokin.models import Indikator

from .conftest import jab, make


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80", 80.0),
        ("81,35", 81.35),
        ("81.35", 81.35),
        ("1.000 orang/ tamu", 1000.0),
        ("12.500.000", 12500000.0),
        ("500 surat", 500.0),
        ("Kualitas 80%", 80.0),
        ("4 jenis, 12 bulan", None),
        ("1. 75 % dari undangan; 2. 25 %", None),
        ("ORSOSMAS", None),
        (None, None),
        ("", None),
    ],
)
def test_number_reads_indonesian_notation(text: str | None, value: float | None) -> None:
    assert number(text) == value


def test_measured_with_polarity() -> None:
    assert measured(Indikator(uraian="x", target="80", realisasi="60")) == 75.0
    down = Indikator(uraian="x", target="10", realisasi="12", polaritas="turun")
    assert measured(down) == 80.0  # (2*10 - 12) / 10
    way_over = Indikator(uraian="x", target="10", realisasi="40", polaritas="turun")
    assert measured(way_over) == 0.0
    assert measured(Indikator(uraian="x", target="0", realisasi="5")) == 100.0  # a target
    assert measured(Indikator(uraian="x", target="80")) is None


def test_traffic_light_bands() -> None:
    assert [lampu(v) for v in (120, 90, 89.9, 75, 74.9, 0)] == [
        "hijau",
        "hijau",
        "kuning",
        "kuning",
        "merah",
        "merah",
    ]


def test_roll_up_to_the_iku_says_what_is_measured() -> None:
    def realise(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="200", realisasi="150")
        jab(d, "kasi")["kinerja"][0]["indikator"][0].update(target="80", realisasi="80")

    values = compute_capaian(make(realise))
    assert values["staf.k1.i1"] == Capaian(75.0, "terukur")
    assert values["staf.k1"] == Capaian(75.0, "agregasi", 1)
    assert values["sekretaris.k1.i1"].asal == "agregasi"
    assert values["camat.k1.i1"].nilai == 75.0
    assert values["camat.k1.i2"] == Capaian(100.0, "agregasi", 1)
    assert values["camat.k1"] == Capaian(87.5, "agregasi", 2)
    assert values["camat.k1"].lampu == "kuning"
    assert str(values["camat.k1"]) == "87,5% (agregasi)"


def test_own_measurement_wins_over_roll_up_and_gaps_stay_empty() -> None:
    def realise(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="100", realisasi="50")
        jab(d, "sekretaris")["kinerja"][0]["indikator"][0].update(realisasi="95")

    values = compute_capaian(make(realise))
    assert values["sekretaris.k1.i1"] == Capaian(95.0, "terukur")
    assert "kasi.k1" not in values  # nothing measured below the kasi
    assert "camat.k1.i2" not in values


def test_cycles_do_not_hang() -> None:
    def loop(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["mendukung"] = ["camat.k1.i1", "staf.k1.i1"]
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="100", realisasi="100")

    values = compute_capaian(make(loop))
    assert values["camat.k1.i1"].nilai == 100.0


def test_a_percent_against_a_fraction_is_not_measured() -> None:
    from pokin.capaian import measured

    assert measured(Indikator(uraian="x", target="85%", realisasi="0,9")) is None
    assert measured(Indikator(uraian="x", target="85%", realisasi="90 %")) == pytest.approx(
        105.88, 0.01
    )
