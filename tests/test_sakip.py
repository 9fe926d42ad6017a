"""pokin.sakip: every KKE column passes on a tree built to pass it and fails on one built to
fail it; the LKE estimates, the workbook, the JSON, the CLI and the report section."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from pokin import datasets
from pokin.cli import main
from pokin.report import report_html, report_markdown
from pokin.sakip import Kriteria, Lembar, Penilaian, sakip, write_sakip

from .conftest import make

Mutation = Callable[[dict[str, Any]], None]


def _jabatan(d: dict[str, Any], id: str) -> dict[str, Any]:
    return next(j for j in d["jabatan"] if j["id"] == id)


def _ind(d: dict[str, Any], id: str = "kasi") -> dict[str, Any]:
    indikator: dict[str, Any] = _jabatan(d, id)["kinerja"][0]["indikator"][0]
    return indikator


def _sheet(result: Penilaian, kode: str) -> Lembar:
    sheet = result[kode]
    assert isinstance(sheet, Lembar)
    return sheet


def _criterion(result: Penilaian, kode: str) -> Kriteria:
    item = result[kode]
    assert isinstance(item, Kriteria)
    return item


def _cell(mutate: Mutation | None, kke: str, kolom: str, row: str = "kasi.k1.i1") -> Any:
    result = sakip(make(mutate))
    baris = next(b for b in _sheet(result, kke).baris if b.id == row)
    return baris.nilai[kolom], baris.bukti[kolom]


def _set(field: str, value: Any, owner: str = "kasi") -> Mutation:
    def mutate(d: dict[str, Any]) -> None:
        if value is None:
            _ind(d, owner).pop(field, None)
        else:
            _ind(d, owner)[field] = value

    return mutate


def _no_year(d: dict[str, Any]) -> None:
    del d["organisasi"]["tahun"]


def _orphan(d: dict[str, Any]) -> None:
    _jabatan(d, "kasi")["kinerja"][0]["mendukung"] = []


def _too_high(d: dict[str, Any]) -> None:
    _jabatan(d, "kasi")["kinerja"][0]["level_hasil"] = "ultimate_outcome"


FAILS: list[tuple[str, str, Mutation, str]] = [
    ("KKE 1", "S", _set("uraian", "Melaksanakan survei kepuasan"), "PK703"),
    ("KKE 1", "M", _set("formulasi", None), "PK501"),
    ("KKE 1", "M", _set("formulasi", "Laporan survei"), "PK705"),
    ("KKE 1", "A", _set("target", None), "PK504"),
    ("KKE 1", "A", _set("target", "sesuai kebutuhan"), "PK706"),
    ("KKE 1", "A", _set("target", "150"), "PK707"),
    ("KKE 1", "R", _orphan, "PK101"),
    ("KKE 1", "R", _too_high, "PK701"),
    ("KKE 1", "T", _no_year, "PK708"),
    ("KKE 2", "nilai", _orphan, "PK101"),
    ("KKE 2", "nilai", _too_high, "PK701"),
    ("KKE 5", "formula", _set("formulasi", "Laporan survei"), "PK705"),
    ("KKE 5", "komponen", _set("formulasi", "Jumlah responden puas"), "PK709"),
    ("KKE 5", "sumber", _set("sumber_data", None), "PK502"),
]


@pytest.mark.parametrize(("kke", "kolom", "mutate", "code"), FAILS)
def test_each_column_fails_with_its_evidence(
    kke: str, kolom: str, mutate: Mutation, code: str
) -> None:
    if code == "PK709":  # a share: the formula must divide
        mutate = _chain(_set("satuan", "persen"), mutate)
    assert _cell(None, kke, kolom) == (1.0, ())
    value, evidence = _cell(mutate, kke, kolom)
    assert value == 0.0
    assert code in evidence


def _chain(*steps: Mutation) -> Mutation:
    def mutate(d: dict[str, Any]) -> None:
        for step in steps:
            step(d)

    return mutate


def test_a_missing_satuan_the_target_states_still_measures() -> None:
    value, evidence = _cell(_chain(_set("satuan", None), _set("target", "90 %")), "KKE 1", "M")
    assert value == 1.0
    assert "satuan tersirat" in evidence[0]
    assert "nilai" in _cell(_set("satuan", None), "KKE 1", "M")[1][0]  # "Nilai SKM ..."
    bare = _chain(_set("satuan", None), _set("target", "90"), _set("uraian", "Survei SKM"))
    assert _cell(bare, "KKE 1", "M") == (0.0, ("PK503",))


def test_kke2_scores_half_for_a_skip_or_an_unconfirmed_link() -> None:
    def skip(d: dict[str, Any]) -> None:
        _jabatan(d, "staf")["kinerja"][0]["mendukung"] = ["camat.k1.i1"]  # past the sekretaris

    assert _cell(skip, "KKE 2", "nilai", "staf.k1.i1") == (0.5, ("PK302",))

    def proposed(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 0.8}
        ]

    assert _cell(proposed, "KKE 2", "nilai") == (0.5, ("PK601",))
    result = sakip(make(proposed))
    row = next(b for b in _sheet(result, "KKE 2").baris if b.id == "kasi.k1.i1")
    assert row.keterangan == "0,5 (kurang logis); mendukung camat.k1.i2"


def test_kke2_criterion_is_the_sum_over_the_number_of_indicators() -> None:
    result = sakip(make(_orphan))  # 5 indicators, the kasi's is 0 and the camat's i2 not
    scores = [b.nilai["nilai"] for b in _sheet(result, "KKE 2").baris]  # carried down: 0
    assert sorted(scores) == [0.0, 0.0, 1.0, 1.0, 1.0]
    assert _criterion(result, "1.b.8").nilai == pytest.approx(3 / 5)
    assert _criterion(result, "1.b.8").baris[:2] == ("camat.k1.i2", "kasi.k1.i1")


def _previous(target: str) -> Any:
    def last_year(d: dict[str, Any]) -> None:
        d["organisasi"]["tahun"] = 2023
        _ind(d)["realisasi"] = target

    return make(last_year)


def test_menantang_needs_the_previous_year_and_compares_with_its_realisasi() -> None:
    alone = sakip(make())
    row = _sheet(alone, "KKE 1").baris[0]
    assert row.nilai["C"] is None
    assert "tahun sebelumnya" in row.bukti["C"][0]
    assert _criterion(alone, "1.b.6").nilai is None

    def target(d: dict[str, Any]) -> None:
        _ind(d)["target"] = "80"

    easy = sakip(make(target), previous=_previous("85"))
    row = next(b for b in _sheet(easy, "KKE 1").baris if b.id == "kasi.k1.i1")
    assert row.nilai["C"] == 0.0
    assert row.bukti["C"] == ("PK802",)  # the rule across years, given previous=
    assert _criterion(easy, "1.b.7").nilai == pytest.approx(5 / 6)  # 5 achievable, 1 not
    hard = sakip(make(target), previous=_previous("75,5"))
    row = next(b for b in _sheet(hard, "KKE 1").baris if b.id == "kasi.k1.i1")
    assert row.nilai["C"] == 1.0
    assert row.bukti["C"] == ("target 80, realisasi tahun sebelumnya 75,5",)
    new = next(b for b in _sheet(hard, "KKE 1").baris if b.id == "camat.k1.i1")
    assert new.nilai["C"] is None  # last year had no realisasi for it


def test_achievable_and_challenging_is_partial_without_last_year() -> None:
    """QA7 #13: 1.b.7 scored "100,0% A" while its Menantang half could not be judged: the
    figure stays (Dapat Dicapai only) but the answer is "sebagian dinilai", no letter."""
    from pokin.sakip.text import text_summary

    alone = sakip(make())
    partial = _criterion(alone, "1.b.7")
    assert partial.sebagian
    assert partial.nilai is not None
    assert partial.jawaban is None
    assert partial.jawaban_teks == "sebagian dinilai"
    assert partial.to_record()["sebagian"] is True
    line = next(x for x in text_summary(alone).splitlines() if x.strip().startswith("1.b.7"))
    assert "sebagian dinilai" in line
    assert "kolom Menantang tidak dinilai" in text_summary(alone)

    def target(d: dict[str, Any]) -> None:
        _ind(d)["target"] = "80"

    judged = _criterion(sakip(make(target), previous=_previous("75,5")), "1.b.7")
    assert not judged.sebagian
    assert judged.jawaban is not None


def test_iku_stability_counts_the_iku_whose_wording_changed() -> None:
    def reworded(d: dict[str, Any]) -> None:
        _jabatan(d, "camat")["kinerja"][0]["indikator"][1]["uraian"] = "Indeks kepuasan baru"

    def earlier(d: dict[str, Any]) -> None:
        d["organisasi"]["tahun"] = 2023

    stable = sakip(make(), previous=make(earlier))
    assert _criterion(stable, "1.b.6").nilai == 1.0
    changed = sakip(make(reworded), previous=make(earlier))
    assert _criterion(changed, "1.b.6").nilai == 0.5
    assert _criterion(changed, "1.b.6").baris == ("camat.k1.i2",)

    def new_renstra(d: dict[str, Any]) -> None:
        reworded(d)
        d["organisasi"]["periode"] = "2024-2029"

    def old_renstra(d: dict[str, Any]) -> None:
        d["organisasi"].update(tahun=2023, periode="2019-2023")

    fresh = sakip(make(new_renstra), previous=make(old_renstra))
    assert _criterion(fresh, "1.b.6").nilai is None
    assert "periode Renstra yang berbeda" in _criterion(fresh, "1.b.6").alasan


def test_crosscutting_per_unit_one_sided_and_unconfirmed() -> None:
    def cross(d: dict[str, Any]) -> None:  # the kasi supports the sekretaris' indicator
        _jabatan(d, "kasi")["kinerja"].append(
            {
                "uraian": "Persentase dokumen administrasi selesai",
                "mendukung": [{"ke": "sekretaris.k1.i1", "asal": "inferensi", "skor": 0.9}],
                "indikator": [{"uraian": "Persentase berkas seksi selesai"}],
            }
        )

    result = sakip(make(cross))
    assert list(result.crosscutting) == [
        {"unit": "Seksi Pelayanan", "mendukung": 1, "didukung": 0, "sepihak": 0,
         "belum_dikonfirmasi": 1},
        {"unit": "Sekretariat", "mendukung": 0, "didukung": 1, "sepihak": 0,
         "belum_dikonfirmasi": 0},
    ]  # fmt: skip
    assert _criterion(result, "1.b.9").nilai == 0.0
    assert _criterion(sakip(make()), "1.b.9").nilai is None  # none: not assessable

    def alone(d: dict[str, Any]) -> None:  # the staff no longer carry it: one-sided
        cross(d)
        _jabatan(d, "kasi")["kinerja"][1]["mendukung"] = ["sekretaris.k1.i1"]
        _jabatan(d, "staf")["kinerja"][0]["mendukung"] = ["sekretaris.k1"]

    sided = sakip(make(alone))
    assert sided.crosscutting[0]["sepihak"] == 1


def test_every_employee_has_a_plan_counted_per_role() -> None:
    def empty(d: dict[str, Any]) -> None:
        d["jabatan"].append(
            {"id": "staf-2", "nama": "Pengolah Data", "peran": "pelaksana", "atasan": "kasi"}
        )

    result = sakip(make(empty))
    pelaksana = next(r for r in result.pegawai if r["peran"] == "pelaksana")
    assert pelaksana == {"peran": "pelaksana", "jabatan": 2, "tanpa_kinerja": 1,
                         "tanpa_indikator": 0, "lengkap": 1, "kurang": ["staf-2"]}  # fmt: skip
    assert _criterion(result, "1.b.10").nilai == pytest.approx(4 / 5)


def test_results_not_activities_for_1b4() -> None:
    def activity(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["uraian"] = "Menyelenggarakan survei kepuasan"

    assert _criterion(sakip(make()), "1.b.4").nilai == 1.0
    result = sakip(make(activity))
    assert _criterion(result, "1.b.4").nilai == pytest.approx(3 / 4)
    assert _criterion(result, "1.b.4").baris == ("kasi.k1",)


@pytest.mark.parametrize("name", datasets.names())
def test_every_bundled_dataset_is_scored(name: str, tmp_path: Path) -> None:
    result = sakip(datasets.load(name))
    assert [s.kode for s in result.lembar] == ["KKE 1", "KKE 2", "KKE 5"]
    for k in result.kriteria:
        assert k.nilai is None or 0.0 <= k.nilai <= 1.0
        assert k.nilai is not None or k.alasan  # never silently blank
    path = write_sakip(result, tmp_path / "kke.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[:4] == ["KKE 1", "KKE 2", "KKE 5", "LKE"]
    book.close()


def test_the_workbook_has_the_evaluator_s_columns(tmp_path: Path) -> None:
    path = write_sakip(sakip(make(_orphan)), tmp_path / "kke.xlsx")
    book = load_workbook(path)
    sheet = book["KKE 1"]
    header = [c.value for c in sheet[5]]
    assert header[:6] == ["No", "Jabatan", "Level Hasil", "Kinerja / Sasaran", "Indikator", "ID"]
    assert header[6:12] == [
        "Spesifik\n(LKE 1.b.5)", "Dapat Diukur\n(LKE 1.b.5)", "Dapat Dicapai\n(LKE 1.b.7)",
        "Relevan\n(LKE 1.b.5)", "Berbatas Waktu\n(LKE 1.b.5)", "Menantang\n(LKE 1.b.7)",
    ]  # fmt: skip
    kasi = next(r for r in sheet.iter_rows(min_row=6, values_only=True) if r[5] == "kasi.k1.i1")
    assert kasi[9] == 0
    assert "Relevan: PK101" in kasi[12]
    kke2 = book["KKE 2"]
    values = [r[6] for r in kke2.iter_rows(min_row=6, max_row=10, values_only=True)]
    assert sorted(values) == [0, 0, 1, 1, 1]
    last = next(r for r in kke2.iter_rows(values_only=True) if r[1] == "Persentase")
    assert last[6] == pytest.approx(0.6)
    assert "Nilai KKE 2: 60,0%" in [r[1] for r in kke2.iter_rows(values_only=True)]


def test_a_decree_text_starting_with_equals_stays_a_text(tmp_path: Path) -> None:
    path = write_sakip(sakip(make(_set("uraian", "=1+1 dokumen"))), tmp_path / "kke.xlsx")
    cells = [c for row in load_workbook(path)["KKE 1"].iter_rows() for c in row]
    cell = next(c for c in cells if c.value == "=1+1 dokumen")
    assert cell.data_type == "s"


def test_json_and_a_wrong_suffix(tmp_path: Path) -> None:
    path = write_sakip(sakip(make()), tmp_path / "kke.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [k["kode"] for k in data["kriteria"]][:3] == ["1.b.4", "1.b.5", "1.b.6"]
    assert data["kriteria"][2]["persen"] == "—"
    assert data["lembar"][1]["kolom"][0]["sumber"] == "PermenPAN-RB 88/2021, KKE 2"
    with pytest.raises(ValueError, match=r"namai berkasnya \.xlsx atau \.json"):
        write_sakip(sakip(make()), tmp_path / "kke.csv")


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sakip", "sambutan-2023"]) == 0
    out = capsys.readouterr().out
    assert "KKE 2" in out
    assert "1.b.6        —  tidak dapat dinilai" in out
    source = tmp_path / "pokin.yaml"
    source.write_text(datasets.path("sambutan-2023").read_text(encoding="utf-8"))
    assert main(["sakip", str(source), "--previous", str(source), "-o", str(source)]) == 2
    assert "masukan perintah ini" in capsys.readouterr().err
    assert main(["sakip", str(source), "--previous", "sambutan-2023", "--format", "json"]) == 2
    assert "tidak sebelum 2023" in capsys.readouterr().err  # a year is not its own last year
    assert main(["sakip", "sambutan-2024", "--previous", "sambutan-2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kriteria"][2]["kode"] == "1.b.6"
    assert 0 < data["kriteria"][2]["nilai"] < 1  # camat.k1.i2 reworded in 2024


def test_the_report_leads_with_the_sakip_section() -> None:
    tree = make(_orphan)
    page = report_html(tree, diagram="<svg></svg>")
    assert page.index("Kesiapan evaluasi SAKIP") < page.index("<h2>Ringkasan</h2>")
    assert 'data-kriteria="1.b.8"' in page
    assert "Kasi Pelayanan: Nilai SKM seksi pelayanan" in page  # a row that costs points
    assert "PK703 Indikator berupa kegiatan, bukan hasil" in page  # what takes a tick
    assert "Dasar: PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2" in page
    text = report_markdown(tree)
    assert text.index("## Kesiapan evaluasi SAKIP") < text.index("## Ringkasan")
    assert "| 1.b.8 |" in text
    assert "- KKE 2: 60,0% — per level: Intermediate Outcome 50,0% (2);" in text
    assert "(Dasar: PermenPAN-RB 89/2021; PermenPAN-RB 88/2021 LKE 1.b.8, KKE 2) |" in text


def test_edge_trees_an_empty_one_and_a_cycle(tmp_path: Path) -> None:
    empty = sakip(make(lambda d: d.update(jabatan=[])))
    assert all(k.nilai is None and k.alasan for k in empty.kriteria)
    write_sakip(empty, tmp_path / "empty.xlsx")

    def cycle(d: dict[str, Any]) -> None:  # camat.k1.i2 → kasi.k1 → kasi.k1.i1 → back
        _jabatan(d, "camat")["kinerja"][0]["indikator"][1]["mendukung"] = ["kasi.k1.i1"]

    result = sakip(make(cycle))
    scores = {b.id: b.nilai["nilai"] for b in _sheet(result, "KKE 2").baris}
    assert scores["kasi.k1.i1"] == scores["camat.k1.i2"] == 0.0  # both in the loop
    assert scores["sekretaris.k1.i1"] == 1.0


def test_2a2_counts_a_finding_once_per_indicator_though_it_costs_two_columns() -> None:
    # PK501 empties both Formula and Komponen Pembentuk of one row: one indicator, not two
    result = sakip(make(_set("formulasi", None)))
    kke5 = _sheet(result, "KKE 5")
    costly = [b for b in kke5.baris if "PK501" in {c for cs in b.bukti.values() for c in cs}]
    hint = _criterion(result, "2.a.2").perbaikan
    assert f"PK501 Indikator tanpa formulasi ({len(costly)} indikator)" in hint, hint
    assert len(costly) == 1


def test_a_criterion_at_full_score_offers_no_fix() -> None:
    # QA3 #12: the report's "Perbaikan" column advised fixes for 1.b.10 at 100,0%
    tree = datasets.load("sambutan-2023")
    full = [k for k in sakip(tree).kriteria if k.nilai == 1.0]
    assert [k.kode for k in full] == ["1.b.10"]
    assert full[0].perbaikan
    assert not full[0].saran
    row = next(line for line in report_markdown(tree).splitlines() if line.startswith("| 1.b.10 |"))
    assert row.endswith("| 100,0% | A |  |")
    open_ = next(
        line for line in report_markdown(tree).splitlines() if line.startswith("| 1.b.9 |")
    )
    assert "crosscutting" in open_.split("|")[-2]  # not assessable: its fix stays
