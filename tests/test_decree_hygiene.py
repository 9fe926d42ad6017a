"""Invisible and control characters are dropped from every decree, with a note (QA6 #3, #4)."""

from __future__ import annotations

from pathlib import Path

from pokin import dumps
from pokin.decree import import_decree
from pokin.decree.document import Paragraph, Table, TableRow
from pokin.decree.hygiene import clean_items

SEED = Path(__file__).parent / "fixtures" / "seeds" / "iki-sambutan-2023.txt"


def _spoil(text: str) -> tuple[str, int]:
    """Zero-width and soft-hyphen characters inside words of one table line, Ctrl-Z at the end."""
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if "Persentase" in line and "\t" in line)
    lines[number] = (
        lines[number]
        .replace("Persentase", "Per\u00adsen\u200btase", 1)
        .replace("a", "a\u2060", 1)
        .replace("e", "\ufeffe", 1)
    )
    return "\n".join(lines) + "\x1a\n", number + 1


def test_invisible_characters_are_dropped_and_noted(tmp_path: Path) -> None:
    clean = import_decree(SEED)
    text, line = _spoil(SEED.read_text(encoding="utf-8"))
    spoiled = tmp_path / SEED.name
    spoiled.write_text(text, encoding="utf-8")
    result = import_decree(spoiled)
    assert dumps(result.tree) == dumps(clean.tree)
    said = [(at, note) for at, note in result.notes if "tak terlihat" in note]
    assert any(at == line and "U+200B" in n and "U+00AD" in n and "U+FEFF" in n for at, n in said)
    assert any("U+001A" in note for _, note in said)


def test_typesetter_hyphen_at_line_end_becomes_ascii() -> None:
    """U+2010/U+2011 become "-"; a soft hyphen ending a line stays one mark, for the join
    to read as a break without a hyphen (test_decree_soft_hyphen.py)."""
    items, notes = clean_items(
        [
            Paragraph(line=3, text="Mening\u2010\nkatnya\u200b"),
            Table(rows=[TableRow(line=5, cells=["Terverif\u00ad\nikasinya", None, "A\u2011B"])]),
        ]
    )
    paragraph, table = items
    assert isinstance(paragraph, Paragraph)
    assert isinstance(table, Table)
    assert paragraph.text == "Mening-\nkatnya"
    assert table.rows[0].cells == ["Terverif\u00ad\nikasinya", None, "A-B"]
    assert [line for line, _ in notes] == [3]  # hyphens are mapped, not dropped: no note
