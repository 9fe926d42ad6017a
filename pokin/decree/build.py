"""Build a :class:`~pokin.models.PohonKinerja` from the parts of a parsed decree.

What the decree does not say is inferred and marked in ``Jabatan.inferensi``:

- **peran** from the title (``KASUBBAG ...`` -> kasubbag); a bare ``SEKRETARIS`` or
  ``KEPALA SEKSI`` is placed at kecamatan or kelurahan level by the block's text
  ("Sekretariat Kelurahan", "di Kelurahan" against "Membantu Camat"...);
- **atasan** (:mod:`.atasan`): Sekretaris, Kasi and Lurah -> the Camat; Kasubbag -> the Sekretaris;
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
from datetime import date

from pydantic import ValidationError

from .._text import slugify as _slug
from .._text import unique, words
from ..errors import ImportDocumentError, TreeError
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
from ..models.explain import explain
from .atasan import assign_atasan
from .header import title_case
from .ikutable import pick_year
from .intervensi import Declared, link_declared
from .parts import BLOCK_AT, Block, ParsedDecree, Row
from .polaritas import read_polaritas
from .position import UNKNOWN_KELURAHAN, Pos
from .roles import level_from_text, level_of_head, read_position, without_acting
from .summary import import_note

__all__ = ["UNKNOWN_KECAMATAN", "UNKNOWN_KELURAHAN", "build_tree", "empty_kinerja"]

UNKNOWN_KECAMATAN = "Kecamatan (tidak disebut)"
NO_NAME = "nama kecamatan tidak ditemukan: isi organisasi.nama"
_NO_KINERJA = "(kinerja tidak tertulis)"
_NO_INDIKATOR = "(indikator tidak tertulis)"
_EMPTY_AT = "baris "
_EMPTY_KINERJA = (
    "sel kinerja kosong di baris pertama jabatan «{}»: diimpor sebagai «" + _NO_KINERJA + "»; "
    "periksa keputusannya (pada PDF, isi sel ini mungkin terbaca ke baris lain atau terlewat)"
)


def empty_kinerja(tree: PohonKinerja) -> list[tuple[int, str]]:
    """(line, warning) for each kinerja :func:`build_tree` had to name
    «(kinerja tidak tertulis)»: a position whose first row has no kinerja cell. A decree
    always writes one, so the cell was lost on the way (a PDF's row laid out wide, a cell
    read into the row above): imported, but the planner must look."""
    found = []
    for jabatan in tree.jabatan:
        for kinerja in jabatan.kinerja:
            said = kinerja.catatan or ""
            if kinerja.uraian == _NO_KINERJA and said.startswith(_EMPTY_AT):
                line = int(said[len(_EMPTY_AT) :].split(":", 1)[0])
                found.append((line, _EMPTY_KINERJA.format(jabatan.nama)))
    return found


def _acting(block: Block) -> None:
    """The position is the same whoever acts in it: "Plt." / "Plh." leaves its nama (and
    so its id, and the atasan naming it) for its catatan ("dijabat Plt.")."""
    nama, acting = without_acting(block.nama)
    if acting:
        note = f"Dijabat {acting} (keputusan menulis «{block.nama}»)."
        block.nama, block.catatan = nama, f"{block.catatan} {note}".strip()
    if block.atasan:
        block.atasan = without_acting(block.atasan)[0]


def _code(kode: str | None, taken: set[str]) -> str | None:
    """An IKU code as an id, when it is a valid one (``I.K.S.1.1``) not used before in the
    decree; else pokin makes one (a code printed twice must not stop the import)."""
    if not kode or kode in taken or not ID_PATTERN.fullmatch(kode):
        return None
    taken.add(kode)
    return kode


def build_tree(parsed: ParsedDecree) -> PohonKinerja:
    """Turn a parsed decree into a validated tree (ids generated); its cascade links are
    only those the decree declares (a cascading matrix, an SKP's intervened RHK).

    Raises:
        ImportDocumentError: what the decree declares cannot make a sound tree (the
            builder avoids every such case it knows; this names any it does not).
    """
    try:
        return _build(parsed)
    except (ValidationError, TreeError) as exc:
        message = explain(exc.errors()[0])[0] if isinstance(exc, ValidationError) else str(exc)
        raise ImportDocumentError(
            f"pohon kinerja tidak dapat disusun dari keputusan ini: {message}",
            path=parsed.source,
            hint="perbaiki baris keputusan yang disebut, atau impor dengan --corrections",
        ) from None


def _build(parsed: ParsedDecree) -> PohonKinerja:
    nama = parsed.nama or UNKNOWN_KECAMATAN
    for block in parsed.blocks:
        _acting(block)
    if parsed.nama is None and parsed.blocks:
        parsed.notes.append((1, NO_NAME))
    for row in (row for block in parsed.blocks for row in block.rows if row.per_tahun):
        row.target = pick_year(row.per_tahun, parsed.tahun) or row.target  # the year is known now
    titles = Counter(words(block.nama) for block in parsed.blocks)
    repeated = {title for title, count in titles.items() if count > 1}
    positions = [_classify(block, nama, repeated) for block in parsed.blocks]
    notes, warnings = assign_atasan(positions)
    parsed.notes.extend(notes)
    if warnings:  # an atasan column's cell naming no position: the planner should look
        parsed.skipped = sorted([*parsed.skipped, *warnings], key=lambda s: s.line)
    _assign_ids(positions)
    groups = [_groups(pos.block.rows) for pos in positions]  # per position, per kinerja
    jabatan = [
        _jabatan(pos, rows, parsed.source) for pos, rows in zip(positions, groups, strict=True)
    ]
    codes: set[str] = set()
    iku = [
        Sasaran(
            id=_code(s.kode, codes),
            uraian=s.uraian,
            indikator=[
                Indikator(
                    id=_code(i.kode, codes),
                    uraian=i.uraian,
                    formulasi=i.formulasi or None,
                    sumber_data=i.sumber_data or None,
                    satuan=i.satuan or None,
                    target=(pick_year(i.per_tahun, parsed.tahun) if i.per_tahun else i.target)
                    or None,
                    catatan=f"baris {i.line}: {i.catatan}" if i.catatan else None,
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
        catatan=import_note(parsed, positions),
    )
    tree = PohonKinerja(organisasi=organisasi, iku=iku, jabatan=jabatan)
    declared = _declared(groups)
    if declared:
        parsed.notes.extend(link_declared(tree, declared))
        tree.normalise()
    return tree


def _per_periode(per_tahun: dict[str, str]) -> list[Periode]:
    return [Periode(periode=year, target=value) for year, value in per_tahun.items() if value]


def _section_unit(block: Block) -> bool:
    """Whether the block's section heading gives its unit: a kelurahan (or desa) heading
    holds that kelurahan's positions; a heading naming the kecamatan (the letterhead
    "## KECAMATAN X" of a converted decree) holds every position, and their titles say
    their units (a Lurah's is his kelurahan, a Kasi's his seksi)."""
    return not (block.unit or "").lower().startswith("kecamatan")


def _classify(block: Block, kecamatan: str, repeated: set[str]) -> Pos:
    info = read_position(block.nama, block.tugas)
    peran, level, guessed = info.peran, info.level, not info.explicit
    text = " ".join([block.tugas, *(r.kinerja for r in block.rows[:4])])
    if level is None and block.unit:
        level = "kelurahan" if block.unit.lower().startswith("kelurahan") else "kecamatan"
    if level is None and peran is Peran.KASI:  # the title and a declared atasan decide
        level = level_of_head(text, words(block.nama) in repeated) or "kecamatan"
    if level is None:
        level = level_from_text(text) or "kecamatan"
    if level == "kelurahan" and peran is Peran.SEKRETARIS:
        peran = Peran.SEKRETARIS_KELURAHAN
    elif level == "kelurahan" and peran is Peran.KASI:
        peran = Peran.KASI_KELURAHAN
    if block.jenis and block.jenis.upper() in ("JFT", "FUNGSIONAL"):
        peran = Peran.FUNGSIONAL
    pos = Pos(block, info, peran, level, "")
    if guessed:
        pos.inferensi.append("peran")
    kelurahan = f"Kelurahan {info.kelurahan}" if info.kelurahan else None
    if block.unit and _section_unit(block):
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
                "Nama jabatan tidak menyebut kelurahan: keputusan memberi satu templat "
                'kelurahan umum (unit "Kelurahan").'
            )
    # kelurahan positions and staff: set with the atasan
    if peran in (Peran.SEKRETARIS, Peran.KASI, Peran.SEKRETARIS_KELURAHAN) and guessed:
        pos.notes.append(
            "Nama jabatan tidak menyebut kecamatan atau kelurahan; dibaca sebagai tingkat "
            f"{level} dari teks bloknya."
        )
    if block.catatan:
        pos.notes.append(block.catatan)
    return pos


def _assign_ids(positions: list[Pos]) -> None:
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


def _jabatan(pos: Pos, groups: list[list[Row]], source: str) -> Jabatan:
    block = pos.block
    notes = [f"{BLOCK_AT} {block.line} di {source}.", *pos.notes]
    return Jabatan(
        id=pos.id,
        nama=title_case(block.nama),
        peran=pos.peran,
        unit=pos.unit or None,
        atasan=pos.atasan.id if pos.atasan else None,
        tugas=block.tugas or None,
        fungsi=block.fungsi,
        kinerja=_kinerja(groups),
        catatan=" ".join(notes),
        inferensi=pos.inferensi,
    )


def _groups(rows: list[Row]) -> list[list[Row]]:
    """A block's rows per kinerja: a filled kinerja cell opens the next kinerja; an empty
    one (a merged cell), or one repeating the kinerja above word for word (a merged cell
    written out on every row, as SKP tables and text conversions do), goes on with it."""
    groups: list[list[Row]] = []
    for row in rows:
        above = groups[-1][0].kinerja if groups else ""
        if not groups or (row.kinerja and words(row.kinerja) != words(above)):
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def _kinerja(groups: list[list[Row]]) -> list[Kinerja]:
    """One kinerja per group of :func:`_groups`, its rows' indicators under it."""
    result: list[Kinerja] = []
    for group in groups:
        first = group[0]
        if first.kinerja:
            links = [Tautan(teks=text) for text in first.mendukung]
            kinerja = Kinerja(uraian=first.kinerja, mendukung=links)
        else:
            kinerja = Kinerja(uraian=_NO_KINERJA, catatan=f"{_EMPTY_AT}{first.line}: sel kosong")
        result.append(kinerja)
        current: Indikator | None = None
        for row in group:
            if row.indikator or current is None:
                current = Indikator(uraian=row.indikator or _NO_INDIKATOR)
                kinerja.indikator.append(current)
            _fill(current, row)
    return result


def _declared(groups: list[list[list[Row]]]) -> dict[tuple[int, int], list[Declared]]:
    """The superior results each kinerja's rows name (see :mod:`.intervensi`), from the
    rows of each position's kinerja (:func:`_groups`)."""
    declared: dict[tuple[int, int], list[Declared]] = {}
    for j_no, kinerja in enumerate(groups):
        for k_no, group in enumerate(kinerja):
            texts = {  # "-": the row supports no result of the atasan (an SKP's tambahan)
                row.intervensi.strip(): row.line for row in group if row.intervensi.strip(" -–")
            }
            if texts:
                declared[j_no, k_no] = [Declared(line, text) for text, line in texts.items()]
    return declared


def _fill(indikator: Indikator, row: Row) -> None:
    for name in ("formulasi", "sumber_data", "satuan", "target", "realisasi"):
        value = getattr(row, name)
        if not value:
            continue
        before = getattr(indikator, name)
        if before and value in before.split("\n"):
            continue
        setattr(indikator, name, f"{before}\n{value}" if before else value)
    if row.per_tahun and not indikator.per_periode:
        indikator.per_periode = _per_periode(row.per_tahun)
    arah = read_polaritas(row.polaritas) if row.polaritas else None
    if arah is not None:
        indikator.polaritas = arah  # type: ignore[assignment]  # "naik" / "turun"
    elif row.polaritas:
        note = f"polaritas «{row.polaritas}» tidak dikenal (naik/turun): tetap naik, periksa"
        row.catatan = f"{row.catatan}; {note}" if row.catatan else note
    for text in (row.catatan, row.kept):  # the cells of unknown columns: kept, said once
        if not text:
            continue
        note = f"baris {row.line}: {text}"
        indikator.catatan = f"{indikator.catatan} {note}" if indikator.catatan else note
