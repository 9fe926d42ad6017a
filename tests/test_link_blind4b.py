"""The blind4b held-out decree (tests/fixtures/blind4/watugandu-2025.txt) and its hand labels.

An invented Keputusan Camat Watugandu (Kabupaten Larasgiri, 2025) in the Kebomas text
layout, written with its labels by the 'blind4b' helper without reading pokin/link/ and
without any link inference ever running on it. These tests pin what the importer must read
(so a link figure measured on it later measures the matcher, not the reader) and that the
labels name real nodes. They infer no link: the lead measures the matcher on it once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pokin.decree import import_decree
from pokin.link.evaluate import load_labels
from pokin.models import Peran, PohonKinerja

BLIND4 = Path(__file__).parent / "fixtures" / "blind4"
DECREE = BLIND4 / "watugandu-2025.txt"
LABELS = BLIND4 / "watugandu-2025-labels.yaml"

CAMAT = "camat-watugandu"
SEKRETARIS = "sekretaris-kecamatan"
KASUBBAG_UMUM = "kepala-sub-bagian-umum-dan-kepegawaian"
KASUBBAG_KEUANGAN = "kepala-sub-bagian-perencanaan-dan-keuangan"
KASI_TRANTIBUM = "kepala-seksi-ketenteraman-dan-ketertiban-umum"
KASI_PMKS = "kepala-seksi-pemberdayaan-masyarakat-dan-kesejahteraan-sosial"
KASI_PELAYANAN = "kepala-seksi-pelayanan-umum"

# The atasan the decree states or its structure implies, for every position but the Camat.
ATASAN = {
    SEKRETARIS: CAMAT,
    KASUBBAG_UMUM: SEKRETARIS,
    KASUBBAG_KEUANGAN: SEKRETARIS,
    KASI_TRANTIBUM: CAMAT,
    KASI_PMKS: CAMAT,
    KASI_PELAYANAN: CAMAT,
    "kepala-kelurahan-watugandu": CAMAT,
    "kepala-kelurahan-sendangrejo": CAMAT,
    "staf-pengadministrasi-kepegawaian": KASUBBAG_UMUM,
    "staf-pengelola-barang-milik-daerah": KASUBBAG_UMUM,
    "bendahara-pengeluaran": KASUBBAG_KEUANGAN,
    "staf-penyusun-program-dan-laporan": KASUBBAG_KEUANGAN,
    "staf-pengadministrasi-pelayanan": KASI_PELAYANAN,
    "staf-pengolah-data-kesejahteraan-sosial": KASI_PMKS,
    "staf-pengadministrasi-ketenteraman-dan-ketertiban-umum": KASI_TRANTIBUM,
}


@pytest.fixture(scope="module")
def tree() -> PohonKinerja:
    return import_decree(DECREE).tree


def _kinerja_ids(tree: PohonKinerja) -> set[str]:
    return {str(k.id) for j in tree.jabatan for k in j.kinerja}


def _node_ids(tree: PohonKinerja) -> set[str]:
    ids = _kinerja_ids(tree)
    ids |= {str(i.id) for j in tree.jabatan for k in j.kinerja for i in k.indikator}
    ids |= {str(s.id) for s in tree.iku}
    ids |= {str(i.id) for s in tree.iku for i in s.indikator}
    return ids


def test_the_decree_imports_every_position_kinerja_and_indicator(tree: PohonKinerja) -> None:
    assert len(tree.jabatan) == 17
    assert len(_kinerja_ids(tree)) == 58
    assert sum(len(k.indikator) for j in tree.jabatan for k in j.kinerja) == 79
    assert [str(s.id) for s in tree.iku] == ["S.1", "S.2", "S.3", "S.4"]
    assert sum(len(s.indikator) for s in tree.iku) == 8
    kinerja_per_jabatan = {str(j.id): len(j.kinerja) for j in tree.jabatan}
    assert kinerja_per_jabatan[CAMAT] == 4
    assert kinerja_per_jabatan["kepala-kelurahan-watugandu"] == 5
    assert kinerja_per_jabatan["staf-pengadministrasi-ketenteraman-dan-ketertiban-umum"] == 4


def test_the_import_writes_no_link(tree: PohonKinerja) -> None:
    links = [link for j in tree.jabatan for k in j.kinerja for _, link in k.iter_links()]
    assert links == []


def test_the_cells_are_read_whole(tree: PohonKinerja) -> None:
    camat = next(j for j in tree.jabatan if str(j.id) == CAMAT)
    k3 = camat.kinerja[2]
    assert k3.uraian == "Meningkatnya ketentraman dan ketertiban umum di wilayah kecamatan"
    assert [i.uraian for i in k3.indikator] == [
        "Persentase gangguan trantibum yang tertangani",
        "Persentase kelurahan dengan Satlinmas aktif",
    ]
    s1 = tree.iku[0]
    assert s1.uraian == "Meningkatnya kualitas pelayanan publik di Kecamatan Watugandu"
    assert s1.indikator[0].uraian == "Indeks Kepuasan Masyarakat (IKM) pelayanan PATEN"


def test_atasan_as_the_decree_states_or_implies(tree: PohonKinerja) -> None:
    atasan = {str(j.id): j.atasan for j in tree.jabatan}
    assert atasan[CAMAT] is None
    assert {jid: atasan[jid] for jid in ATASAN} == ATASAN
    assert sum(1 for a in atasan.values() if a) == 16  # all but the Camat


def test_kasi_pemerintahan_is_a_kecamatan_kasi_under_the_camat(tree: PohonKinerja) -> None:
    """Its tugas and kinerja name kelurahan (Musrenbang Kelurahan, adminduk di kelurahan),
    its title names none: a kecamatan seksi's head, under the Camat."""
    kasi = next(j for j in tree.jabatan if str(j.id) == "kepala-seksi-pemerintahan")
    assert (kasi.peran, kasi.unit, kasi.atasan) == (Peran.KASI, "Seksi Pemerintahan", CAMAT)
    assert not [j.id for j in tree.jabatan if j.peran is Peran.KASI_KELURAHAN]


def test_every_label_names_nodes_of_the_imported_tree(tree: PohonKinerja) -> None:
    labels = load_labels(LABELS)
    assert labels.dataset == "watugandu-2025"
    kinerja, nodes = _kinerja_ids(tree), _node_ids(tree)
    dari = [label.dari for label in labels.tautan]
    assert len(dari) == len(set(dari))
    assert set(dari) <= kinerja
    assert all(label.ke and label.ke <= nodes for label in labels.tautan)
    assert Counter(label.jenis for label in labels.tautan) == {"teks": 42, "makna": 7}


def test_no_label_below_the_camat_points_at_the_iku(tree: PohonKinerja) -> None:
    iku = {str(s.id) for s in tree.iku} | {str(i.id) for s in tree.iku for i in s.indikator}
    for label in load_labels(LABELS).tautan:
        if not label.dari.startswith(f"{CAMAT}."):
            assert not label.ke & iku, label.dari


def test_the_boilerplate_decoys_carry_no_label(tree: PohonKinerja) -> None:
    labelled = {label.dari for label in load_labels(LABELS).tautan}
    boilerplate = {
        str(k.id)
        for j in tree.jabatan
        for k in j.kinerja
        if k.uraian == "Tersusunnya laporan pelaksanaan tugas"
    }
    assert len(boilerplate) == 9
    assert not boilerplate & labelled
    assert len(_kinerja_ids(tree) - labelled - boilerplate) == 0
