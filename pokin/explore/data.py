"""The data of the explorer page: every position, box, indicator, link and finding as JSON.

The page draws itself from this one JSON document (see :mod:`pokin.explore.page`); nothing
of the tree is ever written into HTML or JavaScript text, so no decree text can break out.
Colours and link styles come from :mod:`pokin.render.dot`, so the page and the static
diagrams speak the same visual language.
"""

from __future__ import annotations

import json
from typing import Any

from .._text import format_value
from ..capaian import Capaian
from ..checks import RULES, Finding, Findings, check
from ..graph import Cascade
from ..models import Indikator, Peran, PohonKinerja
from ..render.dot import edge_kind
from ..render.layout import TIERS, tiers
from ..render.scene import Prepared
from ..render.style import EDGE_STYLES, IKU, PALETTE

__all__ = ["FILTERS", "explorer_data", "json_for_html"]

FILTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "yatim": ("Kinerja yatim (PK101)", ("PK101",)),
    "iku": ("IKU belum diturunkan (PK201)", ("PK201",)),
    "lompat": ("Melompati level (PK302)", ("PK302",)),
    "usulan": ("Tautan usulan menunggu tinjauan (PK601)", ("PK601",)),
}
"""The page's filters: key → (label, the finding codes a box or its rows must carry)."""


def _finding(finding: Finding) -> list[str]:
    rule = RULES.get(finding.code)
    judul = rule.judul if rule is not None and rule.judul else finding.code
    return [finding.code, str(finding.severity), judul, finding.message, finding.hint]


def _capaian(value: Capaian | None) -> list[str] | None:
    return None if value is None else [value.persen, value.lampu, value.asal]


def _indikator(prep: Prepared, indikator: Indikator, notes: dict[str, list[list[str]]]) -> Any:
    ind_id = str(indikator.id)
    return {
        "id": ind_id,
        "uraian": indikator.uraian,
        "formulasi": indikator.formulasi,
        "sumber_data": indikator.sumber_data,
        "satuan": indikator.satuan,
        "target": indikator.target and format_value(indikator.target),  # shown as read
        "realisasi": indikator.realisasi and format_value(indikator.realisasi),
        "capaian": _capaian(prep.capaian.get(ind_id)),
        "temuan": notes.get(ind_id, []),
    }


def _positions(prep: Prepared, notes: dict[str, list[list[str]]]) -> list[dict[str, Any]]:
    """One entry per position (the IKU table first), with its row and its parent in the
    drawing: the atasan, or the IKU table for a Camat at the top."""
    cascade, tree = prep.cascade, prep.tree
    rows = tiers(cascade)
    tops = list(tree.top)
    heads = {str(j.id) for j in tops if j.peran is Peran.CAMAT} or {str(j.id) for j in tops}
    out: list[dict[str, Any]] = []
    if tree.iku:
        out.append(
            {
                "id": IKU,
                "nama": "IKU " + tree.organisasi.nama,
                "peran": IKU,
                "unit": tree.organisasi.nama,
                "induk": None,
                "baris": -1,
                "kotak": [str(s.id) for s in tree.iku],
                "temuan": [],
            }
        )
    for jabatan in tree.jabatan:
        jid = str(jabatan.id)
        parent = jabatan.atasan if jabatan.atasan in cascade.jabatan else None
        if parent is None and tree.iku and jid in heads:
            parent = IKU
        out.append(
            {
                "id": jid,
                "nama": jabatan.nama,
                "peran": jabatan.peran.value,
                "eselon": jabatan.eselon,
                "unit": jabatan.unit or "(tanpa unit)",
                "induk": parent,
                "baris": rows[jid],
                "kotak": [str(k.id) for k in jabatan.kinerja],
                "temuan": notes.get(jid, []),
            }
        )
    return out


def _links(prep: Prepared) -> list[list[Any]]:
    """Every active link whose two ends are drawn: [superior, supporting node, kind, skor]."""
    links: list[list[Any]] = []
    for box in prep.nodes:
        for parent, held, data in prep.uplinks(box):
            if parent in prep.box_of:
                skor = data.get("skor")
                kind = edge_kind(prep, parent, held, data)
                links.append([parent, held, kind, skor if isinstance(skor, float) else None])
    return links


def explorer_data(tree: PohonKinerja | Cascade, *, findings: Findings | None = None) -> Any:
    """The JSON-ready document the explorer page is drawn from.

    >>> from pokin import datasets
    >>> data = explorer_data(datasets.load("sambutan-2023"))
    >>> len(data["jabatan"]), len(data["kotak"]), data["tautan"][0][2]
    (22, 32, 'normal')
    """
    cascade = tree if isinstance(tree, Cascade) else Cascade(tree)
    if findings is None:
        findings = check(cascade)
    prep = Prepared(findings.cascade, findings)
    notes: dict[str, list[list[str]]] = {}
    for finding in findings:
        notes.setdefault(finding.where, []).append(_finding(finding))
    boxes = {
        box: {
            "uraian": node.uraian,
            "jabatan": prep.jabatan_of[box],
            "temuan": notes.get(box, []),
            "indikator": [_indikator(prep, i, notes) for i in node.indikator],
        }
        for box, node in prep.nodes.items()
    }
    org = prep.tree.organisasi
    return {
        "judul": " ".join(
            s for s in ("Pohon Kinerja", org.nama, str(org.tahun or org.periode or "")) if s
        ),
        "subjudul": " · ".join(s for s in (org.pemerintah, org.periode) if s),
        "peran": {str(key): list(value) for key, value in PALETTE.items()},
        "urutan_peran": {str(key): value for key, value in TIERS.items()},
        "garis": {key: list(value) for key, value in EDGE_STYLES.items()},
        "saring": {key: [label, list(codes)] for key, (label, codes) in FILTERS.items()},
        "unit": list(dict.fromkeys(j.unit or "(tanpa unit)" for j in prep.tree.jabatan)),
        "jabatan": _positions(prep, notes),
        "kotak": boxes,
        "tautan": _links(prep),
        "temuan_umum": [
            _finding(f)
            for f in findings
            if f.where not in prep.box_of and f.where not in prep.cascade.jabatan
        ],
    }


def json_for_html(data: Any) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close the script
    element or open a comment; the browser's ``JSON.parse`` gives the texts back unchanged.

    >>> json_for_html({"uraian": "</script><b>&amp;"})
    '{"uraian": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026amp;"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
