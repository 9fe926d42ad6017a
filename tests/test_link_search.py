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

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "link"


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
    """The crosscutting search keeps, of what the index retrieves outside the chain, only
    the indicators sharing a strong word: the others score 0 (even the same text)."""
    index = LinkIndex(tree, min_evidence=evidence)
    left_out = 0
    for jabatan, kinerja in tree.iter_kinerja():
        jid, kid = str(jabatan.id), str(kinerja.id)
        mine = {jid, *index.chain[jid]}
        kept = set(index._outside(kid, jid, 0.5))
        for target in index._retrieve(index.phrases[kid], 0.5):
            if index.owner[target] not in mine and target not in kept:
                left_out += 1
                assert index._score(kid, target, typos=False) == 0, (name, kid, target)
    if evidence and name.startswith("kebomas"):
        assert left_out  # the shortcut is taken on a real decree
