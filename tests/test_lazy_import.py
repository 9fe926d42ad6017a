"""`import pokin` loads nothing heavy; every public name is there on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pokin

HEAVY = (
    "networkx",
    "openpyxl",
    "xlsxwriter",
    "python_calamine",
    "graphviz",
    "pokin.decree",
    "pokin.graph",
    "pydantic",
    "yaml",
)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}; print(' '.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return set(out.stdout.split())


def test_import_pokin_loads_no_heavy_module() -> None:
    loaded = _modules_after("import pokin")
    assert not loaded & set(HEAVY)


def test_loading_a_tree_does_not_load_the_drawing_the_workbook_or_the_readers() -> None:
    loaded = _modules_after("import pokin; pokin.datasets.load('sambutan-2023')")
    assert "pokin.models" in loaded
    assert not loaded & {"networkx", "openpyxl", "graphviz", "pokin.decree"}


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    for name in pokin.__all__:
        assert getattr(pokin, name) is not None, name
    assert set(pokin.__all__) <= set(dir(pokin))


def test_a_function_named_as_its_submodule_stays_the_function() -> None:
    import pokin.coverage
    import pokin.sakip

    assert callable(pokin.coverage)
    assert callable(pokin.sakip)
    assert pokin.coverage is pokin.coverage.__globals__["coverage"]


def test_a_submodule_is_an_attribute_on_first_use() -> None:
    code = "import pokin; print(pokin.io.load.__module__, pokin.graph.ROOT)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["pokin.io", "@organisasi"]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        pokin.no_such_thing  # noqa: B018
