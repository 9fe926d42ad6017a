"""The LKE criteria a pohon kinerja touches, estimated from the worksheets and the tree.

Each :class:`~pokin.sakip.model.Kriteria` carries its figure (0 to 1, or ``None`` when the
tree cannot tell), the rows that cost points, and the fix. 1.b.9 (crosscutting) and 1.b.10
(every employee has a performance plan) also give a table: per unit, per role.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .._text import format_number
from ..chart import NO_UNIT
from ..checks import RULES
from ..checks.years import iku_of, same_renstra
from ..graph import Cascade
from ..models import Peran, PohonKinerja
from .kke import Evidence
from .model import Kriteria, Lembar

__all__ = ["criteria", "crosscutting_units", "pegawai_roles"]

_WORST = 12
"""How many rows that cost points a criterion lists (the JSON and the sheets list all)."""


def _costly(sheet: Lembar, *kode: str) -> tuple[str, ...]:
    """The ids of rows scoring below 1 in these columns (in any, when none is named),
    lowest first: a row that lost only a column another criterion scores costs this one
    nothing."""
    scored = []
    for row in sheet.baris:
        values = [row.nilai.get(k) for k in kode] if kode else list(row.nilai.values())
        known = [v for v in values if v is not None]
        if known and min(known) < 1:
            scored.append((sum(known) / len(known), row.id))
    return tuple(i for _, i in sorted(scored, key=lambda t: t[0]))


def _hint(sheet: Lembar, kolom: Iterable[str], limit: int = 4) -> str:
    """The findings that cost the most in these columns, with how many rows (indicators)
    each, counted once per row even when a finding costs several columns of it, and the
    fix of the column they hit most."""
    counts: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
    wanted = set(kolom)
    for row in sheet.baris:
        hit: set[str] = set()  # a code behind two columns of one row is one indicator
        for kode, codes in row.bukti.items():
            if kode in wanted and row.nilai.get(kode) not in (None, 1.0):
                hit.update(c for c in codes if c in RULES)
                fixes[kode] += 1
        counts.update(hit)
    if not counts:
        return ""
    by_code = {k.kode: k.perbaikan for k in sheet.kolom}
    worst = "; ".join(
        f"{code} {RULES[code].judul} ({format_number(n)} indikator)"
        for code, n in counts.most_common(limit)
    )
    return f"{by_code[fixes.most_common(1)[0][0]]}. Terbanyak: {worst}"


def criteria(
    evidence: Evidence,
    sheets: dict[str, Lembar],
    previous: PohonKinerja | None,
) -> tuple[Kriteria, ...]:
    """The estimate of 1.b.4 to 1.b.10 and 2.a.2."""
    found = _criteria(evidence, sheets, previous)
    return tuple(
        replace(k, alasan="pohon kinerja tidak memuat indikator untuk dinilai")
        if k.nilai is None and not k.alasan
        else k
        for k in found
    )


def _criteria(
    evidence: Evidence,
    sheets: dict[str, Lembar],
    previous: PohonKinerja | None,
) -> tuple[Kriteria, ...]:
    kke1, kke2, kke5 = sheets["KKE 1"], sheets["KKE 2"], sheets["KKE 5"]
    smart = ("S", "M", "A", "R", "T")
    challenge = ("A", "C") if any(b.nilai.get("C") is not None for b in kke1.baris) else ("A",)
    return (
        _results(evidence),
        Kriteria(
            "1.b.5",
            "Indikator kinerja telah memenuhi kriteria SMART (spesifik, dapat diukur, dapat "
            "dicapai, relevan, berbatas waktu)",
            "KKE 1: Σ nilai kolom Spesifik, Dapat Diukur, Dapat Dicapai, Relevan, Berbatas "
            "Waktu / jumlah sel yang dinilai",
            kke1.share_of(*smart),
            baris=_costly(kke1, *smart),
            perbaikan=_hint(kke1, smart),
        ),
        _iku_stability(evidence, previous),
        Kriteria(
            "1.b.7",
            "Target kinerja ditetapkan dapat dicapai dan menantang",
            "KKE 1: Σ nilai kolom Dapat Dicapai"
            + (" dan Menantang" if "C" in challenge else "")
            + " / jumlah sel yang dinilai",
            kke1.share_of(*challenge),
            alasan=""
            if "C" in challenge
            else "kolom Menantang tidak dinilai: "
            + (
                "tidak ada realisasi tahun sebelumnya berupa angka untuk dibandingkan"
                if previous is not None
                else "tanpa pohon kinerja tahun sebelumnya"
            ),
            baris=_costly(kke1, *challenge),
            perbaikan=_hint(kke1, challenge)
            or "tetapkan target tidak lebih rendah dari realisasi tahun sebelumnya",
            sebagian="C" not in challenge,
        ),
        Kriteria(
            "1.b.8",
            "Selaras antara kondisi/hasil yang akan dicapai di setiap level jabatan (cascading)",
            "KKE 2: Σ nilai (1 logis, 0,5 kurang logis, 0 tidak logis) / jumlah indikator",
            kke2.share,
            baris=_costly(kke2),
            perbaikan=_hint(kke2, ["nilai"]),
        ),
        _crosscutting(evidence.cascade),
        _pegawai(evidence.cascade),
        Kriteria(
            "2.a.2",
            "Setiap indikator kinerja memiliki definisi operasional dan cara pengukuran "
            "(formula, komponen pembentuk, sumber data)",
            "KKE 5: Σ nilai kolom Formula, Komponen Pembentuk, Sumber Data / jumlah sel",
            kke5.share,
            baris=_costly(kke5),
            perbaikan=_hint(kke5, [k.kode for k in kke5.kolom]),
        ),
    )


def _results(evidence: Evidence) -> Kriteria:
    tree = evidence.cascade.tree
    ids = [str(s.id) for s in tree.iku] + [str(k.id) for _, k in tree.iter_kinerja()]
    bad = [i for i in ids if "PK710" in evidence.codes_of(i)]
    return Kriteria(
        "1.b.4",
        "Sasaran telah berorientasi hasil (menggambarkan kondisi yang ingin dicapai)",
        "kinerja dan sasaran IKU tanpa temuan PK710 / seluruh kinerja dan sasaran",
        1 - len(bad) / len(ids) if ids else None,
        alasan="" if ids else "pohon kinerja tidak memuat kinerja",
        baris=tuple(bad),
        perbaikan=RULES["PK710"].judul + ": rumuskan sebagai kondisi (Meningkatnya ...)",
    )


def _iku_stability(evidence: Evidence, previous: PohonKinerja | None) -> Kriteria:
    uraian = "IKU tidak sering berganti dalam satu periode Renstra"
    dasar = (
        "IKU tahun ini tanpa temuan PK801 (berubah atau baru) / (seluruh IKU tahun ini + IKU "
        "tahun sebelumnya yang tidak ada lagi)"
    )
    if previous is None:
        return Kriteria(
            "1.b.6",
            uraian,
            dasar,
            None,
            alasan="tidak dapat dinilai tanpa pohon kinerja tahun sebelumnya (--previous)",
        )
    if same_renstra(previous, evidence.cascade.tree) is False:
        return Kriteria(
            "1.b.6",
            uraian,
            dasar,
            None,
            alasan="kedua tahun berada dalam periode Renstra yang berbeda: IKU boleh berganti",
        )
    if not iku_of(previous):
        return Kriteria(
            "1.b.6",
            uraian,
            dasar,
            None,
            alasan="pohon kinerja tahun sebelumnya tidak memuat IKU (tabel IKU atau indikator "
            "jabatan tertinggi): tidak ada pembanding",
        )
    tree = evidence.cascade.tree
    if bool(previous.iku) != bool(tree.iku):
        which = "tahun ini" if previous.iku else "tahun sebelumnya"
        return Kriteria(
            "1.b.6",
            uraian,
            dasar,
            None,
            alasan=f"hanya satu tahun yang memuat tabel IKU ({which} tidak): indikator Camat "
            "bukan pembanding yang setara; gabungkan dokumen IKU-nya (pokin import IKU IKI "
            "--merge) lalu bandingkan lagi",
            perbaikan="lengkapi tabel IKU kedua tahun",
        )
    iku = evidence.cascade.iku
    changed = [i for i in iku if "PK801" in evidence.codes_of(i)]
    dropped = sum(1 for f in evidence.findings if f.code == "PK801" and f.where not in iku)
    # an IKU of last year that is gone changed as surely as one reworded
    whole = len(iku) + dropped
    return Kriteria(
        "1.b.6",
        uraian,
        dasar,
        (len(iku) - len(changed)) / whole if whole else None,
        alasan=f"{len(changed)} dari {len(iku)} IKU berubah atau baru; {dropped} IKU tahun "
        "sebelumnya tidak ada lagi",
        baris=tuple(changed),
        perbaikan=RULES["PK801"].judul
        + ": pertahankan IKU selama periode Renstra, atau catat dasar perubahannya",
    )


def crosscutting_units(cascade: Cascade) -> list[dict[str, Any]]:
    """Crosscutting links per unit: given, received, one-sided, unconfirmed.

    A link is *sepihak* (one-sided) when the indicator it supports is carried by no one in
    its owner's own line: the whole result rests on another unit. It is *belum dikonfirmasi*
    when it is an inferred link nobody has reviewed.
    """
    tally: dict[str, Counter[str]] = {}
    for parent, child, data in cascade.links():
        if cascade.link_kind(parent, child) != "cross":
            continue
        upper, lower = cascade.owner(parent), cascade.owner(child)
        giver = (lower.unit if lower else None) or NO_UNIT
        taker = (upper.unit if upper else None) or NO_UNIT
        tally.setdefault(giver, Counter())["mendukung"] += 1
        tally.setdefault(taker, Counter())["didukung"] += 1
        own_line = [
            s for s in cascade.supporters(parent) if cascade.link_kind(parent, s) != "cross"
        ]
        if not own_line:
            tally[giver]["sepihak"] += 1
        if data.get("status") == "usulan":
            tally[giver]["belum_dikonfirmasi"] += 1
    keys = ("mendukung", "didukung", "sepihak", "belum_dikonfirmasi")
    return [{"unit": unit, **{k: counts[k] for k in keys}} for unit, counts in tally.items()]


def _crosscutting(cascade: Cascade) -> Kriteria:
    units = crosscutting_units(cascade)
    links = sum(u["mendukung"] for u in units)
    weak = sum(max(u["sepihak"], u["belum_dikonfirmasi"]) for u in units)
    return Kriteria(
        "1.b.9",
        "Kinerja yang bersifat lintas unit (crosscutting) telah dirumuskan dan disepakati",
        "tautan crosscutting yang dikonfirmasi dan tidak sepihak / seluruh tautan crosscutting",
        (1 - weak / links) if links else None,
        alasan=f"{links} tautan crosscutting di {len(units)} unit"
        if links
        else "tidak ada tautan crosscutting di pohon ini; kerja sama lintas unit atau lintas "
        "perangkat daerah tidak tampak, sehingga kriteria ini tidak dapat dinilai dari pohon",
        baris=tuple(u["unit"] for u in units if u["sepihak"] or u["belum_dikonfirmasi"]),
        perbaikan="konfirmasi tautan usulan (status: diterima), dan pastikan unit pemilik "
        "indikator juga menurunkannya ke jajarannya sendiri",
    )


def pegawai_roles(cascade: Cascade) -> list[dict[str, Any]]:
    """Per role, camat down to staff: positions, without kinerja, without indicators."""
    rows = []
    for peran in Peran:
        jabatan = cascade.by_peran(peran)
        if not jabatan:
            continue
        no_kinerja = [j for j in jabatan if not j.kinerja]
        no_indikator = [j for j in jabatan if j.kinerja and not any(j.iter_indikator())]
        rows.append(
            {
                "peran": peran.value,
                "jabatan": len(jabatan),
                "tanpa_kinerja": len(no_kinerja),
                "tanpa_indikator": len(no_indikator),
                "lengkap": len(jabatan) - len(no_kinerja) - len(no_indikator),
                "kurang": [str(j.id) for j in (*no_kinerja, *no_indikator)],
            }
        )
    return rows


def _pegawai(cascade: Cascade) -> Kriteria:
    roles = pegawai_roles(cascade)
    total = sum(r["jabatan"] for r in roles)
    done = sum(r["lengkap"] for r in roles)
    return Kriteria(
        "1.b.10",
        "Setiap pegawai merumuskan dan menetapkan perencanaan kinerja",
        "jabatan yang memiliki kinerja dan indikator / seluruh jabatan (per peran sampai staf)",
        done / total if total else None,
        alasan="" if total else "pohon kinerja tidak memuat jabatan",
        baris=tuple(i for r in roles for i in r["kurang"]),
        perbaikan="tetapkan kinerja dan indikator setiap jabatan, sampai pelaksana dan "
        "fungsional (PK401, PK402)",
    )
