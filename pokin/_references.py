"""Ids and references of a pohon kinerja: generated ids, links by text, the atasan chain.

:class:`~pokin.models.PohonKinerja` runs these when it is validated; they are kept apart
from the models so each stays small. Problems are returned as :class:`Problem` records with
a path into the file, which :mod:`pokin.io` turns into a line and column.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._text import fold, slugify, unique
from .errors import TreeError

if TYPE_CHECKING:
    from .models import Indikator, Jabatan, PohonKinerja, Tautan

__all__ = [
    "Problem",
    "assign_ids",
    "dotted",
    "ensure_sound",
    "resolve_references",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """A reference that does not hold, at a path into the file (``("jabatan", 2, "atasan")``)."""

    path: tuple[str | int, ...]
    message: str
    hint: str | None = None


# -- ids ------------------------------------------------------------------------------------


def assign_ids(tree: PohonKinerja) -> None:
    """Give every jabatan, kinerja and indikator without an id a stable generated one."""
    taken: set[str | None] = {j.id for j in tree.jabatan if j.id}
    taken.update(s.id for s in tree.iku if s.id)
    taken.update(k.id for _, k in tree.iter_kinerja() if k.id)
    taken.update(i.id for _, i in tree.iter_indikator() if i.id)

    missing = [j for j in tree.jabatan if not j.id]
    base = {id(j): slugify(j.nama) for j in missing}
    repeats = Counter(base.values())
    for jabatan in missing:
        slug = base[id(jabatan)]
        if repeats[slug] > 1 and jabatan.unit:
            slug = slugify(f"{jabatan.nama} {jabatan.unit}")
        object.__setattr__(jabatan, "id", unique(slug, taken))

    for s_no, sasaran in enumerate(tree.iku, 1):
        if not sasaran.id:
            object.__setattr__(sasaran, "id", unique(f"S.{s_no}", taken))
        for i_no, indikator in enumerate(sasaran.indikator, 1):
            if not indikator.id:
                object.__setattr__(indikator, "id", unique(f"{sasaran.id}.i{i_no}", taken))
    for jabatan in tree.jabatan:
        for k_no, kinerja in enumerate(jabatan.kinerja, 1):
            if not kinerja.id:
                object.__setattr__(kinerja, "id", unique(f"{jabatan.id}.k{k_no}", taken))
            for i_no, indikator in enumerate(kinerja.indikator, 1):
                if not indikator.id:
                    object.__setattr__(indikator, "id", unique(f"{kinerja.id}.i{i_no}", taken))


# -- references -----------------------------------------------------------------------------


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def ensure_sound(tree: PohonKinerja) -> None:
    """Make a tree edited in memory whole again, or say what is wrong with it.

    Gives ids to what was added without one, resolves links given by text, and checks
    every reference as loading a file does. Run before a tree is checked, drawn or saved.

    Raises:
        TreeError: an id is used twice, a link or an atasan points nowhere, ...
    """
    assign_ids(tree)
    problems = resolve_references(tree)
    if problems:
        lines = [
            f"{dotted(p.path)}: {p.message}" + (f"\n  hint: {p.hint}" if p.hint else "")
            for p in problems[:5]
        ]
        more = f"\n(and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise TreeError("the tree does not hold together:\n" + "\n".join(lines) + more)


def resolve_references(tree: PohonKinerja) -> list[Problem]:
    """Check every id and reference of ``tree``; resolve links given by text to ids.

    Returns the problems found (empty when the tree is sound), each with the path of the
    offending field. Links resolved from text keep the id in ``ke`` and drop the text.
    """
    problems: list[Problem] = []
    owner: dict[str, tuple[str | int, ...]] = {}

    def claim(node_id: str | None, path: tuple[str | int, ...]) -> None:
        if node_id is None:
            return
        if node_id in owner:
            problems.append(
                Problem(
                    (*path, "id"),
                    f"the id {node_id!r} is already used at {dotted(owner[node_id])}",
                    "every id must be unique in the file; rename one, or delete it to "
                    "have pokin generate one",
                )
            )
        else:
            owner[node_id] = path

    for s_no, sasaran in enumerate(tree.iku):
        claim(sasaran.id, ("iku", s_no))
        for i_no, indikator in enumerate(sasaran.indikator):
            claim(indikator.id, ("iku", s_no, "indikator", i_no))
    for j_no, jabatan in enumerate(tree.jabatan):
        claim(jabatan.id, ("jabatan", j_no))
        for k_no, kinerja in enumerate(jabatan.kinerja):
            claim(kinerja.id, ("jabatan", j_no, "kinerja", k_no))
            for i_no, indikator in enumerate(kinerja.indikator):
                claim(indikator.id, ("jabatan", j_no, "kinerja", k_no, "indikator", i_no))

    by_id = {j.id: j for j in tree.jabatan}
    problems.extend(_atasan_problems(tree, by_id))
    if problems:
        return problems  # text links need a sound atasan chain to search along

    linkable: dict[str, str] = {}  # id -> kind, for messages
    for sasaran in tree.iku:
        linkable[str(sasaran.id)] = "sasaran"
    for _, kinerja in tree.iter_kinerja():
        linkable[str(kinerja.id)] = "kinerja"
    for _, indikator in tree.iter_indikator():
        linkable[str(indikator.id)] = "indikator"

    by_text: dict[str, list[tuple[Jabatan | None, Indikator]]] = {}
    for pair in tree.iter_indikator():
        by_text.setdefault(fold(pair[1].uraian), []).append(pair)

    for j_no, jabatan in enumerate(tree.jabatan):
        chain = _chain(jabatan, by_id)
        for k_no, kinerja in enumerate(jabatan.kinerja):
            base: tuple[str | int, ...] = ("jabatan", j_no, "kinerja", k_no)
            sources: list[tuple[tuple[str | int, ...], list[Tautan], str]] = [
                (base, kinerja.mendukung, str(kinerja.id))
            ]
            for i_no, indikator in enumerate(kinerja.indikator):
                sources.append(((*base, "indikator", i_no), indikator.mendukung, str(indikator.id)))
            for path, links, self_id in sources:
                for l_no, link in enumerate(links):
                    where = (*path, "mendukung", l_no)
                    problem = _resolve_link(link, where, self_id, chain, by_text, linkable)
                    if problem:
                        problems.append(problem)
    return problems


def _atasan_problems(tree: PohonKinerja, by_id: dict[str | None, Jabatan]) -> list[Problem]:
    problems: list[Problem] = []
    for j_no, jabatan in enumerate(tree.jabatan):
        if jabatan.atasan is None:
            continue
        if jabatan.atasan == jabatan.id:
            problems.append(
                Problem(("jabatan", j_no, "atasan"), "a jabatan cannot be its own atasan")
            )
        elif jabatan.atasan not in by_id:
            ids = [str(j.id) for j in tree.jabatan if j.id]
            wanted = jabatan.atasan.casefold()
            close = difflib.get_close_matches(wanted, ids, n=5, cutoff=0.6) or [
                i for i in ids if wanted in i
            ]
            problems.append(
                Problem(
                    ("jabatan", j_no, "atasan"),
                    f"no jabatan has the id {jabatan.atasan!r}",
                    "use the id of an existing jabatan"
                    + (f", e.g. {', '.join(close[:5])}" if close else "")
                    + "; `atasan: null` only for the top of the tree",
                )
            )
    if problems:
        return problems
    reported: set[str | None] = set()
    for j_no, jabatan in enumerate(tree.jabatan):
        seen: list[str | None] = []
        current: Jabatan | None = jabatan
        while current is not None and current.id not in seen:
            seen.append(current.id)
            current = by_id.get(current.atasan) if current.atasan else None
        if current is not None and current.id == jabatan.id and jabatan.id not in reported:
            reported.update(seen)
            loop = " -> ".join(str(s) for s in [*seen, jabatan.id])
            problems.append(
                Problem(
                    ("jabatan", j_no, "atasan"),
                    f"the atasan chain goes round in a circle: {loop}",
                    "one of these positions must report to a position outside the circle",
                )
            )
    return problems


def _chain(jabatan: Jabatan, by_id: dict[str | None, Jabatan]) -> list[Jabatan]:
    """The atasan of ``jabatan``, then theirs, up to the top (the chain is acyclic)."""
    chain: list[Jabatan] = []
    current = by_id.get(jabatan.atasan) if jabatan.atasan else None
    while current is not None:
        chain.append(current)
        current = by_id.get(current.atasan) if current.atasan else None
    return chain


def _resolve_link(
    link: Tautan,
    where: tuple[str | int, ...],
    self_id: str,
    chain: list[Jabatan],
    by_text: dict[str, list[tuple[Jabatan | None, Indikator]]],
    linkable: dict[str, str],
) -> Problem | None:
    if link.ke is not None:
        if link.ke == self_id:
            return Problem((*where, "ke"), "a node cannot support itself")
        if link.ke not in linkable:
            return Problem(
                (*where, "ke"),
                f"nothing in the file has the id {link.ke!r}",
                "point `ke` at the id of an indikator (or a kinerja / IKU sasaran), "
                "or write the indicator's exact text as `teks: ...`",
            )
        return None
    text = str(link.teks)
    candidates = by_text.get(fold(text), [])
    if not candidates:
        return Problem(
            (*where, "teks"),
            f"no indikator has the text {text!r}",
            "copy the superior indicator's text exactly (case and spaces may differ), "
            "or link by id with `ke: ...`",
        )
    chosen = candidates
    for superior in chain:  # nearest superior first
        mine = [c for c in candidates if c[0] is superior]
        if mine:
            chosen = mine
            break
    if len(chosen) > 1:
        ids = ", ".join(str(c[1].id) for c in chosen[:6])
        return Problem(
            (*where, "teks"),
            f"the text {text!r} matches {len(chosen)} indikator: {ids}",
            "link by id instead: `ke: <one of those ids>`",
        )
    object.__setattr__(link, "ke", chosen[0][1].id)
    object.__setattr__(link, "teks", None)
    return None
