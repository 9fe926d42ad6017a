"""Two invented years of one kecamatan (tests/fixtures/years/, Batu Ampar Hilir 2025 and
2026): what the evaluator compares across years, as the report, pokin sakip and pokin diff
say it. Every expected figure here was recomputed by hand from the two files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pokin import PohonKinerja, check, load
from pokin.diff import Ubah, diff, diff_markdown, diff_text
from pokin.io import loads
from pokin.report import report_markdown
from pokin.report.escape import md
from pokin.sakip import Kriteria, sakip

YEARS = Path(__file__).parent / "fixtures" / "years"


@pytest.fixture(scope="module")
def old() -> PohonKinerja:
    return load(YEARS / "batu-ampar-hilir-2025.yaml")


@pytest.fixture(scope="module")
def new() -> PohonKinerja:
    return load(YEARS / "batu-ampar-hilir-2026.yaml")


def _criterion_line(text: str, kode: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"| {kode} |"))


def test_the_report_scores_sakip_with_the_previous_year(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """The report given last year's tree judged 1.b.6 "tidak dapat dinilai tanpa pohon
    kinerja tahun sebelumnya" and 1.b.7 "sebagian dinilai": its SAKIP section ran without
    it (and said, wrongly, that it used rules the Temuan section hid)."""
    text = report_markdown(new, previous=old)
    # 1 of the 2 IKU reworded (I.K.S.1.1: "terhadap" -> "atas publik")
    assert "| 50,0% | C |" in _criterion_line(text, "1.b.6")
    # Dapat Dicapai 20/20, Menantang 9 of 18 assessed (Nilai SAKIP: target B after B): 29/38
    assert "| 76,3% | B |" in _criterion_line(text, "1.b.7")
    assert "termasuk kode yang tidak ditampilkan" not in text


def test_smart_lists_only_the_rows_that_lost_a_smart_tick(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """1.b.5 (SMART) listed as costing it points the 6 rows whose only loss was Menantang,
    a column of 1.b.7: 9 rows named, 3 of them real."""
    result = sakip(new, previous=old)
    smart = result["1.b.5"]
    assert isinstance(smart, Kriteria)
    # Relevan lost to PK101 (the broken link) and PK704; nothing else of S M A R T
    assert sorted(smart.baris) == ["kasi-trantibum.k2.i1", "pengelola-layanan-paten.k1.i1"]
    challenge = result["1.b.7"]
    assert isinstance(challenge, Kriteria)
    assert len(challenge.baris) == 9  # the 9 PK802 rows, Dapat Dicapai lost nowhere


def test_the_coverage_total_closes_the_diff_after_the_units_gone(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """Seksi Pemerintahan (merged away in 2026) was listed after the Jumlah row."""
    changes = diff(old, new)
    for text, row in (
        (diff_text(changes), "  Jumlah: 16/17 (94,1%) → 17/18 (94,4%)"),
        (diff_markdown(changes), "| Jumlah | 16/17 (94,1%) | 17/18 (94,4%) |"),
    ):
        lines = text.splitlines()
        at = lines.index(row)
        gone = next(n for n, line in enumerate(lines) if "Seksi Pemerintahan" in line)
        assert gone < at
        assert not lines[at + 1].strip().startswith(("Seksi", "| Seksi", "Kelurahan"))


def test_a_changed_iku_code_is_a_change(old: PohonKinerja) -> None:
    """An IKU renumbered with its text kept (I.K.S.1.1 -> IKU.1.1) was no change at all in
    pokin diff, while check --previous reported it as PK801."""
    data = old.model_dump(mode="json", exclude_none=True)
    data["organisasi"]["tahun"] = 2026
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    recoded = loads(text.replace("I.K.S.1.1", "IKU.1.1"))
    changes = diff(old, recoded)
    [node] = [n for n in changes.nodes if n.lama == "I.K.S.1.1"]
    assert node.baru == "IKU.1.1"
    assert node.kolom[0] == Ubah("kode", "I.K.S.1.1", "IKU.1.1")
    assert "kode: I.K.S.1.1 → IKU.1.1" in diff_text(changes)
    # the positions' own ids are the file's, not the decree's: a kinerja id alone is no change
    assert len(diff(old, loads(text.replace("camat.k1", "camat.k9")))) == 0


def _edited(tree: PohonKinerja, edit: Callable[[dict[str, Any]], None]) -> PohonKinerja:
    data = tree.model_dump(mode="json", exclude_none=True)
    edit(data)
    return loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _without_iku_table(data: dict[str, Any]) -> None:
    """The IKI decree alone: no IKU table, the Camat's indicators stand in for it."""
    del data["iku"]
    for jabatan in data["jabatan"]:
        for kinerja in jabatan["kinerja"]:
            kinerja["mendukung"] = [
                link
                for link in kinerja.get("mendukung", [])
                if not str(link.get("ke", "")).startswith("I.K")
            ]


def _one_year_earlier(data: dict[str, Any]) -> None:
    data["organisasi"]["tahun"] -= 1


def test_a_previous_year_with_no_iku_is_no_comparison(old: PohonKinerja) -> None:
    """An empty 2024 file made 1.b.6 0,0% E: "2 dari 2 IKU berubah atau baru"."""

    def empty(data: dict[str, Any]) -> None:
        _one_year_earlier(data)
        data.pop("iku")
        data.pop("jabatan")

    before = _edited(old, empty)
    assert not [f for f in check(old, previous=before) if f.code == "PK801"]
    stability = sakip(old, previous=before)["1.b.6"]
    assert isinstance(stability, Kriteria)
    assert stability.nilai is None
    assert "tidak memuat IKU" in stability.alasan


def test_a_camat_s_indicators_are_not_dropped_iku_when_a_table_comes(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """2025 without its IKU table, 2026 with one: PK801 said each of the Camat's 5
    indicators, all still his in 2026, "tidak ada lagi", and 1.b.6 scored 0,0% E."""
    before = _edited(old, _without_iku_table)
    found = [f for f in check(new, previous=before) if f.code == "PK801"]
    assert sorted(f.where for f in found) == ["I.K.S.1.1", "I.K.S.2.1"]  # the table's, new
    assert all("tahun lalu tanpa tabel IKU" in f.message for f in found)
    stability = sakip(new, previous=before)["1.b.6"]
    assert isinstance(stability, Kriteria)
    assert stability.nilai is None
    assert "hanya satu tahun yang memuat tabel IKU" in stability.alasan
    # ...and the other way round: the table's IKU are gone, the Camat's are not "new"
    after = _edited(new, _without_iku_table)
    found = [f for f in check(after, previous=old) if f.code == "PK801"]
    assert sorted(f.where for f in found) == ["I.K.S.1.1", "I.K.S.2.1"]
    assert all("tidak ada lagi" in f.message for f in found)


def test_an_iku_dropped_costs_1b6_as_one_reworded(old: PohonKinerja) -> None:
    """Of last year's 2 IKU one is kept word for word and one is gone: 1 of 2 stable,
    50%; it was 100% (the figure counted this year's IKU only)."""

    def later_without_s2(data: dict[str, Any]) -> None:
        data["organisasi"]["tahun"] += 1
        data["iku"] = data["iku"][:1]
        data["jabatan"][0]["kinerja"][1]["mendukung"] = []

    stability = sakip(_edited(old, later_without_s2), previous=old)["1.b.6"]
    assert isinstance(stability, Kriteria)
    assert stability.nilai == pytest.approx(0.5)
    assert "1 IKU tahun sebelumnya tidak ada lagi" in stability.alasan


def test_a_count_to_reduce_is_a_condition_not_an_activity(old: PohonKinerja) -> None:
    """ "Jumlah kejadian gangguan ketertiban umum", written `polaritas: turun`, counts what
    the office wants fewer of (an outcome), yet PK505 called it an activity count of the
    Camat (KKE 1 Relevan 0, KKE 2 0,5); so would PK704 a Kasi's "Jumlah kasus ..." and PK702
    an IKU's. The same counts left `naik` are still activities."""

    def falling_counts(data: dict[str, Any]) -> None:
        data["iku"][1]["indikator"][0].update(
            uraian="Jumlah kejadian gangguan trantibum", polaritas="turun"
        )
        data["jabatan"][6]["kinerja"][1]["indikator"][0].update(  # the Kasi Trantibum's
            uraian="Jumlah kasus pelanggaran perda berulang", polaritas="turun"
        )

    tree = _edited(old, falling_counts)
    assert tree.jabatan[6].id == "kasi-trantibum"
    codes = {(f.code, f.where) for f in check(tree, select="PK505,PK702,PK704")}
    assert codes == set()
    row = next(b for b in sakip(tree)["KKE 2"].baris if b.id == "camat.k2.i2")  # type: ignore[union-attr]
    assert row.nilai["nilai"] == 1.0

    def rising(data: dict[str, Any]) -> None:
        falling_counts(data)
        data["iku"][1]["indikator"][0]["polaritas"] = "naik"
        data["jabatan"][0]["kinerja"][1]["indikator"][1]["polaritas"] = "naik"
        data["jabatan"][6]["kinerja"][1]["indikator"][0]["polaritas"] = "naik"

    codes = {(f.code, f.where) for f in check(_edited(old, rising), select="PK505,PK702,PK704")}
    assert codes == {
        ("PK702", "I.K.S.2.1"),
        ("PK505", "camat.k2.i2"),
        ("PK704", "kasi-trantibum.k2.i1"),
    }


def test_menantang_reads_last_year_s_realisasi_where_pk802_does(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """Last year's realisasi written only in this year's `per_periode` (the 2025 file has
    none): PK802 compared it, Menantang did not and said "bukan angka" (camat.k1.i2: target
    85 after 84, challenging; camat.k1.i1: 92 after 93, PK802)."""

    def no_realisasi(data: dict[str, Any]) -> None:
        for jabatan in data["jabatan"]:
            for kinerja in jabatan["kinerja"]:
                for indikator in kinerja["indikator"]:
                    indikator.pop("realisasi", None)

    def recorded(data: dict[str, Any]) -> None:
        paten, aduan = data["jabatan"][0]["kinerja"][0]["indikator"]
        paten["per_periode"] = [{"periode": "2025", "realisasi": "93"}]
        aduan["per_periode"] = [{"periode": "2025", "realisasi": "84"}]

    rows = {
        b.id: b
        for b in sakip(_edited(new, recorded), previous=_edited(old, no_realisasi))["KKE 1"].baris  # type: ignore[union-attr]
    }
    assert rows["camat.k1.i1"].nilai["C"] == 0.0
    assert rows["camat.k1.i2"].nilai["C"] == 1.0
    assert rows["camat.k1.i2"].bukti["C"] == ("target 85, realisasi tahun sebelumnya 84",)
    assert rows["camat.k2.i1"].nilai["C"] is None
    assert rows["camat.k2.i1"].bukti["C"] == ("realisasi tahun sebelumnya tidak tercatat",)


def test_a_predikat_target_below_last_year_s_is_not_challenging(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """Nilai SAKIP: realisasi BB in 2025, target B in 2026. Only numbers were compared:
    no PK802, Menantang "bukan angka"."""

    def realised_bb(data: dict[str, Any]) -> None:
        data["jabatan"][1]["kinerja"][0]["indikator"][0]["realisasi"] = "BB"

    before = _edited(old, realised_bb)
    found = [f for f in check(new, previous=before) if f.where == "sekretaris.k1.i1"]
    assert [f.code for f in found] == ["PK802"]
    assert "«Nilai SAKIP Kecamatan» B di bawah realisasi tahun lalu BB" in found[0].message
    row = next(b for b in sakip(new, previous=before)["KKE 1"].baris if b.id == "sekretaris.k1.i1")  # type: ignore[union-attr]
    assert row.nilai["C"] == 0.0

    def target_a(data: dict[str, Any]) -> None:
        data["jabatan"][1]["kinerja"][0]["indikator"][0]["target"] = "A"

    row = next(
        b
        for b in sakip(_edited(new, target_a), previous=before)["KKE 1"].baris  # type: ignore[union-attr]
        if b.id == "sekretaris.k1.i1"
    )
    assert (row.nilai["C"], row.bukti["C"]) == (1.0, ("target A, realisasi tahun sebelumnya BB",))

    def opini(data: dict[str, Any]) -> None:  # another scale: no comparison, no guess
        data["jabatan"][1]["kinerja"][0]["indikator"][0]["target"] = "WTP"

    row = next(
        b
        for b in sakip(_edited(new, opini), previous=before)["KKE 1"].baris  # type: ignore[union-attr]
        if b.id == "sekretaris.k1.i1"
    )
    assert row.nilai["C"] is None


def test_last_year_s_realisasi_not_repeated_is_no_change(
    old: PohonKinerja, new: PohonKinerja
) -> None:
    """Every 2025 indicator with a realisasi was listed as changed ("realisasi: 93 → –"),
    18 of the diff's 35 changes, and every box of the 2026 drawing was highlighted: the
    2026 tree cannot know its realisasi yet. They are now one line, and no change."""
    changes = diff(old, new)
    assert len(changes.realisasi_lalu) == 18
    assert changes.counts()["indikator ubah"] == 7  # I.K.S.1.1 and 4 targets, 2 moved
    text = diff_text(changes)
    assert "realisasi: " not in text
    assert "pada 18 indikator: realisasi tahun ini belum ada" in text
    assert "pada 18 indikator" in diff_markdown(changes)
    assert "I.K.S.2.1" not in changes.changed("baru")  # only its realisasi differed

    def same_year(data: dict[str, Any]) -> None:  # a correction within one year is a change
        data["organisasi"]["tahun"] = 2025
        data["iku"][1]["indikator"][0]["realisasi"] = "86"

    corrected = diff(old, _edited(old, same_year))
    [node] = corrected.nodes
    assert node.kolom == (Ubah("realisasi", "88", "86"),)
    assert corrected.realisasi_lalu == []


def test_a_complaint_answered_is_better_higher() -> None:
    """PK712 read "Persentase pengaduan masyarakat yang dijawab dalam 5 hari kerja" as a
    harm to reduce ("pengaduan"): answering is a completion, as ditindaklanjuti is."""
    from pokin.checks.polarity import reading

    assert reading("Persentase pengaduan masyarakat yang dijawab dalam 5 hari kerja") == (
        "naik",
        "dijawab",
    )
    assert reading("Jumlah surat pengaduan yang belum dibalas")[0] == "turun"


def test_a_hint_s_code_with_markup_reads_as_written_in_markdown(new: PohonKinerja) -> None:
    """The Markdown report's PK101 hint read "`mendukung: [&lt;id&gt;]`": inside a code span
    the entity is shown as typed. The span is now plain escaped text; a decree's markup
    stays escaped, and a code span without markup stays code."""
    text = report_markdown(new)
    assert "&lt;id&gt;" in text
    assert "`mendukung: [&lt;id&gt;]`" not in text
    # the brackets escaped too (no link can start there); a Markdown viewer shows [<id>]
    assert "tambahkan mendukung: \\[&lt;id&gt;\\] dengan id" in text
    assert "`mendukung: [kasi-pelayanan-perizinan.k1.i1]`" in text
    assert md("`<script>` & <b>") == "&lt;script&gt; &amp; &lt;b&gt;"
