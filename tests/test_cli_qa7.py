"""QA7: what the CLI and the reports tell a planner (numbers, several files, folders, words)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pokin import PohonKinerja, save
from pokin.cli import main
from pokin.report.document import report_html, report_markdown


def _letters(number: int) -> str:
    """A number as letters (``12`` → ``bc``): texts whose digits are no count."""
    return "".join(chr(ord("a") + int(d)) for d in str(number))


def _big(n: int = 1200, *, realisasi: Any = None) -> PohonKinerja:
    """One Camat with ``n`` indicators (counts past a thousand), none of them linked."""
    indikator: list[dict[str, Any]] = [
        {"uraian": f"Indikator {_letters(i)}", "satuan": "persen", "target": "100"}
        for i in range(n)
    ]
    if realisasi is not None:
        indikator[0].update(target="1.500", realisasi=realisasi)
    return PohonKinerja.model_validate(
        {
            "organisasi": {
                "nama": "Kecamatan Karangtengah Lor",
                "tahun": 2026,
                "dokumen": {"tanggal": "2026-01-05"},
            },
            "jabatan": [
                {
                    "id": "camat",
                    "nama": "Camat",
                    "peran": "camat",
                    "kinerja": [{"uraian": "Meningkatnya pelayanan", "indikator": indikator}],
                },
                {
                    "id": "sekretaris",
                    "nama": "Sekretaris",
                    "peran": "sekretaris",
                    "atasan": "camat",
                    "kinerja": [{"uraian": "Tertibnya arsip", "indikator": indikator[:2]}],
                },
            ],
        }
    )


_BARE = re.compile(r"(?<![\w.,/\-:])\d{4,}(?![\d.,])")  # not in ids, paths, dates


def _bare_thousands(text: str) -> list[str]:
    """Counts of 1000 and more written without the thousands dot (the year is no count)."""
    return [n for n in _BARE.findall(text) if n != "2026"]


def test_counts_past_a_thousand_have_the_thousands_dot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = _big()
    assert tree.summary() == "2 jabatan, 2 kinerja, 1.202 indikator"
    source = save(tree, tmp_path / "kt.yaml")
    main(["check", str(source), "-q"])
    out = capsys.readouterr().out
    assert "1.202 indikator;" in out
    assert "/1.202" in out  # the coverage table
    assert not _bare_thousands(out.replace(str(tmp_path), ""))
    main(["sakip", str(source)])
    out = capsys.readouterr().out
    assert not _bare_thousands(out.replace(str(tmp_path), "")), out
    other = save(_big(5), tmp_path / "kecil.yaml")
    main(["diff", str(other), str(source)])
    out = capsys.readouterr().out
    assert not _bare_thousands(out.replace(str(tmp_path), "")), out


def test_report_shows_a_bare_number_and_the_date_the_indonesian_way() -> None:
    tree = _big(3, realisasi=1450)
    assert tree.jabatan[0].kinerja[0].indikator[0].realisasi == "1450"  # the file keeps it
    for page in (report_html(tree, diagram="<svg/>"), report_markdown(tree)):
        assert "1.450" in page
        assert "1450" not in page
        assert "5 Januari 2026" in page
        assert "2026-01-05" not in page


def test_report_counts_past_a_thousand_have_the_thousands_dot() -> None:
    tree = _big()
    for page in (report_html(tree, diagram="<svg/>"), report_markdown(tree)):
        assert "1.200/1.202" in page  # coverage
        assert "/1202" not in page


def test_format_helpers() -> None:
    from pokin._text import format_date, format_value

    assert format_date(date(2026, 12, 31)) == "31 Desember 2026"
    assert [format_value(v) for v in ("1450", "2.5", "12.345", "1,5", "100%", "")] == [
        "1.450",
        "2,5",
        "12.345",
        "1,5",
        "100%",
        "",
    ]


SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def test_import_of_several_files_tries_every_one_and_lists_each_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (SEEDS / "iki-wonoasih-2026.txt").read_text(encoding="utf-8")
    (tmp_path / "wonoasih.txt").write_text(text, encoding="utf-8")
    (tmp_path / "wonoasih.md").write_text(text, encoding="utf-8")  # one decree, two copies
    (tmp_path / "notzip.docx").write_text("ini bukan dokumen Word", encoding="utf-8")
    (tmp_path / "kosong.txt").write_text("", encoding="utf-8")
    files = [
        str(tmp_path / n)
        for n in ("wonoasih.txt", "notzip.docx", "hilang.pdf", "kosong.txt", "wonoasih.md")
    ]
    code = main(["import", *files, "-o", str(tmp_path / "out") + "/"])
    printed = capsys.readouterr()
    assert code == 2
    assert "[5/5]" in printed.err  # the files after the first error were tried
    errors = [line for line in printed.err.splitlines() if line.startswith("pokin: galat: ")]
    assert [e.split(": ")[2] for e in errors] == [files[1], files[2], files[3]]
    assert printed.err.rstrip().endswith("3 dari 5 berkas tidak diimpor (lihat galat di atas)")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["wonoasih-md.yaml", "wonoasih-txt.yaml"]


def test_import_of_one_unreadable_file_still_stops_with_its_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notzip.docx").write_text("ini bukan dokumen Word", encoding="utf-8")
    assert main(["import", str(tmp_path / "notzip.docx"), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "berkas tidak diimpor" not in capsys.readouterr().err


def _kecamatan(nama: str, *, iku: bool = True) -> PohonKinerja:
    data: dict[str, Any] = {
        "organisasi": {"nama": nama, "tahun": 2026},
        "jabatan": [
            {
                "id": "camat" if iku else "kasi",
                "nama": "Camat" if iku else "Kepala Seksi Pelayanan",
                "peran": "camat" if iku else "kasi",
                "kinerja": [
                    {
                        "uraian": "Meningkatnya pelayanan",
                        "indikator": [{"uraian": "Indeks kepuasan masyarakat"}],
                        "mendukung": ["IKU.1"] if iku else [],
                    }
                ],
            }
        ],
    }
    if iku:
        data["iku"] = [
            {
                "id": "S.1",
                "uraian": "Meningkatnya pelayanan",
                "indikator": [{"id": "IKU.1", "uraian": "Indeks kepuasan"}],
            }
        ]
    return PohonKinerja.model_validate(data)


@pytest.fixture
def kab(tmp_path: Path) -> Path:
    """A kabupaten folder: a kecamatan twice (a copy), one without IKU, a broken file,
    a decree not imported yet and a subfolder."""
    folder = tmp_path / "kab"
    (folder / "lama").mkdir(parents=True)
    save(_kecamatan("Kecamatan Karangtengah Lor"), folder / "karangtengah.yaml")
    save(_kecamatan("KECAMATAN KARANGTENGAH LOR"), folder / "karangtengah-copy.yaml")
    save(_kecamatan("Kecamatan Wonoasih", iku=False), folder / "wonoasih.yaml")
    (folder / "rusak.yaml").write_text("pokin: 1\norganisasi: [\n", encoding="utf-8")
    (folder / "keputusan.docx").write_bytes(b"PK\x03\x04")
    return folder


def _summary(out: str) -> list[str]:
    return out[out.index("Ringkasan per organisasi") :].splitlines()


def test_folder_counts_an_organisasi_once_and_marks_a_tree_without_iku(
    kab: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(kab), "-q"]) == 2
    said = capsys.readouterr()
    rows = _summary(said.out)
    assert rows[0] == "Ringkasan per organisasi (4 berkas)"
    second = next(r for r in rows if "karangtengah.yaml" in r)  # the copy sorts first
    assert "*sama dengan no 1" in second
    wono = next(r for r in rows if "wonoasih.yaml" in r)
    assert wono.endswith("†")
    total = next(r for r in rows if r.split()[0] == "Jumlah").split()
    assert total[1:3] == ["2", "2"]  # jabatan, indikator: Karangtengah once + Wonoasih
    assert total[-2:] == ["1", "(100,0%)"]  # to the IKU: Karangtengah's only
    assert any(r.startswith("* organisasi dan tahun yang sama") for r in rows)
    assert any(r.startswith("† tanpa IKU (PK103)") for r in rows)
    assert "karangtengah-copy.yaml: organisasi" not in said.err
    assert "karangtengah.yaml: organisasi «Kecamatan Karangtengah Lor» tahun 2026" in said.err
    assert "1 subfolder dilewati (lama)" in said.err
    assert "1 berkas bukan berkas pokin dilewati (keputusan.docx)" in said.err


def test_the_same_file_named_twice_is_checked_once(
    kab: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = str(kab / "wonoasih.yaml")
    assert main(["check", one, one, "-q"]) == 1  # PK103: no IKU
    said = capsys.readouterr()
    assert said.out.count("pokin check: Kecamatan Wonoasih") == 1
    assert "disebut lebih dari sekali: diperiksa dan dihitung sekali" in said.err


def test_folder_json_holds_the_unreadable_file_and_the_summary_rows(
    kab: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["check", str(kab), "-q", "--format", "json"]) == 2
    reports = json.loads(capsys.readouterr().out)
    assert [Path(r["file"]).name for r in reports] == [
        "karangtengah-copy.yaml",
        "karangtengah.yaml",
        "rusak.yaml",
        "wonoasih.yaml",
    ]
    broken = reports[2]
    assert "kesalahan sintaks YAML" in broken["galat"]
    assert broken["ringkasan"]["tidak_terbaca"] == broken["galat"]
    assert reports[1]["ringkasan"]["sama_dengan"] == reports[0]["file"]
    assert reports[0]["ringkasan"]["sama_dengan"] is None
    assert reports[3]["ringkasan"]["tanpa_iku"] is True
    assert "findings" in reports[3]  # the report itself as before


@pytest.mark.parametrize("word", ["peringatan", "galat", "GALAT", "warning"])
def test_severity_in_the_words_of_the_report(
    kab: Path, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    main(["check", str(kab / "wonoasih.yaml"), "-q", "--severity", word])
    out = capsys.readouterr().out
    assert " 0 info" in out
    assert ("0 peringatan" in out) is (word.lower() == "galat")


def test_an_output_that_cannot_be_written_is_said_in_indonesian_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = save(_kecamatan("Kecamatan Wonoasih"), tmp_path / "w.yaml")
    (tmp_path / "out").write_text("", encoding="utf-8")  # a file where a folder should be
    assert main(["export", str(source), "-o", str(tmp_path / "out" / "m.xlsx")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'out' / 'm.xlsx'}: tidak dapat ditulis: " in err
    assert f"{tmp_path / 'out'} adalah berkas, bukan folder" in err
    assert "File exists" not in err
    assert "Not a directory" not in err
    assert ".tmp" not in err


def test_a_write_error_names_the_output_not_the_temporary_file(tmp_path: Path) -> None:
    import errno
    import os

    from pokin._files import atomic_write

    target = tmp_path / "m.yaml"

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / ".m.yaml.x.tmp"))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", full)
        with pytest.raises(OSError, match="disk penuh") as raised, atomic_write(target) as f:
            f.write("x")
    assert raised.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_link_takes_several_files_or_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kab"
    folder.mkdir()
    for name in ("barat", "timur"):
        save(_kecamatan(f"Kecamatan {name.title()}"), folder / f"{name}.yaml")
    (folder / "rusak.yaml").write_text("pokin: 1\norganisasi: [\n", encoding="utf-8")
    assert main(["link", str(folder), "--write", "-q"]) == 2
    said = capsys.readouterr()
    assert said.out.count("\n== ") == 3
    assert "rusak.yaml:3:1" in said.err
    assert "1 dari 3 berkas tidak diproses" in said.err
    files = [str(folder / "barat.yaml"), str(folder / "timur.yaml")]
    assert main(["link", *files, "-q"]) == 0
    assert main(["link", *files, "-o", str(tmp_path / "x.yaml")]) == 2
    assert "berlaku untuk satu berkas" in capsys.readouterr().err


def test_messages_about_a_pokin_yaml_file_name_the_fix(tmp_path: Path) -> None:
    from pokin import load
    from pokin.errors import PokinFileError

    text = "pokin: 1\norganisasi:\n  nama: Kecamatan Pasirluhur\n"
    cp1252 = tmp_path / "notepad.yaml"
    cp1252.write_bytes((text + "jabatan:\n- id: camat\n  nama: Camat Bojongé\n").encode("cp1252"))
    with pytest.raises(PokinFileError, match=r"notepad\.yaml:6: .*Windows-1252") as raised:
        load(cp1252)
    assert "simpan ulang sebagai UTF-8" in str(raised.value)
    assert "keputusan" not in str(raised.value)
    nul = tmp_path / "nul.yaml"
    nul.write_bytes((text + "jabatan: []\n").encode().replace(b"Pasirluhur", b"Pasir\0luhur"))
    with pytest.raises(PokinFileError, match=r"nul\.yaml:3: baris ini memuat byte NUL"):
        load(nul)
    deep = tmp_path / "deep.yaml"
    deep.write_text(text + "jabatan: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(PokinFileError, match="bersarang terlalu dalam"):
        load(deep)


def test_notebook_shows_cascade_coverage_and_proposals_in_indonesian() -> None:
    from IPython.core.formatters import DisplayFormatter

    from pokin import Cascade, check, infer_links
    from pokin._notebook import register

    formatter = DisplayFormatter()
    assert register(formatter)
    tree = _big(3)
    assert repr(Cascade(tree)).endswith("simpul, 0 tautan>")
    table = formatter.format(check(tree).coverage())[0]["text/html"]
    assert "<th>jabatan ke IKU</th>" in table
    assert "UnitCoverage(" not in table
    shown = formatter.format(infer_links(tree))[0]
    assert "tautan diusulkan" in shown["text/html"]
