"""Pairing the items of two versions of a tree (last year's and this year's), by id and text.

One algorithm on purpose: :class:`difflib.SequenceMatcher` over the words of two texts
(:func:`pokin._text.words`: case and punctuation ignored) gives both the similarity score
of a pair (:func:`similarity`) and the word-level difference a planner reads
(:func:`word_diff`), so the score shown beside a rewording is the one that paired it.

:func:`pair` matches two lists: an item keeps its partner with the same id when their texts
are alike enough (ids of a hand-kept file), then the rest are paired best score first
(renamed positions, reordered kinerja whose ids shifted). Candidates must share a word, so
an unchanged tree is paired in linear time and a revised one in time close to it.

>>> round(similarity("Persentase surat diagendakan", "Persentase surat masuk diagendakan"), 2)
0.86
>>> word_diff("Nilai SKM kecamatan", "Nilai Survei Kepuasan Masyarakat kecamatan")
'Nilai [-SKM-] {+Survei Kepuasan Masyarakat+} kecamatan'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from typing import Any, Generic, TypeVar

from ._text import words
from .models import Indikator, Jabatan, Kinerja, PohonKinerja

__all__ = [
    "Pair",
    "TreeMatch",
    "jabatan_similarity",
    "match_trees",
    "pair",
    "similarity",
    "word_diff",
    "word_ops",
]

T = TypeVar("T")


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1, word by word (case and punctuation ignored)."""
    left, right = words(a).split(), words(b).split()
    if not left and not right:
        return 1.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def word_ops(a: str, b: str) -> list[tuple[str, str, str]]:
    """The word-level changes from ``a`` to ``b`` as ``(op, old words, new words)``, op one
    of ``sama``, ``hapus``, ``tambah``, ``ganti``; words as written (case and punctuation
    kept), compared as :func:`~pokin._text.words` compares them."""
    left, right = a.split(), b.split()
    matcher = SequenceMatcher(None, [words(w) for w in left], [words(w) for w in right])
    names = {"equal": "sama", "delete": "hapus", "insert": "tambah", "replace": "ganti"}
    return [
        (names[op], " ".join(left[i1:i2]), " ".join(right[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def word_diff(a: str, b: str) -> str:
    """The change from ``a`` to ``b`` in one line: ``[-removed-]`` and ``{+added+}``
    (the notation of ``git diff --word-diff``)."""
    out = []
    for op, old, new in word_ops(a, b):
        if op == "sama":
            out.append(old)
            continue
        if old:
            out.append(f"[-{old}-]")
        if new:
            out.append(f"{{+{new}+}}")
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Pair(Generic[T]):
    """An item of the old list, its partner in the new list, and how alike they are."""

    old: T
    new: T
    skor: float


def pair(
    old: Sequence[T],
    new: Sequence[T],
    *,
    key: Callable[[T], str | None],
    text: Callable[[T], str],
    threshold: float = 0.5,
    score: Callable[[T, T], float] | None = None,
) -> tuple[list[Pair[T]], list[T], list[T]]:
    """Pair ``old`` with ``new``; return the pairs, the old items left, the new items left.

    ``key`` gives an item's id, ``text`` its text; ``score`` (default: :func:`similarity`
    of the texts) how alike two items are. Items with the same id are paired when their
    score reaches ``threshold / 2`` (a code kept while its text was reworded); the others
    when it reaches ``threshold``, best first. Each item is paired at most once.
    """
    measure = score or (lambda a, b: similarity(text(a), text(b)))
    chosen: list[tuple[int, int, float]] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    by_key = {key(item): n for n, item in enumerate(new) if key(item) is not None}
    for i, item in enumerate(old):
        j = by_key.get(key(item)) if key(item) is not None else None
        if j is None or j in taken_new:
            continue
        value = measure(item, new[j])
        if value >= threshold / 2:
            chosen.append((i, j, value))
            taken_old.add(i)
            taken_new.add(j)
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    scored = sorted(
        (
            (measure(old[i], new[j]), i, j)
            for i, j in _candidates(old, new, rest_old, rest_new, text)
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    for value, i, j in scored:
        if value < threshold:
            break
        if i not in taken_old and j not in taken_new:
            chosen.append((i, j, value))
            taken_old.add(i)
            taken_new.add(j)
    pairs = [Pair(old[i], new[j], value) for i, j, value in sorted(chosen)]
    left_old = [old[i] for i in range(len(old)) if i not in taken_old]
    left_new = [new[j] for j in range(len(new)) if j not in taken_new]
    return pairs, left_old, left_new


def _candidates(
    old: Sequence[T],
    new: Sequence[T],
    rest_old: list[int],
    rest_new: list[int],
    text: Callable[[T], str],
) -> set[tuple[int, int]]:
    """The (old, new) index pairs that share at least one word."""
    index: dict[str, list[int]] = {}
    for j in rest_new:
        for word in set(words(text(new[j])).split()):
            index.setdefault(word, []).append(j)
    found: set[tuple[int, int]] = set()
    for i in rest_old:
        for word in set(words(text(old[i])).split()):
            found.update((i, j) for j in index.get(word, ()))
    return found


# -- two versions of a tree -----------------------------------------------------------------


def _bag(text: str) -> set[str]:
    return set(words(text).split())


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _content(jabatan: Jabatan) -> set[str]:
    bag: set[str] = set()
    for kinerja in jabatan.kinerja:
        bag |= _bag(kinerja.uraian)
        for indikator in kinerja.indikator:
            bag |= _bag(indikator.uraian)
    return bag


def jabatan_similarity(a: Jabatan, b: Jabatan) -> float:
    """How alike two positions are, 0 to 1: their titles (word order aside) and, more, the
    words of their kinerja and indicators (a renamed position keeps its work)."""
    title = max(similarity(a.nama, b.nama), _jaccard(_bag(a.nama), _bag(b.nama)))
    if not a.kinerja and not b.kinerja:
        return title
    return 0.4 * title + 0.6 * _jaccard(_content(a), _content(b))


def _jabatan_text(jabatan: Jabatan) -> str:
    return f"{jabatan.nama} {jabatan.unit or ''}"


@dataclass
class TreeMatch:
    """How the positions and nodes of an ``old`` tree correspond to those of a ``new`` one.

    ``jabatan`` pairs positions (by id, then by title and content); ``merged`` maps each
    old position that went into another to the new position holding its work; ``nodes``
    maps old sasaran, kinerja and indikator ids to their new id and similarity score.
    """

    old: PohonKinerja
    new: PohonKinerja
    jabatan: list[Pair[Jabatan]] = field(default_factory=list)
    removed: list[Jabatan] = field(default_factory=list)
    added: list[Jabatan] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, tuple[str, float]] = field(default_factory=dict)

    def new_id(self, old_id: str) -> str | None:
        """The new id of an old node (or jabatan), ``None`` when it has none."""
        return self._forward.get(old_id)

    def old_id(self, new_id: str) -> str | None:
        """The old id of a new node (or jabatan), ``None`` when it is new."""
        return self._backward.get(new_id)

    @cached_property
    def _forward(self) -> dict[str, str]:
        """Old id → new id, nodes and positions (read once the pairing is complete)."""
        ids = {str(p.old.id): str(p.new.id) for p in self.jabatan}
        ids.update((old, new) for old, (new, _) in self.nodes.items())
        return ids

    @cached_property
    def _backward(self) -> dict[str, str]:
        return {new: old for old, new in self._forward.items()}


def match_trees(old: PohonKinerja, new: PohonKinerja) -> TreeMatch:
    """Pair the positions, sasaran, kinerja and indicators of two versions of a tree."""
    pairs, removed, added = pair(
        old.jabatan,
        new.jabatan,
        key=lambda j: j.id,
        text=_jabatan_text,
        score=jabatan_similarity,
        threshold=0.45,
    )
    match = TreeMatch(old, new, pairs, [], [])
    _pair_sasaran(old, new, match.nodes)
    for p in pairs:
        _pair_kinerja(p.old.kinerja, p.new.kinerja, match.nodes)
    _merges(match, removed, added)
    _pair_leftovers(match)
    return match


def _merges(match: TreeMatch, removed: list[Jabatan], added: list[Jabatan]) -> None:
    """An old position whose work is (mostly) found in one new position went into it."""
    held = {str(p.new.id): p.new for p in match.jabatan}
    candidates = [*held.values(), *added]
    into: dict[str, list[Jabatan]] = {}
    for old in removed:
        words_old = _content(old)
        best, share = None, 0.0
        for new in candidates:
            if words_old:
                value = len(words_old & _content(new)) / len(words_old)
                if value > share:
                    best, share = new, value
        if best is not None and share >= 0.7:
            into.setdefault(str(best.id), []).append(old)
        else:
            match.removed.append(old)
    for new_id, olds in into.items():
        target = held.get(new_id) or next(j for j in added if j.id == new_id)
        if new_id not in held and len(olds) == 1:  # one position into one new: a renaming
            old = olds[0]
            match.jabatan.append(Pair(old, target, jabatan_similarity(old, target)))
            held[new_id] = target
        else:
            for old in olds:
                match.merged[str(old.id)] = new_id
        taken = {new for new, _ in match.nodes.values()}
        free = [k for k in target.kinerja if k.id not in taken]
        for old in olds:
            taken |= _pair_kinerja(old.kinerja, free, match.nodes, taken)
    match.added.extend(j for j in added if str(j.id) not in held and str(j.id) not in into)


def _record(nodes: dict[str, tuple[str, float]], p: Pair[Any]) -> None:
    nodes[str(p.old.id)] = (str(p.new.id), round(p.skor, 3))


def _pair_sasaran(
    old: PohonKinerja, new: PohonKinerja, nodes: dict[str, tuple[str, float]]
) -> None:
    pairs, _, _ = pair(old.iku, new.iku, key=lambda s: s.id, text=lambda s: s.uraian)
    for p in pairs:
        _record(nodes, p)
    found, _, _ = pair(
        [i for s in old.iku for i in s.indikator],
        [i for s in new.iku for i in s.indikator],
        key=lambda i: i.id,
        text=lambda i: i.uraian,
    )
    for q in found:
        _record(nodes, q)


def _pair_kinerja(
    old: list[Kinerja],
    new: list[Kinerja],
    nodes: dict[str, tuple[str, float]],
    taken: set[str] | frozenset[str] = frozenset(),
) -> set[str]:
    """Kinerja of one position (by id, then text), then their indicators, then the
    indicators left over within the position (moved to another kinerja); ``taken`` holds
    the new ids paired before (by an earlier call on the same new position). Returns the
    new ids this call paired.

    Only this position's pairs are looked at, never every pair of the tree: the pairing
    stays linear in the number of positions (it was quadratic: 5 s at 10.000 indicators).
    """
    kinerja, _, _ = pair(old, new, key=_slot, text=lambda k: k.uraian)
    rest_old = [i for k in old for i in k.indikator]
    rest_new = [i for k in new for i in k.indikator]
    done_new: set[str] = set()
    for p in kinerja:
        _record(nodes, p)
        done_new.add(str(p.new.id))
        for q in pair(p.old.indikator, p.new.indikator, key=_slot, text=_uraian)[0]:
            _record(nodes, q)
            done_new.add(str(q.new.id))
    rest_old = [i for i in rest_old if str(i.id) not in nodes]
    rest_new = [i for i in rest_new if str(i.id) not in done_new and str(i.id) not in taken]
    for q in pair(rest_old, rest_new, key=lambda i: None, text=_uraian)[0]:
        _record(nodes, q)
        done_new.add(str(q.new.id))
    return done_new


def _slot(node: Indikator | Kinerja) -> str | None:
    """The place of a node within its position (``k2``, ``i1``): the key that pairs the
    kinerja of a renamed position, whose ids all changed with its title."""
    return node.id.rsplit(".", 1)[-1] if node.id else None


def _uraian(node: Indikator | Kinerja) -> str:
    return node.uraian


def _pair_leftovers(match: TreeMatch) -> None:
    """Kinerja and indicators that moved to another position, nearly word for word."""
    done_new = {new for new, _ in match.nodes.values()}
    for get in (_all_kinerja, _all_indikator):
        old = [n for n in get(match.old) if str(n.id) not in match.nodes]
        new = [n for n in get(match.new) if str(n.id) not in done_new]
        for p in pair(old, new, key=lambda n: None, text=_uraian, threshold=0.8)[0]:
            _record(match.nodes, p)


def _all_kinerja(tree: PohonKinerja) -> list[Kinerja | Indikator]:
    return [k for _, k in tree.iter_kinerja()]


def _all_indikator(tree: PohonKinerja) -> list[Kinerja | Indikator]:
    return [i for j in tree.jabatan for i in j.iter_indikator()]
