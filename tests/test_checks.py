from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pokin import RULES, Cascade, Severity, check
from pokin.checks import select_rules
from pokin.report import text_report

from .conftest import _ind, jab, make


def codes(tree: Any, code: str) -> list[str]:
    """The `where` of the findings of one rule."""
    return [f.where for f in check(tree, select=[code])]


def test_the_base_tree_is_clean(tree: Any) -> None:
    assert list(check(tree)) == []


def test_every_rule_has_code_severity_and_rationale() -> None:
    assert len(RULES) >= 18
    for code, rule in RULES.items():
        assert code == rule.code
        assert code.startswith("PK")
        assert len(code) == 5
        assert rule.rationale.endswith(".")
        assert isinstance(rule.severity, Severity)


# -- orphans ----------------------------------------------------------------------------------


def test_orphan_kinerja_fires_when_the_link_is_missing() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    assert codes(tree, "PK101") == ["staf.k1"]
    assert codes(tree, "PK102") == ["staf"]


def test_orphan_propagates_down_a_broken_chain() -> None:
    tree = make(lambda d: jab(d, "sekretaris")["kinerja"][0].pop("mendukung"))
    assert codes(tree, "PK101") == ["sekretaris.k1", "staf.k1"]


def test_orphan_jabatan_not_fired_when_one_kinerja_reaches() -> None:
    def add_orphan(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"].append({"uraian": "Lain", "indikator": [_ind("X")]})

    tree = make(add_orphan)
    assert codes(tree, "PK101") == ["staf.k2"]
    assert codes(tree, "PK102") == []


def test_with_an_iku_table_the_camat_must_link_to_it() -> None:
    def add_iku(d: dict[str, Any]) -> None:
        d["iku"] = [{"id": "S.1", "uraian": "Pelayanan", "indikator": [_ind("IKM", id="IKU.1")]}]

    tree = make(add_iku)
    assert "camat.k1" in codes(tree, "PK101")
    assert codes(tree, "PK201") == ["IKU.1"]

    def add_iku_linked(d: dict[str, Any]) -> None:
        add_iku(d)
        jab(d, "camat")["kinerja"][0]["mendukung"] = ["IKU.1"]

    linked = make(add_iku_linked)
    assert codes(linked, "PK101") == []
    assert codes(linked, "PK201") == []


# -- cascading ------------------------------------------------------------------------------


def test_iku_not_cascaded() -> None:
    tree = make(lambda d: jab(d, "kasi")["kinerja"][0].update(mendukung=["camat.k1.i1"]))
    assert codes(tree, "PK201") == ["camat.k1.i2"]


def test_indikator_not_cascaded_only_for_positions_with_subordinates() -> None:
    def extra(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["indikator"].append(_ind("Tertib arsip"))
        jab(d, "staf")["kinerja"][0]["indikator"].append(_ind("Arsip tertata"))

    tree = make(extra)
    # the staff's new indicator is fine: nobody is below the staff
    assert codes(tree, "PK202") == ["sekretaris.k1.i2"]


# -- link shape -----------------------------------------------------------------------------


def test_level_skip() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(mendukung=["camat.k1.i1"]))
    assert codes(tree, "PK302") == ["staf.k1"]
    assert codes(tree, "PK303") == []


def test_crosscutting_is_info() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(mendukung=["kasi.k1.i1"]))
    findings = check(tree, select="PK303")
    assert [f.where for f in findings] == ["staf.k1"]
    assert findings[0].severity is Severity.INFO
    assert codes(tree, "PK302") == []


def test_link_pointing_down() -> None:
    tree = make(lambda d: jab(d, "sekretaris")["kinerja"][0].update(mendukung=["staf.k1.i1"]))
    assert codes(tree, "PK304") == ["sekretaris.k1"]


def test_cycle() -> None:
    def loop(d: dict[str, Any]) -> None:
        jab(d, "sekretaris")["kinerja"][0]["mendukung"] = ["camat.k1.i1", "staf.k1.i1"]

    tree = make(loop)
    found = check(tree, select="PK301")
    assert len(found) == 1
    assert "sekretaris.k1" in found[0].message
    assert codes(make(), "PK301") == []


# -- completeness ---------------------------------------------------------------------------


def test_jabatan_without_kinerja() -> None:
    def add(d: dict[str, Any]) -> None:
        d["jabatan"].append({"nama": "Petugas Keamanan", "peran": "pelaksana", "atasan": "kasi"})

    assert codes(make(add), "PK401") == ["petugas-keamanan"]


def test_kinerja_without_indikator() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].update(indikator=[]))
    assert codes(tree, "PK402") == ["staf.k1"]


def test_duplicate_indikator_ignores_case_and_punctuation() -> None:
    def dup(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0]["indikator"].append(_ind("jumlah surat, yang dicatat"))

    assert codes(make(dup), "PK403") == ["staf.k1.i2"]


def test_several_tops() -> None:
    def cut(d: dict[str, Any]) -> None:
        jab(d, "kasi")["atasan"] = None
        jab(d, "kasi")["kinerja"][0]["mendukung"] = []

    assert codes(make(cut), "PK404") == ["kasi"]


# -- measurability --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "field"),
    [("PK501", "formulasi"), ("PK502", "sumber_data"), ("PK503", "satuan"), ("PK504", "target")],
)
def test_missing_measurability_fields(code: str, field: str) -> None:
    def blank(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0]["indikator"][0].pop(field)
        jab(d, "staf")["kinerja"][0]["indikator"][0][field] = "-"  # a dash is not a value

    assert codes(make(blank), code) == ["kasi.k1.i1", "staf.k1.i1"]


def test_activity_count_at_camat_but_not_at_staff() -> None:
    def count(d: dict[str, Any]) -> None:
        jab(d, "camat")["kinerja"][0]["indikator"][0]["uraian"] = "Jumlah layanan"

    assert codes(make(count), "PK505") == ["camat.k1.i1"]
    assert codes(make(), "PK505") == []  # the staff's "Jumlah surat" is fine


def test_activity_count_by_eselon() -> None:
    def count(d: dict[str, Any]) -> None:
        jab(d, "kasi")["eselon"] = "III.b"
        jab(d, "kasi")["kinerja"][0]["indikator"][0]["uraian"] = "1. Jumlah kegiatan"

    assert codes(make(count), "PK505") == ["kasi.k1.i1"]


# -- inferred links -------------------------------------------------------------------------


def test_pending_inferred_link_is_reported_and_rejected_ones_do_not_count() -> None:
    def infer(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0]["mendukung"] = [
            {"ke": "camat.k1.i2", "asal": "inferensi", "skor": 0.91, "alasan": "same text"}
        ]

    assert codes(make(infer), "PK601") == ["kasi.k1"]
    assert codes(make(infer), "PK101") == []

    def reject(d: dict[str, Any]) -> None:
        infer(d)
        jab(d, "kasi")["kinerja"][0]["mendukung"][0]["status"] = "ditolak"

    assert codes(make(reject), "PK601") == []
    assert codes(make(reject), "PK101") == ["kasi.k1"]


# -- selection and summaries ----------------------------------------------------------------


def test_select_ignore_and_severity() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    everything = check(tree)
    assert {f.code for f in everything} == {"PK101", "PK102", "PK202"}
    assert {f.code for f in check(tree, ignore="PK1")} == {"PK202"}
    assert {f.code for f in check(tree, severity="error")} == {"PK101", "PK102"}
    assert [f.code for f in everything.filter(select="PK2")] == ["PK202"]
    assert len(everything.errors) == 2
    assert everything.counts() == {"error": 2, "warning": 1, "info": 0}
    assert everything.by_code() == {"PK101": 1, "PK102": 1, "PK202": 1}
    assert everything[0].severity is Severity.ERROR  # most severe first


def test_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="tidak ada pemeriksaan berkode 'PK999'"):
        select_rules(select="PK999")
    with pytest.raises(ValueError, match="unknown severity"):
        check(make(), severity="fatal")


def test_records_are_flat_and_json_ready() -> None:
    tree = make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung"))
    records = check(tree, select="PK101").to_records()
    assert records == [
        {
            "code": "PK101",
            "severity": "error",
            "where": "staf.k1",
            "message": records[0]["message"],
            "hint": records[0]["hint"],
            "jabatan": "staf",
            "unit": "Sekretariat",
        }
    ]
    assert "Pengadministrasi Umum" in records[0]["message"]
    assert "sekretaris" in records[0]["hint"]


def test_check_accepts_a_cascade() -> None:
    tree = make()
    assert len(check(Cascade(tree))) == 0


def test_orphan_says_where_the_chain_breaks() -> None:
    def cut(d: dict[str, Any]) -> None:
        sek = jab(d, "sekretaris")["kinerja"][0]
        sek.pop("mendukung")
        sek["indikator"].append(_ind("Tertib arsip"))

    found = {f.where: f for f in check(make(cut), select="PK101")}
    assert "tidak mendukung indikator mana pun" in found["sekretaris.k1"].message
    assert "terputus di atasnya, pada sekretaris.k1" in found["staf.k1"].message


def test_indikator_level_link_connects_its_kinerja() -> None:
    def copy_indikator(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")["kinerja"][0]
        staf.pop("mendukung")
        staf["indikator"][0]["mendukung"] = ["sekretaris.k1.i1"]
        staf["indikator"].append(_ind("Arsip tertata"))

    tree = make(copy_indikator)
    assert codes(tree, "PK101") == []
    assert Cascade(tree).path_to_iku("staf.k1.i2") == [
        "staf.k1.i2",
        "staf.k1",
        "staf.k1.i1",
        "sekretaris.k1.i1",
        "sekretaris.k1",
        "camat.k1.i1",
    ]


def test_every_rule_has_an_indonesian_title_for_reports() -> None:
    assert RULES["PK101"].judul == "Kinerja tidak sampai ke IKU (yatim)"
    for rule in RULES.values():
        assert rule.judul
        assert rule.judul != rule.name
        assert rule.rationale


def test_a_code_cannot_be_registered_twice() -> None:
    from pokin.checks.registry import rule

    with pytest.raises(ValueError, match="PK101 is registered twice"):
        rule("PK101", "x", "x", Severity.INFO, "x")(lambda c: iter(()))


def test_the_readme_table_lists_every_rule_with_its_severity() -> None:
    """README's table of checks is written by hand: it must agree with RULES."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## The checks") :].split("\n## ")[0]
    listed: dict[str, set[str]] = {}
    for codes, severity in re.findall(r"^\| (PK\d+(?:–PK\d+)?) \| ([a-z/]+) \|", table, re.M):
        first, _, last = codes.partition("–")
        span = [c for c in RULES if first <= c <= (last or first)]
        for code in span:
            listed[code] = set(severity.split("/"))
    assert set(listed) == set(RULES)
    for code, severities in listed.items():
        assert str(RULES[code].severity) in severities, code


def test_pk103_a_tree_without_iku_nor_camat_says_so() -> None:
    def staff_only(d: dict[str, Any]) -> None:
        d["jabatan"] = [j for j in d["jabatan"] if j["id"] not in ("camat", "sekretaris")]
        for j in d["jabatan"]:
            if j.get("atasan") in ("camat", "sekretaris"):
                j["atasan"] = None
            for k in j["kinerja"]:
                k.pop("mendukung", None)

    findings = check(make(staff_only))
    assert [f.code for f in findings.filter(select="PK103")] == ["PK103"]
    assert "seolah-olah indikatornya adalah IKU" in findings.filter(select="PK103")[0].message
    assert "Tanpa IKU (PK103)" in text_report(findings)
    assert check(make(), select="PK103").codes_of("@organisasi") == []  # a Camat: fine


@pytest.mark.parametrize("iku", [[], [{"id": "S.1", "uraian": "Sasaran", "indikator": []}]])
def test_a_tree_without_positions_shows_a_dash_not_a_share_of_nothing(
    iku: list[dict[str, Any]],
) -> None:
    from pokin import PohonKinerja, coverage
    from pokin.report import report_markdown

    tree = PohonKinerja.model_validate(
        {"pokin": 1, "organisasi": {"nama": "Kecamatan Kosong", "tahun": 2024}, "iku": iku}
    )
    total = coverage(Cascade(tree)).total
    assert (total.jabatan_share, total.indikator_share) == (None, None)
    assert total.to_record()["indikator_share"] is None
    findings = check(tree)
    text = text_report(findings)
    assert "0,0%" not in text
    assert re.search(r"Jumlah\s+0/0\s+—\s+0/0\s+—", text), text
    assert "indikator terhubung ke IKU: —; jabatan: —" in report_markdown(tree)
    for f in findings.filter(select="PK103"):  # no IKU and nobody: says so, no "0 jabatan ()"
        assert "()" not in f.message
        assert "tidak memuat jabatan" in f.message
