"""Where a staff position belongs: its unit and atasan, by the strongest evidence first.

Used by :mod:`.build` for every position that heads nothing (pelaksana, fungsional,
bendahara); see its docstring for the order of the evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from .._text import words
from ..models import Peran
from .header import title_case
from .position import Pos, lurah_of, set_atasan
from .roles import keywords

__all__ = ["place_staff"]


def place_staff(
    pos: Pos,
    positions: list[Pos],
    sekretaris: Pos | None,
    camat: Pos | None,
    lurah: list[Pos],
) -> None:
    """Unit and atasan of a staff position, by the strongest evidence first (see
    :mod:`.build`): the title's unit, the position the tugas says it assists, the unit the
    tugas or a fungsi names, the head sharing most words, the Lurah, else the Sekretaris."""
    heads = [
        p
        for p in positions
        if p.peran in (Peran.KASUBBAG, Peran.KASI, Peran.KASI_KELURAHAN, Peran.SEKRETARIS_KELURAHAN)
        and p.level == pos.level
    ]
    if pos.unit and any(h.unit == pos.unit for h in heads):  # the layout named its unit
        heads = [h for h in heads if h.unit == pos.unit]
    place = _Place(pos, positions, heads, lurah)
    rules = (
        _by_title,
        _by_helped,
        _by_tugas,
        _by_named_unit,
        _by_sekretariat,
        _by_words,
        _by_lurah,
        _by_absent,
    )
    if any(rule(place) for rule in rules):
        return
    fallback = sekretaris or camat
    pos.unit = fallback.unit if fallback else "Sekretariat Kecamatan"
    set_atasan(
        pos, fallback, "Sekretaris (staf yang nama jabatan dan tugasnya tidak menyebut unit)"
    )


@dataclass
class _Place:
    pos: Pos
    positions: list[Pos]
    heads: list[Pos]
    lurah: list[Pos]
    absent: str | None = None  # "fungsi menyebut Seksi X" when the decree has no head for it

    @property
    def lacking(self) -> list[str]:
        if not self.absent:
            return []
        said = self.absent[:1].upper() + self.absent[1:]
        return [f"{said}, yang tidak punya blok dalam keputusan ini."]


def _by_title(place: _Place) -> bool:
    """The unit the title names: "... pada Sekretariat Kelurahan", "... pada Sub Bagian X"."""
    pos, pada = place.pos, place.pos.info.pada or ""
    upper = pada.upper()
    if "SEKRETARIAT KELURAHAN" in upper and not re.search(r"SUB\s?BAGIAN|SEKSI", upper):
        target = next((p for p in place.heads if p.peran is Peran.SEKRETARIS_KELURAHAN), None)
        if target:
            pos.unit = target.unit
            set_atasan(pos, target, f'Sekretaris Kelurahan (nama jabatan menyebut "pada {pada}")')
            return True
    best = _best_head(keywords(pada), set(), place.heads) if pada else None
    if best:
        pos.unit = best.unit
        set_atasan(pos, best, f'kepala unit yang disebut nama jabatan ("pada {pada}")')
        return True
    return False


def _by_helped(place: _Place) -> bool:
    """The position the tugas (or a fungsi) says this one assists."""
    pos, helped = place.pos, _helped(place.pos, place.positions)
    if helped is None:
        return False
    title, where = helped
    pos.unit, pos.level = title.unit, title.level
    pos.inferensi.append("unit")
    name = title_case(title.block.nama)
    set_atasan(pos, title, f'{name} (baris {title.block.line}): {where} menyebut "Membantu {name}"')
    return True


def _by_tugas(place: _Place) -> bool:
    named = _named_in_tugas(place.pos.block.tugas, place.heads)
    if named:
        place.pos.unit = named.unit
        set_atasan(place.pos, named, f"kepala {named.unit}, yang disebut dalam tugas")
    return named is not None


def _by_named_unit(place: _Place) -> bool:
    pos = place.pos
    head, place.absent = _named_unit(pos, place.positions)
    if head is None:
        return False
    pos.unit, pos.level = head.unit, head.level
    pos.inferensi.append("unit")
    set_atasan(pos, head, f"kepala {head.unit}: {place.absent}")
    return True


_SEKRETARIAT_STAFF = re.compile(r"^(?:STAF\s+)?PENGADMINISTRASI\s+UMUM\b", re.IGNORECASE)


def _by_sekretariat(place: _Place) -> bool:
    """A kecamatan's "Pengadministrasi Umum" (the administrasi umum is the Sekretariat's):
    under the Kasubbag whose sub bagian is Umum, else the Sekretaris, never a Kasi whose
    seksi shares the word "Umum" (Pelayanan Umum, Ketertiban Umum)."""
    pos = place.pos
    if pos.level != "kecamatan" or not _SEKRETARIAT_STAFF.match(pos.block.nama.strip()):
        return False
    best = _best_head(keywords(pos.block.nama), keywords(pos.block.tugas), place.heads)
    if best is not None and best.peran is Peran.KASUBBAG:
        return False  # the words already lead to the Sekretariat: _by_words says so
    umum = [h for h in place.heads if h.peran is Peran.KASUBBAG and "umum" in words(h.unit).split()]
    sekretaris = next((p for p in place.positions if p.peran is Peran.SEKRETARIS), None)
    head = umum[0] if len(umum) == 1 else sekretaris
    if head is None:
        return False
    pos.unit = head.unit
    set_atasan(
        pos,
        head,
        f"{title_case(head.block.nama)} (administrasi umum kecamatan berada di Sekretariat)",
    )
    return True


def _by_words(place: _Place) -> bool:
    pos = place.pos
    best = _best_head(keywords(pos.block.nama), keywords(pos.block.tugas), place.heads)
    if not best:
        return False
    pos.unit = best.unit
    set_atasan(
        pos,
        best,
        f"{title_case(best.block.nama)}, yang unitnya paling banyak berbagi kata dengan "
        "nama jabatan dan tugas ini" + ("" if place.absent else " (tidak ada unit yang disebut)"),
    )
    pos.notes.extend(place.lacking)
    return True


def _by_lurah(place: _Place) -> bool:
    """The Lurah (or his Sekretaris Kelurahan) of the kelurahan the title names ("... pada
    Kelurahan Bojongsari"), else of the only kelurahan of the decree."""
    pos = place.pos
    if pos.level != "kelurahan":
        return False
    named = _lurah_named(pos, place.lurah)
    home = named or lurah_of(pos, place.lurah)
    if home is None:
        return False
    sekkel = [
        h for h in place.heads if h.peran is Peran.SEKRETARIS_KELURAHAN and h.unit == home.unit
    ]
    pos.unit = home.unit
    why = (
        f'nama jabatan menyebut "pada {pos.info.pada}"'
        if named
        else "staf kelurahan yang nama jabatan dan tugasnya tidak menyebut unit"
    )
    set_atasan(
        pos,
        sekkel[0] if sekkel else home,
        f"{'Sekretaris Kelurahan' if sekkel else 'Lurah'} ({why})",
    )
    pos.notes.extend(place.lacking)
    return True


def _lurah_named(pos: Pos, lurah: list[Pos]) -> Pos | None:
    """The Lurah whose kelurahan the title's "pada ..." names, word for word."""
    said = f" {words(pos.info.pada or '')} "
    return next((p for p in lurah if p.unit and f" {words(p.unit)} " in said), None)


def _by_absent(place: _Place) -> bool:
    """The decree has no head for the unit the text names: placed in the unit anyway."""
    if not place.absent:
        return False
    pos = place.pos
    pos.unit = place.absent.split(" menyebut ", 1)[1]
    pos.inferensi.append("unit")
    pos.notes.append(
        f"Unit disimpulkan: {place.absent}, yang tidak punya kepala dalam keputusan ini: "
        "ditempatkan di unit itu tanpa atasan; perencana perlu mengisi atasannya (kepala unit "
        "itu)."
    )
    return True


_HEADS = (
    Peran.CAMAT,
    Peran.SEKRETARIS,
    Peran.KASUBBAG,
    Peran.KASI,
    Peran.LURAH,
    Peran.SEKRETARIS_KELURAHAN,
    Peran.KASI_KELURAHAN,
)


def _aliases(head: Pos) -> set[str]:
    """How a text may name this position after "Membantu": its title, with its unit..."""
    title = words(re.sub(r"^(?:plt|pit)\.\s*", "", head.block.nama, flags=re.IGNORECASE))
    names = {title}
    unit = words(head.unit)
    if unit and unit not in title:
        names.add(f"{title} {unit}")
    if head.peran is Peran.LURAH:
        names |= {"lurah", f"lurah {unit.removeprefix('kelurahan ')}".strip()}
    elif head.peran is Peran.SEKRETARIS_KELURAHAN:
        names |= {"sekretaris kelurahan", f"sekretaris {unit}".strip()}
    elif head.peran is Peran.CAMAT:
        names.add("camat")
    elif head.peran is Peran.SEKRETARIS:
        names |= {"sekretaris kecamatan", "sekretaris camat"}
    elif head.info.bagian and head.peran in (Peran.KASI, Peran.KASI_KELURAHAN):
        bagian = words(head.info.bagian)
        names |= {f"kasi {bagian}", f"kepala seksi {bagian}"}
    elif head.info.bagian and head.peran is Peran.KASUBBAG:
        bagian = words(head.info.bagian)
        names |= {f"kasubbag {bagian}", f"kepala sub bagian {bagian}"}
    return {name for name in names if name}


def _helped(pos: Pos, positions: list[Pos]) -> tuple[Pos, str] | None:
    """The position the tugas (or a fungsi) says this one assists: "Membantu <title> ..."."""
    heads = [p for p in positions if p.peran in _HEADS and p is not pos]
    if not heads:
        return None
    order = {id(p): n for n, p in enumerate(positions)}
    here = order[id(pos)]
    for where, text in (("tugas", pos.block.tugas), ("fungsi", " ".join(pos.block.fungsi))):
        norm = words(text)
        for match in re.finditer(r"\bmembantu ", norm):
            rest = norm[match.end() :] + " "
            found = [
                (len(alias), h)
                for h in heads
                for alias in _aliases(h)
                if rest.startswith(alias + " ")
            ]
            if not found:
                continue
            longest = max(n for n, _ in found)
            chosen = {id(h): h for n, h in found if n == longest}.values()
            before = [h for h in chosen if order[id(h)] < here]
            nearest = (
                max(before, key=lambda h: order[id(h)])
                if before
                else min(chosen, key=lambda h: order[id(h)])
            )
            return nearest, where
    return None


_UNIT_WORD = r"(?:Seksi|Sub\s?[Bb]agian|Subbagian|Subbag|Kelurahan)"
_NAMED = re.compile(
    rf"\b({_UNIT_WORD})\s+((?:[A-Z][\w/&-]*)(?:\s+(?:dan|&|,)?\s*[A-Z][\w/&-]*){{0,5}})"
)
_NOT_NAME = re.compile(r"^(?:Kecamatan|Kelurahan|Kota|Kabupaten|Dan|Di|Yang|Serta)$")
_GLUED_END = re.compile(r"^([A-Z][a-z]{2,}?)(sebagai|berdasarkan|untuk|dalam|yang)$")


def _units_named(text: str) -> list[str]:
    """The units a text names, in order: "Seksi Pemerintahan Umum", "Kelurahan Suka Damai".

    Words glued by a PDF converter ("Seksi Pemerintahan Umumsebagai bahan") are cut."""
    found = []
    for match in _NAMED.finditer(text):
        kind = match.group(1)
        words: list[str] = []
        for word in re.split(r"\s+", match.group(2)):
            if _NOT_NAME.match(word):
                break
            glued = _GLUED_END.match(word)
            if glued:
                words.append(glued.group(1))
                break
            words.append(word)
        while words and words[-1] in ("dan", "&", ","):
            words.pop()
        if not words:
            continue
        kind = "Sub Bagian" if kind.lower().startswith("sub") else kind.capitalize()
        found.append(f"{kind} {' '.join(words)}")
    return found


def _near(word: str, words: set[str]) -> bool:
    """Whether ``words`` holds ``word`` or a spelling of it (ketentraman / ketenteraman)."""
    return word in words or any(
        SequenceMatcher(None, word, other).ratio() >= 0.85 for other in words
    )


def _holder(unit: str, pos: Pos, positions: list[Pos]) -> Pos | None:
    """The head of a unit named in a text, when the decree has its block.

    A seksi or sub bagian matches a head when all the words of one name are in the other
    (spelling variants allowed): "Seksi Ketentraman dan Ketertiban Umum" is led by the
    "Kasi Pemerintahan dan Ketentraman dan Ketertiban Umum"; a kelurahan by its Sekretaris
    Kelurahan, else its Lurah.
    """
    sub = unit.startswith("Sub Bagian")
    kind, name = ("Sub", unit[len("Sub Bagian ") :]) if sub else unit.split(" ", 1)
    want = keywords(name)
    candidates: list[Pos] = []
    for head in positions:
        if kind == "Kelurahan":
            fits = head.peran in (Peran.SEKRETARIS_KELURAHAN, Peran.LURAH) and words(
                head.unit
            ) == words(unit)
        else:
            perans = (Peran.KASUBBAG,) if sub else (Peran.KASI, Peran.KASI_KELURAHAN)
            have = keywords(head.info.bagian or "")
            fits = (
                head.peran in perans
                and bool(have)
                and bool(want)
                and (all(_near(w, have) for w in want) or all(_near(w, want) for w in have))
            )
        if fits:
            candidates.append(head)
    if not candidates:
        return None
    rank = {Peran.SEKRETARIS_KELURAHAN: 0, Peran.LURAH: 1}
    return min(
        candidates,
        key=lambda h: (h.level != pos.level, rank.get(h.peran, 0), positions.index(h)),
    )


def _named_unit(pos: Pos, positions: list[Pos]) -> tuple[Pos | None, str | None]:
    """The head of a unit the tugas (else a fungsi) names, and what names it.

    ``(head, "fungsi menyebut Seksi X")`` when the decree has the head's block;
    ``(None, "fungsi menyebut Seksi X")`` when it names a unit the decree has no head for;
    ``(None, None)`` when it names no unit.
    """
    absent: str | None = None
    for where, text in (("tugas", pos.block.tugas), ("fungsi", " ".join(pos.block.fungsi))):
        for unit in _units_named(text):
            head = _holder(unit, pos, positions)
            if head is not None:
                return head, f"{where} menyebut {unit}"
            absent = absent or f"{where} menyebut {unit}"
    return None, absent


def _named_in_tugas(tugas: str, heads: list[Pos]) -> Pos | None:
    """The head whose seksi / sub bagian the tugas names ("... Seksi Pembangunan"), if any."""
    text = " ".join(tugas.lower().split())
    found = [
        h
        for h in heads
        if h.info.bagian
        and re.search(
            rf"\b(seksi|sub\s?bagian|subbag)\s+{re.escape(h.info.bagian.lower())}\b", text
        )
    ]
    return max(found, key=lambda h: len(h.info.bagian or ""), default=None)


def _best_head(title_words: set[str], tugas_words: set[str], heads: list[Pos]) -> Pos | None:
    if not title_words and not tugas_words:
        return None
    counts = Counter(w for h in heads for w in keywords(_head_name(h)))
    best: tuple[float, int] | None = None
    chosen: Pos | None = None
    for order, head in enumerate(heads):
        words = keywords(_head_name(head))
        score = sum((2.0 * (w in title_words) + (w in tugas_words)) / counts[w] for w in words)
        if score > 0 and (best is None or (score, -order) > best):
            best, chosen = (score, -order), head
    return chosen


def _head_name(head: Pos) -> str:
    return head.info.bagian or head.unit or head.block.nama
