"""A :class:`~pokin.diff.Diff` as a planner reads it: text, Markdown, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator

from .._text import format_number, markdown_cell
from ..coverage import UnitCoverage
from ..findings import SEVERITY_LABELS
from .compare import Diff, JabatanDiff, LinkDiff, NodeDiff, Ubah

__all__ = ["carried_note", "diff_json", "diff_markdown", "diff_text", "num", "pct"]


def num(value: float, digits: int = 2) -> str:
    """A number the Indonesian way: ``0,82``, ``1.234``."""
    return format_number(value, digits)


GONE = "hilang bersama jabatan, kinerja atau indikator yang dihapus (bukan diperbaiki)"
"""How the findings of a removed position or node are named: gone, not fixed."""


def pct(share: float | None) -> str:
    """A share as a percentage the Indonesian way: ``72,7%``; a share of nothing: ``—``."""
    return "—" if share is None else num(share * 100, 1) + "%"


_SIGN = {"tambah": "+", "hapus": "-", "ubah": "~", "gabung": ">", "pindah": "~"}
_WORD = {"tambah": "baru", "hapus": "dihapus", "ubah": "berubah", "gabung": "digabung"}


def _val(value: str | None) -> str:
    return " ".join(value.split()) if value else "–"


def _ubah(u: Ubah) -> str:
    return f"{u.kolom}: {_val(u.lama)} → {_val(u.baru)}"


def jabatan_line(j: JabatanDiff) -> str:
    """One line about a position."""
    if j.status == "gabung":
        return f"{j.nama_lama} [{j.lama}] digabung ke {j.nama_baru} [{j.baru}]"
    if j.status == "tambah":
        return f"{j.nama_baru} [{j.baru}] (baru)"
    if j.status == "hapus":
        return f"{j.nama_lama} [{j.lama}] (dihapus)"
    name = j.nama_baru if j.nama_lama == j.nama_baru else f"{j.nama_lama} → {j.nama_baru}"
    ids = j.baru if j.lama == j.baru else f"{j.lama} → {j.baru}"
    skor = f", skor {num(j.skor)}" if j.skor is not None and j.lama != j.baru else ""
    return f"{name} [{ids}{skor}]"


def node_line(n: NodeDiff) -> str:
    """One line about a kinerja or indicator (the word diff for a rewording)."""
    if n.status == "tambah":
        return f"{n.jenis} baru [{n.baru}]: {_val(n.uraian_baru)}"
    if n.status == "hapus":
        return f"{n.jenis} dihapus [{n.lama}]: {_val(n.uraian_lama)}"
    ids = n.baru if n.lama == n.baru else f"{n.lama} → {n.baru}"
    if n.kata:
        return f"{n.jenis} dirumuskan ulang [{ids}, skor {num(n.skor or 0)}]: {n.kata}"
    return f"{n.jenis} [{ids}]: {_val(n.uraian_baru)}"


def link_line(link: LinkDiff) -> str:
    """One line about a link."""
    if link.status == "tambah":
        return f"tautan baru: {link.dari} → {link.ke_baru}"
    if link.status == "hapus":
        return f"tautan dihapus: {link.dari} → {link.ke_lama}"
    return f"tautan dipindah: {link.dari} → {link.ke_lama} menjadi → {link.ke_baru}"


def _by_owner(d: Diff) -> dict[str, list[NodeDiff]]:
    groups: dict[str, list[NodeDiff]] = {}
    for node in d.nodes:
        groups.setdefault(node.jabatan, []).append(node)
    return groups


def _coverage_pairs(d: Diff) -> Iterator[tuple[str, UnitCoverage | None, UnitCoverage | None]]:
    """Per unit of this year (under last year's name when renamed), then the units gone,
    then the total: always the last row."""
    before = {u.unit: u for u in d.coverage_before.units}
    after = {u.unit: u for u in d.coverage_after.units}
    renamed = {old: new for old, new, _ in d.unit}
    for unit in [*after, *(u for u in before if u not in after and u not in renamed)]:
        old_name = next((o for o, n in renamed.items() if n == unit), unit)
        yield unit, before.get(old_name), after.get(unit)
    total = d.coverage_after.total
    yield total.unit, d.coverage_before.total, total


def _share(u: UnitCoverage | None) -> str:
    if u is None:
        return "–"
    return f"{num(u.indikator_reached, 0)}/{num(u.indikator, 0)} ({pct(u.indikator_share)})"


def _counts(d: Diff) -> tuple[dict[str, int], dict[str, int]]:
    assert d.findings_before is not None
    assert d.findings_after is not None
    return d.findings_before.counts(), d.findings_after.counts()


def carried_note(d: Diff) -> str:
    """The line saying last year's realisasi is not repeated ("" when none is left out)."""
    if not d.realisasi_lalu:
        return ""
    return (
        f"Realisasi tahun lalu tidak diulang di pohon {_title(d, 'baru')} pada "
        f"{num(len(d.realisasi_lalu), 0)} indikator: realisasi tahun ini belum ada, jadi "
        "tidak dicantumkan sebagai perubahan."
    )


def diff_text(d: Diff) -> str:
    """The changes as plain text, grouped: positions, units, kinerja and indicators by
    position, links, coverage and findings before → after."""
    out = [
        f"pokin diff: {_title(d, 'lama')} → {_title(d, 'baru')}",
        f"{d.old.summary()} → {d.new.summary()}",
        "",
    ]
    if not len(d):
        out += ["Tidak ada perubahan isi.", ""]
    if d.realisasi_lalu:
        out += [carried_note(d), ""]
    if d.jabatan:
        out.append("Jabatan:")
        out += [f"  {_SIGN[j.status]} {jabatan_line(j)}" for j in d.jabatan]
        for j in d.jabatan:
            if j.kolom:
                out.append(f"    {j.nama_baru}: " + "; ".join(_ubah(u) for u in j.kolom))
        out.append("")
    if d.unit:
        out.append("Unit berganti nama:")
        out += [f"  ~ {a} → {b} ({n} jabatan)" for a, b, n in d.unit]
        out.append("")
    if d.nodes:
        out.append("Kinerja dan indikator:")
        for owner, nodes in _by_owner(d).items():
            out.append(f"  {owner}")
            for n in nodes:
                out.append(f"    {_SIGN[n.status]} {node_line(n)}")
                out += [f"        {_ubah(u)}" for u in n.kolom]
        out.append("")
    if d.links:
        out.append("Tautan:")
        out += [f"  {_SIGN[link.status]} {link_line(link)}" for link in d.links]
        out.append("")
    out.append("Cakupan indikator ke IKU (lama → baru):")
    for unit, a, b in _coverage_pairs(d):
        out.append(f"  {unit}: {_share(a)} → {_share(b)}")
    old, new = _counts(d)
    out += [
        "",
        "Temuan (lama → baru): "
        + ", ".join(
            f"{num(old[s], 0)} → {num(new[s], 0)} {word}" for s, word in SEVERITY_LABELS.items()
        ),
        f"  diperbaiki: {num(len(d.fixed), 0)}; baru muncul: {num(len(d.appeared), 0)}"
        + (f"; {GONE}: {num(len(d.gone), 0)}" if d.gone else ""),
    ]
    out += [f"  ✔ {f.code} {f.message} [{f.where}]" for f in d.fixed]
    out += [f"  – {f.code} {f.message} [{f.where}]" for f in d.gone]
    out += [f"  ✖ {f.code} {f.message} [{f.where}]" for f in d.appeared]
    return "\n".join(out) + "\n"


def _title(d: Diff, side: str) -> str:
    org = (d.old if side == "lama" else d.new).organisasi
    return org.nama + (f" {org.tahun}" if org.tahun else "")


_md = markdown_cell


def diff_markdown(d: Diff) -> str:
    """The changes as Markdown tables (every text escaped)."""
    out = [
        f"# Perubahan pohon kinerja: {_md(_title(d, 'lama'))} → {_md(_title(d, 'baru'))}",
        "",
        f"{_md(d.old.summary())} → {_md(d.new.summary())}",
        "",
        *([_md(carried_note(d)), ""] if d.realisasi_lalu else []),
        "## Jabatan",
        "",
    ]
    if d.jabatan:
        out += ["| | Jabatan | Perubahan |", "|---|---|---|"]
        out += [
            f"| {_WORD[j.status]} | {_md(jabatan_line(j))} | "
            f"{_md('; '.join(_ubah(u) for u in j.kolom))} |"
            for j in d.jabatan
        ]
    else:
        out.append("Tidak ada jabatan yang berubah.")
    if d.unit:
        out += ["", "## Unit berganti nama", ""]
        out += [f"- {_md(a)} → {_md(b)} ({n} jabatan)" for a, b, n in d.unit]
    out += ["", "## Kinerja dan indikator", ""]
    if d.nodes:
        out += ["| Jabatan | | Uraian | Perubahan |", "|---|---|---|---|"]
        out += [
            f"| {_md(n.jabatan)} | {n.jenis} {_WORD[n.status]} | {_md(node_line(n))} | "
            f"{_md('; '.join(_ubah(u) for u in n.kolom))} |"
            for n in d.nodes
        ]
    else:
        out.append("Tidak ada kinerja atau indikator yang berubah.")
    out += ["", "## Tautan", ""]
    out += [f"- {_md(link_line(link))}" for link in d.links] or ["Tidak ada tautan yang berubah."]
    out += ["", "## Cakupan indikator ke IKU", "", "| Unit | Lama | Baru |", "|---|---|---|"]
    out += [f"| {_md(u)} | {_share(a)} | {_share(b)} |" for u, a, b in _coverage_pairs(d)]
    old, new = _counts(d)
    out += [
        "",
        "## Temuan",
        "",
        "| Tingkat | Lama | Baru |",
        "|---|---|---|",
        *(
            f"| {word} | {num(old[s], 0)} | {num(new[s], 0)} |"
            for s, word in SEVERITY_LABELS.items()
        ),
        "",
        f"Diperbaiki ({num(len(d.fixed), 0)}):",
        "",
        *(f"- {f.code} {_md(f.message)} (`{_md(f.where)}`)" for f in d.fixed),
        "",
        *_gone_lines(d),
        f"Baru muncul ({num(len(d.appeared), 0)}):",
        "",
        *(f"- {f.code} {_md(f.message)} (`{_md(f.where)}`)" for f in d.appeared),
        "",
    ]
    return "\n".join(out)


def _gone_lines(d: Diff) -> list[str]:
    """The Markdown list of the findings gone with a removed node (none: no heading)."""
    if not d.gone:
        return []
    rows = [f"- {f.code} {_md(f.message)} (`{_md(f.where)}`)" for f in d.gone]
    return [f"{GONE[0].upper()}{GONE[1:]} ({num(len(d.gone), 0)}):", "", *rows, ""]


def diff_json(d: Diff) -> str:
    """The changes as JSON text."""
    return json.dumps(d.to_dict(), ensure_ascii=False, indent=2)
