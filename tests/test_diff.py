"""pokin.diff: each kind of change pinned on tiny trees, the outputs, the sources."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pokin import PohonKinerja, PokinFileError, save
from pokin.diff import (
    Ubah,
    diff,
    diff_html,
    diff_json,
    diff_markdown,
    diff_text,
    highlight,
    resolve,
    show,
)

from .conftest import BASE, jab


def build(mutate: Any = None, tahun: int = 2024) -> PohonKinerja:
    data = copy.deepcopy(BASE)
    data["organisasi"]["tahun"] = tahun
    if mutate is not None:
        mutate(data)
    return PohonKinerja.model_validate(data)


OLD = build(tahun=2023)


def test_the_same_tree_has_no_changes() -> None:
    d = diff(OLD, build(tahun=2023))
    assert len(d) == 0
    assert d.counts() == {}
    assert "Tidak ada perubahan isi." in diff_text(d)


def test_a_renamed_position_is_paired_by_its_work_with_a_score() -> None:
    def rename(d: dict[str, Any]) -> None:
        kasi = jab(d, "kasi")
        kasi.update(id="kasi-pelayanan-umum", nama="Kasi Pelayanan Umum", unit="Seksi Layanan")

    d = diff(OLD, build(rename))
    [j] = d.jabatan
    assert (j.status, j.lama, j.baru) == ("ubah", "kasi", "kasi-pelayanan-umum")
    assert j.skor is not None
    assert 0.5 < j.skor < 1
    assert Ubah("nama", "Kasi Pelayanan", "Kasi Pelayanan Umum") in j.kolom
    assert d.unit == [("Seksi Pelayanan", "Seksi Layanan", 1)]
    # its kinerja and indicators follow it: no node added or removed, no link changed
    assert d.nodes == []
    assert d.links == []
    assert d.match.new_id("kasi.k1.i1") == "kasi-pelayanan-umum.k1.i1"


def test_two_positions_merged() -> None:
    def split(d: dict[str, Any]) -> None:  # last year: two staff under the Sekretaris
        twin = copy.deepcopy(jab(d, "staf"))
        twin.update(id="staf-2", nama="Pengelola Umum")
        twin["kinerja"][0]["indikator"] = [
            {"uraian": "Jumlah arsip surat yang tertata", "target": "300"}
        ]
        d["jabatan"].append(twin)

    def merged(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")
        staf["kinerja"][0]["indikator"].append(
            {"uraian": "Jumlah arsip surat yang tertata", "target": "300"}
        )

    d = diff(build(split, 2023), build(merged))
    merges = [j for j in d.jabatan if j.status == "gabung"]
    assert [(j.lama, j.baru) for j in merges] == [("staf-2", "staf")]
    # the merged position's indicator is found again, not removed and added
    assert [n.status for n in d.nodes if "arsip" in (n.uraian_baru or n.uraian_lama or "")] == [
        "ubah"
    ]
    assert "digabung ke" in diff_text(d)


def test_added_and_removed_positions() -> None:
    def swap(d: dict[str, Any]) -> None:
        d["jabatan"] = [j for j in d["jabatan"] if j["id"] != "staf"]
        d["jabatan"].append(
            {
                "id": "analis",
                "nama": "Analis Kebijakan",
                "peran": "fungsional",
                "atasan": "camat",
                "kinerja": [{"uraian": "Tersusunnya kajian kebijakan", "indikator": []}],
            }
        )

    d = diff(OLD, build(swap))
    assert sorted((j.status, j.lama or j.baru) for j in d.jabatan) == [
        ("hapus", "staf"),
        ("tambah", "analis"),
    ]
    assert {(n.jenis, n.status) for n in d.nodes} == {
        ("kinerja", "hapus"),
        ("indikator", "hapus"),
        ("kinerja", "tambah"),
    }


def test_a_reworded_indicator_shows_the_words_and_the_fields_that_changed() -> None:
    def reword(d: dict[str, Any]) -> None:
        ind = jab(d, "kasi")["kinerja"][0]["indikator"][0]
        ind.update(
            uraian="Indeks SKM seksi pelayanan", target="85", realisasi="83", satuan="indeks"
        )
        ind["formulasi"] = "rata-rata nilai unsur SKM"
        ind["per_periode"] = [{"periode": "TW II", "target": "84"}]

    d = diff(OLD, build(reword))
    [n] = d.nodes
    assert (n.jenis, n.status, n.lama, n.baru) == ("indikator", "ubah", "kasi.k1.i1", "kasi.k1.i1")
    assert n.kata == "[-Nilai-] {+Indeks+} SKM seksi pelayanan"
    assert n.skor == 0.75
    fields = {u.kolom: (u.lama, u.baru) for u in n.kolom}
    assert fields == {
        "formulasi": (
            OLD.jabatan[2].kinerja[0].indikator[0].formulasi,
            "rata-rata nilai unsur SKM",
        ),
        "satuan": ("persen", "indeks"),
        "target": ("100", "85"),
        "realisasi": (None, "83"),
        "per_periode": (None, "TW II: 84/–"),
    }


def test_added_and_removed_indicators_and_kinerja() -> None:
    def change(d: dict[str, Any]) -> None:
        kinerja = jab(d, "camat")["kinerja"][0]
        kinerja["indikator"][1] = {"uraian": "Persentase pengaduan yang ditindaklanjuti"}
        jab(d, "kasi")["kinerja"][0]["mendukung"] = ["camat.k1.i1"]

    d = diff(OLD, build(change))
    statuses = sorted((n.status, n.lama or n.baru) for n in d.nodes)
    assert statuses == [("hapus", "camat.k1.i2"), ("tambah", "camat.k1.i2")]


def test_links_added_removed_and_re_pointed() -> None:
    def relink(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0]["mendukung"] = ["camat.k1.i1"]  # was camat.k1.i2
        jab(d, "staf")["kinerja"][0].pop("mendukung")
        jab(d, "sekretaris")["kinerja"][0]["indikator"][0]["mendukung"] = ["camat.k1.i1"]

    d = diff(OLD, build(relink))
    got = sorted((link.status, link.dari, link.ke_lama, link.ke_baru) for link in d.links)
    assert got == [
        ("hapus", "staf.k1", "sekretaris.k1.i1", None),
        ("pindah", "kasi.k1", "camat.k1.i2", "camat.k1.i1"),
        ("tambah", "sekretaris.k1.i1", None, "camat.k1.i1"),
    ]


def test_findings_fixed_and_new_and_coverage_before_after() -> None:
    def broken(d: dict[str, Any]) -> None:
        jab(d, "staf")["kinerja"][0].pop("mendukung")

    def other(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0].pop("mendukung")

    d = diff(build(broken, 2023), build(other))
    assert {(f.code, f.where) for f in d.fixed} >= {("PK101", "staf.k1")}
    assert {(f.code, f.where) for f in d.appeared} >= {("PK101", "kasi.k1")}
    assert d.coverage_before.total.indikator_reached == 4
    assert d.coverage_after.total.indikator_reached == 4
    text = diff_text(d)
    assert "diperbaiki: " in text
    assert "✔ PK101" in text
    assert "✖ PK101" in text


def _rich() -> Any:
    def change(d: dict[str, Any]) -> None:
        kasi = jab(d, "kasi")
        kasi.update(nama='Kasi <Layanan> & "Umum"')
        kasi["kinerja"][0]["indikator"][0]["uraian"] = "Nilai <b>SKM</b> | seksi & pelayanan"

    return diff(OLD, build(change))


def test_markdown_and_json_escape_and_carry_everything() -> None:
    d = _rich()
    md = diff_markdown(d)
    assert "<b>" not in md
    assert "&lt;b&gt;" in md
    assert "\\|" in md
    data = json.loads(diff_json(d))
    assert data["jumlah"] == {"indikator ubah": 1, "jabatan ubah": 1}
    assert data["node"][0]["kata"] == "Nilai [-SKM-] {+<b>SKM</b> |+} seksi {+&+} pelayanan"
    assert data["temuan"]["lama"] == {"error": 0, "warning": 0, "info": 0}


def test_html_escapes_every_text_and_highlights_both_sides() -> None:
    d = _rich()
    svg_old = '<svg width="1pt"><a xlink:href="#kasi.k1.i1" xlink:title="x"><polygon/></a></svg>'
    page = diff_html(d, diagram=lambda c: svg_old)
    assert "<b>SKM" not in page
    assert "&lt;b&gt;SKM&lt;/b&gt;" in page
    assert "Kasi &lt;Layanan&gt; &amp; &quot;Umum&quot;" in page
    assert page.count('class="pokin-ubah"') == 2  # the same box, old side and new side
    assert "<del>" in page
    assert "<ins>" in page


def test_highlight_marks_only_the_changed_cells() -> None:
    svg = (
        '<svg viewBox="0 0 1 1"><a xlink:href="#a.k1" xlink:title="t"><polygon/></a>'
        '<a xlink:href="#a&#45;b.k1"><polygon/></a><a xlink:href="#c.k1"><polygon/></a></svg>'
    )
    out = highlight(svg, {"a.k1": "hapus", "a-b.k1": "tambah"})
    assert '<a class="pokin-hapus" data-perubahan="hapus" xlink:href="#a.k1"' in out
    assert 'class="pokin-tambah"' in out
    assert '<a xlink:href="#c.k1">' in out
    assert out.index("<style>") > out.index("<svg")


def test_sources_files_datasets_and_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(OLD, tmp_path / "pokin.yaml")
    assert resolve(str(path))[1] == OLD
    assert resolve("sambutan-2023")[1].organisasi.tahun == 2023
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "pokin.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "2023"], cwd=tmp_path, check=True)
    save(build(), path)
    monkeypatch.chdir(tmp_path)
    assert resolve("git:HEAD:pokin.yaml")[1] == OLD
    assert diff("git:HEAD:pokin.yaml", "pokin.yaml").new.organisasi.tahun == 2024
    with pytest.raises(PokinFileError, match=r"git tidak dapat menampilkan HEAD:none\.yaml"):
        resolve("git:HEAD:none.yaml")
    with pytest.raises(PokinFileError, match="bukan sumber git"):
        resolve("git:HEAD")


def test_show_is_one_fact_a_line_in_file_order() -> None:
    def periods(d: dict[str, Any]) -> None:
        ind = jab(d, "kasi")["kinerja"][0]["indikator"][0]
        ind["per_periode"] = [{"periode": "TW I", "target": "20", "realisasi": "19"}]

    text = show(build(periods))
    lines = text.splitlines()
    assert lines[0] == "organisasi: Kecamatan Contoh (Kota Contoh)"
    assert "jabatan kasi: Kasi Pelayanan (kasi)" in lines
    assert "    mendukung: camat.k1.i2" in lines
    assert "      TW I: target 20, realisasi 19" in lines
    assert lines.index("jabatan camat: Camat (camat)") < lines.index(
        "jabatan kasi: Kasi Pelayanan (kasi)"
    )


def test_cli_diff_formats_and_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pokin.cli import main

    old = save(OLD, tmp_path / "2023.yaml")
    new = save(build(lambda d: jab(d, "kasi").update(nama="Kasi Layanan")), tmp_path / "2024.yaml")
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pokin diff: Kecamatan Contoh 2023 → Kecamatan Contoh 2024")
    assert "Kasi Pelayanan → Kasi Layanan" in out
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["jumlah"] == {"jabatan ubah": 1}
    for suffix, start in ((".md", "# Perubahan"), (".html", "<!DOCTYPE html>")):
        target = tmp_path / f"beda{suffix}"
        assert main(["diff", str(old), str(new), "-o", str(target)]) == 0
        assert target.read_text(encoding="utf-8").startswith(start)
    assert main(["diff", str(old), str(new), "-o", str(tmp_path / "x.yaml")]) == 2
    assert main(["diff", str(old), str(new), "-o", str(new)]) == 2
    assert main(["diff", str(old), str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err


def test_git_diff_reads_as_a_pohon_kinerja_change_through_textconv(tmp_path: Path) -> None:
    """The README's recipe: .gitattributes + diff.pokin.textconv = pokin show --textconv."""
    import shlex
    import sys

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]

    def run(*a: str) -> str:
        done = subprocess.run([*git, *a], cwd=tmp_path, check=True, capture_output=True, text=True)
        return done.stdout

    run("init", "-q")
    (tmp_path / ".gitattributes").write_text("*.yaml diff=pokin\n", encoding="utf-8")
    textconv = f"{shlex.quote(sys.executable)} -m pokin show --textconv"
    run("config", "diff.pokin.textconv", textconv)
    save(OLD, tmp_path / "pokin.yaml")
    (tmp_path / "rusak.yaml").write_text("pokin: 1\norganisasi: [\n", encoding="utf-8")
    run("add", ".")
    run("commit", "-qm", "2023")

    def raise_target(d: dict[str, Any]) -> None:
        jab(d, "kasi")["kinerja"][0]["indikator"][0]["target"] = "95"

    save(build(raise_target, 2023), tmp_path / "pokin.yaml")
    (tmp_path / "rusak.yaml").write_text("pokin: 1\norganisasi: [x\n", encoding="utf-8")
    out = run("diff")
    assert "-      target: 100\n+      target: 95\n" in out
    assert "@@ jabatan kasi: Kasi Pelayanan (kasi)\n" in out  # the hunk names the position
    assert "# pokin show: tidak terbaca sebagai pohon kinerja" in out  # never fails git diff
    assert "+organisasi: [x" in out


def test_two_positions_merged_into_a_new_one() -> None:
    def two(d: dict[str, Any]) -> None:
        twin = copy.deepcopy(jab(d, "staf"))
        twin.update(id="staf-2", nama="Pengarsip")
        twin["kinerja"][0]["uraian"] = "Tertatanya arsip surat kecamatan"
        twin["kinerja"][0]["indikator"] = [{"uraian": "Jumlah arsip surat yang tertata"}]
        d["jabatan"].append(twin)

    def one(d: dict[str, Any]) -> None:
        two(d)
        staf, twin = jab(d, "staf"), jab(d, "staf-2")
        staf.update(id="pengelola-umum", nama="Pengelola Umum")
        staf["kinerja"].append(twin["kinerja"][0])
        d["jabatan"].remove(twin)

    d = diff(build(two, 2023), build(one))
    # the position that kept its work under the new title is renamed; the other merged in
    assert sorted((j.status, j.lama, j.baru) for j in d.jabatan) == [
        ("gabung", "staf-2", "pengelola-umum"),
        ("ubah", "staf", "pengelola-umum"),
    ]
    assert d.match.new_id("staf-2.k1.i1") == "pengelola-umum.k2.i1"
    assert [n for n in d.nodes if n.status != "ubah"] == []


def test_the_iku_table_is_compared_code_by_code() -> None:
    def table(uraian: str, code: str) -> Any:
        def mutate(d: dict[str, Any]) -> None:
            d["iku"] = [
                {
                    "id": "S.1",
                    "uraian": "Meningkatnya pelayanan publik",
                    "indikator": [{"id": code, "uraian": uraian, "target": "80"}],
                }
            ]

        return mutate

    d = diff(
        build(table("Indeks kepuasan masyarakat", "IKU.1"), 2023),
        build(table("Indeks kepuasan masyarakat kecamatan", "IKU.1")),
    )
    [n] = d.nodes
    assert (n.jenis, n.jabatan, n.lama, n.baru) == ("indikator", "IKU", "IKU.1", "IKU.1")
    assert n.kata == "Indeks kepuasan masyarakat {+kecamatan+}"


def test_a_git_revision_cannot_be_an_option() -> None:
    with pytest.raises(PokinFileError, match="bukan sumber git"):
        resolve("git:--output=/tmp/x:pokin.yaml")


def test_two_positions_merged_into_a_new_post_that_neither_resembles() -> None:
    def two(d: dict[str, Any]) -> None:
        for n, (nama, kerja) in enumerate(
            (("Pengarsip", "Tertatanya arsip surat"), ("Pengetik", "Terketiknya naskah dinas")), 2
        ):
            d["jabatan"].append(
                {
                    "id": f"staf-{n}",
                    "nama": nama,
                    "peran": "pelaksana",
                    "atasan": "sekretaris",
                    "kinerja": [{"uraian": kerja, "indikator": [{"uraian": f"Jumlah {kerja}"}]}],
                }
            )

    def merged(d: dict[str, Any]) -> None:
        two(d)
        a, b = d["jabatan"][-2:]
        d["jabatan"] = d["jabatan"][:-2]
        d["jabatan"].append(
            {
                "id": "pengadministrasi-perkantoran",
                "nama": "Pengadministrasi Perkantoran",
                "peran": "pelaksana",
                "atasan": "sekretaris",
                "kinerja": [a["kinerja"][0], b["kinerja"][0]],
            }
        )

    d = diff(build(two, 2023), build(merged))
    assert sorted((j.status, j.lama, j.baru) for j in d.jabatan) == [
        ("gabung", "staf-2", "pengadministrasi-perkantoran"),
        ("gabung", "staf-3", "pengadministrasi-perkantoran"),
    ]
    assert [n for n in d.nodes if n.status != "ubah"] == []  # every kinerja found again


def test_findings_of_a_removed_position_are_gone_not_fixed() -> None:
    def orphan(d: dict[str, Any]) -> None:  # last year the staff supported nothing
        jab(d, "staf")["kinerja"][0].pop("mendukung")

    def removed(d: dict[str, Any]) -> None:
        d["jabatan"] = [j for j in d["jabatan"] if j["id"] != "staf"]

    d = diff(build(orphan, 2023), build(removed))
    assert {(f.code, f.where) for f in d.gone} >= {("PK101", "staf.k1")}
    assert all(not f.where.startswith("staf") for f in d.fixed)
    text = diff_text(d)
    assert (
        "hilang bersama jabatan, kinerja atau indikator yang dihapus (bukan diperbaiki): " in text
    )
    assert "– PK101" in text
    assert "Hilang bersama jabatan" in diff_markdown(d)
    assert json.loads(diff_json(d))["temuan"]["hilang_bersama_yang_dihapus"]
    assert "Hilang bersama jabatan" in diff_html(d, diagram=lambda c: "<svg></svg>")
