"""save() writes the format its suffix names, so load(save(tree)) == tree for each (QA6 #6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pokin
from pokin.errors import PokinFileError

from .conftest import make


def _trees() -> list[pokin.PohonKinerja]:
    return [make(), pokin.datasets.load("sambutan-2023")]


@pytest.mark.parametrize("name", ["t.yaml", "t.yml", "t.json", "T.JSON"])
def test_save_then_load_round_trips(tmp_path: Path, name: str) -> None:
    for number, tree in enumerate(_trees()):
        path = pokin.save(tree, tmp_path / f"{number}{name}")
        assert pokin.load(path) == tree


def test_json_suffix_gets_json(tmp_path: Path) -> None:
    tree = make()
    path = pokin.save(tree, tmp_path / "t.json")
    data = json.loads(path.read_text(encoding="utf-8"))  # JSON, not YAML
    assert data["pokin"] == 1
    assert len(data["jabatan"]) == len(tree.jabatan)


@pytest.mark.parametrize("name", ["t.txt", "t", "t.yaml.bak"])
def test_unknown_suffix_refused_before_writing(tmp_path: Path, name: str) -> None:
    with pytest.raises(PokinFileError, match=r"akhiran .* tidak dikenal") as info:
        pokin.save(make(), tmp_path / name)
    assert ".json" in str(info.value)
    assert not (tmp_path / name).exists()


def test_existing_file_with_unknown_suffix_is_kept(tmp_path: Path) -> None:
    old = tmp_path / "catatan.txt"
    old.write_text("jangan ditimpa\n", encoding="utf-8")
    with pytest.raises(PokinFileError):
        pokin.save(make(), old)
    assert old.read_text(encoding="utf-8") == "jangan ditimpa\n"
