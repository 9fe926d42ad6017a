"""`pokin check kabupaten/`: a folder of organisasi files checked as one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pokin import save
from pokin.cli import check as check_command
from pokin.cli import main

from .conftest import jab, make


@pytest.fixture
def kabupaten(tmp_path: Path) -> Path:
    """Three kecamatan (one with an orphan), a JSON one, a broken one, and a stray file."""
    folder = tmp_path / "kabupaten"
    folder.mkdir()
    for name in ("Barat", "Timur"):
        tree = make()
        tree.organisasi.nama = f"Kecamatan {name}"
        save(tree, folder / f"{name.lower()}.yaml")
    orphan = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    orphan.organisasi.nama = "Kecamatan Utara"
    save(orphan, folder / "utara.yml")
    (folder / "selatan.json").write_text(
        json.dumps({"pokin": 1, "organisasi": {"nama": "Kecamatan Selatan"}, "jabatan": []})
    )
    (folder / "rusak.yaml").write_text("pokin: 1\norganisasi: [\n")
    (folder / "catatan.txt").write_text("not a pokin file")
    return folder


def test_a_folder_is_checked_as_one_run_with_a_summary_per_organisasi(
    kabupaten: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(kabupaten), "-q"]) == 2  # one file could not be read
    captured = capsys.readouterr()
    out = captured.out
    summary = out[out.index("Ringkasan per organisasi (5 berkas)") :]
    rows = summary.splitlines()
    assert rows[1].split()[:4] == ["No", "Organisasi", "Berkas", "Jabatan"]
    names = [line.split("  ")[1].strip() for line in rows[2:7]]
    assert names == [
        "Kecamatan Barat",
        "(tidak terbaca)",
        "Kecamatan Selatan",
        "Kecamatan Timur",
        "Kecamatan Utara",
    ]
    assert rows[7].split()[0] == "Jumlah"
    assert "rusak.yaml: tidak terbaca:" not in summary  # said once, on stderr (QA #20)
    assert "catatan.txt" not in out
    assert out.count("pokin check: Kecamatan") == 4
    assert "rusak.yaml" in captured.err


def test_the_parallel_run_gives_the_same_report(
    kabupaten: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (kabupaten / "rusak.yaml").unlink()
    assert main(["check", str(kabupaten), "-q"]) == 1  # Utara's orphan
    alone = capsys.readouterr().out
    monkeypatch.setattr(check_command, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(check_command.os, "cpu_count", lambda: 2)
    assert main(["check", str(kabupaten), "-q"]) == 1
    assert capsys.readouterr().out == alone


def test_a_broken_file_in_a_parallel_run_is_reported_not_a_crash(
    kabupaten: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_command, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(check_command.os, "cpu_count", lambda: 2)
    assert main(["check", str(kabupaten), "-q"]) == 2
    captured = capsys.readouterr()
    assert "rusak.yaml:3:1" in captured.err
    assert "Ringkasan per organisasi (5 berkas)" in captured.out


def test_json_of_a_folder_is_the_list_of_its_files(
    kabupaten: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (kabupaten / "rusak.yaml").unlink()
    assert main(["check", str(kabupaten), "-q", "--format", "json"]) == 1
    reports = json.loads(capsys.readouterr().out)
    assert [Path(r["file"]).name for r in reports] == [
        "barat.yaml",
        "selatan.json",
        "timur.yaml",
        "utara.yml",
    ]


def test_an_empty_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "tidak memuat berkas pokin" in capsys.readouterr().err


def test_an_unreadable_file_is_reported_once(
    kabupaten: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA #20: the error used to be printed twice (stderr and the summary) on screen."""
    reason = "kesalahan sintaks YAML"
    assert main(["check", str(kabupaten), "-q"]) == 2
    said = capsys.readouterr()
    assert (said.out + said.err).count(reason) == 1
    assert "pokin: galat: " in said.err
    assert "(tidak terbaca)" in said.out  # in the summary table, the reason on stderr
    # written to a file (or as JSON, which has no summary): the terminal still says why
    out = tmp_path / "laporan.txt"
    assert main(["check", str(kabupaten), "-q", "-o", str(out)]) == 2
    assert capsys.readouterr().err.count(reason) == 1
    assert out.read_text(encoding="utf-8").count(reason) == 1
    assert main(["check", str(kabupaten), "-q", "--format", "json"]) == 2
    assert capsys.readouterr().err.count(reason) == 1
