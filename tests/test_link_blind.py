"""Link inference on a blind held-out decree (tests/fixtures/blind), against hand labels.

11-recall and 11-precision tuned the matcher on the decrees of tests/fixtures/heldout, so
their figures are no longer a blind test. Cempakasari (tab-separated text in the style of
the Kebomas seed: IKU table, Camat, Sekretaris, 2 Kasubbag, 3 Kasi, 2 Lurah, 6 staff, 44
kinerja) was written afterwards by a helper who did not read pokin/link/ or its lexicon, and
its links were labelled by hand **before** any link inference ran on it (commit ee7402d).
Measured once, on main 6d39a30 (pokin/link as at a319e15); /work/notes/issue-11-blind.md
lists every miss.

The goals (issue 11): restated links found with recall >= 0.9 at precision >= 0.95, no
meaning-only link proposed, and the right parent among the top 3 suggestions for >= 70% of
them. Measured blind: 31 of 31 proposals right (1.000), 27 of 33 restated links found
(0.818, under the goal), 0 of 6 meaning links proposed, 5 of 6 in the top 3 (0.833). The
six misses were: the two Lurahs' "kualitas layanan administrasi kelurahan" for the Camat's
kinerja "... administrasi terpadu kecamatan", "penindakan pelanggaran perda" for
"pelanggaran peraturan daerah yang ditindaklanjuti", "rekonsiliasi aset" for "aset yang
selesai direkonsiliasi", "Terlaksananya operasi penertiban" for "operasi penertiban yang
digelar", "Terdampinginya BUMDes" for "BUMDes yang menerima pendampingan".

**No longer blind.** Helper "morph" then worked on those six patterns (compounds split by
the stemmer, light verbs and words of aspect, a generic lead verb standing for the passive
verb closing a measure text, perda and other abbreviations, unit words set aside when a
Lurah restates his Camat; each with invented fixtures in tests/test_link_morph.py, not
these strings). Re-measured after that, labels untouched: 37 of 37 proposals right, 33 of
33 restated links found, 0 of 6 meaning links proposed, 5 of 6 in the top 3. The floors
below are those figures; being tuned against, they say nothing more about unseen decrees
(the new blind decrees of tests/fixtures/blind do).
"""

from __future__ import annotations

from pathlib import Path

from pokin.decree import import_decree
from pokin.link.evaluate import Score, load_labels
from pokin.link.evaluate import measure as measure_links

BLIND = Path(__file__).resolve().parent / "fixtures" / "blind"
DECREE = BLIND / "cempakasari-2026.txt"
LABELS = BLIND / "cempakasari-2026-labels.yaml"


def measure() -> Score:
    tree = import_decree(DECREE).tree
    assert not any(k.mendukung for _, k in tree.iter_kinerja())  # the decree writes no link
    return measure_links(tree, LABELS)


def test_the_decree_imports_every_position_and_kinerja() -> None:
    tree = import_decree(DECREE).tree
    assert len(tree.iku) == 4
    assert sum(1 for _ in tree.iter_kinerja()) == 44
    atasan = {str(j.id): j.atasan for j, _ in tree.iter_kinerja()}
    assert len(atasan) == 15
    assert atasan["pengelola-barang-milik-daerah"] == "kepala-sub-bagian-perencanaan-dan-keuangan"
    assert atasan["kepala-kelurahan-wanasari"] == "camat-cempakasari"


def test_the_labels_name_nodes_of_the_imported_tree() -> None:
    tree = import_decree(DECREE).tree
    ids = {str(k.id) for _, k in tree.iter_kinerja()} | {
        str(i.id) for _, i in tree.iter_indikator()
    }
    ids |= {str(s.id) for s in tree.iku}
    for label in load_labels(LABELS).tautan:
        assert label.dari in ids, label.dari
        assert label.ke <= ids, label.ke - ids


def test_cempakasari() -> None:
    score = measure()
    assert (score.restated, score.meaning) == (33, 6)
    assert score.precision >= 1.0
    assert score.recall >= 33 / 33  # 27 / 33 when blind (module docstring)
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
    assert score.top >= 5 / 6
