"""Checks across years (PK801–PK803, given last year's tree) and of periodic targets (PK811):
for each, a tree built to pass and one built to fail."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pokin import PohonKinerja, check
from pokin.checks.years import same_renstra

from .conftest import BASE, jab


def build(
    mutate: Any = None, *, tahun: int = 2024, periode: str | None = "2021-2026"
) -> PohonKinerja:
    data = copy.deepcopy(BASE)
    data["organisasi"]["tahun"] = tahun
    if periode:
        data["organisasi"]["periode"] = periode
    if mutate is not None:
        mutate(data)
    return PohonKinerja.model_validate(data)


def last_year(mutate: Any = None, **kw: Any) -> PohonKinerja:
    return build(mutate, tahun=2023, **kw)


def found(tree: PohonKinerja, previous: PohonKinerja, code: str) -> list[str]:
    return [f.where for f in check(tree, previous=previous, select=code)]


def test_rules_across_years_run_only_given_a_previous_year() -> None:
    old, new = last_year(), build(lambda d: _reword_iku(d))
    assert [f.code for f in check(new, select="PK8")] == []
    assert [f.code for f in check(new, previous=old, select="PK8")] == ["PK801"]
    # existing calls are unchanged
    assert check(new).by_code() == check(new, previous=None).by_code()


# -- PK801: IKU churn ------------------------------------------------------------------------


def _reword_iku(d: dict[str, Any]) -> None:
    jab(d, "camat")["kinerja"][0]["indikator"][1]["uraian"] = "Indeks kepuasan layanan kecamatan"


def test_pk801_passes_when_the_iku_are_kept() -> None:
    old = last_year()
    new = build(lambda d: jab(d, "staf")["kinerja"][0].update(uraian="Kinerja staf baru"))
    assert found(new, old, "PK801") == []


def test_pk801_a_reworded_iku_shows_the_words_that_changed() -> None:
    findings = check(build(_reword_iku), previous=last_year(), select="PK801")
    assert [f.where for f in findings] == ["camat.k1.i2"]
    assert "[-masyarakat-] {+layanan kecamatan+}" in findings[0].message
    assert "periode Renstra tidak dicantumkan" not in findings[0].message


def _iku_table(codes: tuple[str, str], second: str = "Indeks kepuasan masyarakat") -> Any:
    def mutate(d: dict[str, Any]) -> None:
        d["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya pelayanan publik",
                "indikator": [
                    {"id": codes[0], "uraian": "Persentase layanan selesai tepat waktu"},
                    {"id": codes[1], "uraian": second},
                ],
            }
        ]
        jab(d, "camat")["kinerja"][0]["mendukung"] = ["S.1"]

    return mutate


def test_pk801_a_changed_code_a_dropped_and_an_added_iku() -> None:
    old = last_year(_iku_table(("I.1", "I.2")))
    renamed = build(_iku_table(("I.1", "IKU.2")))
    messages = [f.message for f in check(renamed, previous=old, select="PK801")]
    assert len(messages) == 1
    assert "kode I.2 → IKU.2" in messages[0]
    replaced = build(_iku_table(("I.1", "I.3"), "Persentase pengaduan yang diselesaikan"))
    where = sorted(found(replaced, old, "PK801"))
    assert where == ["I.2", "I.3"]  # the old one dropped, the new one added


def test_pk801_a_new_renstra_period_may_change_the_iku() -> None:
    old = last_year(periode="2018-2023")
    assert found(build(_reword_iku, periode="2024-2029"), old, "PK801") == []
    unknown = check(
        build(_reword_iku, periode=None), previous=last_year(periode=None), select="PK801"
    )
    assert "periode Renstra tidak dicantumkan" in unknown[0].message


def test_same_renstra() -> None:
    assert same_renstra(last_year(), build()) is True
    assert same_renstra(last_year(periode=None), build(periode=None)) is None
    assert same_renstra(last_year(periode="2016–2021"), build(periode="2021 s.d. 2026")) is False
    assert same_renstra(build(tahun=2020), build(tahun=2027)) is False  # outside 2021-2026


# -- PK802: target below last year's realisasi -----------------------------------------------


def _realisasi(value: str, *, where: str = "sekretaris") -> Any:
    return lambda d: jab(d, where)["kinerja"][0]["indikator"][0].update(realisasi=value)


def _target(value: str, polaritas: str = "naik") -> Any:
    return lambda d: jab(d, "sekretaris")["kinerja"][0]["indikator"][0].update(
        target=value, polaritas=polaritas
    )


def test_pk802_a_target_at_or_above_last_realisasi_passes() -> None:
    old = last_year(_realisasi("92,5"))
    assert found(build(_target("92,5")), old, "PK802") == []
    assert found(build(_target("95")), old, "PK802") == []


def test_pk802_a_target_below_last_realisasi_is_found() -> None:
    findings = check(build(_target("90")), previous=last_year(_realisasi("92,5")), select="PK802")
    assert [f.where for f in findings] == ["sekretaris.k1.i1"]
    assert (
        "target «Persentase dokumen administrasi selesai» 90 di bawah realisasi tahun lalu 92,5"
        in (findings[0].message)
    )


def test_pk802_falling_indicators_compare_the_other_way() -> None:
    old = last_year(_realisasi("12"))
    assert found(build(_target("10", "turun")), old, "PK802") == []
    assert found(build(_target("14", "turun")), old, "PK802") == ["sekretaris.k1.i1"]


def test_pk802_follows_a_reworded_indicator_and_reads_the_own_record_of_last_year() -> None:
    def reworded(d: dict[str, Any]) -> None:
        ind = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        ind.update(uraian="Persentase dokumen administrasi yang selesai tepat waktu", target="80")
        ind["per_periode"] = [{"periode": "2023", "realisasi": "85"}]

    assert found(build(reworded), last_year(), "PK802") == ["sekretaris.k1.i1"]


def test_pk802_leaves_texts_and_mixed_scales_alone() -> None:
    assert found(build(_target("4 jenis, 12 bulan")), last_year(_realisasi("5")), "PK802") == []
    assert found(build(_target("85%")), last_year(_realisasi("0,9")), "PK802") == []


# -- PK803: a position whose indicators all changed ------------------------------------------


def _replace_kasi(d: dict[str, Any]) -> None:
    jab(d, "kasi")["kinerja"][0]["indikator"] = [
        {"uraian": "Persentase permohonan layanan yang diverifikasi"},
        {"uraian": "Nilai SKM seksi pelayanan umum"},
    ]


def test_pk803_passes_while_one_indicator_stays() -> None:
    def add_one(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0]["indikator"].append({"uraian": "Jumlah layanan keliling"})

    assert found(build(add_one), last_year(), "PK803") == []


def test_pk803_a_position_that_kept_no_indicator() -> None:
    findings = check(build(_replace_kasi), previous=last_year(), select="PK803")
    assert [f.where for f in findings] == ["kasi"]
    assert "tidak satu pun dari 1 indikator tahun lalu dipertahankan" in findings[0].message
    assert "(1 dirumuskan ulang, 1 baru)" in findings[0].message


def test_pk803_follows_a_renamed_position() -> None:
    def rename(d: dict[str, Any]) -> None:
        _replace_kasi(d)
        kasi = jab(d, "kasi")
        kasi.update(id="kasi-pelayanan-umum", nama="Kasi Pelayanan Umum")
        kasi["kinerja"][0]["indikator"].append({"uraian": "Indeks kepuasan masyarakat"})

    # the renamed Kasi kept the kinerja's text: it is paired, and its indicators compared
    assert found(build(rename), last_year(), "PK803") == ["kasi-pelayanan-umum"]


# -- PK811: periodic targets against the annual one ------------------------------------------


def _periods(rows: list[tuple[str, str]], akumulasi: str = "kumulatif", target: str = "100") -> Any:
    def mutate(d: dict[str, Any]) -> None:
        ind = jab(d, "sekretaris")["kinerja"][0]["indikator"][0]
        ind.update(target=target, akumulasi=akumulasi)
        ind["per_periode"] = [{"periode": p, "target": t} for p, t in rows]

    return mutate


QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


@pytest.mark.parametrize(
    ("rows", "akumulasi", "target"),
    [
        (list(zip(QUARTERS, ("25", "50", "75", "100"), strict=True)), "kumulatif", "100"),
        (list(zip(QUARTERS, ("125", "125", "125", "125"), strict=True)), "jumlah", "500 surat"),
        (list(zip(QUARTERS, ("20,5", "20,5", "29,5", "29,5"), strict=True)), "jumlah", "100"),
        ([("2024", "100"), ("2025", "110")], "kumulatif", "100"),
        ([("TW IV", "1.000")], "kumulatif", "1.000 orang"),
    ],
)
def test_pk811_periodic_targets_that_fit(
    rows: list[tuple[str, str]], akumulasi: str, target: str
) -> None:
    assert [f.where for f in check(build(_periods(rows, akumulasi, target)), select="PK811")] == []


@pytest.mark.parametrize(
    ("rows", "akumulasi", "target", "says"),
    [
        (
            list(zip(QUARTERS, ("25", "50", "75", "90"), strict=True)),
            "kumulatif",
            "100",
            "target TW IV 90 tidak sama dengan target tahunan 100",
        ),
        ([("TW I", "25"), ("TW II", "50")], "kumulatif", "100", "target TW IV belum diisi"),
        (
            list(zip(QUARTERS, ("100", "100", "100", "100"), strict=True)),
            "jumlah",
            "500",
            "jumlah target TW I–IV 400 tidak sama dengan target tahunan 500",
        ),
        ([("TW I", "125"), ("TW II", "125")], "jumlah", "500", "target TW III, TW IV belum diisi"),
        ([("2024", "90")], "kumulatif", "100", "target tahun 2024 pada per_periode (90) berbeda"),
    ],
)
def test_pk811_periodic_targets_that_do_not(
    rows: list[tuple[str, str]], akumulasi: str, target: str, says: str
) -> None:
    findings = check(build(_periods(rows, akumulasi, target)), select="PK811")
    assert [f.where for f in findings] == ["sekretaris.k1.i1"]
    assert says in findings[0].message


def test_cli_check_previous(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from pokin import save
    from pokin.cli import main

    old = save(last_year(), tmp_path / "2023.yaml")
    new = save(build(_reword_iku), tmp_path / "2024.yaml")
    assert main(["check", str(new), "--select", "PK8"]) == 0
    assert "Tidak ada temuan" in capsys.readouterr().out
    assert main(["check", str(new), "--previous", str(old), "--select", "PK8"]) == 0
    assert "PK801" in capsys.readouterr().out
    assert main(["check", str(new), "--previous", str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err
    assert main(["check", str(new), "--previous", str(old), "-o", str(old)]) == 2


def _other_kecamatan(d: dict[str, Any]) -> None:
    d["organisasi"]["nama"] = "Kecamatan Lain"


@pytest.mark.parametrize(
    ("previous", "says"),
    [
        (lambda: last_year(_other_kecamatan), "milik Kecamatan Lain (Kota Contoh), bukan"),
        (
            lambda: last_year(lambda d: d["organisasi"].update(pemerintah="Kabupaten Lain")),
            "milik Kecamatan Contoh (Kabupaten Lain), bukan",
        ),
        (lambda: build(tahun=2025), "bertahun 2025, tidak sebelum 2024"),
        (lambda: build(), "bertahun 2024, tidak sebelum 2024"),
    ],
)
def test_previous_of_another_organisasi_or_not_earlier_is_refused(previous: Any, says: str) -> None:
    from pokin.errors import PreviousYearError
    from pokin.sakip import sakip

    with pytest.raises(PreviousYearError, match="pohon pembanding") as raised:
        check(build(), previous=previous())
    assert says in str(raised.value)
    with pytest.raises(PreviousYearError):
        sakip(build(), previous=previous())
    # the same organisasi written in other capitals, or without a year, still compares
    same = last_year(lambda d: d["organisasi"].update(nama="KECAMATAN  CONTOH"))
    assert check(build(), previous=same) is not None
    assert check(build(), previous=build(lambda d: d["organisasi"].pop("tahun"))) is not None


@pytest.mark.parametrize("command", ["check", "report", "sakip"])
def test_cli_refuses_a_previous_of_another_kecamatan_or_a_later_year(
    command: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from pokin import save
    from pokin.cli import main

    new = save(build(), tmp_path / "2024.yaml")
    other = save(last_year(_other_kecamatan), tmp_path / "lain-2023.yaml")
    later = save(build(tahun=2025), tmp_path / "2025.yaml")
    out = ["-o", str(tmp_path / "out.md")] if command == "report" else []
    for previous, says in ((other, "bukan Kecamatan Contoh"), (later, "tidak sebelum 2024")):
        assert main([command, str(new), "--previous", str(previous), *out]) == 2
        err = capsys.readouterr().err
        assert says in err
        assert "Traceback" not in err
    assert not (tmp_path / "out.md").exists()
