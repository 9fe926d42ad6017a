"""The SAKIP rules PK701–PK710 and the result levels they rest on (pokin.levels)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pokin import RULES, check
from pokin.checks.wording import activity_word, has_measure, target_problem
from pokin.graph import Cascade
from pokin.levels import Levels
from pokin.models import LevelHasil

from .conftest import make


def _jabatan(d: dict[str, Any], id: str) -> dict[str, Any]:
    return next(j for j in d["jabatan"] if j["id"] == id)


def _codes(tree: Any, code: str) -> list[str]:
    return [f.where for f in check(tree, select=code)]


def test_every_rule_names_its_regulation_and_criterion() -> None:
    for code, rule in RULES.items():
        assert "PermenPAN-RB" in rule.sumber, code
        assert "LKE" in rule.sumber, code


def test_levels_are_inferred_from_eselon_then_role_and_marked() -> None:
    def eselon(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["eselon"] = "III.b"  # a pemda where the kasi is eselon III

    levels = Levels(Cascade(make(eselon)))
    assert levels.of("camat.k1.i1").level is LevelHasil.INTERMEDIATE_OUTCOME
    assert levels.of("sekretaris.k1.i1").level is LevelHasil.IMMEDIATE_OUTCOME
    assert levels.of("staf.k1.i1").level is LevelHasil.OUTPUT
    kasi = levels.of("kasi.k1.i1")
    assert (kasi.level, kasi.inferred, kasi.basis) == (
        LevelHasil.INTERMEDIATE_OUTCOME,
        True,
        "eselon III.b",
    )
    assert "diturunkan dari eselon III.b" in kasi.label


def test_a_written_level_wins_and_an_indicator_takes_its_kinerja_s() -> None:
    def written(d: dict[str, Any]) -> None:
        _jabatan(d, "sekretaris")["kinerja"][0]["level_hasil"] = "intermediate_outcome"

    levels = Levels(Cascade(make(written)))
    level = levels.of("sekretaris.k1.i1")
    assert (level.level, level.inferred) == (LevelHasil.INTERMEDIATE_OUTCOME, False)
    assert level.label == "Intermediate Outcome"


def test_an_iku_table_is_the_ultimate_outcome(tree_with_iku: Any) -> None:
    levels = Levels(Cascade(tree_with_iku))
    first = tree_with_iku.iku[0].indikator[0]
    assert levels.of(str(first.id)).level is LevelHasil.ULTIMATE_OUTCOME


@pytest.fixture
def tree_with_iku() -> Any:
    def iku(d: dict[str, Any]) -> None:
        d["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya kualitas pelayanan",
                "indikator": [{"id": "I.1", "uraian": "Indeks kepuasan masyarakat"}],
            }
        ]
        _jabatan(d, "camat")["kinerja"][0]["mendukung"] = ["I.1"]

    return make(iku)


def test_pk701_a_child_above_its_parent_level() -> None:
    assert _codes(make(), "PK701") == []

    def upside_down(d: dict[str, Any]) -> None:
        _jabatan(d, "sekretaris")["kinerja"][0]["level_hasil"] = "ultimate_outcome"

    assert _codes(make(upside_down), "PK701") == ["sekretaris.k1"]


def test_pk702_an_iku_that_is_an_output(tree_with_iku: Any) -> None:
    assert _codes(tree_with_iku, "PK702") == []
    tree_with_iku.iku[0].indikator[0].uraian = "Jumlah rapat koordinasi"
    assert _codes(tree_with_iku, "PK702") == ["I.1"]
    tree_with_iku.iku[0].indikator[0].uraian = "Melaksanakan rapat koordinasi"
    assert _codes(tree_with_iku, "PK702") == ["I.1"]
    assert _codes(tree_with_iku, "PK703") == []  # the IKU's own rule speaks

    def camat_output(d: dict[str, Any]) -> None:
        _jabatan(d, "camat")["kinerja"][0]["indikator"][0]["level_hasil"] = "output"

    assert _codes(make(camat_output), "PK702") == ["camat.k1.i1"]


def test_pk703_an_indicator_worded_as_an_activity() -> None:
    def verb(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["uraian"] = "Menyusun laporan SKM"

    assert _codes(make(), "PK703") == []
    assert _codes(make(verb), "PK703") == ["kasi.k1.i1"]


def test_pk704_an_activity_count_at_an_outcome_level() -> None:
    def count(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["uraian"] = "Jumlah sosialisasi"

    assert _codes(make(count), "PK704") == ["kasi.k1.i1"]

    def as_output(d: dict[str, Any]) -> None:
        count(d)
        _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["level_hasil"] = "output"

    assert _codes(make(as_output), "PK704") == []
    assert _codes(make(), "PK704") == []  # the staff's "Jumlah surat ..." are outputs


def test_pk705_a_formula_without_a_measure() -> None:
    def noun(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["formulasi"] = "Laporan kegiatan"

    assert _codes(make(), "PK705") == []
    assert _codes(make(noun), "PK705") == ["kasi.k1.i1"]


@pytest.mark.parametrize(
    ("target", "flagged"),
    [("81,35", False), ("1.000 orang", False), ("Baik", False), ("WTP", False),
     ("4 jenis, 12 bulan", True), ("sesuai kebutuhan", True)],
)  # fmt: skip
def test_pk706_a_target_neither_number_nor_predikat(target: str, flagged: bool) -> None:
    def set_target(d: dict[str, Any]) -> None:
        _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["target"] = target

    assert _codes(make(set_target), "PK706") == (["kasi.k1.i1"] if flagged else [])


def test_pk707_a_percentage_target_out_of_range() -> None:
    def over(d: dict[str, Any]) -> None:
        _jabatan(d, "sekretaris")["kinerja"][0]["indikator"][0]["target"] = "120"

    assert _codes(make(), "PK707") == []
    assert _codes(make(over), "PK707") == ["sekretaris.k1.i1"]


def test_pk708_a_tree_without_tahun() -> None:
    def no_year(d: dict[str, Any]) -> None:
        del d["organisasi"]["tahun"]

    assert _codes(make(), "PK708") == []
    assert _codes(make(no_year), "PK708") == ["@organisasi"]


def test_pk709_a_percentage_without_numerator_and_denominator() -> None:
    def flat(d: dict[str, Any]) -> None:
        ind = _jabatan(d, "sekretaris")["kinerja"][0]["indikator"][0]
        ind["formulasi"] = "Jumlah dokumen administrasi yang selesai"

    assert _codes(make(), "PK709") == []
    assert _codes(make(flat), "PK709") == ["sekretaris.k1.i1"]


def test_pk710_a_sasaran_worded_as_an_activity() -> None:
    def activity(d: dict[str, Any]) -> None:
        _jabatan(d, "camat")["kinerja"][0]["uraian"] = "Melaksanakan pelayanan publik"

    assert _codes(make(), "PK710") == []
    assert _codes(make(activity), "PK710") == ["camat.k1"]


@pytest.mark.parametrize(
    ("text", "word"),
    [("Mengoordinasikan rapat", "mengoordinasikan"), ("Menyelenggarakan pelatihan",
     "menyelenggarakan"), ("a. Fasilitasi kegiatan", "fasilitasi"), ("Meningkatnya IKM", None),
     ("Terwujudnya tertib arsip", None), ("Mekanisme pengaduan", None), ("Menurunnya angka", None),
     ("Persentase aduan", None)],
)  # fmt: skip
def test_activity_words_follow_the_morphology(text: str, word: str | None) -> None:
    assert activity_word(text) == word


def test_measures_and_targets() -> None:
    assert has_measure("rata-rata waktu layanan")
    assert has_measure("Nilai SKM dari survei")
    assert not has_measure("Dokumen Renja")
    assert target_problem("100%") is None
    assert target_problem("Tepat Waktu") is None


def _levelled(d: dict[str, Any]) -> None:
    _jabatan(d, "kasi")["kinerja"][0]["level_hasil"] = "Immediate Outcome"  # as written
    _jabatan(d, "kasi")["kinerja"][0]["indikator"][0]["level_hasil"] = "output"


def test_level_hasil_survives_yaml_and_the_cascade_matrix(tmp_path: Path) -> None:
    from pokin import dumps, export_xlsx, loads, read_xlsx

    tree = make(_levelled)
    kinerja = tree.get_jabatan("kasi").kinerja[0]
    assert kinerja.level_hasil is LevelHasil.IMMEDIATE_OUTCOME
    assert "level_hasil: immediate_outcome" in dumps(tree)
    assert loads(dumps(tree)) == tree
    assert read_xlsx(export_xlsx(tree, tmp_path / "m.xlsx")) == tree


def test_a_matrix_from_before_level_hasil_still_reads(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from pokin import export_xlsx, read_xlsx

    path = export_xlsx(make(), tmp_path / "m.xlsx")
    book = load_workbook(path)
    for title in ("Matriks Cascading",):
        sheet = book[title]
        headers = [c.value for c in sheet[1]]
        for name in ("Level Hasil Indikator", "Level Hasil Kinerja"):
            sheet.delete_cols(headers.index(name) + 1)
            headers.remove(name)
    book.save(path)
    assert read_xlsx(path) == make()


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="level_hasil"):
        make(lambda d: _jabatan(d, "kasi")["kinerja"][0].update(level_hasil="impact"))
