"""The report's "Perubahan dari tahun lalu" section, when last year's tree is given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pokin import datasets
from pokin.cli import main
from pokin.report.document import report_html, report_markdown, write_report

from .conftest import jab, make

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def test_without_a_previous_year_there_is_no_section() -> None:
    assert "Perubahan dari tahun lalu" not in report_html(make(), diagram=SVG)
    assert "Perubahan dari tahun lalu" not in report_markdown(make())


def test_the_section_lists_changes_and_the_checks_across_years() -> None:
    old, new = datasets.load("sambutan-2023"), datasets.load("sambutan-2024")
    page = report_html(new, previous=old, diagram=SVG)
    section = page[page.index("<h2>Perubahan dari tahun lalu</h2>") :]
    assert "indikator terhubung ke IKU: 76,5% → 97,5%" in section
    assert (
        "; temuan baru: 0; hilang bersama jabatan, kinerja atau indikator yang dihapus" in section
    )
    assert "digabung ke Pengelola Administrasi Pemerintahan" in section
    assert "PK802: Kasi Pelayanan Umum: target" in section
    assert "… dan " in section  # more changes than the section shows
    text = report_markdown(new, previous=old)
    assert "## Perubahan dari tahun lalu" in text
    assert "- PK801: IKU «Indeks Kepuasan Masyarakat Kecamatan» berubah" in text


def test_every_text_of_the_section_is_escaped() -> None:
    def nasty(d: dict[str, Any]) -> None:
        jab(d, "kasi")["nama"] = "<script>alert(1)</script> | Kasi"

    def earlier(d: dict[str, Any]) -> None:
        d["organisasi"]["tahun"] -= 1

    page = report_html(make(nasty), previous=make(earlier), diagram=SVG)
    section = page[page.index("<h2>Perubahan dari tahun lalu</h2>") :]
    assert "<script>alert" not in section
    assert "&lt;script&gt;" in section
    assert "\\|" in report_markdown(make(nasty), previous=make(earlier))


def test_write_report_and_the_cli_take_the_previous_year(tmp_path: Path) -> None:
    old, new = datasets.load("sambutan-2023"), datasets.load("sambutan-2024")
    path = write_report(new, tmp_path / "laporan.md", previous=old)
    assert "## Perubahan dari tahun lalu" in path.read_text(encoding="utf-8")
    out = tmp_path / "cli.md"
    code = main(["report", "sambutan-2024", "--previous", "sambutan-2023", "-o", str(out)])
    assert code in (0, 1)
    assert "### Temuan lintas tahun (PK801–PK803)" in out.read_text(encoding="utf-8")
