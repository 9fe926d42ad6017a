"""A folder given to ``pokin check`` holding something named like a pokin file that is no
regular file: a broken link (the file it named was moved), a FIFO, a link to a device.

Before, such an entry was left out in silence (only regular files were listed): the run
ended with exit 0 and one kecamatan fewer than the folder seemed to hold. Now it is read
like a file named on the command line: refused by name, exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pokin import save
from pokin.cli import main

from .conftest import make


@pytest.mark.parametrize("kind", ["broken-link", "fifo", "device"])
def test_an_entry_named_like_a_tree_that_is_no_file_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = tmp_path / "kabupaten-tapin"
    folder.mkdir()
    save(make(), folder / "kecamatan-bakarangan.yaml")
    odd = folder / "kecamatan-lokpaikat.yaml"
    if kind == "broken-link":
        odd.symlink_to(tmp_path / "dipindahkan.yaml")
    elif kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    assert main(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"pokin: galat: {odd}" in err
