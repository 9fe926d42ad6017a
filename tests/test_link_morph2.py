"""Restatements blind2's decrees missed, as general patterns, in texts of my own (issue 11).

A role noun between a noun and its object ("rumah ibadah penerima hibah" /
"Tersalurkannya hibah kepada rumah ibadah"), a light verb "mencapai" ("kader yang
mencapai sertifikasi" / "Meningkatnya sertifikasi kader") and a
state the parent adds in a clause ("... dalam kondisi baik" / "Terpeliharanya ..."). The
Camat holds one indicator per pattern, a Kasi restates each in a kinerja: each must be
linked to its own indicator and to no other.
"""

from __future__ import annotations

import pytest

from pokin import PohonKinerja

from .link_trees import camat_and_kasi, proposed

PATTERNS = [
    (
        "nomina peran + kepada",
        "Jumlah rumah ibadah penerima hibah",
        "Tersalurkannya hibah kepada rumah ibadah",
    ),
    (
        "mencapai + nomina",
        "Persentase kader yang mencapai sertifikasi",
        "Meningkatnya sertifikasi kader",
    ),
    (
        "dalam kondisi",
        "Persentase jaringan irigasi tersier dalam kondisi baik",
        "Terpeliharanya jaringan irigasi tersier",
    ),
]
DECOYS = ["Terdatanya rumah ibadah pemilik sertifikat tanah", "Jumlah penerima hibah"]


def _tree() -> PohonKinerja:
    return camat_and_kasi(
        "Meningkatnya kesejahteraan masyarakat",
        [p for _, p, _ in PATTERNS],
        ("Kasi Kesejahteraan Sosial", "Seksi Kesejahteraan Sosial"),
        [*(c for _, _, c in PATTERNS), *DECOYS],
    )


@pytest.fixture(scope="module")
def proposals() -> dict[str, set[str]]:
    return proposed(_tree())


@pytest.mark.parametrize(("n", "pattern"), [(n, p[0]) for n, p in enumerate(PATTERNS, 1)])
def test_each_restatement_reaches_its_own_indicator(
    proposals: dict[str, set[str]], n: int, pattern: str
) -> None:
    assert proposals.get(f"kasi.k{n}") == {f"camat.k1.i{n}"}, pattern


@pytest.mark.parametrize("n", range(len(PATTERNS) + 1, len(PATTERNS) + len(DECOYS) + 1))
def test_a_role_noun_leading_or_naming_something_else_is_not_a_restatement(
    proposals: dict[str, set[str]], n: int
) -> None:
    assert f"kasi.k{n}" not in proposals


def test_two_abbreviations_of_different_things_share_no_words_through_their_expansions() -> None:
    from pokin.link.similarity import score
    from pokin.link.text import phrase

    # SAKIP (sistem ...) and LAKIP (laporan ...) share "akuntabilitas kinerja instansi
    # pemerintah": two things, not a restatement
    sakip = phrase("Persentase perangkat daerah dengan SAKIP")
    assert score(sakip, phrase("Tersusunnya LAKIP perangkat daerah")) < 0.7
    # the same kind of thing under an old and a new name still meets (laporan / laporan)
    assert score(phrase("Tersusunnya LAKIP kecamatan"), phrase("Jumlah LKjIP kecamatan")) > 0.7
    # a measure's abbreviation (IKM: indeks ...) keeps what it measures (SKM)
    assert score(phrase("Nilai IKM pelayanan"), phrase("Terlaksananya SKM pelayanan")) > 0.6
