"""bench/bench_load_json.py prints every step of a ``.json`` load beside its floor (figures,
never an assertion on time), and its no-check validator builds the models' own classes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pokin

from .conftest import make
from .scripts import load_script

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_load_json.py"


def test_every_step_has_its_row() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "300", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    rows = [line.split("|")[1].strip() for line in done.stdout.splitlines() if line[:2] == "| "]
    assert rows == [
        "step",
        "json.loads",
        "json.loads + duplicate-key hook",
        "models, no check at all",
        "models, every check (validate_fast)",
        "ids and links, one pass (whole)",
        "pokin.load(.json)",
        "floor (hook + no-check models + whole)",
    ]


def test_the_floor_builds_the_same_tree_without_checking() -> None:
    no_check = load_script(BENCH).no_check()
    data = json.loads(json.dumps(pokin.io._clean(make())))
    tree = pokin.models.fast.validate_fast(data)
    assert no_check.validate_python(data) == tree  # the same classes, fields and values
    data["jabatan"][0]["nama"] = "  Camat  "
    data["jabatan"][0]["id"] = 12
    data["jabatan"][0]["kinerja"][0]["tak_dikenal"] = 1
    loose = no_check.validate_python(data)  # nothing stripped, checked or refused
    assert (loose.jabatan[0].nama, loose.jabatan[0].id) == ("  Camat  ", 12)
