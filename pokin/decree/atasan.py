"""The atasan of every position of a decree being built (see :mod:`.build`): as the decree
declares it ("ATASAN LANGSUNG : X", when that names one block above it), else as the
position's title and the kecamatan structure imply (:mod:`.staff` for staff positions)."""

from __future__ import annotations

from .._text import words
from ..models import Peran
from .parts import Skipped
from .position import UNKNOWN_KELURAHAN, Pos, lurah_of, set_atasan
from .staff import place_staff

__all__ = ["assign_atasan"]


def assign_atasan(positions: list[Pos]) -> tuple[list[tuple[int, str]], list[Skipped]]:
    """Give every position its atasan: as the decree declares it, else as its title and
    the kecamatan structure imply. Returns the notes (line, text) on declarations not used,
    and the warnings on atasan cells of a table's atasan column not used (their position
    got the atasan its name implies instead: the planner should look)."""
    camat = next((p for p in positions if p.peran is Peran.CAMAT), None)
    sekretaris = next((p for p in positions if p.peran is Peran.SEKRETARIS), None)
    lurah = [p for p in positions if p.peran is Peran.LURAH]
    _kelurahan_named(positions, lurah)
    heads_first = sorted(positions, key=lambda p: p.peran.is_staf)  # heads get units first
    refused: list[tuple[int, str]] = []
    warned: list[Skipped] = []
    for pos in heads_first:
        declared, why = _declared_atasan(pos, positions)
        if declared:
            _level_of_declared(pos, declared)
            pos.atasan, pos.unit = declared, pos.unit or declared.unit
            pos.notes.append("Atasan sesuai pernyataan keputusan.")
            continue
        if pos.peran is not Peran.CAMAT:
            _infer_atasan(pos, positions, camat, sekretaris, lurah)
        if why:
            line = pos.block.atasan_line
            column = line is not None and pos.atasan is not None  # a column's atasan, not used
            note, detail = _refusal(pos, why, column)
            pos.notes.append(f"{note[0].upper()}{note[1:]}.")
            if line is not None and column:
                reason = f"kolom atasan jabatan {pos.block.nama}: {detail}"
                warned.append(Skipped(line, line, pos.block.atasan or "", reason))
            else:
                refused.append((line or pos.block.line, f"{pos.block.nama}: {note}"))
    return refused, warned


def _kelurahan_named(positions: list[Pos], lurah: list[Pos]) -> None:
    """A kelurahan position whose title names "Kelurahan <Name>" anywhere ("PENGELOLA DATA
    KELURAHAN X", "KASI PEMERINTAHAN KELURAHAN X"), not only after "pada", is in the unit
    of the Lurah block of that kelurahan: its atasan is then chosen among that kelurahan's
    heads by the usual rules (Sekretaris Kelurahan, Kasi, Lurah)."""
    units = {p.unit for p in lurah if p.unit and len(words(p.unit).split()) > 1}
    for pos in positions:
        if pos.unit or pos.level != "kelurahan" or pos.peran is Peran.LURAH:
            continue
        title = f" {words(pos.block.nama)} "
        named = [unit for unit in units if f" {words(unit)} " in title]
        if len(named) == 1:
            pos.unit = named[0]
        elif len(units) > 1 and pos.info.level == "kelurahan" and not pos.block.atasan:
            _kelurahan_above(pos, positions, len(units))


def _kelurahan_above(pos: Pos, positions: list[Pos], count: int) -> None:
    """A position whose title says "KELURAHAN" without naming it ("PENGADMINISTRASI UMUM
    KELURAHAN") in a decree of several kelurahan, declaring no atasan: it is in the
    kelurahan of the Lurah block above it when only kelurahan blocks stand between them (a
    decree lists each Lurah, then his staff), unless that Lurah follows another Lurah (the
    Lurah listed together, then one template of their heads). Else nothing is guessed and
    a staff position's catatan asks the planner (a head's says it already)."""
    above = sorted((p for p in positions if p.block.line < pos.block.line), key=_line)
    for at in range(len(above) - 1, -1, -1):
        other = above[at]
        if other.peran is Peran.LURAH and other.unit:
            if at > 0 and above[at - 1].peran is Peran.LURAH:
                break  # the Lurah listed together: a template, whose kelurahan is unsaid
            pos.unit = other.unit
            pos.inferensi.append("unit")
            pos.notes.append(
                f"Unit disimpulkan: {other.unit}, blok Lurah di atasnya (baris "
                f"{other.block.line}); nama jabatan tidak menyebut kelurahannya."
            )
            return
        if other.level != "kelurahan":
            break
    if pos.peran.is_staf:
        pos.notes.append(
            f"Nama jabatan tidak menyebut kelurahannya, padahal keputusan memuat {count} "
            "kelurahan dan blok ini tidak berada tepat di bawah blok satu Lurah: perencana "
            "perlu mengisi kelurahannya (unit) dan atasannya."
        )


def _line(pos: Pos) -> int:
    return pos.block.line


def _level_of_declared(pos: Pos, declared: Pos) -> None:
    """A Kasi under a declared Camat is a kecamatan seksi's head, one under a declared
    Lurah his kelurahan's, whatever its block's text made of it (a title naming its
    level is kept)."""
    kasi = (Peran.KASI, Peran.KASI_KELURAHAN)
    if pos.peran not in kasi or pos.info.level is not None:
        return
    if declared.peran is Peran.CAMAT and pos.peran is Peran.KASI_KELURAHAN:
        pos.peran, pos.level = Peran.KASI, "kecamatan"
        pos.notes.append("Dibaca sebagai Kasi kecamatan: keputusan menyatakan atasannya Camat.")
        if not pos.block.unit:
            pos.unit = f"Seksi {pos.info.bagian}" if pos.info.bagian else declared.unit
    elif declared.peran is Peran.LURAH and pos.peran is Peran.KASI:
        pos.peran, pos.level = Peran.KASI_KELURAHAN, "kelurahan"
        pos.notes.append("Dibaca sebagai Kasi kelurahan: keputusan menyatakan atasannya Lurah.")
        if not pos.block.unit:
            pos.unit = declared.unit


def _refusal(pos: Pos, why: str, column: bool) -> tuple[str, str]:
    """What the import says of a declared atasan it did not use (``why``), after the
    position got the atasan its title implies (or none: the top of the tree), and what
    follows its "tidak dipakai:" (the reason a column's warning gives)."""
    outside = pos.atasan is None and why.startswith("tidak ada satu blok")
    if outside:
        return (
            f"atasan langsung «{pos.block.atasan}» berada di luar keputusan ini: jabatan ini "
            "puncak pohonnya"
        ), ""
    detail = f"{why}; atasan disimpulkan"
    if column and pos.atasan is not None:
        detail = f"{detail} dari nama jabatan: «{pos.atasan.block.nama}»; periksa kolom atasannya"
    return f"atasan langsung «{pos.block.atasan}» tidak dipakai: {detail}", detail


def _infer_atasan(
    pos: Pos, positions: list[Pos], camat: Pos | None, sekretaris: Pos | None, lurah: list[Pos]
) -> None:
    """The atasan a position's title and the kecamatan structure imply."""
    if pos.peran in (Peran.SEKRETARIS, Peran.KASI, Peran.LURAH):
        set_atasan(pos, camat, "Camat (struktur kecamatan yang baku)")
    elif pos.peran is Peran.KASUBBAG:
        set_atasan(pos, sekretaris or camat, "Sekretaris (Sub Bagian berada di Sekretariat)")
    elif pos.peran in (Peran.SEKRETARIS_KELURAHAN, Peran.KASI_KELURAHAN):
        _kelurahan_head(pos, lurah)
    else:
        place_staff(pos, positions, sekretaris, camat, lurah)
    pos.inferensi.append("atasan")


def _declared_atasan(pos: Pos, positions: list[Pos]) -> tuple[Pos | None, str | None]:
    """The atasan the decree names for ``pos`` (``None`` if it names none), or why the
    name cannot be used."""
    name = pos.block.atasan
    if not name:
        return None, None
    if words(name) == words(pos.block.nama):
        return None, "keputusan menyebut jabatan ini sebagai atasannya sendiri"
    declared = _named(name, pos, positions)
    if declared is None:
        return None, "tidak ada satu blok jabatan pun dengan nama itu dalam keputusan ini"
    if _above(pos, declared):
        return None, "jabatan itu berada di bawah jabatan ini (rantai atasan melingkar)"
    return declared, None


def _above(pos: Pos, other: Pos) -> bool:
    """Whether ``pos`` is already in ``other``'s atasan chain (or is ``other``)."""
    seen: set[int] = set()
    current: Pos | None = other
    while current is not None and id(current) not in seen:
        if current is pos:
            return True
        seen.add(id(current))
        current = current.atasan
    return False


def _named(name: str, pos: Pos, positions: list[Pos]) -> Pos | None:
    """The position a block names as its atasan: the one of that title, else the only one
    whose title's words hold the name's or are held by it ("Camat" for "CAMAT SUKAMAJU")."""
    wanted = set(words(name).split())
    others = [p for p in positions if p is not pos]
    exact = [p for p in others if set(words(p.block.nama).split()) == wanted]
    if exact:
        return exact[0]
    near = [
        p for p in others if wanted <= (have := set(words(p.block.nama).split())) or have <= wanted
    ]
    return near[0] if len(near) == 1 else None


def _kelurahan_head(pos: Pos, lurah: list[Pos]) -> None:
    """A Sekretaris / Kasi of a kelurahan: under its Lurah, never the Camat."""
    home = lurah_of(pos, lurah)
    if home is not None:
        pos.unit = home.unit
        set_atasan(pos, home, "Lurah kelurahan itu")
        return
    if pos.unit:  # the layout placed it in a kelurahan that has no Lurah block
        pos.notes.append(
            f"Tanpa atasan: atasannya Lurah {pos.unit}, yang tidak punya blok dalam "
            "keputusan; perencana perlu mengisinya."
        )
        return
    pos.unit = UNKNOWN_KELURAHAN
    pos.inferensi.append("unit")
    pos.notes.append(
        "Tanpa atasan: keputusan tidak menyebut kelurahan jabatan ini (bloknya templat yang "
        "diulang per kelurahan), dan atasannya Lurah kelurahan itu, bukan Camat. Perencana "
        "perlu mengisi kelurahannya (unit) dan Lurahnya (atasan)."
    )
