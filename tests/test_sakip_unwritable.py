"""`pokin sakip -o` into a place it cannot write: one message, no library traceback.

Before, openpyxl's write-only sheets were left half-streamed when the target could not be
opened, and each printed "Exception ignored in: <generator ...> Traceback ..." to stderr
after pokin's own message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pokin

from .conftest import make


def test_sakip_workbook_into_an_unwritable_place_prints_no_traceback(tmp_path: Path) -> None:
    tree = tmp_path / "lembah-hijau.yaml"
    pokin.save(make(), tree)
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("sebuah berkas, bukan folder", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pokin", "sakip", str(tree), "-o", str(blocker / "kke.xlsx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "pokin: galat:" in run.stderr
    assert "bukan folder" in run.stderr
    assert "Traceback" not in run.stderr
    assert "Exception ignored" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bukan-folder", "lembah-hijau.yaml"]
