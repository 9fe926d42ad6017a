"""What the ``pokin`` command prints for a planner is Indonesian, numbers the Indonesian way
(QA #11, #13), and so is its ``--help`` (QA #12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pokin import save
from pokin.cli import COMMANDS, main
from pokin.cli.parser import translate

from .conftest import make


def _err(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    return capsys.readouterr().err


def test_link_scores_have_a_decimal_comma(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", "sambutan-2023", "--suggest"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"skor [01],\d\d\b", out)
    assert not re.search(r"skor \d\.\d", out)


def test_bad_option_values_are_refused_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = str(save(make(), tmp_path / "t.yaml"))
    cases = {
        ("link", tree, "--threshold", "2"): "--threshold 2,00: skor antara 0",
        ("render", tree, "-o", str(tmp_path / "u.jpg")): "format gambar tidak dikenali",
        ("render", tree, "-o", str(tmp_path / "u.dot"), "--depth", "-1"): "--depth -1: beri 0",
        ("render", tree, "-o", str(tmp_path / "u.dot"), "--wrap", "0"): "terlalu sempit",
        ("render", tree, "-o", str(tmp_path / "u.dot"), "--timeout", "0"): "detik di atas 0",
        ("report", tree, "-o", str(tmp_path / "l.pdf")): "laporan tidak dapat ditulis sebagai .pdf",
        ("sakip", tree, "-o", str(tmp_path / "k.csv")): "SAKIP tidak dapat ditulis sebagai .csv",
        ("check", tree, "-o", str(tmp_path / "c.yaml")): "beri nama .txt atau .json",
    }
    for argv, expected in cases.items():
        capsys.readouterr()
        assert main(list(argv)) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("pokin: galat: "), err
        assert expected in err, (argv, err)


def test_decimals_are_typed_with_a_comma_or_a_point(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = str(save(make(), tmp_path / "t.yaml"))
    assert main(["link", tree, "--threshold", "0,85", "-o", str(tmp_path / "a.yaml")]) == 0
    assert main(["link", tree, "--threshold", "0.85", "-o", str(tmp_path / "b.yaml")]) == 0
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
    # A comma that only looks like a decimal is still caught by the score's range.
    assert main(["link", tree, "--threshold", "1,5"]) == 2
    assert "--threshold 1,50: skor antara 0" in capsys.readouterr().err
    for typo in ("0,8,1", "1.000,5", ",", "0,8x", "nan", "inf"):
        err = _err(["link", tree, "--threshold", typo], capsys)
        assert f"argumen --threshold: {typo!r} bukan angka" in err, err


def test_argparse_errors_are_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    err = _err(["check", "x.yaml", "--format", "xml"], capsys)
    assert "bukan pilihan yang ada (pilih salah satu: 'text', 'json')" in err
    assert "cara pakai: pokin check" in err
    assert "invalid" not in err
    assert "argumen --timeout: 'x' bukan angka: tulis mis. 0,8" in _err(
        ["render", "x", "-o", "y.svg", "--timeout", "x"], capsys
    )
    assert "bukan bilangan bulat yang sah" in _err(
        ["render", "x", "-o", "y", "--wrap", "x"], capsys
    )
    assert "argumen ini wajib: -o/--output" in _err(["report", "x.yaml"], capsys)
    assert "argumen tidak dikenal: --nope" in _err(["show", "x.yaml", "--nope"], capsys)
    assert translate("something argparse may say one day") == "something argparse may say one day"


def test_writing_commands_say_ditulis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = str(save(make(), tmp_path / "t.yaml"))
    main(["report", tree, "-o", str(tmp_path / "l.md")])
    assert capsys.readouterr().out == f"ditulis: {tmp_path / 'l.md'}\n"
    assert main(["export", tree, "-o", str(tmp_path / "m.xlsx")]) == 0
    assert capsys.readouterr().out == f"ditulis: {tmp_path / 'm.xlsx'}\n"


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out


# words of English prose that no Indonesian help text holds (option names are kept)
ENGLISH = re.compile(
    r"\b(the|this|these|with|without|and|or|of|into|from|write|writes|print|prints|"
    r"file|files|output|default|only|each|every|message|usage|options|which)\b",
)


def _prose(text: str) -> str:
    """The help minus option names, metavars and the usage line (kept as they are)."""
    text = text.split("\n\n", 1)[1] if text.startswith("cara pakai") else text
    return re.sub(r"--?[\w-]+|\b[A-Z][A-Z_/.<>]+\b|`[^`]*`|\S+\.(?:yaml|xlsx|html|md)\b", "", text)


@pytest.mark.parametrize("name", ["", *(m.__name__.rsplit(".", 1)[1] for m in COMMANDS)])
def test_no_help_text_is_left_in_english(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    command = {"draw": "render", "importing": "import"}.get(name, name)
    text = _help([command] if command else [], capsys)
    assert "cara pakai: pokin" in text
    left = sorted(set(ENGLISH.findall(_prose(text).lower())))
    assert not left, (command, left, text)


def test_proposals_and_suggestions_print_their_score_the_indonesian_way() -> None:
    from pokin import datasets
    from pokin.link import infer_links, strip_links, suggest_links

    tree = strip_links(datasets.load("sambutan-2023"))
    for item in (infer_links(tree)[0], suggest_links(tree, top=1)[0]):
        assert re.search(r"skor [01],\d\d\)", str(item)), str(item)


def test_a_decimal_comma_in_a_flow_mapping_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`{realisasi: 87,5}` splits into `realisasi: 87` and a key `5` (QA round 5, #11): the
    message names the key, in Indonesian, with the fix (it was pydantic's "Keys should be
    strings")."""
    path = tmp_path / "t.yaml"
    path.write_text(
        "pokin: 1\norganisasi: {nama: Kecamatan Contoh, tahun: 2024}\njabatan:\n"
        "  - id: camat\n    nama: Camat\n    peran: camat\n    kinerja:\n"
        "      - uraian: Meningkatnya pelayanan\n        indikator:\n"
        '          - {uraian: "Indeks kepuasan", target: 80, realisasi: 87,5}\n',
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "kunci `5` bukan teks" in err
    assert "'87,5'" in err
    assert "Keys should" not in err
