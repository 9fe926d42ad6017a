"""An HTML decree's elements a browser does not show are not imported.

Before, a ``<div style="display:none">`` (or ``hidden``, a class the page's ``<style>``
hides, a ``<template>``) outside a table was read like any other text: a position no
reader of the page ever saw ("KEPALA SEKSI BAYANGAN") became a jabatan, with exit 0.
Hidden table rows were already left out and said; now every hidden element is, with the
line it starts on, and the line numbers of what follows stay the file's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin.decree import import_decree

HEAD = ["No", "Kinerja", "Indikator Kinerja", "Formulasi", "Sumber Data", "Target"]


def _table(*rows: list[str]) -> str:
    cells = ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEAD, *rows]]
    return "<table>\n" + "\n".join(cells) + "\n</table>"


def page(hiding: str) -> str:
    """An invented Keputusan Camat Sungai Lilin page; ``hiding`` opens the hidden element."""
    tag = hiding.split()[0].strip("<>")
    return "\n".join([
        "<html><head><meta charset='utf-8'><style>.arsip { display: none }</style></head><body>",
        "<p>INDIKATOR KINERJA INDIVIDU KECAMATAN SUNGAI LILIN TAHUN 2026</p>",
        "<p>1. JABATAN : CAMAT SUNGAI LILIN<br>TUGAS : Memimpin kecamatan.</p>",
        _table(["1", "Meningkatnya pelayanan publik", "Indeks Kepuasan Masyarakat",
                "Rata-rata nilai SKM", "Laporan SKM", "84"]),
        f"{hiding}<p>2. JABATAN : KEPALA SEKSI BAYANGAN<br>TUGAS : Tidak pernah tampil.</p>",
        _table(["1", "Kinerja bayangan", "Indikator bayangan", "-", "-", "1"]),
        f"</{tag}>",
        "<p>3. JABATAN : SEKRETARIS KECAMATAN<br>TUGAS : Membantu Camat.</p>",
        _table(["1", "Meningkatnya akuntabilitas", "Nilai SAKIP", "Nilai LHE", "LHE", "72"]),
        "</body></html>",
    ])  # fmt: skip


@pytest.mark.parametrize(
    "hiding",
    [
        '<div style="display: none">',
        "<section hidden>",
        '<div class="arsip lama">',
        '<span style="visibility:hidden">',
        "<template>",
    ],
)
def test_a_hidden_element_is_left_out_and_said(tmp_path: Path, hiding: str) -> None:
    path = tmp_path / "sungai-lilin.html"
    path.write_text(page(hiding), encoding="utf-8")
    result = import_decree(path)
    assert [j.nama for j in result.tree.jabatan] == ["Camat Sungai Lilin", "Sekretaris Kecamatan"]
    said = [(line, text) for line, text in result.notes if "tersembunyi" in text]
    assert said[0][0] == 8
    assert "KEPALA SEKSI BAYANGAN" in said[0][1]
    sekretaris = result.tree.get_jabatan("sekretaris-kecamatan")
    assert sekretaris.catatan is not None
    assert "baris 14" in sekretaris.catatan  # the lines after it are the file's
