"""The report's link sections: the root causes leading the page, and the suggestions for
every kinerja no link reaches yet, per unit (:mod:`pokin.link.roots`, :mod:`pokin.link.suggest`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .._text import format_number
from ..chart import NO_UNIT
from ..link import Suggestion, suggest_links
from ..link.roots import RootCause, root_causes
from .context import Context
from .escape import e, md

__all__ = [
    "roots_html",
    "roots_markdown",
    "suggestions_html",
    "suggestions_markdown",
]

_ROOTS = "Akar masalah: tautan yang paling banyak menyambungkan ke IKU"
_ROOTS_INTRO = (
    "Jabatan yang kinerjanya belum mendukung IKU, diurutkan menurut banyaknya kinerja di "
    "bawahnya yang ikut tidak tersambung; untuk tiap kinerja, tautan yang disarankan dan "
    "berapa kinerja yang langsung tersambung bila tautan itu diterima."
)
_SUGGESTIONS = "Saran tautan per unit"
_SUGGESTIONS_INTRO = (
    "Untuk setiap kinerja yang belum menaut ke mana pun: tiga indikator atasan (atau satu "
    "jenjang di atasnya) yang paling cocok, dengan skor dan alasannya. Terima dengan "
    "`pokin link FILE --terima DARI=KE --write` atau pilih di kolom 'Kinerja Mendukung (ID)' "
    "matriks Excel; tolak dengan --tolak (saran itu tidak muncul lagi)."
)
_SHOWN = 300
"""At most this many kinerja are listed (a kabupaten's report stays readable)."""


def _causes(ctx: Context) -> list[RootCause]:
    return root_causes(ctx.cascade.tree)


def _by_unit(ctx: Context) -> tuple[dict[str, list[list[Suggestion]]], int]:
    """The suggestions grouped by unit, then by kinerja; and how many kinerja were left out."""
    tree = ctx.cascade.tree
    unit = {str(j.id): j.unit or NO_UNIT for j in tree.jabatan}
    per_kinerja: dict[str, list[Suggestion]] = defaultdict(list)
    for s in suggest_links(tree):
        per_kinerja[s.dari].append(s)
    shown = list(per_kinerja.values())[:_SHOWN]
    grouped: dict[str, list[list[Suggestion]]] = defaultdict(list)
    for ranked in shown:
        grouped[unit[ranked[0].jabatan]].append(ranked)
    return grouped, len(per_kinerja) - len(shown)


def roots_html(ctx: Context) -> str:
    """The root causes as HTML (nothing when every kinerja reaches an IKU)."""

    causes = _causes(ctx)
    if not causes:
        return ""
    items = "".join(
        f'<li data-jabatan="{e(c.jabatan)}"><b>{e(c)}</b><ul>'
        + "".join(f"<li>{e(fix.strip())}</li>" for fix in c.lines()[1:])
        + "</ul></li>"
        for c in causes
    )
    return f'<h2 id="akar">{_ROOTS}</h2><p>{e(_ROOTS_INTRO)}</p><ol id="akar-masalah">{items}</ol>'


def roots_markdown(ctx: Context) -> Iterator[str]:
    """The root causes as Markdown lines."""

    causes = _causes(ctx)
    if not causes:
        return
    yield from (f"## {_ROOTS}", "", md(_ROOTS_INTRO), "")
    for cause in causes:
        yield f"- **{md(cause)}**"
        yield from (f"  - {md(fix.strip())}" for fix in cause.lines()[1:])
    yield ""


def suggestions_html(ctx: Context) -> str:
    """The suggestions per unit as HTML tables (nothing when every kinerja is linked)."""

    grouped, left = _by_unit(ctx)
    if not grouped:
        return ""
    kinerja = {str(k.id): k.uraian for _, k in ctx.cascade.tree.iter_kinerja()}
    parts = [f'<h2 id="saran">{_SUGGESTIONS}</h2><p>{e(_SUGGESTIONS_INTRO)}</p>']
    for unit, rows in grouped.items():
        body = "".join(
            f'<tr data-kinerja="{e(ranked[0].dari)}"><td>{e(ranked[0].dari)}<div class="hint">'
            f"{e(kinerja.get(ranked[0].dari, ''))}</div></td><td><ol>"
            + "".join(
                f"<li><b>{e(s.ke)}</b> (skor {e(_skor(s))}) "
                f'<span class="hint">{e(s.alasan)}</span></li>'
                for s in ranked
            )
            + "</ol></td></tr>"
            for ranked in rows
        )
        parts.append(
            f"<h3>{e(unit)}</h3><table><thead><tr><th>Kinerja</th><th>Saran</th></tr>"
            f"</thead><tbody>{body}</tbody></table>"
        )
    if left:
        parts.append(f'<p class="hint">… dan {left} kinerja lagi: `pokin link FILE --suggest`.</p>')
    return "".join(parts)


def suggestions_markdown(ctx: Context) -> Iterator[str]:
    """The suggestions per unit as Markdown lines."""

    grouped, left = _by_unit(ctx)
    if not grouped:
        return
    yield from (f"## {_SUGGESTIONS}", "", md(_SUGGESTIONS_INTRO), "")
    for unit, rows in grouped.items():
        yield from (f"### {md(unit)}", "", "| Kinerja | Saran |", "|---|---|")
        for ranked in rows:
            cells = "<br>".join(
                f"{s.peringkat}. {md(s.ke)} (skor {_skor(s)}): {md(s.alasan)}" for s in ranked
            )
            yield f"| {md(ranked[0].dari)} | {cells} |"
        yield ""
    if left:
        yield f"_… dan {left} kinerja lagi: `pokin link FILE --suggest`._"
        yield ""


def _skor(s: Suggestion) -> str:
    return format_number(s.skor, 2)
