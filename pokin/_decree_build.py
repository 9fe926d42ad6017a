"""Build a :class:`~pokin.models.PohonKinerja` from the parts of a parsed decree.

What the decree does not say is inferred and marked in ``Jabatan.inferensi``:

- **peran** from the title (``KASUBBAG ...`` -> kasubbag); a bare ``SEKRETARIS`` or
  ``KEPALA SEKSI`` is placed at kecamatan or kelurahan level by the block's text
  ("Sekretariat Kelurahan", "di Kelurahan" against "Membantu Camat"...);
- **atasan**: Sekretaris, Kasi and Lurah -> the Camat; Kasubbag -> the Sekretaris;
  Sekretaris / Kasi of a kelurahan -> their Lurah; staff -> the head of the unit their title
  names ("... pada Sub Bagian X"), else the head whose unit shares most words with their
  title and tugas, else the Sekretaris (kelurahan staff: their Lurah). **Without a Camat
  block** (Wonoasih) the positions that would report to the Camat have no atasan: they are
  the tops of the tree, so their indicators are the roots the cascade is checked against
  (a synthesised, empty Camat would make every kinerja an orphan). A kelurahan position
  whose kelurahan the decree does not name (repeated templates) is placed under the Camat
  in the unit "Kelurahan (tidak disebut)", a level skip a planner should correct;
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

from ._decree_header import title_case
from ._decree_parts import Block, ParsedDecree, Row
from ._decree_roles import TitleInfo, keywords, level_from_text, read_title
from .models import Dokumen, Indikator, Jabatan, Kinerja, Organisasi, Peran, PohonKinerja, Sasaran
from .models import slugify as _slug

__all__ = ["UNKNOWN_KELURAHAN", "build_tree"]

UNKNOWN_KELURAHAN = "Kelurahan (tidak disebut)"
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


def build_tree(parsed: ParsedDecree) -> PohonKinerja:
    """Turn a parsed decree into a validated tree (ids generated, no cascade links)."""
    nama = parsed.nama or "Kecamatan (tidak disebut)"
    positions = [_classify(block, nama) for block in parsed.blocks]
    _assign_atasan(positions)
    _assign_ids(positions)
    jabatan = [_jabatan(pos, parsed.source) for pos in positions]
    iku = [
        Sasaran(
            id=s.kode,
            uraian=s.uraian,
            indikator=[
                Indikator(
                    id=i.kode,
                    uraian=i.uraian,
                    formulasi=i.formulasi or None,
                    sumber_data=i.sumber_data or None,
                    satuan=i.satuan or None,
                    target=i.target or None,
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
    if parsed.skipped:
        lines = "; ".join(f"line {s.line}: {s.reason}: {s.text[:120]!r}" for s in parsed.skipped)
        parts.append(f"Lines the importer could not read ({len(parsed.skipped)}): {lines}.")
    return " ".join(parts)


def _classify(block: Block, kecamatan: str) -> _Pos:
    info = read_title(block.nama)
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
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        taken.add(candidate)
        pos.id = candidate


def _assign_atasan(positions: list[_Pos]) -> None:
    camat = next((p for p in positions if p.peran is Peran.CAMAT), None)
    sekretaris = next((p for p in positions if p.peran is Peran.SEKRETARIS), None)
    lurah = [p for p in positions if p.peran is Peran.LURAH]
    staff = (Peran.PELAKSANA, Peran.FUNGSIONAL, Peran.BENDAHARA)
    heads_first = sorted(positions, key=lambda p: p.peran in staff)  # heads get units first
    for pos in heads_first:
        if pos.peran is Peran.CAMAT:
            continue
        if pos.peran in (Peran.SEKRETARIS, Peran.KASI, Peran.LURAH):
            _set(pos, camat, "the Camat (standard kecamatan structure)")
        elif pos.peran is Peran.KASUBBAG:
            _set(pos, sekretaris or camat, "the Sekretaris (a Sub Bagian is in the Sekretariat)")
        elif pos.peran in (Peran.SEKRETARIS_KELURAHAN, Peran.KASI_KELURAHAN):
            _kelurahan_head(pos, lurah, camat)
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


def _kelurahan_head(pos: _Pos, lurah: list[_Pos], camat: _Pos | None) -> None:
    home = _lurah_of(pos, lurah)
    if home is not None:
        pos.unit = home.unit
        _set(pos, home, "the Lurah of the kelurahan")
        return
    if pos.unit:  # the layout placed it in a kelurahan that has no Lurah block
        _set(pos, camat, f"the Camat ({pos.unit} has no Lurah block)")
        return
    pos.unit = UNKNOWN_KELURAHAN
    pos.inferensi.append("unit")
    _set(pos, camat, "the Camat")
    pos.notes.append(
        "The decree does not say which kelurahan this position belongs to (the block is a "
        "template repeated per kelurahan): placed directly under the Camat until a planner "
        "assigns its kelurahan and Lurah."
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
    named = _named_in_tugas(pos.block.tugas, heads)
    if named:
        pos.unit = named.unit
        _set(pos, named, f"the head of {named.unit}, which the tugas names")
        return
    best = _best_head(keywords(pos.block.nama), keywords(pos.block.tugas), heads)
    if best:
        pos.unit = best.unit
        _set(
            pos,
            best,
            f"{title_case(best.block.nama)}, whose unit shares the most words with this "
            "title and tugas (no unit is named)",
        )
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
        return
    fallback = sekretaris or camat
    pos.unit = fallback.unit if fallback else "Sekretariat Kecamatan"
    _set(pos, fallback, "the Sekretaris (staff whose title and tugas name no unit)")


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
            result.append(Kinerja(uraian=row.kinerja))
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
    if row.catatan:
        note = f"line {row.line}: {row.catatan}"
        indikator.catatan = f"{indikator.catatan} {note}" if indikator.catatan else note
