"""Build a :class:`~pokin.models.PohonKinerja` from the parts of a parsed decree.

What the decree does not say is inferred and marked in ``Jabatan.inferensi``:

- **peran** from the title (``KASUBBAG ...`` -> kasubbag); a bare ``SEKRETARIS`` or
  ``KEPALA SEKSI`` is placed at kecamatan or kelurahan level by the block's text
  ("Sekretariat Kelurahan", "di Kelurahan" against "Membantu Camat"...);
- **atasan**: Sekretaris, Kasi and Lurah -> the Camat; Kasubbag -> the Sekretaris;
  Sekretaris / Kasi of a kelurahan -> their Lurah; staff, by the strongest evidence first:
  the unit their title names ("... pada Sub Bagian X"); the position their tugas (or a
  fungsi) says they assist ("Membantu Sekretaris Kelurahan Suka Damai ...", the nearest
  block of that title before them); the seksi / sub bagian / kelurahan their tugas or
  fungsi names ("kegiatan Seksi Pemerintahan Umum"), when the decree has its head; the
  head whose unit shares most words with their title and tugas; their Lurah (kelurahan
  staff); a unit their text names whose head the decree lacks - placed in it with no
  atasan; else the Sekretaris. **Without a Camat block** (Wonoasih) the positions that
  would report to the Camat have no atasan: they are the tops of the tree, so their
  indicators are the roots the cascade is checked against (a synthesised, empty Camat
  would make every kinerja an orphan). A kelurahan position whose kelurahan the decree
  does not name (repeated templates) gets the unit "Kelurahan (tidak disebut)" and **no
  atasan**: its atasan is a Lurah, never the Camat, and the catatan asks the planner to
  set it (``pokin check`` then warns PK404, several tops);
- **unit**: "Kecamatan X", "Sekretariat Kecamatan", "Sub Bagian X", "Seksi X", "Kelurahan Y".

Rows become kinerja and indikator: a row with a kinerja starts a kinerja, a row with only
an indicator adds one to the kinerja above, a row with neither adds its formula and data
source as another line of the indicator above (a merged cell). No cascade link is inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from .._text import slugify as _slug
from .._text import unique, words
from ..models import (
    ID_PATTERN,
    Dokumen,
    Indikator,
    Jabatan,
    Kinerja,
    Organisasi,
    Peran,
    Periode,
    PohonKinerja,
    Sasaran,
    Tautan,
)
from .header import title_case
from .parts import Block, ParsedDecree, Row
from .roles import TitleInfo, keywords, level_from_text, read_position

__all__ = ["UNKNOWN_KECAMATAN", "UNKNOWN_KELURAHAN", "build_tree"]

UNKNOWN_KELURAHAN = "Kelurahan (tidak disebut)"
UNKNOWN_KECAMATAN = "Kecamatan (tidak disebut)"
_NO_KINERJA = "(kinerja tidak tertulis)"
_NO_INDIKATOR = "(indikator tidak tertulis)"


@dataclass
class _Pos:
    block: Block
    info: TitleInfo
    peran: Peran
    level: str
    unit: str
    id: str = ""
    atasan: _Pos | None = None
    inferensi: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _code(kode: str | None) -> str | None:
    """An IKU code as an id, when it is a valid one (``I.K.S.1.1``); else pokin makes one."""
    return kode if kode and ID_PATTERN.fullmatch(kode) else None


def build_tree(parsed: ParsedDecree) -> PohonKinerja:
    """Turn a parsed decree into a validated tree (ids generated, no cascade links)."""
    nama = parsed.nama or UNKNOWN_KECAMATAN
    positions = [_classify(block, nama) for block in parsed.blocks]
    _assign_atasan(positions)
    _assign_ids(positions)
    jabatan = [_jabatan(pos, parsed.source) for pos in positions]
    iku = [
        Sasaran(
            id=_code(s.kode),
            uraian=s.uraian,
            indikator=[
                Indikator(
                    id=_code(i.kode),
                    uraian=i.uraian,
                    formulasi=i.formulasi or None,
                    sumber_data=i.sumber_data or None,
                    satuan=i.satuan or None,
                    target=i.target or None,
                    catatan=f"line {i.line}: {i.catatan}" if i.catatan else None,
                    per_periode=_per_periode(i.per_tahun),
                )
                for i in s.indikator
            ],
        )
        for s in parsed.iku
    ]
    organisasi = Organisasi(
        nama=nama,
        pemerintah=parsed.pemerintah,
        tahun=parsed.tahun,
        periode=parsed.periode,
        dokumen=Dokumen(
            judul=parsed.judul,
            nomor=parsed.nomor,
            tanggal=date.fromisoformat(parsed.tanggal) if parsed.tanggal else None,
            penandatangan=parsed.penandatangan,
            sumber=parsed.source,
        ),
        catatan=_catatan(parsed, positions),
    )
    return PohonKinerja(organisasi=organisasi, iku=iku, jabatan=jabatan)


def _per_periode(per_tahun: dict[str, str]) -> list[Periode]:
    return [Periode(periode=year, target=value) for year, value in per_tahun.items() if value]


def _catatan(parsed: ParsedDecree, positions: list[_Pos]) -> str:
    parts = [
        f"Imported by pokin from {parsed.source} ({parsed.layout} layout): "
        f"{len(positions)} jabatan. Peran, unit and atasan are inferred from the titles "
        "(see each jabatan's inferensi and catatan); the import links nothing: "
        "`pokin link` proposes the cascade links."
    ]
    if not any(p.peran is Peran.CAMAT for p in positions):
        tops = [p.block.nama for p in positions if p.atasan is None]
        shown = ", ".join(tops[:6]) + (f" and {len(tops) - 6} more" if len(tops) > 6 else "")
        parts.append(
            f"The decree has no Camat block: {len(tops)} position(s) have no atasan ({shown}), "
            "so their indicators are the roots the cascade is checked against."
        )
    unpaired = sorted(
        {row.line for b in parsed.blocks for row in b.rows if "could not be paired" in row.catatan}
    )
    if unpaired:
        shown = ", ".join(map(str, unpaired))
        parts.append(
            f"Table rows whose cells could not be paired item by item ({len(unpaired)}): line "
            f"{shown}; their texts are kept whole (see those indicators' catatan)."
        )
    if parsed.skipped:
        lines = "; ".join(f"line {s.line}: {s.reason}: {s.text[:120]!r}" for s in parsed.skipped)
        parts.append(f"Lines the importer could not read ({len(parsed.skipped)}): {lines}.")
    return " ".join(parts)


def _classify(block: Block, kecamatan: str) -> _Pos:
    info = read_position(block.nama, block.tugas)
    peran, level, guessed = info.peran, info.level, not info.explicit
    text = " ".join([block.tugas, *(r.kinerja for r in block.rows[:4])])
    if level is None and block.unit:
        level = "kelurahan" if block.unit.lower().startswith("kelurahan") else "kecamatan"
    if level is None:
        level = level_from_text(text) or "kecamatan"
    if level == "kelurahan" and peran is Peran.SEKRETARIS:
        peran = Peran.SEKRETARIS_KELURAHAN
    elif level == "kelurahan" and peran is Peran.KASI:
        peran = Peran.KASI_KELURAHAN
    if block.jenis and block.jenis.upper() in ("JFT", "FUNGSIONAL"):
        peran = Peran.FUNGSIONAL
    pos = _Pos(block, info, peran, level, "")
    if guessed:
        pos.inferensi.append("peran")
    kelurahan = f"Kelurahan {info.kelurahan}" if info.kelurahan else None
    if block.unit:
        pos.unit = block.unit
    elif peran is Peran.CAMAT:
        pos.unit = kecamatan
    elif peran is Peran.SEKRETARIS:
        pos.unit = "Sekretariat Kecamatan"
    elif peran is Peran.KASUBBAG:
        pos.unit = f"Sub Bagian {info.bagian}" if info.bagian else "Sekretariat Kecamatan"
    elif peran is Peran.KASI:
        pos.unit = f"Seksi {info.bagian}" if info.bagian else kecamatan
    elif peran is Peran.SEKRETARIS_KELURAHAN and kelurahan:
        pos.unit = kelurahan  # "SEKRETARIS KELURAHAN SUKA DAMAI"
    elif peran is Peran.LURAH:
        pos.unit = kelurahan or "Kelurahan"
        if not kelurahan:
            pos.notes.append(
                "The title names no kelurahan: the decree gives one generic kelurahan "
                'template (unit "Kelurahan").'
            )
    # kelurahan positions and staff: set with the atasan
    if peran in (Peran.SEKRETARIS, Peran.KASI, Peran.SEKRETARIS_KELURAHAN) and guessed:
        pos.notes.append(
            f"The title does not say kecamatan or kelurahan; read as {level} level from "
            "the block's text."
        )
    if block.catatan:
        pos.notes.append(block.catatan)
    return pos


def _assign_ids(positions: list[_Pos]) -> None:
    """Ids from the title without its "pada <unit>" tail; the unit added where titles repeat."""
    base = [
        _slug(re.split(r"\s+pada\s+", p.block.nama, maxsplit=1, flags=re.I)[0]) for p in positions
    ]
    repeats = Counter(base)
    taken: set[str] = set()
    for pos, slug in zip(positions, base, strict=True):
        unit = "Kelurahan" if pos.unit == UNKNOWN_KELURAHAN else pos.unit
        if repeats[slug] > 1 and unit and _slug(unit) not in slug:
            slug = f"{slug}-{_slug(unit)}"
        pos.id = unique(slug, taken)


def _assign_atasan(positions: list[_Pos]) -> None:
    camat = next((p for p in positions if p.peran is Peran.CAMAT), None)
    sekretaris = next((p for p in positions if p.peran is Peran.SEKRETARIS), None)
    lurah = [p for p in positions if p.peran is Peran.LURAH]
    heads_first = sorted(positions, key=lambda p: p.peran.is_staf)  # heads get units first
    by_name = {" ".join(p.block.nama.casefold().split()): p for p in positions}
    for pos in heads_first:
        declared = pos.block.atasan and by_name.get(" ".join(pos.block.atasan.casefold().split()))
        if declared:
            pos.atasan, pos.unit = declared, pos.unit or declared.unit
            pos.notes.append("Atasan as the decree's matrix declares it.")
            continue
        if pos.peran is Peran.CAMAT:
            continue
        if pos.peran in (Peran.SEKRETARIS, Peran.KASI, Peran.LURAH):
            _set(pos, camat, "the Camat (standard kecamatan structure)")
        elif pos.peran is Peran.KASUBBAG:
            _set(pos, sekretaris or camat, "the Sekretaris (a Sub Bagian is in the Sekretariat)")
        elif pos.peran in (Peran.SEKRETARIS_KELURAHAN, Peran.KASI_KELURAHAN):
            _kelurahan_head(pos, lurah)
        else:
            _staff(pos, positions, sekretaris, camat, lurah)
        pos.inferensi.append("atasan")


def _set(pos: _Pos, atasan: _Pos | None, why: str) -> None:
    if atasan is None:
        pos.notes.append(f"No atasan: the decree has no block for {why.split(' (')[0]}.")
        return
    pos.atasan = atasan
    pos.notes.append(f"Atasan inferred: {why}.")


def _lurah_of(pos: _Pos, lurah: list[_Pos]) -> _Pos | None:
    named = [p for p in lurah if p.unit == pos.unit] if pos.unit else []
    if named:
        return named[0]
    units = {p.unit for p in lurah}
    return lurah[0] if len(units) == 1 and lurah else None


def _kelurahan_head(pos: _Pos, lurah: list[_Pos]) -> None:
    """A Sekretaris / Kasi of a kelurahan: under its Lurah, never the Camat."""
    home = _lurah_of(pos, lurah)
    if home is not None:
        pos.unit = home.unit
        _set(pos, home, "the Lurah of the kelurahan")
        return
    if pos.unit:  # the layout placed it in a kelurahan that has no Lurah block
        pos.notes.append(
            f"No atasan: its atasan is the Lurah of {pos.unit}, which has no block in the "
            "decree; a planner must set it."
        )
        return
    pos.unit = UNKNOWN_KELURAHAN
    pos.inferensi.append("unit")
    pos.notes.append(
        "No atasan: the decree does not say which kelurahan this position belongs to (the "
        "block is a template repeated per kelurahan), and its atasan is the Lurah of that "
        "kelurahan, never the Camat. A planner must set its kelurahan (unit) and its Lurah "
        "(atasan)."
    )


def _staff(
    pos: _Pos,
    positions: list[_Pos],
    sekretaris: _Pos | None,
    camat: _Pos | None,
    lurah: list[_Pos],
) -> None:
    pada = pos.info.pada or ""
    heads = [
        p
        for p in positions
        if p.peran in (Peran.KASUBBAG, Peran.KASI, Peran.KASI_KELURAHAN, Peran.SEKRETARIS_KELURAHAN)
        and p.level == pos.level
    ]
    if pos.unit and any(h.unit == pos.unit for h in heads):  # the layout named its unit
        heads = [h for h in heads if h.unit == pos.unit]
    upper = pada.upper()
    if "SEKRETARIAT KELURAHAN" in upper and not re.search(r"SUB\s?BAGIAN|SEKSI", upper):
        target = next((p for p in heads if p.peran is Peran.SEKRETARIS_KELURAHAN), None)
        if target:
            pos.unit = target.unit
            _set(pos, target, f'the Sekretaris Kelurahan (the title says "pada {pada}")')
            return
    if pada:
        best = _best_head(keywords(pada), set(), heads)
        if best:
            pos.unit = best.unit
            _set(pos, best, f'the head of the unit the title names ("pada {pada}")')
            return
    helped = _helped(pos, positions)
    if helped is not None:
        title, where = helped
        pos.unit, pos.level = title.unit, title.level
        pos.inferensi.append("unit")
        _set(
            pos,
            title,
            f"{title_case(title.block.nama)} (line {title.block.line}): the {where} says "
            f'"Membantu {title_case(title.block.nama)}"',
        )
        return
    named = _named_in_tugas(pos.block.tugas, heads)
    if named:
        pos.unit = named.unit
        _set(pos, named, f"the head of {named.unit}, which the tugas names")
        return
    head, absent = _named_unit(pos, positions)
    if head is not None:
        pos.unit, pos.level = head.unit, head.level
        pos.inferensi.append("unit")
        _set(pos, head, f"the head of {head.unit}, which the {absent}")
        return
    lacking = f"The {absent}, which has no block in this decree." if absent else None
    best = _best_head(keywords(pos.block.nama), keywords(pos.block.tugas), heads)
    if best:
        pos.unit = best.unit
        _set(
            pos,
            best,
            f"{title_case(best.block.nama)}, whose unit shares the most words with this "
            "title and tugas" + ("" if absent else " (no unit is named)"),
        )
        pos.notes.extend([lacking] if lacking else [])
        return
    home = _lurah_of(pos, lurah) if pos.level == "kelurahan" else None
    if home is not None:
        sekkel = [h for h in heads if h.peran is Peran.SEKRETARIS_KELURAHAN and h.unit == home.unit]
        chosen = sekkel[0] if sekkel else home
        pos.unit = home.unit
        _set(
            pos,
            chosen,
            f"the {'Sekretaris Kelurahan' if sekkel else 'Lurah'} (kelurahan staff whose title "
            "and tugas name no unit)",
        )
        pos.notes.extend([lacking] if lacking else [])
        return
    if absent:  # the decree has no head for the unit the text names: the unit anyway
        pos.unit = absent.split(" names ", 1)[1]
        pos.inferensi.append("unit")
        pos.notes.append(
            f"Unit inferred: the {absent}, which has no head in this decree: placed in that "
            "unit with no atasan; a planner must set its atasan (the head of the unit)."
        )
        return
    fallback = sekretaris or camat
    pos.unit = fallback.unit if fallback else "Sekretariat Kecamatan"
    _set(pos, fallback, "the Sekretaris (staff whose title and tugas name no unit)")


_HEADS = (
    Peran.CAMAT,
    Peran.SEKRETARIS,
    Peran.KASUBBAG,
    Peran.KASI,
    Peran.LURAH,
    Peran.SEKRETARIS_KELURAHAN,
    Peran.KASI_KELURAHAN,
)


def _aliases(head: _Pos) -> set[str]:
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


def _helped(pos: _Pos, positions: list[_Pos]) -> tuple[_Pos, str] | None:
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


def _holder(unit: str, pos: _Pos, positions: list[_Pos]) -> _Pos | None:
    """The head of a unit named in a text, when the decree has its block.

    A seksi or sub bagian matches a head when all the words of one name are in the other
    (spelling variants allowed): "Seksi Ketentraman dan Ketertiban Umum" is led by the
    "Kasi Pemerintahan dan Ketentraman dan Ketertiban Umum"; a kelurahan by its Sekretaris
    Kelurahan, else its Lurah.
    """
    sub = unit.startswith("Sub Bagian")
    kind, name = ("Sub", unit[len("Sub Bagian ") :]) if sub else unit.split(" ", 1)
    want = keywords(name)
    candidates: list[_Pos] = []
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


def _named_unit(pos: _Pos, positions: list[_Pos]) -> tuple[_Pos | None, str | None]:
    """The head of a unit the tugas (else a fungsi) names, and what names it.

    ``(head, "fungsi names Seksi X")`` when the decree has the head's block;
    ``(None, "fungsi names Seksi X")`` when it names a unit the decree has no head for;
    ``(None, None)`` when it names no unit.
    """
    absent: str | None = None
    for where, text in (("tugas", pos.block.tugas), ("fungsi", " ".join(pos.block.fungsi))):
        for unit in _units_named(text):
            head = _holder(unit, pos, positions)
            if head is not None:
                return head, f"{where} names ({unit})"
            absent = absent or f"{where} names {unit}"
    return None, absent


def _named_in_tugas(tugas: str, heads: list[_Pos]) -> _Pos | None:
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


def _best_head(title_words: set[str], tugas_words: set[str], heads: list[_Pos]) -> _Pos | None:
    if not title_words and not tugas_words:
        return None
    counts = Counter(w for h in heads for w in keywords(_head_name(h)))
    best: tuple[float, int] | None = None
    chosen: _Pos | None = None
    for order, head in enumerate(heads):
        words = keywords(_head_name(head))
        score = sum((2.0 * (w in title_words) + (w in tugas_words)) / counts[w] for w in words)
        if score > 0 and (best is None or (score, -order) > best):
            best, chosen = (score, -order), head
    return chosen


def _head_name(head: _Pos) -> str:
    return head.info.bagian or head.unit or head.block.nama


def _jabatan(pos: _Pos, source: str) -> Jabatan:
    block = pos.block
    notes = [f"Block at line {block.line} of {source}.", *pos.notes]
    if pos.info.acting:
        notes.append("Plt.: an acting (pelaksana tugas) holder.")
    return Jabatan(
        id=pos.id,
        nama=title_case(block.nama),
        peran=pos.peran,
        unit=pos.unit or None,
        atasan=pos.atasan.id if pos.atasan else None,
        tugas=block.tugas or None,
        fungsi=block.fungsi,
        kinerja=_kinerja(block.rows),
        catatan=" ".join(notes),
        inferensi=pos.inferensi,
    )


def _kinerja(rows: list[Row]) -> list[Kinerja]:
    result: list[Kinerja] = []
    current: Indikator | None = None
    for row in rows:
        if row.kinerja:
            links = [Tautan(teks=text) for text in row.mendukung]
            result.append(Kinerja(uraian=row.kinerja, mendukung=links))
            current = None
        elif not result:
            result.append(Kinerja(uraian=_NO_KINERJA, catatan=f"line {row.line}: empty cell"))
        kinerja = result[-1]
        if row.indikator or current is None:
            current = Indikator(uraian=row.indikator or _NO_INDIKATOR)
            kinerja.indikator.append(current)
        _fill(current, row)
    return result


def _fill(indikator: Indikator, row: Row) -> None:
    for name in ("formulasi", "sumber_data", "satuan", "target"):
        value = getattr(row, name)
        if not value:
            continue
        before = getattr(indikator, name)
        if before and value in before.split("\n"):
            continue
        setattr(indikator, name, f"{before}\n{value}" if before else value)
    if row.per_tahun and not indikator.per_periode:
        indikator.per_periode = _per_periode(row.per_tahun)
    if row.catatan:
        note = f"line {row.line}: {row.catatan}"
        indikator.catatan = f"{indikator.catatan} {note}" if indikator.catatan else note
