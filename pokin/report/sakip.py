"""The "Kesiapan evaluasi SAKIP" section leading the report: the LKE criteria pokin can
estimate, the KKE percentages, and for each criterion the rows that cost points and the fix.

The figures come from :func:`pokin.sakip.sakip` on the report's cascade, with every rule
(a report limited to some codes still scores the worksheets on all of them).
"""

from __future__ import annotations

from collections.abc import Iterator

from .._text import format_number
from ..checks import RULES, check
from ..graph import Cascade
from ..sakip import Kriteria, Penilaian, persen, sakip
from .context import Context
from .escape import e, md

__all__ = ["html_section", "markdown_section"]

_TITLE = "Kesiapan evaluasi SAKIP"
_SHOWN = 5
_INTRO = (
    "Perkiraan nilai kriteria Lembar Kriteria Evaluasi (LKE, PermenPAN-RB 88/2021) yang "
    "menyangkut pohon kinerja, dihitung seperti evaluator mengisi Kertas Kerja Evaluasi (KKE 1, "
    "KKE 2, KKE 5). Ini perkiraan untuk persiapan, bukan nilai evaluator; aturan penilaian dan "
    "sumbernya ada di docs/sakip.md, rincian per indikator di `pokin sakip BERKAS -o kke.xlsx`."
)


def _penilaian(ctx: Context) -> tuple[Penilaian, str]:
    """The scores on every rule (with last year's tree when the report has one: Menantang
    and 1.b.6 need it), and a note when the report shows fewer findings."""
    every = check(ctx.cascade, previous=ctx.previous)
    note = ""
    if len(every) != len(ctx.findings):
        note = (
            "nilai di bagian ini dihitung dengan semua aturan, termasuk kode yang tidak "
            "ditampilkan di bagian Temuan"
        )
    return sakip(ctx.cascade, previous=ctx.previous, findings=every), note


def _rows(cascade: Cascade, penilaian: Penilaian, kriteria: Kriteria) -> list[str]:
    """The first rows that cost points, named the way a planner finds them."""
    names: dict[str, str] = {}
    for sheet in penilaian.lembar:
        for row in sheet.baris:
            names.setdefault(row.id, f"{row.jabatan}: {row.indikator}")
    for jabatan, kinerja in cascade.tree.iter_kinerja():
        names.setdefault(str(kinerja.id), f"{jabatan.nama}: {kinerja.uraian}")
    for jabatan in cascade.tree.jabatan:
        names.setdefault(str(jabatan.id), jabatan.nama)
    shown = [names.get(i, i) for i in kriteria.baris[:_SHOWN]]
    if len(kriteria.baris) > _SHOWN:
        shown.append(f"… dan {format_number(len(kriteria.baris) - _SHOWN)} lagi")
    return shown


def _codes(codes: tuple[str, ...]) -> str:
    return "; ".join(f"{c} {RULES[c].judul}" for c in codes if c in RULES) or "—"


def _answer(kriteria: Kriteria) -> str:
    return kriteria.jawaban_teks


def html_section(ctx: Context) -> str:
    """The section as HTML: KKE cards, then one table row per LKE criterion."""

    penilaian, selected = _penilaian(ctx)
    cards = "".join(
        f'<div class="card" data-figure="{e(s.kode)}"><b>{persen(s.share)}</b>'
        f"<span>{e(s.kode)}: {e(s.judul)}</span></div>"
        for s in penilaian.lembar
    )
    levels = "".join(
        f"<li>{e(sheet.kode)}: "
        + " · ".join(
            f"{e(lv)} {persen(sh)} ({format_number(n)} indikator)" for lv, n, sh in sheet.by_level()
        )
        + "</li>"
        for sheet in penilaian.lembar
    )
    rows = []
    for k in penilaian.kriteria:
        costly = "".join(f"<li>{e(r)}</li>" for r in _rows(ctx.cascade, penilaian, k))
        note = f'<div class="hint">{e(k.alasan)}</div>' if k.alasan else ""
        fix = f'<div class="hint">→ {e(k.saran)}</div>' if k.saran else ""
        rows.append(
            f'<tr data-kriteria="{e(k.kode)}"><td><b>{e(k.kode)}</b></td>'
            f'<td>{e(k.uraian)}<div class="hint">{e(k.dasar)}</div></td>'
            f"<td>{persen(k.nilai)}</td><td>{e(_answer(k))}</td>"
            f"<td>{note}{fix}<ul>{costly}</ul></td></tr>"
        )
    basis = "".join(
        f"<tr><td>{e(sheet.kode)}</td><td>{e(k.judul)}</td><td>LKE {e(k.kriteria)}; "
        f"{e(k.sumber)}</td><td>{e(_codes(k.temuan))}</td></tr>"
        for sheet in penilaian.lembar
        for k in sheet.kolom
    )
    notes = "".join(f'<p class="hint">{e(n)}.</p>' for n in (*penilaian.catatan, selected) if n)
    return (
        f'<h2 id="sakip">{_TITLE}</h2><p>{e(_INTRO)}</p>{notes}'
        f'<div class="cards" id="kke">{cards}</div>'
        f'<p class="hint">Per level hasil:</p><ul class="hint" id="kke-level">{levels}</ul>'
        '<table id="lke"><thead><tr><th>Kriteria</th><th>Uraian dan dasar perhitungan</th>'
        "<th>Nilai</th><th>Perkiraan jawaban</th><th>Yang mengurangi nilai dan perbaikan</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        '<details><summary>Dasar setiap kolom KKE</summary><table id="kke-dasar"><thead>'
        "<tr><th>KKE</th><th>Kolom</th><th>Kriteria dan sumber</th><th>Centang hilang karena"
        f"</th></tr></thead><tbody>{basis}</tbody></table></details>"
    )


def markdown_section(ctx: Context) -> Iterator[str]:
    """The section as Markdown lines."""

    penilaian, selected = _penilaian(ctx)
    yield from (f"## {_TITLE}", "", md(_INTRO), "")
    for note in (*penilaian.catatan, selected):
        if note:
            yield from (f"_{md(note)}._", "")
    for sheet in penilaian.lembar:
        levels = "; ".join(
            f"{lv} {persen(sh)} ({format_number(n)})" for lv, n, sh in sheet.by_level()
        )
        yield f"- {sheet.kode}: {persen(sheet.share)}" + (f" — per level: {levels}" * bool(levels))
    yield ""
    yield "| Kriteria | Uraian | Nilai | Perkiraan jawaban | Perbaikan |"
    yield "|---|---|---|---|---|"
    for k in penilaian.kriteria:
        fix = "; ".join(x for x in (k.alasan, k.saran) if x)
        yield (f"| {k.kode} | {md(k.uraian)} | {persen(k.nilai)} | {md(_answer(k))} | {md(fix)} |")
