"""The direction a decree writes for an indicator ("Polaritas" / "Arah" column).

>>> read_polaritas("Minimize"), read_polaritas("Positif"), read_polaritas("Makin kecil makin baik")
('turun', 'naik', 'turun')
>>> read_polaritas("Stabil") is None
True
"""

from __future__ import annotations

import re

from .._text import words

__all__ = ["read_polaritas"]

_TURUN = re.compile(
    r"^(?:minimi[sz]e|minimi[sz]ing|minimal|min|negatif|negative|turun|menurun|"
    r"lower is better|smaller is better|(?:se)?makin (?:kecil|rendah|sedikit) (?:se)?makin baik)$"
)
_NAIK = re.compile(
    r"^(?:maximi[sz]e|maximi[sz]ing|maksimal|maks|max|positif|positive|naik|meningkat|"
    r"higher is better|larger is better|(?:se)?makin (?:besar|tinggi|banyak) (?:se)?makin baik)$"
)


def read_polaritas(text: str) -> str | None:
    """``"naik"`` or ``"turun"`` from a decree's polarity cell, ``None`` when it says
    neither (a "Stabil" indicator has no direction pokin computes)."""
    if text.strip() in ("↓", "▼"):
        return "turun"
    if text.strip() in ("↑", "▲"):
        return "naik"
    said = words(text)
    if _TURUN.match(said):
        return "turun"
    if _NAIK.match(said):
        return "naik"
    return None
