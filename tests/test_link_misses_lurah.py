"""A Lurah restating his Camat's kinerja with whole list items left out (blind3: the Camat's
"ketentraman, ketertiban umum dan perlindungan masyarakat" as the Lurah's "ketenteraman dan
ketertiban lingkungan"): the Lurah keeps two items for his kelurahan, one with its
qualifier made local, and drops the third whole. The words of an item left out whole weigh
nothing against him (:func:`pokin.link.similarity.shortened`), as a list item left out
weighs nothing in :func:`~pokin.link.similarity.kept_items`; the qualifier he changed still
does. Decoys: one word in common, and items kept with a word of the Lurah's own.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.link_trees import build_tree, indikator, position, proposed

CAMAT = [
    "Meningkatnya kebersihan, ketertiban pasar dan kenyamanan pengunjung",
    "Meningkatnya kesiapsiagaan, mitigasi bencana dan perlindungan masyarakat",
    "Meningkatnya kerukunan, toleransi umat beragama dan ketahanan keluarga",
]
LURAH = [
    ("Meningkatnya kebersihan dan ketertiban lingkungan", "camat.k1"),
    ("Meningkatnya kesiapsiagaan dan mitigasi bencana di wilayah kelurahan", "camat.k2"),
    ("Meningkatnya kerukunan dan toleransi umat di lingkungan Kelurahan Sukamaju", "camat.k3"),
    ("Meningkatnya kebersihan wilayah", None),  # one word of the Camat's
    ("Meningkatnya kerukunan dan ketahanan pangan", None),  # a word of his own: pangan
]


def _k(uraian: str) -> dict[str, Any]:
    return {"uraian": uraian, "indikator": [indikator("Jumlah laporan")]}


@pytest.fixture(scope="module")
def proposals() -> dict[str, set[str]]:
    camat = position("camat", "Camat", "camat", "Kecamatan Sidoarum", [_k(t) for t in CAMAT])
    lurah = position(
        "lurah",
        "Lurah Sukamaju",
        "lurah",
        "Kelurahan Sukamaju",
        [_k(t) for t, _ in LURAH],
        atasan="camat",
    )
    return proposed(build_tree([camat, lurah]))


@pytest.mark.parametrize(("n", "row"), list(enumerate(LURAH, 1)))
def test_a_lurah_keeping_items_of_the_camat_list_restates_it(
    proposals: dict[str, set[str]], n: int, row: tuple[str, str | None]
) -> None:
    text, target = row
    assert proposals.get(f"lurah.k{n}") == ({target} if target else None), text
