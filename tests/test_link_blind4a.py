"""The blind held-out decree rowosekar-2026.docx (issue 11, set blind4): it imports whole
and its hand labels name only nodes of the imported tree.

The decree (tests/fixtures/blind4/make_rowosekar.py) and its labels were written before any
link inference ran on it; this test runs none either (no infer_links, no suggest_links, no
measure): the lead measures the matcher on it once. It checks what the labels rely on: the
Word file is read as written (IKU, positions, kinerja, indicators, atasan), the import
writes no link, and every label names a kinerja as ``dari`` and nodes of the tree as ``ke``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from pokin import import_decree
from pokin.link.evaluate import load_labels
from pokin.models import Peran, PohonKinerja

from .scripts import load_script

HERE = Path(__file__).parent / "fixtures" / "blind4"
DECREE = HERE / "rowosekar-2026.docx"
LABELS = HERE / "rowosekar-2026-labels.yaml"


@pytest.fixture(scope="module")
def tree() -> PohonKinerja:
    result = import_decree(DECREE)
    assert result.layout == "docx"
    assert result.skipped == []
    return result.tree


def _source() -> ModuleType:
    """The script that wrote the decree: what the Word file says, cell by cell."""
    return load_script(HERE / "make_rowosekar.py")


def _kinerja_ids(tree: PohonKinerja) -> set[str]:
    return {str(k.id) for _, k in tree.iter_kinerja()}


def _node_ids(tree: PohonKinerja) -> set[str]:
    ids = _kinerja_ids(tree) | {str(i.id) for _, i in tree.iter_indikator()}
    return ids | {str(s.id) for s in tree.iku} | {str(i.id) for s in tree.iku for i in s.indikator}


def test_the_docx_imports_whole(tree: PohonKinerja) -> None:
    assert len(tree.iku) == 5
    assert sum(len(s.indikator) for s in tree.iku) == 8
    assert [s.id for s in tree.iku] == ["S.1", "S.2", "S.3", "S.4", "S.5"]
    assert len(tree.jabatan) == 15
    assert len(_kinerja_ids(tree)) == 50
    assert sum(len(k.indikator) for _, k in tree.iter_kinerja()) == 73
    assert tree.jabatan[0].nama == "Camat Rowosekar"
    assert tree.organisasi.tahun == 2026


def test_every_cell_is_read_as_written(tree: PohonKinerja) -> None:
    source = _source()
    read = [
        (
            j.nama,
            [
                (
                    k.uraian,
                    [
                        (i.uraian, i.satuan, i.target, i.formulasi, i.sumber_data)
                        for i in k.indikator
                    ],
                )
                for k in j.kinerja
            ],
        )
        for j in tree.jabatan
    ]
    assert read == [(nama, [(k, list(i)) for k, i in rows]) for nama, _, rows in source.POSITIONS]
    iku = [(s.uraian, [(i.uraian, i.satuan, i.target) for i in s.indikator]) for s in tree.iku]
    assert iku == [
        (text, [(i, satuan, target) for i, satuan, target, _ in rows]) for text, rows in source.IKU
    ]


def test_the_declared_atasan_are_read(tree: PohonKinerja) -> None:
    atasan = {j.id: j.atasan for j in tree.jabatan}
    assert atasan["camat-rowosekar"] is None  # the Wali Kota is outside the decree
    assert sum(1 for a in atasan.values() if a) == 14
    names = {j.nama.upper(): j.id for j in tree.jabatan}
    for nama, declared, _ in _source().POSITIONS:
        if declared:
            assert atasan[names[nama.upper()]] == names[declared.upper()], nama
    assert atasan["pengadministrasi-pajak-daerah"] == (
        "kepala-seksi-pemerintahan-dan-pelayanan-umum"
    )


def test_the_kecamatan_kasi_are_kecamatan_kasi(tree: PohonKinerja) -> None:
    """Two Kasi declared under the Camat, one with "Kelurahan" in its seksi's name, one with
    kelurahan in its table: kecamatan seksi, their staff in those seksi."""
    by_id = {str(j.id): j for j in tree.jabatan}
    for jid, unit in [
        ("kepala-seksi-ketenteraman-dan-ketertiban-umum", "Seksi Ketenteraman dan Ketertiban Umum"),
        ("kepala-seksi-pemberdayaan-masyarakat-dan-kelurahan",
         "Seksi Pemberdayaan Masyarakat dan Kelurahan"),
    ]:  # fmt: skip
        assert (by_id[jid].peran, by_id[jid].unit) == (Peran.KASI, unit), jid
        staff = [j for j in tree.jabatan if j.atasan == jid]
        assert staff, jid
        assert all(j.unit == unit for j in staff), jid
    assert not [j.id for j in tree.jabatan if j.peran is Peran.KASI_KELURAHAN]


def test_the_import_writes_no_link(tree: PohonKinerja) -> None:
    assert not any(k.mendukung for _, k in tree.iter_kinerja())
    assert not any(i.mendukung for _, i in tree.iter_indikator())


def test_every_label_names_nodes_of_the_tree(tree: PohonKinerja) -> None:
    labels = load_labels(LABELS)
    assert labels.dataset == "rowosekar-2026"
    assert labels.cakupan is None
    kinerja, nodes = _kinerja_ids(tree), _node_ids(tree)
    for label in labels.tautan:
        assert label.dari in kinerja, label.dari
        assert label.ke, label.dari
        assert label.ke <= nodes, (label.dari, label.ke - nodes)
        assert label.catatan, label.dari
    daris = [label.dari for label in labels.tautan]
    assert len(daris) == len(set(daris))


def test_no_label_points_below_the_camat_to_the_iku(tree: PohonKinerja) -> None:
    iku = {str(s.id) for s in tree.iku} | {str(i.id) for s in tree.iku for i in s.indikator}
    for label in load_labels(LABELS).tautan:
        if not label.dari.startswith("camat-rowosekar."):
            assert not label.ke & iku, label.dari  # a level skip is never right


def test_label_counts(tree: PohonKinerja) -> None:
    labels = load_labels(LABELS)
    assert Counter(label.jenis for label in labels.tautan) == {"teks": 39, "makna": 7}
    unlabelled = _kinerja_ids(tree) - {label.dari for label in labels.tautan}
    boilerplate = {
        str(k.id)
        for _, k in tree.iter_kinerja()
        if k.uraian == "Tersusunnya laporan pelaksanaan tugas dan fungsi"
    }
    assert len(boilerplate) == 4
    assert unlabelled == boilerplate  # the boilerplate copies support nothing
