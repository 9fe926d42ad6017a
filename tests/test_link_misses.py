"""Restatements the matcher missed on blind3, as general patterns, in texts of my own.

- A **bound** closing the superior's indicator: how much the target asks ("minimal dua
  orang", "paling lama 3 hari kerja", "sekurang-kurangnya satu kali"), which the
  subordinate drops. Lexicon ``kata_batas``: with a number after it, the bound is left
  out; without one it stays ("capaian SKP minimal baik" is a grade).
- One item of a **"yang" clause** kept ("SPJ yang lengkap dan tepat waktu" as "SPJ tepat
  waktu"): the clause is not dropped whole, the child keeps an item of the list.
- **ASN / PNS / pegawai**: the staff of an office written one way above, another below
  (lexicon ``sinonim``).

The Camat holds one indicator per pattern, a Kasi restates each in a kinerja: each must be
linked to its own indicator and to no other; the decoys (the same people or things with
another measure) must not be linked at all.
"""

from __future__ import annotations

import pytest

from pokin import PohonKinerja
from pokin.link.lexicon import DEFAULT
from pokin.link.numbers import without_bound
from pokin.link.text import phrase
from tests.link_trees import build_tree, indikator, position, proposed

PATTERNS = [
    (
        "minimal + number word + unit",
        "Persentase kelompok tani dengan penyuluh pendamping minimal dua orang",
        "Meningkatnya kelompok tani dengan penyuluh pendamping",
    ),
    (
        "paling lama + digits + two unit words",
        "Persentase permohonan surat keterangan domisili yang diselesaikan"
        " paling lama 3 hari kerja",
        "Terselesaikannya permohonan surat keterangan domisili",
    ),
    (
        "sekurang-kurangnya (hyphenated) + number + unit",
        "Persentase RT dengan kader jumantik sekurang-kurangnya satu orang",
        "Meningkatnya RT yang memiliki kader jumantik",
    ),
    (
        "paling sedikit, the child adds its own verb",
        "Jumlah dasawisma yang melaksanakan pertemuan paling sedikit 12 kali setahun",
        "Terlaksananya pertemuan dasawisma",
    ),
    (
        "ASN above, pegawai below",
        "Persentase ASN yang mengikuti pelatihan kompetensi teknis",
        "Meningkatnya pegawai yang mengikuti pelatihan kompetensi teknis",
    ),
    (
        "PNS above, pegawai below",
        "Persentase PNS yang menyampaikan LHKASN tepat waktu",
        "Meningkatnya pegawai yang menyampaikan LHKASN tepat waktu",
    ),
    (
        "one item of a yang clause kept, the other dropped",
        "Persentase laporan keuangan desa yang lengkap dan tepat waktu",
        "Terverifikasinya laporan keuangan desa tepat waktu",
    ),
    (
        "one item of a yang clause kept, the verb changed",
        "Persentase pos kamling yang terdata dan aktif",
        "Meningkatnya pos kamling aktif",
    ),
    (
        "pegawai above, ASN below, a grade bound kept",
        "Persentase pegawai dengan predikat kinerja minimal baik",
        "Meningkatnya ASN dengan predikat kinerja minimal baik",
    ),
]
DECOYS = [
    # the same people, another measure
    "Meningkatnya pegawai yang mengikuti apel pagi",
    "Meningkatnya kehadiran ASN pada upacara hari besar",
    # the same bound, another thing
    "Meningkatnya kelompok tani dengan lahan minimal dua hektare",
    "Tersalurkannya bantuan bibit paling lama 3 hari kerja",
    # the item a yang clause measures, with all that is said of it dropped
    "Meningkatnya kelompok usaha binaan",
]
DECOY_PARENTS = ["Jumlah kelompok usaha binaan yang naik kelas"]


def _tree() -> PohonKinerja:
    camat = position(
        "camat",
        "Camat",
        "camat",
        "Kecamatan Sidoarum",
        [
            {
                "uraian": "Meningkatnya kualitas penyelenggaraan pemerintahan",
                "indikator": [indikator(p) for p in [*(p for _, p, _ in PATTERNS), *DECOY_PARENTS]],
            }
        ],
    )
    rows = [
        {"uraian": c, "indikator": [indikator("Jumlah laporan")]}
        for c in [*(c for _, _, c in PATTERNS), *DECOYS]
    ]
    kasi = position("kasi", "Kasi Pemerintahan", "kasi", "Seksi Pemerintahan", rows, atasan="camat")
    return build_tree([camat, kasi])


@pytest.fixture(scope="module")
def proposals() -> dict[str, set[str]]:
    return proposed(_tree())


@pytest.mark.parametrize(("n", "pattern"), [(n, p[0]) for n, p in enumerate(PATTERNS, 1)])
def test_each_restatement_reaches_its_own_indicator(
    proposals: dict[str, set[str]], n: int, pattern: str
) -> None:
    assert proposals.get(f"kasi.k{n}") == {f"camat.k1.i{n}"}, pattern


@pytest.mark.parametrize("n", range(len(PATTERNS) + 1, len(PATTERNS) + len(DECOYS) + 1))
def test_the_same_people_or_bound_on_another_thing_is_no_restatement(
    proposals: dict[str, set[str]], n: int
) -> None:
    assert f"kasi.k{n}" not in proposals, DECOYS[n - len(PATTERNS) - 1]


def test_a_bound_is_left_out_only_with_a_number_closing_the_text() -> None:
    words = phrase("Persentase posyandu dengan kader terlatih minimal lima orang").words
    assert words == phrase("Persentase posyandu dengan kader terlatih").words
    assert "minimal" in phrase("Persentase pegawai dengan capaian SKP minimal baik").words
    # a list going on after the bound: not the end of the text, kept
    going = ["minimal", "5", "orang", "dan", "aktif"]
    assert without_bound(going, DEFAULT.kata_batas, frozenset({"dan"})) == going
    # a bound opening the text bounds nothing before it
    assert without_bound(["minimal", "5", "orang"], DEFAULT.kata_batas, frozenset()) == [
        "minimal",
        "5",
        "orang",
    ]


def test_asn_pns_and_pegawai_read_as_one_word() -> None:
    asn = phrase("Persentase ASN yang disiplin").words
    assert asn == phrase("Persentase pegawai yang disiplin").words
    assert asn == phrase("Persentase PNS yang disiplin").words
