"""The shortcuts of the chain search (pokin/link/search.py) rule out only pairs that score 0.

:meth:`Search.strong` and :meth:`Search.hopeless` skip a target, or a node's whole search,
without scoring: they lean on ``_score`` giving 0 to a pair that shares too little rare
text (the same text aside). Checked here pair by pair against ``_score`` itself on every
bundled decree and labelled fixture, at several evidence bars, so a change to the scoring
that breaks that reliance fails here rather than silently dropping links.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pokin
from pokin.link import EVIDENCE, strip_links
from pokin.link.index import LinkIndex

from .scripts import load_script

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "link"
kabupaten = load_script(Path(__file__).resolve().parents[1] / "bench" / "kabupaten.py")


def _trees() -> list[tuple[str, pokin.PohonKinerja]]:
    trees = [(n, strip_links(pokin.datasets.load(n))) for n in pokin.datasets.names()]
    trees += [
        (p.stem, pokin.load(p))
        for p in sorted(FIXTURES.glob("*.yaml"))
        if not p.name.endswith("-labels.yaml")
    ]
    return trees


@pytest.mark.parametrize("evidence", [0.0, EVIDENCE, 1.0])
@pytest.mark.parametrize(("name", "tree"), _trees(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_shortcut_drops_a_pair_that_scores(
    name: str, tree: pokin.PohonKinerja, evidence: float
) -> None:
    index = LinkIndex(tree, min_evidence=evidence)
    checked = skipped = 0
    for jabatan, kinerja in tree.iter_kinerja():
        jid = str(jabatan.id)
        nodes = [(str(kinerja.id), True)] + [(str(i.id), False) for i in kinerja.indikator]
        for node, is_kinerja in nodes:
            steps = index.kinerja_steps(jid) if is_kinerja else index.indikator_steps(jid)
            targets = [t for _, ts in steps for t in ts]
            scores = {t: index._score(node, t) for t in targets}
            strong, plain = index.strong(node), index.phrases[node].plain
            for target, found in scores.items():
                other = index.phrases[target]
                if found > 0:
                    assert not strong.isdisjoint(other.words) or other.plain == plain, (
                        node,
                        target,
                    )
            if index.hopeless(node, jid, kinerja=is_kinerja):
                skipped += 1
                assert not any(scores.values()), (name, node)
            checked += 1
    assert checked
    if evidence:
        assert skipped  # the shortcut is taken on real decrees


def test_strong_words_are_all_words_without_an_evidence_bar() -> None:
    tree = strip_links(pokin.datasets.load("sambutan-2023"))
    index = LinkIndex(tree, min_evidence=0.0)
    for node, found in index.phrases.items():
        assert index.strong(node) == found.words


@pytest.mark.parametrize("evidence", [0.0, EVIDENCE])
@pytest.mark.parametrize(("name", "tree"), _trees(), ids=lambda x: x if isinstance(x, str) else "")
def test_targets_outside_the_chain_left_out_score_nothing(
    name: str, tree: pokin.PohonKinerja, evidence: float
) -> None:
    """The crosscutting search keeps, of the texts the index retrieves outside the chain,
    only those sharing a strong word: the others' indicators score 0 (even the same text)."""
    index = LinkIndex(tree, min_evidence=evidence)
    left_out = 0
    for jabatan, kinerja in tree.iter_kinerja():
        jid, kid = str(jabatan.id), str(kinerja.id)
        mine = {jid, *index.chain[jid]}
        strong = index.strong(kid)
        for group in index._retrieve(index.phrases[kid], 0.5):
            text, nodes = index._texts_of[group]
            for target in nodes:
                if index.owner[target] not in mine and strong.isdisjoint(text.words):
                    left_out += 1
                    assert index._score(kid, target, typos=False) == 0, (name, kid, target)
    if evidence and name.startswith("kebomas"):
        assert left_out  # the shortcut is taken on a real decree


def _kabupaten() -> list[tuple[str, pokin.PohonKinerja]]:
    """Two copies each of two decrees as one tree: texts held in several kecamatan."""
    data = kabupaten.kabupaten_data(
        1, sources=["datasets/sambutan-2023", "datasets/wonoasih-2026"] * 2
    )
    del data["copies"]
    return [("kabupaten", pokin.PohonKinerja.model_validate(data))]


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.95])
@pytest.mark.parametrize(
    ("name", "tree"), _trees() + _kabupaten(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_the_one_text_outside_the_chain_is_the_one_of_all_pairs(
    name: str, tree: pokin.PohonKinerja, threshold: float
) -> None:
    """``_single_outside`` scores each text the index retrieves once, however many
    indicators hold it, and stops at a second hit: its answer is the one that scoring
    every indicator holding those texts outside the chain gives."""
    index = LinkIndex(tree, min_evidence=EVIDENCE)
    found = 0
    for jabatan, kinerja in tree.iter_kinerja():
        jid, kid = str(jabatan.id), str(kinerja.id)
        mine, strong = {jid, *index.chain[jid]}, index.strong(kid)
        retrieved = [index._texts_of[g] for g in index._retrieve(index.phrases[kid], threshold)]
        hits = [
            (t, s)
            for text, nodes in retrieved
            for t in nodes
            if index.owner[t] not in mine
            and not strong.isdisjoint(text.words)
            and (s := index._score(kid, t, typos=False)) >= threshold
        ]
        assert index._single_outside(kid, jid, threshold) == (
            hits[0] if len(hits) == 1 else None
        ), (name, kid)
        found += len(hits) == 1
    if threshold == 0.5 and name in ("kebomas-2023", "kabupaten"):
        assert found  # something to find


@pytest.mark.parametrize(
    ("name", "tree"), _trees() + _kabupaten(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_template_units_are_counted_as_the_holders_say(name: str, tree: pokin.PohonKinerja) -> None:
    """``_recurring`` counts units from each text's holders less those set aside among the
    holder's subordinates: the count the holders give one by one."""
    index = LinkIndex(tree, min_evidence=EVIDENCE)
    jabatan = index.jabatan
    for node, owner in index.owner.items():
        if owner is None:
            continue
        related = {index.unit[j] for j in (owner, *index.chain[owner])}
        for managerial in (True, False):
            holders = index._holders_of(index.phrases[node].key)
            expected = {
                index.unit[j]
                for j in holders
                if not (index._staff(j, owner) or (jabatan[j].atasan == owner and not managerial))
            }
            assert index._recurring(node, managerial, related) == len(expected - related)
