"""The explorer page: one self-contained HTML file, the tree in it as JSON.

The page carries its script, its styles and the vendored pan-and-zoom library inline
(``assets/``; versions and checksums in ``assets/VENDOR.json``), so it opens offline from a
file, an e-mail attachment or a notebook, and loads nothing from the network.
"""

from __future__ import annotations

import hashlib
import html
import json
from functools import cache
from importlib import resources
from typing import Any

from .data import json_for_html

__all__ = ["ASSETS", "asset", "iframe", "page_html", "vendored"]

ASSETS = ("panzoom.min.js", "explore-view.js", "explore.js", "explore.css")
"""The files inlined into every page."""


@cache
def asset(name: str) -> str:
    """The text of one of the page's files (``assets/<name>``)."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def vendored() -> dict[str, dict[str, str]]:
    """The vendored libraries: package, version, licence and the sha256 of each file.

    >>> vendored()["panzoom.min.js"]["package"]
    '@panzoom/panzoom'
    """
    records: dict[str, dict[str, str]] = json.loads(asset("VENDOR.json"))
    return records


def sha256(name: str) -> str:
    """The sha256 of an asset's bytes, to compare with :func:`vendored`."""
    data = (resources.files(__package__) / "assets" / name).read_bytes()
    return hashlib.sha256(data).hexdigest()


def _script(text: str) -> str:
    if "</script" in text.lower():  # a vendored file must never end its own element
        raise ValueError("an inlined script contains </script")
    return f"<script>{text}</script>"


def page_html(data: dict[str, Any]) -> str:
    """The whole page for ``data`` (from :func:`pokin.explore.data.explorer_data`)."""
    title = html.escape(str(data["judul"]))
    sub = html.escape(str(data["subjudul"]))
    licence = vendored()["panzoom.min.js"]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="id"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title} — penjelajah</title>",
            f"<style>{asset('explore.css')}</style></head><body>",
            '<div id="bar"><div><h1>' + title + f'</h1><div class="sub">{sub}</div></div>',
            '<input id="cari" type="search" placeholder="Cari jabatan, kinerja, indikator, '
            'formulasi…" aria-label="Cari">',
            '<button id="cari-lanjut" type="button">Berikutnya</button>',
            '<span id="cari-jumlah"></span>',
            '<button id="zoom-in" type="button" title="Perbesar">+</button>',
            '<button id="zoom-out" type="button" title="Perkecil">−</button>',
            '<button id="zoom-fit" type="button">Seluruh pohon</button>',
            '<div id="saring"></div><span id="saring-jumlah"></span></div>',
            '<div id="stage"><div id="world"><svg id="links"></svg></div></div>',
            '<aside id="panel"><div id="panel-body"></div></aside>',
            '<script type="application/json" id="pokin-data">' + json_for_html(data) + "</script>",
            f"<!-- {html.escape(licence['package'])} {html.escape(licence['version'])}, "
            f"{html.escape(licence['licence'])} licence: -->",
            _script(asset("panzoom.min.js")),
            _script(asset("explore-view.js")),
            _script(asset("explore.js")),
            "</body></html>",
        ]
    )


def iframe(page: str, *, height: str = "720px", title: str = "Penjelajah pohon kinerja") -> str:
    """``page`` in an ``<iframe srcdoc>``: its script runs apart from the host page (a report,
    a notebook), whose own styles and scripts it can neither break nor be broken by."""
    return (
        f'<iframe class="pokin-explore" title="{html.escape(title)}" '
        f'srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{height};border:1px solid #d5dbe3;border-radius:8px" '
        'sandbox="allow-scripts"></iframe>'
    )
