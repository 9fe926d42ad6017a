"""The blind held-out decree pakisrejo-2026.pdf (issue 11): it imports whole and its hand
labels name only nodes of the imported tree.

The decree (tests/fixtures/blind3/make_pakisrejo.py) and its labels were written before any
link inference ran on it; this test runs none either (no infer_links, no suggest_links, no
measure): the lead measures the matcher on it once. It checks what the labels rely on: the
PDF is read as written (IKU, positions, kinerja, indicators, atasan), the import writes no
link, and every label names a kinerja as ``dari`` and nodes of the tree as ``ke``.

Measured blind once, by the lead on main e4ef994 at 01:58 (/work/notes/blind3-measure.txt):
precision 46/47, restated recall 36/43 = 0,837, meaning top 3 8/8, none proposed. Not
blind after that: helper "misses" tuned the matcher on its misses with general mechanisms
(tests/test_link_misses*.py; /work/notes/misses.md), to
precision 50/51, recall 40/43, top 3 8/8. :func:`test_the_tuned_figures_hold` keeps those
as floors.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from pokin import import_decree
from pokin.link.evaluate import load_labels, measure
from pokin.models import PohonKinerja

from .scripts import load_script

HERE = Path(__file__).parent / "fixtures" / "blind3"
DECREE = HERE / "pakisrejo-2026.pdf"
LABELS = HERE / "pakisrejo-2026-labels.yaml"


@pytest.fixture(scope="module")
def tree() -> PohonKinerja:
    result = import_decree(DECREE)
    assert result.layout == "pdf"
    assert result.skipped == []
    return result.tree


def _source() -> ModuleType:
    """The script that wrote the decree: what the PDF says, cell by cell."""
    return load_script(HERE / "make_pakisrejo.py")


def _kinerja_ids(tree: PohonKinerja) -> set[str]:
    return {str(k.id) for _, k in tree.iter_kinerja()}


def _node_ids(tree: PohonKinerja) -> set[str]:
    ids = _kinerja_ids(tree) | {str(i.id) for _, i in tree.iter_indikator()}
    return ids | {str(s.id) for s in tree.iku}


def test_the_pdf_imports_whole(tree: PohonKinerja) -> None:
    assert len(tree.iku) == 5
    assert sum(len(s.indikator) for s in tree.iku) == 8
    assert [s.id for s in tree.iku] == ["S.1", "S.2", "S.3", "S.4", "S.5"]
    assert len(tree.jabatan) == 18
    assert len(_kinerja_ids(tree)) == 58
    assert sum(len(k.indikator) for _, k in tree.iter_kinerja()) == 85
    assert tree.jabatan[0].nama == "Camat Pakisrejo"
    assert tree.jabatan[-1].nama == "Penggerak Swadaya Masyarakat Ahli Pertama"


def test_every_indicator_keeps_its_formula_source_unit_and_target(tree: PohonKinerja) -> None:
    for _, kinerja in tree.iter_kinerja():
        for indikator in kinerja.indikator:
            assert indikator.formulasi, indikator.id
            assert indikator.sumber_data, indikator.id
            assert indikator.satuan, indikator.id
            assert indikator.target, indikator.id
    pajak = tree.get_jabatan("pengadministrasi-pajak-daerah").kinerja[1].indikator[0]
    assert (pajak.uraian, pajak.satuan, pajak.target) == (
        "Jumlah data objek pajak yang dimutakhirkan",
        "NOP",
        "1.500",
    )
    assert pajak.formulasi == "Dihitung dari formulir SPOP/LSPOP yang diproses"


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
    assert read == [
        (nama, [(k, list(i)) for k, i in rows]) for nama, _, _, rows in source.POSITIONS
    ]
    assert [j.tugas for j in tree.jabatan] == [tugas for _, _, tugas, _ in source.POSITIONS]
    iku = [
        (
            s.id,
            s.uraian,
            [(i.id, i.uraian, i.satuan, i.target, i.formulasi, i.sumber_data) for i in s.indikator],
        )
        for s in tree.iku
    ]
    assert iku == [(code, text, list(rows)) for code, text, rows in source.IKU]


def test_the_camat_table_goes_on_over_a_page_break(tree: PohonKinerja) -> None:
    # page 3 ends after kinerja 5, page 4 repeats the header and goes on with kinerja 6
    camat = tree.get_jabatan("camat-pakisrejo")
    assert [len(k.indikator) for k in camat.kinerja] == [3, 2, 3, 1, 2, 2, 1]
    assert camat.kinerja[5].uraian == "Menurunnya prevalensi stunting di Kecamatan Pakisrejo"
    sekretaris = tree.get_jabatan("sekretaris-kecamatan")
    assert [len(k.indikator) for k in sekretaris.kinerja] == [2, 1, 3, 1]


def test_the_declared_atasan_are_read(tree: PohonKinerja) -> None:
    atasan = {j.id: j.atasan for j in tree.jabatan}
    assert atasan["camat-pakisrejo"] is None  # the Bupati is outside the decree
    assert sum(1 for a in atasan.values() if a) == 17
    assert atasan["arsiparis-ahli-pertama"] == "kepala-sub-bagian-umum-dan-kepegawaian"
    assert atasan["sekretaris-kelurahan-pakisrejo"] == "lurah-pakisrejo"
    assert atasan["pengadministrasi-pajak-daerah"] == "kepala-seksi-pemerintahan"


def test_the_import_writes_no_link(tree: PohonKinerja) -> None:
    assert not any(k.mendukung for _, k in tree.iter_kinerja())
    assert not any(i.mendukung for _, i in tree.iter_indikator())


def test_every_label_names_nodes_of_the_tree(tree: PohonKinerja) -> None:
    labels = load_labels(LABELS)
    assert labels.dataset == "pakisrejo-2026"
    assert labels.cakupan is None
    kinerja, nodes = _kinerja_ids(tree), _node_ids(tree)
    for label in labels.tautan:
        assert label.dari in kinerja, label.dari
        assert label.ke, label.dari
        assert label.ke <= nodes, (label.dari, label.ke - nodes)
        assert label.catatan, label.dari
    daris = [label.dari for label in labels.tautan]
    assert len(daris) == len(set(daris))


def test_label_counts(tree: PohonKinerja) -> None:
    labels = load_labels(LABELS)
    assert Counter(label.jenis for label in labels.tautan) == {"teks": 43, "makna": 8}
    unlabelled = _kinerja_ids(tree) - {label.dari for label in labels.tautan}
    assert len(unlabelled) == 7  # five boilerplate copies, the Camat's PBB-P2, desa admin
    boilerplate = {
        str(k.id)
        for _, k in tree.iter_kinerja()
        if k.uraian == "Tersusunnya laporan pelaksanaan tugas"
    }
    assert len(boilerplate) == 5
    assert boilerplate <= unlabelled


def test_jabatan_fungsional_are_read_by_their_jenjang(tree: PohonKinerja) -> None:
    peran = {j.id: j.peran.value for j in tree.jabatan}
    assert peran["arsiparis-ahli-pertama"] == "fungsional"
    assert peran["penggerak-swadaya-masyarakat-ahli-pertama"] == "fungsional"
    assert peran["pengadministrasi-pajak-daerah"] == "pelaksana"


def test_the_headings_above_each_position_are_no_ones_catatan() -> None:
    """ "II.3. INDIKATOR KINERJA INDIVIDU ..." above "Nama Jabatan :" opens that position's
    part of the lampiran: never a text of the position above, never a note."""
    result = import_decree(DECREE)
    assert not [j.id for j in result.tree.jabatan if "Teks keputusan" in (j.catatan or "")]
    assert not [note for _, note in result.notes if "bukan tugas, fungsi" in note]


def test_the_tuned_figures_hold(tree: PohonKinerja) -> None:
    """Floors of the figures after tuning (see the module docstring; blind: 46/47, 36/43)."""
    score = measure(tree, LABELS)
    assert score.proposed - score.right <= 1  # the BUMDes pendampingan usaha row
    assert score.right >= 50
    assert score.found >= 40
    assert score.meaning_top >= 8
    assert score.meaning_proposed == score.meaning_flagged  # never at the threshold
