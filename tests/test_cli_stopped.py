"""A command stopped by SIGTERM or SIGHUP (``kill``, a closed terminal, a CI timeout)
while it writes its output leaves nothing behind.

Before, the signal's default action ended pokin at once: the target stayed as it was, but
the temporary file beside it (``.laporan.html.x1y2.tmp``) was left in the planner's
folder. Now the signal is raised like Ctrl-C: the write is undone, "pokin: dihentikan",
exit 128 + the signal's number. The signal is sent by the test's own pokin process at
the moment it flushes its output: no timing.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

import pokin

from .conftest import make

SCRIPT = """\
import os, signal, sys
real = os.fsync

def fsync(fd):
    os.kill(os.getpid(), signal.{name})  # stopped while the output is being written
    real(fd)

os.fsync = fsync
from pokin.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("output", ["laporan.html", "matriks.xlsx", "kke.xlsx"])
def test_a_stopped_command_leaves_no_file_behind(tmp_path: Path, name: str, output: str) -> None:
    tree = tmp_path / "rawa-bening.yaml"
    pokin.save(make(), tree)
    before = sorted(p.name for p in tmp_path.iterdir())
    command = {"laporan.html": "report", "matriks.xlsx": "export", "kke.xlsx": "sakip"}[output]
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(name=name), command, str(tree), "-o",
         str(tmp_path / output)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert run.returncode == 128 + getattr(signal, name)
    assert "pokin: dihentikan" in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no target, no .tmp
