from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pokin import save
from pokin.cli import build_parser, main

from .conftest import jab, make


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    return save(make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung")), tmp_path / "b.yaml")


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    return save(make(), tmp_path / "c.yaml")


def test_check_exits_1_on_errors_and_prints_findings(
    broken_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(broken_file)]) == 1
    out = capsys.readouterr().out
    assert "PK101" in out
    assert "Cakupan" in out


def test_check_exits_0_when_clean(clean_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(clean_file)]) == 0
    assert "No findings." in capsys.readouterr().out


def test_select_ignore_and_json(broken_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken_file), "--ignore", "PK1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["findings"]] == ["PK202"]
    assert main(["check", str(broken_file), "--select", "PK101", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["by_code"] == {"PK101": 1}


def test_several_files_in_json_is_a_list(
    broken_file: Path, clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(clean_file), str(broken_file), "--format", "json", "-q"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [Path(d["file"]).name for d in data] == ["c.yaml", "b.yaml"]


def test_output_file(broken_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert main(["check", str(broken_file), "-o", str(out)]) == 1
    assert "PK101" in out.read_text()


def test_bad_input_is_one_clean_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("pokin: 1\norganisasi: {nama: X}\njabatan: [{nama: C, peran: bupati}]\n")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pokin: error: {bad}:3:")
    assert "Traceback" not in err
    assert main(["check", str(bad), "--select", "XX1"]) == 2
    assert main(["check", str(tmp_path / "none.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    choices = sub.choices  # type: ignore[attr-defined]
    assert {"check", "rules", "demo"} <= set(choices)
    for name, command in choices.items():
        assert command.description, name
        assert command.format_help().count("--help") == 1


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "PK101" in out
    assert "PK601" in out


def test_python_dash_m_pokin(clean_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pokin", "check", str(clean_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "No findings." in done.stdout
    helped = subprocess.run(
        [sys.executable, "-m", "pokin", "--help"], capture_output=True, text=True, check=True
    )
    assert "check" in helped.stdout
