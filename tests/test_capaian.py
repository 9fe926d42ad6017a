from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin import load
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

    values = compute_capaian(make(lambda d: (realise(d), _komponen(d))))
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

    values = compute_capaian(make(lambda d: (realise(d), _komponen(d))))
    assert values["sekretaris.k1.i1"] == Capaian(95.0, "terukur")
    assert "kasi.k1" not in values  # nothing measured below the kasi
    assert "camat.k1.i2" not in values


def test_cycles_do_not_hang() -> None:
    def loop(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i1", "komponen": True},
            {"ke": "staf.k1.i1", "komponen": True},
        ]
        jab(d, "staf")["kinerja"][0]["mendukung"] = [{"ke": "sekretaris.k1.i1", "komponen": True}]
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="100", realisasi="100")

    values = compute_capaian(make(loop))
    assert values["camat.k1.i1"].nilai == 100.0


def test_a_percent_against_a_fraction_is_not_measured() -> None:
    from pokin.capaian import measured

    assert measured(Indikator(uraian="x", target="85%", realisasi="0,9")) is None
    assert measured(Indikator(uraian="x", target="85%", realisasi="90 %")) == pytest.approx(
        105.88, 0.01
    )


def _komponen(d: dict[str, Any]) -> None:
    """Declare each link of the base tree a component of its superior's formula."""
    for id in ("sekretaris", "kasi", "staf"):
        kinerja = jab(d, id)["kinerja"][0]
        kinerja["mendukung"] = [{"ke": ke, "komponen": True} for ke in kinerja["mendukung"]]


def test_roll_up_only_over_declared_components_of_the_formula() -> None:
    def realise(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="12", realisasi="6")

    # A staff count that supports the Sekretaris is not a component of his percentage:
    # nothing above the staff takes its 50%.
    values = compute_capaian(make(realise))
    assert values["staf.k1.i1"] == Capaian(50.0, "terukur")
    assert values["staf.k1"] == Capaian(50.0, "agregasi", 1)  # its own indicator
    assert "sekretaris.k1.i1" not in values
    assert "camat.k1.i1" not in values
    assert "camat.k1" not in values
    # Declared a component, it rolls up.
    declared = compute_capaian(make(lambda d: (realise(d), _komponen(d))))
    assert declared["sekretaris.k1.i1"] == Capaian(50.0, "agregasi", 1)
    assert declared["camat.k1.i1"].nilai == 50.0


def test_a_component_link_still_proposed_or_rejected_carries_nothing_up() -> None:
    def realise(status: str) -> Any:
        def mutate(d: dict[str, Any]) -> None:
            jab(d, "kasi")["kinerja"][0]["indikator"][0].update(realisasi="80")
            jab(d, "kasi")["kinerja"][0]["mendukung"] = [
                {"ke": "camat.k1.i2", "asal": "inferensi", "status": status, "komponen": True}
            ]

        return mutate

    assert "camat.k1.i2" not in compute_capaian(make(realise("usulan")))
    assert "camat.k1.i2" not in compute_capaian(make(realise("ditolak")))
    assert compute_capaian(make(realise("diterima")))["camat.k1.i2"] == Capaian(80.0, "agregasi", 1)


def test_komponen_round_trips_and_stays_out_of_plain_links(tmp_path: Path) -> None:
    from pokin import dumps, loads

    text = dumps(make(_komponen))
    assert "komponen: true" in text
    assert loads(text) == make(_komponen)
    assert "komponen" not in dumps(make())
    from pokin.excel import export_xlsx, read_xlsx

    book = export_xlsx(make(_komponen), tmp_path / "m.xlsx")
    assert dumps(read_xlsx(book)) == text  # the Tautan sheet's Komponen Formula column


def test_qa_case_an_inventory_count_does_not_turn_the_ikm_iku_red() -> None:
    # The QA tree: staff "Jumlah kartu inventaris barang" 6 of 12, every link up a proposal.
    values = compute_capaian(load(Path(__file__).parent / "fixtures/capaian/usulan.yaml"))
    assert values == {
        "pengadministrasi-umum.k1.i1": Capaian(50.0, "terukur"),
        "pengadministrasi-umum.k1": Capaian(50.0, "agregasi", 1),
    }


def test_capaian_reads_the_plain_cascade_not_the_networkx_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The networkx view costs seconds at 1e5 (export_xlsx computes capaian): not built."""

    def realise(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0]["indikator"][0].update(target="200", realisasi="150")
        jab(d, "kasi")["kinerja"][0]["indikator"][0].update(target="80", realisasi="80")

    tree = make(lambda d: (realise(d), _komponen(d)))
    expected = compute_capaian(pokin.Cascade(tree))

    def refuse(_: object) -> None:
        raise AssertionError("the networkx view was built")

    monkeypatch.setattr(pokin.Cascade, "graph", property(refuse))
    assert compute_capaian(pokin.Cascade(tree)) == expected
    assert expected["camat.k1"] == Capaian(87.5, "agregasi", 2)  # rolled up to the top
