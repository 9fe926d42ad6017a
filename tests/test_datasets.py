"""The bundled datasets: present, loadable from a checkout and from an installed wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pokin
from pokin import PokinFileError, datasets

ROOT = Path(__file__).resolve().parent.parent


def test_every_bundled_dataset_loads() -> None:
    assert "sambutan-2023" in datasets.names()
    for name in datasets.names():
        tree = datasets.load(name)
        assert tree.jabatan, name


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(PokinFileError, match=r"pilih salah satu: .*sambutan-2023"):
        datasets.load("atlantis-1999")


@pytest.mark.slow
def test_datasets_ship_in_the_wheel_and_load_from_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("pokin-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert "pokin/_datasets/sambutan-2023.yaml" in names
    assert "pokin/py.typed" in names
    probe = (
        "import pokin, pathlib;"
        "d = pokin.datasets.directory();"
        "print(d);"
        "print(len(pokin.datasets.load('sambutan-2023').jabatan))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""},
    )
    folder, count = done.stdout.split()
    assert Path(folder).is_relative_to(tmp_path / "site")
    assert count == "22"


# -- Sambutan 2023: the gaps a planner must see --------------------------------------------


@pytest.fixture(scope="module")
def sambutan() -> pokin.Findings:
    return pokin.check(datasets.load("sambutan-2023"))


def test_sambutan_is_complete() -> None:
    tree = datasets.load("sambutan-2023")
    # Counted in the decree: 22 "JABATAN :" blocks; the transcriber's review in the file's
    # catatan explains the merged and packed cells behind 32 kinerja / 81 indikator.
    assert len(tree.jabatan) == 22
    assert sum(len(j.kinerja) for j in tree.jabatan) == 32
    assert sum(1 for _ in tree.iter_indikator()) == 81
    assert [j.id for j in tree.top] == ["camat"]
    assert all(j.tugas for j in tree.jabatan)
    assert tree.organisasi.dokumen is not None
    assert tree.organisasi.dokumen.penandatangan == "Yosua Laden, S.STP, M.Si"


def test_sambutan_kasi_kebersihan_supports_nothing(sambutan: pokin.Findings) -> None:
    orphans = sambutan.filter(select="PK102")
    assert "kasi-kebersihan-lh" in {f.where for f in orphans}
    assert {"kasi-kebersihan-lh.k1", "kasi-kebersihan-lh.k2"} <= {
        f.where for f in sambutan.filter(select="PK101")
    }


def test_sambutan_prasarana_goes_straight_to_staff(sambutan: pokin.Findings) -> None:
    skips = sambutan.filter(select="PK302", jabatan="pengadministrasi-prasarana-sarana-umum")
    assert [f.where for f in skips] == ["pengadministrasi-prasarana-sarana-umum.k1"]
    assert "Camat" in skips[0].message


def test_sambutan_coverage_is_partial(sambutan: pokin.Findings) -> None:
    total = sambutan.coverage().total
    assert total.jabatan == 22
    assert 0.3 < total.indikator_share < 0.9  # real gaps, but not an empty cascade
    cascade = sambutan.cascade
    assert cascade.path_to_iku("pengelola-data-kecamatan.k1")[-1] == "camat.k1"


def test_readme_counts_every_bundled_dataset() -> None:
    """README's table of datasets is written by hand: its counts must be the datasets'."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w-]+)` \|[^\n]*\| (\d+) \| (\d+) \| (\d+)[^|]*\|$", readme, re.M)
    assert {name for name, *_ in rows} == set(pokin.datasets.names())
    for name, jabatan, kinerja, indikator in rows:
        tree = pokin.datasets.load(name)
        counted = (len(tree.jabatan), sum(len(j.kinerja) for j in tree.jabatan))
        jabatan_indikator = sum(1 for j, _ in tree.iter_indikator() if j is not None)
        assert (int(jabatan), int(kinerja), int(indikator)) == (*counted, jabatan_indikator), name
