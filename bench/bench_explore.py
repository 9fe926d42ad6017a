"""How fast the explorer page opens: Kebomas (77 jabatan, 2,041 indikator) in Debian's
chromium, driven by Playwright (never a downloaded browser).

Prints the time from navigation to the page's ``data-pokin="ready"`` (JSON parsed, boxes
built, laid out, links drawn, pan/zoom ready), against a floor measured in the same run
(an empty page opened the same way), and the in-page layout beside Graphviz laying out the
same tree whole. Goal: Kebomas opens in under 2 s.

    python bench/bench_explore.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import timed

import pokin
from pokin.explore import write_explorer
from pokin.render import run_dot, to_dot

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _open(browser: object, path: Path, ready: str) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector(ready, timeout=60_000)
    took = time.perf_counter() - start
    page.close()
    return took


def main() -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench_explore needs Debian's chromium (apt-get install chromium)")
    tree = pokin.datasets.load("kebomas-2023")
    folder = Path(tempfile.mkdtemp(prefix="pokin-explore-"))
    print("Kebomas:", tree.summary())
    page = timed("build the page (Python)", lambda: write_explorer(tree, folder / "k.html"))
    print(f"  {'page size':<40} {page.stat().st_size / 1e6:9.2f} MB")
    empty = folder / "empty.html"
    empty.write_text('<!DOCTYPE html><html data-pokin="ready"><body></body></html>')
    timed("Graphviz: the whole tree laid out by dot", lambda: run_dot(to_dot(tree), timeout=120))
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        _open(browser, empty, "html[data-pokin=ready]")  # warm up the browser process
        floor = min(_open(browser, empty, "html[data-pokin=ready]") for _ in range(3))
        opens = [_open(browser, page, "html[data-pokin=ready]") for _ in range(3)]
        probe = browser.new_page(viewport={"width": 1400, "height": 900})
        probe.goto(page.as_uri())
        probe.wait_for_selector("html[data-pokin=ready]")
        layout = float(probe.evaluate("document.documentElement.dataset.layoutMs"))
        script = float(probe.evaluate("document.documentElement.dataset.readyMs"))
        browser.close()
    best = min(opens)
    print(f"  {'floor: an empty page':<40} {floor * 1000:9.1f} ms")
    print(f"  {'Kebomas page open to ready (best of 3)':<40} {best * 1000:9.1f} ms")
    print(f"  {'  of which the page script':<40} {script:9.1f} ms")
    print(f"  {'  of which the in-page layout':<40} {layout:9.1f} ms")
    print(f"  {'ratio to the floor':<40} {best / floor:9.1f} x")
    print(f"  goal: under 2 s -> {'met' if best < 2.0 else 'NOT MET'}")


if __name__ == "__main__":
    main()
