"""The rows of each sheet of the cascade matrix, from the tree (:mod:`pokin.excel`).

:func:`matrix_rows` gives the matrix's rows as parts (:mod:`.rowxml`): a part the row
above has too is that very tuple, so its XML is made once. The other sheets' rows are
records (column key -> value).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..capaian import Capaian, compute_capaian
from ..checks import Findings
from ..graph import Cascade
from ..models import (
    FORMAT_VERSION,
    Asal,
    Indikator,
    LevelHasil,
    PohonKinerja,
    Tautan,
)
from .layout import MATRIKS, ORGANISASI_KEYS, periods_text
from .read import link_text
from .rowxml import Row

__all__ = [
    "Context",
    "iku_rows",
    "jabatan_rows",
    "matrix_rows",
    "organisasi_rows",
    "tautan_rows",
]


class Context:
    """What the rows are computed from: the tree, its cascade, capaian and findings."""

    def __init__(self, tree: PohonKinerja, cascade: Cascade, findings: Findings) -> None:
        self.tree = tree
        self.levels = cascade.levels
        self.capaian: dict[str, Capaian] = compute_capaian(cascade)
        self.codes: dict[str | None, set[str]] = defaultdict(set)
        for finding in findings:
            self.codes[finding.where].add(finding.code)
        self.uraian: dict[str | None, str] = {s.id: s.uraian for s in tree.iku}
        self.uraian.update((k.id, k.uraian) for _, k in tree.iter_kinerja())
        self.uraian.update((i.id, i.uraian) for _, i in tree.iter_indikator())
        self.nama: dict[str | None, str] = {j.id: j.nama for j in tree.jabatan}
        self._temuan: dict[tuple[int, ...], str] = {}  # the text of a set of codes, made once

    def temuan(self, *ids: str | None) -> str | None:
        found = [codes for codes in map(self.codes.get, ids) if codes]
        if not found:
            return None
        key = tuple(map(id, found))  # the sets live as long as the context: ids are theirs
        text = self._temuan.get(key)
        if text is None:
            codes = found[0] if len(found) == 1 else set().union(*found)
            text = self._temuan[key] = ", ".join(sorted(codes))
        return text

    def capaian_of(self, indikator: Indikator) -> str | None:
        value = self.capaian.get(str(indikator.id))
        return str(value) if value is not None else None

    def didukung(self, links: list[Tautan]) -> str | None:
        lines = []
        for link in links:
            line = f"{link.ke}: {self.uraian.get(link.ke, '?')}" if link.ke else link_text(link)
            lines.append(line + ("" if link.active else " [ditolak]"))
        return "\n".join(lines) or None


def _links(links: list[Tautan]) -> str | None:
    return "\n".join(link_text(link) for link in links) or None


def _asal(links: list[Tautan]) -> str | None:
    lines = []
    for link in links:
        parts = [link.asal.value]
        if link.status is not None:
            parts.append(link.status.value)
        if link.skor is not None:
            parts.append(f"skor {link.skor:g}")
        lines.append(", ".join(parts))
    return "\n".join(lines) or None


def _level(level: LevelHasil | None) -> str | None:
    return level.value if level is not None else None


def _indikator_cells(context: Context, indikator: Indikator) -> dict[str, Any]:
    return {
        "indikator": indikator.uraian,
        "indikator_id": indikator.id,
        "formulasi": indikator.formulasi,
        "sumber_data": indikator.sumber_data,
        "satuan": indikator.satuan,
        "target": indikator.target,
        "realisasi": indikator.realisasi,
        "polaritas": indikator.polaritas,
        "level_hasil": _level(indikator.level_hasil),
        "akumulasi": indikator.akumulasi
        if indikator.per_periode or indikator.akumulasi != "kumulatif"
        else None,
        "per_periode": periods_text(indikator),
        "capaian": context.capaian_of(indikator),
        "indikator_mendukung": _links(indikator.mendukung),
        "catatan": indikator.catatan,
    }


def _split(*starts: str) -> dict[str, list[str]]:
    """The matrix's column keys in runs, each from one of ``starts`` to the next."""
    keys = [column.key for column in MATRIKS.columns]
    bounds = [0, *map(keys.index, starts[1:]), len(keys)]
    return {name: keys[a:b] for name, a, b in zip(starts, bounds[:-1], bounds[1:], strict=True)}


_PARTS = _split("level", "kinerja", "indikator", "didukung", "level_hasil", "saran")
"""The matrix columns in the parts a row is written in (:mod:`.rowxml`): the jabatan's
(from ``level``), the kinerja's, the indicator's, the links' (``didukung``, with the
kinerja's level hasil), the row's own (the indicator's level hasil, the finding codes),
and the suggestion (the last column, written last: :meth:`.writer.Book.finish`)."""
_EMPTY = {name: (None,) * len(keys) for name, keys in _PARTS.items()}


def matrix_rows(context: Context) -> Iterator[tuple[str, str | None, Row]]:
    """One row per indicator; a kinerja without one, a jabatan without kinerja get a row;
    each with its jabatan's id and its kinerja's (the Saran Tautan cell comes later). A
    part that is the same on the row above is that very tuple (its XML is made once): the
    jabatan's on all its rows, the kinerja's..."""
    empty = _EMPTY
    last: tuple[Any, ...] = ()
    for jabatan in context.tree.jabatan:
        level = context.levels.get(str(jabatan.id))
        head = (
            level + 1 if level is not None else None,
            jabatan.nama,
            jabatan.id,
            jabatan.peran.value,
            jabatan.eselon,
            jabatan.unit,
            jabatan.atasan,
        )
        jid = str(jabatan.id)
        if not jabatan.kinerja:
            own: tuple[Any, ...] = (None, context.temuan(jabatan.id))
            last = last if own == last else own
            yield jid, None, (head, empty["kinerja"], empty["indikator"], empty["didukung"], last)
        for kinerja in jabatan.kinerja:
            row = (kinerja.uraian, kinerja.id, _links(kinerja.mendukung), kinerja.catatan)
            level_hasil = _level(kinerja.level_hasil)
            links = _links_part(context, kinerja.mendukung, level_hasil)
            kid = str(kinerja.id)
            if not kinerja.indikator:
                own = (None, context.temuan(jabatan.id, kinerja.id))
                last = last if own == last else own
                yield jid, kid, (head, row, empty["indikator"], links, last)
            for indikator in kinerja.indikator:
                cells = _indikator_cells(context, indikator)
                own = (cells["level_hasil"], context.temuan(jabatan.id, kinerja.id, indikator.id))
                last = last if own == last else own
                yield (
                    jid,
                    kid,
                    (
                        head,
                        row,
                        tuple(map(cells.get, _PARTS["indikator"])),
                        _links_part(
                            context, [*kinerja.mendukung, *indikator.mendukung], level_hasil
                        )
                        if indikator.mendukung
                        else links,
                        last,
                    ),
                )


def _links_part(context: Context, mendukung: list[Tautan], level_hasil: Any) -> tuple[Any, ...]:
    """The links part of a row: a kinerja's links (with its indicator's own, if it has any)."""
    return (context.didukung(mendukung), _asal(mendukung), level_hasil)


def jabatan_rows(context: Context) -> Iterator[dict[str, Any]]:
    for jabatan in context.tree.jabatan:
        yield {
            "id": jabatan.id,
            "nama": jabatan.nama,
            "peran": jabatan.peran.value,
            "eselon": jabatan.eselon,
            "unit": jabatan.unit,
            "atasan": jabatan.atasan,
            "atasan_nama": context.nama.get(jabatan.atasan) if jabatan.atasan else None,
            "tugas": jabatan.tugas,
            "fungsi": "\n".join(jabatan.fungsi) or None,
            "catatan": jabatan.catatan,
            "inferensi": "\n".join(jabatan.inferensi) or None,
        }


def iku_rows(context: Context) -> Iterator[dict[str, Any]]:
    for sasaran in context.tree.iku:
        head = {"sasaran_id": sasaran.id, "sasaran": sasaran.uraian}
        if not sasaran.indikator:
            yield {**head, "temuan": context.temuan(sasaran.id)}
        for indikator in sasaran.indikator:
            yield {
                **head,
                **_indikator_cells(context, indikator),
                "temuan": context.temuan(sasaran.id, indikator.id),
            }


def tautan_rows(context: Context) -> Iterator[dict[str, Any]]:
    """The links whose provenance is more than a plain declaration (``_plain``)."""
    tree = context.tree
    owners: list[tuple[str | None, list[Tautan]]] = [
        (i.id, i.mendukung) for s in tree.iku for i in s.indikator
    ]
    for _, kinerja in tree.iter_kinerja():
        owners.append((kinerja.id, kinerja.mendukung))
        owners.extend((i.id, i.mendukung) for i in kinerja.indikator)
    for owner, links in owners:
        # A link repeated under one owner gets a row for each repetition, so the reader
        # pairs the rows with the repetitions in order.
        wanted = {link_text(link) for link in links if not _plain(link)}
        if not wanted:
            continue  # most owners: no link, or declarations only
        for link in links:
            if link_text(link) not in wanted:
                continue
            yield {
                "pemilik": owner,
                "pemilik_uraian": context.uraian.get(owner),
                "ke": link_text(link),
                "ke_uraian": context.uraian.get(link.ke) if link.ke else None,
                "asal": link.asal.value,
                "skor": link.skor,
                "status": link.status.value if link.status is not None else None,
                "alasan": link.alasan,
                "komponen": {True: "ya", False: "tidak", None: None}[link.komponen],
            }


def _plain(link: Tautan) -> bool:
    return (
        link.asal is Asal.DEKLARASI
        and link.skor is None
        and link.alasan is None
        and link.komponen is None
    )


def organisasi_rows(tree: PohonKinerja) -> Iterator[dict[str, Any]]:
    org = tree.organisasi
    dokumen = org.dokumen
    values: dict[str, Any] = {
        "pokin": FORMAT_VERSION,
        "nama": org.nama,
        "pemerintah": org.pemerintah,
        "tahun": org.tahun,
        "periode": org.periode,
        "catatan": org.catatan,
    }
    if dokumen is not None:
        for name in type(dokumen).model_fields:
            value = getattr(dokumen, name)
            values[f"dokumen.{name}"] = value.isoformat() if name == "tanggal" and value else value
    for key, description in ORGANISASI_KEYS.items():
        yield {"kunci": key, "nilai": values.get(key), "keterangan": description}
