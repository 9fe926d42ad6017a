"""Tooltips never cut a finding in the middle (QA #19). Graphviz refuses an HTML-like tag
over 16,384 characters, so one tooltip holds at most LABEL_BUDGET characters; the tooltips
of one box used to share that budget (a box of 43 indicators: 272 characters each, findings
cut mid-sentence). Each now has its own, and what still does not fit is left out whole and
counted, with where to read the full list."""

from __future__ import annotations

import html
import re
import shutil
from typing import Any

import pytest

from pokin import PohonKinerja, check, datasets
from pokin.render import render, to_dot
from pokin.render.labels import LABEL_BUDGET, tip_with_notes

from .conftest import _ind, jab, make

GRAPHVIZ_LABEL_MAX = 16_384
_MORE = re.compile(r"^… dan (\d+) temuan lain: lihat laporan \(pokin report\) atau pokin check$")


def _tooltips(dot: str) -> dict[str, list[str]]:
    """Node id → the lines of its tooltip, from the HTML-like labels of the DOT text."""
    found = re.findall(r'HREF="#([^"]+)" TOOLTIP="([^"]*)"', dot)
    return {node: html.unescape(tip).split("\n") for node, tip in found}


def _notes(tree: PohonKinerja) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for finding in check(tree):
        notes.setdefault(finding.where, []).append(f"{finding.code}: {finding.message}")
    return notes


def _assert_whole_or_counted(tips: dict[str, list[str]], notes: dict[str, list[str]]) -> int:
    """Each node's findings are in its tooltip whole, in order; those left out are counted
    exactly by the last line. Returns how many tooltips counted some out."""
    counted = 0
    for node, lines in tips.items():
        expected = notes.get(node, [])
        shown = [line for line in lines if line in expected]
        assert shown == expected[: len(shown)], node
        more = _MORE.match(lines[-1])
        if len(shown) < len(expected):
            assert more, (node, lines[-1])
            assert int(more.group(1)) == len(expected) - len(shown), node
            counted += 1
        else:
            assert not more, node
        # no finding line is a cut-off piece of a finding
        for line in lines:
            if re.match(r"PK\d{3}: ", line):
                assert line in expected, (node, line)
    return counted


def test_sambutan_tooltips_hold_every_finding_of_the_crowded_box() -> None:
    """The box QA #19 found cut ("PK705: … untuk indikator…", PK503 gone): kasubbag Umum has
    43 indicators; every finding of theirs is now in its tooltip, whole."""
    tree = datasets.load("sambutan-2023")
    dot = to_dot(tree)
    tips, notes = _tooltips(dot), _notes(tree)
    node = "kasubbag-umum-kepegawaian.k1.i8"
    assert [line for line in tips[node] if line.startswith("PK")] == notes[node]
    assert any(line.startswith("PK503") for line in tips[node])
    assert _assert_whole_or_counted(tips, notes) == 0


def _crowded(indicators: int, findings_text: int) -> PohonKinerja:
    """A staff box with many indicators, each with a long formula: many long findings."""

    def mutate(data: dict[str, Any]) -> None:
        jab(data, "staf")["kinerja"][0]["indikator"] = [
            _ind(
                f"Jumlah laporan kegiatan nomor {n} " + "sangat panjang " * 10,
                formulasi="Laporan kegiatan " + "x " * findings_text,
                satuan=None,
                target="banyak",
                sumber_data=None,
            )
            for n in range(indicators)
        ]

    return make(mutate)


def test_a_crowded_box_keeps_every_finding_whole() -> None:
    tree = _crowded(indicators=40, findings_text=400)
    dot = to_dot(tree)
    tips, notes = _tooltips(dot), _notes(tree)
    staff = {node: lines for node, lines in tips.items() if node.startswith("staf.")}
    assert len(staff) == 41
    assert sum(len(notes.get(node, [])) for node in staff) >= 80
    assert _assert_whole_or_counted(staff, notes) == 0
    escaped = re.findall(r'TOOLTIP="([^"]*)"', dot)
    assert max(len(tip) for tip in escaped) <= LABEL_BUDGET
    assert sum(len(tip) for tip in escaped) > GRAPHVIZ_LABEL_MAX  # one box, many full tips


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_graphviz_takes_a_box_whose_tooltips_pass_the_tag_limit_together(tmp_path: Any) -> None:
    """The limit is per tag: the crowded box (41 tooltips of about 1,000 characters) draws,
    and every tooltip reaches the SVG whole."""
    tree = _crowded(indicators=40, findings_text=400)
    svg = render(tree, tmp_path / "x.svg").read_text(encoding="utf-8")
    titles = [html.unescape(t) for t in re.findall(r'xlink:title="([^"]*)"', svg)]
    for finding in check(tree):
        if finding.where.startswith("staf.k1.i"):
            assert any(f"{finding.code}: {finding.message}" in t for t in titles), finding


def test_a_tooltip_over_the_limit_counts_the_findings_left_out() -> None:
    notes = [f"PK50{n % 10}: temuan nomor {n} " + "kata " * 40 for n in range(80)]
    tip = tip_with_notes(["Indikator", "formulasi: x"], notes)
    assert len(tip) <= LABEL_BUDGET
    lines = html.unescape(tip).split("\n")
    shown = [line for line in lines if line in notes]
    assert shown == notes[: len(shown)]
    assert 0 < len(shown) < 80
    more = _MORE.match(lines[-1])
    assert more
    assert int(more.group(1)) == 80 - len(shown)


def test_text_lines_shrink_before_findings_are_dropped() -> None:
    long = "Formulasi " + "panjang " * 400
    notes = ["PK501: satu", "PK503: dua"]
    tip = html.unescape(tip_with_notes(["Indikator", long], notes, 600)).split("\n")
    assert tip[-2:] == notes  # both findings kept, the formula shortened
    assert tip[1].endswith("…")
    assert len(tip[1]) < len(long)
    tiny = html.unescape(tip_with_notes(["Indikator"], notes * 30, 200)).split("\n")
    assert _MORE.match(tiny[-1])
    assert int(_MORE.match(tiny[-1]).group(1)) == 60 - (len(tiny) - 2)  # type: ignore[union-attr]
