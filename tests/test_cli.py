from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pokin import load, save
from pokin.cli import build_parser, main

from .conftest import jab, make


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    return save(make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung")), tmp_path / "b.yaml")


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    return save(make(), tmp_path / "c.yaml")


def test_check_exits_1_on_errors_and_prints_findings(
    broken_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(broken_file)]) == 1
    out = capsys.readouterr().out
    assert "PK101" in out
    assert "Cakupan" in out


def test_check_exits_0_when_clean(clean_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(clean_file)]) == 0
    assert "Tidak ada temuan." in capsys.readouterr().out


def test_select_ignore_and_json(broken_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken_file), "--ignore", "PK1", "--format", "json"]) == 0
    (data,) = json.loads(capsys.readouterr().out)  # a list, for one file too
    assert [f["code"] for f in data["findings"]] == ["PK202"]
    assert main(["check", str(broken_file), "--select", "PK101", "--format", "json"]) == 1
    (data,) = json.loads(capsys.readouterr().out)
    assert data["by_code"] == {"PK101": 1}
    assert main(["check", str(broken_file), "--select", ","]) == 2
    assert "tidak menyebut kode pemeriksaan" in capsys.readouterr().err


def test_several_files_in_json_is_a_list(
    broken_file: Path, clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(clean_file), str(broken_file), "--format", "json", "-q"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [Path(d["file"]).name for d in data] == ["c.yaml", "b.yaml"]


def test_output_file(broken_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert main(["check", str(broken_file), "-o", str(out)]) == 1
    assert "PK101" in out.read_text()


def test_bad_input_is_one_clean_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("pokin: 1\norganisasi: {nama: X}\njabatan: [{nama: C, peran: bupati}]\n")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pokin: galat: {bad}:3:")
    assert "Traceback" not in err
    assert main(["check", str(bad), "--select", "XX1"]) == 2
    assert main(["check", str(tmp_path / "none.yaml")]) == 2
    assert "berkas tidak ada" in capsys.readouterr().err


def test_every_command_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    choices = sub.choices  # type: ignore[attr-defined]
    assert {"check", "rules", "demo", "render", "report", "import", "link", "export"} <= set(
        choices
    )
    for name, command in choices.items():
        assert command.description, name
        assert command.format_help().count("--help") == 1


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "PK101" in out
    assert "PK601" in out


def test_python_dash_m_pokin(clean_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pokin", "check", str(clean_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Tidak ada temuan." in done.stdout
    helped = subprocess.run(
        [sys.executable, "-m", "pokin", "--help"], capture_output=True, text=True, check=True
    )
    assert "check" in helped.stdout


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@needs_dot
def test_render_svg_and_subtree_options(clean_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pokin.svg"
    assert main(["render", str(clean_file), "-o", str(out)]) == 0
    assert out.read_text().lstrip().startswith("<?xml")
    dot = tmp_path / "kasi.dot"
    assert main(["render", str(clean_file), "-o", str(dot), "--root", "kasi", "--no-legend"]) == 0
    text = dot.read_text()
    assert "Nilai SKM seksi pelayanan" in text
    assert "Persentase dokumen administrasi selesai" not in text  # the Sekretaris' branch
    assert "Keterangan" not in text


def test_render_dot_needs_no_graphviz_and_bad_options_exit_2(
    clean_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dot = tmp_path / "unit.dot"
    assert main(["render", str(clean_file), "-o", str(dot), "--unit", "Seksi Pelayanan"]) == 0
    assert dot.read_text().startswith("digraph pokin {")
    assert main(["render", str(clean_file), "-o", str(tmp_path / "x.txt")]) == 2
    assert "beri akhiran" in capsys.readouterr().err
    assert main(["render", str(clean_file), "-o", str(dot), "--unit", "Nowhere", "--force"]) == 2
    assert "tidak ada jabatan di unit «Nowhere»" in capsys.readouterr().err


@needs_dot
def test_render_pages_for_several_files(
    clean_file: Path, broken_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    assert main(["render", str(clean_file), str(broken_file), "-o", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"c.svg", "c.dot", "b.svg", "b.dot", "c-sekretariat.svg"} <= names


@needs_dot
def test_report_html_and_markdown(broken_file: Path, tmp_path: Path) -> None:
    html_out = tmp_path / "laporan.html"
    assert main(["report", str(broken_file), "-o", str(html_out)]) == 1  # PK101 is an error
    page = html_out.read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert "PK101" in page
    assert "<svg" in page
    md_out = tmp_path / "laporan.md"
    assert main(["report", str(broken_file), "-o", str(md_out), "--ignore", "PK1"]) == 0
    findings = md_out.read_text().split("## Temuan")[1]  # the SAKIP section scores all rules
    assert "PK101" not in findings


@needs_dot
def test_demo_writes_findings_diagrams_and_report(tmp_path: Path) -> None:
    assert main(["demo", "--out", str(tmp_path), "-q"]) == 0
    folder = tmp_path / "sambutan-2023"
    for name in ("findings.txt", "findings.json", "sambutan-2023.svg", "laporan.html"):
        assert (folder / name).stat().st_size > 0, name
    assert len(list(folder.glob("sambutan-2023-*.svg"))) >= 5  # one drawing per unit


def test_progress_on_stderr_for_several_files_unless_quiet(
    clean_file: Path, broken_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = load(broken_file)
    other.organisasi.nama = "Kecamatan Lain"  # one kecamatan twice is warned of (QA7 #14)
    save(other, broken_file)
    main(["check", str(clean_file), str(broken_file)])
    err = capsys.readouterr().err
    assert f"[1/2] {clean_file}" in err
    assert f"[2/2] {broken_file}" in err
    main(["check", str(clean_file), str(broken_file), "-q"])
    assert capsys.readouterr().err == ""
    main(["check", str(clean_file)])
    assert capsys.readouterr().err == ""  # one file: nothing to count


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_import_a_decree_then_link_and_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sambutan.yaml"
    code = main(["import", str(FIXTURES / "seeds" / "iki-sambutan-2023.txt"), "-o", str(out)])
    assert code == 0
    assert "22 jabatan" in capsys.readouterr().out
    assert main(["link", str(out), "--write"]) == 0
    printed = capsys.readouterr()
    assert "tautan diusulkan" in printed.err
    assert "asal: inferensi" in out.read_text()
    assert main(["check", str(out), "--select", "PK601"]) == 0
    assert "menunggu pemeriksaan" in capsys.readouterr().out


def test_import_several_decrees_into_a_folder_reports_skipped_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = FIXTURES / "seeds"
    docs = [str(seeds / "iki-wonoasih-2026.txt"), str(seeds / "iki-staf-samarinda.txt")]
    code = main(["import", *docs, "-o", str(tmp_path / "out")])
    printed = capsys.readouterr()
    assert "[2/2]" in printed.err
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "iki-wonoasih-2026.yaml",
        "iki-staf-samarinda.yaml",
    }
    assert code == 0
    assert "tidak diimpor" not in printed.err


def test_import_lists_the_lines_it_could_not_read_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pokin.cli import importing as cli
    from pokin.decree import ImportResult
    from pokin.decree.parts import Skipped

    def partial(path: Path, *, corrections: str | None = None) -> ImportResult:
        lost = Skipped(12, 14, "Jumlah\tsurat\t???", "cells do not fit the header")
        return ImportResult(make(), [lost])

    monkeypatch.setattr(cli, "import_decree", partial)
    assert main(["import", "keputusan.txt", "-o", str(tmp_path / "k.yaml")]) == 1
    err = capsys.readouterr().err
    assert (
        "pokin: peringatan: keputusan.txt:12-14: tidak diimpor (cells do not fit the header)" in err
    )
    assert (tmp_path / "k.yaml").exists()  # what could be read is kept


def test_import_errors_are_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_text("")
    assert main(["import", str(empty), "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pokin: galat:")
    assert "kosong.txt" in err
    assert not (tmp_path / "x.yaml").exists()
    assert main(["link", "sambutan-2023", "--write"]) == 2
    assert "--write perlu berkas" in capsys.readouterr().err


def test_export_and_import_the_matrix(clean_file: Path, tmp_path: Path) -> None:
    matrix = tmp_path / "matriks.xlsx"
    assert main(["export", str(clean_file), "-o", str(matrix)]) == 0
    back = tmp_path / "back.yaml"
    assert main(["import", str(matrix), "-o", str(back)]) == 0
    assert load(back) == load(clean_file)


# -- protecting the planner's files ----------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{f}", "-o", "{f}"],
        ["export", "{f}", "-o", "{f}"],
        ["render", "{f}", "-o", "{f}", "--format", "svg"],
        ["report", "{f}", "-o", "{f}"],
        ["link", "{f}", "-o", "{f}"],
    ],
)
def test_an_output_never_overwrites_the_input(
    command: list[str], clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = clean_file.read_bytes()
    assert main([part.format(f=clean_file) for part in command]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pokin: galat:")
    assert "Traceback" not in err
    assert clean_file.read_bytes() == before


def test_import_never_overwrites_the_decree(tmp_path: Path) -> None:
    decree = tmp_path / "keputusan.txt"
    decree.write_bytes((FIXTURES / "seeds" / "iki-sambutan-2023.txt").read_bytes())
    assert main(["import", str(decree), "-o", str(decree)]) == 2
    assert decree.read_bytes() == (FIXTURES / "seeds" / "iki-sambutan-2023.txt").read_bytes()
    assert main(["import", str(decree), "-o", str(tmp_path / "k.txt")]) == 2  # not .yaml


def test_outputs_need_the_right_suffix(
    clean_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(clean_file), "-o", str(tmp_path / "m.csv")]) == 2
    err = capsys.readouterr().err
    assert "matriks tidak dapat ditulis sebagai .csv (m.csv): namai berkasnya .xlsx" in err
    assert not (tmp_path / "m.csv").exists()


def test_several_inputs_with_one_name_get_distinct_outputs(tmp_path: Path) -> None:
    seed = (FIXTURES / "seeds" / "iki-sambutan-2023.txt").read_bytes()
    for folder in ("ia", "ib"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "k.txt").write_bytes(seed)
    docs = [str(tmp_path / "ia" / "k.txt"), str(tmp_path / "ib" / "k.txt")]
    assert main(["import", *docs, "-o", str(tmp_path / "out"), "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["k-ia.yaml", "k-ib.yaml"]
    assert main(["import", *docs, "-o", str(tmp_path / "out.yaml"), "-q"]) == 2  # not a folder


def test_an_unwritable_output_is_one_clean_message(
    clean_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for command in (
        ["report", str(clean_file), "-o", str(blocker / "r.html")],
        ["check", str(clean_file), "-o", str(blocker / "f.txt")],
        ["export", str(clean_file), "-o", str(tmp_path)],  # a folder
        ["render", str(clean_file), "-o", str(blocker / "d.dot")],
    ):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("pokin: galat:"), err
        assert "Traceback" not in err
        assert any(fix in err for fix in ("saran:", "sebutkan", "namai")), err


def test_check_reports_an_unreadable_file_and_goes_on(
    clean_file: Path, broken_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "hilang.yaml"
    assert main(["check", str(broken_file), str(missing), "-q"]) == 2
    printed = capsys.readouterr()
    assert "PK101" in printed.out  # the readable file was still checked
    assert f"pokin: galat: {missing}" in printed.err


def test_link_write_keeps_every_comment_or_refuses(
    broken_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = broken_file.read_text()
    broken_file.write_text("# Pohon kinerja Kecamatan Contoh\n# disalin dari SK Camat\n" + text)
    lines = broken_file.read_text().splitlines()
    lines.insert(5, "# catatan di tengah berkas")
    broken_file.write_text("\n".join(lines) + "\n")
    before = broken_file.read_text()
    assert main(["link", str(broken_file), "--write"]) == 2  # a comment would be lost
    assert "1 baris komentar di dalam berkas yang akan hilang" in capsys.readouterr().err
    assert broken_file.read_text() == before
    assert main(["link", str(broken_file), "--write", "--force"]) == 0
    written = broken_file.read_text()
    assert written.startswith("# Pohon kinerja Kecamatan Contoh\n# disalin dari SK Camat\n")
    assert "1 baris komentar di dalam" in capsys.readouterr().err
    assert load(broken_file)
    assert main(["link", str(broken_file), "--write", "-o", "x.yaml"]) == 2


def test_link_write_counts_end_of_line_comments_and_not_hashes_in_texts(
    broken_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA3 #3: `target: 82,5  # target RPJMD` was dropped without a word
    lines = broken_file.read_text().splitlines()
    uraian = next(n for n, line in enumerate(lines) if "uraian:" in line)
    lines[uraian] += "  # dari SK Camat"
    broken_file.write_text("\n".join(lines) + "\n")
    before = broken_file.read_text()
    assert main(["link", str(broken_file), "--write"]) == 2
    assert "1 baris komentar di dalam berkas yang akan hilang" in capsys.readouterr().err
    assert broken_file.read_text() == before
    # A " #" inside a quoted text is the text's own: nothing is lost, the file is written.
    lines[uraian] = lines[uraian].split("  # ")[0].replace("uraian: ", "uraian: 'Nomor #1 ", 1)
    lines[uraian] += "'"
    broken_file.write_text("\n".join(lines) + "\n")
    assert main(["link", str(broken_file), "--write"]) == 0
    assert "Nomor #1" in broken_file.read_text()


def test_render_options_are_checked(clean_file: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.dot")
    assert main(["render", str(clean_file), "-o", out, "--wrap", "0"]) == 2
    assert main(["render", str(clean_file), "-o", out, "--timeout", "0"]) == 2


def test_import_notes_rows_it_read_in_an_unusual_way_but_keeps_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decree = FIXTURES / "decrees" / "unpaired-cells.md"
    assert main(["import", str(decree), "-o", str(tmp_path / "u.yaml")]) == 0
    err = capsys.readouterr().err
    assert err.count("pokin: catatan:") == 1  # one per line, not per indicator
    assert f"{decree}:25: sel FORMULASI berisi 2 butir untuk 3 indikator" in err


def test_import_export_and_link_never_replace_a_file_without_force(
    clean_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text("# ditinjau\n" + clean_file.read_text())
    before = reviewed.read_text()
    decree = str(FIXTURES / "seeds" / "iki-sambutan-2023.txt")
    assert main(["import", decree, "-o", str(reviewed)]) == 2
    assert "tambahkan --force" in capsys.readouterr().err
    assert main(["link", str(clean_file), "-o", str(reviewed)]) == 2
    assert reviewed.read_text() == before
    assert main(["import", decree, "-o", str(reviewed), "--force", "-q"]) == 0
    matrix = tmp_path / "m.xlsx"
    assert main(["export", str(clean_file), "-o", str(matrix)]) == 0
    assert main(["export", str(clean_file), "-o", str(matrix)]) == 2
    assert main(["export", str(clean_file), "-o", str(matrix), "--force"]) == 0


def test_render_to_a_folder_ending_in_a_slash_draws_pages(clean_file: Path, tmp_path: Path) -> None:
    out = f"{tmp_path / 'pages'}/"
    assert main(["render", str(clean_file), "-o", out]) == 0
    assert (tmp_path / "pages" / "c.svg").exists()


def test_link_write_with_nothing_to_add_leaves_the_file(
    clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = clean_file.read_text()
    assert main(["link", str(clean_file), "--write"]) == 0
    assert "tidak ada yang ditambahkan" in capsys.readouterr().out
    assert clean_file.read_text() == before


def test_more_cli_edges(
    clean_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.svg")
    assert main(["render", str(clean_file), "-o", out, "--timeout", "-1"]) == 2
    for bad in ("inf", "nan"):  # not numbers a planner types: refused by the parser
        with pytest.raises(SystemExit) as exit_:
            main(["render", str(clean_file), "-o", out, "--timeout", bad])
        assert exit_.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    planner = tmp_path / "other.yaml"
    planner.write_text("pokin: 1\n")
    assert main(["check", str(clean_file), "-o", str(planner)]) == 2  # not over a pokin file
    assert planner.read_text() == "pokin: 1\n"
    pages = tmp_path / "pages"
    assert main(["render", str(clean_file), "-o", f"{pages}/", "--no-legend"]) == 0
    assert "Keterangan" not in (pages / "c.dot").read_text()  # the options reach the pages
    assert main(["render", str(clean_file), "-o", f"{pages}/", "--format", "png"]) == 2
