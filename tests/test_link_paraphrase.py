"""A kinerja paraphrasing its atasan's one near indicator, under the threshold (qalinks).

Planners rarely repeat their superior's words: a Kasi writes "Meningkatnya kesadaran
pemilik bangunan di sempadan sungai" for the Camat's "Tingkat kepatuhan pemilik bangunan
di sempadan sungai", drops the measure, swaps the quality, and the pair scores under 0,7.
Before, such a kinerja got no proposal at all (qalinks: 14 of 37 restated links of the
invented Banyuurip decree missed, Kasi and Lurah worst). Now, when no text of the row
(kinerja and indicators) reached the threshold anywhere, the one indicator of the atasan
the row points at is proposed, flagged in its reason: it must score at least
``CLEAR`` of the threshold, the kinerja's own text must share rare words with it, it is
no generic row, and no other text of the atasan comes within ``MARGIN`` of it.
"""

from __future__ import annotations

from typing import Any

from pokin import PohonKinerja
from pokin.link import infer_links
from pokin.link.search import CLEAR, MARGIN
from tests.link_trees import build_tree, indikator, position, proposed

CAMAT = [
    "Tingkat kepatuhan pemilik bangunan di sempadan sungai",
    "Persentase posyandu dengan strata purnama dan mandiri",
    "Nilai rata-rata lomba kebersihan antar RT",
]


def _tree(kasi_rows: list[tuple[str, list[str]]], camat: list[str] = CAMAT) -> PohonKinerja:
    camat_rows = [indikator(text) for text in camat]
    rows: list[dict[str, Any]] = [
        {"uraian": k, "indikator": [indikator(text) for text in inds]} for k, inds in kasi_rows
    ]
    return build_tree(
        [
            position(
                "camat",
                "Camat Sukarame",
                "camat",
                "Kecamatan Sukarame",
                [{"uraian": "Terwujudnya tata ruang yang tertib", "indikator": camat_rows}],
            ),
            position("kasi", "Kasi Trantib", "kasi", "Seksi Trantib", rows, atasan="camat"),
        ]
    )


def test_the_one_near_indicator_is_proposed_under_the_threshold() -> None:
    tree = _tree(
        [
            (
                "Meningkatnya kesadaran pemilik bangunan di sempadan sungai",
                ["Jumlah patroli"],
            )
        ]
    )
    found = [p for p in infer_links(tree) if p.dari.startswith("kasi.k1")]
    assert [(p.dari, p.ke) for p in found] == [("kasi.k1", "camat.k1.i1")]
    assert CLEAR * 0.7 <= found[0].skor < 0.7
    assert "di bawah ambang" in found[0].alasan
    assert "periksa" in found[0].alasan


def test_two_near_indicators_are_no_clear_best() -> None:
    # the Camat measures owners on river banks twice: which one is meant?
    camat = [*CAMAT, "Persentase pemilik bangunan yang sadar sempadan"]
    kinerja = "Meningkatnya kesadaran pemilik bangunan di sempadan sungai"
    assert "kasi.k1" not in proposed(_tree([(kinerja, ["Jumlah patroli"])], camat))
    assert proposed(_tree([(kinerja, ["Jumlah patroli"])])) == {"kasi.k1": {"camat.k1.i1"}}


def test_the_thing_without_what_is_measured_of_it_is_no_paraphrase() -> None:
    # the row holds "bangunan liar" and nothing of "yang ditertibkan" (see kept_items)
    camat = ["Persentase bangunan liar di sempadan sungai yang ditertibkan", *CAMAT[1:]]
    kinerja = "Meningkatnya pengawasan bangunan liar di sempadan sungai"
    assert "kasi.k1" not in proposed(_tree([(kinerja, ["Jumlah patroli"])], camat))


def test_a_row_near_only_through_an_indicator_says_nothing_of_its_kinerja() -> None:
    # the indicator restates the Camat's words, the kinerja is about something else
    tree = _tree(
        [
            (
                "Terselenggaranya pelatihan kader dasawisma",
                ["Jumlah posyandu dengan strata purnama yang dibina"],
            )
        ]
    )
    found = proposed(tree)
    assert "kasi.k1" not in found
    assert all("kasi.k1" not in p.dari or "bawah ambang" not in p.alasan for p in infer_links(tree))


def test_the_margin_is_a_share_of_the_best() -> None:
    assert 0 < MARGIN < 1
    assert 0 < CLEAR < 1
