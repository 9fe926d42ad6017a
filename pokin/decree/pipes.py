r"""The syntax of a markdown pipe table: which lines belong to it, and a row's cells.

>>> split_row(r"| a | b \| c | d |")
['a', 'b | c', 'd']
>>> is_separator("|---|:---:|"), is_table_line("  | x |"), lost_pipe("2. | a | b |")
(True, True, True)
"""

from __future__ import annotations

__all__ = ["is_separator", "is_table_line", "lost_pipe", "split_row"]


def is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def lost_pipe(line: str) -> bool:
    """A row inside a pipe table that lost its leading pipe ("2. | Kinerja | ... |")."""
    return line.count("|") >= 2 and bool(line.strip()) and not line.lstrip().startswith("<")


def is_separator(line: str) -> bool:
    text = line.strip()
    return "|" in text and text.count("-") >= 3 and not text.strip("|-: ")


def split_row(line: str) -> list[str]:
    r"""The raw cells of a pipe-table row; ``\|`` is a pipe inside a cell."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells: list[str] = []
    buffer: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            buffer.append("|" if text[i + 1] == "|" else text[i : i + 2])
            i += 2
        elif text[i] == "|":
            cells.append("".join(buffer).strip())
            buffer = []
            i += 1
        else:
            buffer.append(text[i])
            i += 1
    cells.append("".join(buffer).strip())
    return cells
