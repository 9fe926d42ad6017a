"""Measure link inference against links a planner labelled by hand.

A labels file (``datasets/labels/<dataset>.yaml``) names, for each kinerja a careful reader
linked, the targets any of which they accept and whether the child restates its target's
text (``jenis: teks``: inference should propose it) or supports it by meaning only
(``jenis: makna``: never proposed, but among the top 3 suggestions). A kinerja named as a
target accepts its indicators too (the child carries that kinerja, by whichever of its
indicators). ``cakupan`` is
``semua`` or the list of the positions labelled: a kinerja of a position in scope without
an entry supports nothing a reader can name. A proposal from an indicator counts as its
kinerja's. :func:`evaluate` gives precision and recall of the proposals and the share of
meaning-only links whose target is among the top suggestions. A meaning-only link is never
proposed at or above the threshold; under it, as the one text of the atasan a row points
at (:meth:`~pokin.link.search.Search.clear_best`, its reason says "di bawah ambang"), it
may be: ``meaning_flagged`` counts those.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import PokinFileError
from ..models import PohonKinerja

__all__ = ["Label", "Labels", "Score", "evaluate", "load_labels", "measure"]


@dataclass(frozen=True, slots=True)
class Label:
    """One hand-labelled link: the kinerja ``dari`` supports any of ``ke``."""

    dari: str
    ke: frozenset[str]
    jenis: str  # "teks" (restated) or "makna" (meaning only)
    catatan: str = ""


@dataclass(frozen=True, slots=True)
class Labels:
    """The hand labels of one tree."""

    dataset: str
    cakupan: frozenset[str] | None  # positions labelled; None: all
    tautan: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """How the proposals and suggestions of one tree compare with its labels."""

    proposed: int  # proposals for kinerja in scope
    right: int  # of which name a labelled target
    restated: int  # labels of jenis teks
    found: int  # of which a proposal names a labelled target
    meaning: int  # labels of jenis makna
    meaning_proposed: int  # of which were proposed as links anyway
    meaning_top: int  # of which a labelled target is among the top suggestions
    wrong: tuple[tuple[str, str], ...] = ()  # (holder, target) of each wrong proposal
    meaning_flagged: int = 0  # of meaning_proposed, hit only by proposals under the threshold
    missed: tuple[str, ...] = ()  # the kinerja of each restated label not found

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.restated if self.restated else 1.0

    @property
    def top(self) -> float:
        return self.meaning_top / self.meaning if self.meaning else 1.0


def load_labels(path: str | Path) -> Labels:
    """Read a labels file.

    Raises:
        PokinFileError: the file is not a labels file (the message says what is wrong).
    """
    path = Path(path)
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        scope = data["cakupan"]
        return Labels(
            dataset=str(data["dataset"]),
            cakupan=None if scope == "semua" else frozenset(map(str, scope)),
            tautan=tuple(
                Label(
                    dari=str(t["dari"]),
                    ke=frozenset(map(str, t["ke"])),
                    jenis=_jenis(t["jenis"]),
                    catatan=str(t.get("catatan") or ""),
                )
                for t in data["tautan"]
            ),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as err:
        raise PokinFileError(
            f"berkas label tidak dapat dibaca ({type(err).__name__}: {err})",
            path=path,
            hint="lihat datasets/labels/wonoasih-2026.yaml untuk bentuknya",
        ) from None


def _jenis(value: Any) -> str:
    if value not in ("teks", "makna"):
        raise ValueError(f"jenis harus teks atau makna, bukan {value!r}")
    return str(value)


def measure(tree: PohonKinerja, labels: str | Path) -> Score:
    """Infer links and suggestions for ``tree`` with the default settings and score them
    against the labels file ``labels`` (what the tests and ``bench/bench_link.py`` report)."""
    from . import THRESHOLD, infer_links, suggest_links

    ranked: dict[str, list[str]] = {}
    for s in suggest_links(tree):
        ranked.setdefault(s.dari, []).append(s.ke)
    found = infer_links(tree)
    proposals = [(p.dari, p.ke) for p in found]
    flagged = [(p.dari, p.ke) for p in found if p.skor < THRESHOLD]
    return evaluate(tree, load_labels(labels), proposals, ranked.items(), flagged)


def evaluate(
    tree: PohonKinerja,
    labels: Labels,
    proposals: Iterable[tuple[str, str]],
    suggestions: Iterable[tuple[str, Sequence[str]]] = (),
    flagged: Iterable[tuple[str, str]] = (),
) -> Score:
    """Compare proposals ``(holder, target)`` and ranked suggestions ``(kinerja, targets)``
    with the labels of ``tree`` (see the module docstring); ``flagged``: the proposals
    among them made under the threshold."""
    kinerja_of: dict[str, str] = {}
    position: dict[str, str] = {}
    for jabatan, kinerja in tree.iter_kinerja():
        kid = str(kinerja.id)
        kinerja_of[kid], position[kid] = kid, str(jabatan.id)
        kinerja_of.update((str(i.id), kid) for i in kinerja.indikator)
    indicators: dict[str, set[str]] = {}
    for _, kinerja in tree.iter_kinerja():
        indicators[str(kinerja.id)] = {str(i.id) for i in kinerja.indikator}
    for sasaran in tree.iku:
        indicators[str(sasaran.id)] = {str(i.id) for i in sasaran.indikator}
    labels = Labels(
        labels.dataset,
        labels.cakupan,
        tuple(
            Label(lab.dari, lab.ke.union(*(indicators.get(t, ()) for t in lab.ke)), lab.jenis)
            for lab in labels.tautan
        ),
    )
    accepted: dict[str, set[str]] = {}
    for label in labels.tautan:
        accepted.setdefault(kinerja_of.get(label.dari, label.dari), set()).update(label.ke)
    got: set[tuple[str, str]] = {(kinerja_of.get(h, h), t) for h, t in proposals}
    under = {(kinerja_of.get(h, h), t) for h, t in flagged}
    scoped = {(k, t) for k, t in got if labels.cakupan is None or position.get(k) in labels.cakupan}
    wrong = sorted((k, t) for k, t in scoped if t not in accepted.get(k, ()))
    restated = [lab for lab in labels.tautan if lab.jenis == "teks"]
    missed = [lab for lab in restated if not _hit(lab, got, kinerja_of)]
    meaning = [lab for lab in labels.tautan if lab.jenis == "makna"]
    ranked = {kinerja_of.get(k, k): list(ts) for k, ts in suggestions}
    return Score(
        proposed=len(scoped),
        right=len(scoped) - len(wrong),
        restated=len(restated),
        found=len(restated) - len(missed),
        meaning=len(meaning),
        meaning_proposed=sum(_hit(lab, got, kinerja_of) for lab in meaning),
        meaning_flagged=sum(
            _hit(lab, got, kinerja_of) and not _hit(lab, got - under, kinerja_of) for lab in meaning
        ),
        meaning_top=sum(
            bool(lab.ke & set(ranked.get(kinerja_of.get(lab.dari, lab.dari), ())))
            or _hit(lab, got, kinerja_of)
            for lab in meaning
        ),
        wrong=tuple(wrong),
        missed=tuple(lab.dari for lab in missed),
    )


def _hit(label: Label, got: set[tuple[str, str]], kinerja_of: dict[str, str]) -> bool:
    holder = kinerja_of.get(label.dari, label.dari)
    return any((holder, t) in got for t in label.ke)
