"""sambutan-2024, the invented revision of sambutan-2023: the stored file is what
datasets/revise_sambutan.py writes, and the diff and the checks across years find each
change the revision made."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import pokin
from pokin import check, datasets
from pokin.diff import Diff, diff, diff_text

from .scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    return load_script(ROOT / "datasets" / "revise_sambutan.py")


def test_the_stored_file_is_what_the_script_writes() -> None:
    stored = (ROOT / "datasets" / "sambutan-2024.yaml").read_text(encoding="utf-8")
    assert stored == _script().text()


@pytest.fixture(scope="module")
def revision() -> Diff:
    return diff(datasets.load("sambutan-2023"), datasets.load("sambutan-2024"))


def test_a_renamed_seksi(revision: Diff) -> None:
    [renamed] = [j for j in revision.jabatan if j.lama == "kasi-kebersihan-lh"]
    assert renamed.status == "ubah"
    assert renamed.baru == "kasi-lingkungan-hidup-kebersihan"
    assert revision.unit == [
        ("Seksi Kebersihan dan Lingkungan Hidup", "Seksi Lingkungan Hidup dan Kebersihan", 1)
    ]


def test_two_positions_merged_and_one_removed(revision: Diff) -> None:
    by_status = {(j.status, j.lama, j.baru) for j in revision.jabatan if j.status != "ubah"}
    assert by_status == {
        ("gabung", "pengadministrasi-pemerintahan", "pengelola-administrasi-pemerintahan"),
        ("hapus", "petugas-keamanan", None),
    }
    moved = revision.match.new_id("pengadministrasi-pemerintahan.k1.i1")
    assert moved == "pengelola-administrasi-pemerintahan.k1.i3"


def test_reworded_indicators_with_their_words(revision: Diff) -> None:
    reworded = {n.lama: n.kata for n in revision.nodes if n.kata and n.jenis == "indikator"}
    assert reworded["camat.k1.i2"] == "[-Nilai Survei-] {+Indeks+} Kepuasan Masyarakat Kecamatan"
    assert "pengelola-data-kecamatan.k1.i1" in reworded
    assert "kasi-kebersihan-lh.k1.i1" in reworded  # reworded inside the renamed position


def test_new_targets_and_periods(revision: Diff) -> None:
    changes = {(n.baru, u.kolom): (u.lama, u.baru) for n in revision.nodes for u in n.kolom}
    assert changes[("camat.k1.i2", "target")] == (None, "82")
    assert changes[("pengelola-data-kecamatan.k1.i1", "target")] == ("500", "600")
    assert changes[("pengelola-data-kecamatan.k1.i1", "akumulasi")] == ("kumulatif", "jumlah")


def test_links_fixed_and_coverage_up(revision: Diff) -> None:
    added = {(link.dari, link.ke_baru) for link in revision.links if link.status == "tambah"}
    assert ("kasi-pelayanan-umum.k2", "camat.k1.i2") in added
    assert ("kasi-lingkungan-hidup-kebersihan.k1", "camat.k4.i1") in added
    assert revision.coverage_before.total.indikator_reached == 62
    assert revision.coverage_after.total.indikator_reached == 77
    # 14 orphan kinerja of 2023 are no longer reported: 11 fixed by links, 3 gone with
    # the positions dropped or merged (not fixed)
    assert len([f for f in revision.fixed if f.code == "PK101"]) == 11
    gone = {f.where for f in revision.gone if f.code == "PK101"}
    assert gone == {
        "petugas-keamanan.k1",
        "pengadministrasi-pemerintahan.k1",
        "kasi-kebersihan-lh.k2",
    }
    assert [f.code for f in revision.appeared] == []
    text = diff_text(revision)
    assert "Jumlah: 62/81 (76,5%) → 77/79 (97,5%)" in text


def test_the_checks_across_years_on_the_revision() -> None:
    old, new = datasets.load("sambutan-2023"), datasets.load("sambutan-2024")
    found = {(f.code, f.where) for f in check(new, previous=old, select="PK8")}
    assert found == {
        ("PK801", "camat.k1.i2"),  # the SKM renamed an index: an IKU changed mid-Renstra
        ("PK802", "kasi-pelayanan-umum.k2.i1"),  # target 84 below 2023's 85,2
        ("PK803", "kasi-lingkungan-hidup-kebersihan"),  # no indicator kept as it was
    }


def test_capaian_per_quarter_of_the_revision() -> None:
    per = pokin.capaian.capaian_per_periode(datasets.load("sambutan-2024"))
    assert list(per) == ["2023", "TW I", "TW II"]
    assert per["TW I"]["pengelola-data-kecamatan.k1.i1"].persen == "108,0%"
    assert per["TW II"]["pengadministrasi-umum.k1.i4"].persen == "100,4%"


def test_the_readme_excerpt_is_what_pokin_diff_prints(revision: Diff) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("An excerpt of `pokin diff sambutan-2023 sambutan-2024`")[1]
    excerpt = block.split("```\n")[1]
    printed = diff_text(revision).splitlines()
    for line in excerpt.splitlines():
        assert not line or line in printed, line
