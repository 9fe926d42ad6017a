"""The SAKIP report: content, escaping, and a real headless browser opening it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin.report.document import report_html, report_markdown, write_report

from .conftest import jab, make

SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def nasty() -> pokin.PohonKinerja:
    def mutate(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")
        staf["nama"] = '<script>alert("x")</script> & {Staf} | \\ '
        staf["kinerja"][0].pop("mendukung")
        staf["kinerja"][0]["indikator"][0].update(target="200", realisasi="150")
        jab(d, "kasi")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 0.88, "alasan": "<p>sama</p>"}
        ]

    return make(mutate)


def test_html_holds_figures_findings_links_and_capaian() -> None:
    page = report_html(nasty(), diagram=SVG)
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-figure="jabatan"><b>4</b>' in page
    assert "PK101" in page
    assert "<b>Kinerja tidak sampai ke IKU (yatim)</b>:" in page  # the rule, in Indonesian
    assert "Tautan usulan menunggu konfirmasi" in page
    assert "0.88" in page
    assert 'class="lampu kuning"></span>75,0%' in page
    assert "<svg" in page
    assert "<?xml" not in page  # the SVG is inlined without its XML prolog


def test_html_escapes_every_decree_text_and_loads_nothing_remote() -> None:
    page = report_html(nasty(), diagram=SVG)
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {Staf}" in page
    assert "&lt;p&gt;sama&lt;/p&gt;" in page
    # the explorer's iframe carries the vendored library's licence URL in a comment; that
    # page is checked to request nothing but itself in tests/test_explore.py
    page = re.sub(r'<iframe class="pokin-explore".*?</iframe>', "", page, flags=re.S)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert page.count("<script>") == 1  # only the page's own filter script


def test_markdown_escapes_pipes_and_html() -> None:
    text = report_markdown(nasty())
    assert "| PK101 | galat |" in text
    assert "\\| \\" in text
    assert "<script>" not in text


def test_markdown_lists_pending_links_and_capaian() -> None:
    text = report_markdown(nasty())
    assert "## Tautan usulan menunggu konfirmasi" in text
    assert "(`camat.k1.i2`) | 0,88 | &lt;p&gt;sama&lt;/p&gt; |" in text
    assert "| 200 | 150 | 🟡 75,0% | terukur |" in text
    clean = report_markdown(make())
    assert "Tidak ada tautan usulan" in clean
    assert "Belum ada indikator dengan target dan realisasi" in clean


def test_a_tree_too_large_for_one_drawing_gets_a_note_not_a_giant_svg(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("pokin.render.MAX_NODES", 2)
    page = report_html(make())
    assert "Diagram tidak dibuat: pohon ini punya 4 kotak" in page
    assert "<svg" not in page


def test_write_report_by_suffix(tmp_path: Path) -> None:
    assert write_report(make(), tmp_path / "r.md").read_text().startswith("# Pohon Kinerja")
    with pytest.raises(ValueError, match=r"namai berkasnya \.html, \.htm atau \.md"):
        write_report(make(), tmp_path / "r.pdf")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_report_opens_in_a_real_browser_without_script_errors(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html(nasty()), encoding="utf-8")  # the real diagram, if dot is here
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dumped = subprocess.run(
        [str(CHROMIUM), *FLAGS, *profile, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = dumped.stdout
    assert 'data-pokin="ready"' in dom  # the page's script ran to its end
    assert "Uncaught" not in dumped.stderr
    assert 'data-figure="galat"><b>2</b>' in dom
    assert "Cakupan ke IKU per unit" in dom
    if shutil.which("dot"):
        assert '<div class="diagram"><svg' in dom

    shot = tmp_path / "report.png"
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            *profile,
            f"--screenshot={shot}",
            "--window-size=1280,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_coverage_without_iku_carries_a_note() -> None:
    def no_camat(d: dict[str, Any]) -> None:
        d["jabatan"] = [j for j in d["jabatan"] if j["id"] == "staf"]
        d["jabatan"][0]["atasan"] = None
        d["jabatan"][0]["kinerja"][0].pop("mendukung")

    assert "Tanpa IKU (PK103)" in report_html(make(no_camat), diagram=SVG)
    assert "Tanpa IKU (PK103)" in report_markdown(make(no_camat))
    assert "Tanpa IKU" not in report_html(make(), diagram=SVG)
