"""Jupyter display (pokin._notebook): registered on IPython's formatters, never raises."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from IPython.core.formatters import DisplayFormatter

from pokin import Cascade, check, datasets, diagram
from pokin._notebook import register, tree_svg

from .conftest import jab, make

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)


@pytest.fixture
def shown() -> DisplayFormatter:
    """A display formatter as a notebook kernel has, with pokin registered on it."""
    formatter = DisplayFormatter()
    assert register(formatter)
    return formatter


def test_register_needs_a_running_ipython() -> None:
    assert register() is False  # pytest is no IPython shell: nothing to teach


def test_diagram_never_raises_in_a_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: DisplayFormatter
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    svg = shown.format(diagram(make()))[0]["image/svg+xml"]
    assert "Graphviz" in svg
    assert "apt-get install graphviz" in svg
    ET.fromstring(svg)  # well-formed
    assert "tidak dapat menggambar" in tree_svg("not a tree")  # type: ignore[arg-type]
    too_big = tree_svg(make(), max_nodes=2)
    assert "4 kotak, terlalu banyak" in too_big
    ET.fromstring(too_big)


def test_tree_cascade_and_findings_display_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: DisplayFormatter
) -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    findings = check(tree)
    assert "<code>PK101</code>" in shown.format(findings)[0]["text/html"]
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot: a message, not an exception
    for obj in (tree, Cascade(tree)):
        svg = shown.format(obj)[0]["image/svg+xml"]
        assert "apt-get install graphviz" in svg
        ET.fromstring(svg)


@needs_dot
def test_tree_cascade_and_diagram_draw_in_a_notebook(shown: DisplayFormatter) -> None:
    tree = make()
    assert "Kasi Pelayanan" in shown.format(tree)[0]["image/svg+xml"]
    assert "Kasi Pelayanan" in shown.format(Cascade(tree))[0]["image/svg+xml"]
    assert "<svg" in tree_svg(tree)
    assert shown.format(diagram(tree))[0]["image/svg+xml"].lstrip().startswith("<?xml")


def test_every_display_names_the_module_that_defines_its_type() -> None:
    """IPython matches a type by the module that defines it: a class moved is a display lost."""
    import importlib

    from pokin._notebook import _DISPLAYS

    for module, name, _, _ in _DISPLAYS:
        assert getattr(importlib.import_module(module), name).__module__ == module


def test_a_large_tree_shows_the_explorer_not_a_drawing(shown: DisplayFormatter) -> None:
    tree = datasets.load("kebomas-2023")  # 661 boxes: more than one drawing holds
    bundle = shown.format(tree)[0]
    assert "image/svg+xml" not in bundle
    page = bundle["text/html"]
    assert page.startswith('<iframe class="pokin-explore"')
    assert 'sandbox="allow-scripts"' in page
    assert "Kecamatan Kebomas" in page
    small = shown.format(make())[0]
    assert "text/html" not in small  # a small tree is drawn, as before


def test_an_explorer_shows_itself(shown: DisplayFormatter, tmp_path: Path) -> None:
    from pokin.explore import explore

    explorer = explore(make())
    frame = shown.format(explorer)[0]["text/html"]
    assert frame.startswith('<iframe class="pokin-explore"')
    assert explorer.save(tmp_path / "p.html").read_text(encoding="utf-8") == explorer.html


def test_a_diff_shows_its_tables_of_changes(shown: DisplayFormatter) -> None:
    import pokin

    old = make()
    new = make(lambda d: jab(d, "kasi").update(nama="Kasi <Layanan>"))
    page = shown.format(pokin.diff(old, new))[0]["text/html"]
    assert '<table id="jabatan">' in page
    assert "Kasi &lt;Layanan&gt;" in page
    assert "<svg" not in page  # the diagrams are for the HTML page, not the notebook


def test_a_sakip_pre_evaluation_shows_its_criteria(shown: DisplayFormatter) -> None:
    """pokin.sakip(tree) in a notebook showed one line of repr; it shows the worksheets and
    the LKE criteria now, every text escaped (an invented Kasi <Layanan>)."""
    import pokin

    tree = make(lambda d: d["organisasi"].update(nama="Kecamatan <Contoh>"))
    page = shown.format(pokin.sakip(tree))[0]["text/html"]
    assert "<td><b>1.b.8</b></td>" in page
    assert "<b>KKE 2</b>" in page
    assert "sebagian dinilai" in page  # 1.b.7 without last year's tree
    assert "Kecamatan &lt;Contoh&gt;" in page
