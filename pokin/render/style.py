"""The look of a diagram: colours per role and per kind of link, the font, marks."""

from __future__ import annotations

from ..models import Peran

__all__ = ["CONTEXT", "EDGE_STYLES", "FONT", "IKU", "LAMPU", "ORPHAN", "PALETTE", "UNCASCADED"]

IKU = "@iku"
"""The pseudo-position holding the boxes of the IKU table."""

FONT = "Arial,Helvetica,sans-serif"

PALETTE: dict[Peran | str, tuple[str, str]] = {
    IKU: ("#9fa8da", "IKU (sasaran organisasi)"),
    Peran.CAMAT: ("#90caf9", "Camat"),
    Peran.SEKRETARIS: ("#80cbc4", "Sekretaris Kecamatan"),
    Peran.KASUBBAG: ("#c5e1a5", "Kepala Sub Bagian"),
    Peran.KASI: ("#b39ddb", "Kepala Seksi"),
    Peran.LURAH: ("#fff59d", "Lurah"),
    Peran.SEKRETARIS_KELURAHAN: ("#e6ee9c", "Sekretaris Kelurahan"),
    Peran.KASI_KELURAHAN: ("#f8bbd0", "Kasi Kelurahan"),
    Peran.BENDAHARA: ("#bcaaa4", "Bendahara"),
    Peran.PELAKSANA: ("#e0e0e0", "Pelaksana (JFU)"),
    Peran.FUNGSIONAL: ("#b3e5fc", "Fungsional"),
}
"""Header fill and legend name, per role (and for the IKU table)."""

EDGE_STYLES: dict[str, tuple[str, str, str]] = {
    "normal": ("solid", "#37474f", "tautan dideklarasikan"),
    "usulan": ("dotted", "#1565c0", "usulan inferensi (skor)"),
    "diterima": ("solid", "#1565c0", "inferensi diterima"),
    "skip": ("dashed", "#d81b60", "melompati level (PK302)"),
    "cross": ("dashed", "#00838f", "lintas unit (PK303)"),
    "down": ("dashed", "#b71c1c", "mengarah ke bawah (PK304)"),
}
"""Edge style, colour and legend text, per kind of link."""

ORPHAN = ("#c62828", "#ffcdd2")  # border, marker fill
UNCASCADED = ("#e65100", "#ffe0b2")  # text, row fill
LAMPU = {"hijau": "#2e7d32", "kuning": "#f9a825", "merah": "#c62828"}
"""The colour of a capaian's traffic light (see :mod:`pokin.capaian`)."""
CONTEXT = ("#9e9e9e", "#f5f5f5")  # text and border, fill
