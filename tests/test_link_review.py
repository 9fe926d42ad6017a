"""A planner's verdict on a proposed link keeps the evidence it was proposed on (QA 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin import PohonKinerja, datasets, load, save
from pokin.cli import main
from pokin.link import apply_links, infer_links, review, strip_links
from pokin.models import Indikator, Kinerja, Status, Tautan


def _proposed() -> PohonKinerja:
    tree = strip_links(datasets.load("sambutan-2023"))
    return apply_links(tree, infer_links(tree))


def _link(tree: PohonKinerja, dari: str, ke: str) -> Tautan:
    for _, kinerja in tree.iter_kinerja():
        holders: list[Kinerja | Indikator] = [kinerja, *kinerja.indikator]
        for holder in holders:
            if str(holder.id) == dari:
                return next(t for t in holder.mendukung if str(t.ke) == ke)
    raise AssertionError(f"no link {dari} → {ke}")


@pytest.mark.parametrize("diterima", [True, False])
def test_a_verdict_keeps_skor_and_alasan(diterima: bool) -> None:
    tree = _proposed()
    before = _link(tree, "sekretaris.k1", "camat.k1")
    assert before.status is Status.USULAN
    assert before.skor is not None
    assert before.alasan
    after = _link(
        review(tree, "sekretaris.k1", "camat.k1", diterima=diterima), "sekretaris.k1", "camat.k1"
    )
    assert after.status is (Status.DITERIMA if diterima else Status.DITOLAK)
    assert (after.skor, after.alasan) == (before.skor, before.alasan)


def test_a_verdict_on_a_pair_never_proposed_has_no_evidence() -> None:
    tree = strip_links(datasets.load("sambutan-2023"))
    link = _link(
        review(tree, "sekretaris.k1", "camat.k2", diterima=True), "sekretaris.k1", "camat.k2"
    )
    assert (link.skor, link.alasan, link.status) == (None, None, Status.DITERIMA)


@pytest.mark.parametrize("flag", ["--terima", "--tolak"])
def test_pokin_link_terima_and_tolak_keep_the_evidence_in_the_file(
    tmp_path: Path, flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.yaml"
    save(strip_links(datasets.load("sambutan-2023")), path)
    main(["link", str(path), "--write"])
    before = _link(load(path), "sekretaris.k1", "camat.k1")
    main(["link", str(path), "--write", flag, "sekretaris.k1=camat.k1"])
    capsys.readouterr()
    after = _link(load(path), "sekretaris.k1", "camat.k1")
    assert after.status is not Status.USULAN
    assert after.skor is not None
    assert (after.skor, after.alasan) == (before.skor, before.alasan)
