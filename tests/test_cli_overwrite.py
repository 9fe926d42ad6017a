"""One overwrite rule for every command that writes: an existing output file is replaced only
with ``--force`` (issue 12, QA #16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import save
from pokin.cli import main

from .conftest import make

DECREE = Path(__file__).resolve().parent / "fixtures" / "seeds" / "iki-sambutan-2023.txt"

# command line (TREE = a pokin file, OUT = the existing output), the file written
COMMANDS: dict[str, tuple[list[str], str]] = {
    "check": (["check", "TREE", "-o", "OUT"], "hasil.txt"),
    "render": (["render", "TREE", "-o", "OUT"], "pohon.dot"),
    "render --pages": (["render", "TREE", "--pages", "-o", "DIR"], "halaman/t.svg"),
    "report": (["report", "TREE", "-o", "OUT"], "laporan.md"),
    "sakip": (["sakip", "TREE", "-o", "OUT"], "kke.json"),
    "explore": (["explore", "TREE", "-o", "OUT"], "jelajah.html"),
    "diff": (["diff", "TREE", "TREE", "-o", "OUT"], "beda.txt"),
    "export": (["export", "TREE", "-o", "OUT"], "matriks.xlsx"),
    "export csv": (["export", "TREE", "--format", "csv", "-o", "DIR"], "tabel/jabatan.csv"),
    "import": (["import", str(DECREE), "-o", "OUT", "-q"], "impor.yaml"),
    "import folder": (["import", str(DECREE), "-o", "DIR/", "-q"], "imp/iki-sambutan-2023.yaml"),
    "link": (["link", "TREE", "-o", "OUT"], "tautan.yaml"),
}


def _argv(template: list[str], tree: Path, out: Path) -> list[str]:
    table = {"TREE": str(tree), "OUT": str(out), "DIR": str(out.parent), "DIR/": f"{out.parent}/"}
    return [table.get(word, word) for word in template]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_existing_output_is_replaced_only_with_force(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template, written = COMMANDS[name]
    tree = save(make(), tmp_path / "t.yaml")
    out = tmp_path / written
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("isian perencana\n", encoding="utf-8")
    argv = _argv(template, tree, out)
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert str(out) in err
    assert "sudah ada" in err
    assert "tambahkan --force" in err
    assert out.read_text(encoding="utf-8") == "isian perencana\n"
    assert main([*argv, "--force"]) in (0, 1)  # 1: the checks found errors
    assert out.read_text(encoding="utf-8", errors="replace") != "isian perencana\n"


@pytest.mark.parametrize("command", sorted({t[0][0] for t in COMMANDS.values()}))
def test_every_writing_command_has_force(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "--force" in capsys.readouterr().out


def test_demo_says_it_replaces_what_it_wrote_before(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    assert "ditimpa tanpa --force" in " ".join(capsys.readouterr().out.split())
