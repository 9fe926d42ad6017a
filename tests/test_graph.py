from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pokin
from pokin import ROOT, Cascade, Peran, PokinError

from .conftest import _ind, jab, make


def test_nodes_and_edges_alternate_kinerja_and_indikator() -> None:
    c = Cascade(make())
    g = c.graph
    assert g.nodes["camat.k1"]["jenis"] == "kinerja"
    assert g.nodes["camat.k1.i1"]["jenis"] == "indikator"
    assert g.nodes["camat.k1.i1"]["jabatan"] == "camat"
    assert g.edges[ROOT, "camat.k1"]["jenis"] == "iku"
    assert g.edges["camat.k1", "camat.k1.i1"]["jenis"] == "indikator"
    link = g.edges["camat.k1.i1", "sekretaris.k1"]
    assert link["jenis"] == "kaskade"
    assert link["asal"] == "deklarasi"
    assert c.iku == ["camat.k1.i1", "camat.k1.i2"]


def test_path_to_iku_climbs_the_cascade() -> None:
    c = Cascade(make())
    assert c.path_to_iku("staf.k1.i1") == [
        "staf.k1.i1",
        "staf.k1",
        "sekretaris.k1.i1",
        "sekretaris.k1",
        "camat.k1.i1",
    ]
    assert c.path_to_iku("camat.k1.i2") == ["camat.k1.i2"]


def test_orphans_have_no_path() -> None:
    c = Cascade(make(lambda d: jab(d, "staf")["kinerja"][0].pop("mendukung")))
    assert c.path_to_iku("staf.k1") == []
    assert not c.reaches_iku("staf.k1.i1")
    assert c.reaches_iku("sekretaris.k1.i1")


def test_subtree_under_a_jabatan_or_a_node_with_depth() -> None:
    c = Cascade(make())
    under_sekretaris = set(c.subtree("sekretaris"))
    assert under_sekretaris == {"sekretaris.k1", "sekretaris.k1.i1", "staf.k1", "staf.k1.i1"}
    under_camat = c.subtree("camat.k1.i1", depth=1)
    assert set(under_camat) == {"camat.k1.i1", "sekretaris.k1", "sekretaris.k1.i1"}
    assert len(c.subtree("camat")) == 9


def test_children_and_parents_of_a_leaf_and_of_the_root_are_empty_not_errors() -> None:
    c = Cascade(make())
    assert list(c.children("staf.k1.i1")) == []
    assert list(c.parents(ROOT)) == []
    assert list(c.children(ROOT))


def test_unknown_ids_are_clear() -> None:
    c = Cascade(make())
    with pytest.raises(KeyError, match=r"«camat» adalah id jabatan.*misalnya camat\.k1"):
        c.path_to_iku("camat")
    with pytest.raises(KeyError, match="tidak ada kinerja atau indikator ber-id «nope»"):
        c.ancestors("nope")


@pytest.mark.parametrize(
    "ask",
    [
        lambda c: c.path_to_iku("tidak-ada"),
        lambda c: c.reaches_iku("tidak-ada"),
        lambda c: c.subtree("tidak-ada"),
        lambda c: c.node("tidak-ada"),
        lambda c: c.descendants("tidak-ada"),
        lambda c: c.supporters("tidak-ada"),
        lambda c: c.supported("tidak-ada"),
        lambda c: c.children("tidak-ada"),
        lambda c: c.parents("tidak-ada"),
    ],
)
def test_an_unknown_id_is_the_planners_error(ask: Any) -> None:
    """The notebook API answers an unknown id as pokin.diagram(root=...) does: a PokinError
    in Indonesian (still a KeyError for code that catches one), naming the id and where to
    find the ids, not KeyError's quoted English repr."""
    with pytest.raises(PokinError) as raised:
        ask(Cascade(make()))
    assert isinstance(raised.value, KeyError)
    text = str(raised.value)
    assert text.startswith("tidak ada kinerja atau indikator ber-id «tidak-ada»")
    assert "`pokin show` mencetak semua id" in text
    assert "misalnya camat.k1" in text


def test_ancestors_descendants_supporters() -> None:
    c = Cascade(make())
    assert c.ancestors("staf.k1") == {
        "sekretaris.k1.i1",
        "sekretaris.k1",
        "camat.k1.i1",
        "camat.k1",
    }
    assert "staf.k1.i1" in c.descendants("camat.k1.i1")
    assert c.supporters("camat.k1.i1") == ["sekretaris.k1"]
    assert c.supported("staf.k1") == ["sekretaris.k1.i1"]


def test_structure_queries() -> None:
    c = Cascade(make())
    assert [j.id for j in c.bawahan("camat")] == ["sekretaris", "kasi"]
    assert [j.id for j in c.atasan_chain("staf")] == ["sekretaris", "camat"]
    assert c.levels == {"camat": 0, "sekretaris": 1, "kasi": 1, "staf": 2}
    assert [j.id for j in c.by_peran(Peran.KASI, "pelaksana")] == ["kasi", "staf"]
    assert [j.id for j in c.by_unit("sekretariat")] == ["sekretaris", "staf"]
    assert c.units == ["Kecamatan", "Sekretariat", "Seksi Pelayanan"]


def test_indikator_level_links_and_rejected_links() -> None:
    def variant(d: dict[str, Any]) -> None:
        staf = jab(d, "staf")["kinerja"][0]
        staf["mendukung"] = [
            {"ke": "sekretaris.k1.i1", "asal": "inferensi", "skor": 0.5, "status": "ditolak"}
        ]
        staf["indikator"].append(_ind("Persentase dokumen", mendukung=["sekretaris.k1.i1"]))

    c = Cascade(make(variant))
    assert ("sekretaris.k1.i1", "staf.k1") not in c.graph.edges  # rejected: not drawn
    assert c.supporters("sekretaris.k1.i1") == ["staf.k1.i2"]
    assert c.reaches_iku("staf.k1.i2")
    assert c.reaches_iku("staf.k1")  # connected through its own indicator's link
    assert c.reaches_iku("staf.k1.i1")  # and so is its other indicator


def test_with_an_iku_table_the_roots_are_its_indicators() -> None:
    def iku(d: dict[str, Any]) -> None:
        d["iku"] = [{"uraian": "Pelayanan", "indikator": [_ind("IKM")]}]
        jab(d, "camat")["kinerja"][0]["mendukung"] = ["S.1.i1"]

    c = Cascade(make(iku))
    assert c.iku == ["S.1.i1"]
    assert c.path_to_iku("camat.k1")[-1] == "S.1.i1"
    assert c.graph.edges[ROOT, "S.1"]["jenis"] == "iku"
    assert c.owner("S.1.i1") is None


# -- a tree edited in a notebook --------------------------------------------------------------


def test_a_dangling_link_added_in_memory_is_a_clear_error_not_a_keyerror() -> None:
    tree = make()
    tree.get_jabatan("kasi").kinerja[0].mendukung.append(pokin.Tautan(ke="camat.k9.i9"))
    with pytest.raises(pokin.TreeError, match=r"mendukung\[1\]\.ke: tidak ada apa pun dalam"):
        pokin.check(tree)
    with pytest.raises(pokin.TreeError):
        pokin.dumps(tree)  # never written: the file would not load back


def test_nodes_added_in_memory_get_ids_and_text_links_resolve() -> None:
    tree = make()
    kasi = tree.get_jabatan("kasi")
    kasi.kinerja.append(
        pokin.Kinerja(
            uraian="Persentase layanan selesai tepat waktu",
            mendukung=[pokin.Tautan(teks="persentase layanan selesai tepat waktu")],
            indikator=[pokin.Indikator(uraian="Jumlah layanan tepat waktu")],
        )
    )
    with pytest.raises(pokin.TreeError, match=r"call tree\.normalise\(\)"):
        pokin.Cascade(tree)  # only reads: the edited tree is left as it is
    assert kasi.kinerja[-1].id is None
    assert kasi.kinerja[-1].mendukung[0].ke is None
    cascade = pokin.Cascade(tree.normalise())
    assert kasi.kinerja[-1].id == "kasi.k2"
    assert kasi.kinerja[-1].indikator[0].id == "kasi.k2.i1"
    assert kasi.kinerja[-1].mendukung[0].ke == "camat.k1.i1"  # the text found its indicator
    assert "kasi.k2" in cascade.reached
    assert pokin.loads(pokin.dumps(tree)) == tree


def test_an_atasan_edited_to_nowhere_is_refused_on_save(tmp_path: Path) -> None:
    tree = make()
    tree.get_jabatan("staf").atasan = "nobody"
    with pytest.raises(pokin.TreeError, match="tidak ada jabatan dengan id 'nobody'"):
        pokin.save(tree, tmp_path / "t.yaml")
    assert not (tmp_path / "t.yaml").exists()


def test_check_normalises_an_edited_tree_once_the_notebook_path() -> None:
    tree = make()
    kasi = tree.get_jabatan("kasi")
    kasi.kinerja.append(
        pokin.Kinerja(
            uraian="Laporan",
            mendukung=[pokin.Tautan(teks="persentase layanan selesai tepat waktu")],
        )
    )
    findings = pokin.check(tree)
    assert kasi.kinerja[-1].id == "kasi.k2"
    assert "kasi.k2" in findings.cascade.reached


def test_cascade_reads_a_loaded_tree_without_touching_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import pokin.models.references as references

    tree = make()
    before = tree.model_copy(deep=True)

    def refuse(*_: object) -> None:
        raise AssertionError("a loaded tree is resolved once, by load")

    monkeypatch.setattr(references, "resolve_references", refuse)
    monkeypatch.setattr(references, "assign_ids", refuse)
    pokin.check(tree)
    assert pokin.Cascade.of(tree).tree is tree
    assert tree == before


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.get_jabatan("staf").kinerja[0].mendukung.append(pokin.Tautan(ke="nowhere")),
        lambda t: setattr(t.get_jabatan("camat"), "atasan", "staf"),  # a circle
        lambda t: t.jabatan.append(t.jabatan[-1].model_copy()),  # an id twice
        lambda t: setattr(t.get_jabatan("staf"), "atasan", "nobody"),
    ],
)
def test_cascade_refuses_an_unsound_edit_and_check_explains_it(edit: Any) -> None:
    tree = make()
    edit(tree)
    with pytest.raises(pokin.TreeError, match="normalise"):
        pokin.Cascade(tree)
    with pytest.raises(pokin.TreeError) as error:
        pokin.check(tree)
    assert "normalise" not in str(error.value)  # the reference check's own message
