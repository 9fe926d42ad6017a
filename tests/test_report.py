from __future__ import annotations

import json
from pathlib import Path

from pokin import Findings, PohonKinerja, check, coverage
from pokin.coverage import NO_IKU, NO_JABATAN
from pokin.graph import Cascade
from pokin.models import Jabatan, Kinerja, Organisasi
from pokin.report import write_report
from pokin.report.findings import findings_html, json_report, text_report

from .conftest import jab, make


def broken() -> Cascade:
    return Cascade(make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung")))


def test_coverage_per_unit_and_total() -> None:
    cov = coverage(broken())
    rows = {u.unit: (u.jabatan_reached, u.jabatan, u.indikator_reached, u.indikator) for u in cov}
    assert rows == {
        "Kecamatan": (1, 1, 2, 2),
        "Sekretariat": (1, 2, 1, 2),
        "Seksi Pelayanan": (1, 1, 1, 1),
    }
    assert cov.total.indikator_share == 4 / 5
    assert cov.to_records()[-1]["unit"] == "Jumlah"


def test_text_report_groups_by_position_and_shows_coverage() -> None:
    text = text_report(check(broken()))
    assert "2 galat, 1 peringatan, 0 info" in text
    staf = text.index("Pengadministrasi Umum [staf]")
    assert text.index("PK101", staf) > staf
    assert "Cakupan ke IKU per unit:" in text
    assert "coverage" not in text
    assert "Sekretariat" in text.split("Cakupan")[1]
    assert "  1/2 " in text


def test_clean_tree_says_so() -> None:
    assert "Tidak ada temuan." in text_report(check(make()))


def test_json_report_is_serialisable() -> None:
    data = json_report(check(broken()))
    again = json.loads(json.dumps(data))
    assert again["counts"] == {"error": 2, "warning": 1, "info": 0}
    assert again["coverage"][0]["unit"] == "Kecamatan"


def test_html_escapes_decree_text() -> None:
    def nasty(d: dict) -> None:  # type: ignore[type-arg]
        staf = jab(d, "staf")
        staf["nama"] = '<p>Staf & "Umum"</p>'
        staf["kinerja"][0].pop("mendukung")

    page = findings_html(check(make(nasty)))
    assert "<p>Staf" not in page
    assert "&lt;p&gt;Staf &amp; &quot;Umum&quot;&lt;/p&gt;" in page


def test_repeated_findings_of_one_position_are_folded() -> None:
    def no_targets(d: dict) -> None:  # type: ignore[type-arg]
        staf = jab(d, "staf")["kinerja"][0]
        staf["indikator"] = [
            {"uraian": f"Dokumen {n}", "formulasi": "f", "sumber_data": "s", "satuan": "dok"}
            for n in range(6)
        ]

    findings = check(make(no_targets), select="PK504")
    folded = text_report(findings)
    assert folded.count("belum memiliki target") == 3
    assert "PK504 peringatan … dan 3 lagi yang serupa: staf.k1.i4, staf.k1.i5, staf.k1.i6" in folded
    assert text_report(findings, fold=0).count("belum memiliki target") == 6


def test_a_long_findings_table_is_cut_in_a_notebook() -> None:
    from pokin.report.findings import HTML_ROWS

    found = check(make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung")))
    findings = Findings([found[0]] * (HTML_ROWS + 5), found.cascade)
    html = findings_html(findings)
    assert html.count("<tr>") == HTML_ROWS + 1  # the rows shown and the header
    assert "dan 5 lagi" in html


def test_an_empty_tree_says_why_it_has_no_coverage(tmp_path: Path) -> None:
    """QA #20: the PK103 note ("counted against the top positions") over the dashes of a
    tree with no position at all said something false; it says there is nothing to count."""
    empty = PohonKinerja(organisasi=Organisasi(nama="Kecamatan Kosong"), jabatan=[])
    findings = check(empty)
    text = text_report(findings)
    assert NO_JABATAN in text
    assert NO_IKU not in text
    assert "Jumlah    0/0        —" in text
    for name in ("l.md", "l.html"):
        write_report(empty, tmp_path / name, findings=findings)
        page = (tmp_path / name).read_text(encoding="utf-8")
        assert NO_JABATAN in page
        assert NO_IKU not in page
    lonely = PohonKinerja(
        organisasi=Organisasi(nama="Kecamatan Sepi"),
        jabatan=[Jabatan(id="staf", nama="Staf", peran="pelaksana", kinerja=[Kinerja(uraian="K")])],
    )
    assert NO_IKU in text_report(check(lonely))
