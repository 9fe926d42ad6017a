"""Printing on paper: ``pokin render --paper A3|A4 [--landscape]`` and render_paper."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pokin import PohonKinerja, datasets
from pokin.cli import main
from pokin.graph import Cascade
from pokin.render.paper import MIN_SCALE, paper_size, plan_paper, render_paper

from .scripts import load_script

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz's dot is not installed"
)
pdfium = pytest.importorskip("pypdfium2")

BENCH = Path(__file__).resolve().parents[1] / "bench" / "synthetic.py"


def _synthetic(**sizes: int) -> PohonKinerja:
    module = load_script(BENCH)
    tree: PohonKinerja = module.synthetic(**sizes)
    return tree


def _sheet(paper: str, landscape: bool = False) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in (0.0, 0.0, *paper_size(paper, landscape)))


def _media_boxes(data: bytes) -> list[tuple[float, ...]]:
    found = re.findall(rb"/MediaBox\s*\[\s*([-\d.\s]+)\]", data)
    return [tuple(round(float(v), 1) for v in box.split()) for box in found]


def _texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def test_paper_sizes() -> None:
    assert paper_size("A4") == (595.28, 841.89)
    assert paper_size("a3", landscape=True) == (1190.55, 841.89)
    with pytest.raises(ValueError, match="tidak dikenal: pilih A4 atau A3"):
        paper_size("Letter")


@needs_dot
def test_sambutan_a4_landscape(tmp_path: Path) -> None:
    tree = datasets.load("sambutan-2023")
    out = tmp_path / "sambutan.pdf"
    pages = render_paper(tree, out, paper="A4", landscape=True, findings=None)
    data = out.read_bytes()
    boxes = _media_boxes(data)
    assert len(boxes) == len(pages) == len(pdfium.PdfDocument(out)) > 2
    assert set(boxes) == {_sheet("A4", landscape=True)}  # every page A4 landscape
    assert pages[0].title == "Ikhtisar"
    assert all(p.scale >= MIN_SCALE for p in pages)
    texts = _texts(out)
    assert texts[0].count("halaman 1 dari") == 1
    for number, text in enumerate(texts, 1):
        assert f"halaman {number} dari {len(pages)}" in text
        assert "Kecamatan Sambutan" in text  # the organisasi in every header
    units = Cascade(tree).units
    for unit in units:  # every unit on the overview and on a page of its own
        assert unit in " ".join(texts[0].split())
        assert any(unit in " ".join(t.split()) for t in texts[1:]), unit
    drawn = "".join(p.dot for p in pages[1:])
    for _, indikator in tree.iter_indikator():  # nothing is lost between the pages
        assert f"id: {indikator.id}" in drawn


@needs_dot
def test_big_tree_splits_into_pages(tmp_path: Path) -> None:
    tree = _synthetic(kelurahan=6, staf=3, indikator=2)
    pages = plan_paper(tree, paper="A4", findings=None)
    assert len(pages) >= 6
    assert pages[0].title == "Ikhtisar"
    assert all(p.scale >= MIN_SCALE for p in pages[1:])
    assert {u for p in pages[1:] for u in p.units} == set(Cascade(tree).units)
    assert all("Seluruh" not in p.title for p in pages)  # too big to shrink to one page


@needs_dot
def test_cli_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cetak.pdf"
    assert main(["render", "sambutan-2023", "-o", str(out), "--paper", "a3"]) == 0
    assert set(_media_boxes(out.read_bytes())) == {_sheet("A3")}
    assert "halaman A3" in capsys.readouterr().out


def test_cli_paper_needs_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg = tmp_path / "cetak.svg"
    assert main(["render", "sambutan-2023", "-o", str(svg), "--paper", "A4"]) == 2
    assert "namai berkas keluarannya .pdf" in capsys.readouterr().err
    assert not svg.exists()
    pdf = tmp_path / "cetak.pdf"
    assert main(["render", "sambutan-2023", "-o", str(pdf), "--landscape"]) == 2
    assert "--landscape hanya berlaku bersama --paper" in capsys.readouterr().err
    assert main(["render", "sambutan-2023", "-o", str(pdf), "--paper", "A4", "--pages"]) == 2
    assert not pdf.exists()


@needs_dot
def test_a_wide_unit_shares_its_pages() -> None:
    """Issue 12: every kelurahan of the synthetic tree (16 positions, one wide family) came
    out one position a page: 188 A4 pages for 374 boxes. Consecutive pages of a unit are now
    joined while they stay legible: each box is on exactly one page, no page mixes units,
    and most pages hold several positions."""
    tree = _synthetic(kelurahan=3, staf=4, indikator=3)
    c = Cascade(tree)
    pages = plan_paper(tree, paper="A4", landscape=True, findings=None)
    body = [p for p in pages[1:] if "Seluruh" not in p.title]
    assert all(p.scale >= MIN_SCALE for p in body)
    boxes = [box for p in body for box in p.own]
    kinerja = {str(k.id) for j in tree.jabatan for k in j.kinerja}
    assert sorted(boxes) == sorted(kinerja)  # all of them, none twice
    for page in body:
        owners = {c.tree.get_jabatan(box.rsplit(".", 1)[0]).unit for box in page.own}
        assert owners == set(page.units)
    positions = [len({box.rsplit(".", 1)[0] for box in p.own}) for p in body]
    assert sum(positions) / len(positions) >= 3.5  # 2,7 before staff stood two to a column
    kelurahan = [p for p in body if p.units == ("Kelurahan 0",)]
    assert 1 < len(kelurahan) <= 5  # was 16, then 6 with staff three to a column
    assert [p.title for p in kelurahan][
        -1
    ] == f"Kelurahan 0 (bagian {len(kelurahan)} dari {len(kelurahan)})"


@needs_dot
def test_a_long_overview_goes_over_pages_it_can_be_read_on() -> None:
    """A kabupaten-sized tree has a hundred units: one overview table printed at 0,19."""
    tree = _synthetic(kelurahan=60, staf=0, indikator=1)
    pages = plan_paper(tree, paper="A4", landscape=True, findings=None)
    overview = [p for p in pages if p.title.startswith("Ikhtisar")]
    assert len(overview) > 1
    assert all(p.scale >= MIN_SCALE for p in overview)
    assert overview[0].title == f"Ikhtisar (1 dari {len(overview)})"
    assert pages[: len(overview)] == overview
    listed = "".join(p.dot for p in overview)
    for unit in Cascade(tree).units:  # every unit listed, with its first page number
        assert f'<TD ALIGN="LEFT">{unit}</TD>' in listed
    first = next(n for n, p in enumerate(pages, 1) if p.units == ("Kelurahan 59",))
    assert f'Kelurahan 59</TD><TD ALIGN="RIGHT">{first}' in listed
