"""Targets and realisasi per period (TW I–IV, other years): model, file format, capaian."""

from __future__ import annotations

from typing import Any

import pytest

from pokin import PokinFileError, dumps, loads
from pokin.capaian import capaian_per_periode, compute_capaian, measured, periods
from pokin.models import Indikator, Periode

from .conftest import jab, make

FILE = """\
pokin: 1
organisasi: {nama: Kecamatan X, tahun: 2024}
jabatan:
  - nama: Camat
    peran: camat
    kinerja:
      - uraian: Meningkatnya pelayanan
        indikator:
          - uraian: Persentase surat diagendakan
            target: "95"
            realisasi: "93"
            per_periode:
%s
"""


def _load(rows: str) -> Any:
    return loads(FILE % rows, path="x.yaml")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("TW I", "TW I"),
        ("tw 2", "TW II"),
        ("Triwulan III", "TW III"),
        ("TW-IV", "TW IV"),
        ("iv", "TW IV"),
        ("q1", "TW I"),
        ("2023", "2023"),
        (2025, "2025"),
    ],
)
def test_periods_are_read_the_ways_decrees_write_them(written: object, name: str) -> None:
    assert Periode(periode=written).periode == name  # type: ignore[arg-type]


@pytest.mark.parametrize("written", ["TW 5", "semester 1", "1999-2000", "Januari", ""])
def test_a_period_that_is_none_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="bukan periode"):
        Periode(periode=written)


def test_a_period_given_twice_names_its_line() -> None:
    with pytest.raises(PokinFileError) as caught:
        _load('              - {periode: TW I, target: "10"}\n              - {periode: tw1}')
    assert caught.value.line == 13
    assert "periode TW I ditulis dua kali" in str(caught.value)


def test_a_bad_period_names_its_line_and_field() -> None:
    with pytest.raises(PokinFileError) as caught:
        _load("              - {periode: TW 5}")
    assert caught.value.line == 13
    assert "per_periode[0].periode" in str(caught.value)


def test_periods_round_trip_and_defaults_stay_out_of_the_file() -> None:
    tree = _load(
        '              - {periode: triwulan 1, target: 80, realisasi: "82"}\n'
        '              - {periode: 2023, target: "90", realisasi: "91,5"}'
    )
    text = dumps(tree)
    assert "akumulasi" not in text  # kumulatif is the default
    assert "periode: TW I\n" in text
    assert "periode: '2023'" in text
    again = loads(text)
    assert again == tree
    indikator = again.jabatan[0].kinerja[0].indikator[0]
    assert indikator.periode("tw 1") == Periode(periode="TW I", target="80", realisasi="82")
    assert indikator.periode("TW II") is None
    indikator.akumulasi = "jumlah"
    assert "akumulasi: jumlah" in dumps(again)


def test_a_file_without_periods_is_written_as_before() -> None:
    tree = make()
    assert "per_periode" not in dumps(tree)
    assert "akumulasi" not in dumps(tree)


def test_measured_per_period() -> None:
    indikator = Indikator(
        uraian="x",
        target="100",
        realisasi="90",
        per_periode=[
            Periode(periode="TW I", target="25", realisasi="20"),
            Periode(periode="TW II", target="50"),
            Periode(periode="2023", target="80", realisasi="85%"),
        ],
    )
    assert measured(indikator) == 90.0
    assert measured(indikator, "TW I") == 80.0
    assert measured(indikator, "TW II") is None  # no realisasi yet
    assert measured(indikator, "TW III") is None  # not given
    assert measured(indikator, "2023") == pytest.approx(106.25)
    down = Indikator(
        uraian="x",
        polaritas="turun",
        per_periode=[Periode(periode="TW I", target="10", realisasi="8")],
    )
    assert measured(down, "TW I") == 120.0


def _with_periods(data: dict[str, Any]) -> None:
    camat = jab(data, "camat")["kinerja"][0]["indikator"]
    camat[0]["per_periode"] = [{"periode": "TW I", "target": "20", "realisasi": "10"}]
    sekretaris = jab(data, "sekretaris")["kinerja"][0]["indikator"]
    sekretaris[0]["per_periode"] = [
        {"periode": "TW II", "target": "50", "realisasi": "40"},
        {"periode": "TW I", "target": "25", "realisasi": "25"},
        {"periode": "2023", "target": "90", "realisasi": "90"},
    ]
    # the Sekretaris' kinerja is a component of the Camat's indicator: its value rolls up
    jab(data, "sekretaris")["kinerja"][0]["mendukung"] = [{"ke": "camat.k1.i1", "komponen": True}]


def test_capaian_rolls_up_per_period() -> None:
    tree = make(_with_periods)
    assert periods(tree) == ["2023", "TW I", "TW II"]
    per = capaian_per_periode(tree)
    assert list(per) == ["2023", "TW I", "TW II"]
    # TW I: the Camat's indicator is measured (50%), the Sekretaris' too (100%);
    # its kinerja rolls up the one indicator, and supports the Camat's indicator.
    assert per["TW I"]["camat.k1.i1"].nilai == 50.0
    assert per["TW I"]["sekretaris.k1.i1"].nilai == 100.0
    assert per["TW I"]["sekretaris.k1"].asal == "agregasi"
    # TW II: only the Sekretaris measured; the Camat's indicator takes the roll-up.
    assert per["TW II"]["sekretaris.k1.i1"].nilai == 80.0
    assert per["TW II"]["camat.k1.i1"] == compute_capaian(tree, periode="TW II")["camat.k1.i1"]
    assert per["TW II"]["camat.k1.i1"].asal == "agregasi"
    assert per["TW II"]["camat.k1.i1"].nilai == 80.0
    # The year's capaian is not touched by the periods.
    assert compute_capaian(tree) == {}
