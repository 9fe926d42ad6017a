"""A level skip past an atasan who holds a text near the row (qalinks).

A Lurah's indicator copies the IKU word for word ("Persentase rumah tidak layak huni yang
direhabilitasi") while his Camat carries it in his own words ("Jumlah rumah tidak layak huni
yang diperbaiki", scoring 0,58 against it). Before, the indicator skipped the Camat for the
IKU (``lompat-jenjang``, score 1): the cascade runs through the Camat, and the link hid
that. Of the 8 wrong proposals over the repository's 21 labelled decrees, 5 were level
skips; Watugandu's two Lurah "IKM pelayanan kelurahan" -> IKU "IKM pelayanan PATEN" over
the Camat's "Nilai IKM pelayanan PATEN" were of this kind. Now a kinerja, or an indicator
of a row that supports nothing yet, looks past its atasan only when no text of his scores
``CLEAR`` of the threshold against it.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja
from pokin.link import infer_links
from tests.link_trees import build_tree, indikator, position

IKU = [
    {
        "id": "S.1",
        "uraian": "Meningkatnya kualitas permukiman",
        "indikator": [
            {"id": "I.1", "uraian": "Persentase rumah tidak layak huni yang direhabilitasi"}
        ],
    }
]


def _tree(camat_indicator: str) -> PohonKinerja:
    camat: list[dict[str, Any]] = [
        {
            "uraian": "Meningkatnya kualitas permukiman",
            "indikator": [indikator(camat_indicator), indikator("Nilai IKM kecamatan")],
        }
    ]
    lurah = [
        {
            "uraian": "Meningkatnya rumah layak huni di kelurahan",
            "indikator": [indikator("Persentase rumah tidak layak huni yang direhabilitasi")],
        }
    ]
    return build_tree(
        [
            position("camat", "Camat", "camat", "Kecamatan Sukarame", camat),
            position(
                "lurah", "Lurah Mekarjaya", "lurah", "Kelurahan Mekarjaya", lurah, atasan="camat"
            ),
        ],
        iku=IKU,
    )


def _lurah(tree: PohonKinerja) -> list[tuple[str, str, str]]:
    return [(p.dari, p.ke, p.relasi.value) for p in infer_links(tree) if p.jabatan == "lurah"]


def test_no_skip_past_an_atasan_holding_a_near_text() -> None:
    assert _lurah(_tree("Jumlah rumah tidak layak huni yang diperbaiki")) == []


def test_a_skip_past_an_atasan_saying_little_of_it_stays() -> None:
    found = _lurah(_tree("Jumlah rumah tidak layak huni yang diperbaiki swadaya"))
    assert found == [("lurah.k1.i1", "I.1", "lompat-jenjang")]
