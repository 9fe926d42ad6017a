"""bench/bench_scale.py prints a row for every operation it names (a figure, never an
assertion on time): an operation whose branch went missing would leave issue 13's table
silently short, as paginate, the gallery and infer_links once were."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_scale.py"

ROWS = (
    "import pokin",
    "load YAML (+ validation)",
    "load YAML, cache hit",
    "load .json",
    "Cascade(tree)",
    "check (all rules)",
    "paginate",
    "render_gallery",
    "infer_links",
    "export_xlsx (findings given)",
    "of which suggest_links",
    "read_xlsx (+ validation)",
    "peak memory (load + check)",
)


def test_every_operation_has_its_row_at_a_small_size() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "300"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    table = [line for line in done.stdout.splitlines() if line.startswith("|")]
    for row in ROWS:
        assert any(line.lstrip("| ").startswith(row) for line in table), row
