"""Ids and references of a pohon kinerja: generated ids, links by text, the atasan chain.

:class:`~pokin.models.PohonKinerja` runs these when it is validated; they are kept apart
from the models so each stays small. Problems are returned as :class:`Problem` records with
a path into the file, which :mod:`pokin.io` turns into a line and column.
"""

from __future__ import annotations

import difflib
import operator
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Protocol

from .._text import fold, slugify, unique
from ..errors import TreeError
from .parts import Indikator, Jabatan, Kinerja, Sasaran, Tautan
from .whole import NO_ID, all_sound, whole


class Tree(Protocol):
    """What resolving references reads of a tree: :class:`~pokin.models.PohonKinerja`
    (which calls these functions when it is validated, so they cannot import it)."""

    iku: list[Sasaran]
    jabatan: list[Jabatan]

    def iter_kinerja(self) -> Iterator[tuple[Jabatan, Kinerja]]: ...

    def iter_indikator(self) -> Iterator[tuple[Jabatan | None, Indikator]]: ...


__all__ = [
    "Problem",
    "assign_ids",
    "atasan_chain",
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


def assign_ids(tree: Tree, reserved: Collection[str] = ()) -> None:
    """Give every node without an id a stable generated one, never one of ``reserved``
    (the ids a workbook was exported with: a row whose id was cleared is a new node)."""
    if _all_have_ids(tree):
        return  # a file pokin wrote, or a tree already normalised: nothing to collect
    taken: set[str | None] = {*reserved, *(j.id for j in tree.jabatan), *(s.id for s in tree.iku)}
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


def _all_have_ids(tree: Tree) -> bool:
    """Whether every node has its id (C-level passes: a kabupaten has 150k nodes)."""
    kinerja = [k for j in tree.jabatan for k in j.kinerja]
    return (
        all(map(_ID, tree.jabatan))
        and all(map(_ID, kinerja))
        and all(map(_ID, [i for k in kinerja for i in k.indikator]))
        and all(map(_ID, tree.iku))
        and all(i.id for s in tree.iku for i in s.indikator)
    )


# -- references -----------------------------------------------------------------------------


def dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def ensure_sound(tree: Tree) -> None:
    """Make a tree edited in memory whole again, or say what is wrong with it.

    Gives ids to what was added without one, resolves links given by text, and checks
    every reference as loading a file does. Run before a tree is checked, drawn or saved.

    Raises:
        TreeError: an id is used twice, a link or an atasan points nowhere, ...
    """
    problems = resolve_references(tree)  # it gives the missing ids first
    if problems:
        lines = [
            f"{dotted(p.path)}: {p.message}" + (f"\n  saran: {p.hint}" if p.hint else "")
            for p in problems[:5]
        ]
        more = f"\n(dan {len(problems) - 5} lagi)" if len(problems) > 5 else ""
        raise TreeError("pohon ini tidak utuh:\n" + "\n".join(lines) + more)


def resolve_references(tree: Tree, reserved: Collection[str] = ()) -> list[Problem]:
    """Check every id and reference of ``tree``; resolve links given by text to ids.

    Gives ids to the nodes without one first (:func:`assign_ids`). Returns the problems
    found (none when the tree is sound), each with the path of the offending field.
    Links resolved from text keep the id in ``ke`` and drop the text.
    One pass over the nodes, then one over the links; the index of texts is built only
    when a link is given by text, and the paths only when a link needs one (a text to
    resolve, a problem to report).
    """
    if whole(tree):
        return []  # a file as pokin writes it: nothing to give, resolve or report
    problems: list[Problem] = []
    kinerja = [k for j in tree.jabatan for k in j.kinerja]
    indikator = [i for k in kinerja for i in k.indikator]
    linkable = _claim_ids(tree, kinerja, indikator, problems)
    if linkable is None:  # a node without its id: give them all one first
        assign_ids(tree, reserved)
        linkable = _claim_ids(tree, kinerja, indikator, problems)
        assert linkable is not None
    by_id = {j.id: j for j in tree.jabatan}
    problems.extend(_atasan_problems(tree, by_id))
    if problems:
        return problems  # text links need a sound atasan chain to search along
    if all_sound(kinerja, linkable) and all_sound(indikator, linkable):
        return problems  # every link by an id that exists: nothing to resolve or report
    texts = _Texts(tree, by_id)
    for j_no, jabatan in enumerate(tree.jabatan):
        for k_no, node in enumerate(jabatan.kinerja):
            base: tuple[str | int, ...] = ("jabatan", j_no, "kinerja", k_no)
            if node.mendukung:
                _links(node.mendukung, base, str(node.id), jabatan, texts, linkable, problems)
            for i_no, item in enumerate(node.indikator):
                if item.mendukung:
                    where = (*base, "indikator", i_no)
                    owned = str(item.id)
                    _links(item.mendukung, where, owned, jabatan, texts, linkable, problems)
    return problems


def _claim_ids(
    tree: Tree, kinerja: list[Kinerja], indikator: list[Indikator], problems: list[Problem]
) -> set[str] | None:
    """The ids a link may point at (sasaran, kinerja, indikator), or None if a node has no
    id yet; a problem for each id used twice, found by a second, slower pass only when
    there is one. The sets are built by C loops: a kabupaten has 150k ids."""
    nodes: tuple[list[Sasaran], list[Indikator], list[Kinerja], list[Indikator]] = (
        tree.iku,
        [i for s in tree.iku for i in s.indikator],
        kinerja,
        indikator,
    )
    linkable: set[str | None] = set()
    for group in nodes:
        linkable.update(map(_ID, group))
    positions: set[str | None] = set(map(_ID, tree.jabatan))
    if not NO_ID.isdisjoint(linkable) or not NO_ID.isdisjoint(positions):
        return None
    given = sum(len(group) for group in nodes) + len(tree.jabatan)
    if len(linkable) + len(positions) < given or not linkable.isdisjoint(positions):
        problems.extend(_duplicate_ids(tree))
    return linkable  # type: ignore[return-value]


_ID = operator.attrgetter("id")


def _duplicate_ids(tree: Tree) -> list[Problem]:
    """A problem for each id used twice, naming where it was first used."""
    owner: dict[str, tuple[str | int, ...]] = {}
    problems: list[Problem] = []

    def claim(node_id: str | None, path: tuple[str | int, ...]) -> None:
        if not node_id:
            return
        if node_id in owner:
            problems.append(
                Problem(
                    (*path, "id"),
                    f"id {node_id!r} sudah dipakai di {dotted(owner[node_id])}",
                    "setiap id harus unik dalam berkas; ganti salah satunya, atau hapus "
                    "agar pokin membuatkannya",
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
    return problems


class _Texts:
    """Indicators (else kinerja, QA7 #16) by folded text, and each jabatan's atasan chain,
    built on first use."""

    def __init__(self, tree: Tree, by_id: dict[str | None, Jabatan]) -> None:
        self.tree = tree
        self.by_id = by_id
        self._by_text: dict[str, list[tuple[Jabatan | None, Indikator | Kinerja]]] | None = None

    def find(self, text: str) -> list[tuple[Jabatan | None, Indikator | Kinerja]]:
        if self._by_text is None:
            self._by_text = {}
            for pair in self.tree.iter_indikator():
                self._by_text.setdefault(fold(pair[1].uraian), []).append(pair)
            for jabatan, kinerja in self.tree.iter_kinerja():
                self._by_text.setdefault("\0" + fold(kinerja.uraian), []).append((jabatan, kinerja))
        return self._by_text.get(fold(text)) or self._by_text.get("\0" + fold(text), [])

    def chain(self, jabatan: Jabatan) -> list[Jabatan]:
        return atasan_chain(jabatan, self.by_id)


def _links(
    links: list[Tautan],
    path: tuple[str | int, ...],
    self_id: str,
    jabatan: Jabatan,
    texts: _Texts,
    linkable: set[str],
    problems: list[Problem],
) -> None:
    for l_no, link in enumerate(links):
        problem = _resolve_link(link, (*path, "mendukung", l_no), self_id, jabatan, texts, linkable)
        if problem:
            problems.append(problem)


def _atasan_problems(tree: Tree, by_id: dict[str | None, Jabatan]) -> list[Problem]:
    problems: list[Problem] = []
    for j_no, jabatan in enumerate(tree.jabatan):
        if jabatan.atasan is None:
            continue
        if jabatan.atasan == jabatan.id:
            problems.append(
                Problem(
                    ("jabatan", j_no, "atasan"),
                    "sebuah jabatan tidak dapat menjadi atasannya sendiri",
                )
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
                    f"tidak ada jabatan dengan id {jabatan.atasan!r}",
                    "pakai id jabatan yang ada"
                    + (f", mis. {', '.join(close[:5])}" if close else "")
                    + "; `atasan: null` hanya untuk puncak pohon",
                )
            )
    if problems:
        return problems
    return _cycles(tree, by_id)


def _cycles(tree: Tree, by_id: dict[str | None, Jabatan]) -> list[Problem]:
    """One problem per circle in the atasan chain; each jabatan is walked once (linear)."""
    problems: list[Problem] = []
    position = {j.id: n for n, j in enumerate(tree.jabatan)}
    if all(position[j.atasan] < n for n, j in enumerate(tree.jabatan) if j.atasan is not None):
        return problems  # each atasan written before its staff: no chain can come back
    done: set[str | None] = set()  # on a chain already known to end at the top or a circle
    for jabatan in tree.jabatan:
        walk: dict[str | None, None] = {}  # this walk, in order (a dict: fast `in`)
        current: Jabatan | None = jabatan
        while current is not None and current.id not in done and current.id not in walk:
            walk[current.id] = None
            current = by_id.get(current.atasan) if current.atasan else None
        if current is not None and current.id in walk:  # a new circle, from `current` on
            seen = list(walk)
            loop = seen[seen.index(current.id) :]
            first = min(range(len(loop)), key=lambda n: position[loop[n]])  # in file order
            loop = loop[first:] + loop[:first]
            shown = [*loop, loop[0]]
            if len(shown) > 9:  # a long circle: its ends, and how many between
                shown = [*shown[:4], f"... {len(shown) - 7} lagi ...", *shown[-3:]]
            text = " -> ".join(str(s) for s in shown)
            problems.append(
                Problem(
                    ("jabatan", position[loop[0]], "atasan"),
                    f"rantai atasan berputar melingkar: {text}",
                    "salah satu jabatan ini harus melapor ke jabatan di luar lingkaran itu",
                )
            )
        done.update(walk)
    return problems


def atasan_chain(jabatan: Jabatan, by_id: dict[str | None, Jabatan]) -> list[Jabatan]:
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
    jabatan: Jabatan,
    texts: _Texts,
    linkable: set[str],
) -> Problem | None:
    if link.ke is not None:
        if link.ke == self_id:
            return Problem(
                (*where, "ke"), "sebuah kinerja/indikator tidak dapat mendukung dirinya sendiri"
            )
        if link.ke not in linkable:
            return Problem(
                (*where, "ke"),
                f"tidak ada apa pun dalam berkas dengan id {link.ke!r}",
                "arahkan `ke` ke id sebuah indikator (atau kinerja / sasaran IKU), "
                "atau tulis teks indikatornya persis sebagai `teks: ...`",
            )
        return None
    text = str(link.teks)
    candidates = texts.find(text)
    if not candidates:
        return Problem(
            (*where, "teks"),
            f"tidak ada indikator atau kinerja dengan teks {text!r}",
            "salin teks indikator atasan persis (huruf besar/kecil dan spasi boleh beda), "
            "atau tautkan dengan id: `ke: ...`",
        )
    chosen = candidates
    for superior in texts.chain(jabatan):  # nearest superior first
        mine = [c for c in candidates if c[0] is superior]
        if mine:
            chosen = mine
            break
    if len(chosen) > 1:
        ids = ", ".join(str(c[1].id) for c in chosen[:6])
        return Problem(
            (*where, "teks"),
            f"teks {text!r} cocok dengan {len(chosen)} indikator: {ids}",
            "tautkan dengan id: `ke: <salah satu id itu>`",
        )
    object.__setattr__(link, "ke", chosen[0][1].id)
    object.__setattr__(link, "teks", None)
    return None
