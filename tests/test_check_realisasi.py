"""PK711: a realisasi typed in words or holding two numbers is named, not silently left out of
the capaian (QA round 5, item 8: a matrix edited with ``delapan puluh`` gave no finding)."""

from __future__ import annotations

from typing import Any

import pytest

from pokin import check

from .conftest import jab, make


def _realisasi(value: str | None, periods: dict[str, str] | None = None) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        indikator = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        indikator["realisasi"] = value
        if periods:
            indikator["per_periode"] = [
                {"periode": name, "realisasi": text} for name, text in periods.items()
            ]

    return mutate


@pytest.mark.parametrize(
    "value", ["87,5", "92.5", "100%", "1.250", "Baik", "WTP", "-", "n/a", "", None]
)
def test_a_number_a_predikat_or_nothing_yet_is_no_finding(value: str | None) -> None:
    assert list(check(make(_realisasi(value)), select="PK711")) == []


def test_a_realisasi_in_words_is_named_with_its_indicator() -> None:
    (found,) = check(make(_realisasi("delapan puluh")), select="PK711")
    assert found.where == "sekretaris.k1.i1"
    assert found.jabatan == "sekretaris"
    assert found.message.startswith("Sekretaris: realisasi «delapan puluh» indikator «")
    assert found.message.endswith(
        "bukan angka dan bukan predikat yang dikenal (AA–D, WTP, Baik, Tepat Waktu ...)"
    )
    assert "agar capaiannya dapat dihitung" in found.hint


def test_two_numbers_and_a_period_in_words_are_each_named() -> None:
    tree = make(_realisasi("80 dari 90", {"TW I": "20", "TW II": "dua puluh lima"}))
    found = [f.message for f in check(tree, select="PK711")]
    assert len(found) == 2
    assert "realisasi «80 dari 90»" in found[0]
    assert found[0].endswith("memuat lebih dari satu angka")
    assert "realisasi TW II «dua puluh lima»" in found[1]


def test_the_base_tree_and_the_datasets_have_no_pk711() -> None:
    from pokin import datasets

    assert list(check(make(), select="PK711")) == []
    for name in datasets.names():
        assert list(check(datasets.load(name), select="PK711")) == [], name


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("1,234.5", "memakai pemisah cara Inggris (koma ribuan, titik desimal): tulis 1.234,5"),
        ("2,500,000", "memakai pemisah cara Inggris (koma ribuan, titik desimal): tulis 2.500.000"),
        ("±90", "memuat tanda ± (perkiraan), bukan satu angka"),
        ("+/- 90 %", "memuat tanda ± (perkiraan), bukan satu angka"),
    ],
)
def test_english_separators_and_approximations_give_no_capaian(value: str, said: str) -> None:
    """QA7 #13: "1,234.5" (an English-locale sheet) was read 1,2345, a capaian of 1,4% shown
    as a red light; "±90" was read 90; neither gave a finding."""
    from pokin.capaian import compute_capaian

    def mutate(d: dict[str, Any]) -> None:
        indikator = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        indikator.update(target="90", realisasi=value)

    tree = make(mutate)
    (found,) = check(tree, select="PK711")
    assert found.message.endswith(said)
    assert "sekretaris.k1.i1" not in compute_capaian(tree)


def test_a_target_with_english_separators_is_pk706() -> None:
    def mutate(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["indikator"][0]["target"] = "1,250.75"

    (found,) = check(make(mutate), select="PK706")
    assert found.message.endswith("tulis 1.250,75")
