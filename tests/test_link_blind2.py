"""Two more blind held-out decrees for issue 11 (tests/fixtures/blind), with hand labels.

Every decree in the repository, Cempakasari included, has been used to tune the link
matcher, so its figures are no longer blind. Gondangasri 2026 (a Word file, made by
make_gondangasri.py) and Sendangwulan 2025 (the ``pdftotext -layout`` text of a PDF printed
by headless Chromium from sendangwulan-2025.html, made by make_sendangwulan.py) were written
afterwards by a helper who did not read pokin/link/ or its lexicon, and their links were
labelled by hand in the same commits as the decrees, before any link inference ran on them
(/work/notes/blind2.md). These tests only check that the decrees import whole and that
every label names a node of the imported tree: the link figures are measured once, after
the matcher work, and added then.

Known import defect (not a link matter): in Sendangwulan the importer moves the last words
of the first line of 30 wrapped indicator cells into the formula column
("Persentase usaha mikro binaan yang" / "memiliki NIB" -> "Persentase usaha mikro memiliki
NIB"); positions, kinerja, indicators and atasan are all right, so the labels hold.
Measured once (lead, main b330fd0, after the matcher work of morph and linkspeed, before
anybody looked at the misses; /work/notes/blind2-measure.txt):
- Gondangasri: precision 40/40 = 1.000, restated recall 34/37 = 0.919, meaning-only links
  proposed 0/8, right parent in the top 3 for 5/8 = 0.625 (goal 0.7: not met).
- Sendangwulan: precision 40/42 = 0.952, recall 36/41 = 0.878 (goal 0.9: not met), meaning
  proposed 0/6, top 3 6/6.
- Both: precision 80/82 = 0.976, recall 70/78 = 0.897, top 3 11/14 = 0.786.
Misses: abbreviations the lexicon lacks written out (SPIP, NIB), a reordered object, a
qualifier dropped ("dalam kondisi baik"), an inverse indicator (keterlambatan / tepat
waktu), "penerima bantuan" / "Tersalurkannya bantuan"; wrong: a level skip to the IKU
indicator that writes NIB out, LKjIP read as "laporan capaian kinerja". The floors below are
these blind figures; a later change may raise them (then they are no longer blind).

**No longer blind** (morph2, from 23:05 on the day of the blind measurement): the misses
above were read and general mechanisms written for them, each with fixtures of its own
(/work/notes/morph2.md). The floors are raised to the figures after that tuning, which are
therefore not blind figures:
- learned abbreviations (NIB, SPIP) and no level skip past the atasan's restating row:
  Gondangasri 42/42, recall 35/37; Sendangwulan 42/43, recall 37/41.
- role nouns (penerima), "kepada", "mencapai" and a parent's "dalam kondisi" clause:
  Gondangasri 43/43, recall 36/37; Sendangwulan 43/44, recall 38/41.
- words two different abbreviations (LKjIP / SAKIP) give both texts are not shared:
  Sendangwulan 43/43 (both 86/86 = 1.000, recall 74/78 = 0.949; top 3 unchanged, 11/14).
- the theme map and the siblings' prior in suggestions (meaning, 00:50; tests/test_link_themes.py;
  precision and recall unchanged): top 3 Gondangasri 8/8 (was 5/8), Sendangwulan 5/6 (was
  6/6: "kemampuan pelaku usaha mikro mengelola keuangan usaha" is labelled to the Camat's
  "daya saing usaha mikro" one level up, and the Kasi's four "usaha mikro" indicators, which
  its sibling kinerja restate, now fill its top 3), both 13/14.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.link.evaluate import load_labels
from pokin.link.evaluate import measure as measure_links
from pokin.models import PohonKinerja

BLIND = Path(__file__).resolve().parent / "fixtures" / "blind"

# decree, labels, (IKU sasaran, IKU indicators, positions, kinerja, indicators), labels by jenis
DECREES = [
    (
        "gondangasri-2026.docx",
        "gondangasri-2026-labels.yaml",
        (4, 6, 16, 50, 76),
        {"teks": 37, "makna": 8},
    ),
    (
        "sendangwulan-2025.txt",
        "sendangwulan-2025-labels.yaml",
        (5, 6, 15, 50, 68),
        {"teks": 41, "makna": 6},
    ),
]


def tree_of(name: str) -> PohonKinerja:
    return import_decree(BLIND / name).tree


@pytest.mark.parametrize(("decree", "labels", "counts", "jenis"), DECREES)
def test_the_decree_imports_every_position_and_kinerja(
    decree: str, labels: str, counts: tuple[int, ...], jenis: dict[str, int]
) -> None:
    result = import_decree(BLIND / decree)
    tree = result.tree
    assert not result.skipped
    found = (
        len(tree.iku),
        sum(len(s.indikator) for s in tree.iku),
        len(tree.jabatan),
        sum(1 for _ in tree.iter_kinerja()),
        sum(len(k.indikator) for _, k in tree.iter_kinerja()),
    )
    assert found == counts
    assert not any(k.mendukung for _, k in tree.iter_kinerja())  # the decree writes no link
    assert not any(i.mendukung for _, i in tree.iter_indikator())


def test_gondangasri_atasan() -> None:
    atasan = {str(j.id): j.atasan for j in tree_of("gondangasri-2026.docx").jabatan}
    assert atasan["camat-gondangasri"] is None
    assert atasan["lurah-sidowaru"] == "camat-gondangasri"
    assert atasan["arsiparis-ahli-pertama"] == "kepala-sub-bagian-umum-dan-kepegawaian"
    assert atasan["pengadministrasi-layanan"] == "kepala-seksi-pelayanan-umum"
    assert (
        atasan["pengelola-ketenteraman-dan-ketertiban"]
        == "kepala-seksi-ketenteraman-dan-ketertiban-umum"
    )


def test_sendangwulan_atasan() -> None:
    tree = tree_of("sendangwulan-2025.txt")
    atasan = {str(j.id): j.atasan for j in tree.jabatan}
    assert atasan["sekretaris-kelurahan-sendangwulan"] == "lurah-sendangwulan"
    assert atasan["penyusun-program-anggaran-dan-pelaporan"] == (
        "kepala-subbagian-program-dan-keuangan"
    )
    assert atasan["pengelola-sanitasi-lingkungan"] == (
        "kepala-seksi-sarana-prasarana-dan-lingkungan-hidup"
    )
    camat = tree.jabatan[0]
    assert [k.uraian for k in camat.kinerja][:2] == [
        "Meningkatnya kualitas pelayanan administrasi kependudukan dan perizinan",
        "Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan kelurahan",
    ]  # a kinerja wrapped over lines stays one kinerja


@pytest.mark.parametrize(("decree", "labels", "counts", "jenis"), DECREES)
def test_the_labels_name_nodes_of_the_imported_tree(
    decree: str, labels: str, counts: tuple[int, ...], jenis: dict[str, int]
) -> None:
    tree = tree_of(decree)
    kinerja = {str(k.id) for _, k in tree.iter_kinerja()}
    ids = kinerja | {str(i.id) for _, i in tree.iter_indikator()}
    ids |= {str(s.id) for s in tree.iku} | {str(i.id) for s in tree.iku for i in s.indikator}
    tautan = load_labels(BLIND / labels).tautan
    for label in tautan:
        assert label.dari in kinerja, label.dari
        assert label.ke, label.dari
        assert label.ke <= ids, label.ke - ids
    assert len({label.dari for label in tautan}) == len(tautan)  # one entry per kinerja
    assert Counter(label.jenis for label in tautan) == jenis


# decree, labels, (right, proposed, found, restated, meaning proposed, meaning in top 3)
FLOORS = [
    ("gondangasri-2026.docx", "gondangasri-2026-labels.yaml", (43, 43, 36, 37, 0, 8)),
    ("sendangwulan-2025.txt", "sendangwulan-2025-labels.yaml", (43, 43, 38, 41, 0, 5)),
]


@pytest.mark.parametrize(("decree", "labels", "floor"), FLOORS)
def test_blind_link_figures_hold(decree: str, labels: str, floor: tuple[int, ...]) -> None:
    right, proposed, found, restated, meaning_proposed, top = floor
    score = measure_links(tree_of(decree), BLIND / labels)
    assert score.restated == restated
    assert score.precision >= right / proposed
    assert score.found >= found
    assert score.meaning_proposed - score.meaning_flagged <= meaning_proposed
    assert score.meaning_top >= top
